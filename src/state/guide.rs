//! Guide mode: opening the sciatica guide, its sections, the symptom finder's highlights, the
//! sciatic nerve's variants on the diagram, the treatment plan shown large.

use super::command::GuideCommand;
use super::mode::{GuidePage, GuideState, Mode};
use super::{AppState, Camera, Reveal, ViewCamera};
use crate::model::Atlas;
use emath::Rect;

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

    /// Highlights structures on the view that shows most of them (a group shows its muscles),
    /// framed so they fill the diagram.
    fn highlight_structures(&mut self, atlas: &Atlas, ids: &[String]) {
        self.linked.clear();
        let regions = self.regions_to_show(atlas, ids);
        if regions.is_empty() {
            return;
        }
        self.reveal_regions(&regions, Reveal::Highlight);
        let Some(view) = self.current_view() else {
            return;
        };
        let target = self
            .linked
            .iter()
            .filter_map(|id| view.region_index(id).and_then(|i| view.regions.get(i)))
            .map(|r| r.bbox)
            .reduce(Rect::union);
        if let Some(target) = target {
            let camera = Camera::focused_on(target, self.viewport, view.canvas_rect());
            let id = view.id.clone();
            self.cameras.insert(
                id,
                ViewCamera {
                    camera,
                    animate: true,
                },
            );
        }
    }

    /// The regions that show structures (a group by its muscles), leaving out those on a
    /// hidden alternative of a shown layer: a nerve is highlighted on the course shown, and its
    /// variants stay hidden.
    pub(super) fn regions_to_show(&self, atlas: &Atlas, ids: &[String]) -> Vec<String> {
        let parts: Vec<String> = ids
            .iter()
            .flat_map(|id| atlas.drawn_parts(id))
            .map(str::to_owned)
            .collect();
        atlas
            .regions_of_structures(&parts, None)
            .into_iter()
            .filter(|r| {
                let Some(view) = atlas.views.get(r.view) else {
                    return false;
                };
                let Some(layer) = atlas.region(*r).and_then(|g| view.layers.get(g.layer)) else {
                    return false;
                };
                let Some(group) = &layer.exclusive else {
                    return true;
                };
                let shown = |i: usize| self.prefs.layer_shown(view, i);
                let here = view.layer_index(&layer.id).is_some_and(shown);
                let other_shown = view
                    .layers
                    .iter()
                    .enumerate()
                    .any(|(i, l)| l.exclusive.as_ref() == Some(group) && shown(i));
                here || !other_shown
            })
            .filter_map(|r| atlas.region(r).map(|r| r.id.clone()))
            .collect()
    }

    /// Switches to the view and shows the layer that draws a course of the sciatic nerve,
    /// hiding the other layers of its group of alternatives.
    fn show_variant(&mut self, atlas: &Atlas, view_id: &str, layer_id: &str) {
        let Some(view) = atlas.view_index(view_id).and_then(|i| atlas.views.get(i)) else {
            return;
        };
        let Some(layer) = view.layer_index(layer_id) else {
            return;
        };
        self.prefs.view = Some(view.id.clone());
        // The alternatives' rule (one course shown at a time) is the preferences' own.
        self.prefs.set_visible(view, layer, true);
        if self.prefs.layer(view, layer).opacity < 0.2 {
            self.prefs.set_opacity(view, layer, 1.0);
        }
        self.glide_to_whole(&view.id);
    }
}
