//! User data: what the user has done (study progress now; client sessions next). Saved apart
//! from preferences, in the platform data folder, with a version.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::content::Side;
use crate::model::quiz::ZoneTarget;

/// The user data file in the user data folder.
pub const USER_DATA_FILE: &str = "user-data.ron";
/// The version [`UserData`] is written with.
pub const USER_DATA_VERSION: u32 = 1;

/// Everything the user has made or earned that is worth keeping.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UserData {
    /// Study mode progress.
    pub study: StudyProgress,
}

/// A zone on one foot, as a typed key (not a "zone/side" string split apart later).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ZoneOnFoot {
    /// The zone id.
    pub zone: String,
    /// Which foot.
    pub side: Side,
}

impl From<&ZoneTarget> for ZoneOnFoot {
    fn from(t: &ZoneTarget) -> Self {
        Self {
            zone: t.zone.clone(),
            side: t.side,
        }
    }
}

/// Progress in study mode, kept between runs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct StudyProgress {
    /// Best round as (right answers, questions).
    pub best: Option<(u32, u32)>,
    /// Rounds completed.
    pub rounds: u32,
    /// How often each zone was missed, per foot.
    pub missed: BTreeMap<ZoneOnFoot, u32>,
}

impl UserData {
    /// The data with restored values that make no sense taken out: a best round with more
    /// right answers than questions, or with no questions.
    #[must_use]
    pub fn sanitized(mut self) -> Self {
        self.study.best = self
            .study
            .best
            .filter(|&(score, total)| total > 0 && score <= total);
        self
    }
}

impl StudyProgress {
    /// Records a finished round.
    pub fn record(&mut self, score: u32, total: u32, missed: impl IntoIterator<Item = ZoneOnFoot>) {
        self.rounds = self.rounds.saturating_add(1);
        let better = self.best.is_none_or(|(s, t)| {
            u64::from(score) * u64::from(t.max(1)) > u64::from(s) * u64::from(total.max(1))
        });
        if better && total > 0 {
            self.best = Some((score, total));
        }
        for key in missed {
            let count = self.missed.entry(key).or_default();
            *count = count.saturating_add(1);
        }
    }

    /// The most often missed zones, most first (ties by zone and foot), at most `n`.
    #[must_use]
    pub fn most_missed(&self, n: usize) -> Vec<(&ZoneOnFoot, u32)> {
        let mut v: Vec<(&ZoneOnFoot, u32)> = self.missed.iter().map(|(k, c)| (k, *c)).collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        v.truncate(n);
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on(zone: &str, side: Side) -> ZoneOnFoot {
        ZoneOnFoot {
            zone: zone.into(),
            side,
        }
    }

    #[test]
    fn study_progress_keeps_the_best_round_and_counts_misses() {
        let mut p = StudyProgress::default();
        p.record(5, 10, [on("a", Side::Left), on("b", Side::Right)]);
        p.record(8, 10, [on("a", Side::Left)]);
        p.record(6, 10, []);
        assert_eq!(p.best, Some((8, 10)));
        assert_eq!(p.rounds, 3);
        assert_eq!(p.most_missed(1), vec![(&on("a", Side::Left), 2)]);
    }

    #[test]
    fn a_restored_best_round_that_cannot_be_is_dropped() {
        for (best, kept) in [((8, 10), true), ((11, 10), false), ((0, 0), false)] {
            let mut data = UserData::default();
            data.study.best = Some(best);
            assert_eq!(data.sanitized().study.best.is_some(), kept, "{best:?}");
        }
    }

    #[test]
    fn progress_is_saved_with_typed_keys() {
        let mut data = UserData::default();
        data.study.record(3, 10, [on("sciatic", Side::Right)]);
        let text = ron::to_string(&data).unwrap();
        assert!(
            text.contains("zone:\"sciatic\"") && text.contains("side:Right"),
            "{text}"
        );
        assert_eq!(ron::from_str::<UserData>(&text).unwrap(), data);
    }
}
