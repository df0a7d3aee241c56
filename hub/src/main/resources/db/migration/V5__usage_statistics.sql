-- Anonymous usage statistics of the public pages and APIs, aggregated per day: how often each item of a kind
-- was counted (kinds: no-hits, target-group, municipality, finder-path, service-view). No IP addresses, no
-- cookies, no user agents, no times of day are kept. Portable SQL (H2 2.x and PostgreSQL 13+).

CREATE TABLE usage_daily (
    usage_day  DATE         NOT NULL,
    kind       VARCHAR(32)  NOT NULL,
    item       VARCHAR(300) NOT NULL,
    times      BIGINT       NOT NULL,
    PRIMARY KEY (usage_day, kind, item)
);
