-- Portable between SQLite and PostgreSQL: TEXT ids made in the app, BIGINT Unix seconds,
-- BIGINT 0/1 flags, DOUBLE PRECISION coordinates.
CREATE TABLE peer_groups (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    municipality TEXT NOT NULL,
    address TEXT NOT NULL,
    pc4 TEXT NOT NULL,
    lat DOUBLE PRECISION NOT NULL,
    lon DOUBLE PRECISION NOT NULL,
    weekday BIGINT NOT NULL,
    start_minute BIGINT NOT NULL,
    rhythm TEXT NOT NULL,
    age_min BIGINT NOT NULL,
    age_max BIGINT NOT NULL,
    languages TEXT NOT NULL,
    children_welcome BIGINT NOT NULL,
    childcare BIGINT NOT NULL,
    cost_cents BIGINT NOT NULL,
    online BIGINT NOT NULL,
    active BIGINT NOT NULL,
    facilitator_name TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX peer_groups_active_lat ON peer_groups (active, lat);

CREATE TABLE group_texts (
    group_id TEXT NOT NULL REFERENCES peer_groups (id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    description TEXT NOT NULL,
    first_visit TEXT NOT NULL,
    PRIMARY KEY (group_id, lang)
);

CREATE TABLE meetups (
    id TEXT PRIMARY KEY,
    group_id TEXT NOT NULL REFERENCES peer_groups (id) ON DELETE CASCADE,
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    place TEXT NOT NULL,
    capacity BIGINT NOT NULL,
    cancelled BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL
);
CREATE INDEX meetups_group_start ON meetups (group_id, starts_at);

-- Searches that found no group within 10 km: only the PC4 and the day, for the map of unmet demand.
CREATE TABLE search_misses (
    pc4 TEXT NOT NULL,
    day BIGINT NOT NULL,
    searches BIGINT NOT NULL,
    PRIMARY KEY (pc4, day)
);
