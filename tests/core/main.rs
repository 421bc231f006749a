//! Core integration tests: one binary, real SQLite files (or `:memory:`
//! through the production `Store::open`).

mod cli;
mod import_rules;
mod people_csv;
mod roundtrip;
mod store_open;
mod support;
