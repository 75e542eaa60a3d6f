-- Empathy workshops and closeness events of programmes (programme module, ADR 18). People are users by id, customers
-- are panel members. Attendance is null until recorded, then whether the person came, as it actually happened.
CREATE TABLE workshop (
    id              UUID PRIMARY KEY,
    programme_id    UUID NOT NULL,
    title           VARCHAR NOT NULL,
    starts_at       TIMESTAMPTZ NOT NULL,
    minutes         INTEGER NOT NULL,
    reel_id         UUID,                -- chosen later; a reel of V14
    facilitator_id  UUID,
    cancelled       BOOLEAN NOT NULL DEFAULT false,
    created_at      TIMESTAMPTZ NOT NULL,
    created_by      VARCHAR NOT NULL
);

-- The questions the facilitator asks, in order.
CREATE TABLE workshop_prompt (
    workshop_id  UUID NOT NULL,
    position     INTEGER NOT NULL,
    text         VARCHAR NOT NULL,
    PRIMARY KEY (workshop_id, position)
);

CREATE TABLE workshop_attendee (
    workshop_id  UUID NOT NULL,
    user_id      UUID NOT NULL,
    attended     BOOLEAN,
    PRIMARY KEY (workshop_id, user_id)
);

-- A workshop's outputs: what was learnt, linked to the clips and signals behind it.
CREATE TABLE insight (
    id           UUID PRIMARY KEY,
    workshop_id  UUID NOT NULL,
    text         VARCHAR NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    created_by   VARCHAR NOT NULL
);

CREATE TABLE insight_clip (
    insight_id  UUID NOT NULL,
    clip_id     UUID NOT NULL,
    PRIMARY KEY (insight_id, clip_id)
);

CREATE TABLE insight_signal (
    insight_id  UUID NOT NULL,
    signal_id   UUID NOT NULL,
    PRIMARY KEY (insight_id, signal_id)
);

CREATE TABLE closeness_event (
    id            UUID PRIMARY KEY,
    programme_id  UUID NOT NULL,
    title         VARCHAR NOT NULL,
    starts_at     TIMESTAMPTZ NOT NULL,
    ends_at       TIMESTAMPTZ NOT NULL,
    place         VARCHAR NOT NULL,
    agenda        VARCHAR NOT NULL DEFAULT '',   -- Markdown
    cancelled     BOOLEAN NOT NULL DEFAULT false,
    created_at    TIMESTAMPTZ NOT NULL,
    created_by    VARCHAR NOT NULL
);

CREATE TABLE event_customer (
    event_id         UUID NOT NULL,
    panel_member_id  UUID NOT NULL,
    attended         BOOLEAN,
    PRIMARY KEY (event_id, panel_member_id)
);

CREATE TABLE event_employee (
    event_id  UUID NOT NULL,
    user_id   UUID NOT NULL,
    attended  BOOLEAN,
    PRIMARY KEY (event_id, user_id)
);

-- Conversation tables: who sat together is who spoke with whom.
CREATE TABLE event_table (
    id        UUID PRIMARY KEY,
    event_id  UUID NOT NULL,
    name      VARCHAR NOT NULL,
    host_id   UUID NOT NULL
);

CREATE TABLE event_table_seat (
    table_id   UUID NOT NULL,
    kind       VARCHAR NOT NULL,   -- customer (a panel member) or employee (a user)
    person_id  UUID NOT NULL,
    PRIMARY KEY (table_id, kind, person_id)
);

-- One answer per attendee, which they may edit.
CREATE TABLE event_feedback (
    event_id   UUID NOT NULL,
    user_id    UUID NOT NULL,
    rating     INTEGER NOT NULL,   -- 1 to 5: how close to customers did this make you feel?
    change     VARCHAR NOT NULL,   -- what will you do differently?
    given_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (event_id, user_id)
);

CREATE TABLE event_follow_up (
    id          UUID PRIMARY KEY,
    event_id    UUID NOT NULL,
    text        VARCHAR NOT NULL,
    owner_id    UUID NOT NULL,
    due_on      DATE NOT NULL,
    done_on     DATE,
    created_at  TIMESTAMPTZ NOT NULL,
    created_by  VARCHAR NOT NULL
);
