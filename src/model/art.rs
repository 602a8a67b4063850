//! How a shape from the artwork (an SVG file) looks: its fill and stroke as the illustrator set
//! them, and gradients evaluated at mesh vertices. Plain data, no egui.

use emath::Pos2;

/// A colour, not premultiplied: red, green, blue, alpha.
pub type Rgba = [u8; 4];

/// Fill and stroke of a shape drawn from the artwork.
#[derive(Clone, Debug, PartialEq)]
pub struct ArtStyle {
    /// The fill colour (for a gradient, its middle stop; the mesh carries the shading).
    /// `None`: not filled.
    pub fill: Option<Rgba>,
    pub stroke: Option<ArtStroke>,
}

impl ArtStyle {
    /// Whether the shape is filled (and so has an inside that can be clicked).
    #[must_use]
    pub fn is_filled(&self) -> bool {
        self.fill.is_some()
    }
}

/// An outline as the artwork sets it.
#[derive(Clone, Debug, PartialEq)]
pub struct ArtStroke {
    pub color: Rgba,
    /// Width in diagram units at the artwork's own scale.
    pub width: f32,
    /// Dash and gap lengths in diagram units, when the line is dashed.
    pub dash: Option<[f32; 2]>,
}

/// A 2D affine map: `x' = a x + c y + e`, `y' = b x + d y + f` (SVG's `matrix(a b c d e f)`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Affine(pub [f32; 6]);

impl Affine {
    /// Maps a point.
    #[must_use]
    pub fn apply(&self, p: Pos2) -> Pos2 {
        let [a, b, c, d, e, f] = self.0;
        Pos2::new(a * p.x + c * p.y + e, b * p.x + d * p.y + f)
    }
}

/// What kind of gradient, in its own coordinates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum GradientShape {
    Linear { from: Pos2, to: Pos2 },
    Radial { centre: Pos2, radius: f32 },
}

/// A gradient fill, evaluated at points in diagram coordinates.
#[derive(Clone, Debug, PartialEq)]
pub struct Gradient {
    /// From diagram coordinates into the gradient's own.
    pub gradient_from_diagram: Affine,
    pub shape: GradientShape,
    /// (offset 0..1, colour), in increasing offset; at least one.
    pub stops: Vec<(f32, Rgba)>,
}

impl Gradient {
    /// The colour at a point in diagram coordinates (the gradient "pads" beyond its ends).
    #[must_use]
    pub fn color_at(&self, p: Pos2) -> Rgba {
        let q = self.gradient_from_diagram.apply(p);
        let t = match self.shape {
            GradientShape::Linear { from, to } => {
                let d = to - from;
                let len2 = d.length_sq();
                if len2 <= f32::EPSILON {
                    0.0
                } else {
                    (q - from).dot(d) / len2
                }
            }
            GradientShape::Radial { centre, radius } => {
                if radius <= f32::EPSILON {
                    1.0
                } else {
                    (q - centre).length() / radius
                }
            }
        };
        self.at_offset(t)
    }

    /// The colour at an offset along the gradient.
    #[must_use]
    pub fn at_offset(&self, t: f32) -> Rgba {
        let t = if t.is_finite() {
            t.clamp(0.0, 1.0)
        } else {
            0.0
        };
        let Some(first) = self.stops.first() else {
            return [0, 0, 0, 0];
        };
        let mut prev = *first;
        if t <= prev.0 {
            return prev.1;
        }
        for &stop in &self.stops[1..] {
            if t <= stop.0 {
                let span = stop.0 - prev.0;
                let k = if span <= f32::EPSILON {
                    1.0
                } else {
                    (t - prev.0) / span
                };
                return lerp_rgba(prev.1, stop.1, k);
            }
            prev = stop;
        }
        prev.1
    }
}

fn lerp_rgba(a: Rgba, b: Rgba, k: f32) -> Rgba {
    let mut out = [0u8; 4];
    for i in 0..4 {
        let v = f32::from(a[i]) + (f32::from(b[i]) - f32::from(a[i])) * k;
        out[i] = v.round().clamp(0.0, 255.0) as u8;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const IDENTITY: Affine = Affine([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    #[test]
    fn a_linear_gradient_runs_between_its_ends_and_pads_beyond() {
        let g = Gradient {
            gradient_from_diagram: IDENTITY,
            shape: GradientShape::Linear {
                from: Pos2::new(0.0, 0.0),
                to: Pos2::new(100.0, 0.0),
            },
            stops: vec![(0.0, [0, 0, 0, 255]), (1.0, [200, 100, 0, 255])],
        };
        assert_eq!(g.color_at(Pos2::new(50.0, 30.0)), [100, 50, 0, 255]);
        assert_eq!(g.color_at(Pos2::new(-10.0, 0.0)), [0, 0, 0, 255]);
        assert_eq!(g.color_at(Pos2::new(500.0, 0.0)), [200, 100, 0, 255]);
    }

    #[test]
    fn a_radial_gradient_is_lightest_at_its_centre() {
        let g = Gradient {
            gradient_from_diagram: Affine([0.5, 0.0, 0.0, 0.5, 0.0, 0.0]),
            shape: GradientShape::Radial {
                centre: Pos2::new(10.0, 10.0),
                radius: 10.0,
            },
            stops: vec![
                (0.0, [250, 250, 250, 255]),
                (0.5, [200, 0, 0, 255]),
                (1.0, [100, 0, 0, 255]),
            ],
        };
        // (20, 20) in the diagram is the centre in the gradient's space.
        assert_eq!(g.color_at(Pos2::new(20.0, 20.0)), [250, 250, 250, 255]);
        assert_eq!(g.color_at(Pos2::new(30.0, 20.0)), [200, 0, 0, 255]);
        assert_eq!(g.color_at(Pos2::new(60.0, 20.0)), [100, 0, 0, 255]);
    }
}
