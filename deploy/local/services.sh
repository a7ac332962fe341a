#!/usr/bin/env bash
# The five Handoff services, each its own JVM from <s>-service/target/quarkus-app/, and the web console
# (console/target/quarkus-app/, port 8086: a backend-for-frontend calling the five with the user's token).
#   services.sh start|stop                    all five and the console
#   services.sh start|stop NAME...            only these, e.g. `services.sh start referral-service`
#                                             (NAME: referral-service or referral, or console; bench.sh --chaos and
#                                             system-tests' ChaosTest restart a killed one this way)
# Expects PostgreSQL, Kafka (localhost:9092) and Keycloak (localhost:8180) up: start.sh
# starts them in order, and demo.sh's mailbox and sink before the services, so notification-service
# has somewhere to send e-mail and SMS.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

SERVICES=("${HANDOFF_SERVICES[@]}")
# The console has no database and no broker user: it is started beside the five, not as one of them.
CONSOLE_PORT=8086
WITH_CONSOLE=yes
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

jar_of() { echo "$ROOT_DIR/$1-service/target/quarkus-app/quarkus-run.jar"; }
CONSOLE_JAR="$ROOT_DIR/console/target/quarkus-app/quarkus-run.jar"

# Narrows SERVICES to the names given (all five and the console when none): "referral-service" or
# "referral", and "console".
select_services() {
    local name entry chosen=() found
    (( $# == 0 )) && return 0
    WITH_CONSOLE=no
    for name in "$@"; do
        if [[ "$name" == console ]]; then
            WITH_CONSOLE=yes
            continue
        fi
        found=no
        for entry in "${SERVICES[@]}"; do
            if [[ "${name%-service}" == "${entry%%:*}" ]]; then
                chosen+=("$entry")
                found=yes
            fi
        done
        [[ "$found" == yes ]] || die "unknown service '$name' (one of: referral police health social notification, with or without -service, or console)"
    done
    SERVICES=(${chosen[@]+"${chosen[@]}"})
}

ensure_jars() {
    local entry jars=()
    for entry in ${SERVICES[@]+"${SERVICES[@]}"}; do jars+=("$(jar_of "${entry%%:*}")"); done
    if [[ "$WITH_CONSOLE" == yes ]]; then jars+=("$CONSOLE_JAR"); fi
    for entry in ${jars[@]+"${jars[@]}"}; do
        if [[ ! -e "$entry" ]]; then
            log "service jars missing: building (mvn -B -q package -DskipTests)"
            (cd "$ROOT_DIR" && mvn -B -q package -DskipTests >&2)
            return 0
        fi
    done
}

# notification-service sends e-mail and SMS only where a server is configured (off by default): on this
# stack those are demo.sh's GreenMail and sink, when they are running. Read at the service's start, so
# start.sh restarts a notification-service that started before them.
demo_channels() {
    if running_pid mailbox >/dev/null; then
        export SMTP_ENABLED=true SMTP_HOST=127.0.0.1 SMTP_PORT="$MAIL_SMTP_PORT"
        log "notification-service: e-mail through the local mailbox (SMTP 127.0.0.1:$MAIL_SMTP_PORT, read at $MAILBOX_URL)"
    fi
    if running_pid sink >/dev/null; then
        export SMS_GATEWAY_URL="http://127.0.0.1:$SINK_PORT/sms"
        log "notification-service: SMS through the local sink ($SMS_GATEWAY_URL)"
    fi
}

# The console: OIDC code flow on Keycloak's handoff-console client; CONSOLE_SESSION_SECRET (exported by
# lib.sh) encrypts its session cookie, so a restart keeps everyone signed in. The services' URLs are its
# defaults (localhost:8081..8085). Small heap: it keeps nothing but the pages it is rendering.
start_console() {
    (
        cd "$ROOT_DIR/console"
        QUARKUS_HTTP_PORT="$CONSOLE_PORT" \
        OIDC_AUTH_SERVER_URL="http://localhost:8180/realms/handoff" \
            start_bg console env MALLOC_ARENA_MAX=2 "$JAVA" -Xms32m -Xmx128m -XX:MaxHeapFreeRatio=40 -XX:+UseSerialGC \
                ${HANDOFF_JVM_OPTS:--XX:TieredStopAtLevel=1} -jar "$CONSOLE_JAR"
    )
}

start() {
    local entry s port t0=$SECONDS
    ensure_jars
    # Start all, then wait: the JVMs boot side by side instead of one after another.
    for entry in ${SERVICES[@]+"${SERVICES[@]}"}; do
        s="${entry%%:*}" port="${entry##*:}"
        running_pid "$s-service" >/dev/null || ensure_port_free "$s-service" "$port"
    done
    if [[ "$WITH_CONSOLE" == yes ]]; then running_pid console >/dev/null || ensure_port_free console "$CONSOLE_PORT"; fi
    for entry in ${SERVICES[@]+"${SERVICES[@]}"}; do
        s="${entry%%:*}" port="${entry##*:}"
        # Secrets (*_DB_PASSWORD, *_SYSTEM_CLIENT_SECRET) come exported from lib.sh; each service
        # gets only its own broker password (its SCRAM user is named like the service).
        # cd to the module so each service finds its own config/ and relative paths.
        # HANDOFF_CONSOLE_URL: notification-service links each notification to <console>/cases/<case id>.
        # SerialGC: five small-heap JVMs on two cores gain nothing from G1's extra threads.
        # -Xms64m + MaxHeapFreeRatio: the heap is committed as the live set needs (a few tens of MB),
        # not 256 MB up front; MALLOC_ARENA_MAX=2: fewer glibc malloc arenas. Together ~300 MiB less
        # resident memory for the five services under load (bench/README.md has the figures).
        # TieredStopAtLevel=1 (C1 only): on two cores shared by five JVMs, Kafka and PostgreSQL, C2's
        # compiler threads were the largest CPU user for minutes after start; C1 alone halved the CPU
        # per report and cut resident memory by ~280 MiB (bench/README.md). HANDOFF_JVM_OPTS replaces
        # it (e.g. HANDOFF_JVM_OPTS=" " for the default tiered JIT, or other flags to measure with bench.sh).
        # HANDOFF_JFR=1: a Flight Recording per service in var/log/<s>-service.jfr (for profiling the benchmark).
        (
            cd "$ROOT_DIR/$s-service"
            kafka_password_var="KAFKA_${s^^}_PASSWORD"
            if [[ "$s" == notification ]] && ! running_pid "$s-service" >/dev/null; then demo_channels; fi
            QUARKUS_HTTP_PORT="$port" \
            DB_HOST="${PGHOST:-localhost}" DB_PORT="${PGPORT:-5432}" \
            KAFKA_BOOTSTRAP_SERVERS=localhost:9092 \
            HANDOFF_KAFKA_PASSWORD="${!kafka_password_var}" \
            OIDC_AUTH_SERVER_URL="http://localhost:8180/realms/handoff" \
            HANDOFF_CONSOLE_URL="http://localhost:$CONSOLE_PORT" \
                start_bg "$s-service" env MALLOC_ARENA_MAX=2 "$JAVA" -Xms64m -Xmx256m -XX:MaxHeapFreeRatio=40 -XX:+UseSerialGC \
                    ${HANDOFF_JVM_OPTS:--XX:TieredStopAtLevel=1} \
                    ${HANDOFF_JFR:+"-XX:StartFlightRecording=filename=$LOG_DIR/$s-service.jfr,settings=profile,dumponexit=true"} \
                    -jar "$(jar_of "$s")"
        )
    done
    if [[ "$WITH_CONSOLE" == yes ]]; then start_console; fi
    for entry in ${SERVICES[@]+"${SERVICES[@]}"}; do
        s="${entry%%:*}" port="${entry##*:}"
        wait_for "$s-service" 180 http_ok "http://localhost:$port/q/health/ready"
    done
    if [[ "$WITH_CONSOLE" == yes ]]; then
        wait_for console 120 http_ok "http://localhost:$CONSOLE_PORT/q/health/ready"
        log "console on http://localhost:$CONSOLE_PORT"
    fi
    if (( ${#SERVICES[@]} > 0 )); then log "${#SERVICES[@]} service(s) up in $((SECONDS - t0))s"; fi
}

stop() {
    local i
    if [[ "$WITH_CONSOLE" == yes ]]; then stop_pid console; fi
    for ((i = ${#SERVICES[@]} - 1; i >= 0; i--)); do
        stop_pid "${SERVICES[i]%%:*}-service"
    done
}

action="${1:-}"
(( $# > 0 )) && shift
case "$action" in
    start) select_services "$@"; start ;;
    stop) select_services "$@"; stop ;;
    *) echo "usage: $0 start|stop [NAME...]   (NAME: referral police health social notification, optionally with -service, or console)" >&2; exit 2 ;;
esac
