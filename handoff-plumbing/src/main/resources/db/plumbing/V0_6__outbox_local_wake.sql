-- A consumer's batch transaction wakes its own relay in-process right after the commit
-- (IncomingEvents), so its NOTIFY would only start a second, empty relay pass. It marks itself with
-- the transaction-local setting handoff.outbox_woken_locally; every other transaction (REST calls,
-- scheduled jobs) still notifies, which is also what wakes another instance's relay.
CREATE OR REPLACE FUNCTION outbox_message_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('handoff.outbox_woken_locally', true) IS DISTINCT FROM 'on' THEN
        PERFORM pg_notify('handoff_outbox', '');
    END IF;
    RETURN NULL;
END $$;
