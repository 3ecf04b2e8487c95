#!/usr/bin/env bash
# Builds in release and serves Doorstart on http://127.0.0.1:3000 with SQLite and demo data.
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$ROOT/scripts/setup.sh"
cd "$ROOT"
cargo leptos build --release
bash "$ROOT/scripts/precompress.sh"
export DATABASE_URL="${DATABASE_URL:-sqlite://doorstart.db}"
export DOORSTART_DEMO="${DOORSTART_DEMO:-1}"
export LEPTOS_SITE_ADDR="${LEPTOS_SITE_ADDR:-127.0.0.1:3000}"
exec "$CARGO_TARGET_DIR/release/doorstart"
