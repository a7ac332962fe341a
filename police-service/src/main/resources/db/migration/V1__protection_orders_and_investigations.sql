-- Protection orders: due within 24 h of a HIGH-risk report (or when a referral asks for one),
-- issued for 3-30 days, tracked to expiry.
CREATE TABLE protection_order (
    id            uuid PRIMARY KEY,
    case_id       uuid        NOT NULL,
    agency        text,                       -- null until a police agency takes the referral it came from
    source        text        NOT NULL,       -- REPORT or REFERRAL
    source_id     uuid        NOT NULL UNIQUE,
    due_at        timestamptz NOT NULL,
    created_at    timestamptz NOT NULL,
    issued_at     timestamptz,
    issued_by     text,
    order_number  text,
    starts_at     timestamptz,
    duration_days integer,
    expires_at    timestamptz,
    cancelled_at  timestamptz,
    version       bigint      NOT NULL DEFAULT 0
);
CREATE INDEX protection_order_due ON protection_order (due_at) WHERE issued_at IS NULL AND cancelled_at IS NULL;
CREATE INDEX protection_order_expiry ON protection_order (expires_at) WHERE issued_at IS NOT NULL;
CREATE INDEX protection_order_case ON protection_order (case_id);

-- The investigation reference the police records system gave the case.
CREATE TABLE investigation (
    case_id    uuid PRIMARY KEY,
    agency     text        NOT NULL,
    reference  text        NOT NULL,
    opened_by  text        NOT NULL,
    opened_at  timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    version    bigint      NOT NULL DEFAULT 0
);
