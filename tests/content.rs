//! Content loading and validation: the shipped content is clean, and each kind of broken file
//! gives its error at the right file:line:column, without a panic.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

mod common;

use std::path::PathBuf;

use bodywork_atlas::content::{ContentError, ContentSet, load};
use bodywork_atlas::model::atlas::HitIndex;
use bodywork_atlas::model::content::{Side, StructureKind};
use common::copy_dir;
use egui::pos2;

fn fixture() -> PathBuf {
    common::fixture_dir("minimal")
}

/// Copies the minimal fixture into a temporary folder, applies `edit` to one file, loads it.
fn load_edited(
    file: &str,
    from: &str,
    to: &str,
) -> (tempfile::TempDir, Result<(), Vec<ContentError>>) {
    let (dir, data) = common::edited_fixture(&["minimal"], &[], (file, from, to));
    let result = load(&ContentSet::only(&data)).map(|_| ());
    (dir, result)
}

/// Asserts exactly one error, in `file` (a path ending), at line:column, whose message
/// contains `words`.
fn assert_one_error(
    result: &Result<(), Vec<ContentError>>,
    file: &str,
    line: usize,
    column: usize,
    words: &str,
) {
    let errors = result.as_ref().expect_err("the broken content is rejected");
    common::assert_one_error(errors, file, (line, column), words);
}

#[test]
fn shipped_content_loads_and_validates() {
    let atlas = match load(&ContentSet::builtin()) {
        Ok(atlas) => atlas,
        Err(errors) => panic!(
            "shipped content has problems:\n{}",
            errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        ),
    };
    let posterior = &atlas.views[atlas.view_index("posterior").unwrap()];
    let anterior = &atlas.views[atlas.view_index("anterior").unwrap()];
    for layer in ["skin", "superficial", "deep", "nerves", "skeleton"] {
        assert!(
            posterior.layer_index(layer).is_some(),
            "posterior has layer {layer}"
        );
    }
    let needed_back = [
        "gluteus_maximus",
        "gluteus_medius",
        "gluteus_minimus",
        "piriformis",
        "superior_gemellus",
        "obturator_internus",
        "inferior_gemellus",
        "quadratus_femoris",
        "quadratus_lumborum",
        "erector_spinae",
        "biceps_femoris_long_head",
        "biceps_femoris_short_head",
        "semitendinosus",
        "semimembranosus",
        "gastrocnemius",
        "sciatic_nerve",
        "tibial_nerve",
        "common_fibular_nerve",
        "iliac_crest",
        "sacrum",
        "coccyx",
        "femur",
        "greater_trochanter",
        "ischial_tuberosity",
        "lumbar_vertebrae",
        "twelfth_rib",
    ];
    for s in needed_back {
        let sides: Vec<Side> = posterior
            .regions
            .iter()
            .filter(|r| r.structure.as_deref() == Some(s))
            .map(|r| r.side)
            .collect();
        assert!(!sides.is_empty(), "posterior shows {s}");
        if !sides.contains(&Side::Midline) {
            assert!(
                sides.contains(&Side::Left) && sides.contains(&Side::Right),
                "{s} has both sides: {sides:?}"
            );
        }
    }
    for s in ["psoas_major", "iliacus", "lumbar_vertebrae"] {
        assert!(
            anterior
                .regions
                .iter()
                .any(|r| r.structure.as_deref() == Some(s)),
            "anterior shows {s}"
        );
    }
    for s in &atlas.structures {
        assert!(!s.sources.is_empty(), "{} names its sources", s.id);
        if s.kind == StructureKind::Muscle {
            assert!(
                s.origin.is_some()
                    && s.insertion.is_some()
                    && s.action.is_some()
                    && s.innervation.is_some(),
                "{} has its anatomy",
                s.id
            );
            assert!(
                s.self_massage.as_ref().is_some_and(|m| m.steps.len() >= 3),
                "{} has self-massage steps",
                s.id
            );
            assert!(!s.cautions.is_empty(), "{} has cautions", s.id);
        }
    }
    let flags: String = atlas
        .safety
        .red_flags
        .iter()
        .map(|f| f.sign.to_lowercase())
        .collect();
    assert!(
        flags.contains("bladder") || flags.contains("bowel"),
        "cauda equina red flags are listed"
    );
    assert!(!atlas.safety.do_not_massage.is_empty());
}

#[test]
fn shipped_regions_are_on_the_body_and_symmetric() {
    let atlas = load(&ContentSet::builtin()).unwrap();
    for view in &atlas.views {
        // The outlines: filled regions of the bottom layer (one body, or one per foot).
        let outlines: Vec<_> = view
            .regions
            .iter()
            .filter(|r| r.layer == 0 && r.filled)
            .collect();
        assert!(!outlines.is_empty(), "{} has an outline", view.id);
        for r in view.regions.iter().filter(|r| r.is_selectable()) {
            let own = outlines
                .iter()
                .filter(|o| o.side == r.side || o.side == Side::Midline || r.side == Side::Midline);
            assert!(
                own.clone().any(|o| o.contains(r.anchor)),
                "{} lies on the body or its foot in {}",
                r.id,
                view.id
            );
            if r.zone.is_some() {
                // Every part of a zone lies inside its own foot.
                for t in r.mesh.indices.chunks(3) {
                    let [a, b, c] = [t[0], t[1], t[2]].map(|k| r.mesh.vertices[k as usize]);
                    let centre = pos2((a.x + b.x + c.x) / 3.0, (a.y + b.y + c.y) / 3.0);
                    assert!(
                        own.clone().any(|o| o.contains(centre)),
                        "{} at {centre:?} is inside its foot in {}",
                        r.id,
                        view.id
                    );
                }
            }
            if let Some(twin) = r.twin.map(|t| &view.regions[t]) {
                let mirrored = 2.0 * view.midline_x - r.anchor.x;
                assert!(
                    (twin.area - r.area).abs() < 0.01 * r.area.max(1.0),
                    "{} and {} have the same area",
                    r.id,
                    twin.id
                );
                assert!(
                    twin.contains(pos2(mirrored, r.anchor.y)),
                    "{} mirrors {}",
                    twin.id,
                    r.id
                );
            }
        }
    }
}

#[test]
fn spine_zones_run_from_toe_to_heel_along_the_medial_edge() {
    let atlas = load(&ContentSet::builtin()).unwrap();
    let sections = [
        "spine_cervical",
        "spine_thoracic",
        "spine_lumbar",
        "spine_sacrum",
        "spine_coccyx",
    ];
    for (view_id, side) in [
        ("feet_plantar", Side::Left),
        ("feet_plantar", Side::Right),
        ("feet_medial", Side::Right),
    ] {
        let view = &atlas.views[atlas.view_index(view_id).unwrap()];
        let anchors: Vec<egui::Pos2> = sections
            .iter()
            .map(|s| {
                view.regions
                    .iter()
                    .find(|r| r.zone.as_deref() == Some(*s) && r.side == side)
                    .unwrap_or_else(|| panic!("{view_id} shows {s} on the {side:?} foot"))
                    .anchor
            })
            .collect();
        let axis = (anchors[4] - anchors[0]).normalized();
        let along: Vec<f32> = anchors
            .iter()
            .map(|a| (*a - anchors[0]).dot(axis))
            .collect();
        assert!(
            along.windows(2).all(|w| w[0] < w[1]),
            "{view_id} {side:?}: sections in order from toe to heel: {along:?}"
        );
        let toes = view
            .regions
            .iter()
            .find(|r| r.zone.as_deref() == Some("head_brain") && r.side == side)
            .unwrap();
        assert!(
            (toes.anchor - anchors[0]).length() < (toes.anchor - anchors[4]).length(),
            "{view_id}: the cervical end is at the big toe"
        );
        if view_id == "feet_plantar" {
            let outline = view
                .regions
                .iter()
                // Decoration from the artwork has no side: the left foot is the one on the left.
                .find(|r| {
                    r.layer == 0
                        && r.filled
                        && (r.bbox.center().x < view.midline_x) == (side == Side::Left)
                })
                .unwrap();
            // The medial edge faces the midline between the feet; measure the foot's width at
            // each section's height.
            let toward_midline = outline.bbox.center().x < view.midline_x;
            for a in &anchors {
                let (min_x, max_x) = extent_at(&outline.rings, a.y);
                let (medial, width) = (if toward_midline { max_x } else { min_x }, max_x - min_x);
                assert!(
                    (a.x - medial).abs() < 0.35 * width,
                    "{view_id} {side:?}: spine at {a:?} is near the medial edge {medial}"
                );
            }
        }
    }
}

#[test]
fn minimal_fixture_loads_with_mirrors_and_layers() {
    let atlas = load(&ContentSet::only(&fixture())).unwrap();
    let view = &atlas.views[0];
    let ids: Vec<&str> = view.regions.iter().map(|r| r.id.as_str()).collect();
    // Drawing order: layer by layer, mirrors right after their originals.
    assert_eq!(
        ids,
        [
            "alpha_left",
            "alpha_right",
            "u_shape",
            "fold",
            "spot_left",
            "spot_right",
            "beta_left",
            "beta_right"
        ]
    );
    let right = &view.regions[1];
    assert_eq!(right.side, Side::Right);
    assert!(right.contains(pos2(75.0, 25.0)));
    assert_eq!(right.twin, Some(0));
}

#[test]
fn topmost_visible_layer_wins_and_hidden_layers_are_not_hit() {
    let atlas = load(&ContentSet::only(&fixture())).unwrap();
    let view = &atlas.views[0];
    let id = |i: Option<usize>| i.map(|i| view.regions[i].id.as_str());
    let p = pos2(25.0, 25.0);
    assert_eq!(
        id(view.hit(p, |_| true)),
        Some("beta_left"),
        "the high layer is on top"
    );
    assert_eq!(
        id(view.hit(p, |l| l == 0)),
        Some("alpha_left"),
        "a hidden layer is not hit"
    );
    assert_eq!(
        id(view.hit(pos2(50.0, 70.0), |_| true)),
        None,
        "the notch of the U is outside"
    );
    assert_eq!(id(view.hit(pos2(42.0, 70.0), |_| true)), Some("u_shape"));
    assert_eq!(
        id(view.hit(pos2(50.0, 95.0), |_| true)),
        None,
        "lines are not selectable"
    );
}

#[test]
fn search_finds_by_name_and_other_name() {
    let atlas = load(&ContentSet::only(&fixture())).unwrap();
    let found: Vec<&str> = atlas
        .search("first")
        .iter()
        .map(|r| atlas.region(*r).unwrap().id.as_str())
        .collect();
    assert_eq!(found, ["alpha_left", "alpha_right"]);
    assert!(atlas.search("  ").is_empty());
    assert_eq!(atlas.search("MUSCLE").len(), 5);
}

#[test]
fn a_typo_in_a_field_name_is_reported_at_its_place() {
    let (_dir, result) = load_edited(
        "structures/muscles.ron",
        "summary: \"A test",
        "sumary: \"A test",
    );
    assert_one_error(&result, "muscles.ron", 7, 9, "sumary");
}

#[test]
fn malformed_ron_is_reported_at_its_place() {
    let (_dir, result) = load_edited(
        "views/test.ron",
        "(width: 100, height: 100)",
        "(width: 100 height: 100)",
    );
    assert_one_error(&result, "test.ron", 5, 25, "");
}

#[test]
fn an_unknown_structure_reference_is_reported() {
    let (_dir, result) = load_edited("views/test.ron", "Some(\"alpha\")", "Some(\"alpah\")");
    assert_one_error(
        &result,
        "test.ron",
        12,
        76,
        "structure \"alpah\", which does not exist",
    );
}

#[test]
fn an_unknown_related_structure_is_reported() {
    let (_dir, result) = load_edited(
        "structures/muscles.ron",
        "related: [\"beta\"]",
        "related: [\"gamma\"]",
    );
    assert_one_error(&result, "muscles.ron", 9, 19, "\"gamma\"");
}

#[test]
fn an_unknown_source_is_reported() {
    let (_dir, result) = load_edited(
        "safety.ron",
        "sources: [\"gray42\"]",
        "sources: [\"grey42\"]",
    );
    assert_one_error(&result, "safety.ron", 5, 15, "\"grey42\"");
}

#[test]
fn an_unknown_layer_is_reported() {
    let (_dir, result) = load_edited("views/test.ron", "layer: \"high\"", "layer: \"top\"");
    assert_one_error(&result, "test.ron", 14, 40, "layer \"top\"");
}

#[test]
fn bad_path_data_is_reported_at_the_bad_character() {
    let (_dir, result) = load_edited("views/test.ron", "L 40 10 L 40 40", "L 40 10 X 40 40");
    assert_one_error(
        &result,
        "test.ron",
        13,
        39,
        "path data does not parse at character 17",
    );
}

#[test]
fn duplicate_ids_are_reported_at_the_second() {
    let (_dir, result) = load_edited("views/test.ron", "id: \"beta_left\"", "id: \"alpha_left\"");
    assert_one_error(
        &result,
        "test.ron",
        14,
        16,
        "duplicate region id \"alpha_left\" (first defined at ",
    );
}

#[test]
fn a_mirror_id_that_is_taken_is_a_duplicate() {
    let (_dir, result) = load_edited(
        "views/test.ron",
        "mirror: Some(\"beta_right\")",
        "mirror: Some(\"alpha_right\")",
    );
    assert_one_error(
        &result,
        "test.ron",
        15,
        72,
        "duplicate region id \"alpha_right\"",
    );
}

#[test]
fn coordinates_outside_the_canvas_are_reported() {
    let (_dir, result) = load_edited("views/test.ron", "L 40 10 L 40 40", "L 140 10 L 40 40");
    assert_one_error(
        &result,
        "test.ron",
        13,
        16,
        "(140, 10) lies outside the canvas",
    );
}

#[test]
fn infinite_coordinates_are_reported() {
    let (_dir, result) = load_edited("views/test.ron", "L 40 10 L 40 40", "L 1e999 10 L 40 40");
    assert_one_error(&result, "test.ron", 13, 33, "expected a finite number here");
}

#[test]
fn a_non_finite_canvas_is_reported() {
    let (_dir, result) = load_edited("views/test.ron", "width: 100,", "width: NaN,");
    assert_one_error(&result, "test.ron", 5, 5, "canvas");
}

#[test]
fn a_shape_with_no_area_is_reported() {
    let (_dir, result) = load_edited(
        "views/test.ron",
        "M 20 20 L 30 20 L 30 30 L 20 30 Z",
        "M 20 20 L 25 25 L 30 30 Z",
    );
    assert_one_error(&result, "test.ron", 15, 16, "has no area");
}

#[test]
fn an_image_path_leaving_assets_is_reported() {
    let (_dir, result) = load_edited(
        "views/test.ron",
        "title: \"Low layer\"",
        "title: \"Low layer\", image: Some(\"../secret.png\")",
    );
    assert_one_error(&result, "test.ron", 8, 58, "must stay inside assets/");
}

#[test]
fn a_missing_image_is_reported() {
    let (_dir, result) = load_edited(
        "views/test.ron",
        "title: \"Low layer\"",
        "title: \"Low layer\", image: Some(\"missing.png\")",
    );
    assert_one_error(&result, "test.ron", 8, 58, "cannot read");
}

#[test]
fn a_huge_or_corrupt_image_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    copy_dir(&fixture(), &data);
    // Layer images resolve in the content folder's own assets/.
    std::fs::create_dir_all(data.join("assets")).unwrap();
    image::RgbaImage::new(9000, 2)
        .save(data.join("assets/wide.png"))
        .unwrap();
    std::fs::write(data.join("assets/broken.png"), b"\x89PNG not really").unwrap();
    image::RgbaImage::new(4, 4)
        .save(data.join("assets/fine.png"))
        .unwrap();
    let path = data.join("views/test.ron");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replacen(
            "title: \"Low layer\"",
            "title: \"Low layer\", image: Some(\"wide.png\")",
            1,
        )
        .replacen(
            "title: \"High layer\"",
            "title: \"High layer\", image: Some(\"broken.png\")",
            1,
        );
    std::fs::write(&path, &text).unwrap();
    let errors = load(&ContentSet::only(&data)).map(|_| ()).unwrap_err();
    let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(errors.len(), 2, "{shown:#?}");
    assert!(
        shown[0].contains("test.ron:8:") && shown[0].contains("9000x2 pixels"),
        "{shown:#?}"
    );
    assert!(
        shown[1].contains("test.ron:9:") && shown[1].contains("broken.png"),
        "{shown:#?}"
    );

    std::fs::write(
        &path,
        text.replace("wide.png", "fine.png")
            .replace(", image: Some(\"broken.png\")", ""),
    )
    .unwrap();
    let atlas = load(&ContentSet::only(&data)).unwrap();
    let image = atlas.views[0].layer_images[0]
        .as_ref()
        .expect("a good image loads");
    assert_eq!(image.size, [4, 4]);
}

#[test]
fn every_problem_is_reported_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    copy_dir(&fixture(), &data);
    let view = data.join("views/test.ron");
    let text = std::fs::read_to_string(&view)
        .unwrap()
        .replacen("Some(\"alpha\")", "Some(\"alpah\")", 1)
        .replacen("L 30 20", "L 30 2x0", 1);
    std::fs::write(&view, text).unwrap();
    let muscles = data.join("structures/muscles.ron");
    let text = std::fs::read_to_string(&muscles)
        .unwrap()
        .replacen("[\"beta\"]", "[\"gamma\"]", 1);
    std::fs::write(&muscles, text).unwrap();
    let errors = load(&ContentSet::only(&data)).map(|_| ()).unwrap_err();
    assert_eq!(errors.len(), 3, "{errors:#?}");
}

#[test]
fn a_missing_folder_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let errors = load(&ContentSet::only(&dir.path().join("nothing")))
        .map(|_| ())
        .unwrap_err();
    assert!(errors.len() >= 3, "{errors:#?}");
    assert!(errors.iter().all(|e| e.location.line == 1));
}

#[test]
fn garbage_files_never_panic() {
    let garbage = [
        "",
        "(",
        "View(",
        "[Structure(id: 3)]",
        "\u{0}\u{1}",
        "View(id: \"x\", canvas: (width: -1, height: 1e40))",
        "[[[[[[[[[[",
    ];
    for g in garbage {
        for file in [
            "views/test.ron",
            "structures/muscles.ron",
            "sources.ron",
            "safety.ron",
        ] {
            let dir = tempfile::tempdir().unwrap();
            let data = dir.path().join("data");
            copy_dir(&fixture(), &data);
            std::fs::write(data.join(file), g).unwrap();
            let result = load(&ContentSet::only(&data));
            assert!(result.is_err(), "{file} = {g:?} is rejected");
        }
    }
}

#[test]
fn zones_link_both_ways() {
    let atlas = load(&ContentSet::only(&fixture())).unwrap();
    let zones: Vec<&str> = atlas
        .zones_for_structure("alpha")
        .iter()
        .map(|z| z.id.as_str())
        .collect();
    assert_eq!(zones, ["spot"]);
    assert!(atlas.zones_for_structure("beta").is_empty());
    let ids = |refs: Vec<bodywork_atlas::model::RegionRef>| -> Vec<String> {
        refs.into_iter()
            .map(|r| atlas.region(r).unwrap().id.clone())
            .collect()
    };
    assert_eq!(
        ids(atlas.regions_of_zones(&["spot"], Some(Side::Right))),
        ["spot_right"]
    );
    assert_eq!(
        ids(atlas.regions_of_structures(&["alpha".to_owned()], Some(Side::Left))),
        ["alpha_left"]
    );
    let spot = atlas.find_region("spot_right").unwrap();
    assert_eq!(
        atlas.region_label(atlas.region(spot).unwrap()),
        "Spot zone (right foot)"
    );
    assert_eq!(
        atlas.search("test reflex").len(),
        2,
        "zones are found by other names"
    );
}

#[test]
fn a_zone_linking_to_a_missing_structure_is_reported() {
    let (_dir, result) = load_edited(
        "zones/zones.ron",
        "links: [\"alpha\"]",
        "links: [\"alpah\"]",
    );
    assert_one_error(
        &result,
        "zones.ron",
        10,
        17,
        "links names structure \"alpah\", which does not exist",
    );
}

#[test]
fn a_region_naming_a_missing_zone_is_reported() {
    let (_dir, result) = load_edited(
        "views/test.ron",
        "zone: Some(\"spot\")",
        "zone: Some(\"spat\")",
    );
    assert_one_error(&result, "test.ron", 19, 70, "zone names zone \"spat\"");
}

const FOLD: &str = r#"paint: SkinLine, path: "M 45 95 L 55 95""#;

#[test]
fn a_region_label_is_kept_for_the_diagram() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    copy_dir(&fixture(), &data);
    let path = data.join("views/test.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replacen(FOLD, &format!("{FOLD}, label: Some(\"3\")"), 1),
    )
    .unwrap();
    let atlas = load(&ContentSet::only(&data)).unwrap();
    let fold = &atlas.views[0].regions[atlas.views[0].region_index("fold").unwrap()];
    assert_eq!(fold.label.as_deref(), Some("3"));
}

#[test]
fn a_label_too_long_for_the_diagram_is_reported_at_the_label() {
    let (_dir, result) = load_edited(
        "views/test.ron",
        FOLD,
        &format!("{FOLD}, label: Some(\"A label far too long\")"),
    );
    assert_one_error(&result, "test.ron", 18, 111, "at most 12");
}

#[test]
fn a_label_with_a_line_break_or_blank_is_reported() {
    // Each is reported at the label's string, an escaped line break included.
    for (label, column, words) in [(r"1\n2", 111, "control character"), ("  ", 111, "empty")] {
        let (_dir, result) = load_edited(
            "views/test.ron",
            FOLD,
            &format!("{FOLD}, label: Some(\"{label}\")"),
        );
        assert_one_error(&result, "test.ron", 18, column, words);
    }
}

#[test]
fn a_region_with_both_a_structure_and_a_zone_is_reported() {
    let (_dir, result) = load_edited(
        "views/test.ron",
        "zone: Some(\"spot\"),",
        "structure: Some(\"alpha\"), zone: Some(\"spot\"),",
    );
    assert_one_error(
        &result,
        "test.ron",
        19,
        85,
        "names both a structure and a zone",
    );
}

/// Leftmost and rightmost x where the rings cross the horizontal line at `y`.
fn extent_at(rings: &[bodywork_atlas::model::geometry::Polyline], y: f32) -> (f32, f32) {
    let mut xs = Vec::new();
    for ring in rings {
        let n = ring.points.len();
        for i in 0..n {
            let (p, q) = (ring.points[i], ring.points[(i + 1) % n]);
            if (p.y <= y) != (q.y <= y) {
                xs.push(p.x + (y - p.y) / (q.y - p.y) * (q.x - p.x));
            }
        }
    }
    let min = xs.iter().copied().fold(f32::INFINITY, f32::min);
    let max = xs.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    (min, max)
}

#[test]
fn search_lists_a_muscle_once_per_side_and_view() {
    let atlas = load(&ContentSet::builtin()).unwrap();
    let found: Vec<String> = atlas
        .search("gluteus medius")
        .iter()
        .map(|r| {
            let region = atlas.region(*r).unwrap();
            format!(
                "{} · {}",
                atlas.region_label(region),
                atlas.views[r.view].id
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            "Gluteus medius (left) · posterior",
            "Gluteus medius (right) · posterior",
            "Gluteus medius (left) · hip",
            "Gluteus medius (right) · hip",
        ],
        "drawn on two layers of two views, listed once a side and view, the back view first"
    );
    let first = atlas.region(atlas.search("gluteus medius")[0]).unwrap();
    let view = &atlas.views[atlas.view_index("posterior").unwrap()];
    assert_eq!(
        view.layers[first.layer].id, "superficial",
        "the visible part comes first"
    );
}

/// Where a word starting with "seed" (any case: "seed", "Seeds", "seed_corrales") occurs in
/// `text`, as snippets of the text around it.
fn seed_words(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let lower: Vec<char> = chars.iter().map(|c| c.to_ascii_lowercase()).collect();
    let word = ['s', 'e', 'e', 'd'];
    (0..lower.len().saturating_sub(word.len() - 1))
        .filter(|&i| {
            lower[i..i + word.len()] == word && (i == 0 || !lower[i - 1].is_alphanumeric())
        })
        .map(|i| {
            let from = i.saturating_sub(60);
            let to = (i + 60).min(chars.len());
            chars[from..to].iter().collect()
        })
        .collect()
}

/// "Seed" is the project's internal word for the web articles it started from; readers see the
/// articles cited by author or title like any other source.
#[test]
fn no_internal_word_seed_in_user_facing_text() {
    assert_eq!(seed_words("cited as (seed: Corrales 2022)").len(), 1);
    assert_eq!(
        seed_words("\"seed_corrales2022\", Project Seed 000").len(),
        2
    );
    assert!(
        seed_words("aseed, linseed").is_empty(),
        "only words that start with it"
    );

    let atlas = load(&ContentSet::builtin()).unwrap();
    let views: Vec<serde_json::Value> = atlas
        .views
        .iter()
        .map(|v| {
            serde_json::json!({
                "id": v.id,
                "title": v.title,
                "orientation": v.orientation,
                "intro": v.intro,
                "layers": v.layers.iter().map(|l| &l.title).collect::<Vec<_>>(),
            })
        })
        .collect();
    let texts = [
        (
            "structures",
            serde_json::to_string(&atlas.structures).unwrap(),
        ),
        ("zones", serde_json::to_string(&atlas.zones).unwrap()),
        ("sources", serde_json::to_string(&atlas.sources).unwrap()),
        ("safety", serde_json::to_string(&atlas.safety).unwrap()),
        ("views", serde_json::to_string(&views).unwrap()),
        ("routines", serde_json::to_string(&atlas.routines).unwrap()),
        ("guide", serde_json::to_string(&atlas.guide).unwrap()),
    ];
    let found: Vec<String> = texts
        .iter()
        .flat_map(|(what, text)| {
            seed_words(text)
                .into_iter()
                .map(move |snippet| format!("{what}: ...{snippet}..."))
        })
        .collect();
    assert!(
        found.is_empty(),
        "the internal word \"seed\" appears in user-facing text:\n{}",
        found.join("\n")
    );
}

#[test]
fn every_view_has_an_intro() {
    let atlas = load(&ContentSet::builtin()).unwrap();
    for view in &atlas.views {
        assert!(!view.intro.is_empty(), "{} has an intro", view.id);
        assert!(
            view.intro.iter().all(|p| !p.trim().is_empty()),
            "{} has no empty intro paragraph",
            view.id
        );
    }
    let anterior = &atlas.views[atlas.view_index("anterior").unwrap()];
    let text = anterior.intro.join(" ").to_lowercase();
    assert!(
        !text.contains("buttock") && !text.contains("sciatic"),
        "the front view's intro is about the front: {text}"
    );
}

#[test]
fn safety_carries_the_evidence_and_footer_wording() {
    let atlas = load(&ContentSet::builtin()).unwrap();
    let safety = &atlas.safety;
    assert!(!safety.reflexology_evidence.trim().is_empty());
    assert!(!safety.reflexology_evidence_short.trim().is_empty());
    assert!(!safety.entry_footer.trim().is_empty());
    assert!(
        safety.reflexology_evidence.contains("Ernst 2009"),
        "{}",
        safety.reflexology_evidence
    );
}

#[test]
fn a_layer_fading_under_an_unknown_layer_is_reported_at_the_id() {
    let (_dir, result) = load_edited(
        "views/test.ron",
        r#"Layer(id: "low", title: "Low layer")"#,
        r#"Layer(id: "low", title: "Low layer", fades_under: ["hihg"])"#,
    );
    assert_one_error(&result, "test.ron", 8, 60, "hihg");
}

#[test]
fn the_sciatic_nerve_leaves_below_piriformis_lateral_to_the_sacrum() {
    let atlas = load(&ContentSet::builtin()).unwrap();
    let view = &atlas.views[atlas.view_index("posterior").unwrap()];
    let region = |id: &str| &view.regions[view.region_index(id).unwrap()];
    let nerve = region("sciatic_nerve_left");
    let top = nerve
        .rings
        .iter()
        .flat_map(|r| r.points.iter())
        .min_by(|a, b| a.y.total_cmp(&b.y))
        .copied()
        .unwrap();
    let sacrum = region("sacrum").bbox;
    let piriformis = region("piriformis_left");
    // Left on the back view is the viewer's left: lateral is toward smaller x.
    assert!(
        top.x < sacrum.min.x,
        "the nerve starts at {top:?}, over the sacrum {sacrum:?}"
    );
    let (_, lower_edge) = extent_at_x(&piriformis.rings, top.x);
    assert!(
        top.y >= lower_edge - 3.0,
        "the nerve starts at {top:?}, above piriformis's lower border ({lower_edge})"
    );
    // Down the thigh it runs between the sitting bone and the greater trochanter.
    let (tuberosity, trochanter) = (
        region("ischial_tuberosity_left").bbox.center(),
        region("greater_trochanter_left").bbox.center(),
    );
    let y = tuberosity.y.max(trochanter.y) + 20.0;
    let (left, right) = extent_at(&nerve.rings, y);
    let mid = (left + right) / 2.0;
    let (a, b) = (
        tuberosity.x.min(trochanter.x),
        tuberosity.x.max(trochanter.x),
    );
    assert!(
        mid > a && mid < b,
        "at y {y} the nerve ({mid}) lies between the tuberosity and the trochanter ({a}..{b})"
    );
}

/// The top and bottom of a shape's rings along a vertical line.
fn extent_at_x(rings: &[bodywork_atlas::model::geometry::Polyline], x: f32) -> (f32, f32) {
    let mut ys = Vec::new();
    for ring in rings {
        for w in ring.points.windows(2) {
            let (a, b) = (w[0], w[1]);
            if (a.x - x) * (b.x - x) <= 0.0 && a.x != b.x {
                ys.push(a.y + (b.y - a.y) * (x - a.x) / (b.x - a.x));
            }
        }
    }
    let min = ys.iter().copied().fold(f32::INFINITY, f32::min);
    let max = ys.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    (min, max)
}

/// The minimal fixture with a `referrals.ron` of the given text and the view edited by each
/// (from, to), loaded.
fn load_with_referrals(
    referrals: &str,
    view: &[(&str, &str)],
) -> (tempfile::TempDir, Result<(), Vec<ContentError>>) {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    copy_dir(&fixture(), &data);
    std::fs::write(data.join("referrals.ron"), referrals).unwrap();
    let path = data.join("views/test.ron");
    let mut text = std::fs::read_to_string(&path).unwrap();
    for (from, to) in view {
        assert!(text.contains(from), "the fixture view has {from:?}");
        text = text.replacen(from, to, 1);
    }
    std::fs::write(&path, text).unwrap();
    let result = load(&ContentSet::only(&data)).map(|_| ());
    (dir, result)
}

const REFERRAL: &str = r#"[
    Referral(
        id: "alpha",
        muscles: ["alpha"],
        trigger_points: "In the middle.",
        pain: "Down the side.",
        vs_sciatica: "No numbness.",
        evidence: "A clinical pattern.",
        sources: ["gray42"],
    ),
]
"#;

/// The fixture's high layer drawn with the selection.
const OVERLAY: (&str, &str) = (
    r#"Layer(id: "high", title: "High layer", visible: false),"#,
    r#"Layer(id: "high", title: "High layer", visible: false, with_selection: true),"#,
);

/// A referral zone for alpha on the high layer.
const ZONE: (&str, &str) = (
    "    regions: [\n",
    "    regions: [\n        Region(id: \"alpha_pain_left\", layer: \"high\", side: Left, structure: Some(\"alpha\"), paint: Referral, path: \"M 5 5 L 20 5 L 20 20 Z\"),\n",
);

#[test]
fn a_referral_naming_an_unknown_muscle_is_reported_at_the_name() {
    let (_dir, result) = load_with_referrals(
        &REFERRAL.replace(r#"muscles: ["alpha"]"#, r#"muscles: ["alhpa"]"#),
        &[OVERLAY, ZONE],
    );
    assert_one_error(
        &result,
        "referrals.ron",
        4,
        19,
        "structure \"alhpa\", which does not exist",
    );
}

#[test]
fn a_referral_with_a_misspelt_field_or_no_text_is_reported() {
    let (_dir, result) = load_with_referrals(&REFERRAL.replace("pain:", "pian:"), &[OVERLAY, ZONE]);
    assert_one_error(&result, "referrals.ron", 6, 9, "pian");
    let (_dir, result) = load_with_referrals(
        &REFERRAL.replace(r#""Down the side.""#, r#""  ""#),
        &[OVERLAY, ZONE],
    );
    assert_one_error(&result, "referrals.ron", 6, 9, "pain is empty");
}

#[test]
fn a_referral_that_is_not_drawn_is_reported_at_its_id() {
    let (_dir, result) = load_with_referrals(REFERRAL, &[OVERLAY, ZONE]);
    assert!(result.is_ok(), "{result:?}");
    // The zone on a layer that is not drawn with the selection does not count.
    let (_dir, result) = load_with_referrals(REFERRAL, &[ZONE]);
    assert_one_error(&result, "referrals.ron", 3, 9, "is not drawn");
}

#[test]
fn two_alternatives_shown_at_the_start_are_reported() {
    let (_dir, result) = load_edited(
        "views/test.ron",
        r#"Layer(id: "low", title: "Low layer"),
        Layer(id: "high", title: "High layer", visible: false),"#,
        r#"Layer(id: "low", title: "Low layer", exclusive: Some("pick")),
        Layer(id: "high", title: "High layer", visible: true, exclusive: Some("pick")),"#,
    );
    assert_one_error(
        &result,
        "test.ron",
        9,
        48,
        "only one of them may be visible",
    );
}

/// Where a horizontal line at `y` crosses the rings, left to right.
fn crossings(rings: &[bodywork_atlas::model::geometry::Polyline], y: f32) -> Vec<f32> {
    let mut xs = Vec::new();
    for ring in rings {
        let n = ring.points.len();
        for i in 0..n {
            let (p, q) = (ring.points[i], ring.points[(i + 1) % n]);
            if (p.y <= y) != (q.y <= y) {
                xs.push(p.x + (y - p.y) / (q.y - p.y) * (q.x - p.x));
            }
        }
    }
    xs.sort_by(f32::total_cmp);
    xs
}

/// The gluteus minimus pattern on a view: it starts in the buttock (above the bottom of the
/// greater trochanter), ends well below the knee (the femur's lower end), and all the way down
/// lies on the outer half of the person's left leg (`lateral` is -1 when the person's left side
/// is drawn on the viewer's left, +1 when on the right).
fn assert_runs_down_the_outer_leg(view_id: &str, prefix: &str, lateral: f32) {
    let atlas = load(&ContentSet::builtin()).unwrap();
    let view = &atlas.views[atlas.view_index(view_id).unwrap()];
    let region = |id: &str| {
        &view.regions[view
            .region_index(id)
            .unwrap_or_else(|| panic!("{id} on {view_id}"))]
    };
    let zone = region(&format!("{prefix}referral_gluteus_minimus_zone_left"));
    let femur = region(&format!("{prefix}femur_left")).bbox;
    let trochanter = region(&format!("{prefix}greater_trochanter_left")).bbox;
    let outline = view
        .regions
        .iter()
        .find(|r| r.id.ends_with("body_outline"))
        .unwrap();
    assert!(
        zone.bbox.min.y < trochanter.max.y,
        "starts in the buttock: {:?} vs the trochanter {trochanter:?}",
        zone.bbox
    );
    let knee = femur.max.y;
    let thigh = knee - femur.min.y;
    assert!(
        zone.bbox.max.y > knee + 0.5 * thigh,
        "reaches well below the knee: {:?}, knee at {knee}",
        zone.bbox
    );
    // From below the hands to the bottom of the zone, every 25 units.
    let mut y = trochanter.max.y.max(outline.bbox.min.y + 1180.0);
    let mut checked = 0;
    while y < zone.bbox.max.y - 20.0 {
        let leg: Vec<f32> = crossings(&outline.rings, y)
            .into_iter()
            .filter(|x| (x - view.midline_x) * lateral > 0.0)
            .collect();
        let (inner, outer) = if lateral < 0.0 {
            (leg[leg.len() - 1], leg[0])
        } else {
            (leg[0], leg[leg.len() - 1])
        };
        let z = crossings(&zone.rings, y);
        let zone_mid = (z[0] + z[z.len() - 1]) / 2.0;
        let leg_mid = (inner + outer) / 2.0;
        assert!(
            (zone_mid - leg_mid) * lateral > 0.0,
            "{view_id}: at y {y} the pattern ({:.0}-{:.0}) lies on the outer half of the leg ({inner:.0} inner, {outer:.0} outer)",
            z[0],
            z[z.len() - 1]
        );
        if y < knee {
            let f = crossings(&region(&format!("{prefix}femur_left")).rings, y);
            if let (Some(a), Some(b)) = (f.first(), f.last()) {
                assert!(
                    (zone_mid - (a + b) / 2.0) * lateral > 0.0,
                    "{view_id}: at y {y} the pattern lies outside the femur"
                );
            }
        }
        checked += 1;
        y += 25.0;
    }
    assert!(checked > 10, "{checked} heights checked");
}

#[test]
fn the_gluteus_minimus_pattern_runs_down_the_outer_side_of_the_leg() {
    assert_runs_down_the_outer_leg("posterior", "", -1.0);
    assert_runs_down_the_outer_leg("anterior", "ant_", 1.0);
}

#[test]
fn every_referral_names_muscles_that_have_trigger_points_and_a_zone_drawn() {
    use bodywork_atlas::model::content::Paint;
    let atlas = load(&ContentSet::builtin()).unwrap();
    assert!(atlas.referrals.len() >= 5);
    let overlay = |paint: Paint, muscle: &str| {
        atlas.views.iter().any(|v| {
            v.regions.iter().any(|r| {
                v.is_overlay(r) && r.paint == Some(paint) && r.structure.as_deref() == Some(muscle)
            })
        })
    };
    for referral in &atlas.referrals {
        for muscle in &referral.muscles {
            let s = atlas
                .structure(muscle)
                .unwrap_or_else(|| panic!("{muscle}"));
            assert_eq!(s.kind, StructureKind::Muscle, "{muscle}");
            assert!(
                overlay(Paint::TriggerPoint, muscle),
                "{muscle} has its trigger points drawn"
            );
        }
        assert!(
            referral.muscles.iter().any(|m| overlay(Paint::Referral, m)),
            "{} has its referral zone drawn",
            referral.id
        );
        assert!(referral.sources.iter().any(|s| s == "travell_simons_v2"));
    }
    // And the other way: everything drawn on a referral layer has its text.
    for view in &atlas.views {
        for r in view.regions.iter().filter(|r| view.is_overlay(r)) {
            let muscle = r.structure.as_deref().unwrap();
            assert!(
                atlas.referral_for(muscle).is_some(),
                "{} names {muscle}",
                r.id
            );
        }
    }
    for id in [
        "piriformis",
        "gluteus_medius",
        "gluteus_minimus",
        "quadratus_lumborum",
        "semitendinosus",
        "semimembranosus",
        "biceps_femoris_long_head",
    ] {
        assert!(atlas.referral_for(id).is_some(), "{id} has a pattern");
    }
}

/// The middle of a region's extent across the line at `y`, if it crosses it.
fn mid_at(rings: &[bodywork_atlas::model::geometry::Polyline], y: f32) -> Option<f32> {
    let xs = crossings(rings, y);
    Some((xs.first()? + xs.last()?) / 2.0)
}

#[test]
fn dermatome_strips_lie_in_their_order_across_the_leg() {
    let atlas = load(&ContentSet::builtin()).unwrap();
    let view_of = |id: &str| &atlas.views[atlas.view_index(id).unwrap()];
    let region = |view: &str, id: &str| {
        let v = view_of(view);
        v.regions[v.region_index(id).unwrap_or_else(|| panic!("{id}"))].clone()
    };
    // Front view (the person's left leg is on the viewer's right: further right is further out).
    let (l4, l5) = (
        region("anterior", "ant_dermatome_l4_left"),
        region("anterior", "ant_dermatome_l5_left"),
    );
    let knee = region("anterior", "ant_patella_left").bbox;
    assert!(
        l4.bbox.min.y < knee.center().y && l4.bbox.max.y > knee.max.y,
        "L4 covers the front of the knee"
    );
    for y in [knee.max.y + 40.0, knee.max.y + 120.0, knee.max.y + 200.0] {
        let (a, b) = (mid_at(&l4.rings, y).unwrap(), mid_at(&l5.rings, y).unwrap());
        assert!(
            a < b,
            "at y {y}: L4 ({a:.0}) is inside L5 ({b:.0}) on the shin"
        );
    }
    let s1 = region("anterior", "ant_dermatome_s1_left");
    let foot = crossings(&l5.rings, s1.anchor.y);
    assert!(
        s1.anchor.x > *foot.last().unwrap(),
        "S1 is the outer edge of the foot, beyond L5 on its top"
    );
    assert!(l5.bbox.max.y > s1.bbox.min.y, "L5 reaches the foot");
    // Back view (the person's left leg on the viewer's left: further left is further out).
    let (l4, l5, s1, s2) = (
        region("posterior", "dermatome_l4_left"),
        region("posterior", "dermatome_l5_left"),
        region("posterior", "dermatome_s1_left"),
        region("posterior", "dermatome_s2_left"),
    );
    let femur = region("posterior", "femur_left").bbox;
    let heel = region("posterior", "calcaneus_left").bbox;
    assert!(
        s2.bbox.max.y <= femur.max.y + 20.0 && s2.bbox.height() > 0.6 * femur.height(),
        "S2 is a strip down the back of the thigh"
    );
    assert!(
        s1.bbox.min.y >= femur.max.y - 10.0 && s1.bbox.max.y > heel.min.y,
        "S1 runs from the back of the knee to the heel"
    );
    for y in [femur.max.y + 60.0, femur.max.y + 160.0, femur.max.y + 260.0] {
        let (a, b, c) = (
            mid_at(&l4.rings, y).unwrap(),
            mid_at(&s1.rings, y).unwrap(),
            mid_at(&l5.rings, y).unwrap(),
        );
        assert!(
            a > b && b > c,
            "at y {y}: L4 inner ({a:.0}), S1 the back of the calf ({b:.0}), L5 outer ({c:.0})"
        );
    }
    // Each strip is a dermatome structure with its facts.
    for root in ["l4", "l5", "s1", "s2"] {
        let s = atlas.structure(&format!("dermatome_{root}")).unwrap();
        assert_eq!(s.kind, StructureKind::Dermatome);
        let facts = s.dermatome.as_ref().unwrap();
        assert!(facts.disc.contains('L') || facts.disc.contains('S'));
        assert!(s.sources.iter().any(|id| id == "lee2008"));
    }
    let reflex = |root: &str| {
        atlas
            .structure(&format!("dermatome_{root}"))
            .unwrap()
            .dermatome
            .as_ref()
            .unwrap()
            .reflex
            .clone()
            .unwrap_or_default()
    };
    assert!(reflex("l4").contains("knee"));
    assert!(reflex("s1").contains("ankle"));
}

#[test]
fn a_dermatome_without_its_facts_is_reported() {
    let (_dir, result) = load_edited(
        "structures/muscles.ron",
        "        kind: Muscle,\n        summary: \"Another",
        "        kind: Dermatome,\n        summary: \"Another",
    );
    assert_one_error(&result, "muscles.ron", 15, 9, "is a dermatome but has no");
}

#[test]
fn the_hit_index_finds_what_trying_every_region_finds() {
    let mut atlas = load(&ContentSet::builtin()).unwrap();
    for view in &mut atlas.views {
        // The shipped views are small enough to go without; give them one to check it.
        view.hit_index = HitIndex::always(&view.regions, view.canvas_rect());
    }
    for view in &atlas.views {
        let canvas = view.canvas_rect();
        let mut hits = 0;
        // Every 7 diagram units across the canvas, and a little beyond its edges.
        let (w, h) = (canvas.width(), canvas.height());
        for iy in -2..=(h / 7.0) as i32 + 2 {
            for ix in -2..=(w / 7.0) as i32 + 2 {
                let p = pos2(ix as f32 * 7.0 + 0.3, iy as f32 * 7.0 + 0.6);
                for visible in [&(|_| true) as &dyn Fn(usize) -> bool, &|l| l % 2 == 0] {
                    let indexed = view.hit(p, visible);
                    assert_eq!(
                        indexed,
                        view.hit_by_scan(p, visible),
                        "{} at {p:?}",
                        view.id
                    );
                    hits += usize::from(indexed.is_some());
                }
            }
        }
        assert!(
            hits > 100,
            "{}: the grid of points hits regions ({hits})",
            view.id
        );
    }
}

#[test]
fn a_view_written_as_ron_reads_back_the_same() {
    use bodywork_atlas::model::content::{Canvas, Layer, Paint, Region, Side, View};
    let view = View {
        id: "v".into(),
        title: "A view".into(),
        order: 0,
        orientation: "Seen from behind".into(),
        artwork: None,
        canvas: Some(Canvas {
            width: 100.0,
            height: 200.0,
        }),
        midline_x: 50.0,
        layers: vec![Layer {
            id: "l".into(),
            title: "Layer".into(),
            visible: true,
            opacity: 1.0,
            image: None,
            fades_under: Vec::new(),
            exclusive: None,
            with_selection: false,
        }],
        regions: vec![Region {
            id: "r".into(),
            layer: Some("l".into()),
            side: Side::Midline,
            structure: None,
            zone: None,
            paint: Paint::Muscle,
            path: Some("M 1 1 L 9 1 L 9 9 Z".into()),
            label: None,
            mirror: None,
            attaches: Vec::new(),
        }],
        intro: Vec::new(),
    };
    let text = ron::to_string(&view).unwrap();
    assert!(
        !text.contains("Some("),
        "optional fields are written plainly: {text}"
    );
    let back: View = ron::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
    assert_eq!(back, view);
}
