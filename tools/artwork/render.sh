#!/bin/sh
# Regenerate the views and render the preview SVGs to PNG (needs rsvg-convert).
set -e
cd "$(dirname "$0")/../.."
python3 tools/artwork/gen_views.py "$@" || true
for f in /tmp/artwork/*.svg; do rsvg-convert -o "${f%.svg}.png" "$f"; done
