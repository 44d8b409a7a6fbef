-- License pools: an organization's purchase of `seats` of a product for a
-- term, counted per user or per device, and the seats in use.
--
-- used and reserved are the pool's counters. Every path that changes seats
-- moves them in the same transaction as the seats rows, by a conditional
-- UPDATE of the pool row first (which locks it: core/licenses.c), and the
-- CHECK keeps used + reserved <= seats whatever happens. A pool's state is
-- trial, active or cancelled as stored; one past ends_at reads as expired.

CREATE TABLE license_pools (
    id                      TEXT PRIMARY KEY,
    org_id                  TEXT NOT NULL REFERENCES orgs (id),
    product                 TEXT NOT NULL,
    plan                    TEXT NOT NULL DEFAULT '',
    unit                    TEXT NOT NULL CHECK (unit IN ('user', 'device')),
    seats                   BIGINT NOT NULL CHECK (seats >= 0 AND seats <= 1000000),
    used                    BIGINT NOT NULL DEFAULT 0 CHECK (used >= 0),
    reserved                BIGINT NOT NULL DEFAULT 0 CHECK (reserved >= 0),
    state                   TEXT NOT NULL CHECK (state IN ('trial', 'active', 'cancelled')),
    auto_assign             INTEGER NOT NULL DEFAULT 0 CHECK (auto_assign IN (0, 1)),
    starts_at               BIGINT NOT NULL,
    ends_at                 BIGINT NOT NULL,
    offline_days            INTEGER NOT NULL DEFAULT 7 CHECK (offline_days BETWEEN 1 AND 365),
    max_transfers_per_month INTEGER CHECK (max_transfers_per_month IS NULL OR max_transfers_per_month >= 0),
    created_by              TEXT,
    created_at              BIGINT NOT NULL,
    updated_at              BIGINT NOT NULL,
    CHECK (ends_at > starts_at),
    CHECK (used + reserved <= seats)
);
CREATE INDEX license_pools_org ON license_pools (org_id, product, id);

-- One row per seat in use: its holder is the user (per-user pools) or the
-- device (per-device pools), once per pool. org_id is the pool's.
CREATE TABLE seats (
    pool_id     TEXT NOT NULL REFERENCES license_pools (id),
    holder_id   TEXT NOT NULL,
    org_id      TEXT NOT NULL REFERENCES orgs (id),
    user_id     TEXT REFERENCES users (id),
    device_id   TEXT,
    source      TEXT NOT NULL CHECK (source IN ('manual', 'auto', 'invitation')),
    assigned_by TEXT,
    assigned_at BIGINT NOT NULL,
    PRIMARY KEY (pool_id, holder_id)
) WITHOUT_ROWID;
CREATE INDEX seats_pool_assigned ON seats (pool_id, assigned_at, holder_id);
CREATE INDEX seats_user ON seats (org_id, user_id);
