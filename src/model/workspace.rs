//! The whole workspace as one document: the import, export, backup and
//! fixture format (workspace-json.md, version 1).

use serde::{Deserialize, Serialize};

use super::{Account, Competitor, Deal, Settings};

pub const FORMAT: &str = "sandtable-workspace";
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Workspace {
    pub format: String,
    pub version: u32,
    #[serde(default = "default_currency")]
    pub currency: String,
    #[serde(default)]
    pub settings: Settings,
    #[serde(default)]
    pub competitors: Vec<Competitor>,
    #[serde(default)]
    pub accounts: Vec<Account>,
    #[serde(default)]
    pub deals: Vec<Deal>,
}

fn default_currency() -> String {
    "CNY".into()
}

impl Default for Workspace {
    fn default() -> Self {
        Workspace {
            format: FORMAT.into(),
            version: VERSION,
            currency: default_currency(),
            settings: Settings::default(),
            competitors: Vec::new(),
            accounts: Vec::new(),
            deals: Vec::new(),
        }
    }
}

impl Workspace {
    pub fn is_empty(&self) -> bool {
        self.competitors.is_empty() && self.accounts.is_empty() && self.deals.is_empty()
    }
}
