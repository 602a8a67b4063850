//! The layer panel: a toggle and an opacity slider per layer, and the structures on each layer.

use std::collections::BTreeMap;

use egui::Ui;

use crate::model::content::{Layer, Side};
use crate::model::{Atlas, LayerEntry, LayerGroup, PreparedView};
use crate::state::{Command, Preferences};

/// Layer toggles and opacity sliders, topmost layer first; a group of alternative layers is
/// one toggle with a choice per layer and one slider.
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
    for entry in view.entries.iter().rev() {
        match entry {
            LayerEntry::Single(i) => layer_ui(ui, view, settings, *i, commands),
            LayerEntry::Group(g) => {
                if let Some(group) = view.groups.get(*g) {
                    group_ui(ui, view, settings, group, commands);
                }
            }
        }
        ui.add_space(2.0);
    }
}

fn layer_ui(
    ui: &mut Ui,
    view: &PreparedView,
    settings: &Preferences,
    i: usize,
    commands: &mut Vec<Command>,
) {
    let Some(layer) = view.layers.get(i) else {
        return;
    };
    let setting = settings.layer(view, i);
    let mut visible = setting.visible;
    if ui.checkbox(&mut visible, &layer.title).changed() {
        commands.push(Command::SetLayerVisible {
            view: view.id.clone(),
            layer: layer.id.clone(),
            visible,
        });
    }
    opacity_ui(
        ui,
        view,
        layer,
        setting.opacity,
        visible,
        &layer.title,
        commands,
    );
}

/// Alternatives: a toggle for the group, a radio choice per layer (choosing one shows it and
/// hides the others), one opacity slider for them all.
fn group_ui(
    ui: &mut Ui,
    view: &PreparedView,
    settings: &Preferences,
    group: &LayerGroup,
    commands: &mut Vec<Command>,
) {
    let shown = settings.shown_alternative(view, &group.id);
    let choice = settings.group_choice(view, group);
    let mut on = shown.is_some();
    if ui.checkbox(&mut on, &group.heading).changed() {
        let target = if on { choice } else { shown };
        if let Some(layer) = target.and_then(|i| view.layers.get(i)) {
            commands.push(Command::SetLayerVisible {
                view: view.id.clone(),
                layer: layer.id.clone(),
                visible: on,
            });
        }
    }
    ui.indent(("layer_group", &view.id, &group.id), |ui| {
        for (i, label) in &group.choices {
            let Some(layer) = view.layers.get(*i) else {
                continue;
            };
            let picked = choice == Some(*i);
            let response = ui.radio(picked, label).on_hover_text(&layer.title);
            if response.clicked() && !(picked && on) {
                commands.push(Command::SetLayerVisible {
                    view: view.id.clone(),
                    layer: layer.id.clone(),
                    visible: true,
                });
            }
        }
    });
    if let Some(layer) = choice.and_then(|i| view.layers.get(i)) {
        let opacity = choice.map_or(1.0, |i| settings.layer(view, i).opacity);
        opacity_ui(ui, view, layer, opacity, on, &group.heading, commands);
    }
}

fn opacity_ui(
    ui: &mut Ui,
    view: &PreparedView,
    layer: &Layer,
    opacity: f32,
    enabled: bool,
    title: &str,
    commands: &mut Vec<Command>,
) {
    let mut opacity = opacity;
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
        .add_enabled(enabled, slider)
        .on_hover_text(format!("Opacity of {title}"));
    if response.changed() {
        commands.push(Command::SetLayerOpacity {
            view: view.id.clone(),
            layer: layer.id.clone(),
            opacity,
        });
    }
}

/// Every structure of the view, by layer (a group of alternative layers together), with a
/// button per side.
pub fn structures_ui(
    ui: &mut Ui,
    atlas: &Atlas,
    view: &PreparedView,
    settings: &Preferences,
    selected: Option<&str>,
    commands: &mut Vec<Command>,
) {
    ui.strong("Structures");
    for entry in view.entries.iter().rev() {
        // The layers of the entry, the one shown (or chosen) first: a structure drawn on several
        // alternatives (the sciatic nerve's courses) goes to the one that is seen.
        let (title, id, layers): (&str, &str, Vec<usize>) = match entry {
            LayerEntry::Single(i) => {
                let Some(layer) = view.layers.get(*i) else {
                    continue;
                };
                (&layer.title, &layer.id, vec![*i])
            }
            LayerEntry::Group(g) => {
                let Some(group) = view.groups.get(*g) else {
                    continue;
                };
                let first = settings.group_choice(view, group);
                let mut layers: Vec<usize> = first.into_iter().collect();
                layers.extend(group.layers().filter(|l| Some(*l) != first));
                (&group.heading, &group.id, layers)
            }
        };
        // structure name -> [(side, region id)], sorted by name.
        let mut by_name: BTreeMap<&str, Vec<(Side, &str)>> = BTreeMap::new();
        for layer in layers {
            for r in view
                .regions
                .iter()
                .filter(|r| r.layer == layer && r.is_selectable())
            {
                let name = atlas.region_name(r);
                let sides = by_name.entry(name).or_default();
                if !sides.iter().any(|(side, _)| *side == r.side) {
                    sides.push((r.side, &r.id));
                }
            }
        }
        if by_name.is_empty() {
            continue;
        }
        egui::CollapsingHeader::new(format!("{title} ({})", by_name.len()))
            .id_salt(("structures", &view.id, id))
            .default_open(false)
            .show(ui, |ui| {
                for (name, mut sides) in by_name {
                    sides.sort();
                    side_buttons_ui(ui, name, &sides, selected, commands);
                }
            });
    }
}

/// A structure's name with a button per side. Buttons first from the right, then the name in
/// what is left, cut short with an ellipsis: long names never collide with the buttons or
/// widen the panel.
fn side_buttons_ui(
    ui: &mut Ui,
    name: &str,
    sides: &[(Side, &str)],
    selected: Option<&str>,
    commands: &mut Vec<Command>,
) {
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
