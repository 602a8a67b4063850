//! Guide mode: opening the sciatica guide, its sections, the symptom finder's highlights, the
//! sciatic nerve's variants on the diagram, the treatment plan shown large.

use super::command::GuideCommand;
use super::mode::{GuidePage, GuideState, Mode};
use super::{AppState, Reveal};
use crate::model::Atlas;

impl AppState {
    pub(super) fn guide_command(&mut self, command: GuideCommand) {
        let Some(atlas) = self.atlas.clone() else {
            return;
        };
        let Some(guide) = &atlas.guide else { return };
        let known = |id: &str| guide.sections.iter().any(|s| s.id == id);
        match command {
            GuideCommand::Open(section) => {
                let section = section.filter(|id| known(id));
                if let Mode::Guide(state) = &mut self.mode {
                    if let Some(section) = section {
                        state.section = section;
                    }
                    state.page = GuidePage::Guide;
                } else {
                    let Some(first) = guide.sections.first() else {
                        return;
                    };
                    self.mode = Mode::Guide(GuideState {
                        section: section.unwrap_or_else(|| first.id.clone()),
                        picked: Vec::new(),
                        page: GuidePage::Guide,
                        presenting: false,
                    });
                    self.linked.clear();
                }
                self.set_selection(None);
                self.highlight_symptoms();
            }
            GuideCommand::Close => {
                if let Mode::Guide(_) = self.mode {
                    self.mode = Mode::Browse;
                    self.linked.clear();
                    self.set_selection(None);
                }
            }
            GuideCommand::Section(id) => {
                if let Mode::Guide(state) = &mut self.mode
                    && known(&id)
                {
                    state.section = id;
                    state.page = GuidePage::Guide;
                    state.presenting = false;
                }
            }
            GuideCommand::ToggleSymptom(id) => {
                let Mode::Guide(state) = &mut self.mode else {
                    return;
                };
                if !guide.symptoms.iter().any(|s| s.id == id) {
                    return;
                }
                if state.picked.contains(&id) {
                    state.picked.retain(|p| *p != id);
                } else {
                    state.picked.push(id);
                }
                // Kept in the guide's order, so the explanations read the same way each time.
                let order = |p: &String| guide.symptoms.iter().position(|s| s.id == *p);
                state.picked.sort_by_key(order);
                state.page = GuidePage::Guide;
                self.set_selection(None);
                self.highlight_symptoms();
            }
            GuideCommand::Back => {
                if let Mode::Guide(state) = &mut self.mode {
                    state.page = GuidePage::Guide;
                    self.set_selection(None);
                    self.highlight_symptoms();
                }
            }
            GuideCommand::ShowVariant { view, layer } => self.show_variant(&atlas, &view, &layer),
            GuideCommand::Highlight(ids) => {
                if let Mode::Guide(state) = &mut self.mode {
                    state.page = GuidePage::Guide;
                    self.set_selection(None);
                    self.highlight_structures(&atlas, &ids);
                }
            }
            GuideCommand::Present(on) => {
                if let Mode::Guide(state) = &mut self.mode {
                    state.presenting = on;
                }
            }
        }
    }

    /// In guide mode, a selection made from the guide opens its page in the side panel.
    pub(super) fn guide_shows_structure(&mut self) {
        if let Mode::Guide(state) = &mut self.mode
            && self.selection.is_some()
        {
            state.page = GuidePage::Structure;
        }
    }

    /// The structures the picked symptoms point to, highlighted on the diagram (nothing when
    /// none is picked).
    pub(super) fn highlight_symptoms(&mut self) {
        let Some(atlas) = self.atlas.clone() else {
            return;
        };
        let (Mode::Guide(state), Some(guide)) = (&self.mode, &atlas.guide) else {
            return;
        };
        let ids: Vec<String> = guide
            .symptoms
            .iter()
            .filter(|s| state.picked.contains(&s.id))
            .flat_map(|s| s.structures.iter().cloned())
            .collect();
        self.highlight_structures(&atlas, &ids);
    }

    /// Highlights structures on the view that shows most of them (a group shows its muscles).
    fn highlight_structures(&mut self, atlas: &Atlas, ids: &[String]) {
        self.linked.clear();
        let parts: Vec<String> = ids
            .iter()
            .flat_map(|id| atlas.drawn_parts(id))
            .map(str::to_owned)
            .collect();
        let regions: Vec<String> = atlas
            .regions_of_structures(&parts, None)
            .into_iter()
            .filter_map(|r| atlas.region(r).map(|r| r.id.clone()))
            .collect();
        if !regions.is_empty() {
            self.reveal_regions(&regions, Reveal::Highlight);
        }
    }

    /// Switches to the view and shows the layer that draws a course of the sciatic nerve,
    /// hiding the other layers of its group of alternatives.
    fn show_variant(&mut self, atlas: &Atlas, view_id: &str, layer_id: &str) {
        let Some(view) = atlas.view_index(view_id).and_then(|i| atlas.views.get(i)) else {
            return;
        };
        let Some(layer) = view.layer_index(layer_id).and_then(|i| view.layers.get(i)) else {
            return;
        };
        self.prefs.view = Some(view.id.clone());
        for (i, other) in view.layers.iter().enumerate() {
            let same_group = other.id == layer.id
                || (layer.exclusive.is_some() && other.exclusive == layer.exclusive);
            if !same_group {
                continue;
            }
            let mut setting = self.prefs.layer(view, i);
            setting.visible = other.id == layer.id;
            if setting.visible && setting.opacity < 0.2 {
                setting.opacity = 1.0;
            }
            self.prefs.set_layer(&view.id, &other.id, setting);
        }
        self.glide_to_whole(&view.id);
    }
}
