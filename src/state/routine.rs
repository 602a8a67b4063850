//! Routine mode: starting a guided routine (red flags first), following its steps with hold
//! timers on the state's clock, and showing each part's structure on the diagram.

use super::command::{Effect, RoutineCommand, RoutineSource};
use super::mode::{Mode, RoutineState};
use super::{AppState, Reveal, Selection, first_region_of};
use crate::model::routine::{Plan, Run, RunEvent};

impl AppState {
    /// Starts a routine at its red-flag check: no timer runs until the person begins.
    pub(super) fn start_routine(&mut self, source: &RoutineSource) {
        let Some(atlas) = self.atlas.clone() else {
            return;
        };
        let plan = match source {
            RoutineSource::Routine(id) => atlas
                .routine(id)
                .and_then(|r| Plan::from_routine(r, &atlas)),
            RoutineSource::Structure(id) => atlas.structure(id).and_then(Plan::from_structure),
        };
        let Some(plan) = plan else { return };
        let back_to = match &self.mode {
            Mode::Guide(guide) => Some(guide.clone()),
            Mode::Routine(routine) => routine.back_to.clone(),
            Mode::Browse | Mode::Study(_) => None,
            // A consultation keeps its session: a routine is started outside it.
            Mode::Consult(_) => return,
        };
        self.mode = Mode::Routine(Box::new(RoutineState {
            run: Run::new(plan),
            begun: false,
            back_to,
        }));
        self.show_routine_part();
    }

    pub(super) fn routine_command(&mut self, command: RoutineCommand) -> Option<Effect> {
        if command == RoutineCommand::End {
            self.end_routine();
            return None;
        }
        let now = self.clock.now_secs();
        let Mode::Routine(routine) = &mut self.mode else {
            return None;
        };
        let part = routine.run.current().map(|s| s.part);
        let run = &mut routine.run;
        let mut effect = None;
        match command {
            RoutineCommand::Begin => routine.begun = true,
            // Nothing runs before the red flags have been read.
            _ if !routine.begun => return None,
            RoutineCommand::StartHold => run.start(now),
            RoutineCommand::Pause => run.pause(now),
            RoutineCommand::Resume => run.resume(now),
            RoutineCommand::Next => run.next(),
            RoutineCommand::Skip => run.skip(),
            RoutineCommand::Back => run.back(),
            RoutineCommand::AnotherSpot => run.another_spot(now),
            RoutineCommand::Longer => run.adjust_hold(true),
            RoutineCommand::Shorter => run.adjust_hold(false),
            RoutineCommand::Tick => {
                if run.tick(now) == Some(RunEvent::HoldEnded) {
                    effect = Some(Effect::HoldEnded);
                }
            }
            RoutineCommand::End => {}
        }
        if routine.run.current().map(|s| s.part) != part {
            self.show_routine_part();
        }
        effect
    }

    /// Back to where the routine was started from: the guide, or browsing with the last
    /// structure worked still selected.
    fn end_routine(&mut self) {
        let Mode::Routine(routine) = &self.mode else {
            return;
        };
        match routine.back_to.clone() {
            Some(guide) => {
                self.mode = Mode::Guide(guide);
                self.set_selection(None);
                self.highlight_symptoms();
            }
            None => {
                self.mode = Mode::Browse;
                self.linked.clear();
            }
        }
    }

    /// The current part's structure selected on the diagram (its left side; a group shows its
    /// muscles, the first selected and the rest highlighted).
    fn show_routine_part(&mut self) {
        let Some(atlas) = self.atlas.clone() else {
            return;
        };
        let Mode::Routine(routine) = &self.mode else {
            return;
        };
        let run = &routine.run;
        let step = run.step.min(run.plan.steps.len().saturating_sub(1));
        let Some(part) = run.plan.part_of(step) else {
            return;
        };
        let shown = self.regions_to_show(&atlas, std::slice::from_ref(&part.structure));
        // The left side of the first muscle first: it is the one selected.
        let mut ids: Vec<String> = atlas
            .drawn_parts(&part.structure)
            .iter()
            .filter_map(|p| first_region_of(&atlas, p))
            .filter(|id| shown.contains(id))
            .take(1)
            .collect();
        for id in shown {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        self.linked.clear();
        if ids.is_empty() {
            self.set_selection(Some(Selection::Structure(part.structure.clone())));
        } else {
            self.reveal_regions(&ids, Reveal::Select);
        }
    }
}
