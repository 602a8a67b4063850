use super::*;

use std::sync::mpsc;
use std::thread;
use std::time::{Duration, UNIX_EPOCH};

/// Study progress as a caller would keep it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
struct Progress {
    answered: u32,
    seen: Vec<String>,
    last_view: Option<String>,
}

fn sample() -> Progress {
    Progress {
        answered: 12,
        seen: vec!["piriformis".into(), "gluteus medius".into()],
        last_view: Some("posterior".into()),
    }
}

/// 2024-03-01 12:00:00 UTC, so that kept-aside names are known.
fn noon() -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(1_709_294_400)
}

const ASIDE: &str = "study.unreadable-20240301-120000.ron";

/// Marker put in bad files: a notice must never repeat what a file holds.
const SECRET: &str = "client-name-Jane-Doe";

fn store() -> (tempfile::TempDir, Store) {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path().join("data"));
    (tmp, store)
}

/// Writes raw bytes as `study.ron`, creating the folder.
fn plant(store: &Store, bytes: &[u8]) -> PathBuf {
    fs::create_dir_all(store.dir()).unwrap();
    let path = store.dir().join("study.ron");
    fs::write(&path, bytes).unwrap();
    path
}

/// Names in the folder, sorted.
fn listing(store: &Store) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(store.dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Runs `f` on another thread and fails the test if it has not returned within a few seconds.
fn within_seconds<R: Send + 'static>(f: impl FnOnce() -> R + Send + 'static) -> R {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(Duration::from_secs(10))
        .expect("the call blocked instead of returning")
}

/// Checks what a user would see after a bad file: defaults, a notice naming the reason and the
/// kept-aside path, the original bytes kept there, and the original name free for the next save.
fn assert_kept_aside(store: &Store, original: &[u8], reason: &str) {
    assert_kept_aside_as(store, 1, original, reason);
}

/// [`assert_kept_aside`] for a reader of format `version`.
fn assert_kept_aside_as(store: &Store, version: u32, original: &[u8], reason: &str) {
    let loaded: Loaded<Progress> = store.load_at("study.ron", version, noon());
    let aside = store.dir().join(ASIDE);
    assert_eq!(loaded.value, Progress::default());
    assert!(loaded.writable);
    let notice = loaded.notice.expect("a bad file must be reported");
    assert!(
        notice.contains(reason),
        "notice {notice:?} lacks {reason:?}"
    );
    assert!(
        notice.contains(&aside.display().to_string()),
        "notice {notice:?} does not name {}",
        aside.display()
    );
    assert!(notice.contains("Defaults are used"), "{notice}");
    assert!(
        !notice.contains(SECRET),
        "notice repeats the file: {notice}"
    );
    assert_eq!(fs::read(&aside).unwrap(), original);
    assert!(!store.dir().join("study.ron").exists());

    store.save("study.ron", version, &sample()).unwrap();
    let again: Loaded<Progress> = store.load("study.ron", version);
    assert_eq!(again.value, sample());
    assert_eq!(again.notice, None);
    assert_eq!(
        fs::read(&aside).unwrap(),
        original,
        "the save touched the kept copy"
    );
}

#[test]
fn round_trip_gives_back_what_was_saved_in_readable_ron() {
    let (_tmp, store) = store();
    store.save("study.ron", 1, &sample()).unwrap();
    let loaded: Loaded<Progress> = store.load("study.ron", 1);
    assert_eq!(loaded.value, sample());
    assert_eq!(loaded.notice, None);
    assert!(loaded.writable);

    let text = fs::read_to_string(store.dir().join("study.ron")).unwrap();
    assert!(text.starts_with("Saved(\n"), "{text}");
    assert!(text.contains("    version: 1,\n"), "{text}");
    assert!(text.contains("answered: 12"), "{text}");
    assert!(text.contains("\"gluteus medius\""), "{text}");
    assert_eq!(
        listing(&store),
        ["study.ron"],
        "no temporary file is left behind"
    );
}

#[test]
fn saving_again_replaces_the_old_value() {
    let (_tmp, store) = store();
    store.save("study.ron", 1, &sample()).unwrap();
    let newer = Progress {
        answered: 13,
        ..sample()
    };
    store.save("study.ron", 1, &newer).unwrap();
    let loaded: Loaded<Progress> = store.load("study.ron", 1);
    assert_eq!(loaded.value.answered, 13);
    assert_eq!(listing(&store), ["study.ron"]);
}

#[cfg(unix)]
#[test]
fn saved_file_is_private_0600_in_a_new_0700_folder() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path().join("deep").join("bodywork-atlas"));
    store.save("study.ron", 1, &sample()).unwrap();
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&store.dir().join("study.ron")), 0o600);
    assert_eq!(mode(store.dir()), 0o700);
}

#[test]
fn missing_file_gives_defaults_silently() {
    let (_tmp, store) = store();
    let loaded: Loaded<Progress> = store.load("study.ron", 1);
    assert_eq!(loaded.value, Progress::default());
    assert_eq!(loaded.notice, None);
    assert!(loaded.writable);
    assert!(!store.dir().exists(), "loading must not create the folder");
}

#[test]
fn text_that_is_not_ron_is_kept_aside() {
    let (_tmp, store) = store();
    let bytes = format!("answered = 12 # {SECRET}\n").into_bytes();
    plant(&store, &bytes);
    assert_kept_aside(&store, &bytes, "is not valid RON (the problem is at line 1");
}

#[test]
fn empty_file_is_kept_aside() {
    let (_tmp, store) = store();
    plant(&store, b"");
    assert_kept_aside(&store, b"", "it is empty");
}

#[test]
fn whitespace_only_file_counts_as_empty() {
    let (_tmp, store) = store();
    plant(&store, b"\n  \n");
    assert_kept_aside(&store, b"\n  \n", "it is empty");
}

#[test]
fn truncated_file_is_kept_aside() {
    let (_tmp, store) = store();
    store.save("study.ron", 1, &sample()).unwrap();
    let full = fs::read(store.dir().join("study.ron")).unwrap();
    let bytes = &full[..full.len() / 2];
    plant(&store, bytes);
    assert_kept_aside(&store, bytes, "it ends too early, as if it was cut off");
}

#[test]
fn every_cut_of_a_saved_file_reads_as_cut_off() {
    let full = encode(Format::Saved(1), &sample()).unwrap();
    // From just after `Saved(` to just before the closing `)`.
    for cut in "Saved(".len()..full.trim_end().len() {
        let problem =
            decode::<Progress>(full.as_bytes()[..cut].to_vec(), Format::Saved(1)).unwrap_err();
        assert!(
            matches!(problem, Problem::Truncated),
            "cut at {cut} ({:?}) gave {problem:?}",
            &full[..cut]
        );
    }
}

#[test]
fn a_damaged_line_in_a_whole_file_is_reported_with_its_line() {
    let (_tmp, store) = store();
    store.save("study.ron", 1, &sample()).unwrap();
    let text = fs::read_to_string(store.dir().join("study.ron")).unwrap();
    assert!(text.contains("        answered: 12,\n"), "{text}");
    let bytes = text
        .replace("answered: 12,", "answered: 12 13,")
        .into_bytes();
    plant(&store, &bytes);
    assert_kept_aside(
        &store,
        &bytes,
        "it is not valid RON (the problem is at line 4, column",
    );
}

#[test]
fn file_that_is_not_utf8_is_kept_aside() {
    let (_tmp, store) = store();
    let mut bytes = b"Saved(version: 1, data: (answered: 1, seen: [\"".to_vec();
    bytes.extend_from_slice(&[0xff, 0xfe, 0x80]);
    bytes.extend_from_slice(b"\"]))");
    plant(&store, &bytes);
    assert_kept_aside(&store, &bytes, "not valid UTF-8");
}

#[test]
fn file_of_the_wrong_form_is_kept_aside() {
    let (_tmp, store) = store();
    let bytes = format!("Saved(version: 1, data: (answered: \"{SECRET}\"))").into_bytes();
    plant(&store, &bytes);
    assert_kept_aside(&store, &bytes, "not in the form this version");
}

#[test]
fn file_without_the_envelope_is_kept_aside() {
    let (_tmp, store) = store();
    // The caller's data written bare, with no version: valid RON, wrong form.
    let bytes = b"(answered: 3)".to_vec();
    plant(&store, &bytes);
    assert_kept_aside(&store, &bytes, "not in the form this version");
}

#[test]
fn newer_version_is_kept_aside_even_with_data_of_an_unknown_shape() {
    let (_tmp, store) = store();
    let bytes = format!(
        "Saved(\n    version: 3,\n    data: Sessions(clients: [(name: \"{SECRET}\", notes: Some([1, 2]))], flag: true),\n)\n"
    )
    .into_bytes();
    plant(&store, &bytes);
    assert_kept_aside_as(
        &store,
        2,
        &bytes,
        "it was written by a newer version of Bodywork Atlas (file format version 3; this version reads up to version 2)",
    );
}

#[test]
fn same_version_is_not_newer() {
    let (_tmp, store) = store();
    store.save("study.ron", 2, &sample()).unwrap();
    let loaded: Loaded<Progress> = store.load("study.ron", 2);
    assert_eq!(loaded.value, sample());
    assert_eq!(loaded.notice, None);
}

#[test]
fn older_version_is_read_with_defaults_for_new_fields() {
    let (_tmp, store) = store();
    plant(
        &store,
        b"Saved(\n    version: 1,\n    data: (\n        answered: 7,\n    ),\n)\n",
    );
    let loaded: Loaded<Progress> = store.load("study.ron", 2);
    assert_eq!(loaded.notice, None);
    assert_eq!(
        loaded.value,
        Progress {
            answered: 7,
            ..Progress::default()
        }
    );
}

#[test]
fn byte_order_mark_from_an_editor_is_accepted() {
    let (_tmp, store) = store();
    plant(
        &store,
        "\u{feff}Saved(version: 1, data: (answered: 4))".as_bytes(),
    );
    let loaded: Loaded<Progress> = store.load("study.ron", 1);
    assert_eq!(loaded.notice, None);
    assert_eq!(loaded.value.answered, 4);
}

#[test]
fn two_bad_loads_in_the_same_second_keep_both_copies() {
    let (_tmp, store) = store();
    plant(&store, b"first bad file");
    let first: Loaded<Progress> = store.load_at("study.ron", 1, noon());
    plant(&store, b"second bad file");
    let second: Loaded<Progress> = store.load_at("study.ron", 1, noon());
    let first_aside = store.dir().join(ASIDE);
    let second_aside = store.dir().join("study.unreadable-20240301-120000-1.ron");
    assert!(
        first
            .notice
            .unwrap()
            .contains(&first_aside.display().to_string())
    );
    assert!(
        second
            .notice
            .unwrap()
            .contains(&second_aside.display().to_string())
    );
    assert_eq!(fs::read(&first_aside).unwrap(), b"first bad file");
    assert_eq!(fs::read(&second_aside).unwrap(), b"second bad file");
}

#[test]
fn when_the_file_cannot_be_moved_aside_it_is_left_alone_and_not_writable() {
    let (_tmp, store) = store();
    let original = plant(&store, b"bad");
    // Every name it could be moved to is taken.
    fs::write(store.dir().join(ASIDE), b"older").unwrap();
    for n in 1..ASIDE_ATTEMPTS {
        let name = format!("study.unreadable-20240301-120000-{n}.ron");
        fs::write(store.dir().join(name), b"older").unwrap();
    }
    let loaded: Loaded<Progress> = store.load_at("study.ron", 1, noon());
    assert!(!loaded.writable);
    assert_eq!(loaded.value, Progress::default());
    let notice = loaded.notice.unwrap();
    assert!(notice.contains("could not be moved aside"), "{notice}");
    assert!(notice.contains("will not be overwritten"), "{notice}");
    assert!(notice.contains(&original.display().to_string()), "{notice}");
    assert_eq!(fs::read(&original).unwrap(), b"bad");
    assert_eq!(fs::read(store.dir().join(ASIDE)).unwrap(), b"older");
}

#[test]
fn folder_in_place_of_the_file_is_moved_aside_with_its_contents() {
    let (_tmp, store) = store();
    let path = store.dir().join("study.ron");
    fs::create_dir_all(&path).unwrap();
    fs::write(path.join("inside.txt"), b"keep me").unwrap();
    let loaded: Loaded<Progress> = within_seconds({
        let store = store.clone();
        move || store.load_at("study.ron", 1, noon())
    });
    let notice = loaded.notice.unwrap();
    assert!(
        notice.contains("it is a folder, not a regular file"),
        "{notice}"
    );
    assert!(loaded.writable);
    let aside = store.dir().join(ASIDE);
    assert_eq!(fs::read(aside.join("inside.txt")).unwrap(), b"keep me");
    store.save("study.ron", 1, &sample()).unwrap();
    assert_eq!(store.load::<Progress>("study.ron", 1).value, sample());
}

#[cfg(unix)]
#[test]
fn named_pipe_in_place_of_the_file_is_refused_without_blocking() {
    let (_tmp, store) = store();
    fs::create_dir_all(store.dir()).unwrap();
    let path = store.dir().join("study.ron");
    // `mkfifo(3)` itself would need `unsafe`, which this crate forbids.
    let status = std::process::Command::new("mkfifo")
        .arg(&path)
        .status()
        .unwrap();
    assert!(status.success());
    let loaded: Loaded<Progress> = within_seconds({
        let store = store.clone();
        move || store.load_at("study.ron", 1, noon())
    });
    assert_eq!(loaded.value, Progress::default());
    let notice = loaded.notice.unwrap();
    assert!(
        notice.contains("it is a named pipe, not a regular file"),
        "{notice}"
    );
    assert!(loaded.writable);
    {
        use std::os::unix::fs::FileTypeExt;
        let aside = fs::symlink_metadata(store.dir().join(ASIDE)).unwrap();
        assert!(aside.file_type().is_fifo());
    }
    store.save("study.ron", 1, &sample()).unwrap();
    assert_eq!(store.load::<Progress>("study.ron", 1).value, sample());
}

#[test]
fn leftover_temporary_file_from_a_crash_does_not_affect_loading() {
    let (_tmp, store) = store();
    store.save("study.ron", 1, &sample()).unwrap();
    let pid = std::process::id();
    let leftover = store.dir().join(format!(".study.ron.tmp-{pid}-999999"));
    fs::write(&leftover, b"Saved(version: 1, data: (answe").unwrap();
    let loaded: Loaded<Progress> = store.load("study.ron", 1);
    assert_eq!(loaded.value, sample());
    assert_eq!(loaded.notice, None);
    let newer = Progress {
        answered: 99,
        ..sample()
    };
    store.save("study.ron", 1, &newer).unwrap();
    assert_eq!(store.load::<Progress>("study.ron", 1).value, newer);
}

#[test]
fn oversize_file_is_refused_without_reading_it() {
    let (_tmp, store) = store();
    let path = plant(&store, b"");
    // A sparse 64 GiB file: reading it would take minutes and exhaust memory.
    let size = 64 * 1024 * 1024 * 1024;
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_len(size)
        .unwrap();
    let loaded: Loaded<Progress> = within_seconds({
        let store = store.clone();
        move || store.load_at("study.ron", 1, noon())
    });
    let notice = loaded.notice.unwrap();
    assert!(
        notice.contains("it is too large (68719476736 bytes"),
        "{notice}"
    );
    assert!(loaded.writable);
    assert_eq!(fs::metadata(store.dir().join(ASIDE)).unwrap().len(), size);
    assert!(!path.exists());
}

#[test]
fn file_just_over_the_limit_is_refused_and_one_at_the_limit_is_read() {
    let (_tmp, store) = store();
    let at_limit = usize::try_from(MAX_FILE_BYTES).unwrap();
    let head = b"Saved(version: 1, data: (answered: 5))";
    let mut bytes = head.to_vec();
    bytes.resize(at_limit, b' ');
    plant(&store, &bytes);
    let loaded: Loaded<Progress> = store.load("study.ron", 1);
    assert_eq!(loaded.notice, None);
    assert_eq!(loaded.value.answered, 5);

    bytes.push(b' ');
    plant(&store, &bytes);
    let loaded: Loaded<Progress> = store.load_at("study.ron", 1, noon());
    assert!(loaded.notice.unwrap().contains("too large"));
    assert_eq!(loaded.value, Progress::default());
}

#[test]
fn endless_input_is_cut_off_at_the_limit() {
    let read = within_seconds(|| fsio::read_capped(io::repeat(b'x'), 1024, u64::MAX).unwrap());
    assert!(matches!(read, Capped::TooLarge));
    let read = fsio::read_capped(&[b'x'; 1024][..], 1024, 1024).unwrap();
    assert!(matches!(read, Capped::Bytes(b) if b.len() == 1024));
}

#[test]
fn saving_data_too_large_to_read_back_is_refused_and_keeps_the_old_file() {
    let (_tmp, store) = store();
    store.save("study.ron", 1, &sample()).unwrap();
    let huge = Progress {
        last_view: Some("x".repeat(usize::try_from(MAX_FILE_BYTES).unwrap())),
        ..sample()
    };
    let err = store.save("study.ron", 1, &huge).unwrap_err();
    assert!(matches!(err, StoreError::TooLarge { .. }), "{err}");
    assert!(err.to_string().contains("study.ron"), "{err}");
    assert_eq!(store.load::<Progress>("study.ron", 1).value, sample());
    assert_eq!(listing(&store), ["study.ron"]);
}

#[test]
fn names_that_are_not_plain_file_names_are_refused() {
    let (tmp, store) = store();
    for name in ["", ".", "..", "../escape.ron", "sub/study.ron", "a\\b.ron"] {
        let err = store.save(name, 1, &sample()).unwrap_err();
        assert!(matches!(err, StoreError::BadName { .. }), "{name}: {err}");
        assert!(
            err.to_string().contains(&store.dir().display().to_string()),
            "{err}"
        );
        let loaded: Loaded<Progress> = store.load(name, 1);
        assert!(!loaded.writable, "{name}");
        assert!(loaded.notice.is_some(), "{name}");
    }
    assert!(!tmp.path().join("escape.ron").exists());
}

#[test]
fn save_errors_name_the_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let blocker = tmp.path().join("not-a-folder");
    fs::write(&blocker, b"").unwrap();
    let store = Store::at(blocker.join("inner"));
    let err = store.save("study.ron", 1, &sample()).unwrap_err();
    assert!(matches!(err, StoreError::CreateFolder { .. }), "{err}");
    assert!(
        err.to_string().contains(&store.dir().display().to_string()),
        "{err}"
    );
}

#[test]
fn file_without_an_extension_is_kept_aside_under_a_stamped_name() {
    let (_tmp, store) = store();
    fs::create_dir_all(store.dir()).unwrap();
    fs::write(store.dir().join("settings"), b"??").unwrap();
    let loaded: Loaded<Progress> = store.load_at("settings", 1, noon());
    assert!(
        loaded
            .notice
            .unwrap()
            .contains("settings.unreadable-20240301-120000")
    );
    assert_eq!(listing(&store), ["settings.unreadable-20240301-120000"]);
}

#[cfg(target_os = "linux")]
#[test]
fn platform_folders_are_named_for_the_app() {
    let data = Store::user_data().unwrap();
    let prefs = Store::preferences().unwrap();
    assert!(data.dir().ends_with("bodywork-atlas"), "{:?}", data.dir());
    assert!(prefs.dir().ends_with("bodywork-atlas"), "{:?}", prefs.dir());
    assert_ne!(data, prefs);
}

#[test]
fn brackets_inside_strings_and_comments_do_not_count_as_open() {
    assert!(!ends_open("(a: \"(\", b: ')', /* ( */ c: [1]) // (\n"));
    assert!(!ends_open("(a: \"quote \\\" (\")"));
    assert!(ends_open("(a: 1, // a note"));
    assert!(ends_open("(a: \"unfinished"));
    assert!(ends_open("(a: 1) /* nested /* */ still open"));
    assert!(ends_open("(a: [1, 2"));
}
