//! Session files: the example reads and checks clean, a session survives the trip to RON and
//! back, and a bad file is reported at its place and left as it was.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

use std::path::{Path, PathBuf};

use bodywork_atlas::content::{ContentSet, load};
use bodywork_atlas::model::Atlas;
use bodywork_atlas::session::file::{read, to_ron, write};
use bodywork_atlas::session::{SESSION_FORMAT_VERSION, SessionFileError};

fn atlas() -> Atlas {
    load(&ContentSet::builtin()).unwrap()
}

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/session.ron")
}

#[test]
fn the_example_session_reads_and_names_real_places() {
    let atlas = atlas();
    let session = read(&example(), Some(&atlas)).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(session.client, "J. D.");
    assert_eq!(session.markers.len(), 2);
    // Each marker's recorded region is what the diagram's hit-testing finds at its place.
    let view = &atlas.views[atlas.view_index("posterior").unwrap()];
    let layers = bodywork_atlas::state::Preferences::default().layer_states(view);
    for m in &session.markers {
        let hit = layers
            .hit(view, m.pos())
            .map(|i| view.regions[i].id.clone());
        assert_eq!(hit, m.region, "marker at {:?}", m.at);
    }
}

#[test]
fn a_session_survives_a_round_trip_through_its_file() {
    let atlas = atlas();
    let mut session = read(&example(), Some(&atlas)).unwrap();
    session.strokes.push(bodywork_atlas::session::PenStroke {
        view: "posterior".into(),
        points: vec![(500.0, 900.0), (520.5, 950.25)],
    });
    session.notes = "Line one\nline \"two\"".into();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    write(&path, &session).unwrap();
    assert_eq!(read(&path, Some(&atlas)).unwrap(), session);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "a session file is readable by its owner only");
    }
}

/// Writes `text`, reads it, and checks the message names the file at `line:column` and the
/// file is byte for byte what it was.
fn rejected_at(text: &str, line: usize, column: Option<usize>) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.ron");
    std::fs::write(&path, text).unwrap();
    let errors = read(&path, Some(&atlas())).unwrap_err();
    let message = errors[0].to_string();
    let place = match column {
        Some(c) => format!("bad.ron:{line}:{c}:"),
        None => format!("bad.ron:{line}:"),
    };
    assert!(message.contains(&place), "{message} should be at {place}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        text,
        "the file is unchanged"
    );
    message
}

fn example_text() -> String {
    std::fs::read_to_string(example()).unwrap()
}

fn line_of(text: &str, needle: &str) -> usize {
    let at = text.find(needle).unwrap();
    text[..at].matches('\n').count() + 1
}

#[test]
fn a_misspelt_field_is_reported_where_it_is() {
    let text = example_text().replacen("intensity: 5", "intensty: 5", 1);
    let message = rejected_at(&text, line_of(&text, "intensty"), None);
    assert!(message.contains("intensty"), "{message}");
}

#[test]
fn a_truncated_file_says_it_was_cut_off() {
    let text = example_text();
    let cut = &text[..text.find("treat:").unwrap()];
    let last_line = cut.trim_end().lines().count();
    let message = rejected_at(cut, last_line, None);
    assert!(message.contains("cut off"), "{message}");
}

#[test]
fn impossible_values_are_reported_at_their_place() {
    let text = example_text().replacen("intensity: 7", "intensity: 11", 1);
    let message = rejected_at(&text, line_of(&text, "intensity: 11"), None);
    assert!(message.contains("above 10"), "{message}");
    let text = example_text().replacen("2026-11-20", "2026-02-30", 1);
    rejected_at(&text, line_of(&text, "2026-02-30"), None);
    let text = example_text().replacen(
        "\"gluteus_maximus_right\", \"piriformis",
        "\"gluteus_maximum_right\", \"piriformis",
        1,
    );
    let message = rejected_at(&text, line_of(&text, "gluteus_maximum_right"), None);
    assert!(message.contains("no region"), "{message}");
    let text = example_text().replacen("at: (600.0, 1000.0)", "at: (600.0, 5000.0)", 1);
    let message = rejected_at(&text, line_of(&text, "5000.0"), None);
    assert!(message.contains("outside"), "{message}");
}

#[test]
fn a_session_from_a_newer_version_is_refused_clearly() {
    let text = example_text().replacen("version: 1", "version: 7", 1);
    let message = rejected_at(&text, line_of(&text, "version: 7"), Some(5));
    assert!(message.contains("newer version"), "{message}");
    assert!(
        message.contains(&format!("format {SESSION_FORMAT_VERSION}")),
        "{message}"
    );
}

#[test]
fn text_that_is_not_a_session_is_refused_with_its_position() {
    rejected_at("SessionFile(version: 1, session: [1, 2", 1, None);
    let errors = read(Path::new("/nonexistent/s.ron"), None).unwrap_err();
    assert!(matches!(errors[0], SessionFileError::Unreadable { .. }));
}

#[test]
fn a_written_session_is_plain_ron_with_its_version() {
    let atlas = atlas();
    let session = read(&example(), Some(&atlas)).unwrap();
    let text = to_ron(&session).unwrap();
    assert!(text.starts_with("SessionFile("), "{text}");
    assert!(text.contains("version: 1"), "{text}");
}

#[test]
fn the_example_cut_at_every_byte_is_refused_at_a_place_in_what_is_left() {
    use bodywork_atlas::session::file::parse;
    let text = example_text();
    let whole = text.trim_end().len();
    let mut cuts = 0;
    for cut in 0..whole {
        // A cut inside a character is not text: reading refuses it as such (tested apart).
        let Some(prefix) = text.get(..cut) else {
            continue;
        };
        cuts += 1;
        match parse(prefix, "cut.ron") {
            Ok(_) => panic!("the example cut after {cut} bytes was read as a whole session"),
            Err(SessionFileError::At { at, message }) => {
                let lines = prefix.split('\n').count().max(1);
                assert!(
                    at.file == "cut.ron" && (1..=lines).contains(&at.line) && at.column >= 1,
                    "cut after {cut} bytes: {at}: {message} is not in the {lines} lines left"
                );
            }
            Err(other) => panic!("cut after {cut} bytes: {other}"),
        }
    }
    assert!(cuts > 1000, "only {cuts} cuts were tried");
}

#[test]
fn a_session_file_that_is_not_text_is_refused_and_left_as_it_was() {
    let mut bytes = example_text().into_bytes();
    bytes.insert(40, 0xff);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.ron");
    std::fs::write(&path, &bytes).unwrap();
    let errors = read(&path, Some(&atlas())).unwrap_err();
    assert!(
        errors[0].to_string().contains("bad.ron") && errors[0].to_string().contains("UTF-8"),
        "{}",
        errors[0]
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        bytes,
        "the file is unchanged"
    );
}
