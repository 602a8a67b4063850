//! Study mode: starting a round, answering, moving on, recording progress.

use super::AtlasApp;
use crate::model::content::Side;
use crate::model::quiz::{Question, Quiz};

/// Questions in a round.
pub const ROUND_LENGTH: usize = 10;

impl AtlasApp {
    pub(super) fn start_quiz(&mut self) {
        let Some(atlas) = self.atlas.clone() else {
            return;
        };
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| u64::from(d.subsec_nanos()) ^ d.as_secs());
        self.quiz = Quiz::new(&atlas, ROUND_LENGTH, seed);
        self.selected = None;
        self.show_question();
    }

    /// Switches to the question's view and highlights what it shows.
    fn show_question(&mut self) {
        self.linked.clear();
        self.selected = None;
        let Some(question) = self.quiz.as_ref().and_then(Quiz::question).cloned() else {
            return;
        };
        let target = question.target().clone();
        if self
            .atlas
            .as_ref()
            .is_some_and(|a| a.view_index(&target.view).is_some())
        {
            self.settings.view = Some(target.view.clone());
        }
        if let Question::Identify { .. } = question {
            self.highlight_target(&target.zone, target.side, &target.view);
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
        self.reveal_regions(&ids);
        self.linked = ids;
    }

    pub(super) fn quiz_answer_region(&mut self, region_id: &str) {
        let Some(atlas) = self.atlas.clone() else {
            return;
        };
        let Some(r) = atlas.find_region(region_id) else {
            return;
        };
        let (Some(view), Some(region)) = (atlas.views.get(r.view), atlas.region(r)) else {
            return;
        };
        let Some(quiz) = self.quiz.as_mut() else {
            return;
        };
        if quiz
            .answer_region(&view.id, region_id, region.zone.as_deref(), region.side)
            .is_none()
        {
            return;
        }
        let target = quiz.question().map(|q| q.target().clone());
        self.selected = Some(region_id.to_owned());
        if let Some(t) = target {
            self.highlight_target(&t.zone, t.side, &t.view);
            self.selected = Some(region_id.to_owned());
        }
        self.record_if_finished();
    }

    pub(super) fn quiz_choice(&mut self, index: usize) {
        if self
            .quiz
            .as_mut()
            .and_then(|q| q.answer_choice(index))
            .is_some()
        {
            self.record_if_finished();
        }
    }

    pub(super) fn quiz_next(&mut self) {
        if let Some(quiz) = self.quiz.as_mut() {
            quiz.next();
        }
        self.show_question();
    }

    /// After the last answer, the round goes into the progress kept between runs.
    fn record_if_finished(&mut self) {
        let Some(quiz) = &self.quiz else { return };
        if quiz.answers.len() != quiz.questions.len() || quiz.answers.is_empty() {
            return;
        }
        let score = u32::try_from(quiz.score()).unwrap_or(u32::MAX);
        let total = u32::try_from(quiz.questions.len()).unwrap_or(u32::MAX);
        let missed: Vec<String> = quiz
            .missed()
            .into_iter()
            .map(|t| format!("{}/{}", t.zone, t.side.word()))
            .collect();
        self.settings.study.record(score, total, missed);
    }
}
