//! Loads a content set: the built-in content, then each pack. Parses every RON file strictly,
//! merges the packs by id, validates references and geometry against the merged result, and
//! prepares the geometry once. Every problem is collected, none stops the others.

mod guidance;

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use serde::Deserialize;
use serde::de::DeserializeOwned;

mod view;

use super::error::{ContentError, Location, Nearest, Problem};
use super::images::Images;
use super::root::Root;
use super::set::{BuiltIn, CONTENT_FORMAT_VERSION, ContentSet, EMBEDDED};
use super::source_map::SourceText;
use crate::model::atlas::{Atlas, LayerImage, PackInfo, PackOrigin};
use crate::model::content::{
    Guide, Layer, Pack, Referral, Region, Routine, Safety, Source, Structure, StructureKind, View,
    ViewAddition, Zone,
};

pub use super::images::{MAX_DECODED_BYTES, MAX_IMAGE_BYTES, MAX_IMAGE_SIDE};
pub use view::{MAX_ARTWORK_BYTES, MIN_AREA};

/// Loads, validates and prepares all content of the set: the built-in content, then each pack
/// in order (a later pack's item replaces an earlier one with the same id). On any problem,
/// every problem found is returned, sorted by place.
///
/// # Errors
/// The list of problems, each with `file:line:column`.
pub fn load(set: &ContentSet) -> Result<Atlas, Vec<ContentError>> {
    let mut loader = Loader {
        errors: Vec::new(),
        images: Images::new(),
        structures_complete: true,
        sources_complete: true,
        zones_complete: true,
        views_complete: true,
    };
    let atlas = loader.run(set);
    let mut errors = loader.errors;
    if errors.is_empty() {
        return atlas.ok_or_else(Vec::new);
    }
    errors.sort_by(|a, b| a.location.cmp(&b.location));
    errors.dedup();
    Err(one_per_unknown_id(errors))
}

/// An unknown reference, with the closest known id when one is close enough to be a likely
/// misspelling (of the reference, or of the definition).
fn unknown_reference<'a>(
    field: &'static str,
    kind: &'static str,
    id: &str,
    known: impl Iterator<Item = (&'a str, Option<&'a Location>)>,
) -> Problem {
    // Close: at most a third of the characters differ (and at least 1 may).
    let allowed = (id.chars().count() / 3).max(1);
    let nearest = known
        .map(|(k, at)| (strsim::damerau_levenshtein(id, k), k, at))
        .filter(|(d, _, _)| *d <= allowed)
        .min_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)))
        .map(|(_, k, at)| Nearest {
            id: k.to_owned(),
            defined_at: at.cloned(),
        });
    Problem::UnknownReference {
        field,
        kind,
        id: id.to_owned(),
        nearest,
        others: 0,
    }
}

/// Keeps the first report of each unknown id (by kind) and counts the others into it: one
/// misspelt id is one problem, not one per place that names it.
fn one_per_unknown_id(errors: Vec<ContentError>) -> Vec<ContentError> {
    let mut first: HashMap<(&'static str, String), usize> = HashMap::new();
    let mut kept: Vec<ContentError> = Vec::with_capacity(errors.len());
    for error in errors {
        if let Problem::UnknownReference { kind, id, .. } = &error.problem {
            // A layer named in `fades_under` and in regions is the same missing layer.
            let kind = if kind.contains("layer") {
                "layer"
            } else {
                kind
            };
            let key = (kind, id.clone());
            if let Some(&i) = first.get(&key) {
                if let Some(Problem::UnknownReference { others, .. }) =
                    kept.get_mut(i).map(|e| &mut e.problem)
                {
                    *others += 1;
                }
                continue;
            }
            first.insert(key, kept.len());
        }
        kept.push(error);
    }
    kept
}

struct Loader {
    errors: Vec<ContentError>,
    /// Layer images decoded so far (each file once, within a total budget).
    images: Images,
    /// False when a file that defines such ids did not parse: references to them are then not
    /// checked, so one syntax error is reported once instead of as a cascade.
    structures_complete: bool,
    sources_complete: bool,
    zones_complete: bool,
    /// Every view and view-addition file parsed (view and layer references are checked).
    views_complete: bool,
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

/// The parsed files of one pack (the built-in content is pack 0 when there is one).
struct PackFiles {
    /// Index into the atlas's packs.
    index: usize,
    root: Root,
    sources: Option<Parsed<Vec<Source>>>,
    safety: Option<Parsed<Safety>>,
    structures: Vec<Parsed<Vec<Structure>>>,
    zones: Vec<Parsed<Vec<Zone>>>,
    referrals: Option<Parsed<Vec<Referral>>>,
    views: Vec<Parsed<View>>,
    additions: Vec<Parsed<ViewAddition>>,
    /// `routines.ron` and `guide.ron` (see [`guidance`]).
    routines: Option<Parsed<Vec<Routine>>>,
    guide: Option<Parsed<Guide>>,
}

/// An item of a file, with the place its id is written and the pack it comes from.
struct Placed<'a, T> {
    value: &'a T,
    src: &'a SourceText,
    /// Byte offset of the item's `id:` in `src`.
    at: usize,
    pack: usize,
}

/// A view as the packs leave it: the last pack's definition, with the layers and regions that
/// view additions bring.
struct MergedView<'a> {
    view: &'a View,
    src: &'a SourceText,
    pack: usize,
    layers: Vec<Placed<'a, Layer>>,
    /// Regions in declaration order; a region from an addition replaces one with its id.
    regions: Vec<Placed<'a, Region>>,
    /// Whether each region came from a view addition (parallel to `regions`).
    added: Vec<bool>,
}

/// Only the format version of a manifest, read before the whole manifest so that a newer
/// manifest with fields this version does not know still gets the clear message.
#[derive(Deserialize)]
#[serde(rename = "Pack")]
struct ManifestVersion {
    #[serde(default)]
    format_version: u32,
}

/// The files a pack may hold, for the message about a folder with none of them.
const PACK_FILES: &str = "pack content (pack.ron, sources.ron, safety.ron, referrals.ron, routines.ron, guide.ron, structures/, zones/, views/, view_additions/)";

/// Items of a list file with the offset of each item's `id:` (a repeated id is found at its own
/// place).
fn placed<'a, T>(
    src: &'a SourceText,
    items: &'a [T],
    pack: usize,
    id: impl Fn(&T) -> &str,
) -> Vec<Placed<'a, T>> {
    let mut from = 0;
    items
        .iter()
        .map(|value| {
            let at = src.find_item(id(value), from).unwrap_or(from);
            from = src.after_item(at, id(value));
            Placed {
                value,
                src,
                at,
                pack,
            }
        })
        .collect()
}

/// Items merged by id across packs: a later pack's item replaces the earlier one in place.
struct Merged<T> {
    items: Vec<T>,
    index: HashMap<String, usize>,
    /// Where the winning definition of each id is.
    ids: HashMap<String, Location>,
}

impl<T> Merged<T> {
    fn new() -> Self {
        Self {
            items: Vec::new(),
            index: HashMap::new(),
            ids: HashMap::new(),
        }
    }

    fn put(&mut self, id: &str, item: T, location: Location) {
        if let Some(&i) = self.index.get(id) {
            if let Some(slot) = self.items.get_mut(i) {
                *slot = item;
            }
        } else {
            self.index.insert(id.to_owned(), self.items.len());
            self.items.push(item);
        }
        self.ids.insert(id.to_owned(), location);
    }
}

impl Loader {
    fn run(&mut self, set: &ContentSet) -> Option<Atlas> {
        let mut infos: Vec<PackInfo> = Vec::new();
        let mut packs: Vec<PackFiles> = Vec::new();
        let builtin = match &set.builtin {
            BuiltIn::Embedded => Some(Root::Embedded(&EMBEDDED)),
            BuiltIn::Dir(dir) => Some(Root::Dir(dir.clone())),
            BuiltIn::None => None,
        };
        if let Some(root) = builtin {
            let manifest = self.read_manifest(&root);
            let Some(manifest) = manifest else {
                // A built-in content too new for this build: nothing else can be shown.
                return None;
            };
            let (id, name) =
                manifest.unwrap_or_else(|| ("builtin".into(), "Bodywork Atlas".into()));
            let files = self.parse_pack(root, infos.len(), true);
            infos.push(PackInfo {
                id,
                name,
                origin: PackOrigin::BuiltIn,
            });
            packs.push(files);
        }
        for dir in &set.packs {
            let root = Root::Dir(dir.clone());
            if let Err(err) = root.check_readable() {
                self.push(
                    at_start(root.label_root()),
                    Problem::Unreadable(format!("cannot read the pack folder: {err}")),
                );
                continue;
            }
            let Some(manifest) = self.read_manifest(&root) else {
                continue;
            };
            let (id, name) = manifest.unwrap_or_else(|| {
                let folder = folder_name(dir);
                (folder.clone(), folder)
            });
            let files = self.parse_pack(root, infos.len(), false);
            infos.push(PackInfo {
                id,
                name,
                origin: PackOrigin::Dir(dir.clone()),
            });
            packs.push(files);
        }
        self.merge_and_prepare(&packs, infos)
    }

    /// Reads `pack.ron` when the pack has one: `Some(Some((id, name)))`, `Some(None)` when
    /// there is none or it does not parse (reported), `None` when the pack needs a newer format
    /// (reported; the pack is skipped).
    #[allow(clippy::option_option)] // three outcomes, each documented
    fn read_manifest(&mut self, root: &Root) -> Option<Option<(String, String)>> {
        const FILE: &str = "pack.ron";
        if !root.is_file(FILE) {
            return Some(None);
        }
        let Some(src) = self.read_source(root, FILE) else {
            return Some(None);
        };
        if let Ok(version) = ron::Options::default().from_str::<ManifestVersion>(&src.text)
            && version.format_version > CONTENT_FORMAT_VERSION
        {
            let at = src.find_field(0, "format_version").unwrap_or(0);
            self.push(
                src.location(at),
                Problem::NewerFormat {
                    needs: version.format_version,
                    reads: CONTENT_FORMAT_VERSION,
                },
            );
            return None;
        }
        // A manifest that does not parse is reported; the pack's content is still checked.
        let Some(Parsed { value: pack, .. }) = self.parse_source::<Pack>(src.clone()) else {
            return Some(None);
        };
        if pack.format_version == 0 {
            let at = src.find_field(0, "format_version").unwrap_or(0);
            self.push(
                src.location(at),
                Problem::Invalid(format!(
                    "format_version starts at 1 (this version of Bodywork Atlas reads {CONTENT_FORMAT_VERSION})"
                )),
            );
        }
        for (field, value) in [("id", &pack.id), ("name", &pack.name)] {
            if value.trim().is_empty() {
                let at = src.find_field(0, field).unwrap_or(0);
                self.push(
                    src.location(at),
                    Problem::Invalid(format!("the pack's {field} is empty")),
                );
            }
        }
        Some(Some((pack.id, pack.name)))
    }

    /// Parses the files of one pack. The built-in content must have sources.ron, safety.ron,
    /// structures/ and views/; a pack may have any of them.
    fn parse_pack(&mut self, root: Root, index: usize, builtin: bool) -> PackFiles {
        let has_file = |rel: &str| builtin || root.is_file(rel);
        let has_dir = |rel: &str| builtin || root.is_dir(rel);
        let (want_sources, want_safety) = (has_file("sources.ron"), has_file("safety.ron"));
        let (want_structures, want_views) = (has_dir("structures"), has_dir("views"));
        let (want_zones, want_additions) = (root.is_dir("zones"), root.is_dir("view_additions"));
        let want_referrals = root.is_file("referrals.ron");
        let (want_routines, want_guide) = (root.is_file("routines.ron"), root.is_file("guide.ron"));
        if !builtin
            && !(root.is_file("pack.ron")
                || want_routines
                || want_guide
                || want_sources
                || want_safety
                || want_referrals
                || want_structures
                || want_views
                || want_zones
                || want_additions)
        {
            self.push(
                at_start(root.label_root()),
                Problem::MissingFile(PACK_FILES.into()),
            );
        }

        let sources = want_sources
            .then(|| self.parse_file(&root, "sources.ron"))
            .flatten();
        self.sources_complete &= !want_sources || sources.is_some();
        let safety = want_safety
            .then(|| self.parse_file(&root, "safety.ron"))
            .flatten();
        let referrals = want_referrals
            .then(|| self.parse_file(&root, "referrals.ron"))
            .flatten();
        let structures = self.parse_folder(&root, "structures", want_structures);
        self.structures_complete &= structures.1;
        let zones = self.parse_folder(&root, "zones", want_zones);
        self.zones_complete &= zones.1;
        let views = self.parse_folder(&root, "views", want_views);
        let additions = self.parse_folder(&root, "view_additions", want_additions);
        self.views_complete &= views.1 && additions.1;
        let (structures, zones, views, additions) = (structures.0, zones.0, views.0, additions.0);
        let routines = want_routines
            .then(|| self.parse_file(&root, "routines.ron"))
            .flatten();
        let guide = want_guide
            .then(|| self.parse_file(&root, "guide.ron"))
            .flatten();
        PackFiles {
            index,
            root,
            sources,
            safety,
            structures,
            zones,
            referrals,
            views,
            additions,
            routines,
            guide,
        }
    }

    /// Parses every `.ron` file of a folder (when `wanted`); with whether every file parsed.
    fn parse_folder<T: DeserializeOwned>(
        &mut self,
        root: &Root,
        folder: &str,
        wanted: bool,
    ) -> (Vec<Parsed<T>>, bool) {
        if !wanted {
            return (Vec::new(), true);
        }
        let files = match root.ron_files(folder) {
            Ok(files) => files,
            Err(err) => {
                self.push(at_start(root.label(folder)), Problem::Unreadable(err));
                return (Vec::new(), true);
            }
        };
        let parsed: Vec<Parsed<T>> = files
            .iter()
            .filter_map(|f| self.parse_file(root, f))
            .collect();
        let complete = parsed.len() == files.len();
        (parsed, complete)
    }

    #[allow(clippy::too_many_lines)] // one pass per kind of item, in order
    fn merge_and_prepare(&mut self, packs: &[PackFiles], infos: Vec<PackInfo>) -> Option<Atlas> {
        // Sources, structures and zones: unique within a pack; a later pack replaces by id.
        let (sources, _) = self.merge_items(
            packs,
            "source",
            |pack| pack.sources.iter().collect(),
            |s: &Source| &s.id,
            |s, pack| Source { pack, ..s.clone() },
        );
        let (structures, all_structures) = self.merge_items(
            packs,
            "structure",
            |pack| pack.structures.iter().collect(),
            |s: &Structure| &s.id,
            |s, pack| Structure { pack, ..s.clone() },
        );
        for p in &all_structures {
            self.check_structure(p.value, p.src, p.at, &structures.ids, &sources.ids);
        }

        // Safety: a later pack's file replaces the whole text.
        let mut safety = None;
        for pack in packs {
            let Some(file) = &pack.safety else { continue };
            let refs = Refs {
                field: "sources",
                kind: "source",
                known: &sources.ids,
                complete: self.sources_complete,
            };
            self.check_refs(&file.src, 0, &file.value.sources, &refs);
            if file.value.aftercare.iter().any(|a| a.trim().is_empty()) {
                let at = file.src.find_field(0, "aftercare").unwrap_or(0);
                self.push(
                    file.src.location(at),
                    Problem::Invalid("aftercare: an entry is empty".into()),
                );
            }
            safety = Some(file.value.clone());
        }

        // Reflex zones.
        let (zones, all_zones) = self.merge_items(
            packs,
            "zone",
            |pack| pack.zones.iter().collect(),
            |z: &Zone| &z.id,
            |z, pack| Zone { pack, ..z.clone() },
        );
        for p in &all_zones {
            self.check_zone(p, &structures.ids, &sources.ids);
        }

        // Referred-pain patterns of muscles.
        let (referrals, all_referrals) = self.merge_items(
            packs,
            "referral",
            |pack| pack.referrals.iter().collect(),
            |r: &Referral| &r.id,
            |r, pack| Referral { pack, ..r.clone() },
        );
        let structure_kinds: HashMap<&str, StructureKind> = structures
            .items
            .iter()
            .map(|s| (s.id.as_str(), s.kind))
            .collect();
        self.check_referrals(&all_referrals, &referrals, &structure_kinds, &sources.ids);

        // Views: a later pack's view replaces the whole view; additions then add to it.
        let mut views: Merged<MergedView<'_>> = Merged::new();
        for pack in packs {
            let mut seen = HashMap::new();
            for file in &pack.views {
                let at = file.src.find_item(&file.value.id, 0).unwrap_or(0);
                let loc = file.src.location(at);
                if self.check_unique(&mut seen, "view", &file.value.id, loc.clone()) {
                    let merged = MergedView::new(&file.value, &file.src, pack.index);
                    views.put(&file.value.id, merged, loc);
                }
            }
        }
        for pack in packs {
            for file in &pack.additions {
                self.add_to_view(&mut views, file, pack.index);
            }
        }
        let mut merged_views = views.items;
        merged_views.sort_by(|a, b| (a.view.order, &a.view.id).cmp(&(b.view.order, &b.view.id)));

        let known = Known {
            structures: &structures.ids,
            zones: &zones.ids,
        };
        let mut region_ids: HashMap<String, Location> = HashMap::new();
        let mut prepared = Vec::new();
        for merged in &merged_views {
            if let Some(view) = self.prepare_view(merged, packs, &known, &mut region_ids) {
                prepared.push(view);
            }
        }
        let first_root = packs.first().map(|p| &p.root);
        if merged_views.is_empty() && self.errors.is_empty() {
            let file = first_root.map_or_else(|| "views".to_owned(), |r| r.label("views"));
            self.push(
                at_start(file),
                Problem::MissingFile("view files (views/*.ron)".into()),
            );
        }
        if safety.is_none() && self.errors.is_empty() {
            let file =
                first_root.map_or_else(|| "safety.ron".to_owned(), |r| r.label("safety.ron"));
            self.push(at_start(file), Problem::MissingFile("safety.ron".into()));
        }

        self.check_referral_drawings(&referrals, &prepared);
        let mut atlas = Atlas::new(
            prepared,
            structures.items,
            zones.items,
            referrals.items,
            sources.items,
            safety?,
            infos,
        );
        let guidance = self.guidance(packs, &atlas, &structures.ids, &sources.ids);
        atlas.routines = guidance.routines;
        atlas.guide = guidance.guide;
        Some(atlas)
    }

    /// Applies one view addition to the view it names.
    fn add_to_view<'a>(
        &mut self,
        views: &mut Merged<MergedView<'a>>,
        file: &'a Parsed<ViewAddition>,
        pack: usize,
    ) {
        let addition = &file.value;
        let Some(merged) = views
            .index
            .get(&addition.view)
            .and_then(|&i| views.items.get_mut(i))
        else {
            if self.views_complete {
                let at = file
                    .src
                    .find_string_in_field(0, "view", &addition.view)
                    .unwrap_or(0);
                let known = views.ids.iter().map(|(id, at)| (id.as_str(), Some(at)));
                self.push(
                    file.src.location(at),
                    unknown_reference("view", "view", &addition.view, known),
                );
            }
            return;
        };
        merged
            .layers
            .extend(placed(&file.src, &addition.layers, pack, |l| &l.id));
        let mut seen = HashMap::new();
        for p in placed(&file.src, &addition.regions, pack, |r| &r.id) {
            if !self.check_unique(&mut seen, "region", &p.value.id, p.src.location(p.at)) {
                continue;
            }
            if let Some(i) = merged.regions.iter().position(|r| r.value.id == p.value.id) {
                merged.regions[i] = p;
                merged.added[i] = true;
            } else {
                merged.regions.push(p);
                merged.added.push(true);
            }
        }
    }

    fn push(&mut self, location: Location, problem: Problem) {
        self.errors
            .push(ContentError { location, problem }.for_display());
    }

    /// Reports each id in `ids` (written in `refs.field` of the item at `at`) that is not known.
    /// Skipped when the file defining such ids did not parse (its syntax error is reported).
    fn check_refs(&mut self, src: &SourceText, at: usize, ids: &[String], refs: &Refs<'_>) {
        if !refs.complete {
            return;
        }
        for id in ids.iter().filter(|id| !refs.known.contains_key(*id)) {
            let loc = src.find_string_in_field(at, refs.field, id).unwrap_or(at);
            let known = refs.known.iter().map(|(id, at)| (id.as_str(), Some(at)));
            self.push(
                src.location(loc),
                unknown_reference(refs.field, refs.kind, id, known),
            );
        }
    }

    /// Records `id` as seen; reports it when it was seen before. True when it is new.
    /// One kind of item from every pack, in pack order: an id twice in one pack is an error,
    /// a later pack's item replaces an earlier one's. Returns the merged items, each stamped
    /// with its pack, and every parsed item with its place (for the checks that follow).
    fn merge_items<'a, T>(
        &mut self,
        packs: &'a [PackFiles],
        kind: &'static str,
        files: impl Fn(&'a PackFiles) -> Vec<&'a Parsed<Vec<T>>>,
        id: impl Fn(&T) -> &str + Copy,
        stamp: impl Fn(&T, usize) -> T,
    ) -> (Merged<T>, Vec<Placed<'a, T>>) {
        let mut merged = Merged::new();
        let mut all = Vec::new();
        for pack in packs {
            let mut seen = HashMap::new();
            for file in files(pack) {
                for p in placed(&file.src, &file.value, pack.index, id) {
                    let loc = file.src.location(p.at);
                    if self.check_unique(&mut seen, kind, id(p.value), loc.clone()) {
                        merged.put(id(p.value), stamp(p.value, pack.index), loc);
                    }
                    all.push(p);
                }
            }
        }
        (merged, all)
    }

    fn check_unique(
        &mut self,
        seen: &mut HashMap<String, Location>,
        kind: &'static str,
        id: &str,
        location: Location,
    ) -> bool {
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
            false
        } else {
            seen.insert(id.to_owned(), location);
            true
        }
    }

    fn read_source(&mut self, root: &Root, rel: &str) -> Option<SourceText> {
        let file = root.label(rel);
        match root.read_text(rel) {
            Ok(text) => Some(SourceText::new(file, text)),
            Err(err) => {
                let at = Location {
                    file,
                    line: err.line,
                    column: err.column,
                };
                self.push(at, Problem::Unreadable(err.message));
                None
            }
        }
    }

    fn parse_source<T: DeserializeOwned>(&mut self, src: SourceText) -> Option<Parsed<T>> {
        match ron::Options::default().from_str::<T>(&src.text) {
            Ok(value) => Some(Parsed { value, src }),
            Err(err) => {
                let at = src.at(err.span.start.line, err.span.start.col);
                self.push(at, Problem::Syntax(err.code.to_string()));
                None
            }
        }
    }

    fn parse_file<T: DeserializeOwned>(&mut self, root: &Root, rel: &str) -> Option<Parsed<T>> {
        let src = self.read_source(root, rel)?;
        self.parse_source(src)
    }

    fn check_zone(
        &mut self,
        p: &Placed<'_, Zone>,
        structure_ids: &HashMap<String, Location>,
        source_ids: &HashMap<String, Location>,
    ) {
        let (z, src, at) = (p.value, p.src, p.at);
        let links = Refs {
            field: "links",
            kind: "structure",
            known: structure_ids,
            complete: self.structures_complete,
        };
        let sources = Refs {
            field: "sources",
            kind: "source",
            known: source_ids,
            complete: self.sources_complete,
        };
        self.check_refs(src, at, &z.links, &links);
        self.check_refs(src, at, &z.sources, &sources);
        if z.sources.is_empty() {
            let loc = src.find_field(at, "sources").unwrap_or(at);
            self.push(
                src.location(loc),
                Problem::Invalid(format!("zone \"{}\" names no source", z.id)),
            );
        }
    }

    /// Each referral names muscles that exist (once each across the merged list), sources that
    /// exist, and says something in every field.
    fn check_referrals(
        &mut self,
        all: &[Placed<'_, Referral>],
        merged: &Merged<Referral>,
        kinds: &HashMap<&str, StructureKind>,
        source_ids: &HashMap<String, Location>,
    ) {
        let mut claimed: HashMap<&str, &str> = HashMap::new();
        for p in all {
            let (r, src, at) = (p.value, p.src, p.at);
            // Only the winning definition of an id is checked for clashes with other entries.
            let wins = merged
                .index
                .get(&r.id)
                .and_then(|&i| merged.items.get(i))
                .is_some_and(|m| m.pack == p.pack);
            if r.muscles.is_empty() {
                let loc = src.find_field(at, "muscles").unwrap_or(at);
                self.push(
                    src.location(loc),
                    Problem::Invalid(format!("referral \"{}\" names no muscle", r.id)),
                );
            }
            for muscle in &r.muscles {
                let loc = src
                    .find_string_in_field(at, "muscles", muscle)
                    .unwrap_or(at);
                match kinds.get(muscle.as_str()) {
                    None if self.structures_complete => self.push(
                        src.location(loc),
                        unknown_reference(
                            "muscles",
                            "structure",
                            muscle,
                            kinds.keys().map(|k| (*k, None)),
                        ),
                    ),
                    Some(kind) if *kind != StructureKind::Muscle => self.push(
                        src.location(loc),
                        Problem::Invalid(format!(
                            "referral \"{}\": \"{muscle}\" is not a muscle (a referred-pain pattern belongs to one muscle, or to several listed one by one)",
                            r.id
                        )),
                    ),
                    _ => {}
                }
                if !wins {
                    continue;
                }
                if let Some(other) = claimed.get(muscle.as_str()).filter(|o| **o != r.id) {
                    self.push(
                        src.location(loc),
                        Problem::Invalid(format!(
                            "referral \"{}\": \"{muscle}\" already has a pattern (referral \"{other}\"); a muscle has one",
                            r.id
                        )),
                    );
                } else {
                    claimed.insert(muscle, &r.id);
                }
            }
            let texts = [
                ("trigger_points", &r.trigger_points),
                ("pain", &r.pain),
                ("vs_sciatica", &r.vs_sciatica),
                ("evidence", &r.evidence),
            ];
            for (field, text) in texts {
                if text.trim().is_empty() {
                    let loc = src.find_field(at, field).unwrap_or(at);
                    self.push(
                        src.location(loc),
                        Problem::Invalid(format!("referral \"{}\": {field} is empty", r.id)),
                    );
                }
            }
            let sources = Refs {
                field: "sources",
                kind: "source",
                known: source_ids,
                complete: self.sources_complete,
            };
            self.check_refs(src, at, &r.sources, &sources);
            if r.sources.is_empty() {
                let loc = src.find_field(at, "sources").unwrap_or(at);
                self.push(
                    src.location(loc),
                    Problem::Invalid(format!("referral \"{}\" names no source", r.id)),
                );
            }
        }
    }

    /// Every referral is drawn: some region on a layer drawn with the selection names one of its
    /// muscles. Reported at the referral's id.
    fn check_referral_drawings(
        &mut self,
        referrals: &Merged<Referral>,
        views: &[crate::model::PreparedView],
    ) {
        if !self.views_complete || !self.errors.is_empty() {
            return;
        }
        let drawn = |muscle: &str| {
            views.iter().any(|v| {
                v.regions
                    .iter()
                    .any(|r| v.is_overlay(r) && r.structure.as_deref() == Some(muscle))
            })
        };
        let missing: Vec<(Location, &Referral)> = referrals
            .items
            .iter()
            .filter(|r| !r.muscles.iter().any(|m| drawn(m)))
            .filter_map(|r| Some((referrals.ids.get(&r.id)?.clone(), r)))
            .collect();
        for (location, r) in missing {
            self.push(
                location,
                Problem::Invalid(format!(
                    "referral \"{}\" is not drawn: no region on a layer with `with_selection: true` names {}",
                    r.id,
                    r.muscles.join(" or ")
                )),
            );
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
        match (&s.dermatome, s.kind) {
            (None, StructureKind::Dermatome) => {
                let loc = src.find_field(at, "kind").unwrap_or(at);
                self.push(
                    src.location(loc),
                    Problem::Invalid(format!(
                        "structure \"{}\" is a dermatome but has no `dermatome: Some(DermatomeFacts(...))`",
                        s.id
                    )),
                );
            }
            (Some(facts), kind) => {
                if kind != StructureKind::Dermatome {
                    let loc = src.find_field(at, "dermatome").unwrap_or(at);
                    self.push(
                        src.location(loc),
                        Problem::Invalid(format!(
                            "structure \"{}\" has dermatome facts but its kind is not Dermatome",
                            s.id
                        )),
                    );
                }
                let texts = [
                    ("root", &facts.root),
                    ("area", &facts.area),
                    ("disc", &facts.disc),
                    ("key_muscle", &facts.key_muscle),
                    ("walking_test", &facts.walking_test),
                    ("map_notes", &facts.map_notes),
                ];
                let from = src.find_field(at, "dermatome").unwrap_or(at);
                for (field, text) in texts {
                    if text.trim().is_empty() {
                        let loc = src.find_field(from, field).unwrap_or(from);
                        self.push(
                            src.location(loc),
                            Problem::Invalid(format!("structure \"{}\": {field} is empty", s.id)),
                        );
                    }
                }
            }
            (None, _) => {}
        }
        if let Some(plain) = &s.plain_name {
            let problem = if plain.trim().is_empty() {
                Some("is empty")
            } else if plain.trim() != plain {
                Some("starts or ends with spaces")
            } else if plain.eq_ignore_ascii_case(&s.name) {
                Some("is the same as the name (leave it out)")
            } else if plain.chars().count() > 48 {
                Some("is longer than 48 characters (it is shown before the name in large type)")
            } else {
                None
            };
            if let Some(problem) = problem {
                let loc = src.string_body_of_field(at, "plain_name").unwrap_or(at);
                self.push(
                    src.location(loc),
                    Problem::Invalid(format!("structure \"{}\": plain_name {problem}", s.id)),
                );
            }
        }
        let mut holds: Vec<(u32, u32)> = s.stretches.iter().map(|st| st.hold_secs).collect();
        self.check_stretches(s, src, at);
        if let Some(m) = &s.self_massage {
            self.check_steps(&m.steps, src, at, &format!("structure \"{}\"", s.id));
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

    /// Loads a layer image from the pack's `assets/` (see [`Images`]); reports why not.
    fn load_image(
        &mut self,
        root: &Root,
        image: &str,
        location: Location,
    ) -> Option<Arc<LayerImage>> {
        match self.images.load(root, image) {
            Ok(loaded) => Some(loaded),
            Err(message) => {
                self.push(
                    location,
                    Problem::BadImage {
                        path: image.to_owned(),
                        message,
                    },
                );
                None
            }
        }
    }
}

impl<'a> MergedView<'a> {
    fn new(view: &'a View, src: &'a SourceText, pack: usize) -> Self {
        let regions = placed(src, &view.regions, pack, |r| &r.id);
        Self {
            view,
            src,
            pack,
            layers: placed(src, &view.layers, pack, |l| &l.id),
            added: vec![false; regions.len()],
            regions,
        }
    }
}

/// The start of a file or folder, for problems that have no place inside it.
fn at_start(file: String) -> Location {
    Location {
        file,
        line: 1,
        column: 1,
    }
}

/// The last part of a pack folder's path (its default id and name).
fn folder_name(dir: &Path) -> String {
    let named = |p: &Path| {
        p.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .filter(|n| !n.is_empty())
    };
    named(dir)
        .or_else(|| std::fs::canonicalize(dir).ok().as_deref().and_then(named))
        .unwrap_or_else(|| dir.display().to_string())
}
