//! The floor Bodywork Atlas is measured against (`scripts/bench-startup.sh`): a bare eframe
//! window built the same way as the app's `--screenshot` run (the same native options: glow
//! renderer, window size and persistence; the same allocator; the same screenshot job, which
//! saves the first settled frame as PNG with the same function after the same number of frames),
//! showing one line of text instead of the atlas.
//!
//! Run: `cargo run --release --example bare_window -- PATH.png`

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};

use bodywork_atlas::StartOptions;
use bodywork_atlas::app::native_options;
use bodywork_atlas::app::screenshot::{ScreenshotJob, ScreenshotResult};

/// The same allocator as the app (see `src/main.rs`).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

struct Bare {
    job: ScreenshotJob,
    frames: u64,
}

impl eframe::App for Bare {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        ui.label("A bare eframe window");
        self.frames += 1;
        let ctx = ui.ctx().clone();
        self.job.step(&ctx, self.frames, true, &[]);
    }
}

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: bare_window PATH.png");
        return ExitCode::from(2);
    };
    let result: ScreenshotResult = Arc::new(Mutex::new(None));
    let options = StartOptions {
        screenshot: Some((path.clone(), result.clone())),
        ..StartOptions::ephemeral()
    };
    let native = native_options(&options);
    let scratch = native.persistence_path.clone();
    let job = ScreenshotJob::new(path, result.clone());
    let run = eframe::run_native(
        "Bodywork Atlas",
        native,
        Box::new(move |_cc| Ok(Box::new(Bare { job, frames: 0 }))),
    );
    if let Some(dir) = scratch.as_deref().and_then(std::path::Path::parent) {
        let _ = std::fs::remove_dir_all(dir);
    }
    if let Err(err) = run {
        eprintln!("cannot open the window: {err}");
        return ExitCode::from(2);
    }
    match result.lock().ok().and_then(|mut r| r.take()) {
        Some(Ok(())) => ExitCode::SUCCESS,
        Some(Err(err)) => {
            eprintln!("{err}");
            ExitCode::from(1)
        }
        None => {
            eprintln!("the window closed before the screenshot was taken");
            ExitCode::from(1)
        }
    }
}
