//! Reading the files of one content folder, on disk or embedded in the binary, with the names
//! used in messages.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use include_dir::Dir;

/// The top of one pack's files. Paths inside it are relative, with `/` between folders
/// (`structures/gluteal.ron`).
#[derive(Clone, Debug)]
pub(crate) enum Root {
    /// Embedded files; shown as `data/<path>`.
    Embedded(&'static Dir<'static>),
    /// A folder; shown as given (relative to the current folder when it lies below it).
    Dir(PathBuf),
}

impl Root {
    /// The name of a file or folder in messages.
    pub(crate) fn label(&self, rel: &str) -> String {
        match self {
            Self::Embedded(_) => format!("data/{rel}"),
            Self::Dir(dir) => display(&dir.join(rel)),
        }
    }

    /// The name of the root itself in messages.
    pub(crate) fn label_root(&self) -> String {
        match self {
            Self::Embedded(_) => "data".to_owned(),
            Self::Dir(dir) => display(dir),
        }
    }

    /// Whether the root is a folder that can be read.
    pub(crate) fn check_readable(&self) -> Result<(), String> {
        match self {
            Self::Embedded(_) => Ok(()),
            Self::Dir(dir) => match std::fs::metadata(dir) {
                Ok(meta) if meta.is_dir() => Ok(()),
                Ok(_) => Err("not a folder".to_owned()),
                Err(err) => Err(err.to_string()),
            },
        }
    }

    pub(crate) fn is_file(&self, rel: &str) -> bool {
        match self {
            Self::Embedded(dir) => dir.get_file(rel).is_some(),
            Self::Dir(dir) => dir.join(rel).is_file(),
        }
    }

    pub(crate) fn is_dir(&self, rel: &str) -> bool {
        match self {
            Self::Embedded(dir) => dir.get_dir(rel).is_some(),
            Self::Dir(dir) => dir.join(rel).is_dir(),
        }
    }

    /// The text of a file.
    pub(crate) fn read_text(&self, rel: &str) -> Result<String, String> {
        match self {
            Self::Embedded(dir) => {
                let file = dir.get_file(rel).ok_or_else(not_embedded)?;
                file.contents_utf8()
                    .map(str::to_owned)
                    .ok_or_else(|| "stream did not contain valid UTF-8".to_owned())
            }
            Self::Dir(dir) => {
                let bytes = read_bounded(&dir.join(rel), MAX_TEXT_BYTES)?;
                String::from_utf8(bytes).map_err(|e| e.to_string())
            }
        }
    }

    /// The `.ron` files directly in a folder, sorted by name.
    pub(crate) fn ron_files(&self, rel_dir: &str) -> Result<Vec<String>, String> {
        let mut names: Vec<String> = match self {
            Self::Embedded(dir) => dir
                .get_dir(rel_dir)
                .ok_or_else(not_embedded)?
                .files()
                .filter_map(|f| f.path().file_name())
                .map(|n| n.to_string_lossy().into_owned())
                .collect(),
            Self::Dir(dir) => std::fs::read_dir(dir.join(rel_dir))
                .map_err(|e| format!("cannot list the folder: {e}"))?
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect(),
        };
        names.retain(|n| Path::new(n).extension().is_some_and(|e| e == "ron"));
        names.sort();
        Ok(names
            .into_iter()
            .map(|n| format!("{rel_dir}/{n}"))
            .collect())
    }

    /// The size of a file in bytes, without reading it.
    pub(crate) fn size(&self, rel: &str) -> Result<u64, String> {
        match self {
            Self::Embedded(dir) => dir
                .get_file(rel)
                .map(|f| f.contents().len() as u64)
                .ok_or_else(not_embedded),
            Self::Dir(dir) => std::fs::metadata(dir.join(rel))
                .map(|m| m.len())
                .map_err(|e| e.to_string()),
        }
    }

    /// The bytes of a file.
    pub(crate) fn read_bytes(&self, rel: &str) -> Result<Cow<'static, [u8]>, String> {
        match self {
            Self::Embedded(dir) => dir
                .get_file(rel)
                .map(|f| Cow::Borrowed(f.contents()))
                .ok_or_else(not_embedded),
            Self::Dir(dir) => read_bounded(&dir.join(rel), MAX_BYTES).map(Cow::Owned),
        }
    }
}

/// The largest content text file read (the biggest shipped one is a few hundred KiB).
pub const MAX_TEXT_BYTES: u64 = 16 * 1024 * 1024;
/// The largest file of any kind read (layer images have their own, smaller limit).
const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// Reads a regular file of at most `limit` bytes. Anything else (a FIFO, a device, a folder)
/// is refused before it is opened, so it cannot block or grow without end; a file that grows
/// while it is read is cut off at the limit and refused.
fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    use std::io::Read as _;
    let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
    if !meta.is_file() {
        return Err("not a regular file".to_owned());
    }
    if meta.len() > limit {
        return Err(format!(
            "the file is {} bytes; the limit is {limit}",
            meta.len()
        ));
    }
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() as u64 > limit {
        return Err(format!(
            "the file grew past the limit of {limit} bytes while read"
        ));
    }
    Ok(bytes)
}

fn not_embedded() -> String {
    "not in the built-in content".to_owned()
}

/// A path for messages: relative to the current folder when it lies below it.
pub(crate) fn display(path: &Path) -> String {
    let cwd = std::env::current_dir().ok();
    let shown = cwd
        .as_deref()
        .and_then(|c| path.strip_prefix(c).ok())
        .unwrap_or(path);
    shown.display().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_files_are_named_under_data() {
        let root = Root::Embedded(&crate::content::set::EMBEDDED);
        assert_eq!(
            root.label("structures/gluteal.ron"),
            "data/structures/gluteal.ron"
        );
        let files = root.ron_files("structures").unwrap_or_default();
        assert!(
            files.contains(&"structures/gluteal.ron".to_owned()),
            "{files:?}"
        );
        assert!(root.read_text("structures/gluteal.ron").is_ok());
        assert!(root.read_text("structures/nothing.ron").is_err());
        let dir = Root::Dir(PathBuf::from("some/pack"));
        assert_eq!(dir.label("sources.ron"), "some/pack/sources.ron");
    }
}
