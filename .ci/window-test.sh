#!/usr/bin/env bash
# The real window, as a user meets it: the release app under Xvfb, a click on a region at
# screen coordinates computed from the content and the window (so the test moves with the
# artwork), the selection checked through the app's --status-file, an idle window that draws
# nothing, a screenshot after a scripted selection, then a close request as a window manager
# sends it (WM_DELETE_WINDOW) and a clean exit with the saved window file intact; then a
# consultation: a marker placed with a key and a click, saved to the client records on close.
#
# Usage: .ci/window-test.sh [BINARY]   (default target/release/bodywork-atlas)
# Needs: Xvfb, xdotool, python3 (the close request goes through libX11 with ctypes).
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${1:-target/release/bodywork-atlas}
WORK=$(mktemp -d)
DISPLAY_NUMBER=${WINDOW_TEST_DISPLAY:-97}
export DISPLAY=":$DISPLAY_NUMBER"
# A home of its own: no user packs, saved files in the scratch folder.
export XDG_DATA_HOME="$WORK/data" XDG_CONFIG_HOME="$WORK/config"
STATUS="$WORK/status.json"
xvfb_pid=""
app_pid=""

cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

fail() {
  echo "window test FAILED: $*" >&2
  [ -f "$WORK/app.log" ] && sed 's/^/  app: /' "$WORK/app.log" >&2
  exit 1
}

# A field of the status file (empty when the file or the field is not there yet).
status() {
  python3 - "$STATUS" "$1" <<'EOF' 2>/dev/null || true
import json, sys
value = json.load(open(sys.argv[1])).get(sys.argv[2])
print("" if value is None else json.dumps(value) if isinstance(value, list) else value)
EOF
}

# Waits up to $2 seconds for the shell condition $1.
wait_for() {
  local deadline=$((SECONDS + $2))
  until eval "$1"; do
    [ "$SECONDS" -ge "$deadline" ] && return 1
    sleep 0.2
  done
}

# Screen pixels of diagram point ($2, $3) in window $1: diagram units -> window points (the
# status file's transform) -> screen pixels (the window's position).
screen_of() {
  local X Y WIDTH HEIGHT SCREEN WINDOW
  eval "$(xdotool getwindowgeometry --shell "$1")" # sets X, Y, WIDTH, HEIGHT, SCREEN, WINDOW
  python3 - "$STATUS" "$2" "$3" "$X" "$Y" <<'EOF'
import json, sys
s = json.load(open(sys.argv[1]))
cx, cy, wx, wy = map(float, sys.argv[2:6])
ppp = s["pixels_per_point"]
print(round(wx + (cx * s["scale"] + s["translation"][0]) * ppp),
      round(wy + (cy * s["scale"] + s["translation"][1]) * ppp))
EOF
}

# Sends the app's window a close request as a window manager does, and checks that the app ($1
# in messages) exits with 0 and without a panic.
close_cleanly() {
  python3 tools/ci/close_window.py "$window" || fail "could not send the close request to $1"
  wait_for '! kill -0 "$app_pid" 2>/dev/null' 20 || fail "$1 did not exit after the close request"
  local code=0
  wait "$app_pid" || code=$?
  app_pid=""
  [ "$code" = 0 ] || fail "$1 exited with $code"
  if grep -q panicked "$WORK/app.log"; then fail "$1 panicked"; fi
}

Xvfb "$DISPLAY" -screen 0 1600x1000x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
xvfb_pid=$!
wait_for "xdpyinfo >/dev/null 2>&1 || xdotool getdisplaygeometry >/dev/null 2>&1" 20 ||
  fail "Xvfb did not start"

"$BIN" --status-file "$STATUS" >"$WORK/app.log" 2>&1 &
app_pid=$!
wait_for '[ "$(status frames)" != "" ] && [ "$(status frames)" -ge 3 ]' 60 ||
  fail "the window did not draw its first frames"
window=$(xdotool search --sync --pid "$app_pid" --name "Bodywork Atlas" | tail -1)
[ -n "$window" ] || fail "no window"
view=$(status view)
echo "window $window shows view $view"

# A region to click: on the view shown, on a layer shown at start, whose own centroid hits it
# (the app's hit-test with the default layers, through `hit`), the largest such region.
"$BIN" list --json >"$WORK/list.json"
target=$(python3 - "$WORK/list.json" "$view" "$BIN" <<'EOF'
import json, subprocess, sys
content = json.load(open(sys.argv[1]))
view = next(v for v in content["views"] if v["id"] == sys.argv[2])
shown = {l["id"] for l in view["layers"] if l.get("visible", True)}
candidates = sorted(
    (r for r in view["regions"] if r["layer"] in shown and (r["structure"] or r["zone"])),
    key=lambda r: -r["area"],
)
for r in candidates:
    x, y = r["centroid"]
    hit = subprocess.run([sys.argv[3], "hit", view["id"], str(x), str(y)],
                         capture_output=True, text=True).stdout.strip()
    if hit == r["id"]:
        print(r["id"], x, y)
        break
EOF
)
[ -n "$target" ] || fail "no region of view $view can be clicked at its centroid"
read -r region cx cy <<<"$target"

read -r sx sy < <(screen_of "$window" "$cx" "$cy")
echo "clicking $region at diagram ($cx, $cy) = screen ($sx, $sy)"
xdotool mousemove --sync "$sx" "$sy"
sleep 0.5
xdotool click 1
wait_for '[ "$(status selected)" = "$region" ]' 15 ||
  fail "clicking at ($sx, $sy) did not select $region (selected: $(status selected))"
kill -0 "$app_pid" 2>/dev/null || fail "the app died"
echo "selected $region"

# Idle: once the pointer is gone and the selection has settled, nothing is drawn.
xdotool mousemove 0 0
sleep 2
before=$(status frames)
cpu_before=$(awk '{print $14 + $15}' "/proc/$app_pid/stat")
sleep 3
after=$(status frames)
cpu_after=$(awk '{print $14 + $15}' "/proc/$app_pid/stat")
echo "idle for 3 s: $((after - before)) frames, $((cpu_after - cpu_before)) CPU ticks"
[ "$after" = "$before" ] || fail "the idle window drew $((after - before)) frames in 3 s"

# Close as a window manager does, and a clean exit.
close_cleanly "the app"
python3 - "$XDG_DATA_HOME/bodywork-atlas/app.ron" <<'EOF' || fail "the saved window file is not intact"
import re, sys
text = open(sys.argv[1]).read()
assert '"window"' in text and "inner_size_points" in text, text[:200]
EOF
echo "closed cleanly; the window file is saved"

# A screenshot after a scripted selection, and one of content that does not load.
"$BIN" --screenshot "$WORK/selected.png" --select "$region" >"$WORK/app.log" 2>&1 ||
  fail "--screenshot --select $region failed"
python3 - "$WORK/selected.png" <<'EOF' || fail "the screenshot is not a PNG of the window"
import struct, sys
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
w, h = struct.unpack(">II", data[16:24])
assert (w, h) == (1600, 1000), (w, h)
EOF
mkdir -p "$WORK/broken/structures"
echo "[ Structure(" >"$WORK/broken/structures/cut.ron"
code=0
"$BIN" --data "$WORK/broken" --screenshot "$WORK/broken.png" >"$WORK/app.log" 2>&1 || code=$?
[ "$code" = 1 ] || fail "--screenshot with broken content exited with $code, not 1"
grep -q "cut.ron:1:" "$WORK/app.log" || fail "--screenshot with broken content did not name the problem"
echo "screenshots: selection saved; broken content named and exit 1"

# A consultation, as a therapist runs one: the example session opened in consultation mode, the
# Mark pain tool picked with its key, a marker placed with a click on the region found above,
# then a close request: the session must be in the client records with the new marker.
"$BIN" --status-file "$STATUS" --consult examples/session.ron >"$WORK/app.log" 2>&1 &
app_pid=$!
wait_for '[ "$(status markers)" = 2 ]' 60 || fail "the consultation did not open with the example's 2 markers"
window=$(xdotool search --sync --pid "$app_pid" --name "Bodywork Atlas" | tail -1)
[ -n "$window" ] || fail "no consultation window"
# Full screen and the first layout move the diagram: wait until it stays where it is.
placed=""
wait_for 'now="$(status scale) $(status translation)"; [ "$now" = "$placed" ] || { placed=$now; sleep 1; false; }' 20 ||
  fail "the consultation's diagram did not settle"
[ "$(status view)" = "$view" ] || fail "the consultation shows $(status view), not $view"
read -r sx sy < <(screen_of "$window" "$cx" "$cy")
xdotool mousemove --sync "$sx" "$sy"
sleep 0.5
xdotool key 2
sleep 0.5
xdotool click 1
wait_for '[ "$(status markers)" = 3 ]' 15 ||
  fail "pressing 2 and clicking at ($sx, $sy) did not place a marker (markers: $(status markers))"
echo "consultation: a third marker placed on $region"
close_cleanly "the consultation"
python3 - "$XDG_DATA_HOME/bodywork-atlas/client-records.sqlite" "$region" examples/session.ron <<'EOF' ||
import os, re, sqlite3, stat, sys
path, region, example = sys.argv[1:4]
assert stat.S_IMODE(os.stat(path).st_mode) == 0o600, oct(os.stat(path).st_mode)
db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
rows = db.execute(
    "SELECT c.name, s.data FROM sessions s JOIN clients c ON c.id = s.client_id").fetchall()
assert len(rows) == 1, rows
name, data = rows[0]
assert name == "J. D.", name
assert len(re.findall(r"Marker\(", data)) == 3, data
on_region = f'region: Some("{region}")'
assert data.count(on_region) == open(example).read().count(on_region) + 1, data
EOF
  fail "the client records do not hold the consultation with its new marker"
echo "consultation saved on close: 3 markers in the client records (0600)"
echo "window test passed"
