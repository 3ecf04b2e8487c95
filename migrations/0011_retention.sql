-- When an account was stopped: retention deletes it a fixed time later. Accounts stopped before
-- this column existed get their time at the first retention pass.
ALTER TABLE accounts ADD COLUMN stopped_at BIGINT;
-- The site-wide cap on new help requests counts those of the last hour.
CREATE INDEX help_requests_created ON help_requests (created_at);
-- Retention deletes failed sign-ins by time.
CREATE INDEX login_failures_at ON login_failures (at);
