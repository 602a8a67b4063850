//! Foot reflexology maps: clicking zones, links between the feet and the body, study mode.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

mod common;

use bodywork_atlas::AtlasApp;
use bodywork_atlas::model::content::Side;
use bodywork_atlas::model::quiz::Question;
use common::{app_harness, click_at, hit_point};
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn show_view(harness: &mut Harness<'_, AtlasApp>, id: &str) {
    let title = {
        let atlas = harness.state().atlas().unwrap();
        atlas.views[atlas.view_index(id).unwrap()].title.clone()
    };
    harness.get_by_label(&title).click();
    harness.run();
    assert_eq!(harness.state().current_view().unwrap().id, id);
}

#[test]
fn clicking_the_sciatic_zone_shows_it_and_its_link_selects_the_body_region() {
    let mut harness = app_harness();
    show_view(&mut harness, "feet_plantar");
    let p = hit_point(&harness, "plantar_sciatic_left");
    click_at(&mut harness, p);
    assert_eq!(harness.state().selected(), Some("plantar_sciatic_left"));
    assert_eq!(
        harness.query_all_by_label("Sciatic zone").count(),
        2,
        "named by its page's heading and in the legend"
    );
    harness.get_by_label("Left foot · Reflex zone");

    harness.get_by_label("Show on the body").click_accesskit();
    harness.run();
    let app = harness.state();
    assert_eq!(app.current_view().unwrap().id, "posterior");
    assert_eq!(
        app.selected(),
        Some("sciatic_nerve_left"),
        "the zone's first link is selected"
    );
    assert!(
        app.linked().iter().any(|id| id == "piriformis_left"),
        "{:?}",
        app.linked()
    );
    assert!(
        app.linked().iter().all(|id| !id.ends_with("_right")),
        "only the left side: {:?}",
        app.linked()
    );
    let view = app.current_view().unwrap();
    let nerves = view.layer_index("nerves").unwrap();
    assert!(
        app.prefs().layer_shown(view, nerves),
        "the nerve layer is turned on"
    );
}

#[test]
fn the_piriformis_lists_its_foot_zones_and_shows_them() {
    let mut harness = app_harness();
    // Turn on the deep layer, then pick the right piriformis by its accessible name.
    harness.get_by_label("Deep muscles").click();
    harness.run();
    harness.get_by_label("Piriformis (right)").click_accesskit();
    harness.run();
    assert_eq!(harness.state().selected(), Some("piriformis_right"));
    harness.get_by_label("Foot reflex zones");
    harness
        .get_by_label("Show on the right foot")
        .click_accesskit();
    harness.run();
    let app = harness.state();
    let view = app.current_view().unwrap();
    assert_eq!(view.id, "feet_plantar");
    let atlas = app.atlas().unwrap();
    let mut shown: Vec<&str> = app
        .selected()
        .into_iter()
        .chain(app.linked().iter().map(String::as_str))
        .collect();
    shown.sort_unstable();
    let zones: Vec<&str> = shown
        .iter()
        .map(|id| atlas.region(atlas.find_region(id).unwrap()).unwrap())
        .inspect(|r| assert_eq!(r.side, Side::Right, "{} is on the right foot", r.id))
        .map(|r| r.zone.as_deref().unwrap())
        .collect();
    for zone in ["sciatic", "buttocks", "spine_lumbar", "spine_sacrum"] {
        assert!(zones.contains(&zone), "{zone} is shown: {zones:?}");
    }
}

/// Answers the current question right or wrong, whatever its kind.
fn answer(harness: &mut Harness<'_, AtlasApp>, right: bool) {
    let question = harness.state().quiz().unwrap().question().unwrap().clone();
    match question {
        Question::Find(target) => {
            let app = harness.state();
            assert_eq!(
                app.current_view().unwrap().id,
                target.view,
                "the question's view is shown"
            );
            let view = app.current_view().unwrap();
            let region = view
                .regions
                .iter()
                .find(|r| {
                    r.is_selectable()
                        && app.prefs().layer_shown(view, r.layer)
                        && (r.zone.as_deref() == Some(target.zone.as_str())
                            && r.side == target.side)
                            == right
                })
                .unwrap()
                .id
                .clone();
            let p = hit_point(harness, &region);
            click_at(harness, p);
        }
        Question::Identify {
            correct, choices, ..
        } => {
            let index = if right {
                correct
            } else {
                (correct + 1) % choices.len()
            };
            let key = [Key::Num1, Key::Num2, Key::Num3, Key::Num4][index];
            harness.key_press(key);
            harness.run();
        }
    }
}

#[test]
fn a_study_round_scores_right_and_wrong_answers() {
    let mut harness = app_harness();
    harness.get_by_label("Study zones").click();
    harness.run();
    assert!(harness.state().quiz().is_some());
    if let Some(Question::Find(_)) = harness.state().quiz().unwrap().question() {
        assert!(
            harness
                .query_all_by_label_contains(" foot)")
                .next()
                .is_none(),
            "while a find question waits, the map does not name its zones"
        );
    }

    answer(&mut harness, true);
    let quiz = harness.state().quiz().unwrap();
    assert_eq!(
        (quiz.answers.len(), quiz.score()),
        (1, 1),
        "a right answer scores"
    );
    harness.get_by_label("Right!");
    harness.key_press(Key::Enter);
    harness.run();

    answer(&mut harness, false);
    let quiz = harness.state().quiz().unwrap();
    assert_eq!(
        (quiz.answers.len(), quiz.score()),
        (2, 1),
        "a wrong answer does not"
    );
    harness.get_by_label("Not quite.");
    assert!(
        !harness.state().linked().is_empty(),
        "the right zone is highlighted"
    );

    // Finish the round: the result and the progress kept between runs.
    for _ in 0..40 {
        if harness.state().quiz().unwrap().is_finished() {
            break;
        }
        if harness.state().quiz().unwrap().feedback().is_none() {
            answer(&mut harness, true);
        }
        harness.key_press(Key::Enter);
        harness.run();
    }
    let app = harness.state();
    let total = app.quiz().unwrap().questions.len();
    let expected = u32::try_from(total).unwrap() - 1;
    assert_eq!(
        app.state().user.study.best,
        Some((expected, u32::try_from(total).unwrap()))
    );
    assert_eq!(app.state().user.study.rounds, 1);
    assert_eq!(app.state().user.study.missed.values().sum::<u32>(), 1);
    harness.get_by_label(&format!("Score: {expected} of {total}"));
}

/// The zones this edition added, on the view and foot where each is drawn.
const NEW_ZONES: [(&str, &str); 9] = [
    ("feet_plantar", "plantar_heart_left"),
    ("feet_plantar", "plantar_thyroid_right"),
    ("feet_plantar", "plantar_gallbladder_right"),
    ("feet_plantar", "plantar_colon_left"),
    ("feet_plantar", "plantar_bladder_left"),
    ("feet_medial", "medial_uterus_prostate"),
    ("feet_medial", "medial_bladder"),
    ("feet_lateral", "lateral_ovary_testis"),
    ("feet_lateral", "lateral_arm_elbow"),
];

#[test]
fn the_new_zones_can_be_clicked_and_open_their_page() {
    let mut harness = app_harness();
    for (view, region) in NEW_ZONES {
        show_view(&mut harness, view);
        let p = hit_point(&harness, region);
        click_at(&mut harness, p);
        assert_eq!(
            harness.state().selected(),
            Some(region),
            "a click selects {region}"
        );
        let zone = {
            let atlas = harness.state().atlas().unwrap();
            let r = atlas.region(atlas.find_region(region).unwrap()).unwrap();
            atlas.zone(r.zone.as_deref().unwrap()).unwrap().clone()
        };
        // Its page: where to find it, the charts' disagreements and its cautions.
        harness.get_by_label(&zone.location);
        harness.get_by_label(zone.chart_notes.as_deref().unwrap());
        assert!(
            !zone.cautions.is_empty() && !zone.sources.is_empty(),
            "{}",
            zone.id
        );
        harness.get_by_label(&zone.cautions[0]);
    }
}

/// The zone names the legend shows for the current view, read from its buttons: each is a
/// name that the view's zones have.
fn zone_names(harness: &Harness<'_, AtlasApp>) -> Vec<String> {
    let app = harness.state();
    let atlas = app.atlas().unwrap();
    let view = app.current_view().unwrap();
    let mut names: Vec<String> = view
        .regions
        .iter()
        .filter(|r| r.zone.is_some())
        .map(|r| atlas.region_name(r).to_owned())
        .collect();
    names.sort();
    names.dedup();
    names
}

#[test]
fn the_legend_lists_the_zones_of_the_view_and_selects_one_on_click() {
    let mut harness = app_harness();
    show_view(&mut harness, "feet_lateral");
    harness.get_by_label("Legend");
    let names = zone_names(&harness);
    assert!(names.len() >= 7, "{names:?}");
    for name in &names {
        harness.get_by_label(name);
    }
    // Zones of another view are not listed.
    assert!(harness.query_by_label("Thyroid zone").is_none());
    harness.get_by_label("Arm and elbow zone").click_accesskit();
    harness.run();
    assert_eq!(harness.state().selected(), Some("lateral_arm_elbow"));
    assert_eq!(
        harness.state().current_view().unwrap().id,
        "feet_lateral",
        "the legend selects on the map being read"
    );

    // On the soles, a zone on both feet has a button per foot; the name picks the left one.
    show_view(&mut harness, "feet_plantar");
    for name in zone_names(&harness) {
        harness.get_by_label(&name);
    }
    harness.get_by_label("Thyroid zone").click_accesskit();
    harness.run();
    assert_eq!(harness.state().selected(), Some("plantar_thyroid_left"));
    harness
        .get_by_label("Thyroid zone, right foot")
        .click_accesskit();
    harness.run();
    assert_eq!(harness.state().selected(), Some("plantar_thyroid_right"));
}

#[test]
fn the_legend_is_hidden_while_a_study_question_waits() {
    let mut harness = app_harness();
    show_view(&mut harness, "feet_plantar");
    harness.get_by_label("Legend");
    harness.get_by_label("Study zones").click();
    harness.run();
    assert!(harness.state().quiz().unwrap().feedback().is_none());
    assert!(
        harness.query_by_label("Legend").is_none(),
        "the legend would name the zones"
    );
    answer(&mut harness, true);
    harness.get_by_label("Legend");
}
