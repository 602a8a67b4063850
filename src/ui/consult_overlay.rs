//! Consultation mode over the diagram: pain markers, regions to treat and avoid, pen strokes
//! and the laser pointer, all kept in diagram coordinates so zoom and pan never move them.
//! Called by [`super::diagram::diagram_ui`] as its overlay.

use std::collections::VecDeque;

use egui::emath::TSTransform;
use egui::epaint::{Mesh, Vertex, WHITE_UV};
use egui::{Align2, Color32, CursorIcon, FontId, Id, Pos2, Sense, Shape, Stroke, Ui};

use super::palette::{Palette, with_opacity};
use crate::model::{Atlas, PreparedView};
use crate::session::{PainKind, RegionMark, Session};
use crate::state::consult::MARKER_REACH_PX;
use crate::state::{Command, ConsultCommand, Tool};

/// What the overlay draws and how it answers the pointer.
pub struct OverlayInput<'a> {
    pub atlas: &'a Atlas,
    pub view: &'a PreparedView,
    pub session: &'a Session,
    /// The tool in use; `None` draws the session without taking input (a past session shown
    /// beside the current one).
    pub tool: Option<Tool>,
    /// The kind a new marker takes.
    pub next_kind: PainKind,
    pub selected_marker: Option<usize>,
    pub palette: &'a Palette,
    /// Keeps this overlay's drag and pointer trail apart from another's.
    pub id: Id,
}

/// Marker radius on screen, in points: large enough to see across a room.
pub const MARKER_RADIUS: f32 = 11.0;

/// The laser pointer's trail: how long a point stays, in seconds.
const TRAIL_SECS: f64 = 0.35;

/// What the overlay keeps between frames (egui's temporary memory, not the state).
#[derive(Clone, Default)]
struct Gesture {
    /// The marker being dragged.
    dragging: Option<usize>,
    /// The pen stroke being drawn, in diagram coordinates.
    stroke: Vec<Pos2>,
    /// The laser pointer's recent places (time, screen point).
    trail: VecDeque<(f64, Pos2)>,
}

/// Color of a pain kind.
#[must_use]
pub fn kind_color(kind: PainKind) -> Color32 {
    let [r, g, b] = kind.rgb();
    Color32::from_rgb(r, g, b)
}

/// Colour of regions marked to treat or avoid.
#[must_use]
pub fn mark_color(mark: RegionMark) -> Color32 {
    match mark {
        RegionMark::Treat => Color32::from_rgb(0x1e, 0x7a, 0x46),
        RegionMark::Avoid => Color32::from_rgb(0xb0, 0x30, 0x2a),
    }
}

/// Draws the session over the diagram and, with a tool, turns the pointer into commands.
pub fn consult_overlay_ui(
    ui: &mut Ui,
    painter: &egui::Painter,
    screen_from_diagram: TSTransform,
    input: &OverlayInput<'_>,
    commands: &mut Vec<Command>,
) {
    let rect = painter.clip_rect();
    let view = input.view;
    let diagram_from_screen = screen_from_diagram.inverse();
    let mut gesture: Gesture = ui.data(|d| d.get_temp(input.id)).unwrap_or_default();

    paint_marked_regions(painter, input, screen_from_diagram);
    let stroke_style = Stroke::new(4.0, with_opacity(Color32::from_rgb(0x1f, 0x5f, 0xa8), 0.85));
    for s in input.session.strokes.iter().filter(|s| s.view == view.id) {
        let points: Vec<Pos2> = s
            .points
            .iter()
            .map(|&(x, y)| screen_from_diagram.mul_pos(Pos2::new(x, y)))
            .collect();
        painter.add(Shape::line(points, stroke_style));
    }

    let hover = ui.input(|i| i.pointer.hover_pos()).filter(|p| {
        rect.contains(*p) && ui.ctx().layer_id_at(*p).is_none_or(|l| l == ui.layer_id())
    });
    let near_marker = |p: Pos2| {
        let d = diagram_from_screen.mul_pos(p);
        let reach = MARKER_REACH_PX * diagram_from_screen.scaling;
        input.session.marker_at(&view.id, d, reach)
    };
    if let Some(tool) = input.tool {
        let sense = match tool {
            Tool::Mark if gesture.dragging.is_some() || hover.and_then(near_marker).is_some() => {
                Sense::click_and_drag()
            }
            Tool::Mark => Sense::click(),
            Tool::Pen => Sense::drag(),
            Tool::Point | Tool::Treat | Tool::Avoid => Sense::hover(),
        };
        let response = ui.interact(rect, input.id.with("input"), sense);
        let pointer = response.interact_pointer_pos().or(hover);
        match tool {
            Tool::Mark => {
                if response.drag_started()
                    && let Some(i) = pointer.and_then(near_marker)
                {
                    gesture.dragging = Some(i);
                    commands.push(Command::Consult(ConsultCommand::SelectMarker(Some(i))));
                }
                if let (Some(i), Some(p)) = (gesture.dragging, pointer)
                    && response.dragged()
                {
                    commands.push(Command::Consult(ConsultCommand::MoveMarker {
                        index: i,
                        at: diagram_from_screen.mul_pos(p),
                    }));
                }
                if response.drag_stopped() {
                    gesture.dragging = None;
                }
                if response.clicked()
                    && let Some(p) = pointer
                {
                    commands.push(Command::Consult(match near_marker(p) {
                        Some(i) => ConsultCommand::SelectMarker(Some(i)),
                        None => ConsultCommand::PlaceMarker {
                            at: diagram_from_screen.mul_pos(p),
                            kind: input.next_kind,
                        },
                    }));
                }
                let delete = ui.input(|i| {
                    i.key_pressed(egui::Key::Delete) || i.key_pressed(egui::Key::Backspace)
                });
                if delete
                    && !ui.ctx().egui_wants_keyboard_input()
                    && let Some(i) = input.selected_marker
                {
                    commands.push(Command::Consult(ConsultCommand::DeleteMarker(i)));
                }
                if hover.is_some() {
                    let icon = if hover.and_then(near_marker).is_some() {
                        CursorIcon::Grab
                    } else {
                        CursorIcon::Crosshair
                    };
                    ui.ctx().set_cursor_icon(icon);
                }
            }
            Tool::Pen => {
                if response.drag_started() {
                    gesture.stroke.clear();
                }
                if response.dragged()
                    && let Some(p) = pointer
                {
                    let d = diagram_from_screen.mul_pos(p);
                    let far_enough = gesture
                        .stroke
                        .last()
                        .is_none_or(|last| last.distance(d) >= 1.5 * diagram_from_screen.scaling);
                    if far_enough {
                        gesture.stroke.push(d);
                    }
                }
                if response.drag_stopped() {
                    let points = std::mem::take(&mut gesture.stroke);
                    commands.push(Command::Consult(ConsultCommand::Stroke(points)));
                }
                if !gesture.stroke.is_empty() {
                    let points: Vec<Pos2> = gesture
                        .stroke
                        .iter()
                        .map(|p| screen_from_diagram.mul_pos(*p))
                        .collect();
                    painter.add(Shape::line(points, stroke_style));
                }
                if hover.is_some() {
                    ui.ctx().set_cursor_icon(CursorIcon::Crosshair);
                }
            }
            Tool::Point => laser_ui(ui, painter, hover, &mut gesture.trail),
            Tool::Treat | Tool::Avoid => {}
        }
    }
    paint_markers(painter, input, screen_from_diagram);
    ui.data_mut(|d| d.insert_temp(input.id, gesture));
}

/// A bright dot that follows the pointer with a short fading trail.
fn laser_ui(
    ui: &Ui,
    painter: &egui::Painter,
    hover: Option<Pos2>,
    trail: &mut VecDeque<(f64, Pos2)>,
) {
    let now = ui.input(|i| i.time);
    while trail.front().is_some_and(|(t, _)| now - t > TRAIL_SECS) {
        trail.pop_front();
    }
    let Some(p) = hover else {
        trail.clear();
        return;
    };
    if trail.back().is_none_or(|(_, last)| last.distance(p) > 0.5) {
        trail.push_back((now, p));
    }
    let red = Color32::from_rgb(0xff, 0x24, 0x24);
    let n = trail.len().max(1) as f32;
    for (k, (_, q)) in trail.iter().enumerate() {
        let a = (k as f32 + 1.0) / n;
        painter.circle_filled(*q, 3.0 + 4.0 * a, with_opacity(red, 0.25 * a));
    }
    painter.circle_filled(p, 16.0, with_opacity(red, 0.18));
    painter.circle_filled(p, 7.0, red);
    painter.circle_stroke(p, 7.0, Stroke::new(1.5, Color32::WHITE));
    ui.ctx().set_cursor_icon(CursorIcon::None);
    if !trail.is_empty() {
        ui.ctx().request_repaint();
    }
}

/// Regions to treat in green, to avoid in red, filled faintly with a firm outline.
fn paint_marked_regions(
    painter: &egui::Painter,
    input: &OverlayInput<'_>,
    screen_from_diagram: TSTransform,
) {
    let view = input.view;
    let marks = input
        .session
        .treat
        .iter()
        .map(|r| (r, RegionMark::Treat))
        .chain(input.session.avoid.iter().map(|r| (r, RegionMark::Avoid)));
    for (id, mark) in marks {
        let Some(region) = view.region_index(id).and_then(|i| view.regions.get(i)) else {
            continue;
        };
        let color = mark_color(mark);
        let fill = with_opacity(color, 0.25);
        let mesh = Mesh {
            indices: region.mesh.indices.clone(),
            vertices: region
                .mesh
                .vertices
                .iter()
                .map(|p| Vertex {
                    pos: screen_from_diagram.mul_pos(*p),
                    uv: WHITE_UV,
                    color: fill,
                })
                .collect(),
            ..Default::default()
        };
        painter.add(Shape::mesh(mesh));
        for ring in &region.rings {
            let points: Vec<Pos2> = ring
                .points
                .iter()
                .map(|p| screen_from_diagram.mul_pos(*p))
                .collect();
            let stroke = Stroke::new(2.5, color);
            if mark == RegionMark::Avoid {
                let mut closed = points.clone();
                if let Some(first) = points.first() {
                    closed.push(*first);
                }
                painter.extend(Shape::dashed_line(&closed, stroke, 8.0, 5.0));
            } else {
                painter.add(Shape::closed_line(points, stroke));
            }
        }
    }
}

/// The markers, numbered in the order placed, in their kind's colour.
fn paint_markers(
    painter: &egui::Painter,
    input: &OverlayInput<'_>,
    screen_from_diagram: TSTransform,
) {
    let rect = painter.clip_rect();
    let font = FontId::proportional(12.0);
    for (i, m) in input.session.markers.iter().enumerate() {
        if m.view != input.view.id {
            continue;
        }
        let c = screen_from_diagram.mul_pos(m.pos());
        if !rect.expand(MARKER_RADIUS).contains(c) {
            continue;
        }
        let selected = input.selected_marker == Some(i);
        if selected {
            painter.circle_stroke(
                c,
                MARKER_RADIUS + 4.0,
                Stroke::new(3.0, input.palette.selected),
            );
        }
        painter.circle_filled(c, MARKER_RADIUS, kind_color(m.kind));
        painter.circle_stroke(c, MARKER_RADIUS, Stroke::new(2.0, Color32::WHITE));
        painter.text(
            c,
            Align2::CENTER_CENTER,
            (i + 1).to_string(),
            font.clone(),
            Color32::WHITE,
        );
    }
}
