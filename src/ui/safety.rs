//! The safety window: the disclaimer, red flags and when not to massage.

use egui::{RichText, Ui};

use super::palette::Palette;
use super::widgets::text_with_links_ui;
use crate::model::content::{Safety, Urgency};

/// The safety text; shown in a window.
pub fn safety_ui(ui: &mut Ui, safety: &Safety, palette: &Palette, cite: impl Fn(&str) -> String) {
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.label(RichText::new(&safety.disclaimer).italics());
        ui.add_space(8.0);
        ui.label(RichText::new("Red flags: see a doctor").strong().size(16.0));
        ui.separator();
        for flag in &safety.red_flags {
            let (word, color) = match flag.urgency {
                Urgency::Emergency => ("Emergency", palette.danger),
                Urgency::SameDay => ("Today", palette.warning),
                Urgency::Soon => ("Soon", palette.caution),
            };
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(word).strong().color(color));
                ui.label(RichText::new(&flag.sign).strong());
            });
            ui.label(&flag.action);
            ui.add_space(4.0);
        }
        ui.add_space(6.0);
        ui.label(RichText::new("Do not massage").strong().size(16.0));
        ui.separator();
        for item in &safety.do_not_massage {
            ui.horizontal_wrapped(|ui| {
                ui.label("•");
                ui.label(item);
            });
        }
        ui.add_space(6.0);
        ui.weak("Sources:");
        for id in &safety.sources {
            ui.horizontal_wrapped(|ui| {
                ui.weak("•");
                text_with_links_ui(ui, &cite(id));
            });
        }
    });
}
