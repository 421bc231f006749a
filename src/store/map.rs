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

    /// The circles of `account`, in the order they were created.
    pub fn circles(&self, account: &str) -> Result<Vec<Circle>> {
        self.account_circles(account)
    }
}
