#!/usr/bin/env bash
# cosmwasm-check of every artifact with the capabilities of the lowest target chain.
# Runs btt-wasm-check (the same cosmwasm-vm 2.3.5 check_wasm + compile as `cosmwasm-check`,
# linked into the real-wasm test crate so wasmer compiles once); also the `cosmwasm-check` CLI
# when one is installed.
. "$(dirname "$0")/env.sh"
cd "$ROOT"
artifacts=()
for c in "${CONTRACTS[@]}"; do
  f="artifacts/${c//-/_}.wasm"
  [ -f "$f" ] || { echo "missing $f: run scripts/build-wasm.sh" >&2; exit 1; }
  artifacts+=("$f")
done
cargo run --quiet -p btt-integration-tests --bin btt-wasm-check -- "${artifacts[@]}" | tee artifacts/wasm-check.txt
if command -v cosmwasm-check >/dev/null 2>&1; then
  cosmwasm-check --available-capabilities "$BTT_CHAIN_CAPABILITIES" "${artifacts[@]}"
fi
