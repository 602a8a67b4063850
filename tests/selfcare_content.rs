//! The self-care content: timed steps, stretches, routines and the guide load from RON, plain
//! string steps keep loading, and every kind of mistake is reported at its file:line:column.
//! The shipped guide links what a person feels to structures that can be highlighted.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

mod common;

use bodywork_atlas::content::{ContentError, ContentSet, load};
use bodywork_atlas::model::Atlas;
use bodywork_atlas::model::content::{Block, Sides};
use bodywork_atlas::model::routine::{Action, Plan};

const STRUCTURES: &str = r#"[
    Structure(
        id: "alpha",
        name: "Alpha muscle",
        kind: Muscle,
        summary: "A test muscle",
        description: "Used by the tests.",
        self_massage: Some(SelfMassage(
            tool: "Ball",
            position: "Sit",
            steps: [
                "Find it.",
                Step(text: "Hold on it.", hold: Some((30, 90))),
                "Move on.",
            ],
            hold_secs: (30, 90),
            breathing: "Slowly",
            pressure: "Moderate",
            frequency: "Daily",
        )),
        stretches: [
            Stretch(name: "Reach", how: "Reach up.", hold_secs: (20, 30), reps: 3, sides: Both),
            Stretch(name: "Old style", how: "No reps or sides given.", hold_secs: (20, 30)),
        ],
        related: ["beta", "group"],
        sources: ["gray42"],
    ),
    Structure(
        id: "beta",
        name: "Beta muscle",
        kind: Muscle,
        summary: "Another test muscle",
        description: "Lies under alpha.",
        sources: ["gray42"],
    ),
    Structure(
        id: "group",
        name: "Group",
        kind: MuscleGroup,
        summary: "Alpha and beta",
        description: "Drawn as its muscles.",
        related: ["alpha"],
        sources: ["gray42"],
    ),
]
"#;

const ROUTINES: &str = r#"[
    Routine(
        id: "r1",
        name: "Test routine",
        summary: "A routine.",
        tool: "Ball",
        position: "Sit",
        parts: [
            RoutinePart(structure: "alpha"),
            RoutinePart(structure: "alpha", stretch: Some("Reach")),
            RoutinePart(
                structure: "beta",
                title: Some("Beta part"),
                steps: ["Press.", Step(text: "Hold still.", hold: Some((20, 40)))],
            ),
        ],
        sources: ["gray42"],
    ),
]
"#;

const GUIDE: &str = r#"Guide(
    title: "Guide",
    summary: "Summary",
    caveat: "Not a diagnosis.",
    sections: [
        GuideSection(
            id: "a",
            title: "A",
            blocks: [
                Text("Some text."),
                Evidence(Low, "Weak evidence."),
                SymptomFinder,
                Variants([Variant(title: "V", share: "most", text: "t", layer: "high", views: ["test"])]),
                Table(Table(columns: ["Root", "Skin"], rows: [["L5", "Top of the foot"]])),
                Timeline([Phase(name: "Acute", frequency: "Weekly", interval_days: (3, 7), weeks: Some((4, 6)), goal: "Ease")]),
                Items([Item(title: "I", text: "t", structures: ["alpha"])]),
            ],
            sources: ["gray42"],
        ),
        GuideSection(id: "b", title: "B", blocks: [RedFlags, Routines], sources: ["gray42"]),
    ],
    symptoms: [
        Symptom(id: "s1", label: "Ache", area: "Back", structures: ["alpha"], why: "Because."),
        Symptom(id: "s2", label: "Group ache", area: "Back", structures: ["group"], why: "Because."),
    ],
)
"#;

/// The minimal fixture with the self-care files above, `file`'s `from` replaced by `to`.
fn load_with(
    file: &str,
    from: &str,
    to: &str,
) -> (tempfile::TempDir, Result<Atlas, Vec<ContentError>>) {
    let files = [
        ("structures/muscles.ron", STRUCTURES),
        ("routines.ron", ROUTINES),
        ("guide.ron", GUIDE),
    ];
    let (dir, data) = common::edited_fixture(&["minimal"], &files, (file, from, to));
    let result = load(&ContentSet::only(&data));
    (dir, result)
}

/// Line and column (1-based) where `needle` starts in `text`, as the loader counts them.
fn place(text: &str, needle: &str) -> (usize, usize) {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} is in the text"));
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap().chars().count() + 1;
    (line, column)
}

/// Exactly one error, in `file`, where `marker` starts in the edited text, mentioning `words`.
fn assert_one_error_at(
    result: &Result<Atlas, Vec<ContentError>>,
    file: &str,
    edited: &str,
    marker: &str,
    words: &str,
) {
    let errors = result.as_ref().expect_err("the broken content is rejected");
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let e = &errors[0];
    let shown = e.to_string();
    assert!(e.location.file.ends_with(file), "{shown}");
    assert_eq!(
        (e.location.line, e.location.column),
        place(edited, marker),
        "{shown}"
    );
    assert!(shown.contains(words), "{shown}");
}

fn edit(text: &str, from: &str, to: &str) -> String {
    text.replacen(from, to, 1)
}

#[test]
fn plain_and_timed_steps_stretches_routines_and_the_guide_load() {
    let (_dir, atlas) = load_with("", "", "");
    let atlas = atlas.unwrap();
    let alpha = atlas.structure("alpha").unwrap();
    let steps = &alpha.self_massage.as_ref().unwrap().steps;
    assert_eq!(steps[0].text, "Find it.");
    assert_eq!(
        steps[0].hold, None,
        "a plain string is a step without a timer"
    );
    assert_eq!(steps[1].hold, Some((30, 90)));
    let [reach, old] = &alpha.stretches[..] else {
        panic!("two stretches")
    };
    assert_eq!((reach.reps, reach.sides), (3, Sides::Both));
    assert_eq!(
        (old.reps, old.sides),
        (1, Sides::EachSide),
        "older stretches are held once on each side"
    );
    assert_eq!(atlas.routines.len(), 1);
    let guide = atlas.guide.as_ref().unwrap();
    assert_eq!(guide.sections.len(), 2);
    assert!(matches!(guide.sections[0].blocks[2], Block::SymptomFinder));

    let plan = Plan::from_routine(&atlas.routines[0], &atlas).unwrap();
    let actions: Vec<&Action> = plan.steps.iter().map(|s| &s.action).collect();
    assert_eq!(
        plan.steps.len(),
        3 + 1 + 2,
        "alpha's own steps, its stretch, beta's steps"
    );
    assert_eq!(actions[1], &Action::Hold { range: (30, 90) });
    assert!(
        matches!(
            actions[3],
            Action::Stretch {
                reps: 3,
                each_side: false,
                ..
            }
        ),
        "{:?}",
        actions[3]
    );
    assert_eq!(plan.parts[2].title, "Beta part");
    assert_eq!(
        plan.parts[0].title, "Alpha muscle",
        "the structure's name by default"
    );
}

#[test]
fn a_group_without_a_drawing_of_its_own_is_highlighted_as_its_muscles() {
    let (_dir, atlas) = load_with("", "", "");
    let atlas = atlas.unwrap();
    assert_eq!(atlas.drawn_parts("group"), ["alpha"]);
    assert_eq!(atlas.drawn_parts("alpha"), ["alpha"]);
}

#[test]
fn a_step_hold_the_wrong_way_round_is_reported_at_the_hold() {
    let edited = edit(STRUCTURES, "hold: Some((30, 90))", "hold: Some((90, 30))");
    let (_dir, result) = load_with(
        "structures/muscles.ron",
        "hold: Some((30, 90))",
        "hold: Some((90, 30))",
    );
    assert_one_error_at(
        &result,
        "structures/muscles.ron",
        &edited,
        "hold: Some((90",
        "step 2: hold (90, 30)",
    );
}

#[test]
fn a_misspelt_step_field_is_reported_at_its_place() {
    let edited = edit(
        STRUCTURES,
        "Step(text: \"Hold on it.\", hold:",
        "Step(text: \"Hold on it.\", hodl:",
    );
    let (_dir, result) = load_with(
        "structures/muscles.ron",
        "Step(text: \"Hold on it.\", hold:",
        "Step(text: \"Hold on it.\", hodl:",
    );
    assert_one_error_at(&result, "structures/muscles.ron", &edited, "hodl", "hodl");
}

#[test]
fn a_stretch_with_no_reps_is_reported() {
    let edited = edit(STRUCTURES, "reps: 3", "reps: 0");
    let (_dir, result) = load_with("structures/muscles.ron", "reps: 3", "reps: 0");
    assert_one_error_at(
        &result,
        "structures/muscles.ron",
        &edited,
        "reps: 0",
        "reps must be 1 to 20",
    );
}

#[test]
fn a_routine_part_naming_a_missing_structure_is_reported_at_the_name() {
    let edited = edit(ROUTINES, "structure: \"beta\"", "structure: \"gamma\"");
    let (_dir, result) = load_with(
        "routines.ron",
        "structure: \"beta\"",
        "structure: \"gamma\"",
    );
    assert_one_error_at(
        &result,
        "routines.ron",
        &edited,
        "\"gamma\"",
        "structure \"gamma\", which does not exist",
    );
}

#[test]
fn a_routine_part_naming_a_missing_stretch_is_reported() {
    let edited = edit(ROUTINES, "Some(\"Reach\")", "Some(\"Rech\")");
    let (_dir, result) = load_with("routines.ron", "Some(\"Reach\")", "Some(\"Rech\")");
    assert_one_error_at(
        &result,
        "routines.ron",
        &edited,
        "\"Rech\"",
        "has no stretch named \"Rech\" (it has: Reach, Old style)",
    );
}

#[test]
fn a_routine_part_with_nothing_to_follow_is_reported() {
    // beta has no self-massage steps of its own.
    let edited = edit(
        ROUTINES,
        "RoutinePart(structure: \"alpha\"),",
        "RoutinePart(structure: \"beta\"),",
    );
    let (_dir, result) = load_with(
        "routines.ron",
        "RoutinePart(structure: \"alpha\"),",
        "RoutinePart(structure: \"beta\"),",
    );
    assert_one_error_at(
        &result,
        "routines.ron",
        &edited,
        "structure: \"beta\"),",
        "part 1: \"beta\" has no self-massage steps",
    );
}

#[test]
fn a_routine_step_hold_too_long_is_reported_at_the_hold() {
    let edited = edit(ROUTINES, "hold: Some((20, 40))", "hold: Some((20, 4000))");
    let (_dir, result) = load_with(
        "routines.ron",
        "hold: Some((20, 40))",
        "hold: Some((20, 4000))",
    );
    assert_one_error_at(
        &result,
        "routines.ron",
        &edited,
        "hold: Some((20, 4000",
        "part 3, step 2",
    );
}

#[test]
fn a_routine_without_sources_is_reported() {
    let edited = edit(ROUTINES, "sources: [\"gray42\"]", "sources: []");
    let (_dir, result) = load_with("routines.ron", "sources: [\"gray42\"]", "sources: []");
    assert_one_error_at(
        &result,
        "routines.ron",
        &edited,
        "sources: []",
        "names no source",
    );
}

#[test]
fn a_guide_section_without_sources_is_reported() {
    let edited = edit(
        GUIDE,
        "blocks: [RedFlags, Routines], sources: [\"gray42\"]",
        "blocks: [RedFlags, Routines], sources: []",
    );
    let (_dir, result) = load_with(
        "guide.ron",
        "blocks: [RedFlags, Routines], sources: [\"gray42\"]",
        "blocks: [RedFlags, Routines], sources: []",
    );
    assert_one_error_at(
        &result,
        "guide.ron",
        &edited,
        "sources: []",
        "section \"b\" names no source",
    );
}

#[test]
fn a_symptom_naming_a_missing_structure_is_reported_at_the_name() {
    let edited = edit(GUIDE, "structures: [\"group\"]", "structures: [\"grop\"]");
    let (_dir, result) = load_with(
        "guide.ron",
        "structures: [\"group\"]",
        "structures: [\"grop\"]",
    );
    assert_one_error_at(
        &result,
        "guide.ron",
        &edited,
        "\"grop\"",
        "structure \"grop\", which does not exist",
    );
}

#[test]
fn a_symptom_pointing_at_something_not_drawn_is_reported() {
    // The group's only muscle no longer names it back: nothing is drawn for it.
    let (_dir, result) = load_with(
        "structures/muscles.ron",
        "related: [\"beta\", \"group\"]",
        "related: [\"beta\"]",
    );
    assert_one_error_at(
        &result,
        "guide.ron",
        GUIDE,
        "\"group\"]",
        "\"group\" is not drawn on any view",
    );
}

#[test]
fn a_variant_naming_a_layer_the_view_lacks_is_reported() {
    let edited = edit(GUIDE, "layer: \"high\"", "layer: \"higher\"");
    let (_dir, result) = load_with("guide.ron", "layer: \"high\"", "layer: \"higher\"");
    assert_one_error_at(
        &result,
        "guide.ron",
        &edited,
        "\"higher\"",
        "view \"test\" has no layer \"higher\"",
    );
}

#[test]
fn a_table_row_of_the_wrong_width_is_reported() {
    let edited = edit(GUIDE, "[\"L5\", \"Top of the foot\"]", "[\"L5\"]");
    let (_dir, result) = load_with("guide.ron", "[\"L5\", \"Top of the foot\"]", "[\"L5\"]");
    assert_one_error_at(
        &result,
        "guide.ron",
        &edited,
        "rows:",
        "table row 1 has 1 cells; the table has 2 columns",
    );
}

#[test]
fn an_unknown_block_is_a_syntax_error_at_its_place() {
    let edited = edit(GUIDE, "Text(\"Some text.\")", "Txet(\"Some text.\")");
    let (_dir, result) = load_with("guide.ron", "Text(\"Some text.\")", "Txet(\"Some text.\")");
    assert_one_error_at(&result, "guide.ron", &edited, "Txet", "Txet");
}

#[test]
fn duplicate_symptom_ids_are_reported_at_the_second() {
    let edited = edit(GUIDE, "id: \"s2\"", "id: \"s1\"");
    let (_dir, result) = load_with("guide.ron", "id: \"s2\"", "id: \"s1\"");
    let second = edited.rfind("id: \"s1\"").unwrap();
    let errors = result.unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0]
            .to_string()
            .contains("duplicate symptom id \"s1\"")
    );
    let line = edited[..second].matches('\n').count() + 1;
    assert_eq!(errors[0].location.line, line, "{}", errors[0]);
}

#[test]
fn the_shipped_guide_links_feelings_to_structures_that_are_drawn() {
    let atlas = load(&ContentSet::builtin()).unwrap();
    let guide = atlas
        .guide
        .as_ref()
        .expect("the shipped content has a guide");
    for section in &guide.sections {
        assert!(
            !section.sources.is_empty(),
            "{} names its sources",
            section.id
        );
    }
    let symptom = |id: &str| guide.symptoms.iter().find(|s| s.id == id).unwrap();
    let parts = |id: &str| -> Vec<&str> {
        symptom(id)
            .structures
            .iter()
            .flat_map(|s| atlas.drawn_parts(s))
            .collect()
    };
    assert!(parts("buttock_sitting").contains(&"piriformis"));
    let thigh = parts("back_thigh");
    for hamstring in [
        "biceps_femoris_long_head",
        "semitendinosus",
        "semimembranosus",
    ] {
        assert!(
            thigh.contains(&hamstring),
            "the hamstrings are drawn as {thigh:?}"
        );
    }
    for s in &guide.symptoms {
        assert!(!parts(&s.id).is_empty(), "{} highlights something", s.id);
        assert!(!s.why.trim().is_empty(), "{} says why", s.id);
    }
    let blocks: Vec<&Block> = guide.sections.iter().flat_map(|s| &s.blocks).collect();
    assert!(blocks.iter().any(|b| matches!(b, Block::RedFlags)));
    assert!(
        blocks
            .iter()
            .any(|b| matches!(b, Block::Timeline(p) if p.len() == 3))
    );
    let variants: Vec<&str> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Variants(v) => Some(v),
            _ => None,
        })
        .flatten()
        .map(|v| v.layer.as_str())
        .collect();
    for layer in ["nerves_through", "nerves_split", "nerves_above"] {
        assert!(
            variants.contains(&layer),
            "the guide links the {layer} layer"
        );
    }
    let seated = atlas
        .routine("seated_ball")
        .expect("the seated ball routine ships");
    let plan = Plan::from_routine(seated, &atlas).unwrap();
    let worked: Vec<&str> = plan.parts.iter().map(|p| p.structure.as_str()).collect();
    for s in [
        "gluteus_maximus",
        "piriformis",
        "hamstrings",
        "gluteus_medius",
    ] {
        assert!(
            worked.contains(&s),
            "the seated routine works {s}: {worked:?}"
        );
    }
    assert!(
        plan.steps
            .iter()
            .any(|s| s.action.range() == Some((30, 90)))
    );
    let flags: String = atlas
        .safety
        .red_flags
        .iter()
        .map(|f| f.sign.to_lowercase())
        .collect();
    assert!(
        flags.contains("pulsing"),
        "the abdominal aortic aneurysm flag is listed"
    );
    assert!(
        flags.contains("walking a set distance"),
        "vascular claudication is listed"
    );
}

#[test]
fn a_broken_view_is_reported_once_not_as_a_cascade_through_the_guide() {
    let (dir, _) = load_with("", "", "");
    let view = dir.path().join("data/views/test.ron");
    let text = std::fs::read_to_string(&view)
        .unwrap()
        .replacen("layers:", "layerz:", 1);
    std::fs::write(&view, text).unwrap();
    let errors = load(&ContentSet::only(&dir.path().join("data"))).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(errors[0].location.file.ends_with("views/test.ron"));
}

#[test]
fn a_therapist_adds_a_routine_in_a_pack_over_the_built_in_content() {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("clinic");
    std::fs::create_dir_all(&pack).unwrap();
    let routine = r#"[
    Routine(
        id: "clinic_calves",
        name: "Calves after a long day",
        summary: "Five minutes.",
        tool: "A tennis ball",
        position: "Sit on the floor",
        parts: [RoutinePart(structure: "gastrocnemius"), RoutinePart(structure: "calves", stretch: Some("Wall calf stretch, back knee bent (soleus)"))],
        sources: ["gray42"],
    ),
]
"#;
    std::fs::write(pack.join("routines.ron"), routine).unwrap();
    let atlas = load(&ContentSet::builtin().with_packs([pack.clone()])).unwrap();
    let added = atlas
        .routine("clinic_calves")
        .expect("the pack's routine is added");
    assert_eq!(atlas.packs[added.pack].id, "clinic");
    assert!(
        atlas.routine("seated_ball").is_some(),
        "the built-in routines stay"
    );
    assert!(Plan::from_routine(added, &atlas).is_some());

    std::fs::write(
        pack.join("routines.ron"),
        routine.replace("gastrocnemius", "gastrocnemus"),
    )
    .unwrap();
    let errors = load(&ContentSet::builtin().with_packs([pack])).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].location.file.ends_with("clinic/routines.ron"),
        "{}",
        errors[0]
    );
    assert_eq!(errors[0].location.line, 8, "{}", errors[0]);
}
