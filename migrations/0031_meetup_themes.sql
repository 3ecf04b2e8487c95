-- Themed meetups and workshops (issue 23, point 6): the theme from the council motion
-- ('language', 'stress', 'parenting', 'practical', 'meeting', or NULL for none), the kind
-- ('meetup' or 'workshop') and an optional guest line ("a JGZ nurse"; no one's private data).
ALTER TABLE meetups ADD COLUMN theme TEXT;
ALTER TABLE meetups ADD COLUMN kind TEXT NOT NULL DEFAULT 'meetup';
ALTER TABLE meetups ADD COLUMN guest TEXT NOT NULL DEFAULT '';
CREATE INDEX meetups_theme ON meetups (theme, ends_at);

-- A change of a meetup's time or place (point 8) that a parent who said yes should see on
-- their RSVP page: 'time', 'place' or 'time-place'; NULL when nothing changed since they said yes.
ALTER TABLE rsvps ADD COLUMN changed TEXT;
