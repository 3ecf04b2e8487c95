-- "I'm coming" to a meetup, without an account. The cancel link's token is kept as a hash.
CREATE TABLE rsvps (
    id TEXT PRIMARY KEY,
    meetup_id TEXT NOT NULL REFERENCES meetups (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    first_name TEXT NOT NULL,
    adults BIGINT NOT NULL,
    children BIGINT NOT NULL,
    waiting BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX rsvps_meetup ON rsvps (meetup_id, waiting, created_at);
