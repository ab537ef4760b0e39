#!/usr/bin/env bash
# Sets up this machine if needed, then runs the whole test suite: type check, lint, API reports, unit and
# integration tests (real Prometheus, Alertmanager, PostgreSQL, Redis), browser tests in Chromium, and the
# adoption test (the packed packages installed into a throwaway app by the READMEs). Exits non-zero on any failure.
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
run_step "API reports up to date" yarn build:api-reports:check
run_step "API specifications for contract tests" node packages/api-spec-checks/bin/ensure-specs.mjs
run_step "Unit and integration tests (jest)" env CI=true yarn backstage-cli repo test
run_step "Browser tests (Playwright, Chromium)" node e2e-tests/run.mjs
run_step "Adoption test (pack, install, start)" yarn test:adoption

step "All steps passed"
printf '%s\n' "${timings[@]}"
echo "Total: $((SECONDS - started)) s"
