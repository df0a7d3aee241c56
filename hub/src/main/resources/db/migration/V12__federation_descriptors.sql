-- Federation descriptors sent through the admin API (PUT /api/federations/{id}): kept in the shared database so
-- every hub node of a cluster runs the same ones. descriptor is the JSON as sent (after validation), sha256 its
-- hash (nodes compare it on each scan to see a change). Portable SQL (H2 2.x and PostgreSQL 13+).

CREATE TABLE federation_descriptor (
    id          VARCHAR(80)  PRIMARY KEY,
    descriptor  TEXT         NOT NULL,
    sha256      VARCHAR(64)  NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  VARCHAR(300) NOT NULL
);
