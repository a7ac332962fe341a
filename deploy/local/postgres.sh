#!/usr/bin/env bash
# PostgreSQL for the local stack and the tests.
#   postgres.sh ensure [--test]   server up; per-service roles and databases exist
#                                 (--test: also fresh, empty handoff_<s>_test databases)
#   postgres.sh stop              stop the local cluster, but only if ensure started it
# With PGHOST set, that server is used as is (PGUSER/PGPASSWORD/PGPORT: an admin that may
# create roles and databases); otherwise Debian's cluster ($PG_CLUSTER, default "15 main").
set -euo pipefail
. "$(dirname "$0")/lib.sh"

SERVICES=(referral police health social notification)
# Modules with @QuarkusTests on a database of their own but no service (and no main database).
TEST_ONLY=(plumbing)
read -r PG_VERSION PG_NAME <<< "${PG_CLUSTER:-15 main}"
STARTED_MARK="$RUN_DIR/postgres.started"

cluster_up() { pg_ctlcluster "$PG_VERSION" "$PG_NAME" status >/dev/null 2>&1; }

start_local_cluster() {
    if ! command -v pg_ctlcluster >/dev/null; then
        # A fresh machine of another image may lack the server; Debian's package brings
        # pg_ctlcluster and creates the default cluster.
        [[ $EUID -eq 0 ]] || die "pg_ctlcluster not found: install Debian's postgresql package or set PGHOST"
        log "installing Debian's postgresql package"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    if cluster_up; then
        return 0
    fi
    log "starting PostgreSQL cluster $PG_VERSION/$PG_NAME"
    pg_ctlcluster "$PG_VERSION" "$PG_NAME" start
    # Remember it was us, so stop.sh leaves a server someone else started alone.
    touch "$STARTED_MARK"
}

ensure_role() {
    local role="handoff_$1" pw_var="${1^^}_DB_PASSWORD"
    # psql variables (:'pw', :"role") do the quoting; \gexec runs the CREATE only if absent.
    psql_admin -v role="$role" -v pw="${!pw_var}" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'role')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
-- keep the password in step with var/secrets.env, whatever it was before
ALTER ROLE :"role" WITH LOGIN PASSWORD :'pw';
SQL
}

ensure_roles_and_databases() {
    local with_test="$1" s role
    for s in "${SERVICES[@]}"; do
        role="handoff_$s"
        ensure_role "$s"
        psql_admin -v role="$role" <<'SQL'
SELECT format('CREATE DATABASE %I OWNER %I', :'role', :'role')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'role') \gexec
SQL
    done
    log "roles and databases ready: ${SERVICES[*]/#/handoff_}"
    [[ "$with_test" == yes ]] || return 0

    for s in "${TEST_ONLY[@]}"; do ensure_role "$s"; done
    for s in "${SERVICES[@]}" "${TEST_ONLY[@]}"; do
        role="handoff_$s"
        # Tests start from an empty schema every run; FORCE ends leftover sessions.
        psql_admin -v role="$role" -v db="${role}_test" <<'SQL'
SET client_min_messages = warning;
DROP DATABASE IF EXISTS :"db" WITH (FORCE);
CREATE DATABASE :"db" OWNER :"role";
SQL
    done
    log "fresh test databases handoff_<name>_test for: ${SERVICES[*]} ${TEST_ONLY[*]}"
}

cmd="${1:-}"
case "$cmd" in
    ensure)
        with_test=no
        [[ "${2:-}" == --test ]] && with_test=yes
        if [[ -n "${PGHOST:-}" ]]; then
            log "using PostgreSQL at $PGHOST:${PGPORT:-5432}"
        else
            start_local_cluster
        fi
        ensure_roles_and_databases "$with_test"
        ;;
    stop)
        if [[ -e "$STARTED_MARK" ]]; then
            log "stopping PostgreSQL cluster $PG_VERSION/$PG_NAME (we started it)"
            pg_ctlcluster "$PG_VERSION" "$PG_NAME" stop
            rm -f "$STARTED_MARK"
        else
            log "PostgreSQL: not started by these scripts; leaving it as it is"
        fi
        ;;
    *)
        echo "usage: $0 ensure [--test] | stop" >&2
        exit 2
        ;;
esac
