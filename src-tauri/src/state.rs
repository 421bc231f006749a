//! The open workspace, shared by all commands.

use std::sync::Mutex;

use sandtable::Store;

use crate::error::IpcError;

pub struct AppState {
    /// The store, or why it could not be opened (e.g. a database from a newer
    /// Sandtable, or an encrypted one waiting for its passphrase): every
    /// command then reports that error, so the window can show it translated
    /// (and ask for the passphrase) instead of the app failing to start.
    store: Mutex<Result<Store, IpcError>>,
}

impl AppState {
    pub fn new(store: Store) -> Self {
        AppState { store: Mutex::new(Ok(store)) }
    }

    pub fn failed(error: sandtable::Error) -> Self {
        AppState { store: Mutex::new(Err(IpcError::from(error))) }
    }

    /// Runs `f` with the store; a poisoned lock is reported, not unwrapped,
    /// and a write that failed for want of space says the disk is full.
    pub fn with_store<T>(&self, f: impl FnOnce(&mut Store) -> sandtable::Result<T>) -> Result<T, IpcError> {
        let mut slot = self.store.lock().map_err(|_| IpcError::internal("workspace lock poisoned"))?;
        let store = slot.as_mut().map_err(|e| e.clone())?;
        let result = f(store);
        result.map_err(|e| IpcError::from(store.explain(e)))
    }

    /// Opens the workspace with `open` when it is not open yet (e.g. with the
    /// passphrase the user typed); an open workspace is left as it is.
    pub fn open_with(&self, open: impl FnOnce() -> sandtable::Result<Store>) -> Result<(), IpcError> {
        let mut slot = self.store.lock().map_err(|_| IpcError::internal("workspace lock poisoned"))?;
        if slot.is_ok() {
            return Ok(());
        }
        *slot = Ok(open().map_err(IpcError::from)?);
        Ok(())
    }
}
