#!/usr/bin/env bash
# What a newcomer needs to see a notification on the local stack: somewhere for it to go, and someone
# on duty to get it. DEMO ONLY.
#   demo.sh start   GreenMail standalone (Maven Central, the version notification-service tests with):
#                   SMTP on 127.0.0.1:3025, every mailbox readable over its HTTP API on localhost:8025;
#                   Sink.java on localhost:8026 for the SMS gateway (/sms) and agency webhooks
#                   (/webhooks/<agency>). services.sh points notification-service at whichever is running.
#   demo.sh seed    the DEMO people and rosters of demo-rosters.json in notification-service, through its
#                   REST API as the demo admin (admin.ops), each roster with a webhook to the sink; and a
#                   mailbox for each person. PUT by id: running it again replaces, never duplicates.
#   demo.sh stop
# Both servers keep what they received in memory only: a restart empties the mailboxes and the sink.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
DEMO_FILE="$LOCAL_DIR/demo-rosters.json"
NOTIFICATION_URL="http://localhost:8085"
TOKEN_URL="http://localhost:8180/realms/handoff/protocol/openid-connect/token"
DEMO_ADMIN=admin.ops
# The GreenMail version notification-service's tests run against: the demo mails to the server they check.
GREENMAIL_VERSION="$(sed -n 's:.*<greenmail.version>\(.*\)</greenmail.version>.*:\1:p' "$ROOT_DIR/notification-service/pom.xml")"
GREENMAIL_JAR="$VAR_DIR/greenmail/greenmail-standalone-$GREENMAIL_VERSION.jar"
DEPENDENCY_PLUGIN="org.apache.maven.plugins:maven-dependency-plugin:$(sed -n 's:.*<dependency-plugin.version>\(.*\)</dependency-plugin.version>.*:\1:p' "$ROOT_DIR/pom.xml")"

ensure_greenmail() {
    [[ -s "$GREENMAIL_JAR" ]] && return 0
    [[ -n "$GREENMAIL_VERSION" ]] || die "no greenmail.version in notification-service/pom.xml"
    log "fetching GreenMail standalone $GREENMAIL_VERSION (mvn dependency:copy into $VAR_DIR/greenmail)"
    # Run from var/, which has no pom.xml: inside the project the goal would run once per module.
    (cd "$VAR_DIR" && mvn -B -q "$DEPENDENCY_PLUGIN:copy" -Dartifact="com.icegreen:greenmail-standalone:$GREENMAIL_VERSION" \
        -DoutputDirectory="$VAR_DIR/greenmail" >&2)
    [[ -s "$GREENMAIL_JAR" ]] || die "no $GREENMAIL_JAR after mvn dependency:copy"
}

start() {
    if ! running_pid mailbox >/dev/null; then
        ensure_port_free mailbox "$MAIL_SMTP_PORT"
        ensure_port_free mailbox "$MAILBOX_PORT"
        ensure_greenmail
    fi
    # auth disabled: it takes mail for any address and opens that address's mailbox on the first
    # delivery, like a catch-all test server. Loopback only; 3025 is GreenMail's usual test SMTP port.
    start_bg mailbox "$JAVA" -Xmx192m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
        -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$MAIL_SMTP_PORT" \
        -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$MAILBOX_PORT" \
        -Dgreenmail.auth.disabled -jar "$GREENMAIL_JAR"
    running_pid sink >/dev/null || ensure_port_free sink "$SINK_PORT"
    # A single-file source launch: nothing to build. It checks webhook signatures with DEMO_WEBHOOK_SECRET
    # (exported from secrets.env by lib.sh), the secret seed gives every demo roster's webhook.
    start_bg sink "$JAVA" -Xmx64m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC "$LOCAL_DIR/Sink.java" "$SINK_PORT"
    wait_for mailbox 60 http_ok "$MAILBOX_URL/api/service/readiness"
    wait_for sink 60 http_ok "$SINK_URL/"
}

stop() {
    stop_pid sink
    stop_pid mailbox
}

admin_token() {
    curl -fsS --max-time 15 "$TOKEN_URL" -d grant_type=password -d client_id=handoff-console \
        -d username="$DEMO_ADMIN" -d password="$DEMO_ADMIN-demo" | jq -er .access_token
}

# put PATH JSON: PUT to notification-service as the demo admin; prints 201 (created) or 200 (replaced).
put() {
    local out status
    out="$(mktemp)"
    status="$(curl -sS --max-time 30 -o "$out" -w '%{http_code}' -X PUT -H "Authorization: Bearer $TOKEN" \
        -H 'Content-Type: application/json' --data-binary "$2" "$NOTIFICATION_URL$1")" || status=000
    if [[ "$status" != 200 && "$status" != 201 ]]; then
        log "PUT $1 answered HTTP $status: $(head -c 600 "$out")"
        rm -f "$out"
        return 1
    fi
    rm -f "$out"
    echo "$status"
}

# The mailbox exists before the first mail, so a newcomer opening its URL sees an empty inbox, not
# "user not found". GreenMail forgets it on restart; seed runs on every start.sh.
ensure_mailbox() {
    local email="$1"
    if curl -fsS --max-time 10 "$MAILBOX_URL/api/user" | jq -e --arg e "$email" 'any(.[]; .email == $e)' >/dev/null; then
        return 0
    fi
    curl -fsS --max-time 10 -o /dev/null -H 'Content-Type: application/json' \
        -d "$(jq -cn --arg e "$email" '{email: $e, login: $e, password: "demo"}')" "$MAILBOX_URL/api/user"
}

seed() {
    local person id email agency body status created=0 replaced=0
    command -v jq >/dev/null || die "demo.sh seed needs jq (apt-get install jq)"
    http_ok "$NOTIFICATION_URL/q/health/ready" || die "notification-service is not ready on $NOTIFICATION_URL: start the stack first"
    TOKEN="$(admin_token)" || die "no token for the demo admin $DEMO_ADMIN from $TOKEN_URL"

    while read -r person; do
        id="$(jq -r .userId <<< "$person")"
        status="$(put "/api/v1/people/$id" "$(jq -c 'del(.userId)' <<< "$person")")" || die "could not seed DEMO person $id"
        if [[ "$status" == 201 ]]; then created=$((created + 1)); else replaced=$((replaced + 1)); fi
        email="$(jq -r '.email // empty' <<< "$person")"
        if [[ -n "$email" ]] && running_pid mailbox >/dev/null; then
            ensure_mailbox "$email" || die "could not open the mailbox of $id in GreenMail"
        fi
    done < <(jq -c '.people[]' "$DEMO_FILE")

    # The webhook secret is generated per machine, so it is added here rather than kept in the file.
    while read -r agency; do
        body="$(jq -c --arg agency "$agency" --arg url "http://127.0.0.1:$SINK_PORT/webhooks/$agency" \
            --arg secret "$DEMO_WEBHOOK_SECRET" '.rosters[$agency] + {webhook: {url: $url, secret: $secret}}' "$DEMO_FILE")"
        status="$(put "/api/v1/rosters/$agency" "$body")" || die "could not seed the DEMO roster of $agency"
        if [[ "$status" == 201 ]]; then created=$((created + 1)); else replaced=$((replaced + 1)); fi
    done < <(jq -r '.rosters | keys[]' "$DEMO_FILE")
    log "DEMO people and rosters from $DEMO_FILE: $created created, $replaced there already (replaced by the file's)"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    seed) seed ;;
    *) echo "usage: $0 start|stop|seed" >&2; exit 2 ;;
esac
