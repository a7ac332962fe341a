-- Append-only, hash-chained record of every read and write of case data: who, role, agency,
-- what, which target, when. Each row's hash covers its fields and the previous row's hash, so an
-- edited or deleted row breaks the chain from that point on.
CREATE TABLE audit_entry (
    seq          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recorded_at  timestamptz NOT NULL,
    actor_user   text        NOT NULL,
    actor_role   text        NOT NULL,
    actor_agency text        NOT NULL,
    action       text        NOT NULL,
    target_type  text        NOT NULL,
    target_id    text        NOT NULL,
    detail       text,
    prev_hash    text        NOT NULL,
    hash         text        NOT NULL
);

CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit entries are append-only';
END $$;

CREATE TRIGGER audit_entry_append_only
    BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
