#include "store/orgs.h"
#include "core/authz.h"

#include "base/crypto.h"
#include "core/orgs.h"
#include "store/store.h"

#include <string.h>

#define P(x) PERMSET(PERM_##x)

/* customers:read is for looking: what the provider's staff read of a
 * customer. customers:write lets them act in the customer as its own
 * administrators do (DESIGN.md §3.3), so that what they may give there
 * is the customer's whole set of roles. */
permset authz_provider_grant(permset pp)
{
	if (pp & P(CUSTOMERS_WRITE))
		return role_builtin(ROLE_ADMINISTRATOR)->perms;
	if (pp & P(CUSTOMERS_READ))
		return P(MEMBERS_READ) | P(DEVICES_READ) | P(CASES_READ) | P(LICENSES_READ) | P(DASHBOARD_READ);
	return 0;
}

permset authz_team_grant(void)
{
	return authz_provider_grant(P(CUSTOMERS_WRITE));
}

static err_code module_off(struct err *e, bool for_login)
{
	if (for_login)
		return err_set(e, E_MODULE_DISABLED, "module", "Logins in a customer need its provider's module %s.",
		               MODULE_CUSTOMER_LOGIN);
	return err_set(e, E_MODULE_DISABLED, "module",
	               "The provider's module %s is off, and with it this customer's back office.",
	               MODULE_CUSTOMER_LOGIN);
}

err_code authz_decide(const struct authz_facts *f, perm need, unsigned needs, permset *out_perms, authz_via *out_via,
                      struct err *e)
{
	*out_perms = 0;
	*out_via = VIA_NONE;
	bool login_off = f->in_customer && !f->customer_login;
	if (f->is_operator) {
		if (login_off && (needs & AUTHZ_CUSTOMER_LOGIN))
			return module_off(e, true);
		*out_perms = PERMSET_ALL;
		*out_via = VIA_OPERATOR;
		return E_OK;
	}
	/* What the provider's staff get, by rule 3 or rule 4. */
	permset staff = 0;
	authz_via staff_via = VIA_NONE;
	if (f->via_provider) {
		staff = authz_provider_grant(f->provider_perms);
		if (staff)
			staff_via = VIA_PROVIDER;
	}
	if (f->via_team) {
		staff |= authz_team_grant();
		if (staff_via == VIA_NONE)
			staff_via = VIA_TEAM;
	}
	if (!f->is_member && staff_via == VIA_NONE)
		return err_set(e, E_NOT_FOUND, NULL, NULL);
	if (f->org_closed)
		return err_set(e, E_ORG_CLOSED, NULL, NULL);
	if (login_off && ((needs & AUTHZ_CUSTOMER_LOGIN) || staff_via == VIA_NONE))
		return module_off(e, needs & AUTHZ_CUSTOMER_LOGIN);
	permset perms = staff;
	authz_via via = staff_via;
	if (f->is_member && !login_off) {
		perms |= f->member_perms;
		via = VIA_MEMBER;
	}
	if (!permset_has(perms, need))
		return err_set(e, E_FORBIDDEN, NULL, "This needs the permission %s.", perm_name(need));
	*out_perms = perms;
	*out_via = via;
	return E_OK;
}

bool authz_can_grant(const struct org_access *acc, permset perms)
{
	return acc->is_operator || !(perms & ~acc->perms);
}

bool authz_can_manage_member(const struct org_access *acc, permset theirs)
{
	return authz_can_grant(acc, theirs);
}

bool authz_can_change_role(const struct org_access *acc, permset before, permset after)
{
	return authz_can_grant(acc, before | after);
}

bool authz_is_operator(const struct auth *who)
{
	return who && who->user.is_operator;
}

bool authz_sees_every_org(const struct auth *who)
{
	return authz_is_operator(who);
}

bool authz_can_make_independent(const struct org_access *acc)
{
	if (acc->is_operator)
		return true;
	if (acc->via == VIA_MEMBER && acc->role && !strcmp(acc->role, ROLE_ADMINISTRATOR))
		return true;
	return acc->provider_role && !strcmp(acc->provider_role, ROLE_ADMINISTRATOR);
}

err_code authz_role_perms(struct db *db, struct arena *a, const char *org_id, const char *role, permset *out,
                          struct err *e)
{
	const struct builtin_role *b = role_builtin(role);
	if (b) {
		*out = b->perms;
		return E_OK;
	}
	struct role_row r;
	err_code rc = store_role_get(db, a, org_id, role, &r, e);
	if (rc == E_NOT_FOUND) { /* a role deleted under a member: no permissions */
		*out = 0;
		return E_OK;
	}
	if (rc)
		return rc;
	permset_parse_list(r.permissions, out, NULL, a);
	return E_OK;
}

struct gather {
	struct arena *a;
	const char *user_id; /* "" for an operator without an account (rosterctl) */
	bool is_operator;
	const char *org_id;
	unsigned needs;
	struct org_access *out;
	struct authz_facts f;
};

/* The facts from the caller's view of the organization, in the read it
 * came from: the provider's modules and custom roles where they count. */
static err_code gather_from_view(struct db *db, struct gather *g, const struct org_view *view, struct err *e)
{
	struct org_access *out = g->out;
	struct org_view v = *view;
	out->org = v.org;
	g->f.is_operator = g->is_operator;
	g->f.org_closed = org_has_state(&out->org, ORG_CLOSED);
	g->f.in_customer = org_has_type(&out->org, ORG_CUSTOMER) && out->org.provider_id;
	/* The provider's module is read only where the decision turns on it:
	 * the request needs it, or the caller comes in as the customer's own. */
	if (g->f.in_customer && ((g->needs & AUTHZ_CUSTOMER_LOGIN) || (v.role && !g->is_operator)) &&
	    store_module_enabled(db, out->org.provider_id, MODULE_CUSTOMER_LOGIN, &g->f.customer_login, e))
		return e->code;
	if (g->f.is_operator)
		return E_OK;
	if (v.role) {
		g->f.is_member = true;
		out->role = v.role;
		if (authz_role_perms(db, g->a, g->org_id, v.role, &g->f.member_perms, e))
			return e->code;
	}
	if (out->org.provider_id && v.provider_role && !v.provider_closed) {
		g->f.via_provider = true;
		out->provider_role = v.provider_role;
		if (authz_role_perms(db, g->a, out->org.provider_id, v.provider_role, &g->f.provider_perms, e))
			return e->code;
		/* The module is read only for those in the account's team. */
		if (v.in_provider_team && v.provider_type && !strcmp(v.provider_type, org_type_name(ORG_PARTNER)) &&
		    store_module_enabled(db, out->org.provider_id, MODULE_TEAMS, &g->f.via_team, e))
			return e->code;
	}
	return E_OK;
}

/* The facts, in the caller's transaction or read. */
static err_code gather_facts(struct db *db, struct gather *g, struct err *e)
{
	struct org_view v;
	/* One read: the org, the caller's role in it and in its provider. */
	err_code rc = store_org_view(db, g->a, g->org_id, g->user_id, &v, e);
	if (rc)
		return rc;
	return gather_from_view(db, g, &v, e);
}

static err_code gather_tx(struct db *db, void *arg, struct err *e)
{
	return gather_facts(db, arg, e);
}

static err_code decide_into(struct gather *g, perm need, struct err *e)
{
	struct org_access *out = g->out;
	out->is_operator = g->f.is_operator;
	out->need = need;
	out->needs = g->needs;
	return authz_decide(&g->f, need, g->needs, &out->perms, &out->via, e);
}

err_code authz_org(const struct ctx *c, const char *org_id, perm need, unsigned needs, struct org_access *out,
                   struct err *e)
{
	memset(out, 0, sizeof *out);
	/* An id that cannot exist is not worth a query. */
	if (!id_valid("org", org_id))
		return err_set(e, E_NOT_FOUND, NULL, NULL);
	const struct auth *who = c->who;
	struct gather g = {.a = c->arena,
	                   .user_id = who->user.id ? who->user.id : "",
	                   .is_operator = who->user.is_operator,
	                   .org_id = org_id,
	                   .needs = needs,
	                   .out = out};
	err_code rc = store_read(c->app->store, gather_tx, &g, e);
	if (rc)
		return rc;
	return decide_into(&g, need, e);
}

err_code authz_gather_view(struct db *db, struct arena *a, const struct auth *who, const char *org_id, unsigned needs,
                           const struct org_view *v, bool org_found, struct authz_read_ahead *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	out->org_found = org_found;
	if (!org_found)
		return E_OK;
	struct gather g = {.a = a,
	                   .user_id = who->user.id ? who->user.id : "",
	                   .is_operator = who->user.is_operator,
	                   .org_id = org_id,
	                   .needs = needs,
	                   .out = &out->access};
	err_code rc = gather_from_view(db, &g, v, e);
	out->facts = g.f;
	out->needs = needs;
	return rc;
}

err_code authz_org_read_ahead(const struct authz_read_ahead *ra, perm need, struct org_access *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	if (!ra->org_found)
		return err_set(e, E_NOT_FOUND, NULL, NULL);
	*out = ra->access;
	struct gather g = {.needs = ra->needs, .out = out, .f = ra->facts};
	return decide_into(&g, need, e);
}

const struct auth authz_local_operator = {.user = {.is_operator = true}};

err_code authz_shell(const struct ctx *c, const char *org_id, struct ctx *as, struct org_access *acc, struct err *e)
{
	*as = *c;
	as->who = &authz_local_operator;
	if (authz_org(as, org_id, PERM_NONE, 0, acc, e))
		return e->code;
	as->access = acc;
	return E_OK;
}

err_code authz_org_recheck(struct db *db, const struct ctx *c, struct org_access *out, struct err *e)
{
	const struct auth *who = c->who;
	const struct org_access *acc = c->access;
	if (!who && !acc->is_operator)
		return err_set(e, E_FORBIDDEN, NULL, NULL);
	/* The organization first, then its provider: the one order everyone
	 * takes them in. A provider_id gone stale (the customer became
	 * independent meanwhile) only locks one row too many. */
	if (store_org_lock(db, acc->org.id, e) ||
	    (acc->org.provider_id && store_org_lock_shared(db, acc->org.provider_id, e)))
		return e->code;
	struct org_access fresh = {0};
	struct gather g = {.a = c->arena,
	                   .user_id = who && who->user.id ? who->user.id : "",
	                   .is_operator = who ? who->user.is_operator : true,
	                   .org_id = acc->org.id,
	                   .needs = acc->needs,
	                   .out = &fresh};
	err_code rc = gather_facts(db, &g, e);
	if (rc == E_OK)
		rc = decide_into(&g, acc->need, e);
	*out = fresh;
	return rc;
}
