-- A parent's request to join a group. The status link's token is kept only as a SHA-256 hash.
CREATE TABLE join_requests (
    id TEXT PRIMARY KEY,
    group_id TEXT NOT NULL REFERENCES peer_groups (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    first_name TEXT NOT NULL,
    contact_kind TEXT NOT NULL,
    contact TEXT NOT NULL,
    language TEXT NOT NULL,
    children BIGINT,
    child_ages TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    contact_deadline BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX join_requests_group ON join_requests (group_id, status);
