#include "store/orgs.h"
#include "core/orgs.h"

#include "base/clock.h"
#include "base/crypto.h"
#include "base/text.h"
#include "core/audit.h"
#include "core/member_card.h"
#include "store/store.h"

#include <string.h>

static const char *const modules_known[] = {MODULE_CUSTOMER_LOGIN, MODULE_TEAMS, NULL};

bool module_known(const char *name)
{
	for (const char *const *m = modules_known; *m; m++)
		if (!strcmp(*m, name))
			return true;
	return false;
}

static const char *actor(const struct auth *who)
{
	return who ? who->user.id : NULL;
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
static err_code designate_admin(struct app *app, struct db *db, struct arena *a, const struct auth *who,
                                const struct org *org, struct user *admin, const char *key, struct err *e)
{
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
		rc = store_member_set_role(db, org->id, admin->id, m.role, member_card(a, &m), e);
	} else if (rc == E_NOT_FOUND) {
		m = (struct member){.org_id = org->id,
		                    .role = ROLE_ADMINISTRATOR,
		                    .source = "operator",
		                    .created_by = actor(who),
		                    .created_at = now,
		                    .user = *admin};
		rc = member_insert(db, a, &m, e);
	}
	if (rc)
		return rc;
	return is_new ? account_queue_link(app, db, a, admin, false, MAIL_ORG_ADMIN_SETUP, org->name, e)
	              : account_queue_notice(app, db, a, admin, MAIL_ORG_ADMIN, org->name, e);
}

struct admin_arg {
	struct app *app;
	struct arena *a;
	const struct reqinfo *ri;
	const struct auth *who;
	const char *org_id;
	struct user *admin;
	const char *key;
};

static err_code add_admin_tx(struct db *db, void *arg, struct err *e)
{
	struct admin_arg *x = arg;
	struct org org;
	if (store_org_get(db, x->a, x->org_id, &org, e) || store_org_lock(db, org.id, e) ||
	    designate_admin(x->app, db, x->a, x->who, &org, x->admin, x->key, e))
		return e->code;
	char *details = arena_printf(x->a, "{\"email\":%s}", json_quote(x->a, x->admin->email));
	return audit_record(db, x->ri, org.id, actor(x->who), "org.administrator_designated", "user", x->admin->id,
	                    details, e);
}

err_code org_add_admin(struct app *app, struct arena *a, const struct reqinfo *ri, const struct auth *who,
                       const char *org_id, const struct user_new *n, struct user *out, struct err *e)
{
	struct user_new admin = *n;
	admin.password = NULL;
	const char *key = NULL;
	if (account_new_user(a, &admin, out, &key, e))
		return e->code;
	if (!id_valid("org", org_id))
		return err_set(e, E_NOT_FOUND, NULL, "There is no organization %.40s.", org_id);
	struct admin_arg x = {app, a, ri, who, org_id, out, key};
	return store_tx(app->store, true, add_admin_tx, &x, e);
}

struct create_arg {
	struct app *app;
	struct arena *a;
	const struct reqinfo *ri;
	const struct auth *who;
	const struct org_new *n;
	struct org *org;
	struct user *admin; /* the new account, filled in by the caller */
	const char *admin_key;
};

static err_code create_tx(struct db *db, void *arg, struct err *e)
{
	struct create_arg *c = arg;
	int64_t now = clock_now_ms();
	if (store_org_insert(db, c->org, e))
		return e->code;
	for (const char *const *m = c->n->modules; m && *m; m++)
		if (store_module_enable(db, c->org->id, *m, actor(c->who), now, e))
			return e->code;
	if (designate_admin(c->app, db, c->a, c->who, c->org, c->admin, c->admin_key, e))
		return e->code;
	const struct user *u = c->admin;
	char *details =
	        arena_printf(c->a, "{\"name\":%s,\"type\":%s,\"administrator\":%s}", json_quote(c->a, c->org->name),
	                     json_quote(c->a, c->org->type), json_quote(c->a, u->id));
	return audit_record(db, c->ri, c->org->id, actor(c->who), "org.created", "org", c->org->id, details, e);
}

err_code org_create(struct app *app, struct arena *a, const struct reqinfo *ri, const struct auth *who,
                    const struct org_new *n, struct org *out, struct user *out_admin, struct err *e)
{
	if (check_org_name(n->name, e))
		return e->code;
	if (strcmp(n->type, "enterprise") && strcmp(n->type, "partner"))
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
	                    .state = "active",
	                    .settings = "{}",
	                    .created_at = now,
	                    .updated_at = now};
	struct create_arg c = {app, a, ri, who, n, out, out_admin, key};
	return store_tx(app->store, true, create_tx, &c, e);
}

/* ---- lists ---- */

struct list_arg {
	struct arena *a;
	const struct auth *who;
	struct org_query q;
	org_item_cb cb;
	void *arg;
};

static err_code list_tx(struct db *db, void *arg, struct err *e)
{
	struct list_arg *l = arg;
	return store_org_list(db, l->a, &l->q, l->cb, l->arg, e);
}

static void set_prefix(struct arena *a, const char *q, struct org_query *oq)
{
	if (q && *q) {
		oq->q_lo = text_fold(a, q);
		oq->q_hi = prefix_upper_bound(a, oq->q_lo);
	}
}

err_code org_list(struct app *app, struct arena *a, const struct auth *who, const char *q, const char *after_key,
                  const char *after_id, int limit, org_item_cb cb, void *arg, struct err *e)
{
	struct list_arg l = {a, who, {.after_name = after_key, .after_id = after_id, .limit = limit}, cb, arg};
	/* Operators see every organization, everyone else their own, with their role. */
	if (!who->user.is_operator)
		l.q.member_id = who->user.id;
	set_prefix(a, q, &l.q);
	return store_read(app->store, list_tx, &l, e);
}

err_code org_customer_list(struct app *app, struct arena *a, const struct org_access *acc, const char *q,
                           const char *after_key, const char *after_id, int limit, org_item_cb cb, void *arg,
                           struct err *e)
{
	struct list_arg l = {
	        a,
	        NULL,
	        {.provider_id = acc->org.id, .after_name = after_key, .after_id = after_id, .limit = limit},
	        cb,
	        arg};
	set_prefix(a, q, &l.q);
	return store_read(app->store, list_tx, &l, e);
}

/* ---- changes ---- */

struct update_arg {
	struct arena *a;
	const struct reqinfo *ri;
	const struct auth *who;
	const struct org_access *acc;
	const char *name, *settings;
	struct org *out;
};

static err_code update_tx(struct db *db, void *arg, struct err *e)
{
	struct update_arg *u = arg;
	struct org_access acc;
	if (authz_org_recheck(db, u->a, u->who, u->acc, &acc, e))
		return e->code;
	const char *id = acc.org.id;
	if (store_org_update(db, id, u->name, u->settings, clock_now_ms(), e) || store_org_get(db, u->a, id, u->out, e))
		return e->code;
	char *details = arena_printf(u->a, "{\"name\":%s,\"settings_changed\":%s}",
	                             u->name ? json_quote(u->a, u->name) : "null", u->settings ? "true" : "false");
	return audit_record(db, u->ri, id, actor(u->who), "org.updated", "org", id, details, e);
}

err_code org_update(struct app *app, struct arena *a, const struct reqinfo *ri, const struct auth *who,
                    const struct org_access *acc, const char *name, const char *settings, struct org *out,
                    struct err *e)
{
	if (name && check_org_name(name, e))
		return e->code;
	struct update_arg u = {a, ri, who, acc, name, settings, out};
	return store_tx(app->store, true, update_tx, &u, e);
}

static err_code close_tx(struct db *db, void *arg, struct err *e)
{
	struct update_arg *u = arg;
	struct org_access acc;
	if (authz_org_recheck(db, u->a, u->who, u->acc, &acc, e))
		return e->code;
	const char *id = acc.org.id;
	if (store_org_set_state(db, id, "closed", clock_now_ms(), e))
		return e->code;
	return audit_record(db, u->ri, id, actor(u->who), "org.closed", "org", id, NULL, e);
}

err_code org_close(struct app *app, struct arena *a, const struct reqinfo *ri, const struct auth *who,
                   const struct org_access *acc, struct err *e)
{
	struct update_arg u = {a, ri, who, acc, NULL, NULL, NULL};
	return store_tx(app->store, true, close_tx, &u, e);
}

struct module_arg {
	struct arena *a;
	const struct reqinfo *ri;
	const struct auth *who;
	const struct org_access *acc;
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
	if (authz_org_recheck(db, m->a, m->who, m->acc, &acc, e) ||
	    store_module_enabled(db, m->org_id, m->module, &now_on, e))
		return e->code;
	if (now_on == m->on) /* as asked already: nothing changes, nothing to record */
		return E_OK;
	err_code rc = m->on ? store_module_enable(db, m->org_id, m->module, actor(m->who), clock_now_ms(), e)
	                    : store_module_disable(db, m->org_id, m->module, e);
	if (rc)
		return rc;
	char *details = arena_printf(m->a, "{\"module\":%s}", json_quote(m->a, m->module));
	return audit_record(db, m->ri, m->org_id, actor(m->who), m->on ? "module.enabled" : "module.disabled", "org",
	                    m->org_id, details, e);
}

err_code org_module_set(struct app *app, struct arena *a, const struct reqinfo *ri, const struct auth *who,
                        const struct org_access *acc, const char *module, bool on, struct err *e)
{
	if (!module_known(module))
		return err_set(e, E_NOT_FOUND, NULL, "There is no module '%.60s'.", module);
	struct module_arg m = {a, ri, who, acc, acc->org.id, module, on};
	return store_tx(app->store, true, module_tx, &m, e);
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

err_code org_modules(struct app *app, const char *org_id, org_module_cb cb, void *arg, struct err *e)
{
	struct modules_arg m = {org_id, cb, arg};
	return store_read(app->store, modules_tx, &m, e);
}

/* ---- customers ---- */

struct customer_arg {
	struct arena *a;
	const struct reqinfo *ri;
	const struct auth *who;
	const struct org_access *acc;
	struct org *out;
};

static err_code customer_tx(struct db *db, void *arg, struct err *e)
{
	struct customer_arg *c = arg;
	struct org_access acc;
	if (authz_org_recheck(db, c->a, c->who, c->acc, &acc, e))
		return e->code;
	if (!strcmp(acc.org.type, "customer"))
		return err_set(e, E_INVALID, NULL, "A customer cannot have customers of its own.");
	if (store_org_insert(db, c->out, e))
		return e->code;
	char *details =
	        arena_printf(c->a, "{\"name\":%s,\"kind\":%s,\"provider_id\":%s}", json_quote(c->a, c->out->name),
	                     json_quote(c->a, c->out->kind), json_quote(c->a, c->acc->org.id));
	/* On both sides: the provider's log and the new customer's. */
	if (audit_record(db, c->ri, c->acc->org.id, actor(c->who), "customer.created", "org", c->out->id, details, e))
		return e->code;
	return audit_record(db, c->ri, c->out->id, actor(c->who), "org.created", "org", c->out->id, details, e);
}

err_code org_customer_create(struct app *app, struct arena *a, const struct reqinfo *ri, const struct auth *who,
                             const struct org_access *acc, const char *name, const char *kind, struct org *out,
                             struct err *e)
{
	if (check_org_name(name, e))
		return e->code;
	if (strcmp(kind, "corporate") && strcmp(kind, "individual"))
		return err_set(e, E_INVALID, "kind", "The kind must be corporate or individual.");
	char id[ID_MAX];
	id_new("org", id);
	int64_t now = clock_now_ms();
	*out = (struct org){.id = arena_strdup(a, id),
	                    .name = name,
	                    .type = "customer",
	                    .kind = kind,
	                    .provider_id = acc->org.id,
	                    .state = "active",
	                    .settings = "{}",
	                    .created_at = now,
	                    .updated_at = now};
	struct customer_arg c = {a, ri, who, acc, out};
	return store_tx(app->store, true, customer_tx, &c, e);
}

struct independence_arg {
	struct arena *a;
	const struct reqinfo *ri;
	const struct auth *who;
	const struct org_access *acc;
	struct org *out;
};

static err_code independence_tx(struct db *db, void *arg, struct err *e)
{
	struct independence_arg *x = arg;
	struct org_access acc;
	if (authz_org_recheck(db, x->a, x->who, x->acc, &acc, e))
		return e->code;
	const struct org *c = &acc.org;
	if (!authz_can_make_independent(&acc))
		return err_set(e, E_FORBIDDEN, NULL,
		               "Only the customer's or its provider's administrator can do this.");
	if (strcmp(c->type, "customer") || !c->provider_id)
		return err_set(e, E_CONFLICT, NULL, "The organization is not a customer (any more).");
	if (store_org_make_independent(db, c->id, clock_now_ms(), e) || store_org_get(db, x->a, c->id, x->out, e))
		return e->code;
	char *details = arena_printf(x->a, "{\"former_provider_id\":%s}", json_quote(x->a, c->provider_id));
	if (audit_record(db, x->ri, c->id, actor(x->who), "org.independent", "org", c->id, details, e))
		return e->code;
	return audit_record(db, x->ri, c->provider_id, actor(x->who), "customer.independent", "org", c->id, details, e);
}

err_code org_make_independent(struct app *app, struct arena *a, const struct reqinfo *ri, const struct auth *who,
                              const struct org_access *acc, struct org *out, struct err *e)
{
	if (strcmp(acc->org.type, "customer") || !acc->org.provider_id)
		return err_set(e, E_CONFLICT, NULL, "The organization is not a customer.");
	struct independence_arg x = {a, ri, who, acc, out};
	return store_tx(app->store, true, independence_tx, &x, e);
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

err_code org_name(struct app *app, struct arena *a, const char *org_id, const char **out, struct err *e)
{
	struct name_arg n = {.a = a, .id = org_id};
	if (store_read(app->store, name_tx, &n, e))
		return e->code;
	*out = n.o.name;
	return E_OK;
}
