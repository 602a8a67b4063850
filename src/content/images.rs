//! Layer images: read from a pack's `assets/` (only regular files, inside it after symbolic
//! links are resolved, of bounded size), each file decoded once however many layers use it, with
//! a budget for the decoded pixels of all images together, so that no image (a decompression
//! bomb, or one big image named by forty layers) can take the memory.

use std::collections::HashMap;
use std::path::{Component, Path};
use std::sync::Arc;

use image::{ImageFormat, ImageReader, Limits};

use super::root::Root;
use crate::model::atlas::LayerImage;

/// The largest layer image file accepted, in bytes.
pub const MAX_IMAGE_BYTES: u64 = 32 * 1024 * 1024;
/// The largest layer image side accepted, in pixels.
pub const MAX_IMAGE_SIDE: u32 = 8192;
/// The decoded pixels of all layer images of one load together (RGBA, 4 bytes a pixel): two
/// images of the largest size.
pub const MAX_DECODED_BYTES: u64 = 2 * (MAX_IMAGE_SIDE as u64) * (MAX_IMAGE_SIDE as u64) * 4;

/// The images decoded during one load.
pub(crate) struct Images {
    /// By the file's name in messages (unique per file): the image, or why it cannot be used.
    decoded: HashMap<String, Result<Arc<LayerImage>, String>>,
    /// Decoded bytes still allowed.
    budget: u64,
}

impl Images {
    pub(crate) fn new() -> Self {
        Self::with_budget(MAX_DECODED_BYTES)
    }

    /// With another total budget (tests).
    pub(crate) fn with_budget(budget: u64) -> Self {
        Self {
            decoded: HashMap::new(),
            budget,
        }
    }

    /// The image `image` (a path under the pack's `assets/`, as written in the content), or
    /// why it cannot be used. A file already decoded is shared, not decoded again.
    pub(crate) fn load(&mut self, root: &Root, image: &str) -> Result<Arc<LayerImage>, String> {
        let rel = asset_path(image)?;
        let label = root.label(&rel);
        if let Some(done) = self.decoded.get(&label) {
            return done.clone();
        }
        let result = self.decode(root, &rel, &label, image).map(Arc::new);
        self.decoded.insert(label, result.clone());
        result
    }

    fn decode(
        &mut self,
        root: &Root,
        rel: &str,
        label: &str,
        image: &str,
    ) -> Result<LayerImage, String> {
        let bytes = root
            .read_asset(rel, MAX_IMAGE_BYTES)
            .map_err(|err| format!("cannot read {label}: {err}"))?;
        let named = ImageFormat::from_path(image).ok();
        let reader = || {
            ImageReader::new(std::io::Cursor::new(bytes.as_ref()))
                .with_guessed_format()
                .map_err(|e| e.to_string())
        };
        let Some(format) = reader()?.format() else {
            return Err(format!(
                "not a PNG or JPEG file (it starts with the bytes {})",
                first_bytes(&bytes)
            ));
        };
        // Says what the file really is when its name says otherwise.
        let really = |err: String| match named {
            Some(n) if n != format => format!(
                "the file holds {} data, although its name says {}: {err}",
                format_name(format),
                format_name(n)
            ),
            _ => err,
        };
        if !matches!(format, ImageFormat::Png | ImageFormat::Jpeg) {
            return Err(really(format!(
                "a {} file; layer images are PNG or JPEG",
                format_name(format)
            )));
        }
        let (w, h) = reader()?
            .into_dimensions()
            .map_err(|e| really(format!("not a readable PNG or JPEG: {e}")))?;
        if w > MAX_IMAGE_SIDE || h > MAX_IMAGE_SIDE {
            return Err(format!(
                "{w}x{h} pixels; the limit is {MAX_IMAGE_SIDE} on a side"
            ));
        }
        let needs = u64::from(w) * u64::from(h) * 4;
        if needs > self.budget {
            return Err(format!(
                "{w}x{h} pixels would take {} MiB decoded, more than the {} MiB left of the {} MiB all layer images may take together",
                mib(needs),
                mib(self.budget),
                mib(MAX_DECODED_BYTES)
            ));
        }
        let mut reader = reader()?;
        let mut limits = Limits::default();
        limits.max_image_width = Some(MAX_IMAGE_SIDE);
        limits.max_image_height = Some(MAX_IMAGE_SIDE);
        // The decoder's own buffers, beside the RGBA copy kept.
        limits.max_alloc = Some(needs.saturating_mul(2).max(1024 * 1024));
        reader.limits(limits);
        let decoded = reader
            .decode()
            .map_err(|e| really(format!("not a readable PNG or JPEG: {e}")))?;
        let rgba = decoded.into_rgba8();
        self.budget = self.budget.saturating_sub(needs);
        Ok(LayerImage {
            path: image.to_owned(),
            source: label.to_owned(),
            size: [rgba.width() as usize, rgba.height() as usize],
            rgba: rgba.into_raw(),
        })
    }
}

/// `assets/<image>`, when `image` stays inside `assets/` as written (no absolute path, no
/// `..`); symbolic links are checked when the file is read ([`Root::read_asset`]).
fn asset_path(image: &str) -> Result<String, String> {
    let rel = Path::new(image);
    let leaves = rel.is_absolute()
        || rel
            .components()
            .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir));
    if leaves {
        return Err("image paths must stay inside assets/ (no absolute paths, no ..)".into());
    }
    let parts: Vec<String> = rel
        .components()
        .filter_map(|c| match c {
            Component::Normal(part) => Some(part.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    if parts.is_empty() {
        return Err("the image path is empty".into());
    }
    Ok(format!("assets/{}", parts.join("/")))
}

fn format_name(format: ImageFormat) -> String {
    match format {
        ImageFormat::Png => "PNG".into(),
        ImageFormat::Jpeg => "JPEG".into(),
        other => format!("{other:?}").to_uppercase(),
    }
}

fn first_bytes(bytes: &[u8]) -> String {
    if bytes.is_empty() {
        return "none: it is empty".into();
    }
    bytes
        .iter()
        .take(4)
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn mib(bytes: u64) -> u64 {
    bytes.div_ceil(1024 * 1024)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pack_with(files: &[(&str, Vec<u8>)]) -> (tempfile::TempDir, Root) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("assets")).unwrap();
        for (name, bytes) in files {
            std::fs::write(dir.path().join("assets").join(name), bytes).unwrap();
        }
        let root = Root::Dir(dir.path().to_path_buf());
        (dir, root)
    }

    fn png(w: u32, h: u32) -> Vec<u8> {
        let mut out = Vec::new();
        image::RgbaImage::new(w, h)
            .write_to(&mut std::io::Cursor::new(&mut out), ImageFormat::Png)
            .unwrap();
        out
    }

    #[test]
    fn an_image_used_by_many_layers_is_decoded_once() {
        let (_dir, root) = pack_with(&[("a.png", png(64, 64))]);
        let mut images = Images::with_budget(64 * 64 * 4);
        let first = images.load(&root, "a.png").unwrap();
        for _ in 0..40 {
            let again = images.load(&root, "./a.png").unwrap();
            assert!(Arc::ptr_eq(&first, &again), "shared, not decoded again");
        }
    }

    #[test]
    fn the_decoded_images_together_have_a_budget() {
        let (_dir, root) = pack_with(&[("a.png", png(64, 64)), ("b.png", png(64, 64))]);
        let mut images = Images::with_budget(64 * 64 * 4 + 100);
        assert!(images.load(&root, "a.png").is_ok());
        let err = images.load(&root, "b.png").unwrap_err();
        assert!(err.contains("all layer images may take together"), "{err}");
    }

    #[test]
    fn a_file_named_for_another_format_says_what_it_really_is() {
        let mut broken = png(8, 8);
        broken.truncate(40);
        let (_dir, root) = pack_with(&[
            ("photo.jpg", png(8, 8)),
            ("cut.jpg", broken),
            ("notes.jpg", b"hello there".to_vec()),
        ]);
        let mut images = Images::new();
        assert!(
            images.load(&root, "photo.jpg").is_ok(),
            "a PNG named .jpg is read"
        );
        let err = images.load(&root, "cut.jpg").unwrap_err();
        assert!(
            err.contains("holds PNG data, although its name says JPEG"),
            "{err}"
        );
        let err = images.load(&root, "notes.jpg").unwrap_err();
        assert!(
            err.contains("not a PNG or JPEG file (it starts with the bytes 68 65 6c 6c)"),
            "{err}"
        );
    }

    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = !0_u32;
        for &b in bytes {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xedb8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }

    #[test]
    fn huge_declared_dimensions_are_refused_before_decoding() {
        // A PNG header declaring 100000 x 100000 pixels and nothing else.
        let mut bomb = png(1, 1);
        bomb[16..20].copy_from_slice(&100_000_u32.to_be_bytes());
        bomb[20..24].copy_from_slice(&100_000_u32.to_be_bytes());
        // The IHDR chunk's checksum, over its type and data, so that only the size is wrong.
        let crc = crc32(&bomb[12..29]);
        bomb[29..33].copy_from_slice(&crc.to_be_bytes());
        let (_dir, root) = pack_with(&[("bomb.png", bomb)]);
        let err = Images::new().load(&root, "bomb.png").unwrap_err();
        assert!(
            err.contains("100000x100000 pixels; the limit is 8192"),
            "{err}"
        );
    }
}
