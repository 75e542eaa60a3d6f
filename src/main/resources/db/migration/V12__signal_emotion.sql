-- The emotions read in every signal text (derived, recomputable): at most three GoEmotions emotions per signal and
-- model, each with the classifier's probability. Written by the embedding backfill from the vector it computed.
CREATE TABLE signal_emotion (
    signal_id    UUID NOT NULL,
    model        VARCHAR NOT NULL,
    emotion      VARCHAR NOT NULL,  -- admiration, amusement, ..., neutral
    probability  DOUBLE NOT NULL
);
