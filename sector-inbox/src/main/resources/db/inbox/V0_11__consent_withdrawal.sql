-- A survivor's consent withdrawal recorded at the sector that took the report; announced to
-- referral-service (which cancels the affected referrals and tells every recipient).
CREATE TABLE consent_withdrawal (
    id              uuid PRIMARY KEY,
    report_id       uuid        NOT NULL REFERENCES survivor_report (id),
    case_id         uuid        NOT NULL,
    sectors         text        NOT NULL,   -- Sector names, comma-separated
    data_categories text        NOT NULL,   -- DataCategory names, comma-separated
    recorded_by     text        NOT NULL,
    recorded_at     timestamptz NOT NULL
);
CREATE INDEX consent_withdrawal_case ON consent_withdrawal (case_id);
