-- Schema version 3: sand-table scenarios (沙盘推演) — named forks of a deal that
-- never touch the real deal until promoted.

CREATE TABLE scenarios (
    id          TEXT PRIMARY KEY,
    deal        TEXT NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    created_on  TEXT NOT NULL,
    data        TEXT NOT NULL      -- the scenario's deal and its activities, as JSON
) STRICT;

CREATE INDEX scenarios_by_deal ON scenarios(deal);
