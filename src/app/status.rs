//! `--status-file PATH`: a test mode for driving the real window from outside (the CI's
//! real-window test, the idle benchmark). After each frame the app writes what a script needs
//! to know, as JSON, atomically (a temporary file renamed over the old one): how many frames it
//! has drawn, the view and selection, and where the diagram is on screen, so that a script can
//! click a region at coordinates computed from the content (`list --json` gives its centroid in
//! diagram units) however the artwork or the layout moves.

use std::path::{Path, PathBuf};

use serde::Serialize;

/// What the status file holds.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Status {
    /// Frames drawn since start (an idle window draws none).
    pub frames: u64,
    /// The current view's id.
    pub view: Option<String>,
    /// The selected region's id.
    pub selected: Option<String>,
    /// Content problems shown in the banner.
    pub errors: usize,
    /// In consultation mode: the pain markers of the session (`None` outside it).
    pub markers: Option<usize>,
    /// Screen points from diagram units on the current view: `screen = diagram * scale +
    /// translation`, in points from the window's inner top-left corner.
    pub scale: f32,
    pub translation: [f32; 2],
    /// Physical pixels per point (screen pixels = points * this).
    pub pixels_per_point: f32,
}

/// Writes the status when it changed since the last write.
pub struct StatusFile {
    path: PathBuf,
    last: Option<Status>,
}

impl StatusFile {
    /// A status file at `path` (nothing is written until the first frame).
    #[must_use]
    pub fn new(path: PathBuf) -> Self {
        Self { path, last: None }
    }

    /// Writes `status` if it differs from what was written last; a failure is reported on
    /// stderr once per change (a test mode: the window goes on).
    pub fn update(&mut self, status: Status) {
        if self.last.as_ref() == Some(&status) {
            return;
        }
        if let Err(err) = write_atomically(&self.path, &status) {
            eprintln!("--status-file {}: {err}", self.path.display());
        }
        self.last = Some(status);
    }
}

fn write_atomically(path: &Path, status: &Status) -> Result<(), String> {
    let text = serde_json::to_string(status).map_err(|e| e.to_string())?;
    let temp = path.with_extension("tmp");
    std::fs::write(&temp, text).map_err(|e| e.to_string())?;
    std::fs::rename(&temp, path).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_status_is_written_when_it_changes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("status.json");
        let mut file = StatusFile::new(path.clone());
        let status = Status {
            frames: 3,
            view: Some("posterior".into()),
            selected: None,
            errors: 0,
            markers: None,
            scale: 0.5,
            translation: [300.0, 40.0],
            pixels_per_point: 1.0,
        };
        file.update(status.clone());
        let text = std::fs::read_to_string(&path).unwrap();
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(json["frames"], 3);
        assert_eq!(json["view"], "posterior");
        assert_eq!(json["translation"][0], 300.0);
        std::fs::remove_file(&path).unwrap();
        file.update(status.clone());
        assert!(!path.exists(), "unchanged: not written again");
        file.update(Status {
            selected: Some("piriformis_left".into()),
            ..status
        });
        assert!(
            std::fs::read_to_string(&path)
                .unwrap()
                .contains("piriformis_left")
        );
    }
}
