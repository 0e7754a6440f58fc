#!/usr/bin/env bash
# Proves the production build runs, as the container image would run it: builds the bundle
# (scripts/production.sh build), lays it out in a temporary directory with production
# dependencies only (scripts/production.sh install), and starts the built backend with
# app-config.yaml + app-config.production.yaml against PostgreSQL and the GCP and GitHub
# emulators, on free ports. Then it checks what an operator would:
#
#   - the readiness and liveness endpoints answer 200;
#   - the built app is served at / ;
#   - the catalog holds entities crawled from both emulators;
#   - /api/inventory/status answers;
#   - on SIGTERM the backend exits within the pod's grace period
#     (terminationGracePeriodSeconds of deploy/base/deployment.yaml).
#
#   scripts/production-smoke.sh               build, then check
#   scripts/production-smoke.sh --no-build    check the bundle already in packages/backend/dist
#   scripts/production-smoke.sh --load-run    and, before stopping it, load the built backend
#                                             with 200 mixed inventory questions a second for
#                                             60 s (plugins/inventory-backend/bench/loadRun.ts;
#                                             ATLAS_LOAD_RATE, ATLAS_LOAD_SECONDS) once the
#                                             catalog and the index have settled
#
# No container engine runs on the CI machines, so this is the image's test: the image's build
# stage runs the same `scripts/production.sh build` and `install`, its runtime stage the same
# command. Needs PostgreSQL (scripts/postgres.sh sets ATLAS_TEST_POSTGRES_URL).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
source "$(dirname "${BASH_SOURCE[0]}")/postgres.sh"

atlas_ensure_toolchain
atlas_ensure_dependencies
atlas_ensure_postgres

build=1
load_run=0
for arg in "$@"; do
  case "$arg" in
  --no-build) build=0 ;;
  --load-run) load_run=1 ;;
  *) atlas_log "unknown option: $arg" && exit 2 ;;
  esac
done

work="$(mktemp -d -t infra-atlas-production.XXXXXX)"
# Each run gets its own databases (one per plugin) under a unique prefix, dropped at the end.
db_prefix="infra_atlas_smoke_$$_"
emulators_pid=""
backend_pid=""

cleanup() {
  [ -n "$backend_pid" ] && kill "$backend_pid" 2>/dev/null || true
  [ -n "$emulators_pid" ] && kill "$emulators_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  psql "$ATLAS_TEST_POSTGRES_URL" -qtAc "SELECT datname FROM pg_database WHERE datname LIKE '${db_prefix}%'" 2>/dev/null |
    while read -r db; do psql "$ATLAS_TEST_POSTGRES_URL" -qc "DROP DATABASE \"$db\"" >/dev/null 2>&1 || true; done
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  atlas_log "production smoke test FAILED: $*"
  if [ -f "$work/backend.log" ]; then
    atlas_log "last lines of the backend's log:"
    tail -n 40 "$work/backend.log" >&2
  fi
  exit 1
}

free_port() {
  node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# timed NAME COMMAND... — runs a step and reports how long it took.
timed() {
  local name="$1" started=$SECONDS
  shift
  "$@" || return
  atlas_log "$name: $((SECONDS - started)) s"
}

if [ $build -eq 1 ]; then
  timed "production build" "$ATLAS_ROOT/scripts/production.sh" build
fi
install_quietly() { "$ATLAS_ROOT/scripts/production.sh" install "$work/app" >"$work/install.log" 2>&1; }
timed "production install" install_quietly ||
  { tail -n 20 "$work/install.log" >&2; fail "the production install failed"; }

# The emulators pick free ports and say which; the backend's overlay below points at them.
# (node itself, not `yarn workspace … start`, so that the PID stopped at the end is the server's.)
(cd "$ATLAS_ROOT/packages/emulators" && exec node --require @backstage/cli/config/nodeTransform.cjs \
  src/cli.ts --gcp-port 0 --seed k8s-infra --github-port 0 --github-seed k8s-infra) >"$work/emulators.log" 2>&1 &
emulators_pid=$!
deadline=$((SECONDS + 90))
until grep -q 'GitHub emulator listening' "$work/emulators.log"; do
  kill -0 "$emulators_pid" 2>/dev/null || { cat "$work/emulators.log" >&2; fail "the emulators did not start"; }
  [ $SECONDS -ge $deadline ] && fail "the emulators did not start within 90 s"
  sleep 0.5
done
gcp_port="$(sed -n 's/^GCP emulator listening on [^:]*:\([0-9]*\).*/\1/p' "$work/emulators.log")"
github_url="$(sed -n 's/^GitHub emulator listening on \([^ ]*\).*/\1/p' "$work/emulators.log")"

port="$(free_port)"
base="http://127.0.0.1:$port"
token="smoke-$(node -e 'console.log(require("crypto").randomBytes(16).toString("hex"))')"
pg_url="$ATLAS_TEST_POSTGRES_URL"
pg_user="$(node -e 'console.log(decodeURIComponent(new URL(process.argv[1]).username))' "$pg_url")"
pg_password="$(node -e 'console.log(decodeURIComponent(new URL(process.argv[1]).password))' "$pg_url")"
pg_host="$(node -e 'console.log(new URL(process.argv[1]).hostname)' "$pg_url")"
pg_port="$(node -e 'console.log(new URL(process.argv[1]).port || 5432)' "$pg_url")"

# What differs from a real deployment, and only that: the emulators instead of GCP and
# GitHub, this run's port and database prefix, and TechDocs published to the pod's disk (no
# GCS bucket here; the googleGcs publisher of app-config.production.yaml is covered by the
# configuration schema check at start-up).
cat >"$work/app/app-config.smoke.yaml" <<EOF
backend:
  listen: ':$port'
  database:
    prefix: $db_prefix
integrations:
  github:
    - host: github.com
      apiBaseUrl: $github_url
      token: \${GITHUB_TOKEN}
catalog:
  providers:
    gcpInventory:
      k8sInfra:
        connection: { endpoint: 127.0.0.1, port: $gcp_port, insecure: true }
techdocs:
  publisher:
    type: local
EOF

started=$SECONDS
(
  export NODE_ENV=production APP_BASE_URL="$base" BACKEND_API_TOKEN="$token" \
    POSTGRES_HOST="$pg_host" POSTGRES_PORT="$pg_port" POSTGRES_USER="$pg_user" \
    POSTGRES_PASSWORD="$pg_password" AUTH_GITHUB_CLIENT_ID=smoke-client-id \
    AUTH_GITHUB_CLIENT_SECRET=smoke-client-secret GITHUB_TOKEN=smoke-github-token \
    GITHUB_WEBHOOK_SECRET=smoke-webhook-secret TECHDOCS_BUCKET=smoke-unused-bucket
  exec "$ATLAS_ROOT/scripts/production.sh" start "$work/app" --config app-config.smoke.yaml
) >"$work/backend.log" 2>&1 &
backend_pid=$!

# until_ok SECONDS WHAT COMMAND... — retries COMMAND until it succeeds.
until_ok() {
  local seconds="$1" what="$2"
  local deadline=$((SECONDS + seconds))
  shift 2
  until "$@"; do
    kill -0 "$backend_pid" 2>/dev/null || fail "the backend exited while waiting for $what"
    [ $SECONDS -ge $deadline ] && fail "$what did not happen within $seconds s"
    sleep 2
  done
}
http_ok() { curl -fsS -o /dev/null "$@" 2>/dev/null; }
api() { curl -fsS -H "Authorization: Bearer $token" "$base$1"; }
# count_of QUERY — how many catalog entities a by-query filter matches.
count_of() { api "/api/catalog/entities/by-query?limit=1&$1" 2>/dev/null | jq '.totalItems'; }
crawled() {
  [ "$(count_of 'filter=kind=resource,spec.type=gcp-project')" -gt 0 ] 2>/dev/null &&
    [ "$(count_of 'filter=kind=component,spec.type=repository')" -gt 0 ] 2>/dev/null
}

until_ok 180 "readiness" http_ok "$base/.backstage/health/v1/readiness"
atlas_log "ready after $((SECONDS - started)) s"
http_ok "$base/.backstage/health/v1/liveness" || fail "liveness did not answer 200"

page="$(curl -fsS "$base/")" || fail "the app was not served at /"
grep -q '<title>Infra Atlas</title>' <<<"$page" || fail "/ did not serve the built app (no <title>Infra Atlas</title>)"

# A minute or two on an idle machine; the bound is for a busy one (both crawls hold 6,300
# entities that the catalog processes on the same cores).
until_ok 600 "both crawls in the catalog" crawled
# (The catalog is still processing what the crawls read; counts grow for a while.)
atlas_log "first entities of both crawls in the catalog after $((SECONDS - started)) s"

status="$(api /api/inventory/status)" || fail "/api/inventory/status did not answer"
jq -e 'type == "object"' <<<"$status" >/dev/null || fail "/api/inventory/status answered no JSON object"
# The static token must never be echoed back by the status route.
if grep -q "$token" <<<"$status"; then fail "/api/inventory/status contains the API token"; fi

# settled SECONDS — the catalog's entity count and the index's have not changed for SECONDS.
settled() {
  local seconds="$1" last="" now since=$SECONDS
  while :; do
    now="$(count_of '')/$(api /api/inventory/status | jq '.index.entities')"
    if [ "$now" != "$last" ]; then
      last="$now" since=$SECONDS
    elif [ $((SECONDS - since)) -ge "$seconds" ]; then
      atlas_log "settled at $now (catalog/index entities) after $((SECONDS - started)) s"
      return 0
    fi
    kill -0 "$backend_pid" 2>/dev/null || fail "the backend exited while settling"
    sleep 5
  done
}

if [ $load_run -eq 1 ]; then
  settled 90
  (cd "$ATLAS_ROOT/plugins/inventory-backend" && node --require @backstage/cli/config/nodeTransform.cjs \
    bench/loadRun.ts --url "$base" --token "$token" \
    --rate "${ATLAS_LOAD_RATE:-200}" --seconds "${ATLAS_LOAD_SECONDS:-60}") ||
    fail "the load run failed"
  atlas_log "backend RSS after the load run: $(($(awk '/VmRSS/ {print $2}' "/proc/$backend_pid/status") / 1024)) MB"
fi

grace="$(sed -n 's/^ *terminationGracePeriodSeconds: *\([0-9]*\).*/\1/p' "$ATLAS_ROOT/deploy/base/deployment.yaml")"
[ -n "$grace" ] || fail "no terminationGracePeriodSeconds in deploy/base/deployment.yaml"
stopping=$SECONDS
logged_before_stop="$(wc -l <"$work/backend.log")"
kill -TERM "$backend_pid"
while kill -0 "$backend_pid" 2>/dev/null; do
  if [ $((SECONDS - stopping)) -ge "$grace" ]; then
    atlas_log "what the backend logged after SIGTERM:"
    tail -n +"$((logged_before_stop + 1))" "$work/backend.log" >&2
    rm -f "$work/backend.log" # said above; fail() would repeat it
    fail "the backend did not exit within the ${grace} s grace period after SIGTERM"
  fi
  sleep 0.5
done
wait "$backend_pid" 2>/dev/null || true
backend_pid=""
atlas_log "stopped $((SECONDS - stopping)) s after SIGTERM (grace period ${grace} s)"
if grep -q "$token" "$work/backend.log"; then fail "the backend's log contains the API token"; fi
atlas_log "production smoke test passed"
