-- Provenance: the file (or API client) in `provenance`, the line (or the object's position in an API body) in its own
-- integer column. One distinct string per row cost DuckDB about a tenth of a bulk import in string compression; a
-- line number compresses to a few bits. Rows stored as 'file:line' are split at their last colon.
ALTER TABLE signal ADD COLUMN provenance_line BIGINT;

UPDATE signal
SET provenance_line = CAST(regexp_extract(provenance, ':([0-9]+)$', 1) AS BIGINT),
    provenance = regexp_replace(provenance, ':[0-9]+$', '')
WHERE regexp_matches(provenance, ':[0-9]+$');
