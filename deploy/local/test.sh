#!/usr/bin/env bash
# Runs every test on a fresh machine, starting and stopping what the tests need:
#   1. unit + @QuarkusTest: `mvn verify` against PostgreSQL (fresh handoff_<s>_test databases)
#      and a throw-away Kafka on localhost:19092 (so it can run beside a running stack);
#   2. full-stack scenarios: `mvn verify -Psystem-tests -pl system-tests` against the real
#      stack from start.sh (left running afterwards if it was running before), then the console's
#      browser tests (console/src/test/browser: headless Debian Chromium driven by playwright-core,
#      axe-core on every page) against the same stack, and Redocly CLI's lint of the five services'
#      live OpenAPI documents and Swagger UI's sign-in (deploy/openapi/check.sh); installs chromium, node and npm if missing.
# Exits non-zero if any Maven run, the lint or the browser tests failed.
set -euo pipefail
here="$(dirname "$0")"
. "$here/lib.sh"

# postgres.sh leaves this mark when it starts the cluster; if it is there already, the
# cluster was started earlier (e.g. by start.sh) and is not this run's to stop.
pg_mark_before=no; [[ -e "$RUN_DIR/postgres.started" ]] && pg_mark_before=yes
test_kafka_up=no
stack_started=no
console_started=no
prometheus_started=no

# Stop only what this run started, on success, failure or Ctrl-C alike.
cleanup() {
    local status=$?
    trap - EXIT
    if [[ "$test_kafka_up" == yes ]]; then "$here/kafka.sh" stop --test || true; fi
    if [[ "$console_started" == yes && "$stack_started" == no ]]; then "$here/services.sh" stop console || true; fi
    if [[ "$prometheus_started" == yes && "$stack_started" == no ]]; then "$here/prometheus.sh" stop || true; fi
    if [[ "$stack_started" == yes ]]; then "$here/stop.sh" || true; fi
    # stop.sh already stops a PostgreSQL we started; this covers the runs that never got that far.
    if [[ "$pg_mark_before" == no ]]; then "$here/postgres.sh" stop || true; fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The browser tests drive Debian's chromium (no browser is downloaded) from Node.js.
ensure_browser_tools() {
    local missing=() sudo=""
    command -v chromium >/dev/null || missing+=(chromium)
    command -v node >/dev/null || missing+=(nodejs)
    command -v npm >/dev/null || missing+=(npm)
    if (( ${#missing[@]} == 0 )); then return 0; fi
    log "installing ${missing[*]} for the browser tests (apt-get)"
    (( EUID == 0 )) || sudo=sudo
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" \
        || { $sudo apt-get update && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"; }
}

# The monitoring check needs promtool and a Prometheus (Debian's prometheus package).
ensure_monitoring_tools() {
    local sudo=""
    command -v promtool >/dev/null && command -v prometheus >/dev/null && return 0
    log "installing prometheus for the monitoring checks (apt-get)"
    (( EUID == 0 )) || sudo=sudo
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends prometheus \
        || { $sudo apt-get update && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends prometheus; }
}

t0=$SECONDS
ensure_monitoring_tools
"$here/postgres.sh" ensure --test
test_kafka_up=yes   # before start: a broker that fails to get ready still needs stopping
"$here/kafka.sh" start --test

export HANDOFF_TEST_KAFKA=localhost:19092
export DB_HOST="${PGHOST:-localhost}" DB_PORT="${PGPORT:-5432}"

log "tests, stage 1: mvn -B verify"
(cd "$ROOT_DIR" && mvn -B verify)
"$here/kafka.sh" stop --test
test_kafka_up=no

log "tests, stage 2: full-stack scenarios"
if stack_running; then
    log "the local stack is already running: testing against it and leaving it up"
else
    stack_started=yes
    "$here/start.sh"
fi
(cd "$ROOT_DIR" && mvn -B verify -Psystem-tests -pl system-tests)

log "tests, stage 2: the five live OpenAPI documents (Redocly lint) and Swagger UI's sign-in (deploy/openapi)"
ensure_browser_tools   # node, npm and chromium
"$DEPLOY_DIR/openapi/check.sh"

log "tests, stage 2: alert rules and dashboards against the Prometheus scraping the stack (deploy/monitoring)"
if ! running_pid prometheus >/dev/null; then
    prometheus_started=yes
    "$here/prometheus.sh" start
fi
"$here/prometheus.sh" check

log "tests, stage 2: the console in headless Chromium (console/src/test/browser)"
ensure_browser_tools
if ! running_pid console >/dev/null; then
    console_started=yes
    "$here/services.sh" start console
fi
(cd "$ROOT_DIR/console/src/test/browser" && npm ci --no-audit --no-fund && npm test)

log "all tests passed in $((SECONDS - t0))s"
