#!/usr/bin/env bash
# Installs what the build needs, once; a no-op when everything is there.
# - host: rustfmt and clippy for the rustup toolchain (tests and lints);
# - wasm: the first route that works of (1) rustup with toolchain 1.81 and its wasm32 target,
#   (2) Debian's rustc-web + rust-web-src (-Zbuild-std, target-cpu=mvp) with lld and binaryen.
#   Docker's cosmwasm/optimizer is used by build-wasm.sh when an engine runs; nothing to install.
. "$(dirname "$0")/env.sh"

if command -v rustup >/dev/null 2>&1; then
  for comp in rustfmt clippy; do
    rustup component list --installed 2>/dev/null | grep -q "^$comp" || rustup component add "$comp" || true
  done
fi

have_rustup_wasm() {
  command -v rustup >/dev/null 2>&1 &&
    rustup toolchain list 2>/dev/null | grep -q '^1.81' &&
    rustup target list --installed --toolchain 1.81 2>/dev/null | grep -q wasm32-unknown-unknown
}

have_debian_wasm() {
  [ -x /usr/bin/rustc ] && /usr/bin/rustc --print target-list 2>/dev/null | grep -q '^wasm32-unknown-unknown$' &&
    [ -d /usr/lib/rustlib/src/rust/library ] && command -v wasm-opt >/dev/null 2>&1 &&
    { command -v rust-lld >/dev/null 2>&1 || command -v wasm-ld >/dev/null 2>&1 || ls /usr/bin/wasm-ld-* >/dev/null 2>&1 || ls /usr/lib/llvm-*/bin/wasm-ld >/dev/null 2>&1; }
}

if have_rustup_wasm; then
  log "wasm toolchain: rustup 1.81 + wasm32-unknown-unknown"
  command -v wasm-opt >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq binaryen; }
elif have_debian_wasm; then
  log "wasm toolchain: Debian rustc-web (present)"
else
  log "installing the wasm toolchain from Debian: rustc-web cargo-web rust-web-src lld-22 binaryen"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq rustc-web cargo-web rust-web-src lld-22 binaryen
fi

# The local wasmd chain (scripts/localnet.sh, the live tests): Go 1.24+ with cgo (a C compiler),
# and curl to ask the node for its height. Go comes with the machine; a missing one is an error.
missing=()
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v cc >/dev/null 2>&1 || missing+=(gcc)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]} for the local chain"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi
go_minor="$(go env GOVERSION 2>/dev/null | sed -nE 's/^go1\.([0-9]+).*/\1/p')"
[ -n "$go_minor" ] && [ "$go_minor" -ge 24 ] || {
  echo "the local wasmd chain needs Go 1.24 or later (found: $(go version 2>/dev/null || echo none))" >&2
  exit 1
}
