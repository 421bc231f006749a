//! The workspace's file locks cannot be dropped by another part of the
//! process: on Linux SQLite locks with open-file-description locks instead of
//! the process-wide POSIX ones (`file_locks.c`, installed when the program
//! loads). Without this, a native file dialog showing the workspace's folder
//! released the app's locks and a CLI run deleted the log the app wrote to.
#![allow(unsafe_code)]

extern "C" {
    fn sandtable_ofd_locks_installed() -> std::os::raw::c_int;
}

/// True when SQLite's locks are open-file-description locks (Linux).
pub fn ofd_locks_in_force() -> bool {
    // SAFETY: reads an int the load-time constructor wrote before main; no arguments.
    unsafe { sandtable_ofd_locks_installed() == 1 }
}
