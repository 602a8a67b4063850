//! Consultation mode, driven through the state and through the real window: entering and
//! leaving gives back exactly what was there; markers are placed, edited, moved and deleted
//! where the client points, and stay attached to the body under zoom and pan.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

mod common;

use bodywork_atlas::content::{ContentSet, load};
use bodywork_atlas::session::{PainKind, RegionMark, SelfCare};
use bodywork_atlas::state::{
    AppState, Camera, Command, ConsultCommand as C, MarkerEdit, Mode, Preferences, RegionEvent,
    Tool, UserData,
};
use common::{app_harness, click_at, hit_point};
use egui_kittest::kittest::Queryable as _;
use emath::{Rect, pos2, vec2};

fn state() -> AppState {
    let mut state = AppState::new(Preferences::default(), UserData::default(), 7);
    state.set_content(load(&ContentSet::builtin()));
    state.apply(Command::SetViewport(Rect::from_min_size(
        pos2(0.0, 40.0),
        vec2(1200.0, 960.0),
    )));
    state
}

fn anchor(state: &AppState, region: &str) -> emath::Pos2 {
    let atlas = state.atlas.clone().unwrap();
    atlas
        .region(atlas.find_region(region).unwrap())
        .unwrap()
        .anchor
}

#[test]
fn leaving_consultation_mode_gives_back_view_camera_layers_and_selection() {
    let mut s = state();
    s.apply(Command::ShowView("posterior".into()));
    s.apply(Command::Reveal("semitendinosus_left".into()));
    s.apply(Command::SetLayerVisible {
        view: "posterior".into(),
        layer: "nerves".into(),
        visible: false,
    });
    let (prefs, cameras, selection, serial) = (
        s.prefs.clone(),
        s.cameras.clone(),
        s.selection().cloned(),
        s.selection_serial(),
    );
    s.apply(Command::StartConsult(None));
    assert!(matches!(s.mode, Mode::Consult(_)));
    // Everything a consultation may change.
    s.apply(Command::ShowView("anterior".into()));
    s.apply(Command::SetLayerVisible {
        view: "posterior".into(),
        layer: "deep".into(),
        visible: true,
    });
    s.apply(Command::SetCamera(Camera {
        zoom: 3.0,
        center: pos2(500.0, 1000.0),
    }));
    s.apply(Command::Region(RegionEvent::Activated(
        "rectus_femoris_left".into(),
    )));
    assert_eq!(s.selected_region(), Some("rectus_femoris_left"));
    s.apply(Command::EndConsult);
    assert!(matches!(s.mode, Mode::Browse));
    assert_eq!(s.prefs, prefs);
    assert_eq!(s.cameras, cameras);
    assert_eq!(s.selection().cloned(), selection);
    assert_eq!(
        s.selection_serial(),
        serial,
        "the detail page keeps its place"
    );
}

#[test]
fn a_marker_records_the_region_and_side_it_falls_on() {
    let mut s = state();
    s.apply(Command::StartConsult(None));
    let at = anchor(&s, "gluteus_maximus_right");
    s.apply(Command::Consult(C::PlaceMarker {
        at,
        kind: PainKind::Burning,
    }));
    let c = s.consult().unwrap();
    let m = &c.session.markers[0];
    assert_eq!(m.region.as_deref(), Some("gluteus_maximus_right"));
    assert_eq!(m.side, bodywork_atlas::model::content::Side::Right);
    assert_eq!(c.selected_marker, Some(0), "a new marker is ready to edit");
    // Moving it to the thigh takes the thigh's region.
    let thigh = anchor(&s, "biceps_femoris_long_head_right");
    s.apply(Command::Consult(C::MoveMarker {
        index: 0,
        at: thigh,
    }));
    let m = &s.consult().unwrap().session.markers[0];
    assert_eq!(m.region.as_deref(), Some("biceps_femoris_long_head_right"));
    // Zoom and pan never move a marker: it stays on the same point of the body.
    s.apply(Command::SetCamera(Camera {
        zoom: 4.0,
        center: thigh,
    }));
    assert_eq!(s.consult().unwrap().session.markers[0].pos(), thigh);
}

#[test]
fn pen_strokes_undo_and_clear_and_clear_can_be_undone() {
    let mut s = state();
    s.apply(Command::StartConsult(None));
    let stroke = |s: &mut AppState, y: f32| {
        s.apply(Command::Consult(C::Stroke(vec![
            pos2(400.0, y),
            pos2(450.0, y + 30.0),
        ])));
    };
    stroke(&mut s, 900.0);
    stroke(&mut s, 1000.0);
    let strokes = |s: &AppState| s.consult().unwrap().session.strokes.len();
    assert_eq!(strokes(&s), 2);
    s.apply(Command::Consult(C::UndoStroke));
    assert_eq!(strokes(&s), 1);
    s.apply(Command::Consult(C::ClearStrokes));
    assert_eq!(strokes(&s), 0);
    s.apply(Command::Consult(C::UndoStroke));
    assert_eq!(strokes(&s), 1, "undo brings back what was cleared");
    s.apply(Command::Consult(C::Stroke(vec![pos2(1.0, 1.0)])));
    assert_eq!(strokes(&s), 1, "a single point is not a stroke");
}

#[test]
fn regions_to_treat_and_avoid_are_marked_by_clicking_with_their_tool() {
    let mut s = state();
    s.apply(Command::StartConsult(None));
    s.apply(Command::Consult(C::Tool(Tool::Treat)));
    s.apply(Command::Region(RegionEvent::Activated(
        "gluteus_maximus_right".into(),
    )));
    s.apply(Command::Consult(C::Tool(Tool::Avoid)));
    s.apply(Command::Region(RegionEvent::Activated(
        "semitendinosus_right".into(),
    )));
    let session = &s.consult().unwrap().session;
    assert_eq!(
        session.region_mark("gluteus_maximus_right"),
        Some(RegionMark::Treat)
    );
    assert_eq!(
        session.region_mark("semitendinosus_right"),
        Some(RegionMark::Avoid)
    );
    assert_eq!(s.selected_region(), None, "marking does not select");
    s.apply(Command::Consult(C::ToggleSelfCare(SelfCare::SelfMassage(
        "piriformis".into(),
    ))));
    assert_eq!(s.consult().unwrap().session.self_care.len(), 1);
}

#[test]
fn in_the_window_consult_enters_full_screen_and_leaving_restores_the_atlas() {
    let mut harness = app_harness();
    let at = hit_point(&harness, "gluteus_maximus_left");
    click_at(&mut harness, at);
    assert_eq!(harness.state().selected(), Some("gluteus_maximus_left"));
    let view_before = harness.state().current_view().unwrap().id.clone();
    let transform_before = harness.state().screen_from_diagram().unwrap();
    let viewport_before = harness.state().state().viewport;
    harness.get_by_label("Consult").click();
    harness.run();
    assert!(matches!(harness.state().state().mode, Mode::Consult(_)));
    assert!(
        harness.query_by_label("Names on the diagram").is_none(),
        "the layer panel is collapsed"
    );
    harness.get_by_label("Leave consultation");
    // The diagram has more of the window.
    let viewport = harness.state().state().viewport;
    assert!(
        viewport.area() > viewport_before.area() * 1.2,
        "{viewport:?} vs {viewport_before:?}"
    );
    harness
        .state_mut()
        .apply(Command::ShowView("anterior".into()));
    harness.run();
    harness.get_by_label("Leave consultation").click();
    harness.run();
    harness.run();
    assert!(matches!(harness.state().state().mode, Mode::Browse));
    assert_eq!(harness.state().current_view().unwrap().id, view_before);
    assert_eq!(harness.state().selected(), Some("gluteus_maximus_left"));
    harness.get_by_label("Names on the diagram");
    assert_eq!(
        harness.state().screen_from_diagram().unwrap(),
        transform_before
    );
}

#[test]
fn in_the_window_a_marker_is_placed_where_clicked_and_edited_in_the_panel() {
    let mut harness = app_harness();
    harness.get_by_label("Consult").click();
    harness.run();
    harness.get_by_label("Mark pain").click();
    harness.run();
    let target = hit_point(&harness, "gluteus_maximus_right");
    click_at(&mut harness, target);
    let app = harness.state();
    let c = app.state().consult().unwrap();
    assert_eq!(c.session.markers.len(), 1, "one click, one marker");
    let m = &c.session.markers[0];
    assert_eq!(m.region.as_deref(), Some("gluteus_maximus_right"));
    let placed = app.screen_from_diagram().unwrap().mul_pos(m.pos());
    assert!(placed.distance(target) < 1.0, "{placed:?} vs {target:?}");
    // Edit it: the kind from the panel.
    harness.get_by_label("Kind of marker 1").click();
    harness.run();
    harness.get_by_label("Burning").click();
    harness.run();
    let app = harness.state();
    assert_eq!(
        app.state().consult().unwrap().session.markers[0].kind,
        PainKind::Burning
    );
    // A click on the marker selects it rather than placing another.
    click_at(&mut harness, target);
    assert_eq!(
        harness
            .state()
            .state()
            .consult()
            .unwrap()
            .session
            .markers
            .len(),
        1
    );
    harness.get_by_label("Delete marker 1").click();
    harness.run();
    assert!(
        harness
            .state()
            .state()
            .consult()
            .unwrap()
            .session
            .markers
            .is_empty()
    );
}

#[test]
fn intensity_is_edited_with_the_slider_and_kept_in_range() {
    let mut s = state();
    s.apply(Command::StartConsult(None));
    let at = anchor(&s, "gluteus_maximus_right");
    s.apply(Command::Consult(C::PlaceMarker {
        at,
        kind: PainKind::Ache,
    }));
    s.apply(Command::Consult(C::EditMarker {
        index: 0,
        edit: MarkerEdit::Intensity(42),
    }));
    assert_eq!(s.consult().unwrap().session.markers[0].intensity, 10);
    // Escape lets go of the marker being edited; the marker stays.
    s.apply(Command::ClearSelection);
    let c = s.consult().unwrap();
    assert_eq!((c.selected_marker, c.session.markers.len()), (None, 1));
}

#[test]
fn in_the_smallest_window_the_session_panel_is_never_under_the_diagram() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/session.ron");
    let session = bodywork_atlas::session::file::read(&path, None).unwrap();
    let mut harness = egui_kittest::Harness::builder()
        .with_size([720.0, 480.0])
        .build_eframe(move |cc| {
            bodywork_atlas::AtlasApp::new(
                cc,
                bodywork_atlas::StartOptions {
                    consult: Some(session.clone()),
                    ..bodywork_atlas::StartOptions::ephemeral()
                },
            )
        });
    harness.run();
    harness.run();
    let diagram = harness.state().state().viewport;
    for label in ["Client", "Date"] {
        let field = harness
            .get_by_role_and_label(egui::accesskit::Role::TextInput, label)
            .rect();
        assert!(
            field.left() >= diagram.right() && field.right() <= 720.5,
            "{label} field {field:?} beside the diagram {diagram:?}"
        );
    }
}

#[test]
fn in_the_window_keys_1_to_5_pick_the_consultation_tools() {
    let mut harness = app_harness();
    // Outside consultation mode the keys do nothing of the kind.
    harness.key_press(egui::Key::Num2);
    harness.run();
    assert!(matches!(harness.state().state().mode, Mode::Browse));
    harness.get_by_label("Consult").click();
    harness.run();
    let tool = |h: &egui_kittest::Harness<'_, bodywork_atlas::AtlasApp>| {
        h.state().state().consult().unwrap().tool
    };
    assert_eq!(tool(&harness), Tool::Point);
    for (key, expected) in [
        (egui::Key::Num2, Tool::Mark),
        (egui::Key::Num3, Tool::Pen),
        (egui::Key::Num4, Tool::Treat),
        (egui::Key::Num5, Tool::Avoid),
        (egui::Key::Num1, Tool::Point),
    ] {
        harness.key_press(key);
        harness.run();
        assert_eq!(tool(&harness), expected, "after {key:?}");
    }
    // With the Mark pain tool picked by its key, a click places a marker.
    harness.key_press(egui::Key::Num2);
    harness.run();
    let target = hit_point(&harness, "gluteus_maximus_right");
    click_at(&mut harness, target);
    let markers = &harness.state().state().consult().unwrap().session.markers;
    assert_eq!(markers.len(), 1);
}
