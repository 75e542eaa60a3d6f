-- Sentiment of every signal text (derived, recomputable): the class, the score P(positive) - P(negative) and the three
-- probabilities, with the model that computed them.
CREATE TABLE signal_sentiment (
    signal_id  UUID NOT NULL,
    model      VARCHAR NOT NULL,
    sentiment  VARCHAR NOT NULL,  -- negative, neutral, positive
    score      DOUBLE NOT NULL,
    negative   DOUBLE NOT NULL,
    neutral    DOUBLE NOT NULL,
    positive   DOUBLE NOT NULL
);
