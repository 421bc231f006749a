//! Copies of the workspace database taken before destructive operations.

use std::path::{Path, PathBuf};

use chrono::Local;

use super::Store;
use crate::error::{Error, Result};

impl Store {
    /// Writes a consistent copy of the database to `dest` (which must not exist).
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        let dest_text = dest
            .to_str()
            .ok_or_else(|| Error::InvalidInput(format!("backup path {} is not UTF-8", dest.display())))?;
        self.conn.execute("VACUUM INTO ?1", [dest_text])?;
        Ok(())
    }

    /// Backs up into `backups/` beside the database, named by the current time.
    /// Returns `None` for an in-memory database, which has nothing to keep.
    pub fn backup_beside(&self, reason: &str) -> Result<Option<PathBuf>> {
        let Some(path) = self.path() else { return Ok(None) };
        let dir = path.parent().map(|p| p.join("backups")).unwrap_or_else(|| PathBuf::from("backups"));
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("workspace");
        let stamp = Local::now().format("%Y%m%d-%H%M%S%.3f");
        let dest = dir.join(format!("{stem}-{stamp}-{reason}.db"));
        self.backup_to(&dest)?;
        Ok(Some(dest))
    }
}
