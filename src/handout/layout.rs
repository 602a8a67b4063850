//! The handout's pages as SVG: text set in lines measured with the font's own advances,
//! flowing onto a new page when one is full.

use std::fmt::Write as _;
use std::sync::OnceLock;

use base64::Engine as _;

use super::{FONT_FAMILY, Paper};
use crate::model::content::Urgency;
use crate::model::{Atlas, PreparedView};
use crate::session::{Marker, PainKind, SelfCare, Session, self_care_title};

const MARGIN: f32 = 36.0;
/// Line height as a multiple of the type size.
const LEADING: f32 = 1.22;
/// Type sizes at scale 1 (a handout that would run over two pages is set a little smaller).
const BODY: f32 = 8.5;
const SMALL: f32 = 7.0;
const INK: &str = "#1d1d1f";
const MUTED: &str = "#55555a";
const ACCENT: &str = "#1f5f7a";
const DANGER: &str = "#a3122a";
/// Treat and avoid highlights, on the page and in the legend.
const TREAT: &str = "#1e7a46";
const AVOID: &str = "#b0302a";

/// The handout's font, parsed once, for advance widths and which characters it has.
fn face() -> Option<&'static ttf_parser::Face<'static>> {
    static FACE: OnceLock<Option<ttf_parser::Face<'static>>> = OnceLock::new();
    FACE.get_or_init(|| ttf_parser::Face::parse(epaint_default_fonts::UBUNTU_LIGHT, 0).ok())
        .as_ref()
}

/// The width of `text` at `size` points.
fn text_width(text: &str, size: f32) -> f32 {
    let Some(face) = face() else {
        return text.chars().count() as f32 * size * 0.5;
    };
    let units_per_em = f32::from(face.units_per_em());
    let advance = |c: char| {
        face.glyph_index(c)
            .and_then(|g| face.glyph_hor_advance(g))
            .map_or(units_per_em * 0.5, f32::from)
    };
    text.chars().map(advance).sum::<f32>() / units_per_em * size
}

/// A character the font has: arrows and other signs it lacks become plain ones, so a line is
/// never set in a fallback font.
fn printable(c: char) -> Option<char> {
    let has = |c: char| face().is_none_or(|f| f.glyph_index(c).is_some());
    if has(c) {
        return Some(c);
    }
    let plain = match c {
        '→' | '⇒' => '>',
        '←' => '<',
        '≥' => '>',
        '≤' => '<',
        '−' | '‑' | '‒' => '-',
        '\u{a0}' | '\u{2009}' | '\u{202f}' => ' ',
        _ => '?',
    };
    Some(plain)
}

/// Breaks text into lines no wider than `width`.
fn wrap(text: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if text_width(&candidate, size) <= width || line.is_empty() {
                line = candidate;
            } else {
                lines.push(std::mem::take(&mut line));
                line = word.to_owned();
            }
        }
        lines.push(line);
    }
    lines
}

/// Text for XML, in characters the font has.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text
        .chars()
        .filter(|c| !c.is_control())
        .filter_map(printable)
    {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// A page being filled from the top.
struct Pages {
    width: f32,
    height: f32,
    y: f32,
    current: String,
    done: Vec<String>,
    footer: String,
    /// Body and small type sizes for this setting.
    body: f32,
    small: f32,
}

impl Pages {
    fn new(paper: Paper, footer: String, scale: f32) -> Self {
        let (width, height) = paper.size_pt();
        Self {
            width,
            height,
            y: MARGIN,
            current: String::new(),
            done: Vec::new(),
            footer,
            body: BODY * scale,
            small: SMALL * scale,
        }
    }

    fn content_width(&self) -> f32 {
        self.width - 2.0 * MARGIN
    }

    fn bottom(&self) -> f32 {
        self.height - MARGIN - 14.0
    }

    /// Starts a new page unless `height` more points fit on this one.
    fn ensure(&mut self, height: f32) {
        if self.y + height > self.bottom() && self.y > MARGIN + 1.0 {
            self.break_page();
        }
    }

    fn break_page(&mut self) {
        let page = std::mem::take(&mut self.current);
        self.done.push(page);
        self.y = MARGIN;
    }

    fn line(&mut self, x: f32, text: &str, size: f32, color: &str) {
        let _ = write!(
            self.current,
            r#"<text x="{x:.2}" y="{:.2}" font-family="{FONT_FAMILY}" font-weight="300" font-size="{size}" fill="{color}">{}</text>"#,
            self.y + size,
            esc(text)
        );
        self.y += size * LEADING;
    }

    /// A wrapped paragraph at `indent` from the margin.
    fn paragraph(&mut self, text: &str, size: f32, color: &str, indent: f32) {
        let width = self.content_width() - indent;
        for line in wrap(text, size, width) {
            self.ensure(size * LEADING);
            self.line(MARGIN + indent, &line, size, color);
        }
    }

    /// A paragraph after a bullet or a number (`mark`), wrapped under its own first word.
    fn item(&mut self, mark: &str, text: &str, size: f32, color: &str, indent: f32) {
        let hang = 13.0;
        let lines = wrap(text, size, self.content_width() - indent - hang);
        self.ensure(size * LEADING * lines.len().min(2) as f32);
        let _ = write!(
            self.current,
            r#"<text x="{:.2}" y="{:.2}" font-family="{FONT_FAMILY}" font-weight="300" font-size="{size}" fill="{MUTED}">{}</text>"#,
            MARGIN + indent,
            self.y + size,
            esc(mark)
        );
        for line in lines {
            self.ensure(size * LEADING);
            self.line(MARGIN + indent + hang, &line, size, color);
        }
    }

    /// A bulleted list set in two columns, the first filled to about half, kept together with
    /// `title` when it is given. Each item is one or more (text, colour) parts.
    fn two_columns(&mut self, title: Option<(&str, &str)>, items: &[Vec<(&str, &str)>], size: f32) {
        let gap = 14.0;
        let hang = 9.0;
        let column = (self.content_width() - gap) / 2.0;
        let wrapped: Vec<Vec<(String, &str)>> = items
            .iter()
            .map(|parts| {
                parts
                    .iter()
                    .flat_map(|(text, color)| {
                        wrap(text, size, column - hang)
                            .into_iter()
                            .map(move |l| (l, *color))
                    })
                    .collect()
            })
            .collect();
        let total: usize = wrapped.iter().map(Vec::len).sum();
        let mut split = wrapped.len();
        let mut so_far = 0;
        for (i, lines) in wrapped.iter().enumerate() {
            if so_far * 2 >= total {
                split = i;
                break;
            }
            so_far += lines.len();
        }
        let height = |part: &[Vec<(String, &str)>]| {
            part.iter().map(Vec::len).sum::<usize>() as f32 * size * LEADING + part.len() as f32
        };
        let (first, second) = wrapped.split_at(split);
        let heading = if title.is_some() {
            13.0 * LEADING + 12.0
        } else {
            0.0
        };
        self.ensure(heading + height(first).max(height(second)));
        if let Some((text, color)) = title {
            self.heading(text, color);
        }
        let top = self.y;
        let mut bottom = top;
        for (k, part) in [first, second].into_iter().enumerate() {
            self.y = top;
            let x = MARGIN + k as f32 * (column + gap);
            for lines in part {
                let _ = write!(
                    self.current,
                    r#"<text x="{x:.2}" y="{:.2}" font-family="{FONT_FAMILY}" font-weight="300" font-size="{size}" fill="{MUTED}">•</text>"#,
                    self.y + size
                );
                for (line, color) in lines {
                    self.line(x + hang, line, size, color);
                }
                self.y += 1.0;
            }
            bottom = bottom.max(self.y);
        }
        self.y = bottom;
    }

    fn heading(&mut self, text: &str, color: &str) {
        self.ensure(13.0 * LEADING + self.body * 3.0);
        self.y += 4.0;
        self.line(MARGIN, text, 13.0, color);
        let _ = write!(
            self.current,
            r#"<rect x="{MARGIN}" y="{:.2}" width="{:.2}" height="0.6" fill="{color}" fill-opacity="0.5"/>"#,
            self.y - 2.0,
            self.content_width()
        );
        self.y += 3.0;
    }

    fn gap(&mut self, points: f32) {
        self.y += points;
    }

    fn finish(mut self) -> Vec<String> {
        if !self.current.is_empty() {
            self.break_page();
        }
        let total = self.done.len();
        let (w, h) = (self.width, self.height);
        self.done
            .into_iter()
            .enumerate()
            .map(|(i, body)| {
                let mut page = format!(
                    r##"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="{w}" height="{h}" viewBox="0 0 {w} {h}"><rect width="{w}" height="{h}" fill="#ffffff"/>"##
                );
                page.push_str(&body);
                let _ = write!(
                    page,
                    r#"<text x="{MARGIN}" y="{:.2}" font-family="{FONT_FAMILY}" font-weight="300" font-size="{SMALL}" fill="{MUTED}">{}</text><text x="{:.2}" y="{:.2}" text-anchor="end" font-family="{FONT_FAMILY}" font-weight="300" font-size="{SMALL}" fill="{MUTED}">Page {} of {total}</text></svg>"#,
                    h - MARGIN + 4.0,
                    esc(&self.footer),
                    w - MARGIN,
                    h - MARGIN + 4.0,
                    i + 1
                );
                page
            })
            .collect()
    }
}

/// The handout's pages, as SVG documents in PDF points.
#[must_use]
pub fn pages(session: &Session, atlas: &Atlas, paper: Paper) -> Vec<String> {
    // Set a little smaller when that keeps the handout to two pages.
    let mut set = Vec::new();
    for scale in [1.0, 0.94, 0.88] {
        set = pages_at(session, atlas, paper, scale);
        if set.len() <= 2 {
            break;
        }
    }
    set
}

fn pages_at(session: &Session, atlas: &Atlas, paper: Paper, scale: f32) -> Vec<String> {
    let footer = atlas.safety.entry_footer.clone();
    let mut p = Pages::new(paper, footer, scale);
    let client = session.client.trim();
    p.line(MARGIN, "Your self-care plan", 20.0, ACCENT);
    let who = if client.is_empty() {
        session.date.long()
    } else {
        format!("For {client} · {}", session.date.long())
    };
    p.line(MARGIN, &who, 10.5, INK);
    p.gap(6.0);
    let notes_placed = diagrams(&mut p, session, atlas);
    if !notes_placed && !session.client_notes.trim().is_empty() {
        p.heading("Notes from your therapist", ACCENT);
        p.paragraph(session.client_notes.trim(), p.body, INK, 0.0);
    }
    self_care(&mut p, session, atlas);
    if !atlas.safety.aftercare.is_empty() {
        p.heading("After the session", ACCENT);
        for a in &atlas.safety.aftercare {
            p.item("•", a, p.body, INK, 0.0);
        }
    }
    red_flags(&mut p, atlas);
    sources(&mut p, session, atlas);
    p.finish()
}

/// The views the session marked on, in the order first used.
fn views_used<'a>(session: &Session, atlas: &'a Atlas) -> Vec<&'a PreparedView> {
    let mut ids: Vec<&str> = Vec::new();
    let region_views = session
        .treat
        .iter()
        .chain(&session.avoid)
        .filter_map(|r| atlas.find_region(r))
        .filter_map(|r| atlas.views.get(r.view))
        .map(|v| v.id.as_str());
    for id in session
        .markers
        .iter()
        .map(|m| m.view.as_str())
        .chain(region_views)
        .chain(session.strokes.iter().map(|s| s.view.as_str()))
    {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids.iter()
        .filter_map(|id| atlas.view_index(id).and_then(|i| atlas.views.get(i)))
        .collect()
}

/// The pain map: each view used, its markers numbered, beside the list of what they mean;
/// the notes for the client go beside the first drawing too. Returns whether they did.
fn diagrams(p: &mut Pages, session: &Session, atlas: &Atlas) -> bool {
    let views = views_used(session, atlas);
    if views.is_empty() {
        return false;
    }
    let mut notes_placed = false;
    p.heading("Where you feel it", ACCENT);
    let mut number = 0_usize;
    for view in views.iter().take(3) {
        let crop = crop_of(session, atlas, view);
        let box_h = (p.bottom() - MARGIN) * 0.36;
        let box_w = 250.0_f32;
        let scale = (box_w / crop.width()).min(box_h / crop.height());
        let (w, h) = (crop.width() * scale, crop.height() * scale);
        p.ensure(h + 10.0);
        let (x0, y0) = (MARGIN, p.y);
        let inner = diagram_svg(session, atlas, view, crop);
        let data = base64::engine::general_purpose::STANDARD.encode(inner.as_bytes());
        let _ = write!(
            p.current,
            r##"<clipPath id="diagram-{number}"><rect x="{x0:.2}" y="{y0:.2}" width="{w:.2}" height="{h:.2}"/></clipPath><rect x="{x0:.2}" y="{y0:.2}" width="{w:.2}" height="{h:.2}" fill="#f6f4f1"/><g clip-path="url(#diagram-{number})"><image x="{x0:.2}" y="{y0:.2}" width="{w:.2}" height="{h:.2}" xlink:href="data:image/svg+xml;base64,{data}"/></g>"##
        );
        // Markers over the drawing, numbered like the list beside it.
        let mine: Vec<(usize, &Marker)> = session
            .markers
            .iter()
            .filter(|m| m.view == view.id)
            .map(|m| {
                number += 1;
                (number, m)
            })
            .collect();
        for (n, m) in &mine {
            let [r, g, b] = m.kind.rgb();
            let (cx, cy) = (
                x0 + (m.at.0 - crop.min.x) * scale,
                y0 + (m.at.1 - crop.min.y) * scale,
            );
            let _ = write!(
                p.current,
                r##"<circle cx="{cx:.2}" cy="{cy:.2}" r="6.5" fill="#{r:02x}{g:02x}{b:02x}" stroke="#ffffff" stroke-width="1.2"/><text x="{cx:.2}" y="{:.2}" text-anchor="middle" font-family="{FONT_FAMILY}" font-weight="300" font-size="7.5" fill="#ffffff">{n}</text>"##,
                cy + 2.7
            );
        }
        // The list beside the drawing.
        let top = p.y;
        let column = x0 + w + 16.0;
        let indent = column - MARGIN;
        p.line(column, &view.title, 10.5, INK);
        for (n, m) in &mine {
            p.item(
                &format!("{n}."),
                &marker_text(atlas, m),
                p.body,
                INK,
                indent,
            );
        }
        let names = |ids: &[String]| -> Vec<String> {
            ids.iter()
                .filter_map(|id| atlas.find_region(id))
                .filter(|r| r.view == atlas.view_index(&view.id).unwrap_or(usize::MAX))
                .filter_map(|r| atlas.region(r))
                .map(|r| atlas.plain_region_label(r))
                .collect()
        };
        for (title, color, ids) in [
            ("Areas we worked on", TREAT, names(&session.treat)),
            ("Areas to leave alone for now", AVOID, names(&session.avoid)),
        ] {
            if ids.is_empty() {
                continue;
            }
            p.gap(4.0);
            let _ = write!(
                p.current,
                r#"<rect x="{column:.2}" y="{:.2}" width="9" height="9" fill="{color}" fill-opacity="0.35" stroke="{color}"/>"#,
                p.y + 1.0
            );
            p.line(column + 13.0, title, p.body, color);
            for name in ids {
                p.item("•", &name, p.body, INK, indent);
            }
        }
        p.gap(4.0);
        let legend: Vec<String> = PainKind::ALL
            .iter()
            .filter(|k| mine.iter().any(|(_, m)| m.kind == **k))
            .map(|k| k.label().to_owned())
            .collect();
        if !legend.is_empty() {
            p.paragraph(
                &format!(
                    "Numbers mark what you described; intensity is out of 10. Kinds: {}.",
                    legend.join(", ")
                ),
                p.small,
                MUTED,
                indent,
            );
        }
        let notes = session.client_notes.trim();
        if !notes_placed && !notes.is_empty() {
            p.gap(6.0);
            p.line(column, "Notes from your therapist", 10.5, ACCENT);
            p.paragraph(notes, p.body, INK, indent);
            notes_placed = true;
        }
        p.y = p.y.max(top).max(y0 + h) + 8.0;
    }
    notes_placed
}

fn marker_text(atlas: &Atlas, m: &Marker) -> String {
    let place = m
        .region
        .as_deref()
        .and_then(|r| atlas.find_region(r))
        .and_then(|r| atlas.region(r))
        .map(|r| atlas.plain_region_label(r));
    let mut text = format!(
        "{}, {}/10, {} side",
        m.kind.label(),
        m.intensity,
        m.side.word()
    );
    if let Some(place) = place {
        let _ = write!(text, ": {place}");
    }
    if !m.note.trim().is_empty() {
        let _ = write!(text, ". {}", m.note.trim());
    }
    text
}

/// The view's own artwork with the session's marked regions and pen strokes added, as a
/// standalone SVG document. Layers hidden by default stay hidden unless a marked region is on
/// them; a layer that fades under a shown one is drawn faint, as in the app.
fn diagram_svg(session: &Session, atlas: &Atlas, view: &PreparedView, crop: emath::Rect) -> String {
    let view_index = atlas.view_index(&view.id);
    let marked: Vec<(usize, &str)> = session
        .treat
        .iter()
        .map(|r| (r, TREAT))
        .chain(session.avoid.iter().map(|r| (r, AVOID)))
        .filter_map(|(id, color)| {
            let r = atlas.find_region(id)?;
            (Some(r.view) == view_index).then_some((r.region, color))
        })
        .collect();
    let marker_regions: Vec<usize> = session
        .markers
        .iter()
        .filter(|m| m.view == view.id)
        .filter_map(|m| m.region.as_deref())
        .filter_map(|id| view.region_index(id))
        .collect();
    let shown: Vec<bool> = view
        .layers
        .iter()
        .enumerate()
        .map(|(li, l)| {
            l.visible
                || marked
                    .iter()
                    .map(|(i, _)| *i)
                    .chain(marker_regions.iter().copied())
                    .any(|i| view.regions.get(i).is_some_and(|r| r.layer == li))
        })
        .collect();
    let mut style = String::new();
    for (li, layer) in view.layers.iter().enumerate() {
        let ghosted = layer.fades_under.iter().any(|f| {
            view.layer_index(f)
                .is_some_and(|o| o != li && shown.get(o).copied().unwrap_or(false))
        });
        if !shown.get(li).copied().unwrap_or(false) {
            let _ = write!(style, "#{}{{display:none}}", layer.id);
        } else if ghosted {
            let _ = write!(style, "#{}{{opacity:0.3}}", layer.id);
        }
    }
    let mut overlay = String::new();
    for (i, color) in &marked {
        let Some(region) = view.regions.get(*i) else {
            continue;
        };
        let mut d = String::new();
        for ring in &region.rings {
            for (k, pt) in ring.points.iter().enumerate() {
                let _ = write!(
                    d,
                    "{}{:.1} {:.1} ",
                    if k == 0 { "M" } else { "L" },
                    pt.x,
                    pt.y
                );
            }
            if ring.closed {
                d.push_str("Z ");
            }
        }
        let dash = if *color == AVOID {
            r#" stroke-dasharray="10 6""#
        } else {
            ""
        };
        let _ = write!(
            overlay,
            r#"<path d="{d}" fill="{color}" fill-opacity="0.35" fill-rule="evenodd" stroke="{color}" stroke-width="4"{dash}/>"#
        );
    }
    for stroke in session.strokes.iter().filter(|s| s.view == view.id) {
        let points: String = stroke
            .points
            .iter()
            .map(|(x, y)| format!("{x:.1},{y:.1} "))
            .collect();
        let _ = write!(
            overlay,
            r##"<polyline points="{points}" fill="none" stroke="#1f5fa8" stroke-width="6" stroke-linecap="round" stroke-linejoin="round" stroke-opacity="0.85"/>"##
        );
    }
    let (w, h) = (crop.width(), crop.height());
    let view_box = format!(
        r#"width="{w:.1}" height="{h:.1}" viewBox="{:.1} {:.1} {w:.1} {h:.1}""#,
        crop.min.x, crop.min.y
    );
    match view.svg.as_deref().and_then(split_root) {
        Some((open, body)) => {
            let open = retag(open, &view_box);
            format!("{open}<style>{style}</style>{body}{overlay}</svg>")
        }
        None => {
            // A view drawn from path data alone: its outlines in grey.
            let mut body = String::new();
            for region in view
                .regions
                .iter()
                .filter(|r| shown.get(r.layer).copied().unwrap_or(false))
            {
                let mut d = String::new();
                for ring in &region.rings {
                    for (k, pt) in ring.points.iter().enumerate() {
                        let _ = write!(
                            d,
                            "{}{:.1} {:.1} ",
                            if k == 0 { "M" } else { "L" },
                            pt.x,
                            pt.y
                        );
                    }
                }
                let fill = if region.filled { "#e9e3dc" } else { "none" };
                let _ = write!(
                    body,
                    r##"<path d="{d}" fill="{fill}" stroke="#8a8580" stroke-width="1.5"/>"##
                );
            }
            format!(r#"<svg xmlns="http://www.w3.org/2000/svg" {view_box}>{body}{overlay}</svg>"#)
        }
    }
}

/// The part of the view the session is about: its markers, marked regions and strokes with a
/// margin, at least a third of the figure's width, never past the canvas.
fn crop_of(session: &Session, atlas: &Atlas, view: &PreparedView) -> emath::Rect {
    let canvas = view.canvas_rect();
    let view_index = atlas.view_index(&view.id);
    let mut points: Vec<emath::Pos2> = session
        .markers
        .iter()
        .filter(|m| m.view == view.id)
        .map(Marker::pos)
        .collect();
    for id in session.treat.iter().chain(&session.avoid) {
        if let Some(r) = atlas.find_region(id).filter(|r| Some(r.view) == view_index)
            && let Some(region) = atlas.region(r)
        {
            points.extend([region.bbox.min, region.bbox.max]);
        }
    }
    for s in session.strokes.iter().filter(|s| s.view == view.id) {
        points.extend(s.points.iter().map(|&(x, y)| emath::pos2(x, y)));
    }
    let Some(first) = points.first() else {
        return canvas;
    };
    let mut r = emath::Rect::from_min_max(*first, *first);
    for p in &points {
        r.extend_with(*p);
    }
    let side = (canvas.width() * 0.6).max(r.width().max(r.height() * 0.8) * 1.6);
    // A little taller than wide, like the box it is printed in.
    let size = emath::vec2(side, side * 1.25);
    let r = emath::Rect::from_center_size(r.center(), size.max(r.size() * 1.2));
    let r = emath::Rect::from_min_size(
        emath::pos2(
            r.min
                .x
                .clamp(canvas.min.x, (canvas.max.x - r.width()).max(canvas.min.x)),
            r.min
                .y
                .clamp(canvas.min.y, (canvas.max.y - r.height()).max(canvas.min.y)),
        ),
        r.size(),
    );
    r.intersect(canvas)
}

/// The root start tag with its size and view box replaced.
fn retag(open: &str, view_box: &str) -> String {
    let mut out = String::from("<svg ");
    let mut rest = open
        .trim_start_matches("<svg")
        .trim_end_matches('>')
        .trim_end_matches('/');
    loop {
        rest = rest.trim_start();
        let Some(eq) = rest.find('=') else { break };
        let name = rest[..eq].trim();
        let after = rest[eq + 1..].trim_start();
        let Some(quote) = after.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            break;
        };
        let Some(end) = after[1..].find(quote) else {
            break;
        };
        let attr = &after[..end + 2];
        if !matches!(name, "width" | "height" | "viewBox") {
            let _ = write!(out, "{name}={attr} ");
        }
        rest = &after[end + 2..];
    }
    out.push_str(view_box);
    out.push('>');
    out
}

/// The artwork's root start tag and everything inside it (without the closing tag).
fn split_root(svg: &str) -> Option<(&str, &str)> {
    let start = svg.find("<svg")?;
    let open_end = start + svg.get(start..)?.find('>')? + 1;
    let close = svg.rfind("</svg>")?;
    (close >= open_end)
        .then(|| (svg.get(start..open_end), svg.get(open_end..close)))
        .and_then(|(a, b)| Some((a?, b?)))
}

/// The chosen self-care, each with its steps, hold times and cautions.
fn self_care(p: &mut Pages, session: &Session, atlas: &Atlas) {
    if session.self_care.is_empty() {
        return;
    }
    p.heading("Your self-care", ACCENT);
    p.paragraph(
        "Go gently: mild, easy pressure is enough. Stop if pain shoots, burns or spreads down the leg, or if tingling or numbness starts.",
        p.body,
        MUTED,
        0.0,
    );
    for (index, item) in session.self_care.iter().enumerate() {
        let Some(s) = atlas.structure(item.structure()) else {
            continue;
        };
        p.ensure(p.body * 6.0);
        p.gap(3.0);
        p.line(MARGIN, &self_care_title(atlas, item), 10.5, INK);
        match item {
            SelfCare::SelfMassage(_) => {
                let Some(m) = &s.self_massage else { continue };
                p.paragraph(
                    &format!("You need: {}. Start: {}", m.tool, m.position),
                    p.body,
                    INK,
                    0.0,
                );
                for (i, step) in m.steps.iter().enumerate() {
                    p.item(&format!("{}.", i + 1), &step.text, p.body, INK, 0.0);
                }
                for line in [
                    format!(
                        "Hold a tender spot {}-{} seconds.",
                        m.hold_secs.0, m.hold_secs.1
                    ),
                    format!("Pressure: {}", m.pressure),
                    format!("Breathing: {}", m.breathing),
                    format!("How often: {}", m.frequency),
                ] {
                    p.paragraph(&line, p.body, INK, 0.0);
                }
            }
            SelfCare::Stretch { name, .. } => {
                let Some(st) = s.stretches.iter().find(|st| st.name == *name) else {
                    continue;
                };
                p.paragraph(&st.how, p.body, INK, 0.0);
                p.paragraph(
                    &format!("Hold {}-{} seconds.", st.hold_secs.0, st.hold_secs.1),
                    p.body,
                    INK,
                    0.0,
                );
            }
        }
        // Each structure's cautions once, after its last item.
        let later = session.self_care[index + 1..]
            .iter()
            .any(|other| other.structure() == item.structure());
        if !later {
            for caution in &s.cautions {
                p.item("!", caution, p.body, DANGER, 0.0);
            }
        }
    }
}

/// When to get medical help: the red flags, the most urgent first.
fn red_flags(p: &mut Pages, atlas: &Atlas) {
    let flags = &atlas.safety.red_flags;
    if flags.is_empty() {
        return;
    }
    let ordered: Vec<_> = [Urgency::Emergency, Urgency::SameDay, Urgency::Soon]
        .into_iter()
        .flat_map(|u| flags.iter().filter(move |f| f.urgency == u))
        .collect();
    // Signs that share an action are one item, the action once after them.
    let mut items: Vec<Vec<(&str, &str)>> = Vec::new();
    let mut i = 0;
    while let Some(flag) = ordered.get(i) {
        let group = ordered[i..]
            .iter()
            .take_while(|f| f.action == flag.action)
            .count();
        let mut parts: Vec<(&str, &str)> = ordered[i..i + group]
            .iter()
            .map(|f| (f.sign.as_str(), INK))
            .collect();
        parts.push((flag.action.as_str(), DANGER));
        items.push(parts);
        i += group;
    }
    p.two_columns(
        Some(("When to get medical help", DANGER)),
        &items,
        p.small + 0.5,
    );
}

/// The sources of what the handout teaches: the chosen items' structures and the safety text.
fn sources(p: &mut Pages, session: &Session, atlas: &Atlas) {
    let mut ids: Vec<&str> = Vec::new();
    for item in &session.self_care {
        if let Some(s) = atlas.structure(item.structure()) {
            ids.extend(s.sources.iter().map(String::as_str));
        }
    }
    ids.extend(atlas.safety.sources.iter().map(String::as_str));
    let mut seen = Vec::new();
    ids.retain(|id| {
        let new = !seen.contains(id);
        seen.push(id);
        new
    });
    let citations: Vec<Vec<(&str, &str)>> = ids
        .iter()
        .map(|id| vec![(atlas.source(id).map_or(*id, |s| s.citation.as_str()), MUTED)])
        .collect();
    p.two_columns(Some(("Sources", MUTED)), &citations, p.small);
    p.gap(2.0);
    p.paragraph(&atlas.safety.disclaimer, p.small, MUTED, 0.0);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_artwork_keeps_its_namespaces_and_takes_the_crop_as_its_size() {
        let open = r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="1000" height="2000" viewBox="0 0 1000 2000">"#;
        let tag = retag(open, r#"width="10" height="20" viewBox="5 6 10 20""#);
        assert!(
            tag.contains(r#"xmlns:xlink="http://www.w3.org/1999/xlink""#),
            "{tag}"
        );
        assert!(!tag.contains(r#"width="1000""#), "{tag}");
        assert!(tag.ends_with(r#"viewBox="5 6 10 20">"#), "{tag}");
    }

    #[test]
    fn lines_are_wrapped_to_the_measured_width_of_the_font() {
        let text = "Lie on your back with knees bent and place the ball under one buttock";
        let lines = wrap(text, 10.0, 120.0);
        assert!(lines.len() > 2, "{lines:?}");
        for line in &lines {
            assert!(
                text_width(line, 10.0) <= 120.0 || !line.contains(' '),
                "{line}"
            );
        }
        assert_eq!(lines.join(" "), text, "no word is lost");
        assert!(text_width("iiii", 10.0) < text_width("WWWW", 10.0));
    }

    #[test]
    fn signs_the_font_lacks_are_written_plainly() {
        assert_eq!(esc("a → b <c>"), "a &gt; b &lt;c&gt;");
    }
}
