#!/usr/bin/env bash
# Sets up this machine if needed, then starts the demo environment and Backstage (frontend and backend).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/bootstrap.sh"

ensure_node
yarn_install
cd "$REPO_ROOT"

step "Starting the demo environment (packages/dataops-sandbox: dev, stage and prod on 127.0.0.1:7100)"
node scripts/lib/sandbox.mjs
trap 'node scripts/lib/sandbox.mjs --stop' EXIT

step "Starting Backstage"
echo "Open http://localhost:3000 once the frontend reports it compiled (backend: http://localhost:7007)."
yarn start
