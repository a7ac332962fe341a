-- A clinical encounter with a survivor; the clinician's notes only sealed (AES-GCM, key id kept).
CREATE TABLE encounter (
    id                uuid PRIMARY KEY,
    case_id           uuid        NOT NULL,
    referral_id       uuid,
    agency            text        NOT NULL,
    seen_by           text        NOT NULL,
    seen_at           timestamptz NOT NULL,
    services          text        NOT NULL,   -- ServiceType names, comma-separated
    pep_started       boolean     NOT NULL,
    ec_given          boolean     NOT NULL,
    forensic_evidence text        NOT NULL,   -- evidence types collected, comma-separated
    notes_key_id      text,
    notes_ciphertext  bytea,
    created_at        timestamptz NOT NULL
);
CREATE INDEX encounter_case ON encounter (case_id);

-- Follow-up visits scheduled from the encounter (2 weeks, 3 months, 6 months by default).
CREATE TABLE follow_up (
    id           uuid PRIMARY KEY,
    encounter_id uuid        NOT NULL REFERENCES encounter (id),
    case_id      uuid        NOT NULL,
    agency       text        NOT NULL,
    visit        text        NOT NULL,       -- the interval after the encounter, ISO-8601 (P14D, P3M, P6M)
    due_at       timestamptz NOT NULL,
    done_at      timestamptz,
    done_by      text,
    version      bigint      NOT NULL DEFAULT 0
);
CREATE INDEX follow_up_open ON follow_up (agency, due_at) WHERE done_at IS NULL;

-- The medical certificate; police may read it only where the survivor consented.
CREATE TABLE medical_certificate (
    id                  uuid PRIMARY KEY,
    encounter_id        uuid        NOT NULL UNIQUE REFERENCES encounter (id),
    case_id             uuid        NOT NULL,
    agency              text        NOT NULL,
    issued_by           text        NOT NULL,
    issued_at           timestamptz NOT NULL,
    findings_key_id     text        NOT NULL,
    findings_ciphertext bytea       NOT NULL,
    police_consent      boolean     NOT NULL,
    consent_recorded_by text        NOT NULL,
    consent_recorded_at timestamptz NOT NULL
);
CREATE INDEX medical_certificate_case ON medical_certificate (case_id);
