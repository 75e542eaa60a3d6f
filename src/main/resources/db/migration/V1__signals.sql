-- Signals: one piece of customer voice or behaviour from one source.
-- Times are stored as UTC TIMESTAMPs. (source, external_id) is unique: the import service enforces it under a
-- single-writer lock with an anti-join, instead of an index that would slow bulk loads (see docs/adr/0002).
CREATE TABLE signal_import (
    id              UUID PRIMARY KEY,
    source          VARCHAR NOT NULL,
    file_name       VARCHAR NOT NULL,
    content_sha256  VARCHAR NOT NULL,
    format          VARCHAR NOT NULL,
    started_at      TIMESTAMP NOT NULL,
    finished_at     TIMESTAMP NOT NULL,
    accepted        BIGINT NOT NULL,
    duplicates      BIGINT NOT NULL,
    rejected        BIGINT NOT NULL,
    imported_by     VARCHAR,
    reasons         VARCHAR NOT NULL  -- JSON object: reason -> count
);

CREATE TABLE signal (
    id             UUID NOT NULL,
    source         VARCHAR NOT NULL,
    external_id    VARCHAR NOT NULL,
    customer_id    VARCHAR,
    account_id     VARCHAR,
    occurred_at    TIMESTAMP NOT NULL,
    received_at    TIMESTAMP NOT NULL,
    channel        VARCHAR,
    touchpoint     VARCHAR,
    journey_stage  VARCHAR,
    product        VARCHAR,
    region         VARCHAR,
    segment        VARCHAR,
    nps            TINYINT,
    csat           TINYINT,
    ces            TINYINT,
    text           VARCHAR,
    language       VARCHAR,
    attributes     JSON,
    provenance     VARCHAR NOT NULL,
    import_id      UUID NOT NULL
);

CREATE TABLE quarantine (
    import_id  UUID NOT NULL,
    line       BIGINT NOT NULL,
    field      VARCHAR,
    reason     VARCHAR NOT NULL,
    raw        VARCHAR NOT NULL
);
