//! The eframe application: owns the state, draws the panels, applies commands.

pub mod command;
pub mod state;
mod study;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use egui::{Key, KeyboardShortcut, Modifiers, Rect, RichText, TextureHandle, Ui};

use self::command::Command;
use self::state::{LayerSetting, SETTINGS_KEY, Settings};
use crate::content::{self, ContentError, ContentSet};
use crate::model::quiz::Quiz;
use crate::model::{Atlas, PreparedRegion, PreparedView, RegionRef};
use crate::ui::camera::Camera;
use crate::ui::diagram::{DiagramCache, DiagramInput, diagram_ui};
use crate::ui::palette::Palette;
use crate::ui::search::{SearchState, search_field_id, search_ui};
use crate::ui::{detail, layers, safety};

/// Outcome of a `--screenshot` run, filled in when the image is saved.
pub type ScreenshotResult = Arc<Mutex<Option<Result<(), String>>>>;

/// How the app starts.
#[derive(Clone, Debug)]
pub struct StartOptions {
    pub dirs: ContentSet,
    /// View id to open with.
    pub view: Option<String>,
    /// Region id to select at start.
    pub select: Option<String>,
    /// Save the first complete frame to this PNG, then close.
    pub screenshot: Option<(PathBuf, ScreenshotResult)>,
    /// Restore and save settings (off for screenshots and tests, so they are repeatable).
    pub persist: bool,
    /// Initial window size in points (default 1600x1000).
    pub size: Option<[f32; 2]>,
}

impl StartOptions {
    /// The shipped content, persisted settings.
    #[must_use]
    pub fn shipped() -> Self {
        Self {
            dirs: ContentSet::shipped(),
            view: None,
            select: None,
            screenshot: None,
            persist: true,
            size: None,
        }
    }
}

struct ScreenshotJob {
    path: PathBuf,
    result: ScreenshotResult,
    requested: bool,
}

/// The Bodywork Atlas app.
pub struct AtlasApp {
    settings: Settings,
    /// A one-off message for the user (e.g. saved settings that could not be read).
    notice: Option<String>,
    dirs: ContentSet,
    atlas: Option<Arc<Atlas>>,
    /// Problems of the last load; shown in a banner until the content loads cleanly.
    errors: Vec<ContentError>,
    selected: Option<String>,
    /// Regions highlighted as linked to the selection (a zone's body parts, a muscle's zones,
    /// or the right answer in study mode).
    linked: Vec<String>,
    /// Study mode, when on.
    quiz: Option<Quiz>,
    cameras: HashMap<String, Camera>,
    last_diagram_rect: Rect,
    search: SearchState,
    show_safety: bool,
    /// Layer textures, made once per content load: (view id, layer index).
    textures: HashMap<(String, usize), Option<TextureHandle>>,
    /// The diagram's tessellated meshes, reused between frames.
    diagram_cache: DiagramCache,
    screenshot: Option<ScreenshotJob>,
    persist: bool,
    frames: u64,
    /// Watches the content folder so edits show at once (authors); `None` in tests.
    watcher: Option<ContentWatcher>,
}

/// A file watcher on the content folder that flags changes and wakes the UI.
struct ContentWatcher {
    _watcher: notify::RecommendedWatcher,
    changed: Arc<AtomicBool>,
}

impl ContentWatcher {
    fn new(dirs: &ContentSet, ctx: &egui::Context) -> Option<Self> {
        use notify::Watcher as _;
        let changed = Arc::new(AtomicBool::new(false));
        let (flag, ctx) = (changed.clone(), ctx.clone());
        let mut watcher =
            notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
                if event
                    .is_ok_and(|e| e.kind.is_modify() || e.kind.is_create() || e.kind.is_remove())
                {
                    flag.store(true, Ordering::Relaxed);
                    ctx.request_repaint();
                }
            })
            .ok()?;
        for path in dirs.watch_paths() {
            watcher
                .watch(&path, notify::RecursiveMode::Recursive)
                .ok()?;
        }
        Some(Self {
            _watcher: watcher,
            changed,
        })
    }

    fn take_change(&self) -> bool {
        self.changed.swap(false, Ordering::Relaxed)
    }
}

impl AtlasApp {
    /// Builds the app: loads content, restores settings.
    #[must_use]
    pub fn new(cc: &eframe::CreationContext<'_>, options: StartOptions) -> Self {
        let saved = options
            .persist
            .then(|| cc.storage.and_then(|s| s.get_string(SETTINGS_KEY)))
            .flatten();
        let (settings, notice) = Settings::restore(saved.as_deref());
        let mut app = Self {
            notice,
            settings,
            dirs: options.dirs,
            atlas: None,
            errors: Vec::new(),
            selected: None,
            linked: Vec::new(),
            quiz: None,
            cameras: HashMap::new(),
            last_diagram_rect: Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(800.0, 800.0)),
            search: SearchState::default(),
            show_safety: false,
            textures: HashMap::new(),
            diagram_cache: DiagramCache::default(),
            screenshot: options.screenshot.map(|(path, result)| ScreenshotJob {
                path,
                result,
                requested: false,
            }),
            persist: options.persist,
            frames: 0,
            watcher: None,
        };
        if options.persist {
            app.watcher = ContentWatcher::new(&app.dirs, &cc.egui_ctx);
        }
        app.reload();
        if let Some(view) = options.view {
            app.apply(Command::ShowView(view));
        }
        if let Some(region) = options.select {
            app.apply(Command::Reveal(region));
        }
        cc.egui_ctx.set_theme(theme(app.settings.dark));
        app
    }

    /// The loaded content, if any loaded cleanly yet.
    #[must_use]
    pub fn atlas(&self) -> Option<&Atlas> {
        self.atlas.as_deref()
    }

    /// Problems found by the last load.
    #[must_use]
    pub fn errors(&self) -> &[ContentError] {
        &self.errors
    }

    /// The selected region id.
    #[must_use]
    pub fn selected(&self) -> Option<&str> {
        self.selected.as_deref()
    }

    /// Regions highlighted as linked to the selection.
    #[must_use]
    pub fn linked(&self) -> &[String] {
        &self.linked
    }

    /// The study round, when study mode is on.
    #[must_use]
    pub fn quiz(&self) -> Option<&Quiz> {
        self.quiz.as_ref()
    }

    /// A one-off message shown under the top bar, if any.
    #[must_use]
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    /// The persisted settings.
    #[must_use]
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Where content is read from.
    #[must_use]
    pub fn dirs(&self) -> &ContentSet {
        &self.dirs
    }

    /// Points the app at another content folder (used by tests and authors) and reloads.
    pub fn set_dirs(&mut self, dirs: ContentSet) {
        self.dirs = dirs;
        self.reload();
    }

    /// The current view.
    #[must_use]
    pub fn current_view(&self) -> Option<&PreparedView> {
        view_of(self.atlas.as_deref()?, &self.settings)
    }

    /// The current view's transform from diagram coordinates to screen points, as last drawn.
    #[must_use]
    pub fn screen_from_diagram(&self) -> Option<egui::emath::TSTransform> {
        let view = self.current_view()?;
        let canvas = view.canvas_rect();
        let camera = self
            .cameras
            .get(&view.id)
            .copied()
            .unwrap_or_else(|| Camera::fit(canvas));
        Some(camera.screen_from_diagram(self.last_diagram_rect, canvas))
    }

    /// Reads the content again. On problems the last good content stays and the problems are
    /// shown once, in the banner.
    pub fn reload(&mut self) {
        match content::load(&self.dirs) {
            Ok(atlas) => {
                self.atlas = Some(Arc::new(atlas));
                self.errors.clear();
                self.textures.clear();
                self.diagram_cache = DiagramCache::default();
                if let Some(sel) = &self.selected
                    && self
                        .atlas
                        .as_ref()
                        .and_then(|a| a.find_region(sel))
                        .is_none()
                {
                    self.selected = None;
                }
            }
            Err(errors) => self.errors = errors,
        }
    }

    /// Applies one command. The only place state changes.
    pub fn apply(&mut self, command: Command) {
        match command {
            Command::ShowView(id) => {
                if self
                    .atlas
                    .as_ref()
                    .is_some_and(|a| a.view_index(&id).is_some())
                {
                    self.settings.view = Some(id);
                }
            }
            Command::Select(id) => self.select(id),
            Command::Reveal(id) => {
                self.linked.clear();
                self.reveal_regions(std::slice::from_ref(&id));
            }
            Command::ShowLinked(ids) => self.reveal_regions(&ids),
            Command::StartQuiz => self.start_quiz(),
            Command::QuizChoice(i) => self.quiz_choice(i),
            Command::QuizNext => self.quiz_next(),
            Command::EndQuiz => {
                self.quiz = None;
                self.linked.clear();
            }
            Command::SetLayerVisible {
                view,
                layer,
                visible,
            } => {
                self.update_layer(&view, &layer, |s| s.visible = visible);
            }
            Command::SetLayerOpacity {
                view,
                layer,
                opacity,
            } => {
                self.update_layer(&view, &layer, |s| s.opacity = opacity.clamp(0.0, 1.0));
            }
            Command::SetCamera(camera) => {
                if let Some(id) = self.current_view().map(|v| v.id.clone()) {
                    self.cameras.insert(id, camera);
                }
            }
            Command::ResetCamera => {
                if let Some(id) = self.current_view().map(|v| v.id.clone()) {
                    self.cameras.remove(&id);
                }
            }
            Command::SetDark(dark) => self.settings.dark = dark,
            Command::SetLabels(on) => self.settings.labels = on,
            Command::Reload => self.reload(),
            Command::ShowSafety(show) => self.show_safety = show,
            // Keyboard focus is egui memory, set in `ui` where the context is at hand.
            Command::FocusSearch => {}
            Command::DismissNotice => self.notice = None,
        }
    }

    fn update_layer(
        &mut self,
        view_id: &str,
        layer_id: &str,
        change: impl FnOnce(&mut LayerSetting),
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
        let mut setting = self.settings.layer(view, layer);
        change(&mut setting);
        self.settings.set_layer(view_id, layer_id, setting);
    }

    fn select(&mut self, id: Option<String>) {
        if self.quiz.is_some() {
            if let Some(id) = id {
                self.quiz_answer_region(&id);
            }
            return;
        }
        self.linked.clear();
        self.selected = id;
    }

    /// Switches to the view holding most of `ids`, shows their layers, selects the first of
    /// them there and highlights the rest, and brings them into view.
    fn reveal_regions(&mut self, ids: &[String]) {
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
        self.settings.view = Some(view.id.clone());
        for region in &regions {
            if !self.settings.layer_shown(view, region.layer) {
                let mut setting = self.settings.layer(view, region.layer);
                setting.visible = true;
                if setting.opacity < 0.2 {
                    setting.opacity = 1.0;
                }
                if let Some(layer) = view.layers.get(region.layer) {
                    self.settings.set_layer(&view.id, &layer.id, setting);
                }
            }
        }
        let Some(target) = regions.iter().map(|r| r.bbox).reduce(Rect::union) else {
            return;
        };
        let canvas = view.canvas_rect();
        let mut camera = self
            .cameras
            .get(&view.id)
            .copied()
            .unwrap_or_else(|| Camera::fit(canvas));
        let screen = self.last_diagram_rect;
        let visible = camera
            .screen_from_diagram(screen, canvas)
            .inverse()
            .mul_rect(screen);
        if !visible.contains_rect(target) || camera.zoom > 1.0 {
            camera.focus_on(target, screen, canvas);
            self.cameras.insert(view.id.clone(), camera);
        }
        let mut ids = regions.iter().map(|r| r.id.clone());
        if self.quiz.is_none() {
            self.selected = ids.next();
        }
        self.linked = ids.collect();
    }

    fn shortcuts(ctx: &egui::Context, commands: &mut Vec<Command>) {
        let typing = ctx.egui_wants_keyboard_input();
        ctx.input_mut(|i| {
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::F)) {
                commands.push(Command::FocusSearch);
            }
            if i.consume_key(Modifiers::NONE, Key::F5) {
                commands.push(Command::Reload);
            }
            if !typing && i.consume_key(Modifiers::NONE, Key::Home) {
                commands.push(Command::ResetCamera);
            }
            if !typing && i.key_pressed(Key::Escape) {
                commands.push(Command::Select(None));
            }
        });
    }

    fn texture_for(
        &mut self,
        ctx: &egui::Context,
        view: &PreparedView,
        layer: usize,
    ) -> Option<TextureHandle> {
        self.textures
            .entry((view.id.clone(), layer))
            .or_insert_with(|| {
                let image = view.layer_images.get(layer)?.as_ref()?;
                let color = egui::ColorImage::from_rgba_unmultiplied(image.size, &image.rgba);
                Some(ctx.load_texture(
                    format!("{}/{}", view.id, image.path),
                    color,
                    egui::TextureOptions::LINEAR,
                ))
            })
            .clone()
    }

    fn top_bar_ui(&mut self, ui: &mut Ui, atlas: &Atlas, commands: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            ui.label(RichText::new("Bodywork Atlas").strong().size(16.0));
            ui.separator();
            let current = self.current_view().map(|v| v.id.clone());
            // Tabs when they fit beside the search and the buttons, else a drop-down.
            let tabs_width: f32 = atlas
                .views
                .iter()
                .map(|v| 6.6 * v.title.chars().count() as f32 + 18.0)
                .sum();
            if ui.available_width() > tabs_width + 560.0 {
                for view in &atlas.views {
                    let on = current.as_deref() == Some(view.id.as_str());
                    if ui.selectable_label(on, &view.title).clicked() && !on {
                        commands.push(Command::ShowView(view.id.clone()));
                    }
                }
            } else {
                let title = atlas
                    .views
                    .iter()
                    .find(|v| Some(v.id.as_str()) == current.as_deref())
                    .map_or("", |v| v.title.as_str());
                egui::ComboBox::from_label("View")
                    .selected_text(title)
                    .width(230.0)
                    .show_ui(ui, |ui| {
                        for view in &atlas.views {
                            let on = current.as_deref() == Some(view.id.as_str());
                            if ui.selectable_label(on, &view.title).clicked() && !on {
                                commands.push(Command::ShowView(view.id.clone()));
                            }
                        }
                    });
            }
            ui.separator();
            search_ui(ui, atlas, &mut self.search, commands);
            if !atlas.zones.is_empty() {
                let studying = self.quiz.is_some();
                let study = ui
                    .selectable_label(studying, "Study zones")
                    .on_hover_text("Quiz yourself on the foot reflex zones");
                if study.clicked() {
                    commands.push(if studying {
                        Command::EndQuiz
                    } else {
                        Command::StartQuiz
                    });
                }
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let dark = self.settings.dark;
                let label = if dark { "Light theme" } else { "Dark theme" };
                if ui
                    .button(label)
                    .on_hover_text("Switch the colour theme")
                    .clicked()
                {
                    commands.push(Command::SetDark(!dark));
                }
                if ui
                    .button("Reload")
                    .on_hover_text("Read the content files again (F5)")
                    .clicked()
                {
                    commands.push(Command::Reload);
                }
                let safety = egui::Button::new(
                    RichText::new("Safety and red flags")
                        .color(egui::Color32::from_rgb(0xd0, 0x40, 0x30)),
                );
                if ui
                    .add(safety)
                    .on_hover_text("Red flags and when not to massage")
                    .clicked()
                {
                    commands.push(Command::ShowSafety(!self.show_safety));
                }
            });
        });
    }

    fn errors_ui(&self, ui: &mut Ui) {
        let frame = egui::Frame::new()
            .fill(egui::Color32::from_rgb(0x8a, 0x1c, 0x1c))
            .inner_margin(6.0);
        frame.show(ui, |ui| {
            ui.set_width(ui.available_width());
            let kept = if self.atlas.is_some() {
                "the last good content is still shown"
            } else {
                "no content could be shown"
            };
            ui.label(
                RichText::new(format!(
                    "{} problem(s) in the content files; {kept}. Fix them and press F5.",
                    self.errors.len()
                ))
                .strong()
                .color(egui::Color32::WHITE),
            );
            egui::ScrollArea::vertical()
                .max_height(110.0)
                .show(ui, |ui| {
                    for error in &self.errors {
                        ui.label(
                            RichText::new(error.to_string())
                                .monospace()
                                .color(egui::Color32::WHITE),
                        );
                    }
                });
        });
    }

    fn screenshot_step(&mut self, ctx: &egui::Context) {
        let Some(job) = &mut self.screenshot else {
            return;
        };
        if !job.requested && self.frames >= 3 {
            job.requested = true;
            let (path, result, repaint) = (job.path.clone(), job.result.clone(), ctx.clone());
            ctx.request_screenshot(move |image| {
                let outcome = save_png(&path, &image);
                if let Ok(mut slot) = result.lock() {
                    *slot = Some(outcome);
                }
                repaint.request_repaint();
            });
        }
        let done = job.result.lock().map(|r| r.is_some()).unwrap_or(true);
        if done {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        } else {
            ctx.request_repaint();
        }
    }
}

/// The view the settings name, else the first.
fn view_of<'a>(atlas: &'a Atlas, settings: &Settings) -> Option<&'a PreparedView> {
    let wanted = settings.view.as_deref().and_then(|id| atlas.view_index(id));
    atlas.views.get(wanted.unwrap_or(0))
}

fn theme(dark: bool) -> egui::ThemePreference {
    if dark {
        egui::ThemePreference::Dark
    } else {
        egui::ThemePreference::Light
    }
}

fn save_png(path: &std::path::Path, image: &egui::ColorImage) -> Result<(), String> {
    let [w, h] = image.size;
    let (Ok(w), Ok(h)) = (u32::try_from(w), u32::try_from(h)) else {
        return Err("screenshot too large".into());
    };
    let rgba: Vec<u8> = image
        .pixels
        .iter()
        .flat_map(|c| c.to_srgba_unmultiplied())
        .collect();
    let buffer = image::RgbaImage::from_raw(w, h, rgba).ok_or("screenshot has the wrong size")?;
    buffer
        .save(path)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
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
        // The settings decide the theme (the chart palette follows them too).
        let wanted = if self.settings.dark {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        };
        if ctx.theme() != wanted {
            ctx.set_theme(theme(self.settings.dark));
        }
    }

    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        let mut commands = Vec::new();
        Self::shortcuts(&ctx, &mut commands);
        if commands.contains(&Command::FocusSearch) {
            ctx.memory_mut(|m| m.request_focus(search_field_id()));
        }
        let Some(atlas) = self.atlas.clone() else {
            egui::CentralPanel::default().show(ui, |ui| {
                self.errors_ui(ui);
                ui.heading("No content could be loaded");
            });
            return;
        };
        egui::Panel::top("top_bar").show(ui, |ui| {
            ui.add_space(3.0);
            self.top_bar_ui(ui, &atlas, &mut commands);
            ui.add_space(3.0);
        });
        if let Some(notice) = self.notice.clone() {
            egui::Panel::top("notice").show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.label(
                        RichText::new(notice).color(egui::Color32::from_rgb(0xb0, 0x70, 0x10)),
                    );
                    if ui.small_button("Dismiss").clicked() {
                        commands.push(Command::DismissNotice);
                    }
                });
            });
        }
        if !self.errors.is_empty() {
            egui::Panel::top("errors")
                .frame(egui::Frame::new())
                .show(ui, |ui| self.errors_ui(ui));
        }
        // The view borrowed from this frame's handle on the content, not cloned: it holds all
        // the prepared geometry.
        let Some(view) = view_of(&atlas, &self.settings) else {
            return;
        };
        egui::Panel::left("layers")
            .resizable(true)
            .default_size(230.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    ui.add_space(6.0);
                    layers::layers_ui(ui, view, &self.settings, &mut commands);
                    ui.add_space(10.0);
                    if self.quiz.is_none() {
                        layers::structures_ui(
                            ui,
                            &atlas,
                            view,
                            self.selected.as_deref(),
                            &mut commands,
                        );
                    }
                });
            });
        let region = self
            .selected
            .as_deref()
            .and_then(|id| view.region_index(id))
            .and_then(|i| view.regions.get(i));
        egui::Panel::right("detail")
            .resizable(true)
            .default_size(400.0)
            .min_size(280.0)
            .show(ui, |ui| match &self.quiz {
                Some(quiz) => {
                    crate::ui::quiz::quiz_ui(ui, &atlas, quiz, &self.settings.study, &mut commands);
                }
                None => detail::detail_ui(ui, &atlas, view, region, &mut commands),
            });
        let textures: Vec<Option<TextureHandle>> = (0..view.layers.len())
            .map(|i| self.texture_for(&ctx, view, i))
            .collect();
        egui::CentralPanel::default()
            .frame(egui::Frame::new())
            .show(ui, |ui| {
                self.last_diagram_rect = ui.available_rect_before_wrap();
                let input = DiagramInput {
                    atlas: &atlas,
                    view,
                    settings: &self.settings,
                    selected: self.selected.as_deref(),
                    camera: self
                        .cameras
                        .get(&view.id)
                        .copied()
                        .unwrap_or_else(|| Camera::fit(view.canvas_rect())),
                    palette: Palette::new(self.settings.dark),
                    textures: &textures,
                    linked: &self.linked,
                    select_on_focus: self.quiz.is_none(),
                    conceal_names: self.quiz.as_ref().is_some_and(|q| {
                        matches!(q.question(), Some(crate::model::quiz::Question::Find(_)))
                            && q.feedback().is_none()
                    }),
                };
                diagram_ui(ui, &input, &mut self.diagram_cache, &mut commands);
            });
        if self.show_safety {
            let mut open = true;
            egui::Window::new("Safety: red flags and when not to massage")
                .open(&mut open)
                .default_width(520.0)
                .default_height(560.0)
                .show(&ctx, |ui| {
                    safety::safety_ui(ui, &atlas.safety, |id| {
                        atlas
                            .source(id)
                            .map_or_else(|| id.to_owned(), |s| s.citation.clone())
                    });
                });
            if !open {
                commands.push(Command::ShowSafety(false));
            }
        }
        for command in commands {
            self.apply(command);
        }

        self.frames += 1;
        self.screenshot_step(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.persist {
            eframe::set_value(storage, SETTINGS_KEY, &self.settings);
        }
    }
}

/// Opens the window and runs the app until it is closed.
///
/// # Errors
/// When no window can be opened.
pub fn run(options: StartOptions) -> eframe::Result<()> {
    let native = eframe::NativeOptions {
        renderer: eframe::Renderer::Glow,
        viewport: egui::ViewportBuilder::default()
            .with_title("Bodywork Atlas")
            .with_inner_size(options.size.unwrap_or([1600.0, 1000.0]))
            .with_min_inner_size([720.0, 480.0]),
        persist_window: options.persist,
        ..Default::default()
    };
    eframe::run_native(
        "Bodywork Atlas",
        native,
        Box::new(move |cc| Ok(Box::new(AtlasApp::new(cc, options)))),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_watcher_sees_an_edit_under_the_data_folder() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        std::fs::create_dir_all(data.join("views")).unwrap();
        let watcher = ContentWatcher::new(&ContentSet::only(&data), &egui::Context::default())
            .expect("a watcher on the data folder");
        assert!(!watcher.take_change());
        std::fs::write(data.join("views/new.ron"), "View()").unwrap();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while !watcher.take_change() {
            assert!(
                std::time::Instant::now() < deadline,
                "no change seen within 10 s"
            );
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }
}
