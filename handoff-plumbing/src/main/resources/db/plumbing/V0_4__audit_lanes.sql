-- The audit hash chain without a database-wide lock: eight lanes, each its own hash chain with a
-- head row. An append locks only its lane's head (the lane is picked by the connection, so one
-- transaction appends to one lane and two transactions on different connections rarely wait for
-- each other). Verification walks every lane: an edited, inserted, removed or reordered entry breaks
-- its lane's links, and a removed last entry no longer matches the lane's head.
ALTER TABLE audit_entry ADD COLUMN lane integer;
ALTER TABLE audit_entry ADD COLUMN lane_position bigint;

-- rows written before lanes existed form lane 0, in the order they were chained
ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only;
UPDATE audit_entry e SET lane = 0, lane_position = o.position
FROM (SELECT seq, row_number() OVER (ORDER BY seq) AS position FROM audit_entry) o
WHERE e.seq = o.seq;
ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only;

ALTER TABLE audit_entry ALTER COLUMN lane SET NOT NULL;
ALTER TABLE audit_entry ALTER COLUMN lane_position SET NOT NULL;
ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_lane_position UNIQUE (lane, lane_position);

CREATE TABLE audit_lane_head (
    lane     integer PRIMARY KEY,
    position bigint NOT NULL,   -- lane_position of the lane's last entry (0: empty)
    hash     text   NOT NULL    -- hash of the lane's last entry (the genesis hash when empty)
);

INSERT INTO audit_lane_head (lane, position, hash)
SELECT lane, 0, repeat('0', 64) FROM generate_series(0, 7) AS lane;

UPDATE audit_lane_head h SET position = last.lane_position, hash = last.hash
FROM (SELECT lane_position, hash FROM audit_entry WHERE lane = 0 ORDER BY lane_position DESC LIMIT 1) last
WHERE h.lane = 0;

-- the previous hash, so one UPDATE … RETURNING hands the appender both links of its new entry
ALTER TABLE audit_lane_head ADD COLUMN prev_hash text NOT NULL DEFAULT repeat('0', 64);
