package org.handoff.inbox.service;

import io.smallrye.mutiny.Uni;
import org.handoff.inbox.SurvivorReport;

import java.util.Map;

/** Sector facts shown on a report, e.g. police's protection order and investigation reference. */
public interface ReportDetails {

    Uni<Map<String, Object>> details(SurvivorReport report);
}
