#!/usr/bin/env bash
# The gas report: builds the artifacts (ours and the reference cw20-base / cw721-base), runs every
# real-wasm test in one cargo run, and prints gas per operation, each path at 10 and 10,000 users,
# ours against the references, and the artifact sizes. Writes the same to docs/gas-report.md.
#   scripts/gas-report.sh            build if needed, measure, print, write docs/gas-report.md
#   BTT_SKIP_WASM_BUILD=1 scripts/gas-report.sh   measure the artifacts as they are
. "$(dirname "$0")/env.sh"
cd "$ROOT"
[ "${BTT_SKIP_WASM_BUILD:-}" = 1 ] || scripts/build-wasm.sh >/dev/null
tests=()
for f in integration-tests/tests/wasm_*.rs; do tests+=(--test "$(basename "$f" .rs)"); done
raw="$(mktemp)"
log "running the real-wasm tests ($(( ${#tests[@]} / 2 )) files, with 10,000-user states: a few minutes)"
cargo test -p btt-integration-tests "${tests[@]}" -- --show-output --test-threads=1 >"$raw" 2>&1 || {
  tail -40 "$raw" >&2; echo "a real-wasm test failed: no report" >&2; exit 1; }

# One pass over the output: rows of three tables, each tagged with its test file.
ops="$(mktemp)"; scale="$(mktemp)"; trap 'rm -f "$raw" "$ops" "$scale"' EXIT
current=""
while IFS= read -r line; do
  case "$line" in
    *"Running tests/wasm_"*)
      current="$(echo "$line" | sed -E 's/.*Running tests\/(wasm_[a-z_]+)\.rs.*/\1/')" ;;
    "gas with "*) ;;
    "gas "*)
      row="$(echo "$line" | sed -nE 's/^gas (.+[^ ]) +([0-9]+)  \((.*)\)$/\1 | \2 | \3/p')"
      [ -n "$row" ] || row="$(echo "$line" | sed -nE 's/^gas (.+[^ ]) +([0-9]+)$/\1 | \2 | /p')"
      [ -n "$row" ] && echo "| $current | $row |" >>"$ops" ;;
    *" → "*" gas ("*)
      row="$(echo "$line" | sed -nE 's/^([a-z][a-z ]*): ([0-9.]+) → ([0-9.]+) gas \(([-+0-9.]+%)\)$/\1 | \2 | \3 | \4/p')"
      [ -n "$row" ] && echo "| $current | $row |" >>"$scale" ;;
  esac
done <"$raw"

out=docs/gas-report.md
mkdir -p docs
{
  echo "# Gas report"
  echo
  echo "Written by \`scripts/gas-report.sh\`: CosmWasm VM gas (cosmwasm-vm 2.3.5, wasmer, mock storage) of the"
  echo "optimized artifacts in \`artifacts/\` (\`wasm-opt -Os\`), every figure from one run. VM gas counts"
  echo "wasm operations and host calls; compare the figures with each other rather than converting them"
  echo "to SDK gas (wasmd divides by 140,000 and adds its own storage costs)."
  echo
  echo "## Against the field's reference contracts"
  echo
  echo "cw20-base 2.0 and cw721-base 0.22, unchanged, built by the same script with the same flags."
  echo
  echo "| comparison | ours | reference | change |"
  echo "|---|---:|---:|---:|"
  sed -nE 's/^(BTT transfer|RWA NFT transfer) ([0-9]+) vs (cw20-base transfer|cw721-base transfer) ([0-9]+) VM gas \(([-+0-9.]+%)\)$/| \1 vs \3 | \2 | \4 | \5 |/p' "$raw"
  echo
  echo "## Each path with 10 and with 10,000 users already on the contracts"
  echo
  echo "| test | path | 10 users | 10,000 users | change |"
  echo "|---|---|---:|---:|---:|"
  cat "$scale"
  echo
  echo "## Gas per operation"
  echo
  echo "A transaction's total is the sum of the contract calls it makes (listed)."
  echo
  echo "| test | operation | VM gas | calls |"
  echo "|---|---|---:|---|"
  cat "$ops"
  echo
  echo "## Artifact sizes"
  echo
  echo "| artifact | bytes |"
  echo "|---|---:|"
  for f in artifacts/*.wasm artifacts/reference/*.wasm; do
    echo "| \`${f#artifacts/}\` | $(stat -c %s "$f") |"
  done
} >"$out"
cat "$out"
log "wrote $out"
