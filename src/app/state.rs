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
    /// Names drawn on the diagram.
    pub labels: bool,
    /// Study mode progress.
    pub study: StudyProgress,
}

/// Progress in study mode, kept between runs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct StudyProgress {
    /// Best round as (right answers, questions).
    pub best: Option<(u32, u32)>,
    /// Rounds completed.
    pub rounds: u32,
    /// How often each zone was missed: key "zone_id/side" (side: left or right).
    pub missed: BTreeMap<String, u32>,
}

impl StudyProgress {
    /// Records a finished round.
    pub fn record(&mut self, score: u32, total: u32, missed: impl IntoIterator<Item = String>) {
        self.rounds += 1;
        let better = self.best.is_none_or(|(s, t)| {
            u64::from(score) * u64::from(t.max(1)) > u64::from(s) * u64::from(total.max(1))
        });
        if better && total > 0 {
            self.best = Some((score, total));
        }
        for key in missed {
            *self.missed.entry(key).or_default() += 1;
        }
    }

    /// The most often missed keys, most first (ties by name), at most `n`.
    #[must_use]
    pub fn most_missed(&self, n: usize) -> Vec<(&str, u32)> {
        let mut v: Vec<(&str, u32)> = self.missed.iter().map(|(k, c)| (k.as_str(), *c)).collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        v.truncate(n);
        v
    }
}

/// Visibility and opacity of one layer.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct LayerSetting {
    pub visible: bool,
    pub opacity: f32,
}

impl Settings {
    /// Settings from their saved text (RON, as eframe stores them). Unreadable text gives the
    /// defaults and a message saying so; nothing saved gives the defaults silently.
    #[must_use]
    pub fn restore(saved: Option<&str>) -> (Self, Option<String>) {
        let Some(text) = saved else {
            return (Self::default(), None);
        };
        match ron::from_str::<Self>(text) {
            Ok(settings) => (settings, None),
            Err(err) => (
                Self::default(),
                Some(format!(
                    "Your saved settings could not be read ({err}); the defaults are used and will be saved on exit."
                )),
            ),
        }
    }

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_survive_a_round_trip_and_tolerate_missing_fields() {
        let mut s = Settings {
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
        s.study.record(7, 10, ["sciatic/right".to_owned()]);
        let text = ron::to_string(&s).unwrap();
        assert_eq!(ron::from_str::<Settings>(&text).unwrap(), s);
        let old: Settings = ron::from_str("(dark: true)").unwrap();
        assert!(old.dark && old.layers.is_empty() && old.study.rounds == 0);
    }

    #[test]
    fn corrupt_saved_settings_give_defaults_and_a_message() {
        let (s, notice) = Settings::restore(Some(
            "(view: Some(\"feet_plantar\"), layers: {\"posterior\": {\"deep\": (visible: tru",
        ));
        assert_eq!(s, Settings::default());
        assert!(notice.is_some_and(|n| n.contains("could not be read")));
        let (s, notice) = Settings::restore(Some("(dark: true)"));
        assert!(s.dark && notice.is_none());
        assert_eq!(Settings::restore(None), (Settings::default(), None));
    }

    #[test]
    fn study_progress_keeps_the_best_round_and_counts_misses() {
        let mut p = StudyProgress::default();
        p.record(5, 10, ["a/left".to_owned(), "b/right".to_owned()]);
        p.record(8, 10, ["a/left".to_owned()]);
        p.record(6, 10, []);
        assert_eq!(p.best, Some((8, 10)));
        assert_eq!(p.rounds, 3);
        assert_eq!(p.most_missed(1), vec![("a/left", 2)]);
    }
}
