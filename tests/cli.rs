//! The command line for content authors: check, list --json, hit.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

use std::path::Path;
use std::process::Command;

fn atlas() -> Command {
    Command::new(env!("CARGO_BIN_EXE_bodywork-atlas"))
}

fn fixture() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/minimal")
        .display()
        .to_string()
}

#[test]
fn check_passes_on_the_shipped_content() {
    let out = atlas().arg("check").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("ok:"));
}

#[test]
fn check_reports_a_typo_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(data.join("views")).unwrap();
    std::fs::create_dir_all(data.join("structures")).unwrap();
    for f in [
        "sources.ron",
        "safety.ron",
        "structures/muscles.ron",
        "views/test.ron",
    ] {
        std::fs::copy(Path::new(&fixture()).join(f), data.join(f)).unwrap();
    }
    let view = data.join("views/test.ron");
    let text = std::fs::read_to_string(&view)
        .unwrap()
        .replacen("orientation:", "orientaton:", 1);
    std::fs::write(&view, text).unwrap();
    let out = atlas()
        .args(["check", "--data"])
        .arg(&data)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let first = stdout.lines().next().unwrap();
    assert!(first.contains("test.ron:4:5: "), "{stdout}");
    assert!(first.contains("orientaton"), "{stdout}");
}

#[test]
fn hit_returns_the_topmost_visible_region() {
    let out = atlas()
        .args(["hit", "test", "25", "25", "--data", &fixture()])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "alpha_left",
        "the high layer is hidden by default"
    );
    let out = atlas()
        .args(["hit", "test", "75", "25", "--data", &fixture()])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "alpha_right",
        "the mirrored copy is hit"
    );
    let out = atlas()
        .args(["hit", "test", "50", "70", "--data", &fixture()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "nothing in the notch");
    assert!(out.stdout.is_empty());
}

#[test]
fn hit_on_the_back_view_finds_the_gluteus_maximus_over_the_hidden_piriformis() {
    let json = atlas().args(["list", "--json"]).output().unwrap();
    assert!(json.status.success());
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let posterior = value["views"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["id"] == "posterior")
        .unwrap();
    let piriformis = posterior["regions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "piriformis_left")
        .unwrap();
    assert!(piriformis["area"].as_f64().unwrap() > 100.0);
    let c = piriformis["centroid"].as_array().unwrap();
    let (x, y) = (
        c[0].as_f64().unwrap().to_string(),
        c[1].as_f64().unwrap().to_string(),
    );
    let out = atlas().args(["hit", "posterior", &x, &y]).output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "gluteus_maximus_left"
    );
    assert!(
        value["structures"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["id"] == "piriformis" && s["self_massage"]["steps"].is_array())
    );
}

#[test]
fn list_json_describes_regions_in_diagram_units() {
    let out = atlas()
        .args(["list", "--json", "--data", &fixture()])
        .output()
        .unwrap();
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let regions = value["views"][0]["regions"].as_array().unwrap();
    let right = regions.iter().find(|r| r["id"] == "alpha_right").unwrap();
    assert_eq!(right["bbox"], serde_json::json!([60.0, 10.0, 90.0, 40.0]));
    assert_eq!(right["area"], serde_json::json!(900.0));
    assert_eq!(right["side"], "Right");
    assert_eq!(right["mirror_of"], "alpha_left");
}

#[test]
fn unknown_view_and_bad_arguments_fail_cleanly() {
    let out = atlas()
        .args(["hit", "nowhere", "1", "1", "--data", &fixture()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no view \"nowhere\""));
    let out = atlas().args(["hit", "test", "x", "1"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn hit_and_list_work_on_the_foot_maps() {
    let json = atlas().args(["list", "--json"]).output().unwrap();
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert!(value["zones"].as_array().unwrap().iter().any(|z| {
        z["id"] == "sciatic"
            && z["links"]
                .as_array()
                .unwrap()
                .contains(&serde_json::json!("sciatic_nerve"))
    }));
    let plantar = value["views"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["id"] == "feet_plantar")
        .unwrap();
    let sciatic = plantar["regions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "plantar_sciatic_right")
        .unwrap();
    assert_eq!(sciatic["zone"], "sciatic");
    assert_eq!(sciatic["side"], "Right");
    let c = sciatic["centroid"].as_array().unwrap();
    let (x, y) = (
        c[0].as_f64().unwrap().to_string(),
        c[1].as_f64().unwrap().to_string(),
    );
    let out = atlas()
        .args(["hit", "feet_plantar", &x, &y])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "plantar_sciatic_right"
    );
}
