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
mod full_disk;
mod hostile;
mod kill_points;
mod import_rules;
mod input_bounds;
mod layout;
mod library;
mod people_csv;
mod practice_file;
mod reliability;
mod replace_speed;
mod pipeline;
mod plain_text;
mod profile;
mod roundtrip;
mod scenarios;
mod stages;
mod store_open;
mod support;
mod win_rate_cases;
mod win_rate_cli;
mod win_rate_table;
