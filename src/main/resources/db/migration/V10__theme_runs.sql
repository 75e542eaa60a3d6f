-- Runs of theme discovery over the stored signals (ADR 14). A run is 'running' from its request until its result is
-- written in one transaction ('done') or it fails ('failed'); a run still 'running' when the application starts was cut
-- short by a stop and is run again. Themes also record who last edited them and what they were split from. Besides
-- active, merged and deleted, theme.status may be 'split' (an analyst split it into the themes whose split_from it is)
-- or 'retired' (the last discovery found nothing like it). Only active themes hold signals.
CREATE TABLE theme_run (
    id            INTEGER PRIMARY KEY,
    status        VARCHAR NOT NULL,      -- running, done, failed
    k             INTEGER NOT NULL,      -- the number of themes asked for, 0 for automatic
    days          INTEGER NOT NULL,      -- the selection: signals that occurred in the last this many days
    requested_by  VARCHAR NOT NULL,
    requested_at  TIMESTAMPTZ NOT NULL,
    finished_at   TIMESTAMPTZ,
    signals       INTEGER,               -- signals clustered
    themes        INTEGER,               -- clusters found
    detail        VARCHAR                -- what went wrong, for a failed run
);

ALTER TABLE theme ADD COLUMN split_from INTEGER;   -- for a theme made by splitting another: that theme
ALTER TABLE theme ADD COLUMN edited_by VARCHAR;    -- who made the last analyst edit (rename, merge, split, delete)
ALTER TABLE theme ADD COLUMN edited_at TIMESTAMPTZ;
