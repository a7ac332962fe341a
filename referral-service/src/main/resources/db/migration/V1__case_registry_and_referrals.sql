-- Case registry: pseudonymous; identifiers only ever arrive as keyed hashes (survivor_match).
CREATE TABLE case_file (
    id              uuid PRIMARY KEY,
    survivor_ref    text        NOT NULL,
    origin_sector   text        NOT NULL,
    origin_agency   text        NOT NULL,
    reported_by     text        NOT NULL,
    region          text        NOT NULL,
    incident_type   text        NOT NULL,
    incident_at     timestamptz NOT NULL,
    minor           boolean     NOT NULL,
    risk_level      text        NOT NULL,
    risk_yes_count  integer     NOT NULL,
    risk_basis      text        NOT NULL,   -- why the level is what it is: score, judgement, repeat incidents
    correlation_id  text,
    report          text        NOT NULL,   -- the CaseReported payload, to build later referrals' minimal views
    opened_at       timestamptz NOT NULL
);

CREATE TABLE survivor_match (
    match_key text NOT NULL,
    case_id   uuid NOT NULL REFERENCES case_file (id),
    PRIMARY KEY (match_key, case_id)
);

-- Why each sector did or did not get a referral: consent, legal override (with its reason) or withheld.
CREATE TABLE routing_decision (
    id              uuid PRIMARY KEY,
    case_id         uuid        NOT NULL REFERENCES case_file (id),
    sector          text        NOT NULL,
    decision        text        NOT NULL,
    rules           text        NOT NULL,
    override_basis  text,
    override_reason text,
    decided_by      text        NOT NULL,
    decided_at      timestamptz NOT NULL
);
CREATE INDEX routing_decision_by_case ON routing_decision (case_id);

CREATE TABLE referral (
    id                  uuid PRIMARY KEY,
    case_id             uuid        NOT NULL REFERENCES case_file (id),
    recipient_sector    text        NOT NULL,
    recipient_agency    text,
    referring_sector    text        NOT NULL,
    referring_agency    text        NOT NULL,
    requested_by        text        NOT NULL,
    priority            text        NOT NULL,
    state               text        NOT NULL,
    services            text        NOT NULL,
    routing_rules       text        NOT NULL,
    legal_override      text,
    receipt_due         timestamptz NOT NULL,
    acceptance_due      timestamptz NOT NULL,
    decline_reason      text,
    cancellation_reason text,
    outcome             text,
    requested_at        timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    version             integer     NOT NULL DEFAULT 0
);
CREATE INDEX referral_by_case ON referral (case_id);
CREATE INDEX referral_by_state ON referral (state, priority, requested_at);
CREATE INDEX referral_by_recipient ON referral (recipient_agency, state);

-- The timeline: one row per state a referral reached, whatever order the news arrived in.
CREATE TABLE referral_step (
    id           uuid PRIMARY KEY,
    referral_id  uuid        NOT NULL REFERENCES referral (id),
    case_id      uuid        NOT NULL,
    state        text        NOT NULL,
    actor_user   text        NOT NULL,
    actor_role   text        NOT NULL,
    actor_agency text        NOT NULL,
    occurred_at  timestamptz NOT NULL,
    recorded_at  timestamptz NOT NULL,
    detail       text,
    UNIQUE (referral_id, state)
);
CREATE INDEX referral_step_by_case ON referral_step (case_id);

-- Deadlines are data: the watcher survives restarts and two instances share the work (SKIP LOCKED).
CREATE TABLE referral_deadline (
    id               uuid PRIMARY KEY,
    referral_id      uuid        NOT NULL REFERENCES referral (id),
    kind             text        NOT NULL,
    due_at           timestamptz NOT NULL,
    escalation_level integer     NOT NULL DEFAULT 0,
    next_check_at    timestamptz NOT NULL,
    met_at           timestamptz,
    UNIQUE (referral_id, kind)
);
CREATE INDEX referral_deadline_pending ON referral_deadline (next_check_at) WHERE met_at IS NULL;
