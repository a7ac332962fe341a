-- Shelters with live capacity. The CHECK is the last line against overbooking: a placement takes
-- beds with one conditional UPDATE, so concurrent placements can never push occupied past capacity.
CREATE TABLE shelter (
    id       uuid PRIMARY KEY,
    name     text    NOT NULL,
    region   text    NOT NULL,
    agency   text    NOT NULL,
    capacity integer NOT NULL CHECK (capacity >= 0),
    occupied integer NOT NULL DEFAULT 0,
    CHECK (occupied >= 0 AND occupied <= capacity)
);

CREATE TABLE placement (
    id          uuid PRIMARY KEY,
    shelter_id  uuid        NOT NULL REFERENCES shelter (id),
    case_id     uuid        NOT NULL,
    agency      text        NOT NULL,
    beds        integer     NOT NULL CHECK (beds > 0),
    placed_at   timestamptz NOT NULL,
    placed_by   text        NOT NULL,
    released_at timestamptz,
    released_by text,
    version     bigint      NOT NULL DEFAULT 0
);
CREATE INDEX placement_case ON placement (case_id);

-- The safety plan is sensitive (safe places, code words): sealed like PII.
CREATE TABLE safety_plan (
    case_id        uuid PRIMARY KEY,
    agency         text        NOT NULL,
    plan_key_id    text        NOT NULL,
    plan_sealed    bytea       NOT NULL,
    updated_by     text        NOT NULL,
    updated_at     timestamptz NOT NULL,
    version        bigint      NOT NULL DEFAULT 0
);

CREATE TABLE psychosocial_session (
    id               uuid PRIMARY KEY,
    case_id          uuid        NOT NULL,
    agency           text        NOT NULL,
    held_at          timestamptz NOT NULL,
    duration_minutes integer     NOT NULL,
    modality         text        NOT NULL,
    counsellor       text        NOT NULL
);
CREATE INDEX psychosocial_session_case ON psychosocial_session (case_id, held_at);

CREATE TABLE legal_aid (
    id           uuid PRIMARY KEY,
    case_id      uuid        NOT NULL,
    agency       text        NOT NULL,
    matter       text        NOT NULL,
    provider     text,
    requested_at timestamptz NOT NULL,
    requested_by text        NOT NULL
);
CREATE INDEX legal_aid_case ON legal_aid (case_id);

-- A minor always triggers child protection, whatever the routing or consent (a legal duty).
CREATE TABLE child_protection_notification (
    id              uuid PRIMARY KEY,
    case_id         uuid        NOT NULL,
    agency          text,
    source          text        NOT NULL,     -- REPORT or REFERRAL
    source_id       uuid        NOT NULL UNIQUE,
    created_at      timestamptz NOT NULL,
    acknowledged_at timestamptz,
    acknowledged_by text
);
CREATE INDEX child_protection_open ON child_protection_notification (created_at) WHERE acknowledged_at IS NULL;
