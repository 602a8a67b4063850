//! The sciatica guide panel: a red-flag notice, the sections, and in them the symptom finder,
//! the causes and variants linked to the diagram, the treatment plan timeline and the
//! routines to start.

use egui::{RichText, Ui};

use super::palette::Palette;
use super::timeline::timeline_ui;
use super::widgets::{callout, labelled, red_flag_notice_ui, red_flags_ui, section, sources_ui};
use crate::model::Atlas;
use crate::model::content::{Block, Guide, GuideSection, Item, Phase, Table, Variant};
use crate::state::{Command, GuideCommand, GuideState, RoutineSource};

/// What the guide panel needs for one frame.
pub struct GuideInput<'a> {
    pub atlas: &'a Atlas,
    pub guide: &'a Guide,
    pub state: &'a GuideState,
    pub palette: &'a Palette,
}

fn push(commands: &mut Vec<Command>, command: GuideCommand) {
    commands.push(Command::Guide(command));
}

/// The guide in the side panel.
pub fn guide_ui(ui: &mut Ui, input: &GuideInput<'_>, commands: &mut Vec<Command>) {
    let (guide, palette) = (input.guide, input.palette);
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        ui.heading(RichText::new(&guide.title).strong());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button("Close")
                .on_hover_text("Back to the atlas")
                .clicked()
            {
                push(commands, GuideCommand::Close);
            }
        });
    });
    // A tall panel lists every section at a glance; a short one keeps the room for the text.
    let roomy = ui.available_height() > 640.0;
    if roomy {
        ui.weak(&guide.summary);
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| {
            for s in &guide.sections {
                let on = s.id == input.state.section;
                if ui.selectable_label(on, &s.title).clicked() && !on {
                    push(commands, GuideCommand::Section(s.id.clone()));
                }
            }
        });
    } else {
        let current = guide
            .sections
            .iter()
            .find(|s| s.id == input.state.section)
            .map_or("", |s| s.title.as_str());
        egui::ComboBox::from_label("Section")
            .selected_text(current)
            .width(ui.available_width() - 70.0)
            .show_ui(ui, |ui| {
                for s in &guide.sections {
                    let on = s.id == input.state.section;
                    if ui.selectable_label(on, &s.title).clicked() && !on {
                        push(commands, GuideCommand::Section(s.id.clone()));
                    }
                }
            });
    }
    ui.separator();
    let Some(shown) = guide
        .sections
        .iter()
        .find(|s| s.id == input.state.section)
        .or_else(|| guide.sections.first())
    else {
        return;
    };
    egui::ScrollArea::vertical()
        .id_salt(("guide", &shown.id))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let has = |f: fn(&Block) -> bool| shown.blocks.iter().any(f);
            if has(|b| matches!(b, Block::RedFlags)) {
                // The section lists them all.
            } else if has(|b| matches!(b, Block::Routines)) {
                // Where self-massage starts: the emergency signs in full.
                if red_flag_notice_ui(
                    ui,
                    &input.atlas.safety,
                    palette,
                    "Red flags: get urgent medical help and do not massage if you have",
                ) {
                    commands.push(Command::ShowSafety(true));
                }
            } else {
                red_flag_banner_ui(ui, guide, palette, commands);
            }
            section_ui(ui, input, shown, commands);
        });
}

/// One line that keeps the red flags in sight while reading, with a way to them.
fn red_flag_banner_ui(ui: &mut Ui, guide: &Guide, palette: &Palette, commands: &mut Vec<Command>) {
    egui::Frame::new()
        .fill(palette.danger.gamma_multiply(0.10))
        .stroke(egui::Stroke::new(1.0, palette.danger))
        .corner_radius(4.0)
        .inner_margin(6.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(
                        "Red flags: some signs need urgent medical help, and no massage.",
                    )
                    .color(palette.danger),
                );
                let section = guide
                    .sections
                    .iter()
                    .find(|s| s.blocks.iter().any(|b| matches!(b, Block::RedFlags)));
                if ui.link("Read them").clicked() {
                    commands.push(match section {
                        Some(s) => Command::Guide(GuideCommand::Section(s.id.clone())),
                        None => Command::ShowSafety(true),
                    });
                }
            });
        });
    ui.add_space(4.0);
}

fn section_ui(
    ui: &mut Ui,
    input: &GuideInput<'_>,
    shown: &GuideSection,
    commands: &mut Vec<Command>,
) {
    let palette = input.palette;
    ui.add_space(4.0);
    ui.label(RichText::new(&shown.title).strong().size(19.0));
    ui.add_space(4.0);
    for block in &shown.blocks {
        match block {
            Block::Text(text) => {
                ui.label(text);
                ui.add_space(4.0);
            }
            Block::Heading(text) => {
                ui.add_space(6.0);
                ui.label(RichText::new(text).strong().size(15.0));
            }
            Block::Evidence(grade, text) => {
                let colour = if grade.is_weak() {
                    palette.warning
                } else {
                    palette.info
                };
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(grade.label()).strong().color(colour));
                    ui.label(text);
                });
                ui.add_space(4.0);
            }
            Block::Caution(text) => callout(ui, palette.danger, text),
            Block::Items(items) => items_ui(ui, input.atlas, items, commands),
            Block::Variants(variants) => variants_ui(ui, input.atlas, variants, commands),
            Block::Table(table) => table_ui(ui, table),
            Block::Timeline(phases) => plan_ui(ui, phases, palette, commands),
            Block::RedFlags => {
                red_flags_ui(ui, &input.atlas.safety, palette, false);
                if ui.link("When not to massage…").clicked() {
                    commands.push(Command::ShowSafety(true));
                }
            }
            Block::SymptomFinder => symptom_finder_ui(ui, input, commands),
            Block::Routines => routines_ui(ui, input.atlas, commands),
        }
    }
    sources_ui(ui, input.atlas, &shown.sources);
}

/// Links to structures: each opens its page (the guide stays a click away).
fn structure_links_ui(ui: &mut Ui, atlas: &Atlas, ids: &[String], commands: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        for id in ids {
            let Some(structure) = atlas.structure(id) else {
                continue;
            };
            if ui
                .add(egui::Button::new(&structure.name).small())
                .on_hover_text("Open its page")
                .clicked()
            {
                commands.push(Command::OpenStructure(id.clone()));
            }
        }
        if ids.len() > 1
            && ui
                .small_button("Show them on the diagram")
                .on_hover_text("Highlight these together")
                .clicked()
        {
            push(commands, GuideCommand::Highlight(ids.to_vec()));
        }
    });
}

fn items_ui(ui: &mut Ui, atlas: &Atlas, items: &[Item], commands: &mut Vec<Command>) {
    for item in items {
        ui.label(RichText::new(&item.title).strong());
        ui.label(&item.text);
        if !item.structures.is_empty() {
            structure_links_ui(ui, atlas, &item.structures, commands);
        }
        ui.add_space(6.0);
    }
}

fn variants_ui(ui: &mut Ui, atlas: &Atlas, variants: &[Variant], commands: &mut Vec<Command>) {
    for v in variants {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(&v.title).strong());
            ui.weak(&v.share);
        });
        ui.label(&v.text);
        ui.horizontal_wrapped(|ui| {
            for view_id in &v.views {
                let Some(view) = atlas.view_index(view_id).and_then(|i| atlas.views.get(i)) else {
                    continue;
                };
                let label = format!("Show on {}", view.title);
                if ui
                    .small_button(label)
                    .on_hover_text("Switches to the view and draws this course of the nerve")
                    .clicked()
                {
                    push(
                        commands,
                        GuideCommand::ShowVariant {
                            view: view_id.clone(),
                            layer: v.layer.clone(),
                        },
                    );
                }
            }
        });
        ui.add_space(6.0);
    }
}

/// A table as one card per row: the first cell as its heading, then each column's name with
/// its cell, so it reads in a narrow side panel as well as a wide one.
fn table_ui(ui: &mut Ui, table: &Table) {
    for row in &table.rows {
        let mut cells = table.columns.iter().zip(row);
        egui::Frame::new()
            .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
            .corner_radius(4.0)
            .inner_margin(6.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                if let Some((_, first)) = cells.next() {
                    ui.label(RichText::new(first).strong().size(15.0));
                }
                for (column, cell) in cells {
                    labelled(ui, column, cell);
                }
            });
        ui.add_space(3.0);
    }
    if let Some(note) = &table.note {
        ui.weak(note);
    }
    ui.add_space(6.0);
}

fn plan_ui(ui: &mut Ui, phases: &[Phase], palette: &Palette, commands: &mut Vec<Command>) {
    timeline_ui(ui, phases, palette, 90.0, false);
    if ui
        .button("Show to a client…")
        .on_hover_text("The timeline large, in its own window")
        .clicked()
    {
        push(commands, GuideCommand::Present(true));
    }
    ui.add_space(6.0);
}

/// The treatment plan large, for showing a client: a window over the app.
pub fn plan_window_ui(
    ctx: &egui::Context,
    guide: &Guide,
    palette: &Palette,
    commands: &mut Vec<Command>,
) {
    let Some(phases) = guide
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .find_map(|b| match b {
            Block::Timeline(phases) => Some(phases),
            _ => None,
        })
    else {
        return;
    };
    let mut open = true;
    egui::Window::new("Treatment plan")
        .open(&mut open)
        .default_width(900.0)
        .default_height(480.0)
        .collapsible(false)
        .show(ctx, |ui| {
            ui.label(
                RichText::new("How often sessions usually are, phase by phase")
                    .size(18.0)
                    .strong(),
            );
            ui.weak("Each dot is one session. The plan changes with how you respond: it is a guide, not a rule.");
            ui.add_space(8.0);
            timeline_ui(ui, phases, palette, 150.0, true);
        });
    if !open {
        push(commands, GuideCommand::Present(false));
    }
}

fn symptom_finder_ui(ui: &mut Ui, input: &GuideInput<'_>, commands: &mut Vec<Command>) {
    let (guide, atlas, palette) = (input.guide, input.atlas, input.palette);
    callout(ui, palette.warning, &guide.caveat);
    let mut areas: Vec<&str> = Vec::new();
    for s in &guide.symptoms {
        if !areas.contains(&s.area.as_str()) {
            areas.push(&s.area);
        }
    }
    for area in areas {
        ui.label(RichText::new(area).strong());
        for s in guide.symptoms.iter().filter(|s| s.area == area) {
            let mut on = input.state.picked.contains(&s.id);
            if ui.checkbox(&mut on, &s.label).clicked() {
                push(commands, GuideCommand::ToggleSymptom(s.id.clone()));
            }
        }
        ui.add_space(4.0);
    }
    if input.state.picked.is_empty() {
        ui.weak("Pick what you feel: the structures worth a look are highlighted on the diagram.");
        return;
    }
    section(ui, "Worth a look");
    ui.weak("Highlighted on the diagram in green.");
    for s in guide
        .symptoms
        .iter()
        .filter(|s| input.state.picked.contains(&s.id))
    {
        ui.label(RichText::new(&s.label).strong());
        ui.label(&s.why);
        structure_links_ui(ui, atlas, &s.structures, commands);
        ui.add_space(6.0);
    }
    callout(ui, palette.warning, &guide.caveat);
}

fn routines_ui(ui: &mut Ui, atlas: &Atlas, commands: &mut Vec<Command>) {
    for routine in &atlas.routines {
        ui.label(RichText::new(&routine.name).strong());
        ui.label(&routine.summary);
        ui.horizontal_wrapped(|ui| {
            ui.weak(format!("You need: {}", routine.tool));
        });
        if ui
            .button(format!("Start: {}…", routine.name))
            .on_hover_text("Shows the red flags first, then the steps with timed holds")
            .clicked()
        {
            commands.push(Command::StartRoutine(RoutineSource::Routine(
                routine.id.clone(),
            )));
        }
        ui.add_space(8.0);
    }
}
