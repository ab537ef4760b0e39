#!/usr/bin/env bash
# Sets up this machine if needed, then runs the whole test suite: type check, lint, unit and integration tests
# (real Prometheus, Alertmanager, PostgreSQL, Redis), and browser tests in Chromium. Exits non-zero on any failure.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/bootstrap.sh"

started=$SECONDS
ensure_node
ensure_debian_commands prometheus=prometheus promtool=prometheus \
  prometheus-alertmanager=prometheus-alertmanager amtool=prometheus-alertmanager chromium=chromium
yarn_install
cd "$REPO_ROOT"

timings=()
run_step() {
  local name="$1"
  shift
  step "$name"
  local t0=$SECONDS
  "$@" || fail "$name failed (command: $*). Re-run just this step with that command to iterate."
  timings+=("$(printf '%-34s %4d s' "$name" $((SECONDS - t0)))")
}

run_step "Type check (tsc)" yarn tsc
run_step "Lint (eslint)" yarn backstage-cli repo lint
run_step "API specifications for contract tests" node packages/api-spec-checks/bin/ensure-specs.mjs
run_step "Unit and integration tests (jest)" env CI=true yarn backstage-cli repo test
run_step "Browser tests (Playwright, Chromium)" node e2e-tests/run.mjs

step "All steps passed"
printf '%s\n' "${timings[@]}"
echo "Total: $((SECONDS - started)) s"
