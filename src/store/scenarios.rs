//! Sand-table scenarios (沙盘推演): named forks of a deal kept beside it. A
//! scenario is checked by the same rules as the real deal (a trial update in a
//! transaction that is rolled back), judged by the same engine, and only
//! touches the real deal when promoted — in one transaction with its removal.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension};

use super::edits::{base36, next_serial};
use crate::engine::flags::flags_of;
use super::Store;
use crate::engine::coaching::overdue_actions;
use crate::engine::stages::stage_checklist;
use crate::engine::win_rate::{assessment_index_as_of, win_rate};
use crate::error::{Error, Result};
use crate::model::{
    Activity, Deal, DealView, Edit, EditOutcome, Judgement, Scenario, ScenarioChange, ScenarioSummary, ScenarioView, Settings,
};

impl Store {
    /// Forks `deal` into a new scenario called `name`.
    pub fn fork_scenario(&mut self, deal: &str, name: &str, today: NaiveDate) -> Result<Scenario> {
        if name.trim().is_empty() {
            return Err(Error::InvalidInput("name: a scenario needs a name".into()));
        }
        let real = self.deal(deal)?;
        let activities = self.deal_activities(deal)?;
        let id = loop {
            let id = format!("sc-{}", base36(next_serial()));
            let taken: bool =
                self.conn.query_row("SELECT EXISTS(SELECT 1 FROM scenarios WHERE id = ?1)", [&id], |r| r.get(0))?;
            if !taken {
                break id;
            }
        };
        let scenario = Scenario { id, name: name.trim().to_string(), created_on: today, deal: real, activities };
        self.conn.execute(
            "INSERT INTO scenarios(id, deal, name, created_on, data) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![scenario.id, deal, scenario.name, today, data_of(&scenario)],
        )?;
        Ok(scenario)
    }

    /// The scenarios of `deal`, oldest first.
    pub fn scenarios(&self, deal: &str) -> Result<Vec<ScenarioSummary>> {
        self.deal(deal)?;
        let mut stmt =
            self.conn.prepare("SELECT id, deal, name, created_on FROM scenarios WHERE deal = ?1 ORDER BY rowid")?;
        let rows = stmt.query_map([deal], |r| {
            Ok(ScenarioSummary { id: r.get(0)?, deal: r.get(1)?, name: r.get(2)?, created_on: r.get(3)? })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn scenario(&self, id: &str) -> Result<Scenario> {
        let row: Option<(String, NaiveDate, String)> = self
            .conn
            .query_row("SELECT name, created_on, data FROM scenarios WHERE id = ?1", [id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()?;
        let (name, created_on, data) = row.ok_or_else(|| Error::NotFound { kind: "scenario", id: id.to_string() })?;
        let (deal, activities): (Deal, Vec<Activity>) = serde_json::from_str(&data)
            .map_err(|e| Error::InvalidInput(format!("scenario \"{id}\": its stored data cannot be read: {e}")))?;
        Ok(Scenario { id: id.to_string(), name, created_on, deal, activities })
    }

    /// Replaces what the scenario holds. Refused, changing nothing, when the
    /// deal would break a rule the real deal obeys (unknown people or
    /// competitors, a stage change, …); the message names the field.
    pub fn update_scenario(&mut self, id: &str, deal: Deal, activities: Vec<Activity>) -> Result<Scenario> {
        let mut scenario = self.scenario(id)?;
        if deal.id != scenario.deal.id {
            return Err(Error::InvalidInput(format!(
                "deal.id: scenario \"{id}\" is a fork of deal \"{}\", not \"{}\"",
                scenario.deal.id, deal.id
            )));
        }
        // A trial run of the promotion, rolled back: the same rules as reality.
        let trial = Edit::UpdateDeal { deal: Box::new(deal.clone()), activities: Some(activities.clone()) };
        let tx = super::transactions::write_tx(&mut self.conn)?;
        super::edits::apply_in(&tx, &trial)?;
        tx.rollback()?;
        scenario.deal = deal;
        scenario.activities = activities;
        self.conn.execute("UPDATE scenarios SET data = ?2 WHERE id = ?1", params![id, data_of(&scenario)])?;
        Ok(scenario)
    }

    /// The scenario beside reality on `as_of`: both win rates and flag lists,
    /// the difference, and what the scenario changed.
    pub fn scenario_view(&self, id: &str, as_of: NaiveDate) -> Result<ScenarioView> {
        let scenario = self.scenario(id)?;
        let real = self.deal(&scenario.deal.id)?;
        let real_activities = self.deal_activities(&real.id)?;
        let settings = self.settings()?;
        let real_j = judge(&real, &real_activities, &settings, as_of);
        let projected = judge(&scenario.deal, &scenario.activities, &settings, as_of);
        let delta = match (projected.win_rate.rate, real_j.win_rate.rate) {
            (Some(p), Some(r)) => Some(((p - r) * 10.0).round() / 10.0),
            _ => None,
        };
        let changes = changes(&real, &real_activities, &scenario.deal, &scenario.activities);
        Ok(ScenarioView { scenario, real: real_j, projected, delta, changes })
    }

    /// Writes the scenario into the real deal and removes it, in one
    /// transaction, then retakes this week's win-rate snapshot so the curve
    /// shows the move. Returns the edit that puts the real deal back.
    pub fn promote_scenario(&mut self, id: &str, as_of: NaiveDate) -> Result<EditOutcome> {
        let scenario = self.scenario(id)?;
        let tx = super::transactions::write_tx(&mut self.conn)?;
        let edit = Edit::UpdateDeal { deal: Box::new(scenario.deal), activities: Some(scenario.activities) };
        super::edits::refuse_done_in_future(&tx, &edit, as_of)?;
        let outcome = super::edits::apply_in(&tx, &edit)?;
        tx.execute("DELETE FROM scenarios WHERE id = ?1", [id])?;
        tx.commit()?;
        self.take_snapshots(as_of)?;
        Ok(outcome)
    }

    pub fn discard_scenario(&mut self, id: &str) -> Result<()> {
        let n = self.conn.execute("DELETE FROM scenarios WHERE id = ?1", [id])?;
        if n == 0 {
            return Err(Error::NotFound { kind: "scenario", id: id.to_string() });
        }
        Ok(())
    }

    /// The activities linked to `deal`, in the account's order.
    pub fn deal_activities(&self, deal: &str) -> Result<Vec<Activity>> {
        let d = self.deal(deal)?;
        let ws = self.load_workspace()?;
        Ok(ws
            .accounts
            .into_iter()
            .filter(|a| a.id == d.account)
            .flat_map(|a| a.activities)
            .filter(|a| a.deal.as_deref() == Some(deal))
            .collect())
    }

    /// The deal with its activities and the engine's judgement on `as_of`.
    pub fn deal_view(&self, deal: &str, as_of: NaiveDate) -> Result<DealView> {
        let d = self.deal(deal)?;
        let activities = self.deal_activities(deal)?;
        let judgement = judge(&d, &activities, &self.settings()?, as_of);
        Ok(DealView { deal: d, activities, judgement })
    }

    /// The engine's judgement of the real deal on `as_of`.
    pub fn judge_deal(&self, deal: &str, as_of: NaiveDate) -> Result<Judgement> {
        let real = self.deal(deal)?;
        let activities = self.deal_activities(deal)?;
        Ok(judge(&real, &activities, &self.settings()?, as_of))
    }
}

fn data_of(s: &Scenario) -> String {
    serde_json::to_string(&(&s.deal, &s.activities)).expect("scenarios serialize")
}

fn judge(deal: &Deal, activities: &[Activity], settings: &Settings, as_of: NaiveDate) -> Judgement {
    let flags = flags_of(std::slice::from_ref(deal), activities, settings, as_of).pop().map(|f| f.flags).unwrap_or_default();
    Judgement {
        win_rate: win_rate(deal, &settings.win_rate_weights, as_of),
        flags,
        assessment_in_force: assessment_index_as_of(deal, as_of).map(|i| i as u32),
        overdue_actions: overdue_actions(deal, as_of),
        checklist: settings.stages.iter().find(|s| s.key == deal.stage).map(|s| stage_checklist(deal, s)),
    }
}

/// What the scenario changed against reality, input by input.
fn changes(real: &Deal, real_acts: &[Activity], sc: &Deal, sc_acts: &[Activity]) -> Vec<ScenarioChange> {
    let mut out = Vec::new();
    let before: HashMap<&str, _> = real.participants.iter().map(|p| (p.person.as_str(), p)).collect();
    let after: HashMap<&str, _> = sc.participants.iter().map(|p| (p.person.as_str(), p)).collect();
    let key = |v: &dyn erased::Key| v.key();
    for p in &sc.participants {
        match before.get(p.person.as_str()) {
            None => out.push(ScenarioChange::ParticipantAdded { person: p.person.clone() }),
            Some(r) => {
                if r.role != p.role {
                    out.push(ScenarioChange::Participant {
                        person: p.person.clone(),
                        field: "role".into(),
                        from: key(&r.role),
                        to: key(&p.role),
                    });
                }
                if r.attitude != p.attitude {
                    out.push(ScenarioChange::Participant {
                        person: p.person.clone(),
                        field: "attitude".into(),
                        from: key(&r.attitude),
                        to: key(&p.attitude),
                    });
                }
                if r.relationship_strategy != p.relationship_strategy {
                    out.push(ScenarioChange::Participant {
                        person: p.person.clone(),
                        field: "relationship_strategy".into(),
                        from: r.relationship_strategy.as_ref().map_or_else(String::new, |s| key(s)),
                        to: p.relationship_strategy.as_ref().map_or_else(String::new, |s| key(s)),
                    });
                }
            }
        }
    }
    for r in &real.participants {
        if !after.contains_key(r.person.as_str()) {
            out.push(ScenarioChange::ParticipantRemoved { person: r.person.clone() });
        }
    }
    let latest = |d: &Deal| d.assessments.iter().max_by_key(|a| a.date).cloned();
    let (ra, sa) = (latest(real), latest(sc));
    let source = |a: &Option<crate::model::Assessment>| a.as_ref().and_then(|a| a.inside_source.clone());
    if source(&ra) != source(&sa) {
        out.push(ScenarioChange::InsideSource { from: source(&ra), to: source(&sa) });
    }
    if real.assessments.len() != sc.assessments.len() {
        out.push(ScenarioChange::Assessments { from: real.assessments.len() as u32, to: sc.assessments.len() as u32 });
    }
    let scores = |a: &Option<crate::model::Assessment>| -> HashMap<String, (f64, f64)> {
        a.iter().flat_map(|a| a.scores.iter()).map(|s| (s.party.clone(), (s.fit, s.closeness))).collect()
    };
    let (rs, ss) = (scores(&ra), scores(&sa));
    let mut parties: Vec<&String> = ss.keys().chain(rs.keys()).collect::<HashSet<_>>().into_iter().collect();
    parties.sort();
    for party in parties {
        let (rf, rc) = rs.get(party).copied().unwrap_or((0.0, 0.0));
        let (sf, scl) = ss.get(party).copied().unwrap_or((0.0, 0.0));
        if rf != sf {
            out.push(ScenarioChange::Score { party: party.clone(), field: "fit".into(), from: rf, to: sf });
        }
        if rc != scl {
            out.push(ScenarioChange::Score { party: party.clone(), field: "closeness".into(), from: rc, to: scl });
        }
    }
    let confirmed = |d: &Deal| d.compelling_events.iter().filter(|e| e.confirmed).count() as u32;
    if real.compelling_events != sc.compelling_events {
        out.push(ScenarioChange::CompellingEvents {
            from: real.compelling_events.len() as u32,
            to: sc.compelling_events.len() as u32,
            confirmed_from: confirmed(real),
            confirmed_to: confirmed(sc),
        });
    }
    for c in &sc.competitors {
        if !real.competitors.contains(c) {
            out.push(ScenarioChange::CompetitorAdded { competitor: c.clone() });
        }
    }
    for c in &real.competitors {
        if !sc.competitors.contains(c) {
            out.push(ScenarioChange::CompetitorRemoved { competitor: c.clone() });
        }
    }
    if real.not_shortlisted != sc.not_shortlisted {
        out.push(ScenarioChange::Shortlist { from: !real.not_shortlisted, to: !sc.not_shortlisted });
    }
    let real_by_id: HashMap<&str, &Activity> = real_acts.iter().map(|a| (a.id.as_str(), a)).collect();
    let sc_ids: HashSet<&str> = sc_acts.iter().map(|a| a.id.as_str()).collect();
    for a in sc_acts {
        match real_by_id.get(a.id.as_str()) {
            None => out.push(ScenarioChange::ActivityAdded { activity: a.id.clone() }),
            Some(r) if *r != a => out.push(ScenarioChange::ActivityChanged { activity: a.id.clone() }),
            Some(_) => {}
        }
    }
    for a in real_acts {
        if !sc_ids.contains(a.id.as_str()) {
            out.push(ScenarioChange::ActivityRemoved { activity: a.id.clone() });
        }
    }
    let rest = |d: &Deal| {
        let mut d = d.clone();
        d.participants.clear();
        d.assessments.clear();
        d.compelling_events.clear();
        d.competitors.clear();
        d.not_shortlisted = false;
        d
    };
    if rest(real) != rest(sc) {
        out.push(ScenarioChange::Other { field: "deal".into() });
    }
    out
}

/// The snake_case key of an enum value, as in the workspace file.
mod erased {
    pub trait Key {
        fn key(&self) -> String;
    }
    impl<T: serde::Serialize> Key for T {
        fn key(&self) -> String {
            match serde_json::to_value(self) {
                Ok(serde_json::Value::String(s)) => s,
                Ok(v) => v.to_string(),
                Err(_) => String::new(),
            }
        }
    }
}
