//! `--screenshot`: save the first complete frame as PNG, then close.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::content::ContentError;
use crate::text::for_terminal;

/// Outcome of a `--screenshot` run, filled in when the image is saved.
pub type ScreenshotResult = Arc<Mutex<Option<Result<(), String>>>>;

/// A screenshot to take.
pub struct ScreenshotJob {
    pub path: PathBuf,
    pub result: ScreenshotResult,
    requested: bool,
}

/// Frames drawn before the picture is taken (layout settles, textures upload).
pub const SETTLE_FRAMES: u64 = 3;

impl ScreenshotJob {
    /// A job that saves to `path` and reports into `result`.
    #[must_use]
    pub fn new(path: PathBuf, result: ScreenshotResult) -> Self {
        Self {
            path,
            result,
            requested: false,
        }
    }

    /// Called after each frame: asks for the picture once the frame has settled and the
    /// camera animation has arrived, and closes the window once it is saved. When the content
    /// had `problems`, the picture (of the banner) is still saved, but the outcome is an error
    /// that lists them, so the command line says so and exits with failure.
    pub fn step(
        &mut self,
        ctx: &egui::Context,
        frames: u64,
        settled: bool,
        problems: &[ContentError],
    ) {
        if !self.requested && frames >= SETTLE_FRAMES && settled {
            self.requested = true;
            let (path, result, repaint) = (self.path.clone(), self.result.clone(), ctx.clone());
            let problems = problems_message(&path, problems);
            ctx.request_screenshot(move |image| {
                let outcome = save_png(&path, &image).and_then(|()| problems.map_or(Ok(()), Err));
                if let Ok(mut slot) = result.lock() {
                    *slot = Some(outcome);
                }
                repaint.request_repaint();
            });
        }
        let done = self.result.lock().map(|r| r.is_some()).unwrap_or(true);
        if done {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        } else {
            ctx.request_repaint();
        }
    }
}

/// The most problems listed after a screenshot (the rest are counted).
const MAX_LISTED: usize = 20;

/// What to say when the screenshot shows content that did not load cleanly.
fn problems_message(path: &Path, problems: &[ContentError]) -> Option<String> {
    if problems.is_empty() {
        return None;
    }
    let mut text = format!(
        "the content has {} problem(s), so the screenshot saved to {} shows them in the banner:",
        problems.len(),
        path.display()
    );
    for problem in problems.iter().take(MAX_LISTED) {
        text.push_str("\n  ");
        text.push_str(&for_terminal(&problem.to_string()));
    }
    if problems.len() > MAX_LISTED {
        text.push_str(&format!("\n  ... and {} more", problems.len() - MAX_LISTED));
    }
    Some(text)
}

/// Writes an egui image as PNG.
///
/// # Errors
/// When the image is too large or the file cannot be written.
pub fn save_png(path: &Path, image: &egui::ColorImage) -> Result<(), String> {
    let [w, h] = image.size;
    let (Ok(w), Ok(h)) = (u32::try_from(w), u32::try_from(h)) else {
        return Err("screenshot too large".into());
    };
    let rgba: Vec<u8> = image
        .pixels
        .iter()
        .flat_map(|c| c.to_srgba_unmultiplied())
        .collect();
    let buffer = image::RgbaImage::from_raw(w, h, rgba).ok_or("screenshot has the wrong size")?;
    buffer
        .save(path)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}
