-- "Forgot your password": a link valid 1 hour, used once; only the token's hash is kept. Rows
-- older than a day are deleted whenever a new reset is asked for.
CREATE TABLE password_resets (
    token_hash TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);
CREATE INDEX password_resets_account ON password_resets (account_id, created_at);
