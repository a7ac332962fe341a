package org.handoff.health;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.handoff.events.HealthView;
import org.handoff.events.IncidentType;
import org.handoff.events.Sector;
import org.handoff.events.ServiceType;
import org.handoff.inbox.testing.SectorServiceContractTest;
import org.handoff.plumbing.security.Roles;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.handoff.plumbing.testing.TestTokens.token;

/** Includes: a police token gets 403 on the health inbox. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class SectorContractTest extends SectorServiceContractTest {

    @Override
    protected Sector sector() {
        return Sector.HEALTH;
    }

    @Override
    protected String workerRole() {
        return Roles.HEALTH_WORKER;
    }

    @Override
    protected String foreignToken() {
        return token("officer.police", "almaty-police-dept-1", "police", Roles.POLICE_OFFICER);
    }

    @Override
    protected Object sectorView() {
        return new HealthView(IncidentType.PHYSICAL_ASSAULT, Instant.now().minus(Duration.ofHours(3)), false, true,
                null, List.of(), Set.of(ServiceType.MEDICAL_CARE));
    }
}
