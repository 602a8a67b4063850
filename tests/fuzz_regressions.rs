//! Inputs the fuzzers (fuzz/, scripts/fuzz.sh) found trouble with, kept as tests: each goes
//! through the loader as a real pack would and must give its problem without a hang.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use bodywork_atlas::content::{ContentSet, load};

fn regression(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz-regressions")
        .join(name);
    std::fs::read_to_string(path).unwrap()
}

/// Loads the fixture with one region of path data `path`; the problems, or a failure when the
/// load does not return within a minute.
fn load_with_path(path: &str) -> Vec<bodywork_atlas::content::ContentError> {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("fuzzed");
    std::fs::create_dir_all(pack.join("view_additions")).unwrap();
    let addition = format!(
        "ViewAddition(\n    view: \"test\",\n    regions: [Region(id: \"fuzzed\", layer: \"low\", side: Midline, structure: Some(\"alpha\"), paint: Muscle, path: {:?})],\n)\n",
        path.trim_end()
    );
    std::fs::write(pack.join("view_additions/test.ron"), addition).unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal");
    let set = ContentSet::only(&fixture).with_packs([pack]);
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(load(&set).map(|_| ()));
    });
    rx.recv_timeout(Duration::from_secs(60))
        .expect("the load returns instead of working for minutes")
        .expect_err("the shape is refused")
}

/// `path_data` timed out (over 20 s in lyon) on a curve to y = 1.7e16: the loader must refuse
/// the point off the canvas before it flattens or tessellates anything.
#[test]
fn a_curve_far_off_the_canvas_is_refused_before_it_is_tessellated() {
    let errors = load_with_path(&regression("path_data-timeout-huge-curve.txt"));
    assert_eq!(errors.len(), 1, "{errors:?}");
    let shown = errors[0].to_string();
    assert!(shown.contains("lies outside the canvas"), "{shown}");
}

/// `path_data` timed out in the path parser itself on an arc with a radius of about 1e100
/// (turned into curves in proportion to its size): refused before it is converted.
#[test]
fn an_arc_of_astronomical_size_is_refused_before_it_is_converted() {
    let errors = load_with_path(&regression("path_data-timeout-huge-arc.txt"));
    assert_eq!(errors.len(), 1, "{errors:?}");
    let shown = errors[0].to_string();
    assert!(shown.contains("an arc and a number beyond"), "{shown}");
}

/// `path_data` ran out of memory (3.7 GB asked at once) on an arc that starts from
/// x = 4.3e44 (a horizontal line there first): refused too.
#[test]
fn an_arc_from_a_point_of_astronomical_size_is_refused() {
    let errors = load_with_path(&regression("path_data-oom-arc-from-far-point.txt"));
    assert_eq!(errors.len(), 1, "{errors:?}");
    let shown = errors[0].to_string();
    assert!(shown.contains("an arc and a number beyond"), "{shown}");
}
