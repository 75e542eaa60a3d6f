-- Per-source privacy policy: how long a source's signals are kept, and which kinds of personal data are redacted from
-- their text on the way in. A source without a row keeps its signals and redacts every kind.
CREATE TABLE source_policy (
    source          VARCHAR PRIMARY KEY,
    retention_days  INTEGER,                                           -- null: keep forever
    redact          VARCHAR NOT NULL DEFAULT 'EMAIL,PHONE,CARD,IBAN,NAME'  -- comma-separated kinds; '' redacts none
);
