-- Shared by every service: the transactional outbox and the idempotent-consumer ledger.
-- Versions 0.x are the plumbing library's; each service numbers its own migrations from 1.

CREATE TABLE outbox_message (
    id             uuid PRIMARY KEY,              -- becomes the CloudEvent id: stable across re-publication
    position       bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    topic          text        NOT NULL,
    message_key    text        NOT NULL,
    type           text        NOT NULL,
    source         text        NOT NULL,
    subject        text,
    correlation_id text,
    payload        text        NOT NULL,
    occurred_at    timestamptz NOT NULL,
    sent_at        timestamptz
);

-- the relay only ever looks for unsent rows, in commit order
CREATE INDEX outbox_message_unsent ON outbox_message (position) WHERE sent_at IS NULL;

-- NOTIFY is transactional: listeners hear it only once the inserting transaction commits
CREATE FUNCTION outbox_message_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('handoff_outbox', '');
    RETURN NULL;
END $$;

CREATE TRIGGER outbox_message_inserted
    AFTER INSERT ON outbox_message
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_message_notify();

CREATE TABLE processed_event (
    consumer     text        NOT NULL,
    event_id     text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
