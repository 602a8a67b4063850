//! The loaded, validated and prepared content: views with their geometry ready to draw and
//! hit-test, and the text of every structure. Built once at load; read-only afterwards.

use std::collections::HashMap;

use egui::emath::{Pos2, Rect, Vec2};

use super::content::{Canvas, Layer, Paint, Safety, Side, Source, Structure};
use super::geometry::{FillMesh, Polyline, contains_point};

/// A decoded raster image for a layer (RGBA8, row-major).
#[derive(Clone, Debug, PartialEq)]
pub struct LayerImage {
    /// The path under `assets/`, as written in the content.
    pub path: String,
    pub size: [usize; 2],
    pub rgba: Vec<u8>,
}

/// A region with its geometry prepared.
#[derive(Clone, Debug)]
pub struct PreparedRegion {
    pub id: String,
    /// Index into the view's layers.
    pub layer: usize,
    pub side: Side,
    pub structure: Option<String>,
    pub paint: Paint,
    /// Flattened subpaths, used for outlines and hit-testing.
    pub rings: Vec<Polyline>,
    /// Triangles of the filled area (empty for stroked-only paints).
    pub mesh: FillMesh,
    pub bbox: Rect,
    pub area: f32,
    /// A point inside the shape (its centroid when that lies inside).
    pub anchor: Pos2,
    /// Index of the mirror partner within the view, when the region was declared mirrored.
    pub twin: Option<usize>,
}

impl PreparedRegion {
    /// Whether a click can select this region (it shows a structure and is filled).
    #[must_use]
    pub fn is_selectable(&self) -> bool {
        self.structure.is_some() && self.paint.is_filled()
    }

    /// Whether the point lies inside the filled shape.
    #[must_use]
    pub fn contains(&self, p: Pos2) -> bool {
        self.bbox.contains(p) && contains_point(&self.rings, p)
    }
}

/// A view with its regions prepared, in drawing order (by layer, then as declared).
#[derive(Clone, Debug)]
pub struct PreparedView {
    pub id: String,
    pub title: String,
    pub orientation: String,
    pub canvas: Canvas,
    pub midline_x: f32,
    pub layers: Vec<Layer>,
    /// One per layer.
    pub layer_images: Vec<Option<LayerImage>>,
    pub regions: Vec<PreparedRegion>,
}

impl PreparedView {
    /// The canvas as a rectangle in diagram coordinates.
    #[must_use]
    pub fn canvas_rect(&self) -> Rect {
        Rect::from_min_size(Pos2::ZERO, Vec2::new(self.canvas.width, self.canvas.height))
    }

    /// The topmost selectable region under `p` among visible layers (`layer_visible(i)`).
    #[must_use]
    pub fn hit(&self, p: Pos2, layer_visible: impl Fn(usize) -> bool) -> Option<usize> {
        self.regions
            .iter()
            .enumerate()
            .rev()
            .find(|(_, r)| r.is_selectable() && layer_visible(r.layer) && r.contains(p))
            .map(|(i, _)| i)
    }

    /// Index of a region by id.
    #[must_use]
    pub fn region_index(&self, id: &str) -> Option<usize> {
        self.regions.iter().position(|r| r.id == id)
    }

    /// Index of a layer by id.
    #[must_use]
    pub fn layer_index(&self, id: &str) -> Option<usize> {
        self.layers.iter().position(|l| l.id == id)
    }

    /// The selectable region nearest to `from` in the direction `dir` (arrow-key navigation),
    /// among visible layers. Regions within 60 degrees of the direction qualify; the nearest
    /// wins, with off-axis distance counting double.
    #[must_use]
    pub fn neighbor(
        &self,
        from: usize,
        dir: Vec2,
        layer_visible: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        let origin = self.regions.get(from)?.anchor;
        let dir = dir.normalized();
        self.regions
            .iter()
            .enumerate()
            .filter(|(i, r)| *i != from && r.is_selectable() && layer_visible(r.layer))
            .filter_map(|(i, r)| {
                let d = r.anchor - origin;
                let along = d.dot(dir);
                let across = (d - dir * along).length();
                (along > 0.0 && across <= along * 1.8).then_some((i, along + 2.0 * across))
            })
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(i, _)| i)
    }
}

/// Everything the app shows, validated and prepared.
#[derive(Clone, Debug)]
pub struct Atlas {
    pub views: Vec<PreparedView>,
    pub structures: Vec<Structure>,
    pub sources: Vec<Source>,
    pub safety: Safety,
    structure_index: HashMap<String, usize>,
    source_index: HashMap<String, usize>,
}

/// Where a region is: view and region index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RegionRef {
    pub view: usize,
    pub region: usize,
}

impl Atlas {
    /// Assembles an atlas from validated parts.
    #[must_use]
    pub fn new(
        views: Vec<PreparedView>,
        structures: Vec<Structure>,
        sources: Vec<Source>,
        safety: Safety,
    ) -> Self {
        let structure_index = structures
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), i))
            .collect();
        let source_index = sources
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), i))
            .collect();
        Self {
            views,
            structures,
            sources,
            safety,
            structure_index,
            source_index,
        }
    }

    /// A structure by id.
    #[must_use]
    pub fn structure(&self, id: &str) -> Option<&Structure> {
        self.structure_index
            .get(id)
            .and_then(|&i| self.structures.get(i))
    }

    /// A source by id.
    #[must_use]
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.source_index.get(id).and_then(|&i| self.sources.get(i))
    }

    /// A view by id.
    #[must_use]
    pub fn view_index(&self, id: &str) -> Option<usize> {
        self.views.iter().position(|v| v.id == id)
    }

    /// A region anywhere by id.
    #[must_use]
    pub fn find_region(&self, id: &str) -> Option<RegionRef> {
        self.views
            .iter()
            .enumerate()
            .find_map(|(view, v)| v.region_index(id).map(|region| RegionRef { view, region }))
    }

    /// The region behind a reference.
    #[must_use]
    pub fn region(&self, r: RegionRef) -> Option<&PreparedRegion> {
        self.views.get(r.view)?.regions.get(r.region)
    }

    /// Display label of a region: structure name and side, e.g. "Piriformis (left)".
    #[must_use]
    pub fn region_label(&self, region: &PreparedRegion) -> String {
        let name = region
            .structure
            .as_deref()
            .and_then(|s| self.structure(s))
            .map_or(region.id.as_str(), |s| s.name.as_str());
        match region.side {
            Side::Midline => name.to_owned(),
            side => format!("{name} ({})", side.word()),
        }
    }

    /// Regions whose structure name, other names or id contain `query` (case-insensitive),
    /// names that start with the query first. Empty query: no matches.
    #[must_use]
    pub fn search(&self, query: &str) -> Vec<RegionRef> {
        let q = query.trim().to_lowercase();
        if q.is_empty() {
            return Vec::new();
        }
        let mut hits: Vec<(u8, RegionRef)> = Vec::new();
        for (view_i, view) in self.views.iter().enumerate() {
            for (region_i, region) in view.regions.iter().enumerate() {
                if !region.is_selectable() {
                    continue;
                }
                let Some(structure) = region.structure.as_deref().and_then(|s| self.structure(s))
                else {
                    continue;
                };
                let names = std::iter::once(&structure.name).chain(&structure.other_names);
                let rank = names
                    .map(|n| n.to_lowercase())
                    .filter_map(|n| {
                        if n.starts_with(&q) {
                            Some(0)
                        } else if n.split([' ', '-', '(']).any(|w| w.starts_with(&q)) {
                            Some(1)
                        } else if n.contains(&q) {
                            Some(2)
                        } else {
                            None
                        }
                    })
                    .min()
                    .or_else(|| structure.id.contains(&q.replace(' ', "_")).then_some(3));
                if let Some(rank) = rank {
                    hits.push((
                        rank,
                        RegionRef {
                            view: view_i,
                            region: region_i,
                        },
                    ));
                }
            }
        }
        hits.sort_by_key(|(rank, r)| (*rank, r.view, r.region));
        hits.into_iter().map(|(_, r)| r).collect()
    }
}
