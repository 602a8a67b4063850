//! The search field (Ctrl+F) and its list of matches.

use egui::{Id, Key, Modifiers, Ui};

use crate::app::command::Command;
use crate::model::Atlas;

/// Id of the search text field, for focusing it.
#[must_use]
pub fn search_field_id() -> Id {
    Id::unique("search_field")
}

/// The text typed and the highlighted match. Not persisted.
#[derive(Clone, Debug, Default)]
pub struct SearchState {
    pub query: String,
    pub highlighted: usize,
    popup_hovered: bool,
}

/// Most matches listed at once.
const MAX_SHOWN: usize = 12;

/// The search field; Enter reveals the highlighted match, Up and Down move the highlight.
pub fn search_ui(ui: &mut Ui, atlas: &Atlas, state: &mut SearchState, commands: &mut Vec<Command>) {
    let edit = egui::TextEdit::singleline(&mut state.query)
        .id(search_field_id())
        .hint_text("Search muscles… (Ctrl+F)")
        .desired_width(210.0);
    let response = ui.add(edit);
    if response.changed() {
        state.highlighted = 0;
    }
    let matches = atlas.search(&state.query);
    let focused = response.has_focus();
    if focused {
        if ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::ArrowDown)) {
            state.highlighted = (state.highlighted + 1).min(matches.len().saturating_sub(1));
        }
        if ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::ArrowUp)) {
            state.highlighted = state.highlighted.saturating_sub(1);
        }
    }
    let enter = response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
    if enter && let Some(m) = matches.get(state.highlighted).or_else(|| matches.first()) {
        if let Some(region) = atlas.region(*m) {
            commands.push(Command::Reveal(region.id.clone()));
        }
        return;
    }
    let open = (focused || state.popup_hovered) && !state.query.trim().is_empty();
    if !open {
        state.popup_hovered = false;
        return;
    }
    let area = egui::Area::new(Id::unique("search_results"))
        .order(egui::Order::Foreground)
        .fixed_pos(response.rect.left_bottom() + egui::vec2(0.0, 4.0))
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_min_width(260.0);
                if matches.is_empty() {
                    ui.weak("No matches");
                }
                for (i, m) in matches.iter().take(MAX_SHOWN).enumerate() {
                    let (Some(region), Some(view)) = (atlas.region(*m), atlas.views.get(m.view))
                    else {
                        continue;
                    };
                    let text = format!("{}  ·  {}", atlas.region_label(region), view.title);
                    if ui.selectable_label(i == state.highlighted, text).clicked() {
                        commands.push(Command::Reveal(region.id.clone()));
                        state.popup_hovered = false;
                    }
                }
                if matches.len() > MAX_SHOWN {
                    ui.weak(format!(
                        "{} more: type more of the name",
                        matches.len() - MAX_SHOWN
                    ));
                }
            });
        });
    state.popup_hovered = area.response.contains_pointer();
}
