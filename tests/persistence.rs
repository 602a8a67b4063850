//! Preferences and user data on disk: kept apart, versioned, unreadable files kept aside.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

mod common;

use std::path::Path;

use bodywork_atlas::app::Storage;
use bodywork_atlas::state::Command;
use bodywork_atlas::{AtlasApp, StartOptions};
use eframe::App as _;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn app_in(dir: &Path) -> Harness<'static, AtlasApp> {
    common::harness_with(StartOptions {
        storage: Storage::Dir(dir.to_path_buf()),
        ..StartOptions::ephemeral()
    })
}

/// What eframe does every 30 seconds and on exit.
fn save(harness: &mut Harness<'_, AtlasApp>) {
    let mut storage = NoStorage;
    harness.state_mut().save(&mut storage);
}

struct NoStorage;
impl eframe::Storage for NoStorage {
    fn get_string(&self, _key: &str) -> Option<String> {
        None
    }
    fn set_string(&mut self, _key: &str, _value: String) {}
    fn remove_string(&mut self, _key: &str) {}
    fn flush(&mut self) {}
}

#[test]
fn preferences_and_user_data_are_saved_apart_and_restored() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_in(dir.path());
    harness.state_mut().apply(Command::SetDark(true));
    harness.state_mut().apply(Command::StartStudy);
    for _ in 0..10 {
        harness.state_mut().apply(Command::StudyChoice(0));
        harness.state_mut().apply(Command::Region(
            bodywork_atlas::state::RegionEvent::Activated("plantar_sciatic_left".into()),
        ));
        harness.state_mut().apply(Command::StudyNext);
    }
    assert_eq!(harness.state().state().user.study.rounds, 1);
    save(&mut harness);
    let prefs = std::fs::read_to_string(dir.path().join("preferences.ron")).unwrap();
    let user = std::fs::read_to_string(dir.path().join("user-data.ron")).unwrap();
    assert!(
        prefs.contains("version: 1") && prefs.contains("dark: true"),
        "{prefs}"
    );
    assert!(
        !prefs.contains("study"),
        "progress is not a preference: {prefs}"
    );
    assert!(
        user.contains("version: 1") && user.contains("rounds: 1"),
        "{user}"
    );
    drop(harness);

    let harness = app_in(dir.path());
    let state = harness.state().state();
    assert!(state.prefs.dark);
    assert_eq!(state.user.study.rounds, 1);
    assert!(state.notices.is_empty(), "{:?}", state.notices);
}

#[test]
fn unreadable_user_data_is_kept_aside_and_the_user_is_told_where() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("user-data.ron"),
        "Saved(version: 1, data: (stud",
    )
    .unwrap();
    let harness = app_in(dir.path());
    let notice = harness.state().state().notices.first().cloned().unwrap();
    let aside: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with("user-data.unreadable"))
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert!(
        notice.contains(&aside[0]),
        "the notice names the kept copy: {notice}"
    );
    harness.get_by_label_contains("user-data.unreadable");
    assert_eq!(
        std::fs::read_to_string(dir.path().join(&aside[0])).unwrap(),
        "Saved(version: 1, data: (stud",
        "kept as it was"
    );
}
