#!/usr/bin/env bash
# Runs every test of Infra Atlas: type check, lint, unit and integration tests (against
# SQLite and a real PostgreSQL), and browser tests in Debian's Chromium against the demo.
# Installs and starts whatever is missing first.
#
#   scripts/test.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
source "$(dirname "${BASH_SOURCE[0]}")/postgres.sh"

atlas_ensure_toolchain
atlas_ensure_debian_packages postgresql chromium mkdocs mkdocs-material
atlas_ensure_dependencies
atlas_ensure_postgres   # exports ATLAS_TEST_POSTGRES_URL

cd "$ATLAS_ROOT"
declare -a summary=()
stage() {
  local name="$1"; shift
  local started=$SECONDS
  atlas_log "── $name"
  "$@"
  summary+=("$(printf '%-28s %4ds' "$name" $((SECONDS - started)))")
}

stage "type check"   yarn tsc
stage "lint"         yarn lint
stage "format check" yarn prettier:check
stage "unit + integration" yarn backstage-cli repo test --ci
# The production bundle built and started as the container image runs it (no container
# engine here): scripts/production-smoke.sh.
stage "production build" scripts/production-smoke.sh
stage "browser"      yarn test:browser

atlas_log "all stages passed:"
printf '  %s\n' "${summary[@]}" >&2
