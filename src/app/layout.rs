//! The panel layout of one frame: top bar, notices, error banner, layers on the left, the
//! detail or study panel on the right, the diagram in the middle, the safety window.

use egui::{Key, KeyboardShortcut, Modifiers, RichText, TextureHandle, Ui};

use super::AtlasApp;
use crate::state::{Command, ConsultCommand, GuideCommand, GuidePage, Mode, Tool};
use crate::ui::detail::{DetailInput, detail_ui};
use crate::ui::diagram::{DiagramInput, diagram_ui};
use crate::ui::guide::{GuideInput, guide_ui, plan_window_ui};
use crate::ui::layers::{layers_ui, structures_ui};
use crate::ui::legend::{LegendInput, has_legend, legend_ui};
use crate::ui::palette::Palette;
use crate::ui::quiz::quiz_ui;
use crate::ui::routine::{RoutineInput, routine_ui};
use crate::ui::safety::safety_ui;
use crate::ui::top_bar::{TopBarInput, top_bar_ui};

/// The keys of consultation mode's tools, in the order of [`Tool::ALL`] (Point, Mark pain, Pen,
/// Treat, Avoid), as the tool bar shows them.
pub const TOOL_KEYS: [Key; 5] = [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5];

/// The most content problems laid out in the banner (`check` lists them all).
const MAX_BANNER_ERRORS: usize = 100;

/// Keys that work anywhere: Ctrl+F search, F6 the diagram, F5 reload, Home reset, Escape clear,
/// F11 consultation mode; in consultation mode, 1-5 pick the tools (see [`TOOL_KEYS`]).
pub(super) fn shortcuts(ctx: &egui::Context, consulting: bool, commands: &mut Vec<Command>) {
    let typing = ctx.egui_wants_keyboard_input();
    ctx.input_mut(|i| {
        if consulting && !typing {
            for (key, tool) in TOOL_KEYS.into_iter().zip(Tool::ALL) {
                if i.consume_key(Modifiers::NONE, key) {
                    commands.push(Command::Consult(ConsultCommand::Tool(tool)));
                }
            }
        }
        if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::F)) {
            commands.push(Command::FocusSearch);
        }
        if i.consume_key(Modifiers::NONE, Key::F6) {
            commands.push(Command::FocusDiagram);
        }
        if i.consume_key(Modifiers::NONE, Key::F5) {
            commands.push(Command::Reload);
        }
        if !typing && i.consume_key(Modifiers::NONE, Key::Home) {
            commands.push(Command::ResetCamera);
        }
        if !typing && i.key_pressed(Key::Escape) {
            commands.push(Command::ClearSelection);
        }
        if i.consume_key(Modifiers::NONE, Key::F11) {
            commands.push(Command::ToggleConsult);
        }
    });
}

impl AtlasApp {
    pub(super) fn layout_ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let ctx = ui.ctx().clone();
        let palette = Palette::new(self.state.prefs.dark);
        let Some(atlas) = self.state.atlas.clone() else {
            egui::CentralPanel::default().show(ui, |ui| {
                self.errors_ui(ui, &palette);
                ui.heading("No content could be loaded");
            });
            return;
        };
        let Some(view) = self.state.current_view().map(|v| v.id.clone()) else {
            return;
        };
        // The view borrowed from this frame's handle on the content, not cloned: it holds all
        // the prepared geometry.
        let Some(view) = atlas.view_index(&view).and_then(|i| atlas.views.get(i)) else {
            return;
        };
        if let Mode::Consult(_) = self.state.mode {
            self.consult_layout_ui(ui, &atlas, view, commands);
            return;
        }
        egui::Panel::top("top_bar").show(ui, |ui| {
            ui.add_space(3.0);
            let input = TopBarInput {
                atlas: &atlas,
                current_view: Some(view.id.as_str()),
                studying: matches!(self.state.mode, Mode::Study(_)),
                guide_open: matches!(self.state.mode, Mode::Guide(_)),
                dark: self.state.prefs.dark,
                show_safety: self.state.show_safety,
                palette: &palette,
            };
            top_bar_ui(ui, &input, &mut self.cache.search, commands);
            ui.add_space(3.0);
        });
        if let Some(notice) = self.state.notices.first() {
            egui::Panel::top("notice").show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(notice).color(palette.warning));
                    if ui.small_button("Dismiss").clicked() {
                        commands.push(Command::DismissNotice);
                    }
                });
            });
        }
        if !self.state.errors.is_empty() {
            egui::Panel::top("errors")
                .frame(egui::Frame::new())
                .show(ui, |ui| self.errors_ui(ui, &palette));
        }
        // The diagram keeps at least about a third of the window: the side panels give way in
        // small windows.
        let width = ui.available_width();
        egui::Panel::left("layers")
            .resizable(true)
            .default_size(230.0)
            .size_range(150.0..=(width * 0.25).max(150.0))
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        ui.add_space(6.0);
                        layers_ui(ui, view, &self.state.prefs, commands);
                        ui.add_space(10.0);
                        // A foot map has its legend instead of the list of structures; like
                        // every name, it stays hidden while a study question waits.
                        if has_legend(view) {
                            if !self.state.conceals_names() {
                                let input = LegendInput {
                                    atlas: &atlas,
                                    view,
                                    selected: self.state.selected_region(),
                                    palette: &palette,
                                };
                                legend_ui(ui, &input, commands);
                            }
                        } else if let Mode::Browse | Mode::Guide(_) = self.state.mode {
                            structures_ui(
                                ui,
                                &atlas,
                                view,
                                &self.state.prefs,
                                self.state.selected_region(),
                                commands,
                            );
                        }
                    });
            });
        egui::Panel::right("detail")
            .resizable(true)
            .default_size(400.0)
            .size_range(220.0..=(width * 0.4).max(220.0))
            .show(ui, |ui| match &self.state.mode {
                Mode::Study(study) => {
                    quiz_ui(
                        ui,
                        &atlas,
                        &study.quiz,
                        &self.state.user.study,
                        &palette,
                        commands,
                    );
                }
                // Consultation mode has its own frame (`consult_layout_ui`).
                Mode::Consult(_) => {}
                Mode::Guide(state) if state.page == GuidePage::Guide => {
                    if let Some(guide) = &atlas.guide {
                        let input = GuideInput {
                            atlas: &atlas,
                            guide,
                            state,
                            palette: &palette,
                        };
                        guide_ui(ui, &input, commands);
                    }
                }
                Mode::Routine(routine) => {
                    let input = RoutineInput {
                        atlas: &atlas,
                        routine,
                        now: self.state.clock.now_secs(),
                        palette: &palette,
                    };
                    routine_ui(ui, &input, commands);
                }
                Mode::Browse | Mode::Guide(_) => {
                    if let Mode::Guide(_) = self.state.mode {
                        ui.add_space(4.0);
                        if ui.button("Back to the guide").clicked() {
                            commands.push(Command::Guide(GuideCommand::Back));
                        }
                    }
                    let input = DetailInput {
                        atlas: &atlas,
                        view,
                        selection: self.state.selection(),
                        serial: self.state.selection_serial(),
                        palette: &palette,
                    };
                    detail_ui(ui, &input, commands);
                }
            });
        let textures: Vec<Option<TextureHandle>> = (0..view.layers.len())
            .map(|i| self.texture_for(&ctx, view, i))
            .collect();
        let camera = self.shown_camera(&ctx, view);
        let take_focus = std::mem::take(&mut self.cache.focus_diagram);
        egui::CentralPanel::default()
            .frame(egui::Frame::new())
            .show(ui, |ui| {
                let input = DiagramInput {
                    atlas: &atlas,
                    view,
                    settings: &self.state.prefs,
                    selected: self.state.selected_region(),
                    camera,
                    palette,
                    textures: &textures,
                    linked: &self.state.linked,
                    conceal_names: self.state.conceals_names(),
                    report_focus: self.state.mode.focus_selects(),
                    take_focus,
                    plain_names: false,
                    overlay: None,
                    targets: true,
                };
                diagram_ui(ui, &input, &mut self.cache.diagram, commands);
            });
        if let (Mode::Guide(state), Some(guide)) = (&self.state.mode, &atlas.guide)
            && state.presenting
        {
            plan_window_ui(&ctx, guide, &palette, commands);
        }
        if self.state.show_safety {
            let mut open = true;
            egui::Window::new("Safety: red flags and when not to massage")
                .open(&mut open)
                .default_width(520.0)
                .default_height(560.0)
                .show(&ctx, |ui| {
                    safety_ui(ui, &atlas.safety, &palette, |id| {
                        atlas
                            .source(id)
                            .map_or_else(|| id.to_owned(), |s| s.citation.clone())
                    });
                });
            if !open {
                commands.push(Command::ShowSafety(false));
            }
        }
    }

    fn errors_ui(&self, ui: &mut Ui, palette: &Palette) {
        let frame = egui::Frame::new()
            .fill(palette.error_fill)
            .inner_margin(6.0);
        frame.show(ui, |ui| {
            ui.set_width(ui.available_width());
            let kept = if self.state.atlas.is_some() {
                "the last good content is still shown"
            } else {
                "no content could be shown"
            };
            ui.label(
                RichText::new(format!(
                    "{} problem(s) in the content files; {kept}. Fix them and press F5.",
                    self.state.errors.len()
                ))
                .strong()
                .color(palette.error_text),
            );
            egui::ScrollArea::vertical()
                .max_height(110.0)
                .show(ui, |ui| {
                    for error in self.state.errors.iter().take(MAX_BANNER_ERRORS) {
                        ui.label(
                            RichText::new(error.to_string())
                                .monospace()
                                .color(palette.error_text),
                        );
                    }
                    let more = self.state.errors.len().saturating_sub(MAX_BANNER_ERRORS);
                    if more > 0 {
                        ui.label(
                            RichText::new(format!(
                                "… and {more} more: `bodywork-atlas check` lists them all"
                            ))
                            .color(palette.error_text),
                        );
                    }
                });
        });
    }
}
