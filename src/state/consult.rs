//! Consultation mode: the therapist faces the client, shows where the problem is and records
//! what the client reports. Its data lives here, in [`Consult`]; the state it replaced is kept
//! in [`Restore`] so leaving brings back exactly what was there.

use std::collections::HashMap;

use emath::Pos2;

use super::{Preferences, Selection, ViewCamera};
use crate::model::content::Side;
use crate::model::{Atlas, PreparedView};
use crate::records::SessionSummary;
use crate::session::{Marker, PainKind, PenStroke, RegionMark, SelfCare, Session};

/// What a press on the diagram does in consultation mode.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tool {
    /// A laser-pointer dot follows the pointer; a click names the part (plain words first).
    #[default]
    Point,
    /// Click to place a pain marker, drag one to move it, click one to edit it.
    Mark,
    /// Freehand drawing; the strokes belong to the session.
    Pen,
    /// Click a region to mark it to treat (again to clear).
    Treat,
    /// Click a region to mark it to avoid (again to clear).
    Avoid,
}

impl Tool {
    /// Every tool, in the order of the bar.
    pub const ALL: [Self; 5] = [Self::Point, Self::Mark, Self::Pen, Self::Treat, Self::Avoid];

    /// Its button label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Point => "Point",
            Self::Mark => "Mark pain",
            Self::Pen => "Pen",
            Self::Treat => "Treat",
            Self::Avoid => "Avoid",
        }
    }

    /// What it does, for the tooltip.
    #[must_use]
    pub fn hint(self) -> &'static str {
        match self {
            Self::Point => "A pointer the client can follow; click a part to name it",
            Self::Mark => "Click where it hurts to place a marker; drag a marker to move it",
            Self::Pen => "Draw on the diagram; the drawing is kept with the session",
            Self::Treat => "Click a part to mark it to work on",
            Self::Avoid => "Click a part to mark it to leave alone",
        }
    }
}

/// The state consultation mode replaced, given back on leaving.
#[derive(Clone, Debug)]
pub struct Restore {
    pub prefs: Preferences,
    pub cameras: HashMap<String, ViewCamera>,
    pub selection: Option<Selection>,
    pub linked: Vec<String>,
    /// The selection's serial, so the detail page keeps its place.
    pub serial: u64,
    /// The guide as it was, when the consultation started from it.
    pub guide: Option<super::GuideState>,
}

/// One change to a marker.
#[derive(Clone, Debug, PartialEq)]
pub enum MarkerEdit {
    Kind(PainKind),
    Intensity(u8),
    Side(Side),
    Note(String),
}

/// A change to the session's text fields.
#[derive(Clone, Debug, PartialEq)]
pub enum SessionText {
    Client(String),
    Date(crate::session::SessionDate),
    Notes(String),
    ClientNotes(String),
}

/// What the client records database is doing, as the consultation panel shows it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RecordsView {
    /// Whether records can be saved (the database is open).
    pub open: bool,
    /// The most recent sessions, newest first.
    pub recent: Vec<SessionSummary>,
    /// The search typed, and the sessions of matching clients.
    pub search: String,
    pub found: Vec<SessionSummary>,
    /// The current client's sessions, oldest first (the progress plot).
    pub history: Vec<SessionSummary>,
    /// A session shown beside the current one (its pain map), with its date.
    pub compare: Option<Session>,
}

/// Consultation mode's data.
#[derive(Clone, Debug)]
pub struct Consult {
    pub session: Session,
    /// The session's row in the client records, once saved.
    pub record: Option<i64>,
    pub tool: Tool,
    /// The kind a new marker takes.
    pub next_kind: PainKind,
    /// The marker being edited.
    pub selected_marker: Option<usize>,
    /// Origin, insertion and nerve supply shown (hidden unless asked for).
    pub show_clinical: bool,
    /// The session panel beside the diagram (collapsible, so the diagram can take the screen).
    pub panel: bool,
    /// Changes since the last save to the records.
    pub dirty: bool,
    /// Strokes taken away by "Clear", so that undo can bring them back.
    cleared: Vec<Vec<PenStroke>>,
    /// What undo takes back, most recent last.
    undo: Vec<UndoStep>,
    pub records: RecordsView,
    pub restore: Restore,
}

/// One step undo takes back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum UndoStep {
    /// A stroke was drawn.
    Stroke,
    /// The strokes were cleared.
    Clear,
}

/// How near (in screen points) a press must be to a marker to take it.
pub const MARKER_REACH_PX: f32 = 14.0;

impl Consult {
    /// Starts a consultation on `session`, keeping what it replaces.
    #[must_use]
    pub fn new(session: Session, record: Option<i64>, restore: Restore) -> Self {
        Self {
            session,
            record,
            tool: Tool::default(),
            next_kind: PainKind::Ache,
            selected_marker: None,
            show_clinical: false,
            panel: true,
            dirty: false,
            cleared: Vec::new(),
            undo: Vec::new(),
            records: RecordsView::default(),
            restore,
        }
    }

    /// Places a marker at a diagram point of `view`; the region it falls on is found with the
    /// diagram's hit-testing (`region`), and the side from that region or, on the midline or off
    /// the body, from the half of the figure it is in. Returns its index.
    pub fn place_marker(
        &mut self,
        view: &PreparedView,
        at: Pos2,
        region: Option<usize>,
        kind: PainKind,
    ) -> usize {
        let (region_id, side) = region_and_side(view, at, region);
        self.session.markers.push(Marker {
            kind,
            intensity: 5,
            side,
            view: view.id.clone(),
            at: (at.x, at.y),
            region: region_id,
            note: String::new(),
        });
        self.dirty = true;
        let index = self.session.markers.len() - 1;
        self.selected_marker = Some(index);
        index
    }

    /// Moves a marker; its region and side follow.
    pub fn move_marker(
        &mut self,
        index: usize,
        view: &PreparedView,
        at: Pos2,
        region: Option<usize>,
    ) {
        let (region_id, side) = region_and_side(view, at, region);
        if let Some(m) = self.session.markers.get_mut(index)
            && m.view == view.id
        {
            m.at = (at.x, at.y);
            m.region = region_id;
            m.side = side;
            self.dirty = true;
        }
    }

    /// Changes a marker.
    pub fn edit_marker(&mut self, index: usize, edit: MarkerEdit) {
        let Some(m) = self.session.markers.get_mut(index) else {
            return;
        };
        match edit {
            MarkerEdit::Kind(kind) => m.kind = kind,
            MarkerEdit::Intensity(i) => m.intensity = i.min(crate::session::MAX_INTENSITY),
            MarkerEdit::Side(side) => m.side = side,
            MarkerEdit::Note(note) => m.note = note,
        }
        self.dirty = true;
    }

    /// Deletes a marker.
    pub fn delete_marker(&mut self, index: usize) {
        if index < self.session.markers.len() {
            self.session.markers.remove(index);
            self.selected_marker = match self.selected_marker {
                Some(s) if s == index => None,
                Some(s) if s > index => Some(s - 1),
                other => other,
            };
            self.dirty = true;
        }
    }

    /// Keeps a finished pen stroke (two points at least).
    pub fn add_stroke(&mut self, view: &str, points: Vec<Pos2>) {
        if points.len() < 2 || points.iter().any(|p| !p.is_finite()) {
            return;
        }
        self.session.strokes.push(PenStroke {
            view: view.to_owned(),
            points: points.into_iter().map(|p| (p.x, p.y)).collect(),
        });
        self.undo.push(UndoStep::Stroke);
        self.dirty = true;
    }

    /// Takes back the last stroke drawn, or the last clear.
    pub fn undo_stroke(&mut self) {
        match self.undo.pop() {
            Some(UndoStep::Stroke) => {
                self.session.strokes.pop();
            }
            Some(UndoStep::Clear) => {
                if let Some(strokes) = self.cleared.pop() {
                    self.session.strokes = strokes;
                }
            }
            None => return,
        }
        self.dirty = true;
    }

    /// Whether there is a drawing step to undo.
    #[must_use]
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Clears every stroke (undo brings them back).
    pub fn clear_strokes(&mut self) {
        if self.session.strokes.is_empty() {
            return;
        }
        self.cleared.push(std::mem::take(&mut self.session.strokes));
        self.undo.push(UndoStep::Clear);
        self.dirty = true;
    }

    /// Marks a region to treat or avoid (again to clear).
    pub fn toggle_region(&mut self, region: &str, mark: RegionMark) {
        self.session.toggle_region(region, mark);
        self.dirty = true;
    }

    /// Chooses a self-care item, or takes it off the list.
    pub fn toggle_self_care(&mut self, item: SelfCare) {
        self.session.toggle_self_care(item);
        self.dirty = true;
    }

    /// Changes the client, date or notes.
    pub fn set_text(&mut self, text: SessionText) {
        match text {
            SessionText::Client(c) => self.session.client = c,
            SessionText::Date(d) => self.session.date = d,
            SessionText::Notes(n) => self.session.notes = n,
            SessionText::ClientNotes(n) => self.session.client_notes = n,
        }
        self.dirty = true;
    }
}

/// The region at a point (its id) and the side of the body there.
fn region_and_side(view: &PreparedView, at: Pos2, region: Option<usize>) -> (Option<String>, Side) {
    let region = region.and_then(|i| view.regions.get(i));
    let side = match region.map(|r| r.side) {
        Some(side @ (Side::Left | Side::Right)) => side,
        _ => side_at(view, at),
    };
    (region.map(|r| r.id.clone()), side)
}

/// Which side of the body a point is on: the half of the figure where that side's regions are
/// drawn (the person's left is on the viewer's left from behind, on the right from the front).
#[must_use]
pub fn side_at(view: &PreparedView, at: Pos2) -> Side {
    let left_on_viewers_left = view
        .regions
        .iter()
        .find(|r| r.side == Side::Left)
        .is_none_or(|r| r.bbox.center().x < view.midline_x);
    if (at.x < view.midline_x) == left_on_viewers_left {
        Side::Left
    } else {
        Side::Right
    }
}

/// A new session's self-care choices that exist in the content (a session read from a file may
/// name items a pack no longer has: they stay, and `check` reports them).
#[must_use]
pub fn offered_self_care(atlas: &Atlas) -> Vec<SelfCare> {
    crate::session::self_care_offered(atlas)
}

impl super::AppState {
    /// The consultation, in consultation mode.
    #[must_use]
    pub fn consult(&self) -> Option<&Consult> {
        self.mode.consult()
    }

    fn consult_mut(&mut self) -> Option<&mut Consult> {
        match &mut self.mode {
            super::Mode::Consult(c) => Some(c),
            _ => None,
        }
    }

    /// Enters consultation mode (from browsing), keeping what it replaces; in consultation mode,
    /// opens another session in its place.
    pub(super) fn start_consult(
        &mut self,
        session: Option<(Session, Option<i64>)>,
    ) -> Option<super::Effect> {
        let (session, record) = session
            .unwrap_or_else(|| (Session::new("", crate::session::SessionDate::today()), None));
        match &mut self.mode {
            super::Mode::Consult(c) => {
                let restore = c.restore.clone();
                let records = std::mem::take(&mut c.records);
                let mut next = Consult::new(session, record, restore);
                next.records = RecordsView {
                    compare: None,
                    history: Vec::new(),
                    ..records
                };
                next.tool = c.tool;
                next.next_kind = c.next_kind;
                next.panel = c.panel;
                self.mode = super::Mode::Consult(Box::new(next));
                self.show_markers_view();
                Some(super::Effect::Records(super::RecordsRequest::Refresh))
            }
            // A study round or a routine in progress is ended first, not interrupted.
            super::Mode::Study(_) | super::Mode::Routine(_) => None,
            super::Mode::Browse | super::Mode::Guide(_) => {
                let guide = match &self.mode {
                    super::Mode::Guide(guide) => Some(guide.clone()),
                    _ => None,
                };
                let restore = Restore {
                    prefs: self.prefs.clone(),
                    cameras: self.cameras.clone(),
                    selection: self.selection.clone(),
                    linked: self.linked.clone(),
                    serial: self.selection_serial,
                    guide,
                };
                self.mode = super::Mode::Consult(Box::new(Consult::new(session, record, restore)));
                self.linked.clear();
                self.show_markers_view();
                Some(super::Effect::Fullscreen(true))
            }
        }
    }

    /// A session opened with markers shows the view of its first marker.
    fn show_markers_view(&mut self) {
        let view = self
            .consult()
            .and_then(|c| c.session.markers.first())
            .map(|m| m.view.clone());
        if let Some(view) = view
            && self
                .atlas
                .as_ref()
                .is_some_and(|a| a.view_index(&view).is_some())
        {
            self.prefs.view = Some(view);
        }
    }

    /// Leaves consultation mode: view, cameras, layers, names, selection as they were (the theme
    /// stays as it is now).
    pub(super) fn end_consult(&mut self) -> Option<super::Effect> {
        let super::Mode::Consult(c) = std::mem::take(&mut self.mode) else {
            return None;
        };
        let Restore {
            prefs,
            cameras,
            selection,
            linked,
            serial,
            guide,
        } = c.restore;
        if let Some(guide) = guide {
            self.mode = super::Mode::Guide(guide);
        }
        let dark = self.prefs.dark;
        self.prefs = Preferences { dark, ..prefs };
        self.cameras = cameras;
        self.selection = selection;
        self.selection_serial = serial;
        self.linked = linked;
        Some(super::Effect::Fullscreen(false))
    }

    /// Results the platform read from the client records.
    pub fn set_records(&mut self, records: RecordsView) {
        if let Some(c) = self.consult_mut() {
            c.records = records;
        }
    }

    /// The session was saved to the client records as row `id`.
    pub fn set_saved(&mut self, id: i64) {
        if let Some(c) = self.consult_mut() {
            c.record = Some(id);
            c.dirty = false;
        }
    }

    pub(super) fn consult_command(
        &mut self,
        command: super::ConsultCommand,
    ) -> Option<super::Effect> {
        use super::{ConsultCommand as C, Effect, RecordsRequest as R};
        let atlas = self.atlas.clone();
        let view_index = self
            .current_view()
            .map(|v| v.id.clone())
            .and_then(|id| atlas.as_ref()?.view_index(&id));
        let view = atlas
            .as_deref()
            .zip(view_index)
            .and_then(|(a, i)| a.views.get(i));
        let layers = view.map(|v| self.prefs.layer_states(v));
        let c = self.consult_mut()?;
        match command {
            C::Tool(tool) => c.tool = tool,
            C::NextKind(kind) => {
                c.next_kind = kind;
                c.tool = Tool::Mark;
            }
            C::PlaceMarker { at, kind } => {
                let (view, layers) = (view?, layers?);
                if view.canvas_rect().contains(at) {
                    c.place_marker(view, at, layers.hit(view, at), kind);
                }
            }
            C::MoveMarker { index, at } => {
                let (view, layers) = (view?, layers?);
                let at = view.canvas_rect().clamp(at);
                c.move_marker(index, view, at, layers.hit(view, at));
            }
            C::EditMarker { index, edit } => c.edit_marker(index, edit),
            C::DeleteMarker(index) => c.delete_marker(index),
            C::SelectMarker(index) => {
                c.selected_marker = index.filter(|&i| i < c.session.markers.len());
            }
            C::Stroke(points) => {
                let view = view?;
                c.add_stroke(&view.id, points);
            }
            C::UndoStroke => c.undo_stroke(),
            C::ClearStrokes => c.clear_strokes(),
            C::MarkRegion { region, mark } => {
                if atlas
                    .as_ref()
                    .is_some_and(|a| a.find_region(&region).is_some())
                {
                    c.toggle_region(&region, mark);
                }
            }
            C::ToggleSelfCare(item) => c.toggle_self_care(item),
            C::Text(text) => c.set_text(text),
            C::ShowClinical(on) => c.show_clinical = on,
            C::ShowPanel(on) => c.panel = on,
            C::Save => return Some(Effect::Records(R::Save)),
            C::ExportHandout { path, paper } => {
                return Some(Effect::Records(R::ExportHandout { path, paper }));
            }
            C::ExportSession(path) => return Some(Effect::Records(R::ExportSession(path))),
            C::ImportSession(path) => return Some(Effect::Records(R::ImportSession(path))),
            C::OpenRecord(id) => return Some(Effect::Records(R::Open(id))),
            C::Search(query) => {
                c.records.search = query;
                return Some(Effect::Records(R::Refresh));
            }
            C::Compare(Some(id)) => return Some(Effect::Records(R::Compare(id))),
            C::Compare(None) => c.records.compare = None,
            C::SetPassphrase(p) => return Some(Effect::Records(R::SetPassphrase(p))),
        }
        None
    }
}
