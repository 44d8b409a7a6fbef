#include "store/orgs.h"

#include "base/crypto.h"
#include "base/text.h"
#include "store/store.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

/* Highest code point, as a cursor sentinel that sorts after every key. */
#define KEY_MAX "\xf4\x8f\xbf\xbf"

/* ---- organizations ---- */

#define ORG_COLS "o.id, o.name, o.type, o.kind, o.provider_id, o.state, o.settings, o.created_at, o.updated_at"

static void read_org(struct db_stmt *s, int c, struct arena *a, struct org *o)
{
	o->id = store_col_dup(s, c + 0, a);
	o->name = store_col_dup(s, c + 1, a);
	o->type = store_col_dup(s, c + 2, a);
	o->kind = store_col_dup(s, c + 3, a);
	o->provider_id = store_col_dup(s, c + 4, a);
	o->state = store_col_dup(s, c + 5, a);
	o->settings = store_col_dup(s, c + 6, a);
	o->created_at = db_col_int(s, c + 7);
	o->updated_at = db_col_int(s, c + 8);
}

static const char SQL_ORG_INSERT[] =
        "INSERT INTO orgs (id, name, name_key, type, kind, provider_id, state, settings, created_at, updated_at)"
        " VALUES ($1, $2, $3, $4, $5, $6, 'active', $7, $8, $8)";

err_code store_org_insert(struct db *db, const struct org *o, struct err *e)
{
	struct db_stmt *s = store_prepare(db, SQL_ORG_INSERT, e);
	if (!s)
		return e->code;
	struct arena *a = arena_new();
	db_bind_text(s, 1, o->id);
	db_bind_text(s, 2, o->name);
	db_bind_text(s, 3, text_fold(a, o->name));
	db_bind_text(s, 4, o->type);
	db_bind_text(s, 5, o->kind);
	db_bind_text(s, 6, o->provider_id);
	db_bind_text(s, 7, o->settings ? o->settings : "{}");
	db_bind_int(s, 8, o->created_at);
	err_code rc = store_exec(s, E_CONFLICT, e);
	arena_free(a);
	return rc;
}

static const char SQL_ORG_GET[] = "SELECT " ORG_COLS " FROM orgs o WHERE o.id = $1";

err_code store_org_get(struct db *db, struct arena *a, const char *id, struct org *out, struct err *e)
{
	struct db_stmt *s = store_prepare(db, SQL_ORG_GET, e);
	if (!s)
		return e->code;
	db_bind_text(s, 1, id);
	db_rc rc = db_step(s);
	if (rc == DB_DONE)
		return err_set(e, E_NOT_FOUND, NULL, NULL);
	if (rc != DB_ROW)
		return store_fail(db, rc, E_INTERNAL, e);
	read_org(s, 0, a, out);
	db_step(s);
	return E_OK;
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
	struct db_stmt *s = store_prepare(db, SQL_ORG_VIEW, e);
	if (!s)
		return e->code;
	db_bind_text(s, 1, org_id);
	db_bind_text(s, 2, user_id ? user_id : "");
	db_rc rc = db_step(s);
	if (rc == DB_DONE)
		return err_set(e, E_NOT_FOUND, NULL, NULL);
	if (rc != DB_ROW)
		return store_fail(db, rc, E_INTERNAL, e);
	read_org(s, 0, a, &out->org);
	out->role = store_col_dup(s, 9, a);
	out->provider_role = store_col_dup(s, 10, a);
	const char *pstate = db_col_text(s, 11);
	out->provider_closed = pstate && !strcmp(pstate, "closed");
	out->provider_type = store_col_dup(s, 12, a);
	out->in_provider_team = db_col_int(s, 13) != 0;
	db_step(s);
	return E_OK;
}

static const char SQL_ORG_UPDATE[] = "UPDATE orgs SET name = COALESCE($2, name), name_key = COALESCE($3, name_key),"
                                     " settings = COALESCE($4, settings), updated_at = $5 WHERE id = $1";

err_code store_org_update(struct db *db, const char *id, const char *name, const char *settings, int64_t now,
                          struct err *e)
{
	struct db_stmt *s = store_prepare(db, SQL_ORG_UPDATE, e);
	if (!s)
		return e->code;
	struct arena *a = arena_new();
	db_bind_text(s, 1, id);
	db_bind_text(s, 2, name);
	db_bind_text(s, 3, name ? text_fold(a, name) : NULL);
	db_bind_text(s, 4, settings);
	db_bind_int(s, 5, now);
	err_code rc = store_exec(s, E_INVALID, e);
	arena_free(a);
	if (rc == E_OK && db_changes(s) == 0)
		return err_set(e, E_NOT_FOUND, NULL, NULL);
	return rc;
}

static const char SQL_ORG_STATE[] = "UPDATE orgs SET state = $2, updated_at = $3 WHERE id = $1";

err_code store_org_set_state(struct db *db, const char *id, const char *state, int64_t now, struct err *e)
{
	struct db_stmt *s = store_prepare(db, SQL_ORG_STATE, e);
	if (!s)
		return e->code;
	db_bind_text(s, 1, id);
	db_bind_text(s, 2, state);
	db_bind_int(s, 3, now);
	return store_exec_one(s, E_INVALID, e);
}

static const char SQL_ORG_INDEPENDENT[] =
        "UPDATE orgs SET type = 'enterprise', kind = NULL, provider_id = NULL, updated_at = $2"
        " WHERE id = $1 AND type = 'customer'";

static const char SQL_ORG_LEAVE_TEAMS[] = "DELETE FROM team_accounts WHERE customer_org_id = $1";

err_code store_org_make_independent(struct db *db, const char *id, int64_t now, struct err *e)
{
	struct db_stmt *s = store_prepare(db, SQL_ORG_INDEPENDENT, e);
	if (!s)
		return e->code;
	db_bind_text(s, 1, id);
	db_bind_int(s, 2, now);
	err_code rc = store_exec(s, E_INVALID, e);
	if (rc == E_OK && db_changes(s) == 0)
		return err_set(e, E_CONFLICT, NULL, "The organization is not a customer (any more).");
	if (rc)
		return rc;
	/* No team of the former provider manages it any more. */
	return store_run(db, SQL_ORG_LEAVE_TEAMS, E_INTERNAL, e, id);
}

static const char *const SQL_NAMES_PAGE[] = {
        "SELECT id, name, name_key FROM orgs WHERE id > $1 ORDER BY id LIMIT 500",
        "SELECT id, name, name_key FROM teams WHERE id > $1 ORDER BY id LIMIT 500",
};
static const char *const SQL_NAME_KEY_SET[] = {
        "UPDATE orgs SET name_key = $2 WHERE id = $1",
        "UPDATE teams SET name_key = $2 WHERE id = $1",
};

struct refold_row {
	const char *id, *key;
	struct refold_row *next;
};

err_code store_refold_names(struct db *db, struct err *e)
{
	for (int table = 0; table < 2; table++) {
		char after[ID_MAX] = "";
		for (;;) {
			struct arena *a = arena_new();
			struct db_stmt *s = store_prepare(db, SQL_NAMES_PAGE[table], e);
			if (!s) {
				arena_free(a);
				return e->code;
			}
			db_bind_text(s, 1, after);
			struct refold_row *changed = NULL;
			int rows = 0;
			db_rc rc;
			while ((rc = db_step(s)) == DB_ROW) {
				rows++;
				const char *id = store_col_dup(s, 0, a), *key = text_fold(a, db_col_text(s, 1));
				snprintf(after, sizeof after, "%s", id);
				if (strcmp(key, db_col_text(s, 2))) {
					struct refold_row *r = arena_alloc(a, sizeof *r);
					*r = (struct refold_row){id, key, changed};
					changed = r;
				}
			}
			err_code erc = rc == DB_DONE ? E_OK : store_fail(db, rc, E_INTERNAL, e);
			for (; !erc && changed; changed = changed->next)
				erc = store_run(db, SQL_NAME_KEY_SET[table], E_INTERNAL, e, changed->id, changed->key);
			arena_free(a);
			if (erc)
				return erc;
			if (rows < 500)
				break;
		}
	}
	return E_OK;
}

static const char SQL_ORG_LOCK[] = "UPDATE orgs SET updated_at = updated_at WHERE id = $1";

err_code store_org_lock(struct db *db, const char *id, struct err *e)
{
	return store_run(db, SQL_ORG_LOCK, E_INTERNAL, e, id);
}

static const char SQL_ORG_LOCK_SHARED[] = "SELECT id FROM orgs WHERE id = $1 FOR SHARE";

err_code store_org_lock_shared(struct db *db, const char *id, struct err *e)
{
	/* SQLite has no row locks to share, and needs none. */
	if (db->drv == &db_sqlite_driver)
		return E_OK;
	return store_run(db, SQL_ORG_LOCK_SHARED, E_INTERNAL, e, id);
}

#define ORG_PAGE(where)                                                                                                \
	"SELECT " ORG_COLS ", NULL FROM orgs o WHERE " where " AND (o.name_key, o.id) > ($2, $3)"                      \
	" ORDER BY o.name_key, o.id LIMIT $4"
#define ORG_MEMBER_PAGE(where)                                                                                         \
	"SELECT " ORG_COLS ", m.role FROM memberships m JOIN orgs o ON o.id = m.org_id WHERE m.user_id = $1" where       \
	" AND (o.name_key, o.id) > ($2, $3) ORDER BY o.name_key, o.id LIMIT $4"
#define Q_RANGE " AND o.name_key >= $5 AND o.name_key < $6"
/* [all | provider | member][without q | with q] */
static const char *const SQL_ORG_LISTS[3][2] = {
        {ORG_PAGE("$1 = $1"), ORG_PAGE("$1 = $1" Q_RANGE)},
        {ORG_PAGE("o.provider_id = $1"), ORG_PAGE("o.provider_id = $1" Q_RANGE)},
        {ORG_MEMBER_PAGE(""), ORG_MEMBER_PAGE(Q_RANGE)},
};

err_code store_org_list(struct db *db, struct arena *a, const struct org_query *q, store_org_cb cb, void *arg,
                        struct err *e)
{
	int which = q->provider_id ? 1 : q->member_id ? 2 : 0;
	struct db_stmt *s = store_prepare(db, SQL_ORG_LISTS[which][q->q_lo != NULL], e);
	if (!s)
		return e->code;
	db_bind_text(s, 1, q->provider_id ? q->provider_id : q->member_id ? q->member_id : "");
	db_bind_text(s, 2, q->after_name ? q->after_name : "");
	db_bind_text(s, 3, q->after_id ? q->after_id : "");
	db_bind_int(s, 4, q->limit);
	if (q->q_lo) {
		db_bind_text(s, 5, q->q_lo);
		db_bind_text(s, 6, q->q_hi);
	}
	db_rc rc;
	while ((rc = db_step(s)) == DB_ROW) {
		struct org o;
		read_org(s, 0, a, &o);
		cb(&o, store_col_dup(s, 9, a), arg);
	}
	return rc == DB_DONE ? E_OK : store_fail(db, rc, E_INTERNAL, e);
}

static const char SQL_ORGS_OF_USER[] = "SELECT " ORG_COLS ", m.role FROM memberships m JOIN orgs o ON o.id = m.org_id"
                                       " WHERE m.user_id = $1 ORDER BY o.name_key, o.id";

err_code store_orgs_of_user(struct db *db, struct arena *a, const char *user_id, store_user_org_cb cb, void *arg,
                            struct err *e)
{
	struct db_stmt *s = store_prepare(db, SQL_ORGS_OF_USER, e);
	if (!s)
		return e->code;
	db_bind_text(s, 1, user_id);
	db_rc rc;
	while ((rc = db_step(s)) == DB_ROW) {
		struct org o;
		read_org(s, 0, a, &o);
		cb(&o, store_col_dup(s, 9, a), arg);
	}
	return rc == DB_DONE ? E_OK : store_fail(db, rc, E_INTERNAL, e);
}

/* ---- modules ---- */

static const char SQL_MODULE_ENABLE[] =
        "INSERT INTO org_modules (org_id, module, enabled_by, enabled_at) VALUES ($1, $2, $3, $4)"
        " ON CONFLICT (org_id, module) DO NOTHING";

err_code store_module_enable(struct db *db, const char *org_id, const char *module, const char *by, int64_t now,
                             struct err *e)
{
	struct db_stmt *s = store_prepare(db, SQL_MODULE_ENABLE, e);
	if (!s)
		return e->code;
	db_bind_text(s, 1, org_id);
	db_bind_text(s, 2, module);
	db_bind_text(s, 3, by);
	db_bind_int(s, 4, now);
	return store_exec(s, E_NOT_FOUND, e);
}

static const char SQL_MODULE_DISABLE[] = "DELETE FROM org_modules WHERE org_id = $1 AND module = $2";

err_code store_module_disable(struct db *db, const char *org_id, const char *module, struct err *e)
{
	return store_run(db, SQL_MODULE_DISABLE, E_INTERNAL, e, org_id, module);
}

static const char SQL_MODULE_ENABLED[] = "SELECT COUNT(*) FROM org_modules WHERE org_id = $1 AND module = $2";

err_code store_module_enabled(struct db *db, const char *org_id, const char *module, bool *out, struct err *e)
{
	struct db_stmt *s = store_prepare(db, SQL_MODULE_ENABLED, e);
	if (!s)
		return e->code;
	db_bind_text(s, 1, org_id);
	db_bind_text(s, 2, module);
	db_rc rc = db_step(s);
	if (rc != DB_ROW)
		return store_fail(db, rc, E_INTERNAL, e);
	*out = db_col_int(s, 0) > 0;
	db_step(s);
	return E_OK;
}

static const char SQL_MODULE_LIST[] = "SELECT module FROM org_modules WHERE org_id = $1 ORDER BY module";

err_code store_module_list(struct db *db, const char *org_id, store_module_cb cb, void *arg, struct err *e)
{
	struct db_stmt *s = store_prepare(db, SQL_MODULE_LIST, e);
	if (!s)
		return e->code;
	db_bind_text(s, 1, org_id);
	db_rc rc;
	while ((rc = db_step(s)) == DB_ROW)
		cb(db_col_text(s, 0), arg);
	return rc == DB_DONE ? E_OK : store_fail(db, rc, E_INTERNAL, e);
}

/* ---- custom roles ---- */

static void read_role(struct db_stmt *s, struct arena *a, struct role_row *r)
{
	r->name = store_col_dup(s, 0, a);
	r->description = store_col_dup(s, 1, a);
	r->permissions = store_col_dup(s, 2, a);
	r->created_at = db_col_int(s, 3);
	r->updated_at = db_col_int(s, 4);
}

static const char SQL_ROLE_INSERT[] =
        "INSERT INTO roles (org_id, name, description, permissions, created_at, updated_at)"
        " VALUES ($1, $2, $3, $4, $5, $5)";

err_code store_role_insert(struct db *db, const char *org_id, const struct role_row *r, struct err *e)
{
	struct db_stmt *s = store_prepare(db, SQL_ROLE_INSERT, e);
	if (!s)
		return e->code;
	db_bind_text(s, 1, org_id);
	db_bind_text(s, 2, r->name);
	db_bind_text(s, 3, r->description ? r->description : "");
	db_bind_text(s, 4, r->permissions);
	db_bind_int(s, 5, r->created_at);
	return store_exec(s, E_CONFLICT, e);
}

static const char SQL_ROLE_GET[] =
        "SELECT name, description, permissions, created_at, updated_at FROM roles WHERE org_id = $1 AND name = $2";

err_code store_role_get(struct db *db, struct arena *a, const char *org_id, const char *name, struct role_row *out,
                        struct err *e)
{
	struct db_stmt *s = store_prepare(db, SQL_ROLE_GET, e);
	if (!s)
		return e->code;
	db_bind_text(s, 1, org_id);
	db_bind_text(s, 2, name);
	db_rc rc = db_step(s);
	if (rc == DB_DONE)
		return err_set(e, E_NOT_FOUND, NULL, NULL);
	if (rc != DB_ROW)
		return store_fail(db, rc, E_INTERNAL, e);
	read_role(s, a, out);
	db_step(s);
	return E_OK;
}

static const char SQL_ROLE_UPDATE[] =
        "UPDATE roles SET description = COALESCE($3, description), permissions = COALESCE($4, permissions),"
        " updated_at = $5 WHERE org_id = $1 AND name = $2";

err_code store_role_update(struct db *db, const char *org_id, const char *name, const char *description,
                           const char *permissions, int64_t now, struct err *e)
{
	struct db_stmt *s = store_prepare(db, SQL_ROLE_UPDATE, e);
	if (!s)
		return e->code;
	db_bind_text(s, 1, org_id);
	db_bind_text(s, 2, name);
	db_bind_text(s, 3, description);
	db_bind_text(s, 4, permissions);
	db_bind_int(s, 5, now);
	return store_exec_one(s, E_INVALID, e);
}

static const char SQL_ROLE_DELETE[] = "DELETE FROM roles WHERE org_id = $1 AND name = $2";

err_code store_role_delete(struct db *db, const char *org_id, const char *name, struct err *e)
{
	return store_run_one(db, SQL_ROLE_DELETE, E_CONFLICT, e, org_id, name);
}

static const char SQL_ROLE_LIST[] =
        "SELECT name, description, permissions, created_at, updated_at FROM roles WHERE org_id = $1 ORDER BY name";

err_code store_role_list(struct db *db, struct arena *a, const char *org_id, store_role_cb cb, void *arg, struct err *e)
{
	struct db_stmt *s = store_prepare(db, SQL_ROLE_LIST, e);
	if (!s)
		return e->code;
	db_bind_text(s, 1, org_id);
	db_rc rc;
	while ((rc = db_step(s)) == DB_ROW) {
		struct role_row r;
		read_role(s, a, &r);
		cb(&r, arg);
	}
	return rc == DB_DONE ? E_OK : store_fail(db, rc, E_INTERNAL, e);
}

/* ---- memberships ---- */

#define USER_COLS                                                                                                      \
	"u.id, u.email, u.first_name, u.last_name, u.company, u.language, u.password_hash, u.state, "                  \
	"u.is_operator, u.created_at, u.updated_at"
#define MEMBER_COLS "m.org_id, m.role, m.source, m.created_by, m.created_at, " USER_COLS ", m.card"

static void read_member(struct db_stmt *s, struct arena *a, struct member *m)
{
	m->org_id = store_col_dup(s, 0, a);
	m->role = store_col_dup(s, 1, a);
	m->source = store_col_dup(s, 2, a);
	m->created_by = store_col_dup(s, 3, a);
	m->created_at = db_col_int(s, 4);
	struct user *u = &m->user;
	u->id = store_col_dup(s, 5, a);
	u->email = store_col_dup(s, 6, a);
	u->first_name = store_col_dup(s, 7, a);
	u->last_name = store_col_dup(s, 8, a);
	u->company = store_col_dup(s, 9, a);
	u->language = store_col_dup(s, 10, a);
	u->password_hash = NULL; /* never leaves the accounts queries */
	u->state = store_col_dup(s, 12, a);
	u->is_operator = db_col_int(s, 13) != 0;
	u->created_at = db_col_int(s, 14);
	u->updated_at = db_col_int(s, 15);
	m->card = store_col_dup(s, 16, a);
}

struct keys {
	const char *email, *first, *last, *full;
};

static void member_keys(struct arena *a, const struct user *u, struct keys *k)
{
	k->email = text_fold(a, u->email);
	k->first = text_fold(a, u->first_name ? u->first_name : "");
	k->last = text_fold(a, u->last_name ? u->last_name : "");
	k->full = arena_printf(a, "%s %s", k->first, k->last);
}

static const char SQL_TERM_INSERT[] =
        "INSERT INTO member_terms (org_id, term, user_id, prev_term, role, card)"
        " SELECT $1, $2, $3, $4, role, card FROM memberships WHERE org_id = $1 AND user_id = $3";

static int term_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The search terms of one membership: the email, the last name, "first
 * last", each distinct and not blank, with the member's term just before
 * it (so that a search can tell a member's first match from the row), and
 * the membership's role and card, so that a search reads nothing else. */
static err_code insert_terms(struct db *db, const char *org_id, const char *user_id, const struct keys *k,
                             struct err *e)
{
	const char *terms[3];
	int n = 0;
	const char *all[] = {k->email, k->last, k->full};
	for (int i = 0; i < 3; i++)
		if (*all[i] && strspn(all[i], " ") != strlen(all[i]))
			terms[n++] = all[i];
	qsort(terms, (size_t)n, sizeof terms[0], term_cmp);
	const char *prev = "";
	for (int i = 0; i < n; i++) {
		if (i > 0 && !strcmp(terms[i], terms[i - 1]))
			continue;
		struct db_stmt *s = store_prepare(db, SQL_TERM_INSERT, e);
		if (!s)
			return e->code;
		db_bind_text(s, 1, org_id);
		db_bind_text(s, 2, terms[i]);
		db_bind_text(s, 3, user_id);
		db_bind_text(s, 4, prev);
		if (store_exec(s, E_INTERNAL, e))
			return e->code;
		prev = terms[i];
	}
	return E_OK;
}

static const char SQL_TERMS_DELETE[] = "DELETE FROM member_terms WHERE org_id = $1 AND user_id = $2";

static err_code delete_terms(struct db *db, const char *org_id, const char *user_id, struct err *e)
{
	return store_run(db, SQL_TERMS_DELETE, E_INTERNAL, e, org_id, user_id);
}

static const char SQL_MEMBER_INSERT[] =
        "INSERT INTO memberships (org_id, user_id, role, source, created_by, created_at, email_key, first_key,"
        " last_key, full_key, card) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";

/* A membership without its card would break every list it appears in. */
static err_code check_card(const char *card, struct err *e)
{
	if (!card || *card != '{')
		return err_set(e, E_INTERNAL, NULL, "A membership needs its card.");
	return E_OK;
}

err_code store_member_insert(struct db *db, struct arena *a, const struct member *m, struct err *e)
{
	if (check_card(m->card, e))
		return e->code;
	struct db_stmt *s = store_prepare(db, SQL_MEMBER_INSERT, e);
	if (!s)
		return e->code;
	struct keys k;
	member_keys(a, &m->user, &k);
	db_bind_text(s, 1, m->org_id);
	db_bind_text(s, 2, m->user.id);
	db_bind_text(s, 3, m->role);
	db_bind_text(s, 4, m->source);
	db_bind_text(s, 5, m->created_by);
	db_bind_int(s, 6, m->created_at);
	db_bind_text(s, 7, k.email);
	db_bind_text(s, 8, k.first);
	db_bind_text(s, 9, k.last);
	db_bind_text(s, 10, k.full);
	db_bind_text(s, 11, m->card);
	if (store_exec(s, E_CONFLICT, e))
		return e->code;
	return insert_terms(db, m->org_id, m->user.id, &k, e);
}

static const char SQL_MEMBER_GET[] = "SELECT " MEMBER_COLS " FROM memberships m JOIN users u ON u.id = m.user_id"
                                     " WHERE m.org_id = $1 AND m.user_id = $2";

err_code store_member_get(struct db *db, struct arena *a, const char *org_id, const char *user_id, struct member *out,
                          struct err *e)
{
	struct db_stmt *s = store_prepare(db, SQL_MEMBER_GET, e);
	if (!s)
		return e->code;
	db_bind_text(s, 1, org_id);
	db_bind_text(s, 2, user_id);
	db_rc rc = db_step(s);
	if (rc == DB_DONE)
		return err_set(e, E_NOT_FOUND, NULL, NULL);
	if (rc != DB_ROW)
		return store_fail(db, rc, E_INTERNAL, e);
	read_member(s, a, out);
	db_step(s);
	return E_OK;
}

static const char SQL_MEMBER_ROLE[] = "SELECT role FROM memberships WHERE org_id = $1 AND user_id = $2";

err_code store_member_role(struct db *db, struct arena *a, const char *org_id, const char *user_id,
                           const char **out_role, struct err *e)
{
	struct db_stmt *s = store_prepare(db, SQL_MEMBER_ROLE, e);
	if (!s)
		return e->code;
	db_bind_text(s, 1, org_id);
	db_bind_text(s, 2, user_id);
	db_rc rc = db_step(s);
	if (rc == DB_DONE)
		return err_set(e, E_NOT_FOUND, NULL, NULL);
	if (rc != DB_ROW)
		return store_fail(db, rc, E_INTERNAL, e);
	*out_role = store_col_dup(s, 0, a);
	db_step(s);
	return E_OK;
}

static const char SQL_TERMS_COPY[] = "UPDATE member_terms SET role = $3, card = $4 WHERE org_id = $1 AND user_id = $2";

static const char SQL_MEMBER_SET_ROLE[] =
        "UPDATE memberships SET role = $3, card = $4 WHERE org_id = $1 AND user_id = $2";

err_code store_member_set_role(struct db *db, const char *org_id, const char *user_id, const char *role,
                               const char *card, struct err *e)
{
	if (check_card(card, e))
		return e->code;
	if (store_run_one(db, SQL_MEMBER_SET_ROLE, E_INVALID, e, org_id, user_id, role, card))
		return e->code;
	/* the search terms carry the role and the card too */
	return store_run(db, SQL_TERMS_COPY, E_INTERNAL, e, org_id, user_id, role, card);
}

static const char SQL_TERMS_CARD[] = "UPDATE member_terms SET card = $3 WHERE org_id = $1 AND user_id = $2";
static const char SQL_MEMBER_SET_CARD[] = "UPDATE memberships SET card = $3 WHERE org_id = $1 AND user_id = $2";

err_code store_member_set_card(struct db *db, const char *org_id, const char *user_id, const char *card, struct err *e)
{
	if (check_card(card, e))
		return e->code;
	if (store_run_one(db, SQL_MEMBER_SET_CARD, E_INTERNAL, e, org_id, user_id, card))
		return e->code;
	return store_run(db, SQL_TERMS_CARD, E_INTERNAL, e, org_id, user_id, card);
}

static const char SQL_MEMBER_OF_USER[] =
        "SELECT " MEMBER_COLS " FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.user_id = $1";
static const char SQL_MEMBER_UNCARDED[] = "SELECT " MEMBER_COLS " FROM memberships m JOIN users u ON u.id = m.user_id"
                                          " WHERE m.card = '' ORDER BY m.org_id, m.user_id LIMIT $1";

err_code store_member_each(struct db *db, struct arena *a, const char *user_id, int limit, store_membership_cb cb,
                           void *arg, struct err *e)
{
	struct db_stmt *s = store_prepare(db, user_id ? SQL_MEMBER_OF_USER : SQL_MEMBER_UNCARDED, e);
	if (!s)
		return e->code;
	if (user_id)
		db_bind_text(s, 1, user_id);
	else
		db_bind_int(s, 1, limit);
	/* Collected first: the callback may write to the rows being read. */
	struct member_node {
		struct member m;
		struct member_node *next;
	} *list = NULL, **tail = &list;
	db_rc rc;
	while ((rc = db_step(s)) == DB_ROW) {
		struct member_node *n = arena_alloc(a, sizeof *n);
		read_member(s, a, &n->m);
		n->next = NULL;
		*tail = n;
		tail = &n->next;
	}
	if (rc != DB_DONE)
		return store_fail(db, rc, E_INTERNAL, e);
	for (; list; list = list->next)
		cb(&list->m, arg);
	return E_OK;
}

static const char SQL_MEMBER_DELETE[] = "DELETE FROM memberships WHERE org_id = $1 AND user_id = $2";

static const char SQL_MEMBER_LEAVE_TEAMS[] = "DELETE FROM team_members WHERE org_id = $1 AND user_id = $2";

err_code store_member_delete(struct db *db, const char *org_id, const char *user_id, struct err *e)
{
	struct db_stmt *s = store_prepare(db, SQL_MEMBER_DELETE, e);
	if (!s)
		return e->code;
	db_bind_text(s, 1, org_id);
	db_bind_text(s, 2, user_id);
	err_code rc = store_exec(s, E_CONFLICT, e);
	if (rc == E_OK && db_changes(s) == 0)
		return err_set(e, E_NOT_FOUND, NULL, NULL);
	if (rc || delete_terms(db, org_id, user_id, e))
		return e->code;
	/* Out of the organization, out of its teams. */
	return store_run(db, SQL_MEMBER_LEAVE_TEAMS, E_INTERNAL, e, org_id, user_id);
}

static const char SQL_MEMBER_COUNT_ROLE[] = "SELECT COUNT(*) FROM memberships WHERE org_id = $1 AND role = $2";

err_code store_member_count_role(struct db *db, const char *org_id, const char *role, int64_t *out, struct err *e)
{
	struct db_stmt *s = store_prepare(db, SQL_MEMBER_COUNT_ROLE, e);
	if (!s)
		return e->code;
	db_bind_text(s, 1, org_id);
	db_bind_text(s, 2, role);
	db_rc rc = db_step(s);
	if (rc != DB_ROW)
		return store_fail(db, rc, E_INTERNAL, e);
	*out = db_col_int(s, 0);
	db_step(s);
	return E_OK;
}

static const char SQL_MEMBER_ORGS_OF[] = "SELECT org_id FROM memberships WHERE user_id = $1";
static const char SQL_MEMBER_REFRESH[] =
        "UPDATE memberships SET email_key = $2, first_key = $3, last_key = $4, full_key = $5 WHERE user_id = $1";

err_code store_member_refresh_keys(struct db *db, struct arena *a, const struct user *u, struct err *e)
{
	struct db_stmt *s = store_prepare(db, SQL_MEMBER_REFRESH, e);
	if (!s)
		return e->code;
	struct keys k;
	member_keys(a, u, &k);
	db_bind_text(s, 1, u->id);
	db_bind_text(s, 2, k.email);
	db_bind_text(s, 3, k.first);
	db_bind_text(s, 4, k.last);
	db_bind_text(s, 5, k.full);
	if (store_exec(s, E_INTERNAL, e))
		return e->code;
	/* The terms of every organization the user belongs to. */
	struct db_stmt *orgs = store_prepare(db, SQL_MEMBER_ORGS_OF, e);
	if (!orgs)
		return e->code;
	db_bind_text(orgs, 1, u->id);
	struct org_id_list {
		const char *id;
		struct org_id_list *next;
	} *list = NULL;
	db_rc rc;
	while ((rc = db_step(orgs)) == DB_ROW) {
		struct org_id_list *n = arena_alloc(a, sizeof *n);
		n->id = store_col_dup(orgs, 0, a);
		n->next = list;
		list = n;
	}
	if (rc != DB_DONE)
		return store_fail(db, rc, E_INTERNAL, e);
	for (; list; list = list->next)
		if (delete_terms(db, list->id, u->id, e) || insert_terms(db, list->id, u->id, &k, e))
			return e->code;
	return E_OK;
}

/* One statement per sort, direction and search strategy, each a keyset page
 * over an index that starts with org_id.
 *
 * A search (q) matches a prefix of the email, the last name, or "first
 * last" (which covers the first name). Two ways to find a page of matches:
 * "walk" the sort index and filter, or read the matches of each key from its
 * index (the indexes carry every sort key), sort them, and read only the
 * page's rows ("hits"). Matches on the last name are spread over the name
 * order, the others cluster where the first name sorts: with enough spread
 * matches a walk finds a page within a few thousand rows, without them it
 * could cross most of the organization. A bounded count decides. */
/* clang-format off */
/* In a walk the filter must not be an index range, or the planner would read
 * every match instead: the keys are wrapped in expressions. */
#define Q_FILTER \
	" AND (((m.email_key || '') >= $6 AND (m.email_key || '') < $7)" \
	" OR ((m.last_key || '') >= $6 AND (m.last_key || '') < $7)" \
	" OR ((m.full_key || '') >= $6 AND (m.full_key || '') < $7))"
#define MEMBER_PAGE(key, cmp, dir, filter) \
	"SELECT m.user_id, " key ", m.card FROM memberships m" \
	" WHERE m.org_id = $1 AND ($2 = '' OR m.role = $2) AND (" key ", m.user_id) " cmp " ($3, $4)" filter \
	" ORDER BY " key " " dir ", m.user_id " dir " LIMIT $5"
#define HIT(key, col) \
	"SELECT user_id, " key " AS k FROM memberships WHERE org_id = $1 AND " col " >= $6 AND " col " < $7"
#define MEMBER_HITS(key, cmp, dir) \
	"SELECT h.user_id, h.k, m.card FROM (" HIT(key, "email_key") " UNION " HIT(key, "last_key") \
	" UNION " HIT(key, "full_key") ") h" \
	" JOIN memberships m ON m.org_id = $1 AND m.user_id = h.user_id" \
	" WHERE ($2 = '' OR m.role = $2) AND (h.k, h.user_id) " cmp " ($3, $4)" \
	" ORDER BY h.k " dir ", h.user_id " dir " LIMIT $5"
#define MEMBER_PAGES(key) \
	{MEMBER_PAGE("m." key, ">", "ASC", ""), MEMBER_PAGE("m." key, "<", "DESC", ""), \
	 MEMBER_PAGE("m." key, ">", "ASC", Q_FILTER), MEMBER_PAGE("m." key, "<", "DESC", Q_FILTER), \
	 MEMBER_HITS(key, ">", "ASC"), MEMBER_HITS(key, "<", "DESC")}
/* clang-format on */

/* A search in term order: each member once, at its first matching term.
 * The member's term before this one (prev_term) matches too exactly when it
 * is not below the prefix, so duplicates are dropped from the term rows
 * alone, which also carry the role and the card: a search reads one index. */
static const char SQL_MEMBER_MATCH[] =
        "SELECT t.user_id, t.term, t.card FROM member_terms t"
        " WHERE t.org_id = $1 AND t.term >= $6 AND t.term < $7 AND (t.term, t.user_id) > ($3, $4)"
        " AND t.prev_term < $6 AND ($2 = '' OR t.role = $2)"
        " ORDER BY t.term, t.user_id LIMIT $5";

static const char *const SQL_MEMBER_PAGES[3][6] = {
        [MEMBER_SORT_NAME] = MEMBER_PAGES("full_key"),
        [MEMBER_SORT_EMAIL] = MEMBER_PAGES("email_key"),
        [MEMBER_SORT_CREATED] = MEMBER_PAGES("created_at"),
};

#define SEARCH_SPREAD_MIN 2000
static const char SQL_MEMBER_SEARCH_COUNT[] =
        "SELECT COUNT(*) FROM (SELECT 1 FROM memberships WHERE org_id = $1 AND last_key >= $2 AND last_key < $3"
        " LIMIT 2000) x";

/* Matches on the last name, counted up to SEARCH_SPREAD_MIN. */
static err_code search_count(struct db *db, const struct member_query *q, int64_t *out, struct err *e)
{
	struct db_stmt *s = store_prepare(db, SQL_MEMBER_SEARCH_COUNT, e);
	if (!s)
		return e->code;
	db_bind_text(s, 1, q->org_id);
	db_bind_text(s, 2, q->q_lo);
	db_bind_text(s, 3, q->q_hi);
	db_rc rc = db_step(s);
	if (rc != DB_ROW)
		return store_fail(db, rc, E_INTERNAL, e);
	*out = db_col_int(s, 0);
	db_step(s);
	return E_OK;
}

/* The rows of a page go to cb as the statement yields them, uncopied. */
static err_code each_item(struct db *db, struct db_stmt *s, member_item_cb cb, void *arg, struct err *e)
{
	db_rc rc;
	while ((rc = db_step(s)) == DB_ROW) {
		struct member_item it = {db_col_text(s, 0), db_col_text(s, 1), db_col_text(s, 2)};
		cb(&it, arg);
	}
	return rc == DB_DONE ? E_OK : store_fail(db, rc, E_INTERNAL, e);
}

static err_code list_matches(struct db *db, const struct member_query *q, member_item_cb cb, void *arg, struct err *e)
{
	struct db_stmt *s = store_prepare(db, SQL_MEMBER_MATCH, e);
	if (!s)
		return e->code;
	db_bind_text(s, 1, q->org_id);
	db_bind_text(s, 2, q->role ? q->role : "");
	/* The keyset bound starts at the prefix itself: PostgreSQL starts its index
	 * scan at the row-value bound, which must not lie before the matches. */
	bool from_prefix = !q->after_key || strcmp(q->after_key, q->q_lo ? q->q_lo : "") < 0;
	db_bind_text(s, 3, from_prefix ? (q->q_lo ? q->q_lo : "") : q->after_key);
	db_bind_text(s, 4, from_prefix ? "" : q->after_id);
	db_bind_int(s, 5, q->limit);
	db_bind_text(s, 6, q->q_lo ? q->q_lo : "");
	db_bind_text(s, 7, q->q_hi ? q->q_hi : KEY_MAX);
	return each_item(db, s, cb, arg, e);
}

err_code store_member_list(struct db *db, const struct member_query *q, member_item_cb cb, void *arg, struct err *e)
{
	if (q->sort == MEMBER_SORT_MATCH)
		return list_matches(db, q, cb, arg, e);
	int variant = q->desc ? 1 : 0;
	if (q->q_lo) {
		int64_t hits = 0;
		if (search_count(db, q, &hits, e))
			return e->code;
		variant += hits < SEARCH_SPREAD_MIN ? 4 : 2;
	}
	const char *sql = SQL_MEMBER_PAGES[q->sort][variant];
	struct db_stmt *s = store_prepare(db, sql, e);
	if (!s)
		return e->code;
	db_bind_text(s, 1, q->org_id);
	db_bind_text(s, 2, q->role ? q->role : "");
	if (q->sort == MEMBER_SORT_CREATED) {
		long long v = 0;
		if (q->after_key)
			parse_int(q->after_key, INT64_MIN, INT64_MAX, &v);
		db_bind_int(s, 3, q->after_key ? v : (q->desc ? INT64_MAX : INT64_MIN));
	} else {
		db_bind_text(s, 3, q->after_key ? q->after_key : (q->desc ? KEY_MAX : ""));
	}
	db_bind_text(s, 4, q->after_id ? q->after_id : (q->desc ? KEY_MAX : ""));
	db_bind_int(s, 5, q->limit);
	if (q->q_lo) {
		db_bind_text(s, 6, q->q_lo);
		db_bind_text(s, 7, q->q_hi);
	}
	return each_item(db, s, cb, arg, e);
}

/* ---- audit ---- */

static const char SQL_AUDIT_LIST[] =
        "SELECT id, org_id, actor_id, action, target_type, target_id, request_id, client_addr, details, at"
        " FROM audit_events WHERE org_id = $1 AND ($2 = '' OR action = $2) AND ($3 = '' OR actor_id = $3)"
        " AND at >= $4 AND at < $5 AND (at, id) < ($6, $7) ORDER BY at DESC, id DESC LIMIT $8";

err_code store_audit_list(struct db *db, struct arena *a, const struct audit_query *q, audit_row_cb cb, void *arg,
                          struct err *e)
{
	struct db_stmt *s = store_prepare(db, SQL_AUDIT_LIST, e);
	if (!s)
		return e->code;
	db_bind_text(s, 1, q->org_id);
	db_bind_text(s, 2, q->action ? q->action : "");
	db_bind_text(s, 3, q->actor_id ? q->actor_id : "");
	db_bind_int(s, 4, q->since);
	db_bind_int(s, 5, q->until ? q->until : INT64_MAX);
	db_bind_int(s, 6, q->after_at ? q->after_at : INT64_MAX);
	db_bind_text(s, 7, q->after_id ? q->after_id : KEY_MAX);
	db_bind_int(s, 8, q->limit);
	db_rc rc;
	while ((rc = db_step(s)) == DB_ROW) {
		struct audit_row r = {
		        .id = store_col_dup(s, 0, a),
		        .org_id = store_col_dup(s, 1, a),
		        .actor_id = store_col_dup(s, 2, a),
		        .action = store_col_dup(s, 3, a),
		        .target_type = store_col_dup(s, 4, a),
		        .target_id = store_col_dup(s, 5, a),
		        .request_id = store_col_dup(s, 6, a),
		        .client_addr = store_col_dup(s, 7, a),
		        .details = store_col_dup(s, 8, a),
		        .at = db_col_int(s, 9),
		};
		cb(&r, arg);
	}
	return rc == DB_DONE ? E_OK : store_fail(db, rc, E_INTERNAL, e);
}
