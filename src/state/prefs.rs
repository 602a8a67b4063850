//! Preferences: how the user likes the app to look (theme, layers, names, the last view).
//! Saved apart from user data (see [`super::userdata`]); both are plain data with a version.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::{Atlas, LayerGroup, PreparedView};

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
    /// The alternative last chosen in each group of alternative layers (`exclusive`), so the
    /// group shows it again when it is turned back on: view id -> group -> layer id.
    pub choices: BTreeMap<String, BTreeMap<String, String>>,
}

/// How each layer of a view is drawn right now: shown or not, solid or faded to a ghost.
/// Worked out once from the preferences (per frame, or per question) rather than per region.
#[derive(Clone, Debug, PartialEq)]
pub struct LayerStates {
    shown: Vec<bool>,
    ghosted: Vec<bool>,
    /// Regions drawn although their layer is hidden, because they show the selected structure
    /// on a layer drawn `with_selection` (a muscle's referred-pain pattern); sorted.
    with_selection: Vec<usize>,
}

impl LayerStates {
    /// Adds the regions a selection brings with it: on each hidden layer drawn `with_selection`,
    /// those showing the selected region's structure (or one sharing its pattern) on the same
    /// side, see [`Atlas::pattern_of`]. They are drawn, never hit.
    #[must_use]
    pub fn with_selection(
        mut self,
        atlas: &Atlas,
        view: &PreparedView,
        selected: Option<usize>,
    ) -> Self {
        self.with_selection = selected
            .map(|i| atlas.pattern_of(view, i))
            .unwrap_or_default();
        let shown = &self.shown;
        self.with_selection.retain(|&i| {
            view.regions
                .get(i)
                .is_some_and(|r| !shown.get(r.layer).copied().unwrap_or(false))
        });
        self
    }

    /// Whether a region is drawn only because the selection brings it (its layer is hidden).
    #[must_use]
    pub fn drawn_with_selection(&self, region: usize) -> bool {
        self.with_selection.binary_search(&region).is_ok()
    }

    /// Whether any region of the layer is drawn with the selection.
    #[must_use]
    pub fn layer_has_selection_extras(&self, view: &PreparedView, layer: usize) -> bool {
        self.with_selection
            .iter()
            .any(|&i| view.regions.get(i).is_some_and(|r| r.layer == layer))
    }

    /// Whether a region is drawn: its layer is shown, or the selection brings it.
    #[must_use]
    pub fn region_drawn(&self, view: &PreparedView, region: usize) -> bool {
        view.regions
            .get(region)
            .is_some_and(|r| self.shown(r.layer) || self.drawn_with_selection(region))
    }

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

/// The longest view id taken from a saved file (content ids are far shorter).
const MAX_SAVED_ID_CHARS: usize = 200;

impl Preferences {
    /// The preferences with restored values that make no sense taken out: a last view whose
    /// id is not a plain id (too long, or with control characters), layer settings with an
    /// opacity that is not a number between 0 and 1 (the content's default is used instead).
    #[must_use]
    pub fn sanitized(mut self) -> Self {
        let plain = |id: &str| {
            id.chars().count() <= MAX_SAVED_ID_CHARS && !id.chars().any(char::is_control)
        };
        self.view = self.view.filter(|v| plain(v));
        self.layers.retain(|view, _| plain(view));
        for layers in self.layers.values_mut() {
            layers.retain(|id, s| plain(id) && (0.0..=1.0).contains(&s.opacity));
        }
        self
    }

    /// The effective setting of a layer: the user's, else the content's default. Restored values
    /// that make no sense (an opacity of NaN or 7) are brought back into range, and of a group
    /// of alternatives at most one is visible (see [`Self::shown_alternative`]).
    #[must_use]
    pub fn layer(&self, view: &PreparedView, layer: usize) -> LayerSetting {
        let mut s = self.stored_layer(view, layer);
        if s.visible
            && let Some(group) = view.layers.get(layer).and_then(|l| l.exclusive.as_deref())
            && self.shown_alternative(view, group) != Some(layer)
        {
            s.visible = false;
        }
        s
    }

    /// The setting as stored (or the content's default), without the rule for alternatives.
    fn stored_layer(&self, view: &PreparedView, layer: usize) -> LayerSetting {
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
        let mut s = self.user_layer(&view.id, &l.id).unwrap_or(default);
        if !s.opacity.is_finite() {
            s.opacity = default.opacity;
        }
        s.opacity = s.opacity.clamp(0.0, 1.0);
        s
    }

    fn user_layer(&self, view: &str, layer: &str) -> Option<LayerSetting> {
        self.layers.get(view).and_then(|m| m.get(layer)).copied()
    }

    /// The one layer of a group of alternatives that may be visible: the last chosen when it is
    /// visible, else the first visible one the user turned on, else the first visible by
    /// default. (Commands keep only one visible; this settles files saved otherwise.)
    #[must_use]
    pub fn shown_alternative(&self, view: &PreparedView, group: &str) -> Option<usize> {
        let members = || {
            view.layers
                .iter()
                .enumerate()
                .filter(move |(_, l)| l.exclusive.as_deref() == Some(group))
        };
        let visible = |i: usize| self.stored_layer(view, i).visible;
        let chosen = self
            .choices
            .get(&view.id)
            .and_then(|m| m.get(group))
            .and_then(|id| view.layer_index(id))
            .filter(|&i| visible(i));
        chosen
            .or_else(|| {
                members()
                    .find(|(i, l)| {
                        self.user_layer(&view.id, &l.id).is_some_and(|s| s.visible) && visible(*i)
                    })
                    .map(|(i, _)| i)
            })
            .or_else(|| members().find(|(i, _)| visible(*i)).map(|(i, _)| i))
    }

    /// The alternative a group shows when it is on: the visible one, else the last chosen, else
    /// the first visible by default, else the first.
    #[must_use]
    pub fn group_choice(&self, view: &PreparedView, group: &LayerGroup) -> Option<usize> {
        self.shown_alternative(view, &group.id)
            .or_else(|| {
                self.choices
                    .get(&view.id)
                    .and_then(|m| m.get(&group.id))
                    .and_then(|id| view.layer_index(id))
                    .filter(|i| group.layers().any(|l| l == *i))
            })
            .or_else(|| {
                group
                    .layers()
                    .find(|&i| view.layers.get(i).is_some_and(|l| l.visible))
            })
            .or_else(|| group.layers().next())
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
            with_selection: Vec::new(),
        }
    }

    /// Changes a layer's stored setting as it is (no rule for alternatives).
    pub fn set_layer(&mut self, view: &str, layer: &str, setting: LayerSetting) {
        self.layers
            .entry(view.to_owned())
            .or_default()
            .insert(layer.to_owned(), setting);
    }

    /// Shows or hides a layer. Showing one of a group of alternatives hides the others and
    /// remembers it as the group's choice.
    pub fn set_visible(&mut self, view: &PreparedView, layer: usize, visible: bool) {
        let Some(l) = view.layers.get(layer) else {
            return;
        };
        if visible && let Some(group) = &l.exclusive {
            for (i, other) in view.layers.iter().enumerate() {
                if i != layer && other.exclusive.as_ref() == Some(group) {
                    let mut s = self.stored_layer(view, i);
                    if s.visible {
                        s.visible = false;
                        self.set_layer(&view.id, &other.id, s);
                    }
                }
            }
            self.choices
                .entry(view.id.clone())
                .or_default()
                .insert(group.clone(), l.id.clone());
        }
        let mut s = self.layer(view, layer);
        s.visible = visible;
        self.set_layer(&view.id, &l.id, s);
    }

    /// Changes a layer's opacity; the alternatives of a group share one opacity.
    pub fn set_opacity(&mut self, view: &PreparedView, layer: usize, opacity: f32) {
        let Some(l) = view.layers.get(layer) else {
            return;
        };
        let opacity = if opacity.is_finite() { opacity } else { 1.0 }.clamp(0.0, 1.0);
        for (i, other) in view.layers.iter().enumerate() {
            let same = i == layer || (l.exclusive.is_some() && other.exclusive == l.exclusive);
            if same {
                let mut s = self.layer(view, i);
                s.opacity = opacity;
                self.set_layer(&view.id, &other.id, s);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn restored_values_that_make_no_sense_are_taken_out() {
        let mut s = Preferences {
            view: Some("posterior\u{1b}[2J".into()),
            ..Default::default()
        };
        for (layer, opacity) in [("deep", 0.5), ("skin", f32::NAN), ("nerves", 7.0)] {
            s.set_layer(
                "posterior",
                layer,
                LayerSetting {
                    visible: true,
                    opacity,
                },
            );
        }
        let s = s.sanitized();
        assert_eq!(s.view, None);
        let kept: Vec<&String> = s.layers["posterior"].keys().collect();
        assert_eq!(kept, ["deep"]);
    }

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
