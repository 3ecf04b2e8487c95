#!/usr/bin/env bash
# Serves the release build on a fresh SQLite file with demo data, runs the Playwright journeys,
# then stops the server with SIGTERM and checks it stopped cleanly and logged nothing personal.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

port="${E2E_PORT:-3100}"
work="$(mktemp -d)"
log="$work/server.log"
bin="$CARGO_TARGET_DIR/release/doorstart"
# The first coordinator comes from the command line, as in production.
export E2E_COORDINATOR_EMAIL="coordinator@e2e.invalid"
export E2E_COORDINATOR_PASSWORD="e2e $(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
printf '%s\n' "$E2E_COORDINATOR_PASSWORD" | DATABASE_URL="sqlite://$work/e2e.db" \
  "$bin" admin create-coordinator --email "$E2E_COORDINATOR_EMAIL" --name "Coördinator" >/dev/null
# All journeys come from one address: lift the per-client form limit (tested in tests/join.rs).
# The help cap's per-network share too. Mail goes to the small SMTP server the "tell me when"
# journey starts itself (end2end/tests/notify.spec.mjs); other journeys' mails wait in the outbox.
export E2E_SMTP_PORT="${E2E_SMTP_PORT:-2526}"
DOORSTART_FORM_LIMIT=1000 DOORSTART_HELP_PER_HOUR=1000 \
  DOORSTART_SMTP_URL="smtp://127.0.0.1:$E2E_SMTP_PORT" DOORSTART_MAIL_FROM="Doorstart <noreply@e2e.invalid>" \
  DATABASE_URL="sqlite://$work/e2e.db" DOORSTART_DEMO=1 LEPTOS_SITE_ADDR="127.0.0.1:$port" \
  "$bin" >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null || { cat "$log"; exit 1; }

status=0
(cd end2end && BASE_URL="http://127.0.0.1:$port" npx playwright test "$@") || status=$?

kill -TERM "$pid"
server_exit=0
wait "$pid" || server_exit=$?
trap - EXIT
if [ "$server_exit" -ne 0 ] || ! grep -q "stopped cleanly" "$log"; then
  echo "server did not stop cleanly (exit $server_exit)"; cat "$log"; exit 1
fi
# The log must hold no user agent, no query string and no form content.
if grep -Eq "HeadlessChrome|Mozilla/|postcode=|(^|[^0-9])7607([^0-9]|$)|$E2E_COORDINATOR_PASSWORD" "$log"; then
  echo "the server log holds request details it must not keep:"; cat "$log"; exit 1
fi
# Nothing about the browser was stored: no user agent, no address.
if grep -aqE "HeadlessChrome|Mozilla/|127\.0\.0\.1" "$work"/e2e.db*; then
  echo "the database holds a user agent or an IP address"; exit 1
fi
rm -rf "$work"
exit "$status"
