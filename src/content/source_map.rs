//! Finds where a value sits in a RON file's text, so that problems found after parsing can still
//! be reported as `file:line:column`.

use super::error::Location;

/// The text of one content file.
#[derive(Clone, Debug)]
pub struct SourceText {
    /// Name used in messages.
    pub file: String,
    pub text: String,
}

impl SourceText {
    /// Location of a byte offset (clamped to the text).
    #[must_use]
    pub fn location(&self, offset: usize) -> Location {
        let offset = offset.min(self.text.len());
        let before = self.text.get(..offset).unwrap_or(&self.text);
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
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
        let quoted = format!("\"{id}\"");
        self.text
            .get(item..)
            .and_then(|t| t.find(&quoted))
            .map_or(item + 1, |rel| item + rel + quoted.len())
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
        let quoted = format!("\"{value}\"");
        let rel = self.text.get(field_at..)?.find(&quoted)?;
        Some(field_at + rel)
    }

    fn find_field_with_string(&self, from: usize, field: &str, value: &str) -> Option<usize> {
        let quoted = format!("\"{value}\"");
        let text = self.text.as_str();
        let mut start = from.min(text.len());
        while let Some(rel) = text.get(start..)?.find(&quoted) {
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

    /// Byte offset reached by moving `chars` characters forward from `offset`.
    #[must_use]
    pub fn advance_chars(&self, offset: usize, chars: usize) -> usize {
        let rest = self.text.get(offset..).unwrap_or("");
        offset
            + rest
                .char_indices()
                .nth(chars)
                .map_or(rest.len(), |(i, _)| i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(text: &str) -> SourceText {
        SourceText {
            file: "f.ron".into(),
            text: text.into(),
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
        let twice = src("[A(id: \"x\"), A(id: \"x\")]");
        let first = twice.find_item("x", 0).unwrap();
        let second = twice.find_item("x", twice.after_item(first, "x")).unwrap();
        assert_eq!(twice.location(second).column, 16);
    }
}
