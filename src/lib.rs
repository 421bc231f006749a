//! Sandtable core: the TAS+ domain, its SQLite store, the workspace file and
//! the engine. No GUI dependency: the desktop shell and the CLI sit on top.

pub mod demo;
pub mod durable;
pub mod engine;
pub mod error;
pub mod io;
pub mod layout;
pub mod model;
pub mod store;

pub use error::{Error, Result};
pub use store::Store;
