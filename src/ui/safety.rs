//! The safety window: the disclaimer, red flags and when not to massage.

use egui::{RichText, Ui};

use super::palette::Palette;
use super::widgets::{red_flags_ui, text_with_links_ui};
use crate::model::content::Safety;

/// The safety text; shown in a window.
pub fn safety_ui(ui: &mut Ui, safety: &Safety, palette: &Palette, cite: impl Fn(&str) -> String) {
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.label(RichText::new(&safety.disclaimer).italics());
        ui.add_space(8.0);
        ui.label(RichText::new("Red flags: see a doctor").strong().size(16.0));
        ui.separator();
        red_flags_ui(ui, safety, palette, false);
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
