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

/// How each layer of a view is drawn right now: shown or not, solid or faded to a ghost.
/// Worked out once from the preferences (per frame, or per question) rather than per region.
#[derive(Clone, Debug, PartialEq)]
pub struct LayerStates {
    shown: Vec<bool>,
    ghosted: Vec<bool>,
}

impl LayerStates {
    /// Whether the layer is shown (hidden layers are neither drawn nor hit).
    #[must_use]
    pub fn shown(&self, layer: usize) -> bool {
        self.shown.get(layer).copied().unwrap_or(false)
    }

    /// Whether the layer is faded to a ghost by a deeper layer being shown.
    #[must_use]
    pub fn ghosted(&self, layer: usize) -> bool {
        self.ghosted.get(layer).copied().unwrap_or(false)
    }

    /// The region under a diagram point: the topmost on a solid layer, else the topmost on a
    /// ghosted one, so a faded layer above never takes a click meant for what shows through.
    #[must_use]
    pub fn hit(&self, view: &PreparedView, p: emath::Pos2) -> Option<usize> {
        view.hit(p, |l| self.shown(l) && !self.ghosted(l))
            .or_else(|| view.hit(p, |l| self.shown(l)))
    }
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

    /// Every layer's state in a view.
    #[must_use]
    pub fn layer_states(&self, view: &PreparedView) -> LayerStates {
        let n = view.layers.len();
        LayerStates {
            shown: (0..n).map(|l| self.layer_shown(view, l)).collect(),
            ghosted: (0..n).map(|l| self.layer_ghosted(view, l)).collect(),
        }
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
