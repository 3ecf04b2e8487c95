-- Failed sign-ins are counted per typed address, whether or not an account has it, so the
-- backoff and the lock do not tell who has an account. The address is kept only as a keyed hash
-- (HMAC-SHA256 under the app's pepper); the rows go with retention. The old per-account counts
-- are only a throttle's memory of the last hour and are not carried over.
DROP TABLE login_failures;
CREATE TABLE login_failures (
    address_key TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX login_failures_address ON login_failures (address_key, at);
CREATE INDEX login_failures_at ON login_failures (at);

-- A help question unanswered for 2 days goes to the coordinators once: when that mail was queued.
ALTER TABLE help_requests ADD COLUMN escalated_at BIGINT;
