//! Moving deals between stages and marking exit checklists (tas-plus.md §2.1,
//! §2.2). The gate itself is [`crate::engine::stages::check_move`]; this file
//! reads what it needs and writes the result, each call in one transaction.

use chrono::NaiveDate;
use rusqlite::{params, Connection};

use super::read::{load_deals, load_settings};
use super::Store;
use crate::engine::grading::effective_grade;
use crate::engine::stages::{check_move, describe_move, stage_checklist, Missing, StageChecklist, StageMove};
use crate::error::{Error, Result};
use crate::model::{Deal, Settings, StageDef};

impl Store {
    /// Moves `deal` to the stage `to` if the stage gate allows it today (local
    /// date: a partner registration is judged on the day of the move).
    pub fn move_deal(&mut self, deal: &str, to: &str) -> Result<StageMove> {
        self.move_deal_as_of(deal, to, chrono::Local::now().date_naive())
    }

    /// [`Store::move_deal`] as if done on `as_of`. A refusal is `InvalidInput`
    /// whose message lists everything missing; nothing is written then.
    pub fn move_deal_as_of(&mut self, deal: &str, to: &str, as_of: NaiveDate) -> Result<StageMove> {
        let tx = super::transactions::write_tx(&mut self.conn)?;
        let settings = load_settings(&tx)?.1;
        let d = deal_in(&tx, deal)?;
        let grade = grade_of(&d, &settings);
        check_move(&d, grade, &settings.stages, to, as_of)
            .map_err(|missing| refusal(&d, &settings.stages, to, &missing))?;
        let moved = describe_move(&d, grade, &settings.stages, to);
        if d.stage != to {
            tx.execute("UPDATE deals SET stage = ?2 WHERE id = ?1", params![deal, to])?;
        }
        tx.commit()?;
        Ok(moved)
    }

    /// What keeps `deal` from moving to `to` on `as_of` (empty: it may move),
    /// for a preview before the move. `NotFound` for an unknown deal.
    pub fn missing_for_move(&self, deal: &str, to: &str, as_of: NaiveDate) -> Result<Vec<Missing>> {
        let settings = self.settings()?;
        let d = self.deal(deal)?;
        Ok(check_move(&d, grade_of(&d, &settings), &settings.stages, to, as_of).err().unwrap_or_default())
    }

    /// Marks (`done`) or unmarks an exit-checklist item of `stage` on `deal`,
    /// checked against the stage template; returns that stage's checklist.
    /// Marking twice or unmarking an unmarked item changes nothing. Closed
    /// deals may still be marked: the record is kept right after the fact.
    pub fn mark_checklist(&mut self, deal: &str, stage: &str, item: &str, done: bool) -> Result<StageChecklist> {
        let tx = super::transactions::write_tx(&mut self.conn)?;
        let settings = load_settings(&tx)?.1;
        let exists: bool = tx.query_row("SELECT EXISTS(SELECT 1 FROM deals WHERE id = ?1)", [deal], |r| r.get(0))?;
        if !exists {
            return Err(Error::NotFound { kind: "deal", id: deal.to_string() });
        }
        let def = template_stage(&settings.stages, stage)?;
        if !def.exit_checklist.iter().any(|i| i == item) {
            return Err(Error::InvalidInput(format!(
                "\"{item}\" is not on the exit checklist of stage \"{}\" ({}); its items are: {}",
                def.name,
                def.key,
                if def.exit_checklist.is_empty() { "none".to_string() } else { quoted(&def.exit_checklist) }
            )));
        }
        if done {
            tx.execute(
                "INSERT OR IGNORE INTO checklist_marks(deal, stage, item) VALUES (?1, ?2, ?3)",
                params![deal, stage, item],
            )?;
        } else {
            tx.execute(
                "DELETE FROM checklist_marks WHERE deal = ?1 AND stage = ?2 AND item = ?3",
                params![deal, stage, item],
            )?;
        }
        let checklist = stage_checklist(&deal_in(&tx, deal)?, def);
        tx.commit()?;
        Ok(checklist)
    }
}

fn deal_in(conn: &Connection, id: &str) -> Result<Deal> {
    load_deals(conn, Some(id))?.pop().ok_or_else(|| Error::NotFound { kind: "deal", id: id.to_string() })
}

fn grade_of(d: &Deal, settings: &Settings) -> crate::model::Grade {
    effective_grade(d.amount, d.partner_led, d.grade_override, &settings.grade_thresholds)
}

fn template_stage<'a>(stages: &'a [StageDef], key: &str) -> Result<&'a StageDef> {
    stages.iter().find(|s| s.key == key).ok_or_else(|| {
        Error::InvalidInput(format!("\"{key}\" is not a stage of the stage template; the stages are: {}", keys(stages)))
    })
}

fn keys(stages: &[StageDef]) -> String {
    stages.iter().map(|s| s.key.as_str()).collect::<Vec<_>>().join(", ")
}

fn quoted(items: &[String]) -> String {
    items.iter().map(|i| format!("\"{i}\"")).collect::<Vec<_>>().join(", ")
}

/// The refusal of a move, naming the deal, both stages and every missing thing.
fn refusal(d: &Deal, stages: &[StageDef], to: &str, missing: &[Missing]) -> Error {
    let name = |key: &str| match stages.iter().find(|s| s.key == key) {
        Some(s) => format!("\"{}\" ({key})", s.name),
        None => format!("\"{key}\""),
    };
    let mut lines: Vec<String> = missing.iter().map(|m| format!("  - {m}")).collect();
    if missing.iter().any(|m| matches!(m, Missing::UnknownStage { .. })) {
        lines.push(format!("  (the stages are: {})", keys(stages)));
    }
    Error::InvalidInput(format!(
        "cannot move deal \"{}\" ({}) from {} to {}:\n{}",
        d.id,
        d.name,
        name(&d.stage),
        name(to),
        lines.join("\n")
    ))
}
