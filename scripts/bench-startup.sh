#!/usr/bin/env bash
# Start-up against the stack's floor: under Xvfb, `bodywork-atlas --screenshot` and a bare
# eframe window built the same way (examples/bare_window.rs: same native options, renderer,
# window size, allocator, screenshot job and PNG writer) are each run RUNS times, alternating;
# prints the median wall time and peak RSS of each and their ratio (targets: <= 1.15x both).
#
# Usage: scripts/bench-startup.sh [RUNS]   (default 5; release builds, made first if needed)
# Needs: Xvfb (or DISPLAY set to a running X server), GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}

cargo build --release --quiet --bin bodywork-atlas --example bare_window
APP=target/release/bodywork-atlas
BARE=target/release/examples/bare_window

WORK=$(mktemp -d)
xvfb_pid=""
cleanup() {
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
if [ -z "${DISPLAY:-}" ]; then
  export DISPLAY=:${BENCH_DISPLAY:-98}
  Xvfb "$DISPLAY" -screen 0 1600x1000x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
  xvfb_pid=$!
  sleep 2
fi
# No user packs or saved state: the built-in content only, as a first start.
export XDG_DATA_HOME="$WORK/data" XDG_CONFIG_HOME="$WORK/config"

# One run: "seconds kilobytes".
measure() {
  /usr/bin/time -f "%e %M" -o "$WORK/time" "$@" >/dev/null 2>"$WORK/err" ||
    { echo "failed: $* ($(cat "$WORK/err"))" >&2; exit 1; }
  tail -1 "$WORK/time"
}

: >"$WORK/app"
: >"$WORK/bare"
"$APP" --screenshot "$WORK/warm.png" >/dev/null 2>&1 || true # warm the file cache once
for i in $(seq "$RUNS"); do
  measure "$BARE" "$WORK/bare.png" >>"$WORK/bare"
  measure "$APP" --screenshot "$WORK/app.png" >>"$WORK/app"
done

python3 - "$WORK/app" "$WORK/bare" <<'PY'
import statistics, sys
def load(path):
    rows = [tuple(map(float, line.split())) for line in open(path) if line.strip()]
    return [r[0] for r in rows], [r[1] / 1024 for r in rows]
app_t, app_m = load(sys.argv[1])
bare_t, bare_m = load(sys.argv[2])
med = statistics.median
print(f"runs: {len(app_t)} each, alternating")
print(f"wall time  app {med(app_t):.3f} s   bare {med(bare_t):.3f} s   ratio {med(app_t) / med(bare_t):.2f}x"
      f"   (app runs: {', '.join(f'{t:.2f}' for t in app_t)}; bare: {', '.join(f'{t:.2f}' for t in bare_t)})")
print(f"peak RSS   app {med(app_m):.1f} MB  bare {med(bare_m):.1f} MB  ratio {med(app_m) / med(bare_m):.2f}x")
PY
