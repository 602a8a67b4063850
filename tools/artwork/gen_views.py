#!/usr/bin/env python3
"""Generate the body diagrams data/views/posterior.ron and data/views/anterior.ron.

Python 3 standard library only. Shapes are written as control points in figure units
(dx = distance from the midline in head heights H, h = height from the top of the head in H),
turned into smooth cubic Bezier paths (Catmull-Rom style tangents, with optional corners),
checked (closed, no self-intersections, inside the canvas, inside the body) and written as RON.
Preview SVGs for several layer combinations are written to /tmp/artwork/ (or --preview DIR).

Usage: python3 tools/artwork/gen_views.py [--preview DIR] [--no-preview]
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pathkit import (  # noqa: E402
    _unit,
    bez,
    closed_path,
    fmt,
    open_path,
    point_in_poly,
    seg_path,
    spline,
    write_view,
)

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
MID = 500.0
HX = 250.0  # x units per head height
HY = 247.5  # y units per head height (figure from y = 10 to y = 1990)
Y0 = 10.0
FIBRES = True  # thin fibre-direction lines (SkinLine, no structure) on the muscle layers

# ----------------------------------------------------------------------------- geometry


class Fig:
    """Converts figure units to canvas units for one side of one view."""

    sx = HX  # canvas units per head height, across

    def __init__(self, sign):
        # sign = -1: the person's left is at x < 500 (posterior); +1: x > 500 (anterior)
        self.sign = sign

    def p(self, dx, h):
        return (MID + self.sign * HX * dx, Y0 + HY * h)

    def pts(self, seq):
        out = []
        for item in seq:
            corner = len(item) > 2 and item[2] == "c"
            x, y = self.p(item[0], item[1])
            out.append((x, y, corner))
        return out


def poly_path(points, closed=True):
    out = ["M %s %s" % (fmt(points[0][0]), fmt(points[0][1]))]
    for p in points[1:]:
        out.append("L %s %s" % (fmt(p[0]), fmt(p[1])))
    if closed:
        out.append("Z")
    return " ".join(out)


def ellipse_path(cx, cy, rx, ry):
    k = 0.5523
    return (
        "M %s %s C %s %s %s %s %s %s C %s %s %s %s %s %s C %s %s %s %s %s %s C %s %s %s %s %s %s Z"
        % tuple(
            fmt(v)
            for v in (
                cx + rx, cy,
                cx + rx, cy + k * ry, cx + k * rx, cy + ry, cx, cy + ry,
                cx - k * rx, cy + ry, cx - rx, cy + k * ry, cx - rx, cy,
                cx - rx, cy - k * ry, cx - k * rx, cy - ry, cx, cy - ry,
                cx + k * rx, cy - ry, cx + rx, cy - k * ry, cx + rx, cy,
            )
        )
    )


def ribbon_points(center, caps="round"):
    """center: list of (x, y, width) in canvas units. Returns closed outline points."""
    n = len(center)
    left, right = [], []
    for i, (x, y, w) in enumerate(center):
        a = center[max(i - 1, 0)]
        b = center[min(i + 1, n - 1)]
        t = _unit((b[0] - a[0], b[1] - a[1]))
        nrm = (-t[1], t[0])
        left.append((x + nrm[0] * w / 2, y + nrm[1] * w / 2, False))
        right.append((x - nrm[0] * w / 2, y - nrm[1] * w / 2, False))
    out = []
    t0 = _unit((center[1][0] - center[0][0], center[1][1] - center[0][1]))
    t1 = _unit((center[-1][0] - center[-2][0], center[-1][1] - center[-2][1]))
    if caps == "round":
        out.extend(left)
        w = center[-1][2]
        out.append((center[-1][0] + t1[0] * w * 0.45, center[-1][1] + t1[1] * w * 0.45, False))
        out.extend(reversed(right))
        w = center[0][2]
        out.append((center[0][0] - t0[0] * w * 0.45, center[0][1] - t0[1] * w * 0.45, False))
    else:
        left[0] = (left[0][0], left[0][1], True)
        left[-1] = (left[-1][0], left[-1][1], True)
        right[0] = (right[0][0], right[0][1], True)
        right[-1] = (right[-1][0], right[-1][1], True)
        out.extend(left)
        out.extend(reversed(right))
    return out


def mirror_x(x):
    return 2 * MID - x


def mirror_path_points(points):
    return [(mirror_x(p[0]), p[1], p[2]) for p in points]


def symmetric_closed(half):
    """half: canvas points (x, y, corner) from a point ON the midline, down one side, to a point ON
    the midline. Returns an exactly symmetric closed path (the other half mirrored)."""
    first, last = half[0], half[-1]
    inner = half[1:-1]
    loop = list(half) + [(mirror_x(p[0]), p[1], p[2]) for p in reversed(inner)]
    segs = spline(loop, True)
    k = len(half) - 1
    left = segs[:k]

    def r(p):
        return (round(p[0], 1), round(p[1], 1))

    left = [tuple(r(q) for q in s) for s in left]
    # force the end points exactly on the midline
    s0 = left[0]
    left[0] = ((MID, s0[0][1]), s0[1], s0[2], s0[3])
    s1 = left[-1]
    left[-1] = (s1[0], s1[1], s1[2], (MID, s1[3][1]))
    right = []
    for (a, c1, c2, b) in reversed(left):
        right.append(((mirror_x(b[0]), b[1]), (mirror_x(c2[0]), c2[1]), (mirror_x(c1[0]), c1[1]), (mirror_x(a[0]), a[1])))
    return seg_path(left + right, True)


def with_mirror(path_left, path_right):
    return path_left + " " + path_right


# ----------------------------------------------------------------------------- path parsing for checks


# ----------------------------------------------------------------------------- view builder


class View:
    def __init__(self, vid, title, orientation, layers, sign, intro=()):
        self.id = vid
        self.title = title
        self.orientation = orientation
        self.intro = intro  # paragraphs shown while nothing is selected
        self.layers = layers  # (id, title, visible, opacity)
        self.regions = []
        self.f = Fig(sign)
        self.order = 0 if vid == "posterior" else 1
        self.canvas = (1000.0, 2000.0)

    def add(self, rid, layer, side, paint, path, structure=None, mirror=None, attaches=()):
        """`attaches`: bone region ids (same view, same side naming) the shape reaches: origin and insertion."""
        self.regions.append(
            dict(id=rid, layer=layer, side=side, paint=paint, path=path, structure=structure, mirror=mirror,
                 attaches=list(attaches))
        )

    def shape(self, rid, layer, structure, paint, seq, mirror=True):
        self.add(rid, layer, "Left", paint, closed_path(self.f.pts(seq)), structure, (rid[: -len("_left")] + "_right") if mirror else None)

    def ribbon(self, rid, layer, structure, paint, seq, caps="round"):
        center = [self.f.p(dx, h) + (w,) for (dx, h, w) in seq]
        self.add(rid, layer, "Left", paint, closed_path(ribbon_points(center, caps)), structure, rid[: -len("_left")] + "_right")

    # ---- output

    def write(self):
        """Writes the view's artwork (data/views/<id>.svg) and its sidecar (<id>.ron)."""
        write_view(
            ROOT,
            "gen_views.py",
            self.id,
            self.title,
            self.order,
            self.orientation,
            self.canvas,
            500.0,
            self.layers,
            self.regions,
            self.intro,
        )

# ----------------------------------------------------------------------------- the figure


def outline_half(view, front):
    """Left half of the body outline, from the top of the head down the viewer's left side to
    the crotch, in (dx, h) with dx >= 0 measured toward the viewer's left."""
    crotch = 4.2 if front else 4.3
    half = [
        (0, 0),
        (0.2, 0.035),
        (0.315, 0.15),
        (0.36, 0.33),
        (0.37, 0.48),
        (0.355, 0.62),
        (0.325, 0.75),
        (0.285, 0.86),
        (0.25, 0.96),
        (0.238, 1.07),
        (0.255, 1.17),
        (0.34, 1.25),
        (0.52, 1.31),
        (0.72, 1.37),
        (0.87, 1.42),
        (0.975, 1.5),
        (1.03, 1.62),
        (1.06, 1.8),
        (1.085, 2.05),
        (1.12, 2.4),
        (1.17, 2.8),
        (1.23, 3.12),
        (1.26, 3.45),
        (1.275, 3.82),
        (1.31, 3.98),
        (1.33, 4.2),
        (1.32, 4.45),
        (1.28, 4.62),
        (1.2, 4.69),
        (1.12, 4.63),
        (1.085, 4.42),
        (1.07, 4.15),
        (1.06, 3.85),
        (1.025, 3.45),
        (0.97, 3.1),
        (0.925, 2.8),
        (0.87, 2.5),
        (0.83, 2.25),
        (0.79, 2.08, "c"),  # armpit
        (0.765, 2.25),
        (0.735, 2.5),
        (0.68, 2.8),
        (0.62, 3.05),
        (0.605, 3.22),
        (0.635, 3.42),
        (0.69, 3.62),
        (0.745, 3.82),
        (0.775, 4.0),
        (0.77, 4.2),
        (0.75, 4.5),
        (0.73, 4.85),
        (0.69, 5.25),
        (0.625, 5.6),
        (0.57, 5.88),
        (0.555, 6.03),
        (0.565, 6.2),
        (0.572, 6.4),
        (0.55, 6.66),
        (0.5, 6.96),
        (0.445, 7.3),
        (0.415, 7.56),
        (0.428, 7.7),
    ]
    if front:
        half += [
            (0.445, 7.82),
            (0.47, 7.95),
            (0.43, 8.0),
            (0.22, 8.0),
            (0.17, 7.96),
            (0.19, 7.85),
            (0.205, 7.74),
        ]
    else:
        half += [
            (0.435, 7.86),
            (0.415, 7.97),
            (0.33, 8.0),
            (0.23, 7.98),
            (0.2, 7.9),
            (0.197, 7.74),
        ]
    half += [
        (0.218, 7.55),
        (0.207, 7.25),
        (0.168, 6.9),
        (0.138, 6.5),
        (0.142, 6.25),
        (0.16, 6.05),
        (0.155, 5.85),
        (0.135, 5.5),
        (0.11, 5.1),
        (0.075, 4.7),
    ]
    if front:
        half += [(0.035, 4.36), (0, crotch, "c")]
    else:
        half += [(0.035, 4.45), (0, crotch, "c")]
    return half


FEMUR = [
    (0.37, 3.995), (0.362, 3.94), (0.39, 3.892), (0.45, 3.872), (0.51, 3.895), (0.565, 3.93),
    (0.62, 3.925), (0.675, 3.895), (0.725, 3.925), (0.745, 4.0), (0.73, 4.1), (0.69, 4.25),
    (0.655, 4.5), (0.61, 4.85), (0.56, 5.25), (0.52, 5.55), (0.535, 5.72), (0.55, 5.85),
    (0.54, 5.97), (0.48, 6.02), (0.41, 5.98, "c"), (0.34, 6.03), (0.25, 6.01), (0.205, 5.93),
    (0.215, 5.8), (0.27, 5.68), (0.36, 5.5), (0.43, 5.25), (0.485, 4.85), (0.53, 4.5),
    (0.555, 4.25), (0.54, 4.12), (0.48, 4.07), (0.42, 4.04),
]


def fibres(view, rid, layer, lines):
    """Fibre-direction hints: thin lines, both sides, not clickable."""
    if FIBRES:
        view.add(rid, layer, "Midline", "SkinLine", " ".join(sym_line(view, l) for l in lines))


def sym_line(view, seq):
    """Open smooth skin line on the viewer's left plus its mirror image (two subpaths)."""
    pts = view.f.pts(seq)
    a = open_path(pts)
    b = open_path(mirror_path_points(pts))
    return a + " " + b


def sym_ellipse(view, dx, h, rx, ry):
    x, y = view.f.p(dx, h)
    return ellipse_path(x, y, rx, ry) + " " + ellipse_path(mirror_x(x), y, rx, ry)


def skin_common(v, front):
    v.add("body_outline" if not front else "ant_body_outline", "skin", "Midline", "Skin",
          symmetric_closed(v.f.pts(outline_half(v, front))))
    pre = "ant_" if front else ""
    # fingers: three lines between four fingers, plus the thumb web
    fingers = []
    for (x0, x1) in ((1.145, 1.15), (1.195, 1.205), (1.245, 1.255)):
        fingers.append([(x0, 4.36), (x1 - 0.002, 4.5), (x1, 4.62)])
    d = " ".join(sym_line(v, s) for s in fingers)
    d += " " + sym_line(v, [(1.3, 4.0), (1.285, 4.16), (1.295, 4.32)])
    v.add(pre + "finger_lines", "skin", "Midline", "SkinLine", d)


POSTERIOR_INTRO = [
    "The back of the body, drawn like an atlas plate from the skeleton out: the low back, buttock, "
    "thigh and calf muscles that matter most in sciatica, each reaching the bones it pulls on. The "
    "superficial muscles show first: erector spinae beside the spine, gluteus maximus over the "
    "buttock, the hamstrings and the calf, with the bones showing faintly where no muscle covers them.",
    "Click a muscle to read what it is, where it attaches, what it does, how it relates to the "
    "sciatic nerve, and how to massage it yourself.",
    "Turn on the deep muscles to lift gluteus maximus away: piriformis, the small hip rotators "
    "below it (superior gemellus, obturator internus, inferior gemellus, quadratus femoris) and the "
    "sciatic nerve leaving the pelvis under piriformis and running down the back of the thigh. The "
    "nerve's less common routes past piriformis are separate layers; only one is shown at a time. "
    "For a larger drawing of the buttock, open the hip close-up.",
    "Two layers map the skin instead of the muscles. Referred pain shows, one muscle at a time, "
    "where trigger points in piriformis, gluteus medius and minimus, quadratus lumborum and the "
    "hamstrings send pain, as Travell and Simons drew it: a clinical pattern, not proof. Selecting "
    "one of these muscles shows its pattern as well. Dermatomes shows the strips of skin served by "
    "the L4, L5, S1 and S2 nerve roots, which is where pain, tingling or numbness from a pressed "
    "root runs. The drawing follows the evidence-based map of Lee et al. (2008); the classic maps of "
    "Foerster and of Keegan and Garrett draw the strips differently, and on every map neighbouring "
    "strips overlap.",
]

HIP_INTRO = [
    "A close-up of the back of the pelvis and hip, seen from behind, with gluteus maximus drawn as "
    "a faint veil so the deep muscles under it show: gluteus medius under the iliac crest, drawn "
    "cut open (as an atlas lifts it) to show gluteus minimus beneath, piriformis running from the "
    "sacrum through the greater sciatic notch to the top of the greater trochanter, and below it "
    "superior gemellus, the obturator internus tendon and inferior gemellus converging on the "
    "trochanter, and quadratus femoris.",
    "The sciatic nerve leaves the pelvis just below piriformis, beside the sacrum, and runs down "
    "between the sitting bone (ischial tuberosity) and the greater trochanter, a little nearer the "
    "sitting bone; the thin posterior femoral cutaneous nerve runs beside it. The less common routes "
    "of the nerve past piriformis can be shown instead of the usual one, one at a time.",
    "The bony points you can feel through the skin are drawn too: the dimples over the posterior "
    "superior iliac spines, the edge of the sacrum, the sitting bones and the greater trochanters. "
    "They are the map for finding the muscles, and for keeping pressure off the nerve.",
]

# Sciatic nerve courses past piriformis: the usual one first (shown by default), then the
# variants, alternatives in one exclusive group. Prevalences from Tomaszewski et al. 2016
# (meta-analysis of 7,068 limbs: the usual course 85.2%, the common fibular division through
# piriformis 9.8%, every other pattern together about 5%); see data/sources.ron.
# The titles share "Sciatic nerve: ", which the layer panel shows once as the group's name with
# the rest of each title as a choice.
SCIATIC_COURSES = [
    ("nerves", "Sciatic nerve: usual course, below piriformis (85%)", True),
    ("nerves_through", "Sciatic nerve: one division through piriformis (10%)", False),
    ("nerves_split", "Sciatic nerve: split around piriformis (<5%)", False),
    ("nerves_above", "Sciatic nerve: all above piriformis (<5%)", False),
]


class ScaledFig(Fig):
    """Figure units to canvas units for a close-up: `sx` canvas units per head height, the
    figure height h0 at canvas y `top`."""

    def __init__(self, sign, sx, h0, top):
        self.sign = sign
        self.sx = sx
        self.sy = sx * HY / HX
        self.h0 = h0
        self.top = top

    def p(self, dx, h):
        return (MID + self.sign * self.sx * dx, self.top + self.sy * (h - self.h0))


def fibre(v, rid, layer, lines):
    """Fibre-direction strokes (Paint Fibre, no structure), both sides, on the muscle's layer."""
    v.add(rid, layer, "Midline", "Fibre", " ".join(sym_line(v, l) for l in lines))


def ribbon2(v, rid, layer, structure, paint, seq, caps=("round", "round"), attaches=()):
    """A band along a centre line of (dx, h, width in head heights); each end round or flat."""
    center = [v.f.p(dx, h) + (w * v.f.sx,) for (dx, h, w) in seq]
    n = len(center)
    left, right = [], []
    for i, (x, y, w) in enumerate(center):
        a = center[max(i - 1, 0)]
        b = center[min(i + 1, n - 1)]
        t = _unit((b[0] - a[0], b[1] - a[1]))
        nrm = (-t[1], t[0])
        left.append((x + nrm[0] * w / 2, y + nrm[1] * w / 2, False))
        right.append((x - nrm[0] * w / 2, y - nrm[1] * w / 2, False))
    t0 = _unit((center[1][0] - center[0][0], center[1][1] - center[0][1]))
    t1 = _unit((center[-1][0] - center[-2][0], center[-1][1] - center[-2][1]))
    out = []
    if caps[1] == "flat":
        left[-1] = left[-1][:2] + (True,)
        right[-1] = right[-1][:2] + (True,)
    if caps[0] == "flat":
        left[0] = left[0][:2] + (True,)
        right[0] = right[0][:2] + (True,)
    out.extend(left)
    if caps[1] == "round":
        w = center[-1][2]
        out.append((center[-1][0] + t1[0] * w * 0.45, center[-1][1] + t1[1] * w * 0.45, False))
    out.extend(reversed(right))
    if caps[0] == "round":
        w = center[0][2]
        out.append((center[0][0] - t0[0] * w * 0.45, center[0][1] - t0[1] * w * 0.45, False))
    mirror = rid[: -len("_left")] + "_right" if rid.endswith("_left") else None
    v.add(rid, layer, "Left" if mirror else "Midline", paint, closed_path(out), structure, mirror, attaches)


def clip_line(seq, hmax):
    """A centre line (dx, h, w) cut at height hmax (interpolated); returns (line, was_cut)."""
    out = []
    for i, p in enumerate(seq):
        if p[1] <= hmax:
            out.append(p)
            continue
        q = seq[i - 1]
        t = (hmax - q[1]) / (p[1] - q[1])
        out.append(tuple(q[k] + (p[k] - q[k]) * t for k in range(3)))
        return out, True
    return out, False


def clip_line2(seq, hmax):
    line, cut = clip_line(seq, hmax)
    return line, ("round", "flat" if cut else "round")


# ---- the bones of the back of the pelvis, hip and leg, in figure units (dx, h)

# The ilium and ischium seen from behind (the pubis, further forward, is drawn apart beneath it):
# the iliac crest from the PSIS over the top of the wing, the outer border with the anterior
# spines, the back of the hip socket over the femoral head, the ischium down to the sitting bone,
# then up its back border: the lesser sciatic notch, the ischial spine, the deep bay of the greater
# sciatic notch and the posterior inferior iliac spine.
HIP_BONE = [
    (0.142, 3.862, "c"), (0.15, 3.8), (0.178, 3.718), (0.242, 3.642), (0.34, 3.59), (0.45, 3.566),
    (0.56, 3.575), (0.64, 3.614), (0.684, 3.675), (0.697, 3.738, "c"),
    (0.684, 3.79), (0.668, 3.816, "c"), (0.645, 3.834), (0.626, 3.862, "c"), (0.6, 3.88),
    (0.556, 3.895), (0.526, 3.928), (0.512, 3.975), (0.508, 4.025), (0.492, 4.072),
    (0.445, 4.118), (0.39, 4.166), (0.35, 4.222), (0.33, 4.28), (0.318, 4.332), (0.292, 4.368),
    (0.25, 4.38, "c"), (0.222, 4.35), (0.212, 4.3), (0.218, 4.245), (0.226, 4.192), (0.214, 4.152),
    (0.163, 4.116, "c"), (0.206, 4.086), (0.25, 4.052), (0.285, 4.006), (0.302, 3.962),
    (0.292, 3.927), (0.252, 3.909), (0.196, 3.905, "c"), (0.168, 3.893),
]
# the pubis and the ischiopubic ramus, seen through the pelvic outlet, with the obturator foramen
PUBIS_BACK = [
    (0.47, 4.03), (0.36, 4.048), (0.25, 4.058), (0.14, 4.066), (0.06, 4.071), (0.018, 4.074, "c"),
    (0.018, 4.212, "c"), (0.06, 4.236), (0.12, 4.27), (0.18, 4.312), (0.232, 4.352), (0.27, 4.366),
    (0.31, 4.3), (0.37, 4.2), (0.44, 4.1),
]
OBTURATOR_FORAMEN = [
    (0.112, 4.19), (0.13, 4.128), (0.175, 4.1), (0.24, 4.102), (0.3, 4.13), (0.322, 4.18),
    (0.29, 4.245), (0.215, 4.282), (0.15, 4.262),
]

SACRUM_HALF = [
    (0, 3.77), (0.12, 3.765), (0.205, 3.77, "c"), (0.197, 3.85), (0.168, 3.94), (0.122, 4.03),
    (0.072, 4.1), (0.036, 4.125, "c"), (0, 4.125),
]

FEMUR_TOP = [
    # from the medial shaft below the lesser trochanter up to the head (the lesser trochanter is
    # drawn apart), round the head, along the upper border of the neck, over the greater
    # trochanter and down the outer shaft
    (0.57, 4.5), (0.562, 4.36), (0.548, 4.26), (0.532, 4.175), (0.505, 4.112), (0.465, 4.074),
    (0.405, 4.058), (0.366, 4.018), (0.356, 3.965), (0.378, 3.912), (0.43, 3.879), (0.49, 3.881),
    (0.54, 3.903), (0.585, 3.924), (0.632, 3.914), (0.672, 3.885), (0.716, 3.874), (0.752, 3.898),
    (0.771, 3.958), (0.772, 4.04), (0.755, 4.12), (0.73, 4.22), (0.708, 4.35), (0.69, 4.48),
]
FEMUR_BOTTOM = [
    (0.672, 4.62), (0.648, 4.8), (0.61, 5.1), (0.572, 5.4), (0.552, 5.6), (0.548, 5.74),
    (0.545, 5.86), (0.525, 5.962), (0.468, 5.995), (0.41, 5.955, "c"), (0.352, 5.998), (0.276, 5.997),
    (0.222, 5.952), (0.212, 5.85), (0.242, 5.735), (0.31, 5.6), (0.398, 5.4), (0.455, 5.1),
    (0.5, 4.85), (0.545, 4.62),
]
FEMUR_CUT = [(0.676, 4.62), (0.668, 4.745, "c"), (0.548, 4.745, "c"), (0.56, 4.62)]

# the sciatic nerve and its branches: centre lines (dx, h, width in H)
SCIATIC_USUAL = [
    (0.3, 4.028, 0.064), (0.335, 4.085, 0.064), (0.38, 4.16, 0.064), (0.415, 4.26, 0.064),
    (0.43, 4.4, 0.064), (0.432, 4.8, 0.064), (0.415, 5.2, 0.06), (0.397, 5.45, 0.058),
]
TIBIAL_THIGH = [(0.393, 5.42, 0.048), (0.38, 5.7, 0.048), (0.365, 6.0, 0.044), (0.35, 6.4, 0.04),
                (0.335, 6.9, 0.036), (0.3, 7.35, 0.032), (0.255, 7.68, 0.028)]
FIBULAR_KNEE = [(0.405, 5.42, 0.04), (0.45, 5.68, 0.04), (0.5, 5.95, 0.036), (0.53, 6.15, 0.036),
                (0.545, 6.25, 0.032), (0.53, 6.36, 0.028)]


def _along(seq, t):
    """The point a fraction t along a polyline of (dx, h)."""
    lengths = [((b[0] - a[0]) ** 2 + (b[1] - a[1]) ** 2) ** 0.5 for a, b in zip(seq, seq[1:])]
    goal = t * sum(lengths)
    for (a, b), d in zip(zip(seq, seq[1:]), lengths):
        if goal <= d or d == lengths[-1]:
            k = 0 if d == 0 else min(goal / d, 1.0)
            return (a[0] + (b[0] - a[0]) * k, a[1] + (b[1] - a[1]) * k)
        goal -= d
    return seq[-1]


def fibre_fan(origin, insertion, n, bow=0.0, t0=0.08, t1=0.92):
    """n fibre lines, each from a point along the origin line to the matching point along the
    insertion line (both polylines of (dx, h)); `bow` bends each line's middle down (in H)."""
    lines = []
    for i in range(n):
        t = t0 + (t1 - t0) * (i / (n - 1) if n > 1 else 0.5)
        a, b = _along(origin, t), _along(insertion, t)
        m = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2 + bow)
        lines.append([a, m, b])
    return lines


def outside(lines, poly, samples=48):
    """Fibre lines with the parts inside `poly` (a closed outline of (dx, h)) left out: each line
    is sampled along its straight pieces and split where it enters the outline."""
    out = []
    for line in lines:
        pts = []
        for a, b in zip(line, line[1:]):
            for k in range(samples):
                t = k / samples
                pts.append((a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t))
        pts.append(line[-1])
        run = []
        for q in pts:
            if point_in_poly(poly, q[0], q[1]):
                if len(run) > 3:
                    out.append(run[::6] + [run[-1]])
                run = []
            else:
                run.append(q)
        if len(run) > 3:
            out.append(run[::6] + [run[-1]])
    return out


def smooth_outline(seq):
    """The smooth closed outline through (dx, h[, "c"]) points, as a dense polygon of (dx, h)."""
    pts = [(q[0], q[1], len(q) > 2 and q[2] == "c") for q in seq]
    return [bez(seg, k / 6) for seg in spline(pts, True) for k in range(6)]


def within(lines, seq, samples=48):
    """Fibre lines kept to the inside of a shape (its outline points, as given to `shape`)."""
    poly = smooth_outline(seq)
    out = []
    for line in lines:
        pts = []
        for a, b in zip(line, line[1:]):
            for k in range(samples):
                t = k / samples
                pts.append((a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t))
        pts.append(line[-1])
        run = []
        for q in pts:
            if point_in_poly(poly, q[0], q[1]):
                run.append(q)
            else:
                if len(run) > 3:
                    out.append(run[::6] + [run[-1]])
                run = []
        if len(run) > 3:
            out.append(run[::6] + [run[-1]])
    return out


def ring_around(seq, grow):
    """A copy of a closed outline (dx, h) grown about its centre by `grow` (0.1 = 10%)."""
    cx = sum(p[0] for p in seq) / len(seq)
    cy = sum(p[1] for p in seq) / len(seq)
    return [(cx + (p[0] - cx) * (1 + grow), cy + (p[1] - cy) * (1 + grow)) for p in seq]


def post_anatomy(v, P, full):
    """The back of the body from the skeleton out. `P` prefixes every region id ("" on the back
    view, "hip_" on the close-up); `full` adds the lumbar spine, the ribs and the legs (the
    close-up shows the pelvis and hip only, and cuts the femur, the IT band and the nerves at
    its lower edge)."""
    f = v.f
    s = v.f.sx / HX  # canvas scale relative to the back view
    HMAX = 99 if full else 4.745
    L = lambda name: P + name + "_left"  # noqa: E731

    def shape(name, layer, structure, paint, seq, attaches=()):
        v.add(L(name), layer, "Left", paint, closed_path(f.pts(seq)), structure, P + name + "_right", attaches)

    def holed(name, layer, structure, paint, outer, holes, attaches=()):
        """A closed shape with openings (even-odd), both sides."""
        d = " ".join([closed_path(f.pts(outer))] + [closed_path(f.pts(h)) for h in holes])
        v.add(L(name), layer, "Left", paint, d, structure, P + name + "_right", attaches)

    def lines(name, layer, paint, seqs):
        """Open strokes (decoration), both sides in one region."""
        v.add(P + name, layer, "Midline", paint, " ".join(sym_line(v, q) for q in seqs))

    # ---------------- skeleton (drawn beneath the muscles)
    K = "skeleton"
    femur = FEMUR_TOP + (FEMUR_BOTTOM if full else FEMUR_CUT)
    shape("femur", K, "femur", "Bone", femur)
    # the back of the femur: the linea aspera down the shaft, splitting toward the condyles
    lines("femur_lines", K, "BoneLine", [
        [(0.655, 4.3), (0.628, 4.55), (0.6, 4.73)],
        [(0.6, 4.35), (0.59, 4.55), (0.575, 4.73)],
    ] + ([
        [(0.6, 4.73), (0.578, 4.85)], [(0.575, 4.73), (0.567, 4.85)],
        [(0.575, 4.85), (0.545, 5.1), (0.5, 5.35), (0.47, 5.55)],
        [(0.5, 5.35), (0.43, 5.5), (0.33, 5.65), (0.26, 5.75)],
        [(0.47, 5.55), (0.51, 5.72), (0.52, 5.85)],
        [(0.41, 5.955), (0.41, 5.88)],
    ] if full else []))
    if full:
        shape("tibia", K, "tibia", "Bone", [
            (0.18, 6.05), (0.3, 6.02), (0.45, 6.04), (0.475, 6.1), (0.45, 6.16), (0.4, 6.22),
            (0.35, 6.5), (0.332, 6.9), (0.33, 7.3), (0.34, 7.6), (0.335, 7.72), (0.29, 7.76),
            (0.238, 7.8, "c"), (0.218, 7.72), (0.232, 7.4), (0.226, 7.0), (0.215, 6.6), (0.2, 6.3),
            (0.176, 6.13),
        ])
        shape("fibula", K, "fibula", "Bone", [
            (0.452, 6.125), (0.5, 6.1), (0.54, 6.14), (0.535, 6.2), (0.5, 6.245), (0.478, 6.6),
            (0.448, 7.0), (0.416, 7.4), (0.404, 7.6), (0.41, 7.72), (0.39, 7.82, "c"), (0.366, 7.76),
            (0.37, 7.5), (0.398, 7.1), (0.428, 6.7), (0.452, 6.35), (0.44, 6.2),
        ])
        shape("calcaneus", K, "calcaneus", "Bone", [
            (0.262, 7.84), (0.33, 7.808), (0.388, 7.845), (0.388, 7.93), (0.33, 7.968), (0.27, 7.945),
        ])
    # the edge of the femoral head where it leaves the socket (the socket's rim hides the rest)
    lines("femoral_head_edge", K, "BoneLine", [[(0.5, 3.9), (0.53, 3.93), (0.541, 3.972), (0.53, 4.015), (0.5, 4.046)]])
    # the pubis, furthest forward, seen through the pelvic outlet below the sacrum
    holed("pubis", K, "hip_bone", "Bone", PUBIS_BACK, [OBTURATOR_FORAMEN])
    # sacrum with its four pairs of posterior foramina, under the hip bones (the PSIS overlaps it)
    sac = symmetric_closed(f.pts(SACRUM_HALF))
    foramina = []
    for i, h in enumerate((3.835, 3.905, 3.97, 4.03)):
        dx = 0.082 - i * 0.008
        r = (7.5 - i * 1.0) * s
        foramina.append(sym_ellipse(v, dx, h, r, r * 0.85))
    v.add(P + "sacrum", K, "Midline", "Bone", sac + " " + " ".join(foramina), "sacrum")
    # the median sacral crest (the fused spinous processes), the sacral hiatus at its foot, the
    # lateral crests beside the foramina
    crest = "M %s %s L %s %s" % tuple(fmt(q) for q in (*f.p(0, 3.79), *f.p(0, 4.03)))
    tubercles = " ".join(ellipse_path(*f.p(0, h), 3.2 * s, 5.5 * s) for h in (3.81, 3.87, 3.93, 3.985))
    v.add(P + "sacral_crests", K, "Midline", "BoneLine", crest + " " + tubercles + " " + " ".join([
        # the sacral hiatus at the foot of the crest
        sym_line(v, [(0.0, 4.095), (0.017, 4.082), (0.022, 4.058), (0.012, 4.038)]),
        # the lateral crests beside the foramina
        sym_line(v, [(0.128, 3.8), (0.122, 3.87), (0.113, 3.94), (0.1, 4.0), (0.085, 4.05)]),
        # the lines of fusion between the sacral vertebrae
        sym_line(v, [(0.03, 3.87), (0.06, 3.872), (0.105, 3.868)]),
        sym_line(v, [(0.03, 3.937), (0.055, 3.94), (0.098, 3.937)]),
        sym_line(v, [(0.03, 4.0), (0.05, 4.002), (0.085, 4.0)]),
    ]))
    holed("hip_bone", K, "hip_bone", "Bone", HIP_BONE, [])
    # the gluteal lines on the outer face of the wing (where the gluteal muscles arise) and the
    # rim of the hip socket over the femoral head
    lines("gluteal_lines", K, "BoneLine", [
        [(0.235, 3.665), (0.222, 3.76), (0.215, 3.86)],
        [(0.6, 3.605), (0.5, 3.66), (0.41, 3.74), (0.35, 3.83), (0.32, 3.9)],
        [(0.64, 3.84), (0.56, 3.865), (0.47, 3.89), (0.4, 3.9)],
        [(0.5, 3.925), (0.49, 3.99), (0.478, 4.05)],
    ])
    v.add(P + "coccyx", K, "Midline", "Bone", symmetric_closed(f.pts([
        (0, 4.125), (0.032, 4.13), (0.034, 4.155), (0.026, 4.175), (0.021, 4.195), (0.01, 4.214),
        (0, 4.22, "c")])), "coccyx")
    lines("coccyx_segments", K, "BoneLine", [
        [(0.0, 4.158), (0.028, 4.16)], [(0.0, 4.186), (0.022, 4.188)]])
    if full:
        verts = []
        for i in range(5):
            top = 3.115 + i * 0.133
            wide = (0.17, 0.19, 0.21, 0.19, 0.17)[i]
            half = [
                (0, top), (0.05, top + 0.005), (0.065, top + 0.025), (wide - 0.02, top + 0.035), (wide, top + 0.05),
                (wide - 0.015, top + 0.07), (0.07, top + 0.07), (0.055, top + 0.1), (0.025, top + 0.112), (0, top + 0.112),
            ]
            verts.append(symmetric_closed(f.pts(half)))
        v.add(P + "lumbar_vertebrae", K, "Midline", "Bone", " ".join(verts), "lumbar_vertebrae")
        ribbon2(v, L("twelfth_rib"), K, "twelfth_rib", "Bone", [
            (0.06, 3.04, 0.052), (0.16, 3.06, 0.052), (0.27, 3.09, 0.044), (0.37, 3.13, 0.032), (0.42, 3.155, 0.024),
        ])
    ribbon2(v, L("iliac_crest"), K, "iliac_crest", "Bone", [
        (0.163, 3.83, 0.03), (0.175, 3.76, 0.04), (0.206, 3.692, 0.046), (0.262, 3.638, 0.05),
        (0.35, 3.602, 0.052), (0.45, 3.585, 0.052), (0.55, 3.594, 0.052), (0.622, 3.628, 0.048),
        (0.662, 3.68, 0.042), (0.676, 3.732, 0.032),
    ])
    shape("posterior_superior_iliac_spine", K, "posterior_superior_iliac_spine", "Bone", [
        (0.133, 3.862), (0.156, 3.838), (0.183, 3.85), (0.182, 3.884), (0.152, 3.894),
    ])
    # the sacrum's lateral edge, just inside its outline (piriformis arises beside it)
    ribbon2(v, L("sacral_border"), K, "sacrum", "Bone", [
        (0.18, 3.9, 0.018), (0.152, 3.96, 0.018), (0.11, 4.03, 0.018), (0.068, 4.088, 0.016), (0.04, 4.112, 0.014),
    ])
    # the rim of the greater sciatic notch, just inside the bone's edge
    ribbon2(v, L("greater_sciatic_notch"), K, "greater_sciatic_notch", "Bone", [
        (0.205, 3.915, 0.018), (0.255, 3.92, 0.02), (0.288, 3.937, 0.02), (0.294, 3.965, 0.02),
        (0.278, 4.003, 0.02), (0.245, 4.045, 0.02), (0.207, 4.075, 0.018),
    ])
    shape("ischial_spine", K, "ischial_spine", "Bone", [
        (0.163, 4.116, "c"), (0.206, 4.088), (0.232, 4.118), (0.214, 4.15),
    ])
    shape("ischial_tuberosity", K, "ischial_tuberosity", "Bone", [
        (0.272, 4.228), (0.3, 4.236), (0.322, 4.275), (0.318, 4.33), (0.292, 4.366), (0.252, 4.374),
        (0.225, 4.345), (0.218, 4.29), (0.238, 4.248),
    ])
    shape("greater_trochanter", K, "greater_trochanter", "Bone", [
        (0.655, 3.93), (0.675, 3.888), (0.718, 3.877), (0.753, 3.9), (0.771, 3.96), (0.772, 4.04),
        (0.755, 4.115), (0.72, 4.138), (0.69, 4.108), (0.664, 4.05), (0.652, 3.99),
    ])
    ribbon2(v, L("intertrochanteric_crest"), K, "femur", "Bone", [
        (0.728, 4.085, 0.026), (0.676, 4.13, 0.03), (0.615, 4.17, 0.028), (0.56, 4.2, 0.022),
    ])
    shape("lesser_trochanter", K, "lesser_trochanter", "Bone", [
        (0.548, 4.165), (0.515, 4.175), (0.494, 4.202), (0.5, 4.238), (0.53, 4.252), (0.56, 4.238),
    ])
    ribbon2(v, L("gluteal_tuberosity"), K, "femur", "Bone", [
        (0.722, 4.19, 0.024), (0.705, 4.3, 0.026), (0.686, 4.45, 0.022),
    ])

    # ---------------- deep muscles, each from its origin bone to its insertion bone
    D = "deep"
    if full:
        shape("quadratus_lumborum", D, "quadratus_lumborum", "DeepMuscle", [
            (0.13, 3.055, "c"), (0.21, 3.066), (0.29, 3.09), (0.375, 3.128, "c"), (0.405, 3.22),
            (0.44, 3.34), (0.475, 3.46), (0.5, 3.6, "c"), (0.44, 3.61), (0.37, 3.622), (0.3, 3.65),
            (0.245, 3.68), (0.195, 3.72, "c"), (0.17, 3.6), (0.155, 3.47), (0.145, 3.33), (0.14, 3.19),
        ], [L("twelfth_rib"), L("iliac_crest"), P + "lumbar_vertebrae"])
        fibre(v, P + "fibres_deep_quadratus_lumborum", D, [
            [(0.445, 3.53), (0.4, 3.33), (0.35, 3.125)],
            [(0.37, 3.56), (0.33, 3.33), (0.285, 3.1)],
            [(0.29, 3.6), (0.26, 3.35), (0.22, 3.08)],
            [(0.225, 3.655), (0.2, 3.4), (0.175, 3.14)],
        ])
    # gluteus minimus first: the smallest and deepest fan, from the outer ilium between the
    # anterior and inferior gluteal lines to the front of the greater trochanter; seen from behind
    # only through the window cut in gluteus medius
    shape("gluteus_minimus", D, "gluteus_minimus", "DeepMuscle", [
        (0.385, 3.872, "c"), (0.42, 3.805), (0.49, 3.744), (0.57, 3.71), (0.645, 3.722), (0.69, 3.768),
        (0.72, 3.835), (0.742, 3.9), (0.752, 3.935, "c"), (0.712, 3.944, "c"), (0.62, 3.91),
        (0.5, 3.885), (0.43, 3.877),
    ], [L("hip_bone"), L("greater_trochanter")])
    # gluteus medius is cut open at the front (as an atlas lifts it) to show gluteus minimus
    # beneath: the window, with a shadow under its upper cut edge
    window = [(0.468, 3.83), (0.49, 3.775), (0.56, 3.742), (0.64, 3.752), (0.676, 3.795),
              (0.662, 3.848), (0.59, 3.87), (0.51, 3.864)]
    drop = [(q[0], q[1] + 0.016) for q in window]
    v.add(L("gluteus_minimus_shadow"), D, "Left", "MuscleShadow",
          closed_path(f.pts(window)) + " " + closed_path(f.pts(drop)), None, P + "gluteus_minimus_shadow_right")
    fibre(v, P + "fibres_deep_gluteus_minimus", D, fibre_fan(
        [(0.4, 3.86), (0.46, 3.77), (0.57, 3.725), (0.67, 3.75)],
        [(0.715, 3.935), (0.725, 3.93), (0.735, 3.925), (0.745, 3.92)], 7))
    # gluteus medius: a fan from the outer ilium below the crest to the outer side of the greater
    # trochanter
    medius = [
        (0.242, 3.705, "c"), (0.3, 3.655), (0.4, 3.616), (0.5, 3.605), (0.59, 3.618), (0.648, 3.652),
        (0.685, 3.715), (0.712, 3.79), (0.742, 3.865), (0.766, 3.94), (0.772, 3.985, "c"),
        (0.735, 3.976, "c"), (0.66, 3.918), (0.55, 3.888), (0.44, 3.876), (0.345, 3.868, "c"),
        (0.296, 3.835), (0.265, 3.775),
    ]
    holed("gluteus_medius", D, "gluteus_medius", "DeepMuscle", medius, [window],
          [L("iliac_crest"), L("greater_trochanter")])
    cut = ring_around(window, 0.14)
    fibre(v, P + "fibres_deep_gluteus_medius", D, within(outside(fibre_fan(
        [(0.35, 3.862), (0.29, 3.82), (0.262, 3.73), (0.33, 3.652), (0.45, 3.618), (0.57, 3.622),
         (0.65, 3.665), (0.7, 3.76)],
        [(0.705, 3.956), (0.712, 3.958), (0.72, 3.96), (0.73, 3.962), (0.742, 3.962), (0.75, 3.96),
         (0.756, 3.955), (0.76, 3.95)], 12, t0=0.04, t1=0.97, bow=-0.01), cut), medius))
    # the cut edge of the window, paler, as an atlas draws a cut muscle
    v.add(L("gluteus_medius_cut"), D, "Left", "MuscleCut",
          closed_path(f.pts(cut)) + " " + closed_path(f.pts(window)), None, P + "gluteus_medius_cut_right")
    # its tendon on the outer face of the greater trochanter
    shape("gluteus_medius_tendon", D, None, "Tendon", [
        (0.7, 3.93, "c"), (0.745, 3.9), (0.765, 3.945), (0.772, 3.985, "c"), (0.735, 3.976, "c"),
    ])
    # piriformis: pear-shaped, its broad base on the front of the sacrum (S2-S4) showing beside
    # the sacrum's edge, out through the greater sciatic notch and narrowing to a rounded tendon
    # on the top of the greater trochanter; its lower border slopes down toward the sacrum
    shape("piriformis", D, "piriformis", "DeepMuscle", [
        (0.2, 3.903, "c"), (0.25, 3.909), (0.32, 3.912), (0.43, 3.91), (0.54, 3.908), (0.63, 3.905),
        (0.69, 3.903), (0.714, 3.916, "c"), (0.694, 3.93), (0.625, 3.94), (0.53, 3.954), (0.43, 3.972),
        (0.35, 3.993), (0.28, 4.018), (0.21, 4.048), (0.15, 4.075), (0.094, 4.094, "c"), (0.12, 4.04),
        (0.15, 3.985), (0.177, 3.94),
    ], [P + "sacrum", L("greater_trochanter")])
    # its rounded tendon, lighter, narrowing onto the top of the trochanter (decoration: clicks
    # go to the muscle)
    shape("piriformis_tendon", D, None, "Tendon", [
        (0.635, 3.916, "c"), (0.67, 3.909), (0.697, 3.906), (0.713, 3.916), (0.696, 3.927),
        (0.67, 3.929), (0.635, 3.926, "c"),
    ])
    fibre(v, P + "fibres_deep_piriformis", D, fibre_fan(
        [(0.2, 3.915), (0.17, 3.97), (0.135, 4.03), (0.105, 4.082)],
        [(0.635, 3.918), (0.635, 3.92), (0.635, 3.923), (0.635, 3.925)], 5, bow=0.004, t0=0.05, t1=0.95))
    # the triceps coxae: three bands just below piriformis converging like a fan onto the inner
    # side of the greater trochanter (trochanteric fossa): superior gemellus from the ischial spine,
    # obturator internus turning out of the lesser sciatic notch, inferior gemellus from the top of
    # the ischial tuberosity
    top = [(0.198, 4.09), (0.3, 4.062), (0.42, 4.028), (0.54, 3.998), (0.63, 3.975), (0.666, 3.968)]
    sg_oi = [(0.224, 4.134), (0.33, 4.101), (0.45, 4.059), (0.56, 4.024), (0.63, 4.0), (0.666, 3.99)]
    oi_ig = [(0.246, 4.196), (0.35, 4.15), (0.46, 4.1), (0.57, 4.055), (0.63, 4.028), (0.666, 4.012)]
    bottom = [(0.278, 4.238), (0.36, 4.184), (0.47, 4.128), (0.58, 4.078), (0.63, 4.054), (0.666, 4.036)]

    def band(name, upper, lower, attaches):
        seq = ([(upper[0][0], upper[0][1], "c")] + upper[1:-1] + [(upper[-1][0], upper[-1][1], "c")]
               + [(lower[-1][0], lower[-1][1], "c")] + list(reversed(lower[1:-1])) + [(lower[0][0], lower[0][1], "c")])
        shape(name, D, name, "DeepMuscle", seq, attaches)

    band("superior_gemellus", top, sg_oi, [L("ischial_spine"), L("greater_trochanter")])
    band("obturator_internus", sg_oi, oi_ig, [L("hip_bone"), L("greater_trochanter")])
    band("inferior_gemellus", oi_ig, bottom, [L("ischial_tuberosity"), L("greater_trochanter")])
    fibre(v, P + "fibres_deep_gemelli", D, [
        [((a[0] + b[0]) / 2, (a[1] + b[1]) / 2) for a, b in zip(u, w)][:-1]
        for u, w in ((top, sg_oi), (sg_oi, oi_ig), (oi_ig, bottom))
    ])
    # the obturator internus tendon, pale, turning out of the lesser sciatic notch between the
    # gemelli, and the shared tendon of the three converging on the trochanteric fossa
    ribbon2(v, L("obturator_internus_tendon"), D, None, "Tendon", [
        (0.3, 4.126, 0.008), (0.42, 4.08, 0.012), (0.53, 4.041, 0.014), (0.6, 4.016, 0.014),
    ], caps=("round", "flat"))
    shape("conjoint_tendon", D, None, "Tendon", [
        (0.6, 3.983, "c"), (0.64, 3.974), (0.664, 3.968), (0.676, 3.978, "c"), (0.68, 4.0),
        (0.676, 4.026, "c"), (0.664, 4.036), (0.64, 4.046), (0.6, 4.062, "c"), (0.61, 4.02),
    ])
    # quadratus femoris: flat and four-sided, from the outer edge of the ischial tuberosity
    # straight across to the quadrate tubercle on the intertrochanteric crest
    shape("quadratus_femoris", D, "quadratus_femoris", "DeepMuscle", [
        (0.316, 4.246, "c"), (0.42, 4.222), (0.53, 4.19), (0.615, 4.154), (0.65, 4.138, "c"),
        (0.656, 4.195), (0.65, 4.246, "c"), (0.54, 4.276), (0.43, 4.305), (0.332, 4.338, "c"),
        (0.322, 4.29),
    ], [L("ischial_tuberosity"), L("intertrochanteric_crest")])
    fibre(v, P + "fibres_deep_quadratus_femoris", D, fibre_fan(
        [(0.32, 4.25), (0.33, 4.334)], [(0.65, 4.142), (0.652, 4.242)], 5))
    if full:
        shape("biceps_femoris_short_head", D, "biceps_femoris_short_head", "DeepMuscle", [
            (0.535, 4.93, "c"), (0.575, 5.05), (0.6, 5.25), (0.607, 5.46), (0.588, 5.68), (0.55, 5.9),
            (0.535, 6.04), (0.527, 6.14, "c"), (0.514, 5.98), (0.5, 5.75), (0.49, 5.5), (0.503, 5.22),
            (0.52, 5.05),
        ], [L("femur"), L("fibula")])
        fibre(v, P + "fibres_deep_biceps_short_head", D, [
            [(0.525, 5.15), (0.55, 5.45), (0.55, 5.75), (0.533, 6.02)],
            [(0.565, 5.12), (0.585, 5.45), (0.57, 5.75), (0.538, 6.04)],
        ])
    # sacrotuberous ligament: from the PSIS and the side of the lower sacrum and coccyx, narrowing
    # and twisting down to the inner edge of the ischial tuberosity; over piriformis's origin, the
    # sacral edge and the PSIS left clear
    shape("sacrotuberous_ligament", D, "sacrotuberous_ligament", "Ligament", [
        (0.176, 3.915, "c"), (0.176, 3.98), (0.178, 4.06), (0.19, 4.14), (0.206, 4.2), (0.222, 4.236),
        (0.236, 4.262, "c"), (0.218, 4.302, "c"), (0.185, 4.25), (0.135, 4.198), (0.085, 4.168),
        (0.058, 4.155, "c"), (0.085, 4.118), (0.115, 4.07), (0.142, 4.01), (0.162, 3.96),
    ])
    lines("sacrotuberous_fibres", D, "LigamentLine", [
        [(0.168, 3.95), (0.166, 4.06), (0.19, 4.18), (0.222, 4.27)],
        [(0.1, 4.135), (0.16, 4.19), (0.21, 4.26)],
    ])

    # ---------------- nerves: each course a layer of its own (one shown at a time)
    def nerve(name, layer, structure, seq):
        line, caps = clip_line2(seq, HMAX)
        ribbon2(v, L(name), layer, structure, "Nerve", line, caps)

    def branches(sfx, layer, tib_top, fib_top):
        """Tibial and common fibular nerves for one course: from where they separate (given as
        centre lines down to the knee) on down the leg."""
        nerve("tibial_nerve" + sfx, layer, "tibial_nerve", tib_top + (TIBIAL_THIGH[1:] if full else []))
        nerve("common_fibular_nerve" + sfx, layer, "common_fibular_nerve", fib_top + (FIBULAR_KNEE[1:] if full else []))

    # the usual course: one trunk below piriformis, dividing above the knee
    nerve("sciatic_nerve", "nerves", "sciatic_nerve", SCIATIC_USUAL)
    if full:
        branches("", "nerves", [TIBIAL_THIGH[0]], [FIBULAR_KNEE[0]])
    # the common fibular part through piriformis, the tibial part below it; the two run down the
    # thigh side by side
    tib_below = [(0.292, 4.03, 0.046), (0.325, 4.09, 0.046), (0.365, 4.17, 0.046), (0.395, 4.27, 0.046),
                 (0.408, 4.4, 0.046), (0.41, 4.8, 0.046), (0.397, 5.2, 0.046), (0.393, 5.42, 0.046)]
    fib_lateral = [(0.43, 4.27, 0.038), (0.45, 4.4, 0.038), (0.452, 4.8, 0.038), (0.432, 5.2, 0.036),
                   (0.405, 5.42, 0.036)]
    branches("_through", "nerves_through", tib_below,
             [(0.35, 3.935, 0.038), (0.375, 3.99, 0.038), (0.405, 4.1, 0.038), (0.425, 4.2, 0.038)] + fib_lateral)
    # the common fibular part above piriformis (crossing behind it), the tibial part below
    branches("_split", "nerves_split", tib_below,
             [(0.3, 3.86, 0.038), (0.345, 3.89, 0.038), (0.385, 3.96, 0.038), (0.41, 4.08, 0.038),
              (0.425, 4.2, 0.038)] + fib_lateral)
    # the whole nerve above piriformis, crossing behind it
    nerve("sciatic_nerve_above", "nerves_above", "sciatic_nerve", [
        (0.3, 3.855, 0.064), (0.36, 3.9, 0.064), (0.4, 3.99, 0.064), (0.425, 4.12, 0.064),
        (0.432, 4.3, 0.064)] + SCIATIC_USUAL[5:])
    if full:
        branches("_above", "nerves_above", [TIBIAL_THIGH[0]], [FIBULAR_KNEE[0]])
    # posterior femoral cutaneous nerve: below piriformis, medial to the sciatic nerve, then just
    # under the fascia down the middle of the back of the thigh to the back of the knee
    if not full:
        nerve("posterior_femoral_cutaneous_nerve", "nerves_cutaneous", "posterior_femoral_cutaneous_nerve", [
            (0.255, 4.045, 0.024), (0.29, 4.12, 0.024), (0.33, 4.25, 0.024), (0.355, 4.45, 0.022),
            (0.36, 4.8, 0.022), (0.35, 5.2, 0.02), (0.335, 5.6, 0.018), (0.33, 5.85, 0.016),
        ])


    # ---------------- superficial muscles
    S = "superficial"
    if full:
        shape("erector_spinae", S, "erector_spinae", "Muscle", [
            (0.04, 2.55, "c"), (0.13, 2.62), (0.22, 2.8), (0.27, 3.1), (0.29, 3.4), (0.26, 3.65), (0.2, 3.85),
            (0.14, 3.95), (0.07, 3.98, "c"), (0.04, 3.8), (0.035, 3.3), (0.035, 2.9),
        ], [P + "sacrum", P + "lumbar_vertebrae", L("iliac_crest")])
        # its thick tendinous lower part (the erector spinae aponeurosis) over the sacrum and the
        # back of the iliac crest, pale
        shape("erector_spinae_aponeurosis", S, None, "Tendon", [
            (0.038, 3.62, "c"), (0.1, 3.66), (0.17, 3.72), (0.225, 3.76, "c"), (0.2, 3.85),
            (0.14, 3.95), (0.07, 3.98, "c"), (0.045, 3.85),
        ])
        # the columns side by side: spinalis beside the spine, longissimus, iliocostalis outermost
        fibre(v, P + "fibres_erector_columns", S, [
            [(0.075, 2.65), (0.08, 3.1), (0.075, 3.62)],
            [(0.15, 2.72), (0.17, 3.1), (0.165, 3.45), (0.14, 3.68)],
            [(0.215, 2.85), (0.245, 3.15), (0.25, 3.42), (0.215, 3.72)],
        ])
        # the part of gluteus medius that shows above gluteus maximus, under the iliac crest
        shape("gluteus_medius_superficial", S, "gluteus_medius", "Muscle", [
            (0.252, 3.672, "c"), (0.34, 3.624), (0.45, 3.604), (0.56, 3.61), (0.635, 3.645),
            (0.682, 3.705), (0.714, 3.79), (0.74, 3.9), (0.752, 3.985, "c"), (0.7, 3.94),
            (0.6, 3.882), (0.48, 3.818), (0.36, 3.752), (0.28, 3.712),
        ], [L("iliac_crest"), L("greater_trochanter")])
    itb = [(0.72, 4.08, 0.046), (0.712, 4.3, 0.054), (0.7, 4.55, 0.056), (0.69, 4.85, 0.056), (0.655, 5.2, 0.052),
           (0.6, 5.55, 0.044), (0.555, 5.85, 0.032), (0.54, 6.0, 0.02)]
    line, caps = clip_line2(itb, HMAX)
    ribbon2(v, L("iliotibial_band"), S, None, "Tendon", line, caps)
    if full:
        shape("soleus", S, "soleus", "Muscle", [
            (0.2, 6.25), (0.32, 6.2), (0.46, 6.22), (0.535, 6.4), (0.535, 6.7), (0.49, 6.95), (0.42, 7.2),
            (0.38, 7.4), (0.372, 7.6), (0.37, 7.83, "c"), (0.3, 7.83, "c"), (0.295, 7.6), (0.285, 7.4),
            (0.235, 7.2), (0.19, 6.95), (0.163, 6.65), (0.165, 6.4),
        ], [L("tibia"), L("fibula"), L("calcaneus")])
        shape("gastrocnemius_medial", S, "gastrocnemius", "Muscle", [
            (0.21, 5.82), (0.27, 5.8), (0.32, 5.86), (0.345, 6.05), (0.352, 6.35), (0.35, 6.7), (0.342, 6.95),
            (0.337, 7.15), (0.336, 7.5), (0.335, 7.83, "c"), (0.31, 7.83, "c"), (0.309, 7.5), (0.306, 7.15),
            (0.28, 7.03), (0.225, 6.85), (0.175, 6.6), (0.157, 6.35), (0.162, 6.1), (0.18, 5.9),
        ], [L("femur"), L("calcaneus")])
        shape("gastrocnemius_lateral", S, "gastrocnemius", "Muscle", [
            (0.39, 5.85), (0.45, 5.8), (0.5, 5.84), (0.535, 6.0), (0.548, 6.25), (0.53, 6.48), (0.48, 6.66),
            (0.41, 6.79), (0.37, 6.9), (0.362, 7.2), (0.361, 7.5), (0.36, 7.83, "c"), (0.338, 7.83, "c"),
            (0.339, 7.5), (0.34, 7.2), (0.343, 6.9), (0.343, 6.55), (0.345, 6.25), (0.358, 6.02),
        ], [L("femur"), L("calcaneus")])
        shape("achilles_tendon", S, "calves", "Tendon", [
            (0.27, 6.95, "c"), (0.39, 6.95, "c"), (0.365, 7.3), (0.355, 7.6), (0.37, 7.86), (0.33, 7.9),
            (0.29, 7.86), (0.295, 7.6), (0.29, 7.3),
        ])
        shape("semimembranosus", S, "semimembranosus", "Muscle", [
            (0.235, 4.3), (0.27, 4.45), (0.3, 4.75), (0.31, 5.1), (0.3, 5.45), (0.28, 5.75), (0.25, 5.98),
            (0.232, 6.08, "c"), (0.2, 6.06), (0.18, 5.9), (0.162, 5.62), (0.152, 5.28), (0.16, 4.9), (0.18, 4.5),
        ], [L("ischial_tuberosity"), L("tibia")])
        shape("semitendinosus", S, "semitendinosus", "Muscle", [
            (0.25, 4.3), (0.31, 4.45), (0.375, 4.78), (0.4, 5.1), (0.39, 5.36), (0.35, 5.6), (0.29, 5.82),
            (0.245, 6.0), (0.215, 6.15, "c"), (0.2, 6.1), (0.215, 5.9), (0.24, 5.7), (0.25, 5.5), (0.235, 5.2),
            (0.205, 4.9), (0.2, 4.55), (0.215, 4.38),
        ], [L("ischial_tuberosity"), L("tibia")])
        shape("biceps_femoris_long_head", S, "biceps_femoris_long_head", "Muscle", [
            (0.275, 4.3), (0.34, 4.42), (0.385, 4.7), (0.405, 5.05), (0.415, 5.38), (0.445, 5.62), (0.48, 5.85),
            (0.5, 6.05), (0.515, 6.17, "c"), (0.54, 6.1), (0.555, 5.85), (0.58, 5.5), (0.58, 5.15),
            (0.55, 4.85), (0.47, 4.55), (0.37, 4.36),
        ], [L("ischial_tuberosity"), L("fibula")])
        # the long tendons at the knee, pale: semitendinosus to the inner tibia,
        # semimembranosus behind the inner condyle, biceps femoris to the head of the fibula
        for name, seq in (
            ("semitendinosus_tendon", [(0.285, 5.7, 0.02), (0.255, 5.88, 0.016), (0.232, 6.03, 0.013),
                                       (0.215, 6.12, 0.011)]),
            ("semimembranosus_tendon", [(0.225, 5.92, 0.03), (0.215, 6.0, 0.026), (0.21, 6.06, 0.02)]),
            ("biceps_femoris_tendon", [(0.515, 5.8, 0.024), (0.52, 5.98, 0.02), (0.522, 6.12, 0.016)]),
        ):
            ribbon2(v, L(name), S, None, "Tendon", seq)
        fibre(v, P + "fibres_leg", S, [
            [(0.35, 4.6), (0.47, 5.1), (0.52, 5.65)],
            [(0.29, 4.65), (0.33, 5.05), (0.31, 5.4)],
            [(0.2, 4.7), (0.22, 5.2), (0.2, 5.7)],
            [(0.26, 6.0), (0.27, 6.5), (0.31, 6.92)],
            [(0.45, 6.0), (0.455, 6.35), (0.41, 6.7)],
        ])
        fibre(v, P + "fibres_back", S, [
            [(0.36, 3.64), (0.55, 3.72), (0.7, 3.86)],
            [(0.48, 3.62), (0.62, 3.7), (0.72, 3.86)],
            [(0.6, 3.63), (0.68, 3.72), (0.735, 3.88)],
        ])
    # gluteus maximus: a thick four-sided sheet from the back of the iliac crest, the side of the
    # gluteus maximus: a thick four-sided sheet of coarse bundles, from the back of the iliac
    # crest, the PSIS, the back of the sacrum and the side of the coccyx (and the sacrotuberous
    # ligament beneath), running down and out: its upper three quarters by a broad aponeurosis into
    # the iliotibial band, its deep lower fibres to the gluteal tuberosity below the greater
    # trochanter; its lower border crosses the gluteal fold obliquely
    medial = [(0.205, 3.69), (0.175, 3.75), (0.155, 3.83), (0.13, 3.92), (0.1, 4.0), (0.06, 4.08),
              (0.033, 4.15), (0.026, 4.212)]
    lateral = [(0.735, 3.975), (0.745, 4.08), (0.74, 4.2), (0.727, 4.33), (0.705, 4.46), (0.688, 4.54)]
    maximus = ([(medial[0][0], medial[0][1], "c"), (0.27, 3.705), (0.38, 3.762), (0.5, 3.828),
                (0.62, 3.895), (0.7, 3.945)]
               + [(lateral[0][0], lateral[0][1], "c")] + lateral[1:-1] + [(lateral[-1][0], lateral[-1][1], "c")]
               + [(0.6, 4.55), (0.48, 4.52), (0.35, 4.478), (0.22, 4.4), (0.11, 4.3), (0.045, 4.24)]
               + [(medial[-1][0], medial[-1][1], "c")] + list(reversed(medial[1:-1])))
    shape("gluteus_maximus", S, "gluteus_maximus", "Muscle", maximus,
          [L("iliac_crest"), P + "sacrum", P + "coccyx", L("gluteal_tuberosity")])
    # the aponeurosis on its outer part, paler, continuous with the iliotibial band
    apo = [(0.69, 3.94), (0.688, 4.05), (0.682, 4.2), (0.672, 4.33), (0.656, 4.46), (0.642, 4.545)]
    shape("gluteus_maximus_aponeurosis", S, None, "Tendon",
          [(0.7, 3.945, "c"), (0.735, 3.975, "c")] + lateral[1:-1] + [(0.688, 4.54, "c"), (0.642, 4.545, "c")]
          + list(reversed(apo[1:-1])))
    # coarse bundles parallel to the upper and lower borders, from the origin to the aponeurosis
    fibre(v, P + "fibres_gluteus_maximus", S, within(fibre_fan(medial, apo, 9, bow=0.012, t0=0.06, t1=0.96), maximus))


# ---- referred pain: trigger-point areas and where they refer pain (Travell & Simons, vol. 2)
#
# One layer per muscle, alternatives in one exclusive group (one pattern at a time reads; laid
# over each other they are a red blur), each drawn with the selection: selecting the muscle
# shows its pattern even while the layer is off. Regions name the muscle, so a click opens its
# page. The titles share their head, which the layer panel shows once for the group.
REFERRAL_HEAD = "Referred pain (clinical pattern, not proof): "
REFERRAL_LAYERS = [
    ("referral_piriformis", "Piriformis"),
    ("referral_gluteus_medius", "Gluteus medius"),
    ("referral_gluteus_minimus", "Gluteus minimus"),
    ("referral_quadratus_lumborum", "Quadratus lumborum"),
    ("referral_hamstrings", "Hamstrings"),
]

DERMATOME_LAYER = ("dermatomes", "Dermatomes L4-S2 (after Lee et al. 2008)", False, 1.0)
# Layers that map the skin: the muscles fade under them.
SKIN_MAPS = ["dermatomes"] + [lid for (lid, _name) in REFERRAL_LAYERS]
ANT_SKIN_MAPS = ["dermatomes", "referral_gluteus_minimus"]


# ---- dermatomes L4, L5, S1, S2 after the evidence-based map of Lee et al. 2008: translucent
# strips, one hue per root, clickable (structures dermatome_l4 ... in data/structures/dermatomes.ron)
DERMATOME_HUES = {"l4": "Sky", "l5": "Mint", "s1": "Peach", "s2": "Lilac"}


def dermatome(v, rid, root, parts):
    """The strip of skin of one root: closed outlines of (dx, h), both sides."""
    path = " ".join(closed_path(v.f.pts(seq)) for seq in parts)
    v.add(rid + "_left", "dermatomes", "Left", "Dermatome(%s)" % DERMATOME_HUES[root], path,
          "dermatome_" + root, rid + "_right")


def post_dermatomes(v):
    """The back of the leg: S2 down the back of the thigh, S1 the back of the calf and the heel,
    L5 the outer edge of the leg, L4 the inner edge of the calf."""
    dermatome(v, "dermatome_s2", "s2", [[
        (0.29, 4.47), (0.37, 4.48), (0.45, 4.5), (0.45, 4.8), (0.43, 5.2), (0.41, 5.6),
        (0.39, 5.9), (0.36, 6.06, "c"), (0.28, 6.06, "c"), (0.27, 5.9), (0.265, 5.6), (0.265, 5.2),
        (0.27, 4.8),
    ]])
    dermatome(v, "dermatome_s1", "s1", [[
        (0.25, 6.12, "c"), (0.35, 6.1), (0.45, 6.13, "c"), (0.47, 6.4), (0.45, 6.7), (0.42, 6.95),
        (0.39, 7.2), (0.37, 7.45), (0.385, 7.7), (0.405, 7.86), (0.385, 7.95), (0.33, 7.975),
        (0.25, 7.955), (0.23, 7.88), (0.26, 7.7), (0.27, 7.45), (0.265, 7.2), (0.25, 6.95),
        (0.24, 6.65), (0.235, 6.35),
    ]])
    dermatome(v, "dermatome_l5", "l5", [[
        (0.465, 6.15, "c"), (0.54, 6.16), (0.555, 6.4), (0.54, 6.66), (0.49, 6.93), (0.455, 7.15),
        (0.42, 7.4), (0.395, 7.52, "c"), (0.385, 7.42), (0.4, 7.2), (0.43, 6.96), (0.46, 6.7),
        (0.485, 6.42),
    ]])
    dermatome(v, "dermatome_l4", "l4", [[
        (0.165, 6.14, "c"), (0.22, 6.12, "c"), (0.215, 6.4), (0.22, 6.7), (0.235, 6.95),
        (0.25, 7.2), (0.25, 7.45), (0.24, 7.68, "c"), (0.215, 7.68, "c"), (0.22, 7.45),
        (0.205, 7.2), (0.18, 6.95), (0.155, 6.7), (0.148, 6.4),
    ]])


def ant_dermatomes(v):
    """The front of the leg: L4 the front of the knee and the inner shin, L5 the outer leg and
    the top of the foot to the big toe, S1 the outer edge of the foot."""
    dermatome(v, "ant_dermatome_l4", "l4", [[
        (0.2, 5.7), (0.3, 5.68), (0.4, 5.72), (0.44, 5.85), (0.41, 6.0), (0.345, 6.15),
        (0.315, 6.5), (0.31, 6.95), (0.29, 7.3), (0.265, 7.55), (0.25, 7.72, "c"), (0.215, 7.72, "c"),
        (0.222, 7.55), (0.215, 7.3), (0.18, 6.95), (0.15, 6.5), (0.165, 6.15), (0.175, 5.9),
    ]])
    dermatome(v, "ant_dermatome_l5", "l5", [[
        (0.4, 6.12), (0.47, 6.08), (0.545, 6.15), (0.555, 6.4), (0.535, 6.66), (0.485, 6.96),
        (0.43, 7.3), (0.405, 7.56), (0.41, 7.72), (0.415, 7.8), (0.41, 7.97, "c"), (0.21, 7.975, "c"),
        (0.205, 7.88), (0.24, 7.8), (0.28, 7.7), (0.3, 7.5), (0.33, 7.2), (0.345, 6.8), (0.355, 6.4),
    ]])
    dermatome(v, "ant_dermatome_s1", "s1", [[
        (0.425, 7.8), (0.445, 7.84), (0.46, 7.93), (0.44, 7.985), (0.42, 7.97), (0.425, 7.88),
    ]])


def referral_layer(lid, name):
    return (lid, REFERRAL_HEAD + name + " pattern", False, 1.0, [], {"exclusive": "referred_pain", "with_selection": True})


def referral_zone(v, rid, layer, structure, parts):
    """Where a muscle's trigger points refer pain (Paint Referral, translucent): one or more closed
    outlines of (dx, h), on both sides."""
    path = " ".join(closed_path(v.f.pts(seq)) for seq in parts)
    v.add(rid + "_left", layer, "Left", "Referral", path, structure, rid + "_right")


def trigger_points(v, rid, layer, structure, points, r=9.0):
    """Trigger-point areas on a muscle (Paint TriggerPoint): small ovals at (dx, h), both sides."""
    path = " ".join(ellipse_path(*v.f.p(dx, h), r, r * 0.8) for (dx, h) in points)
    v.add(rid + "_left", layer, "Left", "TriggerPoint", path, structure, rid + "_right")


def post_referral(v):
    """The referral patterns on the back view (left side declared, right mirrored)."""
    L = "referral_piriformis"
    # across the buttock from the sacroiliac region to the back of the hip joint, spilling over
    # the upper two thirds of the back of the thigh
    referral_zone(v, "referral_piriformis_zone", L, "piriformis", [[
        (0.14, 3.82), (0.26, 3.83), (0.42, 3.86), (0.57, 3.875), (0.68, 3.905), (0.73, 3.98),
        (0.725, 4.1), (0.66, 4.2), (0.6, 4.32), (0.57, 4.6), (0.54, 5.0), (0.49, 5.33),
        (0.4, 5.36), (0.34, 5.05), (0.3, 4.62), (0.26, 4.37), (0.2, 4.22), (0.14, 4.09),
        (0.11, 3.95),
    ]])
    trigger_points(v, "referral_piriformis_tp", L, "piriformis", [(0.32, 3.945), (0.58, 3.93)])

    L = "referral_gluteus_medius"
    # along the back of the iliac crest, over the sacroiliac joint and the sacrum, across the
    # middle and outer buttock, onto the upper outer thigh
    referral_zone(v, "referral_gluteus_medius_zone", L, "gluteus_medius", [[
        (0.04, 3.78), (0.12, 3.7), (0.22, 3.635), (0.36, 3.605), (0.5, 3.615), (0.61, 3.655),
        (0.68, 3.74), (0.725, 3.87), (0.745, 4.0), (0.74, 4.2), (0.72, 4.4), (0.68, 4.47),
        (0.635, 4.36), (0.58, 4.18), (0.48, 4.065), (0.36, 4.0), (0.24, 4.02), (0.14, 4.08),
        (0.06, 4.1), (0.03, 3.95),
    ]])
    trigger_points(v, "referral_gluteus_medius_tp", L, "gluteus_medius", [(0.26, 3.72), (0.46, 3.66), (0.64, 3.7)])

    L = "referral_gluteus_minimus"
    # "pseudo-sciatica": the lower outer buttock, then down the outer back of the thigh, behind
    # the outer knee and down the outer calf to the ankle
    referral_zone(v, "referral_gluteus_minimus_zone", L, "gluteus_minimus", [[
        (0.5, 3.95), (0.62, 3.96), (0.71, 4.05), (0.735, 4.3), (0.72, 4.6), (0.69, 4.95),
        (0.645, 5.35), (0.585, 5.7), (0.535, 5.95), (0.54, 6.2), (0.545, 6.45), (0.515, 6.7),
        (0.465, 7.0), (0.42, 7.3), (0.395, 7.55), (0.385, 7.65, "c"), (0.34, 7.66, "c"),
        (0.335, 7.55), (0.35, 7.3), (0.385, 7.0), (0.42, 6.7), (0.43, 6.45), (0.425, 6.2),
        (0.415, 5.95), (0.45, 5.7), (0.49, 5.35), (0.51, 4.95), (0.51, 4.6), (0.47, 4.35),
        (0.4, 4.2), (0.39, 4.05),
    ]])
    trigger_points(v, "referral_gluteus_minimus_tp", L, "gluteus_minimus", [(0.5, 3.84), (0.62, 3.8)])

    L = "referral_quadratus_lumborum"
    # along the iliac crest, over the greater trochanter and upper outer thigh, the sacroiliac
    # joint, and the lower buttock
    referral_zone(v, "referral_quadratus_lumborum_zone", L, "quadratus_lumborum", [
        [(0.2, 3.6), (0.35, 3.54), (0.5, 3.52), (0.6, 3.545), (0.655, 3.6), (0.63, 3.66),
         (0.5, 3.625), (0.35, 3.63), (0.23, 3.68)],
        [(0.655, 3.95), (0.72, 3.975), (0.74, 4.1), (0.725, 4.24), (0.68, 4.3), (0.64, 4.2), (0.63, 4.05)],
        [(0.12, 3.82), (0.18, 3.8), (0.21, 3.86), (0.19, 3.95), (0.13, 3.97), (0.1, 3.9)],
        [(0.12, 4.25), (0.25, 4.22), (0.38, 4.27), (0.4, 4.37), (0.28, 4.42), (0.14, 4.39), (0.08, 4.32)],
    ])
    trigger_points(v, "referral_quadratus_lumborum_tp", L, "quadratus_lumborum",
                   [(0.34, 3.2), (0.44, 3.45), (0.2, 3.33), (0.22, 3.55)])

    L = "referral_hamstrings"
    # semitendinosus and semimembranosus: the lower buttock and gluteal fold, the back and inner
    # side of the thigh, the inner back of the knee, sometimes the upper inner calf
    referral_zone(v, "referral_medial_hamstrings_zone", L, "semimembranosus", [[
        (0.08, 4.3), (0.2, 4.26), (0.33, 4.3), (0.36, 4.45), (0.335, 4.8), (0.32, 5.2),
        (0.3, 5.6), (0.29, 5.9), (0.28, 6.1), (0.25, 6.35), (0.205, 6.48), (0.175, 6.4),
        (0.175, 6.15), (0.185, 5.9), (0.165, 5.5), (0.14, 5.1), (0.105, 4.75), (0.07, 4.45),
    ]])
    # biceps femoris: the back of the knee, up the outer back of the thigh and down the upper calf
    referral_zone(v, "referral_biceps_femoris_zone", L, "biceps_femoris_long_head", [[
        (0.44, 5.0), (0.52, 5.05), (0.555, 5.4), (0.545, 5.75), (0.515, 6.0), (0.5, 6.25),
        (0.46, 6.5), (0.38, 6.55), (0.32, 6.45), (0.3, 6.2), (0.31, 6.0), (0.36, 5.85),
        (0.42, 5.6), (0.43, 5.3),
    ]])
    trigger_points(v, "referral_semitendinosus_tp", L, "semitendinosus", [(0.31, 5.15)])
    trigger_points(v, "referral_semimembranosus_tp", L, "semimembranosus", [(0.22, 5.45)])
    trigger_points(v, "referral_biceps_femoris_long_head_tp", L, "biceps_femoris_long_head", [(0.5, 5.35)])
    trigger_points(v, "referral_biceps_femoris_short_head_tp", L, "biceps_femoris_short_head", [(0.545, 5.7)])


def ant_referral(v):
    """Gluteus minimus's front fibres on the front view: trigger points under tensor fasciae latae,
    pain down the outer thigh, the outer knee and the outer leg to the ankle."""
    L = "referral_gluteus_minimus"
    referral_zone(v, "ant_referral_gluteus_minimus_zone", L, "gluteus_minimus", [[
        (0.66, 4.0), (0.72, 4.05), (0.74, 4.2), (0.735, 4.5), (0.712, 4.85), (0.67, 5.25),
        (0.605, 5.6), (0.55, 5.88), (0.535, 6.03), (0.545, 6.2), (0.55, 6.4), (0.53, 6.66),
        (0.48, 6.96), (0.425, 7.3), (0.398, 7.56), (0.39, 7.66, "c"), (0.35, 7.67, "c"),
        (0.345, 7.55), (0.37, 7.3), (0.41, 6.96), (0.45, 6.66), (0.47, 6.4), (0.47, 6.2),
        (0.46, 6.03), (0.47, 5.88), (0.5, 5.6), (0.55, 5.25), (0.59, 4.85), (0.615, 4.5),
        (0.63, 4.2),
    ]])
    trigger_points(v, "ant_referral_gluteus_minimus_tp", L, "gluteus_minimus", [(0.665, 3.87), (0.705, 3.93)])


def build_posterior():
    v = View(
        "posterior",
        "Body, back view",
        "Seen from behind: the person's left side is on your left",
        [
            ("skin", "Skin and outline", True, 1.0),
            # The bones lie beneath the muscles, so they never hide what they anchor. Under the
            # superficial muscles (and the maps of the skin) they fade, showing faintly where no
            # muscle covers them; with the deep muscles alone they are drawn solid, as on a plate
            # of a deep dissection.
            ("skeleton", "Skeletal landmarks", True, 0.9, ["superficial"] + SKIN_MAPS),
            # The muscles fade while a map of the skin (referred pain, dermatomes) is shown, so
            # its translucent colours read on a pale figure, as on a printed chart.
            ("deep", "Deep muscles", False, 1.0, SKIN_MAPS),
        ] + [
            (lid, title, vis, 1.0, [], {"exclusive": "sciatic_course"}) for (lid, title, vis) in SCIATIC_COURSES
        ] + [
            # Superficial muscles on top; they fade to a ghost while the deep layer is shown, so
            # the deep muscles and the nerves beneath read as beneath. (The posterior femoral
            # cutaneous nerve is drawn on the hip close-up only, keeping this layer list short.)
            ("superficial", "Superficial muscles", True, 1.0,
             ["deep", "nerves_through", "nerves_split", "nerves_above"] + SKIN_MAPS),
            DERMATOME_LAYER,
        ] + [referral_layer(lid, name) for (lid, name) in REFERRAL_LAYERS],
        -1,
        POSTERIOR_INTRO,
    )
    f = v.f
    # ---------------- skin
    skin_common(v, False)
    x, y0 = f.p(0, 1.22)
    _, y1 = f.p(0, 3.78)
    v.add("spine_furrow", "skin", "Midline", "SkinLine", "M 500 %s L 500 %s" % (fmt(y0), fmt(y1)))
    _, y0 = f.p(0, 3.98)
    _, y1 = f.p(0, 4.3)
    v.add("gluteal_cleft", "skin", "Midline", "SkinLine", "M 500 %s L 500 %s" % (fmt(y0), fmt(y1)))
    v.add("gluteal_folds", "skin", "Midline", "SkinLine",
          sym_line(v, [(0.04, 4.36), (0.16, 4.44), (0.3, 4.47), (0.44, 4.45)]))
    v.add("sacral_dimples", "skin", "Midline", "SkinLine", sym_line(v, [(0.14, 3.82), (0.155, 3.86), (0.145, 3.9)]))
    v.add("shoulder_blades", "skin", "Midline", "SkinLine",
          sym_line(v, [(0.24, 1.52), (0.25, 1.72), (0.29, 1.92), (0.35, 2.02), (0.46, 1.92), (0.6, 1.78)])
          + " " + sym_line(v, [(0.24, 1.58), (0.45, 1.53), (0.68, 1.47)]))
    v.add("elbow_points", "skin", "Midline", "SkinLine", sym_line(v, [(1.02, 2.86), (1.045, 2.9), (1.075, 2.88)]))
    v.add("knee_creases", "skin", "Midline", "SkinLine", sym_line(v, [(0.22, 6.0), (0.33, 6.03), (0.47, 6.0)]))
    v.add("achilles_hints", "skin", "Midline", "SkinLine",
          sym_line(v, [(0.285, 7.2), (0.29, 7.5), (0.29, 7.78)]) + " " + sym_line(v, [(0.37, 7.2), (0.36, 7.5), (0.36, 7.78)]))
    v.add("hairline", "skin", "Midline", "SkinLine",
          symmetric_open(v, [(0.3, 0.8), (0.18, 0.86), (0, 0.88)]))
    v.add("ears", "skin", "Midline", "SkinLine", sym_line(v, [(0.355, 0.4), (0.385, 0.47), (0.375, 0.6), (0.345, 0.66)]))
    post_anatomy(v, "", True)
    post_dermatomes(v)
    post_referral(v)
    return v


HIP_SCALE = 600.0  # canvas units per head height on the close-up (the back view has 250)
HIP_H0 = 3.35  # figure height at the top edge of the close-up
HIP_CANVAS = (1000.0, 880.0)


def build_hip():
    v = View(
        "hip",
        "Hip, deep muscles (close-up)",
        "Seen from behind, enlarged: the person's left side is on your left",
        [
            ("skin", "Skin and outline", True, 1.0),
            ("skeleton", "Bones and landmarks", True, 1.0),
            ("deep", "Deep muscles", True, 1.0),
        ] + [
            (lid, title, vis, 1.0, [], {"exclusive": "sciatic_course"}) for (lid, title, vis) in SCIATIC_COURSES
        ] + [
            ("nerves_cutaneous", "Posterior femoral cutaneous nerve", True, 1.0),
            # gluteus maximus over everything, faded to a veil while the deep layer is shown
            ("superficial", "Gluteus maximus", True, 1.0, ["deep"]),
        ],
        -1,
        HIP_INTRO,
    )
    v.f = ScaledFig(-1, HIP_SCALE, HIP_H0, 16.0)
    v.order = 2
    v.canvas = HIP_CANVAS
    v.add("hip_body_outline", "skin", "Midline", "Skin", symmetric_closed(v.f.pts([
        (0, HIP_H0 + 0.005, "c"), (0.62, HIP_H0 + 0.005, "c"), (0.635, 3.42), (0.69, 3.62), (0.745, 3.82),
        (0.775, 4.0), (0.772, 4.2), (0.758, 4.5), (0.748, 4.76, "c"), (0.082, 4.76, "c"), (0.06, 4.6),
        (0.035, 4.45), (0, 4.3, "c"),
    ])))
    x, y0 = v.f.p(0, 3.98)
    _, y1 = v.f.p(0, 4.3)
    v.add("hip_gluteal_cleft", "skin", "Midline", "SkinLine", "M 500 %s L 500 %s" % (fmt(y0), fmt(y1)))
    v.add("hip_gluteal_folds", "skin", "Midline", "SkinLine",
          sym_line(v, [(0.04, 4.36), (0.16, 4.44), (0.3, 4.47), (0.44, 4.45)]))
    v.add("hip_sacral_dimples", "skin", "Midline", "SkinLine", sym_line(v, [(0.14, 3.82), (0.155, 3.86), (0.145, 3.9)]))
    post_anatomy(v, "hip_", False)
    # the lowest two lumbar vertebrae, for orientation above the sacrum
    verts = []
    for i in (3, 4):
        top = 3.115 + i * 0.133
        wide = (0.17, 0.19, 0.21, 0.19, 0.17)[i]
        half = [
            (0, top), (0.05, top + 0.005), (0.065, top + 0.025), (wide - 0.02, top + 0.035), (wide, top + 0.05),
            (wide - 0.015, top + 0.07), (0.07, top + 0.07), (0.055, top + 0.1), (0.025, top + 0.112), (0, top + 0.112),
        ]
        verts.append(symmetric_closed(v.f.pts(half)))
    v.add("hip_lumbar_vertebrae", "skeleton", "Midline", "Bone", " ".join(verts), "lumbar_vertebrae")
    return v


def symmetric_open(v, seq):
    """An open line from the viewer's left to the midline, continued symmetrically (one subpath)."""
    pts = v.f.pts(seq)
    loop = pts + [(mirror_x(p[0]), p[1], p[2]) for p in reversed(pts[:-1])]
    return open_path(loop)


ANTERIOR_INTRO = [
    "The front of the trunk, hips and thighs. With the default layers you see the abdominal wall "
    "(rectus abdominis and external oblique) and the superficial thigh muscles: the quadriceps "
    "(rectus femoris, vastus lateralis and vastus medialis), sartorius crossing from the bony point "
    "of the hip to the inner knee, tensor fasciae latae and the iliotibial band on the outer side, "
    "and the adductors and gracilis on the inner side.",
    "Turn on the deep muscles to see psoas major and iliacus. Psoas runs from the sides of the last "
    "thoracic and all the lumbar vertebrae, over the brim of the pelvis and under the inguinal "
    "ligament to the lesser trochanter of the thigh bone; iliacus lines the inside of the pelvic "
    "wing and joins it. Psoas is attached down to the L4-L5 disc, one of the two discs most often "
    "involved in back and leg pain, it often tightens protectively when the back hurts, and the hip "
    "flexors stiffen with long sitting, so therapists work them gently as part of a session, "
    "though they are rarely the cause. Pain, tingling or numbness down the front of the thigh, or "
    "a burning patch on its outer front, usually comes from the upper lumbar roots, the femoral "
    "nerve or the lateral femoral cutaneous nerve, which the nerve layer shows; pain along the "
    "outer side of the thigh that runs on below the knee more often comes from the L5 nerve root "
    "low in the back.",
    "Click a muscle to read where it attaches, what it does, its nerve, and how to massage it "
    "yourself where that is safe. Skeletal landmarks shows the bones the muscles reach: the lumbar "
    "vertebrae, the pelvis with its crest, the ASIS and the pubis, the femur with its two "
    "trochanters, the kneecap and the top of the shin bone.",
    "Dermatomes shows the strips of skin served by the L4 and L5 roots on the front of the leg (and "
    "S1 on the outer edge of the foot), after the evidence-based map of Lee et al. (2008); other maps "
    "draw them differently. The gluteus minimus layer shows where trigger points in that muscle's "
    "front fibres, under tensor fasciae latae, send pain: down the outer thigh, knee and leg to the "
    "ankle, a pattern easily mistaken for the pain of a pressed L5 nerve root (after Travell and "
    "Simons). It is a clinical pattern, not proof.",
]


def ant_fibres(view, rid, layer, lines):
    """Front view fibre-direction lines (Paint Fibre, not clickable), both sides in one region."""
    if FIBRES:
        view.add(rid, layer, "Midline", "Fibre", " ".join(sym_line(view, l) for l in lines))


def ant_lines(view, rid, layer, paint, lines):
    """Front view open strokes (decoration), both sides in one region."""
    view.add(rid, layer, "Midline", paint, " ".join(sym_line(view, l) for l in lines))


def ant_ribbon(view, rid, layer, structure, paint, seq, attaches=(), caps="round"):
    """A front-view ribbon (both sides) with its bone attachments."""
    center = [view.f.p(dx, h) + (w,) for (dx, h, w) in seq]
    view.add(rid, layer, "Left", paint, closed_path(ribbon_points(center, caps)), structure,
             rid[: -len("_left")] + "_right", attaches)


def ant_shape(view, rid, layer, structure, paint, seq, attaches=()):
    """A front-view closed shape (both sides) with its bone attachments."""
    view.add(rid, layer, "Left", paint, closed_path(view.f.pts(seq)), structure,
             rid[: -len("_left")] + "_right", attaches)


ANT_FEMUR = [
    (0.37, 4.0), (0.363, 3.955), (0.385, 3.905), (0.43, 3.878), (0.48, 3.88), (0.52, 3.9),  # head
    (0.56, 3.935), (0.615, 3.945),  # upper border of the neck
    (0.66, 3.92), (0.705, 3.905), (0.742, 3.93), (0.757, 3.99), (0.75, 4.07), (0.725, 4.15),  # greater trochanter
    (0.69, 4.3), (0.655, 4.55), (0.62, 4.85), (0.58, 5.15), (0.545, 5.42), (0.538, 5.6),
    (0.552, 5.74), (0.556, 5.86), (0.533, 5.95), (0.46, 5.975), (0.38, 5.94, "c"), (0.3, 5.975),
    (0.228, 5.955), (0.197, 5.88), (0.202, 5.77), (0.235, 5.67), (0.3, 5.58), (0.39, 5.45),
    (0.45, 5.2), (0.495, 4.9), (0.525, 4.6), (0.54, 4.35), (0.545, 4.2), (0.54, 4.12),
    (0.51, 4.085), (0.47, 4.06), (0.42, 4.045),  # lower border of the neck to the head
]


def build_anterior():
    v = View(
        "anterior",
        "Body, front view",
        "Seen from the front: the person's left side is on your right",
        [
            ("skin", "Skin and outline", True, 1.0),
            # The bones lie beneath the muscles (as on the back view), so they never hide what
            # they anchor; they fade under the abdominal wall and the superficial muscles and are
            # solid beneath the deep muscles alone.
            ("skeleton", "Skeletal landmarks", False, 0.9, ["abdominal", "superficial"] + ANT_SKIN_MAPS),
            # The abdominal wall and the superficial thigh muscles fade while the deep muscles or
            # the nerves (which lie beneath them) are shown.
            ("abdominal", "Abdominal wall", True, 1.0, ["deep", "nerves"] + ANT_SKIN_MAPS),
            ("superficial", "Superficial muscles", True, 1.0, ["deep", "nerves"] + ANT_SKIN_MAPS),
            ("deep", "Deep muscles", False, 1.0, ANT_SKIN_MAPS),
            ("nerves", "Femoral and lateral femoral cutaneous nerves", False, 1.0),
            DERMATOME_LAYER,
            referral_layer("referral_gluteus_minimus", "Gluteus minimus"),
        ],
        +1,
        ANTERIOR_INTRO,
    )
    f = v.f
    skin_common(v, True)
    nx, ny = f.p(0, 3.2)
    v.add("ant_navel", "skin", "Midline", "SkinLine", ellipse_path(500, ny, 5, 7))
    v.add("ant_inguinal_creases", "skin", "Midline", "SkinLine", sym_line(v, [(0.6, 3.87), (0.42, 3.93), (0.24, 3.98), (0.1, 4.02)]))
    v.add("ant_kneecaps", "skin", "Midline", "SkinLine", sym_ellipse(v, 0.36, 5.85, 17, 21))
    v.add("ant_clavicles", "skin", "Midline", "SkinLine", sym_line(v, [(0.06, 1.3), (0.25, 1.33), (0.5, 1.33), (0.78, 1.4)]))
    v.add("ant_chest", "skin", "Midline", "SkinLine",
          sym_line(v, [(0.08, 1.95), (0.3, 2.07), (0.55, 2.02), (0.7, 1.9)]) + " " + sym_ellipse(v, 0.42, 1.98, 4, 4))
    _, y0 = f.p(0, 2.12)
    _, y1 = f.p(0, 3.1)
    v.add("ant_linea_alba", "skin", "Midline", "SkinLine", "M 500 %s L 500 %s" % (fmt(y0), fmt(y1)))
    v.add("ant_face", "skin", "Midline", "SkinLine",
          sym_line(v, [(0.2, 0.45), (0.14, 0.43), (0.06, 0.46)])
          + " " + sym_line(v, [(0.19, 0.52), (0.14, 0.505), (0.08, 0.52)])
          + " " + "M %s %s C %s %s %s %s %s %s" % tuple(fmt(q) for q in (
              *f.p(-0.005, 0.56), *f.p(-0.01, 0.64), *f.p(-0.04, 0.68), *f.p(0, 0.7)))
          + " " + symmetric_open(v, [(0.09, 0.8), (0.04, 0.815), (0, 0.818)]))
    v.add("ant_toes", "skin", "Midline", "SkinLine",
          " ".join(sym_line(v, [(dx, 7.9), (dx + 0.005, 7.99)]) for dx in (0.24, 0.3, 0.36, 0.41)))

    # Bone region ids (the skeleton layer, drawn further down) that muscles name in `attaches`.
    LUMBAR, T12 = "ant_lumbar_vertebrae", "ant_t12_vertebra"
    COSTAL, CREST = "ant_costal_margin_left", "ant_iliac_crest_left"
    ASIS, AIIS = "ant_anterior_superior_iliac_spine_left", "ant_anterior_inferior_iliac_spine_left"
    FOSSA, PUBIS, SYMPH = "ant_iliac_fossa_left", "ant_pubis_left", "ant_pubic_symphysis"
    HIP, FEMUR, GT, LT = "ant_hip_bone_left", "ant_femur_left", "ant_greater_trochanter_left", "ant_lesser_trochanter_left"
    PATELLA, TIBIA = "ant_patella_left", "ant_tibia_left"

    # ---------------- abdominal wall: external oblique (its fleshy part at the side, its
    # aponeurosis in front, ending below as the inguinal ligament) and rectus abdominis
    A = "abdominal"
    ant_shape(v, "ant_external_oblique_aponeurosis_left", A, "external_oblique", "Tendon", [
        (0.335, 2.34, "c"), (0.39, 2.38), (0.405, 2.62), (0.42, 2.9), (0.45, 3.2), (0.5, 3.45),
        (0.575, 3.63), (0.615, 3.77), (0.628, 3.858, "c"), (0.5, 3.903), (0.35, 3.942), (0.2, 3.965),
        (0.09, 3.974, "c"), (0.14, 3.8), (0.19, 3.55), (0.23, 3.25), (0.27, 2.9), (0.31, 2.6),
    ], attaches=[ASIS, PUBIS])
    ant_shape(v, "ant_external_oblique_left", A, "external_oblique", "Muscle", [
        (0.39, 2.36), (0.47, 2.245), (0.58, 2.2), (0.67, 2.25), (0.705, 2.4), (0.695, 2.6),
        (0.645, 2.85), (0.598, 3.1), (0.588, 3.3), (0.612, 3.48), (0.652, 3.6, "c"), (0.58, 3.585),
        (0.51, 3.57, "c"), (0.455, 3.4), (0.415, 3.15), (0.39, 2.85), (0.38, 2.6),
    ], attaches=[COSTAL, CREST])
    ant_fibres(v, "ant_fibres_external_oblique", A, [
        # down and forward, "hands in the front pockets"
        [(0.68, 2.32), (0.56, 2.5), (0.42, 2.68)],
        [(0.68, 2.55), (0.56, 2.75), (0.43, 2.98)],
        [(0.63, 2.82), (0.53, 3.02), (0.45, 3.22)],
        [(0.6, 3.08), (0.54, 3.25), (0.49, 3.43)],
        [(0.6, 3.33), (0.57, 3.45), (0.55, 3.56)],
        # aponeurosis: the same direction, ending on the linea alba and the inguinal ligament
        [(0.4, 2.8), (0.33, 2.95), (0.26, 3.08)],
        [(0.46, 3.3), (0.34, 3.45), (0.22, 3.6)],
        [(0.55, 3.6), (0.42, 3.72), (0.27, 3.85)],
    ])
    ant_shape(v, "ant_rectus_abdominis_left", A, "rectus_abdominis", "Muscle", [
        (0.016, 2.25, "c"), (0.1, 2.215), (0.2, 2.23), (0.29, 2.265), (0.335, 2.32, "c"),
        (0.31, 2.6), (0.27, 2.9), (0.23, 3.25), (0.19, 3.55), (0.14, 3.8), (0.1, 3.958, "c"),
        (0.06, 3.975), (0.018, 3.978, "c"), (0.016, 3.6), (0.016, 2.9),
    ], attaches=[PUBIS, COSTAL])
    ant_fibres(v, "ant_fibres_rectus_abdominis", A, [
        # tendinous intersections
        [(0.02, 2.52), (0.15, 2.54), (0.3, 2.5)],
        [(0.02, 2.83), (0.15, 2.86), (0.27, 2.83)],
        [(0.02, 3.14), (0.13, 3.17), (0.235, 3.15)],
        # vertical fibres
        [(0.08, 2.26), (0.085, 2.9), (0.07, 3.5), (0.05, 3.9)],
        [(0.18, 2.27), (0.17, 2.9), (0.13, 3.5), (0.09, 3.85)],
    ])

    # ---------------- superficial thigh
    S = "superficial"
    # adductor magnus: the part that shows between gracilis, adductor longus and vastus medialis
    # (the whole muscle is on the deep layer)
    ant_shape(v, "ant_adductor_magnus_superficial_left", S, "adductor_magnus", "Muscle", [
        (0.09, 4.16, "c"), (0.16, 4.24), (0.25, 4.42), (0.36, 4.7), (0.42, 4.92), (0.37, 5.15),
        (0.3, 5.42), (0.262, 5.66, "c"), (0.225, 5.58), (0.19, 5.3), (0.15, 4.95), (0.115, 4.6),
        (0.085, 4.35),
    ], attaches=[PUBIS, FEMUR])
    ant_shape(v, "ant_vastus_lateralis_left", S, "vastus_lateralis", "Muscle", [
        (0.655, 4.05, "c"), (0.705, 4.1), (0.728, 4.3), (0.716, 4.65), (0.685, 5.0), (0.64, 5.32),
        (0.585, 5.6), (0.53, 5.78), (0.432, 5.835, "c"), (0.43, 5.7), (0.485, 5.45), (0.55, 5.12),
        (0.6, 4.75), (0.63, 4.4), (0.64, 4.18),
    ], attaches=[GT, PATELLA])
    ant_shape(v, "ant_vastus_medialis_left", S, "vastus_medialis", "Muscle", [
        (0.535, 4.3, "c"), (0.5, 4.6), (0.465, 4.9), (0.43, 5.15), (0.405, 5.42), (0.385, 5.62),
        (0.35, 5.74, "c"), (0.29, 5.79), (0.24, 5.73), (0.205, 5.56), (0.198, 5.36), (0.23, 5.1),
        (0.3, 4.88), (0.4, 4.62), (0.48, 4.4),
    ], attaches=[FEMUR, PATELLA])
    ant_shape(v, "ant_rectus_femoris_left", S, "rectus_femoris", "Muscle", [
        (0.585, 3.925, "c"), (0.612, 3.94, "c"), (0.628, 4.06), (0.64, 4.3), (0.625, 4.6),
        (0.59, 4.95), (0.535, 5.25), (0.47, 5.5), (0.42, 5.67), (0.405, 5.785, "c"), (0.33, 5.785, "c"),
        (0.34, 5.62), (0.38, 5.35), (0.435, 5.0), (0.49, 4.62), (0.535, 4.3), (0.565, 4.06),
    ], attaches=[AIIS, PATELLA])
    ant_shape(v, "ant_patellar_tendon_left", S, None, "Tendon", [
        (0.3, 5.735), (0.335, 5.705), (0.4, 5.705), (0.44, 5.735), (0.452, 5.8), (0.44, 5.88),
        (0.41, 5.94), (0.395, 6.02), (0.392, 6.16, "c"), (0.345, 6.16, "c"), (0.342, 6.02),
        (0.318, 5.94), (0.285, 5.88), (0.278, 5.8),
    ], attaches=[PATELLA, TIBIA])
    ant_shape(v, "ant_adductor_longus_left", S, "adductor_longus", "Muscle", [
        (0.05, 3.972, "c"), (0.118, 3.968, "c"), (0.19, 4.08), (0.3, 4.18), (0.42, 4.3), (0.49, 4.5),
        (0.515, 4.7), (0.52, 4.82, "c"), (0.48, 4.95, "c"), (0.39, 4.83), (0.29, 4.63), (0.19, 4.42),
        (0.11, 4.21), (0.065, 4.06),
    ], attaches=[PUBIS, FEMUR])
    ant_shape(v, "ant_pectineus_left", S, "pectineus", "Muscle", [
        (0.11, 3.968, "c"), (0.2, 3.962), (0.31, 3.945, "c"), (0.39, 4.04), (0.46, 4.14),
        (0.525, 4.2, "c"), (0.53, 4.34, "c"), (0.44, 4.33), (0.32, 4.24), (0.21, 4.14), (0.14, 4.05),
    ], attaches=[PUBIS, FEMUR])
    # iliopsoas where it shows in the floor of the femoral triangle, between pectineus and sartorius
    ant_shape(v, "ant_iliopsoas_superficial_left", S, "psoas_major", "Muscle", [
        (0.29, 3.948, "c"), (0.4, 3.922), (0.5, 3.895), (0.58, 3.87), (0.585, 3.96), (0.57, 4.06),
        (0.55, 4.16), (0.53, 4.24, "c"), (0.47, 4.18), (0.39, 4.07),
    ], attaches=[HIP, LT])
    ant_ribbon(v, "ant_gracilis_left", S, "gracilis", "Muscle", [
        (0.045, 4.03, 10), (0.07, 4.2, 20), (0.108, 4.45, 23), (0.138, 4.75, 22), (0.16, 5.1, 19),
        (0.185, 5.45, 14), (0.2, 5.75, 9), (0.22, 5.98, 7), (0.262, 6.13, 6),
    ], attaches=[PUBIS, TIBIA])
    ant_shape(v, "ant_tensor_fasciae_latae_left", S, "tensor_fasciae_latae", "Muscle", [
        (0.615, 3.845, "c"), (0.66, 3.79), (0.69, 3.84), (0.725, 3.96), (0.748, 4.1), (0.755, 4.22),
        (0.745, 4.33, "c"), (0.7, 4.26), (0.655, 4.13), (0.622, 3.99),
    ], attaches=[ASIS, CREST])
    ant_ribbon(v, "ant_iliotibial_band_left", S, None, "Tendon", [
        (0.738, 4.2, 10), (0.722, 4.5, 13), (0.696, 4.85, 13), (0.656, 5.2, 12), (0.608, 5.5, 11),
        (0.56, 5.76, 10), (0.535, 5.93, 8), (0.522, 6.04, 6),
    ], attaches=[TIBIA])
    ant_ribbon(v, "ant_sartorius_left", S, "sartorius", "Muscle", [
        (0.615, 3.86, 10), (0.585, 3.97, 18), (0.54, 4.15, 22), (0.47, 4.4, 23), (0.39, 4.7, 22),
        (0.31, 5.05, 21), (0.25, 5.4, 19), (0.222, 5.7, 16), (0.222, 5.92, 12), (0.245, 6.07, 9),
        (0.278, 6.15, 7),
    ], attaches=[ASIS, TIBIA])
    ant_fibres(v, "ant_fibres_thigh", S, [
        # sartorius, along its length
        [(0.59, 3.95), (0.5, 4.35), (0.38, 4.75), (0.27, 5.25), (0.23, 5.7)],
        # rectus femoris: bipennate, fibres angled onto a central tendon
        [(0.6, 4.05), (0.58, 4.5), (0.52, 4.95), (0.43, 5.4), (0.37, 5.72)],
        [(0.63, 4.45), (0.6, 4.6)], [(0.61, 4.78), (0.565, 4.92)], [(0.57, 5.05), (0.52, 5.15)],
        [(0.5, 4.6), (0.555, 4.7)], [(0.46, 4.9), (0.52, 4.98)], [(0.42, 5.15), (0.47, 5.22)],
        # vastus lateralis: down and in toward the kneecap
        [(0.7, 4.35), (0.67, 4.8), (0.6, 5.3), (0.5, 5.7)],
        [(0.66, 4.25), (0.64, 4.7), (0.58, 5.15), (0.49, 5.55)],
        # vastus medialis: its lowest fibres run almost across, to the kneecap's inner edge
        [(0.44, 4.85), (0.38, 5.2), (0.33, 5.6)],
        [(0.3, 4.98), (0.27, 5.3), (0.3, 5.68)],
        [(0.22, 5.4), (0.26, 5.6), (0.32, 5.72)],
        # adductor longus and pectineus: down and out to the femur
        [(0.1, 4.07), (0.25, 4.35), (0.42, 4.75)],
        [(0.09, 4.14), (0.22, 4.45), (0.36, 4.75)],
        [(0.18, 4.01), (0.33, 4.13), (0.49, 4.25)],
        [(0.16, 4.05), (0.31, 4.18), (0.48, 4.3)],
        # gracilis
        [(0.07, 4.2), (0.12, 4.75), (0.17, 5.3), (0.2, 5.8)],
        # tensor fasciae latae
        [(0.65, 3.85), (0.7, 4.05), (0.735, 4.25)],
        [(0.635, 3.9), (0.67, 4.08), (0.71, 4.22)],
        # adductor magnus between gracilis and vastus medialis
        [(0.18, 4.85), (0.22, 5.2), (0.25, 5.5)],
    ])

    # ---------------- deep
    D = "deep"
    # adductor magnus: from the inferior pubic ramus, the ischial ramus and the ischial tuberosity,
    # fanning out to the whole linea aspera, and by its hamstring part to the adductor tubercle
    ant_shape(v, "ant_adductor_magnus_left", D, "adductor_magnus", "DeepMuscle", [
        (0.08, 4.19, "c"), (0.16, 4.235), (0.24, 4.285), (0.305, 4.315, "c"), (0.4, 4.38), (0.5, 4.46),
        (0.525, 4.62), (0.5, 4.85), (0.465, 5.1), (0.41, 5.33, "c"), (0.34, 5.47), (0.285, 5.6),
        (0.262, 5.68, "c"), (0.226, 5.6), (0.195, 5.35), (0.16, 5.0), (0.118, 4.65), (0.088, 4.4),
    ], attaches=[PUBIS, FEMUR])
    ant_fibres(v, "ant_fibres_deep_adductor_magnus", D, [
        [(0.1, 4.22), (0.3, 4.35), (0.5, 4.5)],
        [(0.11, 4.35), (0.3, 4.55), (0.49, 4.75)],
        [(0.13, 4.55), (0.3, 4.8), (0.45, 5.05)],
        [(0.16, 4.8), (0.28, 5.05), (0.39, 5.3)],
        [(0.19, 5.05), (0.23, 5.35), (0.255, 5.62)],
    ])
    ant_shape(v, "ant_adductor_brevis_left", D, "adductor_brevis", "DeepMuscle", [
        (0.075, 4.04, "c"), (0.14, 4.03), (0.25, 4.12), (0.38, 4.23), (0.53, 4.3, "c"),
        (0.525, 4.62, "c"), (0.42, 4.52), (0.3, 4.4), (0.19, 4.28), (0.1, 4.16),
    ], attaches=[PUBIS, FEMUR])
    ant_fibres(v, "ant_fibres_deep_adductor_brevis", D, [
        [(0.1, 4.07), (0.3, 4.2), (0.51, 4.35)],
        [(0.11, 4.13), (0.3, 4.3), (0.51, 4.48)],
        [(0.14, 4.2), (0.32, 4.4), (0.5, 4.58)],
    ])
    ant_shape(v, "ant_vastus_intermedius_left", D, "vastus_intermedius", "DeepMuscle", [
        (0.56, 4.22, "c"), (0.665, 4.2, "c"), (0.66, 4.5), (0.625, 4.85), (0.575, 5.2), (0.51, 5.5),
        (0.445, 5.68), (0.405, 5.77, "c"), (0.345, 5.77, "c"), (0.38, 5.58), (0.43, 5.3), (0.48, 4.95),
        (0.52, 4.6), (0.545, 4.35),
    ], attaches=[FEMUR, PATELLA])
    ant_fibres(v, "ant_fibres_deep_vastus_intermedius", D, [
        [(0.6, 4.3), (0.58, 4.8), (0.5, 5.3), (0.4, 5.7)],
        [(0.56, 4.45), (0.52, 4.9), (0.45, 5.35), (0.38, 5.7)],
    ])
    # iliacus: fills the iliac fossa under the crest (from the sacroiliac joint round to the ASIS
    # and AIIS), its fibres converging on the psoas tendon below the inguinal ligament
    ant_shape(v, "ant_iliacus_left", D, "iliacus", "DeepMuscle", [
        (0.205, 3.73, "c"), (0.25, 3.645), (0.35, 3.595), (0.46, 3.585), (0.56, 3.605), (0.625, 3.65),
        (0.648, 3.72), (0.625, 3.8), (0.598, 3.87), (0.575, 3.96), (0.56, 4.06), (0.548, 4.16),
        (0.53, 4.235, "c"), (0.5, 4.13), (0.44, 4.03), (0.38, 3.94), (0.32, 3.86), (0.26, 3.79),
    ], attaches=[FOSSA, LT])
    ant_fibres(v, "ant_fibres_deep_iliacus", D, [
        [(0.28, 3.68), (0.38, 3.82), (0.47, 3.98), (0.52, 4.15)],
        [(0.38, 3.62), (0.46, 3.78), (0.51, 3.96), (0.53, 4.15)],
        [(0.5, 3.61), (0.535, 3.78), (0.54, 3.98), (0.535, 4.15)],
        [(0.6, 3.66), (0.585, 3.8), (0.56, 3.97), (0.54, 4.15)],
    ])
    # psoas major: from the sides of the bodies of T12-L5 (and the discs) and the front of the
    # lumbar transverse processes, widening down the spine, over the pelvic brim, under the
    # inguinal ligament with iliacus, to the lesser trochanter
    ant_shape(v, "ant_psoas_major_left", D, "psoas_major", "DeepMuscle", [
        (0.072, 2.962, "c"), (0.11, 2.952), (0.145, 3.02), (0.19, 3.15), (0.238, 3.32), (0.282, 3.5),
        (0.318, 3.66), (0.352, 3.8), (0.395, 3.92), (0.445, 4.02), (0.495, 4.1), (0.528, 4.18),
        (0.522, 4.235, "c"), (0.48, 4.215), (0.43, 4.14), (0.36, 4.05), (0.28, 3.95), (0.205, 3.84),
        (0.155, 3.72), (0.125, 3.58), (0.105, 3.4), (0.095, 3.2), (0.085, 3.06),
    ], attaches=[LUMBAR, T12, LT])
    ant_fibres(v, "ant_fibres_deep_psoas", D, [
        [(0.1, 3.02), (0.14, 3.3), (0.19, 3.58), (0.28, 3.84), (0.4, 4.0), (0.5, 4.17)],
        [(0.13, 3.08), (0.18, 3.32), (0.23, 3.58), (0.31, 3.8), (0.43, 3.98), (0.51, 4.13)],
    ])
    # their shared tendon, pale, over the front of the hip joint onto the lesser trochanter
    ant_ribbon(v, "ant_iliopsoas_tendon_left", D, None, "Tendon", [
        (0.462, 4.1, 8), (0.49, 4.15, 9), (0.508, 4.195, 8), (0.518, 4.225, 6),
    ])
    # inguinal ligament: from the ASIS to the pubic tubercle, the lower edge of the external
    # oblique aponeurosis; iliopsoas and the femoral nerve pass beneath it
    ant_ribbon(v, "ant_inguinal_ligament_left", D, "inguinal_ligament", "Ligament", [
        (0.622, 3.862, 7), (0.5, 3.912, 7), (0.35, 3.95, 7), (0.2, 3.972, 6), (0.1, 3.978, 6),
    ], attaches=[ASIS, PUBIS])

    # ---------------- skeleton
    K = "skeleton"
    t12 = 2.93
    v.add(T12, K, "Midline", "Bone", symmetric_closed(f.pts([
        (0, t12), (0.07, t12 + 0.002), (0.082, t12 + 0.014), (0.078, t12 + 0.035), (0.11, t12 + 0.032),
        (0.118, t12 + 0.05), (0.11, t12 + 0.066), (0.078, t12 + 0.066), (0.082, t12 + 0.095),
        (0.07, t12 + 0.105), (0, t12 + 0.105)])))
    verts = []
    for i in range(5):
        top = 3.06 + i * 0.135
        w = (0.085, 0.09, 0.095, 0.1, 0.105)[i]
        tp = (0.17, 0.2, 0.23, 0.215, 0.2)[i]
        verts.append(symmetric_closed(f.pts([
            (0, top), (w - 0.012, top + 0.002), (w + 0.004, top + 0.014), (w - 0.002, top + 0.032, "c"),
            (tp - 0.015, top + 0.03), (tp, top + 0.045), (tp - 0.012, top + 0.064), (w - 0.002, top + 0.066, "c"),
            (w + 0.004, top + 0.092), (w - 0.012, top + 0.105), (0, top + 0.107),
        ])))
    v.add(LUMBAR, K, "Midline", "Bone", " ".join(verts), "lumbar_vertebrae")
    ant_ribbon(v, "ant_twelfth_rib_left", K, "twelfth_rib", "Bone", [
        (0.1, 2.975, 11), (0.2, 3.02, 11), (0.3, 3.08, 9), (0.38, 3.135, 7), (0.42, 3.165, 5),
    ])
    ant_ribbon(v, COSTAL, K, None, "Bone", [
        (0.035, 2.285, 10), (0.2, 2.43, 12), (0.36, 2.6, 12), (0.49, 2.76, 11), (0.585, 2.93, 9),
    ])
    sac = symmetric_closed(f.pts([
        (0, 3.72), (0.1, 3.715), (0.198, 3.712, "c"), (0.19, 3.8), (0.165, 3.9), (0.12, 3.98),
        (0.07, 4.04), (0.03, 4.06, "c"), (0, 4.06),
    ]))
    foramina = []
    for i, h in enumerate((3.78, 3.85, 3.915, 3.975)):
        dx = 0.07 - i * 0.007
        r = 7.0 - i * 0.8
        foramina.append(sym_ellipse(v, dx, h, r, r * 0.8))
    v.add("ant_sacrum", K, "Midline", "Bone", sac + " " + " ".join(foramina), "sacrum")
    # the femur first: the hip socket's rim covers the inner part of its head
    ant_shape(v, FEMUR, K, "femur", "Bone", ANT_FEMUR)
    ant_lines(v, "ant_femur_lines", K, "BoneLine", [
        # the edge of the head where it leaves the socket, and the intertrochanteric line
        [(0.505, 3.9), (0.53, 3.932), (0.538, 3.97), (0.526, 4.01), (0.5, 4.04)],
        [(0.668, 3.94), (0.64, 4.0), (0.6, 4.07), (0.565, 4.12), (0.548, 4.16)],
    ])
    ant_shape(v, GT, K, "greater_trochanter", "Bone", [
        (0.655, 3.93), (0.705, 3.905), (0.742, 3.93), (0.757, 3.99), (0.75, 4.07), (0.725, 4.15),
        (0.69, 4.12), (0.668, 4.04),
    ])
    ant_shape(v, LT, K, "lesser_trochanter", "Bone", [
        (0.545, 4.125), (0.51, 4.145), (0.482, 4.185), (0.486, 4.228), (0.52, 4.245), (0.548, 4.235),
    ])
    # the hip bone seen from the front: the wing with its crest, the ASIS and AIIS, the rim of the
    # socket over the femoral head, the ischium down to the sitting bone, the ischiopubic ramus to
    # the symphysis, then back along the pubic crest and the pelvic brim to the sacroiliac joint;
    # the obturator foramen below the socket
    hip = closed_path(f.pts([
        (0.19, 3.7, "c"), (0.24, 3.628), (0.33, 3.575), (0.45, 3.556), (0.56, 3.57), (0.64, 3.615),
        (0.68, 3.675), (0.69, 3.73), (0.675, 3.79), (0.648, 3.835, "c"), (0.628, 3.862),
        (0.622, 3.898, "c"), (0.585, 3.918), (0.525, 3.935), (0.478, 3.972), (0.455, 4.025),
        (0.445, 4.08), (0.42, 4.14), (0.39, 4.21), (0.35, 4.27), (0.325, 4.31), (0.29, 4.335),
        (0.255, 4.33, "c"), (0.2, 4.29), (0.13, 4.225), (0.07, 4.17), (0.03, 4.142, "c"),
        (0.026, 4.07), (0.028, 3.995, "c"), (0.07, 3.978), (0.13, 3.965), (0.2, 3.948), (0.26, 3.918),
        (0.29, 3.88), (0.285, 3.83), (0.255, 3.78), (0.215, 3.735),
    ]))
    foramen = [(0.15, 4.1), (0.19, 4.055), (0.26, 4.045), (0.325, 4.075), (0.35, 4.14), (0.325, 4.21),
               (0.26, 4.24), (0.19, 4.215), (0.152, 4.16)]
    v.add(HIP, K, "Left", "Bone", hip + " " + closed_path(f.pts(foramen)), "hip_bone", "ant_hip_bone_right")
    # the iliac fossa, the hollow inner face of the wing where iliacus arises, in shadow
    ant_shape(v, FOSSA, K, None, "BoneShadow", [
        (0.215, 3.728), (0.258, 3.66), (0.35, 3.608), (0.46, 3.592), (0.56, 3.604), (0.625, 3.642),
        (0.655, 3.7), (0.646, 3.772), (0.61, 3.826), (0.54, 3.856), (0.45, 3.862), (0.36, 3.852),
        (0.3, 3.832), (0.255, 3.792),
    ])
    ant_ribbon(v, "ant_pelvic_brim_left", K, None, "Bone", [
        (0.195, 3.745, 5), (0.245, 3.8, 5), (0.278, 3.862, 5), (0.27, 3.915, 5), (0.21, 3.948, 5),
        (0.13, 3.965, 5), (0.08, 3.97, 4),
    ])
    # the pubis: its body beside the symphysis and its two rami round the inner side of the
    # obturator foramen (where the adductors arise)
    ant_shape(v, PUBIS, K, None, "Bone", [
        (0.03, 3.99, "c"), (0.09, 3.972), (0.17, 3.96), (0.24, 3.942), (0.285, 3.922, "c"),
        (0.27, 3.97), (0.235, 4.015), (0.19, 4.048), (0.158, 4.085), (0.145, 4.14), (0.16, 4.2),
        (0.2, 4.24), (0.25, 4.262), (0.282, 4.3, "c"), (0.24, 4.296), (0.16, 4.236), (0.09, 4.184),
        (0.05, 4.15), (0.03, 4.13, "c"),
    ])
    v.add(SYMPH, K, "Midline", "Bone", symmetric_closed(f.pts([
        (0, 3.988), (0.022, 3.99), (0.03, 4.02), (0.03, 4.1), (0.022, 4.13), (0, 4.134)])), "pubic_symphysis")
    ant_ribbon(v, CREST, K, "iliac_crest", "Bone", [
        (0.2, 3.705, 9), (0.27, 3.62, 11), (0.38, 3.575, 12), (0.5, 3.567, 12), (0.6, 3.595, 12),
        (0.66, 3.645, 11), (0.672, 3.715, 10), (0.655, 3.785, 9), (0.635, 3.835, 8),
    ])
    ant_shape(v, ASIS, K, "anterior_superior_iliac_spine", "Bone", [
        (0.605, 3.8), (0.652, 3.81), (0.658, 3.852), (0.625, 3.885), (0.596, 3.86),
    ])
    ant_shape(v, AIIS, K, None, "Bone", [
        (0.582, 3.905), (0.613, 3.91), (0.618, 3.945), (0.59, 3.968), (0.572, 3.94),
    ])
    px, py = f.p(0.36, 5.85)
    v.add(PATELLA, K, "Left", "Bone", ellipse_path(px, py, 17, 21), None, "ant_patella_right")
    ant_shape(v, TIBIA, K, None, "Bone", [
        (0.2, 6.0, "c"), (0.36, 5.992), (0.52, 6.003, "c"), (0.535, 6.06), (0.5, 6.12), (0.45, 6.18),
        (0.44, 6.5, "c"), (0.32, 6.5, "c"), (0.31, 6.22), (0.25, 6.15), (0.205, 6.08),
    ])
    ant_shape(v, "ant_fibula_left", K, None, "Bone", [
        (0.5, 6.09), (0.535, 6.075), (0.546, 6.12), (0.532, 6.19), (0.525, 6.5, "c"), (0.497, 6.5, "c"),
        (0.5, 6.2), (0.49, 6.13),
    ])

    # ---------------- nerves
    N = "nerves"
    # femoral nerve (L2-L4): leaves the lateral border of psoas, runs down in the groove between
    # psoas and iliacus, passes under the inguinal ligament lateral to the femoral artery (at about
    # the mid-inguinal point, dx ~0.31) and fans out a few centimetres below it
    ant_ribbon(v, "ant_femoral_nerve_left", N, "femoral_nerve", "Nerve", [
        (0.29, 3.5, 7), (0.312, 3.61, 8), (0.338, 3.73, 9), (0.365, 3.85, 9), (0.385, 3.96, 9),
        (0.4, 4.04, 9), (0.405, 4.1, 8),
    ])
    for name, seq in (
        ("lateral", [(0.405, 4.08, 5), (0.47, 4.16, 5), (0.54, 4.3, 4), (0.6, 4.5, 4), (0.63, 4.7, 3)]),
        ("rectus", [(0.408, 4.09, 5), (0.45, 4.25, 5), (0.49, 4.45, 4), (0.51, 4.65, 3)]),
        ("medial", [(0.4, 4.1, 5), (0.41, 4.3, 4), (0.4, 4.6, 4), (0.37, 4.9, 3)]),
        ("sartorius", [(0.4, 4.06, 4), (0.46, 4.1, 4), (0.52, 4.14, 3)]),
    ):
        ant_ribbon(v, "ant_femoral_nerve_%s_branch_left" % name, N, "femoral_nerve", "Nerve", seq)
    ant_ribbon(v, "ant_saphenous_nerve_left", N, "femoral_nerve", "Nerve", [
        (0.392, 4.1, 5), (0.37, 4.4, 5), (0.33, 4.8, 5), (0.28, 5.2, 5), (0.235, 5.6, 5), (0.215, 5.95, 4),
        (0.225, 6.3, 4), (0.24, 6.7, 3),
    ])
    # lateral femoral cutaneous nerve (L2-L3): from the lateral border of psoas across iliacus toward
    # the ASIS, under (or through) the inguinal ligament just inside the ASIS, then down over
    # sartorius onto the outer thigh
    ant_ribbon(v, "ant_lateral_femoral_cutaneous_nerve_left", N, "lateral_femoral_cutaneous_nerve", "Nerve", [
        (0.262, 3.38, 5), (0.35, 3.49, 5), (0.45, 3.62, 5), (0.54, 3.75, 5), (0.588, 3.86, 5), (0.605, 3.98, 5),
        (0.63, 4.15, 5), (0.66, 4.35, 4), (0.685, 4.6, 4), (0.69, 4.85, 3),
    ])

    ant_dermatomes(v)
    ant_referral(v)
    return v


# ----------------------------------------------------------------------------- main


def main():
    """Writes the body views. The drawing's checks (muscles reach their bones, shapes inside the
    body and on their side, outlines that do not cross) are in tests/artwork.rs; `cargo run --
    check` validates the files."""
    args = sys.argv[1:]  # --no-preview is accepted and ignored: open data/views/*.svg instead
    global FIBRES
    FIBRES = "--no-fibres" not in args
    views = [build_posterior(), build_anterior(), build_hip()]
    for v in views:
        v.write()
    print("regions declared: %d" % sum(len(v.regions) for v in views))
    return 0


if __name__ == "__main__":
    sys.exit(main())
