//! The state layer: everything the app knows and the one place it changes. No egui `Ui` here,
//! so it is tested without a window.
//!
//! - [`AppState`] holds the content, preferences, user data, the [`Mode`], the selection and the
//!   cameras.
//! - [`Command`]s come from the UI; [`AppState::apply`] applies them and returns the
//!   [`Effect`]s the platform must carry out (read files, move keyboard focus, save).

pub mod camera;
pub mod clock;
pub mod command;
pub mod consult;
mod guide;
pub mod mode;
pub mod prefs;
mod routine;
pub mod study;
pub mod userdata;

use std::collections::HashMap;
use std::sync::Arc;

use emath::{Pos2, Rect, vec2};

pub use self::camera::Camera;
pub use self::clock::{Clock, ManualClock, SystemClock};
pub use self::command::{
    Command, ConsultCommand, Effect, GuideCommand, RecordsRequest, RegionEvent, RoutineCommand,
    RoutineSource,
};
pub use self::consult::{Consult, MarkerEdit, RecordsView, Restore, SessionText, Tool};
pub use self::mode::{GuidePage, GuideState, Mode, RoutineState, Study};
pub use self::prefs::{LayerSetting, LayerStates, Preferences};
pub use self::userdata::{StudyProgress, UserData, ZoneOnFoot};
use crate::content::ContentError;
use crate::model::content::{Side, Structure};
use crate::model::{Atlas, PreparedRegion, PreparedView, RegionRef};

/// What the detail panel shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Selection {
    /// A region on a view (a muscle on one side, a zone on one foot).
    Region(String),
    /// A structure's page without a region of its own (a group such as the hamstrings).
    Structure(String),
}

/// A view's camera: where it looks, and whether the picture glides there.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ViewCamera {
    pub camera: Camera,
    /// Set when the app moved the camera (a selection brought into view, Home): the diagram
    /// animates toward it. Cleared for the user's own drags and scrolls, which follow at once.
    pub animate: bool,
}

/// The app's state. Built without a window; changed only by [`AppState::apply`] (and
/// [`AppState::set_content`] when content has been read).
#[derive(Clone, Debug)]
pub struct AppState {
    /// The last content that loaded cleanly.
    pub atlas: Option<Arc<Atlas>>,
    /// Problems of the last load; shown in a banner until the content loads cleanly.
    pub errors: Vec<ContentError>,
    /// Persisted: theme, layers, names, the last view.
    pub prefs: Preferences,
    /// Persisted apart from preferences: study progress.
    pub user: UserData,
    pub mode: Mode,
    selection: Option<Selection>,
    /// Counts selection changes: the detail panel starts at the top for each new one.
    selection_serial: u64,
    /// Regions highlighted as linked to the selection (a zone's body parts, a muscle's zones, or
    /// the right answer in study mode).
    pub linked: Vec<String>,
    /// Per view id; a view without one shows the whole figure.
    pub cameras: HashMap<String, ViewCamera>,
    /// The screen rectangle the diagram had last.
    pub viewport: Rect,
    pub show_safety: bool,
    /// Messages for the user (saved data that could not be read, ...), oldest first.
    pub notices: Vec<String>,
    /// Seed of the next study round.
    pub study_seed: u64,
    /// Where hold timers get the time from.
    pub clock: Arc<dyn Clock>,
}

impl AppState {
    /// A state with no content yet; `study_seed` seeds the study rounds.
    #[must_use]
    pub fn new(prefs: Preferences, user: UserData, study_seed: u64) -> Self {
        Self {
            atlas: None,
            errors: Vec::new(),
            prefs,
            user,
            mode: Mode::Browse,
            selection: None,
            selection_serial: 0,
            linked: Vec::new(),
            cameras: HashMap::new(),
            viewport: Rect::from_min_size(Pos2::ZERO, vec2(800.0, 800.0)),
            show_safety: false,
            notices: Vec::new(),
            study_seed,
            clock: Arc::new(SystemClock::default()),
        }
    }

    /// The same state with timers on this clock (tests move a [`ManualClock`] by hand).
    #[must_use]
    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }

    /// Whether clicks and links open pages: browsing, or reading the guide.
    fn browsing(&self) -> bool {
        matches!(self.mode, Mode::Browse | Mode::Guide(_))
    }

    /// Takes the result of reading the content: new content replaces the old (a selection that
    /// no longer exists is dropped); problems are kept for the banner and the last good content
    /// stays.
    pub fn set_content(&mut self, loaded: Result<Atlas, Vec<ContentError>>) {
        match loaded {
            Ok(atlas) => {
                self.atlas = Some(Arc::new(atlas));
                self.errors.clear();
                let gone = match &self.selection {
                    Some(Selection::Region(id)) => self
                        .atlas
                        .as_ref()
                        .and_then(|a| a.find_region(id))
                        .is_none(),
                    Some(Selection::Structure(id)) => {
                        self.atlas.as_ref().and_then(|a| a.structure(id)).is_none()
                    }
                    None => false,
                };
                if gone {
                    self.set_selection(None);
                }
                if let Mode::Study(_) = self.mode {
                    // Questions name regions of the old content.
                    self.end_study();
                }
            }
            Err(errors) => self.errors = errors,
        }
    }

    /// The current view: the one the preferences name, else the first.
    #[must_use]
    pub fn current_view(&self) -> Option<&PreparedView> {
        let atlas = self.atlas.as_deref()?;
        let wanted = self
            .prefs
            .view
            .as_deref()
            .and_then(|id| atlas.view_index(id));
        atlas.views.get(wanted.unwrap_or(0))
    }

    /// What is selected.
    #[must_use]
    pub fn selection(&self) -> Option<&Selection> {
        self.selection.as_ref()
    }

    /// The selected region's id, when a region is selected.
    #[must_use]
    pub fn selected_region(&self) -> Option<&str> {
        match &self.selection {
            Some(Selection::Region(id)) => Some(id),
            _ => None,
        }
    }

    /// The structure whose page is open: the selected region's, or the selected structure.
    #[must_use]
    pub fn selected_structure(&self) -> Option<&Structure> {
        let atlas = self.atlas.as_deref()?;
        match self.selection.as_ref()? {
            Selection::Structure(id) => atlas.structure(id),
            Selection::Region(id) => {
                let region = atlas.region(atlas.find_region(id)?)?;
                atlas.structure(region.structure.as_deref()?)
            }
        }
    }

    /// Changes with every new selection.
    #[must_use]
    pub fn selection_serial(&self) -> u64 {
        self.selection_serial
    }

    /// The camera of a view: the one set, else the whole figure.
    #[must_use]
    pub fn camera(&self, view: &PreparedView) -> ViewCamera {
        self.cameras.get(&view.id).copied().unwrap_or(ViewCamera {
            camera: Camera::fit(view.canvas_rect()),
            animate: true,
        })
    }

    /// The current view's transform from diagram coordinates to screen points, at the camera's
    /// target (where an animation ends).
    #[must_use]
    pub fn screen_from_diagram(&self) -> Option<emath::TSTransform> {
        let view = self.current_view()?;
        Some(
            self.camera(view)
                .camera
                .screen_from_diagram(self.viewport, view.canvas_rect()),
        )
    }

    /// While a routine's hold counts: seconds until the countdown next changes (the app
    /// redraws then, and only then).
    #[must_use]
    pub fn routine_repaint_in(&self) -> Option<f64> {
        let routine = self.mode.routine().filter(|r| r.begun)?;
        routine.run.repaint_in(self.clock.now_secs())
    }

    /// Whether region names must be hidden on the diagram now (see [`Mode::conceals_names`]).
    #[must_use]
    pub fn conceals_names(&self) -> bool {
        self.mode.conceals_names()
    }

    /// Applies one command: the only place state changes. Returns what the platform must do.
    pub fn apply(&mut self, command: Command) -> Option<Effect> {
        match command {
            Command::ShowView(id) => {
                if self
                    .atlas
                    .as_ref()
                    .is_some_and(|a| a.view_index(&id).is_some())
                {
                    self.prefs.view = Some(id);
                }
            }
            Command::Region(event) => return self.region_event(event),
            Command::ClearSelection => match &mut self.mode {
                Mode::Browse => {
                    self.linked.clear();
                    self.set_selection(None);
                }
                Mode::Guide(_) => self.guide_command(GuideCommand::Back),
                Mode::Consult(c) => {
                    c.selected_marker = None;
                    self.set_selection(None);
                }
                Mode::Study(_) | Mode::Routine(_) => {}
            },
            Command::Reveal(id) => {
                if self.browsing() {
                    self.linked.clear();
                    self.reveal_regions(std::slice::from_ref(&id), Reveal::Select);
                    self.guide_shows_structure();
                }
            }
            Command::OpenStructure(id) => self.open_structure(&id),
            Command::ShowLinked(ids) => {
                if self.browsing() {
                    self.reveal_regions(&ids, Reveal::Select);
                    self.guide_shows_structure();
                }
            }
            Command::Guide(command) => self.guide_command(command),
            Command::StartRoutine(source) => self.start_routine(&source),
            Command::Routine(command) => return self.routine_command(command),
            Command::StartStudy => self.start_study(),
            Command::StudyChoice(i) => return self.study_choice(i),
            Command::StudyNext => self.study_next(),
            Command::EndStudy => self.end_study(),
            Command::SetLayerVisible {
                view,
                layer,
                visible,
            } => self.update_layer(&view, &layer, |prefs, view, layer| {
                prefs.set_visible(view, layer, visible);
            }),
            Command::SetLayerOpacity {
                view,
                layer,
                opacity,
            } => self.update_layer(&view, &layer, |prefs, view, layer| {
                prefs.set_opacity(view, layer, opacity);
            }),
            Command::SetCamera(camera) => {
                if let Some(view) = self.current_view() {
                    let mut camera = camera;
                    camera.clamp(view.canvas_rect());
                    let id = view.id.clone();
                    self.cameras.insert(
                        id,
                        ViewCamera {
                            camera,
                            animate: false,
                        },
                    );
                }
            }
            Command::FramePattern => self.frame_pattern(),
            Command::ResetCamera => {
                if let Some(id) = self.current_view().map(|v| v.id.clone()) {
                    self.glide_to_whole(&id);
                }
            }
            Command::SetViewport(rect) => {
                if rect.is_positive() && rect.is_finite() {
                    self.viewport = rect;
                }
            }
            Command::SetDark(dark) => self.prefs.dark = dark,
            Command::SetLabels(on) => self.prefs.labels = on,
            Command::Reload => return Some(Effect::Reload),
            Command::ShowSafety(show) => self.show_safety = show,
            Command::FocusSearch => return Some(Effect::FocusSearch),
            Command::FocusDiagram => return Some(Effect::FocusDiagram),
            Command::DismissNotice => {
                if !self.notices.is_empty() {
                    self.notices.remove(0);
                }
            }
            Command::StartConsult(session) => return self.start_consult(session),
            Command::EndConsult => return self.end_consult(),
            Command::ToggleConsult => {
                return match self.mode {
                    Mode::Consult(_) => self.end_consult(),
                    _ => self.start_consult(None),
                };
            }
            Command::Consult(command) => return self.consult_command(command),
            Command::Notify(message) => self.notices.push(message),
        }
        None
    }

    /// The mode decides what a region event means.
    fn region_event(&mut self, event: RegionEvent) -> Option<Effect> {
        match (&self.mode, event) {
            (Mode::Browse, RegionEvent::Activated(id) | RegionEvent::Focused(id)) => {
                self.linked.clear();
                self.set_selection(Some(Selection::Region(id)));
                None
            }
            (Mode::Browse, RegionEvent::ActivatedNothing) => {
                self.linked.clear();
                self.set_selection(None);
                None
            }
            (Mode::Study(_), RegionEvent::Activated(id)) => self.study_answer_region(&id),
            (Mode::Study(_), RegionEvent::Focused(_) | RegionEvent::ActivatedNothing) => None,
            (Mode::Guide(_), RegionEvent::Activated(id) | RegionEvent::Focused(id)) => {
                self.linked.clear();
                self.set_selection(Some(Selection::Region(id)));
                self.guide_shows_structure();
                None
            }
            (Mode::Guide(_), RegionEvent::ActivatedNothing) => {
                self.guide_command(GuideCommand::Back);
                None
            }
            // The diagram shows the structure being worked; a click does not change it.
            (Mode::Routine(_), _) => None,
            (Mode::Consult(c), event) => {
                match (c.tool, event) {
                    (Tool::Point, RegionEvent::Activated(id) | RegionEvent::Focused(id)) => {
                        self.linked.clear();
                        self.set_selection(Some(Selection::Region(id)));
                    }
                    (Tool::Point, RegionEvent::ActivatedNothing) => self.set_selection(None),
                    (tool @ (Tool::Treat | Tool::Avoid), RegionEvent::Activated(id)) => {
                        let mark = if tool == Tool::Treat {
                            crate::session::RegionMark::Treat
                        } else {
                            crate::session::RegionMark::Avoid
                        };
                        if let Mode::Consult(c) = &mut self.mode {
                            c.toggle_region(&id, mark);
                        }
                    }
                    // Markers and the pen take their clicks on the diagram's overlay.
                    _ => {}
                }
                None
            }
        }
    }

    /// Glides the camera to show the selected region with the pattern it brings (a muscle's
    /// referred pain reaching down the leg). Nothing happens without one.
    fn frame_pattern(&mut self) {
        let Some(atlas) = self.atlas.clone() else {
            return;
        };
        let Some(found) = self.selected_region().and_then(|id| atlas.find_region(id)) else {
            return;
        };
        let Some(view) = atlas.views.get(found.view) else {
            return;
        };
        let pattern = atlas.pattern_of(view, found.region);
        let Some(target) = std::iter::once(found.region)
            .chain(pattern.iter().copied())
            .filter_map(|i| view.regions.get(i))
            .map(|r| r.bbox)
            .reduce(Rect::union)
            .filter(|_| !pattern.is_empty())
        else {
            return;
        };
        self.prefs.view = Some(view.id.clone());
        let camera = Camera::focused_on(target, self.viewport, view.canvas_rect());
        self.cameras.insert(
            view.id.clone(),
            ViewCamera {
                camera,
                animate: true,
            },
        );
    }

    /// Glides a view's camera back to the whole figure.
    fn glide_to_whole(&mut self, view_id: &str) {
        let Some(atlas) = self.atlas.as_deref() else {
            return;
        };
        if let Some(view) = atlas.view_index(view_id).and_then(|i| atlas.views.get(i)) {
            let camera = Camera::fit(view.canvas_rect());
            self.cameras.insert(
                view.id.clone(),
                ViewCamera {
                    camera,
                    animate: true,
                },
            );
        }
    }

    fn set_selection(&mut self, selection: Option<Selection>) {
        if self.selection != selection {
            self.selection = selection;
            self.selection_serial = self.selection_serial.wrapping_add(1);
        }
    }

    /// A structure's page: on the diagram when it has a region (the left one first), else
    /// the page alone.
    fn open_structure(&mut self, id: &str) {
        if !self.browsing() {
            return;
        }
        let Some(atlas) = self.atlas.clone() else {
            return;
        };
        if atlas.structure(id).is_none() {
            return;
        }
        match first_region_of(&atlas, id) {
            Some(region) => {
                self.linked.clear();
                self.reveal_regions(&[region], Reveal::Select);
            }
            None => {
                self.linked.clear();
                self.set_selection(Some(Selection::Structure(id.to_owned())));
            }
        }
        self.guide_shows_structure();
    }

    /// Changes a layer of a view (both named by id) through the preferences, which keep the
    /// rule for alternative layers.
    fn update_layer(
        &mut self,
        view_id: &str,
        layer_id: &str,
        change: impl FnOnce(&mut Preferences, &PreparedView, usize),
    ) {
        let Some(atlas) = self.atlas.as_deref() else {
            return;
        };
        let Some(view) = atlas.view_index(view_id).and_then(|i| atlas.views.get(i)) else {
            return;
        };
        let Some(layer) = view.layer_index(layer_id) else {
            return;
        };
        change(&mut self.prefs, view, layer);
    }

    /// Switches to the view holding most of `ids` and shows their layers. [`Reveal::Select`]
    /// selects the first, highlights the rest as linked and zooms so they fill
    /// [`camera::FOCUS_FILL`] of the diagram; [`Reveal::Highlight`] highlights them all and shows
    /// the whole view (a study question is about finding a place among the rest). The camera
    /// glides either way.
    fn reveal_regions(&mut self, ids: &[String], how: Reveal) {
        let Some(atlas) = self.atlas.clone() else {
            return;
        };
        let found: Vec<RegionRef> = ids.iter().filter_map(|id| atlas.find_region(id)).collect();
        let mut counts: Vec<(usize, usize)> = Vec::new();
        for r in &found {
            match counts.iter_mut().find(|(v, _)| *v == r.view) {
                Some((_, n)) => *n += 1,
                None => counts.push((r.view, 1)),
            }
        }
        let Some(&(view_index, _)) = counts
            .iter()
            .max_by_key(|(v, n)| (*n, std::cmp::Reverse(*v)))
        else {
            return;
        };
        let Some(view) = atlas.views.get(view_index) else {
            return;
        };
        let regions: Vec<&PreparedRegion> = found
            .iter()
            .filter(|r| r.view == view_index)
            .filter_map(|r| atlas.region(*r))
            .collect();
        let regions = self.on_one_alternative(view, regions);
        self.prefs.view = Some(view.id.clone());
        for region in &regions {
            if !self.prefs.layer_shown(view, region.layer) {
                if self.prefs.layer(view, region.layer).opacity < 0.2 {
                    self.prefs.set_opacity(view, region.layer, 1.0);
                }
                self.prefs.set_visible(view, region.layer, true);
            }
        }
        let Some(target) = regions.iter().map(|r| r.bbox).reduce(Rect::union) else {
            return;
        };
        let camera = match how {
            Reveal::Select => Camera::focused_on(target, self.viewport, view.canvas_rect()),
            Reveal::Highlight => Camera::fit(view.canvas_rect()),
        };
        self.cameras.insert(
            view.id.clone(),
            ViewCamera {
                camera,
                animate: true,
            },
        );
        let mut ids = regions.iter().map(|r| r.id.clone());
        if how == Reveal::Select {
            self.set_selection(ids.next().map(Selection::Region));
        }
        self.linked = ids.collect();
    }
}

impl AppState {
    /// Of regions on alternative layers (the sciatic nerve's courses), only those on one
    /// alternative per group: the one the group shows (or last showed) when any are on it,
    /// else the first one's. Revealing never flips between alternatives.
    fn on_one_alternative<'a>(
        &self,
        view: &PreparedView,
        regions: Vec<&'a PreparedRegion>,
    ) -> Vec<&'a PreparedRegion> {
        let keep: Vec<Option<usize>> = view
            .groups
            .iter()
            .map(|group| {
                let choice = self.prefs.group_choice(view, group);
                let on = |l: usize| regions.iter().any(|r| r.layer == l);
                choice.filter(|&l| on(l)).or_else(|| {
                    regions
                        .iter()
                        .map(|r| r.layer)
                        .find(|&l| group.layers().any(|g| g == l))
                })
            })
            .collect();
        regions
            .into_iter()
            .filter(|r| {
                view.groups.iter().zip(&keep).all(|(group, keep)| {
                    !group.layers().any(|l| l == r.layer) || *keep == Some(r.layer)
                })
            })
            .collect()
    }
}

/// What revealing regions does besides showing them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Reveal {
    /// Select the first, link the rest, zoom to them.
    Select,
    /// Highlight them all on the whole view.
    Highlight,
}

/// The left-side (or first) selectable region that shows a structure (not a referred-pain
/// pattern drawn for it: see [`PreparedView::is_overlay`]).
#[must_use]
pub fn first_region_of(atlas: &Atlas, structure: &str) -> Option<String> {
    let mut first = None;
    for r in atlas
        .views
        .iter()
        .flat_map(|v| v.regions.iter().filter(|r| !v.is_overlay(r)))
        .filter(|r| r.is_selectable() && r.structure.as_deref() == Some(structure))
    {
        if r.side == Side::Left {
            return Some(r.id.clone());
        }
        first.get_or_insert_with(|| r.id.clone());
    }
    first
}
