#!/usr/bin/env bash
# Starts the Infra Atlas demo: Backstage at http://localhost:3000 (backend on :7007) on an
# in-memory SQLite, guest sign-in, TechDocs built by the local mkdocs. Installs whatever is
# missing first (Node 24, yarn, the Debian packages TechDocs needs, the dependencies).
#
#   scripts/demo.sh            start and stay in the foreground (Ctrl-C stops everything)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"

atlas_ensure_toolchain
atlas_ensure_debian_packages mkdocs mkdocs-material
atlas_ensure_dependencies

# The emulators (GCP: issue 3, GitHub: issue 4) start here, before Backstage, so that the
# inventory providers crawl them on their first scheduled run.

atlas_log "starting Backstage: frontend http://localhost:3000, backend http://localhost:7007"
cd "$ATLAS_ROOT"
exec yarn start
