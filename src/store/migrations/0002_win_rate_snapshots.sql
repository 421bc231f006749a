-- Schema version 2: weekly win-rate snapshots (the probability curve, §3.5).

CREATE TABLE win_rate_snapshots (
    deal            TEXT NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
    week            TEXT NOT NULL,      -- ISO week, e.g. 2026-W47
    as_of           TEXT NOT NULL,
    rate            REAL,               -- NULL: no win rate computed
    formula_version INTEGER NOT NULL,
    data            TEXT NOT NULL,      -- the whole snapshot as JSON (inputs, reasons, strengths)
    PRIMARY KEY (deal, week)
) STRICT;
