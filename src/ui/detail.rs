//! The detail panel: everything about the selected structure, or the view's introduction.

use egui::{RichText, Ui};

use super::palette::Palette;
use super::widgets::{
    callout, capitalise, labelled, pack_note_ui, red_flag_notice_ui, secs, section, sources_ui,
};
use super::zone::{structure_zones_ui, zone_detail_ui};
use crate::model::content::{
    DermatomeFacts, Referral, SelfMassage, Side, Sides, Structure, StructureKind,
};
use crate::model::{Atlas, PreparedRegion, PreparedView};
use crate::state::{Command, RoutineSource, Selection, first_region_of};

/// What the detail panel needs for one frame.
pub struct DetailInput<'a> {
    pub atlas: &'a Atlas,
    pub view: &'a PreparedView,
    pub selection: Option<&'a Selection>,
    /// Changes with every new selection: each starts at the top of the page.
    pub serial: u64,
    pub palette: &'a Palette,
}

/// Shows the selected region's structure or zone, a structure's page, or the view's intro.
pub fn detail_ui(ui: &mut Ui, input: &DetailInput<'_>, commands: &mut Vec<Command>) {
    let atlas = input.atlas;
    let (structure, region) = match input.selection {
        None => {
            empty_ui(ui, input);
            return;
        }
        Some(Selection::Structure(id)) => (atlas.structure(id), None),
        Some(Selection::Region(id)) => {
            let region = atlas.find_region(id).and_then(|r| atlas.region(r));
            let Some(region) = region else {
                empty_ui(ui, input);
                return;
            };
            (
                region.structure.as_deref().and_then(|s| atlas.structure(s)),
                Some(region),
            )
        }
    };
    egui::ScrollArea::vertical()
        .id_salt(("detail", input.serial))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if let Some(region) = region
                && let Some(zone) = region.zone.as_deref().and_then(|z| atlas.zone(z))
            {
                zone_detail_ui(ui, atlas, region, zone, input.palette, commands);
                return;
            }
            match structure {
                Some(structure) => structure_ui(ui, input, structure, region, commands),
                None => {
                    if let Some(region) = region {
                        ui.label(atlas.region_label(region));
                    }
                }
            }
        });
}

fn structure_ui(
    ui: &mut Ui,
    input: &DetailInput<'_>,
    structure: &Structure,
    region: Option<&PreparedRegion>,
    commands: &mut Vec<Command>,
) {
    let (atlas, palette) = (input.atlas, input.palette);
    ui.add_space(4.0);
    ui.heading(RichText::new(&structure.name).strong());
    let mut facts = Vec::new();
    if let Some(region) = region {
        facts.push(match region.side {
            Side::Midline => "Midline".to_owned(),
            side => format!("{} side", capitalise(side.word())),
        });
    }
    facts.push(kind_word(structure.kind).to_owned());
    if let Some(region) = region {
        let view = atlas
            .find_region(&region.id)
            .and_then(|r| atlas.views.get(r.view));
        if let Some(layer) = view.and_then(|v| v.layers.get(region.layer)) {
            facts.push(layer.title.clone());
        }
    }
    ui.weak(facts.join(" · "));
    if !structure.other_names.is_empty() {
        ui.weak(format!("Also called: {}", structure.other_names.join(", ")));
    }
    pack_note_ui(ui, atlas.pack_of_structure(&structure.id));
    ui.add_space(6.0);
    ui.label(RichText::new(&structure.summary).italics());
    ui.add_space(6.0);
    ui.label(&structure.description);
    if let Some(facts) = &structure.dermatome {
        dermatome_ui(ui, facts);
    }
    anatomy_ui(ui, structure);
    if let Some(relation) = &structure.sciatic_relation {
        section(ui, "Relation to the sciatic nerve");
        callout(ui, palette.warning, relation);
    }
    let referral = atlas.referral_for(&structure.id);
    if let Some(referral) = referral {
        referral_ui(ui, atlas, structure, referral, region, palette, commands);
    }
    if let Some(massage) = &structure.self_massage {
        self_massage_ui(ui, massage);
        start_ui(ui, input, structure, commands);
    }
    if !structure.stretches.is_empty() {
        section(ui, "Stretches");
        for stretch in &structure.stretches {
            ui.label(RichText::new(&stretch.name).strong());
            ui.label(&stretch.how);
            let sides = match stretch.sides {
                Sides::EachSide => ", each side",
                Sides::Both => "",
            };
            let times = if stretch.reps == 1 {
                "once".to_owned()
            } else {
                format!("{} times", stretch.reps)
            };
            ui.weak(format!("Hold {}, {times}{sides}", secs(stretch.hold_secs)));
            for caution in &stretch.cautions {
                callout(ui, palette.danger, caution);
            }
            ui.add_space(4.0);
        }
    }
    if structure.self_massage.is_none() && !structure.stretches.is_empty() {
        start_ui(ui, input, structure, commands);
    }
    cautions_ui(ui, structure, palette, commands);
    related_ui(ui, atlas, structure, commands);
    let side = region.map_or(Side::Midline, |r| r.side);
    structure_zones_ui(ui, atlas, structure, side, commands);
    let mut sources = structure.sources.clone();
    for id in referral.iter().flat_map(|r| &r.sources) {
        if !sources.contains(id) {
            sources.push(id.clone());
        }
    }
    sources_ui(ui, atlas, &sources);
}

/// "Referred pain": where the muscle's trigger points are, where they send pain, how that
/// differs from sciatica, and how far to trust it; a button frames the drawn pattern.
fn referral_ui(
    ui: &mut Ui,
    atlas: &Atlas,
    structure: &Structure,
    referral: &Referral,
    region: Option<&PreparedRegion>,
    palette: &Palette,
    commands: &mut Vec<Command>,
) {
    section(ui, "Referred pain");
    if !atlas.safety.referred_pain_note.is_empty() {
        callout(ui, palette.warning, &atlas.safety.referred_pain_note);
    }
    let others: Vec<&str> = referral
        .muscles
        .iter()
        .filter(|m| **m != structure.id)
        .filter_map(|m| atlas.structure(m))
        .map(|s| s.name.as_str())
        .collect();
    if !others.is_empty() {
        ui.weak(format!(
            "One pattern with {}, as Travell and Simons drew it",
            others.join(" and ")
        ));
    }
    for (key, text) in [
        ("Trigger points", &referral.trigger_points),
        ("Where the pain is felt", &referral.pain),
        ("Unlike sciatica", &referral.vs_sciatica),
        ("How sure", &referral.evidence),
    ] {
        ui.label(RichText::new(key).strong());
        ui.label(text);
        ui.add_space(3.0);
    }
    let drawn = region.is_some_and(|r| {
        atlas
            .find_region(&r.id)
            .and_then(|found| {
                let view = atlas.views.get(found.view)?;
                Some(!atlas.pattern_of(view, found.region).is_empty())
            })
            .unwrap_or(false)
    });
    if drawn
        && ui
            .button("Show the whole pattern")
            .on_hover_text("Zoom out to the muscle and every place it refers pain to")
            .clicked()
    {
        commands.push(Command::FramePattern);
    }
}

fn empty_ui(ui: &mut Ui, input: &DetailInput<'_>) {
    let view = input.view;
    egui::ScrollArea::vertical()
        .id_salt("detail_intro")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.add_space(8.0);
            ui.heading(&view.title);
            ui.weak(&view.orientation);
            ui.add_space(8.0);
            for paragraph in &view.intro {
                ui.label(paragraph);
                ui.add_space(6.0);
            }
            if view.regions.iter().any(|r| r.zone.is_some())
                && !input.atlas.safety.reflexology_evidence.is_empty()
            {
                ui.weak(&input.atlas.safety.reflexology_evidence);
                ui.add_space(6.0);
            }
            ui.weak("Scroll to zoom, drag to pan, double-click or Home to reset. Ctrl+F searches. F6 moves to the diagram; Tab and the arrow keys move between regions there; Escape clears.");
        });
}

/// A root's skin, disc, key muscle, reflex and walking test, and how maps differ.
fn dermatome_ui(ui: &mut Ui, facts: &DermatomeFacts) {
    section(ui, "Nerve root");
    let rows = [
        ("Root", Some(&facts.root)),
        ("Skin it supplies", Some(&facts.area)),
        ("Disc that usually affects it", Some(&facts.disc)),
        ("Key muscle test", Some(&facts.key_muscle)),
        ("Reflex", facts.reflex.as_ref()),
        ("Heel and toe walking", Some(&facts.walking_test)),
        ("How maps differ", Some(&facts.map_notes)),
    ];
    for (key, value) in rows {
        let Some(value) = value else { continue };
        ui.label(RichText::new(key).strong());
        ui.label(value);
        ui.add_space(3.0);
    }
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
            ui.label(&step.text);
            if let Some(hold) = step.hold {
                ui.weak(format!("(hold {})", secs(hold)));
            }
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

/// Where guided self-massage starts: the red flags first, then the button.
fn start_ui(
    ui: &mut Ui,
    input: &DetailInput<'_>,
    structure: &Structure,
    commands: &mut Vec<Command>,
) {
    section(ui, "Guided self-massage");
    if red_flag_notice_ui(
        ui,
        &input.atlas.safety,
        input.palette,
        "Before you start: do not massage, get urgent medical help, if you have",
    ) {
        commands.push(Command::ShowSafety(true));
    }
    let start = egui::Button::new(RichText::new("Start guided self-massage…").strong());
    if ui
        .add(start)
        .on_hover_text("Step by step, with a timer for each hold and a breathing pacer")
        .clicked()
    {
        commands.push(Command::StartRoutine(RoutineSource::Structure(
            structure.id.clone(),
        )));
    }
}

fn cautions_ui(ui: &mut Ui, s: &Structure, palette: &Palette, commands: &mut Vec<Command>) {
    section(ui, "Cautions: when not to massage");
    for caution in &s.cautions {
        callout(ui, palette.danger, caution);
    }
    if ui.link("Red flags: when to see a doctor…").clicked() {
        commands.push(Command::ShowSafety(true));
    }
}

/// Every related structure opens its page: on the diagram when it has a region, else alone.
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
            let hint = if first_region_of(atlas, id).is_some() {
                "Show it on the diagram"
            } else {
                "Open its page"
            };
            if ui
                .add(egui::Button::new(&related.name).small())
                .on_hover_text(hint)
                .clicked()
            {
                commands.push(Command::OpenStructure(id.clone()));
            }
        }
    });
}

fn kind_word(kind: StructureKind) -> &'static str {
    match kind {
        StructureKind::Muscle => "Muscle",
        StructureKind::MuscleGroup => "Muscle group",
        StructureKind::Nerve => "Nerve",
        StructureKind::Bone => "Bone",
        StructureKind::Landmark => "Bony landmark",
        StructureKind::Surface => "Surface",
        StructureKind::Dermatome => "Dermatome",
    }
}
