-- The hash of each record as read from its source (with the descriptor and the hub's mapping version), so
-- that a re-sync skips mapping and validating records whose source bytes did not change.
ALTER TABLE record_hash ADD COLUMN raw_hash CHAR(64);
