package org.handoff.police.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.inbox.SurvivorReport;
import org.handoff.inbox.service.Instants;
import org.handoff.inbox.service.ReportDetails;
import org.handoff.police.Investigation;
import org.handoff.police.rest.ProtectionOrderView;
import org.handoff.police.repository.ProtectionOrderRepository;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** On a police report: its protection orders (with due time or expiry) and the investigation reference. */
@ApplicationScoped
public class PoliceDetails implements ReportDetails {

    private final ProtectionOrderRepository orders;
    private final Clock clock;

    public PoliceDetails(ProtectionOrderRepository orders, Clock clock) {
        this.orders = orders;
        this.clock = clock;
    }

    @Override
    public Uni<Map<String, Object>> details(SurvivorReport report) {
        return orders.findByCase(report.caseId).chain(found -> Investigation.<Investigation>findById(report.caseId)
                .map(investigation -> {
                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("protectionOrders", found.stream()
                            .map(o -> ProtectionOrderView.of(o, Instants.now(clock))).toList());
                    if (investigation != null) {
                        details.put("investigationReference", investigation.reference);
                    }
                    return details;
                }));
    }
}
