#!/usr/bin/env bash
# The main job: deploys the BTT suite on an embedded cw-multi-test chain and runs the living
# economy (48 months by default), writing out/report.json and out/report.html.
# Arguments go to btt-economy (e.g. `--months 96 --seed 7 --scale 10`; `--help` lists them).
. "$(dirname "$0")/env.sh"
cd "$ROOT"
exec cargo run --quiet -p btt-economy --bin btt-economy -- "$@"
