-- Anonymous help: no name, no address, no IP, no user agent. The pick-up code is kept only as
-- a keyed hash (HMAC-SHA256 with a server-side pepper).
CREATE TABLE help_requests (
    id TEXT PRIMARY KEY,
    code_hash TEXT NOT NULL UNIQUE,
    theme TEXT NOT NULL,
    language TEXT NOT NULL,
    callback_phone TEXT,
    status TEXT NOT NULL,
    claimed_by TEXT REFERENCES accounts (id),
    created_at BIGINT NOT NULL,
    first_reply_at BIGINT,
    last_message_at BIGINT NOT NULL
);
CREATE INDEX help_requests_status ON help_requests (status, created_at);

CREATE TABLE help_messages (
    id TEXT PRIMARY KEY,
    request_id TEXT NOT NULL REFERENCES help_requests (id) ON DELETE CASCADE,
    author TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX help_messages_request ON help_messages (request_id, created_at);

-- Secrets the app makes itself on first start (shared by all instances on one database).
CREATE TABLE app_secrets (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
