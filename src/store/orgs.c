#include "store/orgs.h"

#include "base/crypto.h"
#include "base/text.h"
#include "store/list.h"
#include "store/query.h"
#include "store/rows.h"
#include "store/store.h"

#include <stdio.h>
#include <string.h>

#define ORG_COLS "o.id, o.name, o.type, o.kind, o.provider_id, o.state, o.settings, o.created_at, o.updated_at"
#define ORG_SPEC(o)                                                                                                    \
	C_TEXT(&(o)->id), C_TEXT(&(o)->name), C_TEXT(&(o)->type), C_TEXT(&(o)->kind), C_TEXT(&(o)->provider_id),       \
	        C_TEXT(&(o)->state), C_TEXT(&(o)->settings), C_I64(&(o)->created_at), C_I64(&(o)->updated_at)

static const char SQL_ORG_INSERT[] =
        "INSERT INTO orgs (id, name, name_key, type, kind, provider_id, state, settings, created_at, updated_at)"
        " VALUES ($1, $2, $3, $4, $5, $6, 'active', $7, $8, $8)";

err_code store_org_insert(struct db *db, const struct org *o, struct err *e)
{
	return store_q_exec(db, SQL_ORG_INSERT,
	                    PARAMS(P_TEXT(o->id), P_TEXT(o->name), P_FOLD(o->name), P_TEXT(o->type), P_TEXT(o->kind),
	                           P_TEXT(o->provider_id), P_TEXT(o->settings ? o->settings : "{}"),
	                           P_I64(o->created_at)),
	                    E_CONFLICT, e);
}

static const char SQL_ORG_GET[] = "SELECT " ORG_COLS " FROM orgs o WHERE o.id = $1";

err_code store_org_get(struct db *db, struct arena *a, const char *id, struct org *out, struct err *e)
{
	return store_q_one(db, a, SQL_ORG_GET, PARAMS(P_TEXT(id)), COLS(ORG_SPEC(out)), E_NOT_FOUND, e);
}

/* The team relation costs a probe of team_accounts' key and one of
 * team_members' key. ta.org_id = o.provider_id: the team's organization
 * must be the provider now; an assignment left from before the
 * organization became independent counts for nothing. */
static const char SQL_ORG_VIEW[] =
        "SELECT " ORG_COLS ", m.role, pm.role, p.state, p.type,"
        " EXISTS (SELECT 1 FROM team_accounts ta JOIN team_members tm ON tm.team_id = ta.team_id AND tm.user_id = $2"
        "   WHERE ta.customer_org_id = o.id AND ta.org_id = o.provider_id)"
        " FROM orgs o"
        " LEFT JOIN memberships m ON m.org_id = o.id AND m.user_id = $2"
        " LEFT JOIN orgs p ON p.id = o.provider_id"
        " LEFT JOIN memberships pm ON pm.org_id = o.provider_id AND pm.user_id = $2"
        " WHERE o.id = $1";

err_code store_org_view(struct db *db, struct arena *a, const char *org_id, const char *user_id, struct org_view *out,
                        struct err *e)
{
	const char *pstate = NULL;
	if (store_q_one(db, a, SQL_ORG_VIEW, PARAMS(P_TEXT(org_id), P_TEXT(user_id ? user_id : "")),
	                COLS(ORG_SPEC(&out->org), C_TEXT(&out->role), C_TEXT(&out->provider_role), C_TEXT(&pstate),
	                     C_TEXT(&out->provider_type), C_BOOL(&out->in_provider_team)),
	                E_NOT_FOUND, e))
		return e->code;
	out->provider_closed = pstate && !strcmp(pstate, "closed");
	return E_OK;
}

/* SQL_SESSION_LOOKUP's session and user, and SQL_ORG_VIEW for that user
 * (NULLs when there is no such organization): one round trip for what
 * every request on an organization's route reads first. */
static const char SQL_SESSION_ORG_VIEW[] =
        "SELECT s.id, s.created_at, s.last_seen_at, s.expires_at, " USER_COLS ", " ORG_COLS
        ", m.role, pm.role, p.state, p.type,"
        " EXISTS (SELECT 1 FROM team_accounts ta JOIN team_members tm ON tm.team_id = ta.team_id AND tm.user_id = u.id"
        "   WHERE ta.customer_org_id = o.id AND ta.org_id = o.provider_id)"
        " FROM sessions s JOIN users u ON u.id = s.user_id"
        " LEFT JOIN orgs o ON o.id = $4"
        " LEFT JOIN memberships m ON m.org_id = o.id AND m.user_id = u.id"
        " LEFT JOIN orgs p ON p.id = o.provider_id"
        " LEFT JOIN memberships pm ON pm.org_id = o.provider_id AND pm.user_id = u.id"
        " WHERE s.token_hash = $1 AND s.expires_at > $2 AND s.last_seen_at > $3 AND u.state = 'active'";

err_code store_session_org_view(struct db *db, struct arena *a, const char *token_hash, int64_t now,
                                int64_t idle_cutoff, const char *org_id, struct session *out_s, struct user *out_u,
                                struct org_view *out_v, bool *org_found, struct err *e)
{
	const char *pstate = NULL;
	struct store_col cols[4 + USER_NCOLS + 14] = {C_TEXT(&out_s->id), C_I64(&out_s->created_at),
	                                              C_I64(&out_s->last_seen_at), C_I64(&out_s->expires_at)};
	struct store_col *c = store_user_cols(cols + 4, out_u, true);
	const struct store_col view[] = {ORG_SPEC(&out_v->org),         C_TEXT(&out_v->role),
	                                 C_TEXT(&out_v->provider_role), C_TEXT(&pstate),
	                                 C_TEXT(&out_v->provider_type), C_BOOL(&out_v->in_provider_team)};
	_Static_assert(sizeof view / sizeof view[0] == 14, "the view's columns");
	memcpy(c, view, sizeof view);
	if (store_q_one(db, a, SQL_SESSION_ORG_VIEW,
	                PARAMS(P_TEXT(token_hash), P_I64(now), P_I64(idle_cutoff), P_TEXT(org_id)), cols,
	                STORE_LEN(cols), E_NOT_FOUND, e))
		return e->code;
	out_s->user_id = out_u->id;
	out_v->provider_closed = pstate && !strcmp(pstate, "closed");
	*org_found = out_v->org.id != NULL;
	return E_OK;
}

static const char SQL_ORG_UPDATE[] = "UPDATE orgs SET name = COALESCE($2, name), name_key = COALESCE($3, name_key),"
                                     " settings = COALESCE($4, settings), updated_at = $5 WHERE id = $1";

err_code store_org_update(struct db *db, const char *id, const char *name, const char *settings, int64_t now,
                          struct err *e)
{
	return store_q_exec_one(db, SQL_ORG_UPDATE,
	                        PARAMS(P_TEXT(id), P_TEXT(name), P_FOLD(name), P_TEXT(settings), P_I64(now)), E_INVALID,
	                        e);
}

static const char SQL_ORG_STATE[] = "UPDATE orgs SET state = $2, updated_at = $3 WHERE id = $1";

err_code store_org_set_state(struct db *db, const char *id, const char *state, int64_t now, struct err *e)
{
	return store_q_exec_one(db, SQL_ORG_STATE, PARAMS(P_TEXT(id), P_TEXT(state), P_I64(now)), E_INVALID, e);
}

static const char SQL_ORG_INDEPENDENT[] =
        "UPDATE orgs SET type = 'enterprise', kind = NULL, provider_id = NULL, updated_at = $2"
        " WHERE id = $1 AND type = 'customer'";

static const char SQL_ORG_LEAVE_TEAMS[] = "DELETE FROM team_accounts WHERE customer_org_id = $1";

err_code store_org_make_independent(struct db *db, const char *id, int64_t now, struct err *e)
{
	err_code rc = store_q_exec_one(db, SQL_ORG_INDEPENDENT, PARAMS(P_TEXT(id), P_I64(now)), E_INVALID, e);
	if (rc == E_NOT_FOUND)
		return err_set(e, E_CONFLICT, NULL, "The organization is not a customer (any more).");
	if (rc)
		return rc;
	/* No team of the former provider manages it any more. */
	return store_q_exec(db, SQL_ORG_LEAVE_TEAMS, PARAMS(P_TEXT(id)), E_INTERNAL, e);
}

static const char *const SQL_NAMES_PAGE[] = {
        "SELECT id, name, name_key FROM orgs WHERE id > $1 ORDER BY id LIMIT $2",
        "SELECT id, name, name_key FROM teams WHERE id > $1 ORDER BY id LIMIT $2",
};
static const char *const SQL_NAME_KEY_SET[] = {
        "UPDATE orgs SET name_key = $2 WHERE id = $1",
        "UPDATE teams SET name_key = $2 WHERE id = $1",
};

struct refold_row {
	const char *id, *key;
	struct refold_row *next;
};

/* A page of names: the last id seen, and the rows whose key is stale. */
struct refold_page {
	struct arena *a;
	const char *id, *name, *key; /* the row being read */
	char after[ID_MAX];
	int rows;
	struct refold_row *changed;
};

static void refold_read(void *arg)
{
	struct refold_page *p = arg;
	p->rows++;
	snprintf(p->after, sizeof p->after, "%s", p->id);
	const char *key = text_fold(p->a, p->name);
	if (strcmp(key, p->key)) {
		struct refold_row *r = arena_alloc(p->a, sizeof *r);
		*r = (struct refold_row){arena_strdup(p->a, p->id), key, p->changed};
		p->changed = r;
	}
}

/* Refolds one page after p->after; the rows read in p->rows. */
static err_code refold_page(struct db *db, int table, struct refold_page *p, struct err *e)
{
	p->rows = 0;
	p->changed = NULL;
	err_code rc =
	        store_q_each(db, NULL, SQL_NAMES_PAGE[table], PARAMS(P_TEXT(p->after), P_I64(LIMIT_BATCH_ROWS)),
	                     COLS(C_TEXT_REF(&p->id), C_TEXT_REF(&p->name), C_TEXT_REF(&p->key)), refold_read, p, e);
	for (struct refold_row *r = p->changed; !rc && r; r = r->next)
		rc = store_q_exec(db, SQL_NAME_KEY_SET[table], PARAMS(P_TEXT(r->id), P_TEXT(r->key)), E_INTERNAL, e);
	return rc;
}

err_code store_refold_names(struct db *db, struct err *e)
{
	for (int table = 0; table < 2; table++) {
		struct refold_page p = {.after = ""};
		do {
			p.a = arena_new();
			err_code rc = refold_page(db, table, &p, e);
			arena_free(p.a);
			if (rc)
				return rc;
		} while (p.rows == LIMIT_BATCH_ROWS);
	}
	return E_OK;
}

static const char SQL_ORG_LOCK[] = "UPDATE orgs SET updated_at = updated_at WHERE id = $1";

err_code store_org_lock(struct db *db, const char *id, struct err *e)
{
	return store_q_exec(db, SQL_ORG_LOCK, PARAMS(P_TEXT(id)), E_INTERNAL, e);
}

static const char SQL_ORG_LOCK_SHARED[] = "SELECT id FROM orgs WHERE id = $1 FOR SHARE";

err_code store_org_lock_shared(struct db *db, const char *id, struct err *e)
{
	/* SQLite has no row locks to share, and needs none. */
	if (db->drv == &db_sqlite_driver)
		return E_OK;
	return store_q_exec(db, SQL_ORG_LOCK_SHARED, PARAMS(P_TEXT(id)), E_INTERNAL, e);
}

/* The scopes a page of organizations runs in, $1 naming the provider or the member. */
static const char *const SQL_ORG_SCOPES[] = {
        [ORGS_ALL] = "SELECT " ORG_COLS ", NULL FROM orgs o WHERE $1 = $1",
        [ORGS_OF_PROVIDER] = "SELECT " ORG_COLS ", NULL FROM orgs o WHERE o.provider_id = $1",
        [ORGS_OF_MEMBER] = "SELECT " ORG_COLS ", m.role FROM memberships m JOIN orgs o ON o.id = m.org_id"
                           " WHERE m.user_id = $1",
};

/* A row of ORG_COLS and a role, for either callback type (they agree). */
STORE_EACH_WITH(org, struct org, const char *, store_org_cb)

err_code store_org_list(struct db *db, struct arena *a, org_scope scope, const char *scope_id,
                        const struct list_query *q, store_org_cb cb, void *arg, struct err *e)
{
	struct store_page page;
	if (store_list_page(SQL_ORG_SCOPES[scope], PARAMS(P_TEXT(scope_id ? scope_id : "")), q, &page, e))
		return e->code;
	struct org_each x = {.cb = cb, .arg = arg};
	return store_page_each(db, a, &page, COLS(ORG_SPEC(&x.row), C_TEXT(&x.extra)), org_each_row, &x, e);
}

static const char SQL_ORGS_OF_USER[] = "SELECT " ORG_COLS ", m.role FROM memberships m JOIN orgs o ON o.id = m.org_id"
                                       " WHERE m.user_id = $1 ORDER BY o.name_key, o.id";

err_code store_orgs_of_user(struct db *db, struct arena *a, const char *user_id, store_user_org_cb cb, void *arg,
                            struct err *e)
{
	struct org_each x = {.cb = cb, .arg = arg};
	return store_q_each(db, a, SQL_ORGS_OF_USER, PARAMS(P_TEXT(user_id)), COLS(ORG_SPEC(&x.row), C_TEXT(&x.extra)),
	                    org_each_row, &x, e);
}
