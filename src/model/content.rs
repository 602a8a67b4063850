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
    #[serde(default, deserialize_with = "present")]
    pub artwork: Option<String>,
    /// Canvas size in diagram units. With `artwork`, the SVG's size (may be left out here).
    #[serde(default, deserialize_with = "present")]
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
    #[serde(default, deserialize_with = "present")]
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
    #[serde(default, deserialize_with = "present")]
    pub path: Option<String>,
    /// The other side's region id. With `path`, a copy mirrored about the view's midline is made
    /// with this id; in artwork, the element with this id (often a mirrored `<use>`) is it.
    #[serde(default)]
    pub mirror: Option<String>,
    /// Bone regions (ids on the same view) this muscle's shape reaches: its origin and its
    /// insertion. `check` and the tests hold the drawing to it.
    #[serde(default)]
    pub attaches: Vec<String>,
}

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
    /// Numbered steps, in order.
    pub steps: Vec<String>,
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
