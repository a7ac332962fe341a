#!/usr/bin/env bash
# Starts the whole Handoff stack on this machine: PostgreSQL, Kafka, Keycloak, the five services.
# Harmless when (parts of it are) already up. Stop it with deploy/local/stop.sh.
set -euo pipefail
here="$(dirname "$0")"
. "$here/lib.sh"

t0=$SECONDS
"$here/postgres.sh" ensure
"$here/kafka.sh" start
"$here/keycloak.sh" start
"$here/services.sh" start

cat <<INFO

Handoff is up ($((SECONDS - t0))s).

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

  A token, e.g.:
    curl -s http://localhost:8180/realms/handoff/protocol/openid-connect/token \\
      -d grant_type=password -d client_id=handoff-console -d username=officer.police -d password=officer.police-demo

  Logs: $LOG_DIR/<name>.log     Stop: deploy/local/stop.sh
INFO
