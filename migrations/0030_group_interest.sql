-- "Tell me when a group starts near me" (issue 23, point 5): a parent who found no group within
-- 10 km leaves an e-mail address for their PC4 area. Double opt-in: the address is used only
-- after the link in the confirmation mail is followed (confirmed_at); unconfirmed rows go after
-- 48 hours, every row after 180 days, and a row goes as soon as its one mail about a new group is
-- in the outbox. token_hash: SHA-256 of the random token in the parent's link (never the token).
-- No name, IP address or user agent is stored.
CREATE TABLE group_interest (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    email TEXT NOT NULL,
    pc4 BIGINT NOT NULL,
    lang TEXT NOT NULL,
    child_age BIGINT,
    created_at BIGINT NOT NULL,
    confirmed_at BIGINT,
    -- The groups already within 10 km at sign-up (hidden by the parent's filters): only a group
    -- that opens or becomes active later is news. Comma-separated ids.
    seen_groups TEXT NOT NULL DEFAULT ''
);
CREATE INDEX group_interest_pc4 ON group_interest (pc4);
CREATE INDEX group_interest_created ON group_interest (created_at);
