-- Organisations that have provided published services, so that the URI of one that no longer does answers
-- 410 Gone instead of 404. Portable SQL (H2 2.x and PostgreSQL 13+).

CREATE TABLE published_organisation (
    iri              VARCHAR(1000) PRIMARY KEY,
    first_published  TIMESTAMP WITH TIME ZONE NOT NULL
);
