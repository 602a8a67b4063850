//! The artwork parser on arbitrary SVG text: layers, region elements claimed by id, `<use>`
//! copies, gradients, transforms. The region ids are those of a small sidecar ("a", "b" and
//! "b_mirror"), so some inputs claim shapes. Any outcome but a panic, a hang or an abort is
//! fine: a problem comes back as an error with a line and column.
#![no_main]

use std::collections::HashSet;

use bodywork_atlas::content::artwork::parse_artwork;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let ids: HashSet<&str> = ["a", "b", "b_mirror"].into_iter().collect();
    match parse_artwork(text, &ids) {
        Ok((_, problems)) => {
            for p in &problems {
                assert!(p.line >= 1 && p.column >= 1, "{p:?}");
            }
        }
        Err(e) => assert!(e.line >= 1 && e.column >= 1, "{e:?}"),
    }
});
