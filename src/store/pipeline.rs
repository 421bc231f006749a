//! Pipeline views that run the engine over the stored deals: red flags,
//! the weighted forecast, the probability curve.

use chrono::NaiveDate;
use serde::Serialize;

use super::Store;
use crate::engine::curve::{self, CurvePoint};
use crate::engine::flags::{flags_of, DealFlags, Flag};
use crate::engine::forecast::{forecast, Forecast};
use crate::engine::win_rate::{win_rate, WinRate};
use crate::error::Result;
use crate::model::Activity;

/// A deal's win rate and red flags, as the deal list shows them.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DealHealth {
    pub deal: String,
    pub win_rate: WinRate,
    pub flags: Vec<Flag>,
}

impl Store {
    /// Win rate and red flags of every deal on `as_of`.
    pub fn deal_health(&self, as_of: NaiveDate) -> Result<Vec<DealHealth>> {
        let ws = self.load_workspace()?;
        let activities: Vec<Activity> = ws.accounts.into_iter().flat_map(|a| a.activities).collect();
        let flags = flags_of(&ws.deals, &activities, &ws.settings, as_of);
        Ok(ws
            .deals
            .iter()
            .zip(flags)
            .map(|(d, f)| DealHealth {
                deal: d.id.clone(),
                win_rate: win_rate(d, &ws.settings.win_rate_weights, as_of),
                flags: f.flags,
            })
            .collect())
    }

    /// Red flags of one deal, or of every deal.
    pub fn flags(&self, deal: Option<&str>, as_of: NaiveDate) -> Result<Vec<DealFlags>> {
        let deals = match deal {
            Some(id) => vec![self.deal(id)?],
            None => self.deals()?,
        };
        let ws = self.load_workspace()?;
        let activities: Vec<Activity> = ws.accounts.into_iter().flat_map(|a| a.activities).collect();
        Ok(flags_of(&deals, &activities, &ws.settings, as_of))
    }

    /// The weighted pipeline forecast on `as_of`.
    pub fn forecast(&self, as_of: NaiveDate) -> Result<Forecast> {
        let (currency, settings) = super::read::load_settings(&self.conn)?;
        Ok(forecast(&self.deals()?, &settings, &currency, as_of))
    }

    /// The probability curve of a deal from its stored weekly snapshots.
    pub fn curve(&self, deal: &str) -> Result<Vec<CurvePoint>> {
        Ok(curve::curve(&self.snapshots(deal)?))
    }
}
