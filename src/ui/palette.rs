//! Colours of the chart, for the light and the dark theme.

use egui::{Color32, Stroke};

use crate::model::PreparedRegion;
use crate::model::content::{Hue, Paint};

/// Fill and outline of one paint kind.
#[derive(Clone, Copy, Debug)]
pub struct PaintStyle {
    pub fill: Color32,
    pub outline: Stroke,
}

/// The app's colours for one theme: the chart's, and the few the panels use for meaning. Every
/// text colour here reads at 4.5:1 or better on the theme's panel background (tested).
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    pub background: Color32,
    pub selected: Color32,
    /// Outline of regions linked to the selection.
    pub linked: Color32,
    pub hover: Color32,
    /// Secondary text: evidence notes, sources, hints, answered options.
    pub text_secondary: Color32,
    /// Danger: cautions, emergencies, wrong answers, the safety button.
    pub danger: Color32,
    /// Warning: see a doctor today, chart disagreements, the sciatic relation, notices.
    pub warning: Color32,
    /// Soon: see a doctor soon.
    pub caution: Color32,
    /// Information: evidence notes.
    pub info: Color32,
    /// Right answers.
    pub success: Color32,
    /// The error banner's fill and its text.
    pub error_fill: Color32,
    pub error_text: Color32,
    dark: bool,
}

impl Palette {
    /// The palette for a theme.
    #[must_use]
    pub fn new(dark: bool) -> Self {
        if dark {
            Self {
                background: rgb(0x22, 0x24, 0x28),
                selected: rgb(0x5a, 0xb0, 0xff),
                linked: rgb(0x3c, 0xd6, 0xb0),
                hover: rgb(0xff, 0xff, 0xff),
                text_secondary: rgb(0xb4, 0xb4, 0xb4),
                danger: rgb(0xff, 0x86, 0x78),
                warning: rgb(0xf0, 0xb4, 0x40),
                caution: rgb(0xe6, 0xc8, 0x5a),
                info: rgb(0x8c, 0xb4, 0xf0),
                success: rgb(0x5c, 0xd6, 0x8a),
                error_fill: rgb(0x8a, 0x1c, 0x1c),
                error_text: Color32::WHITE,
                dark,
            }
        } else {
            Self {
                background: rgb(0xfa, 0xf7, 0xf2),
                selected: rgb(0x12, 0x5b, 0xc4),
                linked: rgb(0x0a, 0x8f, 0x6e),
                hover: rgb(0x20, 0x20, 0x20),
                text_secondary: rgb(0x5a, 0x5a, 0x5a),
                danger: rgb(0xb0, 0x24, 0x18),
                warning: rgb(0x8a, 0x52, 0x00),
                caution: rgb(0x6e, 0x5a, 0x00),
                info: rgb(0x2a, 0x55, 0x96),
                success: rgb(0x16, 0x74, 0x38),
                error_fill: rgb(0x8a, 0x1c, 0x1c),
                error_text: Color32::WHITE,
                dark,
            }
        }
    }

    /// Applies the palette to egui's visuals: secondary ("weak") text in a colour that reads
    /// at 4.5:1 on the panels.
    pub fn apply_to(&self, visuals: &mut egui::Visuals) {
        visuals.weak_text_color = Some(self.text_secondary);
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
            Paint::Guide => {
                if self.dark {
                    (Color32::TRANSPARENT, rgb(0x7c, 0xc4, 0xff), w(1.9))
                } else {
                    (Color32::TRANSPARENT, rgb(0x1c, 0x5c, 0xb0), w(1.9))
                }
            }
            Paint::Zone(hue) => (zone_fill(hue), rgb(0x6a, 0x60, 0x70), w(0.9)),
            Paint::Fibre => (Color32::TRANSPARENT, rgb(0x7a, 0x2c, 0x26), w(0.7)),
            Paint::Ligament => (rgb(0xd6, 0xdc, 0xe4), rgb(0x6a, 0x74, 0x84), w(1.0)),
            // A crimson leaning to magenta with a firm outline: it reads on the pale figure and
            // stays apart from the muscle reds when drawn over a selected muscle.
            Paint::Referral => (
                Color32::from_rgba_unmultiplied(0xd8, 0x14, 0x5a, 0x6c),
                rgb(0x9c, 0x00, 0x3c),
                w(1.3),
            ),
            // Dark spots with a pale ring, visible on muscle and skin alike.
            Paint::TriggerPoint => (rgb(0x5c, 0x00, 0x24), rgb(0xff, 0xec, 0xf0), w(1.4)),
            Paint::Dermatome(hue) => {
                let [r, g, b, _] = zone_fill(hue).to_array();
                (
                    Color32::from_rgba_unmultiplied(r, g, b, 0xa0),
                    rgb(0x5a, 0x50, 0x60),
                    w(0.9),
                )
            }
        };
        PaintStyle {
            fill,
            outline: Stroke::new(width, line),
        }
    }
}

/// The pastel fill of a hue (reflex zones, dermatomes).
fn zone_fill(hue: Hue) -> Color32 {
    match hue {
        Hue::Rose => rgb(0xf4, 0xb6, 0xc2),
        Hue::Peach => rgb(0xf8, 0xc8, 0xa0),
        Hue::Sand => rgb(0xee, 0xdc, 0xa8),
        Hue::Lemon => rgb(0xf6, 0xec, 0x8c),
        Hue::Mint => rgb(0xb8, 0xe4, 0xc0),
        Hue::Teal => rgb(0x9c, 0xd8, 0xd4),
        Hue::Sky => rgb(0xaa, 0xcc, 0xf0),
        Hue::Lilac => rgb(0xcc, 0xba, 0xec),
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

/// Relative luminance of an sRGB colour (WCAG 2).
#[must_use]
pub fn luminance(c: Color32) -> f32 {
    let channel = |v: u8| {
        let v = f32::from(v) / 255.0;
        if v <= 0.039_28 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
}

/// `fg` (premultiplied, maybe translucent) painted over an opaque `bg`.
#[must_use]
pub fn over(fg: Color32, bg: Color32) -> Color32 {
    let a = f32::from(fg.a()) / 255.0;
    let mix = |f: u8, b: u8| {
        (f32::from(f) + f32::from(b) * (1.0 - a))
            .round()
            .clamp(0.0, 255.0) as u8
    };
    Color32::from_rgb(
        mix(fg.r(), bg.r()),
        mix(fg.g(), bg.g()),
        mix(fg.b(), bg.b()),
    )
}

/// WCAG contrast ratio of text colour `a` on background `b` (1 to 21); a translucent text
/// colour is first painted over the background.
#[must_use]
pub fn contrast(a: Color32, b: Color32) -> f32 {
    let (la, lb) = (luminance(over(a, b)), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// How a region is drawn at this zoom: its fill and its outline (with dash and gap in screen
/// pixels when dashed).
pub struct RegionLook {
    pub fill: Option<Color32>,
    pub outline: Option<(Stroke, Option<(f32, f32)>)>,
}

/// Outline width on screen for a width in diagram units: thinner when zoomed out, never a
/// smear (the square root keeps outlines fine at full figure and firm when zoomed in).
fn screen_width(width: f32, px: f32) -> f32 {
    (width * px.sqrt() * 0.9).clamp(0.6, 2.5)
}

impl Palette {
    /// How a region is drawn at `px` screen pixels per diagram unit: the artwork's own fill,
    /// stroke and dash, or the theme's colours for its paint.
    #[must_use]
    pub fn region_look(&self, region: &PreparedRegion, px: f32) -> RegionLook {
        let color = |[r, g, b, a]: [u8; 4]| Color32::from_rgba_unmultiplied(r, g, b, a);
        if let Some(art) = &region.art {
            return RegionLook {
                fill: art.fill.map(color),
                outline: art.stroke.as_ref().map(|s| {
                    let stroke = Stroke::new(screen_width(s.width, px), color(s.color));
                    let dash = s
                        .dash
                        .map(|[on, off]| ((on * px).max(3.0), (off * px).max(2.0)));
                    (stroke, dash)
                }),
            };
        }
        let Some(paint) = region.paint else {
            return RegionLook {
                fill: None,
                outline: None,
            };
        };
        let style = self.style(paint, px);
        // Guide lines often lie on zone borders: dashed (and in a colour of their own) they stand
        // apart.
        let dash = (paint == Paint::Guide).then_some((7.0, 4.0));
        RegionLook {
            fill: paint.is_filled().then_some(style.fill),
            outline: Some((style.outline, dash)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_colours_read_at_4_5_to_1_on_the_panels_in_both_themes() {
        for dark in [false, true] {
            let palette = Palette::new(dark);
            let mut visuals = if dark {
                egui::Visuals::dark()
            } else {
                egui::Visuals::light()
            };
            palette.apply_to(&mut visuals);
            let text = [
                ("secondary", visuals.weak_text_color()),
                ("danger", palette.danger),
                ("warning", palette.warning),
                ("caution", palette.caution),
                ("info", palette.info),
                ("success", palette.success),
            ];
            for background in [visuals.panel_fill, visuals.window_fill] {
                for (name, colour) in text {
                    let ratio = contrast(colour, background);
                    assert!(
                        ratio >= 4.5,
                        "{name} text on {background:?} (dark: {dark}): {ratio:.2}:1"
                    );
                }
            }
            assert!(contrast(palette.error_text, palette.error_fill) >= 4.5);
        }
    }

    #[test]
    fn egui_default_weak_text_is_what_we_fix() {
        // The default weak text (60% of the text colour) is below 4.5:1 in the light theme:
        // this is why the palette sets its own.
        let visuals = egui::Visuals::light();
        assert!(contrast(visuals.weak_text_color(), visuals.panel_fill) < 4.5);
    }
}
