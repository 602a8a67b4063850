//! The interactive diagram: paints the layers, hit-tests the pointer in diagram coordinates,
//! and gives every region an accessibility label and a keyboard focus stop.

use std::sync::Arc;

use egui::epaint::{Mesh, Tessellator, Vertex, WHITE_UV};
use egui::{
    Align2, Color32, CursorIcon, FontId, Id, PopupAnchor, Pos2, Rect, Sense, Shape, Stroke,
    TextureHandle, Ui, Vec2, WidgetInfo, emath::TSTransform,
};

use super::label_layout::{LabelRequest, place_labels};
use super::palette::{Palette, luminance, mix, with_opacity};
use crate::model::content::{Paint, Side};
use crate::model::geometry::{FillMesh, Polyline};
use crate::model::{Atlas, PreparedRegion, PreparedView};
use crate::state::{Camera, Command, LayerStates, Preferences, RegionEvent};

/// What the diagram needs to draw one frame.
pub struct DiagramInput<'a> {
    pub atlas: &'a Atlas,
    pub view: &'a PreparedView,
    pub settings: &'a Preferences,
    /// Selected region id.
    pub selected: Option<&'a str>,
    pub camera: Camera,
    pub palette: Palette,
    /// One optional texture per layer of the view.
    pub textures: &'a [Option<TextureHandle>],
    /// Regions highlighted as linked to the selection.
    pub linked: &'a [String],
    /// Hide names (tooltips, accessibility labels) while a study question waits for a click.
    pub conceal_names: bool,
    /// Report keyboard focus on a region (off in study mode, where only Enter answers).
    pub report_focus: bool,
    /// Move keyboard focus onto the diagram's first region this frame (F6).
    pub take_focus: bool,
    /// Names in plain words first ("Deep hip rotator (piriformis)"), as consultation mode shows
    /// them to a client.
    pub plain_names: bool,
    /// Drawn and handled over the diagram after everything else (consultation mode's markers,
    /// pen and pointer).
    pub overlay: Option<Overlay<'a>>,
    /// Give each region a focus stop and an accessibility label (off for a second copy of the
    /// view drawn beside the first, whose ids would clash).
    pub targets: bool,
}

/// What an overlay is given each frame: the diagram's rectangle and its transform from
/// diagram coordinates to the screen.
pub type Overlay<'a> = &'a dyn Fn(&mut Ui, &egui::Painter, TSTransform, &mut Vec<Command>);

/// A region's name as the diagram shows it: plain words first when asked.
fn shown_name(input: &DiagramInput<'_>, region: &PreparedRegion) -> String {
    let name = if input.plain_names {
        input.atlas.plain_region_name(region)
    } else {
        input.atlas.region_name(region).to_owned()
    };
    // A referred-pain region is named for what it shows of its muscle.
    match overlay_word(input.view, region) {
        Some(word) => format!("{name}: {word}"),
        None => name,
    }
}

/// The diagram tessellated into one mesh per layer plus the highlight outlines, reused while
/// nothing that shapes it changes (camera, window, layers, selection, hover, theme): most
/// frames then only hand egui the finished triangles. Not persisted.
#[derive(Default)]
pub struct DiagramCache {
    key: Option<PaintKey>,
    layers: Vec<Arc<Mesh>>,
    overlay: Arc<Mesh>,
}

/// Everything the cached meshes depend on.
#[derive(Clone, PartialEq)]
struct PaintKey {
    view: String,
    rect: Rect,
    screen_from_diagram: TSTransform,
    pixels_per_point: f32,
    layers: Vec<(bool, f32)>,
    selected: Option<usize>,
    twin: Option<usize>,
    linked: Vec<usize>,
    hovered: Option<usize>,
    dark: bool,
}

/// Size of the invisible focus/accessibility target at each region's anchor, in points.
const TARGET_SIZE: f32 = 8.0;

/// Draws the diagram filling the available space and handles pointer and keyboard input.
/// Returns the id of the hovered region.
pub fn diagram_ui(
    ui: &mut Ui,
    input: &DiagramInput<'_>,
    cache: &mut DiagramCache,
    commands: &mut Vec<Command>,
) -> Option<String> {
    let view = input.view;
    let canvas = view.canvas_rect();
    let (response, painter) = ui.allocate_painter(ui.available_size(), Sense::click_and_drag());
    let rect = response.rect;
    commands.push(Command::SetViewport(rect));
    painter.rect_filled(rect, 0.0, input.palette.background);

    // Zoom and pan.
    let mut camera = input.camera;
    let pointer = ui.input(|i| i.pointer.hover_pos()).filter(|p| {
        rect.contains(*p) && ui.ctx().layer_id_at(*p).is_none_or(|l| l == ui.layer_id())
    });
    if let Some(p) = pointer {
        let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta()));
        let factor = (scroll * 0.002).exp() * zoom;
        if (factor - 1.0).abs() > 1e-4 {
            camera.zoom_around(p, factor, rect, canvas);
        }
    }
    if response.dragged() {
        camera.pan(response.drag_delta(), rect, canvas);
        ui.ctx().set_cursor_icon(CursorIcon::Grabbing);
    }
    if camera != input.camera {
        commands.push(Command::SetCamera(camera));
    }
    if response.double_clicked() {
        commands.push(Command::ResetCamera);
    }
    let screen_from_diagram = camera.screen_from_diagram(rect, canvas);
    let px = camera.scale(rect, canvas);
    let selected = input.selected.and_then(|id| view.region_index(id));
    // A selected muscle brings its referred-pain pattern even while that layer is hidden.
    let layers = input
        .settings
        .layer_states(view)
        .with_selection(input.atlas, view, selected);
    let shown = |layer: usize| layers.shown(layer);

    // Hover and click, by our own hit-test in diagram coordinates.
    let hovered = pointer.and_then(|p| layers.hit(view, screen_from_diagram.inverse().mul_pos(p)));
    let pointer_clicked = ui.input(|i| i.pointer.primary_clicked());
    if pointer_clicked && pointer.is_some() && !response.double_clicked() {
        commands.push(Command::Region(match hovered {
            Some(i) => RegionEvent::Activated(view.regions[i].id.clone()),
            None => RegionEvent::ActivatedNothing,
        }));
    }

    let twin = selected
        .and_then(|i| view.regions[i].twin)
        .filter(|_| input.linked.is_empty());
    let linked: Vec<usize> = input
        .linked
        .iter()
        .filter_map(|id| view.region_index(id))
        .collect();
    let painter = painter.with_clip_rect(rect);
    let key = PaintKey {
        view: view.id.clone(),
        rect,
        screen_from_diagram,
        pixels_per_point: ui.ctx().pixels_per_point(),
        layers: (0..view.layers.len())
            .map(|l| (shown(l), input.settings.layer(view, l).opacity))
            .collect(),
        selected,
        twin,
        linked: linked.clone(),
        hovered,
        dark: input.palette.is_dark(),
    };
    if cache.key.as_ref() != Some(&key) {
        let options = ui.ctx().tessellation_options(|o| *o);
        let mut tessellator = Tessellator::new(key.pixels_per_point, options, [1, 1], Vec::new());
        tessellator.set_clip_rect(rect);
        let mut tessellate = |shapes: Vec<Shape>| {
            let mut mesh = Mesh::default();
            for shape in shapes {
                tessellator.tessellate_shape(shape, &mut mesh);
            }
            Arc::new(mesh)
        };
        cache.layers = (0..view.layers.len())
            .map(|layer| {
                let opacity = input.settings.layer(view, layer).opacity;
                let ghosted = layers.ghosted(layer);
                let mut shapes = Vec::new();
                if shown(layer) || layers.layer_has_selection_extras(view, layer) {
                    for (i, region) in view
                        .regions
                        .iter()
                        .enumerate()
                        .filter(|(i, r)| r.layer == layer && layers.region_drawn(view, *i))
                        .filter(|(_, r)| rect.intersects(screen_from_diagram.mul_rect(r.bbox)))
                    {
                        let emphasis = if Some(i) == selected {
                            Emphasis::Selected
                        } else if linked.contains(&i) {
                            Emphasis::Linked
                        } else if Some(i) == twin {
                            Emphasis::Twin
                        } else if Some(i) == hovered {
                            Emphasis::Hovered
                        } else {
                            Emphasis::None
                        };
                        let fill_opacity = match (ghosted, emphasis) {
                            (false, _) => opacity,
                            (true, Emphasis::None) => opacity * GHOST_FILL,
                            (true, _) => opacity * GHOST_FILL_EMPHASISED,
                        };
                        let style = (opacity, fill_opacity, emphasis, &input.palette);
                        paint_region(&mut shapes, region, screen_from_diagram, px, style);
                    }
                }
                tessellate(shapes)
            })
            .collect();
        // Selection outlines go on top, so a selected deep muscle stays visible.
        let mut shapes = Vec::new();
        let outlined = linked
            .iter()
            .map(|&i| (i, 2.5, input.palette.linked))
            .chain(twin.map(|i| (i, 2.0, with_opacity(input.palette.selected, 0.55))))
            .chain(selected.map(|i| (i, 3.0, input.palette.selected)))
            .chain(hovered.map(|i| (i, 1.8, input.palette.hover)));
        for (i, width, color) in outlined {
            let region = &view.regions[i];
            if layers.region_drawn(view, i) {
                let stroke = Stroke::new(width, color);
                outline(&mut shapes, region, screen_from_diagram, px, stroke);
            }
        }
        cache.overlay = tessellate(shapes);
        cache.key = Some(key);
    }
    // Per frame: the layer images and the cached meshes, in drawing order.
    for (layer_index, mesh) in cache.layers.iter().enumerate() {
        if !shown(layer_index) {
            // Hidden, except for what the selection brings (its image stays hidden).
            if !mesh.is_empty() {
                painter.add(Shape::Mesh(mesh.clone()));
            }
            continue;
        }
        if let Some(Some(texture)) = input.textures.get(layer_index) {
            let opacity = input.settings.layer(view, layer_index).opacity;
            let tint = with_opacity(Color32::WHITE, opacity);
            let uv = Rect::from_min_max(Pos2::ZERO, Pos2::new(1.0, 1.0));
            painter.image(texture.id(), screen_from_diagram.mul_rect(canvas), uv, tint);
        }
        painter.add(Shape::Mesh(mesh.clone()));
    }
    painter.add(Shape::Mesh(cache.overlay.clone()));
    if hovered.is_some() {
        ui.ctx().set_cursor_icon(CursorIcon::PointingHand);
    }
    region_labels_ui(&painter, input, &layers, screen_from_diagram, px);
    side_markers_ui(&painter, view, screen_from_diagram, rect, &input.palette);
    if !input.conceal_names {
        labels_ui(ui, &painter, input, &layers, screen_from_diagram);
    }

    if input.targets {
        region_targets_ui(
            ui,
            input,
            &layers,
            screen_from_diagram,
            rect,
            pointer_clicked,
            commands,
        );
    }

    if let Some(overlay) = input.overlay {
        overlay(ui, &painter, screen_from_diagram, commands);
    }

    if let Some(region) = hovered
        .map(|i| &view.regions[i])
        .filter(|_| !input.conceal_names)
    {
        let name = shown_name(input, region);
        let layer_title = view
            .layers
            .get(region.layer)
            .map_or("", |l| l.title.as_str());
        let side = match (region.side, region.zone.is_some()) {
            (Side::Left, false) => "Left side",
            (Side::Right, false) => "Right side",
            (Side::Left, true) => "Left foot",
            (Side::Right, true) => "Right foot",
            (Side::Midline, _) => "Midline",
        };
        egui::Tooltip::always_open(
            ui.ctx().clone(),
            ui.layer_id(),
            response.id,
            PopupAnchor::Pointer,
        )
        .show(|ui| {
            ui.strong(name);
            ui.weak(format!("{side} · {layer_title}"));
        });
    }
    hovered.map(|i| view.regions[i].id.clone())
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Emphasis {
    None,
    Hovered,
    Twin,
    Linked,
    Selected,
}

/// A ghosted layer's fill, as a share of its opacity (its outlines stay).
const GHOST_FILL: f32 = 0.22;
/// The same for a ghosted region that is selected, linked or hovered.
const GHOST_FILL_EMPHASISED: f32 = 0.55;

fn paint_region(
    shapes: &mut Vec<Shape>,
    region: &PreparedRegion,
    screen_from_diagram: TSTransform,
    px: f32,
    (opacity, fill_opacity, emphasis, palette): (f32, f32, Emphasis, &Palette),
) {
    let look = palette.region_look(region, px);
    let (_, fill_mesh) = shape_of(region, px);
    if let Some(base) = look.fill
        && !fill_mesh.indices.is_empty()
    {
        let emphasise = |fill: Color32| {
            let fill = match emphasis {
                Emphasis::None => fill,
                Emphasis::Hovered => mix(fill, Color32::WHITE, 0.25),
                Emphasis::Twin => mix(fill, palette.selected, 0.18),
                Emphasis::Linked => mix(fill, palette.linked, 0.3),
                Emphasis::Selected => mix(fill, palette.selected, 0.28),
            };
            with_opacity(fill, fill_opacity)
        };
        let uniform = emphasise(base);
        let shaded: Vec<Color32> = fill_mesh
            .colors
            .iter()
            .map(|&[r, g, b, a]| emphasise(Color32::from_rgba_unmultiplied(r, g, b, a)))
            .collect();
        let mesh = Mesh {
            indices: fill_mesh.indices.clone(),
            vertices: fill_mesh
                .vertices
                .iter()
                .enumerate()
                .map(|(i, p)| Vertex {
                    pos: screen_from_diagram.mul_pos(*p),
                    uv: WHITE_UV,
                    color: shaded.get(i).copied().unwrap_or(uniform),
                })
                .collect(),
            ..Default::default()
        };
        shapes.push(Shape::mesh(mesh));
    }
    if let Some((stroke, dash)) = look.outline {
        // Lines drawn on their own (fibre directions, creases) fade with a ghosted layer's fills,
        // so they never hatch over the deeper layer; the outlines of shapes stay.
        let opacity = if look.fill.is_some() {
            opacity
        } else {
            fill_opacity
        };
        let stroke = Stroke::new(stroke.width, with_opacity(stroke.color, opacity));
        outline_dashed(shapes, region, screen_from_diagram, px, stroke, dash);
    }
}

/// Below this many screen pixels per diagram unit, the coarse shapes are drawn.
const COARSE_BELOW_PX: f32 = 0.8;

/// The rings and triangles to draw at this zoom: coarse when the figure is small on screen.
fn shape_of(region: &PreparedRegion, px: f32) -> (&[Polyline], &FillMesh) {
    if px < COARSE_BELOW_PX {
        (&region.coarse.rings, &region.coarse.mesh)
    } else {
        (&region.rings, &region.mesh)
    }
}

fn outline(
    shapes: &mut Vec<Shape>,
    region: &PreparedRegion,
    screen_from_diagram: TSTransform,
    px: f32,
    stroke: Stroke,
) {
    outline_dashed(shapes, region, screen_from_diagram, px, stroke, None);
}

/// The region's rings as lines, dashed when `dash` gives (dash, gap) in screen pixels.
fn outline_dashed(
    shapes: &mut Vec<Shape>,
    region: &PreparedRegion,
    screen_from_diagram: TSTransform,
    px: f32,
    stroke: Stroke,
    dash: Option<(f32, f32)>,
) {
    let (rings, _) = shape_of(region, px);
    for ring in rings {
        let mut points: Vec<Pos2> = ring
            .points
            .iter()
            .map(|p| screen_from_diagram.mul_pos(*p))
            .collect();
        if let Some((on, off)) = dash {
            if ring.closed
                && let Some(first) = points.first().copied()
            {
                points.push(first);
            }
            shapes.extend(Shape::dashed_line(&points, stroke, on, off));
        } else if ring.closed {
            shapes.push(Shape::closed_line(points, stroke));
        } else {
            shapes.push(Shape::line(points, stroke));
        }
    }
}

/// Atlas-style names: beside the figure, each joined to its region by a leader line, stacked
/// without overlaps ([`super::label_layout`]). The selected region is always named; with
/// "Names on the diagram" every region seen on a shown layer is, once per name and side.
fn labels_ui(
    ui: &Ui,
    painter: &egui::Painter,
    input: &DiagramInput<'_>,
    layers: &LayerStates,
    screen_from_diagram: TSTransform,
) {
    let view = input.view;
    let rect = painter.clip_rect();
    let font = FontId::proportional(11.5);
    let text_color = input.palette.hover;
    let shown = |layer: usize| layers.shown(layer);
    let selected = input.selected.and_then(|id| view.region_index(id));
    // (name, side) -> (request, galley)
    let mut wanted: Vec<(String, Side, LabelRequest, std::sync::Arc<egui::Galley>)> = Vec::new();
    for (i, region) in view.regions.iter().enumerate().rev() {
        let is_selected = Some(i) == selected;
        if !(input.settings.labels || is_selected)
            || !region.is_selectable()
            || !shown(region.layer)
            // A referred-pain pattern is not where its muscle is: named only when selected.
            || (view.is_overlay(region) && !is_selected)
            // Only where the region itself is seen at its anchor, not one drawn over it.
            || layers.hit(view, region.anchor) != Some(i)
        {
            continue;
        }
        let anchor = screen_from_diagram.mul_pos(region.anchor);
        if !rect.contains(anchor) {
            continue;
        }
        let name = shown_name(input, region);
        let priority = if is_selected {
            f32::MAX
        } else {
            screen_from_diagram.mul_rect(region.bbox).area()
        };
        if let Some(existing) = wanted
            .iter_mut()
            .find(|(n, side, _, _)| *n == name && *side == region.side)
        {
            if priority > existing.2.priority {
                existing.2.anchor = anchor;
                existing.2.priority = priority;
            }
            continue;
        }
        let galley = ui
            .painter()
            .layout_no_wrap(name.clone(), font.clone(), text_color);
        let request = LabelRequest {
            anchor,
            size: galley.size() + Vec2::new(6.0, 2.0),
            priority,
        };
        wanted.push((name, region.side, request, galley));
    }
    if wanted.is_empty() {
        return;
    }
    let figure = view
        .regions
        .iter()
        .filter(|r| shown(r.layer))
        .map(|r| r.bbox)
        .reduce(Rect::union)
        .map_or(rect, |b| screen_from_diagram.mul_rect(b));
    // Keep clear of the "Person's left / right" markers at the bottom.
    let column = Rect::from_min_max(
        rect.min + Vec2::new(0.0, 4.0),
        rect.max - Vec2::new(0.0, 24.0),
    );
    let requests: Vec<LabelRequest> = wanted.iter().map(|w| w.2.clone()).collect();
    let halo = with_opacity(input.palette.background, 0.85);
    let line = Stroke::new(0.8, with_opacity(input.palette.text_secondary, 0.9));
    for placed in place_labels(&requests, figure, column) {
        let Some((_, _, request, galley)) = wanted.get(placed.index) else {
            continue;
        };
        painter.line_segment(placed.leader, line);
        painter.circle_filled(request.anchor, 2.2, input.palette.text_secondary);
        painter.rect_filled(placed.rect, 3.0, halo);
        painter.galley(
            placed.rect.min + Vec2::new(3.0, 1.0),
            galley.clone(),
            text_color,
        );
    }
}

/// Each region's own short label (e.g. a longitudinal zone's number), centred at its anchor,
/// where its layer is shown and the shape is large enough on screen to hold the text. A
/// selectable region's label is a name, so it is hidden while names are concealed.
fn region_labels_ui(
    painter: &egui::Painter,
    input: &DiagramInput<'_>,
    layers: &LayerStates,
    screen_from_diagram: TSTransform,
    px: f32,
) {
    let font = FontId::proportional(13.0);
    for region in &input.view.regions {
        let Some(label) = region.label.as_deref() else {
            continue;
        };
        if !layers.shown(region.layer) || (input.conceal_names && region.is_selectable()) {
            continue;
        }
        let shape = screen_from_diagram.mul_rect(region.bbox);
        let anchor = screen_from_diagram.mul_pos(region.anchor);
        if !painter.clip_rect().contains(anchor) {
            continue;
        }
        let fill = input.palette.region_look(region, px).fill;
        // Dark text on a light fill, light text on a dark one; on a line, the theme's text.
        let color = match fill {
            Some(fill) if luminance(fill) > 0.35 => Color32::from_rgb(0x20, 0x20, 0x20),
            Some(_) => Color32::WHITE,
            None => input.palette.hover,
        };
        let opacity = input.settings.layer(input.view, region.layer).opacity;
        let color = with_opacity(color, opacity);
        let galley = painter.layout_no_wrap(label.to_owned(), font.clone(), color);
        let needs = galley.size() + Vec2::new(2.0, 0.0);
        if needs.x > shape.width() * 0.85 || needs.y > shape.height() * 0.85 {
            continue;
        }
        painter.galley(anchor - galley.size() / 2.0, galley, color);
    }
}

/// "Person's left" and "Person's right" at the figure's lower corners, on the side where the
/// person's left and right are; shortened to "Left" and "Right" when the long words would
/// meet, and left out when even those would.
fn side_markers_ui(
    painter: &egui::Painter,
    view: &PreparedView,
    screen_from_diagram: TSTransform,
    rect: Rect,
    palette: &Palette,
) {
    let Some(left_region) = view.regions.iter().find(|r| r.side == Side::Left) else {
        return;
    };
    let left_on_viewers_left = left_region.bbox.center().x < view.midline_x;
    let canvas = screen_from_diagram.mul_rect(view.canvas_rect());
    let y = (canvas.bottom() - 6.0).min(rect.bottom() - 8.0);
    let (lx, rx) = (
        canvas.left().max(rect.left()) + 8.0,
        canvas.right().min(rect.right()) - 8.0,
    );
    let font = FontId::proportional(13.0);
    let width = |text: &str| {
        painter
            .layout_no_wrap(text.to_owned(), font.clone(), Color32::WHITE)
            .size()
            .x
    };
    let room = rx - lx;
    let (left_text, right_text) = if width("Person's left") + width("Person's right") + 16.0 <= room
    {
        ("Person's left", "Person's right")
    } else if width("Left") + width("Right") + 16.0 <= room {
        ("Left", "Right")
    } else {
        return;
    };
    let (left_x, right_x) = if left_on_viewers_left {
        (lx, rx)
    } else {
        (rx, lx)
    };
    for (x, text) in [(left_x, left_text), (right_x, right_text)] {
        let align = if (x - lx).abs() < 1.0 {
            Align2::LEFT_BOTTOM
        } else {
            Align2::RIGHT_BOTTOM
        };
        painter.text(
            Pos2::new(x, y),
            align,
            text,
            font.clone(),
            palette.text_secondary,
        );
    }
}

/// Invisible focus stops at each region's anchor: Tab and the arrow keys move between them
/// (egui moves focus spatially), screen readers and tests find them by label.
fn region_targets_ui(
    ui: &mut Ui,
    input: &DiagramInput<'_>,
    layers: &LayerStates,
    screen_from_diagram: TSTransform,
    rect: Rect,
    pointer_clicked: bool,
    commands: &mut Vec<Command>,
) {
    let view = input.view;
    let mut wants_focus = input.take_focus;
    for (i, region) in view.regions.iter().enumerate() {
        if !region.is_selectable() || !layers.shown(region.layer) {
            continue;
        }
        let centre = screen_from_diagram.mul_pos(region.anchor);
        if !rect.contains(centre) {
            continue;
        }
        let target = Rect::from_center_size(centre, Vec2::splat(TARGET_SIZE));
        let id = Id::unique(("region", region.id.as_str()));
        let response = ui.interact(target, id, Sense::click());
        if wants_focus {
            response.request_focus();
            wants_focus = false;
        }
        let is_selected = input.selected == Some(region.id.as_str());
        // The label is only built when accessibility output is on.
        response.widget_info(|| {
            let label = if input.conceal_names {
                format!("Region {} of the map", i + 1)
            } else {
                match overlay_word(view, region) {
                    Some(word) => format!("{}, {word}", input.atlas.region_label(region)),
                    None => input.atlas.region_label(region),
                }
            };
            WidgetInfo::selected(egui::Role::Button, true, is_selected, label)
        });
        // Keyboard focus is reported (egui moves focus with Tab and the arrow keys at the end
        // of a pass, so `gained_focus` is not seen: follow `has_focus` instead). The mode
        // decides what it means; in study mode it is not even reported.
        let activated = response.clicked() && !pointer_clicked;
        let focused = input.report_focus && response.has_focus() && !pointer_clicked;
        if activated && (!is_selected || !input.report_focus) {
            commands.push(Command::Region(RegionEvent::Activated(region.id.clone())));
        } else if focused && !is_selected {
            commands.push(Command::Region(RegionEvent::Focused(region.id.clone())));
        }
        if response.has_focus() {
            ui.painter()
                .circle_stroke(centre, 6.0, Stroke::new(2.0, input.palette.selected));
        }
    }
}

/// What a region on a layer drawn with the selection shows of its muscle.
fn overlay_word(view: &PreparedView, region: &PreparedRegion) -> Option<&'static str> {
    if !view.is_overlay(region) {
        return None;
    }
    Some(match region.paint {
        Some(Paint::TriggerPoint) => "trigger points",
        _ => "referred pain",
    })
}
