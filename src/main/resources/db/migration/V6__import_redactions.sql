-- Every import records how much personal data it replaced on the way in, by kind: a JSON object such as {"EMAIL": 2}.
ALTER TABLE signal_import ADD COLUMN redacted VARCHAR;
