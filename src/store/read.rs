//! Reading the whole workspace back as one document (export). Every list
//! follows insertion order (rowid), so export → import → export is stable.

use std::collections::HashMap;

use rusqlite::{params_from_iter, Connection, Params, Row};

use super::from_json_list;
use super::write::{META_CURRENCY, META_SETTINGS};
use crate::error::{Error, Result};
use crate::model::*;

/// Groups rows of `sql` by their first column (a parent id), keeping order.
fn grouped<T>(
    conn: &Connection,
    sql: &str,
    params: impl Params,
    mut map: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
) -> Result<HashMap<String, Vec<T>>> {
    let mut stmt = conn.prepare(sql)?;
    let mut rows = stmt.query(params)?;
    let mut out: HashMap<String, Vec<T>> = HashMap::new();
    while let Some(row) = rows.next()? {
        let key: String = row.get(0)?;
        out.entry(key).or_default().push(map(row)?);
    }
    Ok(out)
}

/// Same as [`grouped`] for integer parent keys.
fn grouped_by_int<T>(
    conn: &Connection,
    sql: &str,
    params: impl Params,
    mut map: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
) -> Result<HashMap<i64, Vec<T>>> {
    let mut stmt = conn.prepare(sql)?;
    let mut rows = stmt.query(params)?;
    let mut out: HashMap<i64, Vec<T>> = HashMap::new();
    while let Some(row) = rows.next()? {
        let key: i64 = row.get(0)?;
        out.entry(key).or_default().push(map(row)?);
    }
    Ok(out)
}

pub(crate) fn load_settings(conn: &Connection) -> Result<(String, Settings)> {
    let mut stmt = conn.prepare("SELECT key, value FROM workspace_meta")?;
    let meta: HashMap<String, String> =
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    let currency = meta.get(META_CURRENCY).cloned().unwrap_or_else(|| "CNY".into());
    let settings = match meta.get(META_SETTINGS) {
        Some(json) => serde_json::from_str(json)
            .map_err(|e| Error::invalid("workspace_meta.settings", e.to_string()))?,
        None => Settings::default(),
    };
    Ok((currency, settings))
}

pub(crate) fn load_workspace(conn: &Connection) -> Result<Workspace> {
    let (currency, settings) = load_settings(conn)?;
    Ok(Workspace {
        format: FORMAT_NAME.into(),
        version: crate::model::workspace::VERSION,
        currency,
        settings,
        competitors: load_competitors(conn)?,
        accounts: load_accounts(conn)?,
        deals: load_deals(conn, None)?,
    })
}

const FORMAT_NAME: &str = crate::model::workspace::FORMAT;

pub(super) fn load_competitors(conn: &Connection) -> Result<Vec<Competitor>> {
    let mut events = grouped(
        conn,
        "SELECT competitor, date, text FROM competitor_events ORDER BY rowid",
        [],
        |r| Ok(CompetitorEvent { date: r.get(1)?, text: r.get(2)? }),
    )?;
    let mut stmt = conn.prepare(
        "SELECT id, name, info, partners, strengths, weaknesses FROM competitors ORDER BY rowid",
    )?;
    let rows = stmt.query_map([], |r| {
        let id: String = r.get(0)?;
        Ok(Competitor {
            events: events.remove(&id).unwrap_or_default(),
            id,
            name: r.get(1)?,
            info: r.get(2)?,
            partners: from_json_list(&r.get::<_, String>(3)?)?,
            strengths: r.get(4)?,
            weaknesses: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn load_accounts(conn: &Connection) -> Result<Vec<Account>> {
    let mut circles = grouped(conn, "SELECT account, id, name FROM circles ORDER BY rowid", [], |r| {
        Ok(Circle { id: r.get(1)?, name: r.get(2)? })
    })?;
    let mut dotted =
        grouped(conn, "SELECT person, manager FROM dotted_lines ORDER BY rowid", [], |r| r.get(1))?;
    let mut member =
        grouped(conn, "SELECT person, circle FROM circle_members ORDER BY rowid", [], |r| r.get(1))?;
    let mut influences = grouped(
        conn,
        "SELECT account, from_person, to_person, strength FROM influences ORDER BY rowid",
        [],
        |r| Ok(InfluenceLink { from: r.get(1)?, to: r.get(2)?, strength: r.get(3)? }),
    )?;
    let mut activity_people =
        grouped(conn, "SELECT activity, person FROM activity_people ORDER BY rowid", [], |r| r.get(1))?;
    let mut activities = grouped(
        conn,
        "SELECT account, id, date, type, status, deal, summary, addresses, our_people, outcome
         FROM activities ORDER BY rowid",
        [],
        |r| {
            let id: String = r.get(1)?;
            Ok(Activity {
                people: activity_people.remove(&id).unwrap_or_default(),
                id,
                date: r.get(2)?,
                kind: r.get(3)?,
                status: r.get(4)?,
                deal: r.get(5)?,
                summary: r.get(6)?,
                addresses: r.get(7)?,
                our_people: from_json_list(&r.get::<_, String>(8)?)?,
                outcome: r.get(9)?,
            })
        },
    )?;
    let mut people = grouped(
        conn,
        "SELECT account, id, name, title, department, manager, orientation, attitude, influence,
                primary_circle, leans_to, notes, email, phone
         FROM people ORDER BY rowid",
        [],
        |r| {
            let id: String = r.get(1)?;
            Ok(Person {
                dotted_managers: dotted.remove(&id).unwrap_or_default(),
                circles: member.remove(&id).unwrap_or_default(),
                id,
                name: r.get(2)?,
                title: r.get(3)?,
                department: r.get(4)?,
                manager: r.get(5)?,
                orientation: r.get(6)?,
                attitude: r.get(7)?,
                influence: r.get(8)?,
                primary_circle: r.get(9)?,
                leans_to: r.get(10)?,
                notes: r.get(11)?,
                email: r.get(12)?,
                phone: r.get(13)?,
            })
        },
    )?;
    let mut stmt =
        conn.prepare("SELECT id, name, industry, region, notes FROM accounts ORDER BY rowid")?;
    let rows = stmt.query_map([], |r| {
        let id: String = r.get(0)?;
        Ok(Account {
            circles: circles.remove(&id).unwrap_or_default(),
            people: people.remove(&id).unwrap_or_default(),
            influences: influences.remove(&id).unwrap_or_default(),
            activities: activities.remove(&id).unwrap_or_default(),
            id,
            name: r.get(1)?,
            industry: r.get(2)?,
            region: r.get(3)?,
            notes: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The deals with all their parts: every deal, or only the one whose id is
/// `only` (then every query keeps to that deal's rows).
pub(super) fn load_deals(conn: &Connection, only: Option<&str>) -> Result<Vec<Deal>> {
    // `cond` keeps a query to the rows of the deal bound as ?1; rows stay in insertion order.
    const OF_DEAL: &str = "deal = ?1";
    let scoped = |select: &str, cond: &str| match only {
        Some(_) => format!("{select} WHERE {cond} ORDER BY rowid"),
        None => format!("{select} ORDER BY rowid"),
    };
    let mut registrations = grouped(
        conn,
        &scoped(
            "SELECT deal, partner, registered_on, protection_until, status FROM partner_registrations",
            OF_DEAL,
        ),
        params_from_iter(only),
        |r| {
            Ok(PartnerRegistration {
                partner: r.get(1)?,
                registered_on: r.get(2)?,
                protection_until: r.get(3)?,
                status: r.get(4)?,
            })
        },
    )?;
    let mut participants = grouped(
        conn,
        &scoped(
            "SELECT deal, person, role, attitude, relationship_strategy FROM participants",
            OF_DEAL,
        ),
        params_from_iter(only),
        |r| {
            Ok(Participant {
                person: r.get(1)?,
                role: r.get(2)?,
                attitude: r.get(3)?,
                relationship_strategy: r.get(4)?,
            })
        },
    )?;
    let mut links = grouped(
        conn,
        &scoped("SELECT deal, from_person, to_person, label FROM decision_links", OF_DEAL),
        params_from_iter(only),
        |r| Ok(DecisionLink { from: r.get(1)?, to: r.get(2)?, label: r.get(3)? }),
    )?;
    let mut events = grouped(
        conn,
        &scoped(
            "SELECT deal, description, kind, confirmed, assessed_on, evidence FROM compelling_events",
            OF_DEAL,
        ),
        params_from_iter(only),
        |r| {
            Ok(CompellingEvent {
                description: r.get(1)?,
                kind: r.get(2)?,
                confirmed: r.get(3)?,
                assessed_on: r.get(4)?,
                evidence: r.get(5)?,
            })
        },
    )?;
    let mut competitors = grouped(
        conn,
        &scoped("SELECT deal, competitor FROM deal_competitors", OF_DEAL),
        params_from_iter(only),
        |r| r.get(1),
    )?;
    let mut scores = grouped_by_int(
        conn,
        &scoped(
            "SELECT assessment, party, fit, closeness FROM assessment_scores",
            "assessment IN (SELECT id FROM assessments WHERE deal = ?1)",
        ),
        params_from_iter(only),
        |r| Ok(Score { party: r.get(1)?, fit: r.get(2)?, closeness: r.get(3)? }),
    )?;
    let mut assessments = grouped(
        conn,
        &scoped("SELECT deal, id, date, inside_source, participants FROM assessments", OF_DEAL),
        params_from_iter(only),
        |r| {
            let id: i64 = r.get(1)?;
            Ok(Assessment {
                date: r.get(2)?,
                inside_source: r.get(3)?,
                participants: from_json_list(&r.get::<_, String>(4)?)?,
                scores: scores.remove(&id).unwrap_or_default(),
            })
        },
    )?;
    let mut quotes = grouped(
        conn,
        &scoped("SELECT deal, party, date, amount, note FROM quotes", OF_DEAL),
        params_from_iter(only),
        |r| Ok(Quote { party: r.get(1)?, date: r.get(2)?, amount: r.get(3)?, note: r.get(4)? }),
    )?;
    let mut comparisons = grouped(
        conn,
        &scoped("SELECT deal, aspect, party, note FROM vp_comparisons", OF_DEAL),
        params_from_iter(only),
        |r| Ok(Comparison { aspect: r.get(1)?, party: r.get(2)?, note: r.get(3)? }),
    )?;
    let mut team = grouped(
        conn,
        &scoped("SELECT deal, colleague, department, role FROM team_members", OF_DEAL),
        params_from_iter(only),
        |r| Ok(TeamMember { colleague: r.get(1)?, department: r.get(2)?, role: r.get(3)? }),
    )?;
    let mut requests = grouped(
        conn,
        &scoped(
            "SELECT deal, requested_by, department, what, person_days, status FROM resource_requests",
            OF_DEAL,
        ),
        params_from_iter(only),
        |r| {
            Ok(ResourceRequest {
                requested_by: r.get(1)?,
                department: r.get(2)?,
                what: r.get(3)?,
                person_days: r.get(4)?,
                status: r.get(5)?,
            })
        },
    )?;
    let mut checklist = grouped(
        conn,
        &scoped("SELECT deal, stage, item FROM checklist_marks", OF_DEAL),
        params_from_iter(only),
        |r| Ok(ChecklistMark { stage: r.get(1)?, item: r.get(2)? }),
    )?;
    let mut actions = grouped_by_int(
        conn,
        &scoped(
            "SELECT session, text, owner, due, done FROM action_items",
            "session IN (SELECT id FROM coaching_sessions WHERE deal = ?1)",
        ),
        params_from_iter(only),
        |r| Ok(ActionItem { text: r.get(1)?, owner: r.get(2)?, due: r.get(3)?, done: r.get(4)? }),
    )?;
    let mut coaching = grouped(
        conn,
        &scoped("SELECT deal, id, date, coach, notes, elements FROM coaching_sessions", OF_DEAL),
        params_from_iter(only),
        |r| {
            let id: i64 = r.get(1)?;
            Ok(CoachingSession {
                date: r.get(2)?,
                coach: r.get(3)?,
                notes: r.get(4)?,
                elements: from_json_list(&r.get::<_, String>(5)?)?,
                actions: actions.remove(&id).unwrap_or_default(),
            })
        },
    )?;
    let mut stmt = conn.prepare(&scoped(
        "SELECT id, account, name, amount, currency, stage, status, expected_close, grade_override,
                override_reason, partner_led, sales_mode, not_shortlisted, strategy, tactics,
                vp_solution, vp_business_value
         FROM deals",
        "id = ?1",
    ))?;
    let rows = stmt.query_map(params_from_iter(only), |r| {
        let id: String = r.get(0)?;
        Ok(Deal {
            partner_registration: registrations.remove(&id).and_then(|mut v| v.pop()),
            participants: participants.remove(&id).unwrap_or_default(),
            decision_links: links.remove(&id).unwrap_or_default(),
            compelling_events: events.remove(&id).unwrap_or_default(),
            competitors: competitors.remove(&id).unwrap_or_default(),
            assessments: assessments.remove(&id).unwrap_or_default(),
            quotes: quotes.remove(&id).unwrap_or_default(),
            value_proposition: ValueProposition {
                solution: r.get(15)?,
                business_value: r.get(16)?,
                comparison: comparisons.remove(&id).unwrap_or_default(),
            },
            team: team.remove(&id).unwrap_or_default(),
            resource_requests: requests.remove(&id).unwrap_or_default(),
            checklist: checklist.remove(&id).unwrap_or_default(),
            coaching: coaching.remove(&id).unwrap_or_default(),
            account: r.get(1)?,
            name: r.get(2)?,
            amount: r.get(3)?,
            currency: r.get(4)?,
            stage: r.get(5)?,
            status: r.get(6)?,
            expected_close: r.get(7)?,
            grade_override: r.get(8)?,
            override_reason: r.get(9)?,
            partner_led: r.get(10)?,
            sales_mode: r.get(11)?,
            not_shortlisted: r.get(12)?,
            strategy: r.get(13)?,
            tactics: from_json_list(&r.get::<_, String>(14)?)?,
            id,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
