//! Small widgets the panels share (panels never import each other).

use egui::{Color32, RichText, Ui};

use super::palette::Palette;
use crate::model::Atlas;
use crate::model::content::{Safety, Urgency};

/// A section heading with a rule under it.
pub fn section(ui: &mut Ui, title: &str) {
    ui.add_space(10.0);
    ui.label(RichText::new(title).strong().size(16.0));
    ui.separator();
}

/// "Key: value", wrapped.
pub fn labelled(ui: &mut Ui, key: &str, value: &str) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("{key}:")).strong());
        ui.label(value);
    });
}

/// A tinted box for notes, relations and cautions.
pub fn callout(ui: &mut Ui, accent: Color32, text: &str) {
    egui::Frame::new()
        .fill(accent.gamma_multiply(0.10))
        .stroke(egui::Stroke::new(1.0, accent.gamma_multiply(0.7)))
        .corner_radius(4.0)
        .inner_margin(6.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(text);
        });
    ui.add_space(3.0);
}

/// The red flags, each with how soon to act and what to do; `urgent_only` keeps the
/// emergencies and same-day signs (where self-massage starts).
pub fn red_flags_ui(ui: &mut Ui, safety: &Safety, palette: &Palette, urgent_only: bool) {
    for flag in &safety.red_flags {
        let (word, color) = match flag.urgency {
            Urgency::Emergency => ("Emergency", palette.danger),
            Urgency::SameDay => ("Today", palette.warning),
            Urgency::Soon => ("Soon", palette.caution),
        };
        if urgent_only && flag.urgency == Urgency::Soon {
            continue;
        }
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(word).strong().color(color));
            ui.label(RichText::new(&flag.sign).strong());
        });
        ui.label(&flag.action);
        ui.add_space(4.0);
    }
}

/// The frame of every red-flag notice: a tinted panel with a danger-coloured border.
pub fn danger_frame(palette: &Palette) -> egui::Frame {
    egui::Frame::new()
        .fill(palette.danger.gamma_multiply(0.10))
        .stroke(egui::Stroke::new(1.5, palette.danger))
        .corner_radius(4.0)
        .inner_margin(8.0)
}

/// A framed red-flag notice: the emergency signs in one list, and a link to all of them.
/// Returns whether the link was clicked.
pub fn red_flag_notice_ui(ui: &mut Ui, safety: &Safety, palette: &Palette, title: &str) -> bool {
    let mut clicked = false;
    danger_frame(palette).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(title).strong().color(palette.danger));
        for flag in safety
            .red_flags
            .iter()
            .filter(|f| f.urgency == Urgency::Emergency)
        {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new("•").color(palette.danger));
                ui.label(&flag.sign);
            });
        }
        clicked = ui.link("All red flags and when not to massage…").clicked();
    });
    ui.add_space(4.0);
    clicked
}

/// Text with its web addresses as clickable links (a citation that names its URL).
pub fn text_with_links_ui(ui: &mut Ui, text: &str) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 0.0;
        for piece in split_links(text) {
            match piece {
                Piece::Text(t) => {
                    ui.weak(t);
                }
                Piece::Link(url) => {
                    ui.hyperlink_to(RichText::new(url).small(), url)
                        .on_hover_text("Open in the web browser");
                }
            }
        }
    });
}

/// A run of plain text or a web address.
#[derive(Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    Link(&'a str),
}

/// Splits text into plain runs and `http(s)://` addresses (a trailing full stop, comma or
/// closing bracket is not part of the address).
#[must_use]
pub fn split_links(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("https://").or_else(|| rest.find("http://")) {
        let (before, from) = rest.split_at(start);
        let end = from.find(char::is_whitespace).unwrap_or(from.len());
        let mut url = &from[..end];
        while let Some(stripped) = url.strip_suffix(['.', ',', ')', ';', ':']) {
            url = stripped;
        }
        if !before.is_empty() {
            out.push(Piece::Text(before));
        }
        out.push(Piece::Link(url));
        rest = &from[url.len()..];
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    out
}

/// The sources of an entry, as full citations with clickable addresses, then the footer.
pub fn sources_ui(ui: &mut Ui, atlas: &Atlas, sources: &[String]) {
    section(ui, "Sources");
    for id in sources {
        let text = atlas
            .source(id)
            .map_or(id.as_str(), |src| src.citation.as_str());
        ui.horizontal_wrapped(|ui| {
            ui.weak("•");
            text_with_links_ui(ui, text);
        });
    }
    if !atlas.safety.entry_footer.is_empty() {
        ui.add_space(8.0);
        ui.weak(&atlas.safety.entry_footer);
    }
}

/// "From the content pack …" under a title, for anything that did not ship with the app.
pub fn pack_note_ui(ui: &mut Ui, pack: Option<&crate::model::PackInfo>) {
    if let Some(pack) = pack.filter(|p| !p.is_builtin()) {
        let place = match &pack.origin {
            crate::model::PackOrigin::Dir(dir) => format!(" ({})", dir.display()),
            crate::model::PackOrigin::BuiltIn => String::new(),
        };
        ui.weak(format!("From the content pack \"{}\"{place}", pack.name))
            .on_hover_text(
                "Added by a content pack, not part of Bodywork Atlas's reviewed content",
            );
    }
}

/// A range of seconds: "30 s" or "30–90 s".
#[must_use]
pub fn secs((min, max): (u32, u32)) -> String {
    if min == max {
        format!("{min} s")
    } else {
        format!("{min}–{max} s")
    }
}

/// The word with a capital first letter.
#[must_use]
pub fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// A name as it reads inside a sentence: "Sciatic zone" becomes "sciatic zone", but an
/// abbreviation such as "L5" keeps its capital.
#[must_use]
pub fn in_sentence(name: &str) -> String {
    let mut chars = name.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if !second.is_uppercase() && !second.is_ascii_digit() => {
            first.to_lowercase().chain(name.chars().skip(1)).collect()
        }
        _ => name.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_in_citations_become_links() {
        let pieces = split_links("NICE NG59. London; 2020. https://www.nice.org.uk/guidance/ng59.");
        assert_eq!(
            pieces,
            vec![
                Piece::Text("NICE NG59. London; 2020. "),
                Piece::Link("https://www.nice.org.uk/guidance/ng59"),
                Piece::Text("."),
            ]
        );
        assert_eq!(split_links("no address"), vec![Piece::Text("no address")]);
    }

    #[test]
    fn names_read_naturally_inside_sentences() {
        assert_eq!(in_sentence("Sciatic zone"), "sciatic zone");
        assert_eq!(in_sentence("L5 section"), "L5 section");
        assert_eq!(capitalise("left"), "Left");
    }
}
