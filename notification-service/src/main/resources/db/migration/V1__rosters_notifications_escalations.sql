-- notification-service: who is on duty, what was sent to whom on which channel, and open escalations.
-- No survivor data is stored here: a notification names a case and a referral by id only.

-- People who can be notified: duty officers, supervisors, coordinators, referring officers.
CREATE TABLE person (
    user_id      text PRIMARY KEY,            -- Keycloak user id / preferred_username
    agency       text        NOT NULL,
    display_name text        NOT NULL,
    email        text,
    phone        text,                        -- international form, for the SMS gateway
    language     text        NOT NULL,        -- en, ru, kk, ky, tg, uz
    updated_at   timestamptz NOT NULL
);
CREATE INDEX person_agency ON person (agency);

-- One on-call roster per agency: its region, the time zone its shifts are written in, and the
-- agency system's webhook.
CREATE TABLE roster (
    agency         text PRIMARY KEY,
    region         text        NOT NULL,
    time_zone      text        NOT NULL,
    webhook_url    text,
    webhook_secret text,
    version        integer     NOT NULL DEFAULT 0,
    updated_at     timestamptz NOT NULL
);
CREATE INDEX roster_region ON roster (region);

-- A weekly shift at one level of the agency's chain: 1 = duty officer, 2 = supervisor, 3 = coordinator.
-- The shift starts on each of its days at starts_at local time; ends_at <= starts_at runs past midnight.
CREATE TABLE roster_shift (
    id        uuid PRIMARY KEY,
    agency    text    NOT NULL REFERENCES roster (agency) ON DELETE CASCADE,
    level     integer NOT NULL CHECK (level BETWEEN 1 AND 9),
    user_id   text    NOT NULL REFERENCES person (user_id),
    days      text    NOT NULL,
    starts_at time    NOT NULL,
    ends_at   time    NOT NULL
);
CREATE INDEX roster_shift_agency ON roster_shift (agency, level);
CREATE INDEX roster_shift_user ON roster_shift (user_id);

-- What this service knows of each referral from the lifecycle topic: enough to give the referrer
-- feedback and to tell a stale overdue event from a live one.
CREATE TABLE tracked_referral (
    referral_id      uuid PRIMARY KEY,
    case_id          uuid        NOT NULL,
    recipient_sector text        NOT NULL,
    recipient_agency text,
    referring_sector text        NOT NULL,
    referring_agency text        NOT NULL,
    referrer_user_id text,
    referrer_role    text,
    priority         text        NOT NULL,
    state            text        NOT NULL,
    requested_at     timestamptz,
    updated_at       timestamptz NOT NULL
);

-- An unacknowledged overdue referral walks the recipient agency's chain one level at a time.
CREATE TABLE escalation (
    id                 uuid PRIMARY KEY,
    referral_id        uuid        NOT NULL,
    case_id            uuid        NOT NULL,
    agency             text        NOT NULL,
    deadline           text        NOT NULL,   -- RECEIPT | ACCEPTANCE
    due_at             timestamptz NOT NULL,
    sector             text        NOT NULL,
    referral_state     text        NOT NULL,   -- the referral's state when it became overdue
    priority           text        NOT NULL,
    level              integer     NOT NULL,
    state              text        NOT NULL,   -- OPEN | ACKNOWLEDGED | RESOLVED | EXHAUSTED
    next_escalation_at timestamptz,
    acknowledged_level integer,
    acknowledged_by    text,
    correlation_id     text,
    opened_at          timestamptz NOT NULL,
    closed_at          timestamptz,
    UNIQUE (referral_id, deadline)
);
CREATE INDEX escalation_due ON escalation (next_escalation_at) WHERE state = 'OPEN';

-- One notification to one person; its content is rendered once, in the recipient's language.
CREATE TABLE notification (
    id                 uuid PRIMARY KEY,
    case_id            uuid        NOT NULL,
    referral_id        uuid,
    reason             text        NOT NULL,
    recipient_user_id  text        NOT NULL,
    recipient_role     text        NOT NULL,
    recipient_agency   text        NOT NULL,
    escalation_id      uuid REFERENCES escalation (id),
    escalation_level   integer     NOT NULL,
    language           text        NOT NULL,
    subject            text        NOT NULL,
    body               text        NOT NULL,
    facts              text        NOT NULL,   -- JSON: case reference, sector, priority, deadline, links
    ack_token          text UNIQUE,            -- one-time acknowledgement link; cleared once used
    correlation_id     text,
    created_at         timestamptz NOT NULL,
    acknowledged_at    timestamptz,
    acknowledged_by    text,
    acknowledged_role  text,
    acknowledged_agency text
);
CREATE INDEX notification_recipient ON notification (recipient_user_id, created_at DESC);
CREATE INDEX notification_referral ON notification (referral_id);
CREATE INDEX notification_escalation ON notification (escalation_id);

-- One row per notification and channel; the dispatcher claims due rows, sends, and records the outcome.
CREATE TABLE delivery (
    id              uuid PRIMARY KEY,
    notification_id uuid        NOT NULL REFERENCES notification (id),
    channel         text        NOT NULL,   -- EMAIL | SMS | WEBHOOK | WEBSOCKET
    target          text        NOT NULL,   -- address, phone number, URL or user id
    status          text        NOT NULL,   -- PENDING | SENT | DELIVERED | FAILED | NO_SESSION
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz,
    lease_until     timestamptz,
    last_error      text,
    sent_at         timestamptz,
    delivered_at    timestamptz,
    failed_at       timestamptz,
    created_at      timestamptz NOT NULL
);
CREATE INDEX delivery_due ON delivery (channel, next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX delivery_notification ON delivery (notification_id);
