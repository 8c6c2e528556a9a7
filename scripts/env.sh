# Shared settings of every script. Source it: `. "$(dirname "$0")/env.sh"`.
# Target dirs live outside the clone so CI's fresh clones reuse what earlier runs compiled.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export BTT_CACHE="${BTT_CACHE:-$HOME/.cache/btt}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$BTT_CACHE/target}"
export BTT_WASM_TARGET_DIR="${BTT_WASM_TARGET_DIR:-$BTT_CACHE/wasm-target}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
# The field's reference contracts, built the same way only to measure gas against (never deployed).
REFERENCE=(cw20-reference cw721-reference)
# Every contract crate: the folders under contracts/ (the Rust side's one list is
# btt_types::contracts::CODES; a test checks the two agree).
mapfile -t CONTRACTS < <(cd "$ROOT/contracts" && ls -d */ | tr -d /)
# Capabilities of the lowest target chain (Neutron pion-1, wasmd 0.51): no contract may need more.
export BTT_CHAIN_CAPABILITIES="${BTT_CHAIN_CAPABILITIES:-iterator,staking,stargate,cosmwasm_1_1,cosmwasm_1_2,cosmwasm_1_3,cosmwasm_1_4,cosmwasm_2_0}"
# wasmd's default upload limit.
export BTT_MAX_WASM_BYTES=$((800 * 1024))
log() { printf '==> %s\n' "$*" >&2; }
# cw-orch's Daemon: polling for fast local blocks, and no log hint.
daemon_env() {
  export CW_ORCH_MIN_BLOCK_TIME="${CW_ORCH_MIN_BLOCK_TIME:-250ms}"
  export CW_ORCH_MAX_BLOCK_TIME="${CW_ORCH_MAX_BLOCK_TIME:-1s}"
  export CW_ORCH_LOGS_ACTIVATION_MESSAGE=false
}
