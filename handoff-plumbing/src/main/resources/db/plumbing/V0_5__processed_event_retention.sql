-- processed_event rows are kept only as long as a redelivery could still arrive (retention purge,
-- ProcessedEventsPurge); the index lets the hourly purge find old rows without scanning the table.
CREATE INDEX processed_event_processed_at ON processed_event (processed_at);
