package org.handoff.console.api;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Sends the signed-in user's own access token (from the code flow, kept in the session cookie) as the
 * bearer token of every call to a service, so each service authorizes and audits the person, not the
 * console. The console has no token of its own: with no signed-in user there is nothing to send.
 */
@ApplicationScoped
public class UserAccessToken implements ClientRequestFilter {

    private final SecurityIdentity identity;

    public UserAccessToken(SecurityIdentity identity) {
        this.identity = identity;
    }

    @Override
    public void filter(ClientRequestContext request) {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token == null) {
            throw new IllegalStateException("no signed-in user's access token to call " + request.getUri());
        }
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token.getToken());
    }
}
