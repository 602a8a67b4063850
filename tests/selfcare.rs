//! Guided self-massage and the sciatica guide, as a person uses them: the state driven by
//! commands on a clock the test moves (no waiting), and the real app driven through kittest.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

mod common;

use std::sync::Arc;
use std::time::Duration;

use bodywork_atlas::content::{ContentSet, load};
use bodywork_atlas::model::routine::Timer;
use bodywork_atlas::state::{
    AppState, Clock as _, Command, Effect, GuideCommand, GuidePage, ManualClock, Mode, Preferences,
    RegionEvent, RoutineCommand, RoutineSource, UserData,
};
use bodywork_atlas::{AtlasApp, StartOptions};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn state(clock: &ManualClock) -> AppState {
    let mut state = AppState::new(Preferences::default(), UserData::default(), 7)
        .with_clock(Arc::new(clock.clone()));
    state.set_content(load(&ContentSet::builtin()));
    assert!(state.atlas.is_some(), "{:?}", state.errors);
    state
}

fn routine(state: &mut AppState, command: RoutineCommand) -> Option<Effect> {
    state.apply(Command::Routine(command))
}

fn run_of(state: &AppState) -> &bodywork_atlas::model::routine::Run {
    &state.mode.routine().expect("in routine mode").run
}

/// The structure of the selected region.
fn selected_structure(state: &AppState) -> String {
    state
        .selected_structure()
        .map(|s| s.id.clone())
        .unwrap_or_default()
}

#[test]
fn nothing_runs_until_the_red_flags_are_read() {
    let clock = ManualClock::new();
    let mut s = state(&clock);
    s.apply(Command::StartRoutine(RoutineSource::Routine(
        "seated_ball".into(),
    )));
    let r = s.mode.routine().unwrap();
    assert!(!r.begun, "a routine opens on its red flags");
    routine(&mut s, RoutineCommand::StartHold);
    routine(&mut s, RoutineCommand::Next);
    assert_eq!(run_of(&s).step, 0, "no step moves before the person begins");
    assert_eq!(s.routine_repaint_in(), None, "and nothing needs redrawing");
    routine(&mut s, RoutineCommand::Begin);
    assert!(s.mode.routine().unwrap().begun);
}

#[test]
fn a_routine_counts_holds_on_the_clock_pauses_and_moves_through_its_parts() {
    let clock = ManualClock::new();
    let mut s = state(&clock);
    s.apply(Command::StartRoutine(RoutineSource::Routine(
        "seated_ball".into(),
    )));
    routine(&mut s, RoutineCommand::Begin);
    assert_eq!(
        selected_structure(&s),
        "gluteus_maximus",
        "the first part is shown"
    );
    assert_eq!(s.selected_region(), Some("gluteus_maximus_left"));

    // Step 1 and 2 are untimed; step 3 is a hold of 30-90 s.
    routine(&mut s, RoutineCommand::Next);
    routine(&mut s, RoutineCommand::Next);
    assert_eq!(run_of(&s).hold_secs(), Some(30));
    routine(&mut s, RoutineCommand::Longer);
    assert_eq!(
        run_of(&s).hold_secs(),
        Some(45),
        "the person picks within the range"
    );
    routine(&mut s, RoutineCommand::StartHold);
    clock.advance(20.0);
    assert_eq!(routine(&mut s, RoutineCommand::Tick), None);
    assert_eq!(run_of(&s).remaining(clock.now_secs()), Some(25.0));
    let wait = s.routine_repaint_in().unwrap();
    assert!(wait > 0.0 && wait <= 1.0, "redrawn once a second: {wait}");

    routine(&mut s, RoutineCommand::Pause);
    clock.advance(300.0);
    assert_eq!(
        routine(&mut s, RoutineCommand::Tick),
        None,
        "a paused hold does not end"
    );
    assert_eq!(run_of(&s).remaining(clock.now_secs()), Some(25.0));
    assert_eq!(s.routine_repaint_in(), None, "paused: nothing to redraw");
    routine(&mut s, RoutineCommand::Resume);
    clock.advance(25.0);
    assert_eq!(
        routine(&mut s, RoutineCommand::Tick),
        Some(Effect::HoldEnded),
        "the end of the hold is announced"
    );
    assert_eq!(run_of(&s).timer, Timer::Done);

    // Another spot on the same muscle, then on to the next part.
    routine(&mut s, RoutineCommand::AnotherSpot);
    assert_eq!(run_of(&s).spots, 1);
    assert!(matches!(run_of(&s).timer, Timer::Running { .. }));
    for _ in 0..3 {
        routine(&mut s, RoutineCommand::Skip);
    }
    assert_eq!(
        selected_structure(&s),
        "piriformis",
        "the diagram follows the parts"
    );
    routine(&mut s, RoutineCommand::Back);
    assert_eq!(selected_structure(&s), "gluteus_maximus");

    // Clicks on the diagram do not take the routine elsewhere.
    s.apply(Command::Region(RegionEvent::Activated(
        "semitendinosus_left".into(),
    )));
    assert_eq!(selected_structure(&s), "gluteus_maximus");

    routine(&mut s, RoutineCommand::End);
    assert!(matches!(s.mode, Mode::Browse));
}

#[test]
fn the_guide_highlights_what_the_symptom_finder_points_to_and_a_routine_returns_to_it() {
    let clock = ManualClock::new();
    let mut s = state(&clock);
    s.apply(Command::Guide(GuideCommand::Open(Some("finder".into()))));
    s.apply(Command::Guide(GuideCommand::ToggleSymptom(
        "buttock_sitting".into(),
    )));
    s.apply(Command::Guide(GuideCommand::ToggleSymptom(
        "back_thigh".into(),
    )));
    for region in [
        "piriformis_left",
        "piriformis_right",
        "semitendinosus_left",
        "biceps_femoris_long_head_right",
    ] {
        assert!(
            s.linked.iter().any(|l| l == region),
            "{region} is highlighted: {:?}",
            s.linked
        );
    }
    assert_eq!(s.current_view().unwrap().id, "posterior");
    s.apply(Command::Guide(GuideCommand::ToggleSymptom(
        "buttock_sitting".into(),
    )));
    assert!(
        !s.linked.iter().any(|l| l == "piriformis_left"),
        "unticked: no longer highlighted"
    );
    s.apply(Command::Guide(GuideCommand::ToggleSymptom(
        "buttock_sitting".into(),
    )));

    // A click opens the structure's page, and the guide is a click away.
    s.apply(Command::Region(RegionEvent::Activated(
        "piriformis_left".into(),
    )));
    assert_eq!(s.mode.guide().unwrap().page, GuidePage::Structure);
    s.apply(Command::Guide(GuideCommand::Back));
    assert_eq!(s.mode.guide().unwrap().page, GuidePage::Guide);
    assert!(
        s.linked.iter().any(|l| l == "piriformis_left"),
        "the highlights come back"
    );

    s.apply(Command::StartRoutine(RoutineSource::Routine(
        "seated_ball".into(),
    )));
    routine(&mut s, RoutineCommand::End);
    let guide = s.mode.guide().expect("back in the guide");
    assert_eq!(
        guide.picked,
        ["buttock_sitting", "back_thigh"],
        "with the same picks"
    );
}

#[test]
fn a_variant_link_shows_that_course_of_the_nerve_alone() {
    let clock = ManualClock::new();
    let mut s = state(&clock);
    s.apply(Command::Guide(GuideCommand::Open(Some("nerve".into()))));
    s.apply(Command::Guide(GuideCommand::ShowVariant {
        view: "hip".into(),
        layer: "nerves_through".into(),
    }));
    let view = s.current_view().unwrap();
    assert_eq!(view.id, "hip");
    let shown = |id: &str| s.prefs.layer_shown(view, view.layer_index(id).unwrap());
    assert!(shown("nerves_through"));
    assert!(!shown("nerves") && !shown("nerves_split") && !shown("nerves_above"));
    assert!(
        shown("nerves_cutaneous"),
        "layers outside the group stay as they were"
    );
}

#[test]
fn a_structure_page_starts_its_own_steps_and_stretches() {
    let clock = ManualClock::new();
    let mut s = state(&clock);
    s.apply(Command::StartRoutine(RoutineSource::Structure(
        "piriformis".into(),
    )));
    let run = run_of(&s);
    assert_eq!(
        run.plan.steps.len(),
        5 + 3,
        "five massage steps, three stretches"
    );
    assert_eq!(s.selected_region(), Some("piriformis_left"));
}

// The app, driven through its widgets.

fn app(clock: &ManualClock) -> Harness<'static, AtlasApp> {
    common::harness_with(StartOptions {
        clock: Some(Arc::new(clock.clone())),
        ..StartOptions::ephemeral()
    })
}

fn repaint_delay(harness: &Harness<'_, AtlasApp>) -> Duration {
    harness
        .output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .map_or(Duration::MAX, |v| v.repaint_delay)
}

/// Clicks a widget by its label, scrolling it into view first (a long panel scrolls).
fn click(harness: &mut Harness<'_, AtlasApp>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
}

#[test]
fn start_a_routine_from_a_muscle_advance_and_pause() {
    let clock = ManualClock::new();
    let mut harness = app(&clock);
    harness
        .state_mut()
        .apply(Command::Reveal("piriformis_left".into()));
    harness.run();
    harness
        .get_by_label("Start guided self-massage…")
        .scroll_to_me();
    harness.run();
    click(&mut harness, "Start guided self-massage…");

    // The red flags come first; nothing counts yet.
    harness.get_by_label("Before you start: red flags");
    assert!(harness.query_by_label("Start hold").is_none());
    click(&mut harness, "None of these apply: begin");

    // Advance past the untimed steps to the first hold.
    harness.get_by_label("Step 1 of 8 · Piriformis");
    click(&mut harness, "Next step");
    click(&mut harness, "Next step");
    click(&mut harness, "Next step");
    harness.get_by_label("Step 4 of 8 · Piriformis");
    assert_eq!(repaint_delay(&harness), Duration::MAX, "idle: no redraws");
    click(&mut harness, "Start hold");
    harness.get_by_label("0:30");
    let delay = repaint_delay(&harness);
    assert!(
        delay <= Duration::from_secs(1),
        "counting: redrawn each second ({delay:?})"
    );
    harness.get_by_label("Breathe in");

    clock.advance(10.0);
    harness.run();
    harness.get_by_label("0:20");
    click(&mut harness, "Pause");
    harness.get_by_label("Paused");
    clock.advance(60.0);
    harness.run();
    harness.get_by_label("0:20");
    assert_eq!(repaint_delay(&harness), Duration::MAX, "paused: no redraws");
    click(&mut harness, "Resume");
    clock.advance(20.0);
    harness.run();
    harness.get_by_label("Hold complete: ease off slowly");
    click(&mut harness, "Another spot on this muscle");
    harness.get_by_label("0:30");
}

#[test]
fn the_red_flag_notice_is_visible_before_any_routine_starts() {
    let clock = ManualClock::new();
    let mut harness = app(&clock);
    harness
        .state_mut()
        .apply(Command::Guide(GuideCommand::Open(Some("routines".into()))));
    harness.run();
    // In the guide, before anything starts, the emergency signs are on screen.
    harness.get_by_label("Red flags: get urgent medical help and do not massage if you have");
    harness.get_by_label_contains("Loss of bladder control");
    for routine in [
        "Sciatica: seated ball routine",
        "Gentle nerve gliding (sliders)",
    ] {
        harness
            .state_mut()
            .apply(Command::StartRoutine(RoutineSource::Routine(
                match routine {
                    "Sciatica: seated ball routine" => "seated_ball".into(),
                    _ => "nerve_sliders".into(),
                },
            )));
        harness.run();
        harness.get_by_label("Before you start: red flags");
        harness.get_by_label_contains("Numbness or tingling in the saddle area");
        harness.get_by_label_contains("or lump in the belly");
        assert!(
            harness.query_by_label("Start hold").is_none(),
            "{routine}: no timer yet"
        );
        click(&mut harness, "End");
    }
}

/// A person with buttock and thigh pain opens the guide, uses the symptom finder, sees the
/// piriformis and hamstrings highlighted, reads the red flags, starts the seated ball routine
/// and follows the timed holds to the end; a therapist shows the treatment plan to a client.
#[test]
fn the_whole_story_from_buttock_pain_to_the_treatment_plan() {
    let clock = ManualClock::new();
    let mut harness = app(&clock);
    click(&mut harness, "Guide");
    click(&mut harness, "Symptom finder");
    click(&mut harness, "Buttock pain when sitting");
    click(&mut harness, "Pain down the back of the thigh");
    {
        let linked = harness.state().linked();
        for region in [
            "piriformis_left",
            "semitendinosus_left",
            "biceps_femoris_long_head_left",
        ] {
            assert!(
                linked.iter().any(|l| l == region),
                "{region} is highlighted: {linked:?}"
            );
        }
    }
    harness.get_by_label("Worth a look");
    assert!(
        harness
            .query_all_by_label_contains("This is not a diagnosis")
            .next()
            .is_some(),
        "the caveat is shown with the finder"
    );

    click(&mut harness, "Red flags");
    harness.get_by_label_contains("Loss of bowel control");
    harness.get_by_label_contains("abdominal aortic aneurysm");

    click(&mut harness, "Self-massage routines");
    click(&mut harness, "Start: Sciatica: seated ball routine…");
    harness.get_by_label("Before you start: red flags");
    click(&mut harness, "None of these apply: begin");

    let mut holds = 0;
    for _ in 0..60 {
        if harness.query_by_label("Routine complete").is_some() {
            break;
        }
        if harness.query_by_label("Start hold").is_some() {
            click(&mut harness, "Start hold");
            let secs = harness
                .state()
                .state()
                .mode
                .routine()
                .and_then(|r| r.run.hold_secs())
                .unwrap();
            clock.advance(f64::from(secs));
            harness.run();
            harness.get_by_label("Hold complete: ease off slowly");
            holds += 1;
            let next = ["Next hold", "Next step", "Finish"]
                .into_iter()
                .find(|l| harness.query_by_label(l).is_some())
                .unwrap();
            click(&mut harness, next);
        } else {
            click(&mut harness, "Next step");
        }
    }
    harness.get_by_label("Routine complete");
    assert_eq!(
        holds,
        6 + 2 * 2,
        "six massage holds, the stretch twice on each side"
    );
    click(&mut harness, "Close");
    assert!(
        harness.state().state().mode.guide().is_some(),
        "back in the guide"
    );

    click(&mut harness, "Treatment plan");
    click(&mut harness, "Show to a client…");
    harness.get_by_label("How often sessions usually are, phase by phase");
    assert_eq!(
        harness
            .query_all_by_label_contains("1-2 sessions a week")
            .count(),
        2,
        "the acute phase is in the panel and, large, in the window"
    );
}
