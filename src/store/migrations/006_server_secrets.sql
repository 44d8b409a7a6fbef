-- Secrets the server makes once and every rosterd process shares: the key
-- that signs list cursors (and later others). A process that finds none
-- offers its own; the first offer stays (INSERT ... ON CONFLICT DO NOTHING),
-- and every process reads back the one that stayed.
CREATE TABLE server_secrets (
    name       TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
