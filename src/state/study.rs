//! Study mode: starting a round, answering, moving on, recording progress.

use super::AppState;
use super::command::Effect;
use super::mode::{Mode, Study};
use super::userdata::ZoneOnFoot;
use crate::model::content::Side;
use crate::model::quiz::{Question, Quiz};

/// Questions in a round.
pub const ROUND_LENGTH: usize = 10;

impl AppState {
    pub(super) fn start_study(&mut self) {
        let Some(atlas) = self.atlas.clone() else {
            return;
        };
        // Each round draws its questions from the next seed: injected at start, so tests and
        // demonstrations take the same path every run.
        let seed = self.study_seed;
        self.study_seed = self.study_seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let Some(quiz) = Quiz::new(&atlas, ROUND_LENGTH, seed) else {
            return;
        };
        self.mode = Mode::Study(Study { quiz });
        self.show_question();
    }

    /// Switches to the question's view and highlights what it shows.
    fn show_question(&mut self) {
        self.linked.clear();
        self.set_selection(None);
        let Some(question) = self.mode.quiz().and_then(Quiz::question).cloned() else {
            return;
        };
        let target = question.target().clone();
        if self
            .atlas
            .as_ref()
            .is_some_and(|a| a.view_index(&target.view).is_some())
        {
            self.prefs.view = Some(target.view.clone());
        }
        match question {
            Question::Identify { .. } => {
                self.highlight_target(&target.zone, target.side, &target.view);
            }
            Question::Find(_) => self.glide_to_whole(&target.view),
        }
    }

    fn highlight_target(&mut self, zone: &str, side: Side, view_id: &str) {
        let Some(atlas) = self.atlas.clone() else {
            return;
        };
        let ids: Vec<String> = atlas
            .regions_of_zones(&[zone], Some(side))
            .into_iter()
            .filter(|r| atlas.views.get(r.view).is_some_and(|v| v.id == view_id))
            .filter_map(|r| atlas.region(r).map(|r| r.id.clone()))
            .collect();
        self.reveal_regions(&ids, super::Reveal::Highlight);
    }

    pub(super) fn study_answer_region(&mut self, region_id: &str) -> Option<Effect> {
        let atlas = self.atlas.clone()?;
        let r = atlas.find_region(region_id)?;
        let (view, region) = (atlas.views.get(r.view)?, atlas.region(r)?);
        let Mode::Study(study) = &mut self.mode else {
            return None;
        };
        study
            .quiz
            .answer_region(&view.id, region_id, region.zone.as_deref(), region.side)?;
        let target = study.quiz.question().map(|q| q.target().clone());
        if let Some(t) = target {
            self.highlight_target(&t.zone, t.side, &t.view);
        }
        self.set_selection(Some(super::Selection::Region(region_id.to_owned())));
        self.record_if_finished()
    }

    pub(super) fn study_choice(&mut self, index: usize) -> Option<Effect> {
        let Mode::Study(study) = &mut self.mode else {
            return None;
        };
        study.quiz.answer_choice(index)?;
        self.record_if_finished()
    }

    pub(super) fn study_next(&mut self) {
        if let Mode::Study(study) = &mut self.mode {
            study.quiz.next();
        }
        self.show_question();
    }

    pub(super) fn end_study(&mut self) {
        self.mode = Mode::Browse;
        self.linked.clear();
        self.set_selection(None);
    }

    /// After the last answer, the round goes into the progress kept between runs.
    fn record_if_finished(&mut self) -> Option<Effect> {
        let quiz = self.mode.quiz()?;
        if quiz.answers.len() != quiz.questions.len() || quiz.answers.is_empty() {
            return None;
        }
        let score = u32::try_from(quiz.score()).unwrap_or(u32::MAX);
        let total = u32::try_from(quiz.questions.len()).unwrap_or(u32::MAX);
        let missed: Vec<ZoneOnFoot> = quiz.missed().into_iter().map(ZoneOnFoot::from).collect();
        self.user.study.record(score, total, missed);
        Some(Effect::SaveUserData)
    }
}
