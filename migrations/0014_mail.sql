-- Mail waiting to go out. A row is written in the same transaction as the event it tells about
-- and sent by a background task. It holds only the address, the language, the kind of mail and a
-- path of the app: never a parent's name, phone or words. Sent rows are deleted at once; rows
-- that could not be sent are deleted after 7 days.
-- state: 'waiting' (to send, maybe claimed with a lease), 'sending' (handed to the SMTP server
-- now), 'uncertain' (the sender stopped mid-send: never sent again), 'failed' (given up).
CREATE TABLE mail_outbox (
    id TEXT PRIMARY KEY,
    recipient TEXT NOT NULL,
    lang TEXT NOT NULL,
    kind TEXT NOT NULL,
    link_path TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    state TEXT NOT NULL,
    attempts BIGINT NOT NULL,
    next_at BIGINT NOT NULL,
    claim TEXT,
    claimed_until BIGINT
);
CREATE INDEX mail_outbox_due ON mail_outbox (state, next_at);

-- The language a facilitator last signed in with: their mails are in it.
ALTER TABLE accounts ADD COLUMN lang TEXT NOT NULL DEFAULT 'nl';
