//! The TAS+ engine: each rule of tas-plus.md lives in exactly one function here.

pub mod coaching;
pub mod curve;
pub mod flags;
pub mod forecast;
pub mod grading;
pub mod interaction;
pub mod profile;
pub mod relationship;
pub mod stages;
pub mod win_rate;
