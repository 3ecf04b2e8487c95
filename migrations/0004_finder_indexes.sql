-- The finder reads online groups on every search, and in-person groups by a box of lat/lon.
CREATE INDEX peer_groups_online ON peer_groups (online, active, name);
CREATE INDEX peer_groups_box ON peer_groups (active, online, lat, lon);
DROP INDEX peer_groups_active_lat;
