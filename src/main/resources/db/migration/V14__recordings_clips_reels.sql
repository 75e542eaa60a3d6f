-- Recordings of customer sessions, their transcripts, the clips cut from them and the reels that play clips in order
-- (programme module, ADR 18). Media files live under the data directory (media/<recording id>), never in the store.
CREATE TABLE recording (
    id              UUID PRIMARY KEY,
    session_id      UUID NOT NULL,
    file_name       VARCHAR NOT NULL,    -- as uploaded
    content_type    VARCHAR NOT NULL,    -- video/mp4, video/webm, audio/mpeg, audio/mp4, audio/wav
    bytes           BIGINT NOT NULL,
    sha256          VARCHAR NOT NULL,
    uploaded_at     TIMESTAMPTZ NOT NULL,
    uploaded_by     VARCHAR NOT NULL
);

-- A recording's transcript, one row per line; replaced whole when a new transcript is imported.
CREATE TABLE transcript_line (
    recording_id  UUID NOT NULL,
    number        INTEGER NOT NULL,
    start_ms      BIGINT NOT NULL,
    end_ms        BIGINT NOT NULL,
    speaker       VARCHAR,
    text          VARCHAR NOT NULL,
    PRIMARY KEY (recording_id, number)
);

-- A time range of a recording with a title, a quote and tags. signal_id is the interview signal its transcript became.
-- A clip may be shared only while every customer of its session consents to internal sharing (ADR 18).
CREATE TABLE clip (
    id             UUID PRIMARY KEY,
    recording_id   UUID NOT NULL,
    start_ms       BIGINT NOT NULL,
    end_ms         BIGINT NOT NULL,
    title          VARCHAR NOT NULL,
    quote          VARCHAR NOT NULL,
    tags           VARCHAR NOT NULL DEFAULT '',   -- comma-separated free tags
    theme_ids      VARCHAR NOT NULL DEFAULT '',   -- comma-separated ids of the text module's themes
    signal_id      UUID,
    created_at     TIMESTAMPTZ NOT NULL,
    created_by     VARCHAR NOT NULL
);

CREATE TABLE reel (
    id           UUID PRIMARY KEY,
    title        VARCHAR NOT NULL,
    description  VARCHAR NOT NULL DEFAULT '',
    created_at   TIMESTAMPTZ NOT NULL,
    created_by   VARCHAR NOT NULL
);

CREATE TABLE reel_clip (
    reel_id   UUID NOT NULL,
    position  INTEGER NOT NULL,
    clip_id   UUID NOT NULL,
    PRIMARY KEY (reel_id, position)
);

-- Reach: who watched which clip, when and for how long (seconds actually played).
CREATE TABLE clip_view (
    id          UUID PRIMARY KEY,
    clip_id     UUID NOT NULL,
    user_id     UUID NOT NULL,
    reel_id     UUID,
    started_at  TIMESTAMPTZ NOT NULL,
    seconds     DOUBLE NOT NULL
);
