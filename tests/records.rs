//! Client records: sessions survive the database, a save cut short leaves the last committed
//! state, a passphrase protects the file, an older schema is migrated and nothing is ever
//! overwritten that could not be opened.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

use std::path::{Path, PathBuf};

use bodywork_atlas::records::{OpenError, Records, SCHEMA_VERSION};
use bodywork_atlas::session::file::read;
use bodywork_atlas::session::{PainKind, Session, SessionDate};

fn example() -> Session {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/session.ron");
    read(&path, None).unwrap()
}

fn visit(client: &str, date: &str, worst: u8) -> Session {
    let mut s = example();
    s.client = client.into();
    s.date = date.parse().unwrap();
    s.markers[0].intensity = worst;
    s.markers[1].intensity = worst.min(3);
    s
}

fn db(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("records.sqlite")
}

#[test]
fn a_session_comes_back_from_the_database_as_it_was_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut records = Records::open(&db(&dir), None).unwrap();
    let session = example();
    let id = records.save(None, &session).unwrap();
    drop(records);
    let records = Records::open(&db(&dir), None).unwrap();
    assert_eq!(records.load(id).unwrap(), session);
    let recent = records.recent(10).unwrap();
    assert_eq!(recent.len(), 1);
    assert_eq!((recent[0].worst, recent[0].areas), (7, 2));
}

#[test]
fn saving_again_updates_the_same_visit_and_the_lists_follow() {
    let dir = tempfile::tempdir().unwrap();
    let mut records = Records::open(&db(&dir), None).unwrap();
    let first = records
        .save(None, &visit("Ann Lee", "2026-10-01", 8))
        .unwrap();
    let second = records
        .save(None, &visit("Ann Lee", "2026-10-15", 6))
        .unwrap();
    records
        .save(None, &visit("Bob Hart", "2026-10-20", 4))
        .unwrap();
    let mut later = visit("Ann Lee", "2026-10-15", 5);
    later.markers[0].kind = PainKind::Ache;
    assert_eq!(records.save(Some(second), &later).unwrap(), second);
    let history = records.history("ann lee").unwrap();
    let worst: Vec<u8> = history.iter().map(|h| h.worst).collect();
    assert_eq!(worst, vec![8, 5], "her visits, oldest first, with the edit");
    assert_eq!(history[0].id, first);
    let found = records.search("ann").unwrap();
    assert_eq!(found.len(), 2);
    assert!(found.iter().all(|f| f.client == "Ann Lee"));
    assert!(
        records.search("%").unwrap().is_empty(),
        "wildcards are plain text"
    );
    assert_eq!(
        records.recent(10).unwrap()[0].id,
        second,
        "the last saved first"
    );
}

#[test]
fn the_database_file_is_readable_by_its_owner_only() {
    let dir = tempfile::tempdir().unwrap();
    let mut records = Records::open(&db(&dir), None).unwrap();
    records.save(None, &example()).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(db(&dir)).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}

/// The child half of the killed-save test: saves a second session and aborts the process
/// with everything written but not committed.
#[test]
#[ignore = "run by a_save_killed_halfway_leaves_the_last_committed_state"]
fn killed_save_child() {
    let Ok(path) = std::env::var("BODYWORK_KILLED_SAVE_DB") else {
        return;
    };
    let mut records = Records::open(Path::new(&path), None).unwrap();
    let mut s = example();
    s.client = "Second Client".into();
    let _ = records.save_with(None, &s, || std::process::abort());
}

#[test]
fn a_save_killed_halfway_leaves_the_last_committed_state() {
    let dir = tempfile::tempdir().unwrap();
    let path = db(&dir);
    let mut records = Records::open(&path, None).unwrap();
    let id = records.save(None, &example()).unwrap();
    drop(records);
    let status = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "killed_save_child", "--ignored", "--nocapture"])
        .env("BODYWORK_KILLED_SAVE_DB", &path)
        .output()
        .unwrap()
        .status;
    assert!(!status.success(), "the child was killed mid-save");
    let records = Records::open(&path, None).unwrap();
    let recent = records.recent(10).unwrap();
    assert_eq!(recent.len(), 1, "the half-saved session is not there");
    assert_eq!(
        records.load(id).unwrap(),
        example(),
        "the committed one is intact"
    );
    assert!(records.search("Second").unwrap().is_empty());
}

#[test]
fn a_passphrase_protects_the_records_and_a_wrong_one_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = db(&dir);
    let mut records = Records::open(&path, None).unwrap();
    let id = records.save(None, &example()).unwrap();
    records.set_passphrase(Some("correct horse")).unwrap();
    assert!(records.is_protected());
    drop(records);
    let bytes = std::fs::read(&path).unwrap();
    assert!(
        !bytes.windows(5).any(|w| w == b"J. D."),
        "the client's name is not readable in the file"
    );
    assert!(Records::looks_protected(&path));
    assert!(matches!(
        Records::open(&path, None),
        Err(OpenError::NeedsPassphrase { .. })
    ));
    let wrong = Records::open(&path, Some("wrong horse")).unwrap_err();
    assert!(
        matches!(wrong, OpenError::WrongPassphrase { .. }),
        "{wrong}"
    );
    let message = wrong.to_string();
    assert!(message.contains("Wrong passphrase") && message.contains(&path.display().to_string()));
    assert!(!message.contains("J. D."), "messages never name a client");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        bytes,
        "the wrong passphrase changed nothing"
    );
    let records = Records::open(&path, Some("correct horse")).unwrap();
    assert_eq!(records.load(id).unwrap(), example());
}

#[test]
fn a_database_of_the_first_schema_is_migrated_with_its_sessions() {
    let dir = tempfile::tempdir().unwrap();
    let path = db(&dir);
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE TABLE clients (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
             CREATE TABLE sessions (id INTEGER PRIMARY KEY,
                 client_id INTEGER NOT NULL REFERENCES clients(id),
                 date TEXT NOT NULL, data TEXT NOT NULL, updated_at INTEGER NOT NULL);
             PRAGMA user_version = 1;",
        )
        .unwrap();
        let data = bodywork_atlas::session::file::to_ron(&example()).unwrap();
        conn.execute("INSERT INTO clients (id, name) VALUES (1, 'J. D.')", [])
            .unwrap();
        conn.execute(
            "INSERT INTO sessions (client_id, date, data, updated_at) VALUES (1, '2026-11-20', ?1, 0)",
            [data],
        )
        .unwrap();
    }
    let records = Records::open(&path, None).unwrap();
    let history = records.history("J. D.").unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(
        (history[0].worst, history[0].areas),
        (7, 2),
        "the new summary columns are filled from the sessions already there"
    );
    drop(records);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let version: u32 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
}

#[test]
fn a_database_from_a_newer_version_or_a_damaged_file_is_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = db(&dir);
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 99;")
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Records::open(&path, None).unwrap_err();
    assert!(matches!(err, OpenError::Newer { found: 99, .. }), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);

    let damaged = dir.path().join("damaged.sqlite");
    let mut bytes = b"SQLite format 3\0".to_vec();
    bytes.extend(std::iter::repeat_n(0xAB_u8, 4000));
    std::fs::write(&damaged, &bytes).unwrap();
    let err = Records::open(&damaged, None).unwrap_err();
    assert!(matches!(err, OpenError::Unusable { .. }), "{err}");
    assert!(err.to_string().contains(&damaged.display().to_string()));
    assert_eq!(std::fs::read(&damaged).unwrap(), bytes, "never overwritten");
}

#[test]
fn a_session_date_orders_visits_not_the_order_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut records = Records::open(&db(&dir), None).unwrap();
    records.save(None, &visit("C", "2026-03-01", 2)).unwrap();
    records.save(None, &visit("C", "2026-01-01", 9)).unwrap();
    let dates: Vec<SessionDate> = records
        .history("C")
        .unwrap()
        .iter()
        .map(|h| h.date)
        .collect();
    assert!(dates.windows(2).all(|w| w[0] < w[1]), "{dates:?}");
}
