#!/usr/bin/env bash
# Compresses the site's static files once, after a release build: brotli (quality 11) and
# gzip (-9) next to each file, which the server sends as they are (`ServeDir` precompressed).
set -euo pipefail
source "$(dirname "$0")/env.sh"
command -v brotli >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq brotli >/dev/null; }
for f in "$LEPTOS_SITE_ROOT"/pkg/*.css "$LEPTOS_SITE_ROOT"/pkg/*.js "$LEPTOS_SITE_ROOT"/pkg/*.wasm \
  "$LEPTOS_SITE_ROOT"/*.js "$LEPTOS_SITE_ROOT"/*.svg; do
  [ -f "$f" ] || continue
  gzip -9 -k -f "$f"
  brotli -q 11 -k -f "$f"
done
