//! Preferences: how the user likes the app to look (theme, layers, names, the last view).
//! Saved apart from user data (see [`super::userdata`]); both are plain data with a version.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::PreparedView;

/// The preferences file in the preferences folder.
pub const PREFERENCES_FILE: &str = "preferences.ron";
/// The version [`Preferences`] are written with.
pub const PREFERENCES_VERSION: u32 = 1;

/// Persisted preferences. Missing fields take their defaults.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    /// The view shown last.
    pub view: Option<String>,
    /// Layer visibility and opacity changed by the user: view id -> layer id -> setting.
    pub layers: BTreeMap<String, BTreeMap<String, LayerSetting>>,
    /// Dark theme.
    pub dark: bool,
    /// Names drawn on the diagram.
    pub labels: bool,
}

/// Visibility and opacity of one layer.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct LayerSetting {
    pub visible: bool,
    pub opacity: f32,
}

impl Preferences {
    /// The effective setting of a layer: the user's, else the content's default. Restored values
    /// that make no sense (an opacity of NaN or 7) are brought back into range.
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

    /// Whether a layer is faded to a ghost because a layer it `fades_under` is shown.
    #[must_use]
    pub fn layer_ghosted(&self, view: &PreparedView, layer: usize) -> bool {
        view.layers.get(layer).is_some_and(|l| {
            l.fades_under.iter().any(|id| {
                view.layer_index(id)
                    .is_some_and(|other| other != layer && self.layer_shown(view, other))
            })
        })
    }

    /// Changes a layer's setting.
    pub fn set_layer(&mut self, view: &str, layer: &str, setting: LayerSetting) {
        self.layers
            .entry(view.to_owned())
            .or_default()
            .insert(layer.to_owned(), setting);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preferences_survive_a_round_trip_and_tolerate_missing_fields() {
        let mut s = Preferences {
            view: Some("anterior".into()),
            dark: true,
            ..Default::default()
        };
        s.set_layer(
            "posterior",
            "deep",
            LayerSetting {
                visible: true,
                opacity: 0.5,
            },
        );
        let text = ron::to_string(&s).unwrap();
        assert_eq!(ron::from_str::<Preferences>(&text).unwrap(), s);
        let old: Preferences = ron::from_str("(dark: true)").unwrap();
        assert!(old.dark && old.layers.is_empty());
    }
}
