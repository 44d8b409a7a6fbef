#include "core/authz.h"

#include "base/crypto.h"
#include "core/orgs.h"
#include "store/store.h"

#include <string.h>

#define P(x) PERMSET(PERM_##x)

permset authz_provider_grant(permset pp)
{
	permset g = 0;
	if (pp & P(CUSTOMERS_READ))
		g |= P(MEMBERS_READ) | P(DEVICES_READ) | P(CASES_READ) | P(LICENSES_READ) | P(DASHBOARD_READ);
	if (pp & P(CUSTOMERS_WRITE))
		g |= P(MEMBERS_READ) | P(MEMBERS_WRITE) | P(INVITATIONS_WRITE) | P(DEVICES_READ) | P(DEVICES_WRITE) |
		     P(CASES_READ) | P(CASES_WRITE) | P(LICENSES_READ) | P(DASHBOARD_READ);
	return g;
}

permset authz_team_grant(void)
{
	return authz_provider_grant(P(CUSTOMERS_WRITE));
}

err_code authz_decide(const struct authz_facts *f, perm need, permset *out_perms, authz_via *out_via, struct err *e)
{
	*out_perms = 0;
	*out_via = VIA_NONE;
	if (f->is_operator) {
		*out_perms = PERMSET_ALL;
		*out_via = VIA_OPERATOR;
		return E_OK;
	}
	permset perms = 0;
	authz_via via = VIA_NONE;
	if (f->is_member) {
		perms |= f->member_perms;
		via = VIA_MEMBER;
	}
	if (f->via_provider) {
		permset g = authz_provider_grant(f->provider_perms);
		if (g) {
			perms |= g;
			if (via == VIA_NONE)
				via = VIA_PROVIDER;
		}
	}
	if (f->via_team) {
		perms |= authz_team_grant();
		if (via == VIA_NONE)
			via = VIA_TEAM;
	}
	if (via == VIA_NONE)
		return err_set(e, E_NOT_FOUND, NULL, NULL);
	if (f->org_closed)
		return err_set(e, E_ORG_CLOSED, NULL, NULL);
	if (!permset_has(perms, need))
		return err_set(e, E_FORBIDDEN, NULL, "This needs the permission %s.", perm_name(need));
	*out_perms = perms;
	*out_via = via;
	return E_OK;
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
	const struct auth *who;
	const char *org_id;
	struct org_access *out;
	struct authz_facts f;
};

static err_code gather_tx(struct db *db, void *arg, struct err *e)
{
	struct gather *g = arg;
	struct org_access *out = g->out;
	struct org_view v;
	/* One read: the org, the caller's role in it and in its provider. */
	err_code rc = store_org_view(db, g->a, g->org_id, g->who->user.id, &v, e);
	if (rc)
		return rc;
	out->org = v.org;
	g->f.is_operator = g->who->user.is_operator;
	g->f.org_closed = !strcmp(out->org.state, "closed");
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
		if (authz_role_perms(db, g->a, out->org.provider_id, v.provider_role, &g->f.provider_perms, e))
			return e->code;
		/* The module is read only for those in the account's team. */
		if (v.in_provider_team && v.provider_type && !strcmp(v.provider_type, "partner") &&
		    store_module_enabled(db, out->org.provider_id, MODULE_TEAMS, &g->f.via_team, e))
			return e->code;
	}
	return E_OK;
}

err_code authz_org(struct app *app, struct arena *a, const struct auth *who, const char *org_id, perm need,
                   struct org_access *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	/* An id that cannot exist is not worth a query. */
	if (!id_valid("org", org_id))
		return err_set(e, E_NOT_FOUND, NULL, NULL);
	struct gather g = {.a = a, .who = who, .org_id = org_id, .out = out};
	err_code rc = store_read(app->store, gather_tx, &g, e);
	if (rc)
		return rc;
	out->is_operator = g.f.is_operator;
	return authz_decide(&g.f, need, &out->perms, &out->via, e);
}
