#!/usr/bin/env bash
# The gas report: builds the artifacts (ours and the reference cw20-base / cw721-base), runs every
# real-wasm test in one cargo run, and prints gas per operation, each path at 10 and 10,000 users,
# ours against the references, and the artifact sizes. Writes the same to docs/gas-report.md.
#   scripts/gas-report.sh            build if needed, measure, print, write docs/gas-report.md
#   BTT_SKIP_WASM_BUILD=1 scripts/gas-report.sh   measure the artifacts as they are
#   BTT_ARTIFACTS_DIR=DIR            measure the artifacts in DIR instead of artifacts/
#   BTT_GAS_REPORT_OUT=FILE          write FILE instead of docs/gas-report.md
#   BTT_GAS_ALLOW_FAIL=1             measure even when a real-wasm test fails (another profile's
#                                    artifacts may break a gas bound); the report says so
#   BTT_GAS_LIVE=1                   first run scripts/live-test.sh, whose SDK gas on the local wasmd
#                                    (out/live-gas.md) the report includes; without it, the last run's
#   BTT_GAS_COMPARE=DIR BTT_GAS_COMPARE_LABEL="opt-level 3"
#                                    also measure the artifacts in DIR (another release profile)
#                                    and show its gas and sizes beside ours (scripts/wasm-profiles.sh)
. "$(dirname "$0")/env.sh"
cd "$ROOT"
[ "${BTT_SKIP_WASM_BUILD:-}" = 1 ] || scripts/build-wasm.sh >/dev/null
[ "${BTT_GAS_LIVE:-}" != 1 ] || scripts/live-test.sh >/dev/null
dir="${BTT_ARTIFACTS_DIR:-artifacts}"
out="${BTT_GAS_REPORT_OUT:-docs/gas-report.md}"
compare="${BTT_GAS_COMPARE:-}"
label="${BTT_GAS_COMPARE_LABEL:-before}"
tests=()
for f in integration-tests/tests/wasm_*.rs; do tests+=(--test "$(basename "$f" .rs)"); done
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT

# measure DIR PREFIX: runs the real-wasm tests on DIR's artifacts and writes PREFIX.raw (the
# output), PREFIX.ops (test | operation | gas | calls) and PREFIX.scale (test | path | 10 | 10,000 | change).
measure() {
  local artifacts="$1" prefix="$2" current="" line row
  log "running the real-wasm tests on $artifacts (${#tests[@]} args, with 10,000-user states: a few minutes)"
  if ! BTT_ARTIFACTS_DIR="$(cd "$artifacts" && pwd)" cargo test -p btt-integration-tests \
    --no-fail-fast "${tests[@]}" -- --show-output --test-threads=1 >"$prefix.raw" 2>&1; then
    if [ "${BTT_GAS_ALLOW_FAIL:-}" = 1 ]; then
      echo "failed" >"$prefix.failed"
      log "a real-wasm test failed on $artifacts (measured anyway)"
    else
      tail -40 "$prefix.raw" >&2; echo "a real-wasm test failed on $artifacts: no report" >&2; exit 1
    fi
  fi
  : >"$prefix.ops"; : >"$prefix.scale"
  while IFS= read -r line; do
    case "$line" in
      *"Running tests/wasm_"*)
        current="$(echo "$line" | sed -E 's/.*Running tests\/(wasm_[a-z_]+)\.rs.*/\1/')" ;;
      "gas with "*) ;;
      "gas "*)
        row="$(echo "$line" | sed -nE 's/^gas (.+[^ ]) +([0-9]+)  \((.*)\)$/\1 | \2 | \3/p')"
        [ -n "$row" ] || row="$(echo "$line" | sed -nE 's/^gas (.+[^ ]) +([0-9]+)$/\1 | \2 | /p')"
        [ -n "$row" ] && echo "| $current | $row |" >>"$prefix.ops" ;;
      *" → "*" gas ("*)
        row="$(echo "$line" | sed -nE 's/^([a-z][a-z ]*): ([0-9.]+) → ([0-9.]+) gas \(([-+0-9.]+%)\)$/\1 | \2 | \3 | \4/p')"
        [ -n "$row" ] && echo "| $current | $row |" >>"$prefix.scale" ;;
    esac
  done <"$prefix.raw"
  # A path measured twice in one test (ours and the reference's transfer) is told apart by its
  # order, so rows match across runs.
  awk -F' \\| ' 'BEGIN { OFS = " | " } { k = $1 " | " $2; n = ++seen[k]; if (n > 1) $2 = $2 " #" n; print }' \
    "$prefix.ops" >"$prefix.ops.tmp" && mv "$prefix.ops.tmp" "$prefix.ops"
}

measure "$dir" "$work/ours"
[ -z "$compare" ] || measure "$compare" "$work/base"

# with_baseline OURS BASE KEYCOLS VALCOL: OURS's rows with BASE's value of VALCOL (matched on the
# first KEYCOLS columns) and the change, inserted after VALCOL.
with_baseline() {
  awk -F' \\| ' -v keys="$3" -v col="$4" '
    function key(   k, i) { k = $1; for (i = 2; i <= keys; i++) k = k " | " $i; return k }
    NR == FNR { base[key()] = $col; next }
    {
      b = base[key()]; v = $col
      change = (b == "" || b == 0) ? "" : sprintf("%+.2f%%", (v - b) * 100 / b)
      line = $1
      for (i = 2; i <= NF; i++) {
        line = line " | " $i
        if (i == col) line = line " | " (b == "" ? "–" : b) " | " change
      }
      print line
    }' "$2" "$1"
}

size_of() { [ -f "$1" ] && stat -c %s "$1" || echo "–"; }

mkdir -p "$(dirname "$out")"
{
  echo "# Gas report"
  echo
  echo "Written by \`scripts/gas-report.sh\`: CosmWasm VM gas (cosmwasm-vm 2.3.5, wasmer, mock storage) of the"
  echo "optimized artifacts in \`$dir/\`, every figure from one run. VM gas counts"
  echo "wasm operations and host calls; compare the figures with each other rather than converting them"
  echo "to SDK gas (wasmd divides by 140,000 and adds its own storage costs)."
  if [ -f "$work/ours.failed" ]; then
    echo
    echo "**A real-wasm test failed on these artifacts** (a gas bound or a path broke): measured anyway."
  fi
  if [ -n "$compare" ]; then
    echo
    echo "Beside each figure: the same path on the artifacts of **$label** (\`scripts/wasm-profiles.sh\`"
    echo "measured the release profiles; see \`docs/wasm-profiles.md\`)."
  fi
  echo
  echo "## Against the field's reference contracts"
  echo
  echo "cw20-base 2.0 and cw721-base 0.22, unchanged, built by the same script with the same flags."
  echo
  echo "| comparison | ours | reference | change |"
  echo "|---|---:|---:|---:|"
  sed -nE 's/^(BTT transfer|RWA NFT transfer) ([0-9]+) vs (cw20-base transfer|cw721-base transfer) ([0-9]+) VM gas \(([-+0-9.]+%)\)$/| \1 vs \3 | \2 | \4 | \5 |/p' "$work/ours.raw"
  echo
  echo "## SDK gas on a real chain"
  echo
  if [ -f out/live-gas.md ]; then
    echo "From the last \`scripts/live-test.sh\` ($(date -u -r out/live-gas.md +%Y-%m-%d)). VM gas elsewhere in this report is the contract's"
    echo "metering alone; SDK gas adds the transaction's signature, storage and event costs."
    echo
    cat out/live-gas.md
  else
    echo "No live run on record: \`BTT_GAS_LIVE=1 scripts/gas-report.sh\` (or \`scripts/live-test.sh\` first)."
  fi
  echo
  echo "## Each path with 10 and with 10,000 users already on the contracts"
  echo
  if [ -n "$compare" ]; then
    echo "| test | path | 10 users | 10 users ($label) | change | 10,000 users | change |"
    echo "|---|---|---:|---:|---:|---:|---:|"
    with_baseline "$work/ours.scale" "$work/base.scale" 2 3
  else
    echo "| test | path | 10 users | 10,000 users | change |"
    echo "|---|---|---:|---:|---:|"
    cat "$work/ours.scale"
  fi
  echo
  echo "## Gas per operation"
  echo
  echo "A transaction's total is the sum of the contract calls it makes (listed)."
  echo
  if [ -n "$compare" ]; then
    echo "| test | operation | VM gas | VM gas ($label) | change | calls |"
    echo "|---|---|---:|---:|---:|---|"
    with_baseline "$work/ours.ops" "$work/base.ops" 2 3
  else
    echo "| test | operation | VM gas | calls |"
    echo "|---|---|---:|---|"
    cat "$work/ours.ops"
  fi
  echo
  echo "## Artifact sizes"
  echo
  if [ -n "$compare" ]; then
    echo "| artifact | bytes | bytes ($label) | change |"
    echo "|---|---:|---:|---:|"
  else
    echo "| artifact | bytes |"
    echo "|---|---:|"
  fi
  for f in "$dir"/*.wasm "$dir"/reference/*.wasm; do
    name="${f#"$dir"/}"
    if [ -n "$compare" ]; then
      ours="$(size_of "$f")"; base="$(size_of "$compare/$name")"
      change="$(awk -v a="$ours" -v b="$base" 'BEGIN { if (b > 0) printf "%+.1f%%", (a - b) * 100 / b }')"
      echo "| \`$name\` | $ours | $base | $change |"
    else
      echo "| \`$name\` | $(size_of "$f") |"
    fi
  done
} >"$out"
cat "$out"
log "wrote $out"
