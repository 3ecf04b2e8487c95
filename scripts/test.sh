#!/usr/bin/env bash
# Every check: format, clippy (server and browser code), unit and integration tests on SQLite
# and PostgreSQL, then the end2end journeys in Debian's Chromium with axe-core.
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$ROOT/scripts/setup.sh" test
cd "$ROOT"

step() { printf '\n== %s\n' "$*"; }

# Type erasure keeps debug builds of Leptos views small (as cargo-leptos does in dev).
export RUSTFLAGS="${RUSTFLAGS:-} --cfg erase_components"
export CARGO_INCREMENTAL=0

step "no merge-conflict markers"
if git -C "$ROOT" grep -nE '^(<{7}|>{7})( |$)|^={7}$' -- . ':!*.lock' ':!end2end/package-lock.json'; then
  echo "merge-conflict markers found (above): finish the merge" >&2
  exit 1
fi
step "cargo fmt --check"
cargo fmt --check
step "clippy (server)"
cargo clippy --features ssr --all-targets -- -D warnings
step "clippy (browser)"
cargo clippy --features hydrate --target wasm32-unknown-unknown --lib -- -D warnings
step "unit and integration tests (SQLite and PostgreSQL)"
TEST_POSTGRES_URL="${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}" \
  cargo test --features ssr
step "release build"
env -u RUSTFLAGS cargo leptos build --release
bash "$ROOT/scripts/precompress.sh"
step "the deployment kit: nginx in front of two instances, PostgreSQL stopped and started"
bash "$ROOT/scripts/proxy-check.sh"
step "end2end"
"$ROOT/scripts/e2e.sh"
