#!/usr/bin/env bash
# The dApp in app/ (Vite + React + CosmJS, clients generated from schema/):
#   scripts/app.sh setup                     npm packages (from the registry) and Debian's chromium
#   scripts/app.sh codegen [--check]         regenerate app/src/generated from schema/ (or check drift)
#   scripts/app.sh snapshot                  rewrite app/e2e/snapshot.json from the embedded chain
#   scripts/app.sh configure NETWORK MANIFEST  point the app at deploy/networks/NETWORK.json and a manifest
#   scripts/app.sh dev [--network local]     serve the app on http://127.0.0.1:5173 (local: against
#                                            scripts/localnet.sh and out/manifest-local.json)
#   scripts/app.sh live                      the live browser tests (scripts/live-test.sh runs them)
#   scripts/app.sh report [--update]         the main job's out/report.html in Chromium (BTT_REPORT names
#                                            another page); --update writes docs/report.png
#   scripts/app.sh test                      codegen drift, typecheck + build, unit tests, browser tests
. "$(dirname "$0")/env.sh"
cd "$ROOT/app"

setup() {
  command -v npm >/dev/null 2>&1 || { log "npm is missing: install Node.js 20.19+ and npm"; exit 1; }
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    log "npm ci (app/)"
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
  fi
  if ! command -v chromium >/dev/null 2>&1; then
    log "installing Debian's chromium for the browser tests"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium
  fi
}

case "${1:-}" in
  setup) setup ;;
  codegen) setup; node scripts/codegen.mjs "${2:-}" ;;
  snapshot)
    cargo run --quiet -p btt-economy --bin btt-economy -- --app-snapshot "$ROOT/app/e2e/snapshot.json" ;;
  configure)
    [ $# -eq 3 ] || { echo "usage: scripts/app.sh configure NETWORK MANIFEST" >&2; exit 2; }
    mkdir -p public/config
    cp "$ROOT/deploy/networks/$2.json" public/config/network.json
    cp "$3" public/config/manifest.json
    log "app/public/config: network $2, manifest $3" ;;
  dev)
    setup
    if [ "${2:-}" = --network ]; then
      [ -n "${3:-}" ] || { echo "usage: scripts/app.sh dev [--network NAME]" >&2; exit 2; }
      manifest="$ROOT/out/manifest-$3.json"
      [ -f "$manifest" ] || { echo "no $manifest: deploy first (scripts/deploy.sh $3)" >&2; exit 1; }
      "$0" configure "$3" "$manifest"
    fi
    exec npx vite --host 127.0.0.1 ;;
  live)
    setup
    npx vite build --logLevel warn
    npx playwright test -c playwright.live.config.ts ;;
  report)
    setup
    [ "${2:-}" = --update ] && export BTT_REPORT_SCREENSHOT="$ROOT/docs/report.png"
    [ -n "${BTT_REPORT:-}" ] || export BTT_REPORT="$ROOT/out/report.html"
    npx playwright test -c playwright.report.config.ts ;;
  test)
    setup
    log "app: generated clients match schema/"
    node scripts/codegen.mjs --check
    log "app: prettier --check"
    npx prettier --check --log-level warn "src/**/*.{ts,tsx,css}" "e2e/**/*.ts" "e2e-live/**/*.ts" "e2e-report/**/*.ts" "*.ts" scripts/codegen.mjs
    log "app: typecheck and production build"
    npx tsc --noEmit
    npx vite build --logLevel warn
    log "app: unit tests"
    npx vitest run
    log "app: browser tests (Chromium, test wallet, embedded-chain snapshot)"
    npx playwright test ;;
  *) sed -n '2,12p' "$0" >&2; exit 2 ;;
esac
