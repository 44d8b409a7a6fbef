-- Teams: groups of users inside an organization (a partner's staff), each
-- managing a set of accounts (the partner's customer organizations).
-- team_members and team_accounts copy the team's org_id, like every tenant
-- table; the store fills it from the team, never from the caller.
-- Deleting a team deletes its memberships and frees its accounts.

CREATE TABLE teams (
    id           TEXT PRIMARY KEY,
    org_id       TEXT NOT NULL REFERENCES orgs (id),
    name         TEXT NOT NULL,
    name_key     KEYTEXT NOT NULL,
    lead_user_id TEXT REFERENCES users (id),
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL
);
CREATE INDEX teams_org_name ON teams (org_id, name_key, id);

-- The index on (org_id, user_id, team_id) reads "the teams of user U in
-- organization O" as one range.
CREATE TABLE team_members (
    team_id    TEXT NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    user_id    TEXT NOT NULL REFERENCES users (id),
    org_id     TEXT NOT NULL REFERENCES orgs (id),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (team_id, user_id)
) WITHOUT_ROWID;
CREATE INDEX team_members_user ON team_members (org_id, user_id, team_id);

-- One team per account: the customer organization is the key, so that
-- assigning an account moves it and two teams can never hold it at once.
-- org_id is the team's organization (the customer's provider).
CREATE TABLE team_accounts (
    customer_org_id TEXT PRIMARY KEY REFERENCES orgs (id),
    team_id         TEXT NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    org_id          TEXT NOT NULL REFERENCES orgs (id),
    assigned_at     BIGINT NOT NULL
) WITHOUT_ROWID;
CREATE INDEX team_accounts_team ON team_accounts (team_id);
