//! Benchmarks of consultation mode, with targets: a one-page handout as PDF < 200 ms and as
//! PNG < 300 ms (measured on the example session's handout, which is two A4 pages, so a
//! one-page handout takes less); one frame of consultation mode with 200 pain markers at
//! 1920x1080 < 1 ms CPU. Run: `cargo bench --bench handout`.

use std::hint::black_box;
use std::path::Path;

use bodywork_atlas::content::{ContentSet, load};
use bodywork_atlas::handout::{Paper, pages, pdf, png};
use bodywork_atlas::session::file::read;
use bodywork_atlas::session::{PainKind, Session};
use bodywork_atlas::state::{Command, ConsultCommand};
use bodywork_atlas::{AtlasApp, StartOptions};
use criterion::{Criterion, criterion_group, criterion_main};
use eframe::App as _;

/// The same allocator as the app (see `src/main.rs`).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn example_session() -> Option<Session> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/session.ron");
    read(&path, None).ok()
}

fn handout(c: &mut Criterion) {
    let Ok(atlas) = load(&ContentSet::builtin()) else {
        return;
    };
    let Some(session) = example_session() else {
        return;
    };
    let n = pages(&session, &atlas, Paper::A4).len();
    eprintln!("handout pages: {n}");
    c.bench_function("handout PDF, example session, A4", |b| {
        b.iter(|| black_box(pdf(&session, &atlas, Paper::A4).map(|v| v.len())));
    });
    c.bench_function("handout PNG, example session, A4, 150 dpi", |b| {
        b.iter(|| black_box(png(&session, &atlas, Paper::A4).map(|v| v.len())));
    });
}

fn consult_frame(c: &mut Criterion) {
    let ctx = egui::Context::default();
    let cc = eframe::CreationContext::_new_kittest(ctx.clone());
    let mut frame = eframe::Frame::_new_kittest();
    let mut app = AtlasApp::new(&cc, StartOptions::ephemeral());
    app.apply(Command::StartConsult(None));
    // 200 markers over the back of the body, in a grid on the figure.
    for i in 0..200_u16 {
        let (x, y) = (
            380.0 + f32::from(i % 10) * 24.0,
            700.0 + f32::from(i / 10) * 45.0,
        );
        app.apply(Command::Consult(ConsultCommand::PlaceMarker {
            at: egui::pos2(x, y),
            kind: PainKind::ALL[usize::from(i) % PainKind::ALL.len()],
        }));
    }
    app.apply(Command::Consult(ConsultCommand::SelectMarker(None)));
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1920.0, 1080.0),
        )),
        ..Default::default()
    };
    for _ in 0..3 {
        let _ = ctx.run_ui(input(), |ui| app.ui(ui, &mut frame));
    }
    c.bench_function(
        "consultation frame, 200 markers, 1920x1080 (run + tessellate)",
        |b| {
            b.iter(|| {
                let output = ctx.run_ui(input(), |ui| app.ui(ui, &mut frame));
                black_box(ctx.tessellate(output.shapes, output.pixels_per_point))
            });
        },
    );
}

criterion_group!(benches, handout, consult_frame);
criterion_main!(benches);
