-- Anonymous facts for the pilot report: a month, a place or a theme, how long it took.
-- No name, no contact, no text. While a request exists it points at its fact; when the request
-- is deleted (withdrawn, retention, "delete everything"), the fact alone says nothing about anyone.
CREATE TABLE join_facts (
    id TEXT PRIMARY KEY,
    month TEXT NOT NULL,
    municipality TEXT NOT NULL,
    contacted_after BIGINT,
    joined BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX join_facts_month ON join_facts (month);
ALTER TABLE join_requests ADD COLUMN fact_id TEXT;

CREATE TABLE help_facts (
    id TEXT PRIMARY KEY,
    month TEXT NOT NULL,
    theme TEXT NOT NULL,
    language TEXT NOT NULL,
    first_reply_after BIGINT
);
CREATE INDEX help_facts_month ON help_facts (month);
ALTER TABLE help_requests ADD COLUMN fact_id TEXT;
