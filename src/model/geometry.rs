//! Shapes in diagram coordinates: SVG path parsing, curve flattening, mirroring,
//! tessellation, and point-in-polygon hit-testing. No egui `Ui` here.

use emath::{Pos2, Rect, pos2};
use lyon_tessellation::math::point;
use lyon_tessellation::path::Path as LyonPath;
use lyon_tessellation::path::iterator::PathIterator as _;
use lyon_tessellation::{BuffersBuilder, FillOptions, FillTessellator, FillVertex, VertexBuffers};

/// Maximum distance between a curve and its flattened polyline, in diagram units: the precise
/// shape, used for hit-testing and for drawing when zoomed in.
pub const FLATTEN_TOLERANCE: f32 = 0.35;

/// The tolerance of the coarse shape drawn when the whole figure is in view (a diagram unit is
/// then under a pixel, so the error stays under half a pixel) with a third of the points.
pub const COARSE_TOLERANCE: f32 = 1.0;

/// A problem in SVG path data.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum PathError {
    /// The text does not parse; `char_pos` is 1-based, in characters from the start of the data.
    #[error("path data does not parse at character {char_pos}: {message}")]
    Syntax { char_pos: usize, message: String },
    #[error("path data is empty")]
    Empty,
    #[error("path data has a coordinate that is not a finite number")]
    NotFinite,
    /// A path with an arc and a number beyond [`MAX_ARC_NUMBER`]: turning the arc into curves
    /// would take hours or gigabytes (found by fuzzing), and no canvas is near that size.
    #[error(
        "path data has an arc and a number beyond ±1000000 (diagram units; canvases are far smaller), which would make the arc astronomically large"
    )]
    HugeArc,
}

/// The largest number accepted in path data that has an arc, in diagram units.
pub const MAX_ARC_NUMBER: f64 = 1_000_000.0;

/// One drawing command after parsing, in absolute diagram coordinates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Segment {
    MoveTo(Pos2),
    LineTo(Pos2),
    QuadTo(Pos2, Pos2),
    CubicTo(Pos2, Pos2, Pos2),
    Close,
}

/// Parses SVG path data (the `d` attribute): M L H V C S Q T A Z, absolute and relative.
/// Arcs become cubic curves; smooth curves get their reflected control points.
///
/// # Errors
/// [`PathError`] when the data does not parse, is empty, or holds a non-finite number.
pub fn parse_path(data: &str) -> Result<Vec<Segment>, PathError> {
    // Arcs first: the simplifying parser turns an arc into curves in proportion to its size,
    // so a radius of 1e100 would hang it. Syntax errors are left to the pass below.
    // Every number is bounded, since an arc's size follows from the point it starts at too.
    let mut has_arc = false;
    let mut largest = 0.0_f64;
    for segment in svgtypes::PathParser::from(data) {
        let Ok(segment) = segment else { break };
        use svgtypes::PathSegment as P;
        let numbers: &[f64] = match segment {
            P::MoveTo { x, y, .. } | P::LineTo { x, y, .. } | P::SmoothQuadratic { x, y, .. } => {
                &[x, y]
            }
            P::HorizontalLineTo { x, .. } => &[x],
            P::VerticalLineTo { y, .. } => &[y],
            P::CurveTo {
                x1,
                y1,
                x2,
                y2,
                x,
                y,
                ..
            } => &[x1, y1, x2, y2, x, y],
            P::SmoothCurveTo { x2, y2, x, y, .. } => &[x2, y2, x, y],
            P::Quadratic { x1, y1, x, y, .. } => &[x1, y1, x, y],
            P::EllipticalArc { rx, ry, x, y, .. } => {
                has_arc = true;
                &[rx, ry, x, y]
            }
            P::ClosePath { .. } => &[],
        };
        largest = numbers.iter().fold(largest, |m, v| m.max(v.abs()));
    }
    if has_arc && largest > MAX_ARC_NUMBER {
        return Err(PathError::HugeArc);
    }
    let mut segments = Vec::new();
    for item in svgtypes::SimplifyingPathParser::from(data) {
        let seg = item.map_err(|err| PathError::Syntax {
            char_pos: error_char_pos(&err, data),
            message: error_message(&err),
        })?;
        let p = |x: f64, y: f64| pos2(x as f32, y as f32);
        segments.push(match seg {
            svgtypes::SimplePathSegment::MoveTo { x, y } => Segment::MoveTo(p(x, y)),
            svgtypes::SimplePathSegment::LineTo { x, y } => Segment::LineTo(p(x, y)),
            svgtypes::SimplePathSegment::Quadratic { x1, y1, x, y } => {
                Segment::QuadTo(p(x1, y1), p(x, y))
            }
            svgtypes::SimplePathSegment::CurveTo {
                x1,
                y1,
                x2,
                y2,
                x,
                y,
            } => Segment::CubicTo(p(x1, y1), p(x2, y2), p(x, y)),
            svgtypes::SimplePathSegment::ClosePath => Segment::Close,
        });
    }
    if segments.is_empty() {
        return Err(PathError::Empty);
    }
    let finite = segments.iter().all(|s| {
        points_of(s)
            .iter()
            .all(|q| q.x.is_finite() && q.y.is_finite())
    });
    if !finite {
        return Err(PathError::NotFinite);
    }
    Ok(segments)
}

fn error_char_pos(err: &svgtypes::Error, data: &str) -> usize {
    match err {
        svgtypes::Error::UnexpectedData(pos)
        | svgtypes::Error::InvalidNumber(pos)
        | svgtypes::Error::InvalidChar(_, pos)
        | svgtypes::Error::InvalidString(_, pos) => *pos,
        _ => data.chars().count().max(1),
    }
}

fn error_message(err: &svgtypes::Error) -> String {
    match err {
        svgtypes::Error::UnexpectedEndOfStream => "the data ends in the middle of a command".into(),
        svgtypes::Error::InvalidNumber(_) => "expected a finite number here".into(),
        svgtypes::Error::UnexpectedData(_) | svgtypes::Error::InvalidChar(..) => {
            "unexpected character (a path starts with M and uses the commands M L H V C S Q T A Z)"
                .into()
        }
        other => other.to_string(),
    }
}

/// Every point a segment names (control points included).
#[must_use]
pub fn points_of(seg: &Segment) -> Vec<Pos2> {
    match *seg {
        Segment::MoveTo(a) | Segment::LineTo(a) => vec![a],
        Segment::QuadTo(a, b) => vec![a, b],
        Segment::CubicTo(a, b, c) => vec![a, b, c],
        Segment::Close => vec![],
    }
}

/// Mirrors segments about the vertical line `x = axis_x`.
#[must_use]
pub fn mirror_segments(segments: &[Segment], axis_x: f32) -> Vec<Segment> {
    let m = |p: Pos2| pos2(2.0 * axis_x - p.x, p.y);
    segments
        .iter()
        .map(|s| match *s {
            Segment::MoveTo(a) => Segment::MoveTo(m(a)),
            Segment::LineTo(a) => Segment::LineTo(m(a)),
            Segment::QuadTo(a, b) => Segment::QuadTo(m(a), m(b)),
            Segment::CubicTo(a, b, c) => Segment::CubicTo(m(a), m(b), m(c)),
            Segment::Close => Segment::Close,
        })
        .collect()
}

/// A flattened subpath.
#[derive(Clone, Debug, PartialEq)]
pub struct Polyline {
    pub points: Vec<Pos2>,
    pub closed: bool,
}

fn to_lyon(segments: &[Segment], close_all: bool) -> LyonPath {
    let mut builder = LyonPath::builder();
    let mut open = false;
    let lp = |p: Pos2| point(p.x, p.y);
    for seg in segments {
        match *seg {
            Segment::MoveTo(a) => {
                if open {
                    builder.end(close_all);
                }
                builder.begin(lp(a));
                open = true;
            }
            Segment::LineTo(a) => {
                if open {
                    builder.line_to(lp(a));
                }
            }
            Segment::QuadTo(c, a) => {
                if open {
                    builder.quadratic_bezier_to(lp(c), lp(a));
                }
            }
            Segment::CubicTo(c1, c2, a) => {
                if open {
                    builder.cubic_bezier_to(lp(c1), lp(c2), lp(a));
                }
            }
            Segment::Close => {
                if open {
                    builder.end(true);
                    open = false;
                }
            }
        }
    }
    if open {
        builder.end(close_all);
    }
    builder.build()
}

/// Flattens curves into polylines within [`FLATTEN_TOLERANCE`].
/// With `close_all`, every subpath is treated as closed (filled shapes are implicitly closed).
#[must_use]
pub fn flatten(segments: &[Segment], close_all: bool) -> Vec<Polyline> {
    flatten_within(segments, close_all, FLATTEN_TOLERANCE)
}

/// Flattens curves into polylines within `tolerance` diagram units.
#[must_use]
pub fn flatten_within(segments: &[Segment], close_all: bool, tolerance: f32) -> Vec<Polyline> {
    use lyon_tessellation::path::PathEvent;
    let path = to_lyon(segments, close_all);
    let mut out = Vec::new();
    let mut current: Vec<Pos2> = Vec::new();
    for event in path.iter().flattened(tolerance) {
        match event {
            PathEvent::Begin { at } => {
                current = vec![pos2(at.x, at.y)];
            }
            PathEvent::Line { to, .. } => current.push(pos2(to.x, to.y)),
            PathEvent::End { close, .. } => {
                let points = std::mem::take(&mut current);
                if points.len() >= 2 {
                    out.push(Polyline {
                        points,
                        closed: close,
                    });
                }
            }
            PathEvent::Quadratic { .. } | PathEvent::Cubic { .. } => {}
        }
    }
    out
}

/// A triangle mesh in diagram coordinates.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FillMesh {
    pub vertices: Vec<Pos2>,
    pub indices: Vec<u32>,
    /// One colour per vertex when the fill is shaded (a gradient in the artwork); empty when
    /// the whole shape has one colour.
    pub colors: Vec<super::art::Rgba>,
}

impl FillMesh {
    /// The mesh with every triangle split in four, `levels` times (edge midpoints shared, so no
    /// cracks), to carry a shaded fill's colours inside the shape and not only on its edge.
    #[must_use]
    pub fn subdivided(&self, levels: u32) -> Self {
        let mut mesh = Self {
            vertices: self.vertices.clone(),
            indices: self.indices.clone(),
            colors: Vec::new(),
        };
        for _ in 0..levels {
            let mut midpoints: std::collections::HashMap<(u32, u32), u32> =
                std::collections::HashMap::new();
            let mut indices = Vec::with_capacity(mesh.indices.len() * 4);
            let mut mid = |a: u32, b: u32, vertices: &mut Vec<Pos2>| -> u32 {
                let key = (a.min(b), a.max(b));
                *midpoints.entry(key).or_insert_with(|| {
                    let (pa, pb) = (vertices[a as usize], vertices[b as usize]);
                    vertices.push(pa.lerp(pb, 0.5));
                    (vertices.len() - 1) as u32
                })
            };
            for tri in mesh.indices.chunks_exact(3) {
                let (a, b, c) = (tri[0], tri[1], tri[2]);
                let ab = mid(a, b, &mut mesh.vertices);
                let bc = mid(b, c, &mut mesh.vertices);
                let ca = mid(c, a, &mut mesh.vertices);
                indices.extend_from_slice(&[a, ab, ca, ab, b, bc, ca, bc, c, ab, bc, ca]);
            }
            mesh.indices = indices;
        }
        mesh
    }
}

/// Tessellates the filled area (even-odd rule, so inner subpaths are holes). Concave shapes are
/// handled; egui alone fills only convex polygons correctly.
#[must_use]
pub fn tessellate(segments: &[Segment]) -> FillMesh {
    tessellate_within(segments, FLATTEN_TOLERANCE)
}

/// Tessellates the filled area within `tolerance` diagram units.
#[must_use]
pub fn tessellate_within(segments: &[Segment], tolerance: f32) -> FillMesh {
    let path = to_lyon(segments, true);
    let mut buffers: VertexBuffers<Pos2, u32> = VertexBuffers::new();
    let options = FillOptions::even_odd().with_tolerance(tolerance);
    let result = FillTessellator::new().tessellate_path(
        &path,
        &options,
        &mut BuffersBuilder::new(&mut buffers, |v: FillVertex| {
            let p = v.position();
            pos2(p.x, p.y)
        }),
    );
    if result.is_err() {
        return FillMesh::default();
    }
    FillMesh {
        vertices: buffers.vertices,
        indices: buffers.indices,
        colors: Vec::new(),
    }
}

/// Bounding box of all points, or `None` when there are none.
#[must_use]
pub fn bounding_box(polylines: &[Polyline]) -> Option<Rect> {
    let mut points = polylines.iter().flat_map(|p| p.points.iter().copied());
    let first = points.next()?;
    Some(points.fold(Rect::from_min_max(first, first), |r, p| {
        r.union(Rect::from_min_max(p, p))
    }))
}

/// Signed area of one closed ring (shoelace formula), positive for clockwise in y-down coordinates.
#[must_use]
pub fn ring_signed_area(points: &[Pos2]) -> f32 {
    let n = points.len();
    if n < 3 {
        return 0.0;
    }
    let mut sum = 0.0;
    for i in 0..n {
        let a = points[i];
        let b = points[(i + 1) % n];
        sum += a.x * b.y - b.x * a.y;
    }
    sum * 0.5
}

/// Area and centroid of the filled shape, computed from its triangle mesh (holes excluded).
#[must_use]
pub fn area_and_centroid(mesh: &FillMesh) -> (f32, Option<Pos2>) {
    let mut area = 0.0_f64;
    let (mut cx, mut cy) = (0.0_f64, 0.0_f64);
    for tri in mesh.indices.chunks_exact(3) {
        let [a, b, c] = [tri[0], tri[1], tri[2]].map(|i| mesh.vertices.get(i as usize).copied());
        let (Some(a), Some(b), Some(c)) = (a, b, c) else {
            continue;
        };
        let t = f64::from(((b - a).x * (c - a).y - (b - a).y * (c - a).x).abs()) * 0.5;
        area += t;
        cx += t * f64::from(a.x + b.x + c.x) / 3.0;
        cy += t * f64::from(a.y + b.y + c.y) / 3.0;
    }
    if area <= f64::EPSILON {
        return (0.0, None);
    }
    let centroid = pos2((cx / area) as f32, (cy / area) as f32);
    let area = area as f32;
    (area, Some(centroid))
}

/// Even-odd point-in-polygon over all rings (so a ring inside another is a hole, and points in a
/// concave notch are outside).
#[must_use]
pub fn contains_point(rings: &[Polyline], p: Pos2) -> bool {
    let mut inside = false;
    for ring in rings {
        let pts = &ring.points;
        let n = pts.len();
        if n < 3 {
            continue;
        }
        let mut j = n - 1;
        for i in 0..n {
            let (a, b) = (pts[i], pts[j]);
            if (a.y > p.y) != (b.y > p.y) {
                let x_cross = (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x;
                if p.x < x_cross {
                    inside = !inside;
                }
            }
            j = i;
        }
    }
    inside
}

/// A point guaranteed inside the filled shape: the centroid if it is inside, else the centre of
/// the largest triangle. Used to aim clicks and to place labels.
#[must_use]
pub fn interior_point(mesh: &FillMesh, rings: &[Polyline]) -> Option<Pos2> {
    let (_, centroid) = area_and_centroid(mesh);
    if let Some(c) = centroid
        && contains_point(rings, c)
    {
        return Some(c);
    }
    let mut best: Option<(f32, Pos2)> = None;
    for tri in mesh.indices.chunks_exact(3) {
        let [a, b, c] = [tri[0], tri[1], tri[2]].map(|i| mesh.vertices.get(i as usize).copied());
        let (Some(a), Some(b), Some(c)) = (a, b, c) else {
            continue;
        };
        let area = ((b - a).x * (c - a).y - (b - a).y * (c - a).x).abs();
        let centre = pos2((a.x + b.x + c.x) / 3.0, (a.y + b.y + c.y) / 3.0);
        if best.is_none_or(|(best_area, _)| area > best_area) {
            best = Some((area, centre));
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square_rings(d: &str) -> Vec<Polyline> {
        flatten(&parse_path(d).unwrap(), true)
    }

    #[test]
    fn absolute_and_relative_lines_agree() {
        let abs = parse_path("M 10 10 L 20 10 L 20 20 L 10 20 Z").unwrap();
        let rel = parse_path("m 10 10 l 10 0 l 0 10 l -10 0 z").unwrap();
        assert_eq!(abs, rel);
    }

    #[test]
    fn horizontal_and_vertical_commands() {
        let hv = parse_path("M 10 10 H 20 V 20 h -10 v -10 Z").unwrap();
        assert_eq!(hv[1], Segment::LineTo(pos2(20.0, 10.0)));
        assert_eq!(hv[2], Segment::LineTo(pos2(20.0, 20.0)));
        assert_eq!(hv[3], Segment::LineTo(pos2(10.0, 20.0)));
        assert_eq!(hv[4], Segment::LineTo(pos2(10.0, 10.0)));
    }

    #[test]
    fn cubic_and_smooth_cubic_absolute_and_relative() {
        let abs = parse_path("M 0 0 C 0 10 10 10 10 0 S 20 -10 20 0").unwrap();
        let rel = parse_path("m 0 0 c 0 10 10 10 10 0 s 10 -10 10 0").unwrap();
        assert_eq!(abs, rel);
        // S reflects the previous second control point (10,10) about (10,0) -> (10,-10).
        assert_eq!(
            abs[2],
            Segment::CubicTo(pos2(10.0, -10.0), pos2(20.0, -10.0), pos2(20.0, 0.0))
        );
    }

    #[test]
    fn quadratic_and_smooth_quadratic() {
        let abs = parse_path("M 0 0 Q 5 10 10 0 T 20 0").unwrap();
        let rel = parse_path("m 0 0 q 5 10 10 0 t 10 0").unwrap();
        assert_eq!(abs, rel);
        assert_eq!(abs[2], Segment::QuadTo(pos2(15.0, -10.0), pos2(20.0, 0.0)));
    }

    #[test]
    fn arcs_become_curves() {
        let arc = parse_path("M 0 0 A 10 10 0 0 1 20 0 Z").unwrap();
        assert!(arc.iter().any(|s| matches!(s, Segment::CubicTo(..))));
        let rel = parse_path("M 0 0 a 10 10 0 0 1 20 0 z").unwrap();
        assert_eq!(arc, rel);
    }

    #[test]
    fn several_subpaths_and_implicit_lineto() {
        let segs = parse_path("M 0 0 10 0 10 10 Z M 20 20 l 5 0 0 5 z").unwrap();
        let rings = flatten(&segs, true);
        assert_eq!(rings.len(), 2);
        assert_eq!(rings[1].points[1], pos2(25.0, 20.0));
    }

    #[test]
    fn bad_data_reports_position() {
        let err = parse_path("M 0 0 L 10 10 X 5").unwrap_err();
        assert!(
            matches!(err, PathError::Syntax { char_pos: 15, .. }),
            "{err:?}"
        );
        assert_eq!(parse_path("").unwrap_err(), PathError::Empty);
        assert!(parse_path("L 10 10").is_err(), "a path must start with M");
    }

    #[test]
    fn flattening_stays_near_the_curve() {
        // A quarter circle of radius 100 approximated by a cubic.
        let segs = parse_path("M 100 0 C 100 55.228 55.228 100 0 100").unwrap();
        let lines = flatten(&segs, false);
        assert_eq!(lines.len(), 1);
        assert!(lines[0].points.len() > 8, "curve is subdivided");
        assert!(!lines[0].closed);
        for p in &lines[0].points {
            let r = p.to_vec2().length();
            assert!(
                (r - 100.0).abs() < 0.5,
                "point {p:?} is {r} from the centre"
            );
        }
    }

    #[test]
    fn points_in_a_concave_notch_are_outside() {
        // A U shape: the notch between the arms is outside.
        let rings = square_rings("M 0 0 L 10 0 L 10 20 L 20 20 L 20 0 L 30 0 L 30 30 L 0 30 Z");
        assert!(contains_point(&rings, pos2(5.0, 5.0)));
        assert!(contains_point(&rings, pos2(25.0, 5.0)));
        assert!(!contains_point(&rings, pos2(15.0, 10.0)), "notch");
        assert!(contains_point(&rings, pos2(15.0, 25.0)));
        assert!(!contains_point(&rings, pos2(35.0, 5.0)));
    }

    #[test]
    fn holes_are_outside() {
        let rings = square_rings("M 0 0 H 30 V 30 H 0 Z M 10 10 H 20 V 20 H 10 Z");
        assert!(contains_point(&rings, pos2(5.0, 5.0)));
        assert!(!contains_point(&rings, pos2(15.0, 15.0)));
        let mesh =
            tessellate(&parse_path("M 0 0 H 30 V 30 H 0 Z M 10 10 H 20 V 20 H 10 Z").unwrap());
        let (area, _) = area_and_centroid(&mesh);
        assert!((area - 800.0).abs() < 0.5, "area {area}");
    }

    #[test]
    fn tessellation_of_a_concave_shape_covers_its_area() {
        let segs =
            parse_path("M 0 0 L 10 0 L 10 20 L 20 20 L 20 0 L 30 0 L 30 30 L 0 30 Z").unwrap();
        let mesh = tessellate(&segs);
        let (area, centroid) = area_and_centroid(&mesh);
        assert!((area - 700.0).abs() < 0.5, "area {area}");
        let rings = flatten(&segs, true);
        let inside = interior_point(&mesh, &rings).unwrap();
        assert!(contains_point(&rings, inside));
        assert!(centroid.is_some());
    }

    #[test]
    fn subdividing_keeps_the_area_and_shares_midpoints() {
        let segments = parse_path("M 0 0 L 40 0 L 40 40 L 0 40 Z").unwrap();
        let mesh = tessellate(&segments);
        let fine = mesh.subdivided(2);
        assert_eq!(fine.indices.len(), mesh.indices.len() * 16);
        let (a, _) = area_and_centroid(&mesh);
        let (b, _) = area_and_centroid(&fine);
        assert!((a - b).abs() < 1e-2, "{a} vs {b}");
        // Two triangles split twice: a 5 x 5 grid of distinct points, no duplicates at the seams.
        assert_eq!(fine.vertices.len(), 25);
    }

    #[test]
    fn mirroring_about_the_midline() {
        let segs = parse_path("M 100 0 L 200 0 L 200 50 Z").unwrap();
        let mirrored = mirror_segments(&segs, 500.0);
        assert_eq!(mirrored[0], Segment::MoveTo(pos2(900.0, 0.0)));
        assert_eq!(mirrored[1], Segment::LineTo(pos2(800.0, 0.0)));
        let rings = flatten(&mirrored, true);
        assert!(contains_point(&rings, pos2(850.0, 10.0)));
        assert!(!contains_point(&rings, pos2(150.0, 10.0)));
    }

    #[test]
    fn bounding_box_of_a_curve_includes_its_bulge() {
        let segs = parse_path("M 0 0 Q 50 100 100 0").unwrap();
        let bb = bounding_box(&flatten(&segs, false)).unwrap();
        assert!(bb.max.y > 49.0 && bb.max.y <= 50.01, "{bb:?}");
    }
}
