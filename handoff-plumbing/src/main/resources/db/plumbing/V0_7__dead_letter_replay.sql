-- What the last replay of each dead letter did. The dead letter itself stays in <topic>.dlq
-- (Kafka is append-only); this row is how a browse tells an open dead letter from one replayed.
-- The audit chain keeps every replay; this keeps the latest per record.
CREATE TABLE dead_letter_replay (
    dlq_topic     text        NOT NULL,
    dlq_partition integer     NOT NULL,
    dlq_offset    bigint      NOT NULL,
    event_id      text,
    outcome       text        NOT NULL CHECK (outcome IN ('applied', 'already-applied', 'failed-again')),
    error         text,
    replayed_by   text        NOT NULL,
    replayed_at   timestamptz NOT NULL,
    replays       integer     NOT NULL DEFAULT 1,
    PRIMARY KEY (dlq_topic, dlq_partition, dlq_offset)
);
