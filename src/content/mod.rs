//! Reading content from RON files: parsing, validation with `file:line:column` errors, and
//! preparing geometry once.

pub mod error;
pub mod load;
pub mod source_map;

pub use error::{ContentError, Location, Problem};
pub use load::{ContentDirs, load};
