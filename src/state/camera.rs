//! Zoom and pan of a diagram: maps diagram coordinates to screen points.

use emath::{Pos2, Rect, TSTransform, Vec2};

/// The smallest and largest zoom, relative to "whole canvas fits".
pub const ZOOM_RANGE: (f32, f32) = (0.5, 12.0);

/// How much of the screen a selection brought into view fills (its larger side).
pub const FOCUS_FILL: f32 = 0.4;

/// The most a selection is zoomed in on when it is brought into view.
pub const FOCUS_MAX_ZOOM: f32 = 6.0;

/// Where the diagram is looked at: `zoom` 1.0 fits the canvas in the screen rect, and `center`
/// is the diagram point shown in the middle.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Camera {
    pub zoom: f32,
    pub center: Pos2,
}

impl Camera {
    /// The whole canvas, centred.
    #[must_use]
    pub fn fit(canvas: Rect) -> Self {
        Self {
            zoom: 1.0,
            center: canvas.center(),
        }
    }

    fn fit_scale(screen: Rect, canvas: Rect) -> f32 {
        let s = (screen.width() / canvas.width()).min(screen.height() / canvas.height()) * 0.97;
        if s.is_finite() && s > 0.0 { s } else { 1.0 }
    }

    /// Screen pixels per diagram unit.
    #[must_use]
    pub fn scale(&self, screen: Rect, canvas: Rect) -> f32 {
        Self::fit_scale(screen, canvas) * self.zoom
    }

    /// The transform from diagram coordinates to screen points.
    #[must_use]
    pub fn screen_from_diagram(&self, screen: Rect, canvas: Rect) -> TSTransform {
        let scale = self.scale(screen, canvas);
        TSTransform::new(
            screen.center().to_vec2() - self.center.to_vec2() * scale,
            scale,
        )
    }

    /// Zooms by `factor`, keeping the diagram point under `screen_point` where it is.
    pub fn zoom_around(&mut self, screen_point: Pos2, factor: f32, screen: Rect, canvas: Rect) {
        let diagram_point = self
            .screen_from_diagram(screen, canvas)
            .inverse()
            .mul_pos(screen_point);
        self.zoom = (self.zoom * factor).clamp(ZOOM_RANGE.0, ZOOM_RANGE.1);
        let scale = self.scale(screen, canvas);
        self.center = diagram_point - (screen_point - screen.center()) / scale;
        self.clamp(canvas);
    }

    /// Moves the view by a screen-space drag.
    pub fn pan(&mut self, screen_delta: Vec2, screen: Rect, canvas: Rect) {
        self.center -= screen_delta / self.scale(screen, canvas);
        self.clamp(canvas);
    }

    /// Centres on `target` and zooms so that it fills [`FOCUS_FILL`] of the screen (the larger of its
    /// sides sets the zoom), up to [`FOCUS_MAX_ZOOM`]: a muscle a few pixels tall at the whole
    /// figure becomes large enough to read and click.
    #[must_use]
    pub fn focused_on(target: Rect, screen: Rect, canvas: Rect) -> Self {
        let fit = Self::fit_scale(screen, canvas);
        let wanted = (FOCUS_FILL * screen.width() / target.width().max(1.0))
            .min(FOCUS_FILL * screen.height() / target.height().max(1.0))
            / fit;
        let mut camera = Self {
            zoom: wanted.clamp(1.0, FOCUS_MAX_ZOOM),
            center: target.center(),
        };
        camera.clamp(canvas);
        camera
    }

    /// A step of an animation from `self` toward `target`: `t` 0 stays, 1 arrives.
    #[must_use]
    pub fn lerp_toward(self, target: Self, t: f32) -> Self {
        let t = t.clamp(0.0, 1.0);
        // Zoom eases in log space so zooming in and out feel the same.
        let zoom = (self.zoom.ln() + (target.zoom.ln() - self.zoom.ln()) * t).exp();
        Self {
            zoom: if zoom.is_finite() { zoom } else { target.zoom },
            center: self.center + (target.center - self.center) * t,
        }
    }

    /// Whether two cameras show the same picture to within a fraction of a pixel.
    #[must_use]
    pub fn close_to(self, other: Self) -> bool {
        (self.zoom - other.zoom).abs() < 1e-3 && (self.center - other.center).length() < 0.05
    }

    /// Keeps the centre on the canvas and the zoom in range (also for restored or odd values).
    pub fn clamp(&mut self, canvas: Rect) {
        self.center = self.center.clamp(canvas.min, canvas.max);
        if !self.zoom.is_finite() {
            self.zoom = 1.0;
        }
        self.zoom = self.zoom.clamp(ZOOM_RANGE.0, ZOOM_RANGE.1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use emath::{pos2, vec2};

    fn canvas() -> Rect {
        Rect::from_min_size(Pos2::ZERO, vec2(1000.0, 2000.0))
    }

    #[test]
    fn fit_puts_the_canvas_inside_the_screen() {
        let screen = Rect::from_min_size(pos2(100.0, 50.0), vec2(800.0, 800.0));
        let t = Camera::fit(canvas()).screen_from_diagram(screen, canvas());
        let shown = t.mul_rect(canvas());
        assert!(screen.contains_rect(shown), "{shown:?}");
        assert!((shown.center() - screen.center()).length() < 0.01);
    }

    #[test]
    fn zoom_keeps_the_point_under_the_pointer() {
        let screen = Rect::from_min_size(Pos2::ZERO, vec2(800.0, 600.0));
        let mut cam = Camera::fit(canvas());
        let pointer = pos2(300.0, 200.0);
        let before = cam
            .screen_from_diagram(screen, canvas())
            .inverse()
            .mul_pos(pointer);
        cam.zoom_around(pointer, 2.0, screen, canvas());
        let after = cam
            .screen_from_diagram(screen, canvas())
            .inverse()
            .mul_pos(pointer);
        assert!((before - after).length() < 0.01, "{before:?} {after:?}");
        assert!((cam.zoom - 2.0).abs() < 1e-6);
    }

    #[test]
    fn focusing_on_a_thin_muscle_makes_it_large_and_centred() {
        let screen = Rect::from_min_size(Pos2::ZERO, vec2(900.0, 900.0));
        // About the size of piriformis on the back view.
        let target = Rect::from_min_size(pos2(360.0, 960.0), vec2(120.0, 45.0));
        let cam = Camera::focused_on(target, screen, canvas());
        let shown = cam.screen_from_diagram(screen, canvas()).mul_rect(target);
        assert!(screen.contains_rect(shown), "{shown:?}");
        assert!(shown.width() > 0.3 * screen.width(), "{shown:?}");
        assert!((shown.center() - screen.center()).length() < 0.5);
        let whole = Camera::focused_on(canvas(), screen, canvas());
        assert!(
            (whole.zoom - 1.0).abs() < 1e-6,
            "never zooms out past the whole figure"
        );
    }

    #[test]
    fn an_animation_arrives_at_its_target() {
        let a = Camera::fit(canvas());
        let b = Camera {
            zoom: 6.0,
            center: pos2(420.0, 980.0),
        };
        let mid = a.lerp_toward(b, 0.5);
        assert!(mid.zoom > a.zoom && mid.zoom < b.zoom);
        assert!(!mid.close_to(b));
        assert!(a.lerp_toward(b, 1.0).close_to(b));
    }

    #[test]
    fn pan_moves_with_the_drag() {
        let screen = Rect::from_min_size(Pos2::ZERO, vec2(800.0, 600.0));
        let mut cam = Camera::fit(canvas());
        cam.zoom = 3.0;
        let t0 = cam.screen_from_diagram(screen, canvas());
        cam.pan(vec2(40.0, -10.0), screen, canvas());
        let t1 = cam.screen_from_diagram(screen, canvas());
        let p = pos2(500.0, 1000.0);
        assert!((t1.mul_pos(p) - t0.mul_pos(p) - vec2(40.0, -10.0)).length() < 0.01);
    }
}
