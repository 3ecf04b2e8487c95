-- A parent may leave a mail address to hear "there is an answer" (never the answer's text).
-- It is never shown to a facilitator and goes with the question (deleted with the row).
-- notified_at: when the last such mail was queued (at most one an hour per question).
ALTER TABLE help_requests ADD COLUMN notify_email TEXT;
ALTER TABLE help_requests ADD COLUMN notified_at BIGINT;
