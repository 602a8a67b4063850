//! The layer panel: a toggle and an opacity slider per layer, and the structures on each layer.

use std::collections::BTreeMap;

use egui::Ui;

use crate::model::content::Side;
use crate::model::{Atlas, PreparedView};
use crate::state::{Command, Preferences};

/// Layer toggles and opacity sliders, topmost layer first.
pub fn layers_ui(
    ui: &mut Ui,
    view: &PreparedView,
    settings: &Preferences,
    commands: &mut Vec<Command>,
) {
    let mut labels = settings.labels;
    if ui
        .checkbox(&mut labels, "Names on the diagram")
        .on_hover_text("Write each region's name on it where it fits (more appear as you zoom in)")
        .changed()
    {
        commands.push(Command::SetLabels(labels));
    }
    ui.add_space(6.0);
    ui.strong("Layers");
    for (i, layer) in view.layers.iter().enumerate().rev() {
        let setting = settings.layer(view, i);
        let mut visible = setting.visible;
        if ui.checkbox(&mut visible, &layer.title).changed() {
            commands.push(Command::SetLayerVisible {
                view: view.id.clone(),
                layer: layer.id.clone(),
                visible,
            });
        }
        let mut opacity = setting.opacity;
        let slider = egui::Slider::new(&mut opacity, 0.0..=1.0)
            .custom_formatter(|v, _| format!("{:.0}%", v * 100.0))
            .custom_parser(|s| {
                s.trim()
                    .trim_end_matches('%')
                    .parse::<f64>()
                    .ok()
                    .map(|v| v / 100.0)
            });
        let response = ui
            .add_enabled(visible, slider)
            .on_hover_text(format!("Opacity of {}", layer.title));
        if response.changed() {
            commands.push(Command::SetLayerOpacity {
                view: view.id.clone(),
                layer: layer.id.clone(),
                opacity,
            });
        }
        ui.add_space(2.0);
    }
}

/// Every structure of the view, by layer, with a button per side.
pub fn structures_ui(
    ui: &mut Ui,
    atlas: &Atlas,
    view: &PreparedView,
    selected: Option<&str>,
    commands: &mut Vec<Command>,
) {
    ui.strong("Structures");
    for (i, layer) in view.layers.iter().enumerate().rev() {
        // structure name -> [(side, region id)], sorted by name.
        let mut by_name: BTreeMap<&str, Vec<(Side, &str)>> = BTreeMap::new();
        for r in view
            .regions
            .iter()
            .filter(|r| r.layer == i && r.is_selectable())
        {
            let name = atlas.region_name(r);
            let sides = by_name.entry(name).or_default();
            if !sides.iter().any(|(side, _)| *side == r.side) {
                sides.push((r.side, &r.id));
            }
        }
        if by_name.is_empty() {
            continue;
        }
        egui::CollapsingHeader::new(format!("{} ({})", layer.title, by_name.len()))
            .id_salt(("structures", &view.id, &layer.id))
            .default_open(false)
            .show(ui, |ui| {
                for (name, mut sides) in by_name {
                    sides.sort();
                    // Buttons first from the right, then the name in what is left, cut short
                    // with an ellipsis: long names never collide with the buttons or widen
                    // the panel.
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        for (side, id) in sides.iter().rev() {
                            let text = match side {
                                Side::Left => "L",
                                Side::Right => "R",
                                Side::Midline => "•",
                            };
                            let is_selected = selected == Some(*id);
                            if ui
                                .selectable_label(is_selected, text)
                                .on_hover_text(format!("{name}, {}", side.word()))
                                .clicked()
                            {
                                commands.push(Command::Reveal((*id).to_owned()));
                            }
                        }
                        ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                            ui.add(egui::Label::new(name).truncate());
                        });
                    });
                }
            });
    }
}
