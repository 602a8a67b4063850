//! Benchmarks (figures, not timed tests; targets and the latest figures in BENCHMARKS.md):
//! - content: load + validate + tessellate the shipped content, and synthetic content made from
//!   it 1x, 10x and 100x over (written by this bench in a temporary folder), to show that the
//!   cost grows linearly;
//! - interaction: one hover hit-test on the busiest view, and on a synthetic view of 10,000
//!   regions;
//! - frames: the CPU time of one headless frame (egui pass + tessellation, fixed input) of each
//!   view with every layer on and a region selected, at 1920x1080 and 3840x2160.
//!
//! Run: `cargo bench --bench atlas` (a group alone: `cargo bench --bench atlas -- frame`).

#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark stops on a broken setup

use std::hint::black_box;
use std::path::Path;

use bodywork_atlas::content::{ContentSet, load};
use bodywork_atlas::model::Atlas;
use bodywork_atlas::model::content::{Region, Safety, Source, Structure, View, Zone};
use bodywork_atlas::model::geometry::Polyline;
use bodywork_atlas::state::{Camera, Command, RegionEvent};
use bodywork_atlas::{AtlasApp, StartOptions};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use eframe::App as _;
use egui::pos2;

/// The same allocator as the app (see `src/main.rs`).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn shipped() -> Atlas {
    match load(&ContentSet::builtin()) {
        Ok(atlas) => atlas,
        Err(errors) => panic!("the shipped content does not load: {errors:?}"),
    }
}

fn content_load(c: &mut Criterion) {
    let dirs = ContentSet::builtin();
    c.bench_function("load shipped content (parse, validate, tessellate)", |b| {
        b.iter(|| black_box(load(&dirs).map(|a| a.views.len()).unwrap_or(0)));
    });

    // The same content again, written out as a folder and multiplied: every structure, zone,
    // source and view copied with new ids (regions as their flattened outlines).
    let atlas = shipped();
    let mut group = c.benchmark_group("load synthetic content");
    group.sample_size(10);
    for scale in [1_usize, 10, 100] {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let regions = write_synthetic(&atlas, dir.path(), scale);
        let set = ContentSet::only(dir.path());
        if let Err(errors) = load(&set) {
            let first: Vec<String> = errors.iter().take(5).map(ToString::to_string).collect();
            panic!(
                "the synthetic content loads: {} problems: {first:#?}",
                errors.len()
            );
        }
        group.throughput(Throughput::Elements(regions as u64));
        group.bench_with_input(
            BenchmarkId::new("regions", format!("{scale}x ({regions} regions)")),
            &set,
            |b, set| b.iter(|| black_box(load(set).map(|a| a.views.len()).unwrap_or(0))),
        );
    }
    group.finish();
}

/// Writes the content of `atlas` `scale` times over into `dir` as a content folder; returns the
/// number of regions.
fn write_synthetic(atlas: &Atlas, dir: &Path, scale: usize) -> usize {
    let write = |rel: &str, text: String| {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("a folder");
        }
        std::fs::write(path, text).expect("a file");
    };
    let ron = |value: &dyn erased::Ron| value.to_ron();
    let ids = |ids: &[String], k: usize| -> Vec<String> {
        ids.iter().map(|id| format!("{id}_{k}")).collect()
    };
    let mut regions = 0;
    let mut sources = Vec::new();
    for k in 0..scale {
        sources.extend(atlas.sources.iter().map(|s| Source {
            id: format!("{}_{k}", s.id),
            ..s.clone()
        }));
        let structures: Vec<Structure> = atlas
            .structures
            .iter()
            .map(|s| Structure {
                id: format!("{}_{k}", s.id),
                related: ids(&s.related, k),
                sources: ids(&s.sources, k),
                ..s.clone()
            })
            .collect();
        write(&format!("structures/s{k}.ron"), ron(&structures));
        let zones: Vec<Zone> = atlas
            .zones
            .iter()
            .map(|z| Zone {
                id: format!("{}_{k}", z.id),
                links: ids(&z.links, k),
                sources: ids(&z.sources, k),
                ..z.clone()
            })
            .collect();
        write(&format!("zones/z{k}.ron"), ron(&zones));
        for v in &atlas.views {
            let view = View {
                id: format!("{}_{k}", v.id),
                title: v.title.clone(),
                order: 0,
                orientation: v.orientation.clone(),
                artwork: None,
                canvas: Some(v.canvas),
                midline_x: v.midline_x,
                layers: v
                    .layers
                    .iter()
                    .map(|l| bodywork_atlas::model::content::Layer {
                        image: None,
                        ..l.clone()
                    })
                    .collect(),
                regions: v
                    .regions
                    .iter()
                    // Decoration drawn from the artwork has no paint of its own: left out.
                    .filter_map(|r| Some((r, r.paint?)))
                    .map(|(r, paint)| Region {
                        id: format!("{}_{k}", r.id),
                        layer: v.layers.get(r.layer).map(|l| l.id.clone()),
                        side: r.side,
                        structure: r.structure.as_ref().map(|s| format!("{s}_{k}")),
                        zone: r.zone.as_ref().map(|z| format!("{z}_{k}")),
                        paint,
                        path: Some(path_data(&r.rings)),
                        label: r.label.clone(),
                        mirror: None,
                        attaches: Vec::new(),
                    })
                    .collect(),
                intro: v.intro.clone(),
            };
            regions += view.regions.len();
            write(&format!("views/{}.ron", view.id), ron(&view));
        }
    }
    write("sources.ron", ron(&sources));
    let safety = Safety {
        sources: ids(&atlas.safety.sources, 0),
        ..atlas.safety.clone()
    };
    write("safety.ron", ron(&safety));
    regions
}

/// SVG path data of flattened outlines.
fn path_data(rings: &[Polyline]) -> String {
    let mut d = String::new();
    for ring in rings {
        for (i, p) in ring.points.iter().enumerate() {
            d.push_str(if i == 0 { "M " } else { " L " });
            d.push_str(&format!("{:.2} {:.2}", p.x, p.y));
        }
        if ring.closed {
            d.push_str(" Z ");
        }
    }
    d
}

/// RON text of any content value.
mod erased {
    pub trait Ron {
        fn to_ron(&self) -> String;
    }
    impl<T: serde::Serialize> Ron for T {
        fn to_ron(&self) -> String {
            ron::to_string(self).expect("content writes as RON")
        }
    }
}

fn hit_test(c: &mut Criterion) {
    let atlas = shipped();
    let Some(view) = atlas.views.iter().max_by_key(|v| v.regions.len()) else {
        return;
    };
    let deep = view
        .regions
        .iter()
        .find(|r| r.is_selectable() && r.id.starts_with("piriformis"))
        .or_else(|| view.regions.iter().find(|r| r.is_selectable()))
        .map_or(pos2(400.0, 1000.0), |r| r.anchor);
    let name = format!("{} ({} regions)", view.id, view.regions.len());
    let mut group = c.benchmark_group("hover hit-test, all layers");
    group.bench_function(format!("{name}, a deep muscle"), |b| {
        b.iter(|| black_box(view.hit(black_box(deep), |_| true)));
    });
    group.bench_function(
        format!("{name}, a deep muscle, scanning every region"),
        |b| {
            b.iter(|| black_box(view.hit_by_scan(black_box(deep), |_| true)));
        },
    );
    group.bench_function(format!("{name}, a miss"), |b| {
        b.iter(|| black_box(view.hit(black_box(pos2(2.0, 2.0)), |_| true)));
    });

    // 10,000 regions: a 100 x 100 grid of small shapes with curved sides.
    let dir = tempfile::tempdir().expect("a temporary folder");
    write_grid(&atlas, dir.path(), 100);
    let grid = match load(&ContentSet::only(dir.path())) {
        Ok(grid) => grid,
        Err(errors) => panic!("the grid does not load: {errors:?}"),
    };
    let Some(view) = grid.views.first() else {
        return;
    };
    let middle = view.regions[view.regions.len() / 2].anchor;
    group.bench_function("grid (10000 regions), the middle one", |b| {
        b.iter(|| black_box(view.hit(black_box(middle), |_| true)));
    });
    group.bench_function("grid (10000 regions), the one found last", |b| {
        let last = view.regions[0].anchor;
        b.iter(|| black_box(view.hit(black_box(last), |_| true)));
    });
    group.bench_function(
        "grid (10000 regions), the middle one, scanning every region",
        |b| {
            b.iter(|| black_box(view.hit_by_scan(black_box(middle), |_| true)));
        },
    );
    group.finish();
}

/// A content folder with one view of `n` x `n` regions.
fn write_grid(atlas: &Atlas, dir: &Path, n: usize) {
    let structure = atlas.structures.first().expect("a structure").clone();
    let cell = 10.0_f32;
    let mut regions = Vec::new();
    for row in 0..n {
        for col in 0..n {
            let (x, y) = (col as f32 * cell + 1.0, row as f32 * cell + 1.0);
            let s = cell - 2.0;
            regions.push(Region {
                id: format!("r{row}_{col}"),
                layer: Some("l".into()),
                side: bodywork_atlas::model::content::Side::Midline,
                structure: Some(structure.id.clone()),
                zone: None,
                paint: bodywork_atlas::model::content::Paint::Muscle,
                path: Some(format!(
                    "M {x} {y} C {} {} {} {} {} {y} L {} {} Q {} {} {x} {} Z",
                    x + s * 0.3,
                    y - 0.5,
                    x + s * 0.7,
                    y + 0.5,
                    x + s,
                    x + s,
                    y + s,
                    x + s * 0.5,
                    y + s + 0.5,
                    y + s
                )),
                label: None,
                mirror: None,
                attaches: Vec::new(),
            });
        }
    }
    let side = n as f32 * cell;
    let view = View {
        id: "grid".into(),
        title: "Grid".into(),
        order: 0,
        orientation: "A grid".into(),
        artwork: None,
        canvas: Some(bodywork_atlas::model::content::Canvas {
            width: side,
            height: side,
        }),
        midline_x: side / 2.0,
        layers: vec![bodywork_atlas::model::content::Layer {
            id: "l".into(),
            title: "Grid".into(),
            visible: true,
            opacity: 1.0,
            image: None,
            fades_under: Vec::new(),
            exclusive: None,
            with_selection: false,
        }],
        regions,
        intro: Vec::new(),
    };
    let structure = Structure {
        related: Vec::new(),
        ..structure
    };
    let write = |rel: &str, text: String| {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("a folder");
        }
        std::fs::write(path, text).expect("a file");
    };
    use erased::Ron as _;
    write("views/grid.ron", view.to_ron());
    write("structures/s.ron", vec![structure].to_ron());
    write("sources.ron", atlas.sources.to_ron());
    write("safety.ron", atlas.safety.to_ron());
}

/// The app with the built-in content on `view`, every layer shown, its first selectable region
/// on a layer shown by default selected.
fn app_on(ctx: &egui::Context, view_id: &str) -> Option<(AtlasApp, String)> {
    let cc = eframe::CreationContext::_new_kittest(ctx.clone());
    let mut app = AtlasApp::new(&cc, StartOptions::ephemeral());
    app.apply(Command::ShowView(view_id.to_owned()));
    let view = app.current_view()?.clone();
    let selected = view
        .regions
        .iter()
        .find(|r| r.is_selectable() && view.layers.get(r.layer).is_some_and(|l| l.visible))
        .map(|r| r.id.clone())?;
    for layer in &view.layers {
        app.apply(Command::SetLayerVisible {
            view: view.id.clone(),
            layer: layer.id.clone(),
            visible: true,
        });
    }
    app.apply(Command::Region(RegionEvent::Activated(selected.clone())));
    Some((app, selected))
}

fn screen(size: [f32; 2]) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(size[0], size[1]),
        )),
        ..Default::default()
    }
}

fn frames(c: &mut Criterion) {
    let atlas = shipped();
    let mut group = c.benchmark_group("frame, all layers, a region selected");
    for view in &atlas.views {
        for size in [[1920.0, 1080.0], [3840.0, 2160.0]] {
            let ctx = egui::Context::default();
            let mut frame = eframe::Frame::_new_kittest();
            let Some((mut app, selected)) = app_on(&ctx, &view.id) else {
                continue;
            };
            // Warm up fonts, layout and the diagram's mesh cache.
            for _ in 0..3 {
                let _ = ctx.run_ui(screen(size), |ui| app.ui(ui, &mut frame));
            }
            let name = format!("{} {}x{} ({selected})", view.id, size[0], size[1]);
            group.bench_function(name, |b| {
                b.iter(|| {
                    let output = ctx.run_ui(screen(size), |ui| app.ui(ui, &mut frame));
                    black_box(ctx.tessellate(output.shapes, output.pixels_per_point))
                });
            });
        }
    }
    group.finish();

    // The diagram redrawn every frame (as while zooming, panning or hovering).
    let ctx = egui::Context::default();
    let mut frame = eframe::Frame::_new_kittest();
    let Some((mut app, _)) = app_on(&ctx, "posterior") else {
        return;
    };
    let Some(canvas) = app.current_view().map(|v| v.canvas_rect()) else {
        return;
    };
    let mut flip = false;
    c.bench_function(
        "frame, posterior, all layers, 1920x1080, diagram redrawn",
        |b| {
            b.iter(|| {
                flip = !flip;
                let zoom = if flip { 1.0 } else { 1.001 };
                app.apply(Command::SetCamera(Camera {
                    zoom,
                    center: canvas.center(),
                }));
                let output = ctx.run_ui(screen([1920.0, 1080.0]), |ui| app.ui(ui, &mut frame));
                black_box(ctx.tessellate(output.shapes, output.pixels_per_point))
            });
        },
    );

    // Consultation mode with 200 pain markers: `benches/handout.rs` (`consult_frame`).
}

criterion_group!(benches, content_load, hit_test, frames);
criterion_main!(benches);
