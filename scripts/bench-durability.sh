#!/usr/bin/env bash
# Durability under a crash: N join requests posted concurrently with curl (each with its own
# token), the server killed with SIGKILL mid-way, started again on the same database, and every
# request that was acknowledged (303) looked up in the database by its token hash. On SQLite
# (WAL, synchronous=FULL) and PostgreSQL. Prints sent / acknowledged / found / lost per database;
# exits 1 when an acknowledged write is lost.
#
#   BENCH_N=1000 BENCH_CONCURRENCY=16 BENCH_KILL_AFTER=250 make bench-durability
#   BENCH_NO_BUILD=1 ... uses the release binary as it is (BENCH_BIN: another binary).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

n="${BENCH_N:-1000}"
concurrency="${BENCH_CONCURRENCY:-16}"
kill_after="${BENCH_KILL_AFTER:-$((n / 4))}" # acknowledged posts before the kill
port="${BENCH_PORT:-3400}"
bin="${BENCH_BIN:-$CARGO_TARGET_DIR/release/doorstart}"
backends="${BENCH_BACKENDS:-sqlite postgres}"

if [ "${BENCH_NO_BUILD:-0}" != 1 ] || [ ! -x "$bin" ]; then
  "$ROOT/scripts/setup.sh" test
  env -u RUSTFLAGS cargo leptos build --release >/dev/null 2>&1
fi
for tool in curl sha256sum xargs; do command -v "$tool" >/dev/null || { echo "needs $tool"; exit 1; }; done

work="$(mktemp -d)"
pid=""
cleanup() {
  [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# One query on either database; prints one value per line.
query() {
  local backend="$1" url="$2" sql="$3"
  if [ "$backend" = sqlite ]; then
    local file="${url#sqlite://}"
    if command -v sqlite3 >/dev/null; then
      sqlite3 "$file" "$sql"
    else
      python3 - "$file" "$sql" <<'PY'
import sqlite3, sys
for row in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]):
    print(row[0])
PY
    fi
  else
    psql -qtA "$url" -c "$sql"
  fi
}

start_server() {
  local url="$1" log="$2"
  # All posts come from one address: lift the per-client form limit for the bench.
  RUST_LOG=warn DOORSTART_DEMO=1 DOORSTART_FORM_LIMIT=1000000 DATABASE_URL="$url" \
    LEPTOS_SITE_ADDR="127.0.0.1:$port" "$bin" >>"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do
    curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return 0
    sleep 0.25
  done
  echo "the server did not start:"; cat "$log"; exit 1
}

# One post: prints "<token> <status>" (status 000 when the connection failed).
cat >"$work/post.sh" <<'SH'
#!/usr/bin/env bash
token="$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
status="$(curl -s -o /dev/null -w '%{http_code}' --max-time 20 \
  --data-urlencode "token=$token" --data-urlencode "first_name=Bench" \
  --data-urlencode "contact_kind=meeting" --data-urlencode "language=nl" \
  --data-urlencode "consent=yes" --data-urlencode "website=" \
  "$BENCH_TARGET" 2>/dev/null || true)"
printf '%s %s\n' "$token" "${status:-000}"
SH
chmod +x "$work/post.sh"

printf '%-9s %6s %13s %6s %5s %9s\n' backend sent acknowledged found lost "kill -9"
failed=0
for backend in $backends; do
  if [ "$backend" = sqlite ]; then
    url="sqlite://$work/durability.db"
  else
    name="doorstart_durability"
    PGOPTIONS="--client-min-messages=warning" psql -q -h 127.0.0.1 -U postgres \
      -c "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name" >/dev/null
    url="postgres://postgres@127.0.0.1:5432/$name"
  fi
  log="$work/$backend.log"
  results="$work/$backend.results"
  : >"$results"
  start_server "$url" "$log"
  group="$(query "$backend" "$url" "SELECT id FROM peer_groups WHERE active = 1 ORDER BY id LIMIT 1")"
  [ -n "$group" ] || { echo "no demo group on $backend"; exit 1; }

  # Fire the posts in the background; each line of the results file is one answered post.
  seq 1 "$n" | BENCH_TARGET="http://127.0.0.1:$port/groups/$group/join" \
    xargs -P "$concurrency" -I{} "$work/post.sh" >>"$results" &
  posting=$!
  # Kill the server the hard way once enough posts were acknowledged (or after 30 s).
  for _ in $(seq 1 600); do
    [ "$(grep -c ' 303$' "$results" || true)" -ge "$kill_after" ] && break
    sleep 0.05
  done
  kill -9 "$pid"
  wait "$pid" 2>/dev/null || true
  pid=""
  killed_at="$(grep -c ' 303$' "$results" || true)"
  wait "$posting" || true

  # Start again on the same database (recovery), then look every acknowledged token up.
  start_server "$url" "$log"
  query "$backend" "$url" "SELECT token_hash FROM join_requests" | sort >"$work/stored"
  acked=0
  found=0
  while read -r token status; do
    [ "$status" = 303 ] || continue
    acked=$((acked + 1))
    hash="$(printf '%s' "$token" | sha256sum | cut -c1-64)"
    if grep -qx "$hash" "$work/stored"; then found=$((found + 1)); fi
  done <"$results"
  kill -TERM "$pid"
  wait "$pid" 2>/dev/null || true
  pid=""
  sent="$(wc -l <"$results" | tr -d ' ')"
  lost=$((acked - found))
  [ "$lost" -eq 0 ] || failed=1
  printf '%-9s %6s %13s %6s %5s %9s\n' "$backend" "$sent" "$acked" "$found" "$lost" "after $killed_at"
  if [ "$backend" = postgres ]; then
    PGOPTIONS="--client-min-messages=warning" psql -q -h 127.0.0.1 -U postgres \
      -c "DROP DATABASE IF EXISTS $name WITH (FORCE)" >/dev/null
  fi
done
if [ "$failed" -ne 0 ]; then
  echo "an acknowledged write was lost"
  exit 1
fi
