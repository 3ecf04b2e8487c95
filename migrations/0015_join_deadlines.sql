-- Deadlines that act. remind_at: the next morning (08:00 Amsterdam) after the request, when the
-- handler gets a reminder if nobody has made contact yet (NULL: none due, or already sent, or the
-- parent chose "I'll just come"). After the 7-day contact deadline the request moves to the
-- coordinator: escalated_at says when, escalated_from who had it (an account id; no reference,
-- so a stopped account can be deleted and the name then shows as "-").
ALTER TABLE join_requests ADD COLUMN remind_at BIGINT;
ALTER TABLE join_requests ADD COLUMN escalated_at BIGINT;
ALTER TABLE join_requests ADD COLUMN escalated_from TEXT;
