-- Partners who send parents to Doorstart (young-mothers work, consultation bureau, neighbourhood
-- team, school, library, steunouder project, other): a name the coordinator types, a kind, an
-- optional contact line and a short address name (`slug`) for the link `/r/{slug}`. A stopped
-- partner's link leads to the home page and counts nothing.
CREATE TABLE partners (
    id TEXT PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    contact TEXT NOT NULL,
    active BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- Per partner and month, two counts and nothing about anyone: visits through the partner's
-- link (once per client and day, counted in memory) and join requests it sent.
CREATE TABLE partner_counts (
    partner_id TEXT NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
    month TEXT NOT NULL,
    visits BIGINT NOT NULL,
    join_requests BIGINT NOT NULL,
    PRIMARY KEY (partner_id, month)
);
CREATE INDEX partner_counts_month ON partner_counts (month);

-- Which partner an account of the role 'partner' works for (the coordinator links them).
CREATE TABLE partner_members (
    account_id TEXT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    partner_id TEXT NOT NULL REFERENCES partners (id) ON DELETE CASCADE
);

-- A warm handover: who made it, for which partner, which join request it became. No name, no
-- contact: those are only on the join request, and go with it (withdrawn, retention).
CREATE TABLE handovers (
    id TEXT PRIMARY KEY,
    partner_id TEXT NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
    made_by TEXT REFERENCES accounts (id) ON DELETE SET NULL,
    request_id TEXT NOT NULL,
    group_id TEXT NOT NULL REFERENCES peer_groups (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL
);
CREATE INDEX handovers_made_by ON handovers (made_by, created_at);
CREATE INDEX handovers_created ON handovers (created_at);

-- The partner a join request came through (its link, or a handover).
ALTER TABLE join_requests ADD COLUMN partner_id TEXT REFERENCES partners (id);
