//! Content that travels with the binary, and content packs: the embedded content equals the
//! checkout's data/, packs add and override by id, view additions, provenance, and pack errors
//! at their file:line:column.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

mod common;

use std::path::{Path, PathBuf};

use bodywork_atlas::content::{BuiltIn, CONTENT_FORMAT_VERSION, ContentError, ContentSet, load};
use bodywork_atlas::model::{Atlas, PackOrigin};
use common::copy_dir;

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal")
}

/// The checkout's data/ as built-in content, plus `packs`.
fn with_packs(packs: &[&Path]) -> ContentSet {
    ContentSet::only(&data()).with_packs(packs.iter().map(|p| p.to_path_buf()))
}

fn shown(errors: &[ContentError]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

fn loaded(set: &ContentSet) -> Atlas {
    load(set).unwrap_or_else(|errors| panic!("{}", shown(errors.as_slice())))
}

/// Writes `files` (path, text) into a new pack folder named `name` inside `parent`.
fn pack(parent: &Path, name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = parent.join(name);
    for (rel, text) in files {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

/// The one error of a load, checked to be in `file` (a path ending) at line:column.
fn one_error(set: &ContentSet, file: &str, line: usize, column: usize) -> ContentError {
    let errors = load(set).map(|_| ()).expect_err("the pack is rejected");
    assert_eq!(errors.len(), 1, "{}", shown(&errors));
    let e = errors.into_iter().next().unwrap();
    assert!(e.location.file.ends_with(file), "{e}");
    assert_eq!((e.location.line, e.location.column), (line, column), "{e}");
    e
}

const STRUCTURE: &str = r#"[
    Structure(
        id: "extra_muscle",
        name: "Extra muscle",
        kind: Muscle,
        summary: "Added by a pack",
        description: "A muscle from a pack.",
        related: ["piriformis"],
        sources: ["gray42"],
    ),
]
"#;

#[test]
fn the_embedded_content_loads_and_equals_the_checkout_data() {
    let embedded = loaded(&ContentSet {
        builtin: BuiltIn::Embedded,
        packs: Vec::new(),
    });
    let checkout = loaded(&ContentSet::only(&data()));
    assert!(embedded.views.len() >= 5, "the embedded views are there");
    assert_eq!(embedded.structures, checkout.structures);
    assert_eq!(embedded.zones, checkout.zones);
    assert_eq!(embedded.sources, checkout.sources);
    assert_eq!(embedded.safety, checkout.safety);
    assert_eq!(embedded.packs, checkout.packs);
    assert_eq!(
        format!("{:?}", embedded.views),
        format!("{:?}", checkout.views),
        "the prepared views are the same"
    );
    let builtin = &embedded.packs[0];
    assert_eq!(builtin.id, "builtin");
    assert_eq!(builtin.name, "Bodywork Atlas");
    assert!(builtin.is_builtin());
}

#[test]
fn a_pack_over_the_embedded_content_is_checked_against_it() {
    let dir = tempfile::tempdir().unwrap();
    let p = pack(
        dir.path(),
        "p",
        &[(
            "structures/x.ron",
            &STRUCTURE.replace("\"piriformis\"", "\"nowhere\""),
        )],
    );
    let set = ContentSet {
        builtin: BuiltIn::Embedded,
        packs: vec![p],
    };
    let e = one_error(&set, "p/structures/x.ron", 8, 19);
    assert!(e.to_string().contains("\"nowhere\""), "{e}");
    let fine = pack(dir.path(), "fine", &[("structures/x.ron", STRUCTURE)]);
    let atlas = loaded(&ContentSet {
        builtin: BuiltIn::Embedded,
        packs: vec![fine],
    });
    assert_eq!(atlas.pack_of_structure("extra_muscle").unwrap().id, "fine");
}

#[test]
fn new_pack_adds_a_searchable_structure_with_its_region_and_provenance() {
    let dir = tempfile::tempdir().unwrap();
    let pack_dir = dir.path().join("my-clinic");
    let written = bodywork_atlas::content::new_pack::write_starter_pack(&pack_dir).unwrap();
    assert!(written.iter().any(|p| p.ends_with("pack.ron")));
    let atlas = loaded(&with_packs(&[&pack_dir]));

    let hits = atlas.search("adductor");
    assert!(!hits.is_empty(), "search finds the new muscle");
    let region = atlas.region(hits[0]).unwrap();
    assert_eq!(region.structure.as_deref(), Some("adductor_magnus"));
    assert_eq!(atlas.views[hits[0].view].id, "posterior");
    let posterior = &atlas.views[atlas.view_index("posterior").unwrap()];
    for id in ["adductor_magnus_left", "adductor_magnus_right"] {
        let i = posterior.region_index(id).unwrap_or_else(|| panic!("{id}"));
        let r = &posterior.regions[i];
        assert_eq!(atlas.packs[r.pack].id, "my-clinic");
        let outline = &posterior.regions[0];
        assert!(outline.contains(r.anchor), "{id} lies on the body");
        assert!(r.twin.is_some(), "{id} has its mirror");
    }
    assert_eq!(posterior.pack, 0, "the view itself is built-in");

    let from = atlas.pack_of_structure("adductor_magnus").unwrap();
    assert_eq!(from.id, "my-clinic");
    assert!(!from.is_builtin());
    assert_eq!(from.origin, PackOrigin::Dir(pack_dir.clone()));
    assert!(atlas.pack_of_structure("piriformis").unwrap().is_builtin());
    assert!(atlas.pack_of_structure("nothing").is_none());
    let structure = atlas.structure("adductor_magnus").unwrap();
    assert!(structure.self_massage.as_ref().unwrap().steps.len() >= 3);
    assert!(structure.origin.is_some() && structure.innervation.is_some());
    assert!(atlas.source("kendall5").is_some());
    // The built-in structures stay.
    assert!(atlas.structure("piriformis").is_some());
}

#[test]
fn new_pack_refuses_a_folder_that_is_not_empty() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
    let err = bodywork_atlas::content::new_pack::write_starter_pack(dir.path()).unwrap_err();
    assert!(err.to_string().contains("not an empty folder"), "{err}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("notes.txt")).unwrap(),
        "mine"
    );
    assert!(!dir.path().join("pack.ron").exists());
    // An empty folder is fine.
    let empty = tempfile::tempdir().unwrap();
    bodywork_atlas::content::new_pack::write_starter_pack(empty.path()).unwrap();
}

#[test]
fn a_pack_overriding_a_builtin_structure_replaces_its_text() {
    let dir = tempfile::tempdir().unwrap();
    let builtin = loaded(&ContentSet::only(&data()));
    let mut piriformis = builtin.structure("piriformis").unwrap().clone();
    piriformis.summary = "Our clinic summary of piriformis".into();
    piriformis.sources = vec!["clinic_notes".into()];
    let text = format!(
        "[{}]",
        ron::ser::to_string_pretty(&piriformis, ron::ser::PrettyConfig::default()).unwrap()
    );
    let p = pack(
        dir.path(),
        "clinic",
        &[
            ("structures/piriformis.ron", &text),
            (
                "sources.ron",
                r#"[Source(id: "clinic_notes", citation: "Our clinic's notes, 2026")]"#,
            ),
        ],
    );
    let atlas = loaded(&with_packs(&[&p]));
    assert_eq!(
        atlas.structures.len(),
        builtin.structures.len(),
        "replaced, not added"
    );
    let s = atlas.structure("piriformis").unwrap();
    assert_eq!(s.summary, "Our clinic summary of piriformis");
    assert_eq!(atlas.pack_of_structure("piriformis").unwrap().id, "clinic");
    assert_eq!(
        atlas.structures.iter().position(|s| s.id == "piriformis"),
        builtin.structures.iter().position(|s| s.id == "piriformis"),
        "in its place"
    );
    // The regions showing it are unchanged and name the built-in content.
    let r = atlas.find_region("piriformis_left").unwrap();
    assert_eq!(atlas.region(r).unwrap().pack, 0);

    // A later pack overrides the earlier one.
    let later = pack(
        dir.path(),
        "later",
        &[(
            "structures/piriformis.ron",
            &text.replace("Our clinic summary", "The later summary"),
        )],
    );
    let atlas = loaded(&with_packs(&[&p, &later]));
    assert_eq!(
        atlas.structure("piriformis").unwrap().summary,
        "The later summary of piriformis"
    );
    assert_eq!(atlas.pack_of_structure("piriformis").unwrap().id, "later");
}

#[test]
fn a_typo_in_a_pack_file_is_reported_once_at_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let p = pack(
        dir.path(),
        "typo",
        &[("structures/extra.ron", &STRUCTURE.replace("name:", "nmae:"))],
    );
    let e = one_error(&with_packs(&[&p]), "typo/structures/extra.ron", 4, 9);
    assert!(e.to_string().contains("nmae"), "{e}");
    assert!(
        e.location.file.starts_with(&p.display().to_string()),
        "shown under the pack's path as given: {e}"
    );
}

#[test]
fn a_newer_format_version_is_reported_and_the_pack_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let newer = CONTENT_FORMAT_VERSION + 1;
    let manifest = format!(
        "// a pack from the future\nPack(\n    id: \"future\",\n    name: \"Future\",\n    format_version: {newer},\n    hologram: true,\n)\n"
    );
    let p = pack(
        dir.path(),
        "future",
        &[
            ("pack.ron", &manifest),
            // Skipped: this broken file is not reported.
            ("structures/broken.ron", "[Structure(nmae: 1)]"),
        ],
    );
    let e = one_error(&with_packs(&[&p]), "future/pack.ron", 5, 5);
    let text = e.to_string();
    assert!(
        text.contains(&format!("needs content format {newer}"))
            && text.contains(&format!("reads format {CONTENT_FORMAT_VERSION}"))
            && text.contains("update Bodywork Atlas"),
        "{text}"
    );
}

#[test]
fn a_broken_manifest_is_reported_and_the_pack_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    let p = pack(
        dir.path(),
        "typo",
        &[
            (
                "pack.ron",
                "Pack(format_version: 1, id: \"t\", nmae: \"T\")",
            ),
            ("structures/x.ron", &STRUCTURE.replace("kind:", "knd:")),
        ],
    );
    let errors = load(&with_packs(&[&p])).map(|_| ()).unwrap_err();
    let text = shown(&errors);
    assert_eq!(errors.len(), 2, "{text}");
    assert!(
        text.contains("typo/pack.ron:1:34: ") && text.contains("nmae"),
        "{text}"
    );
    assert!(text.contains("typo/structures/x.ron:5:9: "), "{text}");
}

#[test]
fn a_pack_without_a_manifest_is_named_after_its_folder() {
    let dir = tempfile::tempdir().unwrap();
    let p = pack(dir.path(), "extras", &[("structures/extra.ron", STRUCTURE)]);
    let atlas = loaded(&with_packs(&[&p]));
    let info = atlas.pack_of_structure("extra_muscle").unwrap();
    assert_eq!((info.id.as_str(), info.name.as_str()), ("extras", "extras"));
    assert_eq!(atlas.packs.len(), 2);
}

#[test]
fn a_duplicate_id_within_one_pack_is_still_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let p = pack(
        dir.path(),
        "twice",
        &[
            ("structures/a.ron", STRUCTURE),
            ("structures/b.ron", STRUCTURE),
        ],
    );
    let e = one_error(&with_packs(&[&p]), "twice/structures/b.ron", 3, 9);
    assert!(
        e.to_string()
            .contains("duplicate structure id \"extra_muscle\" (first defined at "),
        "{e}"
    );
    // The same id in two packs is an override, not an error.
    let other = pack(dir.path(), "other", &[("structures/a.ron", STRUCTURE)]);
    let once = pack(dir.path(), "once", &[("structures/a.ron", STRUCTURE)]);
    loaded(&with_packs(&[&once, &other]));
}

#[test]
fn references_are_checked_against_the_merged_content() {
    let dir = tempfile::tempdir().unwrap();
    // A structure in one pack may cite a source from another; a missing one is reported.
    let sources = pack(
        dir.path(),
        "a_sources",
        &[(
            "sources.ron",
            r#"[Source(id: "pack_source", citation: "A book")]"#,
        )],
    );
    let uses = pack(
        dir.path(),
        "b_uses",
        &[(
            "structures/x.ron",
            &STRUCTURE.replace("\"gray42\"", "\"pack_source\""),
        )],
    );
    loaded(&with_packs(&[&sources, &uses]));
    let e = one_error(&with_packs(&[&uses]), "b_uses/structures/x.ron", 9, 19);
    assert!(e.to_string().contains("source \"pack_source\""), "{e}");
}

#[test]
fn view_additions_add_layers_above_and_replace_regions_by_id() {
    let dir = tempfile::tempdir().unwrap();
    let addition = r#"ViewAddition(
    view: "posterior",
    layers: [Layer(id: "notes", title: "Clinic notes", visible: true)],
    regions: [
        Region(id: "note_spot", layer: "notes", side: Midline, structure: Some("extra_muscle"),
               paint: Muscle, path: "M 480 600 L 520 600 L 520 640 L 480 640 Z"),
        Region(id: "piriformis_left", layer: "deep", side: Left, structure: Some("extra_muscle"),
               paint: DeepMuscle, path: "M 400 970 L 440 970 L 440 990 L 400 990 Z",
               mirror: Some("piriformis_right")),
    ],
)
"#;
    let p = pack(
        dir.path(),
        "adds",
        &[
            ("structures/x.ron", STRUCTURE),
            ("view_additions/posterior.ron", addition),
        ],
    );
    let builtin = loaded(&ContentSet::only(&data()));
    let atlas = loaded(&with_packs(&[&p]));
    let before = &builtin.views[builtin.view_index("posterior").unwrap()];
    let view = &atlas.views[atlas.view_index("posterior").unwrap()];
    assert_eq!(view.layers.len(), before.layers.len() + 1);
    assert_eq!(
        view.layers.last().unwrap().id,
        "notes",
        "drawn above the others"
    );
    assert_eq!(view.layer_images.len(), view.layers.len());
    assert_eq!(
        view.regions.len(),
        before.regions.len() + 1,
        "one added, two replaced"
    );
    let spot = &view.regions[view.region_index("note_spot").unwrap()];
    assert_eq!(spot.layer, view.layers.len() - 1);
    assert_eq!(atlas.packs[spot.pack].id, "adds");
    let piri = &view.regions[view.region_index("piriformis_left").unwrap()];
    assert_eq!(piri.structure.as_deref(), Some("extra_muscle"));
    assert_eq!(atlas.packs[piri.pack].id, "adds");
    let right = &view.regions[view.region_index("piriformis_right").unwrap()];
    assert_eq!(right.structure.as_deref(), Some("extra_muscle"));
    assert_eq!(piri.twin, view.region_index("piriformis_right"));
    // The top region at the spot is the added one.
    assert_eq!(
        view.hit(spot.anchor, |_| true),
        view.region_index("note_spot")
    );
}

#[test]
fn a_view_addition_for_an_unknown_view_is_reported_at_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let p = pack(
        dir.path(),
        "lost",
        &[(
            "view_additions/x.ron",
            "ViewAddition(\n    view: \"posteror\",\n    regions: [],\n)\n",
        )],
    );
    let e = one_error(&with_packs(&[&p]), "lost/view_additions/x.ron", 2, 11);
    assert!(
        e.to_string()
            .contains("view names view \"posteror\", which does not exist"),
        "{e}"
    );
}

#[test]
fn a_region_of_an_addition_on_a_missing_layer_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let addition = "ViewAddition(\n    view: \"posterior\",\n    regions: [\n        Region(id: \"r\", layer: \"nope\", side: Midline, paint: Muscle, path: \"M 480 600 L 520 600 L 520 640 Z\"),\n    ],\n)\n";
    let p = pack(dir.path(), "p", &[("view_additions/x.ron", addition)]);
    let e = one_error(&with_packs(&[&p]), "p/view_additions/x.ron", 4, 32);
    assert!(e.to_string().contains("layer \"nope\""), "{e}");
}

#[test]
fn a_broken_addition_file_does_not_cascade() {
    let dir = tempfile::tempdir().unwrap();
    let p = pack(
        dir.path(),
        "p",
        &[
            (
                "view_additions/a.ron",
                "ViewAddition(view: \"posterior\", layerz: [])",
            ),
            (
                "view_additions/b.ron",
                "ViewAddition(view: \"posterior\", regions: [Region(id: \"r\", layer: \"from_a\", side: Midline, paint: Muscle, path: \"M 480 600 L 520 600 L 520 640 Z\")])",
            ),
        ],
    );
    one_error(&with_packs(&[&p]), "p/view_additions/a.ron", 1, 33);
}

#[test]
fn a_pack_replaces_a_whole_view_and_the_safety_text() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("fixture_pack");
    copy_dir(&fixture(), &p);
    let atlas = loaded(&with_packs(&[&p]));
    assert!(atlas.view_index("test").is_some(), "a new view is added");
    assert!(
        atlas.view_index("posterior").is_some(),
        "the built-in views stay"
    );
    assert_eq!(
        atlas.safety.disclaimer, "Test disclaimer",
        "safety is replaced whole"
    );
    let test = &atlas.views[atlas.view_index("test").unwrap()];
    assert_eq!(atlas.packs[test.pack].id, "fixture_pack");
    assert_eq!(atlas.pack_of_zone("spot").unwrap().id, "fixture_pack");

    // A view with a built-in id replaces the built-in view.
    let view = std::fs::read_to_string(p.join("views/test.ron"))
        .unwrap()
        .replacen("id: \"test\"", "id: \"anterior\"", 1);
    std::fs::write(p.join("views/test.ron"), view).unwrap();
    let atlas = loaded(&with_packs(&[&p]));
    let anterior = &atlas.views[atlas.view_index("anterior").unwrap()];
    assert_eq!(anterior.title, "Test view");
    assert!(anterior.region_index("ant_psoas_major_left").is_none());
}

#[test]
fn pack_images_resolve_in_the_pack_assets_folder() {
    let dir = tempfile::tempdir().unwrap();
    let addition = "ViewAddition(\n    view: \"posterior\",\n    layers: [Layer(id: \"photo\", title: \"Photo\", image: Some(\"photo.png\"))],\n)\n";
    let p = pack(dir.path(), "pics", &[("view_additions/x.ron", addition)]);
    // Not in the pack's assets/ yet: reported at the image.
    let e = one_error(&with_packs(&[&p]), "pics/view_additions/x.ron", 3, 61);
    assert!(e.to_string().contains("pics/assets/photo.png"), "{e}");
    std::fs::create_dir_all(p.join("assets")).unwrap();
    image::RgbaImage::new(3, 2)
        .save(p.join("assets/photo.png"))
        .unwrap();
    let atlas = loaded(&with_packs(&[&p]));
    let view = &atlas.views[atlas.view_index("posterior").unwrap()];
    let image = view.layer_images.last().unwrap().as_ref().unwrap();
    assert_eq!(image.size, [3, 2]);
}

#[test]
fn a_missing_or_empty_pack_folder_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing");
    let errors = load(&with_packs(&[&missing])).map(|_| ()).unwrap_err();
    assert_eq!(errors.len(), 1, "{}", shown(&errors));
    assert!(
        errors[0]
            .to_string()
            .contains("cannot read the pack folder")
    );
    let empty = dir.path().join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let errors = load(&with_packs(&[&empty])).map(|_| ()).unwrap_err();
    assert_eq!(errors.len(), 1, "{}", shown(&errors));
    assert!(
        errors[0].to_string().contains("no content"),
        "{}",
        shown(&errors)
    );
}

#[test]
fn packs_alone_need_views_and_safety() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("full");
    copy_dir(&fixture(), &p);
    let atlas = loaded(&ContentSet {
        builtin: BuiltIn::None,
        packs: vec![p],
    });
    assert_eq!(atlas.views.len(), 1);
    assert!(atlas.packs.iter().all(|p| !p.is_builtin()));
    let only_text = pack(dir.path(), "text", &[("structures/x.ron", STRUCTURE)]);
    assert!(
        load(&ContentSet {
            builtin: BuiltIn::None,
            packs: vec![only_text],
        })
        .is_err()
    );
}

#[test]
fn pack_fields_are_not_accepted_in_ron() {
    let dir = tempfile::tempdir().unwrap();
    let p = pack(
        dir.path(),
        "sneaky",
        &[(
            "structures/x.ron",
            &STRUCTURE.replace("kind: Muscle,", "kind: Muscle, pack: 3,"),
        )],
    );
    let e = one_error(&with_packs(&[&p]), "sneaky/structures/x.ron", 5, 23);
    assert!(e.to_string().contains("pack"), "{e}");
}

#[cfg(unix)]
#[test]
fn a_fifo_in_a_pack_is_refused_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("p");
    std::fs::create_dir_all(pack.join("structures")).unwrap();
    let fifo = pack.join("structures/blocked.ron");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let set = ContentSet::builtin().with_packs([pack]);
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(load(&set).map(|_| ()).map_err(|e| shown(&e)));
    });
    let result = rx
        .recv_timeout(std::time::Duration::from_secs(20))
        .expect("the load returns instead of blocking on the FIFO");
    let errors = result.expect_err("the FIFO is reported");
    assert!(
        errors.contains("blocked.ron:1:1") && errors.contains("not a regular file"),
        "{errors}"
    );
}
