//! The app's modes. Each mode decides what a region event means and what the diagram may
//! show; later modes (consultation) join this enum.

use super::consult::Consult;
use crate::model::quiz::{Question, Quiz};
use crate::model::routine::Run;

/// What the app is being used for right now.
#[derive(Clone, Debug, Default)]
pub enum Mode {
    /// Reading the atlas: clicking selects, the detail panel shows the selection.
    #[default]
    Browse,
    /// A study round on the foot reflex zones: clicking answers the question.
    Study(Study),
    /// Reading the sciatica guide: its sections in the side panel, its links and the symptom
    /// finder highlighting structures on the diagram; clicking a region opens its page.
    Guide(GuideState),
    /// Following a guided self-massage routine: the diagram shows the structure being worked,
    /// clicks do not change it.
    Routine(Box<RoutineState>),
    /// A consultation: the diagram fills the screen, clicks place pain markers, point or draw.
    Consult(Box<Consult>),
}

/// The guide as the person left it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GuideState {
    /// The section shown (a section id).
    pub section: String,
    /// The symptoms picked in the symptom finder (symptom ids, in the guide's order).
    pub picked: Vec<String>,
    /// What the side panel shows.
    pub page: GuidePage,
    /// The treatment plan shown large, for a client.
    pub presenting: bool,
}

/// What the side panel shows in guide mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GuidePage {
    /// The guide's sections.
    Guide,
    /// The page of the structure selected from the guide (with a way back).
    Structure,
}

/// A routine in progress.
#[derive(Clone, Debug)]
pub struct RoutineState {
    pub run: Run,
    /// Whether the person has read the red flags and begun; until then no timer runs.
    pub begun: bool,
    /// Where to go back to when the routine ends.
    pub back_to: Option<GuideState>,
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
            Self::Browse | Self::Guide(_) | Self::Routine(_) | Self::Consult(_) => false,
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
        matches!(self, Self::Browse | Self::Guide(_))
    }

    /// The routine in progress, in routine mode.
    #[must_use]
    pub fn routine(&self) -> Option<&RoutineState> {
        match self {
            Self::Routine(routine) => Some(routine),
            _ => None,
        }
    }

    /// The guide's state, in guide mode.
    #[must_use]
    pub fn guide(&self) -> Option<&GuideState> {
        match self {
            Self::Guide(guide) => Some(guide),
            _ => None,
        }
    }

    /// The study round, in study mode.
    #[must_use]
    pub fn quiz(&self) -> Option<&Quiz> {
        match self {
            Self::Study(study) => Some(&study.quiz),
            Self::Browse | Self::Guide(_) | Self::Routine(_) | Self::Consult(_) => None,
        }
    }

    /// The consultation, in consultation mode.
    #[must_use]
    pub fn consult(&self) -> Option<&Consult> {
        match self {
            Self::Consult(c) => Some(c),
            Self::Browse | Self::Study(_) | Self::Guide(_) | Self::Routine(_) => None,
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
