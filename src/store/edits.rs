//! Applying map edits (issue 5, tas-plus.md §3.4): each [`Edit`] is checked
//! against the rules, written in one transaction, and answered with its exact
//! inverse. Destructive edits are undone by `replace_account`, which puts the
//! whole account back — in its place in the account and deal lists, since the
//! export follows the tables' row order.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

use rusqlite::{params, Connection, OptionalExtension};

use super::read::{load_accounts, load_competitors, load_deals, load_settings};
use super::write::{insert_account, insert_activities, insert_deal};
use super::Store;
use crate::engine::curve::Snapshot;
use crate::engine::interaction::done_in_future;
use crate::error::{Error, Problem, Result};
use crate::io::validate::{validate, Existing};
use crate::model::edit::PersonPatch;
use crate::model::*;

impl Store {
    /// Applies one map edit in one transaction and returns the edit that undoes
    /// it exactly (plus the id the core assigned, if it created something).
    /// A refused edit changes nothing: `NotFound` for an unknown id,
    /// `InvalidInput` naming the field and the id for a broken rule,
    /// `InvalidFile` listing the problems of a refused `replace_account`.
    pub fn apply(&mut self, edit: &Edit) -> Result<EditOutcome> {
        let tx = super::transactions::write_tx(&mut self.conn)?;
        let outcome = apply_in(&tx, edit)?;
        tx.commit()?;
        Ok(outcome)
    }

    /// [`Store::apply`], then this week's snapshot of every open deal the edit
    /// touched is retaken, so the probability curve follows the edit — all in
    /// one transaction: when the snapshots cannot be written, the edit is not
    /// applied either, and the error says so.
    pub fn apply_as_of(&mut self, edit: &Edit, as_of: chrono::NaiveDate) -> Result<EditOutcome> {
        self.atomically(|store| {
            refuse_done_in_future(store.conn(), edit, as_of)?;
            let outcome = store.apply(edit)?;
            store.retake_snapshots(&edit.deals_touched(), as_of)?;
            Ok(outcome)
        })
    }
}

/// An activity marked done on a day still to come is refused
/// ([`done_in_future`]): no edit that sets activities (`set_activity`,
/// `update_deal`'s activities, `replace_account`, promoting a scenario) may
/// bring one in. One stored exactly so already (an undo putting an account
/// back) passes; a scenario may hold one until it is promoted.
pub(super) fn refuse_done_in_future(conn: &Connection, edit: &Edit, today: chrono::NaiveDate) -> Result<()> {
    let given: Vec<(String, &Activity)> = match edit {
        Edit::SetActivity { activity, .. } => vec![("activity".to_string(), activity)],
        Edit::UpdateDeal { activities: Some(list), .. } => {
            list.iter().enumerate().map(|(i, a)| (format!("activities[{i}]"), a)).collect()
        }
        Edit::ReplaceAccount { account, .. } => {
            account.activities.iter().enumerate().map(|(i, a)| (format!("account.activities[{i}]"), a)).collect()
        }
        Edit::Batch { edits } => {
            for (i, e) in edits.iter().enumerate() {
                refuse_done_in_future(conn, e, today).map_err(|err| in_batch(i, e, err))?;
            }
            return Ok(());
        }
        _ => return Ok(()),
    };
    let mut stored: Option<Vec<Activity>> = None;
    for (path, a) in given.into_iter().filter(|(_, a)| done_in_future(a, today)) {
        let stored = match &mut stored {
            Some(list) => list,
            None => stored.insert(load_accounts(conn)?.into_iter().flat_map(|acc| acc.activities).collect()),
        };
        if !stored.contains(a) {
            return Err(invalid(format!(
                "{path}.status: activity \"{}\" is marked done but dated {}, in the future (today is {today}); \
                 keep it planned, and mark it done once it has happened",
                a.id, a.date
            )));
        }
    }
    Ok(())
}

pub(super) fn apply_in(tx: &Connection, edit: &Edit) -> Result<EditOutcome> {
    let undo = |inverse: Edit| Ok(EditOutcome { inverse, created: None });
    match edit {
        Edit::CreateAccount { id, name, industry, region } => {
            non_empty(name, "account", id.as_deref())?;
            let id = id_for(tx, id.as_deref(), Table::Accounts)?;
            tx.execute(
                "INSERT INTO accounts(id, name, industry, region) VALUES (?1, ?2, ?3, ?4)",
                params![id, name, industry, region],
            )?;
            Ok(EditOutcome { inverse: Edit::DeleteAccount { id: id.clone() }, created: Some(id) })
        }
        Edit::UpdateAccount { id, name, industry, region, notes } => {
            let old: Option<(String, String, String, String)> = tx
                .query_row("SELECT name, industry, region, notes FROM accounts WHERE id = ?1", [id], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
                })
                .optional()?;
            let (old_name, old_industry, old_region, old_notes) = old.ok_or_else(|| not_found("account", id))?;
            if let Some(name) = name {
                non_empty(name, "account", Some(id))?;
            }
            tx.execute(
                "UPDATE accounts SET name = coalesce(?2, name), industry = coalesce(?3, industry),
                                     region = coalesce(?4, region), notes = coalesce(?5, notes)
                 WHERE id = ?1",
                params![id, name, industry, region, notes],
            )?;
            undo(Edit::UpdateAccount {
                id: id.clone(),
                name: name.as_ref().map(|_| old_name),
                industry: industry.as_ref().map(|_| old_industry),
                region: region.as_ref().map(|_| old_region),
                notes: notes.as_ref().map(|_| old_notes),
            })
        }
        Edit::DeleteAccount { id } => {
            let inverse = capture_account(tx, id)?;
            tx.execute("DELETE FROM accounts WHERE id = ?1", [id])?;
            undo(inverse)
        }
        Edit::AddPerson { account, id, name, title, department, manager } => {
            account_exists(tx, account)?;
            non_empty(name, "person", id.as_deref())?;
            if let Some(m) = manager {
                let of = person_account(tx, m)?;
                same_account("manager", m, &of, account, Some("the new person"))?;
            }
            let id = id_for(tx, id.as_deref(), Table::People)?;
            tx.execute(
                "INSERT INTO people(id, account, name, title, department, manager) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![id, account, name, title, department, manager],
            )?;
            Ok(EditOutcome { inverse: Edit::DeletePerson { id: id.clone() }, created: Some(id) })
        }
        Edit::UpdatePerson { id, patch } => {
            let (_, old) = person(tx, id)?;
            if let Some(name) = &patch.name {
                non_empty(name, "person", Some(id))?;
            }
            if let Some(Some(k)) = &patch.leans_to {
                let known: bool =
                    tx.query_row("SELECT EXISTS(SELECT 1 FROM competitors WHERE id = ?1)", [k], |r| r.get(0))?;
                if !known {
                    return Err(not_found("competitor", k));
                }
            }
            let p = patch;
            tx.execute(
                "UPDATE people SET name = coalesce(?2, name), title = coalesce(?3, title),
                                   department = coalesce(?4, department), orientation = coalesce(?5, orientation),
                                   attitude = coalesce(?6, attitude), influence = coalesce(?7, influence),
                                   notes = coalesce(?8, notes), email = coalesce(?9, email), phone = coalesce(?10, phone)
                 WHERE id = ?1",
                params![id, p.name, p.title, p.department, p.orientation, p.attitude, p.influence, p.notes, p.email, p.phone],
            )?;
            if let Some(leans_to) = &p.leans_to {
                tx.execute("UPDATE people SET leans_to = ?2 WHERE id = ?1", params![id, leans_to])?;
            }
            undo(Edit::UpdatePerson {
                id: id.clone(),
                patch: PersonPatch {
                    name: p.name.as_ref().map(|_| old.name),
                    title: p.title.as_ref().map(|_| old.title),
                    department: p.department.as_ref().map(|_| old.department),
                    orientation: p.orientation.map(|_| old.orientation),
                    attitude: p.attitude.map(|_| old.attitude),
                    influence: p.influence.map(|_| old.influence),
                    notes: p.notes.as_ref().map(|_| old.notes),
                    email: p.email.as_ref().map(|_| old.email),
                    phone: p.phone.as_ref().map(|_| old.phone),
                    leans_to: p.leans_to.as_ref().map(|_| old.leans_to),
                },
            })
        }
        Edit::DeletePerson { id } => {
            let account = person_account(tx, id)?;
            let inverse = capture_account(tx, &account)?;
            tx.execute("DELETE FROM people WHERE id = ?1", [id])?;
            undo(inverse)
        }
        Edit::SetManager { person: who, manager } => {
            let (account, old) = person(tx, who)?;
            if let Some(m) = manager {
                check_manager(tx, who, &account, m)?;
            }
            tx.execute("UPDATE people SET manager = ?2 WHERE id = ?1", params![who, manager])?;
            undo(Edit::SetManager { person: who.clone(), manager: old.manager })
        }
        Edit::AddDottedLine { person: who, manager } => {
            let (account, old) = person(tx, who)?;
            check_dotted(tx, who, &account, manager)?;
            if old.dotted_managers.contains(manager) {
                return Err(invalid(format!("manager: \"{manager}\" is already a dotted-line manager of \"{who}\"")));
            }
            tx.execute("INSERT INTO dotted_lines(person, manager) VALUES (?1, ?2)", params![who, manager])?;
            undo(Edit::RemoveDottedLine { person: who.clone(), manager: manager.clone() })
        }
        Edit::RemoveDottedLine { person: who, manager } => {
            let (_, old) = person(tx, who)?;
            let at = old
                .dotted_managers
                .iter()
                .position(|m| m == manager)
                .ok_or_else(|| not_found("dotted line", &format!("{who} → {manager}")))?;
            tx.execute("DELETE FROM dotted_lines WHERE person = ?1 AND manager = ?2", params![who, manager])?;
            undo(if at + 1 == old.dotted_managers.len() {
                Edit::AddDottedLine { person: who.clone(), manager: manager.clone() }
            } else {
                Edit::SetDottedManagers { person: who.clone(), managers: old.dotted_managers }
            })
        }
        Edit::SetDottedManagers { person: who, managers } => {
            let (account, old) = person(tx, who)?;
            let mut seen = HashSet::new();
            for m in managers {
                check_dotted(tx, who, &account, m)?;
                if !seen.insert(m) {
                    return Err(invalid(format!("managers: dotted-line manager \"{m}\" of \"{who}\" is listed twice")));
                }
            }
            tx.execute("DELETE FROM dotted_lines WHERE person = ?1", [who])?;
            for m in managers {
                tx.execute("INSERT INTO dotted_lines(person, manager) VALUES (?1, ?2)", params![who, m])?;
            }
            undo(Edit::SetDottedManagers { person: who.clone(), managers: old.dotted_managers })
        }
        Edit::AddInfluence { from, to, strength } => {
            let account = check_influence(tx, from, to, *strength)?;
            let links = influences(tx, &account)?;
            if let Some(l) = links.iter().find(|l| &l.from == from && &l.to == to) {
                return Err(invalid(format!(
                    "to: an influence from \"{from}\" to \"{to}\" already exists (strength {}); change its strength instead",
                    l.strength
                )));
            }
            tx.execute(
                "INSERT INTO influences(account, from_person, to_person, strength) VALUES (?1, ?2, ?3, ?4)",
                params![account, from, to, strength],
            )?;
            undo(Edit::RemoveInfluence { from: from.clone(), to: to.clone() })
        }
        Edit::SetInfluenceStrength { from, to, strength } => {
            let account = person_account(tx, from)?;
            person_account(tx, to)?;
            let links = influences(tx, &account)?;
            let matching: Vec<&InfluenceLink> = links.iter().filter(|l| &l.from == from && &l.to == to).collect();
            let Some(first) = matching.first() else {
                return Err(not_found("influence", &format!("{from} → {to}")));
            };
            check_strength(*strength)?;
            let inverse = if matching.iter().all(|l| l.strength == first.strength) {
                Edit::SetInfluenceStrength { from: from.clone(), to: to.clone(), strength: first.strength }
            } else {
                Edit::SetInfluences { account: account.clone(), influences: links.clone() }
            };
            tx.execute(
                "UPDATE influences SET strength = ?4 WHERE account = ?1 AND from_person = ?2 AND to_person = ?3",
                params![account, from, to, strength],
            )?;
            undo(inverse)
        }
        Edit::RemoveInfluence { from, to } => {
            let account = person_account(tx, from)?;
            person_account(tx, to)?;
            let links = influences(tx, &account)?;
            let at: Vec<usize> = (0..links.len()).filter(|&i| &links[i].from == from && &links[i].to == to).collect();
            if at.is_empty() {
                return Err(not_found("influence", &format!("{from} → {to}")));
            }
            tx.execute(
                "DELETE FROM influences WHERE account = ?1 AND from_person = ?2 AND to_person = ?3",
                params![account, from, to],
            )?;
            undo(if at == [links.len() - 1] {
                Edit::AddInfluence { from: from.clone(), to: to.clone(), strength: links[at[0]].strength }
            } else {
                Edit::SetInfluences { account, influences: links }
            })
        }
        Edit::SetInfluences { account, influences: links } => {
            account_exists(tx, account)?;
            for l in links {
                let of = check_influence(tx, &l.from, &l.to, l.strength)?;
                same_account("from", &l.from, &of, account, None)?;
            }
            let old = influences(tx, account)?;
            tx.execute("DELETE FROM influences WHERE account = ?1", [account])?;
            for l in links {
                tx.execute(
                    "INSERT INTO influences(account, from_person, to_person, strength) VALUES (?1, ?2, ?3, ?4)",
                    params![account, l.from, l.to, l.strength],
                )?;
            }
            undo(Edit::SetInfluences { account: account.clone(), influences: old })
        }
        Edit::CreateCircle { account, id, name } => {
            account_exists(tx, account)?;
            non_empty(name, "circle", id.as_deref())?;
            let id = id_for(tx, id.as_deref(), Table::Circles)?;
            tx.execute("INSERT INTO circles(id, account, name) VALUES (?1, ?2, ?3)", params![id, account, name])?;
            Ok(EditOutcome { inverse: Edit::DeleteCircle { id: id.clone() }, created: Some(id) })
        }
        Edit::RenameCircle { id, name } => {
            let old: String = tx
                .query_row("SELECT name FROM circles WHERE id = ?1", [id], |r| r.get(0))
                .optional()?
                .ok_or_else(|| not_found("circle", id))?;
            non_empty(name, "circle", Some(id))?;
            tx.execute("UPDATE circles SET name = ?2 WHERE id = ?1", params![id, name])?;
            undo(Edit::RenameCircle { id: id.clone(), name: old })
        }
        Edit::DeleteCircle { id } => {
            let account = circle_account(tx, id)?.ok_or_else(|| not_found("circle", id))?;
            let inverse = capture_account(tx, &account)?;
            tx.execute("DELETE FROM circles WHERE id = ?1", [id])?;
            undo(inverse)
        }
        Edit::SetCircles { person: who, circles, primary } => {
            let (account, old) = person(tx, who)?;
            let mut seen = HashSet::new();
            for c in circles {
                match circle_account(tx, c)? {
                    None => return Err(invalid(format!("circles: circle \"{c}\" does not exist"))),
                    Some(of) => same_account("circles", c, &of, &account, Some(&format!("person \"{who}\"")))?,
                }
                if !seen.insert(c) {
                    return Err(invalid(format!("circles: circle \"{c}\" is listed twice")));
                }
            }
            if let Some(p) = primary {
                if !circles.contains(p) {
                    return Err(invalid(format!(
                        "primary: primary circle \"{p}\" is not one of the circles given for \"{who}\""
                    )));
                }
            }
            tx.execute("DELETE FROM circle_members WHERE person = ?1", [who])?;
            for c in circles {
                tx.execute("INSERT INTO circle_members(person, circle) VALUES (?1, ?2)", params![who, c])?;
            }
            tx.execute("UPDATE people SET primary_circle = ?2 WHERE id = ?1", params![who, primary])?;
            undo(Edit::SetCircles { person: who.clone(), circles: old.circles, primary: old.primary_circle })
        }
        Edit::SetParticipant { deal, participant } => {
            let account = deal_account(tx, deal)?;
            check_participant(tx, deal, &account, &participant.person)?;
            let old = participants(tx, deal)?;
            let p = participant;
            match old.into_iter().find(|o| o.person == p.person) {
                Some(o) => {
                    tx.execute(
                        "UPDATE participants SET role = ?3, attitude = ?4, relationship_strategy = ?5
                         WHERE deal = ?1 AND person = ?2",
                        params![deal, p.person, p.role, p.attitude, p.relationship_strategy],
                    )?;
                    undo(Edit::SetParticipant { deal: deal.clone(), participant: o })
                }
                None => {
                    insert_participant(tx, deal, p)?;
                    undo(Edit::RemoveParticipant { deal: deal.clone(), person: p.person.clone() })
                }
            }
        }
        Edit::RemoveParticipant { deal, person: who } => {
            deal_account(tx, deal)?;
            let parts = participants(tx, deal)?;
            let links = decision_links(tx, deal)?;
            let at = parts
                .iter()
                .position(|p| &p.person == who)
                .ok_or_else(|| not_found("participant", &format!("{who} on deal {deal}")))?;
            let linked = links.iter().any(|l| &l.from == who || &l.to == who);
            tx.execute(
                "DELETE FROM decision_links WHERE deal = ?1 AND (from_person = ?2 OR to_person = ?2)",
                params![deal, who],
            )?;
            tx.execute("DELETE FROM participants WHERE deal = ?1 AND person = ?2", params![deal, who])?;
            undo(if at + 1 == parts.len() && !linked {
                Edit::SetParticipant { deal: deal.clone(), participant: parts[at].clone() }
            } else {
                Edit::SetDecisionMap { deal: deal.clone(), participants: parts, decision_links: links }
            })
        }
        Edit::AddDecisionLink { deal, from, to, label } => {
            deal_account(tx, deal)?;
            let parts = participants(tx, deal)?;
            let link = DecisionLink { from: from.clone(), to: to.clone(), label: label.clone() };
            check_decision_link(tx, deal, &parts, &link)?;
            let links = decision_links(tx, deal)?;
            if links.iter().any(|l| &l.from == from && &l.to == to) {
                return Err(invalid(format!(
                    "to: deal \"{deal}\" already has a decision link from \"{from}\" to \"{to}\""
                )));
            }
            insert_decision_link(tx, deal, &link)?;
            undo(Edit::RemoveDecisionLink { deal: deal.clone(), from: from.clone(), to: to.clone() })
        }
        Edit::RemoveDecisionLink { deal, from, to } => {
            deal_account(tx, deal)?;
            let links = decision_links(tx, deal)?;
            let at: Vec<usize> = (0..links.len()).filter(|&i| &links[i].from == from && &links[i].to == to).collect();
            if at.is_empty() {
                return Err(not_found("decision link", &format!("{from} → {to} on deal {deal}")));
            }
            tx.execute(
                "DELETE FROM decision_links WHERE deal = ?1 AND from_person = ?2 AND to_person = ?3",
                params![deal, from, to],
            )?;
            undo(if at == [links.len() - 1] {
                Edit::AddDecisionLink {
                    deal: deal.clone(),
                    from: from.clone(),
                    to: to.clone(),
                    label: links[at[0]].label.clone(),
                }
            } else {
                Edit::SetDecisionMap {
                    deal: deal.clone(),
                    participants: participants(tx, deal)?,
                    decision_links: links,
                }
            })
        }
        Edit::SetDecisionMap { deal, participants: parts, decision_links: links } => {
            let account = deal_account(tx, deal)?;
            let mut seen = HashSet::new();
            for p in parts {
                check_participant(tx, deal, &account, &p.person)?;
                if !seen.insert(&p.person) {
                    return Err(invalid(format!(
                        "participants: person \"{}\" takes part twice in deal \"{deal}\"",
                        p.person
                    )));
                }
            }
            for l in links {
                check_decision_link(tx, deal, parts, l)?;
            }
            let old = (participants(tx, deal)?, decision_links(tx, deal)?);
            tx.execute("DELETE FROM decision_links WHERE deal = ?1", [deal])?;
            tx.execute("DELETE FROM participants WHERE deal = ?1", [deal])?;
            for p in parts {
                insert_participant(tx, deal, p)?;
            }
            for l in links {
                insert_decision_link(tx, deal, l)?;
            }
            undo(Edit::SetDecisionMap { deal: deal.clone(), participants: old.0, decision_links: old.1 })
        }
        Edit::UpdateDeal { deal, activities } => update_deal(tx, deal, activities.as_deref()).map(|inverse| EditOutcome { inverse, created: None }),
        Edit::SetActivity { account, activity } => {
            let mut now = capture(tx, account)?;
            let at = now.account.activities.iter().position(|a| a.id == activity.id);
            match at {
                Some(i) => now.account.activities[i] = activity.clone(),
                None => {
                    let elsewhere: Option<String> = tx
                        .query_row("SELECT account FROM activities WHERE id = ?1", [&activity.id], |r| r.get(0))
                        .optional()?;
                    if let Some(other) = elsewhere {
                        return Err(invalid(format!(
                            "activity.id: activity \"{}\" belongs to account \"{other}\", not \"{account}\"",
                            activity.id
                        )));
                    }
                    now.account.activities.push(activity.clone())
                }
            }
            replace_captured(tx, now)
        }
        Edit::RemoveActivity { id } => {
            let account: String = tx
                .query_row("SELECT account FROM activities WHERE id = ?1", [id], |r| r.get(0))
                .optional()?
                .ok_or_else(|| not_found("activity", id))?;
            let mut now = capture(tx, &account)?;
            now.account.activities.retain(|a| &a.id != id);
            replace_captured(tx, now)
        }
        Edit::SetCompetitor { competitor, position } => set_competitor(tx, competitor, *position),
        Edit::RemoveCompetitor { id } => remove_competitor(tx, id),
        Edit::UpdateSettings { settings } => update_settings(tx, settings),
        Edit::Batch { edits } => {
            let mut inverses = Vec::with_capacity(edits.len());
            let mut created = None;
            for (i, e) in edits.iter().enumerate() {
                if matches!(e, Edit::Batch { .. }) {
                    return Err(invalid(format!("edits[{i}]: a batch cannot hold another batch")));
                }
                let out = apply_in(tx, e).map_err(|err| in_batch(i, e, err))?;
                created = created.or(out.created);
                inverses.push(out.inverse);
            }
            inverses.reverse();
            Ok(EditOutcome { inverse: Edit::Batch { edits: inverses }, created })
        }
        Edit::ReplaceAccount { account, deals, position, deal_positions, snapshots } => {
            replace_account(tx, account, deals, *position, deal_positions, snapshots.as_deref())
                .map(|inverse| EditOutcome { inverse, created: None })
        }
    }
}

fn set_competitor(tx: &Connection, c: &Competitor, position: Option<u32>) -> Result<EditOutcome> {
    if c.id.trim().is_empty() {
        return Err(invalid("competitor.id: a competitor id must not be empty".into()));
    }
    non_empty(&c.name, "competitor", Some(&c.id))?;
    if c.id == "us" {
        return Err(invalid("competitor.id: \"us\" is reserved for our own side in scores and quotes".into()));
    }
    let old = load_competitors(tx)?.into_iter().enumerate().find(|(_, o)| o.id == c.id);
    let partners = serde_json::to_string(&c.partners).expect("lists serialize");
    match &old {
        Some(_) => {
            tx.execute(
                "UPDATE competitors SET name = ?2, info = ?3, partners = ?4, strengths = ?5, weaknesses = ?6 WHERE id = ?1",
                params![c.id, c.name, c.info, partners, c.strengths, c.weaknesses],
            )?;
            tx.execute("DELETE FROM competitor_events WHERE competitor = ?1", [&c.id])?;
        }
        None => {
            tx.execute(
                "INSERT INTO competitors(id, name, info, partners, strengths, weaknesses) VALUES (?1,?2,?3,?4,?5,?6)",
                params![c.id, c.name, c.info, partners, c.strengths, c.weaknesses],
            )?;
            place(tx, Ordered::Competitors, &c.id, position)?;
        }
    }
    let mut event = tx.prepare_cached("INSERT INTO competitor_events(competitor, date, text) VALUES (?1,?2,?3)")?;
    for e in &c.events {
        event.execute(params![c.id, e.date, e.text])?;
    }
    let inverse = match old {
        Some((_, old)) => Edit::SetCompetitor { competitor: old, position: None },
        None => Edit::RemoveCompetitor { id: c.id.clone() },
    };
    Ok(EditOutcome { inverse, created: None })
}

fn remove_competitor(tx: &Connection, id: &str) -> Result<EditOutcome> {
    let (position, old) = load_competitors(tx)?
        .into_iter()
        .enumerate()
        .find(|(_, c)| c.id == id)
        .ok_or_else(|| not_found("competitor", id))?;
    let mut users: Vec<String> = Vec::new();
    for d in load_deals(tx, None)? {
        let named = d.competitors.iter().any(|c| c == id)
            || d.assessments.iter().any(|a| a.scores.iter().any(|s| s.party == id))
            || d.quotes.iter().any(|q| q.party == id)
            || d.value_proposition.comparison.iter().any(|c| c.party == id);
        if named {
            users.push(format!("deal \"{}\"", d.id));
        }
    }
    let mut stmt = tx.prepare("SELECT id FROM people WHERE leans_to = ?1 ORDER BY rowid")?;
    let people: Vec<String> = stmt.query_map([id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    users.extend(people.into_iter().map(|p| format!("person \"{p}\"")));
    if !users.is_empty() {
        return Err(invalid(format!(
            "id: competitor \"{id}\" ({}) is still named by {}; remove it there first",
            old.name,
            users.join(", ")
        )));
    }
    tx.execute("DELETE FROM competitors WHERE id = ?1", [id])?;
    Ok(EditOutcome { inverse: Edit::SetCompetitor { competitor: old, position: Some(as_u32(position)?) }, created: None })
}

/// New settings obey the importer's rules for the whole workspace (e.g. no
/// deal may be left in a stage the new template drops).
fn update_settings(tx: &Connection, settings: &Settings) -> Result<EditOutcome> {
    let mut ws = super::read::load_workspace(tx)?;
    let old = std::mem::replace(&mut ws.settings, settings.clone());
    let findings = validate(&ws, &Existing::default(), &settings.stages);
    let problems: Vec<Problem> = findings.problems.into_iter().chain(findings.conflicts).collect();
    if !problems.is_empty() {
        return Err(Error::InvalidFile(problems));
    }
    super::write::write_settings(tx, &ws.currency, settings)?;
    Ok(EditOutcome { inverse: Edit::UpdateSettings { settings: Box::new(old) }, created: None })
}

/// Replaces the deal (and, when given, its activities) through the
/// whole-account replacement, which checks the importer's rules and yields
/// the exact inverse.
fn update_deal(tx: &Connection, deal: &Deal, activities: Option<&[Activity]>) -> Result<Edit> {
    let account: String = tx
        .query_row("SELECT account FROM deals WHERE id = ?1", [&deal.id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| not_found("deal", &deal.id))?;
    if deal.account != account {
        return Err(invalid(format!(
            "deal.account: deal \"{}\" belongs to account \"{account}\"; it cannot move to \"{}\"",
            deal.id, deal.account
        )));
    }
    let mut now = capture(tx, &account)?;
    let old = now.deals.iter_mut().find(|d| d.id == deal.id).ok_or_else(|| not_found("deal", &deal.id))?;
    if old.stage != deal.stage {
        return Err(invalid(format!(
            "deal.stage: deal \"{}\" is in stage \"{}\"; moving it to \"{}\" goes through the stage's exit checklist (sandtable move), not an edit",
            deal.id, old.stage, deal.stage
        )));
    }
    *old = deal.clone();
    if let Some(activities) = activities {
        if let Some((i, a)) = activities.iter().enumerate().find(|(_, a)| a.deal.as_deref() != Some(deal.id.as_str())) {
            return Err(invalid(format!(
                "activities[{i}].deal: activity \"{}\" is not linked to deal \"{}\"",
                a.id, deal.id
            )));
        }
        let mut given = activities.to_vec();
        let mut kept = Vec::with_capacity(now.account.activities.len());
        for a in now.account.activities.drain(..) {
            if a.deal.as_deref() != Some(deal.id.as_str()) {
                kept.push(a);
            } else if let Some(i) = given.iter().position(|g| g.id == a.id) {
                kept.push(given.remove(i)); // replaced in place
            }
        }
        kept.extend(given);
        now.account.activities = kept;
    }
    replace_captured(tx, now).map(|o| o.inverse)
}

/// Writes a changed capture of an account back; returns the inverse.
fn replace_captured(tx: &Connection, c: Captured) -> Result<EditOutcome> {
    let inverse = replace_account(tx, &c.account, &c.deals, c.position, &c.deal_positions, Some(&c.snapshots))?;
    Ok(EditOutcome { inverse, created: None })
}

/// Names the failing edit of a batch in its error.
fn in_batch(i: usize, e: &Edit, err: Error) -> Error {
    match err {
        Error::InvalidInput(m) => Error::InvalidInput(format!("edits[{i}] ({}): {m}", e.op())),
        Error::InvalidFile(p) => Error::InvalidFile(
            p.into_iter().map(|p| Problem { path: format!("edits[{i}].{}", p.path), message: p.message }).collect(),
        ),
        other => other,
    }
}

// ---------------------------------------------------------------------------
// Checks. Messages start with the edit's field, then name the ids involved.

fn invalid(message: String) -> Error {
    Error::InvalidInput(message)
}

fn not_found(kind: &'static str, id: &str) -> Error {
    Error::NotFound { kind, id: id.to_string() }
}

/// Names are how people find things on the map: never empty.
fn non_empty(name: &str, kind: &str, id: Option<&str>) -> Result<()> {
    if name.trim().is_empty() {
        let whose = match id {
            Some(id) => format!("{kind} \"{id}\""),
            None => format!("the new {kind}"),
        };
        return Err(invalid(format!("name: the name of {whose} must not be empty")));
    }
    Ok(())
}

/// Every line and edge of the map stays inside one account: `id` (in
/// `its_account`) must be of `account`, the account of `owner` if named.
fn same_account(field: &str, id: &str, its_account: &str, account: &str, owner: Option<&str>) -> Result<()> {
    if its_account != account {
        let of = owner.map_or_else(String::new, |o| format!(" of {o}"));
        return Err(invalid(format!(
            "{field}: \"{id}\" belongs to account \"{its_account}\", not to account \"{account}\"{of}"
        )));
    }
    Ok(())
}

fn account_exists(conn: &Connection, id: &str) -> Result<()> {
    let found: bool = conn.query_row("SELECT EXISTS(SELECT 1 FROM accounts WHERE id = ?1)", [id], |r| r.get(0))?;
    if found {
        Ok(())
    } else {
        Err(not_found("account", id))
    }
}

fn person_account(conn: &Connection, id: &str) -> Result<String> {
    conn.query_row("SELECT account FROM people WHERE id = ?1", [id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| not_found("person", id))
}

fn circle_account(conn: &Connection, id: &str) -> Result<Option<String>> {
    Ok(conn.query_row("SELECT account FROM circles WHERE id = ?1", [id], |r| r.get(0)).optional()?)
}

fn deal_account(conn: &Connection, id: &str) -> Result<String> {
    conn.query_row("SELECT account FROM deals WHERE id = ?1", [id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| not_found("deal", id))
}

/// "Each person has at most one solid-line manager … the solid lines must
/// stay acyclic" (§3.4): `manager` is of the same account, not `who`, and not
/// below `who` in the tree. The refusal names the chain that would close.
fn check_manager(conn: &Connection, who: &str, account: &str, manager: &str) -> Result<()> {
    if manager == who {
        return Err(invalid(format!("manager: \"{who}\" cannot be their own manager")));
    }
    let of = person_account(conn, manager)?;
    same_account("manager", manager, &of, account, Some(&format!("person \"{who}\"")))?;
    let mut chain = vec![who.to_string(), manager.to_string()];
    let mut seen: HashSet<String> = chain.iter().cloned().collect();
    let mut cur = manager.to_string();
    let mut stmt = conn.prepare_cached("SELECT manager FROM people WHERE id = ?1")?;
    while let Some(next) = stmt.query_row([&cur], |r| r.get::<_, Option<String>>(0)).optional()?.flatten() {
        chain.push(next.clone());
        if next == who {
            return Err(invalid(format!(
                "manager: making \"{manager}\" the manager of \"{who}\" would form a solid-line reporting cycle: {}",
                chain.join(" → ")
            )));
        }
        if !seen.insert(next.clone()) {
            break; // a loop above `who` that does not pass through them: not this edit's doing
        }
        cur = next;
    }
    Ok(())
}

/// "Any number of dotted-line managers": of the same account, never oneself.
fn check_dotted(conn: &Connection, who: &str, account: &str, manager: &str) -> Result<()> {
    if manager == who {
        return Err(invalid(format!("manager: \"{who}\" cannot be their own dotted-line manager")));
    }
    let of = person_account(conn, manager)?;
    same_account("manager", manager, &of, account, Some(&format!("person \"{who}\"")))
}

/// "Directed 'influences' edges with strength 1–3" between two people of one
/// account; returns that account.
fn check_influence(conn: &Connection, from: &str, to: &str, strength: u8) -> Result<String> {
    let account = person_account(conn, from)?;
    let of = person_account(conn, to)?;
    same_account("to", to, &of, &account, Some(&format!("person \"{from}\"")))?;
    if from == to {
        return Err(invalid(format!("to: \"{from}\" cannot influence themselves")));
    }
    check_strength(strength)?;
    Ok(account)
}

fn check_strength(strength: u8) -> Result<()> {
    if !(1..=3).contains(&strength) {
        return Err(invalid(format!("strength: {strength} is out of range (must be 1–3)")));
    }
    Ok(())
}

/// A participant of a deal is a person of the deal's account.
fn check_participant(conn: &Connection, deal: &str, account: &str, who: &str) -> Result<()> {
    let of = person_account(conn, who)?;
    same_account("person", who, &of, account, Some(&format!("deal \"{deal}\"")))
}

/// "Directed edges between deal participants": both ends take part, and differ.
fn check_decision_link(conn: &Connection, deal: &str, parts: &[Participant], link: &DecisionLink) -> Result<()> {
    for (field, id) in [("from", &link.from), ("to", &link.to)] {
        person_account(conn, id)?;
        if !parts.iter().any(|p| &p.person == id) {
            return Err(invalid(format!("{field}: \"{id}\" is not a participant of deal \"{deal}\"")));
        }
    }
    if link.from == link.to {
        return Err(invalid(format!("to: a decision link needs two different people (\"{}\" twice)", link.from)));
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Reading the parts an edit changes, and writing list items.

/// One person with their account.
fn person(conn: &Connection, id: &str) -> Result<(String, Person)> {
    let row = conn
        .query_row(
            "SELECT account, name, title, department, manager, orientation, attitude, influence,
                    primary_circle, leans_to, notes, email, phone
             FROM people WHERE id = ?1",
            [id],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    Person {
                        id: id.to_string(),
                        name: r.get(1)?,
                        title: r.get(2)?,
                        department: r.get(3)?,
                        manager: r.get(4)?,
                        dotted_managers: Vec::new(),
                        orientation: r.get(5)?,
                        attitude: r.get(6)?,
                        influence: r.get(7)?,
                        circles: Vec::new(),
                        primary_circle: r.get(8)?,
                        leans_to: r.get(9)?,
                        notes: r.get(10)?,
                        email: r.get(11)?,
                        phone: r.get(12)?,
                    },
                ))
            },
        )
        .optional()?;
    let (account, mut p) = row.ok_or_else(|| not_found("person", id))?;
    p.dotted_managers = strings(conn, "SELECT manager FROM dotted_lines WHERE person = ?1 ORDER BY rowid", id)?;
    p.circles = strings(conn, "SELECT circle FROM circle_members WHERE person = ?1 ORDER BY rowid", id)?;
    Ok((account, p))
}

fn strings(conn: &Connection, sql: &str, key: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map([key], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn influences(conn: &Connection, account: &str) -> Result<Vec<InfluenceLink>> {
    let mut stmt = conn
        .prepare_cached("SELECT from_person, to_person, strength FROM influences WHERE account = ?1 ORDER BY rowid")?;
    let rows =
        stmt.query_map([account], |r| Ok(InfluenceLink { from: r.get(0)?, to: r.get(1)?, strength: r.get(2)? }))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn participants(conn: &Connection, deal: &str) -> Result<Vec<Participant>> {
    let mut stmt = conn.prepare_cached(
        "SELECT person, role, attitude, relationship_strategy FROM participants WHERE deal = ?1 ORDER BY rowid",
    )?;
    let rows = stmt.query_map([deal], |r| {
        Ok(Participant { person: r.get(0)?, role: r.get(1)?, attitude: r.get(2)?, relationship_strategy: r.get(3)? })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn decision_links(conn: &Connection, deal: &str) -> Result<Vec<DecisionLink>> {
    let mut stmt =
        conn.prepare_cached("SELECT from_person, to_person, label FROM decision_links WHERE deal = ?1 ORDER BY rowid")?;
    let rows = stmt.query_map([deal], |r| Ok(DecisionLink { from: r.get(0)?, to: r.get(1)?, label: r.get(2)? }))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn insert_participant(conn: &Connection, deal: &str, p: &Participant) -> Result<()> {
    conn.execute(
        "INSERT INTO participants(deal, person, role, attitude, relationship_strategy) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![deal, p.person, p.role, p.attitude, p.relationship_strategy],
    )?;
    Ok(())
}

fn insert_decision_link(conn: &Connection, deal: &str, l: &DecisionLink) -> Result<()> {
    conn.execute(
        "INSERT INTO decision_links(deal, from_person, to_person, label) VALUES (?1, ?2, ?3, ?4)",
        params![deal, l.from, l.to, l.label],
    )?;
    Ok(())
}

// ---------------------------------------------------------------------------
// Ids the core assigns.

#[derive(Clone, Copy)]
enum Table {
    Accounts,
    People,
    Circles,
}

impl Table {
    fn kind(self) -> &'static str {
        match self {
            Table::Accounts => "account",
            Table::People => "person",
            Table::Circles => "circle",
        }
    }
    fn prefix(self) -> &'static str {
        match self {
            Table::Accounts => "acc-",
            Table::People => "p-",
            Table::Circles => "c-",
        }
    }
    fn taken_sql(self) -> &'static str {
        match self {
            Table::Accounts => "SELECT EXISTS(SELECT 1 FROM accounts WHERE id = ?1)",
            Table::People => "SELECT EXISTS(SELECT 1 FROM people WHERE id = ?1)",
            Table::Circles => "SELECT EXISTS(SELECT 1 FROM circles WHERE id = ?1)",
        }
    }
}

/// The id a creating edit gives (which must be new), or a fresh one.
fn id_for(conn: &Connection, given: Option<&str>, table: Table) -> Result<String> {
    let taken = |id: &str| -> Result<bool> { Ok(conn.query_row(table.taken_sql(), [id], |r| r.get(0))?) };
    match given {
        Some(id) if id.trim().is_empty() => Err(invalid(format!("id: a {} id must not be empty", table.kind()))),
        Some(id) if taken(id)? => Err(invalid(format!("id: {} id \"{id}\" already exists", table.kind()))),
        Some(id) => Ok(id.to_string()),
        None => loop {
            let id = format!("{}{}", table.prefix(), base36(next_serial()));
            if !taken(&id)? {
                return Ok(id);
            }
        },
    }
}

/// A counter seeded with the seconds since 2024 at first use: ids stay short
/// (six base-36 digits for decades), ordered, and rarely meet an existing one
/// (which [`id_for`] skips).
pub(super) fn next_serial() -> u64 {
    static SERIAL: OnceLock<AtomicU64> = OnceLock::new();
    const EPOCH_2024: u64 = 1_704_067_200;
    SERIAL
        .get_or_init(|| {
            let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
            AtomicU64::new(now.saturating_sub(EPOCH_2024))
        })
        .fetch_add(1, Ordering::Relaxed)
}

pub(super) fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).expect("base-36 digits are ASCII")
}

// ---------------------------------------------------------------------------
// Whole accounts: the snapshot a destructive edit is undone with, and putting it back.

/// An account as it is now, with everything that puts it back exactly: its
/// deals, their places in the workspace's lists, and the deals' win-rate snapshots.
struct Captured {
    account: Account,
    position: Option<u32>,
    deals: Vec<Deal>,
    deal_positions: Vec<u32>,
    snapshots: Vec<Snapshot>,
}

impl Captured {
    /// The `replace_account` that restores it.
    fn into_edit(self) -> Edit {
        Edit::ReplaceAccount {
            account: self.account,
            deals: self.deals,
            position: self.position,
            deal_positions: self.deal_positions,
            snapshots: Some(self.snapshots),
        }
    }
}

fn capture(conn: &Connection, id: &str) -> Result<Captured> {
    let account = load_accounts(conn)?.into_iter().find(|a| a.id == id).ok_or_else(|| not_found("account", id))?;
    let position = ids_in_order(conn, Ordered::Accounts)?.iter().position(|a| a == id).map(as_u32).transpose()?;
    let mut deals = Vec::new();
    let mut deal_positions = Vec::new();
    let mut stmt = conn.prepare_cached("SELECT id, account FROM deals ORDER BY rowid")?;
    let order: Vec<(String, String)> =
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    for (index, (deal, of)) in order.iter().enumerate() {
        if of == id {
            deals.extend(load_deals(conn, Some(deal))?);
            deal_positions.push(as_u32(index)?);
        }
    }
    let snapshots = snapshot_rows(conn, id)?
        .into_iter()
        .map(|row| {
            serde_json::from_str::<Snapshot>(&row.data)
                .map_err(|e| Error::invalid(format!("win_rate_snapshots[{}]", row.deal), e.to_string()))
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Captured { account, position, deals, deal_positions, snapshots })
}

fn capture_account(conn: &Connection, id: &str) -> Result<Edit> {
    capture(conn, id).map(Captured::into_edit)
}

fn as_u32(n: usize) -> Result<u32> {
    u32::try_from(n).map_err(|_| invalid(format!("position {n} is too large")))
}

/// The tables whose rows keep a workspace-wide order in the export.
#[derive(Clone, Copy)]
enum Ordered {
    Accounts,
    Deals,
    Competitors,
}

impl Ordered {
    fn name(self) -> &'static str {
        match self {
            Ordered::Accounts => "accounts",
            Ordered::Deals => "deals",
            Ordered::Competitors => "competitors",
        }
    }
}

fn ids_in_order(conn: &Connection, table: Ordered) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT id FROM {} ORDER BY rowid", table.name()))?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A stored win-rate snapshot row, as is.
/// A stored sand-table scenario row, as is.
struct ScenarioRow {
    id: String,
    deal: String,
    name: String,
    created_on: String,
    data: String,
}

fn scenario_rows(conn: &Connection, account: &str) -> Result<Vec<ScenarioRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.id, s.deal, s.name, s.created_on, s.data
         FROM scenarios s JOIN deals d ON d.id = s.deal
         WHERE d.account = ?1 ORDER BY s.rowid",
    )?;
    let rows = stmt.query_map([account], |r| {
        Ok(ScenarioRow { id: r.get(0)?, deal: r.get(1)?, name: r.get(2)?, created_on: r.get(3)?, data: r.get(4)? })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

struct SnapshotRow {
    deal: String,
    week: String,
    as_of: String,
    rate: Option<f64>,
    formula_version: i64,
    data: String,
}

fn snapshot_rows(conn: &Connection, account: &str) -> Result<Vec<SnapshotRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.deal, s.week, s.as_of, s.rate, s.formula_version, s.data
         FROM win_rate_snapshots s JOIN deals d ON d.id = s.deal
         WHERE d.account = ?1 ORDER BY d.rowid, s.week",
    )?;
    let rows = stmt.query_map([account], |r| {
        Ok(SnapshotRow {
            deal: r.get(0)?,
            week: r.get(1)?,
            as_of: r.get(2)?,
            rate: r.get(3)?,
            formula_version: r.get(4)?,
            data: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Deletes the account of `account.id` if there is one (everything in it
/// cascades) and inserts `account` with `deals` and their snapshots. Returns
/// the inverse: the replaced account as it was, or its deletion.
fn replace_account(
    tx: &Connection,
    account: &Account,
    deals: &[Deal],
    position: Option<u32>,
    deal_positions: &[u32],
    snapshots: Option<&[Snapshot]>,
) -> Result<Edit> {
    let id = &account.id;
    check_replacement(tx, account, deals, deal_positions, snapshots)?;
    let exists: bool = tx.query_row("SELECT EXISTS(SELECT 1 FROM accounts WHERE id = ?1)", [id], |r| r.get(0))?;
    let (now_at, deals_now_at, inverse) = if exists {
        let now = capture(tx, id)?;
        let deals_now_at: HashMap<String, u32> =
            now.deals.iter().map(|d| d.id.clone()).zip(now.deal_positions.iter().copied()).collect();
        (now.position, deals_now_at, now.into_edit())
    } else {
        (None, HashMap::new(), Edit::DeleteAccount { id: id.clone() })
    };
    let new_deals: HashSet<&str> = deals.iter().map(|d| d.id.as_str()).collect();
    // Snapshots not given are kept for the deals that stay.
    let kept: Vec<SnapshotRow> = match snapshots {
        Some(_) => Vec::new(),
        None => snapshot_rows(tx, id)?.into_iter().filter(|s| new_deals.contains(s.deal.as_str())).collect(),
    };

    // Sand-table scenarios of the deals that stay are kept (in their order).
    let scenarios: Vec<ScenarioRow> =
        scenario_rows(tx, id)?.into_iter().filter(|r| new_deals.contains(r.deal.as_str())).collect();

    tx.execute("DELETE FROM accounts WHERE id = ?1", [id])?;
    tx.pragma_update(None, "defer_foreign_keys", true)?;
    insert_account(tx, account)?;
    place(tx, Ordered::Accounts, id, position.or(now_at))?;
    let mut order: Vec<(Option<u32>, &Deal)> = deals
        .iter()
        .enumerate()
        .map(|(i, d)| (deal_positions.get(i).copied().or_else(|| deals_now_at.get(&d.id).copied()), d))
        .collect();
    // Ascending target places keep each deal where it was put; deals with no place go last.
    order.sort_by_key(|(at, _)| (at.is_none(), *at));
    for (at, deal) in order {
        insert_deal(tx, deal)?;
        place(tx, Ordered::Deals, &deal.id, at)?;
    }
    insert_activities(tx, id, &account.activities)?;
    let mut stmt = tx.prepare_cached(
        "INSERT OR REPLACE INTO win_rate_snapshots(deal, week, as_of, rate, formula_version, data)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for s in snapshots.unwrap_or_default() {
        let data = serde_json::to_string(s).expect("snapshots serialize");
        stmt.execute(params![s.deal, s.week, s.as_of, s.rate, s.formula_version, data])?;
    }
    for s in kept {
        stmt.execute(params![s.deal, s.week, s.as_of, s.rate, s.formula_version, s.data])?;
    }
    let mut stmt =
        tx.prepare_cached("INSERT INTO scenarios(id, deal, name, created_on, data) VALUES (?1, ?2, ?3, ?4, ?5)")?;
    for r in scenarios {
        stmt.execute(params![r.id, r.deal, r.name, r.created_on, r.data])?;
    }
    Ok(inverse)
}

/// A replacement account obeys every rule a workspace file does (checked by
/// the importer's validator against the rest of the workspace); its deals are
/// its own.
fn check_replacement(
    conn: &Connection,
    account: &Account,
    deals: &[Deal],
    deal_positions: &[u32],
    snapshots: Option<&[Snapshot]>,
) -> Result<()> {
    let id = &account.id;
    if !deal_positions.is_empty() && deal_positions.len() != deals.len() {
        return Err(invalid(format!(
            "deal_positions: {} positions for {} deals (give one per deal, or none)",
            deal_positions.len(),
            deals.len()
        )));
    }
    if let Some(d) = deals.iter().find(|d| &d.account != id) {
        return Err(invalid(format!("deals: deal \"{}\" belongs to account \"{}\", not \"{id}\"", d.id, d.account)));
    }
    if let Some(s) = snapshots.unwrap_or_default().iter().find(|s| !deals.iter().any(|d| d.id == s.deal)) {
        return Err(invalid(format!(
            "snapshots: the win-rate snapshot of week {} is of deal \"{}\", which is not a deal of account \"{id}\"",
            s.week, s.deal
        )));
    }
    let spoiled: Vec<Problem> = snapshots
        .unwrap_or_default()
        .iter()
        .enumerate()
        .flat_map(|(i, s)| {
            crate::engine::curve::snapshot_problems(s)
                .into_iter()
                .map(move |(field, message)| Problem { path: format!("snapshots[{i}].{field}"), message })
        })
        .collect();
    if !spoiled.is_empty() {
        return Err(Error::InvalidFile(spoiled));
    }
    let others = |sql: &str| -> Result<HashSet<String>> {
        let mut stmt = conn.prepare(sql)?;
        let rows = stmt.query_map([id], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    };
    let mut stmt = conn.prepare("SELECT id, account FROM people WHERE account <> ?1")?;
    let people = stmt.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<HashMap<_, _>>>()?;
    let existing = Existing {
        accounts: others("SELECT id FROM accounts WHERE id <> ?1")?,
        competitors: {
            let mut stmt = conn.prepare("SELECT id FROM competitors")?;
            let rows = stmt.query_map([], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        },
        circles: others("SELECT id FROM circles WHERE account <> ?1")?,
        deals: others("SELECT id FROM deals WHERE account <> ?1")?,
        activities: others("SELECT id FROM activities WHERE account <> ?1")?,
        people,
    };
    let settings = load_settings(conn)?.1;
    let stages = settings.stages.clone();
    let ws = Workspace { settings, accounts: vec![account.clone()], deals: deals.to_vec(), ..Workspace::default() };
    let findings = validate(&ws, &existing, &stages);
    let problems: Vec<Problem> = findings
        .problems
        .into_iter()
        .chain(findings.conflicts)
        .map(|p| Problem { path: p.path.replacen("accounts[0]", "account", 1), message: p.message })
        .collect();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Error::InvalidFile(problems))
    }
}

/// Moves the row just inserted into `table` (the last one) so that it is the
/// `index`-th in row order; `None` or an index past the end leaves it last.
/// Rowids of later rows move up by one only when no gap is left before them.
fn place(tx: &Connection, table: Ordered, id: &str, index: Option<u32>) -> Result<()> {
    let Some(index) = index else { return Ok(()) };
    let t = table.name();
    let mut stmt = tx.prepare_cached(&format!("SELECT rowid FROM {t} WHERE id <> ?1 ORDER BY rowid"))?;
    let others: Vec<i64> = stmt.query_map([id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    let index = index as usize;
    if index >= others.len() {
        return Ok(());
    }
    let after = if index == 0 { 0 } else { others[index - 1] };
    let before = others[index];
    let rowid = if before - after > 1 {
        after + 1
    } else {
        // Through negative rowids, so that no two rows ever share one mid-update.
        tx.execute(&format!("UPDATE {t} SET rowid = ?2 WHERE id = ?1"), params![id, i64::MIN])?;
        tx.execute(&format!("UPDATE {t} SET rowid = -(rowid + 1) WHERE rowid >= ?1"), [before])?;
        tx.execute(&format!("UPDATE {t} SET rowid = -rowid WHERE rowid < 0 AND id <> ?1"), [id])?;
        before
    };
    tx.execute(&format!("UPDATE {t} SET rowid = ?2 WHERE id = ?1"), params![id, rowid])?;
    Ok(())
}
