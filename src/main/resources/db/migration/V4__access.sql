-- Access: people, their roles and business units, machine tokens and the append-only audit log.

-- Business units form a tree (company -> region -> team, any depth); the unit without a parent is the company.
CREATE TABLE business_unit (
    id         VARCHAR PRIMARY KEY,  -- a short slug, e.g. 'north'
    name       VARCHAR NOT NULL,
    parent_id  VARCHAR
);

-- A signal belongs to a unit when one of the unit's rules matches it: signal.<field> = value.
CREATE TABLE unit_rule (
    unit_id  VARCHAR NOT NULL,
    field    VARCHAR NOT NULL,
    value    VARCHAR NOT NULL
);

CREATE TABLE app_user (
    id             UUID PRIMARY KEY,
    email          VARCHAR NOT NULL UNIQUE,
    name           VARCHAR NOT NULL,
    password_hash  VARCHAR,            -- null: no password set (invited, reset, or OpenID Connect only)
    active         BOOLEAN NOT NULL,
    demo           BOOLEAN NOT NULL,   -- a demo user, created by `earshot demo`; its password is 'demo'
    created_at     TIMESTAMP NOT NULL
);

CREATE TABLE user_role (
    user_id  UUID NOT NULL,
    role     VARCHAR NOT NULL
);

CREATE TABLE user_unit (
    user_id  UUID NOT NULL,
    unit_id  VARCHAR NOT NULL
);

-- One-time links: the first administrator's set-up, an invitation, a sign-in reset. Only a hash of the token is kept.
CREATE TABLE sign_in_link (
    token_hash  VARCHAR PRIMARY KEY,
    purpose     VARCHAR NOT NULL,   -- SETUP, INVITE, RESET
    user_id     UUID,
    expires_at  TIMESTAMP NOT NULL
);

CREATE TABLE api_token (
    id            UUID PRIMARY KEY,
    name          VARCHAR NOT NULL,
    secret_hash   VARCHAR NOT NULL,  -- SHA-256 of the secret, hex
    scopes        VARCHAR NOT NULL,  -- comma-separated: ingest, read
    created_by    VARCHAR NOT NULL,
    created_at    TIMESTAMP NOT NULL,
    last_used_at  TIMESTAMP,
    revoked_at    TIMESTAMP
);

CREATE TABLE token_unit (
    token_id  UUID NOT NULL,
    unit_id   VARCHAR NOT NULL
);

-- Append-only: the application inserts and reads, never updates or deletes. Each entry carries the SHA-256 of the
-- previous entry's hash and its own content, so a change made outside the application breaks the chain.
CREATE TABLE audit_event (
    seq      BIGINT PRIMARY KEY,
    occurred_at TIMESTAMP NOT NULL,
    actor    VARCHAR NOT NULL,
    action   VARCHAR NOT NULL,
    target   VARCHAR,
    detail   VARCHAR,
    origin   VARCHAR,              -- remote address, or 'cli' / 'system'
    hash     VARCHAR NOT NULL
);
