//! Writing a whole workspace document into the tables (import), and clearing
//! them (replace). Callers run these inside one transaction.

use rusqlite::{params, Connection};

use super::to_json_list;
use crate::error::Result;
use crate::model::*;

pub(crate) const META_CURRENCY: &str = "currency";
pub(crate) const META_SETTINGS: &str = "settings";

/// Every table of the workspace, each before the tables it points at.
/// `clear` empties them all; the replace tests fail for a table left out
/// (its rows would outlive the replace).
const TABLES_CHILDREN_FIRST: &[&str] = &[
    "win_rate_snapshots",
    "scenarios",
    "activity_people",
    "activities",
    "action_items",
    "coaching_sessions",
    "checklist_marks",
    "resource_requests",
    "team_members",
    "vp_comparisons",
    "quotes",
    "assessment_scores",
    "assessments",
    "deal_competitors",
    "compelling_events",
    "decision_links",
    "participants",
    "partner_registrations",
    "deals",
    "influences",
    "circle_members",
    "dotted_lines",
    "people",
    "circles",
    "accounts",
    "competitor_events",
    "competitors",
    "workspace_meta",
];

/// Deletes every record of the workspace (used by replace, inside its
/// transaction). Whole tables, children first: with foreign keys off (see
/// [`super::Store::atomically_checking_references_at_commit`]) SQLite empties
/// each in one step instead of row by row; with them on, no delete has
/// children left to visit.
pub(crate) fn clear(tx: &Connection) -> Result<()> {
    for table in TABLES_CHILDREN_FIRST {
        tx.execute(&format!("DELETE FROM {table}"), [])?;
    }
    Ok(())
}

pub(crate) fn write_settings(tx: &Connection, currency: &str, settings: &Settings) -> Result<()> {
    let json = serde_json::to_string(settings).expect("settings always serialize");
    let mut stmt = tx.prepare_cached("INSERT OR REPLACE INTO workspace_meta(key, value) VALUES (?1, ?2)")?;
    stmt.execute(params![META_CURRENCY, currency])?;
    stmt.execute(params![META_SETTINGS, json])?;
    Ok(())
}

/// Inserts every record of `ws`, in file order. Foreign keys are checked at commit.
pub(crate) fn insert_records(tx: &Connection, ws: &Workspace) -> Result<()> {
    tx.pragma_update(None, "defer_foreign_keys", true)?;
    insert_competitors(tx, &ws.competitors)?;
    for account in &ws.accounts {
        insert_account(tx, account)?;
    }
    for deal in &ws.deals {
        insert_deal(tx, deal)?;
    }
    for account in &ws.accounts {
        insert_activities(tx, &account.id, &account.activities)?;
    }
    Ok(())
}

fn insert_competitors(tx: &Connection, competitors: &[Competitor]) -> Result<()> {
    let mut comp = tx.prepare_cached(
        "INSERT INTO competitors(id, name, info, partners, strengths, weaknesses) VALUES (?1,?2,?3,?4,?5,?6)",
    )?;
    let mut event =
        tx.prepare_cached("INSERT INTO competitor_events(competitor, date, text) VALUES (?1,?2,?3)")?;
    for c in competitors {
        comp.execute(params![c.id, c.name, c.info, to_json_list(&c.partners), c.strengths, c.weaknesses])?;
        for e in &c.events {
            event.execute(params![c.id, e.date, e.text])?;
        }
    }
    Ok(())
}

pub(crate) fn insert_account(tx: &Connection, a: &Account) -> Result<()> {
    tx.execute(
        "INSERT INTO accounts(id, name, industry, region, notes) VALUES (?1,?2,?3,?4,?5)",
        params![a.id, a.name, a.industry, a.region, a.notes],
    )?;
    let mut circle = tx.prepare_cached("INSERT INTO circles(id, account, name) VALUES (?1,?2,?3)")?;
    for c in &a.circles {
        circle.execute(params![c.id, a.id, c.name])?;
    }
    let mut person = tx.prepare_cached(
        "INSERT INTO people(id, account, name, title, department, manager, orientation, attitude, influence,
                            primary_circle, leans_to, notes, email, phone)
         VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)",
    )?;
    let mut dotted = tx.prepare_cached("INSERT INTO dotted_lines(person, manager) VALUES (?1,?2)")?;
    let mut member = tx.prepare_cached("INSERT INTO circle_members(person, circle) VALUES (?1,?2)")?;
    for p in &a.people {
        person.execute(params![
            p.id,
            a.id,
            p.name,
            p.title,
            p.department,
            p.manager,
            p.orientation,
            p.attitude,
            p.influence,
            p.primary_circle,
            p.leans_to,
            p.notes,
            p.email,
            p.phone
        ])?;
        for m in &p.dotted_managers {
            dotted.execute(params![p.id, m])?;
        }
        for c in &p.circles {
            member.execute(params![p.id, c])?;
        }
    }
    let mut influence = tx.prepare_cached(
        "INSERT INTO influences(account, from_person, to_person, strength) VALUES (?1,?2,?3,?4)",
    )?;
    for i in &a.influences {
        influence.execute(params![a.id, i.from, i.to, i.strength])?;
    }
    Ok(())
}

pub(crate) fn insert_activities(tx: &Connection, account: &str, activities: &[Activity]) -> Result<()> {
    let mut act = tx.prepare_cached(
        "INSERT INTO activities(id, account, date, type, status, deal, summary, addresses, our_people, outcome)
         VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)",
    )?;
    let mut who = tx.prepare_cached("INSERT INTO activity_people(activity, person) VALUES (?1,?2)")?;
    for a in activities {
        act.execute(params![
            a.id,
            account,
            a.date,
            a.kind,
            a.status,
            a.deal,
            a.summary,
            a.addresses,
            to_json_list(&a.our_people),
            a.outcome
        ])?;
        for p in &a.people {
            who.execute(params![a.id, p])?;
        }
    }
    Ok(())
}

pub(crate) fn insert_deal(tx: &Connection, d: &Deal) -> Result<()> {
    tx.execute(
        "INSERT INTO deals(id, account, name, amount, currency, stage, status, expected_close, grade_override,
                           override_reason, partner_led, sales_mode, not_shortlisted, strategy, tactics,
                           vp_solution, vp_business_value)
         VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17)",
        params![
            d.id,
            d.account,
            d.name,
            d.amount,
            d.currency,
            d.stage,
            d.status,
            d.expected_close,
            d.grade_override,
            d.override_reason,
            d.partner_led,
            d.sales_mode,
            d.not_shortlisted,
            d.strategy,
            to_json_list(&d.tactics),
            d.value_proposition.solution,
            d.value_proposition.business_value
        ],
    )?;
    if let Some(r) = &d.partner_registration {
        tx.execute(
            "INSERT INTO partner_registrations(deal, partner, registered_on, protection_until, status)
             VALUES (?1,?2,?3,?4,?5)",
            params![d.id, r.partner, r.registered_on, r.protection_until, r.status],
        )?;
    }
    let mut stmt = tx.prepare_cached(
        "INSERT INTO participants(deal, person, role, attitude, relationship_strategy) VALUES (?1,?2,?3,?4,?5)",
    )?;
    for p in &d.participants {
        stmt.execute(params![d.id, p.person, p.role, p.attitude, p.relationship_strategy])?;
    }
    let mut stmt = tx.prepare_cached(
        "INSERT INTO decision_links(deal, from_person, to_person, label) VALUES (?1,?2,?3,?4)",
    )?;
    for l in &d.decision_links {
        stmt.execute(params![d.id, l.from, l.to, l.label])?;
    }
    let mut stmt = tx.prepare_cached(
        "INSERT INTO compelling_events(deal, description, kind, confirmed, assessed_on, evidence)
         VALUES (?1,?2,?3,?4,?5,?6)",
    )?;
    for e in &d.compelling_events {
        stmt.execute(params![d.id, e.description, e.kind, e.confirmed, e.assessed_on, e.evidence])?;
    }
    let mut stmt = tx.prepare_cached("INSERT INTO deal_competitors(deal, competitor) VALUES (?1,?2)")?;
    for c in &d.competitors {
        stmt.execute(params![d.id, c])?;
    }
    let mut assessment = tx.prepare_cached(
        "INSERT INTO assessments(deal, date, inside_source, participants) VALUES (?1,?2,?3,?4)",
    )?;
    let mut score = tx.prepare_cached(
        "INSERT INTO assessment_scores(assessment, party, fit, closeness) VALUES (?1,?2,?3,?4)",
    )?;
    for a in &d.assessments {
        assessment.execute(params![d.id, a.date, a.inside_source, to_json_list(&a.participants)])?;
        let id = tx.last_insert_rowid();
        for s in &a.scores {
            score.execute(params![id, s.party, s.fit, s.closeness])?;
        }
    }
    let mut stmt =
        tx.prepare_cached("INSERT INTO quotes(deal, party, date, amount, note) VALUES (?1,?2,?3,?4,?5)")?;
    for q in &d.quotes {
        stmt.execute(params![d.id, q.party, q.date, q.amount, q.note])?;
    }
    let mut stmt =
        tx.prepare_cached("INSERT INTO vp_comparisons(deal, aspect, party, note) VALUES (?1,?2,?3,?4)")?;
    for c in &d.value_proposition.comparison {
        stmt.execute(params![d.id, c.aspect, c.party, c.note])?;
    }
    let mut stmt = tx.prepare_cached(
        "INSERT INTO team_members(deal, colleague, department, role) VALUES (?1,?2,?3,?4)",
    )?;
    for t in &d.team {
        stmt.execute(params![d.id, t.colleague, t.department, t.role])?;
    }
    let mut stmt = tx.prepare_cached(
        "INSERT INTO resource_requests(deal, requested_by, department, what, person_days, status)
         VALUES (?1,?2,?3,?4,?5,?6)",
    )?;
    for r in &d.resource_requests {
        stmt.execute(params![d.id, r.requested_by, r.department, r.what, r.person_days, r.status])?;
    }
    let mut stmt = tx.prepare_cached("INSERT INTO checklist_marks(deal, stage, item) VALUES (?1,?2,?3)")?;
    for m in &d.checklist {
        stmt.execute(params![d.id, m.stage, m.item])?;
    }
    let mut session = tx.prepare_cached(
        "INSERT INTO coaching_sessions(deal, date, coach, notes, elements) VALUES (?1,?2,?3,?4,?5)",
    )?;
    let mut action = tx.prepare_cached(
        "INSERT INTO action_items(session, text, owner, due, done) VALUES (?1,?2,?3,?4,?5)",
    )?;
    for c in &d.coaching {
        session.execute(params![d.id, c.date, c.coach, c.notes, to_json_list(&c.elements)])?;
        let id = tx.last_insert_rowid();
        for a in &c.actions {
            action.execute(params![id, a.text, a.owner, a.due, a.done])?;
        }
    }
    Ok(())
}

impl super::Store {
    /// Writes a checked workspace in one transaction. `replace_all` clears the
    /// whole workspace (settings included); otherwise records are added.
    pub(crate) fn write_workspace(&mut self, ws: &Workspace, replace_all: bool) -> Result<()> {
        if replace_all {
            // Row-by-row reference checks are most of the cost of emptying and
            // refilling every table; one check of the whole result replaces them.
            return self.atomically_checking_references_at_commit(|store| store.write_records(ws, true));
        }
        self.write_records(ws, false)
    }

    fn write_records(&mut self, ws: &Workspace, replace_all: bool) -> Result<()> {
        let tx = super::transactions::write_tx(&mut self.conn)?;
        if replace_all {
            clear(&tx)?;
            write_settings(&tx, &ws.currency, &ws.settings)?;
        }
        insert_records(&tx, ws)?;
        tx.commit()?;
        Ok(())
    }
}
