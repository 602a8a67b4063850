//! The client's handout: a page (or two) with the pain map, the chosen self-care with steps,
//! hold times and cautions, aftercare, when to get medical help and the sources.
//!
//! The model writes every page as SVG ([`pages`]): the diagram is the view's own artwork (the
//! SVG the app draws) with the marked regions and pen strokes added to it, nested in the page
//! as an SVG image, and the markers and text drawn over it. resvg renders the pages to PNG and
//! krilla (with krilla-svg) writes them as a vector PDF with selectable text. The fonts are the
//! ones egui ships; no system fonts are read, so no window or display is needed.

mod layout;

use std::path::Path;
use std::sync::{Arc, OnceLock};

use crate::model::Atlas;
use crate::session::Session;

pub use self::layout::pages;

/// The paper size.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    /// Width and height in PDF points (1/72 inch).
    #[must_use]
    pub fn size_pt(self) -> (f32, f32) {
        match self {
            Self::A4 => (595.28, 841.89),
            Self::Letter => (612.0, 792.0),
        }
    }

    /// Its pixel size at `dpi`.
    #[must_use]
    pub fn size_px(self, dpi: f32) -> (u32, u32) {
        let (w, h) = self.size_pt();
        let px = |v: f32| (v * dpi / 72.0).round().max(1.0) as u32;
        (px(w), px(h))
    }
}

impl std::str::FromStr for Paper {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "a4" => Ok(Self::A4),
            "letter" => Ok(Self::Letter),
            other => Err(format!("paper \"{other}\": use a4 or letter")),
        }
    }
}

/// The resolution of a PNG handout.
pub const PNG_DPI: f32 = 150.0;

/// Why a handout could not be made. Messages never quote the client's data.
#[derive(Debug, thiserror::Error)]
pub enum HandoutError {
    #[error("the handout page could not be read back as SVG: {0}")]
    Svg(String),
    #[error("the PDF could not be written: {0}")]
    Pdf(String),
    #[error("the PNG could not be made: {0}")]
    Png(String),
    #[error("cannot write {path}: {reason}")]
    Write { path: String, reason: String },
    #[error("{0}: the handout is written as .pdf or .png")]
    Format(String),
}

/// The family name of the handout's font (egui's proportional font).
pub(crate) const FONT_FAMILY: &str = "Ubuntu";

/// The fonts of the handout, loaded once.
fn fontdb() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_font_data(epaint_default_fonts::UBUNTU_LIGHT.to_vec());
        db.load_font_data(epaint_default_fonts::HACK_REGULAR.to_vec());
        db.set_sans_serif_family(FONT_FAMILY);
        Arc::new(db)
    })
    .clone()
}

fn svg_options() -> usvg::Options<'static> {
    usvg::Options {
        fontdb: fontdb(),
        font_family: FONT_FAMILY.to_owned(),
        ..usvg::Options::default()
    }
}

fn parse_page(svg: &str) -> Result<usvg::Tree, HandoutError> {
    usvg::Tree::from_str(svg, &svg_options()).map_err(|e| HandoutError::Svg(e.to_string()))
}

/// The handout as a PDF: one PDF page per page, vector drawing, selectable text.
///
/// # Errors
/// When a page cannot be built or the PDF written (neither happens with valid content).
pub fn pdf(session: &Session, atlas: &Atlas, paper: Paper) -> Result<Vec<u8>, HandoutError> {
    use krilla_svg::SurfaceExt as _;
    let (w, h) = paper.size_pt();
    let size = krilla::geom::Size::from_wh(w, h)
        .ok_or_else(|| HandoutError::Pdf("bad page size".into()))?;
    let mut document = krilla::Document::new();
    for svg in pages(session, atlas, paper) {
        let tree = parse_page(&svg)?;
        let mut page = document.start_page_with(krilla::page::PageSettings::new(size));
        let mut surface = page.surface();
        surface
            .draw_svg(&tree, size, krilla_svg::SvgSettings::default())
            .ok_or_else(|| HandoutError::Pdf("a page could not be drawn".into()))?;
        surface.finish();
        page.finish();
    }
    let title = format!("Self-care plan, {}", session.date.long());
    document.set_metadata(
        krilla::metadata::Metadata::new()
            .title(title)
            .creator("Bodywork Atlas".to_owned()),
    );
    document
        .finish()
        .map_err(|e| HandoutError::Pdf(format!("{e:?}")))
}

/// The handout as one PNG image at [`PNG_DPI`]: the pages one under the other on white.
///
/// # Errors
/// When a page cannot be built or rendered.
pub fn png(session: &Session, atlas: &Atlas, paper: Paper) -> Result<Vec<u8>, HandoutError> {
    let pages = pages(session, atlas, paper);
    let (w, h) = paper.size_px(PNG_DPI);
    let count = u32::try_from(pages.len()).unwrap_or(1).max(1);
    let mut pixmap = resvg::tiny_skia::Pixmap::new(w, h * count)
        .ok_or_else(|| HandoutError::Png("the image would be too large".into()))?;
    pixmap.fill(resvg::tiny_skia::Color::WHITE);
    let scale = PNG_DPI / 72.0;
    for (i, svg) in pages.iter().enumerate() {
        let tree = parse_page(svg)?;
        let top = (h * u32::try_from(i).unwrap_or(0)) as f32;
        let transform =
            resvg::tiny_skia::Transform::from_scale(scale, scale).post_translate(0.0, top);
        resvg::render(&tree, transform, &mut pixmap.as_mut());
    }
    // The pixmap is premultiplied; on an opaque white background that is the same as straight.
    let image = image::RgbaImage::from_raw(pixmap.width(), pixmap.height(), pixmap.take())
        .ok_or_else(|| HandoutError::Png("pixel buffer size".into()))?;
    let mut out = std::io::Cursor::new(Vec::new());
    image
        .write_to(&mut out, image::ImageFormat::Png)
        .map_err(|e| HandoutError::Png(e.to_string()))?;
    Ok(out.into_inner())
}

/// Writes the handout to `path`: a PDF or a PNG by its extension, atomically.
///
/// # Errors
/// An unknown extension, or when the file cannot be written (a file already there is kept).
pub fn write(
    path: &Path,
    session: &Session,
    atlas: &Atlas,
    paper: Paper,
) -> Result<(), HandoutError> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    let bytes = match ext.as_deref() {
        Some("pdf") => pdf(session, atlas, paper)?,
        Some("png") => png(session, atlas, paper)?,
        _ => return Err(HandoutError::Format(path.display().to_string())),
    };
    crate::session::file::write_atomic(path, &bytes).map_err(|e| HandoutError::Write {
        path: path.display().to_string(),
        reason: e.to_string(),
    })
}
