#include "store/teams.h"

#include "base/text.h"
#include "store/store.h"

static const char SQL_TEAM_INSERT[] =
        "INSERT INTO teams (id, org_id, name, name_key, lead_user_id, created_at, updated_at)"
        " VALUES ($1, $2, $3, $4, $5, $6, $6)";

err_code store_team_insert(struct db *db, const struct team *t, struct err *e)
{
	struct db_stmt *s = store_prepare(db, SQL_TEAM_INSERT, e);
	if (!s)
		return e->code;
	struct arena *a = arena_new();
	db_bind_text(s, 1, t->id);
	db_bind_text(s, 2, t->org_id);
	db_bind_text(s, 3, t->name);
	db_bind_text(s, 4, text_fold(a, t->name));
	db_bind_text(s, 5, t->lead_user_id);
	db_bind_int(s, 6, t->created_at);
	err_code rc = store_exec(s, E_INVALID, e);
	arena_free(a);
	return rc;
}

/* Only a member of the team's organization, which the row then names. */
static const char SQL_TEAM_MEMBER_ADD[] =
        "INSERT INTO team_members (team_id, user_id, org_id, created_at)"
        " SELECT t.id, m.user_id, t.org_id, $3 FROM teams t"
        " JOIN memberships m ON m.org_id = t.org_id AND m.user_id = $2 WHERE t.id = $1";

err_code store_team_member_add(struct db *db, const char *team_id, const char *user_id, int64_t now, struct err *e)
{
	struct db_stmt *s = store_prepare(db, SQL_TEAM_MEMBER_ADD, e);
	if (!s)
		return e->code;
	db_bind_text(s, 1, team_id);
	db_bind_text(s, 2, user_id);
	db_bind_int(s, 3, now);
	return store_exec_one(s, E_CONFLICT, e);
}

static const char SQL_TEAM_MEMBER_REMOVE[] = "DELETE FROM team_members WHERE team_id = $1 AND user_id = $2";

err_code store_team_member_remove(struct db *db, const char *team_id, const char *user_id, struct err *e)
{
	return store_run_one(db, SQL_TEAM_MEMBER_REMOVE, E_INTERNAL, e, team_id, user_id);
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
	struct db_stmt *s = store_prepare(db, SQL_TEAM_ACCOUNT_SET, e);
	if (!s)
		return e->code;
	db_bind_text(s, 1, team_id);
	db_bind_text(s, 2, customer_org_id);
	db_bind_int(s, 3, now);
	return store_exec_one(s, E_INVALID, e);
}

static const char SQL_TEAM_ACCOUNT_CLEAR[] =
        "DELETE FROM team_accounts WHERE customer_org_id = $1 AND ($2 = '' OR team_id = $2)";

err_code store_team_account_clear(struct db *db, const char *customer_org_id, const char *team_id, struct err *e)
{
	return store_run_one(db, SQL_TEAM_ACCOUNT_CLEAR, E_INTERNAL, e, customer_org_id, team_id ? team_id : "");
}

static const char SQL_TEAM_ACCOUNT_GET[] = "SELECT team_id FROM team_accounts WHERE customer_org_id = $1";

err_code store_team_account_get(struct db *db, struct arena *a, const char *customer_org_id, const char **out_team_id,
                                struct err *e)
{
	struct db_stmt *s = store_prepare(db, SQL_TEAM_ACCOUNT_GET, e);
	if (!s)
		return e->code;
	db_bind_text(s, 1, customer_org_id);
	db_rc rc = db_step(s);
	if (rc == DB_DONE)
		return err_set(e, E_NOT_FOUND, NULL, NULL);
	if (rc != DB_ROW)
		return store_fail(db, rc, E_INTERNAL, e);
	*out_team_id = store_col_dup(s, 0, a);
	db_step(s);
	return E_OK;
}
