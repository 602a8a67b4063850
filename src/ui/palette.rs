//! Colours of the chart, for the light and the dark theme.

use egui::{Color32, Stroke};

use crate::model::content::{Hue, Paint};

/// Fill and outline of one paint kind.
#[derive(Clone, Copy, Debug)]
pub struct PaintStyle {
    pub fill: Color32,
    pub outline: Stroke,
}

/// The chart's colours for one theme.
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    pub background: Color32,
    pub selected: Color32,
    /// Outline of regions linked to the selection.
    pub linked: Color32,
    pub hover: Color32,
    dark: bool,
}

impl Palette {
    /// The palette for a theme.
    #[must_use]
    pub fn new(dark: bool) -> Self {
        if dark {
            Self {
                background: Color32::from_rgb(0x22, 0x24, 0x28),
                selected: Color32::from_rgb(0x5a, 0xb0, 0xff),
                linked: Color32::from_rgb(0x3c, 0xd6, 0xb0),
                hover: Color32::from_rgb(0xff, 0xff, 0xff),
                dark,
            }
        } else {
            Self {
                background: Color32::from_rgb(0xfa, 0xf7, 0xf2),
                selected: Color32::from_rgb(0x12, 0x5b, 0xc4),
                linked: Color32::from_rgb(0x0a, 0x8f, 0x6e),
                hover: Color32::from_rgb(0x20, 0x20, 0x20),
                dark,
            }
        }
    }

    /// Whether this is the dark theme's palette.
    #[must_use]
    pub fn is_dark(&self) -> bool {
        self.dark
    }

    /// Fill and outline for a paint kind; `px` is screen pixels per diagram unit, so outlines
    /// thin out when zoomed out.
    #[must_use]
    pub fn style(&self, paint: Paint, px: f32) -> PaintStyle {
        let w = |base: f32| (base * px.sqrt() * 0.9).clamp(0.6, 2.5);
        let (fill, line, width) = match paint {
            Paint::Skin => {
                if self.dark {
                    (rgb(0x6b, 0x57, 0x4b), rgb(0xd8, 0xb8, 0xa0), w(1.6))
                } else {
                    (rgb(0xf4, 0xdc, 0xc6), rgb(0x8a, 0x66, 0x50), w(1.6))
                }
            }
            Paint::SkinLine => {
                if self.dark {
                    (Color32::TRANSPARENT, rgb(0xc4, 0xa0, 0x88), w(1.0))
                } else {
                    (Color32::TRANSPARENT, rgb(0xb0, 0x88, 0x70), w(1.0))
                }
            }
            Paint::Muscle => (rgb(0xc8, 0x58, 0x4e), rgb(0x6e, 0x22, 0x1e), w(1.1)),
            Paint::DeepMuscle => (rgb(0xa5, 0x3c, 0x3c), rgb(0x55, 0x14, 0x16), w(1.1)),
            Paint::Tendon => (rgb(0xea, 0xdf, 0xcc), rgb(0x8e, 0x7c, 0x66), w(1.0)),
            Paint::Nerve => (rgb(0xf5, 0xc8, 0x1e), rgb(0x80, 0x62, 0x00), w(1.1)),
            Paint::Bone => (rgb(0xf1, 0xea, 0xd6), rgb(0x8f, 0x85, 0x70), w(1.1)),
            Paint::Guide => (Color32::TRANSPARENT, rgb(0x5e, 0x7c, 0x96), w(1.2)),
            Paint::Zone(hue) => {
                let fill = match hue {
                    Hue::Rose => rgb(0xf4, 0xb6, 0xc2),
                    Hue::Peach => rgb(0xf8, 0xc8, 0xa0),
                    Hue::Sand => rgb(0xee, 0xdc, 0xa8),
                    Hue::Lemon => rgb(0xf6, 0xec, 0x8c),
                    Hue::Mint => rgb(0xb8, 0xe4, 0xc0),
                    Hue::Teal => rgb(0x9c, 0xd8, 0xd4),
                    Hue::Sky => rgb(0xaa, 0xcc, 0xf0),
                    Hue::Lilac => rgb(0xcc, 0xba, 0xec),
                };
                (fill, rgb(0x6a, 0x60, 0x70), w(0.9))
            }
        };
        PaintStyle {
            fill,
            outline: Stroke::new(width, line),
        }
    }
}

fn rgb(r: u8, g: u8, b: u8) -> Color32 {
    Color32::from_rgb(r, g, b)
}

/// Multiplies a colour's alpha by `opacity` (0..1).
#[must_use]
pub fn with_opacity(color: Color32, opacity: f32) -> Color32 {
    color.gamma_multiply(opacity.clamp(0.0, 1.0))
}

/// Mixes `color` toward `toward` by `t` (0..1), keeping alpha.
#[must_use]
pub fn mix(color: Color32, toward: Color32, t: f32) -> Color32 {
    let lerp = |a: u8, b: u8| {
        let v = f32::from(a) + (f32::from(b) - f32::from(a)) * t.clamp(0.0, 1.0);
        v.round().clamp(0.0, 255.0) as u8
    };
    Color32::from_rgba_unmultiplied(
        lerp(color.r(), toward.r()),
        lerp(color.g(), toward.g()),
        lerp(color.b(), toward.b()),
        color.a(),
    )
}
