package org.handoff.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The schemas are not vacuous: they reject what an agency system must not send or accept. */
class SchemaRejectsTest {

    @Test
    void malformedIdsTimesAndEnums() {
        rejected(EventTypes.REFERRAL_ACCEPTED, "", n -> n.put("caseId", "case-42"));
        rejected(EventTypes.REFERRAL_ACCEPTED, "", n -> n.put("occurredAt", "02/03/2026 08:52"));
        rejected(EventTypes.REFERRAL_ACCEPTED, "", n -> n.put("sector", "EDUCATION"));
        rejected(EventTypes.REFERRAL_ACCEPTED, "/actor", n -> n.put("agency", " "));
        rejected(EventTypes.REFERRAL_OVERDUE, "", n -> n.put("escalationLevel", 0));
        rejected(EventTypes.REFERRAL_OVERDUE, "", n -> n.put("state", "COMPLETED"));
        rejected(EventTypes.REFERRAL_REQUESTED, "", n -> n.put("priority", "emergency"));
        rejected(EventTypes.CASE_REPORTED, "/risk/answers", n -> n.put("FAVOURITE_COLOUR", true));
        rejected(EventTypes.CASE_REPORTED, "/risk/answers", n -> n.put("STRANGULATION", "yes"));
        rejected(EventTypes.CASE_REPORTED, "/survivor/matchKeys/0", n -> n.put("hash", "+996555123456"));
        rejected(EventTypes.CASE_REPORTED, "", n -> n.put("region", "Bishkek"));
        rejected(EventTypes.CASE_REPORTED, "/survivor", n -> n.put("ref", "Aigerim Bekova"));
        rejected(EventTypes.CASE_REPORTED, "/survivor/safeContact", n -> n.put("safeFrom", "9am"));
        rejected(EventTypes.CASE_REPORTED, "/incident", n -> n.put("priorIncidentsLast12Months", -1));
        rejected(EventTypes.CONSENT_WITHDRAWN, "", n -> n.putArray("sectors"));
    }

    @Test
    void duplicatesInSetsAreRejectedOnTheWireButToleratedByTheRecords() {
        JsonNode doc = Contract.golden(EventTypes.CONSENT_WITHDRAWN + ".json").deepCopy();
        ((ObjectNode) doc).putArray("sectors").add("HEALTH").add("HEALTH");
        assertFalse(Contract.validate(EventTypes.CONSENT_WITHDRAWN, doc).isEmpty(), "uniqueItems");
        ConsentWithdrawn read = (ConsentWithdrawn) EventJson.read(EventTypes.CONSENT_WITHDRAWN, doc.toString().getBytes());
        assertEquals(Set.of(Sector.HEALTH), read.sectors(), "a tolerant reader collapses the duplicate");
    }

    @Test
    void survivorAgeAndMinorMustAgree() {
        rejected(EventTypes.CASE_REPORTED, "/survivor", n -> n.put("ageYears", 16));
        rejected(EventTypes.REFERRAL_REQUESTED, "/survivor", n -> n.put("minor", true));
    }

    @Test
    void aReferralCarriesOnlyItsRecipientsView() {
        JsonNode police = Contract.golden(EventTypes.REFERRAL_REQUESTED + "--police.json").get("police");
        rejected(EventTypes.REFERRAL_REQUESTED, "", n -> n.set("police", police));
        rejected(EventTypes.REFERRAL_REQUESTED, "", n -> n.put("recipientSector", "POLICE"));
    }

    @Test
    void lifecycleReasonsGoWithTheirStates() {
        rejected(EventTypes.REFERRAL_LIFECYCLE_CHANGED, "", n -> n.put("declineReason", "NO_CAPACITY"));
        rejected(EventTypes.REFERRAL_LIFECYCLE_CHANGED, "", n -> n.put("toState", "COMPLETED"));
        rejected(EventTypes.REFERRAL_LIFECYCLE_CHANGED, "", n -> n.put("fromState", "COMPLETED"));
        rejected(EventTypes.REFERRAL_LIFECYCLE_CHANGED, "", n -> n.put("latencyMillis", -5));
        rejected(EventTypes.REFERRAL_LIFECYCLE_CHANGED, "", n -> n.put("toState", "REQUESTED"));
    }

    /** Mutates the golden file of the type at the pointer; the schema must reject it, and so must the record. */
    private static void rejected(String type, String pointer, Consumer<ObjectNode> mutation) {
        JsonNode doc = Contract.golden(type + ".json").deepCopy();
        mutation.accept((ObjectNode) doc.at(pointer));
        assertFalse(Contract.validate(type, doc).isEmpty(), type + pointer + " accepted by the schema: " + doc);
        assertThrows(InvalidEventException.class,
                () -> EventJson.read(type, Contract.json().writeValueAsBytes(doc)), type + pointer + " read by the record");
    }
}
