#!/usr/bin/env bash
# PostgreSQL for the local stack and the tests.
#   postgres.sh ensure [--test]   server up; per-service roles and databases exist, with
#                                 pg_stat_statements (--test: also fresh, empty handoff_<s>_test databases)
#   postgres.sh statements        pg_stat_statements in the service databases, never restarting
#                                 the server (bench.sh, with the stack already up)
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

# pg_stat_statements, for the benchmark's per-statement figures of each service database. Its
# library loads only at server start: if the server runs without it, ALTER SYSTEM adds it to
# shared_preload_libraries (keeping whatever else is preloaded) and, with $1 = restart, the local
# cluster is restarted once, but only while nobody else is connected (a restart would end their
# sessions); otherwise it loads at the next restart and the benchmark reports the figures as
# unavailable until then. Never fatal: the stack works without it.
ensure_pg_stat_statements() {
    local may_restart="$1" preload others s
    if ! psql_admin -Atc "SELECT 1 FROM pg_available_extensions WHERE name = 'pg_stat_statements'" | grep -q 1; then
        log "warning: pg_stat_statements is not installed on this server; the benchmark will lack statement figures"
        return 0
    fi
    if ! preload="$(psql_admin -Atc "SHOW shared_preload_libraries")"; then
        log "warning: cannot read shared_preload_libraries (not a superuser?); pg_stat_statements left as it is"
    elif [[ ",${preload//[ \"]/}," != *,pg_stat_statements,* ]]; then
        if [[ -z "${PGHOST:-}" && ! -e "/usr/lib/postgresql/$PG_VERSION/lib/pg_stat_statements.so" ]]; then
            # a preload library that is missing would keep the cluster from starting at all
            log "warning: pg_stat_statements.so missing for PostgreSQL $PG_VERSION; not preloading it"
            return 0
        fi
        # One literal per library: a single 'a,b' literal would become one quoted library name.
        if ! psql_admin <<'SQL'
SELECT format('ALTER SYSTEM SET shared_preload_libraries = %s', string_agg(quote_literal(lib), ', ' ORDER BY n))
  FROM (SELECT btrim(lib, ' "') AS lib, n
          FROM unnest(string_to_array(current_setting('shared_preload_libraries'), ',')) WITH ORDINALITY AS t(lib, n)
         WHERE btrim(lib, ' "') <> ''
        UNION ALL
        SELECT 'pg_stat_statements', 2147483647) libs \gexec
SQL
        then
            log "warning: could not add pg_stat_statements to shared_preload_libraries (not a superuser?)"
        elif [[ -n "${PGHOST:-}" || "$may_restart" != restart ]]; then
            log "pg_stat_statements added to shared_preload_libraries; it loads when the server next restarts"
        else
            others="$(psql_admin -Atc "SELECT count(*) FROM pg_stat_activity
                                        WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()")"
            if [[ "$others" == 0 ]]; then
                log "restarting PostgreSQL cluster $PG_VERSION/$PG_NAME once, to load pg_stat_statements"
                pg_ctlcluster "$PG_VERSION" "$PG_NAME" restart
            else
                log "pg_stat_statements added to shared_preload_libraries; not restarting now ($others other" \
                    "session(s) open): it loads when the cluster next restarts"
            fi
        fi
    fi
    # The extension (its view and reset function) lives in each database; the service role, which
    # the benchmark connects as, may reset its own database's figures. Creating it works before
    # the library is loaded, so the view is there as soon as it is.
    for s in "${SERVICES[@]}"; do
        psql_admin -d "handoff_$s" -v role="handoff_$s" <<'SQL' || log "warning: pg_stat_statements not set up in handoff_$s"
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
SELECT format('GRANT EXECUTE ON FUNCTION %s TO %I', p.oid::regprocedure, :'role')
  FROM pg_proc p JOIN pg_extension e ON e.extname = 'pg_stat_statements'
  JOIN pg_depend d ON d.objid = p.oid AND d.refobjid = e.oid AND d.deptype = 'e'
 WHERE p.proname = 'pg_stat_statements_reset' \gexec
SQL
    done
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
        ensure_pg_stat_statements restart
        ;;
    statements)
        ensure_pg_stat_statements no-restart
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
        echo "usage: $0 ensure [--test] | statements | stop" >&2
        exit 2
        ;;
esac
