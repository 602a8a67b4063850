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
    #[error("{field} names {kind} \"{id}\", which does not exist")]
    UnknownReference {
        field: &'static str,
        kind: &'static str,
        id: String,
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

/// One problem at one place. Displays as `file:line:column: message`.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{location}: {problem}")]
pub struct ContentError {
    pub location: Location,
    pub problem: Problem,
}
