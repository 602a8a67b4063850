//! The legend of a foot map: each zone on the view with its colour and name (a click selects
//! it), what the dashed lines are, and how the longitudinal zones are numbered.

use std::collections::BTreeMap;

use egui::{
    Color32, CornerRadius, Pos2, Rect, Sense, Shape, Stroke, StrokeKind, Ui, Vec2, WidgetInfo,
};

use super::palette::Palette;
use crate::model::content::Side;
use crate::model::{Atlas, PreparedRegion, PreparedView};
use crate::state::{Command, RegionEvent};

/// What the legend needs.
pub struct LegendInput<'a> {
    pub atlas: &'a Atlas,
    pub view: &'a PreparedView,
    /// The selected region id.
    pub selected: Option<&'a str>,
    pub palette: &'a Palette,
}

/// One zone of the view: its name, paint and its region on each foot shown.
struct Entry<'a> {
    name: &'a str,
    /// A region of the zone, for its colours.
    region: &'a PreparedRegion,
    /// (side, region id), left foot first.
    regions: Vec<(Side, &'a str)>,
}

/// The zones on the view, by name (alphabetical, so a name is easy to find), each with the
/// region on every foot it is drawn on.
fn entries<'a>(atlas: &'a Atlas, view: &'a PreparedView) -> Vec<Entry<'a>> {
    let mut by_name: BTreeMap<&str, Entry<'a>> = BTreeMap::new();
    for region in view
        .regions
        .iter()
        .filter(|r| r.zone.is_some() && r.is_selectable())
    {
        let name = atlas.region_name(region);
        let entry = by_name.entry(name).or_insert_with(|| Entry {
            name,
            region,
            regions: Vec::new(),
        });
        if !entry.regions.iter().any(|(side, _)| *side == region.side) {
            entry.regions.push((region.side, &region.id));
        }
    }
    let mut out: Vec<Entry<'a>> = by_name.into_values().collect();
    for entry in &mut out {
        entry.regions.sort();
    }
    out
}

/// Whether the view is a foot map (it has reflex zones), so it gets a legend.
#[must_use]
pub fn has_legend(view: &PreparedView) -> bool {
    view.regions.iter().any(|r| r.zone.is_some())
}

/// The legend: the line styles and the numbering first, then every zone with its swatch. A
/// click on a zone's name selects it (the left foot's when both feet show it); the L and R
/// buttons pick the foot.
pub fn legend_ui(ui: &mut Ui, input: &LegendInput<'_>, commands: &mut Vec<Command>) {
    let view = input.view;
    if !has_legend(view) {
        return;
    }
    egui::CollapsingHeader::new(egui::RichText::new("Legend").strong())
        .id_salt(("legend", &view.id))
        .default_open(true)
        .show(ui, |ui| legend_body_ui(ui, input, commands));
}

fn legend_body_ui(ui: &mut Ui, input: &LegendInput<'_>, commands: &mut Vec<Command>) {
    let view = input.view;
    for (i, layer) in view.layers.iter().enumerate() {
        // The layer's dashed lines (guides), in their own colour.
        let Some(guide) = view.regions.iter().filter(|r| r.layer == i).find_map(|r| {
            match input.palette.region_look(r, 1.0).outline {
                Some((stroke, Some(_))) => Some(stroke.color),
                _ => None,
            }
        }) else {
            continue;
        };
        let numbered = view
            .regions
            .iter()
            .any(|r| r.layer == i && r.label.is_some());
        ui.horizontal(|ui| {
            dash_sample_ui(ui, guide);
            let text = if numbered {
                format!("{}: borders, with the zone numbers in circles", layer.title)
            } else {
                format!("{}: where the body's levels cross the foot", layer.title)
            };
            ui.add(egui::Label::new(text).wrap());
        });
    }
    ui.add(
        egui::Label::new(
            egui::RichText::new(
                "Ten longitudinal zones run from the toes to the heel, five on each foot: \
                 zone 1 along the big toe and the inner edge, zone 5 along the little toe and \
                 the outer edge. Each foot stands for its own side of the body.",
            )
            .color(input.palette.text_secondary),
        )
        .wrap(),
    );
    ui.add_space(4.0);
    for entry in entries(input.atlas, view) {
        zone_row_ui(ui, input, &entry, commands);
    }
}

/// A short dashed line in the guide lines' colour.
fn dash_sample_ui(ui: &mut Ui, color: Color32) {
    let (rect, _) = ui.allocate_exact_size(Vec2::new(26.0, 12.0), Sense::hover());
    let y = rect.center().y;
    let points = [Pos2::new(rect.left(), y), Pos2::new(rect.right(), y)];
    ui.painter().extend(Shape::dashed_line(
        &points,
        Stroke::new(1.9, color),
        7.0,
        4.0,
    ));
}

/// A zone's swatch, its name (click to select) and a button per foot it is drawn on.
fn zone_row_ui(
    ui: &mut Ui,
    input: &LegendInput<'_>,
    entry: &Entry<'_>,
    commands: &mut Vec<Command>,
) {
    let look = input.palette.region_look(entry.region, 1.0);
    let fill = look.fill.unwrap_or(Color32::TRANSPARENT);
    let edge = look
        .outline
        .map_or(input.palette.text_secondary, |(stroke, _)| stroke.color);
    let is_selected = |id: &str| input.selected == Some(id);
    let any_selected = entry.regions.iter().any(|(_, id)| is_selected(id));
    let row = Vec2::new(ui.available_width(), ui.spacing().interact_size.y);
    let right_to_left = egui::Layout::right_to_left(egui::Align::Center);
    ui.allocate_ui_with_layout(row, right_to_left, |ui| {
        for (side, id) in entry.regions.iter().rev() {
            let text = match side {
                Side::Left => "L",
                Side::Right => "R",
                Side::Midline => "•",
            };
            let label = format!("{}, {} foot", entry.name, side.word());
            let response = ui.selectable_label(is_selected(id), text);
            // Screen readers say which zone and foot, not just "L" or "R".
            response.widget_info(|| {
                WidgetInfo::selected(egui::Role::Button, true, is_selected(id), &label)
            });
            if response.on_hover_text(&label).clicked() {
                commands.push(select(id));
            }
        }
        ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
            let (rect, _) = ui.allocate_exact_size(Vec2::new(16.0, 12.0), Sense::hover());
            let swatch = Rect::from_center_size(rect.center(), Vec2::new(14.0, 10.0));
            ui.painter()
                .rect_filled(swatch, CornerRadius::same(2), fill);
            ui.painter().rect_stroke(
                swatch,
                CornerRadius::same(2),
                Stroke::new(1.0, edge),
                StrokeKind::Inside,
            );
            let response = ui
                .add(egui::Button::selectable(any_selected, entry.name).truncate())
                .on_hover_text(format!("Show the {} on the map", entry.name));
            if response.clicked()
                && let Some((_, id)) = entry.regions.first()
            {
                commands.push(select(id));
            }
        });
    });
}

fn select(id: &str) -> Command {
    Command::Region(RegionEvent::Activated(id.to_owned()))
}
