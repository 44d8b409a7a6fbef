-- Devices: what an app signs in from, known in its organization by the
-- code the app sends (UNIQUE: 32 activations of one code at once make one
-- device). A device belongs to the user who activated it last; its token
-- is a token of purpose 'device' (tokens below), revoked when it is
-- deactivated. code_key and name_key are folded for ?q= (text_fold), and
-- user_key is its user's email_key in the organization, copied when the
-- device is bound (an email never changes; a migration that folds keys
-- anew must fold this one too), so that a search reads this table alone.

CREATE TABLE devices (
    id             TEXT PRIMARY KEY,
    org_id         TEXT NOT NULL REFERENCES orgs (id),
    code           TEXT NOT NULL,
    code_key       KEYTEXT NOT NULL,
    name           TEXT NOT NULL DEFAULT '',
    name_key       KEYTEXT NOT NULL DEFAULT '',
    platform       TEXT NOT NULL DEFAULT '',
    user_id        TEXT REFERENCES users (id),
    user_key       KEYTEXT NOT NULL DEFAULT '',
    state          TEXT NOT NULL CHECK (state IN ('active', 'deactivated')),
    activated_at   BIGINT NOT NULL,
    last_seen_at   BIGINT NOT NULL,
    deactivated_at BIGINT,
    created_at     BIGINT NOT NULL,
    UNIQUE (org_id, code)
);
CREATE INDEX devices_activated ON devices (org_id, state, activated_at, id);
CREATE INDEX devices_code_key ON devices (org_id, code_key, id);
CREATE INDEX devices_name_key ON devices (org_id, name_key, id);
CREATE INDEX devices_user ON devices (org_id, user_id);
CREATE INDEX devices_user_key ON devices (org_id, user_key, id);

-- A per-device seat names its device (holder_id = device_id) and the
-- device's user (user_id), so that the holder lists show who uses it.
CREATE INDEX seats_device ON seats (device_id);
CREATE INDEX seat_waiting_device ON seat_waiting (device_id);

-- The transfer limit: seats taken off a holder by hand this calendar month
-- (transfer_month is yyyymm in UTC; a new month starts the count at 0).
ALTER TABLE license_pools ADD COLUMN transfer_month INTEGER NOT NULL DEFAULT 0;
ALTER TABLE license_pools ADD COLUMN transfers INTEGER NOT NULL DEFAULT 0;

-- Tokens of a subject that is not a user: subject is what a token was
-- issued for, user_id the user whose tokens it counts among (NULL for a
-- device's, which a new password does not void). The table is made anew
-- because SQLite cannot change a CHECK in place.
CREATE TABLE tokens_v2 (
    id         TEXT PRIMARY KEY,
    subject    TEXT NOT NULL,
    user_id    TEXT REFERENCES users (id) ON DELETE CASCADE,
    purpose    TEXT NOT NULL CHECK (purpose IN ('reset', 'setup', 'device')),
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at    BIGINT
);
INSERT INTO tokens_v2 (id, subject, user_id, purpose, token_hash, created_at, expires_at, used_at)
    SELECT id, user_id, user_id, purpose, token_hash, created_at, expires_at, used_at FROM tokens;
DROP TABLE tokens;
ALTER TABLE tokens_v2 RENAME TO tokens;
CREATE INDEX tokens_user ON tokens (user_id);
CREATE INDEX tokens_subject ON tokens (subject, purpose);

-- The Ed25519 keys that sign offline license certificates. The one with
-- retired_at NULL signs; a retired key is still published until the last
-- certificate it signed has expired. secret_key is libsodium's 64-byte
-- secret key, hex; public_key the 32-byte public key, hex.
CREATE TABLE license_keys (
    id         TEXT PRIMARY KEY,
    public_key TEXT NOT NULL,
    secret_key TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    retired_at BIGINT
);
CREATE UNIQUE INDEX license_keys_signing ON license_keys ((retired_at IS NULL)) WHERE retired_at IS NULL;
