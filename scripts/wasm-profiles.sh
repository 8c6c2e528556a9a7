#!/usr/bin/env bash
# Measures the wasm release profile against size and gas: builds every contract under each
# candidate profile (rustc opt-level, wasm-opt flags, panic strategy) into its own folder, runs
# every real-wasm test on each, and writes docs/wasm-profiles.md: the size of each artifact and
# the VM gas of every measured path under each profile, against the first (the old default).
# Then it rewrites docs/gas-report.md for the chosen profile with the old default beside it.
#   scripts/wasm-profiles.sh              all candidates (about 40 minutes on 2 cores, cold)
#   BTT_PROFILES="3:-Os: z:-Oz:ia" scripts/wasm-profiles.sh   only these
#   BTT_PROFILES_REUSE=1 scripts/wasm-profiles.sh   reuse the measurements already made
# A candidate is LEVEL:WASM_OPT_FLAGS:PANIC, PANIC "ia" for -Cpanic=immediate-abort. Candidates of
# one rustc level and panic strategy share a wasm target dir (only wasm-opt differs).
# The chosen profile is the smallest whose every path costs at most 2% more gas than the old
# default; the script prints it, and `Cargo.toml` / `scripts/build-wasm.sh` carry it.
. "$(dirname "$0")/env.sh"
cd "$ROOT"
read -r -a profiles <<<"${BTT_PROFILES:-3:-Os: 3:-Oz: 3:-Os:ia 3:-Oz:ia s:-Os: z:-Oz:}"
max_gas_rise="2.0"
out_dir="$BTT_CACHE/profiles"
mkdir -p "$out_dir" docs
name_of() { local p="$1"; p="${p//:/_}"; echo "${p//-/}"; }
label_of() {
  local level flags panic
  IFS=: read -r level flags panic <<<"$1"
  echo "opt-level $level, wasm-opt $flags${panic:+, panic=immediate-abort}"
}

for p in "${profiles[@]}"; do
  IFS=: read -r level flags panic <<<"$p"
  n="$(name_of "$p")"
  if [ "${BTT_PROFILES_REUSE:-}" = 1 ] && [ -f "$out_dir/$n.md" ]; then
    log "profile $(label_of "$p"): measured before"
    continue
  fi
  log "profile $(label_of "$p")"
  BTT_WASM_OPT_LEVEL="$level" BTT_WASM_OPT_FLAGS="$flags" \
    BTT_WASM_PANIC="$([ "$panic" = ia ] && echo immediate-abort || echo abort)" \
    BTT_WASM_TARGET_DIR="$BTT_CACHE/wasm-target-$level$panic" BTT_ARTIFACTS_DIR="$out_dir/$n" \
    BTT_WASM_ROUTE="${BTT_WASM_ROUTE:-debian}" scripts/build-wasm.sh >"$out_dir/$n.build.log" 2>&1 || {
    tail -20 "$out_dir/$n.build.log" >&2; echo "profile $p did not build" >&2; exit 1; }
  BTT_SKIP_WASM_BUILD=1 BTT_GAS_ALLOW_FAIL=1 BTT_ARTIFACTS_DIR="$out_dir/$n" \
    BTT_GAS_REPORT_OUT="$out_dir/$n.md" scripts/gas-report.sh >/dev/null
done

# Per profile: its ops table as "test | operation<TAB>gas" (a path measured twice in one test,
# e.g. ours and the reference's transfer, is told apart by its order: "transfer #2").
ops_of() {
  sed -n '/^## Gas per operation/,/^## Artifact sizes/p' "$1" | awk -F' \\| ' '/^\| wasm_/ {
    k = $1 " | " $2; n = ++seen[k]; if (n > 1) k = k " #" n; print k "\t" $3 }'
}
base="$(name_of "${profiles[0]}")"
ops_of "$out_dir/$base.md" >"$out_dir/$base.ops"
best="" best_size=""
{
  echo "# The wasm release profile: size against gas"
  echo
  echo "Written by \`scripts/wasm-profiles.sh\`. Every contract built under each candidate profile (Debian's"
  echo "rustc with \`-Zbuild-std\` and \`target-cpu=mvp\`, then binaryen's wasm-opt), and every real-wasm"
  echo "test run on each. Gas is cosmwasm-vm 2.3.5 VM gas, against the first profile (the old default)."
  echo "A profile qualifies when no path costs more than ${max_gas_rise}% more gas; the smallest that"
  echo "qualifies is chosen."
  echo
  echo "## Sizes (bytes)"
  echo
  printf '| artifact |'; for p in "${profiles[@]}"; do printf ' %s |' "$(label_of "$p")"; done; echo
  printf '|---|'; for p in "${profiles[@]}"; do printf -- '---:|'; done; echo
  for f in "$out_dir/$base"/*.wasm; do
    c="$(basename "$f")"
    printf '| `%s` |' "$c"
    for p in "${profiles[@]}"; do printf ' %s |' "$(stat -c %s "$out_dir/$(name_of "$p")/$c")"; done
    echo
  done
  printf '| **largest** |'
  for p in "${profiles[@]}"; do printf ' %s |' "$(stat -c %s "$out_dir/$(name_of "$p")"/*.wasm | sort -n | tail -1)"; done
  echo
  printf '| **total** |'
  for p in "${profiles[@]}"; do printf ' %s |' "$(stat -c %s "$out_dir/$(name_of "$p")"/*.wasm | awk '{ s += $1 } END { print s }')"; done
  echo
  echo
  echo "## Gas against the old default"
  echo
  echo "| profile | paths | largest rise | largest fall | mean change | qualifies |"
  echo "|---|---:|---:|---:|---:|---|"
  for p in "${profiles[@]}"; do
    n="$(name_of "$p")"
    ops_of "$out_dir/$n.md" >"$out_dir/$n.ops"
    stats="$(awk -F'\t' 'NR == FNR { b[$1] = $2; next } ($1 in b) && b[$1] > 0 {
        d = ($2 - b[$1]) * 100 / b[$1]; n++; s += d
        if (n == 1 || d > hi) hi = d; if (n == 1 || d < lo) lo = d }
      END { printf "%d %.2f %.2f %.2f", n, hi, lo, s / n }' "$out_dir/$base.ops" "$out_dir/$n.ops")"
    read -r count hi lo mean <<<"$stats"
    ok="$(awk -v h="$hi" -v m="$max_gas_rise" 'BEGIN { print (h <= m) ? "yes" : "no" }')"
    ! grep -q "A real-wasm test failed" "$out_dir/$n.md" || ok="no (a test failed)"
    printf '| %s | %s | %+.2f%% | %+.2f%% | %+.2f%% | %s |\n' "$(label_of "$p")" "$count" "$hi" "$lo" "$mean" "$ok"
    size="$(stat -c %s "$out_dir/$n"/*.wasm | awk '{ s += $1 } END { print s }')"
    if [ "$ok" = yes ] && { [ -z "$best" ] || [ "$size" -lt "$best_size" ]; }; then best="$p"; best_size="$size"; fi
  done
  echo
  echo "Chosen: **$(label_of "$best")**."
  echo
  echo "## Gas of every path, by profile"
  echo
  printf '| path |'; for p in "${profiles[@]}"; do printf ' %s |' "$(label_of "$p")"; done; echo
  printf '|---|'; for p in "${profiles[@]}"; do printf -- '---:|'; done; echo
  while IFS=$'\t' read -r key gas; do
    printf '| %s |' "${key#| }"
    for p in "${profiles[@]}"; do
      printf ' %s |' "$(awk -F'\t' -v k="$key" '$1 == k { print $2; exit }' "$out_dir/$(name_of "$p").ops")"
    done
    echo
  done <"$out_dir/$base.ops"
} >docs/wasm-profiles.md
log "wrote docs/wasm-profiles.md; chosen: $(label_of "$best")"
# artifacts/ as the workspace builds them now (its default profile), the old default beside it.
BTT_GAS_COMPARE="$out_dir/$base" BTT_GAS_COMPARE_LABEL="$(label_of "${profiles[0]}")" \
  scripts/gas-report.sh >/dev/null
cmp -s <(cd artifacts && sha256sum ./*.wasm) <(cd "$out_dir/$(name_of "$best")" && sha256sum ./*.wasm) ||
  log "note: artifacts/ (the workspace's default profile) differ from the chosen profile's build"
log "wrote docs/gas-report.md for artifacts/, the old default beside it"
