#!/usr/bin/env bash
# Deploys the suite to a public network with cw-orch's Daemon:
#   BTT_DEPLOY_MNEMONIC="..." scripts/deploy.sh pion-1            # broadcast
#   scripts/deploy.sh pion-1 --dry-run                            # print every transaction only
# Networks: deploy/networks/<name>.json. Role addresses: BTT_GENESIS_ROLES='{"bithive": "neutron1..."}'
# (roles left out get the deployer's address). Builds the artifacts first when missing.
. "$(dirname "$0")/env.sh"
cd "$ROOT"
[ $# -ge 1 ] || { echo "usage: scripts/deploy.sh NETWORK [--dry-run]" >&2; exit 2; }
network="$1"; shift
[ -f artifacts/checksums.txt ] || scripts/build-wasm.sh
exec cargo run --quiet -p btt-deploy --features daemon --bin btt-economy -- --network "$network" "$@"
