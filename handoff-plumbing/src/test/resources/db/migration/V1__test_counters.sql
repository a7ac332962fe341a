CREATE TABLE test_counter (
    name  text PRIMARY KEY,
    value integer NOT NULL
);
