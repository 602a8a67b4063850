//! Bodywork Atlas: a desktop anatomy reference for massage therapy.
//!
//! [`model`] holds plain data and geometry, [`content`] reads and validates the RON files,
//! [`ui`] draws with egui, [`app`] applies commands and owns state, [`cli`] is the command line.

pub mod app;
pub mod cli;
pub mod content;
pub mod model;
pub mod store;
pub mod ui;

pub use app::{AtlasApp, StartOptions};
