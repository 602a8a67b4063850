//! Drawing with egui. Functions that take `&mut Ui` end in `_ui`; they read the state layer
//! ([`crate::state`]) and push [`crate::state::Command`]s, never change state directly. Panels
//! share widgets through [`widgets`] and never import each other (except `detail`, which
//! shows a zone's page from `zone`, and `consult`, which uses its own overlay's colours).

pub mod consult;
pub mod consult_overlay;
pub mod detail;
pub mod diagram;
pub mod guide;
pub mod label_layout;
pub mod layers;
pub mod legend;
pub mod palette;
pub mod quiz;
pub mod routine;
pub mod safety;
pub mod search;
pub mod timeline;
pub mod top_bar;
pub mod widgets;
pub mod zone;
