#!/usr/bin/env bash
# Installs what is missing, and nothing twice. `setup.sh test` also makes sure of Chromium,
# the fonts for screenshots and a running PostgreSQL.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

step() { printf '\n== %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  rustup component list --installed | grep -q "^$component" || rustup component add "$component"
done
if ! cargo leptos --version 2>/dev/null | grep -q '0\.3\.10'; then
  step "installing cargo-leptos 0.3.10 (takes about 17 minutes once)"
  cargo install cargo-leptos --version 0.3.10 --locked --features no_downloads
fi
if ! wasm-bindgen --version 2>/dev/null | grep -q '0\.2\.130'; then
  step "installing wasm-bindgen-cli 0.2.130 (the version in Cargo.lock)"
  cargo install wasm-bindgen-cli --version 0.2.130 --force
fi
# npm packages: wasm-opt (binaryen), Playwright, axe-core. Reinstalled only when the lock changes.
stamp="end2end/node_modules/.doorstart-lock"
if [ ! -f "$stamp" ] || ! cmp -s end2end/package-lock.json "$stamp"; then
  step "installing npm packages"
  (cd end2end && npm ci --no-audit --no-fund)
  cp end2end/package-lock.json "$stamp"
fi

if [ "${1:-}" = "test" ]; then
  if [ ! -x /usr/bin/chromium ] || ! dpkg -s fonts-noto-core >/dev/null 2>&1; then
    step "installing Debian's Chromium and Noto fonts"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core >/dev/null
  fi
  if ! command -v nginx >/dev/null; then
    step "installing Debian's nginx for the proxy check"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null
  fi
  if ! pg_isready -q -h 127.0.0.1 -p 5432; then
    step "starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
    pg_isready -h 127.0.0.1 -p 5432
  fi
fi

if [ "${1:-}" = "bench" ]; then
  if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null || ! command -v brotli >/dev/null; then
    step "installing wrk, nginx and brotli for the benchmarks"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx-light brotli >/dev/null
  fi
fi
