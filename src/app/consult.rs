//! Consultation mode's frame (bar, session panel, the diagram with its overlay, a past visit
//! beside it) and its platform work: the client records database, the handout and session
//! files, full screen, autosave.

use std::path::PathBuf;
use std::sync::Arc;

use egui::{RichText, TextureHandle, Ui};

use super::AtlasApp;
use super::storage::Storage;
use crate::model::{Atlas, PreparedView};
use crate::records::{OpenError, RECORDS_FILE, Records};
use crate::session::Session;
use crate::state::{Command, Mode, RecordsRequest, RecordsView};
use crate::ui::consult::{
    CONSULT_TEXT_SCALE, ConsultBarInput, ConsultPanelInput, RecordsInfo, consult_bar_ui,
    consult_panel_ui,
};
use crate::ui::consult_overlay::{OverlayInput, consult_overlay_ui};
use crate::ui::diagram::{DiagramInput, diagram_ui};
use crate::ui::layers::layers_ui;
use crate::ui::palette::Palette;

/// How often a changed session is saved by itself, in seconds.
pub const AUTOSAVE_SECS: f64 = 30.0;

/// The client records, as far as the app got with them.
pub enum RecordsSlot {
    /// The app runs without records (tests, screenshots).
    Off,
    /// No database yet: made on the first consultation.
    NotYet(PathBuf),
    /// Protected: waiting for the passphrase (and the message of the last wrong one).
    Locked {
        path: PathBuf,
        message: Option<String>,
    },
    Open(Records),
    /// Could not be opened: left untouched; the app runs without it.
    Unavailable {
        path: PathBuf,
        message: String,
    },
}

impl RecordsSlot {
    /// The records for a kind of storage, opened when they exist (a protected database waits
    /// for its passphrase). Problems go to `notices`.
    pub fn start(storage: &Storage, notices: &mut Vec<String>) -> Self {
        let path = match storage {
            Storage::None => return Self::Off,
            Storage::Platform => match Records::default_path() {
                Some(p) => p,
                None => return Self::Off,
            },
            Storage::Dir(dir) => dir.join(RECORDS_FILE),
        };
        if !path.exists() {
            return Self::NotYet(path);
        }
        Self::open(path, None, notices)
    }

    fn open(path: PathBuf, passphrase: Option<&str>, notices: &mut Vec<String>) -> Self {
        match Records::open(&path, passphrase) {
            Ok(records) => Self::Open(records),
            Err(OpenError::NeedsPassphrase { path }) => Self::Locked {
                path,
                message: None,
            },
            Err(e @ OpenError::WrongPassphrase { .. }) => Self::Locked {
                path,
                message: Some(e.to_string()),
            },
            Err(e) => {
                let message = e.to_string();
                notices.push(message.clone());
                Self::Unavailable { path, message }
            }
        }
    }

    fn path(&self) -> Option<&std::path::Path> {
        match self {
            Self::Off => None,
            Self::NotYet(p) | Self::Locked { path: p, .. } | Self::Unavailable { path: p, .. } => {
                Some(p)
            }
            Self::Open(r) => Some(r.path()),
        }
    }
}

impl AtlasApp {
    /// The client records, for tests: whether they are open.
    #[must_use]
    pub fn records_open(&self) -> bool {
        matches!(self.records, RecordsSlot::Open(_))
    }

    /// The message of the last wrong passphrase, while the records wait for one.
    #[must_use]
    pub fn records_locked(&self) -> Option<Option<&str>> {
        match &self.records {
            RecordsSlot::Locked { message, .. } => Some(message.as_deref()),
            _ => None,
        }
    }

    /// Tries a passphrase on protected records.
    pub fn unlock_records(&mut self, passphrase: &str) {
        let RecordsSlot::Locked { path, .. } = &self.records else {
            return;
        };
        let path = path.clone();
        if passphrase.is_empty() {
            self.records = RecordsSlot::Locked {
                path,
                message: Some("Enter the passphrase first".into()),
            };
            return;
        }
        let mut notices = Vec::new();
        self.records = RecordsSlot::open(path, Some(passphrase), &mut notices);
        self.state.notices.extend(notices);
        if self.records_open() {
            self.refresh_records();
        }
    }

    /// Starts without the protected records this time (they stay as they are).
    pub fn skip_records(&mut self) {
        if let RecordsSlot::Locked { path, .. } = &self.records {
            let message = format!(
                "The client records at {} stay locked for this run; nothing was changed",
                path.display()
            );
            self.records = RecordsSlot::Unavailable {
                path: path.clone(),
                message,
            };
        }
    }

    /// Asks for the passphrase of protected records, at start.
    pub(super) fn passphrase_ui(&mut self, ctx: &egui::Context) {
        let RecordsSlot::Locked { path, message } = &self.records else {
            return;
        };
        let (path, message) = (path.display().to_string(), message.clone());
        let mut unlock = false;
        let mut skip = false;
        egui::Modal::new(egui::Id::unique("records_passphrase")).show(ctx, |ui| {
            ui.set_max_width(460.0);
            ui.heading("Client records are protected");
            ui.label(format!(
                "Enter the passphrase for the client records at {path}."
            ));
            if let Some(message) = &message {
                ui.label(RichText::new(message).color(Palette::new(self.state.prefs.dark).danger));
            }
            let label = ui.label("Passphrase");
            let field = ui
                .add(egui::TextEdit::singleline(&mut self.cache.passphrase).password(true))
                .labelled_by(label.id);
            if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                unlock = true;
            }
            ui.horizontal(|ui| {
                unlock |= ui.button("Unlock").clicked();
                skip = ui.button("Start without the records").clicked();
            });
        });
        if unlock {
            let passphrase = std::mem::take(&mut self.cache.passphrase);
            self.unlock_records(&passphrase);
        } else if skip {
            self.cache.passphrase.clear();
            self.skip_records();
        }
    }

    /// Carries out consultation work on the records and files.
    pub(super) fn records_request(&mut self, request: RecordsRequest) {
        match request {
            RecordsRequest::Save => {
                self.save_consult();
                self.refresh_records();
            }
            RecordsRequest::Refresh => self.refresh_records(),
            RecordsRequest::Open(id) => {
                self.save_consult();
                let loaded = match &self.records {
                    RecordsSlot::Open(r) => r.load(id).map_err(|e| e.to_string()),
                    _ => return,
                };
                match loaded {
                    Ok(session) => self.apply(Command::StartConsult(Some((session, Some(id))))),
                    Err(e) => self.state.notices.push(e),
                }
            }
            RecordsRequest::Compare(id) => {
                let loaded = match &self.records {
                    RecordsSlot::Open(r) => r.load(id).map_err(|e| e.to_string()),
                    _ => return,
                };
                match (loaded, self.state.consult()) {
                    (Ok(session), Some(c)) => {
                        let records = RecordsView {
                            compare: Some(session),
                            ..c.records.clone()
                        };
                        self.state.set_records(records);
                    }
                    (Err(e), _) => self.state.notices.push(e),
                    _ => {}
                }
            }
            RecordsRequest::ExportHandout { path, paper } => {
                let (Some(c), Some(atlas)) = (self.state.consult(), self.state.atlas.as_deref())
                else {
                    return;
                };
                let message = match crate::handout::write(&path, &c.session, atlas, paper) {
                    Ok(()) => format!("Handout written to {}", path.display()),
                    Err(e) => format!("The handout was not written: {e}"),
                };
                self.state.notices.push(message);
            }
            RecordsRequest::ExportSession(path) => {
                let Some(c) = self.state.consult() else {
                    return;
                };
                let message = match crate::session::file::write(&path, &c.session) {
                    Ok(()) => format!("Session written to {}", path.display()),
                    Err(e) => e.to_string(),
                };
                self.state.notices.push(message);
            }
            RecordsRequest::ImportSession(path) => {
                self.save_consult();
                match crate::session::file::read(&path, self.state.atlas.as_deref()) {
                    Ok(session) => {
                        self.apply(Command::StartConsult(Some((session, None))));
                        self.state
                            .notices
                            .push(format!("Opened the session file {}", path.display()));
                    }
                    Err(errors) => {
                        let list: Vec<String> = errors.iter().map(ToString::to_string).collect();
                        self.state.notices.push(format!(
                            "The session file was not opened (it is unchanged): {}",
                            list.join("; ")
                        ));
                    }
                }
            }
            RecordsRequest::SetPassphrase(passphrase) => {
                let RecordsSlot::Open(records) = &mut self.records else {
                    return;
                };
                let message = match records.set_passphrase(Some(&passphrase)) {
                    Ok(()) => format!(
                        "The client records at {} are now protected by the passphrase",
                        records.path().display()
                    ),
                    Err(e) => format!("The passphrase was not set: {e}"),
                };
                self.state.notices.push(message);
            }
        }
    }

    /// Entering consultation mode: full screen, the records opened (made the first time).
    pub(super) fn consult_started(&mut self) {
        self.cache.was_fullscreen = self.ctx.input(|i| i.viewport().fullscreen.unwrap_or(false));
        self.ctx
            .send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
        if let RecordsSlot::NotYet(path) = &self.records {
            let path = path.clone();
            let mut notices = Vec::new();
            self.records = RecordsSlot::open(path, None, &mut notices);
            self.state.notices.extend(notices);
        }
        self.cache.last_autosave = self.ctx.input(|i| i.time);
        self.refresh_records();
    }

    /// Leaving consultation mode: back to the window as it was.
    pub(super) fn consult_ended(&mut self) {
        self.ctx
            .send_viewport_cmd(egui::ViewportCommand::Fullscreen(self.cache.was_fullscreen));
    }

    /// Saves the consultation's session to the records if it changed and has a client name.
    pub fn save_consult(&mut self) {
        let Some(c) = self.state.consult() else {
            return;
        };
        if !c.dirty || c.session.client.trim().is_empty() {
            return;
        }
        let RecordsSlot::Open(records) = &mut self.records else {
            return;
        };
        match records.save(c.record, &c.session) {
            Ok(id) => self.state.set_saved(id),
            Err(e) => self
                .state
                .notices
                .push(format!("The session was not saved: {e}")),
        }
    }

    /// Saves a changed session every [`AUTOSAVE_SECS`].
    pub(super) fn autosave(&mut self, ctx: &egui::Context) {
        let Some(c) = self.state.consult() else {
            return;
        };
        if !c.dirty {
            return;
        }
        let now = ctx.input(|i| i.time);
        if now - self.cache.last_autosave >= AUTOSAVE_SECS {
            self.cache.last_autosave = now;
            self.save_consult();
            self.refresh_records();
        } else {
            let wait = AUTOSAVE_SECS - (now - self.cache.last_autosave);
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait.max(0.1)));
        }
    }

    /// Reads the recent sessions, the search results and the client's visits again.
    fn refresh_records(&mut self) {
        let Some(c) = self.state.consult() else {
            return;
        };
        let RecordsSlot::Open(records) = &self.records else {
            return;
        };
        let mut problems = Vec::new();
        let mut ok = |r: Result<Vec<_>, crate::records::RecordsError>| {
            r.unwrap_or_else(|e| {
                problems.push(e.to_string());
                Vec::new()
            })
        };
        let recent = ok(records.recent(20));
        let search = c.records.search.clone();
        let found = if search.trim().is_empty() {
            Vec::new()
        } else {
            ok(records.search(&search))
        };
        let client = c.session.client.trim();
        let history = if client.is_empty() {
            Vec::new()
        } else {
            ok(records.history(client))
        };
        let view = RecordsView {
            open: true,
            recent,
            search,
            found,
            history,
            compare: c.records.compare.clone(),
        };
        self.state.set_records(view);
        problems.dedup();
        self.state.notices.extend(problems);
    }

    /// One frame of consultation mode.
    pub(super) fn consult_layout_ui(
        &mut self,
        ui: &mut Ui,
        atlas: &Arc<Atlas>,
        view: &PreparedView,
        commands: &mut Vec<Command>,
    ) {
        let ctx = ui.ctx().clone();
        let palette = Palette::new(self.state.prefs.dark);
        for font in ui.style_mut().text_styles.values_mut() {
            font.size *= CONSULT_TEXT_SCALE;
        }
        let textures: Vec<Option<TextureHandle>> = (0..view.layers.len())
            .map(|i| self.texture_for(&ctx, view, i))
            .collect();
        let camera = self.shown_camera(&ctx, view);
        let take_focus = std::mem::take(&mut self.cache.focus_diagram);
        let Mode::Consult(consult) = &self.state.mode else {
            return;
        };
        egui::Panel::top("consult_bar").show(ui, |ui| {
            ui.add_space(4.0);
            let input = ConsultBarInput {
                atlas,
                view,
                consult,
            };
            let mut layer_commands = Vec::new();
            let prefs = &self.state.prefs;
            consult_bar_ui(
                ui,
                &input,
                |ui| layers_ui(ui, view, prefs, &mut layer_commands),
                commands,
            );
            commands.extend(layer_commands);
            ui.add_space(4.0);
        });
        if let Some(notice) = self.state.notices.first() {
            egui::Panel::top("consult_notice").show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(notice).color(palette.warning));
                    if ui.small_button("Dismiss").clicked() {
                        commands.push(Command::DismissNotice);
                    }
                });
            });
        }
        if consult.panel {
            let width = ui.available_width();
            let path = self.records.path().map(|p| p.display().to_string());
            let problem = match &self.records {
                RecordsSlot::Unavailable { message, .. } => Some(message.as_str()),
                _ => None,
            };
            let records = path.as_deref().map(|path| RecordsInfo {
                path,
                problem,
                open: matches!(self.records, RecordsSlot::Open(_)),
                protected: matches!(&self.records, RecordsSlot::Open(r) if r.is_protected()),
            });
            if self.cache.consult.export_path.is_empty() {
                self.cache.consult.export_path = default_export_path(&consult.session);
            }
            egui::Panel::right("consult_panel")
                .resizable(true)
                .default_size(420.0)
                .size_range(260.0..=(width * 0.45).max(260.0))
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .auto_shrink([false, false])
                        .show(ui, |ui| {
                            let input = ConsultPanelInput {
                                atlas,
                                view,
                                consult,
                                selected_region: self.state.selected_region(),
                                palette: &palette,
                                records,
                            };
                            consult_panel_ui(ui, &input, &mut self.cache.consult, commands);
                        });
                });
        }
        let overlay_input = OverlayInput {
            atlas,
            view,
            session: &consult.session,
            tool: Some(consult.tool),
            next_kind: consult.next_kind,
            selected_marker: consult.selected_marker,
            palette: &palette,
            id: egui::Id::unique("consult_overlay"),
        };
        let overlay = |ui: &mut Ui, painter: &egui::Painter, t, commands: &mut Vec<Command>| {
            consult_overlay_ui(ui, painter, t, &overlay_input, commands);
        };
        let compare = consult.records.compare.as_ref();
        let compare_overlay_input = compare.map(|session| OverlayInput {
            atlas,
            view,
            session,
            tool: None,
            next_kind: consult.next_kind,
            selected_marker: None,
            palette: &palette,
            id: egui::Id::unique("compare_overlay"),
        });
        let compare_overlay =
            |ui: &mut Ui, painter: &egui::Painter, t, commands: &mut Vec<Command>| {
                if let Some(input) = &compare_overlay_input {
                    consult_overlay_ui(ui, painter, t, input, commands);
                }
            };
        // One diagram input per pane (the fields borrow this frame's state).
        macro_rules! diagram_input {
            ($overlay:expr, $take_focus:expr, $selected:expr, $linked:expr, $focus:expr, $targets:expr) => {
                DiagramInput {
                    atlas,
                    view,
                    settings: &self.state.prefs,
                    selected: $selected,
                    camera,
                    palette,
                    textures: &textures,
                    linked: $linked,
                    conceal_names: false,
                    report_focus: $focus,
                    take_focus: $take_focus,
                    plain_names: true,
                    overlay: Some($overlay),
                    targets: $targets,
                }
            };
        }
        let pointing = consult.tool == crate::state::Tool::Point;
        let now_input = diagram_input!(
            &overlay,
            take_focus,
            self.state.selected_region(),
            &self.state.linked,
            pointing,
            true
        );
        let then_input = diagram_input!(&compare_overlay, false, None, &[], false, false);
        let cache = &mut self.cache;
        egui::CentralPanel::default()
            .frame(egui::Frame::new())
            .show(ui, |ui| {
                let Some(past) = compare else {
                    diagram_ui(ui, &now_input, &mut cache.diagram, commands);
                    return;
                };
                ui.columns(2, |columns| {
                    let [now, then] = columns else { return };
                    now.label(
                        RichText::new(format!("{} (this visit)", consult.session.date.long()))
                            .strong(),
                    );
                    diagram_ui(now, &now_input, &mut cache.diagram, commands);
                    then.label(RichText::new(past.date.long()).strong());
                    let mut theirs = Vec::new();
                    then.push_id("compare", |then| {
                        diagram_ui(then, &then_input, &mut cache.compare_diagram, &mut theirs);
                    });
                    // The two maps share one camera: zooming either moves both.
                    commands.extend(
                        theirs
                            .into_iter()
                            .filter(|c| matches!(c, Command::SetCamera(_))),
                    );
                });
            });
    }
}

/// A handout file name in the documents folder: the date and the client's initials.
fn default_export_path(session: &Session) -> String {
    let dir = directories::UserDirs::new()
        .and_then(|u| {
            u.document_dir()
                .map(std::path::Path::to_path_buf)
                .or_else(|| Some(u.home_dir().to_path_buf()))
        })
        .unwrap_or_else(|| PathBuf::from("."));
    let initials: String = session
        .client
        .split_whitespace()
        .filter_map(|w| w.chars().find(|c| c.is_alphanumeric()))
        .collect();
    let name = if initials.is_empty() {
        format!("handout-{}", session.date)
    } else {
        format!("handout-{}-{initials}", session.date)
    };
    dir.join(format!("{name}.pdf")).display().to_string()
}
