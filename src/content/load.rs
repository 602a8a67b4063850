//! Loads a data directory: parses every RON file strictly, validates references and geometry,
//! and prepares the geometry once. Every problem is collected, none stops the others.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use serde::de::DeserializeOwned;

use super::error::{ContentError, Location, Problem};
use super::source_map::SourceText;
use crate::model::atlas::Coarse;
use crate::model::atlas::{Atlas, LayerImage, PreparedRegion, PreparedView};
use crate::model::content::{Region, Safety, Source, Structure, View, Zone};
use crate::model::geometry::{
    self, COARSE_TOLERANCE, FillMesh, PathError, Segment, area_and_centroid, bounding_box, flatten,
    flatten_within, interior_point, mirror_segments, tessellate, tessellate_within,
};

/// The largest layer image file accepted, in bytes.
pub const MAX_IMAGE_BYTES: u64 = 32 * 1024 * 1024;
/// The largest layer image side accepted, in pixels.
pub const MAX_IMAGE_SIDE: u32 = 8192;
/// Filled shapes smaller than this (in square diagram units) count as having no area.
pub const MIN_AREA: f32 = 1.0;

/// Where content is read from.
#[derive(Clone, Debug)]
pub struct ContentDirs {
    /// The folder with `sources.ron`, `safety.ron`, `structures/` and `views/`.
    pub data: PathBuf,
    /// The folder layer images are resolved in (normally `assets/` beside `data/`).
    pub assets: PathBuf,
}

impl ContentDirs {
    /// A data folder with `assets/` beside it.
    #[must_use]
    pub fn from_data_dir(data: &Path) -> Self {
        let assets = data
            .parent()
            .map_or_else(|| PathBuf::from("assets"), |p| p.join("assets"));
        Self {
            data: data.to_path_buf(),
            assets,
        }
    }

    /// The content shipped with the app: `data/` in the current folder, beside the executable,
    /// or in the source tree it was built from, whichever exists first.
    #[must_use]
    pub fn shipped() -> Self {
        let mut candidates = vec![PathBuf::from("data")];
        if let Ok(exe) = std::env::current_exe()
            && let Some(dir) = exe.parent()
        {
            candidates.push(dir.join("data"));
        }
        candidates.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("data"));
        let data = candidates
            .iter()
            .find(|p| p.join("views").is_dir())
            .cloned()
            .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("data"));
        Self::from_data_dir(&data)
    }
}

/// Loads, validates and prepares all content. On any problem, every problem found is returned,
/// sorted by place.
///
/// # Errors
/// The list of problems, each with `file:line:column`.
pub fn load(dirs: &ContentDirs) -> Result<Atlas, Vec<ContentError>> {
    let mut loader = Loader {
        dirs,
        errors: Vec::new(),
        structures_complete: true,
        sources_complete: true,
        zones_complete: true,
    };
    let atlas = loader.run();
    let mut errors = loader.errors;
    if errors.is_empty() {
        return atlas.ok_or_else(Vec::new);
    }
    errors.sort_by(|a, b| a.location.cmp(&b.location));
    errors.dedup();
    Err(errors)
}

struct Loader<'a> {
    dirs: &'a ContentDirs,
    errors: Vec<ContentError>,
    structures_complete: bool,
    sources_complete: bool,
    zones_complete: bool,
}

/// Ids a reference may name, with where each was defined.
struct Refs<'a> {
    field: &'static str,
    kind: &'static str,
    known: &'a HashMap<String, Location>,
    /// False when a file that defines such ids did not parse.
    complete: bool,
}

/// The ids regions may refer to.
struct Known<'a> {
    structures: &'a HashMap<String, Location>,
    zones: &'a HashMap<String, Location>,
}

/// A parsed file and its text, kept to locate later problems.
struct Parsed<T> {
    value: T,
    src: SourceText,
}

impl Loader<'_> {
    fn run(&mut self) -> Option<Atlas> {
        let data = self.dirs.data.clone();
        let sources: Option<Parsed<Vec<Source>>> = self.parse_file(&data.join("sources.ron"));
        let safety: Option<Parsed<Safety>> = self.parse_file(&data.join("safety.ron"));
        let structure_paths = self.ron_files_in(&data.join("structures"));
        let structure_files: Vec<Parsed<Vec<Structure>>> = structure_paths
            .iter()
            .filter_map(|p| self.parse_file(p))
            .collect();
        // When a file did not parse, references into it are not checked: the one syntax error
        // is reported, not a cascade of "does not exist".
        self.structures_complete = structure_files.len() == structure_paths.len();
        self.sources_complete = sources.is_some();
        // Reflex zones are optional: a content folder without zones/ has none.
        let zones_dir = data.join("zones");
        let zone_paths = if zones_dir.is_dir() {
            self.ron_files_in(&zones_dir)
        } else {
            Vec::new()
        };
        let zone_files: Vec<Parsed<Vec<Zone>>> = zone_paths
            .iter()
            .filter_map(|p| self.parse_file(p))
            .collect();
        self.zones_complete = zone_files.len() == zone_paths.len();
        let mut view_files: Vec<Parsed<View>> = self
            .ron_files_in(&data.join("views"))
            .iter()
            .filter_map(|p| self.parse_file(p))
            .collect();
        view_files.sort_by(|a, b| (a.value.order, &a.value.id).cmp(&(b.value.order, &b.value.id)));

        // Sources.
        let mut source_ids: HashMap<String, Location> = HashMap::new();
        if let Some(sources) = &sources {
            let mut from = 0;
            for s in &sources.value {
                let at = sources.src.find_item(&s.id, from).unwrap_or(from);
                from = sources.src.after_item(at, &s.id);
                self.check_unique(&mut source_ids, "source", &s.id, sources.src.location(at));
            }
        }

        // Structures.
        let mut structure_ids: HashMap<String, Location> = HashMap::new();
        for file in &structure_files {
            let mut from = 0;
            for s in &file.value {
                let at = file.src.find_item(&s.id, from).unwrap_or(from);
                from = file.src.after_item(at, &s.id);
                self.check_unique(
                    &mut structure_ids,
                    "structure",
                    &s.id,
                    file.src.location(at),
                );
            }
        }
        for file in &structure_files {
            let mut from = 0;
            for s in &file.value {
                let at = file.src.find_item(&s.id, from).unwrap_or(from);
                from = file.src.after_item(at, &s.id);
                self.check_structure(s, &file.src, at, &structure_ids, &source_ids);
            }
        }
        if let Some(safety) = &safety {
            let refs = Refs {
                field: "sources",
                kind: "source",
                known: &source_ids,
                complete: self.sources_complete,
            };
            self.check_refs(&safety.src, 0, &safety.value.sources, &refs);
        }

        // Reflex zones.
        let mut zone_ids: HashMap<String, Location> = HashMap::new();
        for file in &zone_files {
            let links = Refs {
                field: "links",
                kind: "structure",
                known: &structure_ids,
                complete: self.structures_complete,
            };
            let sources = Refs {
                field: "sources",
                kind: "source",
                known: &source_ids,
                complete: self.sources_complete,
            };
            let mut from = 0;
            for z in &file.value {
                let at = file.src.find_item(&z.id, from).unwrap_or(from);
                from = file.src.after_item(at, &z.id);
                self.check_unique(&mut zone_ids, "zone", &z.id, file.src.location(at));
                self.check_refs(&file.src, at, &z.links, &links);
                self.check_refs(&file.src, at, &z.sources, &sources);
                if z.sources.is_empty() {
                    let loc = file.src.find_field(at, "sources").unwrap_or(at);
                    self.push(
                        file.src.location(loc),
                        Problem::Invalid(format!("zone \"{}\" names no source", z.id)),
                    );
                }
            }
        }

        // Views.
        let mut view_ids: HashMap<String, Location> = HashMap::new();
        let mut region_ids: HashMap<String, Location> = HashMap::new();
        let mut views = Vec::new();
        for file in &view_files {
            let at = file.src.find_item(&file.value.id, 0).unwrap_or(0);
            self.check_unique(&mut view_ids, "view", &file.value.id, file.src.location(at));
            let known = Known {
                structures: &structure_ids,
                zones: &zone_ids,
            };
            if let Some(view) = self.prepare_view(&file.value, &file.src, &known, &mut region_ids) {
                views.push(view);
            }
        }
        if view_files.is_empty() && self.errors.is_empty() {
            self.push(
                Location {
                    file: display(&data.join("views")),
                    line: 1,
                    column: 1,
                },
                Problem::MissingFile("view files (views/*.ron)".into()),
            );
        }

        let structures = structure_files.into_iter().flat_map(|f| f.value).collect();
        let zones = zone_files.into_iter().flat_map(|f| f.value).collect();
        Some(Atlas::new(
            views,
            structures,
            zones,
            sources?.value,
            safety?.value,
        ))
    }

    fn push(&mut self, location: Location, problem: Problem) {
        self.errors.push(ContentError { location, problem });
    }

    /// Reports each id in `ids` (written in `refs.field` of the item at `at`) that is not known.
    /// Skipped when the file defining such ids did not parse (its syntax error is reported).
    fn check_refs(&mut self, src: &SourceText, at: usize, ids: &[String], refs: &Refs<'_>) {
        if !refs.complete {
            return;
        }
        for id in ids.iter().filter(|id| !refs.known.contains_key(*id)) {
            let loc = src.find_string_in_field(at, refs.field, id).unwrap_or(at);
            self.push(
                src.location(loc),
                Problem::UnknownReference {
                    field: refs.field,
                    kind: refs.kind,
                    id: id.clone(),
                },
            );
        }
    }

    fn check_unique(
        &mut self,
        seen: &mut HashMap<String, Location>,
        kind: &'static str,
        id: &str,
        location: Location,
    ) {
        if let Some(first) = seen.get(id) {
            let first = first.to_string();
            self.push(
                location,
                Problem::DuplicateId {
                    kind,
                    id: id.to_owned(),
                    first,
                },
            );
        } else {
            seen.insert(id.to_owned(), location);
        }
    }

    fn ron_files_in(&mut self, dir: &Path) -> Vec<PathBuf> {
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(err) => {
                self.push(
                    Location {
                        file: display(dir),
                        line: 1,
                        column: 1,
                    },
                    Problem::Unreadable(format!("cannot list the folder: {err}")),
                );
                return Vec::new();
            }
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "ron"))
            .collect();
        files.sort();
        files
    }

    fn parse_file<T: DeserializeOwned>(&mut self, path: &Path) -> Option<Parsed<T>> {
        let file = display(path);
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(err) => {
                self.push(
                    Location {
                        file,
                        line: 1,
                        column: 1,
                    },
                    Problem::Unreadable(err.to_string()),
                );
                return None;
            }
        };
        let src = SourceText { file, text };
        match ron::Options::default().from_str::<T>(&src.text) {
            Ok(value) => Some(Parsed { value, src }),
            Err(err) => {
                let at = src.at(err.span.start.line, err.span.start.col);
                self.push(at, Problem::Syntax(err.code.to_string()));
                None
            }
        }
    }

    fn check_structure(
        &mut self,
        s: &Structure,
        src: &SourceText,
        at: usize,
        structure_ids: &HashMap<String, Location>,
        source_ids: &HashMap<String, Location>,
    ) {
        let related = Refs {
            field: "related",
            kind: "structure",
            known: structure_ids,
            complete: self.structures_complete,
        };
        self.check_refs(src, at, &s.related, &related);
        let sources = Refs {
            field: "sources",
            kind: "source",
            known: source_ids,
            complete: self.sources_complete,
        };
        self.check_refs(src, at, &s.sources, &sources);
        if s.sources.is_empty() {
            let loc = src.find_field(at, "sources").unwrap_or(at);
            self.push(
                src.location(loc),
                Problem::Invalid(format!("structure \"{}\" names no source", s.id)),
            );
        }
        let mut holds: Vec<(u32, u32)> = s.stretches.iter().map(|st| st.hold_secs).collect();
        if let Some(m) = &s.self_massage {
            holds.push(m.hold_secs);
            if m.steps.is_empty() {
                let loc = src.find_field(at, "steps").unwrap_or(at);
                self.push(
                    src.location(loc),
                    Problem::Invalid(format!("structure \"{}\": self-massage has no steps", s.id)),
                );
            }
        }
        for (min, max) in holds {
            if min > max || max == 0 {
                let loc = src.find_field(at, "hold_secs").unwrap_or(at);
                self.push(
                    src.location(loc),
                    Problem::Invalid(format!(
                        "structure \"{}\": hold_secs ({min}, {max}) must be (shortest, longest) with longest above 0",
                        s.id
                    )),
                );
            }
        }
    }

    fn prepare_view(
        &mut self,
        view: &View,
        src: &SourceText,
        known: &Known<'_>,
        region_ids: &mut HashMap<String, Location>,
    ) -> Option<PreparedView> {
        let canvas = view.canvas;
        let canvas_ok = canvas.width.is_finite()
            && canvas.height.is_finite()
            && canvas.width > 0.0
            && canvas.height > 0.0;
        if !canvas_ok {
            let loc = src.find_field(0, "canvas").unwrap_or(0);
            self.push(
                src.location(loc),
                Problem::Invalid("the canvas needs a finite width and height above 0".into()),
            );
            return None;
        }
        if !(view.midline_x.is_finite() && (0.0..=canvas.width).contains(&view.midline_x)) {
            let loc = src.find_field(0, "midline_x").unwrap_or(0);
            self.push(
                src.location(loc),
                Problem::Invalid("midline_x must lie on the canvas".into()),
            );
        }

        let mut layer_ids: HashMap<String, Location> = HashMap::new();
        let mut layer_images = Vec::new();
        let mut from = 0;
        for layer in &view.layers {
            let at = src.find_item(&layer.id, from).unwrap_or(from);
            from = src.after_item(at, &layer.id);
            self.check_unique(&mut layer_ids, "layer", &layer.id, src.location(at));
            if !(layer.opacity.is_finite() && (0.0..=1.0).contains(&layer.opacity)) {
                let loc = src.find_field(at, "opacity").unwrap_or(at);
                self.push(
                    src.location(loc),
                    Problem::Invalid(format!(
                        "layer \"{}\": opacity must be 0.0 to 1.0",
                        layer.id
                    )),
                );
            }
            let image = layer.image.as_ref().and_then(|image| {
                let loc = src.find_field(at, "image").map_or(at, |f| {
                    src.find_string_in_field(f, "image", image).unwrap_or(f)
                });
                self.load_image(image, src.location(loc))
            });
            layer_images.push(image);
        }

        let mut regions: Vec<(usize, PreparedRegion)> = Vec::new();
        let mut from = 0;
        let structure = Refs {
            field: "structure",
            kind: "structure",
            known: known.structures,
            complete: self.structures_complete,
        };
        let zone = Refs {
            field: "zone",
            kind: "zone",
            known: known.zones,
            complete: self.zones_complete,
        };
        for region in &view.regions {
            let at = src.find_item(&region.id, from).unwrap_or(from);
            from = src.after_item(at, &region.id);
            self.check_unique(region_ids, "region", &region.id, src.location(at));
            if let Some(mirror) = &region.mirror {
                let loc = src.find_string_in_field(at, "mirror", mirror).unwrap_or(at);
                self.check_unique(region_ids, "region", mirror, src.location(loc));
            }
            let layer = view.layers.iter().position(|l| l.id == region.layer);
            if layer.is_none() {
                let loc = src
                    .find_string_in_field(at, "layer", &region.layer)
                    .unwrap_or(at);
                self.push(
                    src.location(loc),
                    Problem::UnknownReference {
                        field: "layer",
                        kind: "layer",
                        id: region.layer.clone(),
                    },
                );
            }
            self.check_refs(src, at, region.structure.as_slice(), &structure);
            self.check_refs(src, at, region.zone.as_slice(), &zone);
            if region.structure.is_some() && region.zone.is_some() {
                let loc = src.find_field(at, "zone").unwrap_or(at);
                self.push(
                    src.location(loc),
                    Problem::Invalid(format!(
                        "region \"{}\" names both a structure and a zone; a region shows one",
                        region.id
                    )),
                );
            }
            let Some(segments) = self.region_segments(view, region, src, at) else {
                continue;
            };
            let Some(layer) = layer else { continue };
            let first = prepare_region(region, &region.id, region.side, &segments, layer);
            if region.paint.is_filled() && first.area < MIN_AREA {
                let loc = src.find_field(at, "path").unwrap_or(at);
                self.push(
                    src.location(loc),
                    Problem::NoArea {
                        region: region.id.clone(),
                    },
                );
                continue;
            }
            regions.push((layer, first));
            if let Some(mirror_id) = &region.mirror {
                let mirrored = mirror_segments(&segments, view.midline_x);
                if let Some(p) = outside_canvas(&mirrored, canvas.width, canvas.height) {
                    let loc = src.find_field(at, "mirror").unwrap_or(at);
                    self.push(
                        src.location(loc),
                        Problem::OutOfCanvas {
                            region: mirror_id.clone(),
                            x: p.x,
                            y: p.y,
                            width: canvas.width,
                            height: canvas.height,
                        },
                    );
                    continue;
                }
                let second =
                    prepare_region(region, mirror_id, region.side.mirrored(), &mirrored, layer);
                regions.push((layer, second));
            }
        }
        // Drawing order: by layer, then as declared (a stable sort keeps mirrors beside originals).
        regions.sort_by_key(|(layer, _)| *layer);
        let mut regions: Vec<PreparedRegion> = regions.into_iter().map(|(_, r)| r).collect();
        link_twins(view, &mut regions);

        Some(PreparedView {
            id: view.id.clone(),
            title: view.title.clone(),
            orientation: view.orientation.clone(),
            canvas,
            midline_x: view.midline_x,
            layers: view.layers.clone(),
            layer_images,
            regions,
            intro: view.intro.clone(),
        })
    }

    fn region_segments(
        &mut self,
        view: &View,
        region: &Region,
        src: &SourceText,
        at: usize,
    ) -> Option<Vec<Segment>> {
        match geometry::parse_path(&region.path) {
            Ok(segments) => {
                if let Some(p) = outside_canvas(&segments, view.canvas.width, view.canvas.height) {
                    let loc = src.find_field(at, "path").unwrap_or(at);
                    self.push(
                        src.location(loc),
                        Problem::OutOfCanvas {
                            region: region.id.clone(),
                            x: p.x,
                            y: p.y,
                            width: view.canvas.width,
                            height: view.canvas.height,
                        },
                    );
                    return None;
                }
                Some(segments)
            }
            Err(err) => {
                let loc = match &err {
                    PathError::Syntax { char_pos, .. } => src
                        .string_body_of_field(at, "path")
                        .map(|body| src.advance_chars(body, char_pos.saturating_sub(1))),
                    PathError::Empty | PathError::NotFinite => src.find_field(at, "path"),
                }
                .unwrap_or(at);
                self.push(
                    src.location(loc),
                    Problem::BadPath {
                        region: region.id.clone(),
                        message: err.to_string(),
                    },
                );
                None
            }
        }
    }

    fn load_image(&mut self, image: &str, location: Location) -> Option<LayerImage> {
        let bad = |message: String| Problem::BadImage {
            path: image.to_owned(),
            message,
        };
        let rel = Path::new(image);
        let leaves = rel.is_absolute()
            || rel
                .components()
                .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir));
        if leaves {
            self.push(
                location,
                bad("image paths must stay inside assets/ (no absolute paths, no ..)".into()),
            );
            return None;
        }
        let full = self.dirs.assets.join(rel);
        let size = match std::fs::metadata(&full) {
            Ok(meta) => meta.len(),
            Err(err) => {
                self.push(
                    location,
                    bad(format!("cannot read {}: {err}", display(&full))),
                );
                return None;
            }
        };
        if size > MAX_IMAGE_BYTES {
            self.push(
                location,
                bad(format!(
                    "the file is {size} bytes; the limit is {MAX_IMAGE_BYTES}"
                )),
            );
            return None;
        }
        let reader = match image::ImageReader::open(&full)
            .and_then(image::ImageReader::with_guessed_format)
        {
            Ok(reader) => reader,
            Err(err) => {
                self.push(location, bad(err.to_string()));
                return None;
            }
        };
        match reader.into_dimensions() {
            Ok((w, h)) if w > MAX_IMAGE_SIDE || h > MAX_IMAGE_SIDE => {
                self.push(
                    location,
                    bad(format!(
                        "{w}x{h} pixels; the limit is {MAX_IMAGE_SIDE} on a side"
                    )),
                );
                return None;
            }
            Ok(_) => {}
            Err(err) => {
                self.push(location, bad(format!("not a readable PNG or JPEG: {err}")));
                return None;
            }
        }
        match image::open(&full) {
            Ok(img) => {
                let rgba = img.to_rgba8();
                let size = [rgba.width() as usize, rgba.height() as usize];
                Some(LayerImage {
                    path: image.to_owned(),
                    size,
                    rgba: rgba.into_raw(),
                })
            }
            Err(err) => {
                self.push(location, bad(format!("not a readable PNG or JPEG: {err}")));
                None
            }
        }
    }
}

fn outside_canvas(segments: &[Segment], width: f32, height: f32) -> Option<emath::Pos2> {
    segments
        .iter()
        .flat_map(geometry::points_of)
        .find(|p| !(0.0..=width).contains(&p.x) || !(0.0..=height).contains(&p.y))
}

fn prepare_region(
    region: &Region,
    id: &str,
    side: crate::model::content::Side,
    segments: &[Segment],
    layer: usize,
) -> PreparedRegion {
    let filled = region.paint.is_filled();
    let rings = flatten(segments, filled);
    let mesh = if filled {
        tessellate(segments)
    } else {
        Default::default()
    };
    let bbox = bounding_box(&rings).unwrap_or(emath::Rect::NOTHING);
    let (area, _) = area_and_centroid(&mesh);
    let coarse = Coarse {
        rings: flatten_within(segments, filled, COARSE_TOLERANCE),
        mesh: if filled {
            tessellate_within(segments, COARSE_TOLERANCE)
        } else {
            FillMesh::default()
        },
    };
    let anchor = interior_point(&mesh, &rings).unwrap_or_else(|| bbox.center());
    PreparedRegion {
        id: id.to_owned(),
        layer,
        side,
        structure: region.structure.clone(),
        zone: region.zone.clone(),
        paint: region.paint,
        rings,
        mesh,
        coarse,
        bbox,
        area,
        anchor,
        twin: None,
    }
}

fn link_twins(view: &View, regions: &mut [PreparedRegion]) {
    let index: HashMap<String, usize> = regions
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.clone(), i))
        .collect();
    for region in &view.regions {
        let Some(mirror) = &region.mirror else {
            continue;
        };
        if let (Some(&a), Some(&b)) = (index.get(&region.id), index.get(mirror)) {
            regions[a].twin = Some(b);
            regions[b].twin = Some(a);
        }
    }
}

/// A path for messages: relative to the current folder when it lies below it.
fn display(path: &Path) -> String {
    let cwd = std::env::current_dir().ok();
    let shown = cwd
        .as_deref()
        .and_then(|c| path.strip_prefix(c).ok())
        .unwrap_or(path);
    shown.display().to_string()
}
