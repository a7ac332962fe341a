package org.handoff.police;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.handoff.events.IncidentType;
import org.handoff.events.PoliceView;
import org.handoff.events.RiskItem;
import org.handoff.events.RiskLevel;
import org.handoff.events.Sector;
import org.handoff.events.ServiceType;
import org.handoff.inbox.testing.SectorServiceContractTest;
import org.handoff.plumbing.security.Roles;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.handoff.plumbing.testing.TestTokens.token;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class SectorContractTest extends SectorServiceContractTest {

    @Override
    protected Sector sector() {
        return Sector.POLICE;
    }

    @Override
    protected String workerRole() {
        return Roles.POLICE_OFFICER;
    }

    @Override
    protected String foreignToken() {
        return token("worker.health", "almaty-city-hospital-4", "health", Roles.HEALTH_WORKER);
    }

    @Override
    protected Object sectorView() {
        Instant incident = Instant.now().minus(Duration.ofHours(3));
        return new PoliceView(IncidentType.PHYSICAL_ASSAULT, incident, false, RiskLevel.MEDIUM,
                Set.of(RiskItem.STRANGULATION), 1, Set.of(ServiceType.INVESTIGATION), null);
    }
}
