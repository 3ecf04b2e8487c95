-- A parent may leave an e-mail address with an RSVP, to hear when they get a place, are moved
-- back to the waiting list, or the meetup is cancelled. The address, the page language and the
-- private link (sealed with the app's secret, so the server can put it in the mail) live on the
-- RSVP row and are deleted with it. moved: 'up' (got a place from the waiting list), 'down'
-- (back on the waiting list after the capacity was lowered), or NULL; the RSVP page says so.
ALTER TABLE rsvps ADD COLUMN email TEXT;
ALTER TABLE rsvps ADD COLUMN lang TEXT NOT NULL DEFAULT 'nl';
ALTER TABLE rsvps ADD COLUMN link_sealed TEXT;
ALTER TABLE rsvps ADD COLUMN moved TEXT;
