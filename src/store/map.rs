//! What the account map screen reads: the laid-out map of one account and the
//! circles it can be drawn into. The layout itself lives in [`crate::layout`].

use chrono::NaiveDate;

use super::Store;
use crate::error::Result;
use crate::layout::{layout, Layer, Layout, LayoutOptions, ReportingMode};
use crate::model::Circle;

impl Store {
    /// Lays out `layer` of `account` on `as_of`, with the workspace's
    /// interaction thresholds (the encoding derives interaction).
    pub fn map_layout(
        &self,
        account: &str,
        layer: Layer,
        deal: Option<String>,
        collapsed: Vec<String>,
        mode: ReportingMode,
        as_of: NaiveDate,
    ) -> Result<Layout> {
        let ws = self.load_workspace()?;
        let opts = LayoutOptions { deal, collapsed, mode, as_of, thresholds: ws.settings.interaction_thresholds.clone() };
        layout(&ws, account, layer, &opts)
    }

    /// The decision layer of a sand-table scenario: the account as it is, with
    /// the scenario's version of the deal (participants, roles, attitudes,
    /// links) and of its activities (so interaction is derived from them), so
    /// people added only in the scenario are drawn too.
    pub fn scenario_layout(&self, scenario: &str, as_of: NaiveDate) -> Result<Layout> {
        let scenario = self.scenario(scenario)?;
        let mut ws = self.load_workspace()?;
        let deal = scenario.deal;
        if let Some(account) = ws.accounts.iter_mut().find(|a| a.id == deal.account) {
            account.activities.retain(|a| a.deal.as_deref() != Some(deal.id.as_str()));
            account.activities.extend(scenario.activities);
        }
        let id = deal.id.clone();
        let account = deal.account.clone();
        if let Some(d) = ws.deals.iter_mut().find(|d| d.id == deal.id) {
            *d = deal;
        }
        let opts = LayoutOptions {
            deal: Some(id),
            collapsed: Vec::new(),
            mode: ReportingMode::Compact,
            as_of,
            thresholds: ws.settings.interaction_thresholds.clone(),
        };
        layout(&ws, &account, Layer::Decision, &opts)
    }

    /// The circles of `account`, in the order they were created.
    pub fn circles(&self, account: &str) -> Result<Vec<Circle>> {
        self.account_circles(account)
    }
}
