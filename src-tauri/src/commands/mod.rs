//! Tauri commands: each one calls one core function and maps its error.

pub mod pipeline;
pub mod system;
pub mod workspace;
