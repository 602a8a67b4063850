//! Helpers shared by the integration tests.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)] // each test file uses some

use std::path::Path;

use bodywork_atlas::{AtlasApp, StartOptions};
use egui::{Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;

/// The real app with the built-in content, 1600x1000, settings neither read nor saved.
pub fn app_harness() -> Harness<'static, AtlasApp> {
    harness_with(StartOptions::ephemeral())
}

/// The real app started with these options, 1600x1000.
pub fn harness_with(options: StartOptions) -> Harness<'static, AtlasApp> {
    let mut harness = Harness::builder()
        .with_size([1600.0, 1000.0])
        .build_eframe(move |cc| AtlasApp::new(cc, options.clone()));
    harness.run();
    harness
}

/// A screen point where a click hits `region_id` on the current view: its anchor, or failing
/// that the first of its triangles not covered by a region drawn above it.
pub fn hit_point(harness: &Harness<'_, AtlasApp>, region_id: &str) -> Pos2 {
    let app = harness.state();
    let view = app.current_view().unwrap();
    let i = view
        .region_index(region_id)
        .unwrap_or_else(|| panic!("{region_id} is on {}", view.id));
    let region = &view.regions[i];
    let layers = app.prefs().layer_states(view);
    let hit = |p: Pos2| layers.hit(view, p);
    let candidates = std::iter::once(region.anchor).chain(region.mesh.indices.chunks(3).map(|t| {
        let [a, b, c] = [t[0], t[1], t[2]].map(|k| region.mesh.vertices[k as usize]);
        Pos2::new((a.x + b.x + c.x) / 3.0, (a.y + b.y + c.y) / 3.0)
    }));
    let p = candidates
        .into_iter()
        .find(|p| hit(*p) == Some(i))
        .expect("a visible point of the region");
    app.screen_from_diagram().unwrap().mul_pos(p)
}

/// A full press and release at a point, as a mouse click; then the pointer leaves, so no
/// tooltip repeats a name.
pub fn click_at(harness: &mut Harness<'_, AtlasApp>, pos: Pos2) {
    harness.hover_at(pos);
    harness.run();
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.run();
    harness.remove_cursor();
    harness.run();
}

/// Copies a folder tree.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A test fixture folder under tests/fixtures.
pub fn fixture_dir(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Copies fixture folders (later ones over earlier) into a temporary `data` folder, writes
/// `files` (path, text) over them, then replaces the first `from` by `to` in `file` (no edit
/// when `file` is empty).
pub fn edited_fixture(
    fixtures: &[&str],
    files: &[(&str, &str)],
    (file, from, to): (&str, &str, &str),
) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    for name in fixtures {
        copy_dir(&fixture_dir(name), &data);
    }
    for (name, text) in files {
        std::fs::write(data.join(name), text).unwrap();
    }
    if !file.is_empty() {
        let path = data.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "fixture {file} has no {from:?}");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    }
    (dir, data)
}

/// Asserts exactly one error, in `file` (a path ending), at line:column, whose message
/// contains `words`, shown as `file:line:column: message`.
pub fn assert_one_error(
    errors: &[bodywork_atlas::content::ContentError],
    file: &str,
    (line, column): (usize, usize),
    words: &str,
) {
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let e = &errors[0];
    let shown = e.to_string();
    assert!(e.location.file.ends_with(file), "{shown}");
    assert_eq!(
        (e.location.line, e.location.column),
        (line, column),
        "{shown}"
    );
    assert!(shown.contains(words), "{shown}");
    let (prefix, _) = shown.split_once(": ").unwrap();
    assert!(
        prefix.ends_with(&format!("{file}:{line}:{column}")),
        "shown as file:line:column: {shown}"
    );
}
