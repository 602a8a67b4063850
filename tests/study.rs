//! Study mode rounds, on the small fixture: questions, right and wrong answers, the score.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

use std::path::Path;

use bodywork_atlas::content::{ContentSet, load};
use bodywork_atlas::model::content::Side;
use bodywork_atlas::model::quiz::{Question, Quiz, zone_targets};

fn atlas() -> bodywork_atlas::model::Atlas {
    load(&ContentSet::only(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal"),
    ))
    .unwrap()
}

#[test]
fn every_zone_on_every_foot_is_a_target() {
    let targets = zone_targets(&atlas());
    let sides: Vec<Side> = targets.iter().map(|t| t.side).collect();
    assert_eq!(sides, [Side::Left, Side::Right]);
    assert!(targets.iter().all(|t| t.zone == "spot" && t.view == "test"));
}

#[test]
fn a_round_scores_right_and_wrong_answers() {
    let atlas = atlas();
    let mut quiz = Quiz::new(&atlas, 10, 42).unwrap();
    assert_eq!(quiz.questions.len(), 2, "one question per zone and foot");
    let Some(Question::Find(target)) = quiz.question().cloned() else {
        panic!("with one zone, only Find questions")
    };
    // Wrong: the other foot.
    let wrong_side = if target.side == Side::Left {
        Side::Right
    } else {
        Side::Left
    };
    assert_eq!(
        quiz.answer_region("test", "spot_x", Some("spot"), wrong_side),
        Some(false)
    );
    assert_eq!(
        quiz.answer_region("test", "spot_x", Some("spot"), target.side),
        None,
        "one answer per question"
    );
    quiz.next();
    let Some(Question::Find(target)) = quiz.question().cloned() else {
        panic!()
    };
    assert_eq!(
        quiz.answer_region("test", "spot_y", Some("spot"), target.side),
        Some(true)
    );
    quiz.next();
    assert!(quiz.is_finished());
    assert_eq!(quiz.score(), 1);
    assert_eq!(quiz.missed().len(), 1);
}

#[test]
fn no_zones_means_no_quiz() {
    let shipped_without_zones = {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        for sub in ["structures", "views"] {
            std::fs::create_dir_all(data.join(sub)).unwrap();
        }
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal");
        for f in ["sources.ron", "safety.ron", "structures/muscles.ron"] {
            std::fs::copy(fixture.join(f), data.join(f)).unwrap();
        }
        let view = std::fs::read_to_string(fixture.join("views/test.ron")).unwrap();
        let start = view.find("        Region(id: \"spot_left\"").unwrap();
        let end = view[start..].find("\n    ],").unwrap() + start;
        std::fs::write(
            data.join("views/test.ron"),
            format!("{}{}", &view[..start], &view[end + 1..]),
        )
        .unwrap();
        load(&ContentSet::only(&data)).unwrap()
    };
    assert!(shipped_without_zones.zones.is_empty());
    assert!(Quiz::new(&shipped_without_zones, 10, 1).is_none());
}
