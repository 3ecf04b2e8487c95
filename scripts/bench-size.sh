#!/usr/bin/env bash
# Builds in release, serves, and prints the compressed bytes of the home page's HTML, CSS, JS
# and WASM, and their sum. Target for now: <= 150 KB in total (goal <= 100 KB).
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$ROOT/scripts/setup.sh"
cd "$ROOT"
cargo leptos build --release >/dev/null 2>&1

port="${BENCH_PORT:-3200}"
work="$(mktemp -d)"
DATABASE_URL="sqlite://$work/bench.db" DOORSTART_DEMO=1 LEPTOS_SITE_ADDR="127.0.0.1:$port" \
  "$CARGO_TARGET_DIR/release/doorstart" >"$work/server.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 60); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.5; done

base="http://127.0.0.1:$port"
# Bytes on the wire with gzip, as a browser asks for them.
wire() { curl -fsS -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "$base$1"; }
html_path="/"
html=$(wire "$html_path")
page="$(curl -fsS "$base$html_path")"
css_path=$(grep -oE '(/v/[0-9a-f]+)?/pkg/[^"]*\.css' <<<"$page" | head -1)
js_path=$(grep -oE '(/v/[0-9a-f]+)?/pkg/[^"]*\.js' <<<"$page" | head -1)
wasm_path="${js_path%.js}.wasm"
curl -fsS -o /dev/null "$base$wasm_path" 2>/dev/null || wasm_path="${js_path%.js}_bg.wasm"
css=$(wire "$css_path"); js=$(wire "$js_path"); wasm=$(wire "$wasm_path")
raw_wasm=$(curl -fsS -o /dev/null -w '%{size_download}' "$base$wasm_path")
total=$((html + css + js + wasm))
printf '%-6s %8s  %s\n' part bytes path
printf '%-6s %8d  %s\n' html "$html" "$html_path" css "$css" "$css_path" js "$js" "$js_path" wasm "$wasm" "$wasm_path"
printf '%-6s %8d  (%.1f KB; target <= 150 KB, goal <= 100 KB)\n' total "$total" "$(awk -v t="$total" 'BEGIN{print t/1024}')"
printf 'wasm uncompressed: %d bytes\n' "$raw_wasm"
