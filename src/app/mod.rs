//! The eframe glue: builds the state, reads and writes files, runs the frame (the panel layout
//! is in [`layout`]), carries out the [`Effect`]s that commands ask for.

mod consult;
mod layout;
pub mod screenshot;
pub mod status;
pub mod storage;
pub mod watcher;
pub mod window_file;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use egui::TextureHandle;

use self::screenshot::ScreenshotJob;
pub use self::screenshot::ScreenshotResult;
pub use self::storage::Storage;
use self::storage::Stores;
use self::watcher::ContentWatcher;
use crate::content::{self, ContentError, ContentSet};
use crate::model::quiz::Quiz;
use crate::model::{Atlas, PreparedView};
use crate::state::{
    AppState, Camera, Clock, Command, Effect, GuideCommand, Preferences, RoutineCommand,
};
use crate::ui::diagram::DiagramCache;
use crate::ui::palette::Palette;
use crate::ui::search::{SearchState, search_field_id};

/// How the app starts.
#[derive(Clone, Debug)]
pub struct StartOptions {
    /// Where the content comes from.
    pub content: ContentSet,
    /// View id to open with.
    pub view: Option<String>,
    /// Region id to select at start.
    pub select: Option<String>,
    /// Layers of the start view to show (every other layer hidden); `None` keeps the saved or
    /// default layers.
    pub layers: Option<Vec<String>>,
    /// Save the first complete frame to this PNG, then close.
    pub screenshot: Option<(PathBuf, ScreenshotResult)>,
    /// Where preferences and user data are read and written.
    pub storage: Storage,
    /// Initial window size in points (default 1600x1000); when given it wins over the size
    /// saved from the last run.
    pub size: Option<[f32; 2]>,
    /// Seed of the first study round; `None` takes one from the clock.
    pub study_seed: Option<u64>,
    /// Reload the content when its files change.
    pub watch: bool,
    /// Where hold timers get the time from; `None` is the system clock.
    pub clock: Option<Arc<dyn Clock>>,
    /// Open the sciatica guide at this section.
    pub guide: Option<String>,
    /// Start in consultation mode with this session (`--consult FILE`).
    pub consult: Option<crate::session::Session>,
    /// Messages to show at start, beside those about the app's own saved files (eframe's window
    /// file, read before the app is built).
    pub notices: Vec<String>,
    /// Test mode: write the status (frames, view, selection, where the diagram is) to this file
    /// after each frame (see [`status`]).
    pub status_file: Option<PathBuf>,
}

impl StartOptions {
    /// The shipped content, saved preferences and user data, live reload.
    #[must_use]
    pub fn shipped() -> Self {
        Self {
            content: ContentSet::shipped(),
            view: None,
            select: None,
            layers: None,
            screenshot: None,
            storage: Storage::Platform,
            size: None,
            study_seed: None,
            watch: true,
            clock: None,
            guide: None,
            consult: None,
            notices: Vec::new(),
            status_file: None,
        }
    }

    /// The built-in content and nothing else (no user packs): no saved state read or written, no watcher, a
    /// fixed study seed. Tests and screenshots start like this, so every run is the same.
    #[must_use]
    pub fn ephemeral() -> Self {
        Self {
            content: ContentSet::builtin(),
            storage: Storage::None,
            study_seed: Some(1),
            watch: false,
            ..Self::shipped()
        }
    }
}

/// Not persisted, not part of the state: what the UI keeps between frames.
#[derive(Default)]
struct UiCache {
    search: SearchState,
    /// Layer textures, made once per content load, one per image file (layers showing the
    /// same file share it): by [`crate::model::atlas::LayerImage::source`].
    textures: HashMap<String, TextureHandle>,
    /// The diagram's tessellated meshes, reused between frames.
    diagram: DiagramCache,
    /// The camera each view is drawn with: follows the state's camera, gliding when it moved.
    shown_cameras: HashMap<String, Glide>,
    /// Move keyboard focus onto the diagram next frame.
    focus_diagram: bool,
    /// Consultation mode's panel: file names and passphrases being typed.
    consult: crate::ui::consult::ConsultUiState,
    /// The meshes of a past visit's map shown beside the current one.
    compare_diagram: DiagramCache,
    /// The passphrase being typed for protected client records (never kept past the attempt).
    passphrase: String,
    /// Whether the window was full screen before consultation mode made it so.
    was_fullscreen: bool,
    /// egui time of the last autosave of a consultation.
    last_autosave: f64,
}

/// A camera gliding from where it was to where the state wants it.
#[derive(Clone, Copy, Debug)]
struct Glide {
    from: Camera,
    to: Camera,
    /// 0 at the start, 1 arrived.
    progress: f32,
}

/// How long the camera takes to glide to a selection.
const GLIDE_SECS: f32 = 0.25;

impl Glide {
    fn at(self) -> Camera {
        // Ease out: quick start, gentle arrival.
        let t = 1.0 - (1.0 - self.progress).powi(3);
        self.from.lerp_toward(self.to, t)
    }
}

/// The Bodywork Atlas app.
pub struct AtlasApp {
    state: AppState,
    /// egui's context, for effects that move keyboard focus.
    ctx: egui::Context,
    content: ContentSet,
    cache: UiCache,
    stores: Stores,
    screenshot: Option<ScreenshotJob>,
    status: Option<status::StatusFile>,
    /// Watches the content folders so edits show at once (authors); `None` in tests.
    watcher: Option<ContentWatcher>,
    frames: u64,
    /// The client records database (consultation mode).
    records: consult::RecordsSlot,
}

impl AtlasApp {
    /// Builds the app: restores preferences and user data, loads content.
    #[must_use]
    pub fn new(cc: &eframe::CreationContext<'_>, options: StartOptions) -> Self {
        let restored = options.storage.restore();
        let seed = options.study_seed.unwrap_or_else(clock_seed);
        let mut state = AppState::new(restored.prefs, restored.user, seed);
        if let Some(clock) = options.clock {
            state = state.with_clock(clock);
        }
        state.notices = options.notices;
        state.notices.extend(restored.notices);
        let records = consult::RecordsSlot::start(&options.storage, &mut state.notices);
        let mut app = Self {
            state,
            ctx: cc.egui_ctx.clone(),
            content: options.content,
            cache: UiCache::default(),
            stores: restored.stores,
            screenshot: options
                .screenshot
                .map(|(path, result)| ScreenshotJob::new(path, result)),
            status: options.status_file.map(status::StatusFile::new),
            watcher: None,
            frames: 0,
            records,
        };
        if options.watch {
            app.watcher = ContentWatcher::new(&app.content.watch_paths(), &cc.egui_ctx);
        }
        app.reload();
        if let Some(view) = options.view {
            app.apply(Command::ShowView(view));
        }
        if let Some(layers) = options.layers {
            app.show_only_layers(&layers);
        }
        if let Some(region) = options.select {
            app.apply(Command::Reveal(region));
        }
        if let Some(section) = options.guide {
            app.apply(Command::Guide(GuideCommand::Open(Some(section))));
        }
        if let Some(session) = options.consult {
            app.apply(Command::StartConsult(Some((session, None))));
        }
        apply_theme(&cc.egui_ctx, app.state.prefs.dark);
        app
    }

    /// The state: content, preferences, user data, mode, selection, cameras.
    #[must_use]
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// The loaded content, if any loaded cleanly yet.
    #[must_use]
    pub fn atlas(&self) -> Option<&Atlas> {
        self.state.atlas.as_deref()
    }

    /// Problems found by the last load.
    #[must_use]
    pub fn errors(&self) -> &[ContentError] {
        &self.state.errors
    }

    /// Shows exactly the given layers of the current view; unknown ids are reported on stderr
    /// with the layers the view has.
    fn show_only_layers(&mut self, wanted: &[String]) {
        let Some(view) = self.state.current_view() else {
            return;
        };
        let view_id = view.id.clone();
        let known: Vec<String> = view.layers.iter().map(|l| l.id.clone()).collect();
        for unknown in wanted.iter().filter(|w| !known.contains(w)) {
            let has: Vec<String> = known.iter().map(|k| crate::text::id(k)).collect();
            eprintln!(
                "--layers: view \"{}\" has no layer \"{}\" (it has: {})",
                crate::text::id(&view_id),
                crate::text::id(unknown),
                has.join(", ")
            );
        }
        for group in &view.groups {
            let asked: Vec<&str> = group
                .layers()
                .filter_map(|i| view.layers.get(i))
                .filter(|l| wanted.contains(&l.id))
                .map(|l| l.id.as_str())
                .collect();
            if let [.., last] = asked.as_slice()
                && asked.len() > 1
            {
                eprintln!(
                    "--layers: {} are alternatives (one is shown at a time); showing \"{last}\"",
                    asked.join(", ")
                );
            }
        }
        for layer in known {
            let visible = wanted.contains(&layer);
            self.apply(Command::SetLayerVisible {
                view: view_id.clone(),
                layer,
                visible,
            });
        }
    }

    /// The selected region id.
    #[must_use]
    pub fn selected(&self) -> Option<&str> {
        self.state.selected_region()
    }

    /// Regions highlighted as linked to the selection.
    #[must_use]
    pub fn linked(&self) -> &[String] {
        &self.state.linked
    }

    /// The study round, in study mode.
    #[must_use]
    pub fn quiz(&self) -> Option<&Quiz> {
        self.state.mode.quiz()
    }

    /// The preferences (saved between runs).
    #[must_use]
    pub fn prefs(&self) -> &Preferences {
        &self.state.prefs
    }

    /// The current view.
    #[must_use]
    pub fn current_view(&self) -> Option<&PreparedView> {
        self.state.current_view()
    }

    /// The current view's transform from diagram coordinates to screen points, where the
    /// camera is heading (an animation ends there).
    #[must_use]
    pub fn screen_from_diagram(&self) -> Option<egui::emath::TSTransform> {
        self.state.screen_from_diagram()
    }

    /// Where content is read from.
    #[must_use]
    pub fn content(&self) -> &ContentSet {
        &self.content
    }

    /// Points the app at other content (tests and authors) and reloads.
    pub fn set_content(&mut self, content: ContentSet) {
        self.content = content;
        self.reload();
    }

    /// Reads the content again. On problems the last good content stays and the problems are
    /// shown once, in the banner.
    pub fn reload(&mut self) {
        let loaded = content::load(&self.content);
        if loaded.is_ok() {
            self.cache.textures.clear();
            self.cache.diagram = DiagramCache::default();
        }
        if let Err(errors) = &loaded
            && self.state.atlas.is_none()
            && !self.content.packs.is_empty()
        {
            // Nothing shown yet and a pack is broken: start with the built-in content alone,
            // with the pack's problems in the banner.
            let builtin = ContentSet {
                builtin: self.content.builtin.clone(),
                packs: Vec::new(),
            };
            if let Ok(atlas) = content::load(&builtin) {
                self.state.set_content(Ok(atlas));
            }
            self.state.set_content(Err(errors.clone()));
            return;
        }
        self.state.set_content(loaded);
    }

    /// Applies one command and carries out what it asks of the platform.
    pub fn apply(&mut self, command: Command) {
        if matches!(command, Command::EndConsult | Command::ToggleConsult) {
            // Leaving: the session is saved first.
            self.save_consult();
        }
        match self.state.apply(command) {
            None => {}
            Some(Effect::Reload) => self.reload(),
            Some(Effect::FocusSearch) => {
                self.ctx.memory_mut(|m| m.request_focus(search_field_id()));
            }
            Some(Effect::FocusDiagram) => self.cache.focus_diagram = true,
            Some(Effect::SaveUserData) => self.save_user_data(),
            Some(Effect::HoldEnded) => {
                self.ctx
                    .send_viewport_cmd(egui::ViewportCommand::RequestUserAttention(
                        egui::UserAttentionType::Informational,
                    ));
            }
            Some(Effect::Fullscreen(true)) => self.consult_started(),
            Some(Effect::Fullscreen(false)) => self.consult_ended(),
            Some(Effect::Records(request)) => self.records_request(request),
        }
    }

    fn save_user_data(&mut self) {
        if let Err(err) = self.stores.save_user(&self.state.user) {
            self.state.notices.push(err);
        }
    }

    fn save_prefs(&mut self) {
        // During a consultation the atlas's own preferences are kept, not the consultation's
        // view and layers.
        let prefs = self
            .state
            .consult()
            .map_or(&self.state.prefs, |c| &c.restore.prefs);
        if let Err(err) = self.stores.save_prefs(prefs) {
            self.state.notices.push(err);
        }
    }

    fn texture_for(
        &mut self,
        ctx: &egui::Context,
        view: &PreparedView,
        layer: usize,
    ) -> Option<TextureHandle> {
        let image = view.layer_images.get(layer)?.as_ref()?;
        let texture = self
            .cache
            .textures
            .entry(image.source.clone())
            .or_insert_with(|| {
                let color = egui::ColorImage::from_rgba_unmultiplied(image.size, &image.rgba);
                ctx.load_texture(&image.source, color, egui::TextureOptions::LINEAR)
            });
        Some(texture.clone())
    }

    /// The camera to draw the view with this frame: the state's, reached at once after the
    /// user's own drags, or glided toward (a quarter of a second) when the app moved it.
    fn shown_camera(&mut self, ctx: &egui::Context, view: &PreparedView) -> Camera {
        let target = self.state.camera(view);
        let glide = self
            .cache
            .shown_cameras
            .entry(view.id.clone())
            .or_insert(Glide {
                from: target.camera,
                to: target.camera,
                progress: 1.0,
            });
        if !target.animate {
            *glide = Glide {
                from: target.camera,
                to: target.camera,
                progress: 1.0,
            };
        } else if glide.to != target.camera {
            *glide = Glide {
                from: glide.at(),
                to: target.camera,
                progress: 0.0,
            };
        }
        if glide.progress < 1.0 {
            let dt = ctx.input(|i| i.stable_dt).clamp(0.0, GLIDE_SECS);
            glide.progress = (glide.progress + dt / GLIDE_SECS).min(1.0);
            ctx.request_repaint();
        }
        glide.at()
    }

    /// What the status file says now.
    fn status_now(&self, ctx: &egui::Context) -> status::Status {
        let transform = self.state.screen_from_diagram().unwrap_or_default();
        status::Status {
            frames: self.frames,
            view: self.state.current_view().map(|v| v.id.clone()),
            selected: self.selected().map(str::to_owned),
            errors: self.state.errors.len(),
            markers: self.state.consult().map(|c| c.session.markers.len()),
            scale: transform.scaling,
            translation: [transform.translation.x, transform.translation.y],
            pixels_per_point: ctx.pixels_per_point(),
        }
    }

    /// Whether the current view's drawn camera has reached the state's.
    fn cameras_settled(&self) -> bool {
        let Some(view) = self.state.current_view() else {
            return true;
        };
        self.cache
            .shown_cameras
            .get(&view.id)
            .is_none_or(|g| g.progress >= 1.0 && g.to == self.state.camera(view).camera)
    }
}

/// A seed for the study rounds from the clock (the app, not tests).
fn clock_seed() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| u64::from(d.subsec_nanos()) ^ d.as_secs())
}

/// The theme and the palette's colours in egui's visuals.
fn apply_theme(ctx: &egui::Context, dark: bool) {
    let (theme, preference) = if dark {
        (egui::Theme::Dark, egui::ThemePreference::Dark)
    } else {
        (egui::Theme::Light, egui::ThemePreference::Light)
    };
    ctx.set_theme(preference);
    ctx.style_mut_of(theme, |style| {
        Palette::new(dark).apply_to(&mut style.visuals)
    });
}

impl eframe::App for AtlasApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        if self
            .watcher
            .as_ref()
            .is_some_and(ContentWatcher::take_change)
        {
            self.reload();
        }
        let wanted = if self.state.prefs.dark {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        };
        if ctx.theme() != wanted {
            apply_theme(ctx, self.state.prefs.dark);
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        if ctx.input(|i| i.viewport().close_requested()) {
            // The window is closing: draw nothing, so that a slow frame (a huge view on a
            // software renderer) cannot hold the close back by another frame.
            return;
        }
        let mut commands = Vec::new();
        // A running hold that reached its time ends before the frame is drawn.
        if self.state.routine_repaint_in().is_some() {
            self.apply(Command::Routine(RoutineCommand::Tick));
        }
        let consulting = matches!(self.state.mode, crate::state::Mode::Consult(_));
        layout::shortcuts(&ctx, consulting, &mut commands);
        self.layout_ui(ui, &mut commands);
        self.passphrase_ui(&ctx);
        for command in commands {
            self.apply(command);
        }
        // Idle, nothing is redrawn; while a hold counts, once for each second it shows.
        if let Some(wait) = self.state.routine_repaint_in() {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait));
        }
        self.autosave(&ctx);
        self.frames += 1;
        let settled = self.cameras_settled();
        if let Some(job) = &mut self.screenshot {
            job.step(&ctx, self.frames, settled, &self.state.errors);
        }
        if self.status.is_some() {
            let status = self.status_now(&ctx);
            if let Some(file) = &mut self.status {
                file.update(status);
            }
        }
    }

    fn save(&mut self, _storage: &mut dyn eframe::Storage) {
        self.save_consult();
        self.save_prefs();
        self.save_user_data();
    }

    fn persist_egui_memory(&self) -> bool {
        self.stores.any()
    }
}

/// The window options: the size from the command line wins over the one saved last time, and
/// a run with `--size` or `--screenshot` neither reads nor writes the saved window.
#[must_use]
pub fn native_options(options: &StartOptions) -> eframe::NativeOptions {
    let own_window = options.size.is_none()
        && options.screenshot.is_none()
        && options.storage == Storage::Platform;
    eframe::NativeOptions {
        renderer: eframe::Renderer::Glow,
        viewport: egui::ViewportBuilder::default()
            .with_title("Bodywork Atlas")
            .with_app_id(APP_ID)
            .with_inner_size(options.size.unwrap_or([1600.0, 1000.0]))
            .with_min_inner_size([720.0, 480.0]),
        persist_window: own_window,
        // The saved window's file where eframe keeps it (named here, so that the app checks the
        // same file before eframe reads it); otherwise elsewhere: nothing saved is read, nothing
        // is written over it.
        persistence_path: if own_window {
            eframe::storage_dir(APP_ID).map(|dir| dir.join("app.ron"))
        } else {
            Some(scratch_window_file())
        },
        ..Default::default()
    }
}

/// The app's id for the window system and eframe's folder.
const APP_ID: &str = "bodywork-atlas";

/// A window file of this run alone, removed when it ends.
fn scratch_window_file() -> PathBuf {
    std::env::temp_dir()
        .join(format!("bodywork-atlas-{}", std::process::id()))
        .join("window.ron")
}

/// Opens the window and runs the app until it is closed.
///
/// # Errors
/// When no window can be opened.
pub fn run(mut options: StartOptions) -> eframe::Result<()> {
    let mut native = native_options(&options);
    if native.persist_window
        && let Some(path) = &native.persistence_path
    {
        // eframe trusts this file; check and repair it first (see `window_file`).
        let prepared = window_file::prepare(path);
        options.notices.extend(prepared.notice);
        if !prepared.usable {
            native.persist_window = false;
            native.persistence_path = Some(scratch_window_file());
        }
    }
    let own_file = native.persist_window;
    let scratch = (!own_file)
        .then(|| native.persistence_path.clone())
        .flatten();
    let result = eframe::run_native(
        "Bodywork Atlas",
        native,
        Box::new(move |cc| Ok(Box::new(AtlasApp::new(cc, options)))),
    );
    if let Some(dir) = scratch.as_deref().and_then(std::path::Path::parent) {
        let _ = std::fs::remove_dir_all(dir);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_size_on_the_command_line_wins_over_the_saved_window() {
        let saved = native_options(&StartOptions::shipped());
        assert!(saved.persist_window);
        assert_eq!(
            saved.persistence_path,
            eframe::storage_dir("bodywork-atlas").map(|d| d.join("app.ron")),
            "the file eframe would use, named so the app can check it first"
        );
        let sized = native_options(&StartOptions {
            size: Some([1024.0, 700.0]),
            ..StartOptions::shipped()
        });
        assert!(!sized.persist_window, "the saved size is not restored");
        assert!(
            sized.persistence_path.is_some(),
            "the saved window file is neither read nor written"
        );
        assert_eq!(sized.viewport.inner_size, Some(egui::vec2(1024.0, 700.0)));
    }

    #[test]
    fn a_screenshot_run_never_touches_saved_state() {
        let options = StartOptions {
            screenshot: Some((PathBuf::from("x.png"), ScreenshotResult::default())),
            storage: Storage::None,
            ..StartOptions::shipped()
        };
        let native = native_options(&options);
        assert!(!native.persist_window && native.persistence_path.is_some());
    }
}
