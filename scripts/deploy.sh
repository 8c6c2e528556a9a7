#!/usr/bin/env bash
# Deploys the suite to a network with cw-orch's Daemon:
#   scripts/localnet.sh start && scripts/deploy.sh local          # the local chain, test deployer
#   BTT_DEPLOY_MNEMONIC="..." scripts/deploy.sh pion-1            # broadcast to a testnet
#   scripts/deploy.sh pion-1 --dry-run                            # print every transaction only
# Networks: deploy/networks/<name>.json. Role addresses: BTT_GENESIS_ROLES='{"bithive": "neutron1..."}'
# (roles left out get the deployer's address; on `local` every role is its test account).
# Writes out/manifest-<name>.json and the journal out/deploy-<name>.journal.json: a deployment that
# stopped midway goes on from it when run again; a finished one refuses to deploy twice.
# Builds the artifacts first when missing.
. "$(dirname "$0")/env.sh"
cd "$ROOT"
[ $# -ge 1 ] || { echo "usage: scripts/deploy.sh NETWORK [--dry-run]" >&2; exit 2; }
network="$1"; shift
[ -f artifacts/checksums.txt ] || scripts/build-wasm.sh
if [ "$network" = local ] && [[ " $* " != *" --dry-run "* ]]; then
  scripts/localnet.sh status | grep -q '^running' ||
    { echo "the local chain is not running: scripts/localnet.sh start" >&2; exit 1; }
fi
daemon_env
exec cargo run --quiet -p btt-economy --features daemon --bin btt-economy -- --network "$network" "$@"
