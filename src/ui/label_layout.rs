//! Where atlas-style labels go: in two columns beside the figure, each joined to its region by
//! a leader line, stacked without overlaps. Plain geometry in screen points (emath only, no
//! `Ui`), tested alone.

use emath::{Pos2, Rect, Vec2, pos2};

/// A label to place: the point it names and the size of its text.
#[derive(Clone, Debug, PartialEq)]
pub struct LabelRequest {
    /// The point on the region the leader line ends at.
    pub anchor: Pos2,
    /// The text's size.
    pub size: Vec2,
    /// Higher first when there is not room for every label (the selection, then larger
    /// regions).
    pub priority: f32,
}

/// A placed label: where its text goes and where its leader line starts and ends.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedLabel {
    /// Index into the requests.
    pub index: usize,
    /// The text's rectangle.
    pub rect: Rect,
    /// The leader line: from the label's edge to the anchor.
    pub leader: [Pos2; 2],
}

/// Vertical gap between stacked labels.
const GAP: f32 = 2.0;
/// Space between a column and the figure, or the screen edge.
const MARGIN: f32 = 8.0;

/// Places labels in a column on each side of `figure` (the figure's rectangle on screen),
/// inside `screen`: anchors left of the figure's centre go left, the others right. Each column
/// is as close to its anchors' heights as the labels allow without overlapping; where the
/// figure leaves no room beside it, the column lies along the screen edge over the figure.
/// Labels that do not fit are dropped, lowest priority first.
#[must_use]
pub fn place_labels(requests: &[LabelRequest], figure: Rect, screen: Rect) -> Vec<PlacedLabel> {
    let centre = figure.center().x;
    let mut placed = Vec::new();
    for left in [true, false] {
        let mut side: Vec<usize> = (0..requests.len())
            .filter(|&i| requests[i].anchor.x.is_finite() && requests[i].anchor.y.is_finite())
            .filter(|&i| (requests[i].anchor.x < centre) == left)
            .collect();
        // Keep the most important that fit in the column's height.
        side.sort_by(|&a, &b| requests[b].priority.total_cmp(&requests[a].priority));
        let mut height = 0.0;
        side.retain(|&i| {
            let h = requests[i].size.y + GAP;
            if height + h <= screen.height() {
                height += h;
                true
            } else {
                false
            }
        });
        side.sort_by(|&a, &b| requests[a].anchor.y.total_cmp(&requests[b].anchor.y));
        let ys = stack(
            &side
                .iter()
                .map(|&i| (requests[i].anchor.y, requests[i].size.y))
                .collect::<Vec<_>>(),
            screen.top(),
            screen.bottom(),
        );
        for (&i, y) in side.iter().zip(ys) {
            let size = requests[i].size;
            let rect = if left {
                // Right-aligned against the figure, or along the screen's left edge.
                let right = (figure.left() - MARGIN).max(screen.left() + MARGIN + size.x);
                Rect::from_min_size(pos2(right - size.x, y), size)
            } else {
                let left_x = (figure.right() + MARGIN).min(screen.right() - MARGIN - size.x);
                Rect::from_min_size(pos2(left_x, y), size)
            };
            let start = if left {
                pos2(rect.right() + 2.0, rect.center().y)
            } else {
                pos2(rect.left() - 2.0, rect.center().y)
            };
            placed.push(PlacedLabel {
                index: i,
                rect,
                leader: [start, requests[i].anchor],
            });
        }
    }
    placed
}

/// Tops for boxes of the given (wanted centre, height), in order, so that none overlap and all
/// lie within `top..bottom` where they fit: first each as near its wanted place as the ones
/// above allow, then pushed up from the bottom where the column overflows.
fn stack(items: &[(f32, f32)], top: f32, bottom: f32) -> Vec<f32> {
    let mut tops: Vec<f32> = Vec::with_capacity(items.len());
    let mut next = top;
    for &(centre, height) in items {
        let y = (centre - height / 2.0).max(next);
        tops.push(y);
        next = y + height + GAP;
    }
    let mut limit = bottom;
    for (y, &(_, height)) in tops.iter_mut().zip(items).rev() {
        if *y + height > limit {
            *y = limit - height;
        }
        limit = *y - GAP;
    }
    tops
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(x: f32, y: f32, priority: f32) -> LabelRequest {
        LabelRequest {
            anchor: pos2(x, y),
            size: Vec2::new(80.0, 14.0),
            priority,
        }
    }

    fn screen() -> Rect {
        Rect::from_min_max(pos2(0.0, 0.0), pos2(1000.0, 800.0))
    }

    fn figure() -> Rect {
        Rect::from_min_max(pos2(300.0, 0.0), pos2(700.0, 800.0))
    }

    #[test]
    fn labels_go_beside_the_figure_on_their_own_side_without_overlaps() {
        // Many anchors at nearly the same height: the column spreads them out.
        let requests: Vec<LabelRequest> = (0..20)
            .map(|i| {
                request(
                    if i % 2 == 0 { 400.0 } else { 600.0 },
                    400.0 + i as f32,
                    1.0,
                )
            })
            .collect();
        let placed = place_labels(&requests, figure(), screen());
        assert_eq!(placed.len(), 20);
        for p in &placed {
            assert!(screen().contains_rect(p.rect), "{p:?}");
            assert!(
                !p.rect.intersects(figure().shrink(1.0)),
                "beside the figure: {p:?}"
            );
            let left = requests[p.index].anchor.x < 500.0;
            assert_eq!(p.rect.right() <= 300.0, left, "{p:?}");
            assert_eq!(p.leader[1], requests[p.index].anchor);
        }
        for (i, a) in placed.iter().enumerate() {
            for b in &placed[i + 1..] {
                assert!(!a.rect.intersects(b.rect), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn a_label_sits_level_with_its_anchor_when_there_is_room() {
        let placed = place_labels(&[request(400.0, 250.0, 1.0)], figure(), screen());
        assert!((placed[0].rect.center().y - 250.0).abs() < 0.5);
        assert!(
            (placed[0].leader[0].y - 250.0).abs() < 0.5,
            "a level leader line"
        );
    }

    #[test]
    fn when_the_column_is_full_the_least_important_labels_are_dropped() {
        let mut requests: Vec<LabelRequest> = (0..100)
            .map(|i| request(400.0, i as f32 * 8.0, 1.0))
            .collect();
        requests[57].priority = 10.0;
        let placed = place_labels(&requests, figure(), screen());
        assert!(placed.len() < 100 && placed.len() >= 45, "{}", placed.len());
        assert!(
            placed.iter().any(|p| p.index == 57),
            "the selection keeps its label"
        );
        for p in &placed {
            assert!(screen().contains_rect(p.rect));
        }
    }

    #[test]
    fn a_figure_filling_the_screen_gets_its_labels_along_the_screen_edges() {
        let placed = place_labels(
            &[request(100.0, 300.0, 1.0), request(900.0, 300.0, 1.0)],
            Rect::from_min_max(pos2(-500.0, -500.0), pos2(1500.0, 1500.0)),
            screen(),
        );
        assert_eq!(placed.len(), 2);
        for p in &placed {
            assert!(screen().contains_rect(p.rect), "{p:?}");
        }
    }
}
