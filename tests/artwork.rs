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
