#!/usr/bin/env bash
# The deployment kit in use: Debian's nginx with deploy/nginx-doorstart.conf (ports and paths
# changed, nothing else) in front of two release instances started with the settings of
# deploy/doorstart.env.example, on a PostgreSQL cluster of this check's own (the shared server
# on 5432 is never touched). Through the proxy, over TLS and HTTP/2: a join request, a help
# question and a sign-in; the per-client form limit keyed on the address nginx passes on, which
# a forged X-Forwarded-For or Forwarded does not change; then the database stopped under the
# instances (503 within 2 s with the crisis numbers) and started again (200 within 5 s).
# Prints each check with pass/FAIL and exits non-zero when one fails; stops all it started.
# DOORSTART_BIN: another server binary; PROXY_CHECK_PORT: first of the ports it looks from.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

bin="${DOORSTART_BIN:-$CARGO_TARGET_DIR/release/doorstart}"
[ -x "$bin" ] || { echo "no server binary at $bin: build the release first" >&2; exit 1; }
for tool in nginx openssl curl; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: scripts/setup.sh test installs it" >&2; exit 1; }
done
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -x "$pg_bin/initdb" ] || { echo "no PostgreSQL server binaries in /usr/lib/postgresql" >&2; exit 1; }

work="$(mktemp -d /tmp/doorstart-proxy-check.XXXXXX)"
chmod 755 "$work"
pg="$work/pg" ngx="$work/nginx"
mkdir -p "$pg" "$ngx/tmp"
pids=()
as_pg=() as_ngx=()
if [ "$(id -u)" = 0 ]; then
  # PostgreSQL refuses to run as root; nginx runs as nobody here, never as root.
  chown postgres "$pg"
  as_pg=(runuser -u postgres --)
  as_ngx=(runuser -u nobody --)
fi
pg_ctl() { "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg/data" "$@"; }
cleanup() {
  if [ -s "$ngx/nginx.pid" ]; then
    local master
    master="$(cat "$ngx/nginx.pid")"
    kill -QUIT "$master" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$master" 2>/dev/null || break; sleep 0.1; done
  fi
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  [ -f "$pg/data/postmaster.pid" ] && pg_ctl -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# Free ports from PROXY_CHECK_PORT (default 5499 for PostgreSQL, 3300 on for the rest).
taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
next_free() { local p="$1"; while taken "$p"; do p=$((p + 1)); done; echo "$p"; }
pg_port="$(next_free 5499)"
first="${PROXY_CHECK_PORT:-3300}"
app1="$(next_free "$first")"; app2="$(next_free $((app1 + 1)))"
https_port="$(next_free $((app2 + 1)))"; http_port="$(next_free $((https_port + 1)))"
base="https://127.0.0.1:$https_port"

failures=0
check() { # NAME OK(0/1) DETAIL
  if [ "$2" = 1 ]; then printf 'pass  %s (%s)\n' "$1" "$3"; else printf 'FAIL  %s (%s)\n' "$1" "$3"; failures=$((failures + 1)); fi
}
is() { [ "$1" = "$2" ] && echo 1 || echo 0; }
under() { awk -v a="$1" -v b="$2" 'BEGIN{exit !(a < b)}' && echo 1 || echo 0; }
# req FROM-ADDRESS CURL-ARGS…: the answer's body in $work/body, headers in $work/head;
# prints "status seconds http-version".
req() {
  local from="$1"; shift
  curl -sk --http2 --interface "$from" --max-time 20 -o "$work/body" -D "$work/head" \
    -w '%{http_code} %{time_total} %{http_version}\n' "$@" || true
}
header() { grep -i "^$1:" "$work/head" | head -1 | cut -d' ' -f2- | tr -d '\r'; }
since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN{printf "%.2f", b - a}'; }
crisis() { grep -q '112' "$work/body" && grep -q '0800-2000' "$work/body" && grep -q '113' "$work/body" && echo 1 || echo 0; }

# --- a PostgreSQL of this check's own ---
"${as_pg[@]}" "$pg_bin/initdb" -D "$pg/data" -U postgres --auth=trust -E UTF8 >"$pg/initdb.log" 2>&1 \
  || { cat "$pg/initdb.log"; exit 1; }
pg_start() {
  pg_ctl -w -l "$pg/server.log" \
    -o "-p $pg_port -k $pg -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
}
pg_start
database_url="postgres://postgres@127.0.0.1:$pg_port/postgres"

# --- the settings file, read as systemd reads it, then this check's own values ---
settings() {
  local line
  while IFS= read -r line; do
    case "$line" in '' | '#'*) continue ;; esac
    export "${line%%=*}=${line#*=}"
  done <"$ROOT/deploy/doorstart.env.example"
  export DATABASE_URL="$database_url" LEPTOS_SITE_ROOT="$LEPTOS_SITE_ROOT" \
    DOORSTART_DEMO=1 DOORSTART_PUBLIC_URL="https://localhost:$https_port" \
    DOORSTART_TRUSTED_PROXIES=127.0.0.1 DOORSTART_PROXY_HEADER=X-Forwarded-For DOORSTART_FORM_LIMIT=3
}

email="coordinator@proxy-check.invalid"
password="proxy check $(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
printf '%s\n' "$password" | (settings; exec "$bin" admin create-coordinator --email "$email" --name "Coördinator") \
  >"$work/coordinator.log" 2>&1 || { cat "$work/coordinator.log"; exit 1; }

start_instance() { # PORT
  (settings; export LEPTOS_SITE_ADDR="127.0.0.1:$1"; exec "$bin") >"$work/app-$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 60); do curl -fsS "http://127.0.0.1:$1/healthz" >/dev/null 2>&1 && return; sleep 0.25; done
  cat "$work/app-$1.log"; exit 1
}
# One after the other: the first loads the demo groups, the second finds them.
start_instance "$app1"
start_instance "$app2"
served() { grep -c ' request method=' "$work/app-$1.log" || true; }
app1_before="$(served "$app1")" app2_before="$(served "$app2")"

# --- nginx: the site file of deploy/ with this check's ports and paths ---
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -subj "/CN=localhost" \
  -keyout "$ngx/privkey.pem" -out "$ngx/fullchain.pem" >/dev/null 2>&1
sed -e "s#listen 80;#listen 127.0.0.1:$http_port;#" \
  -e "s#listen 443 ssl http2;#listen 127.0.0.1:$https_port ssl http2;#" \
  -e '/listen \[::\]/d' \
  -e "s#server 127.0.0.1:3000 #server 127.0.0.1:$app1 #" \
  -e "s#server 127.0.0.1:3001 #server 127.0.0.1:$app2 #" \
  -e "s#/etc/letsencrypt/live/doorstart.example.org/#$ngx/#g" \
  -e "s#/var/log/nginx/#$ngx/#g" \
  -e "s#doorstart.example.org#localhost#g" \
  "$ROOT/deploy/nginx-doorstart.conf" >"$ngx/site.conf"
# Every change above must have found its line: the check runs the kit's file, not another.
changed=1
for want in "listen 127.0.0.1:$http_port;" "listen 127.0.0.1:$https_port ssl http2;" \
  "server 127.0.0.1:$app1 " "server 127.0.0.1:$app2 " "$ngx/fullchain.pem" "$ngx/doorstart-access.log"; do
  grep -qF "$want" "$ngx/site.conf" || { echo "deploy/nginx-doorstart.conf: no line became '$want'"; changed=0; }
done
if grep -v '^ *#' "$ngx/site.conf" | grep -qE '/etc/|/var/log|listen (80|443)'; then changed=0; fi
check "the site file of deploy/ runs with test ports and paths" "$changed" "$ngx/site.conf"
cat >"$ngx/nginx.conf" <<EOF
worker_processes 1;
pid $ngx/nginx.pid;
error_log $ngx/error.log warn;
events { worker_connections 256; }
http {
    client_body_temp_path $ngx/tmp/body;
    proxy_temp_path $ngx/tmp/proxy;
    fastcgi_temp_path $ngx/tmp/fastcgi;
    uwsgi_temp_path $ngx/tmp/uwsgi;
    scgi_temp_path $ngx/tmp/scgi;
    access_log off;
    include $ngx/site.conf;
}
EOF
if [ ${#as_ngx[@]} -gt 0 ]; then chown -R nobody "$ngx"; fi
if "${as_ngx[@]}" nginx -t -q -p "$ngx" -e "$ngx/error.log" -c "$ngx/nginx.conf" 2>"$work/nginx-t.log"; then
  check "nginx -t" 1 "nginx $(nginx -v 2>&1 | cut -d/ -f2), not as root"
else
  check "nginx -t" 0 "$(cat "$work/nginx-t.log")"; exit 1
fi
"${as_ngx[@]}" nginx -p "$ngx" -e "$ngx/error.log" -c "$ngx/nginx.conf"
for _ in $(seq 1 40); do [ -s "$ngx/nginx.pid" ] && break; sleep 0.1; done

# --- through the proxy ---
read -r code _ _ < <(req 127.0.0.3 "http://127.0.0.1:$http_port/groups?postcode=7607")
check "port 80 sends to HTTPS" "$([ "$code" = 301 ] && header location | grep -q '^https://localhost/groups?postcode=7607' && echo 1 || echo 0)" "$code $(header location)"
read -r code _ version < <(req 127.0.0.3 "$base/healthz")
check "TLS and HTTP/2 to /healthz" "$([ "$code" = 200 ] && [ "$version" = 2 ] && echo 1 || echo 0)" "$code over HTTP/$version"
check "HSTS: X-Forwarded-Proto believed from the proxy" "$([ -n "$(header strict-transport-security)" ] && echo 1 || echo 0)" "$(header strict-transport-security)"

# A join request for a demo group.
read -r code _ _ < <(req 127.0.0.3 "$base/groups?postcode=7607")
group="$(grep -oE 'href="/groups/[0-9a-f]{32}"' "$work/body" | head -1 | cut -d/ -f3 | tr -d '"')"
read -r code _ _ < <(req 127.0.0.3 "$base/groups/$group/join")
token="$(grep -oE 'name="token" value="[^"]+"' "$work/body" | head -1 | sed 's/.*value="//; s/"$//')"
read -r code _ _ < <(req 127.0.0.3 "$base/groups/$group/join" --data-urlencode "token=$token" \
  -d website= -d first_name=Sanne -d contact_kind=phone --data-urlencode "phone=06 12345678" \
  -d language=nl -d child_count=2 --data-urlencode "child_ages=5, 8" -d consent=yes)
check "a join request for a demo group" "$([ "$code" = 303 ] && header location | grep -q '^/join/' && echo 1 || echo 0)" "group ${group:-none}: $code $(header location | cut -c1-10)…"

# A help question: the pick-up code, on the answer or the page it leads to.
read -r code _ _ < <(req 127.0.0.3 "$base/help" -d theme=money --data-urlencode "message=Ik heb een vraag over de toeslag.")
if [ "$code" = 303 ]; then
  cookie="$(header set-cookie | cut -d';' -f1)"
  read -r code _ _ < <(req 127.0.0.3 "$base$(header location)" ${cookie:+-H "cookie: $cookie"})
  code="303+$code"
fi
check "a help question" "$(grep -q 'pickup-code' "$work/body" && echo 1 || echo 0)" "$code, a pick-up code on the page"

# A sign-in, and the session it gives works on both instances (sessions are in the database).
read -r code _ _ < <(req 127.0.0.3 "$base/admin/login" --data-urlencode "email=$email" --data-urlencode "password=$password")
session="$(header set-cookie | cut -d';' -f1)"
ok=$([ "$code" = 303 ] && [ -n "$session" ] && echo 1 || echo 0)
for _ in 1 2; do
  read -r code _ _ < <(req 127.0.0.3 "$base/admin" -H "cookie: $session")
  [ "$code" = 200 ] || ok=0
done
check "a sign-in, its session on both instances" "$ok" "303, then /admin 200 twice"
app1_served=$(($(served "$app1") - app1_before))
app2_served=$(($(served "$app2") - app2_before))
check "nginx spreads over both instances" "$([ "$app1_served" -gt 2 ] && [ "$app2_served" -gt 2 ] && echo 1 || echo 0)" "requests: $app1_served and $app2_served"

# The form limit (3 per client and instance in 10 minutes) is keyed on the address nginx passes
# on. 127.0.0.2 posts until both instances have counted it full (two 429 in a row)…
statuses=""
full=0
for _ in $(seq 1 12); do
  read -r code _ _ < <(req 127.0.0.2 "$base/help" -d theme=money -d message=)
  statuses="$statuses $code"
  if [ "$code" = 429 ]; then full=$((full + 1)); [ "$full" = 2 ] && break; else full=0; fi
done
check "127.0.0.2 uses up the form limit" "$([ "$full" = 2 ] && echo 1 || echo 0)" "posts:$statuses"
# …and stays limited whatever it forges (each would be a new client if believed).
forged=""
ok=1
for h in "X-Forwarded-For: 198.51.100.7" "X-Forwarded-For: 198.51.100.8, 203.0.113.9" \
  "Forwarded: for=198.51.100.9" "Forwarded: for=\"[2001:db8::1]\""; do
  read -r code _ _ < <(req 127.0.0.2 "$base/help" -H "$h" -d theme=money -d message=)
  forged="$forged $code"
  [ "$code" = 429 ] || ok=0
done
check "forged X-Forwarded-For / Forwarded change nothing" "$ok" "4 forged posts:$forged"
read -r code _ _ < <(req 127.0.0.3 "$base/help" -d theme=money -d message=)
check "127.0.0.3 still gets through" "$(is "$code" 400)" "$code (400: the form again; 429: it shared 127.0.0.2's limit)"

# Nothing personal in nginx's log: no client address, no user agent, no path or query.
if [ -s "$ngx/doorstart-access.log" ] && ! grep -qE '127\.0\.0\.[23]|curl|/groups|postcode|/join/' "$ngx/doorstart-access.log"; then
  check "nginx's access log keeps nothing personal" 1 "$(wc -l <"$ngx/doorstart-access.log") lines, e.g. $(tail -1 "$ngx/doorstart-access.log")"
else
  check "nginx's access log keeps nothing personal" 0 "$(head -3 "$ngx/doorstart-access.log" 2>/dev/null)"
fi

# --- the database stopped under the instances ---
pg_ctl -m fast -w stop >/dev/null
worst=0
for round in 1 2; do
  for what in healthz finder help; do
    case "$what" in
      healthz) read -r code secs _ < <(req 127.0.0.4 "$base/healthz") ;;
      finder) read -r code secs _ < <(req 127.0.0.4 "$base/groups?postcode=7608") ;;
      help) read -r code secs _ < <(req 127.0.0.4 "$base/help" -d theme=money --data-urlencode "message=Is er iemand?") ;;
    esac
    ok=$([ "$code" = 503 ] && [ "$(under "$secs" 2)" = 1 ] && [ "$(crisis)" = 1 ] && echo 1 || echo 0)
    check "database down: $what (round $round)" "$ok" "$code in ${secs}s, crisis numbers $([ "$(crisis)" = 1 ] && echo shown || echo MISSING)"
    worst="$(awk -v a="$worst" -v b="$secs" 'BEGIN{print (b > a) ? b : a}')"
  done
done

pg_start
back="$(date +%s.%N)"
ups=0
until [ "$ups" = 2 ]; do
  read -r code _ _ < <(req 127.0.0.5 "$base/healthz")
  if [ "$code" = 200 ]; then ups=$((ups + 1)); else ups=0; fi
  [ "$(under "$(since "$back")" 6)" = 1 ] || break
  [ "$ups" = 2 ] || sleep 0.1
done
read -r finder _ _ < <(req 127.0.0.5 "$base/groups?postcode=7608")
read -r help _ _ < <(req 127.0.0.5 "$base/help" -d theme=money --data-urlencode "message=Nu weer?")
took="$(since "$back")"
ok=$([ "$ups" = 2 ] && [ "$finder" = 200 ] && { [ "$help" = 200 ] || [ "$help" = 303 ]; } && [ "$(under "$took" 5)" = 1 ] && echo 1 || echo 0)
check "database back: all answers again within 5 s" "$ok" "/healthz 200 on both, finder $finder, help $help, ${took}s after PostgreSQL was up"

printf '\nslowest 503: %ss; back %ss after the database\n' "$worst" "$took"
if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed; logs:"
  tail -n 20 "$work/app-$app1.log" "$work/app-$app2.log" "$ngx/error.log" 2>/dev/null
  exit 1
fi
echo "all proxy checks passed"
