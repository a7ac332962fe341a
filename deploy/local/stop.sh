#!/usr/bin/env bash
# Stops everything deploy/local/start.sh (or test.sh) started, and checks nothing is left.
# PostgreSQL is stopped only if these scripts started it.
set -euo pipefail
here="$(dirname "$0")"
. "$here/lib.sh"

"$here/prometheus.sh" stop
"$here/services.sh" stop
"$here/demo.sh" stop
"$here/keycloak.sh" stop
"$here/kafka.sh" stop
"$here/kafka.sh" stop --test
"$here/postgres.sh" stop

# A pid file can be lost (a killed script, a wiped var/): look for our processes by what
# only they have on their command line.
leftovers="$(pgrep -f "kafka\.Kafka $VAR_DIR/|$VAR_DIR/keycloak/|$VAR_DIR/greenmail/|$LOCAL_DIR/Sink\.java|$VAR_DIR/prometheus/|$ROOT_DIR/([a-z]+-service|console)/target/quarkus-app/quarkus-run\.jar" || true)"
if [[ -n "$leftovers" ]]; then
    log "still running, started from this project (stop them with kill <pid>):"
    # shellcheck disable=SC2086 # one pid per word
    ps -o pid=,args= -p $leftovers | cut -c1-200 >&2
    exit 1
fi
log "stopped: no Kafka, Keycloak, mailbox, sink, Prometheus, service or console process of this project is left"
