//! The hostile corpus: content a download, a careless edit or a hostile person could hand the
//! app. Each case under `tests/hostile/` is a content pack with an `expected.txt` (what it is,
//! then each expected problem as `FILE:LINE:COLUMN: start of the message`, or `ok`). Every case
//! goes over the minimal fixture through the loader, through `check` (the built binary), and
//! through the running app, which shows the problems and keeps running with the built-in
//! content; none may panic, hang or abort.
//!
//! Cases that cannot be committed are made in a temporary folder at test time: a 1 GB sparse
//! file, named pipes, a device, symbolic links out of a pack, a path with a million points, a
//! 10 MB id, forty layers showing one image. Session files have their hostile cases in
//! `tests/session_file.rs` (the example session cut at every byte, not UTF-8, misspelt, newer).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

mod common;

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use bodywork_atlas::StartOptions;
use bodywork_atlas::content::{ContentError, ContentSet, load};
use egui_kittest::kittest::Queryable as _;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal")
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile")
}

fn over_fixture(pack: &Path) -> ContentSet {
    ContentSet::only(&fixture()).with_packs([pack.to_path_buf()])
}

/// One expected problem: where, and how its message starts.
#[derive(Debug)]
struct Expect {
    file: String,
    line: usize,
    column: usize,
    message: String,
}

impl Expect {
    fn new(at: &str, message: &str) -> Self {
        let mut parts = at.rsplitn(3, ':');
        let column = parts.next().unwrap().parse().unwrap();
        let line = parts.next().unwrap().parse().unwrap();
        let file = parts.next().unwrap().to_owned();
        Self {
            file,
            line,
            column,
            message: message.to_owned(),
        }
    }

    /// Whether `error` is this problem, in pack `pack`.
    fn matches(&self, pack: &Path, error: &ContentError) -> bool {
        // The pack's path may be shown relative to the current folder.
        let name = pack.file_name().unwrap().to_string_lossy();
        let file = format!("{name}/{}", self.file);
        error.location.file.ends_with(&file)
            && (error.location.line, error.location.column) == (self.line, self.column)
            && error.problem.to_string().starts_with(&self.message)
    }
}

/// The expected problems of a committed case (empty: it loads).
fn expected(case: &Path) -> Vec<Expect> {
    let text = std::fs::read_to_string(case.join("expected.txt")).unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty() && l.trim() != "ok")
        .map(|l| {
            // FILE:LINE:COLUMN: message (the message may hold ": " itself).
            let (at, message) = split_location(l);
            Expect::new(at, message)
        })
        .collect()
}

fn split_location(line: &str) -> (&str, &str) {
    let mut colons = line.match_indices(':').map(|(i, _)| i);
    let _file_end = colons.next().unwrap();
    let _line_end = colons.next().unwrap();
    let column_end = colons.next().unwrap();
    (&line[..column_end], line[column_end + 1..].trim_start())
}

/// Runs `f` on another thread; fails when it has not returned within a minute (a hang).
fn without_hanging<R: Send + 'static>(what: &str, f: impl FnOnce() -> R + Send + 'static) -> R {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(Duration::from_secs(60))
        .unwrap_or_else(|_| panic!("{what}: did not return (a hang)"))
}

/// Loads the case through the loader and checks the problems against `expect`.
fn assert_loader(pack: &Path, expect: &[Expect]) -> Vec<ContentError> {
    let set = over_fixture(pack);
    let what = pack.display().to_string();
    let result = without_hanging(&what, move || load(&set).map(|_| ()));
    let errors = result.err().unwrap_or_default();
    let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(errors.len(), expect.len(), "{what}: {shown:#?}");
    for (error, e) in errors.iter().zip(expect) {
        assert!(
            e.matches(pack, error),
            "{what}: expected {e:?}, got {error}"
        );
    }
    for line in &shown {
        assert!(
            !line.contains('\u{1b}') && line.chars().count() < 2_000,
            "{what}: every message is safe to print and bounded: {line:?}"
        );
    }
    errors
}

/// Runs `check` on the case (the built binary, its built-in content pointed at the fixture):
/// one line per problem, as the loader found them, and the exit code says so.
fn assert_check(pack: &Path, errors: &[ContentError]) {
    if !cfg!(debug_assertions) {
        return; // BODYWORK_ATLAS_CONTENT is an authoring aid of debug builds only
    }
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_bodywork-atlas"));
    command
        .env("BODYWORK_ATLAS_CONTENT", fixture())
        .env(
            "XDG_DATA_HOME",
            Path::new(env!("CARGO_TARGET_TMPDIR")).join("no-user-data"),
        )
        .arg("check")
        .arg(pack);
    let what = pack.display().to_string();
    let out = without_hanging(&what, move || command.output().unwrap());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.success(), errors.is_empty(), "{what}: {stdout}");
    if errors.is_empty() {
        return;
    }
    assert_eq!(out.status.code(), Some(1), "{what}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), errors.len(), "{what}: {stdout}");
    for (line, error) in lines.iter().zip(errors) {
        // The same message; a path may be shown relative to the current folder.
        let message = error.problem.to_string();
        assert!(line.ends_with(&message), "{what}: {line} / {message}");
        assert!(!line.contains('\u{1b}'), "{what}: raw escape printed");
    }
}

/// Starts the app with the case as a pack: it shows the built-in content and the problems in
/// the banner, and keeps running.
fn assert_app(pack: &Path, errors: &[ContentError]) {
    let mut harness = common::harness_with(StartOptions {
        content: over_fixture(pack),
        ..StartOptions::ephemeral()
    });
    harness.run();
    let app = harness.state();
    let what = pack.display();
    assert!(app.atlas().is_some(), "{what}: the app shows content");
    assert_eq!(app.errors(), errors, "{what}");
    if !errors.is_empty() {
        harness.get_by_label_contains("problem(s) in the content files");
    }
}

fn assert_case(pack: &Path, expect: &[Expect]) {
    let errors = assert_loader(pack, expect);
    assert_check(pack, &errors);
    assert_app(pack, &errors);
}

#[test]
fn every_case_of_the_corpus_gives_its_expected_problem_without_a_panic() {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(corpus())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 20, "{cases:?}");
    for case in cases {
        assert_case(&case, &expected(&case));
    }
}

/// A pack folder in a temporary folder, with `files` written (text).
fn pack(files: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("made");
    for (name, text) in files {
        let path = pack.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    std::fs::create_dir_all(&pack).unwrap();
    (dir, pack)
}

/// A view addition to the fixture's view with one layer showing `image`.
fn image_layer(image: &str) -> String {
    format!(
        "ViewAddition(\n    view: \"test\",\n    layers: [Layer(id: \"picture\", title: \"Picture\", image: Some(\"{image}\"))],\n)\n"
    )
}

/// Where the image of [`image_layer`] is named.
const IMAGE_AT: &str = "view_additions/test.ron:3:65";

#[test]
fn a_sparse_1_gb_file_is_refused_by_its_size_before_it_is_read() {
    let (_dir, p) = pack(&[]);
    std::fs::create_dir_all(p.join("structures")).unwrap();
    let file = std::fs::File::create(p.join("structures/huge.ron")).unwrap();
    file.set_len(1 << 30).unwrap();
    assert_case(
        &p,
        &[Expect::new(
            "structures/huge.ron:1:1",
            "cannot read the file: the file is 1073741824 bytes; the limit is 16777216",
        )],
    );
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(made.success());
}

#[cfg(unix)]
#[test]
fn named_pipes_and_devices_are_refused_without_blocking() {
    let (_dir, p) = pack(&[("view_additions/test.ron", &image_layer("pipe.png"))]);
    mkfifo(&p.join("structures/pipe.ron"));
    mkfifo(&p.join("assets/pipe.png"));
    std::fs::create_dir_all(p.join("zones")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", p.join("zones/zero.ron")).unwrap();
    assert_case(
        &p,
        &[
            Expect::new(
                "structures/pipe.ron:1:1",
                "cannot read the file: not a regular file",
            ),
            Expect::new(IMAGE_AT, "image \"pipe.png\": cannot read"),
            Expect::new(
                "zones/zero.ron:1:1",
                "cannot read the file: not a regular file",
            ),
        ],
    );
}

#[cfg(unix)]
#[test]
fn symbolic_links_that_leave_the_pack_are_refused() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.png"), b"not for the app").unwrap();
    std::fs::create_dir_all(outside.path().join("etc")).unwrap();
    std::fs::write(outside.path().join("etc/passwd"), b"root:x:0:0").unwrap();
    for (image, link, target) in [
        // A link to a file elsewhere.
        (
            "photo.png",
            "assets/photo.png",
            outside.path().join("secret.png"),
        ),
        // A linked folder, through which a plain path leads elsewhere.
        ("etc/passwd", "assets/etc", outside.path().join("etc")),
    ] {
        let (_dir, p) = pack(&[("view_additions/test.ron", &image_layer(image))]);
        std::fs::create_dir_all(p.join("assets")).unwrap();
        std::os::unix::fs::symlink(&target, p.join(link)).unwrap();
        assert_case(
            &p,
            &[Expect::new(
                IMAGE_AT,
                &format!("image \"{image}\": cannot read"),
            )],
        );
        let errors = load(&over_fixture(&p)).map(|_| ()).unwrap_err();
        assert!(
            errors[0]
                .to_string()
                .contains("leads outside the pack's assets/ folder"),
            "{}",
            errors[0]
        );
    }
}

#[test]
fn a_path_with_a_million_points_is_refused_at_its_place() {
    // Up and down a narrow strip: a million distinct points, few crossing any one line.
    let mut path = String::from("M 60 10");
    for _ in 0..500_000 {
        path.push_str("l.5 .00008l-.5 .00008");
    }
    path.push_str("H 55 V 10 Z");
    let addition = format!(
        "ViewAddition(\n    view: \"test\",\n    regions: [Region(id: \"million\", layer: \"low\", side: Midline, structure: Some(\"alpha\"), paint: Muscle, path: \"{path}\")],\n)\n"
    );
    let (_dir, p) = pack(&[("view_additions/test.ron", &addition)]);
    // Refused at the path (the view's path data is bounded), before it could stall a frame.
    let errors = assert_loader(
        &p,
        &[Expect::new(
            "view_additions/test.ron:3:107",
            "region \"million\": the view's path data has more than 100000 commands",
        )],
    );
    assert_check(&p, &errors);
}

/// A closed sawtooth of `teeth` points across the fixture's canvas: its closing edge crosses
/// every tooth, the worst case for filling.
fn sawtooth_view(id: &str, teeth: usize) -> String {
    let mut path = String::from("M 1 1");
    for i in 0..teeth {
        let x = 1.0 + 98.0 * i as f64 / teeth as f64;
        let y = if i % 2 == 0 { 1 } else { 99 };
        path.push_str(&format!(" L {x:.4} {y}"));
    }
    path.push_str(" Z");
    format!(
        "ViewAddition(\n    view: \"test\",\n    regions: [Region(id: \"{id}\", layer: \"low\", side: Midline, structure: Some(\"alpha\"), paint: Muscle, path: \"{path}\")],\n)\n"
    )
}

#[test]
fn a_filled_shape_of_more_than_10000_commands_is_refused_before_it_is_filled() {
    // A sawtooth of 50,000 points took lyon 7 s to fill; one shape is held to 10,000 commands.
    let (_dir, p) = pack(&[("view_additions/test.ron", &sawtooth_view("saw", 10_001))]);
    let errors = assert_loader(
        &p,
        &[Expect::new(
            "view_additions/test.ron:3:103",
            "region \"saw\": the filled shape has 1000",
        )],
    );
    let shown = errors[0].to_string();
    assert!(shown.contains("may have at most 10000"), "{shown}");
    assert_check(&p, &errors);
    // At the limit it is drawn.
    let (_dir, p) = pack(&[("view_additions/test.ron", &sawtooth_view("saw", 9_998))]);
    assert_loader(&p, &[]);
}

#[test]
fn a_10_mb_unknown_id_is_named_shortened() {
    let id = "x".repeat(10_000_000);
    let addition = format!(
        "ViewAddition(\n    view: \"test\",\n    regions: [Region(id: \"r\", layer: \"low\", side: Midline, structure: Some(\"{id}\"), paint: Muscle, path: \"M 60 10 L 90 10 L 90 40 Z\")],\n)\n"
    );
    let (_dir, p) = pack(&[("view_additions/test.ron", &addition)]);
    let errors = assert_loader(
        &p,
        &[Expect::new(
            "view_additions/test.ron:3:76",
            "structure names structure \"xxxxxxxxxx",
        )],
    );
    let shown = errors[0].to_string();
    assert!(shown.contains("… (10000000 characters)"), "{shown}");
    assert_check(&p, &errors);
    assert_app(&p, &errors);
}

#[test]
fn forty_layers_showing_one_image_share_one_decoded_copy() {
    let layers: Vec<String> = (0..40)
        .map(|i| format!("Layer(id: \"l{i}\", title: \"Layer {i}\", image: Some(\"big.png\"))"))
        .collect();
    let addition = format!(
        "ViewAddition(\n    view: \"test\",\n    layers: [{}],\n)\n",
        layers.join(", ")
    );
    let (_dir, p) = pack(&[("view_additions/test.ron", &addition)]);
    std::fs::create_dir_all(p.join("assets")).unwrap();
    image::RgbaImage::new(1024, 1024)
        .save(p.join("assets/big.png"))
        .unwrap();
    let atlas = load(&over_fixture(&p)).unwrap();
    let view = &atlas.views[atlas.view_index("test").unwrap()];
    let images: Vec<_> = view.layer_images.iter().flatten().collect();
    assert_eq!(images.len(), 40);
    assert!(
        images.iter().all(|i| std::sync::Arc::ptr_eq(i, images[0])),
        "decoded once, shared by every layer"
    );
}
