//! The app's modes. Each mode decides what a region event means and what the diagram may
//! show; later modes (consultation, guided routine) join this enum.

use super::consult::Consult;
use crate::model::quiz::{Question, Quiz};

/// What the app is being used for right now.
#[derive(Clone, Debug, Default)]
pub enum Mode {
    /// Reading the atlas: clicking selects, the detail panel shows the selection.
    #[default]
    Browse,
    /// A study round on the foot reflex zones: clicking answers the question.
    Study(Study),
    /// A consultation: the diagram fills the screen, clicks place pain markers, point or draw.
    Consult(Box<Consult>),
}

/// A study round in progress.
#[derive(Clone, Debug)]
pub struct Study {
    pub quiz: Quiz,
}

impl Mode {
    /// Whether region names (labels on the diagram, tooltips, accessibility labels) must be
    /// hidden: in study mode, for every question type, until the question is answered.
    #[must_use]
    pub fn conceals_names(&self) -> bool {
        match self {
            Self::Browse | Self::Consult(_) => false,
            Self::Study(study) => {
                !study.quiz.is_finished()
                    && study.quiz.question().is_some()
                    && study.quiz.feedback().is_none()
            }
        }
    }

    /// Whether keyboard focus on a region selects it. In study mode only Enter answers, so that
    /// moving through the map gives nothing away.
    #[must_use]
    pub fn focus_selects(&self) -> bool {
        matches!(self, Self::Browse)
    }

    /// The study round, in study mode.
    #[must_use]
    pub fn quiz(&self) -> Option<&Quiz> {
        match self {
            Self::Study(study) => Some(&study.quiz),
            Self::Browse | Self::Consult(_) => None,
        }
    }

    /// The consultation, in consultation mode.
    #[must_use]
    pub fn consult(&self) -> Option<&Consult> {
        match self {
            Self::Consult(c) => Some(c),
            Self::Browse | Self::Study(_) => None,
        }
    }

    /// The question waiting for an answer, in study mode.
    #[must_use]
    pub fn open_question(&self) -> Option<&Question> {
        self.quiz()
            .filter(|q| q.feedback().is_none())
            .and_then(Quiz::question)
    }
}
