//! Writing the files the user asked for (exports, pictures) without ever
//! leaving half a file behind.

use std::io::Read;
use std::path::Path;

use serde::Serialize;

use crate::error::{Error, Result};

/// Where a long file operation is, for a progress bar: `done` of `total`
/// bytes while reading, then the checking and writing phases.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Progress {
    pub phase: Phase,
    /// Bytes (exact in a JavaScript number up to 8 PiB).
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub done: u64,
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub total: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Reading,
    Checking,
    Writing,
    Done,
}

impl Progress {
    pub fn phase(phase: Phase) -> Self {
        Progress { phase, done: 0, total: 0 }
    }
}

/// Reads a whole file in 1 MiB pieces, reporting the bytes read so far.
pub fn read_with_progress(path: &Path, progress: &mut dyn FnMut(Progress)) -> Result<Vec<u8>> {
    let mut file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let total = file.metadata().map_err(|e| Error::io(path, e))?.len();
    let mut bytes = Vec::with_capacity(usize::try_from(total).unwrap_or(0));
    let mut chunk = vec![0u8; 1 << 20];
    progress(Progress { phase: Phase::Reading, done: 0, total });
    loop {
        let n = file.read(&mut chunk).map_err(|e| Error::io(path, e))?;
        if n == 0 {
            break;
        }
        bytes.extend_from_slice(&chunk[..n]);
        progress(Progress { phase: Phase::Reading, done: bytes.len() as u64, total: total.max(bytes.len() as u64) });
    }
    Ok(bytes)
}

/// Writes to a temporary file beside `path`, then renames, so a crash or a
/// full disk never leaves half a file (see [`crate::durable`]).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    crate::durable::write_file(path, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_whole_files_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("map.svg");
        write_atomically(&path, b"<svg/>").unwrap();
        write_atomically(&path, b"<svg></svg>").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"<svg></svg>");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        let err = write_atomically(&dir.path().join("missing/map.svg"), b"x").unwrap_err();
        assert!(err.to_string().contains("missing"), "{err}");
    }

    #[test]
    fn reading_reports_every_piece_up_to_the_whole_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.json");
        let data: Vec<u8> = (0..(3 << 20) + 5).map(|i| (i % 251) as u8).collect();
        std::fs::write(&path, &data).unwrap();
        let mut seen = Vec::new();
        let bytes = read_with_progress(&path, &mut |p| seen.push(p)).unwrap();
        assert_eq!(bytes, data);
        let done: Vec<u64> = seen.iter().map(|p| p.done).collect();
        assert_eq!(done, vec![0, 1 << 20, 2 << 20, 3 << 20, (3 << 20) + 5]);
        assert!(seen.iter().all(|p| p.phase == Phase::Reading && p.total == data.len() as u64));
        let err = read_with_progress(&dir.path().join("nope.json"), &mut |_| {}).unwrap_err();
        assert!(err.to_string().contains("nope.json"), "{err}");
    }
}
