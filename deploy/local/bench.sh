#!/usr/bin/env bash
# End-to-end handoff benchmark against the machine's own limits (issue 7). Measures and reports;
# never fails on speed. Exits non-zero only if reports were lost/duplicated or the stack failed.
#   deploy/local/bench.sh [--rates 25,50,100,...] [--step-seconds 30] [--p99-limit-ms 1000] [...]
#   deploy/local/bench.sh --chaos [--chaos-rate 20] [--chaos-seconds 300] [--chaos-pause-seconds 5]
#                         [--chaos-baseline-seconds 60] [--chaos-drain-seconds 600] [--chaos-parts a,b,...]
# 1. starts the local stack with start.sh unless it is already up (and stops it again at the end
#    only if it started it);
# 2. raw limits in the same run: Kafka ProducerPerformance (1 KiB, acks=all) and EndToEndLatency on
#    a throw-away topic handoff.bench (3 partitions), pgbench on a throw-away database handoff_pgbench;
# 3. the load: bench/ (org.handoff.bench.Bench), open-loop REST reports stepped up in rate;
# 4. results: bench/results/<timestamp>.json and .html, and a summary on stdout; with PostgreSQL by
#    service database (commits per report, pg_stat_statements' busiest statements, table sizes).
# --chaos: the flow under faults instead of 2 and 3 (bench/README.md, "Chaos run"): a fault-free
#    baseline step at the chaos rate, then one step at that rate during which referral-, police-, health-,
#    social-, notification-service, the Kafka broker and PostgreSQL's postmaster are each killed with
#    kill -9 in turn (spaced evenly over the step) and restarted after the pause with services.sh start
#    <name> / kafka.sh start / postgres.sh ensure; then it drains and accounts: lost, duplicated,
#    dead-lettered (per handoff.*.dlq), consumer lag, duplicate overdue escalations and notifications,
#    and per kill the time to recover. Exit 1 if anything was lost, dead-lettered or duplicated, 2 if a
#    part could not be restarted.
# Kafka security: if deploy/local/var/kafka/admin.properties exists (SASL/SCRAM), every Kafka tool
# and the benchmark's own admin client use it; otherwise plain text.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/lib.sh"

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
KAFKA_CONF_DIR="$DEPLOY_DIR/kafka"
BENCH_TOPIC=handoff.bench
BENCH_DB=handoff_pgbench
RAW_DIR="$(mktemp -d "${TMPDIR:-/tmp}/handoff-bench.XXXXXX")"
PRODUCER_RECORDS="${BENCH_PRODUCER_RECORDS:-300000}"
E2E_MESSAGES="${BENCH_E2E_MESSAGES:-5000}"
PGBENCH_SECONDS="${BENCH_PGBENCH_SECONDS:-20}"
PGBENCH_CLIENTS="${BENCH_PGBENCH_CLIENTS:-8}"

stack_started=no
chaos=no
for arg in "$@"; do [[ "$arg" == --chaos ]] && chaos=yes; done
pg_mark="$RUN_DIR/postgres.started"
pg_mark_before=unknown
kafka_tool() {
    "$JAVA" -Xmx512m -XX:+UseSerialGC \
        -Dlog4j2.configurationFile="$KAFKA_CONF_DIR/tools-log4j2.properties" \
        -cp "$(cat "$DEPLOY_DIR/target/kafka.classpath")" "$@"
}

# The admin client settings (SASL/SCRAM once the broker needs it), plus short timeouts.
client_config() {
    local f="$RAW_DIR/client.properties"
    { [[ -e "$KAFKA_ADMIN_CONFIG" ]] && cat "$KAFKA_ADMIN_CONFIG"; echo; echo "request.timeout.ms=15000"; } > "$f"
    echo "$f"
}

# A chaos run that ended early (Ctrl-C, a part that would not start) can leave a part down: bring back
# whatever is missing of a stack that was up before. postgres.sh ensure marks a cluster it starts as
# ours (postgres.started, which makes stop.sh stop it); a chaos restart must not change who owns it.
restore_after_chaos() {
    [[ "$chaos" == yes ]] || return 0
    if [[ "$stack_started" == no && "$pg_mark_before" != unknown ]] \
        && ! { stack_running && psql_admin -Atc 'SELECT 1' >/dev/null 2>&1; }; then
        log "chaos: part of the stack is down; starting what is missing (start.sh, output in $LOG_DIR/bench-chaos.log)"
        HANDOFF_DEMO=off "$here/start.sh" >> "$LOG_DIR/bench-chaos.log" 2>&1 || log "chaos: start.sh failed; see $LOG_DIR/"
    fi
    if [[ "$pg_mark_before" == no ]]; then rm -f "$pg_mark"; fi
}

cleanup() {
    local status=$?
    trap - EXIT
    restore_after_chaos
    kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server localhost:9092 \
        --command-config "$(client_config)" --delete --if-exists --topic "$BENCH_TOPIC" >/dev/null 2>&1 || true
    psql_admin -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" >/dev/null 2>&1 || true
    if [[ "$stack_started" == yes ]]; then "$here/stop.sh" || true; fi
    rm -rf "$RAW_DIR"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if stack_running; then
    log "the local stack is already running: benchmarking it and leaving it up"
else
    stack_started=yes
    HANDOFF_DEMO=off "$here/start.sh" > "$RAW_DIR/start.txt"
fi
pg_mark_before=no; [[ -e "$pg_mark" ]] && pg_mark_before=yes
# pg_stat_statements in each service database, for the per-statement figures; never restarts
# PostgreSQL (start.sh's ensure does that once, when nobody is connected), so a running stack is left alone
"$here/postgres.sh" statements
[[ -e "$KAFKA_ADMIN_CONFIG" ]] && log "Kafka: SASL client settings from $KAFKA_ADMIN_CONFIG" || log "Kafka: plain text (no $KAFKA_ADMIN_CONFIG)"
CLIENT_CONFIG="$(client_config)"

if [[ ! -s "$ROOT_DIR/bench/target/bench.classpath" || ! -d "$ROOT_DIR/bench/target/classes" ]]; then
    log "building bench/ (mvn -B -q package -DskipTests -pl bench -am)"
    (cd "$ROOT_DIR" && mvn -B -q package -DskipTests -pl bench -am >&2)
fi

others="$(pgrep -af 'maven|surefire|failsafe|quarkus-run|kafka\.Kafka|keycloak' | grep -vF "$ROOT_DIR/" | cut -c1-160 || true)"
[[ -n "$others" ]] && log "also running on this machine (not ours):"$'\n'"$others"

# The postmaster's pid file, which the bench reads again at every sample (so the sampling follows a
# restarted PostgreSQL) and the chaos run's kill reads its victim from; none for a server given by PGHOST.
postmaster_pid_file=""
if [[ -z "${PGHOST:-}" ]]; then
    pg_data="$(psql_admin -Atc 'SHOW data_directory' 2>/dev/null || true)"
    postmaster_pid_file="${pg_data:-/var/lib/postgresql/15/main}/postmaster.pid"
fi

# The machine's own limits, measured in the same run: the stepped benchmark's yardstick.
measure_raw_limits() {
    log "raw Kafka: topic $BENCH_TOPIC (3 partitions)"
    kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server localhost:9092 --command-config "$CLIENT_CONFIG" \
        --delete --if-exists --topic "$BENCH_TOPIC" >/dev/null 2>&1 || true
    kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server localhost:9092 --command-config "$CLIENT_CONFIG" \
        --create --topic "$BENCH_TOPIC" --partitions 3 --replication-factor 1 >&2
    log "raw Kafka: ProducerPerformance, $PRODUCER_RECORDS records of 1 KiB, acks=all"
    kafka_tool org.apache.kafka.tools.ProducerPerformance --topic "$BENCH_TOPIC" --num-records "$PRODUCER_RECORDS" \
        --record-size 1024 --throughput -1 --producer.config "$CLIENT_CONFIG" \
        --producer-props bootstrap.servers=localhost:9092 acks=all | tee "$RAW_DIR/producer-performance.txt" | tail -n 1 >&2
    log "raw Kafka: EndToEndLatency, $E2E_MESSAGES messages of 1 KiB, acks=all"
    kafka_tool org.apache.kafka.tools.EndToEndLatency localhost:9092 "$BENCH_TOPIC" "$E2E_MESSAGES" all 1024 "$CLIENT_CONFIG" \
        | tee "$RAW_DIR/end-to-end-latency.txt" | tail -n 2 >&2
    kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server localhost:9092 --command-config "$CLIENT_CONFIG" \
        --delete --topic "$BENCH_TOPIC" >&2

    log "raw PostgreSQL: pgbench on $BENCH_DB, $PGBENCH_CLIENTS clients, ${PGBENCH_SECONDS}s"
    PGBENCH=/usr/lib/postgresql/15/bin/pgbench
    psql_admin -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" -c "CREATE DATABASE $BENCH_DB"
    (cd / && runuser -u postgres -- "$PGBENCH" -q -i -s 10 "$BENCH_DB") > "$RAW_DIR/pgbench-init.txt" 2>&1
    (cd / && runuser -u postgres -- "$PGBENCH" -c "$PGBENCH_CLIENTS" -j 2 -T "$PGBENCH_SECONDS" "$BENCH_DB") \
        2>&1 | tee "$RAW_DIR/pgbench.txt" | grep -E '^(tps|latency average)' >&2
    psql_admin -c "DROP DATABASE $BENCH_DB WITH (FORCE)"
}

if [[ "$chaos" == yes ]]; then
    log "chaos run: raw Kafka and PostgreSQL limits skipped (the stepped benchmark's yardstick, not needed here)"
else
    measure_raw_limits
fi

log "load: org.handoff.bench.Bench $*"
set +e
"$JAVA" -Xmx512m -XX:+UseParallelGC -cp "$ROOT_DIR/bench/target/classes:$(cat "$ROOT_DIR/bench/target/bench.classpath")" \
    org.handoff.bench.Bench --raw "$RAW_DIR" --out "$ROOT_DIR/bench/results" --run-dir "$RUN_DIR" \
    --local-dir "$here" --secrets "$SECRETS_FILE" --kafka-config "$CLIENT_CONFIG" \
    ${postmaster_pid_file:+--postmaster-pid-file "$postmaster_pid_file"} \
    --note "${others:-no other heavy process seen}" "$@"
status=$?
set -e
exit "$status"
