#!/usr/bin/env bash
# Stateful fuzzing of the whole deployed suite: N random sequences (default 100) of at least
# 50 operations each, every invariant checked after every message, the committed regression
# seeds (packages/btt-fuzz/regressions.txt) replayed first. Writes docs/fuzz-report.md (or
# $FUZZ_REPORT). Further arguments go to btt-fuzz (`--seed S`, `--ops 80`, `--jobs 2`;
# `--help` lists them). Built with the `fuzz` profile: optimized, panics unwind.
#   scripts/fuzz.sh 10000 --jobs 2     the recorded run
. "$(dirname "$0")/env.sh"
cd "$ROOT"
n="${1:-100}"
[ $# -gt 0 ] && shift
case "$n" in ''|*[!0-9]*) echo "usage: scripts/fuzz.sh N [btt-fuzz arguments]" >&2; exit 2 ;; esac
exec cargo run --quiet --profile fuzz -p btt-fuzz --bin btt-fuzz -- \
  --sequences "$n" \
  --regressions packages/btt-fuzz/regressions.txt \
  --report "${FUZZ_REPORT:-docs/fuzz-report.md}" \
  "$@"
