#!/usr/bin/env bash
# All performance goals of issue 18 in one run, one table (figure, measured, goal, pass/fail):
#   finder: 1,000 / 10,000 / 100,000 groups on SQLite and PostgreSQL, `wrk -t1 -c8`, random PC4s
#   first visit: bytes on the wire (brotli/gzip as a browser asks) for home, a finder page, a guide
#   SSR: home and a finder page with 10,000 groups, `wrk -t1 -c32`, against nginx serving the
#        same HTML from a file
#   memory: server RSS after a minute of load with 10,000 groups, both databases
# BENCH_NO_BUILD=1 uses the last release build; BENCH_SECONDS sets each wrk run (default 10).
# Prints progress on stderr and the table on stdout; exits non-zero when a goal is missed.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
"$ROOT/scripts/setup.sh" bench
if [ -z "${BENCH_NO_BUILD:-}" ]; then
  "$ROOT/scripts/setup.sh" test
  env -u RUSTFLAGS cargo leptos build --release >/dev/null 2>&1
  bash "$ROOT/scripts/precompress.sh"
fi
pg_isready -q -h 127.0.0.1 -p 5432 || "$ROOT/scripts/setup.sh" test

work="$(mktemp -d)"
# A private copy of the server and the site: other builds on this machine may replace them.
# BENCH_FROM: a folder with a `doorstart` binary and its `site/` (already precompressed).
if [ -n "${BENCH_FROM:-}" ]; then
  cp "$BENCH_FROM/doorstart" "$work/doorstart" && cp -r "$BENCH_FROM/site" "$work/site"
else
  cp "$CARGO_TARGET_DIR/release/doorstart" "$work/doorstart" && cp -r "$LEPTOS_SITE_ROOT" "$work/site"
fi
port="${BENCH_PORT:-3400}"
nginx_port=$((port + 1))
secs="${BENCH_SECONDS:-10}"
base="http://127.0.0.1:$port"
pid=""
nginx_pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
rows="$work/rows"
: >"$rows"
# row FIGURE MEASURED GOAL PASS(0/1)
row() { printf '%s|%s|%s|%s\n' "$1" "$2" "$3" "$([ "$4" = 1 ] && echo pass || echo FAIL)" >>"$rows"; }
le() { awk -v a="$1" -v b="$2" 'BEGIN{exit !(a <= b)}' && echo 1 || echo 0; }
ms() { # wrk latency ("812.00us", "1.20ms", "1.5s") in ms
  awk -v v="$1" 'BEGIN{ if (v ~ /us$/) { sub(/us$/, "", v); print v/1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v); print v+0 } else { sub(/s$/, "", v); print v*1000 } }'
}

start_server() { # URL
  DATABASE_URL="$1" RUST_LOG=warn DOORSTART_DEMO=1 LEPTOS_SITE_ROOT="$work/site" LEPTOS_SITE_ADDR="127.0.0.1:$port" \
    "$work/doorstart" >"$work/server.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do curl -fsS "$base/healthz" >/dev/null 2>&1 && return; sleep 0.5; done
  cat "$work/server.log"; exit 1
}
stop_server() { kill -TERM "$pid"; wait "$pid" || true; pid=""; }
seed() { # BACKEND URL N
  python3 scripts/seed_groups.py "$3" >"$work/seed.sql"
  if [ "$1" = sqlite ]; then sqlite3 "${2#sqlite://}" <"$work/seed.sql" >/dev/null
  else psql -q -h 127.0.0.1 -U postgres -d "${2##*/}" -f "$work/seed.sql" >/dev/null; fi
  sleep 1.2 # the server's index looks at the version once a second
}
run_wrk() { # CONNECTIONS URL [lua]  -> "p50 p99 rps"
  local out
  if [ -n "${3:-}" ]; then out="$(wrk -t1 -c"$1" -d"${secs}s" --latency -s "$3" "$2")"
  else out="$(wrk -t1 -c"$1" -d"${secs}s" --latency "$2")"; fi
  echo "$(ms "$(awk '$1=="50%"{print $2}' <<<"$out")") $(ms "$(awk '$1=="99%"{print $2}' <<<"$out")") $(awk '/Requests\/sec/{print $2}' <<<"$out")"
}
rss_mb() { awk '/VmRSS/{printf "%.1f", $2/1024}' "/proc/$pid/status"; }

# nginx serving two saved pages from files, same machine, same loopback.
mkdir -p "$work/html"
cat >"$work/nginx.conf" <<EOF
user root;
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/html;
    location = / { try_files /home.html =404; }
    location = /groups { try_files /finder.html =404; }
  }
}
EOF
finder_page="/groups?postcode=7607"
declare -A p50_of
for backend in sqlite postgres; do
  for n in 1000 10000 100000; do
    if [ "$backend" = sqlite ]; then
      url="sqlite://$work/bench-$n.db"
    else
      name="doorstart_bench_$n"
      PGOPTIONS="--client-min-messages=warning" psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name" >/dev/null
      url="postgres://postgres@127.0.0.1:5432/$name"
    fi
    start_server "$url"
    seed "$backend" "$url" "$n"
    wrk -t1 -c8 -d3s -s scripts/finder.lua "$base" >/dev/null # warm up
    read -r p50 p99 rps < <(run_wrk 8 "$base" scripts/finder.lua)
    p50_of["$backend-$n"]=$p50
    printf 'finder %-8s %6s groups: p50 %s ms, p99 %s ms, %s req/s\n' "$backend" "$n" "$p50" "$p99" "$rps" >&2
    if [ "$n" = 10000 ]; then
      row "finder $backend 10k: req/s (wrk -t1 -c8)" "$rps" ">= 1000" "$(le 1000 "$rps")"
      row "finder $backend 10k: p99" "$p99 ms" "<= 10 ms" "$(le "$p99" 10)"
      # SSR against nginx: the same HTML from a file.
      curl -fsS "$base/" >"$work/html/home.html"
      curl -fsS "$base$finder_page" >"$work/html/finder.html"
      if [ -z "$nginx_pid" ]; then
        nginx -p "$work" -c "$work/nginx.conf" -g 'daemon off;' &
        nginx_pid=$!
        sleep 1
      fi
      started=$(date +%s)
      read -r _ _ home_rps < <(run_wrk 32 "$base/")
      read -r _ _ home_nginx < <(run_wrk 32 "http://127.0.0.1:$nginx_port/")
      read -r _ _ finder_rps < <(run_wrk 32 "$base$finder_page")
      read -r _ _ finder_nginx < <(run_wrk 32 "http://127.0.0.1:$nginx_port$finder_page")
      home_ratio=$(awk -v a="$home_rps" -v b="$home_nginx" 'BEGIN{printf "%.2f", a/b}')
      finder_ratio=$(awk -v a="$finder_rps" -v b="$finder_nginx" 'BEGIN{printf "%.2f", a/b}')
      row "SSR $backend: home / nginx (wrk -t1 -c32)" "$home_ratio ($home_rps / $home_nginx)" ">= 0.35" "$(le 0.35 "$home_ratio")"
      row "SSR $backend: finder 10k / nginx" "$finder_ratio ($finder_rps / $finder_nginx)" ">= 0.20" "$(le 0.20 "$finder_ratio")"
      # Load until a minute has passed since the SSR runs began, then the memory.
      rest=$((60 - ($(date +%s) - started) + secs))
      [ "$rest" -gt 0 ] && wrk -t1 -c32 -d"${rest}s" -s scripts/finder.lua "$base" >/dev/null
      rss=$(rss_mb)
      row "RSS $backend after 1 min of load (10k groups)" "$rss MB" "<= 60 MB" "$(le "$rss" 60)"
      if [ "$backend" = sqlite ]; then
        # First visit, everything on the wire as a browser asks for it (brotli, else gzip).
        wire() { curl -fsS -H 'Accept-Encoding: br, gzip' -o /dev/null -w '%{size_download}' "$base$1"; }
        guide=$(curl -fsS "$base/guides" | grep -o 'href="/guides/[a-z0-9-]*"' | head -1 | cut -d'"' -f2)
        for page in "/" "$finder_page" "$guide"; do
          body="$(curl -fsS "$base$page")"
          total=$(wire "$page")
          parts="html $total"
          for asset in $(grep -oE '/(v/[0-9a-f]+/)?(pkg/)?[A-Za-z0-9_.-]+\.(css|js|wasm)' <<<"$body" | sort -u); do
            b=$(wire "$asset"); total=$((total + b)); parts="$parts, $(basename "$asset") $b"
          done
          kb=$(awk -v t="$total" 'BEGIN{printf "%.1f", t/1024}')
          echo "first visit $page: $parts" >&2
          row "first visit $page" "$kb KB" "<= 80 KB" "$(le "$kb" 80)"
        done
      fi
    fi
    stop_server
    [ "$backend" = postgres ] && PGOPTIONS="--client-min-messages=warning" psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $name" >/dev/null
  done
  ratio=$(awk -v a="${p50_of[$backend-100000]}" -v b="${p50_of[$backend-1000]}" 'BEGIN{printf "%.2f", a/b}')
  row "finder $backend: p50 100k / p50 1k" "$ratio (${p50_of[$backend-100000]} / ${p50_of[$backend-1000]} ms)" "<= 2" "$(le "$ratio" 2)"
done

echo
echo "$(date -u "+%Y-%m-%d %H:%M UTC"), $(nproc) cores, $(awk -F": " "/model name/{print \$2; exit}" /proc/cpuinfo), $(free -g | awk "/Mem:/{print \$2}") GB RAM, load average at the end $(cut -d" " -f1-3 /proc/loadavg)"
echo
echo "| figure | measured | goal | result |"
echo "|---|---|---|---|"
sort -t'|' -k1,1 -s "$rows" | awk -F'|' '{printf "| %s | %s | %s | %s |\n", $1, $2, $3, $4}'
! grep -q '|FAIL$' "$rows"
