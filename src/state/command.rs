//! Everything the UI can ask for, and what the platform must do after a command.
//!
//! UI code reads [`super::AppState`] and pushes [`Command`]s; [`super::AppState::apply`] is the
//! only place state changes. Work that needs the platform (reading files, moving keyboard focus)
//! comes back as an [`Effect`] for the app to carry out.

use std::path::PathBuf;

use super::camera::Camera;
use super::consult::{MarkerEdit, SessionText, Tool};
use crate::session::{PainKind, RegionMark, SelfCare, Session};

/// What happened to a region on the diagram. The mode decides what it means: in Browse an
/// activated region is selected, in Study it answers the question.
#[derive(Clone, Debug, PartialEq)]
pub enum RegionEvent {
    /// Clicked, or Enter on its focus stop.
    Activated(String),
    /// Keyboard focus moved onto it (Tab or the arrow keys).
    Focused(String),
    /// A click on the diagram that hit no region.
    ActivatedNothing,
}

/// A change requested by the UI.
#[must_use]
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Switch to a view by id.
    ShowView(String),
    /// Something happened to a region on the diagram.
    Region(RegionEvent),
    /// Clear the selection (Escape).
    ClearSelection,
    /// Select a region anywhere: switch to its view, show its layer and zoom to it.
    Reveal(String),
    /// Open a structure's page: on the diagram when it has a region, else the page alone (a
    /// group such as the hamstrings).
    OpenStructure(String),
    /// Show linked regions (a zone's body parts, or a structure's foot zones): switch to the
    /// view holding most of them, show their layers, select the first, highlight the others.
    ShowLinked(Vec<String>),
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
    /// Set the current view's zoom and pan (the user dragged or scrolled: no animation).
    SetCamera(Camera),
    /// Back to the whole figure (animated).
    ResetCamera,
    /// Frame the selected muscle together with its referred-pain pattern (animated).
    FramePattern,
    /// The screen rectangle the diagram was given (to zoom selections to fit it).
    SetViewport(emath::Rect),
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
    /// Put keyboard focus on the diagram (its first region).
    FocusDiagram,
    /// Start a new study round (foot reflex zones).
    StartStudy,
    /// Answer the shown "what does this zone correspond to?" question with a choice.
    StudyChoice(usize),
    /// Go on to the next question.
    StudyNext,
    /// Leave study mode (back to browsing).
    EndStudy,
    /// Hide the oldest notice under the top bar.
    DismissNotice,
    /// Something in the sciatica guide.
    Guide(GuideCommand),
    /// Start a guided routine: first the red flags, then the steps.
    StartRoutine(RoutineSource),
    /// Something in the routine being followed.
    Routine(RoutineCommand),
    /// Start consultation mode with a session (a new one when `None`), and its row in the
    /// client records when it came from there.
    StartConsult(Option<(Session, Option<i64>)>),
    /// Leave consultation mode: everything is as it was before it started.
    EndConsult,
    /// Start a new consultation, or leave the one going on (F11).
    ToggleConsult,
    /// Consultation mode's own commands.
    Consult(ConsultCommand),
    /// Show a message under the top bar.
    Notify(String),
}

/// What a routine is made from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RoutineSource {
    /// A routine from `routines.ron`, by id.
    Routine(String),
    /// A structure's own self-massage steps and stretches, by structure id.
    Structure(String),
}

/// Commands of guide mode.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GuideCommand {
    /// Open the guide (at the section given, or where it was left) or close it.
    Open(Option<String>),
    Close,
    /// Show a section by id.
    Section(String),
    /// Pick or unpick a symptom in the symptom finder; the diagram highlights what is worth a
    /// look.
    ToggleSymptom(String),
    /// Back from a structure's page to the guide.
    Back,
    /// Show a course of the sciatic nerve: switch to the view and choose its layer.
    ShowVariant {
        view: String,
        layer: String,
    },
    /// Highlight structures on the diagram (an item's links).
    Highlight(Vec<String>),
    /// Show the treatment plan large, for a client, or back to the panel.
    Present(bool),
}

/// Commands of routine mode. Time comes from the state's clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoutineCommand {
    /// The red flags are read: begin the first step.
    Begin,
    /// Start the hold of the current step.
    StartHold,
    Pause,
    Resume,
    /// On to the next hold or step.
    Next,
    /// Straight to the next step.
    Skip,
    /// Back to the previous step.
    Back,
    /// The same hold again at another spot of the muscle.
    AnotherSpot,
    /// A longer or shorter hold, within the step's range.
    Longer,
    Shorter,
    /// The clock may have moved: end a hold whose time is up.
    Tick,
    /// Leave the routine.
    End,
}

/// What consultation mode can be asked to do.
#[derive(Clone, Debug, PartialEq)]
pub enum ConsultCommand {
    Tool(Tool),
    /// The kind the next marker takes (and the marking tool in hand).
    NextKind(PainKind),
    /// Place a pain marker at a diagram point of the current view.
    PlaceMarker {
        at: emath::Pos2,
        kind: PainKind,
    },
    /// Move a marker to a diagram point of the current view.
    MoveMarker {
        index: usize,
        at: emath::Pos2,
    },
    EditMarker {
        index: usize,
        edit: MarkerEdit,
    },
    DeleteMarker(usize),
    SelectMarker(Option<usize>),
    /// A finished pen stroke, in diagram coordinates of the current view.
    Stroke(Vec<emath::Pos2>),
    UndoStroke,
    ClearStrokes,
    MarkRegion {
        region: String,
        mark: RegionMark,
    },
    ToggleSelfCare(SelfCare),
    Text(SessionText),
    ShowClinical(bool),
    ShowPanel(bool),
    /// Save the session to the client records now.
    Save,
    /// Write the handout (PDF or PNG by the extension) for the session.
    ExportHandout {
        path: PathBuf,
        paper: crate::handout::Paper,
    },
    /// Write the session as a RON file.
    ExportSession(PathBuf),
    /// Read a session from a RON file and open it.
    ImportSession(PathBuf),
    /// Open a session from the client records.
    OpenRecord(i64),
    /// Search the client records by client.
    Search(String),
    /// Show a session of the client's history beside the current one (`None` to stop).
    Compare(Option<i64>),
    /// Protect the client records with this passphrase (or change it).
    SetPassphrase(String),
}

/// Platform work a command asks for, carried out by the app after `apply`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Read the content again.
    Reload,
    /// Move keyboard focus to the search field.
    FocusSearch,
    /// Move keyboard focus to the diagram.
    FocusDiagram,
    /// The user data changed in a way worth saving now (a study round finished).
    SaveUserData,
    /// A hold ended: draw the person's attention (the window flashes if it is not in front).
    HoldEnded,
    /// Consultation mode started or ended: go full screen or back.
    Fullscreen(bool),
    /// Work on the client records or files that consultation mode asked for.
    Records(RecordsRequest),
}

/// Consultation work that needs the platform (the database, files).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordsRequest {
    /// Save the session now.
    Save,
    /// Read the lists again (recent, history of the client, search results).
    Refresh,
    Open(i64),
    Compare(i64),
    ExportHandout {
        path: PathBuf,
        paper: crate::handout::Paper,
    },
    ExportSession(PathBuf),
    ImportSession(PathBuf),
    SetPassphrase(String),
}
