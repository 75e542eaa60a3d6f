-- Sentence embeddings of signal texts, computed once per signal and model and kept: search, themes and sentiment read
-- them. Derived data: deleting the rows (or changing the model) only means they are computed again.
CREATE TABLE signal_embedding (
    signal_id  UUID NOT NULL,
    model      VARCHAR NOT NULL,
    vector     FLOAT[384] NOT NULL
);
