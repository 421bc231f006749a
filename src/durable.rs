//! Files written so that a crash, a kill or a full disk never leaves half of
//! one under a real name: everything is written to a temporary name beside
//! the destination, flushed to disk, then renamed over it (one atomic step),
//! and the folder is flushed so the rename itself survives a power cut. A
//! write that fails removes its temporary file.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The temporary name a file is written under before it takes `dest`'s place:
/// `dest` with `.partial` added, so a leftover is recognised for what it is.
pub fn partial_path(dest: &Path) -> PathBuf {
    let mut name = dest.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".partial");
    dest.with_file_name(name)
}

/// True for a leftover temporary file of [`partial_path`].
pub fn is_partial(path: &Path) -> bool {
    path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.ends_with(".partial"))
}

/// Writes `bytes` to `dest` (replacing it) all at once or not at all.
pub fn write_file(dest: &Path, bytes: &[u8]) -> Result<()> {
    produce(dest, |tmp| {
        let mut f = File::create(tmp).map_err(|e| Error::io(tmp, e))?;
        f.write_all(bytes).map_err(|e| Error::io(tmp, e))?;
        Ok(())
    })
}

/// Lets `make` write a whole file at the temporary path, then moves it to
/// `dest` (replacing it). When `make` or any later step fails, the temporary
/// file is removed and `dest` is as it was.
pub fn produce(dest: &Path, make: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
    let tmp = partial_path(dest);
    let _ = std::fs::remove_file(&tmp);
    let result = make(&tmp).and_then(|()| {
        sync_file(&tmp)?;
        std::fs::rename(&tmp, dest).map_err(|e| Error::io(dest, e))?;
        sync_dir_of(dest)
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(|e| e.writing(dest))
}

/// Flushes a file's contents to the disk.
pub fn sync_file(path: &Path) -> Result<()> {
    File::open(path).and_then(|f| f.sync_all()).map_err(|e| Error::io(path, e))
}

/// Flushes the folder holding `path`, so a rename or a new name in it is on disk.
pub fn sync_dir_of(path: &Path) -> Result<()> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    File::open(dir).and_then(|f| f.sync_all()).map_err(|e| Error::io(dir, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_leaves_neither_a_partial_file_nor_a_changed_destination() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("brief.json");
        std::fs::write(&dest, "old").unwrap();
        let err = produce(&dest, |tmp| {
            std::fs::write(tmp, "half").unwrap();
            Err(Error::InvalidInput("stopped half way".into()))
        })
        .unwrap_err();
        assert!(err.to_string().contains("half way"));
        assert_eq!(std::fs::read_to_string(&dest).unwrap(), "old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "a temporary file was left behind");
        write_file(&dest, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&dest).unwrap(), "new");
        assert!(is_partial(&partial_path(&dest)) && !is_partial(&dest));
    }
}
