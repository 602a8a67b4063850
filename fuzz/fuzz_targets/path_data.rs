//! The path-data parser on arbitrary text, and on success everything the loader does with the
//! shape: flattening (fine and coarse), tessellation, mirroring, bounding box, area, an inside
//! point and hit-testing. Any outcome but a panic, a hang or an abort is fine.
#![no_main]

use bodywork_atlas::model::geometry::{
    COARSE_TOLERANCE, area_and_centroid, bounding_box, contains_point, flatten, flatten_within,
    interior_point, mirror_segments, parse_path, points_of, tessellate,
};
use libfuzzer_sys::fuzz_target;

/// A canvas side larger than any view's (the shipped ones are at most 2000).
const MAX_CANVAS: f32 = 10_000.0;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(segments) = parse_path(text) else {
        return;
    };
    // As the loader does: a shape with a point off the canvas is refused before it is
    // flattened or tessellated (found by this target: a curve to y = 1.7e16 took lyon minutes).
    let on_canvas = segments
        .iter()
        .flat_map(points_of)
        .all(|p| (0.0..=MAX_CANVAS).contains(&p.x) && (0.0..=MAX_CANVAS).contains(&p.y));
    if !on_canvas {
        return;
    }
    let rings = flatten(&segments, true);
    let _ = flatten_within(&segments, false, COARSE_TOLERANCE);
    let mesh = tessellate(&segments);
    let _ = area_and_centroid(&mesh);
    if let Some(bbox) = bounding_box(&rings) {
        let _ = contains_point(&rings, bbox.center());
    }
    let _ = interior_point(&mesh, &rings);
    let _ = mirror_segments(&segments, 500.0);
});
