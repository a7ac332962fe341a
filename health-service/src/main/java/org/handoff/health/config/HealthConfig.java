package org.handoff.health.config;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Map;

/** Clinical windows after a sexual assault and the follow-up schedule (configurable per country). */
@ConfigMapping(prefix = "handoff.health")
public interface HealthConfig {

    Windows windows();

    /** Intervals after an encounter at which a follow-up visit falls due. */
    List<Period> followUps();

    interface Windows {

        Duration postExposureProphylaxis();

        Duration emergencyContraception();

        /** Forensic evidence type (ORAL, SKIN, ANAL, VAGINAL, ENDOCERVICAL) to how long it can be collected. */
        Map<String, Duration> forensic();
    }
}
