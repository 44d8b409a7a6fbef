#include "store/orgs.h"
#include "core/orgs.h"

#include "base/clock.h"
#include "base/crypto.h"
#include "base/text.h"
#include "core/audit.h"
#include "core/member_card.h"
#include "store/store.h"

#include <string.h>

/* The organization state machine (enum org_state, core/model.h):
 *
 *   ACTIVE   from org_create() and org_customer_create(). Its people work
 *            in it as authz allows.
 *   CLOSED   from ACTIVE by org_close() (operators only; final). Every
 *            request but an operator's answers 403 org_closed; nothing is
 *            deleted, the audit log stays readable to operators.
 *
 * Orthogonal to the state, a customer's provider relation: a CUSTOMER
 * (type) with a provider_id becomes an ENTERPRISE without one by
 * org_make_independent() (final: the provider never sees it again, and its
 * team association goes in the same transaction). No other change of type
 * exists. */

static const char *const modules_known[] = {MODULE_CUSTOMER_LOGIN, MODULE_TEAMS, NULL};

bool module_known(const char *name)
{
	for (const char *const *m = modules_known; *m; m++)
		if (!strcmp(*m, name))
			return true;
	return false;
}

static err_code check_org_name(const char *name, struct err *e)
{
	if (!text_is_clean(name))
		return err_set(e, E_INVALID, "name",
		               "The name must be valid UTF-8 text without control characters (such as line breaks).");
	size_t n = utf8_chars(name);
	if (n == 0 || strspn(name, " \t") == strlen(name))
		return err_set(e, E_INVALID, "name", "The name must not be empty.");
	if (n > ORG_NAME_MAX)
		return err_set(e, E_TOO_LONG, "name", "The name is longer than %d characters.", ORG_NAME_MAX);
	return E_OK;
}

/* ---- creation ---- */

/* Makes the person an administrator of org, in the caller's transaction.
 * An existing account keeps its password and gets the membership (or the
 * role, when it is a member already) and a notice; a new one is created
 * without a password and gets a link to set it. *admin is the new account
 * on the way in and whichever account it was on the way out. */
static err_code designate_admin(const struct ctx *c, struct db *db, const struct org *org, struct user *admin,
                                const char *key, struct err *e)
{
	struct arena *a = c->arena;
	int64_t now = clock_now_ms();
	struct user existing;
	err_code rc = store_user_by_email(db, a, key, &existing, e);
	bool is_new = rc == E_NOT_FOUND;
	if (rc && !is_new)
		return rc;
	if (!is_new)
		*admin = existing;
	if (is_new && store_user_insert(db, admin, key, e))
		return e->code;
	/* A member already (the org's memberships are locked) becomes its administrator. */
	struct member m;
	rc = is_new ? E_NOT_FOUND : store_member_get(db, a, org->id, admin->id, &m, e);
	if (rc == E_OK) {
		m.role = ROLE_ADMINISTRATOR;
		rc = store_member_set_role(db, org->id, admin->id, m.role, member_card(a, &m), MEMBER_CARD_VERSION, e);
	} else if (rc == E_NOT_FOUND) {
		m = (struct member){.org_id = org->id,
		                    .role = ROLE_ADMINISTRATOR,
		                    .source = "operator",
		                    .created_by = ctx_actor(c),
		                    .created_at = now,
		                    .user = *admin};
		rc = member_insert(db, a, &m, e);
	}
	if (rc)
		return rc;
	return is_new ? account_queue_link(c->app, db, a, admin, TOKEN_SETUP, MAIL_ORG_ADMIN_SETUP, org->name, e)
	              : account_queue_notice(c->app, db, a, admin, MAIL_ORG_ADMIN, org->name, e);
}

struct admin_arg {
	const struct ctx *c;
	const char *org_id;
	struct user *admin;
	const char *key;
};

static err_code add_admin_tx(struct db *db, void *arg, struct err *e)
{
	struct admin_arg *x = arg;
	struct org org;
	if (store_org_get(db, x->c->arena, x->org_id, &org, e) || store_org_lock(db, org.id, e) ||
	    designate_admin(x->c, db, &org, x->admin, x->key, e))
		return e->code;
	return audit_record(db, x->c, org.id, "org.administrator_designated", "user", x->admin->id,
	                    AUDIT_DETAILS(A_STR("email", x->admin->email)), e);
}

err_code org_add_admin(const struct ctx *c, const char *org_id, const struct user_new *n, struct user *out,
                       struct err *e)
{
	struct user_new admin = *n;
	admin.password = NULL;
	const char *key = NULL;
	if (account_new_user(c->arena, &admin, out, &key, e))
		return e->code;
	if (!id_valid("org", org_id))
		return err_set(e, E_NOT_FOUND, NULL, "There is no organization %.40s.", org_id);
	struct admin_arg x = {c, org_id, out, key};
	return store_tx(c->app->store, true, add_admin_tx, &x, e);
}

struct create_arg {
	const struct ctx *c;
	const struct org_new *n;
	struct org *org;
	struct user *admin; /* the new account, filled in by the caller */
	const char *admin_key;
};

static err_code create_tx(struct db *db, void *arg, struct err *e)
{
	struct create_arg *x = arg;
	int64_t now = clock_now_ms();
	if (store_org_insert(db, x->org, e))
		return e->code;
	for (const char *const *m = x->n->modules; m && *m; m++)
		if (store_module_enable(db, x->org->id, *m, ctx_actor(x->c), now, e))
			return e->code;
	if (designate_admin(x->c, db, x->org, x->admin, x->admin_key, e))
		return e->code;
	return audit_record(db, x->c, x->org->id, "org.created", "org", x->org->id,
	                    AUDIT_DETAILS(A_STR("name", x->org->name), A_STR("type", x->org->type),
	                                  A_STR("administrator", x->admin->id)),
	                    e);
}

err_code org_create(const struct ctx *c, const struct org_new *n, struct org *out, struct user *out_admin,
                    struct err *e)
{
	struct arena *a = c->arena;
	if (check_org_name(n->name, e))
		return e->code;
	org_type type;
	if (!org_type_parse(n->type, &type) || type == ORG_CUSTOMER)
		return err_set(e, E_INVALID, "type", "The type must be enterprise or partner.");
	for (const char *const *m = n->modules; m && *m; m++)
		if (!module_known(*m))
			return err_set(e, E_UNKNOWN_MODULE, "modules", "There is no module '%.60s'.", *m);
	struct user_new admin = n->admin;
	admin.password = NULL;
	const char *key = NULL;
	if (account_new_user(a, &admin, out_admin, &key, e)) {
		if (e->field)
			e->field = arena_printf(a, "admin.%s", e->field);
		return e->code;
	}
	char id[ID_MAX];
	id_new("org", id);
	int64_t now = clock_now_ms();
	*out = (struct org){.id = arena_strdup(a, id),
	                    .name = n->name,
	                    .type = n->type,
	                    .state = org_state_name(ORG_ACTIVE),
	                    .settings = "{}",
	                    .created_at = now,
	                    .updated_at = now};
	struct create_arg x = {c, n, out, out_admin, key};
	return store_tx(c->app->store, true, create_tx, &x, e);
}

/* ---- lists ---- */

/* Organizations by name; ?q= a prefix of the name. The columns are those
 * of store_org_list()'s scopes. */
static const struct list_sort org_sorts[] = {{"name", "o.name_key", LIST_TEXT}};
static const char *const org_search[] = {"o.name_key", NULL};
#define ORG_LIST_SPEC(list_name)                                                                                       \
	{                                                                                                              \
		.name = (list_name), .sorts = org_sorts, .nsorts = 1, .search = org_search, .id_column = "o.id"        \
	}
const struct list_spec org_list_spec = ORG_LIST_SPEC("orgs");
const struct list_spec customer_list_spec = ORG_LIST_SPEC("customers");

struct list_arg {
	struct arena *a;
	org_scope scope;
	const char *scope_id;
	const struct list_query *q;
	org_item_cb cb;
	void *arg;
};

static err_code list_tx(struct db *db, void *arg, struct err *e)
{
	struct list_arg *l = arg;
	return store_org_list(db, l->a, l->scope, l->scope_id, l->q, l->cb, l->arg, e);
}

err_code org_list(const struct ctx *c, const struct list_query *q, org_item_cb cb, void *arg, struct err *e)
{
	/* Operators see every organization, everyone else their own, with their role. */
	bool every = authz_sees_every_org(c->who);
	struct list_arg l = {c->arena, every ? ORGS_ALL : ORGS_OF_MEMBER, every ? NULL : c->who->user.id, q, cb, arg};
	return store_read(c->app->store, list_tx, &l, e);
}

err_code org_customer_list(const struct ctx *c, const struct list_query *q, org_item_cb cb, void *arg, struct err *e)
{
	struct list_arg l = {c->arena, ORGS_OF_PROVIDER, c->access->org.id, q, cb, arg};
	return store_read(c->app->store, list_tx, &l, e);
}

/* ---- changes ---- */

struct update_arg {
	const struct ctx *c;
	const char *name, *settings;
	struct org *out;
};

static err_code update_tx(struct db *db, void *arg, struct err *e)
{
	struct update_arg *u = arg;
	struct org_access acc;
	if (authz_org_recheck(db, u->c, &acc, e))
		return e->code;
	const char *id = acc.org.id;
	if (store_org_update(db, id, u->name, u->settings, clock_now_ms(), e) ||
	    store_org_get(db, u->c->arena, id, u->out, e))
		return e->code;
	return audit_record(db, u->c, id, "org.updated", "org", id,
	                    AUDIT_DETAILS(A_STR("name", u->name), A_BOOL("settings_changed", u->settings != NULL)), e);
}

err_code org_update(const struct ctx *c, const char *name, const char *settings, struct org *out, struct err *e)
{
	if (name && check_org_name(name, e))
		return e->code;
	struct update_arg u = {c, name, settings, out};
	return store_tx(c->app->store, true, update_tx, &u, e);
}

static err_code close_tx(struct db *db, void *arg, struct err *e)
{
	struct update_arg *u = arg;
	struct org_access acc;
	if (authz_org_recheck(db, u->c, &acc, e))
		return e->code;
	const char *id = acc.org.id;
	if (store_org_set_state(db, id, org_state_name(ORG_CLOSED), clock_now_ms(), e))
		return e->code;
	return audit_record(db, u->c, id, "org.closed", "org", id, NULL, e);
}

err_code org_close(const struct ctx *c, struct err *e)
{
	struct update_arg u = {c, NULL, NULL, NULL};
	return store_tx(c->app->store, true, close_tx, &u, e);
}

struct module_arg {
	const struct ctx *c;
	const char *org_id, *module;
	bool on;
};

/* A module off takes access away (customer_login, teams): the org's lock
 * makes the writes that rest on it wait, or wait for them (authz.h). */
static err_code module_tx(struct db *db, void *arg, struct err *e)
{
	struct module_arg *m = arg;
	struct org_access acc;
	bool now_on;
	if (authz_org_recheck(db, m->c, &acc, e) || store_module_enabled(db, m->org_id, m->module, &now_on, e))
		return e->code;
	if (now_on == m->on) /* as asked already: nothing changes, nothing to record */
		return E_OK;
	err_code rc = m->on ? store_module_enable(db, m->org_id, m->module, ctx_actor(m->c), clock_now_ms(), e)
	                    : store_module_disable(db, m->org_id, m->module, e);
	if (rc)
		return rc;
	return audit_record(db, m->c, m->org_id, m->on ? "module.enabled" : "module.disabled", "org", m->org_id,
	                    AUDIT_DETAILS(A_STR("module", m->module)), e);
}

err_code org_module_set(const struct ctx *c, const char *module, bool on, struct err *e)
{
	if (!module_known(module))
		return err_set(e, E_NOT_FOUND, NULL, "There is no module '%.60s'.", module);
	struct module_arg m = {c, c->access->org.id, module, on};
	return store_tx(c->app->store, true, module_tx, &m, e);
}

struct modules_arg {
	const char *org_id;
	org_module_cb cb;
	void *arg;
};

static err_code modules_tx(struct db *db, void *arg, struct err *e)
{
	struct modules_arg *m = arg;
	return store_module_list(db, m->org_id, m->cb, m->arg, e);
}

err_code org_modules(const struct ctx *c, const char *org_id, org_module_cb cb, void *arg, struct err *e)
{
	struct modules_arg m = {org_id, cb, arg};
	return store_read(c->app->store, modules_tx, &m, e);
}

/* ---- customers ---- */

/* A change that answers the organization it made (or changed). */
struct org_arg {
	const struct ctx *c;
	struct org *out;
};

static err_code customer_tx(struct db *db, void *arg, struct err *e)
{
	struct org_arg *x = arg;
	struct org_access acc;
	if (authz_org_recheck(db, x->c, &acc, e))
		return e->code;
	if (org_has_type(&acc.org, ORG_CUSTOMER))
		return err_set(e, E_INVALID, NULL, "A customer cannot have customers of its own.");
	if (store_org_insert(db, x->out, e))
		return e->code;
	const struct audit_kv *details = AUDIT_DETAILS(A_STR("name", x->out->name), A_STR("kind", x->out->kind),
	                                               A_STR("provider_id", acc.org.id));
	/* On both sides: the provider's log and the new customer's. */
	if (audit_record(db, x->c, acc.org.id, "customer.created", "org", x->out->id, details, e))
		return e->code;
	return audit_record(db, x->c, x->out->id, "org.created", "org", x->out->id, details, e);
}

err_code org_customer_create(const struct ctx *c, const char *name, const char *kind, struct org *out, struct err *e)
{
	if (check_org_name(name, e))
		return e->code;
	org_kind k;
	if (!org_kind_parse(kind, &k))
		return err_set(e, E_INVALID, "kind", "The kind must be corporate or individual.");
	char id[ID_MAX];
	id_new("org", id);
	int64_t now = clock_now_ms();
	*out = (struct org){.id = arena_strdup(c->arena, id),
	                    .name = name,
	                    .type = org_type_name(ORG_CUSTOMER),
	                    .kind = kind,
	                    .provider_id = c->access->org.id,
	                    .state = org_state_name(ORG_ACTIVE),
	                    .settings = "{}",
	                    .created_at = now,
	                    .updated_at = now};
	struct org_arg x = {c, out};
	return store_tx(c->app->store, true, customer_tx, &x, e);
}

static err_code independence_tx(struct db *db, void *arg, struct err *e)
{
	struct org_arg *x = arg;
	struct org_access acc;
	if (authz_org_recheck(db, x->c, &acc, e))
		return e->code;
	const struct org *o = &acc.org;
	if (!authz_can_make_independent(&acc))
		return err_set(e, E_FORBIDDEN, NULL,
		               "Only the customer's or its provider's administrator can do this.");
	if (!org_has_type(o, ORG_CUSTOMER) || !o->provider_id)
		return err_set(e, E_CONFLICT, NULL, "The organization is not a customer (any more).");
	if (store_org_make_independent(db, o->id, clock_now_ms(), e) ||
	    store_org_get(db, x->c->arena, o->id, x->out, e))
		return e->code;
	const struct audit_kv *details = AUDIT_DETAILS(A_STR("former_provider_id", o->provider_id));
	if (audit_record(db, x->c, o->id, "org.independent", "org", o->id, details, e))
		return e->code;
	return audit_record(db, x->c, o->provider_id, "customer.independent", "org", o->id, details, e);
}

err_code org_make_independent(const struct ctx *c, struct org *out, struct err *e)
{
	const struct org *o = &c->access->org;
	if (!org_has_type(o, ORG_CUSTOMER) || !o->provider_id)
		return err_set(e, E_CONFLICT, NULL, "The organization is not a customer.");
	struct org_arg x = {c, out};
	return store_tx(c->app->store, true, independence_tx, &x, e);
}

struct name_arg {
	struct arena *a;
	const char *id;
	struct org o;
};

static err_code name_tx(struct db *db, void *arg, struct err *e)
{
	struct name_arg *n = arg;
	return store_org_get(db, n->a, n->id, &n->o, e);
}

err_code org_name(const struct ctx *c, const char *org_id, const char **out, struct err *e)
{
	struct name_arg n = {.a = c->arena, .id = org_id};
	if (store_read(c->app->store, name_tx, &n, e))
		return e->code;
	*out = n.o.name;
	return E_OK;
}

/* ---- from the shell ---- */

static const char *prefix_param(void *prefix, const char *name)
{
	return !strcmp(name, "q") ? prefix : NULL;
}

err_code org_list_all(const struct ctx *c, const char *prefix, org_item_cb cb, void *arg, struct err *e)
{
	struct ctx as_operator = *c;
	as_operator.who = &authz_local_operator;
	struct list_query q;
	if (list_parse(&org_list_spec, c->app->cursor_key, NULL, c->arena, prefix_param, (void *)prefix, &q, e))
		return e->code;
	q.limit = q.fetch = LIMIT_PAGE_MAX; /* one page, as many as a page may hold */
	return org_list(&as_operator, &q, cb, arg, e);
}

err_code org_module_switch(const struct ctx *c, const char *org_id, const char *module, bool on, struct err *e)
{
	struct ctx as_operator;
	struct org_access acc;
	if (authz_shell(c, org_id, &as_operator, &acc, e))
		return e->code;
	return org_module_set(&as_operator, module, on, e);
}
