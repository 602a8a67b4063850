//! Drawing with egui. Functions that take `&mut Ui` end in `_ui`; they read state and push
//! [`crate::app::command::Command`]s, never change the app directly.

pub mod camera;
pub mod detail;
pub mod diagram;
pub mod layers;
pub mod palette;
pub mod quiz;
pub mod safety;
pub mod search;
pub mod zone;
