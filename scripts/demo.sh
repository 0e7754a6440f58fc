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

cd "$ATLAS_ROOT"

# The emulators start first, so that the inventory providers crawl them on their first run.
# The GCP emulator serves the kubernetes.io organization from the vendored audit snapshot; the
# GitHub emulator serves kubernetes/k8s.io and kubernetes/community from the same snapshot.
# Cloud Billing is served on the GCP port; BigQuery (the snapshot's SYNTHETIC billing export)
# on 7101.
atlas_log "starting the emulators: GCP on 127.0.0.1:7100, BigQuery on 127.0.0.1:7101, GitHub on 127.0.0.1:7200 (k8s-infra snapshot)"
yarn workspace @infra-atlas/emulators start --gcp-port 7100 --seed k8s-infra \
  --bigquery-port 7101 --github-port 7200 --github-seed k8s-infra &
emulators=$!
trap 'kill $emulators 2>/dev/null' EXIT
atlas_wait_for_port 7100 60 || { atlas_log "the GCP emulator did not start"; exit 1; }
atlas_wait_for_port 7101 60 || { atlas_log "the BigQuery emulator did not start"; exit 1; }
atlas_wait_for_port 7200 60 || { atlas_log "the GitHub emulator did not start"; exit 1; }

atlas_log "starting Backstage: frontend http://localhost:3000, backend http://localhost:7007"
# app-config.demo.yaml points the providers and the UrlReader at the emulators.
yarn start --config "$ATLAS_ROOT/app-config.yaml" --config "$ATLAS_ROOT/app-config.demo.yaml"
