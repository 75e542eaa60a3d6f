-- Themes of the stored signals (derived by the text module; ADR 11). A theme keeps its id across recomputations:
-- newly found clusters are matched to the stored themes by centroid, so analysts' names, merges, splits and deletions
-- survive. Each signal with text belongs to at most one theme.
CREATE TABLE theme (
    id           INTEGER PRIMARY KEY,
    label        VARCHAR NOT NULL,      -- what pages show: the analyst's name if renamed, else the key phrases
    key_phrases  VARCHAR NOT NULL,      -- the c-TF-IDF phrases of the last computation, joined by ' · '
    renamed      BOOLEAN NOT NULL DEFAULT false,
    status       VARCHAR NOT NULL,      -- active, merged, deleted
    merged_into  INTEGER,               -- for a merged theme: the theme that took its signals
    centroid     FLOAT[384],
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);

CREATE TABLE signal_theme (
    signal_id   UUID NOT NULL,
    theme_id    INTEGER NOT NULL,
    similarity  DOUBLE NOT NULL         -- cosine of the signal's vector and the theme's centroid
);
