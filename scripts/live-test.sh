#!/usr/bin/env bash
# The live tests: a fresh local wasmd chain (scripts/localnet.sh), the suite deployed to it by the
# broadcast routine, and one signed path through every contract
# (packages/btt-economy/tests/live), then the dApp's live browser tests (app/e2e-live) signing real
# transactions through the Keplr interface. The node is stopped by its pid when the run ends, failed or not.
# It resets the local chain first (a running one is stopped and its home removed).
# The first run builds wasmd (about 5 minutes, cached in $BTT_CACHE).
. "$(dirname "$0")/env.sh"
cd "$ROOT"
[ -f artifacts/checksums.txt ] || scripts/build-wasm.sh
daemon_env
scripts/localnet.sh build
# Compile before the chain starts, so that its clock is not spent waiting for rustc.
cargo test --quiet -p btt-economy --features daemon --test live --no-run
trap 'scripts/localnet.sh stop' EXIT
scripts/localnet.sh reset
scripts/localnet.sh start
started=$(date +%s)
cargo test --quiet -p btt-economy --features daemon --test live
log "the dApp on the chain: real signatures from the browser"
scripts/app.sh live
log "live tests took $(( $(date +%s) - started )) s (out/live-gas.json has every transaction's gas)"
