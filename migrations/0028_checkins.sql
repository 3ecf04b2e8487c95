-- The anonymous check-in (issue 24): the six statements of the short De Jong Gierveld
-- loneliness scale, life satisfaction 0-10 and one optional question, given voluntarily and with
-- explicit consent. No name, contact, group, address, IP or user agent is stored with it.
-- pair: a SHA-256 hash of the random key in the parent's own link, so a start check-in and a
-- later one of the same parent can be compared (pseudonymous in law, anonymous to every reader).
-- moment: 'start', '3m' or '6m'. month: 'YYYY-MM' in Dutch time (no day, no time).
-- q1..q6: 'yes', 'more-or-less', 'no', or NULL when skipped (the score is then missing).
-- The same key and moment again replaces the answers (a parent who corrects them).
CREATE TABLE checkins (
    id TEXT PRIMARY KEY,
    pair TEXT NOT NULL,
    moment TEXT NOT NULL,
    month TEXT NOT NULL,
    lang TEXT NOT NULL,
    q1 TEXT,
    q2 TEXT,
    q3 TEXT,
    q4 TEXT,
    q5 TEXT,
    q6 TEXT,
    life BIGINT,
    help_children TEXT,
    UNIQUE (pair, moment)
);
CREATE INDEX checkins_month ON checkins (month);

-- A parent who joined a group with an e-mail address may ask, on their status page, for a
-- reminder of the check-in after 3 and 6 months. Kept apart from the answers: the address, the
-- language and the key of their link sealed under the app's secret (XChaCha20-Poly1305, see
-- security::tokens), so the mail can carry the same link. id: a hash of the key made differently
-- from `checkins.pair`, so the two tables cannot be joined without the key. The row is deleted
-- after the last reminder, when the parent stops it, or when they withdraw their join request.
CREATE TABLE checkin_reminders (
    id TEXT PRIMARY KEY,
    recipient TEXT NOT NULL,
    lang TEXT NOT NULL,
    sealed_key TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    next_moment TEXT NOT NULL,
    next_at BIGINT NOT NULL
);
CREATE INDEX checkin_reminders_due ON checkin_reminders (next_at);

-- "Count this view once per client and day", shared by every instance on one database: a keyed
-- hash (HMAC-SHA256 under the app's secret and the day) of the client's network with the thing
-- counted, and one of the network alone for its daily budget. Deleted the next day.
CREATE TABLE counted_once (
    day BIGINT NOT NULL,
    hash TEXT NOT NULL,
    client TEXT NOT NULL,
    PRIMARY KEY (day, hash)
);
CREATE INDEX counted_once_client ON counted_once (day, client);
