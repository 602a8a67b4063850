//! Reading a view's artwork: one SVG file per view, editable in Inkscape. Its top-level groups
//! are the layers (group `id` = layer id); an element whose `id` is a region of the view's RON
//! sidecar is that region (a group or `<use>` with that id: all the paths inside it); every other
//! shape is decoration, drawn but not clickable. usvg resolves transforms, `<use>`, basic shapes
//! and styles; roxmltree gives each element's line for messages.

use std::collections::{HashMap, HashSet};

use emath::{Pos2, pos2};
use usvg::tiny_skia_path::PathSegment;

use crate::model::art::{Affine, ArtStroke, ArtStyle, Gradient, GradientShape, Rgba};
use crate::model::geometry::Segment;

/// The largest canvas side accepted, in diagram units.
pub const MAX_CANVAS_SIDE: f32 = 100_000.0;

/// The most path commands (after usvg's conversion) accepted in one artwork file, and in one
/// view's path data: the shipped views use at most about 5,000; far more would make loading and
/// drawing slow.
pub const MAX_SEGMENTS: usize = 100_000;

/// A parsed artwork file.
#[derive(Debug)]
pub struct Artwork {
    /// The canvas, from the SVG's width and height (user units).
    pub width: f32,
    pub height: f32,
    /// Top-level groups, in document order (bottom first).
    pub layers: Vec<ArtLayer>,
    /// `<use>` copies: (the copy's id, the id it copies). A mirrored copy is the other side.
    pub copies: Vec<(String, String)>,
}

/// A top-level group of the artwork.
#[derive(Debug)]
pub struct ArtLayer {
    pub id: String,
    /// Where the group starts in the SVG (1-based line, column).
    pub at: (usize, usize),
    /// Its shapes in document order.
    pub items: Vec<ArtItem>,
}

/// One shape: a region of the sidecar (all paths inside the element with its id) or one
/// decorative path.
#[derive(Debug)]
pub struct ArtItem {
    /// The element's id: a region id when `is_region`, else the path's own id (may be empty).
    pub id: String,
    pub is_region: bool,
    /// Where the element starts in the SVG (its own line, or its nearest ancestor with an id).
    pub at: (usize, usize),
    /// Path data in diagram coordinates, transforms applied.
    pub segments: Vec<Segment>,
    /// The look of the first painted path in it.
    pub style: ArtStyle,
    /// The fill's gradient, when it has one.
    pub gradient: Option<Gradient>,
}

/// A problem in an artwork file, at a place in it.
#[derive(Clone, Debug, PartialEq)]
pub struct ArtworkError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl ArtworkError {
    fn at((line, column): (usize, usize), message: impl Into<String>) -> Self {
        Self {
            line,
            column,
            message: message.into(),
        }
    }
}

/// Parses an artwork file. `region_ids` are the ids the sidecar names (regions and their
/// mirrors): an element with one of these ids becomes that region.
///
/// # Errors
/// When the SVG does not parse or has no usable size, one error; otherwise a list of problems
/// with single shapes (outside any layer, images, text, too many commands), the rest still read.
pub fn parse_artwork(
    text: &str,
    region_ids: &HashSet<&str>,
) -> Result<(Artwork, Vec<ArtworkError>), ArtworkError> {
    let xml = usvg::roxmltree::Document::parse_with_options(
        text,
        usvg::roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        },
    )
    .map_err(|err| {
        let pos = err.pos();
        ArtworkError::at(
            (pos.row as usize, pos.col as usize),
            format!("the SVG does not parse: {err}"),
        )
    })?;
    let mut places: HashMap<&str, (usize, usize)> = HashMap::new();
    let mut copies = Vec::new();
    const XLINK: &str = "http://www.w3.org/1999/xlink";
    for node in xml.descendants().filter(usvg::roxmltree::Node::is_element) {
        if node.tag_name().name() == "use"
            && let Some(id) = node.attribute("id")
            && let Some(target) = node
                .attribute((XLINK, "href"))
                .or_else(|| node.attribute("href"))
                .and_then(|h| h.strip_prefix('#'))
        {
            copies.push((id.to_owned(), target.to_owned()));
        }
        if let Some(id) = node.attribute("id") {
            let pos = xml.text_pos_at(node.range().start);
            places
                .entry(id)
                .or_insert((pos.row as usize, pos.col as usize));
        }
    }
    let root_at = xml.root_element().range().start;
    let root_pos = xml.text_pos_at(root_at);
    let root_place = (root_pos.row as usize, root_pos.col as usize);

    let options = usvg::Options {
        // Artwork is shapes only: no external or embedded images are ever read.
        image_href_resolver: usvg::ImageHrefResolver {
            resolve_data: Box::new(|_, _, _| None),
            resolve_string: Box::new(|_, _| None),
        },
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(text, &options).map_err(|err| {
        let message = match err {
            usvg::Error::InvalidSize => {
                "the SVG needs a width and height (or a viewBox) above 0".to_owned()
            }
            usvg::Error::ElementsLimitReached => {
                "the SVG has more than a million elements".to_owned()
            }
            other => format!("the SVG cannot be read: {other}"),
        };
        ArtworkError::at(root_place, message)
    })?;
    let size = tree.size();
    let (width, height) = (size.width(), size.height());
    if !(width.is_finite() && height.is_finite())
        || width > MAX_CANVAS_SIDE
        || height > MAX_CANVAS_SIDE
    {
        return Err(ArtworkError::at(
            root_place,
            format!(
                "the canvas is {width} x {height}; the largest accepted is {MAX_CANVAS_SIDE} on a side"
            ),
        ));
    }

    let mut reader = Reader {
        places: &places,
        region_ids,
        claimed: HashSet::new(),
        problems: Vec::new(),
        segments: 0,
    };
    // A viewBox that differs from the size wraps everything in one unnamed group.
    // Transforms are accumulated from each group's own (usvg's absolute transforms of paths
    // inside a `<use>` are not reliable).
    let mut top = tree.root();
    let mut top_ts = top.transform();
    while let [usvg::Node::Group(only)] = top.children()
        && only.id().is_empty()
    {
        top = only;
        top_ts = top_ts.pre_concat(only.transform());
    }
    let mut layers = Vec::new();
    for node in top.children() {
        match node {
            usvg::Node::Group(group) if !group.id().is_empty() => {
                let at = reader.place(group.id(), root_place);
                let mut items = Vec::new();
                let ts = top_ts.pre_concat(group.transform());
                reader.collect(group, ts, at, group.opacity().get(), &mut items);
                layers.push(ArtLayer {
                    id: group.id().to_owned(),
                    at,
                    items,
                });
            }
            other => {
                let at = reader.place(other.id(), root_place);
                reader.problems.push(ArtworkError::at(
                    at,
                    format!(
                        "{} lies outside every layer: put it inside a top-level group (an Inkscape layer) whose id is a layer of the view",
                        element_name(other.id())
                    ),
                ));
            }
        }
    }
    let problems = reader.problems;
    Ok((
        Artwork {
            width,
            height,
            layers,
            copies,
        },
        problems,
    ))
}

struct Reader<'a> {
    places: &'a HashMap<&'a str, (usize, usize)>,
    region_ids: &'a HashSet<&'a str>,
    claimed: HashSet<String>,
    problems: Vec<ArtworkError>,
    segments: usize,
}

impl Reader<'_> {
    fn place(&self, id: &str, fallback: (usize, usize)) -> (usize, usize) {
        self.places.get(id).copied().unwrap_or(fallback)
    }

    /// Walks a group: region elements become one item each, other paths one item per path.
    fn collect(
        &mut self,
        group: &usvg::Group,
        ts: usvg::Transform,
        at: (usize, usize),
        opacity: f32,
        out: &mut Vec<ArtItem>,
    ) {
        for node in group.children() {
            let id = node.id();
            let here = self.place(id, at);
            if !id.is_empty() && self.region_ids.contains(id) && self.claimed.insert(id.to_owned())
            {
                let mut paths = Vec::new();
                gather_paths(node, ts, opacity, &mut paths);
                let mut item = ArtItem {
                    id: id.to_owned(),
                    is_region: true,
                    at: here,
                    segments: Vec::new(),
                    style: ArtStyle {
                        fill: None,
                        stroke: None,
                    },
                    gradient: None,
                };
                let mut styled = false;
                for (path, ts, opacity) in paths {
                    if !styled && (path.fill().is_some() || path.stroke().is_some()) {
                        (item.style, item.gradient) = style_of(path, ts, opacity);
                        styled = true;
                    }
                    item.segments.extend(self.segments_of(path, ts, here));
                }
                out.push(item);
                continue;
            }
            match node {
                // A named group around one path (a `<use>` copy, or a path Inkscape grouped):
                // the shape takes the group's id, as the path inside may repeat another's.
                usvg::Node::Group(_)
                    if !id.is_empty()
                        && let [(path, path_ts, opacity)] =
                            gather_one(node, ts, opacity).as_slice() =>
                {
                    let (style, gradient) = style_of(path, *path_ts, *opacity);
                    let segments = self.segments_of(path, *path_ts, here);
                    out.push(ArtItem {
                        id: id.to_owned(),
                        is_region: false,
                        at: here,
                        segments,
                        style,
                        gradient,
                    });
                }
                usvg::Node::Group(inner) => {
                    let opacity = opacity * inner.opacity().get();
                    self.collect(inner, ts.pre_concat(inner.transform()), here, opacity, out);
                }
                usvg::Node::Path(path) => {
                    let (style, gradient) = style_of(path, ts, opacity);
                    let segments = self.segments_of(path, ts, here);
                    out.push(ArtItem {
                        id: id.to_owned(),
                        is_region: false,
                        at: here,
                        segments,
                        style,
                        gradient,
                    });
                }
                usvg::Node::Image(_) => self.problems.push(ArtworkError::at(
                    here,
                    format!(
                        "{} is an image: images inside the artwork are not drawn (use a layer's `image` in the view file)",
                        element_name(id)
                    ),
                )),
                usvg::Node::Text(_) => self.problems.push(ArtworkError::at(
                    here,
                    format!(
                        "{} is text: text inside the artwork is not drawn (names come from the content and are placed by the app)",
                        element_name(id)
                    ),
                )),
            }
        }
    }

    fn segments_of(
        &mut self,
        path: &usvg::Path,
        ts: usvg::Transform,
        at: (usize, usize),
    ) -> Vec<Segment> {
        let data = path.data();
        if self.segments + data.len() > MAX_SEGMENTS {
            if self.segments <= MAX_SEGMENTS {
                self.problems.push(ArtworkError::at(
                    at,
                    format!(
                        "the artwork has more than {MAX_SEGMENTS} path commands; the rest is not read"
                    ),
                ));
                self.segments = MAX_SEGMENTS + 1;
            }
            return Vec::new();
        }
        self.segments += data.len();
        let map = |p: usvg::tiny_skia_path::Point| {
            let mut q = p;
            ts.map_point(&mut q);
            pos2(q.x, q.y)
        };
        data.segments()
            .map(|seg| match seg {
                PathSegment::MoveTo(p) => Segment::MoveTo(map(p)),
                PathSegment::LineTo(p) => Segment::LineTo(map(p)),
                PathSegment::QuadTo(a, b) => Segment::QuadTo(map(a), map(b)),
                PathSegment::CubicTo(a, b, c) => Segment::CubicTo(map(a), map(b), map(c)),
                PathSegment::Close => Segment::Close,
            })
            .collect()
    }
}

/// Every path below a node (with transform and opacity), to see whether a group holds just one.
fn gather_one(
    node: &usvg::Node,
    ts: usvg::Transform,
    opacity: f32,
) -> Vec<(&usvg::Path, usvg::Transform, f32)> {
    let mut out = Vec::new();
    gather_paths(node, ts, opacity, &mut out);
    out
}

/// Every path below a node, with the transform and opacity of the groups on the way.
fn gather_paths<'a>(
    node: &'a usvg::Node,
    ts: usvg::Transform,
    opacity: f32,
    out: &mut Vec<(&'a usvg::Path, usvg::Transform, f32)>,
) {
    match node {
        usvg::Node::Path(path) => out.push((path, ts, opacity)),
        usvg::Node::Group(group) => {
            let opacity = opacity * group.opacity().get();
            let ts = ts.pre_concat(group.transform());
            for child in group.children() {
                gather_paths(child, ts, opacity, out);
            }
        }
        usvg::Node::Image(_) | usvg::Node::Text(_) => {}
    }
}

/// How an element is named in messages: by its id when it has one.
fn element_name(id: &str) -> String {
    if id.is_empty() {
        "a shape without an id".to_owned()
    } else {
        format!("element \"{id}\"")
    }
}

fn rgba(color: usvg::Color, alpha: f32) -> Rgba {
    [
        color.red,
        color.green,
        color.blue,
        (alpha.clamp(0.0, 1.0) * 255.0).round() as u8,
    ]
}

fn affine(ts: usvg::Transform) -> Affine {
    Affine([ts.sx, ts.ky, ts.kx, ts.sy, ts.tx, ts.ty])
}

fn stops_of(base: &usvg::BaseGradient, alpha: f32) -> Vec<(f32, Rgba)> {
    base.stops()
        .iter()
        .map(|s| (s.offset().get(), rgba(s.color(), s.opacity().get() * alpha)))
        .collect()
}

/// A fill's colour (a gradient's middle colour) and its gradient, when it has one.
fn fill_of(fill: &usvg::Fill, ts: usvg::Transform, opacity: f32) -> (Rgba, Option<Gradient>) {
    let alpha = fill.opacity().get() * opacity;
    let (stops, shape, gradient_ts) = match fill.paint() {
        usvg::Paint::Color(c) => return (rgba(*c, alpha), None),
        usvg::Paint::LinearGradient(g) => (
            stops_of(g, alpha),
            GradientShape::Linear {
                from: pos2(g.x1(), g.y1()),
                to: pos2(g.x2(), g.y2()),
            },
            g.transform(),
        ),
        usvg::Paint::RadialGradient(g) => (
            stops_of(g, alpha),
            GradientShape::Radial {
                centre: pos2(g.cx(), g.cy()),
                radius: g.r().get(),
            },
            g.transform(),
        ),
        // Patterns are drawn in their average tone: a mid grey.
        usvg::Paint::Pattern(_) => return ([128, 128, 128, 255], None),
    };
    let middle = Gradient {
        gradient_from_diagram: Affine([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]),
        shape: GradientShape::Linear {
            from: Pos2::ZERO,
            to: pos2(1.0, 0.0),
        },
        stops: stops.clone(),
    }
    .at_offset(0.5);
    // From diagram coordinates back into the path's own, where its gradient is defined.
    let gradient = match (ts.invert(), gradient_ts.invert()) {
        (Some(local), Some(g_inv)) if !stops.is_empty() => Some(Gradient {
            gradient_from_diagram: compose(affine(g_inv), affine(local)),
            shape,
            stops,
        }),
        _ => None,
    };
    (middle, gradient)
}

/// The look of one path: fill (a gradient's middle colour, with the gradient) and stroke.
fn style_of(path: &usvg::Path, ts: usvg::Transform, opacity: f32) -> (ArtStyle, Option<Gradient>) {
    let (fill, gradient) = match path.fill() {
        Some(fill) => {
            let (color, gradient) = fill_of(fill, ts, opacity);
            (Some(color), gradient)
        }
        None => (None, None),
    };
    let stroke = path.stroke().map(|stroke| {
        let alpha = stroke.opacity().get() * opacity;
        let color = match stroke.paint() {
            usvg::Paint::Color(c) => rgba(*c, alpha),
            usvg::Paint::LinearGradient(g) => {
                stops_of(g, alpha).first().map_or([0, 0, 0, 255], |s| s.1)
            }
            usvg::Paint::RadialGradient(g) => {
                stops_of(g, alpha).first().map_or([0, 0, 0, 255], |s| s.1)
            }
            usvg::Paint::Pattern(_) => [128, 128, 128, 255],
        };
        let scale = ts.get_scale();
        let scale = ((scale.0 + scale.1) / 2.0).abs();
        let dash = stroke.dasharray().and_then(|d| match d {
            [on, off, ..] => Some([on * scale, off * scale]),
            _ => None,
        });
        ArtStroke {
            color,
            width: stroke.width().get() * scale,
            dash,
        }
    });
    (ArtStyle { fill, stroke }, gradient)
}

/// `outer` after `inner`: maps a point by `inner`, then by `outer`.
fn compose(outer: Affine, inner: Affine) -> Affine {
    let [a1, b1, c1, d1, e1, f1] = outer.0;
    let [a2, b2, c2, d2, e2, f2] = inner.0;
    Affine([
        a1 * a2 + c1 * b2,
        b1 * a2 + d1 * b2,
        a1 * c2 + c1 * d2,
        b1 * c2 + d1 * d2,
        a1 * e2 + c1 * f2 + e1,
        b1 * e2 + d1 * f2 + f1,
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(svg: &str, ids: &[&str]) -> (Artwork, Vec<ArtworkError>) {
        let ids: HashSet<&str> = ids.iter().copied().collect();
        parse_artwork(svg, &ids).unwrap()
    }

    const HEAD: &str = r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" width="100" height="200" viewBox="0 0 100 200">"#;

    #[test]
    fn layers_regions_and_decoration() {
        let svg = format!(
            r##"{HEAD}
  <g id="skin" inkscape:groupmode="layer" inkscape:label="Skin">
    <rect id="body" x="10" y="10" width="80" height="180" fill="#f0d0c0"/>
  </g>
  <g id="muscles" inkscape:groupmode="layer">
    <path id="m_left" d="M 10 10 L 40 10 L 40 40 Z" fill="#c05050" stroke="#602020" stroke-width="2"/>
    <use id="m_right" xlink:href="#m_left" transform="matrix(-1 0 0 1 100 0)"/>
    <path id="fibre" d="M 12 12 L 30 30" fill="none" stroke="#702020" stroke-dasharray="3 1"/>
  </g>
</svg>"##
        );
        let (art, problems) = parse(&svg, &["m_left", "m_right"]);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!((art.width, art.height), (100.0, 200.0));
        let ids: Vec<&str> = art.layers.iter().map(|l| l.id.as_str()).collect();
        assert_eq!(ids, ["skin", "muscles"]);
        assert_eq!(art.layers[0].at.0, 2, "the layer's line");
        let items = &art.layers[1].items;
        let names: Vec<(&str, bool)> = items.iter().map(|i| (i.id.as_str(), i.is_region)).collect();
        assert_eq!(
            names,
            [("m_left", true), ("m_right", true), ("fibre", false)]
        );
        // The <use> is mirrored: its first point is at x = 100 - 10.
        let Segment::MoveTo(p) = items[1].segments[0] else {
            panic!("starts with a move")
        };
        assert_eq!(p, pos2(90.0, 10.0));
        assert_eq!(items[1].style.fill, Some([0xc0, 0x50, 0x50, 255]));
        assert_eq!(items[0].at.0, 6);
        let dash = items[2].style.stroke.as_ref().and_then(|s| s.dash);
        assert_eq!(dash, Some([3.0, 1.0]));
        assert!(!items[2].style.is_filled());
        // The rectangle became a path.
        assert!(art.layers[0].items[0].segments.len() >= 4);
    }

    #[test]
    fn shapes_outside_layers_images_and_text_are_reported_with_their_line() {
        let svg = format!(
            r##"{HEAD}
  <rect id="stray" x="1" y="1" width="5" height="5" fill="red"/>
  <g id="skin">
    <text id="words" x="5" y="5">Hi</text>
  </g>
</svg>"##
        );
        let (_, problems) = parse(&svg, &[]);
        let lines: Vec<usize> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [2], "{problems:?}");
        assert!(problems[0].message.contains("outside every layer"));
    }

    #[test]
    fn xml_errors_give_their_position() {
        let err = parse_artwork("<svg>\n  <g id=\"a\">\n</svg>", &HashSet::new()).unwrap_err();
        assert_eq!(err.line, 3);
        assert!(err.message.contains("does not parse"), "{}", err.message);
    }

    #[test]
    fn a_gradient_fill_is_evaluated_in_diagram_coordinates() {
        let svg = format!(
            r##"{HEAD}
  <defs>
    <linearGradient id="g" x1="0" y1="0" x2="1" y2="0">
      <stop offset="0" stop-color="#000000"/>
      <stop offset="1" stop-color="#ffffff"/>
    </linearGradient>
  </defs>
  <g id="skin">
    <rect id="r" x="20" y="0" width="40" height="10" fill="url(#g)" transform="translate(10 0)"/>
  </g>
</svg>"##
        );
        let (art, problems) = parse(&svg, &["r"]);
        assert!(problems.is_empty(), "{problems:?}");
        let item = &art.layers[0].items[0];
        let g = item.gradient.as_ref().unwrap();
        // The rectangle spans x = 30..70 in the diagram; the gradient runs across it.
        assert_eq!(g.color_at(pos2(30.0, 5.0))[0], 0);
        assert_eq!(g.color_at(pos2(50.0, 5.0))[0], 128);
        assert_eq!(g.color_at(pos2(70.0, 5.0))[0], 255);
    }
}
