//! Text from files shown to a person: on a terminal (where a raw escape sequence would be
//! obeyed, not shown) and in the banner (where a 10 MB id would be laid out whole). Content ids,
//! file names and parser messages pass through here before they are printed or shown.

use std::fmt::Write as _;

/// The longest id shown in a message, in characters (content ids are far shorter).
pub const MAX_ID_CHARS: usize = 80;
/// The longest other text from a file shown in a message (a parser's message, a path).
pub const MAX_TEXT_CHARS: usize = 400;

/// Whether a character must not reach a terminal as it is: control characters (C0, DEL, C1:
/// escape sequences, carriage returns, bells, new lines inside one message) and the
/// bidirectional overrides that can make text read differently from what it is.
fn must_escape(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The text with every character that a terminal would act on written as an escape
/// (`\u{1b}`), so that it shows what the file holds and does nothing. Other text is unchanged.
#[must_use]
pub fn for_terminal(text: &str) -> String {
    if !text.chars().any(must_escape) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if must_escape(c) => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// At most `max_chars` characters: a longer text is cut and ends with an ellipsis (so the cut
/// shows), followed by how long it was.
#[must_use]
pub fn shorten(text: &str, max_chars: usize) -> String {
    let Some((cut, _)) = text.char_indices().nth(max_chars) else {
        return text.to_owned();
    };
    let total = text.chars().count();
    format!("{}… ({total} characters)", &text[..cut])
}

/// An id from a file, safe to print and of bounded length.
#[must_use]
pub fn id(text: &str) -> String {
    // Shortened first, so that escaping a huge id does not first make it larger.
    escape_shortened(text, MAX_ID_CHARS)
}

/// Other text from a file (a message quoting it, a path), safe to print and of bounded length.
#[must_use]
pub fn message(text: &str) -> String {
    escape_shortened(text, MAX_TEXT_CHARS)
}

fn escape_shortened(text: &str, max_chars: usize) -> String {
    let Some((cut, _)) = text.char_indices().nth(max_chars) else {
        return for_terminal(text);
    };
    let total = text.chars().count();
    format!("{}… ({total} characters)", for_terminal(&text[..cut]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_are_shown_not_obeyed() {
        let hostile = "gluteus\u{1b}[2J\u{1b}]0;owned\u{7}\r\nmax\u{9b}1m\u{202e}txt";
        let shown = for_terminal(hostile);
        assert!(!shown.chars().any(must_escape), "{shown:?}");
        assert_eq!(
            shown,
            "gluteus\\u{1b}[2J\\u{1b}]0;owned\\u{7}\\r\\nmax\\u{9b}1m\\u{202e}txt"
        );
        assert_eq!(
            for_terminal("Piriformis (left) – é"),
            "Piriformis (left) – é"
        );
    }

    #[test]
    fn long_ids_are_cut_with_an_ellipsis_and_their_length() {
        let huge = "x".repeat(10_000_000);
        let shown = id(&huge);
        assert!(shown.chars().count() < MAX_ID_CHARS + 30, "{}", shown.len());
        assert!(shown.ends_with("… (10000000 characters)"), "{shown}");
        assert_eq!(id("piriformis"), "piriformis");
        assert_eq!(shorten("abcdé", 4), "abcd… (5 characters)");
        assert_eq!(shorten("abcd", 4), "abcd");
    }

    #[test]
    fn a_cut_never_splits_an_escape_or_a_character() {
        let text = "é\u{1b}".repeat(100);
        let shown = id(&text);
        assert!(shown.starts_with("é\\u{1b}é"), "{shown}");
        assert!(!shown.chars().any(must_escape));
    }
}
