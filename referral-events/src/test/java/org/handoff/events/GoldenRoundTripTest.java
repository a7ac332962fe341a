package org.handoff.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Golden JSON → record → JSON gives back the golden JSON, and both sides are valid against the schema. */
class GoldenRoundTripTest {

    static List<String> goldenFiles() {
        return Contract.goldenFiles();
    }

    @Test
    void thereAreGoldenFiles() {
        assertTrue(goldenFiles().size() >= EventTypes.PAYLOAD_TYPES.size(), "golden files: " + goldenFiles());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenFiles")
    void goldenIsValidAgainstItsSchema(String file) {
        String type = Contract.typeOfGolden(file);
        Set<ValidationMessage> errors = Contract.validate(type, Contract.golden(file));
        assertTrue(errors.isEmpty(), file + ": " + errors);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenFiles")
    void roundTripGivesBackTheGolden(String file) throws Exception {
        String type = Contract.typeOfGolden(file);
        JsonNode golden = Contract.golden(file);

        HandoffEvent event = Contract.json().treeToValue(golden, Contract.payloadClass(type));
        JsonNode written = Contract.json().valueToTree(event);

        Contract.assertSameJson(golden, written, file + ": serialised form differs from the golden file");
        assertEquals(type, event.eventType());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenFiles")
    void serialisedRecordIsValidAgainstItsSchema(String file) throws Exception {
        String type = Contract.typeOfGolden(file);
        HandoffEvent event = EventJson.read(type, Contract.json().writeValueAsBytes(Contract.golden(file)));

        byte[] bytes = EventJson.toBytes(event);
        Set<ValidationMessage> errors = Contract.validate(type, Contract.json().readTree(bytes));

        assertTrue(errors.isEmpty(), file + ": " + errors);
        assertInstanceOf(Contract.payloadClass(type), event);
        assertEquals(event, EventJson.read(type, bytes), "bytes → record → bytes → record is stable");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenFiles")
    void goldenUsesIsoTimesAndNoNulls(String file) {
        String text = Contract.golden(file).toString();
        assertFalse(text.contains(":null"), file + " has null values; absent fields are left out");
        assertTrue(text.matches(".*\"20\\d\\d-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z\".*"),
                file + " has no ISO-8601 instant");
    }
}
