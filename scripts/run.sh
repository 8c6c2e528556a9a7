#!/usr/bin/env bash
# The main job: deploys the BTT suite on an embedded cw-multi-test chain and runs the economy.
# Arguments go to btt-economy (e.g. `--json out/vesting.json`).
. "$(dirname "$0")/env.sh"
cd "$ROOT"
exec cargo run --quiet -p btt-economy --bin btt-economy -- "$@"
