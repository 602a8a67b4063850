//! Defects a new user ran into, each driven through the real window as a user would.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

mod common;

use bodywork_atlas::state::Selection;
use bodywork_atlas::{AtlasApp, StartOptions};
use common::app_harness;
use egui::accesskit::Role;
use egui::{Key, Modifiers, Rect};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

fn search(harness: &mut Harness<'_, AtlasApp>, text: &str) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness.get_by_role(Role::TextInput).type_text(text);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
}

#[test]
fn searching_a_group_opens_its_page_and_empties_the_search_box() {
    let mut harness = app_harness();
    search(&mut harness, "hip flexors");
    assert_eq!(
        harness.state().state().selection(),
        Some(&Selection::Structure("hip_flexors".into()))
    );
    harness.get_by_label("Hip flexors");
    harness.get_by_label("Stretches");
    assert_eq!(
        harness.get_by_role(Role::TextInput).value().as_deref(),
        Some(""),
        "the search box is ready for the next search"
    );
}

#[test]
fn related_chips_of_groups_open_their_pages() {
    let mut harness = app_harness();
    search(&mut harness, "semitendinosus");
    assert_eq!(harness.state().selected(), Some("semitendinosus_left"));
    harness.get_by_label("Hamstrings").click_accesskit();
    harness.run();
    assert_eq!(
        harness.state().state().selection(),
        Some(&Selection::Structure("hamstrings".into()))
    );
    harness.get_by_label("Self-massage");
}

#[test]
fn a_search_brings_the_muscle_into_view_at_a_useful_size() {
    let mut harness = app_harness();
    search(&mut harness, "piriformis");
    assert_eq!(harness.state().selected(), Some("piriformis_left"));
    let app = harness.state();
    let atlas = app.atlas().unwrap();
    let bbox = atlas
        .region(atlas.find_region("piriformis_left").unwrap())
        .unwrap()
        .bbox;
    let on_screen = app.screen_from_diagram().unwrap().mul_rect(bbox);
    assert!(
        on_screen.height() >= 60.0,
        "piriformis is {:.0} px tall",
        on_screen.height()
    );
    // Home brings back the whole figure.
    harness.key_press(Key::Home);
    harness.run();
    let app = harness.state();
    let whole = app.screen_from_diagram().unwrap().mul_rect(bbox);
    assert!(whole.height() < on_screen.height() / 3.0);
}

#[test]
fn a_new_selection_opens_its_page_at_the_top() {
    let mut harness = app_harness();
    search(&mut harness, "piriformis");
    // Read down to the sources at the bottom of the page.
    harness.get_by_label("Sources").scroll_to_me();
    harness.run();
    let panel_top = harness.get_by_label("Piriformis").rect().top();
    assert!(
        panel_top < 0.0 || panel_top < 60.0,
        "the page scrolled: {panel_top}"
    );
    search(&mut harness, "gluteus maximus");
    let heading = harness.get_by_label("Gluteus maximus");
    let top = heading.rect().top();
    assert!(
        (40.0..200.0).contains(&top),
        "the new page starts at its title (title at y = {top})"
    );
}

#[test]
fn source_addresses_are_links() {
    let mut harness = app_harness();
    search(&mut harness, "sciatic nerve");
    let links: Vec<_> = harness.query_all_by_role(Role::Link).collect();
    assert!(
        links
            .iter()
            .any(|l| l.value().is_some_and(|v| v.starts_with("https://"))
                || l.accesskit_node()
                    .label()
                    .is_some_and(|v| v.starts_with("https://"))),
        "a citation's address is a link"
    );
}

#[test]
fn f6_moves_keyboard_focus_to_the_diagram() {
    let mut harness = app_harness();
    harness.key_press(Key::F6);
    harness.run();
    harness.run();
    assert!(
        harness.state().selected().is_some(),
        "focus lands on a region, which selects it"
    );
}

fn small_window() -> Harness<'static, AtlasApp> {
    let mut harness = Harness::builder()
        .with_size([720.0, 480.0])
        .build_eframe(|cc| AtlasApp::new(cc, StartOptions::ephemeral()));
    harness.run();
    harness
}

#[test]
fn the_top_bar_fits_the_smallest_window_without_overlaps() {
    let harness = small_window();
    let rects: Vec<(&str, Rect)> = [
        ("View", harness.get_by_label("View").rect()),
        ("search", harness.get_by_role(Role::TextInput).rect()),
        ("Study zones", harness.get_by_label("Study zones").rect()),
        ("Guide", harness.get_by_label("Guide").rect()),
        ("Safety", harness.get_by_label("Safety").rect()),
        ("menu", harness.get_by_label("More…").rect()),
    ]
    .into();
    for (name, rect) in &rects {
        assert!(
            rect.left() >= 0.0 && rect.right() <= 720.0 && rect.width() > 10.0,
            "{name} is inside the window: {rect:?}"
        );
    }
    for (i, (a, ra)) in rects.iter().enumerate() {
        for (b, rb) in &rects[i + 1..] {
            assert!(!ra.intersects(*rb), "{a} {ra:?} overlaps {b} {rb:?}");
        }
    }
}

#[test]
fn long_structure_names_never_collide_with_their_buttons() {
    let mut harness = small_window();
    // The diagram moves if the side panel widens.
    let diagram_before = harness.get_by_label("Semitendinosus (left)").rect();
    // In a 720x480 window the structure list starts below the layers: scroll to it first.
    harness
        .get_by_label_contains("Superficial muscles (")
        .scroll_to_me();
    harness.run();
    harness
        .get_by_label_contains("Superficial muscles (")
        .click();
    harness.run();
    let buttons: Vec<Rect> = harness.query_all_by_label("L").map(|n| n.rect()).collect();
    assert!(!buttons.is_empty());
    let names: Vec<Rect> = harness
        .query_all_by_role(Role::Label)
        .filter(|n| n.accesskit_node().label().is_some_and(|l| l.len() > 12))
        .map(|n| n.rect())
        .collect();
    for b in &buttons {
        for n in &names {
            assert!(!b.intersects(*n), "button {b:?} and name {n:?}");
        }
    }
    assert_eq!(
        harness.get_by_label("Semitendinosus (left)").rect(),
        diagram_before,
        "the panel keeps its width when a group opens"
    );
}

fn app_with_pack(pack: &std::path::Path) -> Harness<'static, AtlasApp> {
    common::harness_with(StartOptions {
        content: bodywork_atlas::content::ContentSet::builtin().with_packs([pack.to_path_buf()]),
        ..StartOptions::ephemeral()
    })
}

#[test]
fn a_new_pack_adds_a_muscle_that_is_drawn_searchable_and_names_its_pack() {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("my-pack");
    bodywork_atlas::content::new_pack::write_starter_pack(&pack).unwrap();
    let mut harness = app_with_pack(&pack);
    assert!(
        harness.state().errors().is_empty(),
        "{:?}",
        harness.state().errors()
    );
    search(&mut harness, "adductor magnus");
    assert_eq!(harness.state().selected(), Some("adductor_magnus_left"));
    assert_eq!(harness.state().current_view().unwrap().id, "posterior");
    harness.get_by_label("Adductor magnus");
    harness.get_by_label_contains("From the content pack");
}

#[test]
fn a_typo_in_a_pack_shows_its_place_in_the_banner() {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("my-pack");
    bodywork_atlas::content::new_pack::write_starter_pack(&pack).unwrap();
    let file = pack.join("structures/adductor_magnus.ron");
    let text = std::fs::read_to_string(&file).unwrap();
    let typo = text.replacen("name:", "nmae:", 1);
    std::fs::write(&file, &typo).unwrap();
    let offset = typo.find("nmae:").unwrap();
    let line = typo[..offset].lines().count() + usize::from(typo[..offset].ends_with('\n'));
    let harness = app_with_pack(&pack);
    let errors = harness.state().errors();
    assert_eq!(errors.len(), 1, "{errors:?}");
    let shown = errors[0].to_string();
    assert!(
        shown.contains(&format!("adductor_magnus.ron:{line}:")),
        "{shown} names the file and line {line}"
    );
    harness.get_by_label_contains(&format!("adductor_magnus.ron:{line}:"));
    assert!(
        harness.state().atlas().is_some(),
        "the built-in content is still shown"
    );
}
