-- Guides: counts per guide and day (no visitor identifier, no cookie), and local help per
-- municipality kept by the coordinator.
CREATE TABLE guide_stats (
    guide TEXT NOT NULL,
    day TEXT NOT NULL,
    views BIGINT NOT NULL DEFAULT 0,
    helped_yes BIGINT NOT NULL DEFAULT 0,
    helped_no BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (guide, day)
);

-- Offices and walk-in places, not people: name, hours, phone, address of an organisation.
CREATE TABLE local_help (
    id TEXT PRIMARY KEY,
    municipality TEXT NOT NULL,
    guide TEXT NOT NULL,
    step TEXT NOT NULL,
    name TEXT NOT NULL,
    hours TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    website TEXT NOT NULL DEFAULT '',
    example BIGINT NOT NULL DEFAULT 0,
    checked_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    retired_at BIGINT
);
CREATE INDEX local_help_place ON local_help (municipality, guide, retired_at);
CREATE INDEX local_help_checked ON local_help (retired_at, checked_at);
