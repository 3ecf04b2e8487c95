#!/usr/bin/env bash
# Finder under load on loopback: 1,000 / 10,000 / 100,000 groups over the country, random PC4s,
# on SQLite and PostgreSQL. Prints p50, p99 and requests per second (wrk, 2 threads, 16
# connections, 10 s each). Goal: p99 <= 10 ms at 1,000 req/s.
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$ROOT/scripts/setup.sh" test
cd "$ROOT"
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
cargo leptos build --release >/dev/null 2>&1
cargo build --release --features ssr --example seed_groups >/dev/null 2>&1
seed="$CARGO_TARGET_DIR/release/examples/seed_groups"
port="${BENCH_PORT:-3300}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
sizes="${BENCH_SIZES:-1000 10000 100000}"

printf '%-9s %8s %9s %9s %9s\n' backend groups p50 p99 req/s
for backend in sqlite postgres; do
  for n in $sizes; do
    if [ "$backend" = sqlite ]; then
      url="sqlite://$work/bench-$n.db"
    else
      name="doorstart_bench_$n"
      PGOPTIONS="--client-min-messages=warning" psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name" >/dev/null
      url="postgres://postgres@127.0.0.1:5432/$name"
    fi
    "$seed" "$url" "$n" >/dev/null
    RUST_LOG=warn DATABASE_URL="$url" LEPTOS_SITE_ADDR="127.0.0.1:$port" "$CARGO_TARGET_DIR/release/doorstart" >"$work/server.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 60); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
    wrk -t2 -c16 -d3s -s scripts/finder.lua "http://127.0.0.1:$port" >/dev/null # warm up
    out="$(wrk -t2 -c16 -d10s --latency -s scripts/finder.lua "http://127.0.0.1:$port")"
    kill -TERM "$pid"; wait "$pid" || true
    p50=$(awk '$1=="50%"{print $2}' <<<"$out")
    p99=$(awk '$1=="99%"{print $2}' <<<"$out")
    rps=$(awk '/Requests\/sec/{print $2}' <<<"$out")
    printf '%-9s %8s %9s %9s %9s\n' "$backend" "$n" "$p50" "$p99" "$rps"
    [ "$backend" = postgres ] && PGOPTIONS="--client-min-messages=warning" psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $name" >/dev/null
  done
done
