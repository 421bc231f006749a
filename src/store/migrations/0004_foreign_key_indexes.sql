-- Schema version 4: an index on every column that points at another row.
-- SQLite looks up a parent's children by these columns on each delete of the
-- parent (cascade, set null, or the check itself); without an index each
-- lookup reads the whole child table, and replacing a 20,000-person
-- workspace took 30–60 s. tests/core/replace_speed.rs fails for a new
-- reference without one.

CREATE INDEX people_by_primary_circle ON people(primary_circle);
CREATE INDEX people_by_leans_to ON people(leans_to);
CREATE INDEX dotted_lines_by_manager ON dotted_lines(manager);
CREATE INDEX circle_members_by_circle ON circle_members(circle);
CREATE INDEX influences_by_from_person ON influences(from_person);
CREATE INDEX influences_by_to_person ON influences(to_person);
CREATE INDEX participants_by_person ON participants(person);
CREATE INDEX decision_links_by_from_person ON decision_links(from_person);
CREATE INDEX decision_links_by_to_person ON decision_links(to_person);
CREATE INDEX deal_competitors_by_competitor ON deal_competitors(competitor);
CREATE INDEX assessments_by_inside_source ON assessments(inside_source);
