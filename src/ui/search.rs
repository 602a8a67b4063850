//! The search field (Ctrl+F) and its list of matches.

use egui::{Id, Key, Modifiers, Ui};

use crate::model::{Atlas, SearchHit};
use crate::state::Command;

/// Id of the search text field, for focusing it.
#[must_use]
pub fn search_field_id() -> Id {
    Id::unique("search_field")
}

/// The text typed and the highlighted match. UI state, not persisted.
#[derive(Clone, Debug, Default)]
pub struct SearchState {
    pub query: String,
    pub highlighted: usize,
    popup_hovered: bool,
}

/// Most matches listed at once.
const MAX_SHOWN: usize = 12;

/// The command that opens a match.
fn open(atlas: &Atlas, hit: SearchHit) -> Option<Command> {
    match hit {
        SearchHit::Region(r) => atlas.region(r).map(|r| Command::Reveal(r.id.clone())),
        SearchHit::Structure(i) => atlas
            .structures
            .get(i)
            .map(|s| Command::OpenStructure(s.id.clone())),
    }
}

/// The search field; Enter opens the highlighted match, Up and Down move the highlight. After
/// a match is opened the field is emptied, ready for the next search.
pub fn search_ui(
    ui: &mut Ui,
    atlas: &Atlas,
    state: &mut SearchState,
    width: f32,
    commands: &mut Vec<Command>,
) {
    let edit = egui::TextEdit::singleline(&mut state.query)
        .id(search_field_id())
        .hint_text("Search… (Ctrl+F)")
        .desired_width(width);
    let response = ui.add(edit);
    if response.changed() {
        state.highlighted = 0;
    }
    let matches = atlas.search_all(&state.query);
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
    if enter {
        let hit = matches.get(state.highlighted).or_else(|| matches.first());
        if let Some(command) = hit.and_then(|h| open(atlas, *h)) {
            commands.push(command);
            *state = SearchState::default();
        }
        return;
    }
    let open_popup = (focused || state.popup_hovered) && !state.query.trim().is_empty();
    if !open_popup {
        state.popup_hovered = false;
        return;
    }
    let mut chosen = None;
    let area = egui::Area::new(Id::unique("search_results"))
        .order(egui::Order::Foreground)
        .fixed_pos(response.rect.left_bottom() + egui::vec2(0.0, 4.0))
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_min_width(260.0);
                if matches.is_empty() {
                    ui.weak("No matches");
                }
                for (i, hit) in matches.iter().take(MAX_SHOWN).enumerate() {
                    let text = match hit {
                        SearchHit::Region(r) => {
                            let (Some(region), Some(view)) =
                                (atlas.region(*r), atlas.views.get(r.view))
                            else {
                                continue;
                            };
                            format!("{}  ·  {}", atlas.region_label(region), view.title)
                        }
                        SearchHit::Structure(s) => {
                            let Some(s) = atlas.structures.get(*s) else {
                                continue;
                            };
                            format!("{}  ·  page", s.name)
                        }
                    };
                    if ui.selectable_label(i == state.highlighted, text).clicked() {
                        chosen = open(atlas, *hit);
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
    if let Some(command) = chosen {
        commands.push(command);
        *state = SearchState::default();
    }
}
