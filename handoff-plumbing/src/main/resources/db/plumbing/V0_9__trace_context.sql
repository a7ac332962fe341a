-- The W3C trace context (traceparent) of the request or consumed event that caused each outbox row:
-- the relay sends it on the Kafka record, so the next consumer continues the same trace. The ledger
-- keeps the trace id each event was applied under, for the per-case flow.
ALTER TABLE outbox_message ADD COLUMN trace_parent text;
ALTER TABLE processed_event ADD COLUMN trace_id text;
