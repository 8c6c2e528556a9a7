#!/usr/bin/env bash
# Every test: format and lints, the wasm build into artifacts/ with its checks, schema drift,
# then unit, multi-test and real-wasm tests, the main job and its report in Chromium, a bounded
# run of the fuzzer, and the live tests on a local wasmd node (built from the
# Go module proxy the first time). Installs what it needs the first time.
. "$(dirname "$0")/env.sh"
cd "$ROOT"
start=$SECONDS
step() { log "[$((SECONDS - start))s] $*"; }

step "setup"
scripts/setup.sh
step "cargo fmt --check"
cargo fmt --all -- --check
step "cargo clippy"
cargo clippy --workspace --all-targets --quiet -- -D warnings
step "wasm build"
scripts/build-wasm.sh
step "cosmwasm-check"
scripts/check-wasm.sh
step "schema drift"
scripts/schema.sh --check
step "the dApp: codegen drift, build, unit and browser tests"
results="$(mktemp)"; app="$(mktemp)"; trap 'rm -f "$results" "$app"' EXIT
scripts/app.sh test 2>&1 | tee "$app"
step "cargo test (unit, multi-test, real wasm, the dApp's captured messages replayed)"
cargo test --workspace -- --show-output 2>&1 | tee "$results"
step "the main job: the living economy on the embedded chain, and its HTML report in Chromium"
main="$(mktemp -d)"; trap 'rm -rf "$results" "$app" "$main"' EXIT
scripts/run.sh --manifest "$main/manifest.json" 2>&1 | sed -n "/The living economy/,\$p"
BTT_REPORT="$main/report.html" scripts/app.sh report 2>&1 | tee -a "$app"
step "the fuzzer: 400 random sequences and every regression seed (scripts/fuzz.sh)"
mkdir -p out
FUZZ_REPORT=out/fuzz-ci.md scripts/fuzz.sh 400 --jobs 2 --seed "$(date +%s)"
step "the network route: btt-deploy and btt-economy with cw-orch's Daemon (feature daemon)"
cargo clippy -p btt-deploy -p btt-economy --features daemon --all-targets --quiet -- -D warnings
cargo test -p btt-deploy --features daemon --lib daemon 2>&1 | tee -a "$results"
step "the live tests: a fresh local wasmd chain, the broadcast deployment, a path through every contract"
live="$(mktemp)"; trap 'rm -rf "$results" "$app" "$main" "$live"' EXIT
scripts/live-test.sh 2>&1 | tee "$live"
live_passed=$(grep -oE '^live test result: ok\. [0-9]+ passed' "$live" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+')
[ -n "$live_passed" ] || { echo "the live tests printed no result" >&2; exit 1; }
live_app=$(sed 's/\x1b\[[0-9;]*m//g' "$live" | grep -oE '^ +[0-9]+ passed \(' | grep -oE '[0-9]+' | awk '{s+=$1} END {print s+0}')
passed=$(grep -oE '^test result: .* ([0-9]+) passed' "$results" | grep -oE '[0-9]+ passed' | awk '{s+=$1} END {print s+0}')
failed=$(grep -oE '[0-9]+ failed;' "$results" | awk '{s+=$1} END {print s+0}')
# Vitest ("Tests  14 passed") and Playwright ("21 passed (25.1s)"), colours stripped.
app_passed=$(sed 's/\x1b\[[0-9;]*m//g' "$app" | grep -oE '(Tests +[0-9]+ passed|^ +[0-9]+ passed \()' | grep -oE '[0-9]+' | awk '{s+=$1} END {print s+0}')
step "all green"
echo "tests: $passed passed, $failed failed (Rust); $app_passed passed (dApp unit and browser); $live_passed passed (live Rust, on wasmd) and $live_app (live dApp, on wasmd)"
