-- Closeness programmes (programme module, ADR 18): cohorts of decision-makers meet customers from a panel in short,
-- facilitated sessions. People are users (access module) by id; customers are panel members, linked to the customer
-- directory by customer_id when recruited from it. Consents are dated and revocable: a revocation closes the row,
-- a new grant opens a new one, so the history stays.
CREATE TABLE programme (
    id            UUID PRIMARY KEY,
    name          VARCHAR NOT NULL,
    goal          VARCHAR NOT NULL,
    sponsor_id    UUID,                 -- the executive sponsor (a user)
    cadence_days  INTEGER NOT NULL,     -- each cohort meets customers this often
    starts_on     DATE NOT NULL,
    ends_on       DATE,
    created_at    TIMESTAMPTZ NOT NULL,
    created_by    VARCHAR NOT NULL
);

CREATE TABLE cohort (
    id            UUID PRIMARY KEY,
    programme_id  UUID NOT NULL,
    name          VARCHAR NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE cohort_member (
    cohort_id     UUID NOT NULL,
    user_id       UUID NOT NULL,
    PRIMARY KEY (cohort_id, user_id)
);

CREATE TABLE programme_facilitator (
    programme_id  UUID NOT NULL,
    user_id       UUID NOT NULL,
    PRIMARY KEY (programme_id, user_id)
);

CREATE TABLE panel_member (
    id            UUID PRIMARY KEY,
    programme_id  UUID NOT NULL,
    customer_id   VARCHAR,              -- the directory's customer, when recruited from it
    name          VARCHAR NOT NULL,
    email         VARCHAR,
    organisation  VARCHAR,
    availability  VARCHAR NOT NULL DEFAULT '',
    added_at      TIMESTAMPTZ NOT NULL,
    added_by      VARCHAR NOT NULL
);

CREATE TABLE consent (
    id               UUID PRIMARY KEY,
    panel_member_id  UUID NOT NULL,
    kind             VARCHAR NOT NULL,  -- participate, record, share_internally
    granted_on       DATE NOT NULL,
    revoked_on       DATE,
    recorded_by      VARCHAR NOT NULL,
    recorded_at      TIMESTAMPTZ NOT NULL
);

CREATE TABLE incentive (
    id               UUID PRIMARY KEY,
    panel_member_id  UUID NOT NULL,
    session_id       UUID,
    description      VARCHAR NOT NULL,
    amount           DECIMAL(10, 2),
    currency         VARCHAR,
    promised_on      DATE NOT NULL,
    given_on         DATE
);

CREATE TABLE customer_session (
    id              UUID PRIMARY KEY,
    programme_id    UUID NOT NULL,
    cohort_id       UUID NOT NULL,
    title           VARCHAR NOT NULL,
    starts_at       TIMESTAMPTZ NOT NULL,
    minutes         INTEGER NOT NULL,
    format          VARCHAR NOT NULL,   -- video_call, in_person, phone
    facilitator_id  UUID,
    guide           VARCHAR NOT NULL DEFAULT '',   -- Markdown
    notes           VARCHAR NOT NULL DEFAULT '',   -- Markdown
    cancelled       BOOLEAN NOT NULL DEFAULT false,
    created_at      TIMESTAMPTZ NOT NULL,
    created_by      VARCHAR NOT NULL
);

-- Who was invited and, once recorded, who actually came (attended is null until then).
CREATE TABLE session_leader (
    session_id  UUID NOT NULL,
    user_id     UUID NOT NULL,
    attended    BOOLEAN,
    PRIMARY KEY (session_id, user_id)
);

CREATE TABLE session_customer (
    session_id       UUID NOT NULL,
    panel_member_id  UUID NOT NULL,
    attended         BOOLEAN,
    PRIMARY KEY (session_id, panel_member_id)
);
