-- Quality: editors' decisions on likely duplicates across federations, the opt-in contact link check's
-- results, and the quality summary of a federation as it stood after each import run.
-- Portable SQL (H2 2.x and PostgreSQL 13+).

CREATE TABLE duplicate_decision (
    service_a        VARCHAR(300) NOT NULL,
    service_b        VARCHAR(300) NOT NULL,
    federation_a     VARCHAR(80)  NOT NULL,
    federation_b     VARCHAR(80)  NOT NULL,
    decision         VARCHAR(20)  NOT NULL,
    score            INTEGER,
    decided_by       VARCHAR(300) NOT NULL,
    decided_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (service_a, service_b)
);
CREATE INDEX duplicate_decision_decision ON duplicate_decision (decision);

CREATE TABLE link_check (
    federation_id    VARCHAR(80)   NOT NULL,
    url              VARCHAR(1000) NOT NULL,
    outcome          VARCHAR(20)   NOT NULL,
    http_status      INTEGER,
    checked_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (federation_id, url)
);

CREATE TABLE run_quality (
    run_id           BIGINT PRIMARY KEY REFERENCES import_run (id) ON DELETE CASCADE,
    summary          VARCHAR(20000) NOT NULL
);
