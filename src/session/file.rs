//! A session as a RON file: `SessionFile(version: 1, session: Session(...))`.
//!
//! Reading is strict (unknown fields are refused) and only reads: a file that is corrupt, cut
//! off, or written by a newer version is reported at its `file:line:column` and left exactly as
//! it is. Writing is atomic (a temporary file beside it, flushed, then renamed over it) and the
//! file is readable by the user only.

use std::fs;
use std::io::{self, Read as _, Write as _};
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::{MAX_INTENSITY, Session};
use crate::content::Location;
use crate::content::source_map::SourceText;
use crate::model::Atlas;

/// The session file format this version writes and the newest it reads.
pub const SESSION_FORMAT_VERSION: u32 = 1;

/// The largest session file that is read (4 MiB: thousands of markers and pen strokes).
pub const MAX_SESSION_BYTES: u64 = 4 * 1024 * 1024;

/// Why a session file could not be read or written. Every message names the file; none quotes
/// the client's data, so they are safe to log.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum SessionFileError {
    #[error("{file}: cannot read the session file: {reason}")]
    Unreadable { file: String, reason: String },
    #[error("{file}: the session file is too large (more than {MAX_SESSION_BYTES} bytes)")]
    TooLarge { file: String },
    #[error("{at}: {message}")]
    At { at: Location, message: String },
    #[error(
        "{at}: this session was saved by a newer version of Bodywork Atlas (session format {found}; this version reads format {known} and older): update Bodywork Atlas to open it"
    )]
    Newer {
        at: Location,
        found: u32,
        known: u32,
    },
    #[error("cannot write the session file {file}: {reason}")]
    Write { file: String, reason: String },
}

/// The envelope as written.
#[derive(Serialize)]
#[serde(rename = "SessionFile")]
struct FileOut<'a> {
    version: u32,
    session: &'a Session,
}

/// The envelope's version alone (the rest is skipped whatever its shape), so a newer file is
/// recognised before its contents are judged.
#[derive(Deserialize)]
#[serde(rename = "SessionFile")]
struct FileHead {
    version: u32,
}

/// The whole envelope as read.
#[derive(Deserialize)]
#[serde(rename = "SessionFile", deny_unknown_fields)]
struct FileIn {
    #[allow(dead_code)] // read so that a file without it is refused
    version: u32,
    session: Session,
}

/// The text of a session file.
///
/// # Errors
/// When the session cannot be written as RON (it always can: every field is plain data).
pub fn to_ron(session: &Session) -> Result<String, ron::Error> {
    let pretty = ron::ser::PrettyConfig::new()
        .struct_names(true)
        .depth_limit(4);
    let mut text = ron::Options::default().to_string_pretty(
        &FileOut {
            version: SESSION_FORMAT_VERSION,
            session,
        },
        pretty,
    )?;
    text.push('\n');
    Ok(text)
}

/// Reads a session from RON text; `file` names it in messages.
///
/// # Errors
/// The first problem, at its line and column: not RON, cut off, unknown or missing fields,
/// values out of range (an impossible date, an intensity above 10), or a newer format.
pub fn parse(text: &str, file: &str) -> Result<Session, SessionFileError> {
    let src = SourceText::new(file.to_owned(), text.to_owned());
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let ron = ron::Options::default();
    let at = |e: &ron::error::SpannedError| src.at(e.span.start.line, e.span.start.col);
    match ron.from_str::<FileHead>(text) {
        Ok(head) if head.version > SESSION_FORMAT_VERSION => {
            let offset = src.find_field(0, "version").unwrap_or(0);
            return Err(SessionFileError::Newer {
                at: src.location(offset),
                found: head.version,
                known: SESSION_FORMAT_VERSION,
            });
        }
        Ok(_) => {}
        Err(e) => {
            return Err(SessionFileError::At {
                at: at(&e),
                message: describe(&e),
            });
        }
    }
    let parsed = ron
        .from_str::<FileIn>(text)
        .map_err(|e| SessionFileError::At {
            at: at(&e),
            message: describe(&e),
        })?;
    let session = parsed.session;
    if let Some((offset, message)) = shape_problems(&session, &src).into_iter().next() {
        return Err(SessionFileError::At {
            at: src.location(offset),
            message,
        });
    }
    Ok(session)
}

/// Plain words for a RON error.
fn describe(e: &ron::error::SpannedError) -> String {
    match &e.code {
        ron::Error::Eof => {
            "the file ends too early, as if it was cut off while being written".to_owned()
        }
        code => format!("{code}"),
    }
}

/// Problems of a session that need no content: intensities, empty client, empty strokes.
fn shape_problems(session: &Session, src: &SourceText) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    if session.client.trim().is_empty() {
        let at = src.find_field(0, "client").unwrap_or(0);
        out.push((at, "the client's name or initials are empty".to_owned()));
    }
    for (i, m) in session.markers.iter().enumerate() {
        let at = nth_item(src, "markers", "Marker", i);
        if m.intensity > MAX_INTENSITY {
            let at = src.find_field(at, "intensity").unwrap_or(at);
            out.push((
                at,
                format!(
                    "marker {}: intensity {} is above {MAX_INTENSITY} (the scale is 0 to {MAX_INTENSITY})",
                    i + 1,
                    m.intensity
                ),
            ));
        }
        if !(m.at.0.is_finite() && m.at.1.is_finite()) {
            let at = src.find_field(at, "at").unwrap_or(at);
            out.push((at, format!("marker {}: its place is not a number", i + 1)));
        }
    }
    for (i, s) in session.strokes.iter().enumerate() {
        if s.points
            .iter()
            .any(|p| !(p.0.is_finite() && p.1.is_finite()))
        {
            let at = nth_item(src, "strokes", "PenStroke", i);
            out.push((at, format!("pen stroke {}: a point is not a number", i + 1)));
        }
    }
    out
}

/// Byte offset of the `n`th `Name(` item inside the list `field`, else of the field.
fn nth_item(src: &SourceText, field: &str, name: &str, n: usize) -> usize {
    let Some(start) = src.find_field(0, field) else {
        return 0;
    };
    let token = format!("{name}(");
    let mut at = start;
    for _ in 0..=n {
        match src.text.get(at..).and_then(|t| t.find(&token)) {
            Some(rel) => at += rel + 1,
            None => return start,
        }
    }
    at - 1
}

/// Checks a session against the content: views, regions and self-care items must exist and
/// places must lie on their view's canvas. Each problem at its place in `src` (the text the
/// session was read from).
#[must_use]
pub fn check(session: &Session, atlas: &Atlas, src: &SourceText) -> Vec<SessionFileError> {
    let mut problems: Vec<(usize, String)> = Vec::new();
    let canvas_of = |view: &str| {
        atlas
            .view_index(view)
            .and_then(|i| atlas.views.get(i))
            .map(crate::model::PreparedView::canvas_rect)
    };
    let region_on = |view: &str, region: &str| {
        atlas
            .view_index(view)
            .and_then(|i| atlas.views.get(i))
            .is_some_and(|v| v.region_index(region).is_some())
    };
    for (i, m) in session.markers.iter().enumerate() {
        let at = nth_item(src, "markers", "Marker", i);
        match canvas_of(&m.view) {
            None => problems.push((
                src.find_field(at, "view").unwrap_or(at),
                format!("marker {}: there is no view \"{}\"", i + 1, m.view),
            )),
            Some(canvas) => {
                if !canvas.contains(m.pos()) {
                    problems.push((
                        src.find_field(at, "at").unwrap_or(at),
                        format!(
                            "marker {}: ({}, {}) lies outside the view (0..{}, 0..{})",
                            i + 1,
                            m.at.0,
                            m.at.1,
                            canvas.width(),
                            canvas.height()
                        ),
                    ));
                }
                if let Some(region) = &m.region
                    && !region_on(&m.view, region)
                {
                    problems.push((
                        src.find_field(at, "region").unwrap_or(at),
                        format!(
                            "marker {}: view \"{}\" has no region \"{region}\"",
                            i + 1,
                            m.view
                        ),
                    ));
                }
            }
        }
    }
    for (field, list) in [("treat", &session.treat), ("avoid", &session.avoid)] {
        for region in list {
            if atlas.find_region(region).is_none() {
                let at = src.find_string_in_field(0, field, region).unwrap_or(0);
                problems.push((at, format!("{field}: there is no region \"{region}\"")));
            }
        }
    }
    for item in &session.self_care {
        let id = item.structure();
        let at = src.find_string_in_field(0, "self_care", id).unwrap_or(0);
        let Some(s) = atlas.structure(id) else {
            problems.push((at, format!("self_care: there is no structure \"{id}\"")));
            continue;
        };
        match item {
            super::SelfCare::SelfMassage(_) if s.self_massage.is_none() => {
                problems.push((at, format!("self_care: \"{id}\" has no self-massage")))
            }
            super::SelfCare::Stretch { name, .. }
                if !s.stretches.iter().any(|st| st.name == *name) =>
            {
                problems.push((at, format!("self_care: \"{id}\" has no stretch \"{name}\"")));
            }
            _ => {}
        }
    }
    for (i, s) in session.strokes.iter().enumerate() {
        let at = nth_item(src, "strokes", "PenStroke", i);
        match canvas_of(&s.view) {
            None => problems.push((
                src.find_field(at, "view").unwrap_or(at),
                format!("pen stroke {}: there is no view \"{}\"", i + 1, s.view),
            )),
            Some(canvas) => {
                if s.points
                    .iter()
                    .any(|p| !canvas.expand(1.0).contains(emath::pos2(p.0, p.1)))
                {
                    problems.push((
                        src.find_field(at, "points").unwrap_or(at),
                        format!("pen stroke {}: a point lies outside the view", i + 1),
                    ));
                }
            }
        }
    }
    problems
        .into_iter()
        .map(|(offset, message)| SessionFileError::At {
            at: src.location(offset),
            message,
        })
        .collect()
}

/// Reads a session file and checks it against the content. The file is only read.
///
/// # Errors
/// Every problem found (reading and parsing stop at the first).
pub fn read(path: &Path, atlas: Option<&Atlas>) -> Result<Session, Vec<SessionFileError>> {
    let file = path.display().to_string();
    let text = read_text(path).map_err(|e| vec![e])?;
    let session = parse(&text, &file).map_err(|e| vec![e])?;
    if let Some(atlas) = atlas {
        let src = SourceText::new(file, text);
        let problems = check(&session, atlas, &src);
        if !problems.is_empty() {
            return Err(problems);
        }
    }
    Ok(session)
}

/// The text of a file, refusing what is not a regular UTF-8 file of reasonable size.
fn read_text(path: &Path) -> Result<String, SessionFileError> {
    let file = path.display().to_string();
    let unreadable = |reason: String| SessionFileError::Unreadable {
        file: file.clone(),
        reason,
    };
    let meta = fs::metadata(path).map_err(|e| unreadable(e.to_string()))?;
    if !meta.is_file() {
        return Err(unreadable("it is not a regular file".into()));
    }
    if meta.len() > MAX_SESSION_BYTES {
        return Err(SessionFileError::TooLarge { file });
    }
    let mut bytes = Vec::new();
    fs::File::open(path)
        .and_then(|f| f.take(MAX_SESSION_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| unreadable(e.to_string()))?;
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > MAX_SESSION_BYTES {
        return Err(SessionFileError::TooLarge { file });
    }
    String::from_utf8(bytes).map_err(|_| unreadable("it is not text (not valid UTF-8)".into()))
}

/// Writes a session file atomically (0600 on Unix): a crash leaves the old file or the new one.
///
/// # Errors
/// When the folder cannot be written or the rename fails; a file already there is unchanged.
pub fn write(path: &Path, session: &Session) -> Result<(), SessionFileError> {
    let file = path.display().to_string();
    let fail = |reason: String| SessionFileError::Write {
        file: file.clone(),
        reason,
    };
    let text = to_ron(session).map_err(|e| fail(e.to_string()))?;
    write_atomic(path, text.as_bytes()).map_err(|e| fail(e.to_string()))
}

/// Writes bytes to `path` through a temporary file beside it, flushed to disk, then renamed
/// over it; readable by the user only on Unix.
///
/// # Errors
/// Any file-system error; the temporary file is removed and `path` is unchanged.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no file name"))?
        .to_string_lossy()
        .into_owned();
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    let mut attempt = 0_u32;
    let (temp, mut handle) = loop {
        let temp = dir.join(format!(".{name}.tmp-{}-{attempt}", std::process::id()));
        match options.open(&temp) {
            Ok(h) => break (temp, h),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => attempt += 1,
            Err(e) => return Err(e),
        }
    };
    let result = handle
        .write_all(bytes)
        .and_then(|()| handle.sync_all())
        .and_then(|()| fs::rename(&temp, path));
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}
