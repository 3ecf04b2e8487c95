-- After a meetup the facilitator records how many came: numbers only, no names.
ALTER TABLE meetups ADD COLUMN attended_adults BIGINT;
ALTER TABLE meetups ADD COLUMN attended_children BIGINT;
