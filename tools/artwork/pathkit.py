"""Path helpers shared by the artwork generators: Catmull-Rom splines to cubic Beziers, SVG
path text, and the geometric checks (area, self-intersection, point in polygon).
Python 3 standard library only."""

import math

TENSION = 0.36

def _sub(a, b):
    return (a[0] - b[0], a[1] - b[1])


def _len(v):
    return math.hypot(v[0], v[1])


def _unit(v):
    n = _len(v)
    return (v[0] / n, v[1] / n) if n > 1e-9 else (0.0, 0.0)


def lerp(a, b, t):
    return a + (b - a) * t


def spline(points, closed):
    """points: list of (x, y, corner). Returns list of cubic segments (p0, c1, c2, p1)."""
    n = len(points)
    P = [(p[0], p[1]) for p in points]
    C = [p[2] if len(p) > 2 else False for p in points]
    tin = [None] * n
    tout = [None] * n
    for i in range(n):
        p = P[i]
        prv = P[i - 1] if (closed or i > 0) else None
        nxt = P[(i + 1) % n] if (closed or i < n - 1) else None
        if C[i] or prv is None or nxt is None:
            if nxt is not None:
                d = _sub(nxt, p)
                tout[i] = (d[0] * TENSION, d[1] * TENSION)
            if prv is not None:
                d = _sub(p, prv)
                tin[i] = (d[0] * TENSION, d[1] * TENSION)
        else:
            u = _unit(_sub(nxt, prv))
            lo = _len(_sub(nxt, p)) * TENSION
            li = _len(_sub(p, prv)) * TENSION
            tout[i] = (u[0] * lo, u[1] * lo)
            tin[i] = (u[0] * li, u[1] * li)
    segs = []
    last = n if closed else n - 1
    for i in range(last):
        j = (i + 1) % n
        a, b = P[i], P[j]
        c1 = (a[0] + tout[i][0], a[1] + tout[i][1])
        c2 = (b[0] - tin[j][0], b[1] - tin[j][1])
        segs.append((a, c1, c2, b))
    return segs


def fmt(v):
    s = "%.1f" % v
    if s.endswith(".0"):
        s = s[:-2]
    if s == "-0":
        s = "0"
    return s


def seg_path(segs, closed):
    out = ["M %s %s" % (fmt(segs[0][0][0]), fmt(segs[0][0][1]))]
    for (_a, c1, c2, b) in segs:
        out.append("C %s %s %s %s %s %s" % tuple(fmt(v) for v in (c1[0], c1[1], c2[0], c2[1], b[0], b[1])))
    if closed:
        out.append("Z")
    return " ".join(out)


def closed_path(points):
    return seg_path(spline(points, True), True)


def open_path(points):
    return seg_path(spline(points, False), False)


def bez(seg, t):
    a, c1, c2, b = seg
    m = 1 - t
    return (
        m * m * m * a[0] + 3 * m * m * t * c1[0] + 3 * m * t * t * c2[0] + t * t * t * b[0],
        m * m * m * a[1] + 3 * m * m * t * c1[1] + 3 * m * t * t * c2[1] + t * t * t * b[1],
    )


def poly_area(pts):
    a = 0.0
    for i in range(len(pts)):
        x1, y1 = pts[i][0], pts[i][1]
        x2, y2 = pts[(i + 1) % len(pts)][0], pts[(i + 1) % len(pts)][1]
        a += x1 * y2 - x2 * y1
    return a / 2


def point_in_poly(pts, x, y):
    inside = False
    n = len(pts)
    for i in range(n):
        x1, y1 = pts[i][0], pts[i][1]
        x2, y2 = pts[(i + 1) % n][0], pts[(i + 1) % n][1]
        if (y1 > y) != (y2 > y):
            xi = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
            if xi > x:
                inside = not inside
    return inside


def parse_path(d):
    """Minimal parser for the paths we write (M L C Z absolute). Returns list of (points, closed)."""
    toks = d.replace(",", " ").split()
    subs = []
    cur = None
    i = 0
    pen = (0.0, 0.0)
    while i < len(toks):
        t = toks[i]
        if t == "M":
            if cur:
                subs.append((cur, False))
            pen = (float(toks[i + 1]), float(toks[i + 2]))
            cur = [pen]
            i += 3
        elif t == "L":
            pen = (float(toks[i + 1]), float(toks[i + 2]))
            cur.append(pen)
            i += 3
        elif t == "C":
            c1 = (float(toks[i + 1]), float(toks[i + 2]))
            c2 = (float(toks[i + 3]), float(toks[i + 4]))
            b = (float(toks[i + 5]), float(toks[i + 6]))
            a = pen
            for k in range(1, 9):
                p = bez((a, c1, c2, b), k / 8)
                cur.append(p)
            pen = b
            i += 7
        elif t == "Z":
            subs.append((cur, True))
            cur = None
            i += 1
        else:
            raise ValueError("unexpected token %r in %s" % (t, d[:60]))
    if cur:
        subs.append((cur, False))
    return subs


def _seg_intersect(p1, p2, p3, p4):
    def orient(a, b, c):
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])

    d1 = orient(p3, p4, p1)
    d2 = orient(p3, p4, p2)
    d3 = orient(p1, p2, p3)
    d4 = orient(p1, p2, p4)
    return ((d1 > 0) != (d2 > 0)) and ((d3 > 0) != (d4 > 0)) and d1 != 0 and d2 != 0 and d3 != 0 and d4 != 0


def self_intersections(pts, closed=True):
    n = len(pts)
    edges = [(pts[i], pts[(i + 1) % n]) for i in range(n if closed else n - 1)]
    bad = []
    m = len(edges)
    for i in range(m):
        xa0, xa1 = sorted((edges[i][0][0], edges[i][1][0]))
        for j in range(i + 2, m):
            if closed and i == 0 and j == m - 1:
                continue
            e = edges[j]
            if max(e[0][0], e[1][0]) < xa0 or min(e[0][0], e[1][0]) > xa1:
                continue
            if _seg_intersect(edges[i][0], edges[i][1], e[0], e[1]):
                bad.append(edges[i][0])
    return bad


def point_in(subs, x, y):
    inside = False
    for pts, _closed in subs:
        if point_in_poly(pts, x, y):
            inside = not inside
    return inside


def _dist_seg(p, a, b):
    ab = _sub(b, a)
    l2 = ab[0] ** 2 + ab[1] ** 2
    t = 0 if l2 == 0 else max(0, min(1, ((p[0] - a[0]) * ab[0] + (p[1] - a[1]) * ab[1]) / l2))
    q = (a[0] + ab[0] * t, a[1] + ab[1] * t)
    return _len(_sub(p, q))


def ron_string(text):
    """A RON string literal: the text in double quotes, with backslashes and quotes escaped."""
    return '"%s"' % text.replace("\\", "\\\\").replace('"', '\\"')


def view_ron(generator, view_id, title, order, orientation, size, mid, layers, regions, intro=()):
    """The RON text of a view. `layers` are (id, title, visible, opacity[, fades_under ids[, extras]]) where
    extras is a dict with optional "exclusive" (group name) and "with_selection" (bool); `regions` are dicts
    with id, layer, side, paint, path and optional structure, zone, mirror, attaches (bone region ids) and
    label (a short text drawn at the region's anchor). Regions are
    written layer by layer, in the order given. `intro` is the list of paragraphs shown while
    nothing is selected, written right after the orientation."""
    L = []
    L.append("// Generated by tools/artwork/%s - edit the generator, not this file." % generator)
    L.append("View(")
    L.append('    id: "%s",' % view_id)
    L.append('    title: "%s",' % title)
    L.append("    order: %d," % order)
    L.append('    orientation: "%s",' % orientation)
    if intro:
        L.append("    intro: [")
        for paragraph in intro:
            L.append("        %s," % ron_string(paragraph))
        L.append("    ],")
    L.append("    canvas: (width: %.1f, height: %.1f)," % size)
    L.append("    midline_x: %.1f," % mid)
    L.append("    layers: [")
    for (lid, ltitle, vis, op, *rest) in layers:
        fades = ""
        if rest and rest[0]:
            fades = ", fades_under: [%s]" % ", ".join('"%s"' % f for f in rest[0])
        extras = rest[1] if len(rest) > 1 else {}
        if extras.get("exclusive"):
            fades += ', exclusive: Some("%s")' % extras["exclusive"]
        if extras.get("with_selection"):
            fades += ", with_selection: true"
        L.append('        Layer(id: "%s", title: "%s", visible: %s, opacity: %s%s),' % (lid, ltitle, "true" if vis else "false", op, fades))
    L.append("    ],")
    L.append("    regions: [")
    for lid, *_ in layers:
        for r in regions:
            if r["layer"] != lid:
                continue
            parts = ['id: "%s"' % r["id"], 'layer: "%s"' % r["layer"], "side: %s" % r["side"]]
            if r.get("structure"):
                parts.append('structure: Some("%s")' % r["structure"])
            if r.get("zone"):
                parts.append('zone: Some("%s")' % r["zone"])
            parts.append("paint: %s" % r["paint"])
            L.append("        Region(")
            L.append("            " + ", ".join(parts) + ",")
            L.append('            path: "%s",' % r["path"])
            if r.get("mirror"):
                L.append('            mirror: Some("%s"),' % r["mirror"])
            if r.get("attaches"):
                L.append("            attaches: [%s]," % ", ".join('"%s"' % a for a in r["attaches"]))
            if r.get("label"):
                L.append("            label: Some(%s)," % ron_string(r["label"]))
            L.append("        ),")
    L.append("    ],")
    L.append(")")
    return "\n".join(L) + "\n"
