#!/usr/bin/env bash
# Prometheus for the local stack, from Debian's prometheus package when it is installed, scraping the
# five services' /q/metrics (HANDOFF_SERVICES of lib.sh) with the alert rules of deploy/monitoring/.
#   prometheus.sh start   renders deploy/monitoring/prometheus.yml into var/prometheus/ and starts it on
#                         localhost:9090 (skipped, with a note, when prometheus is not installed)
#   prometheus.sh stop
#   prometheus.sh check   promtool: the config, the alert rules and their unit tests; then, if Prometheus
#                         runs, that every Grafana dashboard query returns series (check-dashboards.mjs)
set -euo pipefail
. "$(dirname "$0")/lib.sh"

MONITORING_DIR="$ROOT_DIR/deploy/monitoring"
PROM_DIR="$VAR_DIR/prometheus"
PROM_CONFIG="$PROM_DIR/prometheus.yml"
TARGETS_FILE="$PROM_DIR/targets.json"

render() {
    local entry first=yes
    mkdir -p "$PROM_DIR/data"
    {
        printf '['
        for entry in "${HANDOFF_SERVICES[@]}"; do
            [[ "$first" == yes ]] || printf ','
            first=no
            printf '{"targets":["localhost:%s"],"labels":{"service":"%s-service"}}' "${entry##*:}" "${entry%%:*}"
        done
        printf ']\n'
    } > "$TARGETS_FILE"
    sed -e "s|@MONITORING_DIR@|$MONITORING_DIR|g" -e "s|@TARGETS_FILE@|$TARGETS_FILE|g" \
        "$MONITORING_DIR/prometheus.yml" > "$PROM_CONFIG"
}

start() {
    if ! command -v prometheus >/dev/null; then
        log "prometheus is not installed (apt-get install prometheus): the stack runs without it"
        return 0
    fi
    if running_pid prometheus >/dev/null; then
        log "prometheus already running"
        return 0
    fi
    render
    promtool check config "$PROM_CONFIG" >&2
    ensure_port_free prometheus "$PROMETHEUS_PORT"
    start_bg prometheus prometheus --config.file="$PROM_CONFIG" --storage.tsdb.path="$PROM_DIR/data" \
        --storage.tsdb.retention.time=2d --web.listen-address="127.0.0.1:$PROMETHEUS_PORT"
    wait_for prometheus 60 http_ok "$PROMETHEUS_URL/-/ready"
}

stop() {
    stop_pid prometheus
}

check() {
    command -v promtool >/dev/null || die "promtool is not installed (apt-get install prometheus)"
    render
    promtool check config "$PROM_CONFIG" >&2
    promtool check rules "$MONITORING_DIR/alerts.yml" >&2
    (cd "$MONITORING_DIR" && promtool test rules alerts-test.yml) >&2
    if running_pid prometheus >/dev/null; then
        # every service scraped at least twice, so the rate() panels have two samples
        wait_for prometheus 90 all_targets_scraped
        sleep 12
        node "$MONITORING_DIR/check-dashboards.mjs" "$PROMETHEUS_URL" >&2
    else
        log "prometheus is not running: dashboard queries not checked against it"
    fi
}

all_targets_scraped() {
    local up
    up="$(curl -fsS --max-time 5 "$PROMETHEUS_URL/api/v1/query?query=count(up%7Bjob%3D%22handoff%22%7D%3D%3D1)")"
    [[ "$up" == *"\"value\":["*",\"${#HANDOFF_SERVICES[@]}\"]"* ]]
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    check) check ;;
    *) die "usage: prometheus.sh start|stop|check" ;;
esac
