# Shared settings for the scripts (sourced, not run).
# Builds live outside the clone so that a fresh clone (CI) starts warm on the same machine.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/doorstart/target}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/end2end/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# Where cargo-leptos writes the site (pkg/ with CSS, JS, WASM) for this target dir.
export LEPTOS_SITE_ROOT="${LEPTOS_SITE_ROOT:-$CARGO_TARGET_DIR/site}"
