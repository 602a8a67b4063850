//! Consultation mode's bar and session panel: tools, markers, regions to treat and avoid,
//! self-care, notes, the handout, and the client's records with their progress plot.

use egui::{RichText, Ui};

use super::consult_overlay::{kind_color, mark_color};
use super::palette::Palette;
use crate::model::content::{Side, StructureKind};
use crate::model::{Atlas, PreparedView};
use crate::records::SessionSummary;
use crate::session::{MAX_INTENSITY, PainKind, RegionMark, SelfCare};
use crate::state::{Command, Consult, ConsultCommand as C, MarkerEdit, SessionText, Tool};

/// What the bar needs.
pub struct ConsultBarInput<'a> {
    pub atlas: &'a Atlas,
    pub view: &'a PreparedView,
    pub consult: &'a Consult,
}

/// Type sizes in consultation mode: the client reads the screen from across the table.
pub const CONSULT_TEXT_SCALE: f32 = 1.3;

/// The bar across the top in consultation mode.
pub fn consult_bar_ui(
    ui: &mut Ui,
    input: &ConsultBarInput<'_>,
    layers: impl FnOnce(&mut Ui),
    commands: &mut Vec<Command>,
) {
    let consult = input.consult;
    ui.horizontal_wrapped(|ui| {
        if ui
            .button(RichText::new("Leave consultation").strong())
            .on_hover_text("Back to the atlas as it was (F11); the session is saved")
            .clicked()
        {
            commands.push(Command::EndConsult);
        }
        ui.separator();
        egui::ComboBox::from_id_salt("consult_view")
            .selected_text(&input.view.title)
            .width(260.0)
            .show_ui(ui, |ui| {
                for view in &input.atlas.views {
                    let on = view.id == input.view.id;
                    if ui.selectable_label(on, &view.title).clicked() && !on {
                        commands.push(Command::ShowView(view.id.clone()));
                    }
                }
            })
            .response
            .on_hover_text("Choose a view");
        ui.menu_button("Layers…", layers);
        ui.separator();
        for (n, tool) in (1..).zip(Tool::ALL) {
            if ui
                .selectable_label(consult.tool == tool, tool.label())
                .on_hover_text(format!("{} (key {n})", tool.hint()))
                .clicked()
            {
                commands.push(Command::Consult(C::Tool(tool)));
            }
        }
        if consult.tool == Tool::Mark {
            egui::ComboBox::from_id_salt("next_kind")
                .selected_text(
                    RichText::new(consult.next_kind.label()).color(kind_color(consult.next_kind)),
                )
                .show_ui(ui, |ui| {
                    for kind in PainKind::ALL {
                        let text = RichText::new(kind.label()).color(kind_color(kind));
                        if ui
                            .selectable_label(consult.next_kind == kind, text)
                            .clicked()
                        {
                            commands.push(Command::Consult(C::NextKind(kind)));
                        }
                    }
                })
                .response
                .on_hover_text("The kind of the next marker");
        }
        if consult.tool == Tool::Pen || !consult.session.strokes.is_empty() {
            if ui
                .add_enabled(consult.can_undo(), egui::Button::new("Undo drawing"))
                .clicked()
            {
                commands.push(Command::Consult(C::UndoStroke));
            }
            if ui
                .add_enabled(
                    !consult.session.strokes.is_empty(),
                    egui::Button::new("Clear drawing"),
                )
                .clicked()
            {
                commands.push(Command::Consult(C::ClearStrokes));
            }
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let label = if consult.panel {
                "Hide session"
            } else {
                "Show session"
            };
            if ui.button(label).clicked() {
                commands.push(Command::Consult(C::ShowPanel(!consult.panel)));
            }
        });
    });
}

/// What the UI keeps for the panel between frames (file names typed, passphrases): not state.
#[derive(Clone, Debug, Default)]
pub struct ConsultUiState {
    pub export_path: String,
    pub import_path: String,
    /// The date as typed, until it is a valid date.
    pub date_text: Option<String>,
    pub new_passphrase: String,
    pub repeat_passphrase: String,
    /// US Letter paper instead of A4.
    pub letter: bool,
}

/// What the session panel needs.
pub struct ConsultPanelInput<'a> {
    pub atlas: &'a Atlas,
    pub view: &'a PreparedView,
    pub consult: &'a Consult,
    pub selected_region: Option<&'a str>,
    pub palette: &'a Palette,
    /// Where the client records are and whether they are open and protected: `None` when
    /// the app runs without records.
    pub records: Option<RecordsInfo<'a>>,
}

/// The state of the client records, for the panel.
pub struct RecordsInfo<'a> {
    pub path: &'a str,
    /// Why they could not be opened.
    pub problem: Option<&'a str>,
    pub open: bool,
    pub protected: bool,
}

/// The session panel beside the diagram.
pub fn consult_panel_ui(
    ui: &mut Ui,
    input: &ConsultPanelInput<'_>,
    state: &mut ConsultUiState,
    commands: &mut Vec<Command>,
) {
    let consult = input.consult;
    let session = &consult.session;
    // Fields fit the panel however narrow the window.
    ui.spacing_mut().text_edit_width = (ui.available_width() - 90.0).max(120.0);
    ui.add_space(4.0);
    egui::Grid::new("client").num_columns(2).show(ui, |ui| {
        let label = ui.label("Client");
        let mut client = session.client.clone();
        let edit = egui::TextEdit::singleline(&mut client).hint_text("Name or initials");
        if ui.add(edit).labelled_by(label.id).changed() {
            commands.push(Command::Consult(C::Text(SessionText::Client(client))));
        }
        ui.end_row();
        let label = ui.label("Date");
        let mut date = state
            .date_text
            .clone()
            .unwrap_or_else(|| session.date.to_string());
        if ui
            .text_edit_singleline(&mut date)
            .labelled_by(label.id)
            .changed()
        {
            match date.parse() {
                Ok(d) => {
                    state.date_text = None;
                    commands.push(Command::Consult(C::Text(SessionText::Date(d))));
                }
                Err(_) => state.date_text = Some(date),
            }
        }
        ui.end_row();
    });
    if state.date_text.is_some() {
        ui.label(RichText::new("Write the date as YYYY-MM-DD").color(input.palette.warning));
    }
    progress_ui(ui, input, &consult.records.history, commands);
    selected_part_ui(ui, input, commands);
    markers_ui(ui, input, commands);
    regions_ui(ui, input, commands);
    self_care_ui(ui, input, commands);
    ui.add_space(6.0);
    let label = ui.strong("Notes for the client (printed on the handout)");
    let mut notes = session.client_notes.clone();
    if ui
        .add(
            egui::TextEdit::multiline(&mut notes)
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id)
        .changed()
    {
        commands.push(Command::Consult(C::Text(SessionText::ClientNotes(notes))));
    }
    let label = ui.strong("Private notes (never printed)");
    let mut private = session.notes.clone();
    if ui
        .add(
            egui::TextEdit::multiline(&mut private)
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id)
        .changed()
    {
        commands.push(Command::Consult(C::Text(SessionText::Notes(private))));
    }
    files_ui(ui, input, state, commands);
    records_ui(ui, input, state, commands);
}

/// The part last pointed at, plain words first; origin, insertion and nerve supply on request.
fn selected_part_ui(ui: &mut Ui, input: &ConsultPanelInput<'_>, commands: &mut Vec<Command>) {
    let atlas = input.atlas;
    let Some(region) = input
        .selected_region
        .and_then(|id| atlas.find_region(id))
        .and_then(|r| atlas.region(r))
    else {
        return;
    };
    ui.add_space(8.0);
    ui.label(
        RichText::new(atlas.plain_region_label(region))
            .size(22.0)
            .strong(),
    );
    let Some(s) = region.structure.as_deref().and_then(|s| atlas.structure(s)) else {
        return;
    };
    ui.label(&s.summary);
    let mut clinical = input.consult.show_clinical;
    if ui.checkbox(&mut clinical, "Clinical detail").changed() {
        commands.push(Command::Consult(C::ShowClinical(clinical)));
    }
    if clinical {
        for (key, value) in [
            ("Origin", s.origin.as_deref()),
            ("Insertion", s.insertion.as_deref()),
            ("Action", s.action.as_deref()),
        ] {
            if let Some(value) = value {
                ui.label(RichText::new(key).strong());
                ui.label(value);
            }
        }
        if let Some(n) = &s.innervation {
            ui.label(RichText::new("Nerve supply").strong());
            ui.label(format!("{} ({})", n.nerve, n.roots));
        }
    }
    if matches!(s.kind, StructureKind::Muscle | StructureKind::MuscleGroup) {
        ui.horizontal(|ui| {
            for mark in [RegionMark::Treat, RegionMark::Avoid] {
                let on = input.consult.session.region_mark(&region.id) == Some(mark);
                let text = match mark {
                    RegionMark::Treat => "Treat",
                    RegionMark::Avoid => "Avoid",
                };
                if ui
                    .selectable_label(on, RichText::new(text).color(mark_color(mark)))
                    .clicked()
                {
                    commands.push(Command::Consult(C::MarkRegion {
                        region: region.id.clone(),
                        mark,
                    }));
                }
            }
        });
    }
}

/// The markers, each editable: kind, intensity, side, note, delete.
fn markers_ui(ui: &mut Ui, input: &ConsultPanelInput<'_>, commands: &mut Vec<Command>) {
    let atlas = input.atlas;
    let session = &input.consult.session;
    ui.add_space(8.0);
    ui.strong(format!("Pain markers ({})", session.markers.len()));
    if session.markers.is_empty() {
        ui.label(
            RichText::new("Choose “Mark pain” and click where the client feels it")
                .color(input.palette.text_secondary),
        );
        return;
    }
    // One line per marker, and only the lines in view are laid out: a session may hold
    // hundreds.
    let row_height = ui.spacing().interact_size.y;
    egui::ScrollArea::vertical()
        .id_salt("markers")
        .max_height(row_height * 8.0)
        .auto_shrink([false, true])
        .show_rows(ui, row_height, session.markers.len(), |ui, rows| {
            for i in rows {
                let Some(m) = session.markers.get(i) else {
                    continue;
                };
                let selected = input.consult.selected_marker == Some(i);
                let place = m
                    .region
                    .as_deref()
                    .and_then(|r| input.view.region_index(r).map(|k| &input.view.regions[k]))
                    .map_or_else(
                        || {
                            m.region
                                .as_deref()
                                .and_then(|r| atlas.find_region(r))
                                .and_then(|r| atlas.region(r))
                                .map_or_else(
                                    || "Off the body".to_owned(),
                                    |r| atlas.plain_region_name(r),
                                )
                        },
                        |r| atlas.plain_region_name(r),
                    );
                let title = format!(
                    "{}. {}, {}/10 · {}",
                    i + 1,
                    m.kind.label(),
                    m.intensity,
                    place
                );
                let text = RichText::new(title);
                let text = if selected {
                    text.strong()
                } else {
                    text.color(kind_color(m.kind))
                };
                let row = egui::Button::selectable(selected, text).truncate();
                if ui.add(row).clicked() {
                    commands.push(Command::Consult(C::SelectMarker((!selected).then_some(i))));
                }
            }
        });
    if let Some(i) = input.consult.selected_marker
        && let Some(m) = session.markers.get(i)
    {
        marker_editor_ui(ui, i, m, commands);
    }
}

fn marker_editor_ui(
    ui: &mut Ui,
    index: usize,
    m: &crate::session::Marker,
    commands: &mut Vec<Command>,
) {
    let edit = |edit: MarkerEdit| Command::Consult(C::EditMarker { index, edit });
    ui.indent(("marker", index), |ui| {
        egui::ComboBox::from_label(format!("Kind of marker {}", index + 1))
            .selected_text(m.kind.label())
            .show_ui(ui, |ui| {
                for kind in PainKind::ALL {
                    if ui.selectable_label(m.kind == kind, kind.label()).clicked() {
                        commands.push(edit(MarkerEdit::Kind(kind)));
                    }
                }
            });
        let mut intensity = m.intensity;
        let slider = egui::Slider::new(&mut intensity, 0..=MAX_INTENSITY)
            .text(format!("Intensity of marker {}", index + 1));
        if ui.add(slider).changed() {
            commands.push(edit(MarkerEdit::Intensity(intensity)));
        }
        ui.horizontal(|ui| {
            for side in [Side::Left, Side::Right] {
                let text = if side == Side::Left {
                    "Left side"
                } else {
                    "Right side"
                };
                if ui.selectable_label(m.side == side, text).clicked() {
                    commands.push(edit(MarkerEdit::Side(side)));
                }
            }
        });
        let mut note = m.note.clone();
        let label = ui.label(format!("Note on marker {}", index + 1));
        let field =
            egui::TextEdit::singleline(&mut note).hint_text("What the client says about it");
        if ui.add(field).labelled_by(label.id).changed() {
            commands.push(edit(MarkerEdit::Note(note)));
        }
        if ui.button(format!("Delete marker {}", index + 1)).clicked() {
            commands.push(Command::Consult(C::DeleteMarker(index)));
        }
    });
}

/// Regions marked to treat and to avoid.
fn regions_ui(ui: &mut Ui, input: &ConsultPanelInput<'_>, commands: &mut Vec<Command>) {
    let atlas = input.atlas;
    let session = &input.consult.session;
    for (mark, title, list) in [
        (RegionMark::Treat, "To treat", &session.treat),
        (RegionMark::Avoid, "To avoid", &session.avoid),
    ] {
        if list.is_empty() {
            continue;
        }
        ui.add_space(6.0);
        ui.label(RichText::new(title).strong().color(mark_color(mark)));
        for id in list {
            let name = atlas
                .find_region(id)
                .and_then(|r| atlas.region(r))
                .map_or_else(|| id.clone(), |r| atlas.plain_region_label(r));
            ui.horizontal_wrapped(|ui| {
                if ui
                    .small_button("Remove")
                    .on_hover_text("Take off the list")
                    .clicked()
                {
                    commands.push(Command::Consult(C::MarkRegion {
                        region: id.clone(),
                        mark,
                    }));
                }
                ui.label(name);
            });
        }
    }
}

/// The self-care offered, grouped by structure: the marked parts' first, then all.
fn self_care_ui(ui: &mut Ui, input: &ConsultPanelInput<'_>, commands: &mut Vec<Command>) {
    let atlas = input.atlas;
    let session = &input.consult.session;
    let offered = crate::session::self_care_offered(atlas);
    let mut marked: Vec<&str> = session
        .markers
        .iter()
        .filter_map(|m| m.region.as_deref())
        .chain(session.treat.iter().map(String::as_str))
        .filter_map(|r| atlas.find_region(r))
        .filter_map(|r| atlas.region(r))
        .filter_map(|r| r.structure.as_deref())
        .chain(session.self_care.iter().map(SelfCare::structure))
        .collect();
    let mut seen = Vec::new();
    marked.retain(|s| {
        let new = !seen.contains(s);
        seen.push(*s);
        new
    });
    let group_ui = |ui: &mut Ui, structure: &str, commands: &mut Vec<Command>| {
        let items: Vec<&SelfCare> = offered
            .iter()
            .filter(|i| i.structure() == structure)
            .collect();
        let Some(s) = atlas.structure(structure).filter(|_| !items.is_empty()) else {
            return;
        };
        ui.label(RichText::new(atlas.plain_name(s)).strong());
        ui.indent(("self_care", structure), |ui| {
            for item in items {
                let mut on = session.self_care.contains(item);
                let text = match item {
                    SelfCare::SelfMassage(_) => "Self-massage".to_owned(),
                    SelfCare::Stretch { name, .. } => format!("Stretch: {name}"),
                };
                if ui.checkbox(&mut on, text).changed() {
                    commands.push(Command::Consult(C::ToggleSelfCare(item.clone())));
                }
            }
        });
    };
    ui.add_space(8.0);
    ui.strong(format!(
        "Self-care to take home ({} chosen)",
        session.self_care.len()
    ));
    for structure in &marked {
        group_ui(ui, structure, commands);
    }
    egui::CollapsingHeader::new("All self-care")
        .id_salt("all_self_care")
        .show(ui, |ui| {
            for s in atlas
                .structures
                .iter()
                .filter(|s| !marked.contains(&s.id.as_str()))
            {
                group_ui(ui, &s.id, commands);
            }
        });
}

/// The handout and the session file.
fn files_ui(
    ui: &mut Ui,
    input: &ConsultPanelInput<'_>,
    state: &mut ConsultUiState,
    commands: &mut Vec<Command>,
) {
    ui.add_space(8.0);
    ui.strong("Handout and files");
    let label = ui.label("Write to");
    ui.add(
        egui::TextEdit::singleline(&mut state.export_path)
            .desired_width(f32::INFINITY)
            .hint_text("File to write"),
    )
    .labelled_by(label.id)
    .on_hover_text("Where the handout or session file is written; .pdf, .png or .ron");
    let path = std::path::PathBuf::from(state.export_path.trim());
    let named = !input.consult.session.client.trim().is_empty();
    let paper = if state.letter {
        crate::handout::Paper::Letter
    } else {
        crate::handout::Paper::A4
    };
    ui.horizontal(|ui| {
        ui.selectable_value(&mut state.letter, false, "A4");
        ui.selectable_value(&mut state.letter, true, "Letter");
    });
    ui.horizontal_wrapped(|ui| {
        for ext in ["pdf", "png"] {
            if ui
                .add_enabled(
                    named,
                    egui::Button::new(format!("Handout ({})", ext.to_uppercase())),
                )
                .on_disabled_hover_text("Enter the client's name or initials first")
                .clicked()
            {
                commands.push(Command::Consult(C::ExportHandout {
                    path: path.with_extension(ext),
                    paper,
                }));
            }
        }
        if ui
            .add_enabled(named, egui::Button::new("Session file (RON)"))
            .on_disabled_hover_text("Enter the client's name or initials first")
            .clicked()
        {
            commands.push(Command::Consult(C::ExportSession(
                path.with_extension("ron"),
            )));
        }
    });
    let label = ui.label("Session file to open");
    ui.horizontal_wrapped(|ui| {
        ui.add(
            egui::TextEdit::singleline(&mut state.import_path)
                .desired_width((ui.available_width() - 150.0).max(120.0))
                .hint_text("session.ron"),
        )
        .labelled_by(label.id);
        if ui
            .add_enabled(
                !state.import_path.trim().is_empty(),
                egui::Button::new("Open session file"),
            )
            .clicked()
        {
            commands.push(Command::Consult(C::ImportSession(
                state.import_path.trim().into(),
            )));
        }
    });
}

/// The client records: saving, search, recent sessions, the client's progress.
fn records_ui(
    ui: &mut Ui,
    input: &ConsultPanelInput<'_>,
    state: &mut ConsultUiState,
    commands: &mut Vec<Command>,
) {
    ui.add_space(8.0);
    ui.strong("Client records");
    let Some(info) = &input.records else {
        ui.label(RichText::new("Client records are off").color(input.palette.text_secondary));
        return;
    };
    if !info.open {
        let text = info
            .problem
            .map_or_else(|| format!("Not open: {}", info.path), str::to_owned);
        ui.label(RichText::new(text).color(input.palette.warning));
        return;
    }
    let consult = input.consult;
    let records = &consult.records;
    ui.horizontal(|ui| {
        let named = !consult.session.client.trim().is_empty();
        if ui
            .add_enabled(named, egui::Button::new("Save now"))
            .on_hover_text("Saved by itself every 30 seconds and on leaving")
            .clicked()
        {
            commands.push(Command::Consult(C::Save));
        }
        let status = if consult.dirty {
            "Changes not saved yet"
        } else if consult.record.is_some() {
            "Saved"
        } else {
            "Not saved yet"
        };
        ui.label(RichText::new(status).color(input.palette.text_secondary));
    });
    let mut search = records.search.clone();
    let label = ui.label("Search clients");
    let field = egui::TextEdit::singleline(&mut search).hint_text("Name or initials");
    if ui.add(field).labelled_by(label.id).changed() {
        commands.push(Command::Consult(C::Search(search)));
    }
    let list = if records.search.trim().is_empty() {
        &records.recent
    } else {
        &records.found
    };
    let heading = if records.search.trim().is_empty() {
        "Recent sessions"
    } else {
        "Found"
    };
    ui.label(RichText::new(heading).color(input.palette.text_secondary));
    for s in list.iter().take(12) {
        let current = consult.record == Some(s.id);
        let text = format!("{} · {} · worst {}/10", s.client, s.date, s.worst);
        if ui.selectable_label(current, text).clicked() && !current {
            commands.push(Command::Consult(C::OpenRecord(s.id)));
        }
    }
    ui.add_space(6.0);
    egui::CollapsingHeader::new(if info.protected {
        "Change the passphrase"
    } else {
        "Protect the records with a passphrase"
    })
    .id_salt("passphrase")
    .show(ui, |ui| {
        ui.label(
            RichText::new(
                "Asked for each time the app starts. It cannot be recovered if forgotten.",
            )
            .color(input.palette.text_secondary),
        );
        let label = ui.label("New passphrase");
        ui.add(egui::TextEdit::singleline(&mut state.new_passphrase).password(true))
            .labelled_by(label.id);
        let label = ui.label("Repeat it");
        ui.add(egui::TextEdit::singleline(&mut state.repeat_passphrase).password(true))
            .labelled_by(label.id);
        let ok =
            !state.new_passphrase.is_empty() && state.new_passphrase == state.repeat_passphrase;
        if ui
            .add_enabled(ok, egui::Button::new("Set passphrase"))
            .clicked()
        {
            commands.push(Command::Consult(C::SetPassphrase(std::mem::take(
                &mut state.new_passphrase,
            ))));
            state.repeat_passphrase.clear();
        }
    });
}

/// The client's visits: worst intensity and marked areas per visit, and a visit to compare.
fn progress_ui(
    ui: &mut Ui,
    input: &ConsultPanelInput<'_>,
    history: &[SessionSummary],
    commands: &mut Vec<Command>,
) {
    if history.len() < 2 {
        return;
    }
    ui.add_space(4.0);
    ui.label(
        RichText::new(format!(
            "{}'s visits",
            history.first().map_or("", |h| h.client.as_str())
        ))
        .strong(),
    );
    let worst: Vec<[f64; 2]> = history
        .iter()
        .enumerate()
        .map(|(i, s)| [i as f64 + 1.0, f64::from(s.worst)])
        .collect();
    let areas: Vec<[f64; 2]> = history
        .iter()
        .enumerate()
        .map(|(i, s)| [i as f64 + 1.0, f64::from(s.areas)])
        .collect();
    let dates: Vec<String> = history.iter().map(|s| s.date.to_string()).collect();
    egui_plot::Plot::new("progress")
        .height(150.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_y(0.0)
        .include_y(10.0)
        .include_x(0.7)
        .include_x(history.len() as f64 + 0.3)
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round() as usize;
            if (mark.value - mark.value.round()).abs() < 1e-6 && i >= 1 {
                dates.get(i - 1).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .show(ui, |plot| {
            plot.line(
                egui_plot::Line::new("Worst pain (0-10)", worst.clone())
                    .color(input.palette.danger)
                    .width(2.0),
            );
            plot.points(
                egui_plot::Points::new("", worst)
                    .color(input.palette.danger)
                    .radius(4.0),
            );
            plot.line(
                egui_plot::Line::new("Areas marked", areas.clone())
                    .color(input.palette.info)
                    .width(2.0),
            );
            plot.points(
                egui_plot::Points::new("", areas)
                    .color(input.palette.info)
                    .radius(4.0),
            );
        });
    ui.horizontal(|ui| {
        ui.label(RichText::new("— Worst pain (0-10)").color(input.palette.danger));
        ui.label(RichText::new("— Areas marked").color(input.palette.info));
    });
    let current = input.consult.record;
    let comparing = input.consult.records.compare.is_some();
    ui.horizontal_wrapped(|ui| {
        ui.label("Compare with");
        for s in history.iter().filter(|s| Some(s.id) != current) {
            if ui.small_button(s.date.to_string()).clicked() {
                commands.push(Command::Consult(C::Compare(Some(s.id))));
            }
        }
        if comparing && ui.small_button("Stop comparing").clicked() {
            commands.push(Command::Consult(C::Compare(None)));
        }
    });
}
