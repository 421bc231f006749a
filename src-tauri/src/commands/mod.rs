//! Tauri commands: each one calls one core function and maps its error.

pub mod backup;
pub mod deals;
pub mod files;
pub mod map;
pub mod pipeline;
pub mod security;
pub mod system;
pub mod workspace;
