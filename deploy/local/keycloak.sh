#!/usr/bin/env bash
# Keycloak (the keycloak-quarkus-dist zip from Maven Central) in dev mode on localhost:8180,
# with the handoff realm imported from deploy/keycloak/handoff-realm.json.
#   keycloak.sh start|stop
set -euo pipefail
. "$(dirname "$0")/lib.sh"

PORT=8180
KC_VERSION="$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' "$ROOT_DIR/pom.xml")"
KC_HOME="$VAR_DIR/keycloak/keycloak-$KC_VERSION"
REALM_FILE="$DEPLOY_DIR/keycloak/handoff-realm.json"
IMPORTED_MARK="$RUN_DIR/keycloak.imported"
READY_URL="http://localhost:$PORT/realms/handoff/.well-known/openid-configuration"

ensure_dist() {
    [[ -x "$KC_HOME/bin/kc.sh" ]] && return 0
    # Fetched on demand only: a plain `mvn verify` never downloads the ~170 MB dist.
    log "fetching Keycloak $KC_VERSION (mvn -Pkeycloak, unpacks into $VAR_DIR/keycloak)"
    mvn -B -q -f "$DEPLOY_DIR/pom.xml" -Pkeycloak dependency:unpack@unpack-keycloak >&2
    [[ -x "$KC_HOME/bin/kc.sh" ]] || die "no $KC_HOME/bin/kc.sh after unpacking"
}

# --import-realm skips a realm that already exists, so a changed realm file (or regenerated
# client secrets) would be silently ignored. Start from an empty dev database instead: it
# holds only what the import puts there.
ensure_fresh_import() {
    local want
    want="$(cat "$REALM_FILE" "$SECRETS_FILE" | sha256sum | cut -d' ' -f1)"
    if [[ "$(cat "$IMPORTED_MARK" 2>/dev/null)" != "$want" ]]; then
        [[ -d "$KC_HOME/data/h2" ]] && log "realm file or secrets changed: resetting Keycloak's dev database"
        rm -rf "$KC_HOME/data/h2"
        echo "$want" > "$IMPORTED_MARK"
    fi
    mkdir -p "$KC_HOME/data/import"
    # Keycloak resolves the ${..._CLIENT_SECRET} placeholders from the environment on import.
    # Swagger UI of each service exchanges its code for a token from the browser: the console
    # client lets those origins (the services of lib.sh) call the token endpoint (CORS).
    local origins="" entry
    for entry in "${HANDOFF_SERVICES[@]}"; do
        origins+="${origins:+, }\"http://localhost:${entry##*:}\""
    done
    sed "s|\"@LOCAL_SERVICE_ORIGINS@\"|$origins|" "$REALM_FILE" > "$KC_HOME/data/import/handoff-realm.json"
}

start() {
    local pid t0=$SECONDS
    if pid="$(running_pid keycloak)"; then
        log "keycloak already running (pid $pid) on http://localhost:$PORT"
        return 0
    fi
    ensure_port_free keycloak "$PORT"
    ensure_dist
    ensure_fresh_import
    # The client secrets (…_SYSTEM_CLIENT_SECRET) are already exported by lib.sh.
    KC_BOOTSTRAP_ADMIN_USERNAME=admin \
    KC_BOOTSTRAP_ADMIN_PASSWORD="$KC_BOOTSTRAP_ADMIN_PASSWORD" \
        start_bg keycloak "$KC_HOME/bin/kc.sh" start-dev \
            --http-host=127.0.0.1 --http-port="$PORT" --hostname="http://localhost:$PORT" \
            --import-realm
    # The first start also builds Keycloak's optimized image: allow for it.
    wait_for keycloak 240 http_ok "$READY_URL"
    log "keycloak up on http://localhost:$PORT in $((SECONDS - t0))s"
}

case "${1:-}" in
    start) start ;;
    stop) stop_pid keycloak ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
