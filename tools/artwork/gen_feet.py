#!/usr/bin/env python3
"""Generate the foot reflexology views data/views/feet_plantar.ron, feet_medial.ron and
feet_lateral.ron.

Python 3 standard library only. Each foot outline is a closed smooth cubic Bezier path through
hand-placed control points (Catmull-Rom style tangents, with corners where toes meet); the inner
and outer edge views are laid out in centimetres from the back of the heel (a 26 cm adult foot)
and scaled onto the canvas, with the bones' landmarks (malleoli, metatarsal heads, the fifth
metatarsal's tuberosity, the toe joints) placed from an anatomy atlas. The reflex zones are cut
out of each outline (inset a little) with guide curves, straight lines and shapes (a strip along
the inner edge for the spine, ovals for the kidney, ...), so neighbouring zones share their
borders and tile the foot. The cut polygons are turned back into smooth Bezier paths. Preview
SVGs are written to /tmp/feet/ (or --preview DIR).

The drawing is checked in Rust, not here: `bodywork-atlas check` and the tests (tests/feet.rs:
every zone inside its foot, no self-intersections, the spine in order, the zone numbers...).

Usage: python3 tools/artwork/gen_feet.py [--preview DIR] [--no-preview]
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pathkit import (  # noqa: E402
    write_view,
    _len,
    _sub,
    _unit,
    bez,
    closed_path,
    fmt,
    lerp,
    open_path,
    point_in_poly,
    poly_area,
    spline,
)

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
STEP = 11.0  # spacing of the points that zone borders are built from
GRID = 11.0  # spacing of the points along cut curves (global grid, so neighbours share points)
INSET = 2.2  # zones stay this far inside the foot outline

# ----------------------------------------------------------------------------- basic geometry


def ellipse_pts(cx, cy, rx, ry, rot=0.0, n=None, start=0.0):
    """Polygon points (x, y, False) of an ellipse rotated by rot radians."""
    if n is None:
        n = max(16, int(2 * math.pi * max(rx, ry) / STEP))
    c, s = math.cos(rot), math.sin(rot)
    out = []
    for k in range(n):
        a = start + 2 * math.pi * k / n
        x, y = rx * math.cos(a), ry * math.sin(a)
        out.append((cx + c * x - s * y, cy + s * x + c * y, False))
    return out


def sample_closed(ctrl):
    """Dense points (x, y, corner) on the closed spline through ctrl, about STEP apart; the
    control points themselves are kept (with their corner flags)."""
    segs = spline(ctrl, True)
    out = []
    for i, seg in enumerate(segs):
        a, c1, c2, b = seg
        ln = (_len(_sub(c1, a)) + _len(_sub(c2, c1)) + _len(_sub(b, c2)) + _len(_sub(b, a))) / 2
        k = max(1, int(round(ln / STEP)))
        corner = len(ctrl[i]) > 2 and ctrl[i][2]
        out.append((a[0], a[1], corner))
        for j in range(1, k):
            p = bez(seg, j / k)
            out.append((p[0], p[1], False))
    return out


def inset_poly(pts, d):
    """Offsets a closed polygon inward by d (works for small d on smooth, dense polygons)."""
    sign = 1.0 if poly_area(pts) > 0 else -1.0
    n = len(pts)
    out = []
    for i in range(n):
        p, a, b = pts[i], pts[i - 1], pts[(i + 1) % n]
        e1 = _unit(_sub(p, a))
        e2 = _unit(_sub(b, p))
        # inward normal: for a positive (clockwise on screen, y down) polygon it is (-ey, ex)
        n1 = (-e1[1] * sign, e1[0] * sign)
        n2 = (-e2[1] * sign, e2[0] * sign)
        m = _unit((n1[0] + n2[0], n1[1] + n2[1]))
        cos = max(0.35, m[0] * n1[0] + m[1] * n1[1])
        out.append((p[0] + m[0] * d / cos, p[1] + m[1] * d / cos, p[2]))
    return out


def crossings_y(pts, y):
    """x values where the polygon crosses the horizontal line at y, sorted."""
    xs = []
    n = len(pts)
    for i in range(n):
        x1, y1 = pts[i][0], pts[i][1]
        x2, y2 = pts[(i + 1) % n][0], pts[(i + 1) % n][1]
        if (y1 > y) != (y2 > y):
            xs.append(x1 + (y - y1) * (x2 - x1) / (y2 - y1))
    return sorted(xs)


def crossings_x(pts, x):
    ys = []
    n = len(pts)
    for i in range(n):
        x1, y1 = pts[i][0], pts[i][1]
        x2, y2 = pts[(i + 1) % n][0], pts[(i + 1) % n][1]
        if (x1 > x) != (x2 > x):
            ys.append(y1 + (x - x1) * (y2 - y1) / (x2 - x1))
    return sorted(ys)


# ----------------------------------------------------------------------------- cutting


class Cut:
    """A region of the plane used to cut zones out of the foot."""

    def inside(self, p):
        raise NotImplementedError

    def path(self, a, b, subject):
        """Points along the cut's border from a to b (both excluded)."""
        return []

    def cross(self, pin, pout):
        a, b = pin, pout
        for _ in range(40):
            m = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
            if self.inside(m):
                a = m
            else:
                b = m
        return a


class Below(Cut):
    """y >= g(x) (below the curve on screen) or, with above=True, y <= g(x). g may jump at the
    x values in steps (a border that turns a corner): the path then runs straight up or down
    there, so the zones on both sides share it exactly."""

    def __init__(self, g, above=False, multi=False, steps=()):
        self.g = g
        self.above = above
        self.multi = multi  # may cross the shape more than twice (a notch biting into a band)
        self.steps = steps

    def inside(self, p):
        d = p[1] - self.g(p[0])
        return d <= 0 if self.above else d >= 0

    def path(self, a, b, subject):
        pts = grid_between(a[0], b[0], lambda x: (x, self.g(x)))
        for x0 in self.steps:
            if min(a[0], b[0]) < x0 < max(a[0], b[0]):
                pts = [p for p in pts if abs(p[0] - x0) > 3]
                forward = b[0] > a[0]
                jump = [(x0, self.g(x0 - 1e-6)), (x0, self.g(x0 + 1e-6))]
                if not forward:
                    jump.reverse()
                k = next((i for i, p in enumerate(pts) if (p[0] > x0) == forward), len(pts))
                pts[k:k] = jump
        return pts


def Above(g, steps=()):
    return Below(g, above=True, steps=steps)


class RightOf(Cut):
    """x >= h(y), or with left=True x <= h(y)."""

    def __init__(self, h, left=False):
        self.h = h
        self.left = left

    def inside(self, p):
        d = p[0] - self.h(p[1])
        return d <= 0 if self.left else d >= 0

    def path(self, a, b, subject):
        return grid_between(a[1], b[1], lambda y: (self.h(y), y))


def LeftOf(h):
    return RightOf(h, left=True)


class HalfPlane(Cut):
    """The side of the line through a and b that the point ref is on."""

    def __init__(self, a, b, ref):
        self.a = a
        self.n = (-(b[1] - a[1]), b[0] - a[0])
        if self._d(ref) < 0:
            self.n = (-self.n[0], -self.n[1])

    def _d(self, p):
        return (p[0] - self.a[0]) * self.n[0] + (p[1] - self.a[1]) * self.n[1]

    def inside(self, p):
        return self._d(p) >= 0


class Shape(Cut):
    """Inside (keep=True) or outside (keep=False) a closed polygon."""

    def __init__(self, pts, keep=True):
        self.pts = [(p[0], p[1]) for p in pts]
        self.keep = keep

    def inside(self, p):
        return point_in_poly(self.pts, p[0], p[1]) == self.keep

    def _locate(self, p):
        best = None
        n = len(self.pts)
        for i in range(n):
            a, b = self.pts[i], self.pts[(i + 1) % n]
            ab = _sub(b, a)
            l2 = ab[0] ** 2 + ab[1] ** 2
            t = 0 if l2 == 0 else max(0, min(1, ((p[0] - a[0]) * ab[0] + (p[1] - a[1]) * ab[1]) / l2))
            q = (a[0] + ab[0] * t, a[1] + ab[1] * t)
            d = _len(_sub(p, q))
            if best is None or d < best[0]:
                best = (d, i, t)
        return best[1], best[2]

    def path(self, a, b, subject):
        n = len(self.pts)
        ia, ta = self._locate(a)
        ib, tb = self._locate(b)
        # forward: vertices ia+1 .. ib
        fwd = []
        i = (ia + 1) % n
        if not (ia == ib and tb > ta):
            while True:
                fwd.append(self.pts[i])
                if i == ib:
                    break
                i = (i + 1) % n
        bwd = []
        i = ia
        if not (ia == ib and tb < ta):
            while True:
                bwd.append(self.pts[i])
                if i == (ib + 1) % n:
                    break
                i = (i - 1) % n
        subj = [(p[0], p[1]) for p in subject]

        def score(arc):
            if not arc:
                return 0.5
            m = arc[len(arc) // 2]
            return 1.0 if point_in_poly(subj, m[0], m[1]) else 0.0

        arc = fwd if score(fwd) >= score(bwd) else bwd
        if score(fwd) == score(bwd):
            arc = fwd if len(fwd) <= len(bwd) else bwd
        return [(p[0], p[1]) for p in arc if _len(_sub(p, a)) > 3 and _len(_sub(p, b)) > 3]


def grid_between(s0, s1, f):
    out = []
    if s1 >= s0:
        k = math.floor(s0 / GRID) + 1
        while k * GRID < s1:
            s = k * GRID
            if s - s0 > 3 and s1 - s > 3:
                out.append(f(s))
            k += 1
    else:
        k = math.ceil(s0 / GRID) - 1
        while k * GRID > s1:
            s = k * GRID
            if s0 - s > 3 and s - s1 > 3:
                out.append(f(s))
            k -= 1
    return out


class Piece:
    """A zone shape being cut: an outer polygon and holes."""

    def __init__(self, outer, holes=None):
        self.outer = outer
        self.holes = holes or []


def clip(piece, cut, name=""):
    poly = piece.outer
    n = len(poly)
    ins = [cut.inside(p) for p in poly]
    if all(ins):
        if isinstance(cut, Shape) and not cut.keep:
            c = cut.pts
            inside = [point_in_poly(poly, q[0], q[1]) for q in c]
            if all(inside):
                return Piece(poly, piece.holes + [[(q[0], q[1], False) for q in c]])
            if any(inside):
                raise ValueError("%s: a shape crosses the border between two points" % name)
        return piece
    if not any(ins):
        if isinstance(cut, Shape) and cut.keep:
            c = cut.pts
            if all(point_in_poly(poly, q[0], q[1]) for q in c):
                return Piece([(q[0], q[1], False) for q in c])
        return None
    i0 = next(i for i in range(n) if ins[i] and not ins[i - 1])
    out = []
    exit_pt = None
    crossings = 0
    for k in range(n):
        i = (i0 + k) % n
        j = (i + 1) % n
        p, q = poly[i], poly[j]
        if ins[i]:
            out.append(p)
            if not ins[j]:
                x = cut.cross(p, q)
                out.append((x[0], x[1], True))
                exit_pt = x
                crossings += 1
        elif ins[j]:
            e = cut.cross(q, p)
            for r in cut.path(exit_pt, e, poly):
                out.append((r[0], r[1], False))
            out.append((e[0], e[1], True))
            crossings += 1
    if crossings != 2 and not (getattr(cut, "multi", False) and crossings % 2 == 0):
        raise ValueError("%s: cut crosses the shape %d times" % (name, crossings))
    holes = [h for h in piece.holes if all(cut.inside(p) for p in h)]
    return Piece(out, holes)


def cut_zone(base, cuts, name):
    piece = Piece(list(base))
    for c in cuts:
        if piece is None:
            break
        piece = clip(piece, c, name)
    if piece is None:
        raise ValueError("%s: nothing left after cutting" % name)
    return piece


def tidy(pts):
    """Drops points that crowd a neighbour (keeps corners)."""
    out = []
    for p in pts:
        if out and _len(_sub(p, out[-1])) < 3.5:
            if p[2] and not out[-1][2]:
                out[-1] = p
            elif p[2] and out[-1][2] and _len(_sub(p, out[-1])) > 1.0:
                out.append(p)
            continue
        out.append(p)
    while len(out) > 3 and _len(_sub(out[0], out[-1])) < 3.5:
        if out[-1][2] and not out[0][2]:
            out[0] = out[-1]
        out.pop()
    return out


def piece_path(piece):
    parts = [closed_path(tidy(piece.outer))]
    for h in piece.holes:
        parts.append(closed_path(tidy(h)))
    return " ".join(parts)


def mirror_piece(piece, mid):
    def m(pts):
        return [(2 * mid - p[0], p[1], p[2]) for p in pts]

    return Piece(m(piece.outer), [m(h) for h in piece.holes])


def band_along(outline, i0, i1, out_w, in_w, taper=0.0):
    """A closed polygon covering the strip along the outline from point index i0 to i1 (in the
    outline's order), out_w outside and in_w inside the outline; with taper, the strip narrows
    to a third over that share of its length at each end (a crescent)."""
    n = len(outline)
    idx = []
    i = i0
    while True:
        idx.append(i)
        if i == i1:
            break
        i = (i + 1) % n
    sign = 1.0 if poly_area(outline) > 0 else -1.0
    outer, inner = [], []
    for k, i in enumerate(idx):
        p = outline[i]
        a = outline[(i - 1) % n]
        b = outline[(i + 1) % n]
        t = _unit(_sub(b, a))
        nv = (-t[1] * sign, t[0] * sign)  # inward
        w = in_w
        if taper > 0:
            u = min(k, len(idx) - 1 - k) / max(1.0, (len(idx) - 1) * taper)
            w = in_w * (0.33 + 0.67 * smoothstep(u))
        outer.append((p[0] - nv[0] * out_w, p[1] - nv[1] * out_w))
        inner.append((p[0] + nv[0] * w, p[1] + nv[1] * w))
    return outer + list(reversed(inner))


def nearest_index(outline, x, y, pred=None):
    best = None
    for i, p in enumerate(outline):
        if pred and not pred(p):
            continue
        d = _len(_sub(p, (x, y)))
        if best is None or d < best[0]:
            best = (d, i)
    return best[1]


# ----------------------------------------------------------------------------- view container

# Preview colours only (the app has its own palette).
FILLS = {
    "Skin": ("#f4dcc6", "#8a6650", 1.6),
    "Zone(Rose)": ("#f4b6c2", "#6a6070", 0.9),
    "Zone(Peach)": ("#f8c8a0", "#6a6070", 0.9),
    "Zone(Sand)": ("#eedca8", "#6a6070", 0.9),
    "Zone(Lemon)": ("#f6ec8c", "#6a6070", 0.9),
    "Zone(Mint)": ("#b8e4c0", "#6a6070", 0.9),
    "Zone(Teal)": ("#9cd8d4", "#6a6070", 0.9),
    "Zone(Sky)": ("#aaccf0", "#6a6070", 0.9),
    "Zone(Lilac)": ("#ccbaec", "#6a6070", 0.9),
}


class View:
    def __init__(self, vid, title, order, orientation, width, height, mid, layers, intro=()):
        self.id = vid
        self.title = title
        self.order = order
        self.orientation = orientation
        self.intro = intro  # paragraphs shown while nothing is selected
        self.width = width
        self.height = height
        self.mid = mid
        self.layers = layers  # (id, title, visible, opacity)
        self.regions = []

    def add(self, rid, layer, side, paint, path, zone=None, mirror=None, label=None):
        self.regions.append(dict(id=rid, layer=layer, side=side, paint=paint, path=path, zone=zone, mirror=mirror, label=label))

    def write(self):
        """Writes the view's artwork (data/views/<id>.svg) and its sidecar (<id>.ron)."""
        write_view(
            ROOT,
            "gen_feet.py",
            self.id,
            self.title,
            self.order,
            self.orientation,
            (self.width, self.height),
            self.mid,
            self.layers,
            self.regions,
            self.intro,
        )

    def svg(self, layer_ids, scale=0.8):
        W, H = self.width, self.height
        s = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %s %s">' % (W * scale, H * scale, W, H)]
        s.append('<rect width="%s" height="%s" fill="#faf7f2"/>' % (W, H))
        opac = {l[0]: l[3] for l in self.layers}
        tr_m = ' transform="matrix(-1 0 0 1 %s 0)"' % fmt(2 * self.mid)
        for lid, *_ in self.layers:
            if lid not in layer_ids:
                continue
            s.append('<g opacity="%s">' % opac[lid])
            for r in self.regions:
                if r["layer"] != lid:
                    continue
                for mir in ([False, True] if r["mirror"] else [False]):
                    tr = tr_m if mir else ""
                    if r["paint"] in ("SkinLine", "Guide"):
                        col = "#b08870" if r["paint"] == "SkinLine" else "#1c5cb0"
                        dash = ' stroke-dasharray="7 4"' if r["paint"] == "Guide" else ""
                        s.append('<path d="%s" fill="none" stroke="%s" stroke-width="1.3" stroke-linecap="round"%s%s/>' % (r["path"], col, dash, tr))
                    else:
                        fill, stroke, sw = FILLS[r["paint"]]
                        s.append('<path d="%s" fill="%s" fill-rule="evenodd" stroke="%s" stroke-width="%s" stroke-linejoin="round"%s/>' % (r["path"], fill, stroke, sw * 0.9, tr))
            s.append("</g>")
        s.append("</svg>")
        return "\n".join(s)


# ----------------------------------------------------------------------------- paints

# Pastel hues (Paint::Zone in the app) so that neighbouring zones read apart.
PAINT = {
    "head_brain": "Zone(Lilac)",
    "pituitary": "Zone(Rose)",
    "sinuses": "Zone(Sky)",
    "neck_throat": "Zone(Peach)",
    "eyes": "Zone(Mint)",
    "ears": "Zone(Teal)",
    "shoulder": "Zone(Sand)",
    "thyroid": "Zone(Lilac)",
    "chest_lungs": "Zone(Sky)",
    "heart": "Zone(Rose)",
    "solar_plexus": "Zone(Lemon)",
    "stomach": "Zone(Peach)",
    "liver": "Zone(Peach)",
    "gallbladder": "Zone(Mint)",
    "spleen": "Zone(Rose)",
    "intestines": "Zone(Mint)",
    "colon": "Zone(Sand)",
    "kidney": "Zone(Lilac)",
    "adrenal": "Zone(Lemon)",
    "bladder": "Zone(Sky)",
    "spine_cervical": "Zone(Teal)",
    "spine_thoracic": "Zone(Sand)",
    "spine_lumbar": "Zone(Teal)",
    "spine_sacrum": "Zone(Sand)",
    "spine_coccyx": "Zone(Teal)",
    "pelvis": "Zone(Peach)",
    "lower_back": "Zone(Lilac)",
    "buttocks": "Zone(Rose)",
    "sciatic": "Zone(Lemon)",
    "uterus_prostate": "Zone(Rose)",
    "ovary_testis": "Zone(Lilac)",
    "hip": "Zone(Peach)",
    "knee": "Zone(Mint)",
    "arm_elbow": "Zone(Peach)",
}


def smoothstep(t):
    t = max(0.0, min(1.0, t))
    return t * t * (3 - 2 * t)


# ----------------------------------------------------------------------------- plantar view

PW, PH, PMID = 1000.0, 1150.0, 500.0

# Toes of the left foot, little toe first: (base centre x, base y, length, half-width at the base,
# half-width of the pad, tilt in degrees: negative leans the tip outward, to the left).
TOES = [
    (140, 272, 84, 26, 27.5, -14),
    (204, 244, 92, 25.5, 26.5, -14),
    (265, 222, 104, 27, 28, -8),
    (327, 206, 118, 27.5, 28.5, -4),
    (416, 200, 150, 50, 52, -2),
]


def toe_frame(k):
    """(base point, unit vector toward the tip, unit vector to the right) of toe k (0 = little)."""
    bx, by, _length, _wb, _wp, tilt = TOES[k]
    a = math.radians(tilt)
    return (bx, by), (math.sin(a), -math.cos(a)), (math.cos(a), math.sin(a))


def toe_point(k, s, t):
    """The point s of the way from toe k's base to its tip, t units to the right of its axis."""
    (bx, by), ds, dt = toe_frame(k)
    sv = s * TOES[k][2]
    return (bx + ds[0] * sv + dt[0] * t, by + ds[1] * sv + dt[1] * t)


def toe_points(bx, by, length, wb, wp, tilt):
    """Outline points of one toe (sole view), from its outer (left) side round the tip to its inner
    side. Local frame: s from the base toward the tip, t across (positive to the right)."""
    a = math.radians(tilt)
    ds = (math.sin(a), -math.cos(a))  # toward the tip
    dt = (math.cos(a), math.sin(a))  # to the right
    local = [(-wb, 0.1), (-wp, 0.56), (-0.78 * wp, 0.87), (0, 1.0), (0.78 * wp, 0.87), (wp, 0.56), (wb, 0.1)]
    out = []
    for t, f in local:
        sv = f * length
        out.append((bx + ds[0] * sv + dt[0] * t, by + ds[1] * sv + dt[1] * t))
    return out


def plantar_left():
    """Control points of the left foot (sole seen from below, big toe on the right, toward the
    middle), clockwise on screen from the back of the heel, and the webs between the toes."""
    pts = [
        (262, 1114),
        (198, 1099),
        (156, 1056),
        (141, 990),
        (138, 910),
        (130, 820),
        (116, 724),
        (102, 640),
        (89, 560),
        (80, 480),
        (75, 405),
        (80, 348),
        (90, 300),
    ]
    notches = {}
    toes = [toe_points(*t) for t in TOES]
    keys = ["45", "34", "23", "12"]
    for k, tp in enumerate(toes):
        pts.extend(tp[1:] if k == 0 else tp)
        if k < 4:
            a, b = tp[-1], toes[k + 1][0]
            n = ((a[0] + b[0]) / 2, max(a[1], b[1]) + 9)
            notches[keys[k]] = n
            pts.append((n[0], n[1], "c"))
    pts += [
        (470, 226),
        (474, 292),
        (473, 360),
        (463, 428),
        (444, 500),
        (424, 578),
        (408, 660),
        (398, 745),
        (394, 830),
        (393, 915),
        (388, 996),
        (368, 1062),
        (324, 1103),
    ]
    return pts, notches


PLANTAR_LEFT, NOTCH = plantar_left()


def pl_shoulder(x):
    """Shoulder line (base of the toes), left foot: lower on the outer side."""
    t = (472 - x) / 400
    return 246 + 40 * t + 6 * math.sin(math.pi * t)


def pl_toeband(x):
    """Top of the bands at the base of the toes (neck, eyes, ears)."""
    return pl_shoulder(x) - 50


def pl_diaphragm(x):
    t = (472 - x) / 400
    return 432 + 38 * t - 20 * math.sin(math.pi * t)


def pl_waist(x):
    t = (472 - x) / 400
    return 646 - 10 * t


def heel_bow(x):
    t = (x - 140) / 255
    return math.sin(math.pi * max(0.0, min(1.0, t)))


def pl_pelvic(x):
    """Pelvic line: the front edge of the heel pad."""
    return 856 - 14 * heel_bow(x)


# The heel pad, front to back: the lower back band just behind the pelvic line, the sciatic band
# about a third of the way back (one to two thumb-widths behind the pelvic line), the pelvis in
# the middle, the buttocks round the rim at the back.
def pl_heel_lowback_end(x):
    return 912 + 3 * heel_bow(x)


def pl_heel_sciatic_end(x):
    return 950 + 8 * heel_bow(x)


# The upper abdomen of the left foot: the spleen on the outer side (zones 4 and 5), from the
# diaphragm line down to about a thumb-pad's height; below it the colon's bend (splenic flexure)
# turns down the outer edge.
SPLEEN_SPLIT = 218.0


def pl_spleen_end(x):
    return pl_diaphragm(x) + 88


def colon_top_left(x):
    """Top of the left foot's colon: the waistline, and under the spleen on the outer side."""
    return pl_spleen_end(x) if x < SPLEEN_SPLIT else pl_waist(x)


COLON_BAND = 36.0  # width of the colon's bands


CLICK_A_ZONE = (
    "Click a zone to read what it corresponds to, where to find it on a real foot, how to work it, "
    "and its use in a sciatica session."
)

PLANTAR_INTRO = [
    "Both soles as on a standard reflexology chart. Read from the toes to the heel, the zones follow "
    "the body from the head down: the toes for the head and neck, the ball of the foot for the "
    "chest, the arch for the abdomen, the heel for the pelvis, and the inner edge for the spine.",
    CLICK_A_ZONE + " The right foot stands for the right side of the body, the left foot for the left: "
    "the heart and spleen are on the left sole only, the liver and gallbladder on the right.",
    "The dashed guide lines mark the shoulder, diaphragm, waist and pelvic lines that divide the "
    "sole. Turn on the ten longitudinal zones in the layer list to see them numbered, 1 at the big "
    "toe to 5 at the little toe on each foot, and test yourself with Study zones.",
]


def bean_pts(cx, cy, rx, ry, rot, dent=0.3, flip=False):
    """A kidney bean: an ellipse with a dent (the hilum) on its right side (left with flip)."""
    n = 30
    c, s = math.cos(rot), math.sin(rot)
    out = []
    for k in range(n):
        a = 2 * math.pi * k / n
        x, y = rx * math.cos(a), ry * math.sin(a)
        d = math.atan2(math.sin(a), math.cos(a))
        x -= rx * dent * math.exp(-((d / 0.75) ** 2)) * 1.4
        if flip:
            x = -x
        out.append((cx + c * x - s * y, cy + s * x + c * y, False))
    return out


def poly_from(top, bottom, x0, x1):
    """A closed polygon between the curves y = top(x) and y = bottom(x) for x0 <= x <= x1."""
    n = max(4, int((x1 - x0) / GRID))
    xs = [lerp(x0, x1, k / n) for k in range(n + 1)]
    return [(x, top(x)) for x in xs] + [(x, bottom(x)) for x in reversed(xs)]


def edge_span(dense, f):
    """x range where the curve y = f(x) is inside the outline (outermost crossings)."""
    xs = [p[0] for p in dense]
    lo, hi = min(xs), max(xs)
    inside = []
    x = lo
    while x <= hi:
        if point_in_poly(dense, x, f(x)):
            inside.append(x)
        x += 0.5
    return inside[0], inside[-1]


def build_plantar():
    v = View(
        "feet_plantar",
        "Feet, soles (reflexology)",
        2,
        "Soles seen from below, as on a standard chart: left foot on the left, right foot on the right, big toes toward the middle",
        PW,
        PH,
        PMID,
        [
            ("outline", "Foot outline", True, 1.0),
            ("zones", "Reflex zones", True, 0.9),
            ("longitudinal", "Ten longitudinal zones", False, 1.0),
            ("guides", "Guide lines", True, 1.0),
        ],
        PLANTAR_INTRO,
    )
    ctrl = [(p[0], p[1], len(p) > 2) for p in PLANTAR_LEFT]
    v.add("plantar_outline_left", "outline", "Left", "Skin", closed_path(ctrl), mirror="plantar_outline_right")
    dense = sample_closed(ctrl)
    base = inset_poly(dense, INSET)

    # Skin detail: the creases at the base of each toe and under the big toe's joint, the curve of
    # the ball behind the toes, and the front edge of the heel pad.
    creases = []
    for (xa, xb) in ((100, 166), (176, 228), (237, 292), (301, 356), (366, 468)):
        pts = []
        for k in range(5):
            x = lerp(xa + 4, xb - 4, k / 4)
            pts.append((x, pl_shoulder(x) - 2 + 5 * math.sin(math.pi * k / 4), False))
        creases.append(open_path(pts))
    creases.append(open_path([(372, 142, False), (400, 150, False), (430, 151, False), (462, 145, False)]))
    for k in range(4):
        # the crease across each small toe's middle joint
        a, b = toe_point(k, 0.5, -0.7 * TOES[k][4]), toe_point(k, 0.5, 0.7 * TOES[k][4])
        m = toe_point(k, 0.46, 0)
        creases.append(open_path([(a[0], a[1], False), (m[0], m[1], False), (b[0], b[1], False)]))
    v.add("plantar_toe_creases_left", "outline", "Left", "SkinLine", " ".join(creases), mirror="plantar_toe_creases_right")

    # ---- the spine strip along the inner edge
    top = nearest_index(base, 472, 130, lambda p: p[0] > 420)
    bottom = nearest_index(base, 372, 1052, lambda p: p[1] > 1000 and p[0] > 300)
    spine_band = band_along(base, top, bottom, 14, 24)
    spine = Shape(spine_band, True)
    not_spine = Shape(spine_band, False)

    def z(name, cuts):
        return cut_zone(base, cuts, name)

    def sep(key, medial):
        """The half of the foot on the inner (medial=True) or outer side of the line through the
        web between two toes, running along the gap between them."""
        k = ["45", "34", "23", "12"].index(key)
        tilt = math.radians((TOES[k][5] + TOES[k + 1][5]) / 2)
        n = NOTCH[key]
        far = (n[0] - math.sin(tilt) * 200, n[1] + math.cos(tilt) * 200)
        ref = (n[0] + (50 if medial else -50), n[1])
        return HalfPlane(n, far, ref)

    # small shapes, and the holes they leave in the zones beneath them
    kid_c = (300, 610)
    kid_rot = math.radians(14)
    kidney_pts = bean_pts(kid_c[0], kid_c[1], 32, 54, kid_rot, dent=0.2)
    # the adrenal rests on the kidney's upper, inner pole, a thumb's width below the diaphragm
    # line, toward the groove between the first and second metatarsals
    adrenal_pts = ellipse_pts(330, 547, 23, 15, math.radians(28))
    solar_pts = ellipse_pts(292, pl_diaphragm(292) + 4, 34, 21, 0.0)
    pit_c = (418, 112)
    pit_pts = ellipse_pts(pit_c[0], pit_c[1], 13, 13)
    heart_pts = ellipse_pts(302, 352, 40, 34, math.radians(-20))
    gall_pts = ellipse_pts(226, 560, 21, 26, math.radians(10))  # on the left foot's layout
    bladder_pts = ellipse_pts(352, 812, 34, 24, math.radians(-10))
    holes = [Shape(kidney_pts, False), Shape(adrenal_pts, False), Shape(solar_pts, False)]

    # the small intestine: the middle of the lower arch, framed by the colon
    xs_out = lambda y: crossings_y(dense, y)[0]
    si_outer = lambda y: xs_out(y) + 4 + COLON_BAND

    def si_shape(left):
        """The small intestine's area as a cutting shape, reaching past the inner edge (the spine
        strip gives that border). On the left foot the colon also runs back across below it to
        the bladder at the inner edge; on the right the colon's lower end
        (the caecum) stops at the heel, so the small intestine reaches the pelvic line."""
        top = lambda x: pl_waist(x) + COLON_BAND
        if left:
            bottom = lambda x: pl_pelvic(x) - COLON_BAND
        else:
            bottom = lambda x: pl_pelvic(x) + 60

        def corner(f):
            """Where y = f(x) meets the outer side x = si_outer(y)."""
            x = 150.0
            for _ in range(8):
                x = si_outer(f(x))
            return x, f(x)

        (xa, ya), (xb, yb) = corner(top), corner(bottom)
        far = 520.0
        n = 30
        pts = [(lerp(xa, far, k / n), top(lerp(xa, far, k / n))) for k in range(n + 1)]
        pts += [(lerp(far, xb, k / n), bottom(lerp(far, xb, k / n))) for k in range(n + 1)]
        m = 16
        pts += [(si_outer(lerp(yb, ya, k / m)), lerp(yb, ya, k / m)) for k in range(1, m)]
        return pts

    si_left = si_shape(True)
    si_right = si_shape(False)
    lower = [Below(pl_waist), Above(pl_pelvic), not_spine]

    zones = []  # (zone, piece, which): which is "both", "Left" or "Right" (right built mirrored)
    # toes
    zones.append(("head_brain", z("head_brain", [sep("12", True), Above(pl_toeband), not_spine, Shape(pit_pts, False)]), "both"))
    zones.append(("neck_throat", z("neck_throat", [sep("12", True), Below(pl_toeband), Above(pl_shoulder), not_spine]), "both"))
    sin = []
    for (a, b) in (("23", "12"), ("34", "23"), ("45", "34"), (None, "45")):
        cuts = [sep(b, False)] + ([sep(a, True)] if a else [])
        sin.append(z("sinuses", cuts + [Above(pl_toeband)]))
    zones.append(("sinuses", sin, "both"))
    zones.append(("eyes", z("eyes", [sep("34", True), sep("12", False), Below(pl_toeband, multi=True), Above(pl_shoulder)]), "both"))
    zones.append(("ears", z("ears", [sep("34", False), Below(pl_toeband, multi=True), Above(pl_shoulder)]), "both"))
    # ball: shoulder on the outer side, the thyroid under the big toe, the chest and lungs between,
    # the heart on the left foot only
    sh_x = 150
    ball = [Below(pl_shoulder), Above(pl_diaphragm)]
    zones.append(("shoulder", z("shoulder", [LeftOf(lambda y: sh_x)] + ball), "both"))
    zones.append(("thyroid", z("thyroid", [sep("12", True), not_spine] + ball), "both"))
    chest = [RightOf(lambda y: sh_x), sep("12", False)] + ball + [Shape(solar_pts, False)]
    zones.append(("chest_lungs", z("chest_lungs", chest + [Shape(heart_pts, False)]), "Left"))
    zones.append(("chest_lungs", z("chest_lungs", chest), "Right"))
    # upper abdomen: stomach and spleen on the left foot, liver and gallbladder on the right
    # (holes last: a hole is only kept while it lies wholly inside the piece being cut)
    upper = [Below(pl_diaphragm), not_spine]
    zones.append(("stomach", z("stomach", upper + [Above(pl_waist), RightOf(lambda y: SPLEEN_SPLIT)] + holes), "Left"))
    zones.append(("spleen", z("spleen", upper + [Above(pl_spleen_end), LeftOf(lambda y: SPLEEN_SPLIT)] + holes), "Left"))
    zones.append(("liver", z("liver", upper + [Above(pl_waist), Shape(gall_pts, False)] + holes), "Right"))
    # lower arch: the colon frames the small intestine; the bladder at the inner edge in front of
    # the heel
    not_bladder = Shape(bladder_pts, False)
    colon_left = [Below(colon_top_left, steps=(SPLEEN_SPLIT,)), Above(pl_pelvic), not_spine]
    zones.append(("colon", z("colon", colon_left + [Shape(si_left, False), not_bladder] + holes), "Left"))
    zones.append(("colon", z("colon", lower + [Shape(si_right, False)] + holes), "Right"))
    zones.append(("intestines", z("intestines", lower + [Shape(si_left, True), not_bladder]), "Left"))
    zones.append(("intestines", z("intestines", lower + [Shape(si_right, True), not_bladder]), "Right"))
    zones.append(("bladder", z("bladder", [Shape(bladder_pts, True), not_spine]), "both"))
    # heel
    zones.append(("lower_back", z("lower_back", [Below(pl_pelvic), Above(pl_heel_lowback_end), not_spine]), "both"))
    zones.append(("sciatic", z("sciatic", [Below(pl_heel_lowback_end), Above(pl_heel_sciatic_end), not_spine]), "both"))
    i_out = nearest_index(base, 150, 1010, lambda p: p[0] < 200)
    i_in = nearest_index(base, 372, 1070, lambda p: p[0] > 300 and p[1] > 1040)
    rim = band_along(base, i_in, i_out, 14, 46, taper=0.45)
    rim_cut = [Below(pl_heel_sciatic_end), not_spine]
    zones.append(("pelvis", z("pelvis", rim_cut + [Shape(rim, False)]), "both"))
    zones.append(("buttocks", z("buttocks", rim_cut + [Shape(rim, True)]), "both"))
    # spine sections, toe to heel
    y_sac_cx = 990
    zones.append(("spine_cervical", z("spine_cervical", [spine, Above(pl_shoulder)]), "both"))
    zones.append(("spine_thoracic", z("spine_thoracic", [spine, Below(pl_shoulder), Above(pl_waist)]), "both"))
    zones.append(("spine_lumbar", z("spine_lumbar", [spine, Below(pl_waist), Above(pl_pelvic)]), "both"))
    zones.append(("spine_sacrum", z("spine_sacrum", [spine, Below(pl_pelvic), Above(lambda x: y_sac_cx)]), "both"))
    zones.append(("spine_coccyx", z("spine_coccyx", [spine, Below(lambda x: y_sac_cx)]), "both"))
    # small shapes on top
    zones.append(("pituitary", Piece(pit_pts), "both"))
    zones.append(("heart", z("heart", [Shape(heart_pts, True)]), "Left"))
    zones.append(("solar_plexus", Piece(solar_pts), "both"))
    zones.append(("gallbladder", Piece(gall_pts), "Right"))
    zones.append(("adrenal", z("adrenal", [Shape(adrenal_pts, True), Shape(kidney_pts, False)]), "both"))
    zones.append(("kidney", Piece(kidney_pts), "both"))

    for zid, piece, which in zones:
        pieces = piece if isinstance(piece, list) else [piece]
        if which == "both":
            path = " ".join(piece_path(p) for p in pieces)
            v.add("plantar_%s_left" % zid, "zones", "Left", PAINT[zid], path, zone=zid, mirror="plantar_%s_right" % zid)
        elif which == "Left":
            path = " ".join(piece_path(p) for p in pieces)
            v.add("plantar_%s_left" % zid, "zones", "Left", PAINT[zid], path, zone=zid)
        else:
            path = " ".join(piece_path(mirror_piece(p, PMID)) for p in pieces)
            v.add("plantar_%s_right" % zid, "zones", "Right", PAINT[zid], path, zone=zid)

    # the toes' creases again over the zones, so the joints read through the colours
    v.add("plantar_toe_creases_over_zones_left", "zones", "Left", "SkinLine", " ".join(creases), mirror="plantar_toe_creases_over_zones_right")
    # the ureters: a line from each kidney down and inward to the bladder (drawn, not a zone)
    k_low = (kid_c[0] - 54 * math.sin(kid_rot) + 3, kid_c[1] + 54 * math.cos(kid_rot) - 3)
    b_top = (346, 784)
    ureter = [(k_low[0], k_low[1], False), (k_low[0] + 16, k_low[1] + 44, False), (b_top[0] - 18, b_top[1] - 40, False), (b_top[0], b_top[1], False)]
    v.add("plantar_ureter_left", "zones", "Left", "SkinLine", open_path(ureter), mirror="plantar_ureter_right")

    # ---- guides
    def guide(name, f, xa, xb):
        pts = []
        k = 12
        for i in range(k + 1):
            x = lerp(xa, xb, i / k)
            pts.append((x, f(x), False))
        v.add("plantar_%s_line_left" % name, "guides", "Left", "Guide", open_path(pts), mirror="plantar_%s_line_right" % name)

    for name, f in (("shoulder", pl_shoulder), ("diaphragm", pl_diaphragm), ("waist", pl_waist), ("pelvic", pl_pelvic)):
        # end points on the outline: solve f(x) against the outline crossings
        xa, xb = edge_span(dense, f)
        guide(name, f, xa + 6, xb - 6)

    # ---- ten longitudinal zones: four lines per foot, from the webs between the toes to the heel
    lines = []
    line_x = []  # per line: x at a given y
    for key in ("12", "23", "34", "45"):
        nx, ny = NOTCH[key]
        # fraction across the foot at the shoulder line
        ys = pl_shoulder(nx)
        xs = crossings_y(dense, ys + 30)
        u = (xs[-1] - nx) / (xs[-1] - xs[0])
        pts = [(nx, ny + 8, False)]
        for y in (ys + 30, 420, 560, 700, 840, 960, 1040):
            xs = crossings_y(dense, y)
            pts.append((xs[-1] - u * (xs[-1] - xs[0]), y, False))
        xs = crossings_y(dense, 1075)
        pts.append((xs[-1] - u * (xs[-1] - xs[0]), 1075 + 14 * (0.5 - abs(u - 0.5)), False))
        lines.append(open_path(pts))
        line_x.append(lambda y, u=u: (lambda xs: xs[-1] - u * (xs[-1] - xs[0]))(crossings_y(dense, y)))
    v.add("plantar_longitudinal_lines_left", "longitudinal", "Left", "Guide", " ".join(lines), mirror="plantar_longitudinal_lines_right")
    # their numbers: zone 1 at the big toe to zone 5 at the little toe, on every toe and again
    # across the heel, so each zone reads from toe to heel (the right foot is the mirror image)
    badge_r = 16
    for n in range(1, 6):
        k = 5 - n  # toe index, little toe first
        tx, ty = toe_point(k, 0.74 if n > 1 else 0.8, 0)
        v.add("plantar_zone_%d_toe_left" % n, "longitudinal", "Left", "Skin", closed_path(ellipse_pts(tx, ty, badge_r, badge_r, n=12)),
              mirror="plantar_zone_%d_toe_right" % n, label=str(n))
        y = 1010
        xs = crossings_y(dense, y)
        edges = [xs[-1]] + [f(y) for f in line_x] + [xs[0]]
        hx = (edges[n - 1] + edges[n]) / 2
        v.add("plantar_zone_%d_heel_left" % n, "longitudinal", "Left", "Skin", closed_path(ellipse_pts(hx, y, badge_r, badge_r, n=12)),
              mirror="plantar_zone_%d_heel_right" % n, label=str(n))
    return v


# ----------------------------------------------------------------------------- edge views

SW, SH, SMID = 1200.0, 700.0, 600.0

# The inner and outer edge of the right foot, laid out in centimetres: d from the back of the
# heel toward the toes, h up from the ground, for a 26 cm adult foot with the lower leg to about
# 16 cm above the ground. Landmarks (Gray's, Moore): the big toe's joints at d 20 (MTP) and 23
# (IP); the medial malleolus at d 6.4, h 8.2, higher and further forward than the lateral one
# (d 4.6, h 7.1); the navicular tuberosity at d 11, h 3; the fifth metatarsal's head at d 16.9 and
# its tuberosity at d 11.7 on the outer edge; the Achilles tendon into the back of the heel bone.
CM = 38.0  # canvas units per centimetre
GROUND = 650.0

# The silhouette, from the big toe's tip over the top of the foot and up the shin, across the cut
# of the leg, down the Achilles tendon, round the heel and forward along the sole: (d, h[, "c"]).
SILHOUETTE_TOP = [
    (26.0, 1.25),
    (25.85, 1.95),
    (25.35, 2.5),
    (24.4, 2.8),
    (23.1, 2.85),
    (21.8, 3.05),
    (20.2, 3.6),
    (18.2, 4.35),
    (15.8, 5.55),
    (13.4, 6.7),
    (11.4, 7.5),
    (10.0, 8.35),
    (9.1, 9.4),
    (8.8, 10.8),
    (8.65, 12.6),
    (8.7, 14.6),
    (8.78, 16.2, "c"),
    (-0.3, 16.2, "c"),
    (-0.05, 15.0),
    (0.5, 13.6),
    (1.2, 11.8),
    (1.7, 9.4),
    (1.75, 7.4),
    (1.45, 5.9),
    (0.75, 4.7),
    (0.15, 3.4),
    (0.0, 2.2),
    (0.2, 1.2),
    (0.75, 0.45),
    (1.7, 0.08),
    (3.0, 0.0),
    (4.6, 0.0),
]
# Inner edge: the arch lifts off the ground between the heel and the ball of the big toe.
MEDIAL_SOLE = [
    (6.0, 0.12),
    (7.3, 0.5),
    (8.8, 1.1),
    (10.4, 1.5),
    (12.0, 1.65),
    (13.6, 1.45),
    (15.2, 0.95),
    (16.7, 0.4),
    (18.0, 0.1),
    (19.3, 0.0),
    (20.3, 0.12),
    (21.0, 0.42),
    (21.9, 0.36),
    (23.0, 0.14),
    (24.4, 0.12),
    (25.4, 0.42),
]
# Outer edge: it rests on the ground from the heel to the little toe; the toes' pads beyond.
LATERAL_SOLE = [
    (6.5, 0.06),
    (8.5, 0.18),
    (10.5, 0.24),
    (12.5, 0.16),
    (14.5, 0.06),
    (16.5, 0.0),
    (18.5, 0.02),
    (20.4, 0.06),
    (22.4, 0.08),
    (24.2, 0.1),
    (25.4, 0.42),
]

MED_MALLEOLUS = (6.4, 8.2, 1.2, 1.4)  # d, h, half-width, half-height (cm)
LAT_MALLEOLUS = (4.6, 7.1, 1.15, 1.4)
# Where the sole's guide lines meet each edge (d, cm), matched to the soles view: the shoulder
# line at the base of the toes, the diaphragm line behind the ball, the waistline at the base of
# the fifth metatarsal, the pelvic line at the front of the heel pad; and how high each is drawn.
MED_MARKS = {"shoulder": (21.0, 9), "diaphragm": (16.8, 9), "waist": (11.5, 9), "pelvic": (6.4, 5.4)}
LAT_MARKS = {"shoulder": (18.4, 9), "diaphragm": (15.9, 9), "waist": (11.65, 9), "pelvic": (6.4, 4.6)}


def medial_xy(d, h):
    """Inner edge of the right foot seen from the inside: toes to the left."""
    return (1050 - CM * d, GROUND - CM * h)


def lateral_xy(d, h):
    """Outer edge of the right foot seen from the outside: toes to the right."""
    return (150 + CM * d, GROUND - CM * h)


def placed(xy, pts):
    """Control points (x, y, corner) on the canvas from (d, h[, "c"]) in centimetres."""
    out = []
    for p in pts:
        x, y = xy(p[0], p[1])
        out.append((x, y, len(p) > 2))
    return out


def line(xy, pts):
    return open_path(placed(xy, pts))


def ellipse_cm(xy, d, h, rd, rh, rot_deg=0.0, n=None):
    """An ellipse given in centimetres, as canvas polygon points."""
    cx, cy = xy(d, h)
    return ellipse_pts(cx, cy, rd * CM, rh * CM, math.radians(rot_deg), n=n)


def arc_cm(xy, d, h, r, a0, a1, n=7):
    """An arc of a circle in centimetres, angles in degrees counterclockwise from +d (upward +h)."""
    pts = []
    for k in range(n):
        a = math.radians(lerp(a0, a1, k / (n - 1)))
        pts.append((d + r * math.cos(a), h + r * math.sin(a)))
    return line(xy, pts)


def band_through(outline, a, b, via, out_w, in_w):
    """band_along the outline from the point nearest a to the point nearest b, the way round that
    passes nearest via (either orientation of the outline)."""
    ia = nearest_index(outline, *a)
    ib = nearest_index(outline, *b)
    n = len(outline)

    def run(i0, i1):
        idx, i = [], i0
        while True:
            idx.append(i)
            if i == i1:
                return idx
            i = (i + 1) % n

    iv = nearest_index(outline, *via)
    if iv in run(ia, ib):
        return band_along(outline, ia, ib, out_w, in_w)
    return band_along(outline, ib, ia, out_w, in_w)


def edge_view(view_id, title, order, orientation, xy, sole, prefix, intro):
    """A one-foot edge view (the right foot): the view, its outline region, the densely sampled
    outline and that outline pulled in by INSET (what the zones are cut from)."""
    v = View(
        view_id,
        title,
        order,
        orientation,
        SW,
        SH,
        SMID,
        [
            ("outline", "Foot outline", True, 1.0),
            ("zones", "Reflex zones", True, 0.9),
            ("guides", "Guide lines", True, 1.0),
        ],
        intro,
    )
    ctrl = placed(xy, SILHOUETTE_TOP + sole)
    v.add(prefix + "_outline", "outline", "Right", "Skin", closed_path(ctrl))
    dense = sample_closed(ctrl)
    return v, dense, inset_poly(dense, INSET)


# The front edge of the Achilles tendon, (h, d) from the heel bone up the leg: the sciatic zone
# runs in the groove in front of it, behind the ankle bone.
ACHILLES_FRONT = [(5.3, 2.05), (6.9, 2.35), (9.2, 2.3), (11.6, 1.9), (14.6, 1.0), (16.2, 0.6)]


def achilles_front(h):
    pts = ACHILLES_FRONT
    if h <= pts[0][0]:
        return pts[0][1]
    for (h0, d0), (h1, d1) in zip(pts, pts[1:]):
        if h <= h1:
            return lerp(d0, d1, (h - h0) / (h1 - h0))
    return pts[-1][1]


def groove_strip(xy, gap, half, h0, h1):
    """The sciatic strip on an edge view: a band half cm either side of a line gap cm in front of
    the Achilles tendon, from h0 to h1 cm up, with rounded ends (canvas polygon)."""
    n = 14
    hs = [lerp(h0, h1, k / n) for k in range(n + 1)]
    front = [(achilles_front(h) + gap + half, h) for h in hs]
    back = [(achilles_front(h) + gap - half, h) for h in reversed(hs)]
    cap_top = [(achilles_front(h1) + gap + half * math.cos(a), h1 + half * math.sin(a)) for a in (math.radians(30 * k) for k in range(1, 6))]
    cap_bottom = [(achilles_front(h0) + gap - half * math.cos(a), h0 - half * math.sin(a)) for a in (math.radians(30 * k) for k in range(1, 6))]
    pts = front + cap_top + back + cap_bottom
    return [xy(d, h) + (False,) for d, h in pts]


def leg_details(xy, malleolus):
    """What the inner and outer views share: the ankle bone, the Achilles tendon and the lower
    edge of the calf muscles running into it."""
    d, h, rd, rh = malleolus
    bump = [(d + rd * math.cos(math.radians(a)), h + rh * math.sin(math.radians(a))) for a in range(60, 390, 30)]
    return [
        line(xy, bump),  # the ankle bone's bump, open where it blends into the shin
        line(xy, [(1.0, 14.6), (1.9, 11.6), (2.3, 9.2), (2.35, 6.9), (2.05, 5.3)]),  # Achilles
        line(xy, [(4.6, 16.1), (3.6, 14.7), (2.9, 13.3)]),  # calf muscles' edge
    ]


def edge_guides(v, dense, xy, prefix, marks):
    """Dashed vertical guide lines from the sole up to the top of the foot (or, for the pelvic
    line, to below the ankle bone)."""
    for name, (d, top_h) in marks.items():
        x = xy(d, 0)[0]
        ys = crossings_x(dense, x)
        yb = ys[-1] - 6
        yt = max(ys[-2] + 7 if len(ys) >= 2 else 0, xy(d, top_h)[1])
        v.add("%s_%s_line" % (prefix, name), "guides", "Right", "Guide", open_path([(x, yb, False), (x, (yb + yt) / 2, False), (x, yt, False)]))


EDGE_GUIDES = (
    "The dashed guide lines mark where the shoulder, diaphragm, waist and pelvic lines of the sole "
    "meet this edge, so you can match it to the soles view. Test yourself with Study zones."
)

MEDIAL_INTRO = [
    "The inner edge of the right foot, seen from the inside, with the ankle and the lower leg. The "
    "spine zones run along the bony inner edge, where the sole's skin meets the side of the foot, "
    "from the big toe to the back of the heel: cervical, thoracic, lumbar, sacral and coccyx "
    "sections in turn. The big toe carries the head and neck, the inner arch in front of the heel "
    "the bladder, the side of the heel the womb or prostate, and the sciatic zone runs up behind "
    "the inner ankle bone.",
    CLICK_A_ZONE + " The left foot's inner edge is the mirror image and stands for the left side of "
    "the body. This whole edge lies in longitudinal zone 1.",
    EDGE_GUIDES,
]


def build_medial():
    xy = medial_xy
    v, dense, base = edge_view(
        "feet_medial",
        "Foot, inner edge (reflexology)",
        3,
        "Right foot, inner edge, seen from the inside: toes to the left, heel to the right",
        xy,
        MEDIAL_SOLE,
        "medial",
        MEDIAL_INTRO,
    )
    details = leg_details(xy, MED_MALLEOLUS) + [
        # the big toe's nail, the creases of its joint, the base of the toe
        line(xy, [(25.5, 2.32), (25.05, 1.98), (24.15, 1.94), (23.5, 2.22), (23.32, 2.72)]),
        line(xy, [(22.95, 0.24), (22.82, 0.78)]),
        line(xy, [(22.98, 2.8), (22.9, 2.5)]),
        line(xy, [(21.05, 0.46), (20.9, 0.98)]),
        # the head of the first metatarsal (the ball's joint) and the navicular's bump
        arc_cm(xy, 19.7, 1.7, 1.2, 30, 150),
        arc_cm(xy, 11.0, 3.0, 0.55, 10, 170),
    ]
    v.add("medial_details", "outline", "Right", "SkinLine", " ".join(details))

    # the spine strip along the inner edge: from the big toe's tip round the heel
    spine_band = band_through(base, xy(24.8, 0.12), xy(0.2, 4.0), xy(12.0, 1.65), 14, 34)
    spine = Shape(spine_band, True)
    not_spine = Shape(spine_band, False)
    X = lambda d: xy(d, 0)[0]
    sx = lambda d: (lambda y: X(d))

    def z(name, cuts):
        return cut_zone(base, cuts, name)

    m = {k: d for k, (d, _h) in MED_MARKS.items()}
    # the sciatic strip: behind the ankle bone, in the groove in front of the Achilles tendon,
    # from the top of the heel bone up about a hand's width
    sciatic = groove_strip(xy, 1.4, 0.5, 6.0, 14.2)
    bladder = ellipse_cm(xy, 7.9, 2.35, 1.25, 0.72, -8)
    womb = ellipse_cm(xy, 3.4, 4.25, 0.95, 1.05, 10)
    zones = []
    zones.append(("head_brain", z("head_brain", [LeftOf(sx(22.75)), not_spine])))
    zones.append(("neck_throat", z("neck_throat", [RightOf(sx(22.75)), LeftOf(sx(m["shoulder"])), not_spine])))
    zones.append(("bladder", z("bladder", [Shape(bladder, True), not_spine])))
    zones.append(("uterus_prostate", Piece(womb)))
    zones.append(("sciatic", z("sciatic", [Shape(sciatic, True)])))
    zones.append(("spine_cervical", z("spine_cervical", [spine, LeftOf(sx(m["shoulder"]))])))
    zones.append(("spine_thoracic", z("spine_thoracic", [spine, RightOf(sx(m["shoulder"])), LeftOf(sx(m["waist"]))])))
    zones.append(("spine_lumbar", z("spine_lumbar", [spine, RightOf(sx(m["waist"])), LeftOf(sx(m["pelvic"]))])))
    zones.append(("spine_sacrum", z("spine_sacrum", [spine, RightOf(sx(m["pelvic"])), LeftOf(sx(1.6))])))
    zones.append(("spine_coccyx", z("spine_coccyx", [spine, RightOf(sx(1.6))])))
    for zid, piece in zones:
        v.add("medial_%s" % zid, "zones", "Right", PAINT[zid], piece_path(piece), zone=zid)
    # the same detail over the zones, so the toe's nail and joints show through them
    v.add("medial_details_over_zones", "zones", "Right", "SkinLine", " ".join(details))

    edge_guides(v, dense, xy, "medial", MED_MARKS)
    return v


LATERAL_INTRO = [
    "The outer edge of the right foot, seen from the outside, with all five toes, the ankle and the "
    "lower leg. Here the charts place the limbs and joints: the shoulder at the joint of the little "
    "toe, the arm and elbow along the outer edge back to the bony bump halfway along it, the knee "
    "just behind that bump, the hip below the outer ankle bone, the ovary or testis on the side of "
    "the heel and the buttock round its back. The sciatic zone runs up behind the outer ankle bone.",
    CLICK_A_ZONE + " The left foot's outer edge is the mirror image and stands for the left side of "
    "the body. This whole edge lies in longitudinal zone 5.",
    EDGE_GUIDES,
]

# The small toes seen from the outside, little toe first, each in front of the next: where its
# visible outline starts (on the toe behind), its top, its tip, the foot of its tip, and its nail.
LATERAL_TOES = [
    # little toe: rises from the foot's outer edge
    ([(18.3, 2.4), (19.4, 2.12), (20.4, 1.96), (20.95, 1.46), (21.1, 0.8), (20.85, 0.2)],
     [(20.12, 1.96), (20.32, 1.56), (20.84, 1.5)], 19.45),
    ([(20.2, 2.04), (21.2, 2.26), (22.2, 2.22), (22.85, 1.76), (23.05, 1.0), (22.75, 0.18)],
     [(22.05, 2.22), (22.3, 1.82), (22.85, 1.74)], 21.5),
    ([(22.3, 2.26), (23.3, 2.5), (24.05, 2.36), (24.45, 1.86), (24.55, 1.1), (24.25, 0.18)],
     [(23.6, 2.46), (23.82, 2.06), (24.36, 1.96)], 23.2),
    ([(23.95, 2.52), (24.65, 2.7), (25.25, 2.52), (25.6, 1.92), (25.66, 1.2), (25.4, 0.4)],
     [(25.0, 2.62), (25.18, 2.22), (25.58, 2.1)], 24.6),
]


def build_lateral():
    xy = lateral_xy
    v, dense, base = edge_view(
        "feet_lateral",
        "Foot, outer edge (reflexology)",
        4,
        "Right foot, outer edge, seen from the outside: toes to the right, heel to the left",
        xy,
        LATERAL_SOLE,
        "lateral",
        LATERAL_INTRO,
    )
    details = leg_details(xy, LAT_MALLEOLUS)
    for outline, nail, joint in LATERAL_TOES:
        details.append(line(xy, outline))
        details.append(line(xy, nail))
        details.append(line(xy, [(joint, 0.22), (joint + 0.1, 0.7)]))
    details += [
        # the joint of the little toe (head of the fifth metatarsal) and the fifth metatarsal's
        # tuberosity halfway along the outer edge
        arc_cm(xy, 16.9, 1.05, 0.95, 20, 160),
        arc_cm(xy, 11.7, 0.55, 0.7, 15, 165),
        # the fibular (peroneal) tendons: behind and below the ankle bone to the tuberosity
        line(xy, [(2.7, 12.6), (3.0, 9.2), (3.3, 6.7), (3.8, 5.3), (5.3, 4.55), (7.7, 3.6), (10.0, 2.2), (11.25, 1.35)]),
    ]
    v.add("lateral_details", "outline", "Right", "SkinLine", " ".join(details))

    X = lambda d: xy(d, 0)[0]
    Y = lambda h: xy(0, h)[1]
    sx = lambda d: (lambda y: X(d))

    def z(name, cuts):
        return cut_zone(base, cuts, name)

    shoulder = ellipse_cm(xy, 17.15, 1.05, 1.25, 1.2)
    md, mh, mrd, mrh = LAT_MALLEOLUS
    around_ankle_bone = ellipse_cm(xy, md, mh, mrd + 0.2, mrh + 0.2, 8)
    ovary = ellipse_cm(xy, 2.65, 3.85, 0.95, 1.0, -10)
    hip_area = ellipse_cm(xy, md, mh, mrd + 1.7, mrh + 1.5, 8)
    rim = band_through(base, xy(0.05, 4.3), xy(4.8, 0.0), xy(0.7, 0.5), 14, 30)
    sciatic = groove_strip(xy, 0.62, 0.42, 6.6, 14.2)
    apex, bl, br = xy(10.3, 2.8), xy(8.7, -0.5), xy(11.9, -0.5)
    zones = []
    zones.append(("shoulder", z("shoulder", [Shape(shoulder, True)])))
    zones.append(("arm_elbow", z("arm_elbow", [Below(lambda x: Y(1.3)), RightOf(sx(11.95)), LeftOf(sx(16.2)), Shape(shoulder, False)])))
    zones.append(("knee", z("knee", [HalfPlane(apex, bl, br), HalfPlane(apex, br, bl)])))
    zones.append(("hip", z("hip", [Shape(hip_area, True), Below(lambda x: Y(mh)), Shape(around_ankle_bone, False), Shape(ovary, False)])))
    zones.append(("ovary_testis", Piece(ovary)))
    zones.append(("buttocks", z("buttocks", [Shape(rim, True)])))
    zones.append(("sciatic", z("sciatic", [Shape(sciatic, True), Above(lambda x: Y(mh))])))
    for zid, piece in zones:
        v.add("lateral_%s" % zid, "zones", "Right", PAINT[zid], piece_path(piece), zone=zid)
    v.add("lateral_details_over_zones", "zones", "Right", "SkinLine", " ".join(details))
    edge_guides(v, dense, xy, "lateral", LAT_MARKS)
    return v


# ----------------------------------------------------------------------------- main


def main():
    args = sys.argv[1:]
    preview = "/tmp/feet"
    if "--preview" in args:
        preview = args[args.index("--preview") + 1]
    do_preview = "--no-preview" not in args
    views = [build_plantar(), build_medial(), build_lateral()]
    for v in views:
        v.write()
    if do_preview:
        os.makedirs(preview, exist_ok=True)
        for v in views:
            all_layers = [l[0] for l in v.layers]
            for name, ls in {"all": all_layers, "outline": ["outline"]}.items():
                with open(os.path.join(preview, "%s_%s.svg" % (v.id, name)), "w") as fh:
                    fh.write(v.svg(ls))
    n = sum(len(v.regions) for v in views)
    print("regions declared: %d" % n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
