-- Shared by the three sector services (police, health, social): versions 0.10+ belong to sector-inbox.

-- The recipient side of a referral: what arrived on this sector's inbox topic and where it stands.
CREATE TABLE inbox_referral (
    referral_id         uuid PRIMARY KEY,
    case_id             uuid        NOT NULL,
    sector              text        NOT NULL,
    agency              text,                     -- null: any agency of the sector may take it (first accept claims it)
    referring_sector    text        NOT NULL,
    region              text        NOT NULL,
    priority            text        NOT NULL,
    state               text        NOT NULL,
    minor               boolean,
    request_json        text,                     -- the ReferralRequested as received; null once restricted
    requested_at        timestamptz NOT NULL,
    receipt_due         timestamptz NOT NULL,
    acceptance_due      timestamptz NOT NULL,
    received_at         timestamptz NOT NULL,
    accepted_at         timestamptz,
    started_at          timestamptz,
    closed_at           timestamptz,              -- completed, declined or cancelled
    decline_reason      text,
    outcome             text,
    cancellation_reason text,
    restricted          boolean     NOT NULL DEFAULT false,
    restricted_reason   text,
    correlation_id      text,
    last_actor          text,
    updated_at          timestamptz NOT NULL,
    version             bigint      NOT NULL DEFAULT 0
);
CREATE INDEX inbox_referral_by_due ON inbox_referral (acceptance_due, referral_id);
CREATE INDEX inbox_referral_by_case ON inbox_referral (case_id);

-- A report taken at this sector (intake). Survivor PII only as AES-GCM ciphertext with its key id.
CREATE TABLE survivor_report (
    id             uuid PRIMARY KEY,
    case_id        uuid        NOT NULL UNIQUE,
    sector         text        NOT NULL,
    agency         text        NOT NULL,
    reported_by    text        NOT NULL,
    reported_at    timestamptz NOT NULL,
    region         text        NOT NULL,
    survivor_ref   text        NOT NULL,
    minor          boolean     NOT NULL,
    incident_type  text        NOT NULL,
    incident_at    timestamptz NOT NULL,
    risk_level     text,
    pii_key_id     text        NOT NULL,
    pii_ciphertext bytea       NOT NULL,
    case_reported  text        NOT NULL,          -- the published event: pseudonymous, no PII
    correlation_id text        NOT NULL
);
CREATE INDEX survivor_report_by_agency ON survivor_report (agency, reported_at DESC);

-- Closed loop: live status of the referrals this sector's reports caused (from handoff.referral-lifecycle).
CREATE TABLE origin_referral (
    referral_id         uuid PRIMARY KEY,
    case_id             uuid        NOT NULL,
    recipient_sector    text        NOT NULL,
    recipient_agency    text,
    referring_agency    text        NOT NULL,
    priority            text        NOT NULL,
    state               text        NOT NULL,
    overdue             boolean     NOT NULL DEFAULT false,
    decline_reason      text,
    cancellation_reason text,
    outcome             text,
    updated_at          timestamptz NOT NULL
);
CREATE INDEX origin_referral_by_case ON origin_referral (case_id);

CREATE TABLE origin_referral_step (
    referral_id    uuid        NOT NULL REFERENCES origin_referral (referral_id),
    to_state       text        NOT NULL,
    from_state     text,
    actor_user     text        NOT NULL,
    actor_role     text        NOT NULL,
    actor_agency   text        NOT NULL,
    occurred_at    timestamptz NOT NULL,
    latency_millis bigint,
    PRIMARY KEY (referral_id, to_state)
);
