-- Schema version 1: the whole TAS+ model of tas-plus.md.
-- Rows keep their insertion order (rowid), which export follows.

CREATE TABLE workspace_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE competitors (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    info       TEXT NOT NULL DEFAULT '',
    partners   TEXT NOT NULL DEFAULT '[]',   -- JSON array of names
    strengths  TEXT NOT NULL DEFAULT '',
    weaknesses TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE competitor_events (
    id         INTEGER PRIMARY KEY,
    competitor TEXT NOT NULL REFERENCES competitors(id) ON DELETE CASCADE,
    date       TEXT NOT NULL,
    text       TEXT NOT NULL
) STRICT;
CREATE INDEX competitor_events_by_competitor ON competitor_events(competitor);

CREATE TABLE accounts (
    id       TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    industry TEXT NOT NULL DEFAULT '',
    region   TEXT NOT NULL DEFAULT '',
    notes    TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE circles (
    id      TEXT PRIMARY KEY,
    account TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    name    TEXT NOT NULL
) STRICT;
CREATE INDEX circles_by_account ON circles(account);

CREATE TABLE people (
    id             TEXT PRIMARY KEY,
    account        TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    name           TEXT NOT NULL,
    title          TEXT NOT NULL DEFAULT '',
    department     TEXT NOT NULL DEFAULT '',
    manager        TEXT REFERENCES people(id) ON DELETE SET NULL,
    orientation    TEXT NOT NULL DEFAULT 'unknown',
    attitude       TEXT NOT NULL DEFAULT 'unknown',
    influence      TEXT NOT NULL DEFAULT 'unknown',
    primary_circle TEXT REFERENCES circles(id) ON DELETE SET NULL,
    leans_to       TEXT REFERENCES competitors(id) ON DELETE SET NULL,
    notes          TEXT NOT NULL DEFAULT '',
    email          TEXT NOT NULL DEFAULT '',
    phone          TEXT NOT NULL DEFAULT '',
    CHECK (manager IS NULL OR manager <> id)
) STRICT;
CREATE INDEX people_by_account ON people(account);
CREATE INDEX people_by_manager ON people(manager);

CREATE TABLE dotted_lines (
    person  TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    manager TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    PRIMARY KEY (person, manager),
    CHECK (person <> manager)
) STRICT;

CREATE TABLE circle_members (
    person TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    circle TEXT NOT NULL REFERENCES circles(id) ON DELETE CASCADE,
    PRIMARY KEY (person, circle)
) STRICT;

CREATE TABLE influences (
    id          INTEGER PRIMARY KEY,
    account     TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    from_person TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    to_person   TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    strength    INTEGER NOT NULL CHECK (strength BETWEEN 1 AND 3)
) STRICT;
CREATE INDEX influences_by_account ON influences(account);

CREATE TABLE deals (
    id                TEXT PRIMARY KEY,
    account           TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    name              TEXT NOT NULL,
    amount            REAL NOT NULL CHECK (amount >= 0),
    currency          TEXT NOT NULL,
    stage             TEXT NOT NULL,
    status            TEXT NOT NULL,
    expected_close    TEXT,
    grade_override    TEXT,
    override_reason   TEXT NOT NULL DEFAULT '',
    partner_led       INTEGER NOT NULL DEFAULT 0,
    sales_mode        TEXT,
    not_shortlisted   INTEGER NOT NULL DEFAULT 0,
    strategy          TEXT,
    tactics           TEXT NOT NULL DEFAULT '[]',  -- JSON array
    vp_solution       TEXT NOT NULL DEFAULT '',
    vp_business_value TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX deals_by_account ON deals(account);

CREATE TABLE partner_registrations (
    deal             TEXT PRIMARY KEY REFERENCES deals(id) ON DELETE CASCADE,
    partner          TEXT NOT NULL,
    registered_on    TEXT NOT NULL,
    protection_until TEXT NOT NULL,
    status           TEXT NOT NULL
) STRICT;

CREATE TABLE participants (
    deal                  TEXT NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
    person                TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    role                  TEXT NOT NULL DEFAULT 'unknown',
    attitude              TEXT NOT NULL DEFAULT 'unknown',
    relationship_strategy TEXT,
    PRIMARY KEY (deal, person)
) STRICT;

CREATE TABLE decision_links (
    id          INTEGER PRIMARY KEY,
    deal        TEXT NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
    from_person TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    to_person   TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    label       TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX decision_links_by_deal ON decision_links(deal);

CREATE TABLE compelling_events (
    id          INTEGER PRIMARY KEY,
    deal        TEXT NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
    description TEXT NOT NULL,
    kind        TEXT NOT NULL,
    confirmed   INTEGER NOT NULL,
    assessed_on TEXT NOT NULL,
    evidence    TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX compelling_events_by_deal ON compelling_events(deal);

CREATE TABLE deal_competitors (
    deal       TEXT NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
    competitor TEXT NOT NULL REFERENCES competitors(id) ON DELETE CASCADE,
    PRIMARY KEY (deal, competitor)
) STRICT;

CREATE TABLE assessments (
    id            INTEGER PRIMARY KEY,
    deal          TEXT NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
    date          TEXT NOT NULL,
    inside_source TEXT REFERENCES people(id) ON DELETE SET NULL,
    participants  TEXT NOT NULL DEFAULT '[]'  -- JSON array of names
) STRICT;
CREATE INDEX assessments_by_deal ON assessments(deal, date);

CREATE TABLE assessment_scores (
    assessment INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    party      TEXT NOT NULL,                 -- 'us' or a competitor id
    fit        REAL NOT NULL CHECK (fit BETWEEN 0 AND 10),
    closeness  REAL NOT NULL CHECK (closeness BETWEEN 0 AND 10),
    PRIMARY KEY (assessment, party)
) STRICT;

CREATE TABLE quotes (
    id     INTEGER PRIMARY KEY,
    deal   TEXT NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
    party  TEXT NOT NULL,
    date   TEXT NOT NULL,
    amount REAL NOT NULL CHECK (amount >= 0),
    note   TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX quotes_by_deal ON quotes(deal);

CREATE TABLE vp_comparisons (
    id     INTEGER PRIMARY KEY,
    deal   TEXT NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
    aspect TEXT NOT NULL,
    party  TEXT NOT NULL,
    note   TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX vp_comparisons_by_deal ON vp_comparisons(deal);

CREATE TABLE team_members (
    id         INTEGER PRIMARY KEY,
    deal       TEXT NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
    colleague  TEXT NOT NULL,
    department TEXT NOT NULL DEFAULT '',
    role       TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX team_members_by_deal ON team_members(deal);

CREATE TABLE resource_requests (
    id           INTEGER PRIMARY KEY,
    deal         TEXT NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
    requested_by TEXT NOT NULL,
    department   TEXT NOT NULL,
    what         TEXT NOT NULL,
    person_days  REAL NOT NULL CHECK (person_days >= 0),
    status       TEXT NOT NULL
) STRICT;
CREATE INDEX resource_requests_by_deal ON resource_requests(deal);

CREATE TABLE checklist_marks (
    deal  TEXT NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
    stage TEXT NOT NULL,
    item  TEXT NOT NULL,
    PRIMARY KEY (deal, stage, item)
) STRICT;

CREATE TABLE coaching_sessions (
    id       INTEGER PRIMARY KEY,
    deal     TEXT NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
    date     TEXT NOT NULL,
    coach    TEXT NOT NULL,
    notes    TEXT NOT NULL DEFAULT '',
    elements TEXT NOT NULL DEFAULT '[]'  -- JSON array of element keys
) STRICT;
CREATE INDEX coaching_sessions_by_deal ON coaching_sessions(deal);

CREATE TABLE action_items (
    id      INTEGER PRIMARY KEY,
    session INTEGER NOT NULL REFERENCES coaching_sessions(id) ON DELETE CASCADE,
    text    TEXT NOT NULL,
    owner   TEXT NOT NULL DEFAULT '',
    due     TEXT,
    done    INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX action_items_by_session ON action_items(session);

CREATE TABLE activities (
    id         TEXT PRIMARY KEY,
    account    TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    date       TEXT NOT NULL,
    type       TEXT NOT NULL,
    status     TEXT NOT NULL,
    deal       TEXT REFERENCES deals(id) ON DELETE SET NULL,
    summary    TEXT NOT NULL DEFAULT '',
    addresses  TEXT NOT NULL DEFAULT '',
    our_people TEXT NOT NULL DEFAULT '[]',  -- JSON array of colleague names
    outcome    TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX activities_by_account ON activities(account, date);
CREATE INDEX activities_by_deal ON activities(deal);

CREATE TABLE activity_people (
    activity TEXT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
    person   TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    PRIMARY KEY (activity, person)
) STRICT;
CREATE INDEX activity_people_by_person ON activity_people(person);
