//! Stored weekly win-rate snapshots, the source of the probability curve.

use chrono::NaiveDate;
use rusqlite::params;

use super::Store;
use crate::engine::curve::{self, Snapshot};
use crate::error::{Error, Result};
use crate::model::{Deal, DealStatus};

impl Store {
    /// Takes this week's snapshot of every open deal (replacing one already
    /// taken this week). Returns how many were written.
    pub fn take_snapshots(&mut self, as_of: NaiveDate) -> Result<u32> {
        let weights = self.settings()?.win_rate_weights;
        let deals = self.deals()?;
        let snaps: Vec<Snapshot> = open(&deals).map(|d| curve::snapshot(d, &weights, as_of)).collect();
        self.write_snapshots(&snaps)
    }

    /// Retakes this week's snapshot of the given deals that are open (after an
    /// edit changed them, so the curve's last week follows the live win rate).
    pub fn retake_snapshots(&mut self, deals: &[String], as_of: NaiveDate) -> Result<u32> {
        let weights = self.settings()?.win_rate_weights;
        let mut snaps = Vec::new();
        for id in deals {
            if let Ok(d) = self.deal(id) {
                if d.status == DealStatus::Open {
                    snaps.push(curve::snapshot(&d, &weights, as_of));
                }
            }
        }
        self.write_snapshots(&snaps)
    }

    /// Rebuilds every open deal's snapshots for the past weeks from the assessment history.
    pub fn rebuild_snapshots(&mut self, as_of: NaiveDate) -> Result<u32> {
        let weights = self.settings()?.win_rate_weights;
        let deals = self.deals()?;
        let snaps: Vec<Snapshot> = open(&deals).flat_map(|d| curve::rebuild(d, &weights, as_of)).collect();
        self.write_snapshots(&snaps)
    }

    /// True when this ISO week already has snapshots (the app takes them once a week).
    pub fn has_snapshots_for_week(&self, as_of: NaiveDate) -> Result<bool> {
        Ok(self.conn.query_row(
            "SELECT EXISTS(SELECT 1 FROM win_rate_snapshots WHERE week = ?1)",
            [curve::iso_week(as_of)],
            |r| r.get(0),
        )?)
    }

    /// The stored snapshots of one deal, oldest first.
    pub fn snapshots(&self, deal: &str) -> Result<Vec<Snapshot>> {
        self.deal(deal)?; // NotFound for an unknown deal
        let mut stmt = self.conn.prepare("SELECT data FROM win_rate_snapshots WHERE deal = ?1 ORDER BY week")?;
        let rows = stmt.query_map([deal], |r| r.get::<_, String>(0))?;
        rows.map(|row| {
            let json = row?;
            serde_json::from_str(&json).map_err(|e| Error::invalid(format!("win_rate_snapshots[{deal}]"), e.to_string()))
        })
        .collect()
    }

    fn write_snapshots(&mut self, snaps: &[Snapshot]) -> Result<u32> {
        let tx = super::transactions::write_tx(&mut self.conn)?;
        {
            let mut stmt = tx.prepare(
                "INSERT OR REPLACE INTO win_rate_snapshots(deal, week, as_of, rate, formula_version, data)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            for s in snaps {
                let data = serde_json::to_string(s).expect("snapshots serialize");
                stmt.execute(params![s.deal, s.week, s.as_of, s.rate, s.formula_version, data])?;
            }
        }
        tx.commit()?;
        Ok(snaps.len() as u32)
    }
}

fn open(deals: &[Deal]) -> impl Iterator<Item = &Deal> {
    deals.iter().filter(|d| d.status == DealStatus::Open)
}
