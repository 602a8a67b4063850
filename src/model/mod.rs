//! The model: content types, geometry, hit-testing, search. No egui `Ui` in here.

pub mod art;
pub mod atlas;
pub mod content;
pub mod geometry;
pub mod layers;
pub mod quiz;
pub mod routine;

pub use atlas::{Atlas, PackInfo, PackOrigin, PreparedRegion, PreparedView, RegionRef, SearchHit};
pub use layers::{LayerEntry, LayerGroup};
