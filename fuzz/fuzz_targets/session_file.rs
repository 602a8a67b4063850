//! The session-file reader on arbitrary text: the envelope and its version, then the session
//! strictly (dates, intensities, kinds, strokes). Any outcome but a panic, a hang or an abort is
//! fine: a problem comes back at a line and column inside the text, and a file that reads is
//! written back to text that reads as the same session.
#![no_main]

use bodywork_atlas::session::SessionFileError;
use bodywork_atlas::session::file::{parse, to_ron};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match parse(text, "fuzz.ron") {
        Ok(session) => {
            let again = to_ron(&session).expect("a session read writes back");
            assert_eq!(parse(&again, "again.ron").ok(), Some(session));
        }
        Err(SessionFileError::At { at, .. } | SessionFileError::Newer { at, .. }) => {
            assert!(at.line >= 1 && at.column >= 1, "{at}");
        }
        Err(_) => {}
    }
});
