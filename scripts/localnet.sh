#!/usr/bin/env bash
# A single-validator wasmd chain on 127.0.0.1, for scripts/deploy.sh local and the live tests.
#   scripts/localnet.sh build    build wasmd from the Go module proxy (chain/go.mod pins it), once
#   scripts/localnet.sh start    init on first use, then start the node; prints the endpoints
#   scripts/localnet.sh stop     stop exactly the node this script started, by its pid
#   scripts/localnet.sh status   running or not, and the latest block height
#   scripts/localnet.sh reset    stop, and delete the chain's home (the build stays)
# The binary and libwasmvm live in $BTT_CACHE/wasmd-<version>/ (outside the clone, kept between
# runs); the Go module cache in $BTT_CACHE/gomod; the chain's home in $BTT_CACHE/localnet/.
. "$(dirname "$0")/env.sh"
# ERR traps below also fire inside functions.
set -E
WASMD_VERSION="$(awk '/^require github.com\/CosmWasm\/wasmd /{print $3}' "$ROOT/chain/go.mod")"
BIN_DIR="$BTT_CACHE/wasmd-$WASMD_VERSION"
WASMD="$BIN_DIR/wasmd"
HOME_DIR="$BTT_CACHE/localnet"
PID_FILE="$HOME_DIR/wasmd.pid"
CHAIN_ID="btt-local-1"
DENOM="ustake"
USDC="uusdc"
# Test-keyring accounts funded at genesis (the validator, the deployer, every genesis role of the
# local plan and the live tests' users), from fixed test mnemonics so that every machine makes the
# same addresses: "name address mnemonic" per line.
ACCOUNTS_FILE="$ROOT/deploy/localnet/accounts.json"
accounts() {
  sed -nE 's/.*"name": "([^"]+)", "address": "([^"]+)", "mnemonic": "([^"]+)".*/\1 \2 \3/p' "$ACCOUNTS_FILE"
}
RPC=26657 GRPC=9090 REST=1317

wasmd_cmd() { LD_LIBRARY_PATH="$BIN_DIR" "$WASMD" --home "$HOME_DIR" "$@"; }

build() {
  [ -x "$WASMD" ] && return 0
  command -v go >/dev/null 2>&1 || { echo "go is missing: install Go 1.24+ (these machines have 1.26)" >&2; exit 1; }
  log "building wasmd $WASMD_VERSION from the Go module proxy (about 5 minutes the first time)"
  mkdir -p "$BIN_DIR"
  (cd "$ROOT/chain" && GOMODCACHE="$BTT_CACHE/gomod" GOFLAGS=-mod=readonly GOTOOLCHAIN=local \
    CGO_ENABLED=1 go build -trimpath -ldflags=-checklinkname=0 -o "$WASMD.tmp" \
    github.com/CosmWasm/wasmd/cmd/wasmd)
  # libwasmvm ships inside the wasmvm module; keep a copy beside the binary.
  local so
  so="$(ldd "$WASMD.tmp" | awk '/libwasmvm/ {print $3}')"
  [ -f "$so" ] || { echo "libwasmvm not found for $WASMD.tmp" >&2; exit 1; }
  cp "$so" "$BIN_DIR/"
  mv "$WASMD.tmp" "$WASMD"
  LD_LIBRARY_PATH="$BIN_DIR" ldd "$WASMD" | grep -q "$BIN_DIR/libwasmvm" ||
    { echo "wasmd does not load $BIN_DIR/libwasmvm" >&2; exit 1; }
  log "built $WASMD ($(LD_LIBRARY_PATH="$BIN_DIR" "$WASMD" version))"
}

init() {
  [ -f "$HOME_DIR/config/genesis.json" ] && return 0
  log "initializing $CHAIN_ID in $HOME_DIR"
  # A half-written home would be taken for a finished one: remove it if any step fails.
  trap 'rm -rf "$HOME_DIR"' ERR
  wasmd_cmd init btt-local --chain-id "$CHAIN_ID" >/dev/null 2>&1
  sed -i "s/\"stake\"/\"$DENOM\"/g" "$HOME_DIR/config/genesis.json"
  local name address mnemonic n=0
  while read -r name address mnemonic; do
    echo "$mnemonic" | wasmd_cmd keys add "$name" --recover --keyring-backend test >/dev/null 2>&1
    [ "$(wasmd_cmd keys show "$name" -a --keyring-backend test)" = "$address" ] ||
      { echo "$name's mnemonic does not make $address ($ACCOUNTS_FILE)" >&2; false; }
    wasmd_cmd genesis add-genesis-account "$name" "1000000000000$DENOM,1000000000000$USDC" \
      --keyring-backend test
    n=$((n + 1))
  done < <(accounts)
  [ "$n" -ge 2 ] || { echo "no accounts read from $ACCOUNTS_FILE" >&2; false; }
  wasmd_cmd genesis gentx validator "250000000$DENOM" --chain-id "$CHAIN_ID" \
    --keyring-backend test >/dev/null 2>&1
  wasmd_cmd genesis collect-gentxs >/dev/null 2>&1
  local cfg="$HOME_DIR/config/config.toml" app="$HOME_DIR/config/app.toml"
  # Loopback only, fast blocks, CORS for the dApp.
  sed -i -E "s#^laddr = \"tcp://[^\"]*:26657\"#laddr = \"tcp://127.0.0.1:$RPC\"#; \
    s#^laddr = \"tcp://[^\"]*:26656\"#laddr = \"tcp://127.0.0.1:26656\"#; \
    s#^timeout_commit = .*#timeout_commit = \"500ms\"#; \
    s#^pprof_laddr = .*#pprof_laddr = \"127.0.0.1:6060\"#; \
    s#^prometheus_listen_addr = .*#prometheus_listen_addr = \"127.0.0.1:26660\"#; \
    s#^cors_allowed_origins = .*#cors_allowed_origins = [\"*\"]#" "$cfg"
  sed -i -E "s#^address = \"tcp://[^\"]*:1317\"#address = \"tcp://127.0.0.1:$REST\"#; \
    s#^address = \"[^\"]*:9090\"#address = \"127.0.0.1:$GRPC\"#; \
    s#^enabled-unsafe-cors = .*#enabled-unsafe-cors = true#; \
    s#^minimum-gas-prices = .*#minimum-gas-prices = \"0$DENOM\"#" "$app"
  sed -i -E '/^\[api\]/,/^\[/ s#^enable = false#enable = true#' "$app"
  trap - ERR
}

running() { [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; }

# The latest height, or nothing while the node does not answer (never a failure: the ERR traps
# reach command substitutions too).
height() {
  curl -s "http://127.0.0.1:$RPC/status" | sed -nE 's/.*"latest_block_height":"([0-9]+)".*/\1/p' || true
}

start() {
  build
  init
  if running; then log "already running (pid $(cat "$PID_FILE"))"; else
    LD_LIBRARY_PATH="$BIN_DIR" nohup "$WASMD" --home "$HOME_DIR" start >"$HOME_DIR/wasmd.log" 2>&1 &
    echo $! >"$PID_FILE"
    # A node that never made a block is stopped again, by its pid: nothing is left running.
    trap 'stop' ERR
    for _ in $(seq 1 60); do
      [ -n "$(height)" ] && [ "$(height)" -ge 1 ] && break
      running || { tail -20 "$HOME_DIR/wasmd.log" >&2; echo "wasmd exited" >&2; false; }
      sleep 1
    done
    [ -n "$(height)" ] || { echo "wasmd made no block in 60 s (log: $HOME_DIR/wasmd.log)" >&2; false; }
    trap - ERR
  fi
  echo "chain $CHAIN_ID (wasmd $WASMD_VERSION), pid $(cat "$PID_FILE"), height $(height)"
  echo "  rpc  http://127.0.0.1:$RPC"
  echo "  grpc http://127.0.0.1:$GRPC"
  echo "  rest http://127.0.0.1:$REST"
  echo "  keys: $WASMD keys list --home $HOME_DIR --keyring-backend test"
}

stop() {
  if running; then
    local pid; pid="$(cat "$PID_FILE")"
    kill "$pid"
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    log "stopped wasmd (pid $pid)"
  fi
  rm -f "$PID_FILE"
}

case "${1:-}" in
  build) build ;;
  start) start ;;
  stop) stop ;;
  status) if running; then echo "running, pid $(cat "$PID_FILE"), height $(height)"; else echo "stopped"; fi ;;
  # The manifest and journal of the local deployment describe the chain that is removed.
  reset) stop; rm -rf "$HOME_DIR" "$ROOT/out/manifest-local.json" "$ROOT/out/deploy-local.journal.json"
    log "removed $HOME_DIR and the local deployment's manifest and journal" ;;
  *) echo "usage: scripts/localnet.sh build|start|stop|status|reset" >&2; exit 2 ;;
esac
