//! The foot maps as drawn: zones where the charts and their own text put them, tiling each foot
//! without overlaps or twisted outlines, the guide lines on the feet, and the longitudinal zones
//! numbered from the big toe. (These checks were the artwork generator's; they live here now.)

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

use bodywork_atlas::content::{ContentSet, load};
use bodywork_atlas::model::content::{Paint, Side};
use bodywork_atlas::model::{Atlas, PreparedRegion, PreparedView};
use egui::{Pos2, pos2};

const FOOT_VIEWS: [&str; 3] = ["feet_plantar", "feet_medial", "feet_lateral"];

fn atlas() -> Atlas {
    load(&ContentSet::builtin()).unwrap()
}

fn view<'a>(atlas: &'a Atlas, id: &str) -> &'a PreparedView {
    &atlas.views[atlas.view_index(id).unwrap()]
}

/// A foot outline: the bottom layer's filled shapes (decoration from the artwork, so without a
/// side of their own: on the soles the left foot is the one on the left).
fn feet(view: &PreparedView) -> Vec<&PreparedRegion> {
    let mut feet: Vec<&PreparedRegion> = view
        .regions
        .iter()
        .filter(|r| r.layer == 0 && r.filled)
        .collect();
    feet.sort_by(|a, b| a.bbox.center().x.total_cmp(&b.bbox.center().x));
    feet
}

/// The foot outline of a side: on the soles, the left foot is on the left; the edge views
/// show the right foot only.
fn foot(view: &PreparedView, side: Side) -> &PreparedRegion {
    let feet = feet(view);
    let pick = match (feet.len(), side) {
        (1, _) => feet.first(),
        (_, Side::Left) => feet.first(),
        _ => feet.last(),
    };
    pick.copied()
        .unwrap_or_else(|| panic!("{} has a {side:?} foot", view.id))
}

/// The foot outline under a point (the nearest by x when none holds it).
fn foot_at(view: &PreparedView, p: Pos2) -> &PreparedRegion {
    let feet = feet(view);
    feet.iter()
        .copied()
        .find(|f| f.contains(p))
        .or_else(|| {
            feet.iter().copied().min_by(|a, b| {
                (a.bbox.center().x - p.x)
                    .abs()
                    .total_cmp(&(b.bbox.center().x - p.x).abs())
            })
        })
        .unwrap_or_else(|| panic!("{} has a foot", view.id))
}

/// Whether a region is a guide line: dashed in the artwork, or painted as a guide.
fn is_guide(r: &PreparedRegion) -> bool {
    r.paint == Some(Paint::Guide)
        || r.art
            .as_ref()
            .and_then(|a| a.stroke.as_ref())
            .is_some_and(|s| s.dash.is_some())
}

fn zones(view: &PreparedView) -> impl Iterator<Item = &PreparedRegion> {
    view.regions.iter().filter(|r| r.zone.is_some())
}

/// The centres of a region's triangles: points spread over its whole filled area.
fn samples(r: &PreparedRegion) -> Vec<Pos2> {
    r.mesh
        .indices
        .chunks(3)
        .map(|t| {
            let [a, b, c] = [t[0], t[1], t[2]].map(|k| r.mesh.vertices[k as usize]);
            pos2((a.x + b.x + c.x) / 3.0, (a.y + b.y + c.y) / 3.0)
        })
        .collect()
}

/// Whether segments ab and cd cross at a point inside both (touching ends do not count).
fn cross(a: Pos2, b: Pos2, c: Pos2, d: Pos2) -> bool {
    let orient = |p: Pos2, q: Pos2, r: Pos2| (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x);
    let (d1, d2) = (orient(c, d, a), orient(c, d, b));
    let (d3, d4) = (orient(a, b, c), orient(a, b, d));
    d1 * d2 < 0.0 && d3 * d4 < 0.0
}

/// The distance from p to the nearest point of a region's outline.
fn distance_to_outline(r: &PreparedRegion, p: Pos2) -> f32 {
    r.rings
        .iter()
        .flat_map(|ring| edges(&ring.points, ring.closed))
        .map(|(a, b)| {
            let ab = b - a;
            let t = ((p - a).dot(ab) / ab.length_sq().max(1e-6)).clamp(0.0, 1.0);
            (a + ab * t - p).length()
        })
        .fold(f32::INFINITY, f32::min)
}

/// Whether p lies inside r and not just on its border (neighbouring zones share their borders,
/// each drawn as its own smooth curve, so they may differ by a hair).
fn well_inside(r: &PreparedRegion, p: Pos2) -> bool {
    r.contains(p) && distance_to_outline(r, p) > 1.5
}

fn edges(points: &[Pos2], closed: bool) -> Vec<(Pos2, Pos2)> {
    let n = points.len();
    let count = if closed { n } else { n.saturating_sub(1) };
    (0..count)
        .map(|i| (points[i], points[(i + 1) % n]))
        .collect()
}

#[test]
fn zones_are_filled_closed_shapes_and_lines_name_no_zone() {
    let atlas = atlas();
    for id in FOOT_VIEWS {
        let view = view(&atlas, id);
        for r in &view.regions {
            if r.zone.is_some() {
                assert!(r.filled, "{} is a filled shape", r.id);
                assert!(r.rings.iter().all(|ring| ring.closed), "{} is closed", r.id);
                // Big enough to find with a fingertip at the default zoom: about 6 x 6 units.
                assert!(r.area > 36.0, "{} has an area of {}", r.id, r.area);
            } else {
                assert!(
                    r.structure.is_none(),
                    "{} on a foot map names a structure",
                    r.id
                );
            }
        }
    }
}

#[test]
fn no_zone_outline_crosses_itself_or_its_other_parts() {
    let atlas = atlas();
    for id in FOOT_VIEWS {
        for r in zones(view(&atlas, id)) {
            let rings: Vec<Vec<(Pos2, Pos2)>> = r
                .rings
                .iter()
                .map(|ring| edges(&ring.points, true))
                .collect();
            for (i, a) in rings.iter().enumerate() {
                for (j, b) in rings.iter().enumerate().skip(i) {
                    for (k, &(p, q)) in a.iter().enumerate() {
                        for (l, &(s, t)) in b.iter().enumerate() {
                            // Neighbouring edges of one ring share a point.
                            let near =
                                i == j && (k.abs_diff(l) <= 1 || k.abs_diff(l) == a.len() - 1);
                            assert!(
                                near || !cross(p, q, s, t),
                                "{}: outline {i} crosses outline {j} near {p:?}",
                                r.id
                            );
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn every_zone_and_guide_line_lies_on_its_own_foot() {
    let atlas = atlas();
    for id in FOOT_VIEWS {
        let view = view(&atlas, id);
        for r in view
            .regions
            .iter()
            .filter(|r| r.zone.is_some() || is_guide(r))
        {
            let outline = if r.zone.is_some() {
                foot(view, r.side)
            } else {
                foot_at(view, r.bbox.center())
            };
            let points: Vec<Pos2> = if r.filled {
                samples(r)
            } else {
                r.rings
                    .iter()
                    .flat_map(|ring| ring.points.clone())
                    .collect()
            };
            for p in points {
                assert!(
                    outline.contains(p),
                    "{} at {p:?} lies on its foot in {id}",
                    r.id
                );
            }
        }
    }
}

#[test]
fn on_the_soles_each_foot_keeps_to_its_own_half() {
    let atlas = atlas();
    let view = view(&atlas, "feet_plantar");
    // Regions with a side (zones, numbers); decoration from the artwork has none of its own.
    for r in view
        .regions
        .iter()
        .filter(|r| r.layer > 0 && r.side != Side::Midline)
    {
        let left = r.side == Side::Left;
        assert!(
            r.bbox.max.x < view.midline_x || r.bbox.min.x > view.midline_x,
            "{} does not cross the middle",
            r.id
        );
        assert_eq!(
            r.bbox.center().x < view.midline_x,
            left,
            "{} is on the {:?} foot, on the chart's {} half",
            r.id,
            r.side,
            if left { "left" } else { "right" }
        );
    }
}

#[test]
fn zones_tile_each_foot_without_overlapping() {
    // What you see is what you click: no zone is hidden under another one.
    let atlas = atlas();
    for id in FOOT_VIEWS {
        let view = view(&atlas, id);
        let all: Vec<&PreparedRegion> = zones(view).collect();
        for r in &all {
            for p in samples(r) {
                if let Some(other) = all
                    .iter()
                    .find(|o| o.id != r.id && o.side == r.side && well_inside(o, p))
                {
                    panic!("{} and {} overlap at {p:?} in {id}", r.id, other.id);
                }
            }
        }
    }
}

/// The zone of `zone_id` on one foot of a view.
fn zone_on<'a>(view: &'a PreparedView, zone_id: &str, side: Side) -> Option<&'a PreparedRegion> {
    zones(view).find(|r| r.zone.as_deref() == Some(zone_id) && r.side == side)
}

#[test]
fn the_heart_and_spleen_are_on_the_left_sole_the_liver_and_gallbladder_on_the_right() {
    let atlas = atlas();
    let soles = view(&atlas, "feet_plantar");
    for (zone, side) in [
        ("heart", Side::Left),
        ("spleen", Side::Left),
        ("stomach", Side::Left),
        ("liver", Side::Right),
        ("gallbladder", Side::Right),
    ] {
        assert!(
            zone_on(soles, zone, side).is_some(),
            "{zone} is on the {side:?} foot"
        );
        assert!(
            zone_on(soles, zone, side.mirrored()).is_none(),
            "{zone} is not on the {:?} foot, as charts draw it",
            side.mirrored()
        );
    }
    // The gallbladder sits inside the liver zone, the heart inside the chest's.
    let inside = |inner: &str, outer: &str, side: Side| {
        let inner = zone_on(soles, inner, side).unwrap();
        let outer = zone_on(soles, outer, side).unwrap();
        outer.bbox.contains_rect(inner.bbox)
    };
    assert!(inside("gallbladder", "liver", Side::Right));
    assert!(inside("heart", "chest_lungs", Side::Left));
}

/// Where the guide line of `name` lies on a view, as a y on the soles (the line's middle) or an
/// x on the edge views (they are vertical there).
fn guide(view: &PreparedView, name: &str, side: Side) -> Pos2 {
    let r = view
        .regions
        .iter()
        .find(|r| {
            // Lines are decoration (no side of their own): on the soles, the left foot's are
            // on the left.
            let on_side = feet(view).len() == 1
                || (r.bbox.center().x < view.midline_x) == (side == Side::Left);
            is_guide(r) && r.id.contains(&format!("_{name}_line")) && on_side
        })
        .unwrap_or_else(|| panic!("{} has a {name} line", view.id));
    r.bbox.center()
}

#[test]
fn the_zones_follow_the_body_from_the_toes_to_the_heel_between_the_guide_lines() {
    let atlas = atlas();
    let soles = view(&atlas, "feet_plantar");
    for side in [Side::Left, Side::Right] {
        let y = |name| guide(soles, name, side).y;
        let (shoulder, diaphragm, waist, pelvic) =
            (y("shoulder"), y("diaphragm"), y("waist"), y("pelvic"));
        let at = |zone: &str| zone_on(soles, zone, side).unwrap().anchor.y;
        for zone in ["thyroid", "chest_lungs"] {
            assert!(
                shoulder < at(zone) && at(zone) < diaphragm,
                "{zone} is on the ball"
            );
        }
        for zone in ["kidney", "adrenal"] {
            assert!(
                diaphragm < at(zone) && at(zone) < waist + 25.0,
                "{zone} is above the waist"
            );
        }
        for zone in ["intestines", "bladder"] {
            assert!(
                waist < at(zone) && at(zone) < pelvic,
                "{zone} is below the waist"
            );
        }
        // The colon frames the small intestine, reaching up under the spleen on the left.
        let colon = zone_on(soles, "colon", side).unwrap().bbox;
        let intestine = zone_on(soles, "intestines", side).unwrap().bbox;
        assert!(
            diaphragm < colon.min.y && colon.max.y < pelvic + 12.0,
            "the colon on the arch"
        );
        assert!(colon.min.y < intestine.min.y && colon.width() > intestine.width());
        // The heel, front to back: the lower back band, the sciatic band a third of the way
        // back, the pelvis in the middle, the buttocks round the rim.
        let heel: Vec<f32> = ["lower_back", "sciatic", "pelvis", "buttocks"]
            .iter()
            .map(|z| at(z))
            .collect();
        assert!(pelvic < heel[0], "the lower back is behind the pelvic line");
        assert!(
            heel.windows(2).all(|w| w[0] < w[1]),
            "heel zones in order: {heel:?}"
        );
        let back = foot(soles, side).bbox.max.y;
        let sciatic = zone_on(soles, "sciatic", side).unwrap().bbox;
        let third = pelvic + (back - pelvic) / 3.0;
        assert!(
            sciatic.min.y < third && third < sciatic.max.y + 15.0,
            "the sciatic band is about a third of the way back across the heel pad"
        );
    }
}

#[test]
fn the_edge_views_put_the_joints_and_the_ankle_zones_where_their_text_says() {
    let atlas = atlas();
    let outer = view(&atlas, "feet_lateral");
    let x = |zone: &str| zone_on(outer, zone, Side::Right).unwrap().anchor.x;
    // Toes to the right: shoulder, arm and elbow, knee, hip, then the heel's zones.
    let order = ["ovary_testis", "hip", "knee", "arm_elbow", "shoulder"];
    let xs: Vec<f32> = order.iter().map(|z| x(z)).collect();
    assert!(
        xs.windows(2).all(|w| w[0] < w[1]),
        "{order:?} from heel to toes: {xs:?}"
    );
    let waist = guide(outer, "waist", Side::Right).x;
    assert!(
        x("knee") < waist && waist < x("arm_elbow"),
        "the knee just behind the bump"
    );
    // The sciatic strip runs up the leg behind the ankle, above the hip zone.
    for (id, hip_or_womb) in [("feet_lateral", "hip"), ("feet_medial", "uterus_prostate")] {
        let v = view(&atlas, id);
        let sciatic = zone_on(v, "sciatic", Side::Right).unwrap();
        let below = zone_on(v, hip_or_womb, Side::Right).unwrap();
        assert!(
            sciatic.bbox.height() > 2.5 * sciatic.bbox.width(),
            "{id}: a strip up the leg"
        );
        assert!(
            sciatic.anchor.y < below.anchor.y,
            "{id}: above the {hip_or_womb} zone"
        );
    }
    let inner = view(&atlas, "feet_medial");
    let bladder = zone_on(inner, "bladder", Side::Right).unwrap();
    let pelvic = guide(inner, "pelvic", Side::Right).x;
    let waist = guide(inner, "waist", Side::Right).x;
    assert!(
        waist < bladder.anchor.x && bladder.anchor.x < pelvic,
        "the bladder on the inner arch just in front of the heel"
    );
}

#[test]
fn spine_sections_do_not_overlap() {
    let atlas = atlas();
    let sections = [
        "spine_cervical",
        "spine_thoracic",
        "spine_lumbar",
        "spine_sacrum",
        "spine_coccyx",
    ];
    for (id, side) in [
        ("feet_plantar", Side::Left),
        ("feet_plantar", Side::Right),
        ("feet_medial", Side::Right),
    ] {
        let view = view(&atlas, id);
        let regions: Vec<&PreparedRegion> = sections
            .iter()
            .map(|s| zone_on(view, s, side).unwrap())
            .collect();
        for a in &regions {
            for b in regions.iter().filter(|b| b.id != a.id) {
                assert!(
                    samples(a).iter().all(|p| !well_inside(b, *p)),
                    "{} overlaps {} in {id}",
                    a.id,
                    b.id
                );
            }
        }
    }
}

/// The numbered circles of the longitudinal zones on one foot, as (number, centre).
fn numbers(view: &PreparedView, side: Side) -> Vec<(u32, Pos2)> {
    let layer = view.layer_index("longitudinal").unwrap();
    view.regions
        .iter()
        .filter(|r| r.layer == layer && r.side == side)
        .filter_map(|r| Some((r.label.as_deref()?.parse().unwrap(), r.anchor)))
        .collect()
}

#[test]
fn the_longitudinal_zones_are_numbered_from_the_big_toe_on_each_foot_toes_included() {
    let atlas = atlas();
    let soles = view(&atlas, "feet_plantar");
    for side in [Side::Left, Side::Right] {
        let marks = numbers(soles, side);
        let big_toe = zone_on(soles, "head_brain", side).unwrap();
        let toes = zone_on(soles, "sinuses", side).unwrap();
        let heel = foot(soles, side).bbox.max.y - 200.0;
        for (row, in_row) in [("toes", true), ("heel", false)] {
            let mut row_marks: Vec<(u32, Pos2)> = marks
                .iter()
                .copied()
                .filter(|(_, p)| (p.y < 300.0) == in_row && (in_row || p.y > heel))
                .collect();
            // From the big-toe side, which faces the middle of the chart.
            row_marks.sort_by(|a, b| {
                let d = |p: Pos2| (p.x - soles.midline_x).abs();
                d(a.1).total_cmp(&d(b.1))
            });
            let order: Vec<u32> = row_marks.iter().map(|m| m.0).collect();
            assert_eq!(
                order,
                [1, 2, 3, 4, 5],
                "{side:?} foot, {row}: numbered from the big toe"
            );
            if in_row {
                assert!(
                    big_toe.contains(row_marks[0].1),
                    "{side:?}: zone 1 is on the big toe"
                );
                for (n, p) in &row_marks[1..] {
                    assert!(toes.contains(*p), "{side:?}: zone {n} is on its toe");
                }
            }
        }
    }
    let layer = soles.layer_index("longitudinal").unwrap();
    assert!(
        !soles.layers[layer].visible,
        "the numbered zones are a layer to turn on, off at first"
    );
}
