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

    /// The text of a file, without the byte-order mark some editors put first (it is not part
    /// of the RON, and positions are counted as editors show them, without it).
    pub(crate) fn read_text(&self, rel: &str) -> Result<String, TextError> {
        let bytes: Cow<'static, [u8]> = match self {
            Self::Embedded(dir) => {
                Cow::Borrowed(dir.get_file(rel).ok_or_else(not_embedded)?.contents())
            }
            Self::Dir(dir) => Cow::Owned(read_bounded(&dir.join(rel), MAX_TEXT_BYTES)?),
        };
        let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
        match std::str::from_utf8(bytes) {
            Ok(text) => Ok(text.to_owned()),
            Err(err) => Err(not_utf8(bytes, err.valid_up_to())),
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

    /// The bytes of a file under the pack's `assets/` (`rel` starts with `assets/`), at most
    /// `limit` bytes. In a folder the path is resolved first, symbolic links included, and must
    /// still lie inside the pack's own `assets/` folder: a link to a file elsewhere, or a linked
    /// folder, is refused.
    pub(crate) fn read_asset(&self, rel: &str, limit: u64) -> Result<Cow<'static, [u8]>, String> {
        match self {
            Self::Embedded(dir) => {
                let file = dir.get_file(rel).ok_or_else(not_embedded)?;
                let size = file.contents().len() as u64;
                if size > limit {
                    return Err(format!("the file is {size} bytes; the limit is {limit}"));
                }
                Ok(Cow::Borrowed(file.contents()))
            }
            Self::Dir(dir) => {
                let inside = std::fs::canonicalize(dir)
                    .map_err(|e| e.to_string())?
                    .join("assets");
                let resolved = std::fs::canonicalize(dir.join(rel)).map_err(|e| e.to_string())?;
                if !resolved.starts_with(&inside) {
                    return Err(format!(
                        "it leads outside the pack's assets/ folder (through a symbolic link, to {})",
                        resolved.display()
                    ));
                }
                read_bounded(&resolved, limit).map(Cow::Owned)
            }
        }
    }
}

/// Why a text file could not be read, and where (1-based; line 1, column 1 when the whole file
/// is concerned).
#[derive(Debug)]
pub(crate) struct TextError {
    pub message: String,
    pub line: usize,
    pub column: usize,
}

impl From<String> for TextError {
    fn from(message: String) -> Self {
        Self {
            message,
            line: 1,
            column: 1,
        }
    }
}

/// A file that is not UTF-8, reported at the first byte that is not (line and column in
/// characters, as an editor shows the valid text before it).
fn not_utf8(bytes: &[u8], valid_up_to: usize) -> TextError {
    let before = std::str::from_utf8(bytes.get(..valid_up_to).unwrap_or_default()).unwrap_or("");
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before.get(line_start..).map_or(0, |l| l.chars().count()) + 1;
    let byte = bytes.get(valid_up_to).copied().unwrap_or(0);
    TextError {
        message: format!(
            "the file is not UTF-8 text: byte 0x{byte:02x} here does not start or continue a character (save the file as UTF-8)"
        ),
        line,
        column,
    }
}

/// The largest content text file read (the biggest shipped one is a few hundred KiB).
pub const MAX_TEXT_BYTES: u64 = 16 * 1024 * 1024;

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
    let file = open_for_reading(path).map_err(|e| e.to_string())?;
    // The file may have been swapped for something else between the check and the open.
    if !file.metadata().map_err(|e| e.to_string())?.is_file() {
        return Err("not a regular file".to_owned());
    }
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

/// Opens a file for reading; on Unix with `O_NONBLOCK`, so that a named pipe swapped in after
/// the file-type check cannot block the open (reads of a regular file are not affected).
fn open_for_reading(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
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
        let err = not_utf8(b"ab\ncd\xc3\xa9x\xffyz", 8);
        assert_eq!((err.line, err.column), (2, 5), "{err:?}");
        assert!(err.message.contains("byte 0xff"), "{err:?}");
        assert!(root.read_text("structures/nothing.ron").is_err());
        let dir = Root::Dir(PathBuf::from("some/pack"));
        assert_eq!(dir.label("sources.ron"), "some/pack/sources.ron");
    }
}
