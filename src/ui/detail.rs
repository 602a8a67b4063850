//! The detail panel: everything about the selected structure.

use egui::{Color32, RichText, Ui};

use crate::app::command::Command;
use crate::model::content::{SelfMassage, Structure, StructureKind};
use crate::model::{Atlas, PreparedRegion, PreparedView};

/// Shows the selected region's structure, or a short guide when nothing is selected.
pub fn detail_ui(
    ui: &mut Ui,
    atlas: &Atlas,
    view: &PreparedView,
    region: Option<&PreparedRegion>,
    commands: &mut Vec<Command>,
) {
    let Some(region) = region else {
        empty_ui(ui, view);
        return;
    };
    if let Some(zone) = region.zone.as_deref().and_then(|z| atlas.zone(z)) {
        super::zone::zone_detail_ui(ui, atlas, region, zone, commands);
        return;
    }
    let Some(structure) = region.structure.as_deref().and_then(|s| atlas.structure(s)) else {
        ui.label(atlas.region_label(region));
        return;
    };
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.add_space(4.0);
            ui.heading(RichText::new(&structure.name).strong());
            let side = match region.side {
                crate::model::content::Side::Midline => "Midline".to_owned(),
                side => format!("{} side", capitalise(side.word())),
            };
            let layer = view
                .layers
                .get(region.layer)
                .map_or("", |l| l.title.as_str());
            ui.weak(format!("{side} · {} · {layer}", kind_word(structure.kind)));
            if !structure.other_names.is_empty() {
                ui.weak(format!("Also called: {}", structure.other_names.join(", ")));
            }
            ui.add_space(6.0);
            ui.label(RichText::new(&structure.summary).italics());
            ui.add_space(6.0);
            ui.label(&structure.description);
            anatomy_ui(ui, structure);
            if let Some(relation) = &structure.sciatic_relation {
                section(ui, "Relation to the sciatic nerve");
                callout(ui, Color32::from_rgb(0xe0, 0xb0, 0x10), relation);
            }
            if let Some(massage) = &structure.self_massage {
                self_massage_ui(ui, massage);
            }
            if !structure.stretches.is_empty() {
                section(ui, "Stretches");
                for stretch in &structure.stretches {
                    ui.label(RichText::new(&stretch.name).strong());
                    ui.label(&stretch.how);
                    ui.weak(format!("Hold {}", secs(stretch.hold_secs)));
                    ui.add_space(4.0);
                }
            }
            cautions_ui(ui, structure, commands);
            related_ui(ui, atlas, structure, commands);
            super::zone::structure_zones_ui(ui, atlas, structure, region.side, commands);
            sources_ui(ui, atlas, &structure.sources);
        });
}

fn empty_ui(ui: &mut Ui, view: &PreparedView) {
    ui.add_space(8.0);
    ui.heading(&view.title);
    ui.weak(&view.orientation);
    ui.add_space(8.0);
    if view.regions.iter().any(|r| r.zone.is_some()) {
        ui.label("Click a zone to read what it corresponds to, where to find it on a real foot, how to work it, and its use in a sciatica session.");
        ui.add_space(6.0);
        ui.label("The right foot stands for the right side of the body, the left foot for the left. Turn on the guide lines and the ten longitudinal zones in the layer list; test yourself with Study zones.");
        ui.add_space(6.0);
        ui.weak(super::zone::EVIDENCE_NOTE);
    } else {
        ui.label("Click a muscle to read what it is, where it attaches, what it does, how it relates to the sciatic nerve, and how to massage it yourself.");
        ui.add_space(6.0);
        ui.label("Turn on the deep muscles and the sciatic nerve in the layer list to see what lies under the buttock.");
    }
    ui.add_space(6.0);
    ui.weak("Scroll to zoom, drag to pan, double-click or Home to reset. Ctrl+F searches. Tab and the arrow keys move between regions; Escape clears.");
}

fn anatomy_ui(ui: &mut Ui, s: &Structure) {
    let rows: Vec<(&str, String)> = [
        ("Origin", s.origin.clone()),
        ("Insertion", s.insertion.clone()),
        ("Action", s.action.clone()),
        (
            "Nerve supply",
            s.innervation
                .as_ref()
                .map(|n| format!("{} ({})", n.nerve, n.roots)),
        ),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.map(|v| (k, v)))
    .collect();
    if rows.is_empty() {
        return;
    }
    section(ui, "Anatomy");
    for (key, value) in rows {
        ui.label(RichText::new(key).strong());
        ui.label(value);
        ui.add_space(3.0);
    }
}

fn self_massage_ui(ui: &mut Ui, m: &SelfMassage) {
    section(ui, "Self-massage");
    labelled(ui, "Tool", &m.tool);
    labelled(ui, "Start", &m.position);
    for (i, step) in m.steps.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(format!("{}.", i + 1)).strong());
            ui.label(step);
        });
    }
    ui.add_space(3.0);
    labelled(
        ui,
        "Hold",
        &format!("{} on each tender spot", secs(m.hold_secs)),
    );
    labelled(ui, "Breathing", &m.breathing);
    labelled(ui, "Pressure", &m.pressure);
    labelled(ui, "How often", &m.frequency);
}

fn cautions_ui(ui: &mut Ui, s: &Structure, commands: &mut Vec<Command>) {
    section(ui, "Cautions: when not to massage");
    for caution in &s.cautions {
        callout(ui, Color32::from_rgb(0xd0, 0x40, 0x30), caution);
    }
    if ui.link("Red flags: when to see a doctor…").clicked() {
        commands.push(Command::ShowSafety(true));
    }
}

fn related_ui(ui: &mut Ui, atlas: &Atlas, s: &Structure, commands: &mut Vec<Command>) {
    if s.related.is_empty() {
        return;
    }
    section(ui, "Related");
    ui.horizontal_wrapped(|ui| {
        for id in &s.related {
            let Some(related) = atlas.structure(id) else {
                continue;
            };
            let target = first_region_of(atlas, id);
            let button = ui.add_enabled(target.is_some(), egui::Button::new(&related.name).small());
            if button.clicked()
                && let Some(target) = target
            {
                commands.push(Command::Reveal(target));
            }
        }
    });
}

/// The left-side (or first) region that shows a structure.
fn first_region_of(atlas: &Atlas, structure: &str) -> Option<String> {
    let regions = atlas
        .views
        .iter()
        .flat_map(|v| &v.regions)
        .filter(|r| r.is_selectable() && r.structure.as_deref() == Some(structure));
    let mut first = None;
    for r in regions {
        if r.side == crate::model::content::Side::Left {
            return Some(r.id.clone());
        }
        first.get_or_insert_with(|| r.id.clone());
    }
    first
}

/// The sources of an entry, as full citations.
pub fn sources_ui(ui: &mut Ui, atlas: &Atlas, sources: &[String]) {
    section(ui, "Sources");
    for id in sources {
        let text = atlas
            .source(id)
            .map_or(id.as_str(), |src| src.citation.as_str());
        ui.horizontal_wrapped(|ui| {
            ui.weak("•");
            ui.weak(text);
        });
    }
    ui.add_space(8.0);
    ui.weak("Educational reference, not a diagnosis. See a clinician for persistent or worsening symptoms.");
}

/// A section heading with a rule under it.
pub fn section(ui: &mut Ui, title: &str) {
    ui.add_space(10.0);
    ui.label(RichText::new(title).strong().size(16.0));
    ui.separator();
}

fn labelled(ui: &mut Ui, key: &str, value: &str) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("{key}:")).strong());
        ui.label(value);
    });
}

/// A tinted box for notes, relations and cautions.
pub fn callout(ui: &mut Ui, accent: Color32, text: &str) {
    egui::Frame::new()
        .fill(accent.gamma_multiply(0.12))
        .stroke(egui::Stroke::new(1.0, accent.gamma_multiply(0.6)))
        .corner_radius(4.0)
        .inner_margin(6.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(text);
        });
    ui.add_space(3.0);
}

fn secs((min, max): (u32, u32)) -> String {
    if min == max {
        format!("{min} s")
    } else {
        format!("{min}–{max} s")
    }
}

fn kind_word(kind: StructureKind) -> &'static str {
    match kind {
        StructureKind::Muscle => "Muscle",
        StructureKind::MuscleGroup => "Muscle group",
        StructureKind::Nerve => "Nerve",
        StructureKind::Bone => "Bone",
        StructureKind::Landmark => "Bony landmark",
        StructureKind::Surface => "Surface",
    }
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}
