//! The top bar: views, search, study, the guide, safety, theme and reload, laid out for every window
//! width from the minimum (720 points) up: tabs become a drop-down, secondary buttons go into
//! a menu, and the safety button keeps its place.

use egui::{RichText, Ui};

use super::palette::Palette;
use super::search::{SearchState, search_ui};
use crate::model::Atlas;
use crate::state::{Command, GuideCommand};

/// What the top bar shows.
pub struct TopBarInput<'a> {
    pub atlas: &'a Atlas,
    pub current_view: Option<&'a str>,
    pub studying: bool,
    /// The sciatica guide is open.
    pub guide_open: bool,
    pub dark: bool,
    pub show_safety: bool,
    pub palette: &'a Palette,
}

/// How much of the top bar fits, decided from the width alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TopBarLayout {
    pub title: bool,
    pub tabs: bool,
    /// Theme and reload in a menu instead of buttons.
    pub menu: bool,
    /// "Safety" instead of "Safety and red flags", "Guide" instead of "Sciatica guide".
    pub short_safety: bool,
    /// Width of the search field.
    pub search_width: u16,
}

/// Widths the layout is decided from, measured with the current fonts.
#[derive(Clone, Copy, Debug)]
pub struct TopBarWidths {
    pub title: f32,
    pub tabs: f32,
    pub study: f32,
    /// "Sciatica guide" and "Guide" (0 when the content has no guide).
    pub guide_long: f32,
    pub guide_short: f32,
    /// The button that starts consultation mode.
    pub consult: f32,
    pub safety_long: f32,
    pub safety_short: f32,
    pub theme_and_reload: f32,
    pub menu: f32,
}

impl TopBarLayout {
    /// The layout for a bar `width` points wide: the most that fits, dropping in this order
    /// the app title, the theme and reload buttons (into a menu), the long safety label, the
    /// view tabs (into a drop-down).
    #[must_use]
    pub fn for_width(width: f32, w: &TopBarWidths) -> Self {
        const SEARCH_MAX: f32 = 220.0;
        const SEARCH_MIN: f32 = 130.0;
        const DROP_DOWN: f32 = 230.0;
        const SLACK: f32 = 24.0;
        let fits = |title: bool, tabs: bool, menu: bool, short: bool, search: f32| {
            let used = if title { w.title } else { 0.0 }
                + if tabs { w.tabs } else { DROP_DOWN }
                + search
                + w.study
                + w.consult
                + if short {
                    w.safety_short + w.guide_short
                } else {
                    w.safety_long + w.guide_long
                }
                + if menu { w.menu } else { w.theme_and_reload }
                + SLACK;
            used <= width
        };
        // From the fullest bar to the most compact, the first that fits.
        let candidates = [
            (true, true, false, false, SEARCH_MAX),
            (false, true, false, false, SEARCH_MAX),
            (false, true, true, false, SEARCH_MAX),
            (false, true, true, true, SEARCH_MAX),
            (true, false, false, false, SEARCH_MAX),
            (false, false, false, false, SEARCH_MAX),
            (false, false, true, false, SEARCH_MAX),
            (false, false, true, true, SEARCH_MAX),
        ];
        let (title, tabs, menu, short_safety, search) = candidates
            .into_iter()
            .find(|c| fits(c.0, c.1, c.2, c.3, c.4))
            .unwrap_or((false, false, true, true, SEARCH_MIN));
        let search = if fits(title, tabs, menu, short_safety, search) {
            search
        } else {
            // The smallest window: the search field takes what is left.
            let rest =
                DROP_DOWN + w.study + w.consult + w.safety_short + w.guide_short + w.menu + SLACK;
            (width - rest).clamp(60.0, SEARCH_MIN)
        };
        Self {
            title,
            tabs,
            menu,
            short_safety,
            search_width: search.round() as u16,
        }
    }
}

/// The widths of the top bar's parts with the current style.
fn measure(ui: &Ui, atlas: &Atlas) -> TopBarWidths {
    let style = ui.style();
    let pad = 2.0 * style.spacing.button_padding.x + style.spacing.item_spacing.x;
    let text = |s: &str, size: Option<f32>| {
        let font = size.map_or_else(
            || egui::TextStyle::Button.resolve(style),
            egui::FontId::proportional,
        );
        ui.painter()
            .layout_no_wrap(s.to_owned(), font, egui::Color32::WHITE)
            .size()
            .x
            + pad
    };
    TopBarWidths {
        title: text("Bodywork Atlas", Some(16.0)) + 12.0,
        tabs: atlas
            .views
            .iter()
            .map(|v| text(&v.title, None))
            .sum::<f32>()
            + 12.0,
        study: text("Study zones", None),
        guide_long: if atlas.guide.is_some() {
            text("Sciatica guide", None)
        } else {
            0.0
        },
        guide_short: if atlas.guide.is_some() {
            text("Guide", None)
        } else {
            0.0
        },
        consult: text("Consult", None),
        safety_long: text("Safety and red flags", None),
        safety_short: text("Safety", None),
        theme_and_reload: text("Light theme", None) + text("Reload", None),
        menu: text("More…", None),
    }
}

/// The top bar, in one row.
pub fn top_bar_ui(
    ui: &mut Ui,
    input: &TopBarInput<'_>,
    search: &mut SearchState,
    commands: &mut Vec<Command>,
) {
    let atlas = input.atlas;
    let layout = TopBarLayout::for_width(ui.available_width(), &measure(ui, atlas));
    ui.horizontal(|ui| {
        if layout.title {
            ui.label(RichText::new("Bodywork Atlas").strong().size(16.0));
            ui.separator();
        }
        if layout.tabs {
            for view in &atlas.views {
                let on = input.current_view == Some(view.id.as_str());
                if ui.selectable_label(on, &view.title).clicked() && !on {
                    commands.push(Command::ShowView(view.id.clone()));
                }
            }
        } else {
            let title = atlas
                .views
                .iter()
                .find(|v| Some(v.id.as_str()) == input.current_view)
                .map_or("", |v| v.title.as_str());
            egui::ComboBox::from_label("View")
                .selected_text(title)
                .width(170.0)
                .show_ui(ui, |ui| {
                    for view in &atlas.views {
                        let on = input.current_view == Some(view.id.as_str());
                        if ui.selectable_label(on, &view.title).clicked() && !on {
                            commands.push(Command::ShowView(view.id.clone()));
                        }
                    }
                })
                .response
                .on_hover_text("Choose a view");
        }
        ui.separator();
        search_ui(ui, atlas, search, f32::from(layout.search_width), commands);
        if !atlas.zones.is_empty() {
            let study = ui
                .selectable_label(input.studying, "Study zones")
                .on_hover_text("Quiz yourself on the foot reflex zones");
            if study.clicked() {
                commands.push(if input.studying {
                    Command::EndStudy
                } else {
                    Command::StartStudy
                });
            }
        }
        if atlas.guide.is_some() {
            let label = if layout.short_safety {
                "Guide"
            } else {
                "Sciatica guide"
            };
            let guide = ui.selectable_label(input.guide_open, label).on_hover_text(
                "What sciatica is, a symptom finder, self-care, routines and red flags",
            );
            if guide.clicked() {
                commands.push(Command::Guide(if input.guide_open {
                    GuideCommand::Close
                } else {
                    GuideCommand::Open(None)
                }));
            }
        }
        if ui
            .button("Consult")
            .on_hover_text("Consultation mode, full screen (F11): mark where a client feels pain, then print a handout")
            .clicked()
        {
            commands.push(Command::StartConsult(None));
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let theme_label = if input.dark {
                "Light theme"
            } else {
                "Dark theme"
            };
            if layout.menu {
                ui.menu_button("More…", |ui| {
                    if ui.button(theme_label).clicked() {
                        commands.push(Command::SetDark(!input.dark));
                        ui.close();
                    }
                    if ui.button("Reload content (F5)").clicked() {
                        commands.push(Command::Reload);
                        ui.close();
                    }
                })
                .response
                .on_hover_text("More: theme, reload");
            } else {
                if ui
                    .button(theme_label)
                    .on_hover_text("Switch the colour theme")
                    .clicked()
                {
                    commands.push(Command::SetDark(!input.dark));
                }
                if ui
                    .button("Reload")
                    .on_hover_text("Read the content files again (F5)")
                    .clicked()
                {
                    commands.push(Command::Reload);
                }
            }
            let text = if layout.short_safety {
                "Safety"
            } else {
                "Safety and red flags"
            };
            let safety = egui::Button::new(RichText::new(text).color(input.palette.danger));
            if ui
                .add(safety)
                .on_hover_text("Red flags and when not to massage")
                .clicked()
            {
                commands.push(Command::ShowSafety(!input.show_safety));
            }
        });
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn widths() -> TopBarWidths {
        TopBarWidths {
            title: 130.0,
            tabs: 620.0,
            study: 90.0,
            guide_long: 110.0,
            guide_short: 55.0,
            consult: 70.0,
            safety_long: 150.0,
            safety_short: 62.0,
            theme_and_reload: 150.0,
            menu: 30.0,
        }
    }

    #[test]
    fn a_wide_bar_shows_everything_and_a_narrow_one_collapses() {
        let wide = TopBarLayout::for_width(1600.0, &widths());
        assert!(wide.title && wide.tabs && !wide.menu && !wide.short_safety);
        let narrow = TopBarLayout::for_width(720.0, &widths());
        assert!(!narrow.title && !narrow.tabs && narrow.menu);
        let used = 230.0
            + f32::from(narrow.search_width)
            + 90.0
            + 70.0
            + if narrow.short_safety {
                62.0 + 55.0
            } else {
                150.0 + 110.0
            }
            + 30.0;
        assert!(used <= 720.0, "{used}");
    }

    #[test]
    fn at_every_width_from_the_minimum_up_the_bar_fits() {
        let w = widths();
        for width in (720..3000).step_by(5) {
            let width = width as f32;
            let l = TopBarLayout::for_width(width, &w);
            let used = if l.title { w.title } else { 0.0 }
                + if l.tabs { w.tabs } else { 230.0 }
                + f32::from(l.search_width)
                + w.study
                + w.consult
                + if l.short_safety {
                    w.safety_short + w.guide_short
                } else {
                    w.safety_long + w.guide_long
                }
                + if l.menu { w.menu } else { w.theme_and_reload };
            assert!(used <= width, "{width}: {l:?} needs {used}");
        }
    }
}
