//! Interaction tests: the app built from the library, driven like a user would.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

mod common;

use bodywork_atlas::AtlasApp;
use bodywork_atlas::content::ContentSet;
use common::{app_harness, click_at, copy_dir};
use egui::accesskit::Role;
use egui::{Key, Modifiers, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// Screen point of a region's interior anchor, as currently drawn.
fn screen_point(harness: &Harness<'_, AtlasApp>, region_id: &str) -> Pos2 {
    let app = harness.state();
    let atlas = app.atlas().expect("content loads");
    let r = atlas.find_region(region_id).expect("region exists");
    let anchor = atlas.region(r).unwrap().anchor;
    app.screen_from_diagram().unwrap().mul_pos(anchor)
}

fn set_layer(harness: &mut Harness<'_, AtlasApp>, title: &str, on: bool) {
    let shown = |harness: &Harness<'_, AtlasApp>| {
        let app = harness.state();
        let view = app.current_view().unwrap();
        let layer = view
            .layers
            .iter()
            .position(|l| l.title == title)
            .expect("layer exists");
        app.prefs().layer_shown(view, layer)
    };
    if shown(harness) != on {
        harness.get_by_label(title).click();
        harness.run();
    }
    assert_eq!(shown(harness), on, "the checkbox {title} toggles the layer");
}

#[test]
fn clicking_the_piriformis_with_the_deep_layer_on_shows_it() {
    let mut harness = app_harness();
    set_layer(&mut harness, "Deep muscles", true);
    let pos = screen_point(&harness, "piriformis_left");
    click_at(&mut harness, pos);
    assert_eq!(harness.state().selected(), Some("piriformis_left"));
    harness.get_by_label("Piriformis");
    harness.get_by_label("Left side · Muscle · Deep muscles");
    harness.get_by_label("Self-massage");
}

#[test]
fn hiding_a_layer_removes_its_regions_from_hit_testing() {
    let mut harness = app_harness();
    set_layer(&mut harness, "Deep muscles", true);
    let pos = screen_point(&harness, "piriformis_left");
    set_layer(&mut harness, "Deep muscles", false);
    click_at(&mut harness, pos);
    assert_eq!(
        harness.state().selected(),
        Some("gluteus_maximus_left"),
        "with the deep layer hidden, the gluteus maximus above it is hit"
    );
}

#[test]
fn hovering_shows_a_tooltip_with_name_and_side() {
    let mut harness = app_harness();
    let pos = screen_point(&harness, "gluteus_maximus_right");
    harness.hover_at(pos);
    harness.run();
    harness.get_by_label("Right side · Superficial muscles");
    assert_eq!(harness.state().selected(), None, "hover does not select");
}

#[test]
fn search_selects_and_reveals_the_region() {
    let mut harness = app_harness();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness.get_by_role(Role::TextInput).type_text("piri");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().selected(), Some("piriformis_left"));
    let app = harness.state();
    let view = app.current_view().unwrap();
    let deep = view.layer_index("deep").unwrap();
    assert!(
        app.prefs().layer_shown(view, deep),
        "search turns on the layer it needs"
    );
    harness.get_by_label("Piriformis");
}

#[test]
fn escape_clears_the_selection() {
    let mut harness = app_harness();
    let pos = screen_point(&harness, "semitendinosus_left");
    click_at(&mut harness, pos);
    assert_eq!(harness.state().selected(), Some("semitendinosus_left"));
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(harness.state().selected(), None);
}

#[test]
fn regions_have_accessible_labels_and_can_be_activated() {
    let mut harness = app_harness();
    harness
        .get_by_label("Semitendinosus (left)")
        .click_accesskit();
    harness.run();
    assert_eq!(harness.state().selected(), Some("semitendinosus_left"));
}

#[test]
fn switching_to_the_front_view_shows_the_psoas() {
    let mut harness = app_harness();
    harness.get_by_label("Body, front view").click();
    harness.run();
    assert_eq!(harness.state().current_view().unwrap().id, "anterior");
    set_layer(&mut harness, "Deep muscles", true);
    let pos = screen_point(&harness, "ant_psoas_major_left");
    click_at(&mut harness, pos);
    assert_eq!(harness.state().selected(), Some("ant_psoas_major_left"));
    harness.get_by_label("Psoas major");
}

#[test]
fn broken_content_keeps_the_last_good_state_and_shows_the_error_once() {
    let mut harness = app_harness();
    let pos = screen_point(&harness, "semitendinosus_left");
    click_at(&mut harness, pos);

    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data"),
        &dir.path().join("data"),
    );
    let views = dir.path().join("data/views/posterior.ron");
    let text = std::fs::read_to_string(&views)
        .unwrap()
        .replacen("layers:", "layerz:", 1);
    std::fs::write(&views, text).unwrap();
    harness
        .state_mut()
        .set_content(ContentSet::only(&dir.path().join("data")));
    harness.run();

    let app = harness.state();
    assert_eq!(app.errors().len(), 1, "{:?}", app.errors());
    assert!(app.atlas().is_some(), "the last good content stays");
    assert_eq!(
        app.selected(),
        Some("semitendinosus_left"),
        "the selection stays"
    );
    let banner: Vec<_> = harness
        .query_all_by_label_contains("posterior.ron:")
        .collect();
    assert_eq!(banner.len(), 1, "the error is shown once");
}

#[test]
fn arrow_keys_and_tab_move_between_regions() {
    let mut harness = app_harness();
    let start = "semitendinosus_left";
    harness.get_by_label("Semitendinosus (left)").focus();
    harness.run();
    assert_eq!(harness.state().selected(), Some(start), "focus selects");
    let anchor = |harness: &Harness<'_, AtlasApp>, id: &str| {
        let atlas = harness.state().atlas().unwrap();
        atlas.region(atlas.find_region(id).unwrap()).unwrap().anchor
    };
    harness.key_press(Key::ArrowRight);
    harness.run();
    let right = harness.state().selected().unwrap().to_owned();
    assert_ne!(right, start);
    assert!(
        anchor(&harness, &right).x > anchor(&harness, start).x,
        "{right} lies to the right"
    );
    harness.key_press(Key::ArrowDown);
    harness.run();
    let down = harness.state().selected().unwrap().to_owned();
    assert!(
        anchor(&harness, &down).y > anchor(&harness, &right).y,
        "{down} lies below {right}"
    );
    harness.key_press(Key::Tab);
    harness.run();
    assert_ne!(
        harness.state().selected(),
        Some(down.as_str()),
        "Tab moves on"
    );
}

/// The posterior layers shown, among the sciatic nerve's courses.
fn courses_shown(harness: &Harness<'_, AtlasApp>) -> Vec<String> {
    let app = harness.state();
    let view = app.current_view().unwrap();
    (0..view.layers.len())
        .filter(|&i| view.layers[i].exclusive.as_deref() == Some("sciatic_course"))
        .filter(|&i| app.prefs().layer_shown(view, i))
        .map(|i| view.layers[i].id.clone())
        .collect()
}

#[test]
fn the_courses_of_the_sciatic_nerve_are_one_entry_with_a_choice_each() {
    let mut harness = app_harness();
    assert!(
        harness
            .query_by_label("Sciatic nerve: all above piriformis (<5%)")
            .is_none(),
        "no checkbox per course"
    );
    harness.get_by_label("all above piriformis (<5%)").click();
    harness.run();
    assert_eq!(courses_shown(&harness), ["nerves_above"]);
    harness
        .get_by_label("one division through piriformis (10%)")
        .click();
    harness.run();
    assert_eq!(courses_shown(&harness), ["nerves_through"]);
    // The group's own toggle hides the course shown and brings the same one back.
    harness.get_by_label("Sciatic nerve").click();
    harness.run();
    assert!(courses_shown(&harness).is_empty());
    harness.get_by_label("Sciatic nerve").click();
    harness.run();
    assert_eq!(courses_shown(&harness), ["nerves_through"]);
    // One opacity slider for the group.
    assert_eq!(
        harness
            .query_all_by_label("Opacity of Sciatic nerve")
            .count(),
        1
    );
}

#[test]
fn layers_from_the_command_line_show_one_course_of_a_group() {
    let harness = common::harness_with(bodywork_atlas::StartOptions {
        layers: Some(vec!["skin".into(), "nerves".into(), "nerves_split".into()]),
        ..bodywork_atlas::StartOptions::ephemeral()
    });
    assert_eq!(courses_shown(&harness), ["nerves_split"]);
}

#[test]
fn a_muscles_page_shows_its_referred_pain_as_a_clinical_pattern() {
    let mut harness = app_harness();
    harness
        .state_mut()
        .apply(bodywork_atlas::state::Command::Reveal(
            "gluteus_minimus_left".into(),
        ));
    harness.run();
    harness.get_by_label("Referred pain");
    harness.get_by_label_contains("Clinical pattern, not proof. ");
    harness.get_by_label_contains("disagree on where trigger points are (Lucas");
    harness.get_by_label("Unlike sciatica");
    harness
        .get_by_label("Show the whole pattern")
        .scroll_to_me();
    harness.run();
    harness.get_by_label("Show the whole pattern").click();
    for _ in 0..40 {
        harness.run();
    }
    let app = harness.state();
    let atlas = app.atlas().unwrap();
    let zone = atlas
        .region(
            atlas
                .find_region("referral_gluteus_minimus_zone_left")
                .unwrap(),
        )
        .unwrap()
        .bbox;
    let on_screen = app.screen_from_diagram().unwrap().mul_rect(zone);
    assert!(
        app.state().viewport.expand(1.0).contains_rect(on_screen),
        "the whole pattern is in view: {on_screen:?}"
    );
}

#[test]
fn clicking_a_dermatome_strip_opens_its_root() {
    let mut harness = app_harness();
    harness.get_by_label("Body, front view").click();
    harness.run();
    set_layer(
        &mut harness,
        "Dermatomes L4-S2 (after Lee et al. 2008)",
        true,
    );
    let pos = common::hit_point(&harness, "ant_dermatome_l5_left");
    click_at(&mut harness, pos);
    assert_eq!(harness.state().selected(), Some("ant_dermatome_l5_left"));
    harness.get_by_label("L5 dermatome");
    harness.get_by_label("Nerve root");
    harness.get_by_label("Heel and toe walking");
    harness.get_by_label_contains("extensor hallucis longus");
}

#[test]
fn a_window_asked_to_close_draws_nothing_more() {
    let mut harness = app_harness();
    harness.get_by_label("Layers");
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.step();
    // The frame that closes does no work, so a slow diagram cannot hold the close back.
    assert!(harness.query_by_label("Layers").is_none());
    assert!(harness.query_by_label_contains("Piriformis").is_none());
}
