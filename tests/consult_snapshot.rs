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
