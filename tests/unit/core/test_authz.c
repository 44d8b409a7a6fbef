/* authz_decide(), a pure function: every rule of src/core/authz.h as rows
 * of a table, plus the permission names and the built-in roles of perms.c. */
#include "testutil.h"

#include "core/authz.h"
#include "core/perms.h"

#define P(x) PERMSET(PERM_##x)

/* Table rows leave the columns they do not need at zero. */
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

/* A_TEAM: a member of the provider (with the row's provider permissions) in
 * the team that has the organization as an account. Every kind but
 * A_OPERATOR and A_MEMBER is in a customer organization, whose provider has
 * customer_login on unless the row says login_off. */
typedef enum {
	A_OPERATOR,
	A_MEMBER,
	A_PROVIDER,
	A_CUSTOMER_MEMBER,
	A_STRANGER,
	A_MEMBER_AND_PROVIDER,
	A_TEAM,
	A_OPERATOR_IN_TEAM,
	A_OPERATOR_IN_CUSTOMER,
	A_STRANGER_IN_CUSTOMER,
} actor_kind;

struct row {
	const char *what;
	actor_kind kind;
	const char *role; /* the member's role (A_MEMBER, A_CUSTOMER_MEMBER, A_MEMBER_AND_PROVIDER) */
	permset provider; /* the provider member's permissions (A_PROVIDER, A_MEMBER_AND_PROVIDER, A_TEAM) */
	bool closed;
	perm need;
	err_code want;
	authz_via via;     /* for an allow */
	permset must_have; /* for an allow: all of these in the effective set */
	permset must_lack; /* for an allow: none of these */
	unsigned needs;    /* enum authz_need flags of the request */
	bool login_off;    /* the provider's customer_login is off */
};

/* What a customer's administrator holds, and so what customers:write gives there. */
#define ADMIN PERMSET_ALL
#define READS (P(MEMBERS_READ) | P(DEVICES_READ) | P(CASES_READ) | P(LICENSES_READ) | P(DASHBOARD_READ))
#define WRITES (PERMSET_ALL & ~READS)
#define LOGIN AUTHZ_CUSTOMER_LOGIN
#define OFF true

static const struct row rows[] = {
	/* 1. strangers: 404, never 403, whatever they ask and whatever the state */
	{"stranger, any access", A_STRANGER, NULL, 0, false, PERM_NONE, E_NOT_FOUND, 0, 0, 0},
	{"stranger, members:read", A_STRANGER, NULL, 0, false, PERM_MEMBERS_READ, E_NOT_FOUND, 0, 0, 0},
	{"stranger, org:write", A_STRANGER, NULL, 0, false, PERM_ORG_WRITE, E_NOT_FOUND, 0, 0, 0},
	{"stranger, closed org", A_STRANGER, NULL, 0, true, PERM_MEMBERS_READ, E_NOT_FOUND, 0, 0, 0},
	{"stranger, closed org, any access", A_STRANGER, NULL, 0, true, PERM_NONE, E_NOT_FOUND, 0, 0, 0},
	/* a provider member whose role grants nothing in customers is a stranger there */
	{"provider member without customers:*", A_PROVIDER, NULL, 0, false, PERM_NONE, E_NOT_FOUND, 0, 0, 0},
	{"provider member with unrelated perms", A_PROVIDER, NULL, P(TEMPLATES_WRITE) | P(ROLES_WRITE) | P(ORG_WRITE),
	 false, PERM_MEMBERS_READ, E_NOT_FOUND, 0, 0, 0},
	{"provider member without customers:*, closed", A_PROVIDER, NULL, P(AUDIT_READ), true, PERM_NONE, E_NOT_FOUND,
	 0, 0, 0},

	/* 6. operators: everything, closed organizations included */
	{"operator, any access", A_OPERATOR, NULL, 0, false, PERM_NONE, E_OK, VIA_OPERATOR, PERMSET_ALL, 0},
	{"operator, org:write", A_OPERATOR, NULL, 0, false, PERM_ORG_WRITE, E_OK, VIA_OPERATOR, PERMSET_ALL, 0},
	{"operator, audit:read", A_OPERATOR, NULL, 0, false, PERM_AUDIT_READ, E_OK, VIA_OPERATOR, PERMSET_ALL, 0},
	{"operator, closed org", A_OPERATOR, NULL, 0, true, PERM_MEMBERS_WRITE, E_OK, VIA_OPERATOR, PERMSET_ALL, 0},
	{"operator, closed org, roles:write", A_OPERATOR, NULL, 0, true, PERM_ROLES_WRITE, E_OK, VIA_OPERATOR,
	 PERMSET_ALL, 0},

	/* 2. members: their role's permissions; lacking one is 403 */
	{"administrator, org:write", A_MEMBER, "administrator", 0, false, PERM_ORG_WRITE, E_OK, VIA_MEMBER,
	 PERMSET_ALL, 0},
	{"administrator, customers:write", A_MEMBER, "administrator", 0, false, PERM_CUSTOMERS_WRITE, E_OK,
	 VIA_MEMBER, PERMSET_ALL, 0},
	{"member, any access", A_MEMBER, "member", 0, false, PERM_NONE, E_OK, VIA_MEMBER, 0, PERMSET_ALL},
	{"member, members:read", A_MEMBER, "member", 0, false, PERM_MEMBERS_READ, E_FORBIDDEN, 0, 0, 0},
	{"member, dashboard:read", A_MEMBER, "member", 0, false, PERM_DASHBOARD_READ, E_FORBIDDEN, 0, 0, 0},
	{"moderator, members:read", A_MEMBER, "moderator", 0, false, PERM_MEMBERS_READ, E_OK, VIA_MEMBER,
	 P(MEMBERS_READ) | P(DEVICES_WRITE) | P(CASES_WRITE), P(MEMBERS_WRITE) | P(ROLES_WRITE)},
	{"moderator, members:write", A_MEMBER, "moderator", 0, false, PERM_MEMBERS_WRITE, E_FORBIDDEN, 0, 0, 0},
	{"moderator, roles:write", A_MEMBER, "moderator", 0, false, PERM_ROLES_WRITE, E_FORBIDDEN, 0, 0, 0},
	{"department_admin, members:write", A_MEMBER, "department_admin", 0, false, PERM_MEMBERS_WRITE, E_OK,
	 VIA_MEMBER, P(MEMBERS_WRITE) | P(INVITATIONS_WRITE) | P(LICENSES_ASSIGN), P(ROLES_WRITE) | P(ORG_WRITE)},
	{"department_admin, roles:write", A_MEMBER, "department_admin", 0, false, PERM_ROLES_WRITE, E_FORBIDDEN, 0, 0,
	 0},
	{"department_admin, audit:read", A_MEMBER, "department_admin", 0, false, PERM_AUDIT_READ, E_FORBIDDEN, 0, 0,
	 0},
	{"content_creator, templates:write", A_MEMBER, "content_creator", 0, false, PERM_TEMPLATES_WRITE, E_OK,
	 VIA_MEMBER, P(TEMPLATES_READ) | P(CASES_WRITE), P(MEMBERS_READ) | P(DEVICES_READ)},
	{"content_creator, members:read", A_MEMBER, "content_creator", 0, false, PERM_MEMBERS_READ, E_FORBIDDEN, 0, 0,
	 0},

	/* closed: org_closed to every non-operator who could see it, even an administrator */
	{"administrator, closed org", A_MEMBER, "administrator", 0, true, PERM_MEMBERS_READ, E_ORG_CLOSED, 0, 0, 0},
	{"administrator, closed org, any access", A_MEMBER, "administrator", 0, true, PERM_NONE, E_ORG_CLOSED, 0, 0,
	 0},
	{"member, closed org, any access", A_MEMBER, "member", 0, true, PERM_NONE, E_ORG_CLOSED, 0, 0, 0},
	{"member, closed org, lacking permission", A_MEMBER, "member", 0, true, PERM_ORG_WRITE, E_ORG_CLOSED, 0, 0, 0},

	/* 3. the provider's members: customers:read reads, customers:write holds
	 * what the customer's administrator holds (authz_provider_grant) */
	{"customers:read, any access", A_PROVIDER, NULL, P(CUSTOMERS_READ), false, PERM_NONE, E_OK, VIA_PROVIDER,
	 P(MEMBERS_READ), P(MEMBERS_WRITE)},
	{"customers:read, members:read", A_PROVIDER, NULL, P(CUSTOMERS_READ), false, PERM_MEMBERS_READ, E_OK,
	 VIA_PROVIDER, READS, WRITES},
	{"customers:read, members:write", A_PROVIDER, NULL, P(CUSTOMERS_READ), false, PERM_MEMBERS_WRITE, E_FORBIDDEN,
	 0, 0, 0},
	{"customers:read, roles:write", A_PROVIDER, NULL, P(CUSTOMERS_READ), false, PERM_ROLES_WRITE, E_FORBIDDEN, 0,
	 0, 0},
	{"customers:read, org:write", A_PROVIDER, NULL, P(CUSTOMERS_READ), false, PERM_ORG_WRITE, E_FORBIDDEN, 0, 0,
	 0},
	{"customers:read, audit:read", A_PROVIDER, NULL, P(CUSTOMERS_READ), false, PERM_AUDIT_READ, E_FORBIDDEN, 0, 0,
	 0},
	{"customers:write, members:write", A_PROVIDER, NULL, P(CUSTOMERS_WRITE), false, PERM_MEMBERS_WRITE, E_OK,
	 VIA_PROVIDER, ADMIN, 0},
	{"customers:write, members:read", A_PROVIDER, NULL, P(CUSTOMERS_WRITE), false, PERM_MEMBERS_READ, E_OK,
	 VIA_PROVIDER, ADMIN, 0},
	{"customers:write, org:write (as the customer's administrators)", A_PROVIDER, NULL, P(CUSTOMERS_WRITE), false,
	 PERM_ORG_WRITE, E_OK, VIA_PROVIDER, ADMIN, 0},
	{"customers:write, roles:write", A_PROVIDER, NULL, P(CUSTOMERS_WRITE), false, PERM_ROLES_WRITE, E_OK,
	 VIA_PROVIDER, ADMIN, 0},
	{"customers:read+write", A_PROVIDER, NULL, P(CUSTOMERS_READ) | P(CUSTOMERS_WRITE), false, PERM_MEMBERS_WRITE,
	 E_OK, VIA_PROVIDER, ADMIN, 0},
	{"provider administrator", A_PROVIDER, NULL, PERMSET_ALL, false, PERM_MEMBERS_WRITE, E_OK, VIA_PROVIDER, ADMIN,
	 0},
	{"provider administrator, roles:write", A_PROVIDER, NULL, PERMSET_ALL, false, PERM_ROLES_WRITE, E_OK,
	 VIA_PROVIDER, ADMIN, 0},
	{"customers:write, closed customer", A_PROVIDER, NULL, P(CUSTOMERS_WRITE), true, PERM_MEMBERS_READ,
	 E_ORG_CLOSED, 0, 0, 0},
	{"customers:read, closed customer, any access", A_PROVIDER, NULL, P(CUSTOMERS_READ), true, PERM_NONE,
	 E_ORG_CLOSED, 0, 0, 0},

	/* 4. a team's members manage the team's accounts, as customers:write would let them */
	{"team, no customers:*, members:write", A_TEAM, NULL, 0, false, PERM_MEMBERS_WRITE, E_OK, VIA_TEAM, ADMIN, 0},
	{"team, no customers:*, members:read", A_TEAM, NULL, 0, false, PERM_MEMBERS_READ, E_OK, VIA_TEAM, ADMIN, 0},
	{"team, no customers:*, any access", A_TEAM, NULL, 0, false, PERM_NONE, E_OK, VIA_TEAM, ADMIN, 0},
	{"team, unrelated perms, invitations:write", A_TEAM, NULL, P(TEMPLATES_WRITE) | P(AUDIT_READ), false,
	 PERM_INVITATIONS_WRITE, E_OK, VIA_TEAM, ADMIN, 0},
	{"no team, no customers:*, members:write", A_PROVIDER, NULL, 0, false, PERM_MEMBERS_WRITE, E_NOT_FOUND, 0, 0,
	 0},
	{"no team, no customers:*, members:read", A_PROVIDER, NULL, 0, false, PERM_MEMBERS_READ, E_NOT_FOUND, 0, 0, 0},
	{"team, org:write", A_TEAM, NULL, 0, false, PERM_ORG_WRITE, E_OK, VIA_TEAM, ADMIN, 0},
	{"team, roles:write", A_TEAM, NULL, 0, false, PERM_ROLES_WRITE, E_OK, VIA_TEAM, ADMIN, 0},
	{"team, audit:read", A_TEAM, NULL, 0, false, PERM_AUDIT_READ, E_OK, VIA_TEAM, ADMIN, 0},
	{"team, licenses:assign", A_TEAM, NULL, 0, false, PERM_LICENSES_ASSIGN, E_OK, VIA_TEAM, ADMIN, 0},
	{"team + provider administrator, roles:write", A_TEAM, NULL, PERMSET_ALL, false, PERM_ROLES_WRITE, E_OK,
	 VIA_PROVIDER, ADMIN, 0},
	/* with customers:read too: the union, through the provider */
	{"team + customers:read, members:write", A_TEAM, NULL, P(CUSTOMERS_READ), false, PERM_MEMBERS_WRITE, E_OK,
	 VIA_PROVIDER, ADMIN, 0},
	{"team + customers:write, members:write", A_TEAM, NULL, P(CUSTOMERS_WRITE), false, PERM_MEMBERS_WRITE, E_OK,
	 VIA_PROVIDER, ADMIN, 0},
	{"team, closed customer", A_TEAM, NULL, 0, true, PERM_MEMBERS_READ, E_ORG_CLOSED, 0, 0, 0},
	{"team, closed customer, any access", A_TEAM, NULL, 0, true, PERM_NONE, E_ORG_CLOSED, 0, 0, 0},
	{"team, closed customer, org:write", A_TEAM, NULL, 0, true, PERM_ORG_WRITE, E_ORG_CLOSED, 0, 0, 0},
	{"operator in a team", A_OPERATOR_IN_TEAM, NULL, 0, false, PERM_ROLES_WRITE, E_OK, VIA_OPERATOR, PERMSET_ALL,
	 0},
	{"operator in a team, closed customer", A_OPERATOR_IN_TEAM, NULL, 0, true, PERM_ORG_WRITE, E_OK, VIA_OPERATOR,
	 PERMSET_ALL, 0},

	/* 5. customer people: their own organization, as members */
	{"customer administrator", A_CUSTOMER_MEMBER, "administrator", 0, false, PERM_MEMBERS_WRITE, E_OK, VIA_MEMBER,
	 PERMSET_ALL, 0},
	{"customer member", A_CUSTOMER_MEMBER, "member", 0, false, PERM_NONE, E_OK, VIA_MEMBER, 0, PERMSET_ALL},
	{"customer member, members:read", A_CUSTOMER_MEMBER, "member", 0, false, PERM_MEMBERS_READ, E_FORBIDDEN, 0, 0,
	 0},
	{"customer moderator, closed", A_CUSTOMER_MEMBER, "moderator", 0, true, PERM_MEMBERS_READ, E_ORG_CLOSED, 0, 0,
	 0},

	/* both a member and the provider's: the union, through the membership */
	{"member + customers:write", A_MEMBER_AND_PROVIDER, "member", P(CUSTOMERS_WRITE), false, PERM_MEMBERS_WRITE,
	 E_OK, VIA_MEMBER, ADMIN, 0},
	{"content_creator + customers:read", A_MEMBER_AND_PROVIDER, "content_creator", P(CUSTOMERS_READ), false,
	 PERM_MEMBERS_READ, E_OK, VIA_MEMBER, P(MEMBERS_READ) | P(TEMPLATES_WRITE), P(MEMBERS_WRITE)},
	{"member + customers:read, members:write", A_MEMBER_AND_PROVIDER, "member", P(CUSTOMERS_READ), false,
	 PERM_MEMBERS_WRITE, E_FORBIDDEN, 0, 0, 0},

	/* the module gate: a request that needs customer_login (creating a
	 * customer's logins) answers module_disabled while it is off, for
	 * everyone who sees the customer, before any permission */
	{"customers:read, module off, creating a login", A_PROVIDER, NULL, P(CUSTOMERS_READ), false,
	 PERM_MEMBERS_WRITE, E_MODULE_DISABLED, 0, 0, 0, LOGIN, OFF},
	{"customers:write, module off, creating a login", A_PROVIDER, NULL, P(CUSTOMERS_WRITE), false,
	 PERM_MEMBERS_WRITE, E_MODULE_DISABLED, 0, 0, 0, LOGIN, OFF},
	{"customers:read, module on, creating a login", A_PROVIDER, NULL, P(CUSTOMERS_READ), false,
	 PERM_MEMBERS_WRITE, E_FORBIDDEN, 0, 0, 0, LOGIN},
	{"customers:write, module on, creating a login", A_PROVIDER, NULL, P(CUSTOMERS_WRITE), false,
	 PERM_MEMBERS_WRITE, E_OK, VIA_PROVIDER, ADMIN, 0, LOGIN},
	{"team, module off, creating a login", A_TEAM, NULL, 0, false, PERM_MEMBERS_WRITE, E_MODULE_DISABLED, 0, 0, 0,
	 LOGIN, OFF},
	{"operator, module off, creating a login", A_OPERATOR_IN_CUSTOMER, NULL, 0, false, PERM_MEMBERS_WRITE,
	 E_MODULE_DISABLED, 0, 0, 0, LOGIN, OFF},
	{"operator, module off, closed, creating a login", A_OPERATOR_IN_CUSTOMER, NULL, 0, true, PERM_MEMBERS_WRITE,
	 E_MODULE_DISABLED, 0, 0, 0, LOGIN, OFF},
	{"operator in a team, module off, creating a login", A_OPERATOR_IN_TEAM, NULL, 0, false, PERM_MEMBERS_WRITE,
	 E_MODULE_DISABLED, 0, 0, 0, LOGIN, OFF},
	{"operator, module on, creating a login", A_OPERATOR_IN_CUSTOMER, NULL, 0, false, PERM_MEMBERS_WRITE, E_OK,
	 VIA_OPERATOR, PERMSET_ALL, 0, LOGIN},
	{"customer administrator, module off, creating a login", A_CUSTOMER_MEMBER, "administrator", 0, false,
	 PERM_MEMBERS_WRITE, E_MODULE_DISABLED, 0, 0, 0, LOGIN, OFF},
	{"customer member, module off, creating a login (lacking the permission too)", A_CUSTOMER_MEMBER, "member", 0,
	 false, PERM_MEMBERS_WRITE, E_MODULE_DISABLED, 0, 0, 0, LOGIN, OFF},
	/* 404 and org_closed come first */
	{"stranger, module off, creating a login", A_STRANGER_IN_CUSTOMER, NULL, 0, false, PERM_MEMBERS_WRITE,
	 E_NOT_FOUND, 0, 0, 0, LOGIN, OFF},
	{"provider member without customers:*, module off, creating a login", A_PROVIDER, NULL, P(ORG_WRITE), false,
	 PERM_MEMBERS_WRITE, E_NOT_FOUND, 0, 0, 0, LOGIN, OFF},
	{"customers:write, module off, closed, creating a login", A_PROVIDER, NULL, P(CUSTOMERS_WRITE), true,
	 PERM_MEMBERS_WRITE, E_ORG_CLOSED, 0, 0, 0, LOGIN, OFF},
	{"customer administrator, module off, closed", A_CUSTOMER_MEMBER, "administrator", 0, true, PERM_NONE,
	 E_ORG_CLOSED, 0, 0, 0, 0, OFF},
	/* the need counts only in a customer */
	{"administrator of an enterprise, creating a login", A_MEMBER, "administrator", 0, false, PERM_MEMBERS_WRITE,
	 E_OK, VIA_MEMBER, PERMSET_ALL, 0, LOGIN, OFF},
	{"operator of an enterprise, creating a login", A_OPERATOR, NULL, 0, false, PERM_MEMBERS_WRITE, E_OK,
	 VIA_OPERATOR, PERMSET_ALL, 0, LOGIN, OFF},

	/* the module off closes the customer's back office to its own people,
	 * whatever they ask; the provider's staff and operators keep reaching it */
	{"customer administrator, module off, any access", A_CUSTOMER_MEMBER, "administrator", 0, false, PERM_NONE,
	 E_MODULE_DISABLED, 0, 0, 0, 0, OFF},
	{"customer administrator, module off, members:read", A_CUSTOMER_MEMBER, "administrator", 0, false,
	 PERM_MEMBERS_READ, E_MODULE_DISABLED, 0, 0, 0, 0, OFF},
	{"customer member, module off, lacking the permission", A_CUSTOMER_MEMBER, "member", 0, false, PERM_ORG_WRITE,
	 E_MODULE_DISABLED, 0, 0, 0, 0, OFF},
	{"customers:write, module off, members:write", A_PROVIDER, NULL, P(CUSTOMERS_WRITE), false, PERM_MEMBERS_WRITE,
	 E_OK, VIA_PROVIDER, ADMIN, 0, 0, OFF},
	{"customers:read, module off, members:read", A_PROVIDER, NULL, P(CUSTOMERS_READ), false, PERM_MEMBERS_READ,
	 E_OK, VIA_PROVIDER, READS, WRITES, 0, OFF},
	{"customers:read, module off, members:write", A_PROVIDER, NULL, P(CUSTOMERS_READ), false, PERM_MEMBERS_WRITE,
	 E_FORBIDDEN, 0, 0, 0, 0, OFF},
	{"team, module off, members:write", A_TEAM, NULL, 0, false, PERM_MEMBERS_WRITE, E_OK, VIA_TEAM, ADMIN, 0, 0,
	 OFF},
	{"operator, module off, any access", A_OPERATOR_IN_CUSTOMER, NULL, 0, false, PERM_ORG_WRITE, E_OK,
	 VIA_OPERATOR, PERMSET_ALL, 0, 0, OFF},
	/* both: the membership counts for nothing, the provider's grant stays */
	{"customer administrator + customers:read, module off", A_MEMBER_AND_PROVIDER, "administrator",
	 P(CUSTOMERS_READ), false, PERM_MEMBERS_READ, E_OK, VIA_PROVIDER, READS, WRITES, 0, OFF},
	{"customer administrator + customers:read, module off, members:write", A_MEMBER_AND_PROVIDER, "administrator",
	 P(CUSTOMERS_READ), false, PERM_MEMBERS_WRITE, E_FORBIDDEN, 0, 0, 0, 0, OFF},
	{"customer member + provider member without customers:*, module off", A_MEMBER_AND_PROVIDER, "member",
	 P(TEMPLATES_WRITE), false, PERM_NONE, E_MODULE_DISABLED, 0, 0, 0, 0, OFF},
};

static struct authz_facts facts_of(const struct row *r)
{
	struct authz_facts f = {.org_closed = r->closed, .in_customer = true, .customer_login = !r->login_off};
	const struct builtin_role *b = r->role ? role_builtin(r->role) : NULL;
	if (r->role && !b)
		fail_msg("row '%s': no built-in role %s", r->what, r->role);
	switch (r->kind) {
	case A_OPERATOR:
		f.is_operator = true;
		f.in_customer = false;
		break;
	case A_MEMBER:
		f.in_customer = false;
		f.is_member = true;
		f.member_perms = b->perms;
		break;
	case A_CUSTOMER_MEMBER:
		f.is_member = true;
		f.member_perms = b->perms;
		break;
	case A_PROVIDER:
		f.via_provider = true;
		f.provider_perms = r->provider;
		break;
	case A_MEMBER_AND_PROVIDER:
		f.is_member = true;
		f.member_perms = b->perms;
		f.via_provider = true;
		f.provider_perms = r->provider;
		break;
	case A_TEAM:
		f.via_provider = true;
		f.provider_perms = r->provider;
		f.via_team = true;
		break;
	case A_OPERATOR_IN_TEAM:
		f.is_operator = true;
		f.via_provider = true;
		f.via_team = true;
		break;
	case A_OPERATOR_IN_CUSTOMER:
		f.is_operator = true;
		break;
	case A_STRANGER:
		f.in_customer = false;
		break;
	case A_STRANGER_IN_CUSTOMER:
		break;
	}
	return f;
}

static void decide_table(void **state)
{
	(void)state;
	int failures = 0;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		const struct row *r = &rows[i];
		struct authz_facts f = facts_of(r);
		permset got = 0xdeadbeef;
		authz_via via = (authz_via)99;
		struct err e;
		err_clear(&e);
		err_code rc = authz_decide(&f, r->need, r->needs, &got, &via, &e);
		bool ok = rc == r->want && e.code == r->want;
		if (ok && r->want == E_OK)
			ok = via == r->via && (got & r->must_have) == r->must_have && !(got & r->must_lack) &&
			     permset_has(got, r->need);
		if (ok && r->want != E_OK)
			ok = got == 0 && via == VIA_NONE;
		/* module_disabled names the module, in the field and the message */
		if (ok && r->want == E_MODULE_DISABLED)
			ok = e.field && !strcmp(e.field, "module") && strstr(err_message(&e), "customer_login");
		if (!ok) {
			print_error("row %zu '%s' (need %s): got %s via %d perms %#x, want %s via %d\n", i, r->what,
			            r->need == PERM_NONE ? "-" : perm_name(r->need), err_name(rc), (int)via, (unsigned)got,
			            err_name(r->want), (int)r->via);
			failures++;
		}
	}
	assert_int_equal(failures, 0);
}

/* The operator's permission set is the whole set, on every permission. */
static void operator_holds_every_permission(void **state)
{
	(void)state;
	for (int closed = 0; closed < 2; closed++)
		for (int p = 0; p <= PERM_NONE; p++) {
			struct authz_facts f = {.is_operator = true, .org_closed = closed};
			permset got;
			authz_via via;
			struct err e;
			err_clear(&e);
			assert_int_equal(authz_decide(&f, (perm)p, 0, &got, &via, &e), E_OK);
			assert_int_equal(got, PERMSET_ALL);
			assert_int_equal(via, VIA_OPERATOR);
		}
}

/* A stranger is 404 for every permission, open or closed. */
static void stranger_is_never_forbidden(void **state)
{
	(void)state;
	for (int closed = 0; closed < 2; closed++)
		for (int p = 0; p <= PERM_NONE; p++) {
			struct authz_facts f = {.org_closed = closed};
			permset got;
			authz_via via;
			struct err e;
			err_clear(&e);
			assert_int_equal(authz_decide(&f, (perm)p, 0, &got, &via, &e), E_NOT_FOUND);
		}
}

/* A member without the permission: 403 naming it. */
static void forbidden_names_the_permission(void **state)
{
	(void)state;
	struct authz_facts f = {.is_member = true, .member_perms = role_builtin("moderator")->perms};
	permset got;
	authz_via via;
	struct err e;
	err_clear(&e);
	assert_int_equal(authz_decide(&f, PERM_MEMBERS_WRITE, 0, &got, &via, &e), E_FORBIDDEN);
	assert_int_equal(err_status(E_FORBIDDEN), 403);
	assert_non_null(strstr(err_message(&e), "members:write"));
	assert_int_equal(err_status(E_NOT_FOUND), 404);
	assert_int_equal(err_status(E_ORG_CLOSED), 403);
	assert_string_equal(err_name(E_ORG_CLOSED), "org_closed");
}

/* customers:read reads; customers:write holds what the customer's own
 * administrator holds, so that the provider acts there as they do. */
static void provider_grant_rules(void **state)
{
	(void)state;
	permset r = authz_provider_grant(P(CUSTOMERS_READ));
	permset w = authz_provider_grant(P(CUSTOMERS_WRITE));
	assert_int_equal(authz_provider_grant(0), 0);
	assert_int_equal(authz_provider_grant(PERMSET_ALL & ~(P(CUSTOMERS_READ) | P(CUSTOMERS_WRITE))), 0);
	assert_true(permset_has(r, PERM_MEMBERS_READ));
	assert_false(permset_has(r, PERM_MEMBERS_WRITE));
	assert_false(permset_has(r, PERM_DEVICES_WRITE));
	assert_false(permset_has(r, PERM_CASES_WRITE));
	/* reading only: no permission that changes anything */
	for (int p = 0; p < PERM__COUNT; p++)
		if (r & PERMSET(p))
			assert_non_null(strstr(perm_name((perm)p), ":read"));
	/* write: the customer's administrator role, whole */
	assert_int_equal(w, role_builtin(ROLE_ADMINISTRATOR)->perms);
	for (int i = 0; i < builtin_roles_count; i++)
		assert_int_equal(builtin_roles[i].perms & ~w, 0);
	/* write includes read */
	assert_int_equal(r & ~w, 0);
	assert_int_equal(authz_provider_grant(P(CUSTOMERS_READ) | P(CUSTOMERS_WRITE)), w);
	assert_int_equal(authz_provider_grant(PERMSET_ALL), w);
}

/* A team grants exactly what customers:write grants a provider's member. */
static void team_grant_rules(void **state)
{
	(void)state;
	permset t = authz_team_grant();
	assert_int_equal(t, authz_provider_grant(P(CUSTOMERS_WRITE)));
	assert_int_equal(t, role_builtin(ROLE_ADMINISTRATOR)->perms);

	/* The relation alone decides: the same caller without it is a stranger. */
	struct authz_facts f = {.via_provider = true, .via_team = true, .in_customer = true, .customer_login = true};
	permset got;
	authz_via via;
	struct err e;
	err_clear(&e);
	assert_int_equal(authz_decide(&f, PERM_MEMBERS_WRITE, 0, &got, &via, &e), E_OK);
	assert_int_equal(got, t);
	assert_int_equal(via, VIA_TEAM);
	f.via_team = false;
	assert_int_equal(authz_decide(&f, PERM_NONE, 0, &got, &via, &e), E_NOT_FOUND);
	assert_int_equal(got, 0);
	assert_int_equal(via, VIA_NONE);
}

/* ---- what an access allows beyond the route's permission ---- */

/* The access authz_org() would hand out for a row's caller. */
static struct org_access access_of(const struct row *r)
{
	struct authz_facts f = facts_of(r);
	struct org_access acc = {.role = f.is_member ? r->role : NULL, .is_operator = f.is_operator};
	struct err e;
	err_clear(&e);
	if (authz_decide(&f, PERM_NONE, 0, &acc.perms, &acc.via, &e))
		fail_msg("row '%s': no access (%s)", r->what, err_name(e.code));
	return acc;
}

struct grant_row {
	struct row who;    /* who: need, want, via... unused */
	const char *given; /* a built-in role given (or held by the member managed), or NULL: */
	permset what;      /* these permissions */
	bool want;
};

static const struct grant_row grants[] = {
	/* the defect: a provider's administrator gives the customer an administrator */
	{{"provider administrator gives administrator", A_PROVIDER, NULL, PERMSET_ALL}, "administrator", 0, true},
	{{"customers:write gives administrator", A_PROVIDER, NULL, P(CUSTOMERS_WRITE)}, "administrator", 0, true},
	{{"customers:write gives moderator", A_PROVIDER, NULL, P(CUSTOMERS_WRITE)}, "moderator", 0, true},
	{{"customers:write gives member", A_PROVIDER, NULL, P(CUSTOMERS_WRITE)}, "member", 0, true},
	{{"customers:read gives moderator", A_PROVIDER, NULL, P(CUSTOMERS_READ)}, "moderator", 0, false},
	{{"customers:read gives members:read", A_PROVIDER, NULL, P(CUSTOMERS_READ)}, NULL, P(MEMBERS_READ), true},
	{{"team gives administrator", A_TEAM, NULL, 0}, "administrator", 0, true},
	{{"team gives content_creator", A_TEAM, NULL, 0}, "content_creator", 0, true},
	{{"provider staff, module off, gives administrator", A_PROVIDER, NULL, P(CUSTOMERS_WRITE), .login_off = true},
	 "administrator", 0, true},
	{{"customer member + customers:write gives administrator", A_MEMBER_AND_PROVIDER, "member",
	  P(CUSTOMERS_WRITE)},
	 "administrator", 0, true},
	{{"customer member + customers:read gives moderator", A_MEMBER_AND_PROVIDER, "member", P(CUSTOMERS_READ)},
	 "moderator", 0, false},
	/* members: what their role holds */
	{{"administrator gives administrator", A_MEMBER, "administrator"}, "administrator", 0, true},
	{{"customer administrator gives administrator", A_CUSTOMER_MEMBER, "administrator"}, "administrator", 0,
	 true},
	{{"moderator gives administrator", A_MEMBER, "moderator"}, "administrator", 0, false},
	{{"moderator gives moderator", A_MEMBER, "moderator"}, "moderator", 0, true},
	{{"moderator gives member", A_MEMBER, "moderator"}, "member", 0, true},
	{{"moderator gives members:write", A_MEMBER, "moderator"}, NULL, P(MEMBERS_WRITE), false},
	{{"department_admin gives moderator (cases)", A_MEMBER, "department_admin"}, "moderator", 0, false},
	{{"department_admin gives department_admin", A_MEMBER, "department_admin"}, "department_admin", 0, true},
	{{"department_admin gives roles:write", A_MEMBER, "department_admin"}, NULL, P(ROLES_WRITE), false},
	{{"member gives member", A_MEMBER, "member"}, NULL, 0, true},
	{{"member gives members:read", A_MEMBER, "member"}, NULL, P(MEMBERS_READ), false},
	/* operators: anything */
	{{"operator gives administrator", A_OPERATOR}, "administrator", 0, true},
	{{"operator in a customer gives everything", A_OPERATOR_IN_CUSTOMER}, NULL, PERMSET_ALL, true},
};

/* authz_can_grant and authz_can_manage_member: one rule, two questions. */
static void grant_and_manage_table(void **state)
{
	(void)state;
	int failures = 0;
	for (size_t i = 0; i < sizeof grants / sizeof grants[0]; i++) {
		const struct grant_row *g = &grants[i];
		struct org_access acc = access_of(&g->who);
		permset what = g->given ? role_builtin(g->given)->perms : g->what;
		bool give = authz_can_grant(&acc, what);
		bool manage = authz_can_manage_member(&acc, what);
		if (give != g->want || manage != g->want) {
			print_error("row %zu '%s': grant %d, manage %d, want %d\n", i, g->who.what, give, manage,
			            g->want);
			failures++;
		}
	}
	assert_int_equal(failures, 0);
}

struct role_change_row {
	struct row who;
	permset before, after;
	bool want;
};

static const struct role_change_row role_changes[] = {
	{{"department_admin adds what they hold", A_MEMBER, "department_admin"}, P(MEMBERS_READ),
	 P(MEMBERS_READ) | P(MEMBERS_WRITE), true},
	{{"member creates an empty role", A_MEMBER, "member"}, 0, 0, true},
	{{"operator strips the administrator's", A_OPERATOR}, PERMSET_ALL, 0, true},
	{{"administrator strips everything", A_MEMBER, "administrator"}, PERMSET_ALL, 0, true},
	{{"administrator deletes a role", A_MEMBER, "administrator"}, P(AUDIT_READ) | P(ORG_WRITE), 0, true},
	{{"moderator keeps a role of their own", A_MEMBER, "moderator"}, P(MEMBERS_READ), P(MEMBERS_READ), true},
	{{"moderator narrows a weaker role", A_MEMBER, "moderator"}, P(MEMBERS_READ) | P(CASES_READ), P(CASES_READ),
	 true},
	/* the defect: weakening a role that holds more than the caller */
	{{"moderator strips a stronger role", A_MEMBER, "moderator"}, P(MEMBERS_READ) | P(AUDIT_READ), P(MEMBERS_READ),
	 false},
	{{"moderator deletes a stronger role", A_MEMBER, "moderator"}, P(AUDIT_READ), 0, false},
	{{"moderator renames a stronger role (no change of permissions)", A_MEMBER, "moderator"}, P(ORG_WRITE),
	 P(ORG_WRITE), false},
	/* and escalating */
	{{"moderator adds what they lack", A_MEMBER, "moderator"}, P(MEMBERS_READ), P(MEMBERS_READ) | P(MEMBERS_WRITE),
	 false},
	{{"moderator creates a role beyond them", A_MEMBER, "moderator"}, 0, P(ROLES_WRITE), false},
	/* the provider's staff in a customer, as its administrators */
	{{"customers:write edits a customer's role", A_PROVIDER, NULL, P(CUSTOMERS_WRITE)}, P(AUDIT_READ),
	 PERMSET_ALL, true},
	{{"customers:read edits a customer's role", A_PROVIDER, NULL, P(CUSTOMERS_READ)}, P(MEMBERS_READ),
	 P(CASES_READ), true},
	{{"customers:read strips a stronger role", A_PROVIDER, NULL, P(CUSTOMERS_READ)}, P(CASES_WRITE), 0, false},
};

static void role_change_table(void **state)
{
	(void)state;
	int failures = 0;
	for (size_t i = 0; i < sizeof role_changes / sizeof role_changes[0]; i++) {
		const struct role_change_row *r = &role_changes[i];
		struct org_access acc = access_of(&r->who);
		bool got = authz_can_change_role(&acc, r->before, r->after);
		if (got != r->want) {
			print_error("row %zu '%s': got %d, want %d\n", i, r->who.what, got, r->want);
			failures++;
		}
	}
	assert_int_equal(failures, 0);
}

struct independence_row {
	const char *what;
	bool is_operator;
	authz_via via;
	const char *role, *provider_role;
	bool want;
};

static const struct independence_row independence[] = {
	{"operator", true, VIA_OPERATOR, NULL, NULL, true},
	{"the customer's administrator", false, VIA_MEMBER, "administrator", NULL, true},
	{"the customer's moderator", false, VIA_MEMBER, "moderator", NULL, false},
	{"the customer's custom role", false, VIA_MEMBER, "everything", NULL, false},
	{"the provider's administrator", false, VIA_PROVIDER, NULL, "administrator", true},
	{"the provider's administrator, a customer member too", false, VIA_MEMBER, "member", "administrator", true},
	{"the provider's customers:write role", false, VIA_PROVIDER, NULL, "account_manager", false},
	{"the provider's member in the account's team", false, VIA_TEAM, NULL, "member", false},
	/* a membership that counts for nothing (the module off) is no administrator's */
	{"the customer's administrator, come in as the provider's", false, VIA_PROVIDER, "administrator", "member",
	 false},
	{"nobody", false, VIA_NONE, NULL, NULL, false},
};

static void independence_table(void **state)
{
	(void)state;
	int failures = 0;
	for (size_t i = 0; i < sizeof independence / sizeof independence[0]; i++) {
		const struct independence_row *r = &independence[i];
		struct org_access acc = {
		        .is_operator = r->is_operator, .via = r->via, .role = r->role, .provider_role = r->provider_role};
		bool got = authz_can_make_independent(&acc);
		if (got != r->want) {
			print_error("row %zu '%s': got %d, want %d\n", i, r->what, got, r->want);
			failures++;
		}
	}
	assert_int_equal(failures, 0);
}

/* Rule 6 on the routes that name no organization: the operator flag
 * alone decides, for the operators-only routes and for listing every
 * organization; a signed-in user without it, or nobody, gets neither. */
struct caller_row {
	const char *what;
	bool signed_in, is_operator;
	bool want;
};

static const struct caller_row callers[] = {
	{"an operator", true, true, true},
	{"a signed-in user", true, false, false},
	{"nobody (no session)", false, false, false},
};

static void operator_table(void **state)
{
	(void)state;
	int failures = 0;
	for (size_t i = 0; i < sizeof callers / sizeof callers[0]; i++) {
		const struct caller_row *r = &callers[i];
		struct auth who = {.user = {.id = "usr_x", .is_operator = r->is_operator}};
		const struct auth *w = r->signed_in ? &who : NULL;
		bool op = authz_is_operator(w), every = authz_sees_every_org(w);
		if (op != r->want || every != r->want) {
			print_error("row %zu '%s': operator %d, every org %d, want %d\n", i, r->what, op, every, r->want);
			failures++;
		}
	}
	assert_int_equal(failures, 0);
}

/* ---- model.c: the named states ---- */

static void named_states_are_the_stored_words(void **state)
{
	(void)state;
	org_type t;
	assert_true(org_type_parse("partner", &t));
	assert_int_equal(t, ORG_PARTNER);
	assert_string_equal(org_type_name(ORG_CUSTOMER), "customer");
	assert_false(org_type_parse("Partner", &t));
	assert_false(org_type_parse(NULL, &t));
	org_kind k;
	assert_true(org_kind_parse("individual", &k));
	assert_int_equal(k, ORG_INDIVIDUAL);
	assert_false(org_kind_parse("customer", &k));
	assert_string_equal(org_state_name(ORG_CLOSED), "closed");
	assert_string_equal(user_state_name(USER_DISABLED), "disabled");
	assert_string_equal(outbox_state_name(OUTBOX_SENDING), "sending");
	assert_string_equal(org_type_name((org_type)ORG_TYPE__COUNT), "");
	struct org o = {.type = "customer", .kind = NULL, .state = "active"};
	assert_true(org_has_type(&o, ORG_CUSTOMER));
	assert_false(org_has_type(&o, ORG_PARTNER));
	assert_false(org_has_kind(&o, ORG_CORPORATE)); /* no kind at all */
	assert_true(org_has_state(&o, ORG_ACTIVE));
	struct user u = {.state = "disabled"};
	assert_true(user_has_state(&u, USER_DISABLED));
	assert_false(user_has_state(&u, USER_ACTIVE));
}

/* ---- perms.c ---- */

static void builtin_roles_hold_their_permissions(void **state)
{
	(void)state;
	const struct builtin_role *admin = role_builtin("administrator");
	assert_non_null(admin);
	assert_string_equal(admin->name, ROLE_ADMINISTRATOR);
	assert_int_equal(admin->perms, PERMSET_ALL);
	for (int p = 0; p < PERM__COUNT; p++)
		assert_true(permset_has(admin->perms, (perm)p));

	const struct builtin_role *member = role_builtin("member");
	assert_non_null(member);
	assert_int_equal(member->perms, 0);
	assert_true(permset_has(member->perms, PERM_NONE));

	const struct builtin_role *mod = role_builtin("moderator");
	assert_non_null(mod);
	assert_true(permset_has(mod->perms, PERM_MEMBERS_READ));
	assert_false(permset_has(mod->perms, PERM_MEMBERS_WRITE));
	assert_true(permset_has(mod->perms, PERM_DEVICES_WRITE));
	assert_false(permset_has(mod->perms, PERM_ROLES_WRITE));

	const struct builtin_role *dept = role_builtin("department_admin");
	assert_non_null(dept);
	assert_true(permset_has(dept->perms, PERM_MEMBERS_WRITE));
	assert_false(permset_has(dept->perms, PERM_ROLES_WRITE));
	assert_false(permset_has(dept->perms, PERM_ORG_WRITE));

	const struct builtin_role *cc = role_builtin("content_creator");
	assert_non_null(cc);
	assert_true(permset_has(cc->perms, PERM_TEMPLATES_WRITE));
	assert_false(permset_has(cc->perms, PERM_MEMBERS_READ));

	/* Only administrators govern the organization. */
	for (int i = 0; i < builtin_roles_count; i++) {
		const struct builtin_role *b = &builtin_roles[i];
		assert_ptr_equal(role_builtin(b->name), b);
		assert_true(b->description && *b->description);
		if (strcmp(b->name, ROLE_ADMINISTRATOR)) {
			assert_false(permset_has(b->perms, PERM_ROLES_WRITE));
			assert_false(permset_has(b->perms, PERM_ORG_WRITE));
			assert_int_equal(b->perms & ~PERMSET_ALL, 0);
		}
	}
	assert_int_equal(builtin_roles_count, 5);

	assert_null(role_builtin("Administrator"));
	assert_null(role_builtin("admin"));
	assert_null(role_builtin(""));
	assert_null(role_builtin("administrator "));
}

static void perm_names_parse_back(void **state)
{
	(void)state;
	for (int p = 0; p < PERM__COUNT; p++) {
		perm got;
		assert_true(perm_parse(perm_name((perm)p), &got));
		assert_int_equal(got, p);
	}
	assert_string_equal(perm_name(PERM_MEMBERS_READ), "members:read");
	assert_string_equal(perm_name(PERM_CUSTOMERS_WRITE), "customers:write");
	assert_string_equal(perm_name(PERM_NONE), "");
	perm got = PERM_ORG_WRITE;
	const char *unknown[] = {"", "members", "members:", "Members:read", "members:read ", " members:read",
	                         "members:delete", "root", "members:read,members:write"};
	for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++)
		assert_false(perm_parse(unknown[i], &got));
	assert_int_equal(got, PERM_ORG_WRITE);
}

static void permset_list_round_trip(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	permset s;
	const char *bad = NULL;

	/* every single permission and every built-in role */
	for (int p = 0; p < PERM__COUNT; p++) {
		assert_true(permset_parse_list(permset_format(a, PERMSET(p)), &s, &bad, a));
		assert_int_equal(s, PERMSET(p));
		assert_string_equal(permset_format(a, PERMSET(p)), perm_name((perm)p));
	}
	for (int i = 0; i < builtin_roles_count; i++) {
		assert_true(permset_parse_list(permset_format(a, builtin_roles[i].perms), &s, &bad, a));
		assert_int_equal(s, builtin_roles[i].perms);
	}
	/* some arbitrary sets */
	for (permset x = 0; x < 5000; x++) {
		permset v = (x * 2654435761u) & PERMSET_ALL;
		assert_true(permset_parse_list(permset_format(a, v), &s, &bad, a));
		assert_int_equal(s, v);
	}
	assert_string_equal(permset_format(a, 0), "");
	assert_true(permset_parse_list("", &s, &bad, a));
	assert_int_equal(s, 0);
	assert_string_equal(permset_format(a, P(MEMBERS_WRITE) | P(MEMBERS_READ)), "members:read,members:write");
	char *all = permset_format(a, PERMSET_ALL);
	assert_true(permset_parse_list(all, &s, &bad, a));
	assert_int_equal(s, PERMSET_ALL);

	/* order, repeats and empty items do not matter */
	assert_true(permset_parse_list("members:write,members:read,members:write", &s, &bad, a));
	assert_int_equal(s, P(MEMBERS_READ) | P(MEMBERS_WRITE));
	assert_true(permset_parse_list(",audit:read,,", &s, &bad, a));
	assert_int_equal(s, P(AUDIT_READ));

	/* an unknown name fails and is named */
	bad = NULL;
	assert_false(permset_parse_list("members:read,members:delete,org:write", &s, &bad, a));
	assert_non_null(bad);
	assert_string_equal(bad, "members:delete");
	bad = NULL;
	assert_false(permset_parse_list("members:read, org:write", &s, &bad, a));
	assert_string_equal(bad, " org:write");
	assert_false(permset_parse_list("nope", &s, NULL, a));
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(decide_table),
		cmocka_unit_test(operator_holds_every_permission),
		cmocka_unit_test(stranger_is_never_forbidden),
		cmocka_unit_test(forbidden_names_the_permission),
		cmocka_unit_test(provider_grant_rules),
		cmocka_unit_test(team_grant_rules),
		cmocka_unit_test(grant_and_manage_table),
		cmocka_unit_test(role_change_table),
		cmocka_unit_test(independence_table),
		cmocka_unit_test(operator_table),
		cmocka_unit_test(named_states_are_the_stored_words),
		cmocka_unit_test(builtin_roles_hold_their_permissions),
		cmocka_unit_test(perm_names_parse_back),
		cmocka_unit_test(permset_list_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
