//! Writes a starter content pack: a small, valid, commented example to copy from.

use std::io::Write as _;
use std::path::{Path, PathBuf};

/// The starter pack's files: (path inside the pack, text). `{{ID}}`, `{{NAME}}`, `{{DIR}}` and
/// `{{USER_PACKS}}` are filled in when written.
const FILES: [(&str, &str); 5] = [
    ("pack.ron", include_str!("starter/pack.ron")),
    ("sources.ron", include_str!("starter/sources.ron")),
    (
        "structures/adductor_magnus.ron",
        include_str!("starter/structures/adductor_magnus.ron"),
    ),
    (
        "view_additions/posterior.ron",
        include_str!("starter/view_additions/posterior.ron"),
    ),
    ("README.txt", include_str!("starter/README.txt")),
];

/// Why the starter pack could not be written.
#[derive(Debug, thiserror::Error)]
pub enum NewPackError {
    #[error("{0} already exists and is not an empty folder: name a new folder for the pack")]
    NotEmpty(String),
    #[error("cannot write {path}: {message}")]
    Write { path: String, message: String },
}

/// Writes the starter pack into `dir` (created when missing, refused when it exists and is not
/// an empty folder); returns the files written.
///
/// # Errors
/// When `dir` exists and is not an empty folder, or a file cannot be written.
pub fn write_starter_pack(dir: &Path) -> Result<Vec<PathBuf>, NewPackError> {
    let shown = dir.display().to_string();
    if dir.exists() {
        let empty = std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_none());
        if !empty {
            return Err(NewPackError::NotEmpty(shown));
        }
    }
    let id = pack_id(dir);
    let user_packs = super::user_packs_dir().map_or_else(
        || "your content folder".to_owned(),
        |p| p.display().to_string(),
    );
    let mut written = Vec::new();
    for (rel, text) in FILES {
        let path = dir.join(rel);
        let text = text
            .replace("{{ID}}", &id)
            .replace("{{NAME}}", &id)
            .replace("{{DIR}}", &shown)
            .replace("{{USER_PACKS}}", &user_packs);
        write_new(&path, &text).map_err(|err| NewPackError::Write {
            path: path.display().to_string(),
            message: err.to_string(),
        })?;
        written.push(path);
    }
    Ok(written)
}

/// Creates the file (and its folder); never overwrites.
fn write_new(path: &Path, text: &str) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::File::create_new(path)?.write_all(text.as_bytes())
}

/// A pack id from the folder name: lower case letters, digits and dashes.
fn pack_id(dir: &Path) -> String {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let mut id = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            id.push(c);
        } else if !id.ends_with('-') {
            id.push('-');
        }
    }
    let id = id.trim_matches('-');
    if id.is_empty() {
        "my-pack".to_owned()
    } else {
        id.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_come_from_the_folder_name() {
        assert_eq!(
            pack_id(Path::new("packs/My Clinic's Notes")),
            "my-clinic-s-notes"
        );
        assert_eq!(pack_id(Path::new("/")), "my-pack");
        assert_eq!(pack_id(Path::new("extra")), "extra");
    }
}
