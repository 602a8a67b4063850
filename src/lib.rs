//! Bodywork Atlas: a desktop anatomy reference for massage therapy.
//!
//! Layers, each depending only on those before it:
//! [`text`] (text from files made safe to print; no dependencies) →
//! [`model`] (content types, geometry, hit-testing; emath, no egui) →
//! [`content`] (reads and validates RON files) → [`store`] (saved files) →
//! [`state`] (app state, commands, modes; no egui `Ui`) → [`ui`] (egui panels reading the
//! state and emitting commands) → [`app`] (eframe glue, layout, platform) → [`cli`].

pub mod app;
pub mod cli;
pub mod content;
pub mod handout;
pub mod model;
pub mod records;
pub mod session;
pub mod state;
pub mod store;
pub mod text;
pub mod ui;

pub use app::{AtlasApp, StartOptions};
