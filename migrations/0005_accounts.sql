-- Facilitators and the coordinator. E-mail is stored lower-case; passwords only as argon2id hashes.
CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    active BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);

-- One-time invite links; only the hash of the token is kept.
CREATE TABLE invites (
    token_hash TEXT PRIMARY KEY,
    role TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES accounts (id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);

-- Failed sign-ins per account, for throttling (no address, no agent).
CREATE TABLE login_failures (
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    at BIGINT NOT NULL
);
CREATE INDEX login_failures_account ON login_failures (account_id, at);

-- Who did what and when, without personal content.
CREATE TABLE audit_log (
    id TEXT PRIMARY KEY,
    at BIGINT NOT NULL,
    actor_id TEXT,
    action TEXT NOT NULL,
    object_kind TEXT NOT NULL,
    object_id TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);

ALTER TABLE peer_groups ADD COLUMN owner_id TEXT REFERENCES accounts (id);
ALTER TABLE join_requests ADD COLUMN assigned_to TEXT REFERENCES accounts (id);
