#!/usr/bin/env bash
# Builds Infra Atlas for production and lays it out the way the container image runs it.
# The image (packages/backend/Dockerfile) calls the same steps, and CI's production smoke
# test (scripts/production-smoke.sh) runs them on this machine, so the three cannot drift.
#
#   scripts/production.sh build        type check, then build the app and the backend bundle
#   scripts/production.sh install DIR  unpack the bundle into DIR with production dependencies
#                                      only, plus the configuration and the hand-written catalog
#   scripts/production.sh start DIR [--config extra.yaml ...]
#                                      start the built backend from DIR with app-config.yaml and
#                                      app-config.production.yaml (the environment of
#                                      docs/infra-atlas/deployment.md must be set)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"

# What the backend reads from its working directory at run time besides the bundle: the
# configuration, the hand-written catalog (catalog.locations: ./catalog/all.yaml) and what it
# points at — the project's catalog-info.yaml with its TechDocs (mkdocs.yml, docs/), whose
# `dir:` refs TechDocs builds from these files.
ATLAS_RUNTIME_FILES=(app-config.yaml app-config.production.yaml catalog catalog-info.yaml mkdocs.yml docs)

production_build() {
  cd "$ATLAS_ROOT"
  # The backend build packs every workspace package's dist/ and builds the app, which needs
  # the type declarations that `yarn tsc` writes to dist-types/ first.
  yarn tsc
  yarn build:backend
}

production_install() {
  local dir="$1" dist="$ATLAS_ROOT/packages/backend/dist"
  if [ ! -f "$dist/bundle.tar.gz" ] || [ ! -f "$dist/skeleton.tar.gz" ]; then
    atlas_log "no backend bundle in $dist: run scripts/production.sh build first"
    return 1
  fi
  mkdir -p "$dir"
  # The skeleton holds only the package.json of the backend and of the workspace packages it
  # runs; installing it with --production leaves the build tools and test libraries out.
  cp -r "$ATLAS_ROOT/.yarn" "$ATLAS_ROOT/.yarnrc.yml" "$ATLAS_ROOT/yarn.lock" "$ATLAS_ROOT/package.json" "$dir/"
  rm -f "$dir/.yarn/install-state.gz"
  tar xzf "$dist/skeleton.tar.gz" -C "$dir"
  (cd "$dir" && yarn workspaces focus --all --production)
  # The bundle holds each package's built dist/ and the built app the backend serves.
  tar xzf "$dist/bundle.tar.gz" -C "$dir"
  local file
  for file in "${ATLAS_RUNTIME_FILES[@]}"; do
    cp -r "$ATLAS_ROOT/$file" "$dir/"
  done
}

production_start() {
  local dir="$1"
  shift
  cd "$dir"
  # The image's young generation (packages/backend/Dockerfile says why).
  exec node --max-semi-space-size=4 packages/backend --config app-config.yaml --config app-config.production.yaml "$@"
}

usage() {
  sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

case "${1:-}" in
  build) atlas_ensure_toolchain && atlas_ensure_dependencies && production_build ;;
  install) [ -n "${2:-}" ] || usage; atlas_ensure_toolchain && production_install "$2" ;;
  start) [ -n "${2:-}" ] || usage; production_start "$2" "${@:3}" ;;
  *) usage ;;
esac
