#include "store/orgs.h"
#include "core/licenses.h"
#include "core/members.h"

#include "base/clock.h"
#include "base/crypto.h"
#include "base/text.h"
#include "core/audit.h"
#include "core/member_card.h"
#include "core/orgs.h"
#include "store/store.h"

#include <string.h>

/* The role exists here, and the caller may give it (acc: the access read
 * in this transaction). */
static err_code check_role(struct db *db, struct arena *a, const struct org_access *acc, const char *role,
                           struct err *e)
{
	if (!role_builtin(role)) {
		struct role_row r;
		err_code rc = store_role_get(db, a, acc->org.id, role, &r, e);
		if (rc == E_NOT_FOUND)
			return err_set(e, E_UNKNOWN_ROLE, "role", "There is no role '%.64s' in this organization.",
			               role);
		if (rc)
			return rc;
	}
	permset p;
	if (authz_role_perms(db, a, acc->org.id, role, &p, e))
		return e->code;
	if (!authz_can_grant(acc, p))
		return err_set(e, E_FORBIDDEN, "role", "You cannot give a role with permissions you do not hold.");
	return E_OK;
}

/* The organization keeps an administrator: refuses to take the role from the last one. */
static err_code keep_an_administrator(struct db *db, const char *org_id, const char *current_role, struct err *e)
{
	if (strcmp(current_role, ROLE_ADMINISTRATOR))
		return E_OK;
	int64_t n;
	if (store_member_count_role(db, org_id, ROLE_ADMINISTRATOR, &n, e))
		return e->code;
	return n <= 1 ? err_set(e, E_LAST_ADMINISTRATOR, NULL, NULL) : E_OK;
}

/* ---- create ---- */

struct create_arg {
	const struct ctx *c;
	struct user *u;
	const char *key, *role;
	bool send_setup;
	struct member *out;
};

static err_code create_tx(struct db *db, void *arg, struct err *e)
{
	struct create_arg *x = arg;
	struct arena *a = x->c->arena;
	struct org_access acc;
	if (authz_org_recheck(db, x->c, &acc, e) || check_role(db, a, &acc, x->role, e))
		return e->code;
	const struct org *org = &acc.org;
	/* Only corporate customers have logins (the provider's module is authz's: AUTHZ_CUSTOMER_LOGIN). */
	if (org_has_type(org, ORG_CUSTOMER) && !org_has_kind(org, ORG_CORPORATE))
		return err_set(e, E_LOGIN_NOT_ALLOWED, NULL, "Only corporate customers can have logins.");
	int64_t now = clock_now_ms();
	const char *source = org_has_type(org, ORG_CUSTOMER) && acc.via == VIA_MEMBER ? "customer_admin" : "direct";
	if (acc.via == VIA_OPERATOR)
		source = "operator";
	struct member m = {.org_id = org->id,
	                   .role = x->role,
	                   .source = source,
	                   .created_by = ctx_actor(x->c),
	                   .created_at = now,
	                   .user = *x->u};
	if (store_user_insert(db, x->u, x->key, e) || member_insert(db, a, &m, e) ||
	    license_member_joined(db, x->c, &acc, x->u->id, e))
		return e->code;
	if (x->send_setup && account_queue_link(x->c->app, db, a, x->u, TOKEN_SETUP, MAIL_PASSWORD_SETUP, org->name, e))
		return e->code;
	if (store_member_get(db, a, org->id, x->u->id, x->out, e))
		return e->code;
	return audit_record(db, x->c, org->id, "member.created", "user", x->u->id,
	                    AUDIT_DETAILS(A_STR("email", x->u->email), A_STR("role", x->role),
	                                  A_BOOL("password_set", !x->send_setup)),
	                    e);
}

err_code member_create(const struct ctx *c, const struct user_new *n, const char *role, struct member *out,
                       struct err *e)
{
	struct user u;
	const char *key;
	if (account_new_user(c->arena, n, &u, &key, e))
		return e->code;
	struct create_arg x = {c, &u, key, role, n->password == NULL, out};
	return store_tx(c->app->store, true, create_tx, &x, e);
}

/* ---- read ---- */

struct list_arg {
	struct arena *a;
	struct member_query q;
	member_item_cb cb;
	void *arg;
};

static err_code list_tx(struct db *db, void *arg, struct err *e)
{
	struct list_arg *l = arg;
	return store_member_list(db, &l->q, l->cb, l->arg, e);
}

/* In the order of the planner's sorts (member_sort): name, email, created_at.
 * created_at is compared as the planner binds every key, as text. */
static const struct list_sort member_sorts[] = {
        {"name", "m.full_key", LIST_TEXT},
        {"email", "m.email_key", LIST_TEXT},
        {"created_at", "m.created_at", LIST_TEXT},
};
static const struct list_filter member_filters[] = {{"role", "m.role", LIST_TEXT, LIST_EQ, NULL}};
static const char *const member_search[] = {"m.email_key", "m.last_key", "m.full_key", NULL};
const struct list_spec member_list_spec = {
        .name = "members",
        .sorts = member_sorts,
        .nsorts = 3,
        .default_sort = 0,
        .match_sort = true,
        .filters = member_filters,
        .nfilters = 1,
        .search = member_search,
        .id_column = "m.user_id",
};
_Static_assert(MEMBER_SORT_NAME == 0 && MEMBER_SORT_EMAIL == 1 && MEMBER_SORT_CREATED == 2, "member_sorts' order");

err_code member_list(const struct ctx *c, const struct list_query *q, member_item_cb cb, void *arg, struct err *e)
{
	struct list_arg l = {c->arena,
	                     {.org_id = c->access->org.id,
	                      .role = list_filter_text(q, "role"),
	                      .sort = q->sort == LIST_SORT_MATCH ? MEMBER_SORT_MATCH : (member_sort)q->sort,
	                      .desc = q->desc,
	                      .q_lo = q->q_lo,
	                      .q_hi = q->q_hi,
	                      .after_key = q->after.set ? q->after.text : NULL,
	                      .after_id = q->after.set ? q->after_id : NULL,
	                      .limit = q->fetch},
	                     cb,
	                     arg};
	return store_read(c->app->store, list_tx, &l, e);
}

struct get_arg {
	struct arena *a;
	const char *org_id, *user_id;
	struct member *out;
};

static err_code get_tx(struct db *db, void *arg, struct err *e)
{
	struct get_arg *g = arg;
	return store_member_get(db, g->a, g->org_id, g->user_id, g->out, e);
}

err_code member_get(const struct ctx *c, const char *user_id, struct member *out, struct err *e)
{
	if (!id_valid("usr", user_id))
		return err_set(e, E_NOT_FOUND, NULL, NULL);
	struct get_arg g = {c->arena, c->access->org.id, user_id, out};
	return store_read(c->app->store, get_tx, &g, e);
}

/* ---- change and remove ---- */

struct change_arg {
	const struct ctx *c;
	const char *user_id, *role;
	struct member *out;
};

/* The caller's access read again (the organization locked), and the
 * member a change is about; nobody changes or removes someone holding
 * more than they do. */
static err_code load_target(struct db *db, struct change_arg *x, struct org_access *acc, struct member *out,
                            struct err *e)
{
	struct arena *a = x->c->arena;
	if (authz_org_recheck(db, x->c, acc, e) || store_member_get(db, a, acc->org.id, x->user_id, out, e))
		return e->code;
	permset theirs;
	if (authz_role_perms(db, a, acc->org.id, out->role, &theirs, e))
		return e->code;
	if (!authz_can_manage_member(acc, theirs))
		return err_set(e, E_FORBIDDEN, NULL, "This member holds permissions you do not hold.");
	return E_OK;
}

static err_code set_role_tx(struct db *db, void *arg, struct err *e)
{
	struct change_arg *x = arg;
	struct arena *a = x->c->arena;
	struct org_access acc;
	struct member m;
	if (load_target(db, x, &acc, &m, e) || check_role(db, a, &acc, x->role, e))
		return e->code;
	const char *org_id = acc.org.id;
	if (strcmp(x->role, ROLE_ADMINISTRATOR) && keep_an_administrator(db, org_id, m.role, e))
		return e->code;
	const char *from = m.role;
	m.role = x->role;
	if (store_member_set_role(db, org_id, x->user_id, x->role, member_card(a, &m), MEMBER_CARD_VERSION, e) ||
	    store_member_get(db, a, org_id, x->user_id, x->out, e))
		return e->code;
	return audit_record(db, x->c, org_id, "member.role_changed", "user", x->user_id,
	                    AUDIT_DETAILS(A_STR("from", from), A_STR("to", x->role)), e);
}

err_code member_set_role(const struct ctx *c, const char *user_id, const char *role, struct member *out, struct err *e)
{
	if (!id_valid("usr", user_id))
		return err_set(e, E_NOT_FOUND, NULL, NULL);
	struct change_arg x = {c, user_id, role, out};
	return store_tx(c->app->store, true, set_role_tx, &x, e);
}

static err_code remove_tx(struct db *db, void *arg, struct err *e)
{
	struct change_arg *x = arg;
	struct org_access acc;
	struct member m;
	if (load_target(db, x, &acc, &m, e))
		return e->code;
	const char *org_id = acc.org.id;
	/* The seats and places in waiting lists go with the membership (core/licenses.c). */
	if (keep_an_administrator(db, org_id, m.role, e) || license_member_left(db, x->c, &acc, x->user_id, e) ||
	    store_member_delete(db, org_id, x->user_id, e))
		return e->code;
	return audit_record(db, x->c, org_id, "member.removed", "user", x->user_id,
	                    AUDIT_DETAILS(A_STR("email", m.user.email), A_STR("role", m.role)), e);
}

/* Access is checked against the membership on every request, so removing it
 * ends the member's access at once, sessions already open included. */
err_code member_remove(const struct ctx *c, const char *user_id, struct err *e)
{
	if (!id_valid("usr", user_id))
		return err_set(e, E_NOT_FOUND, NULL, NULL);
	struct change_arg x = {c, user_id, NULL, NULL};
	return store_tx(c->app->store, true, remove_tx, &x, e);
}

err_code member_remove_bulk(const struct ctx *c, const char *const *ids, int n, err_code *out_results, struct err *e)
{
	if (n > BULK_MAX)
		return err_set(e, E_TOO_MANY_ITEMS, "ids", "At most %d ids at once.", BULK_MAX);
	for (int i = 0; i < n; i++) {
		struct err one;
		err_clear(&one);
		out_results[i] = member_remove(c, ids[i], &one);
		if (out_results[i] == E_INTERNAL || out_results[i] == E_RETRY || out_results[i] == E_UNAVAILABLE)
			return err_set(e, out_results[i], NULL, NULL);
	}
	return E_OK;
}

/* ---- roles ---- */

struct roles_arg {
	struct arena *a;
	const char *org_id;
	role_cb cb;
	void *arg;
};

static void custom_role(const struct role_row *r, void *arg)
{
	struct roles_arg *ra = arg;
	struct role_view v = {r->name, r->description, 0, false, r->created_at, r->updated_at};
	permset_parse_list(r->permissions, &v.perms, NULL, ra->a);
	ra->cb(&v, ra->arg);
}

static err_code roles_tx(struct db *db, void *arg, struct err *e)
{
	struct roles_arg *ra = arg;
	for (int i = 0; i < builtin_roles_count; i++) {
		struct role_view v = {
		        builtin_roles[i].name, builtin_roles[i].description, builtin_roles[i].perms, true, 0, 0};
		ra->cb(&v, ra->arg);
	}
	return store_role_list(db, ra->a, ra->org_id, custom_role, ra, e);
}

err_code role_list(const struct ctx *c, role_cb cb, void *arg, struct err *e)
{
	struct roles_arg ra = {c->arena, c->access->org.id, cb, arg};
	return store_read(c->app->store, roles_tx, &ra, e);
}

static err_code parse_perms(const char *const *names, permset *out, struct err *e)
{
	*out = 0;
	for (const char *const *p = names; p && *p; p++) {
		perm pm;
		if (!perm_parse(*p, &pm))
			return err_set(e, E_UNKNOWN_PERMISSION, "permissions", "There is no permission '%.64s'.", *p);
		*out |= PERMSET(pm);
	}
	return E_OK;
}

static err_code check_role_name(const char *name, struct err *e)
{
	size_t n = strlen(name);
	if (!n || n > ROLE_NAME_MAX || strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789_-") != n)
		return err_set(e, E_INVALID, "name",
		               "A role name is 1 to %d characters of lower-case letters, digits, '_' and '-'.",
		               ROLE_NAME_MAX);
	if (role_builtin(name))
		return err_set(e, E_ROLE_EXISTS, "name", "'%s' is a built-in role.", name);
	return E_OK;
}

struct role_change_arg {
	const struct ctx *c;
	const char *name, *description;
	bool set_perms; /* false: keep the permissions (an update of the description) */
	permset perms;
	bool create;
	struct role_view *out;
};

/* The permissions a custom role has now, read in the caller's transaction. */
static err_code role_perms_now(struct db *db, struct arena *a, const char *org_id, const char *name, permset *out,
                               struct err *e)
{
	struct role_row row;
	if (store_role_get(db, a, org_id, name, &row, e))
		return e->code;
	permset_parse_list(row.permissions, out, NULL, a);
	return E_OK;
}

/* Permissions the role has now that the caller lacks: 403 with no field;
 * permissions it would get that the caller lacks: 403 on "permissions". */
static err_code check_role_change(const struct org_access *acc, permset before, permset after, struct err *e)
{
	if (!authz_can_change_role(acc, before, 0))
		return err_set(e, E_FORBIDDEN, NULL, "This role holds permissions you do not hold.");
	if (!authz_can_change_role(acc, before, after))
		return err_set(e, E_FORBIDDEN, "permissions", "You cannot grant a permission you do not hold.");
	return E_OK;
}

static err_code role_change_tx(struct db *db, void *arg, struct err *e)
{
	struct role_change_arg *r = arg;
	struct arena *a = r->c->arena;
	struct org_access acc;
	if (authz_org_recheck(db, r->c, &acc, e))
		return e->code;
	const char *org_id = acc.org.id;
	int64_t now = clock_now_ms();
	permset before = 0;
	if (!r->create && role_perms_now(db, a, org_id, r->name, &before, e))
		return e->code;
	permset after = r->set_perms ? r->perms : before;
	if (check_role_change(&acc, before, after, e))
		return e->code;
	const char *perms = r->set_perms ? permset_format(a, r->perms) : NULL;
	err_code rc;
	if (r->create) {
		struct role_row row = {r->name, r->description, perms, now, now};
		rc = store_role_insert(db, org_id, &row, e);
		if (rc == E_CONFLICT)
			return err_set(e, E_ROLE_EXISTS, "name", NULL);
	} else {
		rc = store_role_update(db, org_id, r->name, r->description, perms, now, e);
	}
	if (rc)
		return rc;
	struct role_row row;
	if (store_role_get(db, a, org_id, r->name, &row, e))
		return e->code;
	*r->out = (struct role_view){row.name, row.description, 0, false, row.created_at, row.updated_at};
	permset_parse_list(row.permissions, &r->out->perms, NULL, a);
	return audit_record(db, r->c, org_id, r->create ? "role.created" : "role.updated", "role", r->name,
	                    AUDIT_DETAILS(A_STR("permissions", row.permissions)), e);
}

static err_code role_change(const struct ctx *c, const char *name, const char *description,
                            const char *const *permissions, bool create, struct role_view *out, struct err *e)
{
	if (create && check_role_name(name, e))
		return e->code;
	if (!create && role_builtin(name))
		return err_set(e, E_FORBIDDEN, NULL, "Built-in roles cannot be changed.");
	if (description && !text_is_clean(description))
		return err_set(
		        e, E_INVALID, "description",
		        "The description must be valid UTF-8 text without control characters (such as line breaks).");
	if (description && utf8_chars(description) > ROLE_DESCRIPTION_MAX)
		return err_set(e, E_TOO_LONG, "description", NULL);
	struct role_change_arg r = {c, name, description, permissions != NULL, 0, create, out};
	if (permissions && parse_perms(permissions, &r.perms, e))
		return e->code;
	return store_tx(c->app->store, true, role_change_tx, &r, e);
}

err_code role_create(const struct ctx *c, const char *name, const char *description, const char *const *permissions,
                     struct role_view *out, struct err *e)
{
	static const char *const none[] = {NULL};
	return role_change(c, name, description ? description : "", permissions ? permissions : none, true, out, e);
}

err_code role_update(const struct ctx *c, const char *name, const char *description, const char *const *permissions,
                     struct role_view *out, struct err *e)
{
	return role_change(c, name, description, permissions, false, out, e);
}

struct role_delete_arg {
	const struct ctx *c;
	const char *name;
};

static err_code role_delete_tx(struct db *db, void *arg, struct err *e)
{
	struct role_delete_arg *r = arg;
	struct org_access acc;
	permset before;
	if (authz_org_recheck(db, r->c, &acc, e) || role_perms_now(db, r->c->arena, acc.org.id, r->name, &before, e) ||
	    check_role_change(&acc, before, 0, e))
		return e->code;
	const char *org_id = acc.org.id;
	int64_t n;
	if (store_member_count_role(db, org_id, r->name, &n, e))
		return e->code;
	if (n > 0)
		return err_set(e, E_ROLE_IN_USE, NULL, "%lld members have this role.", (long long)n);
	if (store_role_delete(db, org_id, r->name, e))
		return e->code;
	return audit_record(db, r->c, org_id, "role.deleted", "role", r->name, NULL, e);
}

err_code role_delete(const struct ctx *c, const char *name, struct err *e)
{
	if (role_builtin(name))
		return err_set(e, E_FORBIDDEN, NULL, "Built-in roles cannot be deleted.");
	struct role_delete_arg r = {c, name};
	return store_tx(c->app->store, true, role_delete_tx, &r, e);
}

/* ---- /me ---- */

struct mine_arg {
	struct arena *a;
	struct db *db;
	const char *user_id;
	membership_cb cb;
	void *arg;
	err_code rc;
	struct err *e;
};

/* Runs while the list statement is being stepped: the role lookup is
 * another statement, which both engines allow meanwhile. */
static void mine_item(const struct org *o, const char *role, void *arg)
{
	struct mine_arg *m = arg;
	if (m->rc)
		return;
	permset p = 0;
	m->rc = authz_role_perms(m->db, m->a, o->id, role, &p, m->e);
	if (!m->rc)
		m->cb(o, role, p, m->arg);
}

static err_code mine_tx(struct db *db, void *arg, struct err *e)
{
	struct mine_arg *m = arg;
	m->db = db;
	m->e = e;
	m->rc = E_OK;
	if (store_orgs_of_user(db, m->a, m->user_id, mine_item, m, e))
		return e->code;
	return m->rc;
}

err_code member_orgs_of(const struct ctx *c, const char *user_id, membership_cb cb, void *arg, struct err *e)
{
	struct mine_arg m = {c->arena, NULL, user_id, cb, arg, E_OK, e};
	return store_read(c->app->store, mine_tx, &m, e);
}
