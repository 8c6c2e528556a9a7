#!/usr/bin/env bash
# Generates schema/<contract>/ from the messages in btt-types.
#   scripts/schema.sh          rewrite schema/
#   scripts/schema.sh --check  fail when the committed schema/ differs from the code
. "$(dirname "$0")/env.sh"
cd "$ROOT"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
cargo run --quiet -p btt-types --bin btt-schema -- "$tmp" >/dev/null
if [ "${1:-}" = "--check" ]; then
  if ! diff -ru schema "$tmp" >"$tmp.diff" 2>&1; then
    echo "schema/ is stale: run scripts/schema.sh and commit the result" >&2
    head -40 "$tmp.diff" >&2; rm -f "$tmp.diff"; exit 1
  fi
  rm -f "$tmp.diff"
  log "schema/ matches the code"
else
  rm -rf schema && mkdir -p schema && cp -r "$tmp"/. schema/
  log "wrote schema/"
fi
