-- Who a group is for: 'every-parent' (the default), 'mothers', 'fathers' or 'young-parents'.
-- Shown on the card and the group page; the finder can show only groups open to fathers.
ALTER TABLE peer_groups ADD COLUMN audience TEXT NOT NULL DEFAULT 'every-parent';
