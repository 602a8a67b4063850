"""Path helpers shared by the artwork generators: Catmull-Rom splines to cubic Beziers, SVG
path text, the polygon helpers the foot generator clips its zones with, and the writer of the
shipped files (each view's SVG artwork and its RON sidecar). Checks of the drawing are not here:
they are in the app (`check`) and its tests. Python 3 standard library only."""

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


def ron_string(text):
    """A RON string literal: the text in double quotes, with backslashes and quotes escaped."""
    return '"%s"' % text.replace("\\", "\\\\").replace('"', '\\"')


# ----------------------------------------------------------------------------- the shipped files

# How each paint is drawn in the artwork: (fill, stroke, stroke width, shading gradient id or None).
# The same colours as the app's light palette, so a view looks the same drawn from its SVG.
HUES = {
    "Rose": "#f4b6c2", "Peach": "#f8c8a0", "Sand": "#eedca8", "Lemon": "#f6ec8c",
    "Mint": "#b8e4c0", "Teal": "#9cd8d4", "Sky": "#aaccf0", "Lilac": "#ccbaec",
}
PAINTS = {
    "Skin": ("#f4dcc6", "#8a6650", 1.6, None),
    "SkinLine": (None, "#b08870", 1.0, None),
    "Muscle": ("#c8584e", "#6e221e", 1.1, "shade-muscle"),
    "DeepMuscle": ("#a53c3c", "#551416", 1.1, "shade-deep"),
    "Tendon": ("#eadfcc", "#8e7c66", 1.0, "shade-tendon"),
    "Nerve": ("#f5c81e", "#806200", 1.1, "shade-nerve"),
    "Bone": ("#f1ead6", "#8f8570", 1.1, "shade-bone"),
    "Guide": (None, "#1c5cb0", 1.9, None),
    "Fibre": (None, "#7a2c26", 0.7, None),
    "Ligament": ("#d6dce4", "#6a7484", 1.0, None),
    "Referral": ("#e03030", "#b02020", 1.0, None),
    "TriggerPoint": ("#8c1018", "#400008", 1.0, None),
    # decoration only (never a region's paint in a sidecar): lines on bones and ligaments, and
    # the pale cut edge of a muscle opened to show what lies beneath
    "BoneLine": (None, "#a89b7e", 0.8, None),
    "LigamentLine": (None, "#9aa4b2", 0.7, None),
    "MuscleCut": ("#e7a497", "#7a2c26", 0.8, None),
    "MuscleShadow": ("#6e2222", "#6e2222", 0.4, None),
    "BoneShadow": ("#e6dbc0", "#b8ab8c", 0.6, None),
}
# Shading: lighter on the belly, the paint's own colour toward the edges (objectBoundingBox, so one
# gradient serves every shape of a paint).
SHADES = {
    "shade-muscle": ("#dc7a6e", "#c8584e", "#a8443c"),
    "shade-deep": ("#bf5a56", "#a53c3c", "#862e2e"),
    "shade-tendon": ("#f6efe2", "#eadfcc", "#dccfb6"),
    "shade-nerve": ("#fbe07a", "#f5c81e", "#dcae10"),
    "shade-bone": ("#fbf7ec", "#f1ead6", "#e0d6bc"),
}


def paint_attrs(paint, layer_id):
    """SVG presentation attributes for a paint (a string like 'Zone(Mint)' or 'Muscle')."""
    dash = ""
    if paint.startswith("Zone("):
        fill, stroke, width, shade = HUES[paint[5:-1]], "#6a6070", 0.9, None
    elif paint.startswith("Dermatome("):
        fill, stroke, width, shade = HUES[paint[10:-1]], "#5a5060", 0.9, None
    else:
        fill, stroke, width, shade = PAINTS[paint]
    attrs = []
    if fill is None:
        attrs.append('fill="none"')
    elif shade:
        attrs.append('fill="url(#%s)"' % shade)
    else:
        attrs.append('fill="%s"' % fill)
        if paint == "Referral":
            attrs.append('fill-opacity="0.44"')
        elif paint.startswith("Dermatome("):
            attrs.append('fill-opacity="0.63"')
        attrs.append('fill-rule="evenodd"')
    if shade:
        attrs.append('fill-rule="evenodd"')
    attrs.append('stroke="%s" stroke-width="%s"' % (stroke, fmt(width)))
    if fill is None:
        attrs.append('stroke-linecap="round"')
    else:
        attrs.append('stroke-linejoin="round"')
    if paint == "Guide" or (fill is None and layer_id == "longitudinal"):
        dash = ' stroke-dasharray="7 4"'
    return " ".join(attrs) + dash


def xml_text(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def view_svg(generator, view_id, size, mid, layers, regions):
    """The artwork of a view: one Inkscape layer (top-level group) per layer, each region a path
    with its id, mirrored copies as <use> elements."""
    W, H = size
    L = []
    L.append('<?xml version="1.0" encoding="UTF-8"?>')
    L.append("<!-- Generated by tools/artwork/%s - edit the generator (or edit this file in Inkscape and" % generator)
    L.append("     stop generating it). Top-level groups are the layers of views/%s.ron; element ids are" % view_id)
    L.append("     its regions. -->")
    L.append('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"')
    L.append('     xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"')
    L.append('     width="%s" height="%s" viewBox="0 0 %s %s">' % (fmt(W), fmt(H), fmt(W), fmt(H)))
    used = sorted({PAINTS[r["paint"]][3] for r in regions if r["paint"] in PAINTS and PAINTS[r["paint"]][3]})
    if used:
        L.append("  <defs>")
        for shade in used:
            light, base, dark = SHADES[shade]
            L.append('    <radialGradient id="%s" cx="0.5" cy="0.5" r="0.62">' % shade)
            L.append('      <stop offset="0" stop-color="%s"/>' % light)
            L.append('      <stop offset="0.6" stop-color="%s"/>' % base)
            L.append('      <stop offset="1" stop-color="%s"/>' % dark)
            L.append("    </radialGradient>")
        L.append("  </defs>")
    mirror = 'transform="matrix(-1 0 0 1 %s 0)"' % fmt(2 * mid)
    for (lid, ltitle, *_rest) in layers:
        L.append('  <g id="%s" inkscape:groupmode="layer" inkscape:label="%s">' % (lid, xml_text(ltitle)))
        for r in regions:
            if r["layer"] != lid:
                continue
            L.append('    <path id="%s" %s d="%s"/>' % (r["id"], paint_attrs(r["paint"], lid), r["path"]))
            if r.get("mirror"):
                L.append('    <use id="%s" xlink:href="#%s" %s/>' % (r["mirror"], r["id"], mirror))
        L.append("  </g>")
    L.append("</svg>")
    return "\n".join(L) + "\n"


def view_sidecar(generator, view_id, title, order, orientation, mid, layers, regions, intro=()):
    """The RON text of a view whose artwork is views/<id>.svg: layers, and what each clickable
    region shows (structure or zone, side, paint, mirror, bone attachments). Decoration is only in
    the SVG."""
    L = []
    L.append("// Generated by tools/artwork/%s - edit the generator, not this file." % generator)
    L.append("// The drawing is in %s.svg; this file says what its shapes show." % view_id)
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
    L.append('    artwork: "%s.svg",' % view_id)
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
            if r["layer"] != lid or not (r.get("structure") or r.get("zone") or r.get("label")):
                continue
            parts = ['id: "%s"' % r["id"], "side: %s" % r["side"]]
            if r.get("structure"):
                parts.append('structure: Some("%s")' % r["structure"])
            if r.get("zone"):
                parts.append('zone: Some("%s")' % r["zone"])
            parts.append("paint: %s" % r["paint"])
            if r.get("mirror"):
                parts.append('mirror: Some("%s")' % r["mirror"])
            line = "        Region(" + ", ".join(parts)
            if r.get("attaches"):
                line += ",\n            attaches: [%s]" % ", ".join('"%s"' % a for a in r["attaches"])
            if r.get("label"):
                line += ", label: Some(%s)" % ron_string(r["label"])
            L.append(line + "),")
    L.append("    ],")
    L.append(")")
    return "\n".join(L) + "\n"


def write_view(root, generator, view_id, title, order, orientation, size, mid, layers, regions, intro=()):
    """Writes data/views/<id>.svg (the artwork) and data/views/<id>.ron (its sidecar)."""
    import os
    folder = os.path.join(root, "data", "views")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, view_id + ".svg"), "w") as fh:
        fh.write(view_svg(generator, view_id, size, mid, layers, regions))
    with open(os.path.join(folder, view_id + ".ron"), "w") as fh:
        fh.write(view_sidecar(generator, view_id, title, order, orientation, mid, layers, regions, intro))
