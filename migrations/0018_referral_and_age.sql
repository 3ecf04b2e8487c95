-- The council's questions, anonymously: who sent a parent (a kind of source, never a name) and
-- whether the family has a child of 4 or older (from the ages a parent chose to give), so the
-- report can count families that go on after the 4th birthday.
ALTER TABLE join_facts ADD COLUMN referral TEXT NOT NULL DEFAULT 'unknown';
ALTER TABLE join_facts ADD COLUMN child_four_plus BIGINT NOT NULL DEFAULT 0;
