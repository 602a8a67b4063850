#!/usr/bin/env bash
# Runs one fuzz target for a given time: scripts/fuzz.sh TARGET SECONDS
#   TARGET: content_ron (the content loader on RON text), path_data (the path-data parser and
#   the geometry built from it), artwork_svg (the SVG artwork parser) or session_file (the
#   session-file reader).
#   Seeds the corpus from the shipped content and the hostile corpus first. One job, one worker
#   (the machine is shared). Crashes land in fuzz/artifacts/TARGET/: add each as a regression
#   test (tests/fuzz_regressions.rs).
# Needs: a nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`).
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: scripts/fuzz.sh content_ron|path_data|artwork_svg|session_file SECONDS}
seconds=${2:?usage: scripts/fuzz.sh TARGET SECONDS}
corpus=fuzz/corpus/$target
mkdir -p "$corpus"

python3 - "$target" "$corpus" <<'PY'
import glob, hashlib, os, re, sys
target, corpus = sys.argv[1], sys.argv[2]
# The first byte of a content_ron input picks the file it becomes (see the target).
kinds = ["views/", "view_additions/", "structures/", "zones/", "sources.ron", "safety.ron", "pack.ron"]
def seed(data):
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(corpus, "seed-" + name), "wb") as f:
        f.write(data)
files = glob.glob("data/**/*.ron", recursive=True) + glob.glob("tests/hostile/**/*.ron", recursive=True)
for path in files:
    data = open(path, "rb").read()
    if target == "content_ron":
        pick = next((i for i, k in enumerate(kinds) if k in path), 2)
        # Large files slow every run: the fuzzer cuts inputs to -max_len anyway.
        seed(bytes([pick]) + data[:64 * 1024])
    elif target == "path_data":
        for d in re.findall(rb'path: "([^"]*)"', data):
            seed(d[:4096])
if target == "session_file":
    for path in glob.glob("examples/*.ron") + glob.glob("tests/**/*session*.ron", recursive=True):
        seed(open(path, "rb").read()[:64 * 1024])
if target == "artwork_svg":
    for path in glob.glob("data/**/*.svg", recursive=True) + glob.glob("tests/**/*.svg", recursive=True):
        seed(open(path, "rb").read()[:64 * 1024])
PY
echo "corpus $corpus: $(ls "$corpus" | wc -l) inputs; fuzzing $target for $seconds s"
cargo +nightly fuzz run --fuzz-dir fuzz "$target" "$corpus" -- \
  -max_total_time="$seconds" -jobs=1 -workers=1 -timeout=20 -rss_limit_mb=3072 -max_len=65536 \
  -print_final_stats=1
