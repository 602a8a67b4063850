//! eframe's own saved file (`app.ron`: the window's place and size, and egui's memory with the
//! zoom factor). eframe reads it before the app exists and trusts every value: a zoom factor of
//! NaN, 0 or 1e30, or a window size that does not fit the screen's integer pixels, panics inside
//! winit on every start. So the app reads the file first, with the store's limits: a file that
//! cannot be read is kept aside with a notice (as preferences are), and values eframe cannot use
//! are taken out (eframe then uses its defaults) and the file written back without them.

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;

use crate::store::Store;

/// eframe's key for the window's place and size.
const WINDOW_KEY: &str = "window";
/// eframe's key for egui's memory (which holds the zoom factor).
const EGUI_KEY: &str = "egui";

/// The zoom factors accepted from the file (egui's own zoom keys stay well inside).
const ZOOM_RANGE: std::ops::RangeInclusive<f32> = 0.2..=5.0;
/// The window sides accepted from the file, in points.
const SIDE_RANGE: std::ops::RangeInclusive<f32> = 1.0..=16_384.0;
/// The largest window position accepted, in pixels from the screen's corner.
const MAX_POSITION_PX: f32 = 100_000.0;
/// The scale factors accepted from the file.
const SCALE_RANGE: std::ops::RangeInclusive<f32> = 0.25..=8.0;

/// eframe's window settings as it writes them (`egui_winit::WindowSettings`, whose fields are
/// private), read only to check the values.
#[derive(Deserialize)]
struct WindowSettings {
    normal_geometry: WindowGeometry,
}

#[derive(Deserialize)]
struct WindowGeometry {
    outer_position_pixels: Option<emath::Pos2>,
    scale_factor: f32,
    inner_size_points: emath::Vec2,
}

/// What the app found in eframe's file before opening the window.
#[derive(Debug, PartialEq)]
pub struct Prepared {
    /// Whether eframe may read and write the file (false when a file that could not be used
    /// could not be moved aside either: then it must not be overwritten).
    pub usable: bool,
    /// For the user, when the file or a value in it could not be used.
    pub notice: Option<String>,
}

/// Checks eframe's file at `path` and repairs it before eframe reads it (see the module doc).
#[must_use]
pub fn prepare(path: &Path) -> Prepared {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return Prepared {
            usable: false,
            notice: None,
        };
    };
    let name = name.to_string_lossy();
    let store = Store::at(dir);
    let loaded = store.load_plain::<HashMap<String, String>>(&name);
    if loaded.notice.is_some() || !loaded.writable {
        return Prepared {
            usable: loaded.writable,
            notice: loaded.notice,
        };
    }
    let mut kv = loaded.value;
    let removed = sanitize(&mut kv);
    if removed.is_empty() {
        return Prepared {
            usable: true,
            notice: None,
        };
    }
    let what = removed.join("; ");
    match store.save_plain(&name, &kv) {
        Ok(()) => Prepared {
            usable: true,
            notice: Some(format!(
                "The saved window settings in {} held values that cannot be used ({what}): they were left out, and the defaults are used instead.",
                path.display()
            )),
        },
        Err(err) => Prepared {
            usable: false,
            notice: Some(format!(
                "The saved window settings in {} held values that cannot be used ({what}), and the file could not be corrected ({err}); the defaults are used, and the file is left as it is.",
                path.display()
            )),
        },
    }
}

/// Takes out of eframe's key-value file what eframe cannot use; says what, in plain words
/// (empty when all is well).
#[must_use]
pub fn sanitize(kv: &mut HashMap<String, String>) -> Vec<String> {
    let mut removed = Vec::new();
    if let Some(problem) = kv.get(WINDOW_KEY).and_then(|text| window_problem(text)) {
        kv.remove(WINDOW_KEY);
        removed.push(problem);
    }
    if let Some(text) = kv.get(EGUI_KEY) {
        match ron::from_str::<egui::Memory>(text) {
            Ok(mut memory) if !ZOOM_RANGE.contains(&memory.options.zoom_factor) => {
                removed.push(format!(
                    "zoom factor {} outside {}..{}",
                    memory.options.zoom_factor,
                    ZOOM_RANGE.start(),
                    ZOOM_RANGE.end()
                ));
                memory.options.zoom_factor = 1.0;
                match ron::to_string(&memory) {
                    Ok(fixed) => {
                        kv.insert(EGUI_KEY.to_owned(), fixed);
                    }
                    Err(_) => {
                        kv.remove(EGUI_KEY);
                    }
                }
            }
            Ok(_) => {}
            // eframe would ignore it too; out, so that nothing half-read is kept.
            Err(_) => {
                kv.remove(EGUI_KEY);
                removed.push("egui's memory in a form this version does not read".to_owned());
            }
        }
    }
    removed
}

/// What is wrong with the saved window, if anything.
fn window_problem(text: &str) -> Option<String> {
    let Ok(settings) = ron::from_str::<WindowSettings>(text) else {
        return Some("the window's place and size in a form this version does not read".into());
    };
    let g = settings.normal_geometry;
    let size = g.inner_size_points;
    if !(SIDE_RANGE.contains(&size.x) && SIDE_RANGE.contains(&size.y)) {
        return Some(format!(
            "window size {} x {} points outside {}..{}",
            size.x,
            size.y,
            SIDE_RANGE.start(),
            SIDE_RANGE.end()
        ));
    }
    if !SCALE_RANGE.contains(&g.scale_factor) {
        return Some(format!("window scale factor {}", g.scale_factor));
    }
    if let Some(p) = g.outer_position_pixels
        && !(p.x.abs() <= MAX_POSITION_PX && p.y.abs() <= MAX_POSITION_PX)
    {
        return Some(format!("window position ({}, {})", p.x, p.y));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The window part of a file eframe 0.37 wrote.
    const WINDOW: &str = "(normal_geometry:(outer_position_pixels:Some((x:0.0,y:0.0)),scale_factor:1.0,inner_size_points:(x:1600.0,y:1000.0)),fullscreen:false,maximized:false)";

    fn file_with(window: &str, zoom: &str) -> HashMap<String, String> {
        let memory = ron::to_string(&egui::Memory::default())
            .unwrap_or_default()
            .replace("zoom_factor:1.0", &format!("zoom_factor:{zoom}"));
        HashMap::from([
            (WINDOW_KEY.to_owned(), window.to_owned()),
            (EGUI_KEY.to_owned(), memory),
        ])
    }

    #[test]
    fn a_good_file_is_left_alone() {
        let mut kv = file_with(WINDOW, "1.0");
        let before = kv.clone();
        assert!(sanitize(&mut kv).is_empty());
        assert_eq!(kv, before);
    }

    #[test]
    fn a_zoom_factor_eframe_cannot_use_is_reset_and_the_rest_kept() {
        for zoom in ["NaN", "inf", "0.0", "-1.0", "1e30"] {
            let mut kv = file_with(WINDOW, zoom);
            let removed = sanitize(&mut kv);
            assert_eq!(removed.len(), 1, "{zoom}: {removed:?}");
            assert!(removed[0].contains("zoom factor"), "{removed:?}");
            let memory: egui::Memory = ron::from_str(&kv[EGUI_KEY]).unwrap();
            assert!((memory.options.zoom_factor - 1.0).abs() < f32::EPSILON);
            assert_eq!(kv[WINDOW_KEY], WINDOW, "the window is kept");
        }
    }

    #[test]
    fn window_sizes_and_places_that_do_not_fit_are_taken_out() {
        for (from, to) in [
            ("inner_size_points:(x:1600.0", "inner_size_points:(x:1e20"),
            ("inner_size_points:(x:1600.0", "inner_size_points:(x:NaN"),
            ("y:1000.0)", "y:-5.0)"),
            ("y:1000.0)", "y:0.0)"),
            ("scale_factor:1.0", "scale_factor:0.0"),
            ("scale_factor:1.0", "scale_factor:NaN"),
            ("Some((x:0.0,y:0.0))", "Some((x:1e30,y:0.0))"),
            ("Some((x:0.0,y:0.0))", "Some((x:NaN,y:0.0))"),
        ] {
            let window = WINDOW.replace(from, to);
            assert_ne!(window, WINDOW);
            let mut kv = file_with(&window, "1.0");
            let removed = sanitize(&mut kv);
            assert_eq!(removed.len(), 1, "{window}");
            assert!(!kv.contains_key(WINDOW_KEY), "{window}");
            assert!(kv.contains_key(EGUI_KEY));
        }
    }

    #[test]
    fn values_in_a_form_this_version_does_not_read_are_taken_out() {
        let mut kv = file_with("(something_else: 3)", "1.0");
        kv.insert(EGUI_KEY.to_owned(), "[1, 2".to_owned());
        assert_eq!(sanitize(&mut kv).len(), 2);
        assert!(kv.is_empty());
    }

    #[test]
    fn a_file_that_cannot_be_read_is_kept_aside_with_a_notice() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("app.ron");
        for bad in [
            &b""[..],
            b"{\n \"window\": \"(normal",
            b"\xff\xfe garbage",
            b"[[[[",
        ] {
            std::fs::write(&path, bad).unwrap();
            let prepared = prepare(&path);
            assert!(prepared.usable);
            let notice = prepared.notice.unwrap();
            assert!(notice.contains("could not be used"), "{notice}");
            assert!(!path.exists(), "moved aside, so eframe starts afresh");
            for entry in std::fs::read_dir(dir.path()).unwrap() {
                std::fs::remove_file(entry.unwrap().path()).unwrap();
            }
        }
    }

    #[test]
    fn a_file_with_a_bad_zoom_is_written_back_corrected() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("app.ron");
        let kv = file_with(WINDOW, "NaN");
        std::fs::write(&path, ron::to_string(&kv).unwrap()).unwrap();
        let prepared = prepare(&path);
        assert!(prepared.usable);
        assert!(prepared.notice.unwrap().contains("zoom factor NaN"));
        let text = std::fs::read_to_string(&path).unwrap();
        let fixed: HashMap<String, String> = ron::from_str(&text).unwrap();
        assert!(fixed[EGUI_KEY].contains("zoom_factor:1.0"), "{text}");
        assert_eq!(prepare(&path).notice, None, "and then it is fine");
    }

    #[test]
    fn no_file_is_fine() {
        let dir = tempfile::tempdir().unwrap();
        let prepared = prepare(&dir.path().join("app.ron"));
        assert_eq!(
            prepared,
            Prepared {
                usable: true,
                notice: None
            }
        );
    }
}
