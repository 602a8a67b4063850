//! What persists between runs (settings), apart from caches and textures.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::PreparedView;

/// The storage key under which [`Settings`] are saved.
pub const SETTINGS_KEY: &str = "bodywork_atlas_settings";

/// Persisted settings. Unknown or broken values fall back to defaults.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The view shown last.
    pub view: Option<String>,
    /// Layer visibility and opacity changed by the user: view id -> layer id -> setting.
    pub layers: BTreeMap<String, BTreeMap<String, LayerSetting>>,
    /// Dark theme.
    pub dark: bool,
}

/// Visibility and opacity of one layer.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct LayerSetting {
    pub visible: bool,
    pub opacity: f32,
}

impl Settings {
    /// The effective setting of a layer: the user's, else the content's default.
    #[must_use]
    pub fn layer(&self, view: &PreparedView, layer: usize) -> LayerSetting {
        let Some(l) = view.layers.get(layer) else {
            return LayerSetting {
                visible: false,
                opacity: 0.0,
            };
        };
        let default = LayerSetting {
            visible: l.visible,
            opacity: l.opacity,
        };
        let mut s = self
            .layers
            .get(&view.id)
            .and_then(|m| m.get(&l.id))
            .copied()
            .unwrap_or(default);
        if !s.opacity.is_finite() {
            s.opacity = default.opacity;
        }
        s.opacity = s.opacity.clamp(0.0, 1.0);
        s
    }

    /// Whether a layer is shown (visible with some opacity): hidden layers are not hit-tested.
    #[must_use]
    pub fn layer_shown(&self, view: &PreparedView, layer: usize) -> bool {
        let s = self.layer(view, layer);
        s.visible && s.opacity > 0.01
    }

    /// Changes a layer's setting.
    pub fn set_layer(&mut self, view: &str, layer: &str, setting: LayerSetting) {
        self.layers
            .entry(view.to_owned())
            .or_default()
            .insert(layer.to_owned(), setting);
    }
}
