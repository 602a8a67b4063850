//! Guided self-massage: a [`Plan`] of steps built from a routine or a structure's
//! self-massage section, and a [`Run`] through it with hold timers, pause, skip and back, and a
//! breathing pacer. Plain data: time comes in as `now` in seconds from any clock, so it is
//! tested without waiting.

use super::atlas::Atlas;
use super::content::{Routine, Sides, Step, Stretch, Structure};

/// Seconds of a breath in, then out: slow in, longer out (six breaths a minute).
pub const BREATH_IN_SECS: f64 = 4.0;
/// Seconds of a breath out.
pub const BREATH_OUT_SECS: f64 = 6.0;
/// How much one press of "shorter" or "longer" changes a hold, in seconds.
pub const HOLD_STEP_SECS: u32 = 15;

/// What a step asks the person to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Follow the text, then go on: no timer.
    Untimed,
    /// Hold on a spot for a time picked within (shortest, longest) seconds.
    Hold { range: (u32, u32) },
    /// Hold a stretch `reps` times, on each side in turn when `each_side`.
    Stretch {
        name: String,
        range: (u32, u32),
        reps: u32,
        each_side: bool,
    },
}

impl Action {
    /// The hold range of a timed step.
    #[must_use]
    pub fn range(&self) -> Option<(u32, u32)> {
        match self {
            Self::Untimed => None,
            Self::Hold { range } | Self::Stretch { range, .. } => Some(*range),
        }
    }

    /// How many holds the step has: a stretch's reps on each side, else one.
    #[must_use]
    pub fn sets(&self) -> u32 {
        match self {
            Self::Stretch {
                reps, each_side, ..
            } => reps.max(&1) * if *each_side { 2 } else { 1 },
            _ => 1,
        }
    }
}

/// A structure worked in a plan, with where to be for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanPart {
    /// The structure shown on the diagram.
    pub structure: String,
    /// A heading: the part's title or the structure's name.
    pub title: String,
    /// Where to be for it (the routine's position when the part gives none).
    pub position: String,
    /// How to breathe and how firmly to press, from the structure's self-massage section.
    pub breathing: Option<String>,
    pub pressure: Option<String>,
}

/// One step of a plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanStep {
    /// Index into [`Plan::parts`].
    pub part: usize,
    pub text: String,
    pub action: Action,
}

/// The steps of a routine, in order, with what each asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// The routine's id; `None` for a structure's own self-massage.
    pub routine: Option<String>,
    pub name: String,
    pub tool: String,
    pub position: String,
    pub cautions: Vec<String>,
    pub parts: Vec<PlanPart>,
    pub steps: Vec<PlanStep>,
}

impl Plan {
    /// The plan of a routine from the content; `None` when a part's structure is missing or
    /// nothing in it can be followed (the loader reports such content).
    #[must_use]
    pub fn from_routine(routine: &Routine, atlas: &Atlas) -> Option<Self> {
        let mut plan = Self {
            routine: Some(routine.id.clone()),
            name: routine.name.clone(),
            tool: routine.tool.clone(),
            position: routine.position.clone(),
            cautions: routine.cautions.clone(),
            parts: Vec::new(),
            steps: Vec::new(),
        };
        for part in &routine.parts {
            let structure = atlas.structure(&part.structure)?;
            let index = plan.parts.len();
            let massage = structure.self_massage.as_ref();
            plan.parts.push(PlanPart {
                structure: structure.id.clone(),
                title: part.title.clone().unwrap_or_else(|| structure.name.clone()),
                position: part
                    .position
                    .clone()
                    .unwrap_or_else(|| routine.position.clone()),
                breathing: massage.map(|m| m.breathing.clone()),
                pressure: massage.map(|m| m.pressure.clone()),
            });
            if let Some(name) = &part.stretch {
                let stretch = structure.stretches.iter().find(|s| s.name == *name)?;
                plan.steps.push(stretch_step(index, stretch));
            } else if part.steps.is_empty() {
                plan.steps
                    .extend(massage?.steps.iter().map(|s| massage_step(index, s)));
            } else {
                plan.steps
                    .extend(part.steps.iter().map(|s| massage_step(index, s)));
            }
        }
        (!plan.steps.is_empty()).then_some(plan)
    }

    /// A structure's own self-massage steps, then its stretches; `None` when it has neither.
    #[must_use]
    pub fn from_structure(structure: &Structure) -> Option<Self> {
        let massage = structure.self_massage.as_ref();
        let mut steps: Vec<PlanStep> = massage
            .map(|m| m.steps.iter().map(|s| massage_step(0, s)).collect())
            .unwrap_or_default();
        steps.extend(structure.stretches.iter().map(|s| stretch_step(0, s)));
        if steps.is_empty() {
            return None;
        }
        let position = massage.map_or_else(String::new, |m| m.position.clone());
        Some(Self {
            routine: None,
            name: format!("Self-massage: {}", structure.name),
            tool: massage.map_or_else(String::new, |m| m.tool.clone()),
            position: position.clone(),
            cautions: structure.cautions.clone(),
            parts: vec![PlanPart {
                structure: structure.id.clone(),
                title: structure.name.clone(),
                position,
                breathing: massage.map(|m| m.breathing.clone()),
                pressure: massage.map(|m| m.pressure.clone()),
            }],
            steps,
        })
    }

    /// The part a step belongs to.
    #[must_use]
    pub fn part_of(&self, step: usize) -> Option<&PlanPart> {
        self.parts.get(self.steps.get(step)?.part)
    }
}

fn massage_step(part: usize, step: &Step) -> PlanStep {
    PlanStep {
        part,
        text: step.text.clone(),
        action: step
            .hold
            .map_or(Action::Untimed, |range| Action::Hold { range }),
    }
}

fn stretch_step(part: usize, stretch: &Stretch) -> PlanStep {
    PlanStep {
        part,
        text: stretch.how.clone(),
        action: Action::Stretch {
            name: stretch.name.clone(),
            range: stretch.hold_secs,
            reps: stretch.reps,
            each_side: stretch.sides == Sides::EachSide,
        },
    }
}

/// The hold timer of the current step.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Timer {
    /// Waiting for the person to get into place and start.
    Ready,
    /// Counting since `since` (clock seconds), after `before` seconds counted earlier.
    Running { since: f64, before: f64 },
    /// Stopped after `elapsed` seconds.
    Paused { elapsed: f64 },
    /// The hold is over.
    Done,
}

/// Something the person should notice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunEvent {
    /// A hold reached its time: ease off, then another spot or the next step.
    HoldEnded,
}

/// Where the breathing pacer is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Breath {
    /// Breathing in (else out).
    pub inhale: bool,
    /// Whole seconds left of this half of the breath (counting down to 1).
    pub secs_left: u32,
    /// How full the lungs are, 0 (empty) to 1 (full), in whole-second steps.
    pub fullness: f32,
}

/// A routine being followed.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    pub plan: Plan,
    /// Index of the current step; equal to the number of steps once finished.
    pub step: usize,
    /// Which hold of the current step (a stretch's reps and sides), from 0.
    pub set: u32,
    /// Holds done on the current step at other spots of the same muscle.
    pub spots: u32,
    pub timer: Timer,
    /// The hold chosen for each step, in seconds, within its range.
    chosen: Vec<u32>,
}

impl Run {
    /// At the first step, its timer not started.
    #[must_use]
    pub fn new(plan: Plan) -> Self {
        let chosen = plan
            .steps
            .iter()
            .map(|s| s.action.range().map_or(0, |(min, _)| min))
            .collect();
        Self {
            plan,
            step: 0,
            set: 0,
            spots: 0,
            timer: Timer::Ready,
            chosen,
        }
    }

    /// The current step; `None` once finished.
    #[must_use]
    pub fn current(&self) -> Option<&PlanStep> {
        self.plan.steps.get(self.step)
    }

    /// Whether every step has been done or skipped.
    #[must_use]
    pub fn is_finished(&self) -> bool {
        self.step >= self.plan.steps.len()
    }

    /// The hold chosen for the current step, in seconds (timed steps only).
    #[must_use]
    pub fn hold_secs(&self) -> Option<u32> {
        self.current()?.action.range()?;
        self.chosen.get(self.step).copied()
    }

    /// Picks the current step's hold, kept within its range.
    pub fn set_hold(&mut self, secs: u32) {
        let Some((min, max)) = self.current().and_then(|s| s.action.range()) else {
            return;
        };
        if let Some(slot) = self.chosen.get_mut(self.step) {
            *slot = secs.clamp(min, max);
        }
    }

    /// A shorter or longer hold by [`HOLD_STEP_SECS`], within the range.
    pub fn adjust_hold(&mut self, longer: bool) {
        let Some(secs) = self.hold_secs() else { return };
        let secs = if longer {
            secs.saturating_add(HOLD_STEP_SECS)
        } else {
            secs.saturating_sub(HOLD_STEP_SECS)
        };
        self.set_hold(secs);
    }

    /// Seconds counted by the timer at `now`.
    #[must_use]
    pub fn elapsed(&self, now: f64) -> f64 {
        match self.timer {
            Timer::Ready => 0.0,
            Timer::Running { since, before } => before + (now - since).max(0.0),
            Timer::Paused { elapsed } => elapsed,
            Timer::Done => f64::from(self.hold_secs().unwrap_or(0)),
        }
    }

    /// Seconds left of the hold at `now` (timed steps only).
    #[must_use]
    pub fn remaining(&self, now: f64) -> Option<f64> {
        let hold = f64::from(self.hold_secs()?);
        Some((hold - self.elapsed(now)).max(0.0))
    }

    /// Starts the hold (a timed step that is ready).
    pub fn start(&mut self, now: f64) {
        if self.timer == Timer::Ready && self.hold_secs().is_some() {
            self.timer = Timer::Running {
                since: now,
                before: 0.0,
            };
        }
    }

    /// Stops the timer where it is.
    pub fn pause(&mut self, now: f64) {
        if let Timer::Running { .. } = self.timer {
            self.timer = Timer::Paused {
                elapsed: self.elapsed(now),
            };
        }
    }

    /// Goes on counting from where it was paused.
    pub fn resume(&mut self, now: f64) {
        if let Timer::Paused { elapsed } = self.timer {
            self.timer = Timer::Running {
                since: now,
                before: elapsed,
            };
        }
    }

    /// The timer reaching its time: call whenever the clock may have moved.
    pub fn tick(&mut self, now: f64) -> Option<RunEvent> {
        let Timer::Running { .. } = self.timer else {
            return None;
        };
        let hold = f64::from(self.hold_secs()?);
        (self.elapsed(now) >= hold).then(|| {
            self.timer = Timer::Done;
            RunEvent::HoldEnded
        })
    }

    /// The same hold again at another spot of the same muscle.
    pub fn another_spot(&mut self, now: f64) {
        if self.timer == Timer::Done
            && matches!(self.current().map(|s| &s.action), Some(Action::Hold { .. }))
        {
            self.spots += 1;
            self.timer = Timer::Running {
                since: now,
                before: 0.0,
            };
        }
    }

    /// On: the next hold of a stretch (other side, next rep) when its hold is done, else the
    /// next step.
    pub fn next(&mut self) {
        let sets = self.current().map_or(1, |s| s.action.sets());
        if self.timer == Timer::Done && self.set + 1 < sets {
            self.set += 1;
            self.timer = Timer::Ready;
        } else {
            self.skip();
        }
    }

    /// Straight to the next step, whatever the timer is doing.
    pub fn skip(&mut self) {
        if !self.is_finished() {
            self.go_to(self.step + 1);
        }
    }

    /// Back to the start of the previous step (or of this one, at the first).
    pub fn back(&mut self) {
        self.go_to(self.step.saturating_sub(1));
    }

    fn go_to(&mut self, step: usize) {
        self.step = step.min(self.plan.steps.len());
        self.set = 0;
        self.spots = 0;
        self.timer = Timer::Ready;
    }

    /// For a stretch done on each side: which side this hold is on ("first" or "second"
    /// side), and which rep, from 1.
    #[must_use]
    pub fn set_label(&self) -> Option<String> {
        let Action::Stretch {
            reps, each_side, ..
        } = &self.current()?.action
        else {
            return None;
        };
        let (rep, side) = if *each_side {
            (
                self.set / 2 + 1,
                Some(if self.set.is_multiple_of(2) {
                    "first"
                } else {
                    "second"
                }),
            )
        } else {
            (self.set + 1, None)
        };
        Some(match side {
            Some(side) => format!("Rep {rep} of {reps}, {side} side"),
            None => format!("Rep {rep} of {reps}"),
        })
    }

    /// The breathing pacer while a hold counts: in for [`BREATH_IN_SECS`], out for
    /// [`BREATH_OUT_SECS`], moving in whole seconds like the countdown.
    #[must_use]
    pub fn breath(&self, now: f64) -> Option<Breath> {
        let Timer::Running { .. } = self.timer else {
            return None;
        };
        let cycle = BREATH_IN_SECS + BREATH_OUT_SECS;
        let t = self.elapsed(now).floor() % cycle;
        Some(if t < BREATH_IN_SECS {
            Breath {
                inhale: true,
                secs_left: whole(BREATH_IN_SECS - t),
                fullness: ((t + 1.0) / BREATH_IN_SECS) as f32,
            }
        } else {
            let out = t - BREATH_IN_SECS;
            Breath {
                inhale: false,
                secs_left: whole(BREATH_OUT_SECS - out),
                fullness: (1.0 - (out + 1.0) / BREATH_OUT_SECS) as f32,
            }
        })
    }

    /// When the display next changes: while a hold counts, at the next whole second of the
    /// countdown; otherwise never (nothing moves, so nothing needs drawing).
    #[must_use]
    pub fn repaint_in(&self, now: f64) -> Option<f64> {
        let Timer::Running { .. } = self.timer else {
            return None;
        };
        let elapsed = self.elapsed(now);
        let to_next_second = 1.0 - elapsed.fract();
        let to_end = self.remaining(now).unwrap_or(to_next_second);
        Some(to_next_second.min(to_end).max(0.01))
    }
}

#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // small whole seconds
fn whole(secs: f64) -> u32 {
    secs.round().max(0.0) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(actions: Vec<Action>) -> Plan {
        Plan {
            routine: None,
            name: "Test".into(),
            tool: "Ball".into(),
            position: "Sit".into(),
            cautions: Vec::new(),
            parts: vec![PlanPart {
                structure: "piriformis".into(),
                title: "Piriformis".into(),
                position: "Sit".into(),
                breathing: None,
                pressure: None,
            }],
            steps: actions
                .into_iter()
                .enumerate()
                .map(|(i, action)| PlanStep {
                    part: 0,
                    text: format!("step {i}"),
                    action,
                })
                .collect(),
        }
    }

    fn hold(min: u32, max: u32) -> Action {
        Action::Hold { range: (min, max) }
    }

    #[test]
    fn a_hold_is_chosen_within_its_range_and_starts_at_the_shortest() {
        let mut run = Run::new(plan(vec![hold(30, 90)]));
        assert_eq!(run.hold_secs(), Some(30));
        run.set_hold(200);
        assert_eq!(run.hold_secs(), Some(90), "clamped to the longest");
        run.set_hold(5);
        assert_eq!(run.hold_secs(), Some(30), "clamped to the shortest");
        run.adjust_hold(true);
        assert_eq!(run.hold_secs(), Some(45));
        for _ in 0..10 {
            run.adjust_hold(true);
        }
        assert_eq!(run.hold_secs(), Some(90));
        run.adjust_hold(false);
        assert_eq!(run.hold_secs(), Some(75));
    }

    #[test]
    fn an_untimed_step_has_no_timer() {
        let mut run = Run::new(plan(vec![Action::Untimed, hold(30, 90)]));
        assert_eq!(run.hold_secs(), None);
        run.start(0.0);
        assert_eq!(run.timer, Timer::Ready, "nothing to count");
        assert_eq!(run.repaint_in(0.0), None);
        run.set_hold(60);
        run.next();
        assert_eq!(
            run.hold_secs(),
            Some(30),
            "the next step keeps its own hold"
        );
    }

    #[test]
    fn the_hold_counts_pauses_and_resumes_on_the_given_clock() {
        let mut run = Run::new(plan(vec![hold(30, 90)]));
        run.start(100.0);
        assert_eq!(run.remaining(110.0), Some(20.0));
        assert_eq!(run.tick(110.0), None);
        run.pause(112.5);
        assert_eq!(
            run.remaining(500.0),
            Some(17.5),
            "paused time does not count"
        );
        assert_eq!(run.repaint_in(500.0), None, "no redraws while paused");
        assert_eq!(run.tick(500.0), None);
        run.resume(600.0);
        assert_eq!(run.remaining(607.5), Some(10.0));
        assert_eq!(run.tick(617.4), None);
        assert_eq!(run.tick(617.5), Some(RunEvent::HoldEnded));
        assert_eq!(run.timer, Timer::Done);
        assert_eq!(run.tick(620.0), None, "the end is announced once");
        assert_eq!(run.remaining(620.0), Some(0.0));
    }

    #[test]
    fn another_spot_repeats_the_hold_and_next_moves_on() {
        let mut run = Run::new(plan(vec![hold(30, 90), Action::Untimed]));
        run.start(0.0);
        run.tick(30.0);
        run.another_spot(40.0);
        assert_eq!(run.spots, 1);
        assert_eq!(run.remaining(50.0), Some(20.0));
        run.tick(70.0);
        run.next();
        assert_eq!((run.step, run.spots, run.timer), (1, 0, Timer::Ready));
        run.next();
        assert!(run.is_finished());
        assert!(run.current().is_none());
        run.skip();
        assert_eq!(run.step, 2, "never past the end");
    }

    #[test]
    fn skip_and_back_keep_the_order_of_steps() {
        let mut run = Run::new(plan(vec![hold(30, 90), hold(20, 30), Action::Untimed]));
        run.start(0.0);
        run.skip();
        assert_eq!(
            (run.step, run.timer),
            (1, Timer::Ready),
            "skip stops the timer"
        );
        run.skip();
        assert_eq!(run.current().unwrap().text, "step 2");
        run.back();
        run.back();
        run.back();
        assert_eq!(run.step, 0, "back stops at the first step");
    }

    #[test]
    fn a_stretch_is_held_for_each_rep_on_each_side() {
        let mut run = Run::new(plan(vec![
            Action::Stretch {
                name: "Figure-4".into(),
                range: (20, 30),
                reps: 2,
                each_side: true,
            },
            Action::Untimed,
        ]));
        let mut labels = Vec::new();
        let mut now = 0.0;
        while run.step == 0 {
            labels.push(run.set_label().unwrap());
            run.start(now);
            now += 20.0;
            assert_eq!(run.tick(now), Some(RunEvent::HoldEnded));
            run.next();
        }
        assert_eq!(
            labels,
            [
                "Rep 1 of 2, first side",
                "Rep 1 of 2, second side",
                "Rep 2 of 2, first side",
                "Rep 2 of 2, second side"
            ]
        );
        assert_eq!(run.step, 1);
    }

    #[test]
    fn the_pacer_breathes_in_for_four_and_out_for_six() {
        let mut run = Run::new(plan(vec![hold(30, 90)]));
        assert!(run.breath(0.0).is_none(), "no pacer before the hold starts");
        run.start(0.0);
        let phases: Vec<(bool, u32)> = (0..12)
            .map(|s| {
                let b = run.breath(f64::from(s) + 0.5).unwrap();
                (b.inhale, b.secs_left)
            })
            .collect();
        assert_eq!(
            phases,
            [
                (true, 4),
                (true, 3),
                (true, 2),
                (true, 1),
                (false, 6),
                (false, 5),
                (false, 4),
                (false, 3),
                (false, 2),
                (false, 1),
                (true, 4),
                (true, 3)
            ]
        );
        assert!((run.breath(3.5).unwrap().fullness - 1.0).abs() < 1e-6);
        assert!(run.breath(9.5).unwrap().fullness.abs() < 1e-6);
    }

    #[test]
    fn it_asks_to_be_redrawn_once_a_second_while_counting_only() {
        let mut run = Run::new(plan(vec![hold(30, 90)]));
        assert_eq!(run.repaint_in(0.0), None);
        run.start(10.0);
        let wait = run.repaint_in(10.25).unwrap();
        assert!((wait - 0.75).abs() < 1e-9, "{wait}");
        run.tick(40.0);
        assert_eq!(run.repaint_in(41.0), None, "done: nothing moves");
    }
}
