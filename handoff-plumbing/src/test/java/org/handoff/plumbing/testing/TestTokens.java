package org.handoff.plumbing.testing;

import io.smallrye.jwt.build.Jwt;

import java.util.Set;

/** Real signed bearer tokens, verified by the service against the test OIDC server's keys. */
public final class TestTokens {

    private TestTokens() {
    }

    public static String token(String user, String agency, String sector, String... roles) {
        var claims = Jwt.preferredUserName(user)
                .subject(user)
                .groups(Set.of(roles))
                .issuer("https://server.example.com")
                .audience("https://service.example.com");
        if (agency != null) {
            claims.claim("agency", agency);
        }
        if (sector != null) {
            claims.claim("sector", sector);
        }
        return claims.jws().keyId("1").sign("privateKey.jwk");
    }
}
