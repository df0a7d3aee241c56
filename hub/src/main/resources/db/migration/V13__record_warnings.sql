-- The warnings a record's last mapping and checks gave (a JSON array of {field, value, message}; NULL for none),
-- kept beside its raw hash: a re-sync that skips a record read exactly as last published repeats them in its
-- report instead of mapping and checking the record again. A character column, not a large object (TEXT is a LOB
-- in H2, read apart from its row): every run reads the hashes of its federation's records. Warnings longer than
-- the column are not kept: such a record is then mapped and checked on every run. Portable SQL (H2 2.x and
-- PostgreSQL 13+).
ALTER TABLE record_hash ADD COLUMN warnings VARCHAR(1000000);
