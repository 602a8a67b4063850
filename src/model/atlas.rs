//! The loaded, validated and prepared content: views with their geometry ready to draw and
//! hit-test, and the text of every structure. Built once at load; read-only afterwards.

use std::collections::HashMap;
use std::path::PathBuf;

use emath::{Pos2, Rect, Vec2};

use super::art::ArtStyle;
use super::content::{
    Canvas, Guide, Layer, Paint, Referral, Routine, Safety, Side, Source, Structure, StructureKind,
    Zone,
};
use super::geometry::{FillMesh, Polyline, contains_point};
use super::layers::{LayerEntry, LayerGroup};

/// A decoded raster image for a layer (RGBA8, row-major).
#[derive(Clone, Debug, PartialEq)]
pub struct LayerImage {
    /// The path under `assets/`, as written in the content.
    pub path: String,
    /// The file it was read from, as named in messages (the same for every layer that shows
    /// it: one image, one texture).
    pub source: String,
    pub size: [usize; 2],
    pub rgba: Vec<u8>,
}

/// A region's shape flattened coarsely, for drawing at low zoom.
#[derive(Clone, Debug, Default)]
pub struct Coarse {
    pub rings: Vec<Polyline>,
    pub mesh: FillMesh,
}

/// A region with its geometry prepared.
#[derive(Clone, Debug)]
pub struct PreparedRegion {
    pub id: String,
    /// Index into the view's layers.
    pub layer: usize,
    pub side: Side,
    pub structure: Option<String>,
    /// The reflex zone it shows (foot views).
    pub zone: Option<String>,
    /// What it shows, as the content names it (`None` for decoration taken from the artwork).
    pub paint: Option<Paint>,
    /// Its look as the artwork draws it (`None` for shapes given as path data in RON, which
    /// take the theme's colours for their `paint`).
    pub art: Option<ArtStyle>,
    /// Whether the shape is filled (else only stroked): only filled shapes take clicks.
    pub filled: bool,
    /// Bone regions of the same view this muscle's shape reaches (its origin and insertion),
    /// for the mirrored copy the other side's bones.
    pub attaches: Vec<String>,
    /// Flattened subpaths, used for outlines and hit-testing.
    pub rings: Vec<Polyline>,
    /// Triangles of the filled area (empty for stroked-only paints).
    pub mesh: FillMesh,
    /// The same shape with fewer points, drawn when the whole figure is in view.
    pub coarse: Coarse,
    pub bbox: Rect,
    pub area: f32,
    /// A point inside the shape (its centroid when that lies inside).
    pub anchor: Pos2,
    /// Index of the mirror partner within the view, when the region was declared mirrored.
    pub twin: Option<usize>,
    /// The pack that defined the region (index into `Atlas::packs`).
    pub pack: usize,
    /// Short text drawn at the anchor (see [`super::content::Region::label`]).
    pub label: Option<String>,
}

impl PreparedRegion {
    /// Whether a click can select this region (it shows a structure or a zone and is filled).
    #[must_use]
    pub fn is_selectable(&self) -> bool {
        (self.structure.is_some() || self.zone.is_some()) && self.filled
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
    /// The layer panel's entries, in layer order: a layer, or a group of alternatives.
    pub entries: Vec<LayerEntry>,
    /// Layers that are alternatives of each other (`exclusive`), named for the panel.
    pub groups: Vec<LayerGroup>,
    /// One per layer; layers showing the same file share it.
    pub layer_images: Vec<Option<std::sync::Arc<LayerImage>>>,
    pub regions: Vec<PreparedRegion>,
    /// Paragraphs shown while nothing is selected.
    pub intro: Vec<String>,
    /// The pack that defined the view (index into `Atlas::packs`); layers and regions added by
    /// other packs name their own pack.
    pub pack: usize,
    /// The artwork's SVG text as read at load (exports such as the handout draw on it); `None`
    /// for a view drawn from path data alone.
    pub svg: Option<std::sync::Arc<str>>,
    /// Where the selectable regions are, for hit-testing (built by [`Atlas::new`]).
    pub hit_index: HitIndex,
}

/// A uniform grid over the canvas: each cell lists the selectable regions whose bounding box
/// overlaps it, in drawing order, so that a hit-test looks at the few regions near the point
/// instead of all of them (10,000 regions: tens of microseconds down to well under one).
#[derive(Clone, Debug, Default)]
pub struct HitIndex {
    origin: Pos2,
    cell: Vec2,
    cols: usize,
    rows: usize,
    /// Region indices per cell, row by row, in drawing order.
    cells: Vec<Vec<u32>>,
}

impl HitIndex {
    /// The largest grid side in cells.
    const MAX_SIDE: usize = 256;
    /// Below this many selectable regions, trying each in turn is as quick (measured: a few
    /// hundred nanoseconds for the shipped views), so no index is made.
    const MIN_REGIONS: usize = 500;

    /// An index of `regions` over `canvas` (none for a view of few regions).
    #[must_use]
    pub fn new(regions: &[PreparedRegion], canvas: Rect) -> Self {
        Self::with_min(regions, canvas, Self::MIN_REGIONS)
    }

    /// An index however few regions there are (tests hold it to the scan on small views).
    #[must_use]
    pub fn always(regions: &[PreparedRegion], canvas: Rect) -> Self {
        Self::with_min(regions, canvas, 0)
    }

    fn with_min(regions: &[PreparedRegion], canvas: Rect, min: usize) -> Self {
        let selectable = regions.iter().filter(|r| r.is_selectable()).count();
        if selectable < min {
            return Self::default();
        }
        let side = (selectable as f64).sqrt().ceil() as usize;
        let side = side.clamp(1, Self::MAX_SIDE);
        if !(canvas.is_positive() && canvas.is_finite()) {
            return Self::default();
        }
        let cell = canvas.size() / side as f32;
        let mut index = Self {
            origin: canvas.min,
            cell,
            cols: side,
            rows: side,
            cells: vec![Vec::new(); side * side],
        };
        for (i, r) in regions.iter().enumerate() {
            let Ok(i) = u32::try_from(i) else { break };
            if !r.is_selectable() || !r.bbox.is_finite() || r.bbox.is_negative() {
                continue;
            }
            let (c0, r0) = index.cell_of(r.bbox.min);
            let (c1, r1) = index.cell_of(r.bbox.max);
            for row in r0..=r1 {
                for col in c0..=c1 {
                    if let Some(cell) = index.cells.get_mut(row * side + col) {
                        cell.push(i);
                    }
                }
            }
        }
        index
    }

    /// The cell holding `p`, clamped to the grid.
    fn cell_of(&self, p: Pos2) -> (usize, usize) {
        let at = |v: f32, origin: f32, size: f32, n: usize| {
            let k = ((v - origin) / size).floor();
            if k.is_finite() && k > 0.0 {
                (k as usize).min(n - 1)
            } else {
                0
            }
        };
        (
            at(p.x, self.origin.x, self.cell.x, self.cols),
            at(p.y, self.origin.y, self.cell.y, self.rows),
        )
    }

    /// The regions that may lie under `p`, in drawing order; `None` when the index does not
    /// cover `p` (no index, or a point off the canvas): then every region must be tried.
    #[must_use]
    pub fn candidates(&self, p: Pos2) -> Option<&[u32]> {
        if self.cells.is_empty() {
            return None;
        }
        let covered = Rect::from_min_size(
            self.origin,
            Vec2::new(
                self.cell.x * self.cols as f32,
                self.cell.y * self.rows as f32,
            ),
        );
        if !covered.contains(p) {
            return None;
        }
        let (col, row) = self.cell_of(p);
        self.cells.get(row * self.cols + col).map(Vec::as_slice)
    }
}

impl PreparedView {
    /// The canvas as a rectangle in diagram coordinates.
    #[must_use]
    pub fn canvas_rect(&self) -> Rect {
        Rect::from_min_size(Pos2::ZERO, Vec2::new(self.canvas.width, self.canvas.height))
    }

    /// The topmost selectable region under `p` among visible layers (`layer_visible(i)`),
    /// looking only at the regions near `p` ([`HitIndex`]).
    #[must_use]
    pub fn hit(&self, p: Pos2, layer_visible: impl Fn(usize) -> bool) -> Option<usize> {
        let Some(candidates) = self.hit_index.candidates(p) else {
            return self.hit_by_scan(p, layer_visible);
        };
        candidates.iter().rev().map(|&i| i as usize).find(|&i| {
            self.regions
                .get(i)
                .is_some_and(|r| r.is_selectable() && layer_visible(r.layer) && r.contains(p))
        })
    }

    /// [`Self::hit`] by trying every region, topmost first: what the index must agree with.
    #[must_use]
    pub fn hit_by_scan(&self, p: Pos2, layer_visible: impl Fn(usize) -> bool) -> Option<usize> {
        self.regions
            .iter()
            .enumerate()
            .rev()
            .find(|(_, r)| r.is_selectable() && layer_visible(r.layer) && r.contains(p))
            .map(|(i, _)| i)
    }

    /// Whether a region lies on a layer drawn with the selection (`with_selection`: a muscle's
    /// referred-pain pattern). Such a region names its muscle but is not where the muscle is
    /// drawn: search, links and "show it on the diagram" go to the muscle's own regions.
    #[must_use]
    pub fn is_overlay(&self, region: &PreparedRegion) -> bool {
        self.layers
            .get(region.layer)
            .is_some_and(|l| l.with_selection)
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
}

/// Where a pack was loaded from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PackOrigin {
    /// The content that comes with the app (embedded, or `data/` in the checkout).
    BuiltIn,
    /// A pack folder.
    Dir(PathBuf),
}

/// A loaded content pack: the built-in content is the first, then each pack in load order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackInfo {
    pub id: String,
    pub name: String,
    pub origin: PackOrigin,
}

impl PackInfo {
    /// Whether this is the content that comes with the app.
    #[must_use]
    pub fn is_builtin(&self) -> bool {
        self.origin == PackOrigin::BuiltIn
    }
}

/// Everything the app shows, validated and prepared.
#[derive(Clone, Debug)]
pub struct Atlas {
    /// The packs the content came from, in load order (the built-in content first). Items name
    /// theirs by index (`Structure::pack`, `PreparedRegion::pack`, ...).
    pub packs: Vec<PackInfo>,
    pub views: Vec<PreparedView>,
    pub structures: Vec<Structure>,
    pub zones: Vec<Zone>,
    /// Referred-pain patterns of muscles, in content order.
    pub referrals: Vec<Referral>,
    pub sources: Vec<Source>,
    pub safety: Safety,
    /// Guided self-massage routines (`routines.ron`), in content order.
    pub routines: Vec<Routine>,
    /// The sciatica guide (`guide.ron`), when the content has one.
    pub guide: Option<Guide>,
    structure_index: HashMap<String, usize>,
    /// Muscle id -> index into `referrals`.
    referral_index: HashMap<String, usize>,
    zone_index: HashMap<String, usize>,
    source_index: HashMap<String, usize>,
}

/// A search match: a region on a view, or a structure that has no region of its own (a group
/// such as the hamstrings), which opens as a page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SearchHit {
    Region(RegionRef),
    /// Index into [`Atlas::structures`].
    Structure(usize),
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
        zones: Vec<Zone>,
        referrals: Vec<Referral>,
        sources: Vec<Source>,
        safety: Safety,
        packs: Vec<PackInfo>,
    ) -> Self {
        let mut referral_index = HashMap::new();
        for (i, r) in referrals.iter().enumerate() {
            for muscle in &r.muscles {
                referral_index.entry(muscle.clone()).or_insert(i);
            }
        }
        let structure_index = structures
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), i))
            .collect();
        let zone_index = zones
            .iter()
            .enumerate()
            .map(|(i, z)| (z.id.clone(), i))
            .collect();
        let source_index = sources
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), i))
            .collect();
        let views = views
            .into_iter()
            .map(|mut v| {
                v.hit_index = HitIndex::new(&v.regions, v.canvas_rect());
                v
            })
            .collect();
        Self {
            packs,
            views,
            structures,
            zones,
            referrals,
            sources,
            safety,
            routines: Vec::new(),
            guide: None,
            structure_index,
            referral_index,
            zone_index,
            source_index,
        }
    }

    /// A routine by id.
    #[must_use]
    pub fn routine(&self, id: &str) -> Option<&Routine> {
        self.routines.iter().find(|r| r.id == id)
    }

    /// The structures whose regions show `id` on the diagram: the structure itself when it has
    /// a selectable region; for a muscle group without a drawing of its own (the hamstrings),
    /// the muscles it is made of: its related muscles that name the group among their own
    /// related structures.
    #[must_use]
    pub fn drawn_parts<'a>(&'a self, id: &'a str) -> Vec<&'a str> {
        let drawn = |s: &str| {
            self.views
                .iter()
                .flat_map(|v| &v.regions)
                .any(|r| r.is_selectable() && r.structure.as_deref() == Some(s))
        };
        if drawn(id) {
            return vec![self.structure(id).map_or(id, |s| s.id.as_str())];
        }
        let Some(group) = self
            .structure(id)
            .filter(|s| s.kind == StructureKind::MuscleGroup)
        else {
            return Vec::new();
        };
        group
            .related
            .iter()
            .filter_map(|m| self.structure(m))
            .filter(|m| m.kind == StructureKind::Muscle && m.related.iter().any(|r| r == id))
            .map(|m| m.id.as_str())
            .filter(|m| drawn(m))
            .collect()
    }

    /// A reflex zone by id.
    #[must_use]
    pub fn zone(&self, id: &str) -> Option<&Zone> {
        self.zone_index.get(id).and_then(|&i| self.zones.get(i))
    }

    /// The zones that link to a body structure, in content order.
    #[must_use]
    pub fn zones_for_structure(&self, structure: &str) -> Vec<&Zone> {
        self.zones
            .iter()
            .filter(|z| z.links.iter().any(|l| l == structure))
            .collect()
    }

    /// Display name of what a region shows: its structure's or zone's name, else its id.
    #[must_use]
    pub fn region_name<'a>(&'a self, region: &'a PreparedRegion) -> &'a str {
        if let Some(s) = region.structure.as_deref().and_then(|s| self.structure(s)) {
            return &s.name;
        }
        if let Some(z) = region.zone.as_deref().and_then(|z| self.zone(z)) {
            return &z.name;
        }
        &region.id
    }

    /// Whether a region shows a structure: it names it, or (a referred-pain pattern shared by
    /// several muscles) it names a muscle whose pattern the structure shares.
    #[must_use]
    pub fn shows_with(&self, region: &PreparedRegion, structure: &str) -> bool {
        let Some(named) = region.structure.as_deref() else {
            return false;
        };
        named == structure
            || self
                .referral_for(structure)
                .is_some_and(|r| r.muscles.iter().any(|m| m == named))
    }

    /// The regions of a view that draw the pattern of its region `selected`: on layers drawn
    /// with the selection, showing its structure (see [`Self::shows_with`]) on its side (or the
    /// midline). Empty for a region without a structure.
    #[must_use]
    pub fn pattern_of(&self, view: &PreparedView, selected: usize) -> Vec<usize> {
        let Some(region) = view.regions.get(selected) else {
            return Vec::new();
        };
        let Some(structure) = region.structure.as_deref() else {
            return Vec::new();
        };
        view.regions
            .iter()
            .enumerate()
            .filter(|(_, r)| {
                view.is_overlay(r)
                    && (r.side == region.side || r.side == Side::Midline)
                    && self.shows_with(r, structure)
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// The referred-pain pattern of a muscle, when the content has one.
    #[must_use]
    pub fn referral_for(&self, muscle: &str) -> Option<&Referral> {
        self.referral_index
            .get(muscle)
            .and_then(|&i| self.referrals.get(i))
    }

    /// A structure's name in plain words first, e.g. "Deep hip rotator (piriformis)"; its own
    /// name when it has no `plain_name`.
    #[must_use]
    pub fn plain_name(&self, structure: &Structure) -> String {
        match &structure.plain_name {
            Some(plain) => format!("{plain} ({})", lower_first(&structure.name)),
            None => structure.name.clone(),
        }
    }

    /// What a region shows, in plain words first (see [`Self::plain_name`]).
    #[must_use]
    pub fn plain_region_name(&self, region: &PreparedRegion) -> String {
        match region.structure.as_deref().and_then(|s| self.structure(s)) {
            Some(s) => self.plain_name(s),
            None => self.region_name(region).to_owned(),
        }
    }

    /// [`Self::plain_region_name`] with the side, e.g. "Deep hip rotator (piriformis), right".
    #[must_use]
    pub fn plain_region_label(&self, region: &PreparedRegion) -> String {
        let name = self.plain_region_name(region);
        match (region.side, region.zone.is_some()) {
            (Side::Midline, _) => name,
            (side, false) => format!("{name}, {}", side.word()),
            (side, true) => format!("{name}, {} foot", side.word()),
        }
    }

    /// Regions showing any of `structures` on `side` (midline regions always), in view order:
    /// the body regions a reflex zone links to.
    #[must_use]
    pub fn regions_of_structures(
        &self,
        structures: &[String],
        side: Option<Side>,
    ) -> Vec<RegionRef> {
        self.regions_where(|r| {
            r.structure.as_ref().is_some_and(|s| structures.contains(s))
                && side.is_none_or(|side| r.side == side || r.side == Side::Midline)
        })
    }

    /// Regions showing any of `zones` on `side` (the foot), in view order.
    #[must_use]
    pub fn regions_of_zones(&self, zones: &[&str], side: Option<Side>) -> Vec<RegionRef> {
        self.regions_where(|r| {
            r.zone.as_deref().is_some_and(|z| zones.contains(&z))
                && side.is_none_or(|side| r.side == side || r.side == Side::Midline)
        })
    }

    fn regions_where(&self, keep: impl Fn(&PreparedRegion) -> bool) -> Vec<RegionRef> {
        let mut out = Vec::new();
        for (view, v) in self.views.iter().enumerate() {
            for (region, r) in v.regions.iter().enumerate() {
                if r.is_selectable() && !v.is_overlay(r) && keep(r) {
                    out.push(RegionRef { view, region });
                }
            }
        }
        out
    }

    /// A structure by id.
    #[must_use]
    pub fn structure(&self, id: &str) -> Option<&Structure> {
        self.structure_index
            .get(id)
            .and_then(|&i| self.structures.get(i))
    }

    /// The pack a structure came from (the last pack that defined it).
    #[must_use]
    pub fn pack_of_structure(&self, id: &str) -> Option<&PackInfo> {
        self.structure(id).and_then(|s| self.packs.get(s.pack))
    }

    /// The pack a reflex zone came from (the last pack that defined it).
    #[must_use]
    pub fn pack_of_zone(&self, id: &str) -> Option<&PackInfo> {
        self.zone(id).and_then(|z| self.packs.get(z.pack))
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
        let name = self.region_name(region);
        match (region.side, region.zone.is_some()) {
            (Side::Midline, _) => name.to_owned(),
            (side, false) => format!("{name} ({})", side.word()),
            (side, true) => format!("{name} ({} foot)", side.word()),
        }
    }

    /// Everything a search can open: regions (see [`Self::search`]), then structures with no
    /// region of their own whose names match, so every structure is reachable by search.
    #[must_use]
    pub fn search_all(&self, query: &str) -> Vec<SearchHit> {
        let mut hits: Vec<SearchHit> = self
            .search(query)
            .into_iter()
            .map(SearchHit::Region)
            .collect();
        let q = query.trim().to_lowercase();
        if q.is_empty() {
            return hits;
        }
        let drawn: std::collections::HashSet<&str> = self
            .views
            .iter()
            .flat_map(|v| v.regions.iter().filter(|r| !v.is_overlay(r)))
            .filter(|r| r.is_selectable())
            .filter_map(|r| r.structure.as_deref())
            .collect();
        let mut pages: Vec<(u8, usize)> = self
            .structures
            .iter()
            .enumerate()
            .filter(|(_, s)| !drawn.contains(s.id.as_str()))
            .filter_map(|(i, s)| {
                name_rank(std::iter::once(&s.name).chain(&s.other_names), &q).map(|r| (r, i))
            })
            .collect();
        pages.sort_unstable();
        hits.extend(pages.into_iter().map(|(_, i)| SearchHit::Structure(i)));
        hits
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
                if !region.is_selectable() || view.is_overlay(region) {
                    continue;
                }
                let (id, names): (&str, Vec<&String>) =
                    if let Some(s) = region.structure.as_deref().and_then(|s| self.structure(s)) {
                        (
                            &s.id,
                            std::iter::once(&s.name).chain(&s.other_names).collect(),
                        )
                    } else if let Some(z) = region.zone.as_deref().and_then(|z| self.zone(z)) {
                        (
                            &z.id,
                            std::iter::once(&z.name).chain(&z.other_names).collect(),
                        )
                    } else {
                        continue;
                    };
                let rank =
                    name_rank(names, &q).or_else(|| id.contains(&q.replace(' ', "_")).then_some(3));
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
        // A region on a layer shown by default first: that is the part a person sees.
        let hidden = |r: &RegionRef| {
            self.views.get(r.view).is_none_or(|view| {
                view.regions
                    .get(r.region)
                    .and_then(|region| view.layers.get(region.layer))
                    .is_none_or(|layer| !layer.visible)
            })
        };
        hits.sort_by_key(|(rank, r)| (*rank, r.view, hidden(r), r.region));
        // One match per structure (or zone), side and view: a muscle drawn in two pieces or on
        // two layers (gluteus medius) is listed once, by its visible (else lowest-layer) region.
        let mut seen = std::collections::HashSet::new();
        hits.into_iter()
            .map(|(_, r)| r)
            .filter(|r| {
                let Some(region) = self.region(*r) else {
                    return false;
                };
                let what = region.structure.as_deref().or(region.zone.as_deref());
                seen.insert((r.view, what, region.side))
            })
            .collect()
    }
}

/// The text with its first letter in lower case ("Deep hip rotator" → "deep hip rotator"),
/// unless the first word is an abbreviation ("PSIS").
#[must_use]
pub fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && !b.is_uppercase() => {
            a.to_lowercase().chain(text.chars().skip(1)).collect()
        }
        _ => text.to_owned(),
    }
}

/// How well a lower-case query matches any of the names: 0 a name starts with it, 1 a word
/// does, 2 it is inside a name; `None` when it matches none.
fn name_rank<'a>(names: impl IntoIterator<Item = &'a String>, q: &str) -> Option<u8> {
    names
        .into_iter()
        .map(|n| n.to_lowercase())
        .filter_map(|n| {
            if n.starts_with(q) {
                Some(0)
            } else if n.split([' ', '-', '(']).any(|w| w.starts_with(q)) {
                Some(1)
            } else if n.contains(q) {
                Some(2)
            } else {
                None
            }
        })
        .min()
}
