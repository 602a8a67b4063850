//! The handout from the command line, with no window: a PDF that poppler reads with the pages
//! expected and its text selectable, and a PNG of the paper's size.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

use std::path::{Path, PathBuf};
use std::process::Command;

use bodywork_atlas::content::{ContentSet, load};
use bodywork_atlas::handout::{PNG_DPI, Paper, pages};
use bodywork_atlas::session::file::read;

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/session.ron")
}

fn handout(out: &Path, paper: &str) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_bodywork-atlas"))
        .arg("handout")
        .arg(example())
        .arg("--out")
        .arg(out)
        .args(["--paper", paper])
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap()
}

fn expected_pages(paper: Paper) -> usize {
    let atlas = load(&ContentSet::builtin()).unwrap();
    let session = read(&example(), Some(&atlas)).unwrap();
    pages(&session, &atlas, paper).len()
}

/// `pdfinfo`'s output, or `None` where poppler is not installed.
fn pdfinfo(path: &Path) -> Option<String> {
    let out = Command::new("pdfinfo").arg(path).output().ok()?;
    assert!(
        out.status.success(),
        "pdfinfo rejects the PDF: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn the_handout_command_writes_a_pdf_poppler_accepts_with_selectable_text() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("handout.pdf");
    let run = handout(&out, "a4");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let pages = expected_pages(Paper::A4);
    assert!((1..=3).contains(&pages), "{pages} pages");
    let Some(info) = pdfinfo(&out) else {
        eprintln!("pdfinfo is not installed: only the PDF header was checked");
        return;
    };
    let count = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .map(|n| n.trim().parse::<usize>().unwrap());
    assert_eq!(count, Some(pages), "{info}");
    assert!(info.contains("595.28 x 841.89"), "A4: {info}");
    let text = Command::new("pdftotext")
        .arg(&out)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    for words in [
        "Your self-care plan",
        "J. D.",
        "Deep hip rotator",
        "When to get medical help",
        "Sources",
    ] {
        assert!(
            text.contains(words),
            "the PDF's text has \"{words}\":\n{text}"
        );
    }
    assert!(
        !text.contains("Reassess"),
        "private notes are never printed"
    );
}

#[test]
fn the_handout_command_writes_a_png_of_the_paper_size() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("handout.png");
    let run = handout(&out, "letter");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let image = image::open(&out).unwrap();
    let (w, h) = Paper::Letter.size_px(PNG_DPI);
    let pages = u32::try_from(expected_pages(Paper::Letter)).unwrap();
    assert_eq!((image.width(), image.height()), (w, h * pages));
    assert_eq!(w, 1275, "8.5 inches at 150 dpi");
    // The drawing stays inside its box: the page's margins are blank paper.
    let rgba = image.to_rgba8();
    for (x, y) in [(5, 5), (40, 40), (w - 10, 10), (10, h / 2)] {
        assert_eq!(
            rgba.get_pixel(x, y).0,
            [255, 255, 255, 255],
            "margin at ({x}, {y})"
        );
    }
}

#[test]
fn a_bad_session_file_stops_the_handout_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.ron");
    std::fs::write(
        &bad,
        "SessionFile(version: 1, session: Session(client: \"x\", date: \"2026-01-01\", colour: 3))",
    )
    .unwrap();
    let out = dir.path().join("h.pdf");
    let run = Command::new(env!("CARGO_BIN_EXE_bodywork-atlas"))
        .args(["handout"])
        .arg(&bad)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(!run.status.success());
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(err.contains("bad.ron:1:"), "{err}");
    assert!(!out.exists(), "nothing written");
}
