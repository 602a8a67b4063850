//! Everything the UI can ask for. UI code emits commands; [`super::AtlasApp::apply`] is the only
//! place that changes state.

use crate::ui::camera::Camera;

/// A change requested by the UI.
#[must_use]
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Switch to a view by id.
    ShowView(String),
    /// Select a region by id (or clear the selection) without moving the diagram.
    Select(Option<String>),
    /// Select a region anywhere: switch to its view, show its layer and bring it into view.
    Reveal(String),
    /// Show or hide a layer.
    SetLayerVisible {
        view: String,
        layer: String,
        visible: bool,
    },
    /// Change a layer's opacity.
    SetLayerOpacity {
        view: String,
        layer: String,
        opacity: f32,
    },
    /// Set the current view's zoom and pan.
    SetCamera(Camera),
    /// Back to the whole figure.
    ResetCamera,
    /// Light or dark theme.
    SetDark(bool),
    /// Show names on the diagram.
    SetLabels(bool),
    /// Read the content files again (the last good content stays on any problem).
    Reload,
    /// Open or close the safety window.
    ShowSafety(bool),
    /// Put keyboard focus in the search field.
    FocusSearch,
    /// Show linked regions (a zone's body parts, or a structure's foot zones): switch to the
    /// view holding most of them, show their layers, select the first, highlight the others.
    ShowLinked(Vec<String>),
    /// Start a new study round (foot reflex zones).
    StartQuiz,
    /// Answer the shown "what does this zone correspond to?" question with a choice.
    QuizChoice(usize),
    /// Go on to the next question.
    QuizNext,
    /// Leave study mode.
    EndQuiz,
    /// Hide the one-off notice under the top bar.
    DismissNotice,
}
