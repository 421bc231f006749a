//! The open workspace, shared by all commands.

use std::sync::Mutex;

use sandtable::Store;

use crate::error::IpcError;

pub struct AppState {
    /// The store, or why it could not be opened (e.g. a database from a newer
    /// Sandtable): every command then reports that error, so the window can
    /// show it translated instead of the app failing to start.
    store: Result<Mutex<Store>, IpcError>,
}

impl AppState {
    pub fn new(store: Store) -> Self {
        AppState { store: Ok(Mutex::new(store)) }
    }

    pub fn failed(error: sandtable::Error) -> Self {
        AppState { store: Err(IpcError::from(error)) }
    }

    /// Runs `f` with the store; a poisoned lock is reported, not unwrapped.
    pub fn with_store<T>(
        &self,
        f: impl FnOnce(&mut Store) -> sandtable::Result<T>,
    ) -> Result<T, IpcError> {
        let store = self.store.as_ref().map_err(Clone::clone)?;
        let mut store = store.lock().map_err(|_| IpcError::internal("workspace lock poisoned"))?;
        f(&mut store).map_err(IpcError::from)
    }
}
