//! Benchmarks with targets: content load with tessellation < 20 ms, one hover hit-test over all
//! regions < 5 us, one full frame of the posterior view with all layers at 1920x1080 < 1 ms CPU.
//! Run: `cargo bench --bench atlas`.

use std::hint::black_box;

use bodywork_atlas::app::command::Command;
use bodywork_atlas::content::{BuiltIn, ContentSet, load};
use bodywork_atlas::ui::camera::Camera;
use bodywork_atlas::{AtlasApp, StartOptions};
use criterion::{Criterion, criterion_group, criterion_main};
use eframe::App as _;
use egui::pos2;

/// The same allocator as the app (see `src/main.rs`).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The built-in content without the user's packs, so the figures do not depend on the machine.
fn builtin_only() -> ContentSet {
    ContentSet {
        builtin: BuiltIn::shipped(),
        packs: Vec::new(),
    }
}

fn content_load(c: &mut Criterion) {
    let dirs = builtin_only();
    c.bench_function("load shipped content (parse, validate, tessellate)", |b| {
        b.iter(|| black_box(load(&dirs).map(|a| a.views.len()).unwrap_or(0)));
    });
}

fn hit_test(c: &mut Criterion) {
    let Ok(atlas) = load(&builtin_only()) else {
        return;
    };
    let Some(view) = atlas
        .view_index("posterior")
        .and_then(|i| atlas.views.get(i))
    else {
        return;
    };
    let target = view
        .region_index("piriformis_left")
        .map_or(pos2(400.0, 1000.0), |i| view.regions[i].anchor);
    c.bench_function("hover hit-test, all layers, a deep muscle", |b| {
        b.iter(|| black_box(view.hit(black_box(target), |_| true)));
    });
    c.bench_function("hover hit-test, all layers, a miss", |b| {
        b.iter(|| black_box(view.hit(black_box(pos2(20.0, 20.0)), |_| true)));
    });
}

fn full_frame(c: &mut Criterion) {
    let ctx = egui::Context::default();
    let cc = eframe::CreationContext::_new_kittest(ctx.clone());
    let mut frame = eframe::Frame::_new_kittest();
    let mut app = AtlasApp::new(
        &cc,
        StartOptions {
            persist: false,
            dirs: builtin_only(),
            ..StartOptions::shipped()
        },
    );
    let Some(view) = app.current_view().cloned() else {
        return;
    };
    for layer in &view.layers {
        app.apply(Command::SetLayerVisible {
            view: view.id.clone(),
            layer: layer.id.clone(),
            visible: true,
        });
    }
    app.apply(Command::Select(Some("piriformis_left".into())));
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1920.0, 1080.0),
        )),
        ..Default::default()
    };
    // Warm up fonts and layout caches.
    for _ in 0..3 {
        let _ = ctx.run_ui(input(), |ui| app.ui(ui, &mut frame));
    }
    c.bench_function(
        "full frame, posterior, all layers, 1920x1080 (run + tessellate)",
        |b| {
            b.iter(|| {
                let output = ctx.run_ui(input(), |ui| app.ui(ui, &mut frame));
                black_box(ctx.tessellate(output.shapes, output.pixels_per_point))
            });
        },
    );
    // The same with the diagram redrawn every frame (as while zooming, panning or hovering).
    let canvas = view.canvas_rect();
    let mut flip = false;
    c.bench_function(
        "full frame, posterior, all layers, 1920x1080, diagram redrawn",
        |b| {
            b.iter(|| {
                flip = !flip;
                let zoom = if flip { 1.0 } else { 1.001 };
                app.apply(Command::SetCamera(Camera {
                    zoom,
                    center: canvas.center(),
                }));
                let output = ctx.run_ui(input(), |ui| app.ui(ui, &mut frame));
                black_box(ctx.tessellate(output.shapes, output.pixels_per_point))
            });
        },
    );
}

criterion_group!(benches, content_load, hit_test, full_frame);
criterion_main!(benches);
