//! Preparing one view: its canvas and layers, its artwork (SVG) and the regions of its sidecar,
//! regions given as path data, mirrors, and the geometry every region needs to be drawn and
//! hit-tested.

use std::collections::{HashMap, HashSet};

use super::{Known, Loader, MergedView, PackFiles, Placed, Refs};
use crate::content::artwork::{self, ArtItem, Artwork};
use crate::content::error::{Location, Problem};
use crate::content::root::Root;
use crate::content::source_map::SourceText;
use crate::model::art::{ArtStyle, Gradient};
use crate::model::atlas::{Coarse, PreparedRegion, PreparedView};
use crate::model::content::{Canvas, Layer, MAX_LABEL_CHARS, Paint, Region, Side, View};
use crate::model::geometry::{
    self, COARSE_TOLERANCE, FillMesh, PathError, Segment, area_and_centroid, bounding_box, flatten,
    flatten_within, interior_point, mirror_segments, tessellate, tessellate_within,
};
use crate::model::layers::layer_entries;

/// Filled shapes smaller than this (in square diagram units) count as having no area.
pub const MIN_AREA: f32 = 1.0;

/// The most path commands in one filled shape. The shipped artwork's largest filled shape has a
/// few hundred; filling an outline that crosses itself many times takes time that grows faster
/// than its length (a sawtooth of 50,000 points took 7 s), so a bigger one is refused.
pub const MAX_FILLED_SHAPE_SEGMENTS: usize = 10_000;

/// The largest artwork file read, in bytes (the shipped ones are a few hundred KiB): the limit
/// of every content text file.
pub const MAX_ARTWORK_BYTES: u64 = crate::content::root::MAX_TEXT_BYTES;

/// What a shape shows and how it looks, before its geometry is prepared.
struct ShapeInfo<'a> {
    id: &'a str,
    side: Side,
    structure: Option<&'a String>,
    zone: Option<&'a String>,
    paint: Option<Paint>,
    art: Option<(&'a ArtStyle, Option<&'a Gradient>)>,
    attaches: Vec<String>,
    label: Option<&'a String>,
}

impl ShapeInfo<'_> {
    fn filled(&self) -> bool {
        match (&self.art, self.paint) {
            (Some((style, _)), _) => style.is_filled(),
            (None, Some(paint)) => paint.is_filled(),
            (None, None) => false,
        }
    }
}

/// The artwork of a view, read and parsed, with the file's name for messages.
struct ReadArtwork {
    file: String,
    art: Artwork,
    /// The SVG as read, kept for exports (the handout draws on it).
    text: std::sync::Arc<str>,
}

impl Loader {
    #[allow(clippy::too_many_lines)] // the checks of one view, in order
    pub(super) fn prepare_view(
        &mut self,
        merged: &MergedView<'_>,
        packs: &[PackFiles],
        known: &Known<'_>,
        region_ids: &mut HashMap<String, Location>,
    ) -> Option<PreparedView> {
        let (view, src) = (merged.view, merged.src);
        let artwork = match &view.artwork {
            Some(name) => {
                let root = &packs.get(merged.pack)?.root;
                // Every sidecar id: a region given as path data (a pack's replacement) takes the
                // artwork's element of that id out of the drawing.
                let sidecar_ids: HashSet<&str> = merged
                    .regions
                    .iter()
                    .flat_map(|p| std::iter::once(&p.value.id).chain(p.value.mirror.as_ref()))
                    .map(String::as_str)
                    .collect();
                let at = src.find_string_in_field(0, "artwork", name).unwrap_or(0);
                Some(self.read_artwork(root, name, &sidecar_ids, src.location(at))?)
            }
            None => None,
        };
        let canvas = self.view_canvas(view, src, artwork.as_ref())?;
        if !(view.midline_x.is_finite() && (0.0..=canvas.width).contains(&view.midline_x)) {
            let loc = src.find_field(0, "midline_x").unwrap_or(0);
            self.push(
                src.location(loc),
                Problem::Invalid("midline_x must lie on the canvas".into()),
            );
        }
        let layer_images = self.check_layers(merged, packs);
        let layer_of = |id: &str| merged.layers.iter().position(|l| l.value.id == id);

        // Regions drawn in the artwork, in its order; then regions given as path data.
        // (layer, place in the drawing, shape): the artwork's document order, then path data.
        let mut regions: Vec<(usize, usize, PreparedRegion)> = Vec::new();
        let mut twins: Vec<(String, String)> = Vec::new();
        let mut from_art: HashMap<&str, (usize, &ArtItem)> = HashMap::new();
        if let Some(read) = &artwork {
            let mut order = 0;
            for art_layer in &read.art.layers {
                let Some(layer) = layer_of(&art_layer.id) else {
                    self.push(
                        read.location(art_layer.at),
                        Problem::Artwork(format!(
                            "layer group \"{}\" is not a layer of the view ({}): add it to the view's layers or rename the group",
                            art_layer.id,
                            merged
                                .layers
                                .iter()
                                .map(|l| l.value.id.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        )),
                    );
                    continue;
                };
                for item in &art_layer.items {
                    order += 1;
                    if item.is_region {
                        from_art.insert(&item.id, (layer, item));
                        continue;
                    }
                    // Decoration: drawn, never clicked.
                    let info = ShapeInfo {
                        id: &item.id,
                        side: Side::Midline,
                        structure: None,
                        zone: None,
                        paint: None,
                        art: Some((&item.style, item.gradient.as_ref())),
                        attaches: Vec::new(),
                        label: None,
                    };
                    if item.segments.is_empty() {
                        continue;
                    }
                    if let Some(p) = outside_canvas(&item.segments, canvas) {
                        self.push(
                            read.location(item.at),
                            Problem::OutOfCanvas {
                                region: display_id(&item.id),
                                x: p.x,
                                y: p.y,
                                width: canvas.width,
                                height: canvas.height,
                            },
                        );
                        continue;
                    }
                    if !self.within_shape_budget(&info, &item.segments, read.location(item.at)) {
                        continue;
                    }
                    let shape = prepare_shape(&info, &item.segments, layer, merged.pack);
                    regions.push((layer, order, shape));
                }
            }
        }

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
        // Each item's place in the artwork's document order, so the drawing stacks as the SVG.
        let art_order: HashMap<&str, usize> = artwork
            .iter()
            .flat_map(|a| a.art.layers.iter().flat_map(|l| &l.items))
            .enumerate()
            .map(|(i, item)| (item.id.as_str(), i))
            .collect();
        let sidecar = merged
            .regions
            .iter()
            .zip(&merged.added)
            .enumerate()
            .map(|(i, (p, &added))| (i, p, added));
        // Path commands drawn from path data in this view (mirrors count twice): bounded like
        // the artwork's, so a huge path is refused here instead of stalling every frame.
        let mut path_commands = 0usize;
        for (declared, p, added) in sidecar {
            let after_art = art_order.len() + 1 + 2 * declared;
            let (region, src, at) = (p.value, p.src, p.at);
            self.check_unique(region_ids, "region", &region.id, src.location(at));
            if let Some(mirror) = &region.mirror {
                let loc = src.find_string_in_field(at, "mirror", mirror).unwrap_or(at);
                self.check_unique(region_ids, "region", mirror, src.location(loc));
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
            if let Some(label) = &region.label {
                self.check_label(region, label, src, at);
            }
            // The layer named in the sidecar (required for path data).
            let named_layer = match &region.layer {
                Some(id) => {
                    let found = layer_of(id);
                    // A layer may come from an addition: when one did not parse, do not cascade.
                    if found.is_none() && (!added || self.views_complete) {
                        let loc = src.find_string_in_field(at, "layer", id).unwrap_or(at);
                        let known = layer_definitions(&merged.layers);
                        self.push(
                            src.location(loc),
                            super::unknown_reference(
                                "layer",
                                "layer",
                                id,
                                known.iter().map(|(id, at)| (*id, Some(at))),
                            ),
                        );
                    }
                    found
                }
                None => None,
            };
            match &region.path {
                Some(path) => {
                    let Some(layer) = named_layer else {
                        if region.layer.is_none() {
                            self.push(
                                src.location(at),
                                Problem::Invalid(format!(
                                    "region \"{}\" is drawn as path data, so it needs a `layer`",
                                    region.id
                                )),
                            );
                        }
                        continue;
                    };
                    let Some(segments) = self.region_segments(canvas, region, path, src, at) else {
                        continue;
                    };
                    path_commands += segments.len() * if region.mirror.is_some() { 2 } else { 1 };
                    if path_commands > artwork::MAX_SEGMENTS {
                        let loc = src.find_field(at, "path").unwrap_or(at);
                        self.push(
                            src.location(loc),
                            Problem::BadPath {
                                region: region.id.clone(),
                                message: format!(
                                    "the view's path data has more than {} commands; this region is not drawn",
                                    artwork::MAX_SEGMENTS
                                ),
                            },
                        );
                        continue;
                    }
                    let first = sidecar_shape(region, &region.id, region.side);
                    let path_at = src.location(src.find_field(at, "path").unwrap_or(at));
                    let Some(shape) = self.with_area(&first, &segments, layer, p.pack, path_at)
                    else {
                        continue;
                    };
                    regions.push((layer, after_art, shape));
                    if let Some(mirror_id) = &region.mirror {
                        let mirrored = mirror_segments(&segments, view.midline_x);
                        if let Some(pt) = outside_canvas(&mirrored, canvas) {
                            let loc = src.find_field(at, "mirror").unwrap_or(at);
                            self.push(
                                src.location(loc),
                                Problem::OutOfCanvas {
                                    region: mirror_id.clone(),
                                    x: pt.x,
                                    y: pt.y,
                                    width: canvas.width,
                                    height: canvas.height,
                                },
                            );
                            continue;
                        }
                        let mut second = sidecar_shape(region, mirror_id, region.side.mirrored());
                        let copies = artwork.as_ref().map_or(&[][..], |a| &a.art.copies);
                        second.attaches = mirrored_attaches(&region.attaches, merged, copies);
                        let shape = prepare_shape(&second, &mirrored, layer, p.pack);
                        regions.push((layer, after_art + 1, shape));
                        twins.push((region.id.clone(), mirror_id.clone()));
                    }
                }
                None => {
                    let Some(read) = &artwork else {
                        self.push(
                            src.location(at),
                            Problem::Invalid(format!(
                                "region \"{}\" has no `path`, and the view has no `artwork` to draw it from",
                                region.id
                            )),
                        );
                        continue;
                    };
                    let sides = std::iter::once((&region.id, region.side, None)).chain(
                        region.mirror.iter().map(|m| {
                            (
                                m,
                                region.side.mirrored(),
                                src.find_string_in_field(at, "mirror", m),
                            )
                        }),
                    );
                    let mut placed_both = true;
                    for (id, side, mirror_at) in sides {
                        let Some(&(layer, item)) = from_art.get(id.as_str()) else {
                            placed_both = false;
                            self.push(
                                src.location(mirror_at.unwrap_or(at)),
                                Problem::Artwork(format!(
                                    "region \"{id}\" has no element with id=\"{id}\" in {} (inside a layer group)",
                                    read.file
                                )),
                            );
                            continue;
                        };
                        if let (Some(named), Some(name)) = (named_layer, &region.layer)
                            && named != layer
                        {
                            let loc = src.find_string_in_field(at, "layer", name).unwrap_or(at);
                            self.push(
                                src.location(loc),
                                Problem::Invalid(format!(
                                    "region \"{id}\" is drawn in the artwork's layer \"{}\", not \"{name}\"",
                                    merged.layers.get(layer).map_or("", |l| l.value.id.as_str())
                                )),
                            );
                        }
                        let mut shape = sidecar_shape(region, id, side);
                        shape.art = Some((&item.style, item.gradient.as_ref()));
                        if mirror_at.is_some() {
                            shape.attaches =
                                mirrored_attaches(&region.attaches, merged, &read.art.copies);
                        }
                        if region.paint.is_filled() && !item.style.is_filled() {
                            self.push(
                                read.location(item.at),
                                Problem::Artwork(format!(
                                    "region \"{id}\" has no fill in the artwork, so it cannot be clicked: give it a fill (it may be transparent)"
                                )),
                            );
                            continue;
                        }
                        if let Some(pt) = outside_canvas(&item.segments, canvas) {
                            self.push(
                                read.location(item.at),
                                Problem::OutOfCanvas {
                                    region: id.clone(),
                                    x: pt.x,
                                    y: pt.y,
                                    width: canvas.width,
                                    height: canvas.height,
                                },
                            );
                            continue;
                        }
                        let at = read.location(item.at);
                        if let Some(shape) =
                            self.with_area(&shape, &item.segments, layer, p.pack, at)
                        {
                            let order = art_order.get(id.as_str()).map_or(0, |o| o + 1);
                            regions.push((layer, order, shape));
                        }
                    }
                    if placed_both && let Some(mirror) = &region.mirror {
                        twins.push((region.id.clone(), mirror.clone()));
                    }
                }
            }
        }
        // Drawing order: by layer, then as drawn (a stable sort keeps the artwork's order and
        // mirrors beside originals).
        regions.sort_by_key(|(layer, order, _)| (*layer, *order));
        let mut regions: Vec<PreparedRegion> = regions.into_iter().map(|(_, _, r)| r).collect();
        link_twins(&twins, &mut regions);
        self.check_attaches(merged, &regions);

        let layers: Vec<crate::model::content::Layer> =
            merged.layers.iter().map(|p| p.value.clone()).collect();
        let (entries, groups) = layer_entries(&layers);
        Some(PreparedView {
            id: view.id.clone(),
            title: view.title.clone(),
            orientation: view.orientation.clone(),
            canvas,
            midline_x: view.midline_x,
            layers,
            entries,
            groups,
            layer_images,
            regions,
            intro: view.intro.clone(),
            pack: merged.pack,
            svg: artwork.as_ref().map(|a| a.text.clone()),
            hit_index: crate::model::atlas::HitIndex::default(),
        })
    }

    /// Reads and parses a view's artwork file (`views/<name>` in the view's pack).
    fn read_artwork(
        &mut self,
        root: &Root,
        name: &str,
        region_ids: &HashSet<&str>,
        location: Location,
    ) -> Option<ReadArtwork> {
        let plain = !name.is_empty()
            && !name.contains(['/', '\\'])
            && name != "."
            && name != ".."
            && std::path::Path::new(name)
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("svg"));
        if !plain {
            self.push(
                location,
                Problem::Invalid(format!(
                    "artwork \"{name}\": name an .svg file beside the view file in views/ (no folders)"
                )),
            );
            return None;
        }
        let rel = format!("views/{name}");
        let file = root.label(&rel);
        // Bounded, regular files only: see `Root::read_text`.
        let text = match root.read_text(&rel) {
            Ok(text) => text,
            Err(err) => {
                self.push(
                    Location {
                        file,
                        line: err.line,
                        column: err.column,
                    },
                    Problem::Unreadable(err.message),
                );
                return None;
            }
        };
        match artwork::parse_artwork(&text, region_ids) {
            Ok((art, problems)) => {
                let read = ReadArtwork {
                    file,
                    art,
                    text: text.as_str().into(),
                };
                for problem in problems {
                    self.push(
                        read.location((problem.line, problem.column)),
                        Problem::Artwork(problem.message),
                    );
                }
                Some(read)
            }
            Err(err) => {
                self.push(
                    Location {
                        file,
                        line: err.line.max(1),
                        column: err.column.max(1),
                    },
                    Problem::Artwork(err.message),
                );
                None
            }
        }
    }

    /// The canvas: the artwork's size, or the view file's `canvas` (they must agree when both
    /// are given).
    fn view_canvas(
        &mut self,
        view: &View,
        src: &SourceText,
        artwork: Option<&ReadArtwork>,
    ) -> Option<Canvas> {
        let loc = || src.location(src.find_field(0, "canvas").unwrap_or(0));
        let canvas = match (view.canvas, artwork) {
            (Some(c), Some(read)) => {
                let (w, h) = (read.art.width, read.art.height);
                if (c.width - w).abs() > 0.5 || (c.height - h).abs() > 0.5 {
                    self.push(
                        loc(),
                        Problem::Invalid(format!(
                            "the canvas ({} x {}) differs from the artwork's size ({w} x {h}); leave `canvas` out to use the artwork's",
                            c.width, c.height
                        )),
                    );
                    return None;
                }
                c
            }
            (None, Some(read)) => Canvas {
                width: read.art.width,
                height: read.art.height,
            },
            (Some(c), None) => c,
            (None, None) => {
                self.push(
                    src.location(0),
                    Problem::Invalid(
                        "a view needs a `canvas` (width and height) or an `artwork`".into(),
                    ),
                );
                return None;
            }
        };
        let ok = |v: f32| v.is_finite() && v > 0.0 && v <= artwork::MAX_CANVAS_SIDE;
        if !(ok(canvas.width) && ok(canvas.height)) {
            self.push(
                loc(),
                Problem::Invalid(format!(
                    "the canvas needs a finite width and height above 0 and at most {}",
                    artwork::MAX_CANVAS_SIDE
                )),
            );
            return None;
        }
        Some(canvas)
    }

    /// Layer ids unique, opacities in range, images read, `fades_under` naming other layers.
    fn check_layers(
        &mut self,
        merged: &MergedView<'_>,
        packs: &[PackFiles],
    ) -> Vec<Option<std::sync::Arc<crate::model::atlas::LayerImage>>> {
        let mut layer_ids: HashMap<String, Location> = HashMap::new();
        let mut layer_images = Vec::new();
        for p in &merged.layers {
            let (layer, src, at) = (p.value, p.src, p.at);
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
                let root = &packs.get(p.pack)?.root;
                self.load_image(root, image, src.location(loc))
            });
            layer_images.push(image);
        }
        for p in &merged.layers {
            let (layer, src, at) = (p.value, p.src, p.at);
            for id in &layer.fades_under {
                if !merged.layers.iter().any(|l| l.value.id == *id) || *id == layer.id {
                    let loc = src
                        .find_string_in_field(at, "fades_under", id)
                        .unwrap_or(at);
                    let known = layer_definitions(&merged.layers);
                    let others = known
                        .iter()
                        .filter(|(other, _)| *other != layer.id)
                        .map(|(id, at)| (*id, Some(at)));
                    self.push(
                        src.location(loc),
                        super::unknown_reference(
                            "fades_under",
                            "other layer of this view",
                            id,
                            others,
                        ),
                    );
                }
            }
        }
        // Alternatives (an exclusive group): at most one of them is shown at the start.
        let mut shown_first: HashMap<&str, &str> = HashMap::new();
        for p in &merged.layers {
            let (layer, src, at) = (p.value, p.src, p.at);
            let Some(group) = layer.exclusive.as_deref().filter(|_| layer.visible) else {
                continue;
            };
            if let Some(first) = shown_first.get(group) {
                let loc = src.find_field(at, "visible").unwrap_or(at);
                self.push(
                    src.location(loc),
                    Problem::Invalid(format!(
                        "layer \"{}\" and layer \"{first}\" are alternatives (exclusive group \"{group}\"): only one of them may be visible at the start",
                        layer.id
                    )),
                );
            } else {
                shown_first.insert(group, &layer.id);
            }
        }
        layer_images
    }

    /// A muscle's `attaches` name regions of the same view.
    fn check_attaches(&mut self, merged: &MergedView<'_>, regions: &[PreparedRegion]) {
        let ids: HashSet<&str> = regions.iter().map(|r| r.id.as_str()).collect();
        for p in &merged.regions {
            for bone in &p.value.attaches {
                if !ids.contains(bone.as_str()) {
                    let loc = p
                        .src
                        .find_string_in_field(p.at, "attaches", bone)
                        .unwrap_or(p.at);
                    self.push(
                        p.src.location(loc),
                        super::unknown_reference(
                            "attaches",
                            "region of this view",
                            bone,
                            ids.iter().map(|k| (*k, None)),
                        ),
                    );
                }
            }
        }
    }

    /// The prepared shape, when it is not a filled shape without area (reported at
    /// `location`).
    fn with_area(
        &mut self,
        info: &ShapeInfo<'_>,
        segments: &[Segment],
        layer: usize,
        pack: usize,
        location: Location,
    ) -> Option<PreparedRegion> {
        if !self.within_shape_budget(info, segments, location.clone()) {
            return None;
        }
        let shape = prepare_shape(info, segments, layer, pack);
        if shape.filled && shape.area < MIN_AREA {
            self.push(
                location,
                Problem::NoArea {
                    region: info.id.to_owned(),
                },
            );
            return None;
        }
        Some(shape)
    }

    /// Whether a shape is small enough to prepare: a filled shape of more than
    /// [`MAX_FILLED_SHAPE_SEGMENTS`] path commands is reported at `location` and not drawn.
    fn within_shape_budget(
        &mut self,
        info: &ShapeInfo<'_>,
        segments: &[Segment],
        location: Location,
    ) -> bool {
        if !info.filled() || segments.len() <= MAX_FILLED_SHAPE_SEGMENTS {
            return true;
        }
        self.push(
            location,
            Problem::BadPath {
                region: display_id(info.id),
                message: format!(
                    "the filled shape has {} path commands; one filled shape may have at most {MAX_FILLED_SHAPE_SEGMENTS} (filling an outline that crosses itself takes time that grows faster than its size), so it is not drawn",
                    segments.len()
                ),
            },
        );
        false
    }

    /// A region's label is short, not blank, and has no control characters.
    fn check_label(&mut self, region: &Region, label: &str, src: &SourceText, at: usize) {
        let problem = if label.trim().is_empty() {
            Some("is empty".to_owned())
        } else if label.chars().count() > MAX_LABEL_CHARS {
            Some(format!(
                "is {} characters long; a label on the diagram has at most {MAX_LABEL_CHARS}",
                label.chars().count()
            ))
        } else if label.chars().any(char::is_control) {
            Some("holds a control character (a line break or tab)".to_owned())
        } else {
            None
        };
        if let Some(problem) = problem {
            let loc = src
                .find_string_in_field(at, "label", label)
                .or_else(|| src.find_field(at, "label"))
                .unwrap_or(at);
            self.push(
                src.location(loc),
                Problem::Invalid(format!("region \"{}\": the label {problem}", region.id)),
            );
        }
    }

    fn region_segments(
        &mut self,
        canvas: Canvas,
        region: &Region,
        path: &str,
        src: &SourceText,
        at: usize,
    ) -> Option<Vec<Segment>> {
        match geometry::parse_path(path) {
            Ok(segments) => {
                if let Some(p) = outside_canvas(&segments, canvas) {
                    let loc = src.find_field(at, "path").unwrap_or(at);
                    self.push(
                        src.location(loc),
                        Problem::OutOfCanvas {
                            region: region.id.clone(),
                            x: p.x,
                            y: p.y,
                            width: canvas.width,
                            height: canvas.height,
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
                    PathError::Empty | PathError::NotFinite | PathError::HugeArc => {
                        src.find_field(at, "path")
                    }
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
}

/// A sidecar region (or its mirror) as a shape: what it shows, its paint and bones.
fn sidecar_shape<'a>(region: &'a Region, id: &'a str, side: Side) -> ShapeInfo<'a> {
    ShapeInfo {
        id,
        side,
        structure: region.structure.as_ref(),
        zone: region.zone.as_ref(),
        paint: Some(region.paint),
        art: None,
        attaches: region.attaches.clone(),
        label: region.label.as_ref(),
    }
}

impl ReadArtwork {
    fn location(&self, (line, column): (usize, usize)) -> Location {
        Location {
            file: self.file.clone(),
            line: line.max(1),
            column: column.max(1),
        }
    }
}

/// How an element without an id is named in messages.
fn display_id(id: &str) -> String {
    if id.is_empty() {
        "(a shape without an id)".to_owned()
    } else {
        id.to_owned()
    }
}

/// The other side's bones: each attached bone's own mirror (a sidecar `mirror`, or an artwork
/// `<use>` copy of it), or the bone itself on the midline.
fn mirrored_attaches(
    attaches: &[String],
    merged: &MergedView<'_>,
    copies: &[(String, String)],
) -> Vec<String> {
    let pairs = merged
        .regions
        .iter()
        .filter_map(|p| Some((p.value.id.as_str(), p.value.mirror.as_deref()?)))
        .chain(copies.iter().map(|(a, b)| (a.as_str(), b.as_str())));
    let mut other: HashMap<&str, &str> = HashMap::new();
    for (a, b) in pairs {
        other.entry(a).or_insert(b);
        other.entry(b).or_insert(a);
    }
    attaches
        .iter()
        .map(|bone| {
            other
                .get(bone.as_str())
                .map_or_else(|| bone.clone(), |m| (*m).to_owned())
        })
        .collect()
}

fn outside_canvas(segments: &[Segment], canvas: Canvas) -> Option<emath::Pos2> {
    segments
        .iter()
        .flat_map(geometry::points_of)
        .find(|p| !(0.0..=canvas.width).contains(&p.x) || !(0.0..=canvas.height).contains(&p.y))
}

/// How many times to split a shaded shape's triangles so its gradient reads inside it.
fn shading_levels(bbox: emath::Rect) -> u32 {
    let side = bbox.width().max(bbox.height());
    match side {
        s if s < 16.0 => 0,
        s if s < 60.0 => 1,
        s if s < 200.0 => 2,
        _ => 3,
    }
}

fn shaded(mesh: FillMesh, gradient: Option<&Gradient>, levels: u32) -> FillMesh {
    let Some(gradient) = gradient else {
        return mesh;
    };
    let mut mesh = mesh.subdivided(levels);
    mesh.colors = mesh
        .vertices
        .iter()
        .map(|&p| gradient.color_at(p))
        .collect();
    mesh
}

/// Prepares one shape on `layer`, from `pack`: flattened rings, triangles (shaded when the
/// artwork fills it with a gradient), a coarse copy, bounding box, area and anchor.
fn prepare_shape(
    info: &ShapeInfo<'_>,
    segments: &[Segment],
    layer: usize,
    pack: usize,
) -> PreparedRegion {
    let filled = info.filled();
    let rings = flatten(segments, filled);
    let bbox = bounding_box(&rings).unwrap_or(emath::Rect::NOTHING);
    let gradient = info.art.and_then(|(_, g)| g);
    let levels = shading_levels(bbox);
    let mesh = if filled {
        tessellate(segments)
    } else {
        FillMesh::default()
    };
    let (area, _) = area_and_centroid(&mesh);
    let anchor = interior_point(&mesh, &rings).unwrap_or_else(|| bbox.center());
    let coarse = Coarse {
        rings: flatten_within(segments, filled, COARSE_TOLERANCE),
        mesh: if filled {
            shaded(
                tessellate_within(segments, COARSE_TOLERANCE),
                gradient,
                levels.saturating_sub(1),
            )
        } else {
            FillMesh::default()
        },
    };
    PreparedRegion {
        id: info.id.to_owned(),
        layer,
        side: info.side,
        structure: info.structure.cloned(),
        zone: info.zone.cloned(),
        paint: info.paint,
        art: info.art.map(|(style, _)| style.clone()),
        filled,
        attaches: info.attaches.clone(),
        rings,
        mesh: shaded(mesh, gradient, levels),
        coarse,
        bbox,
        area,
        anchor,
        twin: None,
        pack,
        label: info.label.cloned(),
    }
}

fn link_twins(twins: &[(String, String)], regions: &mut [PreparedRegion]) {
    let index: HashMap<String, usize> = regions
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.clone(), i))
        .collect();
    for (a, b) in twins {
        if let (Some(&a), Some(&b)) = (index.get(a), index.get(b)) {
            regions[a].twin = Some(b);
            regions[b].twin = Some(a);
        }
    }
}

/// Each layer's id with where it is defined (for "did you mean" in messages).
fn layer_definitions<'a>(layers: &[Placed<'a, Layer>]) -> Vec<(&'a str, Location)> {
    layers
        .iter()
        .map(|l| (l.value.id.as_str(), l.src.location(l.at)))
        .collect()
}
