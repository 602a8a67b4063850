//! Loading the self-care content: `routines.ron` (guided routines) and `guide.ron` (the
//! sciatica guide), and the checks of timed steps and stretches inside structures. Every
//! problem is reported at its place, like the rest of the content.

use std::collections::HashMap;

use super::{Loader, PackFiles, Placed, Refs, placed};
use crate::content::error::{Location, Problem};
use crate::content::source_map::SourceText;
use crate::model::Atlas;
use crate::model::content::{Block, Guide, Routine, Step, Structure};

/// The longest timed hold a step may ask for, in seconds.
pub const MAX_HOLD_SECS: u32 = 600;
/// The most repetitions a stretch may ask for.
pub const MAX_REPS: u32 = 20;

/// What a guide is checked against.
struct GuideCheck<'a> {
    atlas: &'a Atlas,
    structure_ids: &'a HashMap<String, Location>,
    sources: &'a Refs<'a>,
    /// Whether every structure a symptom names must be drawn somewhere.
    drawn: bool,
}

/// Routines and the guide, merged across packs and checked.
pub(super) struct Guidance {
    pub routines: Vec<Routine>,
    pub guide: Option<Guide>,
}

impl Loader {
    /// Merges the routines by id (a later pack replaces one with the same id) and takes the
    /// last pack's guide; checks both against the merged content.
    pub(super) fn guidance(
        &mut self,
        packs: &[PackFiles],
        atlas: &Atlas,
        structure_ids: &HashMap<String, Location>,
        source_ids: &HashMap<String, Location>,
    ) -> Guidance {
        let (routines, all) = self.merge_items(
            packs,
            "routine",
            |pack| pack.routines.iter().collect(),
            |r: &Routine| &r.id,
            |r, pack| Routine { pack, ..r.clone() },
        );
        let structures = Refs {
            field: "structure",
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
        for p in &all {
            self.check_routine(p, atlas, &structures, &sources);
        }
        // A pack that redraws a whole view may leave a guide's symptom with nothing to
        // highlight there: that is the pack's choice, not a mistake in the guide, so whether
        // symptoms are drawn is checked only while every view is its first definition.
        let mut defined: HashMap<&str, usize> = HashMap::new();
        for pack in packs {
            for file in &pack.views {
                *defined.entry(file.value.id.as_str()).or_default() += 1;
            }
        }
        let views_redrawn = defined.values().any(|&n| n > 1);
        // When a view or structure file did not parse, what it would have drawn is unknown:
        // its syntax error is reported once, without a cascade here.
        let drawn = !views_redrawn && self.views_complete && self.structures_complete;
        let mut guide = None;
        for pack in packs {
            let Some(file) = &pack.guide else { continue };
            let guide_check = GuideCheck {
                atlas,
                structure_ids,
                sources: &sources,
                drawn,
            };
            self.check_guide(&file.value, &file.src, &guide_check);
            guide = Some(file.value.clone());
        }
        Guidance {
            routines: routines.items,
            guide,
        }
    }

    /// Timed steps: a hold is (shortest, longest) seconds, above 0 and at most
    /// [`MAX_HOLD_SECS`]. `at` is where the steps' owner starts; `owner` names it in messages.
    pub(super) fn check_steps(&mut self, steps: &[Step], src: &SourceText, at: usize, owner: &str) {
        let mut cursor = src.find_field(at, "steps").unwrap_or(at);
        for (i, step) in steps.iter().enumerate() {
            let here = src
                .find_string_in_field(cursor, "steps", &step.text)
                .or_else(|| src.find_string_in_field(cursor, "text", &step.text))
                .unwrap_or(cursor);
            cursor = here;
            let Some((min, max)) = step.hold else {
                continue;
            };
            if min > max || max == 0 || max > MAX_HOLD_SECS {
                let loc = src.find_field(here, "hold").unwrap_or(here);
                self.push(
                    src.location(loc),
                    Problem::Invalid(format!(
                        "{owner}, step {}: hold ({min}, {max}) must be (shortest, longest) seconds, longest above 0 and at most {MAX_HOLD_SECS}",
                        i + 1
                    )),
                );
            }
            if step.text.trim().is_empty() {
                self.push(
                    src.location(here),
                    Problem::Invalid(format!("{owner}, step {}: the text is empty", i + 1)),
                );
            }
        }
    }

    /// A stretch is held 1 to [`MAX_REPS`] times.
    pub(super) fn check_stretches(&mut self, s: &Structure, src: &SourceText, at: usize) {
        for stretch in &s.stretches {
            if (1..=MAX_REPS).contains(&stretch.reps) {
                continue;
            }
            let named = src
                .find_string_in_field(at, "name", &stretch.name)
                .unwrap_or(at);
            let loc = src.find_field(named, "reps").unwrap_or(named);
            self.push(
                src.location(loc),
                Problem::Invalid(format!(
                    "structure \"{}\", stretch \"{}\": reps must be 1 to {MAX_REPS}",
                    s.id, stretch.name
                )),
            );
        }
    }

    fn check_routine(
        &mut self,
        p: &Placed<'_, Routine>,
        atlas: &Atlas,
        structures: &Refs<'_>,
        sources: &Refs<'_>,
    ) {
        let (routine, src, at) = (p.value, p.src, p.at);
        let owner = format!("routine \"{}\"", routine.id);
        self.check_refs(src, at, &routine.sources, sources);
        if routine.sources.is_empty() {
            let loc = src.find_field(at, "sources").unwrap_or(at);
            self.push(
                src.location(loc),
                Problem::Invalid(format!("{owner} names no source")),
            );
        }
        let parts_at = src.find_field(at, "parts").unwrap_or(at);
        if routine.parts.is_empty() {
            self.push(
                src.location(parts_at),
                Problem::Invalid(format!("{owner} has no parts")),
            );
        }
        let mut cursor = parts_at;
        for (i, part) in routine.parts.iter().enumerate() {
            let part_at = src.find_field(cursor, "structure").unwrap_or(cursor);
            cursor = part_at + 1;
            let what = format!("{owner}, part {}", i + 1);
            self.check_refs(
                src,
                part_at,
                std::slice::from_ref(&part.structure),
                structures,
            );
            if !part.steps.is_empty() {
                self.check_steps(&part.steps, src, part_at, &what);
            }
            let Some(structure) = atlas.structure(&part.structure) else {
                continue;
            };
            match &part.stretch {
                Some(name) => {
                    let loc = src
                        .find_string_in_field(part_at, "stretch", name)
                        .unwrap_or(part_at);
                    if !part.steps.is_empty() {
                        self.push(
                            src.location(loc),
                            Problem::Invalid(format!("{what}: give steps or a stretch, not both")),
                        );
                    }
                    if !structure.stretches.iter().any(|s| s.name == *name) {
                        let known: Vec<&str> = structure
                            .stretches
                            .iter()
                            .map(|s| s.name.as_str())
                            .collect();
                        self.push(
                            src.location(loc),
                            Problem::Invalid(format!(
                                "{what}: \"{}\" has no stretch named \"{name}\" (it has: {})",
                                structure.id,
                                if known.is_empty() {
                                    "none".to_owned()
                                } else {
                                    known.join(", ")
                                }
                            )),
                        );
                    }
                }
                None if part.steps.is_empty()
                    && structure
                        .self_massage
                        .as_ref()
                        .is_none_or(|m| m.steps.is_empty()) =>
                {
                    self.push(
                        src.location(part_at),
                        Problem::Invalid(format!(
                            "{what}: \"{}\" has no self-massage steps of its own: give the part steps or a stretch",
                            structure.id
                        )),
                    );
                }
                None => {}
            }
        }
    }

    #[allow(clippy::too_many_lines)] // one check per kind of block, in order
    fn check_guide(&mut self, guide: &Guide, src: &SourceText, check: &GuideCheck<'_>) {
        let (atlas, structure_ids, sources) = (check.atlas, check.structure_ids, check.sources);
        let structures = Refs {
            field: "structures",
            kind: "structure",
            known: structure_ids,
            complete: self.structures_complete,
        };
        if guide.sections.is_empty() {
            let loc = src.find_field(0, "sections").unwrap_or(0);
            self.push(
                src.location(loc),
                Problem::Invalid("the guide has no sections".into()),
            );
        }
        let mut seen = HashMap::new();
        for p in placed(src, &guide.sections, 0, |s| &s.id) {
            let (section, at) = (p.value, p.at);
            self.check_unique(&mut seen, "guide section", &section.id, src.location(at));
            let name = format!("section \"{}\"", section.id);
            self.check_refs(src, at, &section.sources, sources);
            if section.sources.is_empty() {
                let loc = src.find_field(at, "sources").unwrap_or(at);
                self.push(
                    src.location(loc),
                    Problem::Invalid(format!("{name} names no source")),
                );
            }
            if section.blocks.is_empty() {
                let loc = src.find_field(at, "blocks").unwrap_or(at);
                self.push(
                    src.location(loc),
                    Problem::Invalid(format!("{name} has no blocks")),
                );
            }
            for block in &section.blocks {
                self.check_block(block, src, at, &name, atlas, &structures);
            }
        }
        let symptoms_at = src.find_field(0, "symptoms").unwrap_or(0);
        let mut cursor = symptoms_at;
        let mut seen = HashMap::new();
        for symptom in &guide.symptoms {
            let at = src.find_item(&symptom.id, cursor).unwrap_or(cursor);
            cursor = src.after_item(at, &symptom.id);
            self.check_unique(&mut seen, "symptom", &symptom.id, src.location(at));
            self.check_refs(src, at, &symptom.structures, &structures);
            if symptom.structures.is_empty() || symptom.label.trim().is_empty() {
                self.push(
                    src.location(at),
                    Problem::Invalid(format!(
                        "symptom \"{}\" needs a label and at least one structure",
                        symptom.id
                    )),
                );
            }
            for id in &symptom.structures {
                if check.drawn && atlas.structure(id).is_some() && atlas.drawn_parts(id).is_empty()
                {
                    let loc = src.find_string_in_field(at, "structures", id).unwrap_or(at);
                    self.push(
                        src.location(loc),
                        Problem::Invalid(format!(
                            "symptom \"{}\": \"{id}\" is not drawn on any view (nor are the muscles of its group), so it cannot be highlighted",
                            symptom.id
                        )),
                    );
                }
            }
        }
        let has_finder = guide
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .any(|b| matches!(b, Block::SymptomFinder));
        if !guide.symptoms.is_empty() && !has_finder {
            self.push(
                src.location(symptoms_at),
                Problem::Invalid(
                    "symptoms are listed but no section shows the SymptomFinder block".into(),
                ),
            );
        }
    }

    fn check_block(
        &mut self,
        block: &Block,
        src: &SourceText,
        at: usize,
        name: &str,
        atlas: &Atlas,
        structures: &Refs<'_>,
    ) {
        let invalid = |loader: &mut Self, loc: usize, message: String| {
            loader.push(src.location(loc), Problem::Invalid(message));
        };
        match block {
            Block::Text(text)
            | Block::Heading(text)
            | Block::Caution(text)
            | Block::Evidence(_, text) => {
                if text.trim().is_empty() {
                    invalid(self, at, format!("{name}: a block has no text"));
                }
            }
            Block::Items(items) => {
                for item in items {
                    self.check_refs(src, at, &item.structures, structures);
                }
            }
            Block::Variants(variants) if self.views_complete => {
                for v in variants {
                    let loc = src
                        .find_string_in_field(at, "layer", &v.layer)
                        .unwrap_or(at);
                    if v.views.is_empty() {
                        invalid(
                            self,
                            loc,
                            format!("{name}: variant \"{}\" names no view", v.title),
                        );
                    }
                    for view in &v.views {
                        let found = atlas.view_index(view).and_then(|i| atlas.views.get(i));
                        match found {
                            None => self.push(
                                src.location(
                                    src.find_string_in_field(at, "views", view).unwrap_or(loc),
                                ),
                                super::unknown_reference(
                                    "views",
                                    "view",
                                    view,
                                    atlas.views.iter().map(|v| (v.id.as_str(), None)),
                                ),
                            ),
                            Some(found) if found.layer_index(&v.layer).is_none() => invalid(
                                self,
                                loc,
                                format!(
                                    "{name}: view \"{view}\" has no layer \"{}\" for variant \"{}\"",
                                    v.layer, v.title
                                ),
                            ),
                            Some(_) => {}
                        }
                    }
                }
            }
            Block::Table(table) => {
                let loc = src.find_field(at, "rows").unwrap_or(at);
                if table.columns.is_empty() {
                    invalid(self, loc, format!("{name}: a table has no columns"));
                }
                for (i, row) in table.rows.iter().enumerate() {
                    if row.len() != table.columns.len() {
                        invalid(
                            self,
                            loc,
                            format!(
                                "{name}: table row {} has {} cells; the table has {} columns",
                                i + 1,
                                row.len(),
                                table.columns.len()
                            ),
                        );
                    }
                }
            }
            Block::Timeline(phases) => {
                let loc = src.find_field(at, "interval_days").unwrap_or(at);
                if phases.is_empty() {
                    invalid(self, at, format!("{name}: a timeline has no phases"));
                }
                for phase in phases {
                    let (a, b) = phase.interval_days;
                    let weeks_ok = phase.weeks.is_none_or(|(w0, w1)| w0 <= w1 && w1 > 0);
                    if a == 0 || a > b || !weeks_ok {
                        invalid(
                            self,
                            loc,
                            format!(
                                "{name}: phase \"{}\": interval_days and weeks must be (shortest, longest), above 0",
                                phase.name
                            ),
                        );
                    }
                }
            }
            Block::Variants(_) | Block::RedFlags | Block::SymptomFinder | Block::Routines => {}
        }
    }
}
