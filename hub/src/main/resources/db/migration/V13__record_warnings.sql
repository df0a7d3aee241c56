-- The warnings a record's last mapping and checks gave (a JSON array of {field, value, message}; NULL for none),
-- kept beside its raw hash: a re-sync that skips a record read exactly as last published repeats them in its
-- report instead of mapping and checking the record again. Portable SQL (H2 2.x and PostgreSQL 13+).
ALTER TABLE record_hash ADD COLUMN warnings TEXT;
