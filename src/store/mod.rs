//! Saved files: preferences and user data (study progress now, client sessions later).
//!
//! Each file is human-readable RON in a versioned envelope:
//!
//! ```text
//! Saved(
//!     version: 1,
//!     data: (
//!         answered: 12,
//!     ),
//! )
//! ```
//!
//! [`Store::save`] writes atomically (temporary file, fsync, rename, fsync of the folder), so a
//! crash leaves either the old file or the new one. [`Store::load`] never fails and never
//! destroys anything: a file it cannot use is renamed aside and the caller gets defaults and a
//! plain-words notice saying where the file was kept.

mod fsio;
mod timestamp;

#[cfg(test)]
mod tests;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde::de::{DeserializeOwned, IgnoredAny};
use serde::{Deserialize, Serialize};

use fsio::Capped;

/// The largest saved file that is read (8 MiB); [`Store::save`] refuses to write anything larger.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// How many numbered names (`…-1`, `…-2`, …) are tried when a kept-aside name is taken.
const ASIDE_ATTEMPTS: u32 = 100;

/// A folder holding saved files.
#[derive(Clone, Debug, PartialEq)]
pub struct Store {
    dir: PathBuf,
}

/// What [`Store::load`] gives: always a value to work with.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded<T> {
    /// The saved value, or the default when there was no usable file.
    pub value: T,
    /// For the user, in plain words, when a saved file could not be used: what was wrong, where
    /// the file was kept, and that defaults are used. `None` when all is well, including when
    /// there was no file yet.
    pub notice: Option<String>,
    /// False when an unusable file could not be moved aside: then saving would overwrite it, so
    /// the caller must not save under this name.
    pub writable: bool,
}

/// Why [`Store::save`] failed. Each message names the path concerned.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The name is not a plain file name (empty, `.`, `..`, or has a path separator).
    #[error("cannot save \"{name}\" in {}: it is not a plain file name", .dir.display())]
    BadName {
        /// The store's folder.
        dir: PathBuf,
        /// The name asked for.
        name: String,
    },
    /// The value could not be written as RON.
    #[error("cannot save {}: the data could not be written as RON: {message}", .path.display())]
    Encode {
        /// The file that was to be written.
        path: PathBuf,
        /// What the RON writer said.
        message: String,
    },
    /// The written file would be larger than [`MAX_FILE_BYTES`], so it could not be read back.
    #[error(
        "cannot save {}: it would be {size} bytes, more than the {MAX_FILE_BYTES} bytes a saved file may hold",
        .path.display()
    )]
    TooLarge {
        /// The file that was to be written.
        path: PathBuf,
        /// The size it would have had.
        size: u64,
    },
    /// The folder could not be created.
    #[error("cannot create the folder {}: {source}", .path.display())]
    CreateFolder {
        /// The folder.
        path: PathBuf,
        /// The system's reason.
        source: io::Error,
    },
    /// The temporary file could not be created or written.
    #[error("cannot write the temporary file {}: {source}", .path.display())]
    WriteTemp {
        /// The temporary file (or the folder, if no temporary file could be created).
        path: PathBuf,
        /// The system's reason.
        source: io::Error,
    },
    /// The finished temporary file could not be renamed over the saved file.
    #[error("cannot replace {} with the new copy: {source}", .path.display())]
    Replace {
        /// The saved file.
        path: PathBuf,
        /// The system's reason.
        source: io::Error,
    },
    /// The file was replaced, but the folder could not be flushed to disk, so a power cut soon
    /// after might bring back the old copy.
    #[error("saved {}, but the folder could not be flushed to disk: {source}", .path.display())]
    SyncFolder {
        /// The saved file.
        path: PathBuf,
        /// The system's reason.
        source: io::Error,
    },
}

/// The envelope as written.
#[derive(Serialize)]
enum SavedOut<'a, T> {
    Saved { version: u32, data: &'a T },
}

/// The envelope's version alone; `data` is skipped whatever its shape.
#[derive(Deserialize)]
enum SavedHead {
    Saved { version: u32 },
}

/// How a file's contents are laid out.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Format {
    /// The app's own files: the data in a `Saved(version, data)` envelope, read up to `version`.
    Saved(u32),
    /// A file another program writes in its own RON layout (eframe's window file): no envelope.
    Plain,
}

/// The whole envelope as read.
#[derive(Deserialize)]
enum SavedIn<T> {
    Saved {
        #[allow(dead_code)] // read so that a file without it is refused
        version: u32,
        data: T,
    },
}

/// Where in the file a problem is (1-based).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Position {
    line: usize,
    column: usize,
}

impl From<ron::error::Position> for Position {
    fn from(p: ron::error::Position) -> Self {
        Self {
            line: p.line,
            column: p.col,
        }
    }
}

/// Why a saved file could not be used. Its wording never quotes the file's contents.
#[derive(Debug)]
enum Problem {
    Unreadable(io::Error),
    NotRegular(&'static str),
    TooLarge(Option<u64>),
    Empty,
    NotUtf8,
    NotRon(Position),
    Truncated,
    WrongShape(Position),
    Newer { found: u32, known: u32 },
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Unreadable(e) => write!(f, "it could not be read ({e})"),
            Self::NotRegular(kind) => write!(f, "it is {kind}, not a regular file"),
            Self::TooLarge(Some(size)) => write!(
                f,
                "it is too large ({size} bytes; a saved file may hold at most {MAX_FILE_BYTES})"
            ),
            Self::TooLarge(None) => write!(
                f,
                "it is too large (more than the {MAX_FILE_BYTES} bytes a saved file may hold)"
            ),
            Self::Empty => f.write_str("it is empty"),
            Self::NotUtf8 => f.write_str("it is not text (it is not valid UTF-8)"),
            Self::NotRon(at) => write!(
                f,
                "it is not valid RON (the problem is at line {}, column {})",
                at.line, at.column
            ),
            Self::Truncated => {
                f.write_str("it ends too early, as if it was cut off while being written")
            }
            Self::WrongShape(at) => write!(
                f,
                "its contents are not in the form this version of Bodywork Atlas expects (the problem is at line {}, column {})",
                at.line, at.column
            ),
            Self::Newer { found, known } => write!(
                f,
                "it was written by a newer version of Bodywork Atlas (file format version {found}; this version reads up to version {known})"
            ),
        }
    }
}

impl Store {
    /// A store in `dir`. Nothing is created until something is saved.
    pub fn at(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    /// User data: the platform data folder, e.g. `~/.local/share/bodywork-atlas` on Linux.
    /// `None` without a home folder.
    pub fn user_data() -> Option<Self> {
        project_dirs().map(|p| Self::at(p.data_dir()))
    }

    /// Preferences: the platform config folder, e.g. `~/.config/bodywork-atlas` on Linux.
    /// `None` without a home folder.
    pub fn preferences() -> Option<Self> {
        project_dirs().map(|p| Self::at(p.config_dir()))
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Reads `name` (e.g. `"study.ron"`), a file saved with a format `version` up to `version`;
    /// older ones are read as the current one (give the caller's types `#[serde(default)]`).
    ///
    /// A missing file gives the default and no notice. A file that cannot be used (unreadable,
    /// not UTF-8, not RON, wrong shape, empty, truncated, too large, not a regular file, or
    /// written by a newer version) is never overwritten: it is renamed to
    /// `<stem>.unreadable-<UTC YYYYMMDD-HHMMSS>[-n].<ext>` in the same folder, and the notice says
    /// what was wrong, where it was kept and that defaults are used. If even the rename fails,
    /// the notice says so and [`Loaded::writable`] is false.
    pub fn load<T: DeserializeOwned + Default>(&self, name: &str, version: u32) -> Loaded<T> {
        self.load_at(name, version, SystemTime::now())
    }

    /// Reads `name`, a RON file in a layout another program writes (no envelope, no version),
    /// with the same limits, checks and keeping aside as [`Store::load`].
    pub fn load_plain<T: DeserializeOwned + Default>(&self, name: &str) -> Loaded<T> {
        self.load_format(name, Format::Plain, SystemTime::now())
    }

    /// [`Store::load`] with the clock given, for the kept-aside name.
    fn load_at<T: DeserializeOwned + Default>(
        &self,
        name: &str,
        version: u32,
        now: SystemTime,
    ) -> Loaded<T> {
        self.load_format(name, Format::Saved(version), now)
    }

    fn load_format<T: DeserializeOwned + Default>(
        &self,
        name: &str,
        format: Format,
        now: SystemTime,
    ) -> Loaded<T> {
        let Some(path) = self.file_path(name) else {
            return Loaded {
                value: T::default(),
                notice: Some(format!(
                    "Could not open \"{name}\" in {}: it is not a plain file name. Defaults are used instead.",
                    self.dir.display()
                )),
                writable: false,
            };
        };
        match read_saved(&path, format) {
            Ok(value) => Loaded {
                value: value.unwrap_or_default(),
                notice: None,
                writable: true,
            },
            Err(problem) => self.keep_aside(&path, name, &problem, now),
        }
    }

    /// Writes `value` as `name` in a `version` envelope, atomically: a temporary file in the same
    /// folder (mode 0600 on Unix) is written, flushed to disk and renamed over `name`, then the
    /// folder is flushed. Creates the folder (0700 on Unix) if needed. A symbolic link at `name`
    /// is replaced by the file, not followed. Never call it for a name whose [`Loaded::writable`]
    /// was false.
    pub fn save<T: Serialize>(
        &self,
        name: &str,
        version: u32,
        value: &T,
    ) -> Result<(), StoreError> {
        self.save_format(name, Format::Saved(version), value)
    }

    /// Writes `value` as `name` in plain RON, without the envelope (a file another program
    /// reads, in its own layout), atomically as [`Store::save`] does.
    pub fn save_plain<T: Serialize>(&self, name: &str, value: &T) -> Result<(), StoreError> {
        self.save_format(name, Format::Plain, value)
    }

    fn save_format<T: Serialize>(
        &self,
        name: &str,
        format: Format,
        value: &T,
    ) -> Result<(), StoreError> {
        let Some(path) = self.file_path(name) else {
            return Err(StoreError::BadName {
                dir: self.dir.clone(),
                name: name.to_owned(),
            });
        };
        let text = encode(format, value).map_err(|e| StoreError::Encode {
            path: path.clone(),
            message: e.to_string(),
        })?;
        let size = u64::try_from(text.len()).unwrap_or(u64::MAX);
        if size > MAX_FILE_BYTES {
            return Err(StoreError::TooLarge { path, size });
        }
        fsio::create_private_dir(&self.dir).map_err(|source| StoreError::CreateFolder {
            path: self.dir.clone(),
            source,
        })?;
        let (temp, file) =
            fsio::create_temp(&self.dir, name).map_err(|source| StoreError::WriteTemp {
                path: self.dir.clone(),
                source,
            })?;
        let written = fsio::write_and_sync(file, text.as_bytes())
            .map_err(|source| StoreError::WriteTemp {
                path: temp.clone(),
                source,
            })
            .and_then(|()| {
                fs::rename(&temp, &path).map_err(|source| StoreError::Replace {
                    path: path.clone(),
                    source,
                })
            });
        if let Err(e) = written {
            // Best effort: the error that matters is the one returned.
            let _ = fs::remove_file(&temp);
            return Err(e);
        }
        fsio::sync_dir(&self.dir).map_err(|source| StoreError::SyncFolder { path, source })
    }

    /// `dir/name`, or `None` if `name` is not a plain file name.
    fn file_path(&self, name: &str) -> Option<PathBuf> {
        let plain = !name.is_empty()
            && name != "."
            && name != ".."
            && !name.contains(['/', '\\', '\0'])
            && Path::new(name).file_name() == Some(std::ffi::OsStr::new(name));
        plain.then(|| self.dir.join(name))
    }

    /// Renames an unusable file aside and says so.
    fn keep_aside<T: Default>(
        &self,
        path: &Path,
        name: &str,
        problem: &Problem,
        now: SystemTime,
    ) -> Loaded<T> {
        let stamp = timestamp::utc_stamp(now);
        let file = Path::new(name);
        let stem = file
            .file_stem()
            .map_or_else(|| name.to_owned(), |s| s.to_string_lossy().into_owned());
        let ext = file
            .extension()
            .map(|e| format!(".{}", e.to_string_lossy()))
            .unwrap_or_default();
        let mut why_not = io::Error::from(io::ErrorKind::AlreadyExists).to_string();
        for n in 0..ASIDE_ATTEMPTS {
            let suffix = if n == 0 {
                String::new()
            } else {
                format!("-{n}")
            };
            let aside = self
                .dir
                .join(format!("{stem}.unreadable-{stamp}{suffix}{ext}"));
            match fsio::rename_no_replace(path, &aside) {
                Ok(()) => {
                    // The rename already happened; flushing the folder is a bonus.
                    let _ = fsio::sync_dir(&self.dir);
                    return Loaded {
                        value: T::default(),
                        notice: Some(format!(
                            "The saved file {} could not be used: {problem}. It was kept, unchanged, at {}. Defaults are used instead.",
                            path.display(),
                            aside.display()
                        )),
                        writable: true,
                    };
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
                Err(e) => {
                    why_not = e.to_string();
                    break;
                }
            }
        }
        Loaded {
            value: T::default(),
            notice: Some(format!(
                "The saved file {} could not be used: {problem}. It could not be moved aside either ({why_not}), so it was left where it is and will not be overwritten. Defaults are used for now.",
                path.display()
            )),
            writable: false,
        }
    }
}

/// The app's platform folders: "Bodywork Atlas" on Windows and macOS, `bodywork-atlas` under the
/// XDG folders elsewhere (`ProjectDirs::from` alone would give `bodyworkatlas` there).
fn project_dirs() -> Option<directories::ProjectDirs> {
    if cfg!(any(
        target_os = "windows",
        target_os = "macos",
        target_os = "ios",
        target_arch = "wasm32"
    )) {
        directories::ProjectDirs::from("", "", "Bodywork Atlas")
    } else {
        directories::ProjectDirs::from_path(PathBuf::from("bodywork-atlas"))
    }
}

/// The text of a saved file.
fn encode<T: Serialize>(format: Format, value: &T) -> Result<String, ron::Error> {
    let ron = ron::Options::default();
    let pretty = ron::ser::PrettyConfig::new();
    let mut text = match format {
        Format::Saved(version) => ron.to_string_pretty(
            &SavedOut::Saved {
                version,
                data: value,
            },
            pretty,
        )?,
        Format::Plain => ron.to_string_pretty(value, pretty)?,
    };
    text.push('\n');
    Ok(text)
}

/// The saved value, `None` for a missing file.
fn read_saved<T: DeserializeOwned>(path: &Path, format: Format) -> Result<Option<T>, Problem> {
    // Check the type before opening: opening a named pipe could block.
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Problem::Unreadable(e)),
    };
    if !meta.is_file() {
        return Err(Problem::NotRegular(fsio::kind_of(meta.file_type())));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(Problem::TooLarge(Some(meta.len())));
    }
    let file = match fsio::open_for_reading(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Problem::Unreadable(e)),
    };
    // The file may have been swapped between the check and the open.
    let opened = file.metadata().map_err(Problem::Unreadable)?;
    if !opened.is_file() {
        return Err(Problem::NotRegular(fsio::kind_of(opened.file_type())));
    }
    match fsio::read_capped(file, MAX_FILE_BYTES, opened.len()).map_err(Problem::Unreadable)? {
        Capped::Bytes(bytes) => decode(bytes, format).map(Some),
        Capped::TooLarge => Err(Problem::TooLarge(None)),
    }
}

/// The value in a saved file's bytes.
fn decode<T: DeserializeOwned>(bytes: Vec<u8>, format: Format) -> Result<T, Problem> {
    let text = String::from_utf8(bytes).map_err(|_| Problem::NotUtf8)?;
    // A byte-order mark, as some editors on Windows add, is not part of the RON.
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    if text.trim().is_empty() {
        return Err(Problem::Empty);
    }
    let ron = ron::Options::default();
    let Format::Saved(version) = format else {
        return ron
            .from_str::<T>(text)
            .map_err(|e| syntax_or_shape(text, &e, format));
    };
    // The version first, so that a newer file is recognised whatever its data looks like.
    match ron.from_str::<SavedHead>(text) {
        Ok(SavedHead::Saved { version: found }) if found > version => {
            return Err(Problem::Newer {
                found,
                known: version,
            });
        }
        Ok(SavedHead::Saved { .. }) => {}
        Err(e) => return Err(syntax_or_shape(text, &e, format)),
    }
    match ron.from_str::<SavedIn<T>>(text) {
        Ok(SavedIn::Saved { data, .. }) => Ok(data),
        Err(e) => Err(syntax_or_shape(text, &e, format)),
    }
}

/// Tells apart text that is not RON at all (or cut short) from RON of the wrong form.
fn syntax_or_shape(text: &str, typed: &ron::error::SpannedError, format: Format) -> Problem {
    match ron::Options::default().from_str::<IgnoredAny>(text) {
        Ok(_) => Problem::WrongShape(typed.span.start.into()),
        Err(e) if looks_cut_off(text, &e, format) => Problem::Truncated,
        Err(e) => Problem::NotRon(e.span.start.into()),
    }
}

/// Whether text that is not valid RON reads as a saved file cut short: the parser ran out of
/// text, or it stumbled on the last line of a file that starts like a saved one (any start, for
/// a plain file) and ends inside a bracket, string or comment.
fn looks_cut_off(text: &str, error: &ron::error::SpannedError, format: Format) -> bool {
    if error.code == ron::Error::Eof {
        return true;
    }
    let trimmed = text.trim_end();
    let last_line = trimmed.lines().count();
    let starts_right = match format {
        Format::Saved(_) => trimmed.trim_start().starts_with("Saved"),
        Format::Plain => true,
    };
    error.span.start.line >= last_line && starts_right && ends_open(trimmed)
}

/// Whether RON text ends inside an unclosed bracket, string, character or comment.
fn ends_open(text: &str) -> bool {
    let mut depth = 0_usize;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            '"' | '\'' => {
                let mut closed = false;
                while let Some(d) = chars.next() {
                    if d == '\\' {
                        chars.next();
                    } else if d == c {
                        closed = true;
                        break;
                    }
                }
                if !closed {
                    return true;
                }
            }
            '/' if chars.peek() == Some(&'/') => {
                // A line comment runs to the end of its line.
                for d in chars.by_ref() {
                    if d == '\n' {
                        break;
                    }
                }
            }
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut nested = 1_usize;
                let mut prev = ' ';
                while nested > 0 {
                    let Some(d) = chars.next() else {
                        return true;
                    };
                    match (prev, d) {
                        ('/', '*') => {
                            nested += 1;
                            prev = ' ';
                        }
                        ('*', '/') => {
                            nested -= 1;
                            prev = ' ';
                        }
                        _ => prev = d,
                    }
                }
            }
            _ => {}
        }
    }
    depth > 0
}
