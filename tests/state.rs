//! The state layer without a window: commands in, state out. Each test is a defect a user met
//! or a rule a mode keeps.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

use bodywork_atlas::content::{ContentSet, load};
use bodywork_atlas::model::quiz::Question;
use bodywork_atlas::state::{
    AppState, Command, Effect, Mode, Preferences, RegionEvent, Selection, UserData,
};
use emath::{Rect, pos2, vec2};

fn state() -> AppState {
    let mut state = AppState::new(Preferences::default(), UserData::default(), 7);
    state.set_content(load(&ContentSet::builtin()));
    assert!(state.atlas.is_some(), "{:?}", state.errors);
    // The diagram's place in a 1600x1000 window with both side panels.
    state.apply(Command::SetViewport(Rect::from_min_size(
        pos2(230.0, 40.0),
        vec2(970.0, 960.0),
    )));
    state
}

fn activate(state: &mut AppState, id: &str) -> Option<Effect> {
    state.apply(Command::Region(RegionEvent::Activated(id.into())))
}

#[test]
fn in_browse_mode_a_click_selects_and_a_click_on_nothing_clears() {
    let mut s = state();
    activate(&mut s, "piriformis_left");
    assert_eq!(s.selected_region(), Some("piriformis_left"));
    assert_eq!(s.selected_structure().unwrap().id, "piriformis");
    s.apply(Command::Region(RegionEvent::ActivatedNothing));
    assert_eq!(s.selection(), None);
}

#[test]
fn every_new_selection_gets_a_new_serial_so_the_page_starts_at_the_top() {
    let mut s = state();
    activate(&mut s, "piriformis_left");
    let first = s.selection_serial();
    activate(&mut s, "piriformis_left");
    assert_eq!(
        s.selection_serial(),
        first,
        "the same selection keeps its place"
    );
    activate(&mut s, "gluteus_maximus_left");
    assert_ne!(s.selection_serial(), first);
}

#[test]
fn revealing_a_muscle_zooms_until_it_is_large_enough_to_read() {
    let mut s = state();
    let view = s.atlas.clone().unwrap();
    let r = view.find_region("piriformis_left").unwrap();
    let bbox = view.region(r).unwrap().bbox;
    let before = s.screen_from_diagram().unwrap().mul_rect(bbox);
    s.apply(Command::Reveal("piriformis_left".into()));
    let camera = s.camera(s.current_view().unwrap());
    assert!(camera.animate, "the app's own camera moves glide");
    let after = s.screen_from_diagram().unwrap().mul_rect(bbox);
    assert!(
        after.height() >= 60.0 && after.height() > 4.0 * before.height(),
        "piriformis is {:.0} px tall after the search ({:.0} before)",
        after.height(),
        before.height()
    );
    assert!(
        s.viewport.contains_rect(after),
        "{after:?} in {:?}",
        s.viewport
    );
    s.apply(Command::ResetCamera);
    let reset = s.screen_from_diagram().unwrap().mul_rect(bbox);
    assert!(
        (reset.height() - before.height()).abs() < 0.5,
        "Home restores the whole figure"
    );
}

#[test]
fn group_entries_open_as_pages_from_search_and_links() {
    let mut s = state();
    let atlas = s.atlas.clone().unwrap();
    for (query, id) in [("hip flexors", "hip_flexors"), ("hamstrings", "hamstrings")] {
        let hits = atlas.search_all(query);
        assert!(
            hits.iter().any(
                |h| matches!(h, bodywork_atlas::model::SearchHit::Structure(i)
                if atlas.structures[*i].id == id)
            ),
            "search {query:?} finds the {id} page: {hits:?}"
        );
        s.apply(Command::OpenStructure(id.into()));
        assert_eq!(s.selection(), Some(&Selection::Structure(id.into())));
        assert_eq!(s.selected_structure().unwrap().id, id);
    }
    // Every structure opens something: its region, or its own page.
    for structure in &atlas.structures {
        s.apply(Command::OpenStructure(structure.id.clone()));
        assert_eq!(
            s.selected_structure().map(|st| st.id.as_str()),
            Some(structure.id.as_str()),
            "{} opens",
            structure.id
        );
    }
}

#[test]
fn study_conceals_names_for_every_question_type_until_it_is_answered() {
    let mut s = state();
    s.apply(Command::StartStudy);
    let Mode::Study(_) = s.mode else {
        panic!("study mode starts")
    };
    let mut kinds = (0, 0);
    while let Some(question) = s.mode.quiz().and_then(|q| q.question()).cloned() {
        assert!(
            s.conceals_names(),
            "names hidden before the answer: {question:?}"
        );
        match &question {
            Question::Find(target) => {
                kinds.0 += 1;
                let atlas = s.atlas.clone().unwrap();
                let region = atlas
                    .regions_of_zones(&[target.zone.as_str()], Some(target.side))
                    .into_iter()
                    .find(|r| atlas.views[r.view].id == target.view)
                    .unwrap();
                let id = atlas.region(region).unwrap().id.clone();
                s.apply(Command::Region(RegionEvent::Focused(id.clone())));
                assert!(s.conceals_names(), "focus gives nothing away");
                activate(&mut s, &id);
            }
            Question::Identify { .. } => {
                kinds.1 += 1;
                let _ = s.apply(Command::StudyChoice(0));
            }
        }
        assert!(!s.conceals_names(), "names shown once answered");
        s.apply(Command::StudyNext);
    }
    assert!(
        kinds.0 > 0 && kinds.1 > 0,
        "both kinds were asked: {kinds:?}"
    );
    assert_eq!(s.user.study.rounds, 1, "the round is recorded");
    s.apply(Command::EndStudy);
    assert!(matches!(s.mode, Mode::Browse) && !s.conceals_names());
}

#[test]
fn a_finished_round_asks_for_the_user_data_to_be_saved() {
    let mut s = state();
    s.apply(Command::StartStudy);
    let atlas = s.atlas.clone().unwrap();
    let mut effects = Vec::new();
    while let Some(question) = s.mode.quiz().and_then(|q| q.question()).cloned() {
        match question {
            Question::Find(target) => {
                let view = &atlas.views[atlas.view_index(&target.view).unwrap()];
                let any = view.regions.iter().find(|r| r.zone.is_some()).unwrap();
                effects.extend(activate(&mut s, &any.id.clone()));
            }
            Question::Identify { .. } => effects.extend(s.apply(Command::StudyChoice(0))),
        }
        s.apply(Command::StudyNext);
    }
    assert_eq!(
        effects,
        vec![Effect::SaveUserData],
        "saved once, at the end"
    );
    assert_eq!(s.user.study.rounds, 1);
}

#[test]
fn the_same_seed_asks_the_same_questions() {
    let questions = |seed| {
        let mut s = AppState::new(Preferences::default(), UserData::default(), seed);
        s.set_content(load(&ContentSet::builtin()));
        s.apply(Command::StartStudy);
        s.mode.quiz().unwrap().questions.clone()
    };
    assert_eq!(questions(3), questions(3));
    assert_ne!(questions(3), questions(4));
}

#[test]
fn in_study_mode_clicks_answer_and_do_not_select_other_things() {
    let mut s = state();
    s.apply(Command::StartStudy);
    s.apply(Command::Reveal("piriformis_left".into()));
    assert_ne!(s.selected_region(), Some("piriformis_left"));
    s.apply(Command::ClearSelection);
    assert!(
        matches!(s.mode, Mode::Study(_)),
        "Escape does not leave the round"
    );
}

#[test]
fn odd_commands_change_nothing_they_should_not() {
    let mut s = state();
    let before = s.prefs.clone();
    s.apply(Command::ShowView("no_such_view".into()));
    s.apply(Command::SetLayerOpacity {
        view: "posterior".into(),
        layer: "deep".into(),
        opacity: f32::NAN,
    });
    let view = s.current_view().unwrap();
    let deep = view.layer_index("deep").unwrap();
    assert!(s.prefs.layer(view, deep).opacity.is_finite());
    assert_eq!(s.prefs.view, before.view);
    s.apply(Command::SetViewport(Rect::NOTHING));
    assert!(s.viewport.is_positive());
    assert_eq!(s.apply(Command::Reload), Some(Effect::Reload));
}

#[test]
fn deeper_layers_show_through_and_bones_never_take_a_muscles_click() {
    let mut s = state();
    // The sciatic nerve, which leaves from under piriformis's lower edge, is off here: the
    // test is about the bones beneath it.
    for (layer, visible) in [("deep", true), ("skeleton", true), ("nerves", false)] {
        s.apply(Command::SetLayerVisible {
            view: "posterior".into(),
            layer: layer.into(),
            visible,
        });
    }
    let view = s.current_view().unwrap().clone();
    let layer = |id: &str| view.layer_index(id).unwrap();
    assert!(
        s.prefs.layer_ghosted(&view, layer("superficial")),
        "superficial fades over deep"
    );
    assert!(
        s.prefs.layer_ghosted(&view, layer("skeleton")),
        "bones fade over muscles"
    );
    assert!(!s.prefs.layer_ghosted(&view, layer("deep")));
    // Wherever piriformis and a bone overlap (it runs from the sacrum over the hip bone to
    // the trochanter), a click there is piriformis, or the sacrotuberous ligament where that
    // lies over its origin; never the bone.
    let piri = view.region_index("piriformis_left").unwrap();
    let ligament = view.region_index("sacrotuberous_ligament_left").unwrap();
    let skeleton = layer("skeleton");
    let (mut overlaps, mut on_piriformis) = (0, 0);
    for t in view.regions[piri].mesh.indices.chunks(3) {
        let [a, b, c] = [t[0], t[1], t[2]].map(|k| view.regions[piri].mesh.vertices[k as usize]);
        let p = pos2((a.x + b.x + c.x) / 3.0, (a.y + b.y + c.y) / 3.0);
        if view.hit(p, |l| l == skeleton).is_some() {
            overlaps += 1;
            let hit = s.prefs.layer_states(&view).hit(&view, p);
            assert!(
                hit == Some(piri) || hit == Some(ligament),
                "at {p:?} a click takes {:?}",
                hit.map(|h| &view.regions[h].id)
            );
            on_piriformis += usize::from(hit == Some(piri));
        }
    }
    assert!(
        overlaps > 0,
        "the test needs a place where a bone lies under piriformis"
    );
    assert!(
        on_piriformis * 4 > overlaps * 3,
        "piriformis takes {on_piriformis} of {overlaps} clicks over bone"
    );
}

/// Which of the back view's layers are shown, by id.
fn shown_layers(s: &AppState, view: &str) -> Vec<String> {
    let atlas = s.atlas.clone().unwrap();
    let view = &atlas.views[atlas.view_index(view).unwrap()];
    (0..view.layers.len())
        .filter(|&i| s.prefs.layer_shown(view, i))
        .map(|i| view.layers[i].id.clone())
        .collect()
}

fn set_visible(s: &mut AppState, layer: &str, visible: bool) {
    s.apply(Command::SetLayerVisible {
        view: "posterior".into(),
        layer: layer.into(),
        visible,
    });
}

const COURSES: [&str; 4] = ["nerves", "nerves_through", "nerves_split", "nerves_above"];

fn courses_shown(s: &AppState) -> Vec<String> {
    shown_layers(s, "posterior")
        .into_iter()
        .filter(|l| COURSES.contains(&l.as_str()))
        .collect()
}

#[test]
fn showing_one_course_of_the_sciatic_nerve_hides_the_others() {
    let mut s = state();
    assert_eq!(
        courses_shown(&s),
        ["nerves"],
        "the usual course at the start"
    );
    set_visible(&mut s, "nerves_through", true);
    assert_eq!(courses_shown(&s), ["nerves_through"]);
    set_visible(&mut s, "nerves_above", true);
    assert_eq!(courses_shown(&s), ["nerves_above"]);
    // Hiding the shown one leaves none; the group remembers its choice for when it is back on.
    set_visible(&mut s, "nerves_above", false);
    assert!(courses_shown(&s).is_empty());
    let atlas = s.atlas.clone().unwrap();
    let view = &atlas.views[atlas.view_index("posterior").unwrap()];
    let group = view
        .groups
        .iter()
        .find(|g| g.id == "sciatic_course")
        .unwrap();
    let choice = s.prefs.group_choice(view, group).unwrap();
    assert_eq!(view.layers[choice].id, "nerves_above");
    // Other layers are not alternatives: they stay as they were.
    set_visible(&mut s, "deep", true);
    set_visible(&mut s, "nerves", true);
    assert!(shown_layers(&s, "posterior").contains(&"deep".to_owned()));
    assert_eq!(courses_shown(&s), ["nerves"]);
}

#[test]
fn the_courses_of_the_nerve_share_one_opacity() {
    let mut s = state();
    s.apply(Command::SetLayerOpacity {
        view: "posterior".into(),
        layer: "nerves".into(),
        opacity: 0.4,
    });
    set_visible(&mut s, "nerves_split", true);
    let atlas = s.atlas.clone().unwrap();
    let view = &atlas.views[atlas.view_index("posterior").unwrap()];
    let split = view.layer_index("nerves_split").unwrap();
    assert!((s.prefs.layer(view, split).opacity - 0.4).abs() < 1e-6);
    let deep = view.layer_index("deep").unwrap();
    assert!(
        (s.prefs.layer(view, deep).opacity - 1.0).abs() < 1e-6,
        "a layer outside the group keeps its own"
    );
}

#[test]
fn saved_preferences_showing_two_courses_show_only_one() {
    use bodywork_atlas::state::LayerSetting;
    // A file written before the rule (or edited by hand) with a variant turned on while the
    // usual course is on by default: the one the user turned on wins.
    let mut prefs = Preferences::default();
    let on = LayerSetting {
        visible: true,
        opacity: 1.0,
    };
    prefs.set_layer("posterior", "nerves_split", on);
    let mut s = AppState::new(prefs, UserData::default(), 7);
    s.set_content(load(&ContentSet::builtin()));
    assert_eq!(courses_shown(&s), ["nerves_split"]);
    // Two turned on by the user: the first of them.
    let mut prefs = Preferences::default();
    prefs.set_layer("posterior", "nerves_above", on);
    prefs.set_layer("posterior", "nerves_through", on);
    let mut s = AppState::new(prefs, UserData::default(), 7);
    s.set_content(load(&ContentSet::builtin()));
    assert_eq!(courses_shown(&s), ["nerves_through"]);
}

#[test]
fn revealing_a_variant_shows_its_course_instead_of_the_usual_one() {
    let mut s = state();
    s.apply(Command::Reveal("sciatic_nerve_above_left".into()));
    assert_eq!(s.selected_region(), Some("sciatic_nerve_above_left"));
    assert_eq!(courses_shown(&s), ["nerves_above"]);
    s.apply(Command::Reveal("tibial_nerve_through_left".into()));
    assert_eq!(courses_shown(&s), ["nerves_through"]);
    // Links naming the nerve on every course keep to the one shown: no flipping to the last.
    let atlas = s.atlas.clone().unwrap();
    let all: Vec<String> = atlas.views[atlas.view_index("posterior").unwrap()]
        .regions
        .iter()
        .filter(|r| r.structure.as_deref() == Some("tibial_nerve"))
        .map(|r| r.id.clone())
        .collect();
    assert!(all.len() >= 8, "the tibial nerve is drawn on every course");
    s.apply(Command::ShowLinked(all));
    assert_eq!(courses_shown(&s), ["nerves_through"]);
    assert_eq!(s.selected_region(), Some("tibial_nerve_through_left"));
    assert!(
        s.linked.iter().all(|id| id.contains("_through_")),
        "{:?}",
        s.linked
    );
}

/// Whether a region of the back view is drawn now (its layer shown, or brought by the
/// selection), and whether a click at its anchor would hit it.
fn drawn_and_hit(s: &AppState, id: &str) -> (bool, bool) {
    let atlas = s.atlas.clone().unwrap();
    let view = s.current_view().unwrap();
    let i = view.region_index(id).unwrap();
    let selected = s.selected_region().and_then(|id| view.region_index(id));
    let layers = s
        .prefs
        .layer_states(view)
        .with_selection(&atlas, view, selected);
    let anchor = view.regions[i].anchor;
    (
        layers.region_drawn(view, i),
        layers.hit(view, anchor) == Some(i),
    )
}

#[test]
fn selecting_gluteus_minimus_draws_its_referred_pain_with_the_layer_off() {
    let mut s = state();
    let zone = "referral_gluteus_minimus_zone_left";
    assert_eq!(drawn_and_hit(&s, zone), (false, false), "the layer is off");
    s.apply(Command::Reveal("gluteus_minimus_left".into()));
    assert_eq!(s.selected_region(), Some("gluteus_minimus_left"));
    assert!(!shown_layers(&s, "posterior").contains(&"referral_gluteus_minimus".to_owned()));
    assert_eq!(
        drawn_and_hit(&s, zone),
        (true, false),
        "drawn with the muscle, never taking a click"
    );
    assert!(drawn_and_hit(&s, "referral_gluteus_minimus_tp_left").0);
    assert!(
        !drawn_and_hit(&s, "referral_gluteus_minimus_zone_right").0,
        "the other side's pattern stays hidden"
    );
    assert!(
        !drawn_and_hit(&s, "referral_piriformis_zone_left").0,
        "another muscle's pattern stays hidden"
    );
    s.apply(Command::ClearSelection);
    assert!(!drawn_and_hit(&s, zone).0);
    // With its layer on, the pattern is there for everyone and takes clicks: the muscle's page.
    set_visible(&mut s, "referral_gluteus_minimus", true);
    assert_eq!(drawn_and_hit(&s, zone), (true, true));
    activate(&mut s, zone);
    assert_eq!(s.selected_structure().unwrap().id, "gluteus_minimus");
}

#[test]
fn a_hamstring_brings_the_pattern_it_shares_with_its_neighbour() {
    let mut s = state();
    s.apply(Command::Reveal("semitendinosus_left".into()));
    assert!(
        drawn_and_hit(&s, "referral_medial_hamstrings_zone_left").0,
        "the zone, drawn for semimembranosus, is semitendinosus's too"
    );
    assert!(drawn_and_hit(&s, "referral_semimembranosus_tp_left").0);
    assert!(!drawn_and_hit(&s, "referral_biceps_femoris_zone_left").0);
}

#[test]
fn show_the_whole_pattern_zooms_out_to_the_muscle_and_its_referred_pain() {
    let mut s = state();
    s.apply(Command::Reveal("gluteus_minimus_left".into()));
    let atlas = s.atlas.clone().unwrap();
    let zone = atlas
        .region(
            atlas
                .find_region("referral_gluteus_minimus_zone_left")
                .unwrap(),
        )
        .unwrap()
        .bbox;
    let on_screen = |s: &AppState| s.screen_from_diagram().unwrap().mul_rect(zone);
    assert!(
        !s.viewport.contains_rect(on_screen(&s)),
        "zoomed on the muscle, the pattern runs off the screen"
    );
    s.apply(Command::FramePattern);
    assert!(
        s.viewport.expand(1.0).contains_rect(on_screen(&s)),
        "{:?} in {:?}",
        on_screen(&s),
        s.viewport
    );
    assert_eq!(
        s.selected_region(),
        Some("gluteus_minimus_left"),
        "the selection stays"
    );
}
