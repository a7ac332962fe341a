package org.handoff.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.handoff.plumbing.testing.ServiceFoundationTest;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class FoundationTest extends ServiceFoundationTest {
}
