package org.handoff.social;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.handoff.events.IncidentType;
import org.handoff.events.RiskItem;
import org.handoff.events.RiskLevel;
import org.handoff.events.Sector;
import org.handoff.events.ServiceType;
import org.handoff.events.SocialView;
import org.handoff.inbox.testing.SectorServiceContractTest;
import org.handoff.plumbing.security.Roles;

import java.util.Set;

import static org.handoff.plumbing.testing.TestTokens.token;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class SectorContractTest extends SectorServiceContractTest {

    @Override
    protected Sector sector() {
        return Sector.SOCIAL;
    }

    @Override
    protected String workerRole() {
        return Roles.SOCIAL_WORKER;
    }

    @Override
    protected String foreignToken() {
        return token("officer.police", "almaty-police-dept-1", "police", Roles.POLICE_OFFICER);
    }

    @Override
    protected Object sectorView() {
        return new SocialView(IncidentType.PHYSICAL_ASSAULT, RiskLevel.HIGH, Set.of(RiskItem.THREATS_TO_KILL), 2,
                Set.of(ServiceType.SHELTER, ServiceType.SAFETY_PLANNING));
    }
}
