//! Snapshot tests: render the app with a software GPU and compare with the images in
//! tests/snapshots/. Update them with `UPDATE_SNAPSHOTS=1 cargo test --test snapshots`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

mod common;

use bodywork_atlas::{AtlasApp, StartOptions};
use egui_kittest::Harness;

fn harness(select: Option<&str>) -> Harness<'static, AtlasApp> {
    harness_view(None, select)
}

fn harness_view(view: Option<&str>, select: Option<&str>) -> Harness<'static, AtlasApp> {
    let select = select.map(str::to_owned);
    let view = view.map(str::to_owned);
    let mut harness = Harness::builder()
        .with_size([1280.0, 860.0])
        .wgpu()
        .build_eframe(move |cc| {
            AtlasApp::new(
                cc,
                StartOptions {
                    select,
                    view,
                    ..StartOptions::ephemeral()
                },
            )
        });
    harness.run();
    harness
}

#[test]
fn posterior_default() {
    harness(None).snapshot("posterior_default");
}

#[test]
fn posterior_piriformis_selected() {
    harness(Some("piriformis_left")).snapshot("posterior_piriformis_selected");
}

#[test]
fn feet_plantar() {
    harness_view(Some("feet_plantar"), None).snapshot("feet_plantar");
}

#[test]
fn feet_plantar_numbered_zones() {
    // The ten longitudinal zones: 1 at the big toe to 5 at the little toe, on the toes and the
    // heel of each foot, each number in its circle.
    use bodywork_atlas::state::Command;
    let mut harness = harness_view(Some("feet_plantar"), None);
    harness.state_mut().apply(Command::SetLayerVisible {
        view: "feet_plantar".into(),
        layer: "longitudinal".into(),
        visible: true,
    });
    harness.run();
    harness.snapshot("feet_plantar_numbered_zones");
}

#[test]
fn posterior_names_with_leader_lines() {
    use bodywork_atlas::state::Command;
    let mut harness = harness(None);
    for layer in ["deep", "nerves"] {
        harness.state_mut().apply(Command::SetLayerVisible {
            view: "posterior".into(),
            layer: layer.into(),
            visible: true,
        });
    }
    harness.state_mut().apply(Command::SetLabels(true));
    harness.run();
    harness.snapshot("posterior_names_with_leader_lines");
}

#[test]
fn posterior_gluteus_minimus_with_its_referred_pain() {
    use bodywork_atlas::state::Command;
    // The referral layer is off: the selection brings the pattern; "Show the whole pattern"
    // frames it from the buttock down the outer leg to the ankle.
    let mut harness = harness(Some("gluteus_minimus_left"));
    harness.state_mut().apply(Command::FramePattern);
    for _ in 0..30 {
        harness.run();
    }
    harness.snapshot("posterior_gluteus_minimus_referred_pain");
}

/// The guide's symptom finder with buttock and thigh pain picked: the piriformis and the
/// hamstrings highlighted on the back view, the explanations and the caveat in the panel.
#[test]
fn guide_symptom_finder() {
    use bodywork_atlas::state::{Command, GuideCommand};
    let mut harness = harness(None);
    let state = harness.state_mut();
    state.apply(Command::Guide(GuideCommand::Open(Some("finder".into()))));
    for symptom in ["buttock_sitting", "back_thigh"] {
        state.apply(Command::Guide(GuideCommand::ToggleSymptom(symptom.into())));
    }
    harness.run();
    harness.snapshot("guide_symptom_finder");
}

/// The seated ball routine counting a hold: the muscle on the diagram, the step, the
/// countdown and the breathing pacer.
#[test]
fn routine_running() {
    use bodywork_atlas::state::{Command, ManualClock, RoutineCommand, RoutineSource};
    let clock = ManualClock::new();
    let shared = clock.clone();
    let mut harness = Harness::builder()
        .with_size([1280.0, 860.0])
        .wgpu()
        .build_eframe(move |cc| {
            AtlasApp::new(
                cc,
                StartOptions {
                    clock: Some(std::sync::Arc::new(shared.clone())),
                    ..StartOptions::ephemeral()
                },
            )
        });
    harness.run();
    let state = harness.state_mut();
    state.apply(Command::StartRoutine(RoutineSource::Routine(
        "seated_ball".into(),
    )));
    for command in [
        RoutineCommand::Begin,
        RoutineCommand::Next,
        RoutineCommand::Next,
        RoutineCommand::StartHold,
    ] {
        state.apply(Command::Routine(command));
    }
    clock.advance(12.5);
    harness.run();
    harness.snapshot("routine_running");
}
