-- Guidance articles (issue 20) are imported like services, through the same runs: each record hash and each
-- change-log entry says which kind of record it is ('service' or 'article'), so an article and a service of one
-- federation may share a local id. record_hash is rebuilt with the type in its key (portable: no ALTER of a
-- primary key). Portable SQL (H2 2.x and PostgreSQL 13+).

ALTER TABLE change_log ADD COLUMN record_type VARCHAR(10) DEFAULT 'service' NOT NULL;

CREATE TABLE record_hash_typed (
    federation_id    VARCHAR(80)  NOT NULL,
    record_type      VARCHAR(10)  NOT NULL,
    local_id         VARCHAR(200) NOT NULL,
    source_id        VARCHAR(80)  NOT NULL,
    service_id       VARCHAR(300) NOT NULL,
    content_hash     CHAR(64)     NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    raw_hash         CHAR(64),
    PRIMARY KEY (federation_id, record_type, local_id)
);
INSERT INTO record_hash_typed (federation_id, record_type, local_id, source_id, service_id, content_hash, updated_at, raw_hash)
    SELECT federation_id, 'service', local_id, source_id, service_id, content_hash, updated_at, raw_hash FROM record_hash;
DROP TABLE record_hash;
ALTER TABLE record_hash_typed RENAME TO record_hash;
CREATE INDEX record_hash_source ON record_hash (federation_id, source_id);
