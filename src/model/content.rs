//! Content types as they are written in the RON files under `data/`.
//!
//! Everything here is plain data in diagram coordinates (x to the right, y downward, like SVG).
//! Nothing in this module depends on egui.

use serde::{Deserialize, Serialize};

/// One diagram: a canvas with ordered layers and the regions drawn on them.
///
/// File: `data/views/<id>.ron`.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct View {
    /// Unique id, e.g. `"posterior"`.
    pub id: String,
    /// Title shown in the view switcher, e.g. `"Body, back view"`.
    pub title: String,
    /// Place in the view switcher: lower first (ties by id). The first view opens by default.
    #[serde(default)]
    pub order: i32,
    /// How the figure is seen, e.g. "Seen from behind: the person's left is on your left".
    pub orientation: String,
    /// The view's artwork: an SVG file beside this one in `views/` (e.g. `"posterior.svg"`),
    /// whose top-level groups are the layers and whose element ids are the region ids below.
    /// Without it, every region carries its own `path`.
    #[serde(
        default,
        deserialize_with = "present",
        serialize_with = "written_plainly",
        skip_serializing_if = "Option::is_none"
    )]
    pub artwork: Option<String>,
    /// Canvas size in diagram units. With `artwork`, the SVG's size (may be left out here).
    #[serde(
        default,
        deserialize_with = "present",
        serialize_with = "written_plainly",
        skip_serializing_if = "Option::is_none"
    )]
    pub canvas: Option<Canvas>,
    /// x of the mirror axis (the body's midline) in diagram units.
    pub midline_x: f32,
    /// Layers, drawn in this order: the first is at the bottom.
    pub layers: Vec<Layer>,
    /// Regions, drawn layer by layer, in this order within a layer.
    pub regions: Vec<Region>,
    /// Paragraphs shown in the detail panel while nothing is selected: what the view shows and
    /// how to start.
    #[serde(default)]
    pub intro: Vec<String>,
}

/// Canvas size in diagram units.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Canvas {
    pub width: f32,
    pub height: f32,
}

/// A layer of a view (skin, superficial muscles, deep muscles, nerves, skeleton, ...).
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Layer {
    /// Unique within the view, e.g. `"deep"`.
    pub id: String,
    /// Shown in the layer panel.
    pub title: String,
    /// Visible when the view is first opened.
    #[serde(default = "default_true")]
    pub visible: bool,
    /// Default opacity, 0.0 to 1.0.
    #[serde(default = "default_opacity")]
    pub opacity: f32,
    /// Optional raster image (PNG or JPEG) under `assets/`, drawn beneath the layer's shapes and
    /// scaled to the canvas.
    #[serde(default)]
    pub image: Option<String>,
    /// Layer ids of the same view: while any of them is shown, this layer's fills fade to a
    /// ghost (outlines stay), so what lies beneath reads as beneath. E.g. the superficial
    /// muscles fade under `["deep"]`; bones fade under the muscle layers so they never hide the
    /// muscles they anchor.
    #[serde(default)]
    pub fades_under: Vec<String>,
    /// Layers of a view sharing a group name are alternatives: the layer panel shows them as
    /// choices and at most one is shown at a time (e.g. the sciatic nerve's usual course and its
    /// variants past piriformis).
    #[serde(default)]
    pub exclusive: Option<String>,
    /// While this layer is hidden, its regions that show the selected structure are still drawn
    /// (e.g. a muscle's referred-pain pattern appears when the muscle is selected).
    #[serde(default)]
    pub with_selection: bool,
}

/// An optional field written plainly when present (`canvas: (width: 10, height: 20)`, not
/// `Some(...)`), as these fields were written before they became optional.
fn present<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(deserializer).map(Some)
}

/// Writes an optional field as [`present`] reads it: the value alone, and nothing when it is
/// `None` (the field is skipped), so written content reads back.
fn written_plainly<S, T>(value: &Option<T>, serializer: S) -> Result<S::Ok, S::Error>
where
    S: serde::Serializer,
    T: Serialize,
{
    match value {
        Some(v) => v.serialize(serializer),
        None => serializer.serialize_none(),
    }
}

fn default_true() -> bool {
    true
}

fn default_opacity() -> f32 {
    1.0
}

/// Which side of the body a region shows.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Side {
    Left,
    Right,
    Midline,
}

impl Side {
    /// The other side; the midline stays the midline.
    #[must_use]
    pub fn mirrored(self) -> Self {
        match self {
            Self::Left => Self::Right,
            Self::Right => Self::Left,
            Self::Midline => Self::Midline,
        }
    }

    /// Lower-case word for labels: "left", "right", "midline".
    #[must_use]
    pub fn word(self) -> &'static str {
        match self {
            Self::Left => "left",
            Self::Right => "right",
            Self::Midline => "midline",
        }
    }
}

/// How a region is painted. The palette lives in the UI; content only names the kind.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq, Hash)]
pub enum Paint {
    /// Body surface (skin tone), filled.
    Skin,
    /// Surface detail drawn as a thin line only (e.g. gluteal fold, spine furrow). Not filled.
    SkinLine,
    /// Superficial muscle belly, filled in muscle red.
    Muscle,
    /// Deep muscle belly, a darker muscle red.
    DeepMuscle,
    /// Tendon or aponeurosis, pale.
    Tendon,
    /// Nerve, yellow.
    Nerve,
    /// Bone, ivory.
    Bone,
    /// Guide or zone line, stroked only.
    Guide,
    /// A reflexology zone in a pastel hue, filled (charts colour neighbouring zones apart).
    Zone(Hue),
    /// Muscle fibre direction: a thin dark line inside a muscle, stroked only, not clickable.
    Fibre,
    /// Ligament, filled in a pale grey-blue.
    Ligament,
    /// Where a muscle's trigger points refer pain: filled, translucent red.
    Referral,
    /// A trigger-point area: small, filled, dark red.
    TriggerPoint,
    /// A dermatome (skin strip supplied by one spinal root), filled translucent in a hue.
    Dermatome(Hue),
}

/// Pastel hues for reflex zones.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq, Hash)]
pub enum Hue {
    Rose,
    Peach,
    Sand,
    Lemon,
    Mint,
    Teal,
    Sky,
    Lilac,
}

impl Paint {
    /// Whether the shape is filled (else only stroked).
    #[must_use]
    pub fn is_filled(self) -> bool {
        !matches!(self, Self::SkinLine | Self::Guide | Self::Fibre)
    }
}

/// A shape on a view. Usually a muscle on one side; `mirror` makes the other side.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// Unique across all views, e.g. `"piriformis_left"`.
    pub id: String,
    /// The layer it is drawn on (a layer id of the same view). A region drawn in the view's
    /// artwork is on the layer (top-level group) that holds it; naming it here is optional.
    #[serde(
        default,
        deserialize_with = "present",
        serialize_with = "written_plainly",
        skip_serializing_if = "Option::is_none"
    )]
    pub layer: Option<String>,
    /// The side of the body it shows.
    pub side: Side,
    /// The structure it shows (a structure id). `None` for decoration that is not clickable.
    #[serde(default)]
    pub structure: Option<String>,
    /// The reflex zone it shows (a zone id), on foot views. A region names a structure or a
    /// zone, not both.
    #[serde(default)]
    pub zone: Option<String>,
    /// How it is painted.
    pub paint: Paint,
    /// SVG path data, exactly as in an SVG `d` attribute (M L H V C S Q T A Z, absolute and
    /// relative, several subpaths; holes by the even-odd rule). Left out, the shape is the
    /// element with the region's id in the view's artwork.
    #[serde(
        default,
        deserialize_with = "present",
        serialize_with = "written_plainly",
        skip_serializing_if = "Option::is_none"
    )]
    pub path: Option<String>,
    /// The other side's region id. With `path`, a copy mirrored about the view's midline is made
    /// with this id; in artwork, the element with this id (often a mirrored `<use>`) is it.
    #[serde(default)]
    pub mirror: Option<String>,
    /// Bone regions (ids on the same view) this muscle's shape reaches: its origin and its
    /// insertion. `check` and the tests hold the drawing to it.
    #[serde(default)]
    pub attaches: Vec<String>,
    /// A short text drawn centred at the region's anchor when its layer is shown and the shape
    /// is large enough on screen, e.g. the number of a longitudinal zone. At most
    /// [`MAX_LABEL_CHARS`] characters, no control characters.
    #[serde(default)]
    pub label: Option<String>,
}

/// The longest [`Region::label`], in characters.
pub const MAX_LABEL_CHARS: usize = 12;

/// The text about one anatomical structure (a muscle, a nerve, a bone landmark).
///
/// File: `data/structures/<group>.ron`, a list of these.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Structure {
    /// Unique id, e.g. `"piriformis"`.
    pub id: String,
    /// Display name, e.g. "Piriformis".
    pub name: String,
    /// Other names a person may search for.
    #[serde(default)]
    pub other_names: Vec<String>,
    /// What a client would call it, e.g. "Deep hip rotator" for piriformis: consultation mode
    /// and the handout show "Deep hip rotator (piriformis)".
    #[serde(default)]
    pub plain_name: Option<String>,
    /// What kind of structure it is.
    pub kind: StructureKind,
    /// One line under the name.
    pub summary: String,
    /// A paragraph or two.
    pub description: String,
    #[serde(default)]
    pub origin: Option<String>,
    #[serde(default)]
    pub insertion: Option<String>,
    #[serde(default)]
    pub action: Option<String>,
    #[serde(default)]
    pub innervation: Option<Innervation>,
    /// How it relates to the sciatic nerve.
    #[serde(default)]
    pub sciatic_relation: Option<String>,
    /// For a dermatome: the root, its disc, key muscle, reflex and walking test.
    #[serde(default)]
    pub dermatome: Option<DermatomeFacts>,
    #[serde(default)]
    pub self_massage: Option<SelfMassage>,
    #[serde(default)]
    pub stretches: Vec<Stretch>,
    /// Cautions and when not to massage this area.
    #[serde(default)]
    pub cautions: Vec<String>,
    /// Related structure ids.
    #[serde(default)]
    pub related: Vec<String>,
    /// Source ids from `data/sources.ron`.
    pub sources: Vec<String>,
    /// The pack it came from (index into `Atlas::packs`); set by the loader, not written in RON.
    #[serde(skip)]
    pub pack: usize,
}

/// What kind of structure it is.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq, Hash)]
pub enum StructureKind {
    Muscle,
    MuscleGroup,
    Nerve,
    Bone,
    Landmark,
    Surface,
    /// A strip of skin supplied by one spinal nerve root.
    Dermatome,
}

/// What a clinician checks for one spinal nerve root, on a dermatome's page.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DermatomeFacts {
    /// The root, e.g. "L5".
    pub root: String,
    /// The skin it supplies, in the map the drawing follows.
    pub area: String,
    /// The disc level that usually affects the root (and how).
    pub disc: String,
    /// The movement that tests the root's muscles.
    pub key_muscle: String,
    /// The reflex that depends on the root, if there is a standard one.
    #[serde(default)]
    pub reflex: Option<String>,
    /// What heel and toe walking show for this root.
    pub walking_test: String,
    /// How dermatome maps differ for this root.
    pub map_notes: String,
}

/// Nerve supply.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Innervation {
    /// e.g. "Nerve to piriformis".
    pub nerve: String,
    /// Spinal roots, e.g. "S1-S2".
    pub roots: String,
}

/// Self-massage instructions.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SelfMassage {
    /// e.g. "Tennis ball, or a lacrosse ball for firmer pressure".
    pub tool: String,
    /// Starting position.
    pub position: String,
    /// Numbered steps, in order: plain sentences, or `Step(text: "...", hold: Some((30, 90)))`
    /// for a step that is a timed hold.
    pub steps: Vec<Step>,
    /// How long to hold on a tender spot, in seconds: (min, max).
    pub hold_secs: (u32, u32),
    pub breathing: String,
    pub pressure: String,
    pub frequency: String,
}

/// A stretch.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Stretch {
    pub name: String,
    pub how: String,
    /// (min, max) seconds.
    pub hold_secs: (u32, u32),
    /// How many times to hold it (on each side when `sides` is `EachSide`).
    #[serde(default = "one")]
    pub reps: u32,
    /// Whether it is done on each side in turn, or once for both.
    #[serde(default)]
    pub sides: Sides,
    /// Who should not do it, or how to adapt it (e.g. after a hip replacement).
    #[serde(default)]
    pub cautions: Vec<String>,
}

fn one() -> u32 {
    1
}

/// Whether a stretch is done on each side in turn or once for both.
#[derive(Clone, Copy, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
pub enum Sides {
    /// One side, then the other (each rep on each side).
    #[default]
    EachSide,
    /// Both sides at once, or a movement without sides.
    Both,
}

/// One self-massage step: a sentence, with its own hold when it is a timed hold.
///
/// In RON either a plain string (no timer) or
/// `Step(text: "Hold on a tender spot ...", hold: Some((30, 90)))`.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Step {
    pub text: String,
    /// A timed hold of (shortest, longest) seconds; the person picks within it.
    pub hold: Option<(u32, u32)>,
}

impl Step {
    /// A step without a timer.
    #[must_use]
    pub fn plain(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            hold: None,
        }
    }
}

/// The written form `Step(text: ..., hold: ...)`.
#[derive(Deserialize)]
#[serde(rename = "Step", deny_unknown_fields)]
struct StepFields {
    text: String,
    #[serde(default)]
    hold: Option<(u32, u32)>,
}

impl<'de> Deserialize<'de> for Step {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct StepVisitor;
        impl<'de> serde::de::Visitor<'de> for StepVisitor {
            type Value = Step;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a step: \"text\" or Step(text: \"...\", hold: Some((30, 90)))")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Step, E> {
                Ok(Step::plain(text))
            }
            fn visit_string<E: serde::de::Error>(self, text: String) -> Result<Step, E> {
                Ok(Step::plain(text))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Step, A::Error> {
                let fields =
                    StepFields::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(Step {
                    text: fields.text,
                    hold: fields.hold,
                })
            }
        }
        deserializer.deserialize_any(StepVisitor)
    }
}

/// A muscle's referred-pain pattern: where its myofascial trigger points are usually found and
/// where they send pain, as Travell and Simons drew them. A clinical pattern, not proof: the
/// detail panel says so with every entry.
///
/// File: `data/referrals.ron`, a list of these. The regions that draw the pattern lie on a view
/// layer drawn `with_selection` and name one of the `muscles` as their structure.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Referral {
    /// Unique id, e.g. `"gluteus_minimus"` or `"medial_hamstrings"`.
    pub id: String,
    /// The muscles (structure ids) whose trigger points give this pattern: one, or several when
    /// the sources describe one pattern for them together (semitendinosus and semimembranosus).
    pub muscles: Vec<String>,
    /// Where the trigger points usually lie, in words a therapist can use.
    pub trigger_points: String,
    /// Where the pain is felt.
    pub pain: String,
    /// How the pattern differs from true sciatica (pain from a nerve root or the sciatic nerve).
    pub vs_sciatica: String,
    /// How far the pattern and trigger-point diagnosis can be trusted.
    pub evidence: String,
    /// Source ids from `data/sources.ron`.
    pub sources: Vec<String>,
    /// The pack it came from (index into `Atlas::packs`); set by the loader, not written in RON.
    #[serde(skip)]
    pub pack: usize,
}

/// A reference work. File: `data/sources.ron`, a list of these.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    /// Full citation.
    pub citation: String,
    /// The pack it came from (index into `Atlas::packs`); set by the loader, not written in RON.
    #[serde(skip)]
    pub pack: usize,
}

/// General safety text. File: `data/safety.ron`.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Safety {
    /// Shown on first start and in the safety panel.
    pub disclaimer: String,
    /// Signs that need a doctor, urgently or soon.
    pub red_flags: Vec<RedFlag>,
    /// When not to massage at all, or not on this area.
    pub do_not_massage: Vec<String>,
    /// Source ids.
    pub sources: Vec<String>,
    /// What the evidence says about reflexology, shown wherever foot zones are taught.
    #[serde(default)]
    pub reflexology_evidence: String,
    /// The same in one sentence, under a structure's foot zones.
    #[serde(default)]
    pub reflexology_evidence_short: String,
    /// One line under every entry's sources: an educational reference, not a diagnosis.
    #[serde(default)]
    pub entry_footer: String,
    /// Under every "Referred pain" section: what the trigger-point maps are and are not.
    #[serde(default)]
    pub referred_pain_note: String,
    /// General advice for the days after a session, printed on the client's handout.
    #[serde(default)]
    pub aftercare: Vec<String>,
}

/// A red-flag sign.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RedFlag {
    pub sign: String,
    /// What to do, e.g. "Emergency: go to A&E / call emergency services now".
    pub action: String,
    pub urgency: Urgency,
}

/// How soon to see a doctor.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq)]
pub enum Urgency {
    Emergency,
    SameDay,
    Soon,
}

/// A foot reflexology zone: what it corresponds to and how to work it.
///
/// File: `data/zones/<group>.ron`, a list of these. Regions on the foot views name a zone; the
/// region's side says which foot (the right foot maps to the right side of the body).
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Zone {
    /// Unique id, e.g. `"sciatic"`.
    pub id: String,
    /// e.g. "Sciatic zone".
    pub name: String,
    #[serde(default)]
    pub other_names: Vec<String>,
    /// The body part it corresponds to, e.g. "The sciatic nerve: buttock and back of the leg".
    pub corresponds_to: String,
    /// Where it lies, in words a student can use on a real foot.
    pub location: String,
    /// How to work it: thumb or finger walking, hook-in-and-back-up, pressure, duration.
    pub technique: String,
    /// What it is used for in a sciatica session.
    pub sciatica_use: String,
    /// Where charts disagree (e.g. the knee, the C7/T1 boundary).
    #[serde(default)]
    pub chart_notes: Option<String>,
    #[serde(default)]
    pub cautions: Vec<String>,
    /// Body structures it corresponds to (structure ids); shown as links both ways.
    #[serde(default)]
    pub links: Vec<String>,
    /// Source ids from `data/sources.ron`.
    pub sources: Vec<String>,
    /// The pack it came from (index into `Atlas::packs`); set by the loader, not written in RON.
    #[serde(skip)]
    pub pack: usize,
}

/// The manifest of a content pack. File: `<pack>/pack.ron` (optional; the built-in content has
/// `data/pack.ron`).
///
/// ```ron
/// Pack(format_version: 1, id: "my-clinic", name: "My clinic's additions", description: "...")
/// ```
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    /// The content format the pack is written for (see `content::CONTENT_FORMAT_VERSION`).
    pub format_version: u32,
    /// Short id, e.g. `"my-clinic"`.
    pub id: String,
    /// Shown with the content that comes from the pack.
    pub name: String,
    /// What the pack adds, in a sentence or two.
    #[serde(default)]
    pub description: String,
}

/// Layers and regions added to a view defined elsewhere (usually the built-in content).
///
/// File: `<pack>/view_additions/<name>.ron`. Added layers are drawn above the view's own layers;
/// a region whose id the view already has replaces that region.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ViewAddition {
    /// The id of the view to add to, e.g. `"posterior"`.
    pub view: String,
    #[serde(default)]
    pub layers: Vec<Layer>,
    #[serde(default)]
    pub regions: Vec<Region>,
}

/// A guided self-massage routine: structures and steps in order.
///
/// File: `data/routines.ron`, a list of these (a pack's routines are added, or replace one by
/// id).
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Routine {
    /// Unique id, e.g. `"seated_ball"`.
    pub id: String,
    /// e.g. "Sciatica: seated ball routine".
    pub name: String,
    /// One or two sentences: what it is for and how long it takes.
    pub summary: String,
    /// What you need, e.g. "A tennis ball and a firm chair".
    pub tool: String,
    /// Where to start, e.g. "Sit on a firm chair without arms".
    pub position: String,
    /// The parts, in order.
    pub parts: Vec<RoutinePart>,
    /// Shown before the routine starts, with the red flags.
    #[serde(default)]
    pub cautions: Vec<String>,
    /// Source ids from `data/sources.ron`.
    pub sources: Vec<String>,
    /// The pack it came from (index into `Atlas::packs`); set by the loader, not written in RON.
    #[serde(skip)]
    pub pack: usize,
}

/// One part of a routine: a structure's self-massage steps (its own, or the routine's), or
/// one of its stretches.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RoutinePart {
    /// The structure worked (shown on the diagram).
    pub structure: String,
    /// A heading for the part, e.g. "Outer hip"; the structure's name when omitted.
    #[serde(default)]
    pub title: Option<String>,
    /// Where to be for this part, when it differs from the routine's position.
    #[serde(default)]
    pub position: Option<String>,
    /// The steps; when empty (and no stretch is named) the structure's own self-massage steps.
    #[serde(default)]
    pub steps: Vec<Step>,
    /// The name of one of the structure's stretches, instead of massage steps.
    #[serde(default)]
    pub stretch: Option<String>,
}

/// The sciatica guide: sections of text, links to the diagram, the symptom finder.
///
/// File: `data/guide.ron` (a pack's `guide.ron` replaces the whole guide).
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Guide {
    /// e.g. "Sciatica guide".
    pub title: String,
    /// One line under the title.
    pub summary: String,
    /// Shown with the symptom finder: what it can and cannot tell you.
    pub caveat: String,
    pub sections: Vec<GuideSection>,
    /// What a person may feel, for the symptom finder.
    pub symptoms: Vec<Symptom>,
}

/// A section of the guide.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct GuideSection {
    /// Unique within the guide, e.g. `"causes"`.
    pub id: String,
    pub title: String,
    pub blocks: Vec<Block>,
    /// Source ids: every section names its sources.
    pub sources: Vec<String>,
}

/// A piece of a guide section.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
pub enum Block {
    /// A paragraph.
    Text(String),
    /// A sub-heading.
    Heading(String),
    /// A statement with how good the evidence behind it is.
    Evidence(Grade, String),
    /// A caution, shown in the danger colour.
    Caution(String),
    /// Titled paragraphs, each linked to structures on the diagram.
    Items(Vec<Item>),
    /// Courses of the sciatic nerve past piriformis, each linked to a layer of the views.
    Variants(Vec<Variant>),
    /// A table with a header row.
    Table(Table),
    /// Treatment phases, drawn as a timeline.
    Timeline(Vec<Phase>),
    /// The red flags from `safety.ron`.
    RedFlags,
    /// The symptom finder over [`Guide::symptoms`].
    SymptomFinder,
    /// The routines from `routines.ron`, each with a Start button.
    Routines,
}

/// How good the evidence behind a statement is.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq)]
pub enum Grade {
    /// A national guideline's recommendation.
    Guideline,
    /// Systematic reviews with moderate-quality evidence.
    Moderate,
    /// Low-quality evidence: further research may well change the estimate.
    Low,
    /// Very low-quality evidence.
    VeryLow,
    /// Practice opinion or tradition, not trial evidence.
    Opinion,
    /// Tested and not supported, or not tested at all.
    NotSupported,
}

impl Grade {
    /// The label shown before the statement.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Guideline => "Guideline",
            Self::Moderate => "Evidence: moderate",
            Self::Low => "Evidence: low",
            Self::VeryLow => "Evidence: very low",
            Self::Opinion => "Practice opinion, not trial evidence",
            Self::NotSupported => "Not supported by evidence",
        }
    }

    /// Whether the evidence is weak (shown with a warning colour).
    #[must_use]
    pub fn is_weak(self) -> bool {
        !matches!(self, Self::Guideline | Self::Moderate)
    }
}

/// A titled paragraph linked to structures.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub title: String,
    pub text: String,
    /// Structure ids shown as links (and highlighted together on the diagram).
    #[serde(default)]
    pub structures: Vec<String>,
}

/// A course of the sciatic nerve, linked to the layer that draws it.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Variant {
    pub title: String,
    /// How common it is, e.g. "about 85% of limbs".
    pub share: String,
    pub text: String,
    /// The layer id that draws it, on each of `views`.
    pub layer: String,
    /// View ids with that layer, e.g. `["posterior", "hip"]`.
    pub views: Vec<String>,
}

/// A table: a header row and rows of the same width.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Table {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// A note under the table (e.g. which map it follows).
    #[serde(default)]
    pub note: Option<String>,
}

/// A phase of a treatment plan.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    /// e.g. "Acute".
    pub name: String,
    /// How often, in words: "1-2 sessions a week".
    pub frequency: String,
    /// Days between sessions, (shortest, longest): the marks on the timeline.
    pub interval_days: (u32, u32),
    /// How long the phase lasts in weeks, (shortest, longest); `None` while it is needed.
    #[serde(default)]
    pub weeks: Option<(u32, u32)>,
    /// What the phase is for.
    pub goal: String,
}

/// Something a person may feel, with the structures worth a look and why.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Symptom {
    /// Unique within the guide, e.g. `"buttock_sitting"`.
    pub id: String,
    /// What is felt, e.g. "Buttock pain when sitting".
    pub label: String,
    /// Where, to group the choices: "Buttock", "Thigh", "Leg and foot", "Back".
    pub area: String,
    /// Structure ids highlighted on the diagram (a group without a drawing of its own shows
    /// the muscles it is made of).
    pub structures: Vec<String>,
    /// Why these structures are worth a look, in a sentence or two.
    pub why: String,
}
