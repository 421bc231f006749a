//! Reading deals with all their TAS+ parts, one or all, for the engine
//! (win rate, flags, forecast) and the deal views.

use super::read::load_deals;
use super::Store;
use crate::error::{Error, Result};
use crate::model::Deal;

impl Store {
    /// One deal with all its parts; `NotFound` when there is no such deal.
    pub fn deal(&self, id: &str) -> Result<Deal> {
        load_deals(&self.conn, Some(id))?
            .pop()
            .ok_or_else(|| Error::NotFound { kind: "deal", id: id.to_string() })
    }

    /// Every deal with all its parts, in insertion order.
    pub fn deals(&self) -> Result<Vec<Deal>> {
        load_deals(&self.conn, None)
    }
}

#[cfg(test)]
mod tests {
    use crate::demo::practice_workspace;
    use crate::io::{import_workspace, ImportMode};
    use crate::{Error, Store};

    #[test]
    fn one_deal_is_the_same_as_in_the_full_list() {
        let mut store = Store::open(":memory:").unwrap();
        let ws = practice_workspace();
        import_workspace(&mut store, &ws, ImportMode::Replace).unwrap();
        let all = store.deals().unwrap();
        assert_eq!(all, ws.deals);
        for deal in &all {
            assert_eq!(&store.deal(&deal.id).unwrap(), deal);
        }
    }

    #[test]
    fn a_missing_deal_is_not_found() {
        let store = Store::open(":memory:").unwrap();
        match store.deal("d-nope") {
            Err(Error::NotFound { kind: "deal", id }) => assert_eq!(id, "d-nope"),
            other => panic!("{other:?}"),
        }
        assert!(store.deals().unwrap().is_empty());
    }
}
