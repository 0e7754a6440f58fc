#!/usr/bin/env bash
# Sourced by scripts/test.sh: makes sure a local PostgreSQL server runs and has a role for the
# tests, then exports ATLAS_TEST_POSTGRES_URL. Uses Debian's cluster (no systemd here).

ATLAS_PG_USER="${ATLAS_PG_USER:-infra_atlas_test}"
ATLAS_PG_PASSWORD="${ATLAS_PG_PASSWORD:-infra_atlas_test}"

atlas_ensure_postgres() {
  if [ -n "${ATLAS_TEST_POSTGRES_URL:-}" ]; then
    return 0 # the caller brings its own server
  fi
  local cluster
  cluster="$(pg_lsclusters --no-header 2>/dev/null | awk 'NR==1 {print $1" "$2" "$4}')"
  if [ -z "$cluster" ]; then
    atlas_log "no PostgreSQL cluster found; install the Debian package postgresql"
    return 1
  fi
  set -- $cluster # version name status
  if [ "$3" != "online" ]; then
    atlas_log "starting PostgreSQL $1/$2"
    pg_ctlcluster "$1" "$2" start
  fi
  local port
  port="$(pg_lsclusters --no-header | awk 'NR==1 {print $3}')"
  # Idempotent: creates the role once, with CREATEDB so that each test run makes its own databases.
  su postgres -c "psql -p $port -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='$ATLAS_PG_USER'\"" | grep -q 1 ||
    su postgres -c "psql -p $port -qc \"CREATE ROLE $ATLAS_PG_USER LOGIN CREATEDB PASSWORD '$ATLAS_PG_PASSWORD'\""
  export ATLAS_TEST_POSTGRES_URL="postgresql://$ATLAS_PG_USER:$ATLAS_PG_PASSWORD@127.0.0.1:$port/postgres"
}
