//! Files in and out: the workspace JSON (import, export, backup, fixtures)
//! and people CSV files from CRMs and HR systems.

pub mod files;
pub mod import;
pub mod people_csv;
pub mod people_csv_export;
pub mod plain_text;
pub mod validate;
pub mod workspace_file;

pub use files::{read_with_progress, write_atomically, Phase, Progress};
pub use import::{export_json, import_file, import_file_with_progress, import_workspace, import_workspace_in_transaction, ImportMode, ImportReport};
