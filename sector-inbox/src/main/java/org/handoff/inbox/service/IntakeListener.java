package org.handoff.inbox.service;

import io.smallrye.mutiny.Uni;
import org.handoff.events.CaseReported;
import org.handoff.events.RiskLevel;
import org.handoff.inbox.SurvivorReport;

/** A sector's own reaction to a report it took; runs inside the intake transaction. */
public interface IntakeListener {

    Uni<Void> reported(SurvivorReport report, CaseReported event, RiskLevel riskLevel);
}
