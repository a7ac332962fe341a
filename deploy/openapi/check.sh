#!/usr/bin/env bash
# The five services' OpenAPI documents as the running stack serves them:
#   1. Redocly CLI's lint, recommended ruleset (redocly.yaml): fails on any error; warnings are printed;
#   2. Swagger UI in headless Debian Chromium (swagger-ui.test.mjs): sign in through Keycloak, call an
#      endpoint with the token.
#   deploy/openapi/check.sh            (the stack from deploy/local/start.sh must be up)
# Installs the pinned @redocly/cli and playwright-core (package-lock.json) from the npm registry.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/../local/lib.sh"

mkdir -p "$here/var"
rm -f "$here/var/"*.json
for entry in "${HANDOFF_SERVICES[@]}"; do
    name="${entry%%:*}-service" port="${entry##*:}"
    curl -fsS --max-time 15 "http://localhost:$port/q/openapi?format=json" -o "$here/var/$name.json" \
        || die "$name: no OpenAPI document at http://localhost:$port/q/openapi (is the stack up?)"
done
cd "$here"
npm ci --no-audit --no-fund
log "openapi: redocly lint (recommended) on ${#HANDOFF_SERVICES[@]} live documents"
npm run --silent lint
log "openapi: Swagger UI signs in through Keycloak (headless Chromium)"
npm test
