#!/usr/bin/env bash
# Starts the whole Handoff stack on this machine: PostgreSQL, Kafka, Keycloak, the DEMO mailbox and
# SMS/webhook sink, the five services, the web console, and the DEMO duty rosters (demo.sh).
# Harmless when (parts of it are) already up. Stop it with deploy/local/stop.sh.
set -euo pipefail
here="$(dirname "$0")"
. "$here/lib.sh"

t0=$SECONDS
"$here/postgres.sh" ensure
"$here/kafka.sh" start
"$here/keycloak.sh" start
# notification-service takes its e-mail and SMS settings from services.sh at its start: one already running
# without the mailbox and sink would go on sending neither, so it is restarted once they are up.
restart_notification=no
if [[ "${HANDOFF_DEMO:-on}" != off ]] && running_pid notification-service >/dev/null && ! { running_pid mailbox >/dev/null && running_pid sink >/dev/null; }; then
    restart_notification=yes
fi
# HANDOFF_DEMO=off (bench.sh) leaves out the demo mailbox, sink and rosters: a benchmark measures the
# referral flow, not e-mail sent for every overdue escalation.
demo="${HANDOFF_DEMO:-on}"
[[ "$demo" == off ]] || "$here/demo.sh" start
if [[ "$restart_notification" == yes ]]; then
    log "notification-service runs without the demo mailbox and sink: restarting it"
    "$here/services.sh" stop notification
fi
"$here/services.sh" start
[[ "$demo" == off ]] || "$here/demo.sh" seed
"$here/prometheus.sh" start

cat <<INFO

Handoff is up ($((SECONDS - t0))s).

  Console          http://localhost:8086   sign in as a DEMO user below, e.g. duty.police (live feed,
                   acknowledge) or admin.ops (dead letters and replay, a case's events across the services)
  Prometheus       $PROMETHEUS_URL   (when installed: alerts of deploy/monitoring/alerts.yml at /alerts)
  Services (REST under /api/v1, Swagger UI under /q/swagger-ui):
    referral       http://localhost:8081   http://localhost:8081/q/swagger-ui
    police         http://localhost:8082   http://localhost:8082/q/swagger-ui
    health         http://localhost:8083   http://localhost:8083/q/swagger-ui
    social         http://localhost:8084   http://localhost:8084/q/swagger-ui
    notification   http://localhost:8085   http://localhost:8085/q/swagger-ui
  Kafka            localhost:9092 (topics: deploy/kafka/topics.txt)
  PostgreSQL       ${PGHOST:-localhost}:${PGPORT:-5432}, databases handoff_<service>
  Keycloak admin   http://localhost:8180/admin/  user admin, password: KC_BOOTSTRAP_ADMIN_PASSWORD
                   in $SECRETS_FILE (generated for this machine)
  Realm            http://localhost:8180/realms/handoff

  DEMO ONLY users (realm handoff, client handoff-console; password = username + "-demo"):
    officer.police / officer.police-demo         police-officer  almaty-police-dept-1
    worker.health / worker.health-demo           health-worker   almaty-city-hospital-4
    worker.social / worker.social-demo           social-worker   almaty-crisis-centre
    manager.case / manager.case-demo             case-manager    almaty-coordination
    duty.police / duty.police-demo               duty-officer    almaty-police-dept-1
    supervisor.police / supervisor.police-demo   supervisor      almaty-police-dept-1
    admin.ops / admin.ops-demo                   admin           almaty-coordination
  Agency-system clients police-system, health-system, social-system: secrets in $SECRETS_FILE

  DEMO rosters (deploy/local/demo-rosters.json; notification-service, GET /api/v1/rosters as admin.ops):
    almaty-police-dept-1     duty.police -> supervisor.police -> manager.case
    almaty-city-hospital-4   demo.duty.health -> demo.supervisor.health -> manager.case
    almaty-crisis-centre     demo.duty.social -> demo.supervisor.social -> manager.case
    (duty officer -> supervisor -> coordinator, round the clock, Asia/Almaty)
  DEMO mailbox (GreenMail; every mail notification-service sends, in memory):
    $MAILBOX_URL/api/user/duty.police@handoff.example/messages/INBOX
    $MAILBOX_URL/api/user/<e-mail>/messages/INBOX   (mailboxes: $MAILBOX_URL/api/user)
  DEMO sinks (what an SMS gateway and the agency systems' webhooks received):
    $SINK_URL/sms    $SINK_URL/webhooks/<agency>    (counts: $SINK_URL/)
  Try it: post the example report of README.md ("Run it") as the police system, then open the mailbox
  of duty.police (status feedback) and demo.duty.health (the new referral).

  A token, e.g.:
    curl -s http://localhost:8180/realms/handoff/protocol/openid-connect/token \\
      -d grant_type=password -d client_id=handoff-console -d username=officer.police -d password=officer.police-demo

  Logs: $LOG_DIR/<name>.log     Stop: deploy/local/stop.sh
INFO
