//! Reading content from RON files: the built-in content (embedded in the binary) and content
//! packs, merged by id; parsing, validation with `file:line:column` errors, and preparing
//! geometry once.

pub mod artwork;
pub mod error;
pub mod images;
pub mod load;
pub mod new_pack;
mod root;
pub mod set;
pub mod source_map;

pub use error::{ContentError, Location, Nearest, Problem};
pub use load::load;
pub use set::{BuiltIn, CONTENT_FORMAT_VERSION, ContentSet, user_packs_dir};
