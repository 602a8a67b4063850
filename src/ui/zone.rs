//! The detail panel for a foot reflex zone, and the zones section of a body structure.

use egui::{RichText, Ui};

use super::palette::Palette;
use super::widgets::{callout, pack_note_ui, section, sources_ui};
use crate::model::content::{Side, Structure, Zone};
use crate::model::{Atlas, PreparedRegion};
use crate::state::Command;

/// Everything about a zone, with links to the body parts it corresponds to.
pub fn zone_detail_ui(
    ui: &mut Ui,
    atlas: &Atlas,
    region: &PreparedRegion,
    zone: &Zone,
    palette: &Palette,
    commands: &mut Vec<Command>,
) {
    {
        ui.add_space(4.0);
        ui.heading(RichText::new(&zone.name).strong());
        let foot = match region.side {
            Side::Left => "Left foot",
            Side::Right => "Right foot",
            Side::Midline => "Both feet",
        };
        ui.weak(format!("{foot} · Reflex zone"));
        if !zone.other_names.is_empty() {
            ui.weak(format!("Also called: {}", zone.other_names.join(", ")));
        }
        pack_note_ui(ui, atlas.pack_of_zone(&zone.id));
        ui.add_space(6.0);
        if !atlas.safety.reflexology_evidence.is_empty() {
            callout(ui, palette.info, &atlas.safety.reflexology_evidence);
        }
        section(ui, "Corresponds to");
        ui.label(&zone.corresponds_to);
        // In the order of the zone's links, so the first link is the one selected.
        let ids: Vec<String> = zone
            .links
            .iter()
            .flat_map(|link| {
                atlas.regions_of_structures(std::slice::from_ref(link), Some(region.side))
            })
            .filter_map(|r| atlas.region(r))
            .map(|r| r.id.clone())
            .collect();
        if !ids.is_empty() {
            ui.add_space(4.0);
            if ui
                .button("Show on the body")
                .on_hover_text("Switch to the body view with these parts highlighted")
                .clicked()
            {
                commands.push(Command::ShowLinked(ids));
            }
            ui.horizontal_wrapped(|ui| {
                for id in &zone.links {
                    let Some(s) = atlas.structure(id) else {
                        continue;
                    };
                    let target =
                        atlas.regions_of_structures(std::slice::from_ref(id), Some(region.side));
                    let first = target
                        .first()
                        .and_then(|r| atlas.region(*r))
                        .map(|r| r.id.clone());
                    if ui
                        .add_enabled(first.is_some(), egui::Button::new(&s.name).small())
                        .clicked()
                        && let Some(first) = first
                    {
                        commands.push(Command::Reveal(first));
                    }
                }
            });
        }
        section(ui, "Where to find it");
        ui.label(&zone.location);
        section(ui, "Technique");
        ui.label(&zone.technique);
        section(ui, "In a sciatica session");
        ui.label(&zone.sciatica_use);
        if let Some(notes) = &zone.chart_notes {
            section(ui, "Where charts disagree");
            callout(ui, palette.warning, notes);
        }
        if !zone.cautions.is_empty() {
            section(ui, "Cautions");
            for c in &zone.cautions {
                callout(ui, palette.danger, c);
            }
        }
        if ui.link("Red flags: when to see a doctor…").clicked() {
            commands.push(Command::ShowSafety(true));
        }
        sources_ui(ui, atlas, &zone.sources);
    }
}

/// For a body structure: the foot zones that correspond to it, and a button to see them.
pub fn structure_zones_ui(
    ui: &mut Ui,
    atlas: &Atlas,
    structure: &Structure,
    side: Side,
    commands: &mut Vec<Command>,
) {
    let zones = atlas.zones_for_structure(&structure.id);
    if zones.is_empty() {
        return;
    }
    section(ui, "Foot reflex zones");
    let names: Vec<&str> = zones.iter().map(|z| z.name.as_str()).collect();
    ui.label(names.join(", "));
    let foot = match side {
        Side::Midline => None,
        side => Some(side),
    };
    let ids: Vec<&str> = zones.iter().map(|z| z.id.as_str()).collect();
    let regions: Vec<String> = atlas
        .regions_of_zones(&ids, foot)
        .into_iter()
        .filter_map(|r| atlas.region(r))
        .map(|r| r.id.clone())
        .collect();
    let label = match foot {
        Some(side) => format!("Show on the {} foot", side.word()),
        None => "Show on the feet".to_owned(),
    };
    if !regions.is_empty()
        && ui
            .button(label)
            .on_hover_text("Switch to the foot map with these zones highlighted")
            .clicked()
    {
        commands.push(Command::ShowLinked(regions));
    }
    if !atlas.safety.reflexology_evidence_short.is_empty() {
        ui.weak(&atlas.safety.reflexology_evidence_short);
    }
}
