//! The TAS+ engine: each rule of tas-plus.md lives in exactly one function here.

pub mod grading;
