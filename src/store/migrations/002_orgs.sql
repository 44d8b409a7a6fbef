-- Organizations, their modules and custom roles, and memberships.
-- KEYTEXT is a text column compared byte by byte on both engines (the
-- driver writes TEXT on SQLite and TEXT COLLATE "C" on PostgreSQL), so that
-- prefix searches are index range scans whatever the database's locale.

CREATE TABLE orgs (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    name_key    KEYTEXT NOT NULL,
    type        TEXT NOT NULL CHECK (type IN ('enterprise', 'partner', 'customer')),
    kind        TEXT CHECK (kind IS NULL OR kind IN ('corporate', 'individual')),
    provider_id TEXT REFERENCES orgs (id),
    state       TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'closed')),
    settings    TEXT NOT NULL DEFAULT '{}',
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL,
    CHECK ((type = 'customer') = (provider_id IS NOT NULL)),
    CHECK ((type = 'customer') = (kind IS NOT NULL))
);
CREATE INDEX orgs_name ON orgs (name_key, id);
CREATE INDEX orgs_provider ON orgs (provider_id, name_key, id);

CREATE TABLE org_modules (
    org_id     TEXT NOT NULL REFERENCES orgs (id),
    module     TEXT NOT NULL,
    enabled_by TEXT,
    enabled_at BIGINT NOT NULL,
    PRIMARY KEY (org_id, module)
);

CREATE TABLE roles (
    org_id      TEXT NOT NULL REFERENCES orgs (id),
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    permissions TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL,
    PRIMARY KEY (org_id, name)
);

-- The user's names are copied here, lower-cased, so that searching and
-- sorting the members of one organization are index scans within it. (A
-- prefix of the first name is a prefix of full_key, "first last", so the
-- first name needs no index of its own.)
CREATE TABLE memberships (
    org_id        TEXT NOT NULL REFERENCES orgs (id),
    user_id       TEXT NOT NULL REFERENCES users (id),
    role          TEXT NOT NULL,
    source        TEXT NOT NULL CHECK (source IN ('direct', 'invitation', 'customer_admin', 'operator')),
    invitation_id TEXT,
    created_by    TEXT,
    created_at    BIGINT NOT NULL,
    email_key     KEYTEXT NOT NULL,
    first_key     KEYTEXT NOT NULL,
    last_key      KEYTEXT NOT NULL,
    full_key      KEYTEXT NOT NULL,
    PRIMARY KEY (org_id, user_id)
) WITHOUT_ROWID;
CREATE INDEX memberships_user ON memberships (user_id);
-- Each search key's index also carries every sort key, so that a search
-- reads and sorts its matches from the indexes alone.
-- The sort keys come first with user_id right after them, for keyset pages.
CREATE INDEX memberships_email ON memberships (org_id, email_key, user_id, full_key, created_at);
CREATE INDEX memberships_full ON memberships (org_id, full_key, user_id, email_key, created_at);
CREATE INDEX memberships_last ON memberships (org_id, last_key, full_key, email_key, created_at, user_id);
CREATE INDEX memberships_created ON memberships (org_id, created_at, user_id);
CREATE INDEX memberships_role ON memberships (org_id, role, user_id);

-- What a search matches, one row per member and term (the email, the last
-- name, "first last"), so that a search reads its page in term order from
-- one index, whatever the size of the organization.
CREATE TABLE member_terms (
    org_id  TEXT NOT NULL,
    term    KEYTEXT NOT NULL,
    user_id TEXT NOT NULL,
    PRIMARY KEY (org_id, term, user_id)
) WITHOUT_ROWID;
CREATE INDEX member_terms_user ON member_terms (org_id, user_id, term);

CREATE INDEX audit_events_org_action ON audit_events (org_id, action, at);
CREATE INDEX audit_events_org_actor ON audit_events (org_id, actor_id, at);
