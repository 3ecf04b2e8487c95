-- Wrong pick-up codes counted for all app instances together. A client is kept only as a
-- keyed hash whose key belongs to one 15-minute window and is deleted with it, so after the
-- window nobody can tell which network made the tries.
CREATE TABLE throttle_windows (
    window_start BIGINT PRIMARY KEY,
    secret TEXT NOT NULL
);
CREATE TABLE throttle_hits (
    window_start BIGINT NOT NULL,
    client TEXT NOT NULL,
    hits BIGINT NOT NULL,
    PRIMARY KEY (window_start, client)
);

-- A password change ends every other session of the account: a session remembers the epoch it
-- began in.
ALTER TABLE accounts ADD COLUMN session_epoch BIGINT NOT NULL DEFAULT 0;
