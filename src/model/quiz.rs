//! Study mode: a round of questions about the foot reflex zones. Plain data, no egui.

use super::atlas::Atlas;
use super::content::Side;

/// One zone on one foot of one view: what a question asks about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ZoneTarget {
    pub view: String,
    pub zone: String,
    pub side: Side,
}

/// A question of a round.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Question {
    /// "Find the sciatic zone on the right foot": answered by clicking a region.
    Find(ZoneTarget),
    /// "What does this zone correspond to?": the zone is shown, answered by a choice of zones.
    Identify {
        target: ZoneTarget,
        choices: Vec<String>,
        correct: usize,
    },
}

impl Question {
    /// The zone asked about.
    #[must_use]
    pub fn target(&self) -> &ZoneTarget {
        match self {
            Self::Find(t) | Self::Identify { target: t, .. } => t,
        }
    }
}

/// How a question was answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    pub correct: bool,
    /// The region clicked (Find) or the zone chosen (Identify).
    pub given: String,
}

/// A round of questions, answered in order.
#[derive(Clone, Debug, PartialEq)]
pub struct Quiz {
    pub questions: Vec<Question>,
    pub answers: Vec<Answer>,
    /// Index of the question shown; equals `answers.len()` while it waits for an answer and
    /// `answers.len() - 1` while its feedback is shown.
    pub current: usize,
}

/// Number of choices in an Identify question.
pub const CHOICES: usize = 4;

impl Quiz {
    /// A new round of up to `count` questions over every zone of every foot view, alternating
    /// Find and Identify. `None` when the content has no zones.
    #[must_use]
    pub fn new(atlas: &Atlas, count: usize, seed: u64) -> Option<Self> {
        let mut rng = SplitMix64(seed);
        let mut targets = zone_targets(atlas);
        if targets.is_empty() {
            return None;
        }
        shuffle(&mut targets, &mut rng);
        let mut zone_ids: Vec<&str> = atlas.zones.iter().map(|z| z.id.as_str()).collect();
        zone_ids.sort_unstable();
        zone_ids.dedup();
        let questions = targets
            .into_iter()
            .take(count)
            .enumerate()
            .map(|(i, target)| {
                if i % 2 == 1 && zone_ids.len() >= CHOICES {
                    let mut others: Vec<&str> = zone_ids
                        .iter()
                        .copied()
                        .filter(|z| *z != target.zone)
                        .collect();
                    shuffle(&mut others, &mut rng);
                    let mut choices: Vec<String> = others
                        .into_iter()
                        .take(CHOICES - 1)
                        .map(str::to_owned)
                        .collect();
                    let correct = rng.below(CHOICES);
                    choices.insert(correct, target.zone.clone());
                    Question::Identify {
                        target,
                        choices,
                        correct,
                    }
                } else {
                    Question::Find(target)
                }
            })
            .collect();
        Some(Self {
            questions,
            answers: Vec::new(),
            current: 0,
        })
    }

    /// The question shown.
    #[must_use]
    pub fn question(&self) -> Option<&Question> {
        self.questions.get(self.current)
    }

    /// The answer to the question shown, once given (its feedback is on screen).
    #[must_use]
    pub fn feedback(&self) -> Option<&Answer> {
        self.answers.get(self.current)
    }

    /// Answers a Find question with the region clicked (its view, zone and side).
    /// Returns whether it was right; `None` when the question is not waiting for a click.
    pub fn answer_region(
        &mut self,
        view: &str,
        region_id: &str,
        zone: Option<&str>,
        side: Side,
    ) -> Option<bool> {
        if self.feedback().is_some() {
            return None;
        }
        let Some(Question::Find(t)) = self.question() else {
            return None;
        };
        let correct = t.view == view && zone == Some(t.zone.as_str()) && t.side == side;
        self.answers.push(Answer {
            correct,
            given: region_id.to_owned(),
        });
        Some(correct)
    }

    /// Answers an Identify question with choice `index`. Returns whether it was right.
    pub fn answer_choice(&mut self, index: usize) -> Option<bool> {
        if self.feedback().is_some() {
            return None;
        }
        let Some(Question::Identify {
            choices, correct, ..
        }) = self.question()
        else {
            return None;
        };
        let given = choices.get(index)?.clone();
        let correct = index == *correct;
        self.answers.push(Answer { correct, given });
        Some(correct)
    }

    /// Moves to the next question once the shown one is answered.
    pub fn next(&mut self) {
        if self.feedback().is_some() {
            self.current += 1;
        }
    }

    /// Whether every question has been answered and the last feedback dismissed.
    #[must_use]
    pub fn is_finished(&self) -> bool {
        self.current >= self.questions.len()
    }

    /// Right answers so far.
    #[must_use]
    pub fn score(&self) -> usize {
        self.answers.iter().filter(|a| a.correct).count()
    }

    /// The targets answered wrongly, in order.
    #[must_use]
    pub fn missed(&self) -> Vec<&ZoneTarget> {
        self.questions
            .iter()
            .zip(&self.answers)
            .filter(|(_, a)| !a.correct)
            .map(|(q, _)| q.target())
            .collect()
    }
}

/// Every (view, zone, side) shown by a selectable region, in content order, without repeats.
#[must_use]
pub fn zone_targets(atlas: &Atlas) -> Vec<ZoneTarget> {
    let mut out: Vec<ZoneTarget> = Vec::new();
    for view in &atlas.views {
        for r in view.regions.iter().filter(|r| r.is_selectable()) {
            let Some(zone) = &r.zone else { continue };
            let t = ZoneTarget {
                view: view.id.clone(),
                zone: zone.clone(),
                side: r.side,
            };
            if !out.contains(&t) {
                out.push(t);
            }
        }
    }
    out
}

/// A small, fast pseudo-random generator (SplitMix64); quizzes need variety, not security.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        let n64 = u64::try_from(n.max(1)).unwrap_or(u64::MAX);
        usize::try_from(self.next_u64() % n64).unwrap_or(0)
    }
}

fn shuffle<T>(items: &mut [T], rng: &mut SplitMix64) {
    for i in (1..items.len()).rev() {
        let j = rng.below(i + 1);
        items.swap(i, j);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shuffle_keeps_every_item() {
        let mut rng = SplitMix64(7);
        let mut v: Vec<u32> = (0..50).collect();
        shuffle(&mut v, &mut rng);
        assert_ne!(v, (0..50).collect::<Vec<_>>(), "the order changes");
        v.sort_unstable();
        assert_eq!(v, (0..50).collect::<Vec<_>>());
    }

    #[test]
    fn below_stays_in_range() {
        let mut rng = SplitMix64(1);
        assert!((0..1000).all(|_| rng.below(4) < 4));
    }
}
