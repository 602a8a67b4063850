//! Problems found in content files, each with the place it was found.

use std::fmt;

/// A place in a content file: 1-based line and column (in characters).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    /// The file as the user named it: `data/...` for the embedded content, a pack's files under
    /// the pack's path as given (relative to the current folder when it lies below it).
    pub file: String,
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

/// What is wrong.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum Problem {
    #[error("cannot read the file: {0}")]
    Unreadable(String),
    #[error("{0}")]
    Syntax(String),
    #[error("no content: the folder has no {0}")]
    MissingFile(String),
    #[error("duplicate {kind} id \"{id}\" (first defined at {first})")]
    DuplicateId {
        kind: &'static str,
        id: String,
        first: String,
    },
    #[error(
        "{field} names {kind} \"{id}\", which does not exist{}{}",
        also_named(*others),
        did_you_mean(nearest.as_ref())
    )]
    UnknownReference {
        field: &'static str,
        kind: &'static str,
        id: String,
        /// The known id of that kind closest to it, when one is close (a likely misspelling of
        /// either one), with where it is defined.
        nearest: Option<Nearest>,
        /// How many other places name the same unknown id (reported once, here, instead of a
        /// cascade of the same error).
        others: usize,
    },
    #[error("region \"{region}\": {message}")]
    BadPath { region: String, message: String },
    #[error(
        "region \"{region}\": point ({x}, {y}) lies outside the canvas (0..{width}, 0..{height})"
    )]
    OutOfCanvas {
        region: String,
        x: f32,
        y: f32,
        width: f32,
        height: f32,
    },
    #[error(
        "region \"{region}\": the shape has no area (a filled shape needs at least three points that are not in a line)"
    )]
    NoArea { region: String },
    #[error("{0}")]
    Invalid(String),
    /// A problem in a view's artwork (SVG), or between it and the view file.
    #[error("{0}")]
    Artwork(String),
    #[error(
        "this pack needs content format {needs}, and this version of Bodywork Atlas reads format {reads}: update Bodywork Atlas to use it (the pack is skipped)"
    )]
    NewerFormat { needs: u32, reads: u32 },
    #[error("image \"{path}\": {message}")]
    BadImage { path: String, message: String },
}

/// A known id close to an unknown one.
#[derive(Clone, Debug, PartialEq)]
pub struct Nearest {
    pub id: String,
    /// Where it is defined, when that is known.
    pub defined_at: Option<Location>,
}

fn also_named(others: usize) -> String {
    match others {
        0 => String::new(),
        1 => " (nor does it at 1 other place that names it)".to_owned(),
        n => format!(" (nor does it at {n} other places that name it)"),
    }
}

fn did_you_mean(nearest: Option<&Nearest>) -> String {
    match nearest {
        None => String::new(),
        Some(Nearest {
            id,
            defined_at: Some(at),
        }) => format!("; did you mean \"{id}\" (defined at {at})?"),
        Some(Nearest {
            id,
            defined_at: None,
        }) => format!("; did you mean \"{id}\"?"),
    }
}

/// One problem at one place. Displays as `file:line:column: message`.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{location}: {problem}")]
pub struct ContentError {
    pub location: Location,
    pub problem: Problem,
}

impl ContentError {
    /// The error with every text taken from a file (ids, paths, parser messages) made safe to
    /// print and of bounded length (see [`crate::text`]): a 10 MB id or an escape sequence in a
    /// file name reaches neither the terminal nor the banner as it is.
    #[must_use]
    pub fn for_display(self) -> Self {
        use crate::text::{id, message};
        let problem = match self.problem {
            Problem::Unreadable(m) => Problem::Unreadable(message(&m)),
            Problem::Syntax(m) => Problem::Syntax(message(&m)),
            Problem::MissingFile(m) => Problem::MissingFile(message(&m)),
            Problem::DuplicateId {
                kind,
                id: dup,
                first,
            } => Problem::DuplicateId {
                kind,
                id: id(&dup),
                first: message(&first),
            },
            Problem::UnknownReference {
                field,
                kind,
                id: unknown,
                nearest,
                others,
            } => Problem::UnknownReference {
                field,
                kind,
                id: id(&unknown),
                nearest: nearest.map(|n| Nearest {
                    id: id(&n.id),
                    defined_at: n.defined_at.map(|at| Location {
                        file: message(&at.file),
                        ..at
                    }),
                }),
                others,
            },
            Problem::BadPath { region, message: m } => Problem::BadPath {
                region: id(&region),
                message: message(&m),
            },
            Problem::OutOfCanvas {
                region,
                x,
                y,
                width,
                height,
            } => Problem::OutOfCanvas {
                region: id(&region),
                x,
                y,
                width,
                height,
            },
            Problem::NoArea { region } => Problem::NoArea {
                region: id(&region),
            },
            Problem::Invalid(m) => Problem::Invalid(message(&m)),
            Problem::Artwork(m) => Problem::Artwork(message(&m)),
            Problem::NewerFormat { needs, reads } => Problem::NewerFormat { needs, reads },
            Problem::BadImage { path, message: m } => Problem::BadImage {
                path: message(&path),
                message: message(&m),
            },
        };
        Self {
            location: Location {
                file: message(&self.location.file),
                ..self.location
            },
            problem,
        }
    }
}
