-- Which new help questions a facilitator wants the hourly digest for: comma lists of theme
-- codes and language codes. Empty means all (as before).
ALTER TABLE accounts ADD COLUMN help_themes TEXT NOT NULL DEFAULT '';
ALTER TABLE accounts ADD COLUMN help_langs TEXT NOT NULL DEFAULT '';
