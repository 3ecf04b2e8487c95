-- The organisation's own protocol for when a facilitator would contact Veilig Thuis or 112:
-- one row, written by the coordinator. Organisation text only: never a parent's details.
CREATE TABLE protocol (
    id TEXT PRIMARY KEY,
    body TEXT NOT NULL,
    contact TEXT NOT NULL,
    changed_at BIGINT NOT NULL
);
-- A parent may ask to be called back with an interpreter: the language, or NULL. The fact keeps
-- the language too, so monitoring counts how often an interpreter is asked for.
ALTER TABLE help_requests ADD COLUMN interpreter TEXT;
ALTER TABLE help_facts ADD COLUMN interpreter TEXT;
