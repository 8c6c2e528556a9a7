#!/usr/bin/env bash
# Builds every contract to artifacts/<name>.wasm (optimized with wasm-opt), writes
# artifacts/checksums.txt and fails when an artifact is over 800 KiB.
# The release profile is the one scripts/wasm-profiles.sh chose (docs/wasm-profiles.md): rustc
# opt-level 3 (Cargo.toml), wasm-opt -Oz, and on the Debian route panic=immediate-abort (a panic
# traps at once instead of formatting its message: 7-11% smaller, about 1% less gas; the
# contracts never panic by design, their errors are typed). Measure another with:
#   BTT_WASM_OPT_LEVEL=3|s|z   rustc's opt-level for the wasm build
#   BTT_WASM_OPT_FLAGS="-Os"   wasm-opt's optimization flags (default "-Oz"; cosmwasm/optimizer uses -Os)
#   BTT_WASM_PANIC=abort       the ordinary panic=abort (default immediate-abort; it needs the
#                              std built here, so the rustup and Docker routes build with abort)
#   BTT_ARTIFACTS_DIR=DIR      where the artifacts go (default artifacts/)
# Routes, first that works: Docker's cosmwasm/optimizer:0.16.1 (where an engine runs), rustup
# toolchain 1.81 with wasm32, Debian's rustc-web with -Zbuild-std and target-cpu=mvp.
# `cosmwasm-check` of the artifacts is scripts/check-wasm.sh.
. "$(dirname "$0")/env.sh"
cd "$ROOT"
out="${BTT_ARTIFACTS_DIR:-artifacts}"
mkdir -p "$out"
[ -z "${BTT_WASM_OPT_LEVEL:-}" ] || export CARGO_PROFILE_RELEASE_OPT_LEVEL="$BTT_WASM_OPT_LEVEL"
read -r -a opt_flags <<<"${BTT_WASM_OPT_FLAGS:--Oz}"
# The chosen route may be forced: BTT_WASM_ROUTE=docker|rustup|debian.
route="${BTT_WASM_ROUTE:-}"
if [ -z "$route" ]; then
  if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then route=docker
  elif command -v rustup >/dev/null 2>&1 && rustup target list --installed --toolchain 1.81 2>/dev/null | grep -q wasm32; then route=rustup
  else route=debian; "$ROOT/scripts/setup.sh"
  fi
fi
log "building wasm by route: $route (opt-level ${BTT_WASM_OPT_LEVEL:-of the workspace}, wasm-opt ${opt_flags[*]}, panic=${BTT_WASM_PANIC:-immediate-abort}) into $out"

# wasm-opt inlines every function that has one caller, however large: the contract handlers
# all fold into the `execute` export, whose locals then pass CosmWasm's limit of 100 per
# function (payfi's reached 113 and store-code refused it). Functions above 2,000 units with one
# caller stay functions; the artifacts stay the same size within 0.1%.
inline_guard=(--one-caller-inline-max-function-size 2000)
optimize() { # in out
  wasm-opt "${opt_flags[@]}" "${inline_guard[@]}" --signext-lowering "$1" -o "$2" 2>/dev/null ||
    wasm-opt "${opt_flags[@]}" "${inline_guard[@]}" "$1" -o "$2"
}

case "$route" in
  docker)
    docker run --rm -v "$ROOT":/code \
      --mount type=volume,source="btt_cache",target=/target \
      --mount type=volume,source=registry_cache,target=/usr/local/cargo/registry \
      cosmwasm/optimizer:0.16.1
    mkdir -p artifacts/reference
    for r in "${REFERENCE[@]}"; do mv -f "artifacts/${r//-/_}"*.wasm artifacts/reference/ 2>/dev/null || true; done
    ;;
  rustup|debian)
    if [ "$route" = rustup ]; then
      build() { RUSTFLAGS="-C link-arg=-s" cargo +1.81 build --release --lib \
        --target wasm32-unknown-unknown --target-dir "$BTT_WASM_TARGET_DIR" --locked -p "$1"; }
    else
      panic_flags=""
      [ "${BTT_WASM_PANIC:-immediate-abort}" != immediate-abort ] || panic_flags="-Zunstable-options -Cpanic=immediate-abort"
      build() { RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 \
        RUSTFLAGS="-C target-cpu=mvp -C link-arg=-s -C link-arg=--allow-undefined $panic_flags" \
        /usr/bin/cargo build --release --lib --target wasm32-unknown-unknown \
        -Zbuild-std=std,panic_abort --target-dir "$BTT_WASM_TARGET_DIR" --locked -p "$1"; }
    fi
    for c in "${CONTRACTS[@]}"; do
      log "compiling $c"
      build "$c"
      optimize "$BTT_WASM_TARGET_DIR/wasm32-unknown-unknown/release/${c//-/_}.wasm" "$out/${c//-/_}.wasm"
    done
    mkdir -p "$out/reference"
    for r in "${REFERENCE[@]}"; do
      log "compiling $r (reference for the gas report)"
      build "$r"
      optimize "$BTT_WASM_TARGET_DIR/wasm32-unknown-unknown/release/${r//-/_}.wasm" "$out/reference/${r//-/_}.wasm"
    done
    ;;
  *) echo "unknown BTT_WASM_ROUTE=$route" >&2; exit 2 ;;
esac

(cd "$out" && sha256sum ./*.wasm | sed 's#\./##' > checksums.txt)
status=0
for c in "${CONTRACTS[@]}"; do
  f="$out/${c//-/_}.wasm"
  [ -f "$f" ] || { echo "missing $f" >&2; status=1; continue; }
  size=$(stat -c %s "$f")
  printf '%-28s %8d bytes\n' "$f" "$size"
  if [ "$size" -gt "$BTT_MAX_WASM_BYTES" ]; then
    echo "$f is $size bytes, over the 800 KiB upload limit" >&2; status=1
  fi
done
exit $status
