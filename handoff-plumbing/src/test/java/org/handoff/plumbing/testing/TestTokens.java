package org.handoff.plumbing.testing;

import io.smallrye.jwt.build.Jwt;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Set;

/**
 * Real signed bearer tokens, verified by the service against the test OIDC server's keys. They name
 * the service under test as audience, as Keycloak's audience mappers do for the clients meant to
 * call it.
 */
public final class TestTokens {

    private TestTokens() {
    }

    public static String token(String user, String agency, String sector, String... roles) {
        return tokenFor(serviceUnderTest(), user, agency, sector, roles);
    }

    /** A token issued for {@code audience}: for another service's name, the service under test must refuse it. */
    public static String tokenFor(String audience, String user, String agency, String sector, String... roles) {
        var claims = Jwt.preferredUserName(user)
                .subject(user)
                .groups(Set.of(roles))
                .issuer("https://server.example.com")
                .audience(audience);
        if (agency != null) {
            claims.claim("agency", agency);
        }
        if (sector != null) {
            claims.claim("sector", sector);
        }
        return claims.jws().keyId("1").sign("privateKey.jwk");
    }

    /** A real service other than the one under test, for tokens it must refuse. */
    public static String anotherService() {
        return serviceUnderTest().equals("referral-service") ? "police-service" : "referral-service";
    }

    public static String serviceUnderTest() {
        return ConfigProvider.getConfig().getValue("quarkus.oidc.token.audience", String.class);
    }
}
