package org.handoff.referral.monitoring;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/** The event flows at one moment, as the broker reports them: no record is read. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FlowSnapshot(Instant asOf, List<TopicFlow> topics, List<GroupLag> consumers) {

    /** One topic: its partitions' end offsets and, from the previous sample, records produced per second. */
    public record TopicFlow(String topic, int partitions, long endOffset, Double producedPerSecond, boolean deadLetters) {
    }

    /** One consumer group on one topic: committed offsets and lag, per partition and summed. */
    public record GroupLag(String group, String topic, long committed, long end, long lag, List<PartitionLag> partitions) {
    }

    public record PartitionLag(int partition, Long committed, long end, long lag) {
    }
}
