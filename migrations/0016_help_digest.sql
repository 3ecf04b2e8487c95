-- When a facilitator last got the hourly digest of new help questions (at most one an hour).
ALTER TABLE accounts ADD COLUMN help_digest_at BIGINT;
