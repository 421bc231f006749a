//! List queries behind the account list, the deal list and the CLI tables.

use std::collections::HashMap;

use super::Store;
use crate::engine::grading::{effective_grade, process_of};
use crate::error::{Error, Result};
use crate::model::*;

impl Store {
    pub fn account_summaries(&self) -> Result<Vec<AccountSummary>> {
        let mut stmt = self.conn.prepare(
            "SELECT a.id, a.name, a.industry, a.region,
                    (SELECT count(*) FROM people p WHERE p.account = a.id),
                    (SELECT count(*) FROM deals d WHERE d.account = a.id AND d.status = 'open')
             FROM accounts a ORDER BY a.rowid",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(AccountSummary {
                id: r.get(0)?,
                name: r.get(1)?,
                industry: r.get(2)?,
                region: r.get(3)?,
                people: r.get(4)?,
                open_deals: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn deal_summaries(&self) -> Result<Vec<DealSummary>> {
        let settings = self.settings()?;
        let stages: HashMap<&str, (usize, &StageDef)> =
            settings.stages.iter().enumerate().map(|(i, s)| (s.key.as_str(), (i, s))).collect();
        let mut stmt = self.conn.prepare(
            "SELECT d.id, d.account, a.name, d.name, d.amount, d.currency, d.stage, d.status,
                    d.grade_override, d.partner_led, d.expected_close
             FROM deals d JOIN accounts a ON a.id = d.account ORDER BY d.rowid",
        )?;
        let rows = stmt.query_map([], |r| {
            let stage: String = r.get(6)?;
            let (index, def) = stages.get(stage.as_str()).copied().unzip();
            let amount: f64 = r.get(4)?;
            let grade = effective_grade(amount, r.get(9)?, r.get(8)?, &settings.grade_thresholds);
            Ok(DealSummary {
                id: r.get(0)?,
                account: r.get(1)?,
                account_name: r.get(2)?,
                name: r.get(3)?,
                amount,
                currency: r.get(5)?,
                stage_name: def.map_or_else(|| stage.clone(), |d| d.name.clone()),
                stage_name_en: def.map_or_else(|| stage.clone(), |d| d.name_en.clone()),
                stage_index: index.map_or(0, |i| i as u32 + 1),
                stage,
                status: r.get(7)?,
                grade,
                process: process_of(grade),
                expected_close: r.get(10)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// People of one account, in insertion order.
    pub fn person_summaries(&self, account: &str) -> Result<Vec<PersonSummary>> {
        let exists: bool = self.conn.query_row(
            "SELECT EXISTS(SELECT 1 FROM accounts WHERE id = ?1)",
            [account],
            |r| r.get(0),
        )?;
        if !exists {
            return Err(Error::NotFound { kind: "account", id: account.to_string() });
        }
        let mut stmt = self.conn.prepare(
            "SELECT p.id, p.name, p.title, p.department, p.manager, m.name, p.attitude, p.orientation, p.influence
             FROM people p LEFT JOIN people m ON m.id = p.manager
             WHERE p.account = ?1 ORDER BY p.rowid",
        )?;
        let rows = stmt.query_map([account], |r| {
            Ok(PersonSummary {
                id: r.get(0)?,
                name: r.get(1)?,
                title: r.get(2)?,
                department: r.get(3)?,
                manager: r.get(4)?,
                manager_name: r.get(5)?,
                attitude: r.get(6)?,
                orientation: r.get(7)?,
                influence: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The competitor library, in insertion order.
    pub fn competitor_summaries(&self) -> Result<Vec<CompetitorSummary>> {
        let mut stmt = self.conn.prepare("SELECT id, name FROM competitors ORDER BY rowid")?;
        let rows = stmt.query_map([], |r| Ok(CompetitorSummary { id: r.get(0)?, name: r.get(1)? }))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The whole competitor library (info, partners, strengths, weaknesses, events), in library order.
    pub fn competitors(&self) -> Result<Vec<crate::model::Competitor>> {
        super::read::load_competitors(&self.conn)
    }

    pub fn settings(&self) -> Result<Settings> {
        Ok(super::read::load_settings(&self.conn)?.1)
    }

    /// The whole workspace as one document (export).
    pub fn load_workspace(&self) -> Result<Workspace> {
        super::read::load_workspace(&self.conn)
    }
}
