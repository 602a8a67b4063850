//! A snapshot of consultation mode with the example session: markers on the right buttock and
//! thigh, the regions to treat, the session panel in large type. Update with
//! `UPDATE_SNAPSHOTS=1 cargo test --test consult_snapshot`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

use std::path::Path;

use bodywork_atlas::session::file::read;
use bodywork_atlas::{AtlasApp, StartOptions};
use egui_kittest::Harness;

#[test]
fn consultation_mode_with_the_example_session() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/session.ron");
    let session = read(&path, None).unwrap();
    let mut harness = Harness::builder()
        .with_size([1280.0, 860.0])
        .wgpu()
        .build_eframe(move |cc| {
            AtlasApp::new(
                cc,
                StartOptions {
                    consult: Some(session.clone()),
                    ..StartOptions::ephemeral()
                },
            )
        });
    harness.run();
    harness.snapshot("consultation_example_session");
}

#[test]
fn a_client_s_progress_and_an_earlier_visit_beside_today() {
    use bodywork_atlas::app::Storage;
    use bodywork_atlas::records::{RECORDS_FILE, Records};
    use bodywork_atlas::state::{Command, ConsultCommand};
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/session.ron");
    let today = read(&path, None).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (earlier_id, today_id) = {
        let mut records = Records::open(&dir.path().join(RECORDS_FILE), None).unwrap();
        let mut earlier = today.clone();
        earlier.date = "2026-10-30".parse().unwrap();
        earlier.markers[0].intensity = 9;
        earlier.markers[1].at = (600.0, 1300.0);
        earlier.markers[1].region = None;
        let mut middle = today.clone();
        middle.date = "2026-11-06".parse().unwrap();
        middle.markers[0].intensity = 8;
        let e = records.save(None, &earlier).unwrap();
        records.save(None, &middle).unwrap();
        (e, records.save(None, &today).unwrap())
    };
    let storage = Storage::Dir(dir.path().to_path_buf());
    let mut harness = Harness::builder()
        .with_size([1280.0, 860.0])
        .wgpu()
        .build_eframe(move |cc| {
            AtlasApp::new(
                cc,
                StartOptions {
                    storage: storage.clone(),
                    ..StartOptions::ephemeral()
                },
            )
        });
    harness.run();
    harness.state_mut().apply(Command::StartConsult(None));
    harness
        .state_mut()
        .apply(Command::Consult(ConsultCommand::OpenRecord(today_id)));
    harness
        .state_mut()
        .apply(Command::Consult(ConsultCommand::Compare(Some(earlier_id))));
    harness.run();
    harness.run();
    let c = harness.state().state().consult().unwrap();
    assert_eq!(c.records.history.len(), 3);
    assert!(c.records.compare.is_some());
    harness.snapshot("consultation_compare_visits");
}
