package org.handoff.console.api;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * referral-service's view of the whole flow (role admin): the broker's topics and consumer groups
 * (monitoring/FlowsResource, FlowSnapshot) and the referrals by state with those needing attention
 * (rest/AdminReferralResource, monitoring/ReferralMonitoring). Ids, sectors, agencies, codes and times only.
 */
@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
@RegisterRestClient(configKey = "referral")
@RegisterProvider(UserAccessToken.class)
public interface MonitoringApi {

    /** The three lists referral-service keeps of referrals needing attention. */
    List<String> ATTENTION = List.of("overdue", "escalated", "stuck");

    @GET
    @Path("/flows")
    Uni<Flows> flows();

    @GET
    @Path("/referrals/overview")
    Uni<Overview> overview();

    @GET
    @Path("/referrals/{attention}")
    Uni<AttentionPage> attention(@PathParam("attention") String attention, @QueryParam("page") Integer page,
                                 @QueryParam("size") Integer size);

    /** {@code producedPerSecond} is absent until the monitor has two samples. */
    record Topic(String topic, int partitions, long endOffset, Double producedPerSecond, boolean deadLetters) {
    }

    record PartitionLag(int partition, Long committed, long end, long lag) {
    }

    record GroupLag(String group, String topic, long committed, long end, long lag, List<PartitionLag> partitions) {
    }

    record Flows(Instant asOf, List<Topic> topics, List<GroupLag> consumers) {
    }

    record StateCount(String state, String sector, long count) {
    }

    record Overview(Instant asOf, List<StateCount> byStateAndSector, long overdue, long escalated, long stuck) {
    }

    record AttentionItem(UUID referralId, UUID caseId, String state, String recipientSector, String recipientAgency,
                         String referringSector, String referringAgency, String priority, Instant requestedAt,
                         Duration age, String deadline, Instant dueAt, Duration overdueBy, int escalationLevel,
                         Instant lastChangeAt) {
    }

    record AttentionPage(List<AttentionItem> items, int page, int size, long total) {
    }
}
