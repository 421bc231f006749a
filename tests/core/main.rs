//! Core integration tests: one binary, real SQLite files (or `:memory:`
//! through the production `Store::open`).

mod cli;
mod atomic_writes;
mod concurrency;
mod crash;
mod edits;
mod encoding;
mod encryption;
mod error_reports;
mod file_locks;
mod hostile;
mod kill_points;
mod import_rules;
mod input_bounds;
mod layout;
mod library;
mod people_csv;
mod reliability;
mod pipeline;
mod plain_text;
mod profile;
mod roundtrip;
mod scenarios;
mod stages;
mod store_open;
mod support;
mod win_rate_cli;
