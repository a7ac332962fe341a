-- Idempotency-Key: the first answer to a POST is stored with the change it made, in one transaction,
-- and replayed to every retry with the same key from the same caller.
CREATE TABLE idempotency_record (
    scope        text        NOT NULL,   -- caller and operation
    idem_key     text        NOT NULL,
    request_hash text        NOT NULL,
    status       integer,
    body         text,
    location     text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, idem_key)
);
