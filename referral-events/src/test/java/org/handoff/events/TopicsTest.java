package org.handoff.events;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopicsTest {

    @Test
    void inboxPerSector() {
        assertEquals("handoff.police.inbox", Topics.inbox(Sector.POLICE));
        assertEquals(Topics.HEALTH_INBOX, Topics.inbox(Sector.HEALTH));
        assertEquals(Topics.SOCIAL_INBOX, Topics.inbox(Sector.SOCIAL));
    }

    @Test
    void lifecyclePerReferringSector() {
        assertEquals("handoff.police.lifecycle", Topics.lifecycle(Sector.POLICE));
        assertEquals(Topics.HEALTH_LIFECYCLE, Topics.lifecycle(Sector.HEALTH));
        assertEquals(Topics.SOCIAL_LIFECYCLE, Topics.lifecycle(Sector.SOCIAL));
        assertEquals(List.of(Topics.POLICE_LIFECYCLE, Topics.HEALTH_LIFECYCLE, Topics.SOCIAL_LIFECYCLE), Topics.LIFECYCLES);
        assertEquals("handoff.social.lifecycle.dlq", Topics.dlq(Topics.lifecycle(Sector.SOCIAL)));
        assertThrows(NullPointerException.class, () -> Topics.lifecycle(null));
    }

    @Test
    void deadLetterTopics() {
        assertEquals("handoff.referral-status.dlq", Topics.dlq(Topics.REFERRAL_STATUS));
        assertTrue(Topics.isDlq("handoff.case-reported.dlq"));
        assertFalse(Topics.isDlq(Topics.CASE_REPORTED));
        assertEquals(Topics.CASE_REPORTED, Topics.originOf(Topics.dlq(Topics.CASE_REPORTED)));
        assertThrows(IllegalArgumentException.class, () -> Topics.dlq("handoff.notifications.dlq"));
        assertThrows(IllegalArgumentException.class, () -> Topics.originOf(Topics.NOTIFICATIONS));
        assertThrows(NullPointerException.class, () -> Topics.dlq(null));
    }

    @Test
    void allTopicsWithTheirDeadLetters() {
        List<String> all = Topics.allWithDlq();
        assertEquals(18, all.size());
        assertEquals(List.of(Topics.CASE_REPORTED, "handoff.case-reported.dlq"), all.subList(0, 2));
        assertTrue(all.containsAll(Topics.ALL));
    }

    @Test
    void whichEventsRideWhere() {
        assertEquals(Set.of(EventTypes.CASE_REPORTED), Topics.eventTypes(Topics.CASE_REPORTED));
        assertTrue(Topics.eventTypes(Topics.inbox(Sector.HEALTH)).contains(EventTypes.REFERRAL_REQUESTED));
        assertTrue(Topics.eventTypes(Topics.inbox(Sector.HEALTH)).contains(EventTypes.CONSENT_WITHDRAWN));
        assertFalse(Topics.eventTypes(Topics.REFERRAL_STATUS).contains(EventTypes.REFERRAL_REQUESTED));
        for (Sector sector : Sector.values()) {
            assertEquals(Set.of(EventTypes.REFERRAL_LIFECYCLE_CHANGED, EventTypes.REFERRAL_OVERDUE),
                    Topics.eventTypes(Topics.lifecycle(sector)), sector.name());
        }
        assertFalse(Topics.eventTypes(Topics.inbox(Sector.POLICE)).contains(EventTypes.REFERRAL_OVERDUE));
        assertEquals(Topics.eventTypes(Topics.NOTIFICATIONS), Topics.eventTypes(Topics.dlq(Topics.NOTIFICATIONS)));
        assertEquals(Set.of(), Topics.eventTypes("elsewhere"));
    }

    @Test
    void eventTypesMapBothWays() {
        assertEquals(16, EventTypes.PAYLOAD_TYPES.size());
        EventTypes.PAYLOAD_TYPES.forEach((type, payload) -> assertEquals(type, EventTypes.typeOf(payload)));
        assertEquals(ReferralAccepted.class, EventTypes.payloadClass("org.handoff.referral.accepted.v1").orElseThrow());
        assertTrue(EventTypes.payloadClass("org.handoff.referral.accepted.v9").isEmpty());
        assertTrue(EventTypes.payloadClass(null).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> EventTypes.typeOf(String.class));
    }

    @Test
    void cloudEventSources() {
        assertEquals("/handoff/health-service", CloudEvents.source(Sector.HEALTH));
        assertEquals(CloudEvents.SOURCE_REFERRAL_SERVICE, CloudEvents.source("referral-service"));
        assertEquals("ce_correlationid", CloudEvents.HEADER_CORRELATION_ID);
    }
}
