//! A consultation session: who the client is, where it hurts, what to treat and avoid, the
//! self-care chosen, notes and pen strokes. Plain data in diagram coordinates, no egui.
//!
//! One session is saved to and read from a versioned RON file ([`file`]):
//!
//! ```ron
//! SessionFile(version: 1, session: Session(
//!     client: "J. D.", date: "2026-11-20",
//!     markers: [Marker(kind: Burning, intensity: 7, side: Right, view: "posterior",
//!                      at: (566.0, 1010.0), region: Some("gluteus_maximus_right"))],
//!     treat: ["gluteus_maximus_right"], avoid: [],
//!     self_care: [SelfMassage("piriformis")],
//!     notes: "private", client_notes: "for the handout", strokes: [],
//! ))
//! ```
//! The client records ([`crate::records`]) keep many sessions per client in a database.

pub mod date;
pub mod file;

use emath::Pos2;
use serde::{Deserialize, Serialize};

pub use self::date::SessionDate;
pub use self::file::{SESSION_FORMAT_VERSION, SessionFileError};
use crate::model::Atlas;
pub use crate::model::atlas::lower_first;
use crate::model::content::Side;

/// What a pain marker reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PainKind {
    Ache,
    Sharp,
    Burning,
    /// Tingling, pins and needles.
    Tingling,
    Numbness,
    Weakness,
}

impl PainKind {
    /// Every kind, in the order the UI offers them.
    pub const ALL: [Self; 6] = [
        Self::Ache,
        Self::Sharp,
        Self::Burning,
        Self::Tingling,
        Self::Numbness,
        Self::Weakness,
    ];

    /// The word a client would use.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Ache => "Ache",
            Self::Sharp => "Sharp",
            Self::Burning => "Burning",
            Self::Tingling => "Tingling, pins and needles",
            Self::Numbness => "Numbness",
            Self::Weakness => "Weakness",
        }
    }

    /// A one-letter mark drawn inside the marker, so kinds read apart without colour.
    #[must_use]
    pub fn letter(self) -> &'static str {
        match self {
            Self::Ache => "A",
            Self::Sharp => "S",
            Self::Burning => "B",
            Self::Tingling => "T",
            Self::Numbness => "N",
            Self::Weakness => "W",
        }
    }

    /// Its colour (RGB), the same on screen and in the handout.
    #[must_use]
    pub fn rgb(self) -> [u8; 3] {
        match self {
            Self::Ache => [0xc2, 0x5b, 0x12],
            Self::Sharp => [0xb0, 0x10, 0x2a],
            Self::Burning => [0xd6, 0x2f, 0x00],
            Self::Tingling => [0x6a, 0x3d, 0xb0],
            Self::Numbness => [0x1f, 0x5f, 0xa8],
            Self::Weakness => [0x2f, 0x6b, 0x3a],
        }
    }
}

/// Highest pain intensity on the 0-10 scale.
pub const MAX_INTENSITY: u8 = 10;

/// One place the client points to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Marker {
    pub kind: PainKind,
    /// 0 (none) to 10 (worst imaginable).
    pub intensity: u8,
    /// The side of the body the client feels it on.
    pub side: Side,
    /// The view it was placed on (a view id).
    pub view: String,
    /// Where, in the view's diagram coordinates: zoom and pan never move it.
    pub at: (f32, f32),
    /// The region it fell on when placed (found by the diagram's hit-testing), if any.
    #[serde(default)]
    pub region: Option<String>,
    /// What the client said about it.
    #[serde(default)]
    pub note: String,
}

impl Marker {
    /// Its place as a point.
    #[must_use]
    pub fn pos(&self) -> Pos2 {
        Pos2::new(self.at.0, self.at.1)
    }
}

/// A self-care item chosen for the client, named by what the content offers.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SelfCare {
    /// A structure's self-massage (a structure id).
    SelfMassage(String),
    /// One of a structure's stretches, by its name.
    Stretch { structure: String, name: String },
}

impl SelfCare {
    /// The structure it comes from.
    #[must_use]
    pub fn structure(&self) -> &str {
        match self {
            Self::SelfMassage(s) | Self::Stretch { structure: s, .. } => s,
        }
    }
}

/// A freehand line drawn on a view while explaining, in diagram coordinates.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PenStroke {
    pub view: String,
    pub points: Vec<(f32, f32)>,
}

/// One consultation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// The client's name or initials.
    pub client: String,
    pub date: SessionDate,
    #[serde(default)]
    pub markers: Vec<Marker>,
    /// Regions to work on (region ids).
    #[serde(default)]
    pub treat: Vec<String>,
    /// Regions to leave alone (region ids).
    #[serde(default)]
    pub avoid: Vec<String>,
    /// Self-care chosen for the client, in the order chosen.
    #[serde(default)]
    pub self_care: Vec<SelfCare>,
    /// The therapist's own notes: never printed on the handout.
    #[serde(default)]
    pub notes: String,
    /// Notes for the client: printed on the handout.
    #[serde(default)]
    pub client_notes: String,
    #[serde(default)]
    pub strokes: Vec<PenStroke>,
}

/// Where a region is marked: to treat, to avoid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RegionMark {
    Treat,
    Avoid,
}

impl Session {
    /// An empty session for a client on a date.
    #[must_use]
    pub fn new(client: impl Into<String>, date: SessionDate) -> Self {
        Self {
            client: client.into(),
            date,
            markers: Vec::new(),
            treat: Vec::new(),
            avoid: Vec::new(),
            self_care: Vec::new(),
            notes: String::new(),
            client_notes: String::new(),
            strokes: Vec::new(),
        }
    }

    /// The worst intensity of any marker (0 with none).
    #[must_use]
    pub fn worst_intensity(&self) -> u8 {
        self.markers.iter().map(|m| m.intensity).max().unwrap_or(0)
    }

    /// How many different areas are marked: the regions markers fell on (a marker on no region
    /// counts alone).
    #[must_use]
    pub fn marked_areas(&self) -> usize {
        let mut regions: Vec<&str> = Vec::new();
        let mut loose = 0;
        for m in &self.markers {
            match &m.region {
                Some(r) if !regions.contains(&r.as_str()) => regions.push(r),
                Some(_) => {}
                None => loose += 1,
            }
        }
        regions.len() + loose
    }

    /// Marks a region to treat or avoid; marking it the same way again clears it. A region is
    /// never both.
    pub fn toggle_region(&mut self, region: &str, mark: RegionMark) {
        let (list, other) = match mark {
            RegionMark::Treat => (&mut self.treat, &mut self.avoid),
            RegionMark::Avoid => (&mut self.avoid, &mut self.treat),
        };
        other.retain(|r| r != region);
        if let Some(i) = list.iter().position(|r| r == region) {
            list.remove(i);
        } else {
            list.push(region.to_owned());
        }
    }

    /// How a region is marked, if it is.
    #[must_use]
    pub fn region_mark(&self, region: &str) -> Option<RegionMark> {
        if self.treat.iter().any(|r| r == region) {
            Some(RegionMark::Treat)
        } else if self.avoid.iter().any(|r| r == region) {
            Some(RegionMark::Avoid)
        } else {
            None
        }
    }

    /// Adds a self-care item, or removes it when already chosen.
    pub fn toggle_self_care(&mut self, item: SelfCare) {
        if let Some(i) = self.self_care.iter().position(|s| *s == item) {
            self.self_care.remove(i);
        } else {
            self.self_care.push(item);
        }
    }

    /// The marker nearest to `p` on `view` within `radius` diagram units (the topmost, the last
    /// placed, when two overlap).
    #[must_use]
    pub fn marker_at(&self, view: &str, p: Pos2, radius: f32) -> Option<usize> {
        self.markers
            .iter()
            .enumerate()
            .rev()
            .filter(|(_, m)| m.view == view)
            .map(|(i, m)| (i, m.pos().distance(p)))
            .filter(|(_, d)| *d <= radius)
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(i, _)| i)
    }
}

/// The self-care items the content offers: each structure's self-massage and stretches, in
/// content order.
#[must_use]
pub fn self_care_offered(atlas: &Atlas) -> Vec<SelfCare> {
    let mut out = Vec::new();
    for s in &atlas.structures {
        if s.self_massage.is_some() {
            out.push(SelfCare::SelfMassage(s.id.clone()));
        }
        for stretch in &s.stretches {
            out.push(SelfCare::Stretch {
                structure: s.id.clone(),
                name: stretch.name.clone(),
            });
        }
    }
    out
}

/// How a self-care item is named in lists and on the handout, e.g. "Self-massage: deep hip
/// rotator (piriformis)".
#[must_use]
pub fn self_care_title(atlas: &Atlas, item: &SelfCare) -> String {
    let name = atlas
        .structure(item.structure())
        .map_or_else(|| item.structure().to_owned(), |s| atlas.plain_name(s));
    match item {
        SelfCare::SelfMassage(_) => format!("Self-massage: {}", lower_first(&name)),
        SelfCare::Stretch { name: stretch, .. } => format!("Stretch: {stretch}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marker(region: Option<&str>, intensity: u8) -> Marker {
        Marker {
            kind: PainKind::Ache,
            intensity,
            side: Side::Right,
            view: "posterior".into(),
            at: (10.0, 10.0),
            region: region.map(str::to_owned),
            note: String::new(),
        }
    }

    #[test]
    fn worst_intensity_and_areas_count_what_a_client_marked() {
        let mut s = Session::new("J. D.", SessionDate::new(2026, 11, 20).unwrap());
        assert_eq!((s.worst_intensity(), s.marked_areas()), (0, 0));
        s.markers.push(marker(Some("a"), 3));
        s.markers.push(marker(Some("a"), 8));
        s.markers.push(marker(Some("b"), 2));
        s.markers.push(marker(None, 1));
        assert_eq!(s.worst_intensity(), 8);
        assert_eq!(s.marked_areas(), 3, "two regions and one marker on none");
    }

    #[test]
    fn a_region_is_never_both_to_treat_and_to_avoid() {
        let mut s = Session::new("J", SessionDate::new(2026, 1, 1).unwrap());
        s.toggle_region("x", RegionMark::Treat);
        assert_eq!(s.region_mark("x"), Some(RegionMark::Treat));
        s.toggle_region("x", RegionMark::Avoid);
        assert_eq!(s.region_mark("x"), Some(RegionMark::Avoid));
        assert!(s.treat.is_empty());
        s.toggle_region("x", RegionMark::Avoid);
        assert_eq!(s.region_mark("x"), None);
    }

    #[test]
    fn the_nearest_marker_within_reach_is_found_on_its_own_view() {
        let mut s = Session::new("J", SessionDate::new(2026, 1, 1).unwrap());
        s.markers.push(marker(None, 1));
        let mut far = marker(None, 1);
        far.at = (40.0, 10.0);
        s.markers.push(far);
        assert_eq!(
            s.marker_at("posterior", Pos2::new(12.0, 10.0), 5.0),
            Some(0)
        );
        assert_eq!(s.marker_at("posterior", Pos2::new(25.0, 10.0), 5.0), None);
        assert_eq!(s.marker_at("anterior", Pos2::new(10.0, 10.0), 5.0), None);
    }

    #[test]
    fn names_keep_abbreviations() {
        assert_eq!(lower_first("Deep hip rotator"), "deep hip rotator");
        assert_eq!(lower_first("PSIS"), "PSIS");
    }
}
