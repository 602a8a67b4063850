//! The command line for content authors: check, list --json, hit.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

use std::path::Path;
use std::process::Command;

/// The built binary, with no user packs (a data folder that does not exist), so results do not
/// depend on the machine.
fn atlas() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_bodywork-atlas"));
    command.env(
        "XDG_DATA_HOME",
        Path::new(env!("CARGO_TARGET_TMPDIR")).join("no-user-data"),
    );
    command
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
fn list_json_and_check_cover_the_routines_and_the_guide() {
    let out = atlas().arg("check").output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("3 routines") && text.contains("a guide of"),
        "{text}"
    );

    let out = atlas().args(["list", "--json"]).output().unwrap();
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let seated = value["routines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "seated_ball")
        .expect("the seated ball routine is listed");
    assert_eq!(seated["parts"][1]["structure"], "piriformis");
    let hold = &seated["parts"][0]["steps"][2];
    assert_eq!(hold["hold"], serde_json::json!([30, 90]), "{hold}");
    let sections = value["guide"]["sections"].as_array().unwrap();
    assert!(
        sections
            .iter()
            .all(|s| !s["sources"].as_array().unwrap().is_empty())
    );
    let links = value["symptom_links"].as_array().unwrap();
    let thigh = links.iter().find(|l| l["symptom"] == "back_thigh").unwrap();
    let regions: Vec<&str> = thigh["regions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r.as_str())
        .collect();
    assert!(regions.contains(&"semitendinosus_left"), "{regions:?}");
    assert!(
        thigh["structures"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s == "semimembranosus")
    );
}

#[test]
fn list_json_describes_regions_in_diagram_units() {
    let out = atlas()
        .args(["list", "--json", "--data", &fixture()])
        .output()
        .unwrap();
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // The pack's view is listed with the built-in ones.
    let right = region_in_json(&value, "test", "alpha_right");
    assert_eq!(right["bbox"], serde_json::json!([60.0, 10.0, 90.0, 40.0]));
    assert_eq!(right["area"], serde_json::json!(900.0));
    assert_eq!(right["side"], "Right");
    assert_eq!(right["mirror_of"], "alpha_left");
    assert!(
        right.get("outline").is_none(),
        "outlines only when asked for"
    );
}

#[test]
fn list_outlines_gives_each_region_its_rings_in_diagram_units() {
    let out = atlas()
        .args(["list", "--json", "--outlines", "--data", &fixture()])
        .output()
        .unwrap();
    assert!(out.status.success());
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let right = region_in_json(&value, "test", "alpha_right");
    let ring = right["outline"][0].as_array().unwrap();
    assert!(ring.len() >= 4, "{ring:?}");
    for p in ring {
        let (x, y) = (p[0].as_f64().unwrap(), p[1].as_f64().unwrap());
        assert!(
            (60.0..=90.0).contains(&x) && (10.0..=40.0).contains(&y),
            "{p} in the bbox"
        );
    }
    let bad = atlas().args(["list", "--outlines"]).output().unwrap();
    assert!(!bad.status.success(), "--outlines needs --json");
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

#[test]
fn new_pack_writes_a_pack_that_check_accepts_and_the_app_loads() {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("my-clinic");
    let out = atlas().arg("new-pack").arg(&pack).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let shown = pack.display().to_string();
    for file in [
        "pack.ron",
        "sources.ron",
        "structures/adductor_magnus.ron",
        "view_additions/posterior.ron",
        "README.txt",
    ] {
        assert!(pack.join(file).is_file(), "{file} written");
        assert!(stdout.contains(file), "{stdout}");
    }
    assert!(
        stdout.contains(&format!("bodywork-atlas check {shown}")),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("bodywork-atlas --data {shown}")),
        "{stdout}"
    );
    let commented = std::fs::read_to_string(pack.join("structures/adductor_magnus.ron")).unwrap();
    assert!(
        commented.matches("// ").count() >= 10,
        "the fields are explained"
    );

    let out = atlas().arg("check").arg(&pack).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.starts_with("ok:"), "{stdout}");
    assert!(stdout.contains("pack \"my-clinic\""), "{stdout}");

    // The new region is on the back view, with its mirror.
    for (x, id) in [
        ("470", "adductor_magnus_left"),
        ("530", "adductor_magnus_right"),
    ] {
        let out = atlas()
            .args(["hit", "posterior", x, "1200", "--data"])
            .arg(&pack)
            .output()
            .unwrap();
        assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), id);
    }
    let out = atlas()
        .args(["hit", "posterior", "470", "1200"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "not there without the pack");

    // Not again into the same folder.
    let out = atlas().arg("new-pack").arg(&pack).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("not an empty folder"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn check_from_a_folder_with_a_bogus_data_folder_checks_the_real_content() {
    let cwd = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(cwd.path().join("data/views")).unwrap();
    std::fs::write(cwd.path().join("data/views/bogus.ron"), "View(id: 3)").unwrap();
    std::fs::write(cwd.path().join("data/sources.ron"), "[]").unwrap();
    let out = atlas()
        .arg("check")
        .current_dir(cwd.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    let views = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/views"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "ron"))
        })
        .count();
    assert!(
        stdout.starts_with(&format!("ok: {views} views")),
        "the app's own content, not ./data: {stdout}"
    );
}

#[test]
fn check_loads_the_user_packs_and_check_dir_does_not() {
    let home = tempfile::tempdir().unwrap();
    let broken = home.path().join("bodywork-atlas/packs/broken/structures");
    std::fs::create_dir_all(&broken).unwrap();
    std::fs::write(broken.join("x.ron"), "[Structure(nmae: \"x\")]").unwrap();
    let with_user = |args: &[&str]| {
        atlas()
            .env("XDG_DATA_HOME", home.path())
            .args(args)
            .output()
            .unwrap()
    };
    let out = with_user(&["check"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("broken/structures/x.ron:1:12: ") && stdout.contains("nmae"),
        "{stdout}"
    );
    let out = with_user(&["list"]);
    assert_eq!(out.status.code(), Some(2), "list loads like the app");

    let pack = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(pack.path().join("structures")).unwrap();
    let out = with_user(&["check", &pack.path().display().to_string()]);
    // An empty pack is a problem of its own, but the user's broken pack is not loaded.
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!stdout.contains("nmae"), "{stdout}");
    let out = with_user(&["check", &fixture()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn data_is_repeatable_and_later_packs_win() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, summary: &str| {
        let p = dir.path().join(name).join("structures");
        std::fs::create_dir_all(&p).unwrap();
        std::fs::write(
            p.join("x.ron"),
            format!(
                "[Structure(id: \"extra\", name: \"Extra\", kind: Muscle, summary: \"{summary}\", description: \"d\", sources: [\"gray42\"])]"
            ),
        )
        .unwrap();
        dir.path().join(name)
    };
    let (a, b) = (write("a", "from a"), write("b", "from b"));
    let out = atlas()
        .args(["list", "--json", "--data"])
        .arg(&a)
        .arg("--data")
        .arg(&b)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let extra: Vec<_> = value["structures"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["id"] == "extra")
        .collect();
    assert_eq!(extra.len(), 1);
    assert_eq!(extra[0]["summary"], "from b");
    assert!(
        value["structures"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["id"] == "piriformis"),
        "the built-in content is loaded too"
    );
}

/// A region of a view in `list --json` output.
fn region_in_json<'a>(value: &'a serde_json::Value, view: &str, id: &str) -> &'a serde_json::Value {
    let view = value["views"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["id"] == view)
        .unwrap_or_else(|| panic!("view {view} is listed"));
    view["regions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id)
        .unwrap_or_else(|| panic!("region {id} is listed"))
}
