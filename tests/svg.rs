//! Views drawn in an SVG file with a RON sidecar: what loads, and each kind of mistake an
//! illustrator or content author makes, reported at its file:line:column.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

mod common;

use bodywork_atlas::content::{ContentError, ContentSet, load};
use bodywork_atlas::model::content::Side;
use egui::pos2;

/// The minimal fixture with its view replaced by the artwork fixture's SVG and sidecar, after
/// `from` was replaced by `to` in `file`.
fn load_with(
    file: &str,
    from: &str,
    to: &str,
) -> (
    tempfile::TempDir,
    Result<bodywork_atlas::model::Atlas, Vec<ContentError>>,
) {
    let (dir, data) = common::edited_fixture(&["minimal", "artwork"], &[], (file, from, to));
    let result = load(&ContentSet::only(&data));
    (dir, result)
}

fn one_error(
    result: &Result<bodywork_atlas::model::Atlas, Vec<ContentError>>,
    file: &str,
    line: usize,
    column: usize,
    words: &str,
) {
    let errors = result.as_ref().expect_err("the broken content is rejected");
    common::assert_one_error(errors, file, (line, column), words);
}

#[test]
fn a_view_drawn_in_svg_loads_its_layers_regions_mirrors_and_decoration() {
    let (_dir, result) = load_with("views/test.ron", "Test view", "Test view");
    let atlas = result.unwrap();
    let view = &atlas.views[atlas.view_index("test").unwrap()];
    assert_eq!((view.canvas.width, view.canvas.height), (100.0, 100.0));
    let ids: Vec<&str> = view.regions.iter().map(|r| r.id.as_str()).collect();
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
        ],
        "the SVG's document order, layer by layer"
    );
    let alpha_right = &view.regions[1];
    assert_eq!(alpha_right.side, Side::Right);
    assert_eq!(alpha_right.structure.as_deref(), Some("alpha"));
    assert_eq!(view.regions[0].twin, Some(1), "mirror partners are linked");
    // The <use> copy is mirrored: it covers x = 60..90.
    assert!(alpha_right.contains(pos2(75.0, 25.0)));
    assert!(!alpha_right.contains(pos2(25.0, 25.0)));
    // The fold is decoration: drawn with its own stroke, never clicked.
    let fold = &view.regions[3];
    assert!(!fold.is_selectable());
    assert!(fold.art.as_ref().unwrap().stroke.is_some());
    // A circle inside a group named as the region is the region; hit-testing finds it.
    let spot = view.hit(pos2(10.0, 65.0), |_| true).unwrap();
    assert_eq!(view.regions[spot].id, "spot_left");
    assert_eq!(view.regions[spot].zone.as_deref(), Some("spot"));
    // The U's notch is outside (the SVG path keeps its concave shape).
    assert!(view.hit(pos2(50.0, 70.0), |_| true).is_none());
}

#[test]
fn a_region_missing_from_the_artwork_is_reported_in_the_sidecar() {
    let (_dir, result) = load_with("views/test.svg", "id=\"u_shape\"", "id=\"u_shape_renamed\"");
    one_error(
        &result,
        "views/test.ron",
        16,
        16,
        "region \"u_shape\" has no element with id=\"u_shape\"",
    );
}

#[test]
fn a_missing_mirror_copy_is_reported_at_the_mirror_field() {
    let (_dir, result) = load_with("views/test.svg", "id=\"beta_right\"", "id=\"beta_other\"");
    one_error(
        &result,
        "views/test.ron",
        15,
        29,
        "region \"beta_right\" has no element",
    );
}

#[test]
fn a_shape_outside_every_layer_is_reported_at_its_line_in_the_svg() {
    let (_dir, result) = load_with(
        "views/test.svg",
        "  <g id=\"high\"",
        "  <rect id=\"stray\" x=\"1\" y=\"1\" width=\"2\" height=\"2\" fill=\"red\"/>\n  <g id=\"high\"",
    );
    one_error(
        &result,
        "views/test.svg",
        11,
        3,
        "element \"stray\" lies outside every layer",
    );
}

#[test]
fn a_group_that_is_not_a_layer_of_the_view_is_reported() {
    let (_dir, result) = load_with("views/test.svg", "<g id=\"high\"", "<g id=\"hihg\"");
    let errors = result.unwrap_err();
    let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(
        shown
            .iter()
            .any(|e| e.contains("test.svg:11:3") && e.contains("\"hihg\" is not a layer")),
        "{shown:#?}"
    );
}

#[test]
fn broken_xml_is_reported_at_its_position() {
    let (_dir, result) = load_with("views/test.svg", "<path id=\"fold\"", "<path id=\"fold");
    let errors = result.unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(errors[0].location.file.ends_with("views/test.svg"));
    assert_eq!(errors[0].location.line, 7, "{}", errors[0]);
    assert!(errors[0].to_string().contains("does not parse"));
}

#[test]
fn a_region_without_a_fill_cannot_be_clicked_and_says_so() {
    let (_dir, result) = load_with(
        "views/test.svg",
        "d=\"M 20 20 L 30 20 L 30 30 L 20 30 Z\" fill=\"#a53c3c\"",
        "d=\"M 20 20 L 30 20 L 30 30 L 20 30 Z\" fill=\"none\" stroke=\"black\"",
    );
    let errors = result.unwrap_err();
    let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(
        shown
            .iter()
            .any(|e| e.contains("test.svg:12:5") && e.contains("\"beta_left\" has no fill")),
        "{shown:#?}"
    );
}

#[test]
fn a_canvas_that_disagrees_with_the_artwork_is_reported() {
    let (_dir, result) = load_with(
        "views/test.ron",
        "    artwork: \"test.svg\",",
        "    artwork: \"test.svg\",\n    canvas: (width: 200, height: 100),",
    );
    one_error(
        &result,
        "views/test.ron",
        6,
        5,
        "differs from the artwork's size",
    );
}

#[test]
fn artwork_names_must_stay_in_the_views_folder() {
    let (_dir, result) = load_with(
        "views/test.ron",
        "artwork: \"test.svg\"",
        "artwork: \"../safety.svg\"",
    );
    one_error(&result, "views/test.ron", 5, 14, "no folders");
}

#[test]
fn shapes_off_the_canvas_are_reported_with_their_id() {
    let (_dir, result) = load_with(
        "views/test.svg",
        "d=\"M 45 95 L 55 95\"",
        "d=\"M 45 95 L 155 95\"",
    );
    one_error(&result, "views/test.svg", 7, 5, "\"fold\": point (155, 95)");
}
