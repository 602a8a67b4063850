#!/usr/bin/env python3
"""Generate the foot reflexology views data/views/feet_plantar.ron, feet_medial.ron and
feet_lateral.ron.

Python 3 standard library only. Each foot outline is a closed smooth cubic Bezier path through
hand-placed control points (Catmull-Rom style tangents, with corners where toes meet). The reflex
zones are cut out of that outline (inset a little) with guide curves, straight lines and shapes
(a strip along the inner edge for the spine, ovals for the kidney, ...), so neighbouring zones
share their borders and tile the foot. The cut polygons are turned back into smooth Bezier paths.
Everything is checked (closed, no self-intersections, inside the canvas, inside the foot, ids
unique across data/views/) and preview SVGs are written to /tmp/feet/ (or --preview DIR).

Usage: python3 tools/artwork/gen_feet.py [--preview DIR] [--no-preview]
"""

import glob
import math
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pathkit import (  # noqa: E402
    view_ron,
    _dist_seg,
    _len,
    _seg_intersect,
    _sub,
    _unit,
    bez,
    closed_path,
    fmt,
    lerp,
    open_path,
    parse_path,
    point_in,
    point_in_poly,
    poly_area,
    seg_path,
    self_intersections,
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
    """y >= g(x) (below the curve on screen) or, with above=True, y <= g(x)."""

    def __init__(self, g, above=False, multi=False):
        self.g = g
        self.above = above
        self.multi = multi  # may cross the shape more than twice (a notch biting into a band)

    def inside(self, p):
        d = p[1] - self.g(p[0])
        return d <= 0 if self.above else d >= 0

    def path(self, a, b, subject):
        return grid_between(a[0], b[0], lambda x: (x, self.g(x)))


def Above(g):
    return Below(g, above=True)


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


def band_along(outline, i0, i1, out_w, in_w, cap_ext=0.0):
    """A closed polygon covering the strip along the outline from point index i0 to i1 (in the
    outline's order), out_w outside and in_w inside the outline."""
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
        outer.append((p[0] - nv[0] * out_w, p[1] - nv[1] * out_w))
        inner.append((p[0] + nv[0] * in_w, p[1] + nv[1] * in_w))
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


# ----------------------------------------------------------------------------- path parsing for checks


# ----------------------------------------------------------------------------- view container

FILLS = {
    "Skin": ("#f4dcc6", "#8a6650", 1.6),
    "Muscle": ("#c8584e", "#6e221e", 1.1),
    "DeepMuscle": ("#a53c3c", "#551416", 1.1),
    "Tendon": ("#eadfcc", "#8e7c66", 1.0),
    "Nerve": ("#f5c81e", "#806200", 1.1),
    "Bone": ("#f1ead6", "#8f8570", 1.1),
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
        self.outline_polys = {}  # side -> sampled outline polygon (for checks)

    def add(self, rid, layer, side, paint, path, zone=None, mirror=None, label=None):
        self.regions.append(dict(id=rid, layer=layer, side=side, paint=paint, path=path, zone=zone, mirror=mirror, label=label))

    def ron(self):
        return view_ron(
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

    def svg(self, layer_ids, labels=False, scale=0.8):
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
                        col = "#b08870" if r["paint"] == "SkinLine" else "#5e7c96"
                        dash = ' stroke-dasharray="6 4"' if r["layer"] == "longitudinal" else ""
                        s.append('<path d="%s" fill="none" stroke="%s" stroke-width="1.3" stroke-linecap="round"%s%s/>' % (r["path"], col, dash, tr))
                    else:
                        fill, stroke, sw = FILLS[r["paint"]]
                        s.append('<path d="%s" fill="%s" fill-rule="evenodd" stroke="%s" stroke-width="%s" stroke-linejoin="round"%s/>' % (r["path"], fill, stroke, sw * 0.9, tr))
            s.append("</g>")
        if labels:
            for r in self.regions:
                if not r["zone"] or r["layer"] not in layer_ids:
                    continue
                for mir in ([False, True] if r["mirror"] else [False]):
                    b = find_point(self, r["id"], mir)
                    if b is None:
                        continue
                    x = 2 * self.mid - b[1] if mir else b[1]
                    s.append('<text x="%s" y="%s" font-size="11" font-family="sans-serif" text-anchor="middle" fill="#102040">%s</text>' % (fmt(x), fmt(b[2] + 4), r["zone"]))
        s.append("</svg>")
        return "\n".join(s)


def regions_above(view, rid):
    order = []
    for lid, *_ in view.layers:
        for r in view.regions:
            if r["layer"] == lid:
                order.append(r)
    idx = [r["id"] for r in order].index(rid)
    return [r for r in order[idx + 1:] if r["paint"] not in ("SkinLine", "Guide") and r["layer"] == order[idx]["layer"]]


def find_point(view, rid, mirrored=False):
    """A point well inside region rid (its mirrored copy when mirrored) that no region drawn above
    it on the same layer covers. Returns (clearance, x, y)."""
    reg = [r for r in view.regions if r["id"] == rid][0]
    subs = parse_path(reg["path"])
    above = [(parse_path(r["path"]), r["mirror"] is not None) for r in regions_above(view, rid)]
    xs = [x for pts, _ in subs for (x, _y) in pts]
    ys = [y for pts, _ in subs for (_x, y) in pts]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    step = max(2.0, min(x1 - x0, y1 - y0) / 14)
    edges = [(pts[k], pts[(k + 1) % len(pts)]) for pts, _ in subs for k in range(len(pts))]
    for sp, _m in above:
        for pts, _ in sp:
            for k in range(len(pts)):
                a, b = pts[k], pts[(k + 1) % len(pts)]
                if max(a[0], b[0]) >= x0 - 5 and min(a[0], b[0]) <= x1 + 5 and max(a[1], b[1]) >= y0 - 5 and min(a[1], b[1]) <= y1 + 5:
                    edges.append((a, b))
    best = None
    yi = y0 + step / 2
    while yi < y1:
        xi = x0 + step / 2
        while xi < x1:
            if point_in(subs, xi, yi) and not any(point_in(sp, xi, yi) for sp, _m in above):
                dmin = min(_dist_seg((xi, yi), a, b) for a, b in edges)
                if best is None or dmin > best[0]:
                    best = (dmin, round(xi), round(yi))
            xi += step
        yi += step
    if best and mirrored:
        best = (best[0], 2 * view.mid - best[1], best[2])
    return best


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
    "chest_lungs": "Zone(Sky)",
    "solar_plexus": "Zone(Lemon)",
    "stomach": "Zone(Peach)",
    "liver": "Zone(Peach)",
    "spleen": "Zone(Rose)",
    "intestines": "Zone(Mint)",
    "kidney": "Zone(Lilac)",
    "adrenal": "Zone(Lemon)",
    "spine_cervical": "Zone(Teal)",
    "spine_thoracic": "Zone(Sand)",
    "spine_lumbar": "Zone(Teal)",
    "spine_sacrum": "Zone(Sand)",
    "spine_coccyx": "Zone(Teal)",
    "pelvis": "Zone(Peach)",
    "lower_back": "Zone(Lilac)",
    "buttocks": "Zone(Rose)",
    "sciatic": "Zone(Lemon)",
    "hip": "Zone(Peach)",
    "knee": "Zone(Mint)",
}

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
    return 856 - 14 * heel_bow(x)


def pl_heel_lowback(x):
    return 930 + 3 * heel_bow(x)


def pl_heel_sciatic_top(x):
    return 976 + 9 * heel_bow(x)


def pl_heel_sciatic_bottom(x):
    return 1014 + 13 * heel_bow(x)


CLICK_A_ZONE = (
    "Click a zone to read what it corresponds to, where to find it on a real foot, how to work it, "
    "and its use in a sciatica session."
)

PLANTAR_INTRO = [
    "Both soles as on a standard reflexology chart. Read from the toes to the heel, the zones follow "
    "the body from the head down: the toes for the head and neck, the ball of the foot for the "
    "chest, the arch for the abdomen, the heel for the pelvis, and the inner edge for the spine.",
    CLICK_A_ZONE + " The right foot stands for the right side of the body, the left foot for the left.",
    "The guide lines mark the shoulder, diaphragm, waist and pelvic lines that divide the sole. Turn "
    "on the ten longitudinal zones in the layer list, and test yourself with Study zones.",
]


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
    v.outline_polys["Left"] = dense
    base = inset_poly(dense, INSET)

    # toe creases (decoration)
    creases = []
    for (xa, xb) in ((100, 166), (176, 228), (237, 292), (301, 356), (366, 468)):
        pts = []
        for k in range(5):
            x = lerp(xa + 4, xb - 4, k / 4)
            pts.append((x, pl_shoulder(x) - 2 + 5 * math.sin(math.pi * k / 4), False))
        creases.append(open_path(pts))
    # big toe joint crease
    creases.append(open_path([(372, 142, False), (400, 150, False), (430, 151, False), (462, 145, False)]))
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
    kid_c = (270, 652)
    kid_rot = math.radians(12)
    kid_ry = 57
    kidney_pts = bean_pts(kid_c[0], kid_c[1], 34, kid_ry, kid_rot, dent=0.2)
    k_top = (kid_c[0] + kid_ry * math.sin(kid_rot), kid_c[1] - kid_ry * math.cos(kid_rot))
    adrenal_pts = ellipse_pts(k_top[0] + 4, k_top[1] - 4, 24, 17, math.radians(15))
    solar_pts = ellipse_pts(292, pl_diaphragm(292) + 4, 34, 21, 0.0)
    pit_c = (418, 112)
    pit_pts = ellipse_pts(pit_c[0], pit_c[1], 13, 13)
    holes = [Shape(kidney_pts, False), Shape(adrenal_pts, False), Shape(solar_pts, False)]

    zones = []  # (id, zone, piece, both_feet)
    # toes
    zones.append(("head_brain", z("head_brain", [sep("12", True), Above(pl_toeband), not_spine, Shape(pit_pts, False)])))
    zones.append(("neck_throat", z("neck_throat", [sep("12", True), Below(pl_toeband), Above(pl_shoulder), not_spine])))
    sin = []
    for (a, b) in (("23", "12"), ("34", "23"), ("45", "34"), (None, "45")):
        cuts = [sep(b, False)] + ([sep(a, True)] if a else [])
        sin.append(z("sinuses", cuts + [Above(pl_toeband)]))
    zones.append(("sinuses", sin))
    zones.append(("eyes", z("eyes", [sep("34", True), sep("12", False), Below(pl_toeband, multi=True), Above(pl_shoulder)])))
    zones.append(("ears", z("ears", [sep("34", False), Below(pl_toeband, multi=True), Above(pl_shoulder)])))
    # ball
    sh_x = 150
    zones.append(("shoulder", z("shoulder", [LeftOf(lambda y: sh_x), Below(pl_shoulder), Above(pl_diaphragm)])))
    zones.append(("chest_lungs", z("chest_lungs", [RightOf(lambda y: sh_x), Below(pl_shoulder), Above(pl_diaphragm), not_spine] + holes)))
    # mid-foot, left foot only: stomach (inner) and spleen (outer)
    split = lambda y: 214 + (y - 450) * 0.06
    stomach = z("stomach", [Below(pl_diaphragm), Above(pl_waist), RightOf(split), not_spine] + holes)
    spleen = z("spleen", [Below(pl_diaphragm), Above(pl_waist), LeftOf(split)] + holes)
    liver = z("liver", [Below(pl_diaphragm), Above(pl_waist), not_spine] + holes)
    zones.append(("intestines", z("intestines", [Below(pl_waist), Above(pl_pelvic), not_spine] + holes)))
    # heel
    zones.append(("pelvis", z("pelvis", [Below(pl_pelvic), Above(pl_heel_lowback), not_spine])))
    zones.append(("lower_back", z("lower_back", [Below(pl_heel_lowback), Above(pl_heel_sciatic_top), not_spine])))
    zones.append(("sciatic", z("sciatic", [Below(pl_heel_sciatic_top), Above(pl_heel_sciatic_bottom), not_spine])))
    zones.append(("buttocks", z("buttocks", [Below(pl_heel_sciatic_bottom), not_spine])))
    # spine sections, toe to heel
    y_sac_cx = 990
    zones.append(("spine_cervical", z("spine_cervical", [spine, Above(pl_shoulder)])))
    zones.append(("spine_thoracic", z("spine_thoracic", [spine, Below(pl_shoulder), Above(pl_waist)])))
    zones.append(("spine_lumbar", z("spine_lumbar", [spine, Below(pl_waist), Above(pl_pelvic)])))
    zones.append(("spine_sacrum", z("spine_sacrum", [spine, Below(pl_pelvic), Above(lambda x: y_sac_cx)])))
    zones.append(("spine_coccyx", z("spine_coccyx", [spine, Below(lambda x: y_sac_cx)])))
    # small shapes on top
    zones.append(("pituitary", Piece(pit_pts)))
    zones.append(("solar_plexus", Piece(solar_pts)))
    zones.append(("adrenal", z("adrenal", [Shape(adrenal_pts, True), Shape(kidney_pts, False)])))
    zones.append(("kidney", Piece(kidney_pts)))

    def add_zone(zid, piece, both=True, side="Left", rid=None):
        pieces = piece if isinstance(piece, list) else [piece]
        path = " ".join(piece_path(p) for p in pieces)
        if rid is None:
            rid = "plantar_%s_left" % zid if both else "plantar_%s" % zid
        mirror = ("plantar_%s_right" % zid) if both else None
        v.add(rid, "zones", side, PAINT[zid], path, zone=zid, mirror=mirror)

    for zid, piece in zones:
        if zid == "intestines":
            # one-foot zones of the upper mid-foot go before the intestines
            add_zone("stomach", stomach, both=False)
            add_zone("spleen", spleen, both=False)
            add_zone("liver", mirror_piece(liver, PMID), both=False, side="Right")
        add_zone(zid, piece)

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

    # ---- ten longitudinal zones: four lines per foot
    lines = []
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
    v.add("plantar_longitudinal_lines_left", "longitudinal", "Left", "Guide", " ".join(lines), mirror="plantar_longitudinal_lines_right")
    return v


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


# ----------------------------------------------------------------------------- side views

SW, SH, SMID = 1200.0, 700.0, 600.0

# Right foot, inner edge: toes to the left, heel to the right. Clockwise on screen from the big
# toe tip. The lower leg is cut off at the top.
MEDIAL_TOP = [
    (103, 598),
    (105, 574),
    (118, 554),
    (144, 541),
    (180, 535),
    (218, 532),
    (256, 524),
    (300, 506),
    (360, 479),
    (430, 447),
    (500, 412),
    (565, 376),
    (625, 345),
    (668, 322),
    (698, 298),
    (712, 266),
    (721, 210),
    (728, 140),
    (734, 60),
    (736, 22, "c"),
    (946, 22, "c"),
    (941, 100),
    (933, 180),
    (928, 260),
    (931, 330),
    (944, 398),
    (964, 458),
    (980, 516),
    (980, 568),
    (962, 606),
    (918, 626),
]
MEDIAL_SOLE = [
    (860, 630),
    (795, 622),
    (745, 604),
    (680, 588),
    (615, 584),
    (550, 590),
    (488, 604),
    (430, 618),
    (372, 627),
    (318, 628),
    (280, 620),
    (250, 624),
    (205, 627),
    (160, 624),
    (126, 612),
]
MEDIAL = MEDIAL_TOP + MEDIAL_SOLE

MED_MALLEOLUS = (812, 368)
# landmark x positions on the medial view (toe base, ball, waist, front of heel)
MED_MARKS = {"shoulder": 272, "diaphragm": 420, "waist": 575, "pelvic": 790}


def smoothstep(t):
    t = max(0.0, min(1.0, t))
    return t * t * (3 - 2 * t)


def edge_view(view_id, title, order, orientation, points, prefix, intro):
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
    ctrl = [(p[0], p[1], len(p) > 2) for p in points]
    v.add(prefix + "_outline", "outline", "Right", "Skin", closed_path(ctrl))
    dense = sample_closed(ctrl)
    v.outline_polys["Right"] = dense
    return v, dense, inset_poly(dense, INSET)


EDGE_GUIDES = (
    "The guide lines mark where the shoulder, diaphragm, waist and pelvic lines of the sole meet this "
    "edge, so you can match it to the soles view. Test yourself with Study zones."
)

MEDIAL_INTRO = [
    "The inner edge of the right foot, seen from the inside. The spine zones run along the bony inner "
    "edge from the big toe to the back of the heel: cervical, thoracic, lumbar, sacral and coccyx "
    "sections in turn. The big toe carries the head and neck zones, the inner heel the pelvic zone, "
    "and the sciatic zone runs up behind the inner ankle bone.",
    CLICK_A_ZONE + " The left foot's inner edge is the mirror image and stands for the left side of "
    "the body.",
    EDGE_GUIDES,
]


def build_medial():
    v, dense, base = edge_view(
        "feet_medial",
        "Foot, inner edge (reflexology)",
        3,
        "Right foot, inner edge, seen from the inside: toes to the left, heel to the right",
        MEDIAL,
        "medial",
        MEDIAL_INTRO,
    )
    mx, my = MED_MALLEOLUS
    details = [
        closed_path(ellipse_pts(mx, my, 36, 41, math.radians(10), n=10)),
        # Achilles tendon
        open_path([(902, 40, False), (894, 170, False), (893, 300, False), (906, 390, False), (934, 450, False)]),
        # crease under the big toe
        open_path([(280, 618, False), (276, 600, False), (278, 582, False)]),
    ]
    v.add("medial_details", "outline", "Right", "SkinLine", " ".join(details))

    # spine strip along the inner edge: from the big-toe joint round the heel
    i0 = nearest_index(base, 190, 627, lambda p: p[1] > 590)
    i1 = nearest_index(base, 974, 500, lambda p: p[0] > 940)
    # the outline runs clockwise: toes -> dorsum -> leg -> heel -> sole; the sole runs heel -> toes
    band = band_along(base, i1, i0, 14, 36)
    spine = Shape(band, True)
    not_spine = Shape(band, False)

    def z(name, cuts):
        return cut_zone(base, cuts, name)

    m = MED_MARKS
    sx = lambda x: (lambda y: x)
    sci_c = lambda y: 869 + 26 * smoothstep((y - 380) / 220)
    sci_f = lambda y: sci_c(y) - 15
    sci_b = lambda y: sci_c(y) + 15
    pel = ellipse_pts(806, 522, 74, 66)
    zones = []
    zones.append(("head_brain", z("head_brain", [LeftOf(sx(196))])))
    zones.append(("neck_throat", z("neck_throat", [RightOf(sx(196)), LeftOf(sx(m["shoulder"])), not_spine])))
    zones.append(("pelvis", z("pelvis", [Shape(pel, True), LeftOf(sci_f), not_spine])))
    zones.append(("sciatic", z("sciatic", [RightOf(sci_f), LeftOf(sci_b), not_spine])))
    zones.append(("spine_cervical", z("spine_cervical", [spine, LeftOf(sx(m["shoulder"]))])))
    zones.append(("spine_thoracic", z("spine_thoracic", [spine, RightOf(sx(m["shoulder"])), LeftOf(sx(m["waist"]))])))
    zones.append(("spine_lumbar", z("spine_lumbar", [spine, RightOf(sx(m["waist"])), LeftOf(sx(m["pelvic"]))])))
    zones.append(("spine_sacrum", z("spine_sacrum", [spine, RightOf(sx(m["pelvic"])), LeftOf(sx(910))])))
    zones.append(("spine_coccyx", z("spine_coccyx", [spine, RightOf(sx(910))])))
    for zid, piece in zones:
        v.add("medial_%s" % zid, "zones", "Right", PAINT[zid], piece_path(piece), zone=zid)

    side_guides(v, dense, "medial", m, 130)
    return v


def side_guides(v, dense, prefix, marks, h):
    for name, x in marks.items():
        ys = crossings_x(dense, x)
        yb = ys[-1] - 6
        yt = max(ys[-2] + 8, yb - h) if len(ys) >= 2 else yb - h
        v.add("%s_%s_line" % (prefix, name), "guides", "Right", "Guide", open_path([(x, yb, False), (x, (yb + yt) / 2, False), (x, yt, False)]))


# Right foot, outer edge: toes to the right, heel to the left. The dorsum, leg and heel are the
# inner view's mirrored; the sole is flat (the outer edge rests on the ground).
LATERAL_SOLE = [
    (1094, 592),
    (1082, 610),
    (1052, 621),
    (1010, 625),
    (960, 626),
    (900, 625),
    (840, 627),
    (760, 629),
    (680, 630),
    (600, 632),
    (520, 633),
    (440, 633),
    (370, 632),
]
LATERAL = [(SW - p[0], p[1]) + tuple(p[2:]) for p in reversed(MEDIAL_TOP[1:])] + LATERAL_SOLE

LAT_MALLEOLUS = (380, 396)
LAT_MARKS = {"shoulder": 935, "diaphragm": 800, "waist": 610, "pelvic": 420}


LATERAL_INTRO = [
    "The outer edge of the right foot, seen from the outside. Here the charts place zones for the "
    "joints and the lower back: the shoulder at the base of the little toe, the knee just behind the "
    "bony bump halfway along the outer edge, the hip below and behind the outer ankle bone, and the "
    "lower back along the outer side of the heel. The sciatic zone runs up behind the outer ankle "
    "bone.",
    CLICK_A_ZONE + " The left foot's outer edge is the mirror image and stands for the left side of "
    "the body.",
    EDGE_GUIDES,
]


def build_lateral():
    v, dense, base = edge_view(
        "feet_lateral",
        "Foot, outer edge (reflexology)",
        4,
        "Right foot, outer edge, seen from the outside: toes to the right, heel to the left",
        LATERAL,
        "lateral",
        LATERAL_INTRO,
    )
    mx, my = LAT_MALLEOLUS
    details = [
        closed_path(ellipse_pts(mx, my, 34, 43, math.radians(-8), n=10)),
        # little toe, its nail, and the fourth toe behind it
        open_path([(944, 624, False), (952, 600, False), (978, 586, False), (1006, 588, False), (1020, 604, False), (1018, 622, False)]),
        open_path([(992, 590, False), (1006, 597, False), (1012, 608, False)]),
        open_path([(1016, 592, False), (1040, 578, False), (1066, 580, False), (1080, 592, False)]),
        # Achilles tendon
        open_path([(SW - 902, 40, False), (SW - 894, 170, False), (SW - 893, 300, False), (SW - 906, 390, False), (SW - 934, 450, False)]),
        # fifth metatarsal tuberosity
        open_path([(575, 630, False), (596, 615, False), (625, 612, False), (650, 624, False)]),
    ]
    v.add("lateral_details", "outline", "Right", "SkinLine", " ".join(details))

    def z(name, cuts):
        return cut_zone(base, cuts, name)

    i_heel = nearest_index(base, 222, 530, lambda p: p[0] < 250)
    i_front = nearest_index(base, 470, 632, lambda p: p[1] > 600)
    lb_band = band_along(base, i_front, i_heel, 14, 34)
    not_lb = Shape(lb_band, False)
    hip = ellipse_pts(306, 516, 106, 64)
    sci_c = lambda y: 331 - 26 * smoothstep((y - 380) / 220)
    sci_f = lambda y: sci_c(y) + 15
    sci_b = lambda y: sci_c(y) - 15
    zones = []
    zones.append(("lower_back", z("lower_back", [Shape(lb_band, True)])))
    zones.append(("hip", z("hip", [Shape(hip, True), not_lb])))
    zones.append(("sciatic", z("sciatic", [Above(lambda x: 500), LeftOf(sci_f), RightOf(sci_b), Shape(hip, False)])))
    # knee: a small triangle on the outer edge in front of the heel
    apex, bl, br = (590, 522), (522, 650), (660, 650)
    zones.append(("knee", z("knee", [HalfPlane(apex, bl, br), HalfPlane(apex, br, bl), not_lb])))
    # shoulder: at the little toe joint
    zones.append(("shoulder", z("shoulder", [Shape(ellipse_pts(872, 614, 48, 58), True)])))
    for zid, piece in zones:
        v.add("lateral_%s" % zid, "zones", "Right", PAINT[zid], piece_path(piece), zone=zid)
    side_guides(v, dense, "lateral", LAT_MARKS, 130)
    return v


# ----------------------------------------------------------------------------- checks


def check(view, problems):
    for r in view.regions:
        subs = parse_path(r["path"])
        filled = r["paint"] not in ("SkinLine", "Guide")
        if r["paint"] in ("SkinLine", "Guide") and r["zone"]:
            problems.append("%s: a line with a zone" % r["id"])
        for pts, closed in subs:
            for (x, y) in pts:
                if not (0 <= x <= view.width and 0 <= y <= view.height):
                    problems.append("%s: out of canvas (%.0f, %.0f)" % (r["id"], x, y))
                    break
            if filled:
                if not closed:
                    problems.append("%s: open subpath" % r["id"])
                if abs(poly_area(pts)) < 50:
                    problems.append("%s: tiny area %.0f" % (r["id"], abs(poly_area(pts))))
                bad = self_intersections(pts)
                if bad:
                    problems.append("%s: self-intersection near (%.0f, %.0f)" % (r["id"], bad[0][0], bad[0][1]))
        if filled and len(subs) > 1:
            for i in range(len(subs)):
                for j in range(i + 1, len(subs)):
                    a, b = subs[i][0], subs[j][0]
                    ea = [(a[k], a[(k + 1) % len(a)]) for k in range(len(a))]
                    eb = [(b[k], b[(k + 1) % len(b)]) for k in range(len(b))]
                    if any(_seg_intersect(p, q, s, t) for (p, q) in ea for (s, t) in eb):
                        problems.append("%s: subpaths %d and %d cross" % (r["id"], i, j))
        if r["layer"] in ("zones",) or (r["layer"] == "guides"):
            outline = view.outline_polys["Left" if view.id == "feet_plantar" else "Right"]
            if view.id == "feet_plantar" and r["side"] == "Right" and not r["mirror"]:
                outline = [(2 * view.mid - p[0], p[1]) for p in outline]
            outside = [p for pts, _ in subs for p in pts if not point_in_poly(outline, p[0], p[1])]
            if outside:
                problems.append("%s: %d points outside the foot, e.g. (%.1f, %.1f)" % (r["id"], len(outside), outside[0][0], outside[0][1]))
        if view.id == "feet_plantar" and r["side"] == "Left":
            xs = [x for pts, _ in subs for (x, _y) in pts]
            if max(xs) >= view.mid:
                problems.append("%s: left-foot region crosses the middle" % r["id"])


def centroid(path):
    subs = parse_path(path)
    pts = subs[0][0]
    return (sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts))


def check_spine(view, problems, key):
    names = ["spine_cervical", "spine_thoracic", "spine_lumbar", "spine_sacrum", "spine_coccyx"]
    regs = {r["zone"]: r for r in view.regions if r["zone"] in names}
    cs = [centroid(regs[n]["path"]) for n in names]
    vals = [key(c) for c in cs]
    if vals != sorted(vals):
        problems.append("%s: spine sections out of order: %s" % (view.id, vals))
    # no overlap between sections: sample points of one inside another
    for i in range(len(names)):
        for j in range(len(names)):
            if i == j:
                continue
            a = parse_path(regs[names[i]]["path"])
            b = parse_path(regs[names[j]]["path"])
            c = [p for pts, _ in a for p in pts]
            inner = [p for p in c if point_in(b, p[0], p[1]) and min(_dist_seg(p, q[k], q[(k + 1) % len(q)]) for q, _ in b for k in range(len(q))) > 1.0]
            if inner:
                problems.append("%s: %s overlaps %s at (%.0f, %.0f)" % (view.id, names[i], names[j], inner[0][0], inner[0][1]))


def existing_ids(own_files):
    ids = {}
    for f in glob.glob(os.path.join(ROOT, "data", "views", "*.ron")):
        if os.path.basename(f) in own_files:
            continue
        with open(f) as fh:
            text = fh.read()
        for m in re.finditer(r'(?:id|mirror): (?:Some\()?"([^"]*)"', text):
            ids[m.group(1)] = os.path.basename(f)
    return ids


# ----------------------------------------------------------------------------- main


def main():
    args = sys.argv[1:]
    preview = "/tmp/feet"
    if "--preview" in args:
        preview = args[args.index("--preview") + 1]
    do_preview = "--no-preview" not in args
    views = [build_plantar(), build_medial(), build_lateral()]
    problems = []
    own = set(v.id + ".ron" for v in views)
    others = existing_ids(own)
    seen = set()
    for v in views:
        check(v, problems)
        for r in v.regions:
            for rid in filter(None, (r["id"], r["mirror"])):
                if rid in seen or rid in others:
                    problems.append("duplicate id: %s" % rid)
                seen.add(rid)
    check_spine(views[0], problems, lambda c: c[1])
    check_spine(views[1], problems, lambda c: c[0])
    for v in views:
        with open(os.path.join(ROOT, "data", "views", v.id + ".ron"), "w") as fh:
            fh.write(v.ron())
    if do_preview:
        os.makedirs(preview, exist_ok=True)
        for v in views:
            all_layers = [l[0] for l in v.layers if l[0] != "longitudinal"]
            sets = {"all": all_layers, "outline": ["outline"], "labels": all_layers}
            if v.id == "feet_plantar":
                sets["longitudinal"] = ["outline", "longitudinal", "guides"]
            for name, ls in sets.items():
                with open(os.path.join(preview, "%s_%s.svg" % (v.id, name)), "w") as fh:
                    fh.write(v.svg(ls, labels=(name == "labels")))
    for p in problems:
        print("PROBLEM:", p)
    n = sum(len(v.regions) for v in views)
    print("regions declared: %d (%d with mirrors)" % (n, len(seen)))
    if "--points" in args:
        for v in views:
            for r in v.regions:
                if r["zone"]:
                    b = find_point(v, r["id"])
                    line = "%s %s -> %s at (%d, %d) clearance %.1f" % (v.id, r["id"], r["zone"], b[1], b[2], b[0])
                    if r["mirror"]:
                        line += "; %s at (%d, %d)" % (r["mirror"], 2 * v.mid - b[1], b[2])
                    print(line)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
