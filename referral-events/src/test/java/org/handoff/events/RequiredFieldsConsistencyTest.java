package org.handoff.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The schema and the records agree on what is required: for every field of every golden file
 * (at any depth), leaving it out is either accepted by both or rejected by both. A rejection by
 * the record surfaces as {@link InvalidEventException}.
 */
class RequiredFieldsConsistencyTest {

    static List<String> goldenFiles() {
        return Contract.goldenFiles();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenFiles")
    void schemaAndRecordAgreeOnEveryOmission(String file) throws Exception {
        String type = Contract.typeOfGolden(file);
        JsonNode golden = Contract.golden(file);
        List<String> pointers = new ArrayList<>();
        collectFieldPointers(golden, "", pointers);

        List<String> disagreements = new ArrayList<>();
        int rejectedByBoth = 0;
        for (String pointer : pointers) {
            JsonNode mutated = golden.deepCopy();
            int slash = pointer.lastIndexOf('/');
            ((ObjectNode) mutated.at(pointer.substring(0, slash))).remove(pointer.substring(slash + 1));

            boolean schemaAccepts = Contract.validate(type, mutated).isEmpty();
            boolean recordAccepts;
            try {
                EventJson.read(type, Contract.json().writeValueAsBytes(mutated));
                recordAccepts = true;
            } catch (InvalidEventException e) {
                recordAccepts = false;
            }
            if (schemaAccepts != recordAccepts) {
                disagreements.add(pointer + " omitted: schema " + (schemaAccepts ? "accepts" : "rejects")
                        + ", record " + (recordAccepts ? "accepts" : "rejects"));
            }
            if (!schemaAccepts && !recordAccepts) {
                rejectedByBoth++;
            }
        }
        assertTrue(disagreements.isEmpty(), file + ":\n" + String.join("\n", disagreements));
        assertTrue(rejectedByBoth > 0, file + ": no required field found");
    }

    private static void collectFieldPointers(JsonNode node, String pointer, List<String> out) {
        if (node instanceof ObjectNode object) {
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                String child = pointer + "/" + name;
                out.add(child);
                collectFieldPointers(object.get(name), child, out);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                collectFieldPointers(array.get(i), pointer + "/" + i, out);
            }
        }
    }
}
