-- Ingestion: a quarantined row keeps, next to its short reason (counted in the import's report), the full message that
-- says what was wrong, where and what would be accepted.
ALTER TABLE quarantine ADD COLUMN message VARCHAR;
