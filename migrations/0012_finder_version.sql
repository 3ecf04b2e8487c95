-- The finder keeps the groups it searches in memory; every change to a group raises this
-- number, and each instance reads it once a second to learn that its copy is old.
CREATE TABLE finder_version (id INTEGER PRIMARY KEY, version BIGINT NOT NULL);
INSERT INTO finder_version (id, version) VALUES (1, 0);
