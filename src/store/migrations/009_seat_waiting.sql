-- The waiting list of a license pool: who asked for a seat (automatic
-- assignment) when none was free, in the order they came; each gets the
-- next seat that frees up, in the transaction that frees it. A holder
-- waits once per pool, and never while holding a seat of it (core).

CREATE TABLE seat_waiting (
    pool_id   TEXT NOT NULL REFERENCES license_pools (id),
    holder_id TEXT NOT NULL,
    org_id    TEXT NOT NULL REFERENCES orgs (id),
    user_id   TEXT REFERENCES users (id),
    device_id TEXT,
    joined_at BIGINT NOT NULL,
    PRIMARY KEY (pool_id, holder_id)
) WITHOUT_ROWID;
CREATE INDEX seat_waiting_order ON seat_waiting (pool_id, joined_at, holder_id);
CREATE INDEX seat_waiting_user ON seat_waiting (org_id, user_id);
