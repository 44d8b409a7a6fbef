#include "store/teams.h"

#include "store/query.h"
#include "store/store.h"

static const char SQL_TEAM_INSERT[] =
        "INSERT INTO teams (id, org_id, name, name_key, lead_user_id, created_at, updated_at)"
        " VALUES ($1, $2, $3, $4, $5, $6, $6)";

err_code store_team_insert(struct db *db, const struct team *t, struct err *e)
{
	return store_q_exec(db, SQL_TEAM_INSERT,
	                    PARAMS(P_TEXT(t->id), P_TEXT(t->org_id), P_TEXT(t->name), P_FOLD(t->name),
	                           P_TEXT(t->lead_user_id), P_I64(t->created_at)),
	                    E_INVALID, e);
}

/* Only a member of the team's organization, which the row then names. */
static const char SQL_TEAM_MEMBER_ADD[] =
        "INSERT INTO team_members (team_id, user_id, org_id, created_at)"
        " SELECT t.id, m.user_id, t.org_id, $3 FROM teams t"
        " JOIN memberships m ON m.org_id = t.org_id AND m.user_id = $2 WHERE t.id = $1";

err_code store_team_member_add(struct db *db, const char *team_id, const char *user_id, int64_t now, struct err *e)
{
	return store_q_exec_one(db, SQL_TEAM_MEMBER_ADD, PARAMS(P_TEXT(team_id), P_TEXT(user_id), P_I64(now)),
	                        E_CONFLICT, e);
}

static const char SQL_TEAM_MEMBER_REMOVE[] = "DELETE FROM team_members WHERE team_id = $1 AND user_id = $2";

err_code store_team_member_remove(struct db *db, const char *team_id, const char *user_id, struct err *e)
{
	return store_q_exec_one(db, SQL_TEAM_MEMBER_REMOVE, PARAMS(P_TEXT(team_id), P_TEXT(user_id)), E_INTERNAL, e);
}

/* Only a customer of the team's organization. The WHERE clause also keeps
 * SQLite from reading ON CONFLICT as the join's ON. */
static const char SQL_TEAM_ACCOUNT_SET[] =
        "INSERT INTO team_accounts (customer_org_id, team_id, org_id, assigned_at)"
        " SELECT c.id, t.id, t.org_id, $3 FROM teams t JOIN orgs c ON c.provider_id = t.org_id"
        " WHERE t.id = $1 AND c.id = $2"
        " ON CONFLICT (customer_org_id) DO UPDATE SET team_id = excluded.team_id, org_id = excluded.org_id,"
        " assigned_at = excluded.assigned_at";

err_code store_team_account_set(struct db *db, const char *team_id, const char *customer_org_id, int64_t now,
                                struct err *e)
{
	return store_q_exec_one(db, SQL_TEAM_ACCOUNT_SET, PARAMS(P_TEXT(team_id), P_TEXT(customer_org_id), P_I64(now)),
	                        E_INVALID, e);
}

static const char SQL_TEAM_ACCOUNT_CLEAR[] =
        "DELETE FROM team_accounts WHERE customer_org_id = $1 AND ($2 = '' OR team_id = $2)";

err_code store_team_account_clear(struct db *db, const char *customer_org_id, const char *team_id, struct err *e)
{
	return store_q_exec_one(db, SQL_TEAM_ACCOUNT_CLEAR,
	                        PARAMS(P_TEXT(customer_org_id), P_TEXT(team_id ? team_id : "")), E_INTERNAL, e);
}

static const char SQL_TEAM_ACCOUNT_GET[] = "SELECT team_id FROM team_accounts WHERE customer_org_id = $1";

err_code store_team_account_get(struct db *db, struct arena *a, const char *customer_org_id, const char **out_team_id,
                                struct err *e)
{
	return store_q_one(db, a, SQL_TEAM_ACCOUNT_GET, PARAMS(P_TEXT(customer_org_id)), COLS(C_TEXT(out_team_id)),
	                   E_NOT_FOUND, e);
}
