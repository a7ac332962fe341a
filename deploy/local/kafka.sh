#!/usr/bin/env bash
# A real single-node Kafka broker (KRaft, broker+controller in one JVM) from Maven Central jars.
#   kafka.sh start|stop          localhost:9092, data kept in var/kafka-data, topics from
#                                deploy/kafka/topics.txt, no auto-creation (a typo'd topic fails loudly)
#   kafka.sh start|stop --test   localhost:19092, fresh empty data every start, auto-creation on,
#                                so tests can run beside a running stack and never see old events
set -euo pipefail
. "$(dirname "$0")/lib.sh"

KAFKA_CONF_DIR="$DEPLOY_DIR/kafka"
CLASSPATH_FILE="$DEPLOY_DIR/target/kafka.classpath"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

action="${1:-}"
if [[ "${2:-}" == --test ]]; then
    NAME=kafka-test PORT=19092 AUTO_CREATE=true
else
    NAME=kafka PORT=9092 AUTO_CREATE=false
fi
CONTROLLER_PORT=$((PORT + 1))
DATA_DIR_RECORD="$RUN_DIR/$NAME.datadir"

kafka_classpath() {
    # The file names jars in ~/.m2: rebuild it when missing, stale, or the repository was wiped.
    if [[ ! -s "$CLASSPATH_FILE" || "$DEPLOY_DIR/pom.xml" -nt "$CLASSPATH_FILE" ]] \
        || [[ ! -e "$(cut -d: -f1 "$CLASSPATH_FILE")" ]]; then
        log "resolving Kafka jars (mvn -f deploy/pom.xml package)"
        mvn -B -q -f "$DEPLOY_DIR/pom.xml" package >&2
    fi
    cat "$CLASSPATH_FILE"
}

# Client tools get a small heap and quick startup; they run for a second or two.
kafka_tool() {
    "$JAVA" -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
        -Dlog4j2.configurationFile="$KAFKA_CONF_DIR/tools-log4j2.properties" \
        -cp "$CP" "$@"
}

# Readiness probe. Short client timeouts: by default one try waits 60 s for a broker,
# which would hide a crashed broker from wait_for for that long.
list_topics() {
    kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "localhost:$PORT" --list \
        --command-config <(printf 'default.api.timeout.ms=5000\nrequest.timeout.ms=3000\n')
}

# Idempotent: creates only what topics.txt declares and the broker lacks, in one JVM.
create_topics() {
    kafka_tool "$KAFKA_CONF_DIR/CreateTopics.java" "localhost:$PORT" "$KAFKA_CONF_DIR/topics.txt" | while read -r line; do log "$line"; done
}

# Only ever delete a test data dir this script made under var/.
remove_test_data() {
    local dir
    [[ -s "$DATA_DIR_RECORD" ]] || return 0
    dir="$(cat "$DATA_DIR_RECORD")"
    [[ "$dir" == "$VAR_DIR"/kafka-test-data.* ]] && rm -rf "$dir"
    return 0
}

start() {
    local pid data_dir cluster_id t0=$SECONDS
    if pid="$(running_pid "$NAME")"; then
        log "$NAME already running (pid $pid) on localhost:$PORT"
        return 0
    fi
    ensure_port_free "$NAME" "$PORT"
    ensure_port_free "$NAME" "$CONTROLLER_PORT"
    CP="$(kafka_classpath)"

    if [[ "$NAME" == kafka-test ]]; then
        # A leftover from a killed run is of no use: tests expect an empty broker.
        remove_test_data
        data_dir="$(mktemp -d "$VAR_DIR/kafka-test-data.XXXXXX")"
    else
        data_dir="$VAR_DIR/kafka-data"
        mkdir -p "$data_dir"
    fi
    echo "$data_dir" > "$DATA_DIR_RECORD"

    sed -e "s|@PORT@|$PORT|g" -e "s|@CONTROLLER_PORT@|$CONTROLLER_PORT|g" \
        -e "s|@DATA_DIR@|$data_dir|g" -e "s|@AUTO_CREATE@|$AUTO_CREATE|g" \
        "$KAFKA_CONF_DIR/server.properties" > "$data_dir/server.properties"

    # KRaft storage is formatted once per data dir, with a cluster id made for it.
    if [[ ! -e "$data_dir/logs/meta.properties" ]]; then
        [[ -s "$data_dir/cluster.id" ]] || kafka_tool kafka.tools.StorageTool random-uuid > "$data_dir/cluster.id"
        cluster_id="$(cat "$data_dir/cluster.id")"
        if ! kafka_tool kafka.tools.StorageTool format --standalone -t "$cluster_id" \
            -c "$data_dir/server.properties" >> "$LOG_DIR/$NAME.log" 2>&1; then
            tail -n 20 "$LOG_DIR/$NAME.log" >&2
            die "formatting Kafka storage in $data_dir failed"
        fi
    fi

    start_bg "$NAME" "$JAVA" -Xms256m -Xmx512m -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
        -Djava.awt.headless=true \
        -Dlog4j2.configurationFile="$KAFKA_CONF_DIR/log4j2.properties" \
        -cp "$CP" kafka.Kafka "$data_dir/server.properties"
    wait_for "$NAME" 90 list_topics

    [[ "$NAME" == kafka ]] && create_topics
    log "$NAME up on localhost:$PORT in $((SECONDS - t0))s"
}

stop() {
    stop_pid "$NAME"
    [[ "$NAME" == kafka-test ]] && remove_test_data
    rm -f "$DATA_DIR_RECORD"
}

case "$action" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 start|stop [--test]" >&2; exit 2 ;;
esac
