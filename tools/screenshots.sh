#!/usr/bin/env bash
# Screenshots of every view for the README: all layers on, and the deep layers alone (every
# layer except the superficial and abdominal muscles; the skin outline stays), at 1600x1000, into assets/screens/.
# Needs a display (e.g. `Xvfb :99 -screen 0 1600x1000x24 & DISPLAY=:99 bash tools/screenshots.sh`).
# BIN defaults to the release build.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-target/release/bodywork-atlas}
OUT=assets/screens
mkdir -p "$OUT"
"$BIN" list --json | python3 -c '
import json, sys
shallow = {"superficial", "abdominal_wall", "abdominal"}
for v in json.load(sys.stdin)["views"]:
    layers = v["layers"]
    # of an exclusive group, only the first layer (the usual course) is shown
    # the maps of the skin (dermatomes) would veil the anatomy: they are left out
    seen, every = set(), []
    for l in layers:
        if l["id"] == "dermatomes":
            continue
        group = l.get("exclusive")
        if group and (group in seen or not l["visible"]):
            continue
        if group:
            seen.add(group)
        every.append(l["id"])
    deep = [l for l in every if l not in shallow and not l.startswith("ant_superficial")]
    print(v["id"], ",".join(every), ",".join(deep))
' | while read -r view every deep; do
    "$BIN" --view "$view" --layers "$every" --size 1600x1000 --screenshot "$OUT/$view-all.png"
    if [ "$deep" != "$every" ]; then
        "$BIN" --view "$view" --layers "$deep" --size 1600x1000 --screenshot "$OUT/$view-deep.png"
    fi
    echo "$view"
done
