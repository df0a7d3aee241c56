-- One row that every transaction writing the change log locks first (SELECT ... FOR UPDATE), so sequence numbers
-- are taken in commit order: a consumer that has read up to seq N never later finds a committed change below N.
CREATE TABLE change_log_writer (
    id INT PRIMARY KEY
);
INSERT INTO change_log_writer (id) VALUES (1);
