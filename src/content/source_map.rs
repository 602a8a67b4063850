//! Finds where a value sits in a RON file's text, so that problems found after parsing can still
//! be reported as `file:line:column`.

use std::sync::OnceLock;

use super::error::Location;

/// The text of one content file.
#[derive(Clone, Debug)]
pub struct SourceText {
    /// Name used in messages.
    pub file: String,
    pub text: String,
    /// Where lines start, made on first use (see [`LineIndex`]).
    lines: OnceLock<LineIndex>,
}

/// Places in a text with their line and column, so that finding the line and column of any
/// byte offset costs a binary search and a short count, not a count from the start of the file
/// (which made loading a large file quadratic): every line start, and a checkpoint every
/// [`CHECKPOINT_BYTES`] within long lines.
#[derive(Clone, Debug, Default)]
struct LineIndex {
    /// (byte offset, line, column), 1-based, in increasing offset order.
    marks: Vec<(usize, usize, usize)>,
}

/// Bytes between checkpoints within one line.
const CHECKPOINT_BYTES: usize = 4096;

impl LineIndex {
    fn new(text: &str) -> Self {
        let mut marks = vec![(0, 1, 1)];
        let (mut line, mut column, mut last) = (1, 1, 0);
        for (i, c) in text.char_indices() {
            if i - last >= CHECKPOINT_BYTES {
                marks.push((i, line, column));
                last = i;
            }
            if c == '\n' {
                line += 1;
                column = 1;
                marks.push((i + 1, line, column));
                last = i + 1;
            } else {
                column += 1;
            }
        }
        Self { marks }
    }

    /// Line and column of a byte offset on a character boundary of `text`.
    fn line_column(&self, text: &str, offset: usize) -> (usize, usize) {
        let i = self
            .marks
            .partition_point(|m| m.0 <= offset)
            .saturating_sub(1);
        let (start, line, column) = self.marks.get(i).copied().unwrap_or((0, 1, 1));
        let between = text.get(start..offset).map_or(0, |s| s.chars().count());
        (line, column + between)
    }
}

impl SourceText {
    /// The text of a file named `file` in messages.
    #[must_use]
    pub fn new(file: String, text: String) -> Self {
        Self {
            file,
            text,
            lines: OnceLock::new(),
        }
    }

    /// Location of a byte offset (clamped to the text, and back to a character boundary).
    #[must_use]
    pub fn location(&self, offset: usize) -> Location {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let index = self.lines.get_or_init(|| LineIndex::new(&self.text));
        let (line, column) = index.line_column(&self.text, offset);
        Location {
            file: self.file.clone(),
            line,
            column,
        }
    }

    /// Location of a 1-based line and column as the RON parser reports them.
    #[must_use]
    pub fn at(&self, line: usize, column: usize) -> Location {
        Location {
            file: self.file.clone(),
            line: line.max(1),
            column: column.max(1),
        }
    }

    /// Byte offset of the `id: "<id>"` field that starts an item. Searched from `from`.
    #[must_use]
    pub fn find_item(&self, id: &str, from: usize) -> Option<usize> {
        self.find_field_with_string(from, "id", id)
    }

    /// Byte offset just past the quoted id of the item found at `item` (where to search for the
    /// next item, so that a duplicate id is found at its own place).
    #[must_use]
    pub fn after_item(&self, item: usize, id: &str) -> usize {
        let rest = self.text.get(item..).unwrap_or("");
        quoted_forms(id)
            .iter()
            .find_map(|quoted| rest.find(quoted.as_str()).map(|rel| rel + quoted.len()))
            .map_or(item + 1, |end| item + end)
    }

    /// Byte offset of the `field:` after `from` (a whole word followed by a colon).
    #[must_use]
    pub fn find_field(&self, from: usize, field: &str) -> Option<usize> {
        let text = self.text.as_str();
        let mut start = from.min(text.len());
        while let Some(rel) = text.get(start..)?.find(field) {
            let at = start + rel;
            let before_ok = text
                .get(..at)
                .and_then(|s| s.chars().next_back())
                .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
            let after = text.get(at + field.len()..).unwrap_or("");
            let after_ok = after.trim_start().starts_with(':');
            if before_ok && after_ok {
                return Some(at);
            }
            start = at + field.len();
        }
        None
    }

    /// Byte offset of the string literal `"value"` that follows `field:` after `from`
    /// (inside a list too, as in `related: ["a", "b"]`).
    #[must_use]
    pub fn find_string_in_field(&self, from: usize, field: &str, value: &str) -> Option<usize> {
        let field_at = self.find_field(from, field)?;
        let rest = self.text.get(field_at..)?;
        let rel = quoted_forms(value)
            .iter()
            .find_map(|quoted| rest.find(quoted.as_str()))?;
        Some(field_at + rel)
    }

    fn find_field_with_string(&self, from: usize, field: &str, value: &str) -> Option<usize> {
        quoted_forms(value)
            .iter()
            .find_map(|quoted| self.find_field_with_quoted(from, field, quoted))
    }

    fn find_field_with_quoted(&self, from: usize, field: &str, quoted: &str) -> Option<usize> {
        let text = self.text.as_str();
        let mut start = from.min(text.len());
        while let Some(rel) = text.get(start..)?.find(quoted) {
            let at = start + rel;
            let before = text.get(..at).unwrap_or("").trim_end();
            if let Some(before_colon) = before.strip_suffix(':') {
                let before_colon = before_colon.trim_end();
                if before_colon.ends_with(field) {
                    let field_at = before_colon.len() - field.len();
                    let boundary = before_colon
                        .get(..field_at)
                        .and_then(|s| s.chars().next_back())
                        .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
                    if boundary {
                        return Some(field_at);
                    }
                }
            }
            start = at + quoted.len();
        }
        None
    }

    /// Byte offset of the first character inside the string literal of `field` after `from`.
    #[must_use]
    pub fn string_body_of_field(&self, from: usize, field: &str) -> Option<usize> {
        let field_at = self.find_field(from, field)?;
        let rel = self.text.get(field_at..)?.find('"')?;
        Some(field_at + rel + 1)
    }

    /// Byte offset reached by moving `chars` characters of a string's value forward from
    /// `offset`, inside the string literal whose body starts at or before `offset`: an escape
    /// such as `\n`, `\"` or `\u{e9}` is one character of the value however many it takes in
    /// the file (in a raw string, `r"..."` or `r#"..."#`, there are no escapes).
    #[must_use]
    pub fn advance_chars(&self, offset: usize, chars: usize) -> usize {
        let rest = self.text.get(offset..).unwrap_or("");
        let raw = self
            .text
            .get(..offset)
            .and_then(|before| before.strip_suffix('"'))
            .is_some_and(|before| before.ends_with('r') || before.ends_with('#'));
        let mut it = rest.char_indices().peekable();
        for _ in 0..chars {
            let Some((_, c)) = it.next() else {
                return offset + rest.len();
            };
            if c != '\\' || raw {
                continue;
            }
            match it.next().map(|(_, e)| e) {
                Some('u') if it.peek().is_some_and(|&(_, b)| b == '{') => {
                    for (_, d) in it.by_ref() {
                        if d == '}' {
                            break;
                        }
                    }
                }
                Some('u') => {
                    for _ in 0..4 {
                        it.next_if(|&(_, d)| d.is_ascii_hexdigit());
                    }
                }
                Some('x') => {
                    for _ in 0..2 {
                        it.next_if(|&(_, d)| d.is_ascii_hexdigit());
                    }
                }
                _ => {}
            }
        }
        offset + it.peek().map_or(rest.len(), |&(i, _)| i)
    }
}

/// How a string value may be written in the file: as it is between quotes, and (when it holds
/// characters RON escapes, such as control characters) escaped as RON writes it.
fn quoted_forms(value: &str) -> Vec<String> {
    let plain = format!("\"{value}\"");
    match ron::to_string(value) {
        Ok(escaped) if escaped != plain => vec![plain, escaped],
        _ => vec![plain],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(text: &str) -> SourceText {
        SourceText::new("f.ron".into(), text.into())
    }

    /// Line and column by counting from the start, as a reference.
    fn counted(text: &str, offset: usize) -> (usize, usize) {
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let start = before.rfind('\n').map_or(0, |i| i + 1);
        (line, before[start..].chars().count() + 1)
    }

    #[test]
    fn locations_match_counting_from_the_start_in_long_lines_too() {
        let long_line = "é".repeat(5000) + "x" + &"ab".repeat(9000);
        let text = format!("short\n{long_line}\n\nend é\n");
        let s = src(&text);
        for (offset, _) in text.char_indices().step_by(7).chain([(text.len(), ' ')]) {
            let at = s.location(offset);
            assert_eq!((at.line, at.column), counted(&text, offset), "at {offset}");
        }
    }

    #[test]
    fn locations_are_one_based() {
        let s = src("ab\ncdé\nx");
        assert_eq!(s.location(0).to_string(), "f.ron:1:1");
        assert_eq!(s.location(3).to_string(), "f.ron:2:1");
        assert_eq!(
            s.location(s.text.find('x').unwrap()).to_string(),
            "f.ron:3:1"
        );
    }

    #[test]
    fn escapes_in_a_string_count_as_the_one_character_they_stand_for() {
        // The value is `a"b\ncé!` (with a backslash, then n): the `!` is its 8th character.
        let s = src(r##"(path: "a\"b\\n\u{63}\u{e9}!", raw: r#"a\nb!"#)"##);
        let body = s.string_body_of_field(0, "path").unwrap();
        let bang = s.advance_chars(body, 7);
        assert_eq!(s.text.get(bang..bang + 1), Some("!"), "{}", s.text);
        let raw = s.string_body_of_field(0, "raw").unwrap();
        let b = s.advance_chars(raw, 3);
        assert_eq!(
            s.text.get(b..b + 1),
            Some("b"),
            "no escapes in a raw string"
        );
    }

    #[test]
    fn finds_items_and_fields() {
        let s = src(
            "[\n A(id: \"a\", layer: \"x\"),\n A(id:\"b\", layer: \"y\", related: [\"q\", \"r\"]),\n]",
        );
        let b = s.find_item("b", 0).unwrap();
        assert_eq!(s.location(b).to_string(), "f.ron:3:4");
        let layer = s.find_field(b, "layer").unwrap();
        assert_eq!(s.location(layer).to_string(), "f.ron:3:12");
        let r = s.find_string_in_field(b, "related", "r").unwrap();
        assert_eq!(s.location(r).line, 3);
        assert!(s.find_item("layer", 0).is_none());
        let escaped = src("[A(id: \"a\"), A(id: \"x\\u{1b}[2J\")]");
        let at = escaped.find_item("x\u{1b}[2J", 0).unwrap();
        assert_eq!(
            escaped.location(at).column,
            16,
            "an id written with escapes is found"
        );
        let twice = src("[A(id: \"x\"), A(id: \"x\")]");
        let first = twice.find_item("x", 0).unwrap();
        let second = twice.find_item("x", twice.after_item(first, "x")).unwrap();
        assert_eq!(twice.location(second).column, 16);
    }
}
