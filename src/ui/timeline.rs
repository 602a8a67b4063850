//! The treatment plan drawn as a timeline: a band per phase, as long as the phase lasts, with
//! a mark for each session. The layout is plain geometry (emath, tested alone); drawing is
//! `timeline_ui`.

use egui::{Align2, Color32, FontId, Pos2, Rect, RichText, Stroke, Ui, pos2, vec2};

use super::palette::Palette;
use crate::model::content::Phase;

/// How long a phase with no set length is drawn, in weeks.
pub const OPEN_WEEKS: f32 = 8.0;
/// How long the last phase is drawn when it goes on while needed, in weeks.
pub const ONGOING_WEEKS: f32 = 12.0;
/// The least share of the width a phase gets, so its name fits.
pub const MIN_SHARE: f32 = 0.22;

/// Where a phase goes on the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct PhaseLayout {
    /// The phase's band.
    pub band: Rect,
    /// x of each session mark.
    pub marks: Vec<f32>,
    /// The last phase with no end: drawn with an arrow.
    pub ongoing: bool,
}

/// The weeks a phase is drawn for.
fn drawn_weeks(phase: &Phase, last: bool) -> f32 {
    match phase.weeks {
        #[allow(clippy::cast_precision_loss)] // a few weeks
        Some((_, longest)) => longest.max(1) as f32,
        None if last => ONGOING_WEEKS,
        None => OPEN_WEEKS,
    }
}

/// Lays the phases out left to right in `rect`: widths in proportion to their weeks (each at
/// least [`MIN_SHARE`] of the width), session marks spaced by the phase's average interval.
#[must_use]
pub fn timeline_layout(phases: &[Phase], rect: Rect) -> Vec<PhaseLayout> {
    let n = phases.len();
    if n == 0 || !rect.is_positive() {
        return Vec::new();
    }
    let weeks: Vec<f32> = phases
        .iter()
        .enumerate()
        .map(|(i, p)| drawn_weeks(p, i + 1 == n))
        .collect();
    let total: f32 = weeks.iter().sum();
    #[allow(clippy::cast_precision_loss)] // a few phases
    let min_share = MIN_SHARE.min(1.0 / n as f32);
    let raw: Vec<f32> = weeks.iter().map(|w| (w / total).max(min_share)).collect();
    let sum: f32 = raw.iter().sum();
    let mut x = rect.left();
    phases
        .iter()
        .zip(raw.iter().zip(&weeks))
        .enumerate()
        .map(|(i, (phase, (share, weeks)))| {
            let width = rect.width() * share / sum;
            let band = Rect::from_min_size(pos2(x, rect.top()), vec2(width, rect.height()));
            x += width;
            let (a, b) = phase.interval_days;
            #[allow(clippy::cast_precision_loss)] // days
            let interval_weeks = ((a + b) as f32 / 2.0 / 7.0).max(1.0 / 7.0);
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // a few marks
            let count = ((weeks / interval_weeks).floor() as usize).clamp(1, 60);
            #[allow(clippy::cast_precision_loss)] // a few marks
            let marks = (0..count)
                .map(|k| band.left() + (k as f32 + 0.5) * band.width() / count as f32)
                .collect();
            PhaseLayout {
                band,
                marks,
                ongoing: i + 1 == n && phase.weeks.is_none(),
            }
        })
        .collect()
}

/// The colour of the phase at `index`: from urgent to calm.
fn phase_colour(palette: &Palette, index: usize) -> Color32 {
    match index % 4 {
        0 => palette.danger,
        1 => palette.warning,
        2 => palette.success,
        _ => palette.info,
    }
}

/// The timeline, `height` points high, across the available width; then each phase's
/// frequency, length and goal.
pub fn timeline_ui(ui: &mut Ui, phases: &[Phase], palette: &Palette, height: f32, large: bool) {
    let width = ui.available_width();
    let (rect, response) = ui.allocate_exact_size(vec2(width, height), egui::Sense::hover());
    let painter = ui.painter_at(rect.expand(2.0));
    let band_area = Rect::from_min_max(rect.min, pos2(rect.right() - 14.0, rect.bottom() - 22.0));
    let layout = timeline_layout(phases, band_area);
    let text = ui.visuals().text_color();
    let name_size = if large { 20.0 } else { 14.0 };
    for (i, (phase, place)) in phases.iter().zip(&layout).enumerate() {
        let colour = phase_colour(palette, i);
        let band = place.band.shrink2(vec2(2.0, 0.0));
        let top = Rect::from_min_max(band.min, pos2(band.right(), band.center().y));
        painter.rect_filled(top, 4.0, colour.gamma_multiply(0.25));
        painter.rect_stroke(top, 4.0, Stroke::new(1.0, colour), egui::StrokeKind::Inside);
        painter.text(
            top.center(),
            Align2::CENTER_CENTER,
            &phase.name,
            FontId::proportional(name_size),
            text,
        );
        let line_y = band.center().y + band.height() * 0.25;
        painter.line_segment(
            [pos2(band.left(), line_y), pos2(band.right(), line_y)],
            Stroke::new(2.0, colour.gamma_multiply(0.6)),
        );
        for &x in &place.marks {
            painter.circle_filled(pos2(x, line_y), if large { 6.0 } else { 4.0 }, colour);
        }
        if place.ongoing {
            let tip = pos2(rect.right() - 2.0, line_y);
            painter.line_segment([pos2(band.right(), line_y), tip], Stroke::new(2.0, colour));
            painter.line_segment([tip, tip + vec2(-7.0, -5.0)], Stroke::new(2.0, colour));
            painter.line_segment([tip, tip + vec2(-7.0, 5.0)], Stroke::new(2.0, colour));
        }
        let length = match phase.weeks {
            Some((a, b)) if a == b => format!("{a} weeks"),
            Some((a, b)) => format!("{a}-{b} weeks"),
            None if place.ongoing => "ongoing".to_owned(),
            None => "as needed".to_owned(),
        };
        painter.text(
            Pos2::new(band.center().x, rect.bottom() - 10.0),
            Align2::CENTER_CENTER,
            length,
            FontId::proportional(if large { 15.0 } else { 12.0 }),
            text,
        );
    }
    response.on_hover_text("Each dot is one session");
    ui.add_space(4.0);
    for (i, phase) in phases.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(&phase.name)
                    .strong()
                    .color(phase_colour(palette, i)),
            );
            ui.label(RichText::new(&phase.frequency).strong());
        });
        ui.label(&phase.goal);
        ui.add_space(3.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phase(name: &str, interval_days: (u32, u32), weeks: Option<(u32, u32)>) -> Phase {
        Phase {
            name: name.into(),
            frequency: String::new(),
            interval_days,
            weeks,
            goal: String::new(),
        }
    }

    #[test]
    fn phases_run_left_to_right_with_sessions_spaced_by_their_interval() {
        let phases = [
            phase("Acute", (3, 7), Some((4, 6))),
            phase("Corrective", (7, 14), None),
            phase("Maintenance", (28, 31), None),
        ];
        let rect = Rect::from_min_size(pos2(10.0, 0.0), vec2(600.0, 80.0));
        let layout = timeline_layout(&phases, rect);
        assert_eq!(layout.len(), 3);
        let mut x = rect.left();
        for place in &layout {
            assert!((place.band.left() - x).abs() < 0.01, "no gaps or overlaps");
            assert!(place.band.width() >= rect.width() * MIN_SHARE - 0.01);
            assert!(
                place
                    .marks
                    .iter()
                    .all(|m| place.band.x_range().contains(*m))
            );
            x = place.band.right();
        }
        assert!((x - rect.right()).abs() < 0.01, "the phases fill the width");
        let counts: Vec<usize> = layout.iter().map(|p| p.marks.len()).collect();
        assert!(counts[0] > counts[1] && counts[1] > counts[2], "{counts:?}");
        assert!(layout[2].ongoing && !layout[0].ongoing && !layout[1].ongoing);
        assert!(timeline_layout(&[], rect).is_empty());
    }
}
