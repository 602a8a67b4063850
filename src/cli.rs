//! The command line: open the app (optionally to take a screenshot), or check, list and
//! hit-test content without a window.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Mutex};

use clap::{Parser, Subcommand};
use egui::pos2;
use serde::Serialize;

use crate::app::{StartOptions, run};
use crate::content::{self, BuiltIn, ContentSet};
use crate::model::content::{
    Guide, Layer, Paint, Referral, Routine, Safety, Side, Source, Structure, Zone,
};
use crate::model::{Atlas, PackOrigin};
use crate::text;

/// Bodywork Atlas: a layered anatomy reference for massage therapy.
#[derive(Debug, Parser)]
#[command(name = "bodywork-atlas", version, about)]
pub struct Cli {
    /// A content pack folder, loaded after the built-in content and your packs (repeatable;
    /// later packs override earlier ones by id).
    #[arg(long, global = true, value_name = "DIR")]
    pub data: Vec<PathBuf>,
    /// Open the window, save the first complete frame as PNG to PATH, and exit.
    #[arg(long, value_name = "PATH")]
    pub screenshot: Option<PathBuf>,
    /// View to open with (e.g. posterior, anterior).
    #[arg(long, value_name = "ID")]
    pub view: Option<String>,
    /// Region to select at start (e.g. piriformis_left).
    #[arg(long, value_name = "ID")]
    pub select: Option<String>,
    /// Layers of the start view to show, comma-separated (e.g. skeleton,deep,nerves); the others
    /// are hidden.
    #[arg(long, value_name = "IDS", value_delimiter = ',')]
    pub layers: Option<Vec<String>>,
    /// Open the sciatica guide at a section (e.g. what, finder, plan).
    #[arg(long, value_name = "SECTION")]
    pub guide: Option<String>,
    /// Open in consultation mode with this session file (e.g. examples/session.ron).
    #[arg(long, value_name = "SESSION.ron")]
    pub consult: Option<PathBuf>,
    /// Window size in points, e.g. 1024x700.
    #[arg(long, value_name = "WxH", value_parser = parse_size)]
    pub size: Option<[f32; 2]>,
    /// Test mode: after each frame, write the frame count, view, selection and where the
    /// diagram is on screen to PATH as JSON (for scripts that drive the real window).
    #[arg(long, value_name = "PATH")]
    pub status_file: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<CliCommand>,
}

/// Commands for content authors.
#[derive(Debug, Subcommand)]
pub enum CliCommand {
    /// Validate the content: exit 0 when clean, else print every problem as file:line:column.
    ///
    /// Without DIR: what the app loads (the built-in content, your packs, --data packs). With
    /// DIR: the built-in content and the given pack folders only (not your packs).
    Check {
        /// Pack folders to check with the built-in content.
        #[arg(value_name = "DIR")]
        packs: Vec<PathBuf>,
    },
    /// List views, layers, regions and structures.
    List {
        /// As JSON (regions with bounding box, centroid and area in diagram units).
        #[arg(long)]
        json: bool,
        /// With --json: each region's outline rings too (flattened, diagram units), so other
        /// tools can check the drawing.
        #[arg(long, requires = "json")]
        outlines: bool,
    },
    /// Print the id of the topmost region at diagram point (X, Y) with the default layers
    /// visible; exit 1 when there is none.
    Hit { view: String, x: f32, y: f32 },
    /// Write a client's handout for a session file, as PDF or PNG (by the extension), with no
    /// window or display: the pain map, the chosen self-care, aftercare, red flags, sources.
    Handout {
        /// The session file (RON), e.g. examples/session.ron.
        #[arg(value_name = "SESSION.ron")]
        session: PathBuf,
        /// The file to write: FILE.pdf or FILE.png.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Paper size.
        #[arg(long, value_name = "a4|letter", default_value = "a4")]
        paper: crate::handout::Paper,
    },
    /// Write a small, commented content pack to start from into DIR (a new or empty folder).
    NewPack {
        /// The folder to create.
        #[arg(value_name = "DIR")]
        dir: PathBuf,
    },
}

/// Runs the command line; returns the process exit code.
#[must_use]
pub fn run_cli(args: impl IntoIterator<Item = std::ffi::OsString>) -> ExitCode {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return if err.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let dirs = ContentSet::shipped().with_packs(cli.data.iter().cloned());
    match cli.command {
        Some(CliCommand::Check { packs }) if !packs.is_empty() => {
            let only_these = ContentSet {
                builtin: BuiltIn::shipped(),
                packs: Vec::new(),
            };
            check(&only_these.with_packs(cli.data).with_packs(packs))
        }
        Some(CliCommand::Check { .. }) => check(&dirs),
        Some(CliCommand::NewPack { dir }) => new_pack(&dir),
        Some(CliCommand::Handout {
            session,
            out,
            paper,
        }) => with_atlas(&dirs, |atlas| handout(atlas, &session, &out, paper)),
        Some(CliCommand::List { json, outlines }) => {
            with_atlas(&dirs, |atlas| list(atlas, json, outlines))
        }
        Some(CliCommand::Hit { view, x, y }) => with_atlas(&dirs, |atlas| hit(atlas, &view, x, y)),
        None => open_window(
            dirs,
            Start {
                screenshot: cli.screenshot,
                view: cli.view,
                select: cli.select,
                layers: cli.layers,
                size: cli.size,
                guide: cli.guide,
                consult: cli.consult,
                status_file: cli.status_file,
            },
        ),
    }
}

fn check(dirs: &ContentSet) -> ExitCode {
    match content::load(dirs) {
        Ok(atlas) => {
            let regions: usize = atlas.views.iter().map(|v| v.regions.len()).sum();
            println!(
                "ok: {} views, {regions} regions, {} structures, {} referred-pain patterns, {} sources, {} routines, {}",
                atlas.views.len(),
                atlas.structures.len(),
                atlas.referrals.len(),
                atlas.sources.len(),
                atlas.routines.len(),
                atlas.guide.as_ref().map_or_else(
                    || "no guide".to_owned(),
                    |g| format!(
                        "a guide of {} sections and {} symptoms",
                        g.sections.len(),
                        g.symptoms.len()
                    )
                )
            );
            for pack in atlas.packs.iter().filter(|p| !p.is_builtin()) {
                let from = match &pack.origin {
                    PackOrigin::Dir(dir) => dir.display().to_string(),
                    PackOrigin::BuiltIn => String::new(),
                };
                println!(
                    "pack \"{}\" ({}) from {}",
                    text::id(&pack.id),
                    text::message(&pack.name),
                    text::message(&from)
                );
            }
            ExitCode::SUCCESS
        }
        Err(errors) => {
            for e in &errors {
                println!("{e}");
            }
            eprintln!("{} problem(s) found", errors.len());
            ExitCode::from(1)
        }
    }
}

fn with_atlas(dirs: &ContentSet, f: impl FnOnce(&Atlas) -> ExitCode) -> ExitCode {
    match content::load(dirs) {
        Ok(atlas) => f(&atlas),
        Err(errors) => {
            for e in &errors {
                eprintln!("{e}");
            }
            ExitCode::from(2)
        }
    }
}

fn handout(atlas: &Atlas, session: &Path, out: &Path, paper: crate::handout::Paper) -> ExitCode {
    let session = match crate::session::file::read(session, Some(atlas)) {
        Ok(s) => s,
        Err(errors) => {
            for e in &errors {
                eprintln!("{e}");
            }
            return ExitCode::from(2);
        }
    };
    match crate::handout::write(out, &session, atlas, paper) {
        Ok(()) => {
            println!("wrote {}", out.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(1)
        }
    }
}

fn hit(atlas: &Atlas, view_id: &str, x: f32, y: f32) -> ExitCode {
    let Some(view) = atlas.view_index(view_id).and_then(|i| atlas.views.get(i)) else {
        let known: Vec<String> = atlas.views.iter().map(|v| text::id(&v.id)).collect();
        eprintln!(
            "no view \"{}\"; views: {}",
            text::id(view_id),
            known.join(", ")
        );
        return ExitCode::from(2);
    };
    // With the default layers, hit as the app does (a faded layer gives way to a solid one).
    let layers = crate::state::Preferences::default().layer_states(view);
    match layers.hit(view, pos2(x, y)) {
        Some(i) => {
            println!("{}", text::id(&view.regions[i].id));
            ExitCode::SUCCESS
        }
        None => ExitCode::from(1),
    }
}

#[derive(Serialize)]
struct ListJson<'a> {
    views: Vec<ViewJson<'a>>,
    structures: &'a [Structure],
    zones: &'a [Zone],
    /// Muscles' referred-pain patterns (data/referrals.ron).
    referrals: &'a [Referral],
    sources: &'a [Source],
    safety: &'a Safety,
    /// Guided routines, each part with the structure it shows.
    routines: &'a [Routine],
    /// The sciatica guide: sections with their blocks and sources, symptoms with their
    /// structures; null when the content has none.
    guide: Option<&'a Guide>,
    /// Each symptom of the guide with the structures it highlights (groups resolved to the
    /// muscles drawn for them).
    symptom_links: Vec<SymptomLinks<'a>>,
}

#[derive(Serialize)]
struct SymptomLinks<'a> {
    symptom: &'a str,
    structures: Vec<&'a str>,
    regions: Vec<&'a str>,
}

#[derive(Serialize)]
struct ViewJson<'a> {
    id: &'a str,
    title: &'a str,
    orientation: &'a str,
    canvas: [f32; 2],
    midline_x: f32,
    layers: &'a [Layer],
    regions: Vec<RegionJson<'a>>,
}

#[derive(Serialize)]
struct RegionJson<'a> {
    id: &'a str,
    layer: &'a str,
    side: Side,
    structure: Option<&'a str>,
    zone: Option<&'a str>,
    /// `null` for decoration drawn from the artwork.
    paint: Option<Paint>,
    /// Bone regions the shape reaches (origin and insertion).
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    attaches: &'a [String],
    /// [min_x, min_y, max_x, max_y]
    bbox: [f32; 4],
    /// A point inside the shape: its centroid when the centroid lies inside.
    centroid: [f32; 2],
    area: f32,
    mirror_of: Option<&'a str>,
    /// The short text drawn on the region, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<&'a str>,
    /// With `--outlines`: closed rings of [x, y] points.
    #[serde(skip_serializing_if = "Option::is_none")]
    outline: Option<Vec<Vec<[f32; 2]>>>,
}

fn list(atlas: &Atlas, json: bool, outlines: bool) -> ExitCode {
    if !json {
        for view in &atlas.views {
            println!(
                "{} ({}): {} regions",
                text::id(&view.id),
                text::message(&view.title),
                view.regions.len()
            );
            for layer in &view.layers {
                println!(
                    "  layer {}: {}",
                    text::id(&layer.id),
                    text::message(&layer.title)
                );
            }
        }
        println!("{} structures", atlas.structures.len());
        println!("{} referred-pain patterns", atlas.referrals.len());
        return ExitCode::SUCCESS;
    }
    let views = atlas
        .views
        .iter()
        .map(|v| ViewJson {
            id: &v.id,
            title: &v.title,
            orientation: &v.orientation,
            canvas: [v.canvas.width, v.canvas.height],
            midline_x: v.midline_x,
            layers: &v.layers,
            regions: v
                .regions
                .iter()
                .map(|r| RegionJson {
                    id: &r.id,
                    layer: v.layers.get(r.layer).map_or("", |l| l.id.as_str()),
                    side: r.side,
                    structure: r.structure.as_deref(),
                    zone: r.zone.as_deref(),
                    paint: r.paint,
                    attaches: &r.attaches,
                    bbox: [r.bbox.min.x, r.bbox.min.y, r.bbox.max.x, r.bbox.max.y],
                    centroid: [r.anchor.x, r.anchor.y],
                    area: r.area,
                    mirror_of: r.twin.and_then(|t| v.regions.get(t)).map(|t| t.id.as_str()),
                    label: r.label.as_deref(),
                    outline: outlines.then(|| {
                        r.rings
                            .iter()
                            .map(|ring| ring.points.iter().map(|p| [p.x, p.y]).collect())
                            .collect()
                    }),
                })
                .collect(),
        })
        .collect();
    let out = ListJson {
        views,
        structures: &atlas.structures,
        zones: &atlas.zones,
        referrals: &atlas.referrals,
        sources: &atlas.sources,
        safety: &atlas.safety,
        routines: &atlas.routines,
        guide: atlas.guide.as_ref(),
        symptom_links: symptom_links(atlas),
    };
    match serde_json::to_string_pretty(&out) {
        Ok(text) => {
            println!("{text}");
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("cannot write JSON: {err}");
            ExitCode::from(2)
        }
    }
}

fn symptom_links(atlas: &Atlas) -> Vec<SymptomLinks<'_>> {
    let Some(guide) = &atlas.guide else {
        return Vec::new();
    };
    guide
        .symptoms
        .iter()
        .map(|s| {
            let structures: Vec<&str> = s
                .structures
                .iter()
                .flat_map(|id| atlas.drawn_parts(id))
                .collect();
            let owned: Vec<String> = structures.iter().map(|s| (*s).to_owned()).collect();
            let regions = atlas
                .regions_of_structures(&owned, None)
                .into_iter()
                .filter_map(|r| atlas.region(r).map(|r| r.id.as_str()))
                .collect();
            SymptomLinks {
                symptom: &s.id,
                structures,
                regions,
            }
        })
        .collect()
}

/// What the window opens with, from the command line.
struct Start {
    screenshot: Option<PathBuf>,
    view: Option<String>,
    select: Option<String>,
    layers: Option<Vec<String>>,
    size: Option<[f32; 2]>,
    guide: Option<String>,
    consult: Option<PathBuf>,
    status_file: Option<PathBuf>,
}

fn open_window(dirs: ContentSet, start: Start) -> ExitCode {
    let Start {
        screenshot,
        view,
        select,
        layers,
        size,
        guide,
        consult,
        status_file,
    } = start;
    let consult = match consult {
        None => None,
        Some(path) => {
            let atlas = content::load(&dirs).ok();
            match crate::session::file::read(&path, atlas.as_ref()) {
                Ok(session) => Some(session),
                Err(errors) => {
                    for e in &errors {
                        eprintln!("{e}");
                    }
                    return ExitCode::from(2);
                }
            }
        }
    };
    let result: Arc<Mutex<Option<Result<(), String>>>> = Arc::new(Mutex::new(None));
    // A screenshot reads and writes no saved state, so it comes out the same on every run.
    let base = if screenshot.is_some() {
        StartOptions::ephemeral()
    } else {
        StartOptions::shipped()
    };
    let options = StartOptions {
        content: dirs,
        view,
        select,
        layers,
        screenshot: screenshot.map(|p| (p, result.clone())),
        size,
        guide,
        consult,
        status_file,
        ..base
    };
    let wants_screenshot = options.screenshot.is_some();
    if let Err(err) = run(options) {
        eprintln!("cannot open the window: {err}");
        return ExitCode::from(2);
    }
    if !wants_screenshot {
        return ExitCode::SUCCESS;
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

fn new_pack(dir: &Path) -> ExitCode {
    let written = match content::new_pack::write_starter_pack(dir) {
        Ok(written) => written,
        Err(err) => {
            eprintln!("{err}");
            return ExitCode::from(2);
        }
    };
    println!("Wrote a starter content pack:");
    for file in &written {
        println!("  {}", text::for_terminal(&file.display().to_string()));
    }
    let shown = shell_word(dir);
    println!();
    println!("Next:");
    println!("  bodywork-atlas check {shown}     # validate it with the built-in content");
    println!("  bodywork-atlas --data {shown}    # open the app with it");
    if let Some(user) = content::user_packs_dir() {
        println!(
            "To load it every time, move the folder into {}",
            user.display()
        );
    }
    ExitCode::SUCCESS
}

/// A path as typed in a shell: quoted when it has spaces or quotes.
fn shell_word(path: &Path) -> String {
    let shown = text::for_terminal(&path.display().to_string());
    if shown.contains(|c: char| c.is_whitespace() || "'\"$`\\".contains(c)) {
        format!("'{}'", shown.replace('\'', "'\\''"))
    } else {
        shown
    }
}

fn parse_size(text: &str) -> Result<[f32; 2], String> {
    let (w, h) = text
        .split_once(['x', 'X'])
        .ok_or("expected WIDTHxHEIGHT, e.g. 1024x700")?;
    let parse = |v: &str| -> Result<f32, String> {
        let v: f32 = v
            .trim()
            .parse()
            .map_err(|_| format!("{v:?} is not a number"))?;
        if (200.0..=10000.0).contains(&v) {
            Ok(v)
        } else {
            Err(format!("{v} is outside 200..10000"))
        }
    };
    Ok([parse(w)?, parse(h)?])
}
