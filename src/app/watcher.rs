//! Live reload: a file watcher on the content folders in use that flags changes and wakes the
//! UI.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Watches folders; [`ContentWatcher::take_change`] says whether anything changed since the
/// last call.
pub struct ContentWatcher {
    _watcher: notify::RecommendedWatcher,
    changed: Arc<AtomicBool>,
}

impl ContentWatcher {
    /// A watcher on every folder that exists in `paths` (recursively); `None` when none can be
    /// watched.
    pub fn new(paths: &[PathBuf], ctx: &egui::Context) -> Option<Self> {
        use notify::Watcher as _;
        let changed = Arc::new(AtomicBool::new(false));
        let (flag, ctx) = (changed.clone(), ctx.clone());
        let mut watcher =
            notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
                if event
                    .is_ok_and(|e| e.kind.is_modify() || e.kind.is_create() || e.kind.is_remove())
                {
                    flag.store(true, Ordering::Relaxed);
                    ctx.request_repaint();
                }
            })
            .ok()?;
        let mut watching = false;
        for path in paths.iter().filter(|p| p.is_dir()) {
            watching |= watcher
                .watch(path, notify::RecursiveMode::Recursive)
                .is_ok();
        }
        watching.then_some(Self {
            _watcher: watcher,
            changed,
        })
    }

    /// Whether anything changed since the last call.
    pub fn take_change(&self) -> bool {
        self.changed.swap(false, Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_watcher_sees_an_edit_under_a_watched_folder() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        std::fs::create_dir_all(data.join("views")).unwrap();
        let watcher = ContentWatcher::new(std::slice::from_ref(&data), &egui::Context::default())
            .expect("a watcher on the data folder");
        assert!(!watcher.take_change());
        std::fs::write(data.join("views/new.ron"), "View()").unwrap();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while !watcher.take_change() {
            assert!(
                std::time::Instant::now() < deadline,
                "no change seen within 10 s"
            );
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }

    #[test]
    fn nothing_to_watch_gives_no_watcher() {
        let dir = tempfile::tempdir().unwrap();
        assert!(
            ContentWatcher::new(&[dir.path().join("missing")], &egui::Context::default()).is_none()
        );
    }
}
