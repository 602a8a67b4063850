//! The shipped drawing held to anatomy and to itself: every muscle reaches the bones it names,
//! shapes stay inside the body and on their own side, filled outlines do not cross themselves.
//! These checks live here (not in the artwork generators), so an illustrator's SVG is held to
//! the same rules as generated art.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

use bodywork_atlas::content::{ContentSet, load};
use bodywork_atlas::model::content::{Paint, Side};
use bodywork_atlas::model::geometry::Polyline;
use bodywork_atlas::model::{Atlas, PreparedRegion, PreparedView};
use egui::{Pos2, Vec2};

fn atlas() -> Atlas {
    load(&ContentSet::builtin()).expect("the shipped content loads")
}

const BODY_VIEWS: [&str; 3] = ["posterior", "anterior", "hip"];

fn dist_to_segment(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab: Vec2 = b - a;
    let len2 = ab.length_sq();
    let t = if len2 <= f32::EPSILON {
        0.0
    } else {
        ((p - a).dot(ab) / len2).clamp(0.0, 1.0)
    };
    (p - (a + ab * t)).length()
}

fn ring_segments(ring: &Polyline) -> impl Iterator<Item = (Pos2, Pos2)> + '_ {
    let n = ring.points.len();
    let count = if ring.closed { n } else { n.saturating_sub(1) };
    (0..count).map(move |i| (ring.points[i], ring.points[(i + 1) % n]))
}

/// The smallest distance between two filled shapes (0 when they overlap).
fn gap(a: &PreparedRegion, b: &PreparedRegion) -> f32 {
    let points = |r: &PreparedRegion| -> Vec<Pos2> {
        r.rings
            .iter()
            .flat_map(|ring| ring.points.clone())
            .collect()
    };
    let (pa, pb) = (points(a), points(b));
    if pa.iter().any(|&p| b.contains(p)) || pb.iter().any(|&p| a.contains(p)) {
        return 0.0;
    }
    let mut best = f32::MAX;
    for &p in &pa {
        for ring in &b.rings {
            for (s, t) in ring_segments(ring) {
                best = best.min(dist_to_segment(p, s, t));
            }
        }
    }
    best
}

fn region<'a>(view: &'a PreparedView, id: &str) -> &'a PreparedRegion {
    let i = view
        .region_index(id)
        .unwrap_or_else(|| panic!("{} has {id}", view.id));
    &view.regions[i]
}

#[test]
fn every_muscle_reaches_the_bones_of_its_origin_and_insertion() {
    let atlas = atlas();
    let mut problems = Vec::new();
    let mut checked = 0;
    for id in BODY_VIEWS {
        let view = &atlas.views[atlas.view_index(id).unwrap()];
        for muscle in view.regions.iter().filter(|r| {
            matches!(r.paint, Some(Paint::Muscle | Paint::DeepMuscle)) && r.structure.is_some()
        }) {
            if muscle.attaches.len() < 2 {
                problems.push(format!(
                    "{}: {} names {} bone(s), needs its origin and insertion",
                    view.id,
                    muscle.id,
                    muscle.attaches.len()
                ));
            }
            for bone_id in &muscle.attaches {
                let bone = region(view, bone_id);
                // A bone is a Bone region, or a drawn bone (decoration) on the skeleton layer.
                let on_skeleton = view.layers[bone.layer].id == "skeleton";
                assert!(
                    bone.paint == Some(Paint::Bone) || (bone.paint.is_none() && on_skeleton),
                    "{}: {} attaches to {bone_id}, which is not a bone",
                    view.id,
                    muscle.id
                );
                assert!(
                    bone.side == Side::Midline || bone.side == muscle.side,
                    "{}: {} attaches to {bone_id} on the other side",
                    view.id,
                    muscle.id
                );
                let d = gap(muscle, bone);
                if d > 6.0 {
                    problems.push(format!(
                        "{}: {} stops {d:.1} units short of {bone_id}",
                        view.id, muscle.id
                    ));
                }
                checked += 1;
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
    assert!(checked > 60, "only {checked} attachments were checked");
}

#[test]
fn the_deep_hip_muscles_run_from_pelvis_to_femur() {
    let atlas = atlas();
    for (view_id, prefix) in [("posterior", ""), ("hip", "hip_")] {
        let view = &atlas.views[atlas.view_index(view_id).unwrap()];
        let region = |id: &str| region(view, &format!("{prefix}{id}"));
        for (muscle, origin, insertion) in [
            ("piriformis_left", "sacrum", "greater_trochanter_left"),
            (
                "quadratus_femoris_left",
                "ischial_tuberosity_left",
                "femur_left",
            ),
            (
                "superior_gemellus_left",
                "ischial_spine_left",
                "greater_trochanter_left",
            ),
            (
                "inferior_gemellus_left",
                "ischial_tuberosity_left",
                "greater_trochanter_left",
            ),
        ] {
            let m = region(muscle);
            for bone in [origin, insertion] {
                let b = region(bone);
                assert!(
                    gap(m, b) <= 6.0,
                    "{view_id}: {muscle} reaches {bone} ({:.1} units)",
                    gap(m, b)
                );
            }
        }
    }
}

#[test]
fn shapes_stay_inside_the_body_and_on_their_own_side() {
    let atlas = atlas();
    for (id, outline) in [
        ("posterior", "body_outline"),
        ("anterior", "ant_body_outline"),
    ] {
        let view = &atlas.views[atlas.view_index(id).unwrap()];
        let outline = region(view, outline);
        let skin = outline.layer;
        // The person's left is on the viewer's left seen from behind, on the right from the front.
        let left_is_low_x = id == "posterior";
        for r in view.regions.iter().filter(|r| r.layer != skin) {
            let outside: Vec<&Pos2> = r
                .rings
                .iter()
                .flat_map(|ring| ring.points.iter().step_by(3))
                .filter(|&&p| !outline.contains(p))
                .collect();
            assert!(
                outside.is_empty(),
                "{id}: {} has {} point(s) outside the body, e.g. {:?}",
                r.id,
                outside.len(),
                outside[0]
            );
            if r.side == Side::Left && r.structure.is_some() {
                let b = r.bbox;
                let crosses = if left_is_low_x {
                    b.max.x > view.midline_x + 0.5
                } else {
                    b.min.x < view.midline_x - 0.5
                };
                assert!(!crosses, "{id}: the left-side {} crosses the midline", r.id);
            }
        }
    }
}

fn segments_cross(a: Pos2, b: Pos2, c: Pos2, d: Pos2) -> bool {
    let orient = |p: Pos2, q: Pos2, r: Pos2| (q - p).x * (r - p).y - (q - p).y * (r - p).x;
    let (d1, d2) = (orient(c, d, a), orient(c, d, b));
    let (d3, d4) = (orient(a, b, c), orient(a, b, d));
    d1 * d2 < 0.0 && d3 * d4 < 0.0
}

#[test]
fn filled_outlines_never_cross_themselves() {
    let atlas = atlas();
    let mut problems = Vec::new();
    for view in &atlas.views {
        for r in view
            .regions
            .iter()
            .filter(|r| r.filled && r.structure.is_some() || r.zone.is_some())
        {
            for ring in r.rings.iter().filter(|ring| ring.closed) {
                let edges: Vec<(Pos2, Pos2)> = ring_segments(ring).collect();
                let n = edges.len();
                'ring: for i in 0..n {
                    for j in i + 2..n {
                        if i == 0 && j == n - 1 {
                            continue; // neighbours across the closing point
                        }
                        let (a, b) = edges[i];
                        let (c, d) = edges[j];
                        if segments_cross(a, b, c, d) {
                            problems
                                .push(format!("{}: {} crosses itself near {a:?}", view.id, r.id));
                            break 'ring;
                        }
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

/// The top and bottom of a shape's rings along the vertical line at `x` (NaN-free: an empty
/// crossing gives an inverted range).
fn extent_at_x(region: &PreparedRegion, x: f32) -> (f32, f32) {
    let mut ys = Vec::new();
    for ring in &region.rings {
        for (a, b) in ring_segments(ring) {
            if (a.x - x) * (b.x - x) <= 0.0 && a.x != b.x {
                ys.push(a.y + (b.y - a.y) * (x - a.x) / (b.x - a.x));
            }
        }
    }
    let top = ys.iter().copied().fold(f32::INFINITY, f32::min);
    let bottom = ys.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    (top, bottom)
}

/// How tall a shape is at a fraction `t` of its width, from its inner end (nearest the midline,
/// t = 0) to its outer end (t = 1). The back views have the person's left at low x.
fn height_across(region: &PreparedRegion, t: f32) -> f32 {
    let b = region.bbox;
    let x = b.max.x - t * b.width();
    let (top, bottom) = extent_at_x(region, x);
    bottom - top
}

const BACK_VIEWS: [(&str, &str); 2] = [("posterior", ""), ("hip", "hip_")];

#[test]
fn piriformis_is_pear_shaped_broad_at_the_sacrum_narrow_at_the_trochanter() {
    let atlas = atlas();
    for (view_id, prefix) in BACK_VIEWS {
        let view = &atlas.views[atlas.view_index(view_id).unwrap()];
        let piriformis = region(view, &format!("{prefix}piriformis_left"));
        // Its base runs obliquely along the sacrum's edge: measured where it has left it.
        let (base, tendon) = (
            height_across(piriformis, 0.2),
            height_across(piriformis, 0.92),
        );
        assert!(
            base > 3.0 * tendon,
            "{view_id}: piriformis is {base:.1} tall at the sacrum and {tendon:.1} at the trochanter"
        );
        // Its lower border slopes down toward the sacrum: the bottom at the sacrum lies well
        // below the bottom at the trochanter, while the upper border stays nearly level.
        let b = piriformis.bbox;
        let (inner_top, inner_bottom) = extent_at_x(piriformis, b.max.x - 0.2 * b.width());
        let (outer_top, outer_bottom) = extent_at_x(piriformis, b.max.x - 0.92 * b.width());
        assert!(
            inner_bottom - outer_bottom > 2.0 * (outer_top - inner_top).abs(),
            "{view_id}: piriformis's lower border ({inner_bottom:.0} to {outer_bottom:.0}) slopes \
             more than its upper border ({inner_top:.0} to {outer_top:.0})"
        );
    }
}

#[test]
fn gluteus_maximus_runs_from_sacrum_and_coccyx_to_the_femur_across_the_gluteal_fold() {
    let atlas = atlas();
    for (view_id, prefix) in BACK_VIEWS {
        let view = &atlas.views[atlas.view_index(view_id).unwrap()];
        let region = |id: &str| region(view, &format!("{prefix}{id}"));
        let maximus = region("gluteus_maximus_left");
        for bone in [
            "sacrum",
            "coccyx",
            "gluteal_tuberosity_left",
            "iliac_crest_left",
        ] {
            let d = gap(maximus, region(bone));
            assert!(
                d <= 6.0,
                "{view_id}: gluteus maximus stops {d:.1} short of {bone}"
            );
        }
        // A sheet running down and out: its lower border crosses the gluteal fold obliquely,
        // above the fold near the cleft and below it toward the thigh.
        let fold = region("gluteal_folds");
        let fold_y = |x: f32| {
            let (top, bottom) = extent_at_x(fold, x);
            f32::midpoint(top, bottom)
        };
        let b = maximus.bbox;
        let (inner_x, outer_x) = (b.max.x - 0.15 * b.width(), b.max.x - 0.55 * b.width());
        let (_, inner_bottom) = extent_at_x(maximus, inner_x);
        let (_, outer_bottom) = extent_at_x(maximus, outer_x);
        assert!(
            inner_bottom < fold_y(inner_x) && outer_bottom > fold_y(outer_x),
            "{view_id}: the lower border ({inner_bottom:.0} at {inner_x:.0}, {outer_bottom:.0} at \
             {outer_x:.0}) crosses the fold ({:.0}, {:.0})",
            fold_y(inner_x),
            fold_y(outer_x)
        );
    }
}

#[test]
fn the_gemelli_and_obturator_internus_converge_like_a_fan_and_quadratus_femoris_is_four_sided() {
    let atlas = atlas();
    for (view_id, prefix) in BACK_VIEWS {
        let view = &atlas.views[atlas.view_index(view_id).unwrap()];
        let region = |id: &str| region(view, &format!("{prefix}{id}"));
        let bands = [
            region("superior_gemellus_left"),
            region("obturator_internus_left"),
            region("inferior_gemellus_left"),
        ];
        // The span the three cover near their origins and near the trochanter.
        let span = |x: f32| {
            let (mut top, mut bottom) = (f32::INFINITY, f32::NEG_INFINITY);
            for band in &bands {
                let (t, b) = extent_at_x(band, x);
                top = top.min(t);
                bottom = bottom.max(b);
            }
            bottom - top
        };
        let inner = bands
            .iter()
            .map(|b| b.bbox.max.x)
            .fold(f32::INFINITY, f32::min);
        let outer = bands
            .iter()
            .map(|b| b.bbox.min.x)
            .fold(f32::NEG_INFINITY, f32::max);
        let width = inner - outer;
        let (at_origin, at_insertion) = (span(inner - 0.05 * width), span(outer + 0.05 * width));
        assert!(
            at_origin > 2.0 * at_insertion,
            "{view_id}: the three bands span {at_origin:.1} at the pelvis, {at_insertion:.1} at the trochanter"
        );
        let quadratus = region("quadratus_femoris_left");
        let (inner_h, outer_h) = (
            height_across(quadratus, 0.08),
            height_across(quadratus, 0.92),
        );
        assert!(
            outer_h > 0.6 * inner_h && inner_h > 0.6 * outer_h,
            "{view_id}: quadratus femoris is {inner_h:.1} tall at the tuberosity and {outer_h:.1} at the femur"
        );
        assert!(
            quadratus.bbox.width() > 2.0 * inner_h,
            "{view_id}: quadratus femoris is a flat band, longer than tall"
        );
    }
}

#[test]
fn bones_lie_beneath_every_muscle_layer() {
    let atlas = atlas();
    for id in BODY_VIEWS {
        let view = &atlas.views[atlas.view_index(id).unwrap()];
        let skeleton = view.layer_index("skeleton").unwrap();
        for r in view.regions.iter().filter(|r| {
            matches!(r.paint, Some(Paint::Muscle | Paint::DeepMuscle)) && r.structure.is_some()
        }) {
            assert!(
                r.layer > skeleton,
                "{id}: {} is drawn beneath the bones (layer {})",
                r.id,
                view.layers[r.layer].id
            );
        }
    }
}
