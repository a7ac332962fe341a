-- Counters that refuse increments until unblocked: lets a test fix what made an event fail, then replay it.
CREATE TABLE test_blocked_counter (
    name text PRIMARY KEY
);
