-- What a consumed event was, beside its id, so an administrator can follow one case's events across
-- the services (GET /api/v1/admin/cases/{caseId}/flow): its type, case (ce_subject), topic and the
-- time its producer stamped on it (ce_time). Rows recorded before this migration have none of these.
ALTER TABLE processed_event
    ADD COLUMN event_type  text,
    ADD COLUMN subject     text,
    ADD COLUMN topic       text,
    ADD COLUMN produced_at timestamptz;
CREATE INDEX processed_event_by_subject ON processed_event (subject) WHERE subject IS NOT NULL;
-- the produced side: a case's outbox rows
CREATE INDEX outbox_message_by_subject ON outbox_message (subject) WHERE subject IS NOT NULL;
