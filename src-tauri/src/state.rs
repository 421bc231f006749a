//! The open workspace, shared by all commands.

use std::sync::Mutex;

use sandtable::Store;

use crate::error::IpcError;

pub struct AppState {
    store: Mutex<Store>,
}

impl AppState {
    pub fn new(store: Store) -> Self {
        AppState { store: Mutex::new(store) }
    }

    /// Runs `f` with the store; a poisoned lock is reported, not unwrapped.
    pub fn with_store<T>(
        &self,
        f: impl FnOnce(&mut Store) -> sandtable::Result<T>,
    ) -> Result<T, IpcError> {
        let mut store = self.store.lock().map_err(|_| IpcError::internal("workspace lock poisoned"))?;
        f(&mut store).map_err(IpcError::from)
    }
}
