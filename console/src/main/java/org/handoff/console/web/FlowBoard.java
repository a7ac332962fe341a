package org.handoff.console.web;

import org.handoff.console.api.MonitoringApi;
import org.handoff.console.api.OutboxApi;

import java.util.List;

/**
 * The administrator's flow dashboard: the broker's topics and consumer groups and the referrals by state (both
 * from referral-service), and per service its consumer group, outbox backlog and dead letters. Each part can
 * fail alone; a service that did not answer says so on its own row.
 */
public record FlowBoard(CaseFlow.Part<MonitoringApi.Flows> flows, CaseFlow.Part<MonitoringApi.Overview> overview,
                        List<ServiceRow> services) {

    /**
     * One service: its consumer group's lag per topic as the broker reports it (empty when the broker knows no
     * group of that name), its outbox (or the error the call ended with), its dead letters.
     */
    public record ServiceRow(String service, String group, List<MonitoringApi.GroupLag> consumers,
                             OutboxApi.Backlog outbox, String outboxError, DeadLetterListing.ServiceTotal deadLetters) {

        public long lag() {
            return consumers.stream().mapToLong(MonitoringApi.GroupLag::lag).sum();
        }
    }

    public List<String> attentionLists() {
        return MonitoringApi.ATTENTION;
    }
}
