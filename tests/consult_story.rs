//! The consultation story, once end to end through the real window: a new session, burning
//! pain in the right buttock and tingling down the back of the right thigh, piriformis and
//! hamstring self-massage, a note, a PDF handout; the app closed and opened again with the
//! passphrase, the session in the recent list unchanged, the client's earlier visit plotted.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

mod common;

use bodywork_atlas::app::Storage;
use bodywork_atlas::records::{RECORDS_FILE, Records};
use bodywork_atlas::session::{PainKind, SelfCare, Session, SessionDate};
use bodywork_atlas::state::{Command, ConsultCommand as C};
use bodywork_atlas::{AtlasApp, StartOptions};
use common::{click_at, hit_point};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

const PASSPHRASE: &str = "table by the window";

fn open(dir: &std::path::Path) -> Harness<'static, AtlasApp> {
    common::harness_with(StartOptions {
        storage: Storage::Dir(dir.to_path_buf()),
        ..StartOptions::ephemeral()
    })
}

fn unlock(harness: &mut Harness<'_, AtlasApp>, passphrase: &str) {
    harness.get_by_role(Role::PasswordInput).click();
    harness.run();
    harness
        .get_by_role(Role::PasswordInput)
        .type_text(passphrase);
    harness.run();
    harness.get_by_label("Unlock").click();
    harness.run();
}

fn session(harness: &Harness<'_, AtlasApp>) -> Session {
    harness.state().state().consult().unwrap().session.clone()
}

#[test]
fn a_consultation_is_marked_handed_out_saved_and_found_again_with_the_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    // The client came once before; the records are protected.
    {
        let mut records = Records::open(&dir.path().join(RECORDS_FILE), None).unwrap();
        let mut earlier = Session::new("J. D.", SessionDate::new(2000, 1, 10).unwrap());
        let mut first = bodywork_atlas::session::file::read(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/session.ron"),
            None,
        )
        .unwrap();
        earlier.markers = std::mem::take(&mut first.markers);
        earlier.markers[0].intensity = 9;
        records.save(None, &earlier).unwrap();
        records.set_passphrase(Some(PASSPHRASE)).unwrap();
    }

    let mut harness = open(dir.path());
    unlock(&mut harness, "not it");
    harness.get_by_label_contains("Wrong passphrase");
    assert!(!harness.state().records_open());
    unlock(&mut harness, PASSPHRASE);
    assert!(harness.state().records_open());

    // A new session.
    harness.get_by_label("Consult").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Client")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Client")
        .type_text("J. D.");
    harness.run();
    harness.get_by_label("Mark pain").click();
    harness.run();
    for (kind, region) in [
        (PainKind::Burning, "gluteus_maximus_right"),
        (PainKind::Tingling, "biceps_femoris_long_head_right"),
    ] {
        harness
            .state_mut()
            .apply(Command::Consult(C::NextKind(kind)));
        harness.run();
        let at = hit_point(&harness, region);
        click_at(&mut harness, at);
    }
    let marked = session(&harness);
    assert_eq!(marked.markers.len(), 2);
    assert_eq!(marked.markers[0].kind, PainKind::Burning);
    assert_eq!(
        marked.markers[0].region.as_deref(),
        Some("gluteus_maximus_right")
    );
    assert_eq!(marked.markers[1].kind, PainKind::Tingling);
    assert_eq!(
        marked.markers[1].region.as_deref(),
        Some("biceps_femoris_long_head_right")
    );
    for structure in ["piriformis", "hamstrings"] {
        harness
            .state_mut()
            .apply(Command::Consult(C::ToggleSelfCare(SelfCare::SelfMassage(
                structure.into(),
            ))));
    }
    let notes = "Notes for the client (printed on the handout)";
    harness
        .get_by_role_and_label(Role::MultilineTextInput, notes)
        .scroll_to_me();
    harness.run();
    harness
        .get_by_role_and_label(Role::MultilineTextInput, notes)
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::MultilineTextInput, notes)
        .type_text("Ball on the right buttock once a day, gently.");
    harness.run();
    let pdf = dir.path().join("handout.pdf");
    harness
        .state_mut()
        .apply(Command::Consult(C::ExportHandout {
            path: pdf.clone(),
            paper: bodywork_atlas::handout::Paper::A4,
        }));
    harness.run();
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    if let Ok(out) = std::process::Command::new("pdfinfo").arg(&pdf).output() {
        let info = String::from_utf8_lossy(&out.stdout);
        let pages: usize = info
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .map(|n| n.trim().parse().unwrap())
            .unwrap();
        assert!(
            (1..=2).contains(&pages),
            "a one- or two-page handout: {pages}"
        );
    }
    let done = session(&harness);
    assert_eq!(
        done.client_notes,
        "Ball on the right buttock once a day, gently."
    );
    // Leave and quit.
    harness.get_by_label("Leave consultation").click();
    harness.run();
    drop(harness);

    // Open again: the passphrase, then the session is in the recent list, unchanged.
    let mut harness = open(dir.path());
    unlock(&mut harness, PASSPHRASE);
    harness.get_by_label("Consult").click();
    harness.run();
    let label = format!("J. D. · {}", done.date);
    harness.get_by_label_contains(&label).click();
    harness.run();
    harness.run();
    assert_eq!(session(&harness), done, "the session comes back as it was");
    let history = &harness.state().state().consult().unwrap().records.history;
    assert_eq!(history.len(), 2, "this visit and the earlier one");
    assert_eq!(history[0].worst, 9);
    harness.get_by_label("J. D.'s visits");
}

struct NoStorage;
impl eframe::Storage for NoStorage {
    fn get_string(&self, _key: &str) -> Option<String> {
        None
    }
    fn set_string(&mut self, _key: &str, _value: String) {}
    fn remove_string(&mut self, _key: &str) {}
    fn flush(&mut self) {}
}

#[test]
fn quitting_during_a_consultation_saves_the_session_and_keeps_the_atlas_preferences() {
    use eframe::App as _;
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open(dir.path());
    harness.get_by_label("Consult").click();
    harness.run();
    harness.state_mut().apply(Command::Consult(C::Text(
        bodywork_atlas::state::SessionText::Client("A. B.".into()),
    )));
    harness
        .state_mut()
        .apply(Command::ShowView("anterior".into()));
    harness.run();
    // What eframe does on quitting (and every 30 seconds).
    harness.state_mut().save(&mut NoStorage);
    drop(harness);
    let records = Records::open(&dir.path().join(RECORDS_FILE), None).unwrap();
    let recent = records.recent(5).unwrap();
    assert_eq!(recent.len(), 1);
    assert_eq!(recent[0].client, "A. B.");
    let harness = open(dir.path());
    assert_eq!(
        harness.state().current_view().unwrap().id,
        "posterior",
        "the consultation's view is not the atlas's saved view"
    );
}
