//! What content to load: the built-in content (embedded in the binary, or a folder), then
//! content packs in order.

use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

/// The content format this build reads. A pack whose `pack.ron` names a newer
/// `format_version` is reported and skipped.
pub const CONTENT_FORMAT_VERSION: u32 = 1;

/// The shipped `data/` folder, embedded at build time (`build.rs` rebuilds when it changes).
pub(crate) static EMBEDDED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/data");

/// Where the built-in content comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BuiltIn {
    /// The `data/` folder embedded in the binary.
    Embedded,
    /// A folder laid out like `data/` (the checkout's `data/` while authoring, or a test fixture).
    Dir(PathBuf),
    /// No built-in content: only the packs.
    None,
}

impl BuiltIn {
    /// The embedded content; but in a debug build run inside the checkout (when
    /// `CARGO_MANIFEST_DIR/data/views` exists) the checkout's `data/`, so authors see edits live.
    /// A debug build also honours `BODYWORK_ATLAS_CONTENT=DIR` (an authoring aid: one binary
    /// checks and screenshots the `data/` of another checkout).
    #[must_use]
    pub fn shipped() -> Self {
        if cfg!(debug_assertions)
            && let Some(dir) = std::env::var_os("BODYWORK_ATLAS_CONTENT")
        {
            return Self::Dir(PathBuf::from(dir));
        }
        let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        if cfg!(debug_assertions) && data.join("views").is_dir() {
            Self::Dir(data)
        } else {
            Self::Embedded
        }
    }
}

/// Everything to load: the built-in content, then packs in order (later ones override earlier
/// ones by id).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentSet {
    pub builtin: BuiltIn,
    pub packs: Vec<PathBuf>,
}

impl ContentSet {
    /// What the app loads by default: the built-in content ([`BuiltIn::shipped`]), then every
    /// pack folder in the user's content folder ([`user_packs_dir`]), sorted by name.
    #[must_use]
    pub fn shipped() -> Self {
        Self {
            builtin: BuiltIn::shipped(),
            packs: user_packs_dir()
                .map(|dir| pack_folders_in(&dir))
                .unwrap_or_default(),
        }
    }

    /// The built-in content alone, without the user's packs: what tests and screenshots load,
    /// so they come out the same on every machine.
    #[must_use]
    pub fn builtin() -> Self {
        Self {
            builtin: BuiltIn::shipped(),
            packs: Vec::new(),
        }
    }

    /// Only this folder as the complete content (tests and fixtures): no packs.
    #[must_use]
    pub fn only(dir: &Path) -> Self {
        Self {
            builtin: BuiltIn::Dir(dir.to_path_buf()),
            packs: Vec::new(),
        }
    }

    /// Adds packs after the current ones.
    #[must_use]
    pub fn with_packs(mut self, packs: impl IntoIterator<Item = PathBuf>) -> Self {
        self.packs.extend(packs);
        self
    }

    /// Folders a watcher should watch for live reload: a `Dir` built-in and every pack folder.
    #[must_use]
    pub fn watch_paths(&self) -> Vec<PathBuf> {
        let builtin = match &self.builtin {
            BuiltIn::Dir(dir) => Some(dir.clone()),
            BuiltIn::Embedded | BuiltIn::None => None,
        };
        builtin
            .into_iter()
            .chain(self.packs.iter().cloned())
            .collect()
    }
}

/// The user's content folder, where each sub-folder is a pack loaded at start: the platform's
/// data folder for the app, e.g. `~/.local/share/bodywork-atlas/packs` on Linux
/// (`$XDG_DATA_HOME/bodywork-atlas/packs` when that is set). `None` when there is no home folder.
#[must_use]
pub fn user_packs_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "bodywork-atlas").map(|d| d.data_dir().join("packs"))
}

/// The sub-folders of `dir` (not hidden ones), sorted by name; none when it cannot be read.
fn pack_folders_in(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut packs: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    packs.sort();
    packs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_and_with_packs_keep_order() {
        let set = ContentSet::only(Path::new("a"))
            .with_packs([PathBuf::from("p1")])
            .with_packs([PathBuf::from("p2")]);
        assert_eq!(set.builtin, BuiltIn::Dir(PathBuf::from("a")));
        assert_eq!(
            set.watch_paths(),
            [PathBuf::from("a"), PathBuf::from("p1"), PathBuf::from("p2")]
        );
        let embedded = ContentSet {
            builtin: BuiltIn::Embedded,
            packs: vec![PathBuf::from("p")],
        };
        assert_eq!(embedded.watch_paths(), [PathBuf::from("p")]);
    }

    #[test]
    fn the_embedded_content_has_every_required_file() {
        for file in ["pack.ron", "sources.ron", "safety.ron"] {
            assert!(EMBEDDED.get_file(file).is_some(), "{file}");
        }
        for dir in ["structures", "views"] {
            assert!(EMBEDDED.get_dir(dir).is_some(), "{dir}");
        }
    }
}
