package org.handoff.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The risk scale every service scores a report with, as the bundled Kazakh rule file sets it. */
class RiskScaleTest {

    private static final RiskScale KZ = RuleFiles.riskScale(Optional.empty(), "kz");

    @ParameterizedTest(name = "{0} yes, judgement {1}, {2} prior incidents -> {3}")
    @CsvSource(nullValues = "-", value = {
            "0,  -,        0, STANDARD, 0 of 24 checklist items yes: STANDARD",
            "9,  -,        0, STANDARD, 9 of 24 checklist items yes: STANDARD",
            "10, -,        0, MEDIUM,   10 of 24 checklist items yes: MEDIUM",
            "13, -,        0, MEDIUM,   13 of 24 checklist items yes: MEDIUM",
            "14, -,        0, HIGH,     14 of 24 checklist items yes: HIGH",
            "5,  HIGH,     0, HIGH,     5 of 24 checklist items yes: STANDARD; raised to HIGH by professional judgement",
            "14, STANDARD, 0, HIGH,     14 of 24 checklist items yes: HIGH",
            "3,  -,        2, STANDARD, 3 of 24 checklist items yes: STANDARD",
            "3,  -,        3, MEDIUM,   3 of 24 checklist items yes: STANDARD; raised to MEDIUM by 3 incidents in 12 months",
            "13, -,        3, HIGH,     13 of 24 checklist items yes: MEDIUM; raised to HIGH by 3 incidents in 12 months",
            "14, -,        5, HIGH,     14 of 24 checklist items yes: HIGH"})
    void scoresTheChecklistJudgementAndRepeatIncidents(int yes, RiskLevel judgement, int prior, RiskLevel level, String basis) {
        RiskScale.Score score = KZ.score(assessment(yes, judgement), prior);
        assertEquals(level, score.level());
        assertEquals(yes, score.yesCount());
        assertEquals(basis, score.basis());
    }

    @Test
    void noChecklistIsStandard() {
        assertEquals(RiskLevel.STANDARD, KZ.score(null, 0).level());
    }

    @Test
    void anotherCountrysFileSetsItsOwnThresholds(@TempDir Path dir) throws IOException {
        Path file = write(dir, "risk:\n  high-at-least: 12\n  medium-at-least: 6\n  repeat-incidents-raise: 2\n");
        RiskScale scale = RuleFiles.riskScale(Optional.of(file.toString()), "xx");
        assertEquals(RiskLevel.HIGH, scale.score(assessment(12, null), 0).level());
        assertEquals(RiskLevel.MEDIUM, scale.score(assessment(6, null), 0).level());
        assertEquals(RiskLevel.MEDIUM, scale.score(assessment(0, null), 2).level());
    }

    @Test
    void aBadRiskSectionIsRefusedNamingTheFileAndTheProblem(@TempDir Path dir) throws IOException {
        Path inverted = write(dir, "risk:\n  high-at-least: 10\n  medium-at-least: 14\n  repeat-incidents-raise: 3\n");
        var refused = assertThrows(IllegalStateException.class, () -> RuleFiles.riskScale(Optional.of(inverted.toString()), "xx"));
        assertTrue(refused.getMessage().contains(inverted.toString()), refused.getMessage());
        assertTrue(refused.getMessage().contains("risk thresholds must be ordered"), refused.getMessage());

        Path misspelt = write(dir, "risk:\n  high-at-least: 14\n  medium-at-leats: 10\n  repeat-incidents-raise: 3\n");
        var unknown = assertThrows(IllegalStateException.class, () -> RuleFiles.riskScale(Optional.of(misspelt.toString()), "xx"));
        assertTrue(unknown.getMessage().contains("medium-at-least"), "names the missing threshold: " + unknown.getMessage());

        Path none = write(dir, "country: XX\n");
        var missing = assertThrows(IllegalStateException.class, () -> RuleFiles.riskScale(Optional.of(none.toString()), "xx"));
        assertTrue(missing.getMessage().contains("the risk section is missing"), missing.getMessage());

        var noCountry = assertThrows(IllegalStateException.class, () -> RuleFiles.riskScale(Optional.empty(), "zz"));
        assertTrue(noCountry.getMessage().contains("routing/zz.yaml"), noCountry.getMessage());
    }

    private static Path write(Path dir, String yaml) throws IOException {
        Path file = Files.createTempFile(dir, "rules", ".yaml");
        return Files.writeString(file, yaml);
    }

    private static RiskAssessment assessment(int yes, RiskLevel judgement) {
        Map<RiskItem, Boolean> answers = new EnumMap<>(RiskItem.class);
        RiskItem[] items = RiskItem.values();
        for (int i = 0; i < items.length; i++) {
            answers.put(items[i], i < yes);
        }
        return new RiskAssessment(answers, judgement, new Actor("officer", "police-officer", "agency"), Instant.EPOCH);
    }
}
