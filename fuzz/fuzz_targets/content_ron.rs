//! The content loader on arbitrary RON text: the input's first byte picks which file of a pack
//! it becomes (a view, a view addition, structures, zones, sources, safety text or the
//! manifest), the rest is the file; the pack is loaded over the tests' minimal fixture through
//! `content::load`, as `check` and the app load it. Any outcome but a panic, a hang or an abort
//! is fine: an error must come back as problems.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use bodywork_atlas::content::{ContentSet, load};
use libfuzzer_sys::fuzz_target;

const FILES: [&str; 7] = [
    "views/fuzz.ron",
    "view_additions/fuzz.ron",
    "structures/fuzz.ron",
    "zones/fuzz.ron",
    "sources.ron",
    "safety.ron",
    "pack.ron",
];

/// A pack folder of this process, reused by every input.
fn pack() -> &'static PathBuf {
    static PACK: OnceLock<PathBuf> = OnceLock::new();
    PACK.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("atlas-fuzz-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for file in FILES {
            if let Some(parent) = dir.join(file).parent() {
                let _ = std::fs::create_dir_all(parent);
            }
        }
        dir
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, text)) = data.split_first() else {
        return;
    };
    let pack = pack();
    for file in FILES {
        let _ = std::fs::remove_file(pack.join(file));
    }
    let file = FILES[usize::from(pick) % FILES.len()];
    if std::fs::write(pack.join(file), text).is_err() {
        return;
    }
    let fixture = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/minimal");
    let set = ContentSet::only(&fixture).with_packs([pack.clone()]);
    if let Err(errors) = load(&set) {
        for e in &errors {
            // Every message is printable: no raw control characters.
            let shown = e.to_string();
            assert!(!shown.contains('\u{1b}'), "{shown:?}");
        }
    }
});
