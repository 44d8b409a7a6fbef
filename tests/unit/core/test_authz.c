/* authz_decide(), a pure function: every rule of src/core/authz.h as rows
 * of a table, plus the permission names and the built-in roles of perms.c. */
#include "testutil.h"

#include "core/authz.h"
#include "core/perms.h"

#define P(x) PERMSET(PERM_##x)

/* A_TEAM: a member of the provider (with the row's provider permissions) in
 * the team that has the organization as an account. */
typedef enum {
	A_OPERATOR,
	A_MEMBER,
	A_PROVIDER,
	A_CUSTOMER_MEMBER,
	A_STRANGER,
	A_MEMBER_AND_PROVIDER,
	A_TEAM,
	A_OPERATOR_IN_TEAM,
} actor_kind;

struct row {
	const char *what;
	actor_kind kind;
	const char *role;   /* the member's role (A_MEMBER, A_CUSTOMER_MEMBER, A_MEMBER_AND_PROVIDER) */
	permset provider;   /* the provider member's permissions (A_PROVIDER, A_MEMBER_AND_PROVIDER, A_TEAM) */
	bool closed;
	perm need;
	err_code want;
	authz_via via;      /* for an allow */
	permset must_have;  /* for an allow: all of these in the effective set */
	permset must_lack;  /* for an allow: none of these */
};

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

	/* 3. the provider's members, per authz_provider_grant() */
	{"customers:read, any access", A_PROVIDER, NULL, P(CUSTOMERS_READ), false, PERM_NONE, E_OK, VIA_PROVIDER,
	 P(MEMBERS_READ), P(MEMBERS_WRITE)},
	{"customers:read, members:read", A_PROVIDER, NULL, P(CUSTOMERS_READ), false, PERM_MEMBERS_READ, E_OK,
	 VIA_PROVIDER, P(MEMBERS_READ) | P(DEVICES_READ) | P(CASES_READ),
	 P(MEMBERS_WRITE) | P(DEVICES_WRITE) | P(CASES_WRITE) | P(ROLES_WRITE) | P(ORG_WRITE)},
	{"customers:read, members:write", A_PROVIDER, NULL, P(CUSTOMERS_READ), false, PERM_MEMBERS_WRITE, E_FORBIDDEN,
	 0, 0, 0},
	{"customers:read, roles:write", A_PROVIDER, NULL, P(CUSTOMERS_READ), false, PERM_ROLES_WRITE, E_FORBIDDEN, 0,
	 0, 0},
	{"customers:write, members:write", A_PROVIDER, NULL, P(CUSTOMERS_WRITE), false, PERM_MEMBERS_WRITE, E_OK,
	 VIA_PROVIDER, P(MEMBERS_READ) | P(MEMBERS_WRITE) | P(INVITATIONS_WRITE), P(ROLES_WRITE) | P(ORG_WRITE)},
	{"customers:write, members:read", A_PROVIDER, NULL, P(CUSTOMERS_WRITE), false, PERM_MEMBERS_READ, E_OK,
	 VIA_PROVIDER, P(MEMBERS_READ) | P(MEMBERS_WRITE), 0},
	{"customers:write, org:write", A_PROVIDER, NULL, P(CUSTOMERS_WRITE), false, PERM_ORG_WRITE, E_FORBIDDEN, 0, 0,
	 0},
	{"customers:read+write", A_PROVIDER, NULL, P(CUSTOMERS_READ) | P(CUSTOMERS_WRITE), false, PERM_MEMBERS_WRITE,
	 E_OK, VIA_PROVIDER, P(MEMBERS_WRITE), P(ROLES_WRITE)},
	{"provider administrator", A_PROVIDER, NULL, PERMSET_ALL, false, PERM_MEMBERS_WRITE, E_OK, VIA_PROVIDER,
	 P(MEMBERS_WRITE), P(ROLES_WRITE) | P(ORG_WRITE) | P(AUDIT_READ)},
	{"provider administrator, roles:write", A_PROVIDER, NULL, PERMSET_ALL, false, PERM_ROLES_WRITE, E_FORBIDDEN, 0,
	 0, 0},
	{"customers:write, closed customer", A_PROVIDER, NULL, P(CUSTOMERS_WRITE), true, PERM_MEMBERS_READ,
	 E_ORG_CLOSED, 0, 0, 0},
	{"customers:read, closed customer, any access", A_PROVIDER, NULL, P(CUSTOMERS_READ), true, PERM_NONE,
	 E_ORG_CLOSED, 0, 0, 0},

	/* 4. a team's members manage the team's accounts, as customers:write would let them */
	{"team, no customers:*, members:write", A_TEAM, NULL, 0, false, PERM_MEMBERS_WRITE, E_OK, VIA_TEAM,
	 P(MEMBERS_READ) | P(MEMBERS_WRITE) | P(INVITATIONS_WRITE) | P(DEVICES_WRITE) | P(CASES_WRITE),
	 P(ROLES_WRITE) | P(ORG_WRITE) | P(AUDIT_READ) | P(CUSTOMERS_READ) | P(CUSTOMERS_WRITE) | P(TEAMS_WRITE)},
	{"team, no customers:*, members:read", A_TEAM, NULL, 0, false, PERM_MEMBERS_READ, E_OK, VIA_TEAM,
	 P(MEMBERS_READ) | P(DEVICES_READ) | P(CASES_READ) | P(LICENSES_READ) | P(DASHBOARD_READ), P(ROLES_WRITE)},
	{"team, no customers:*, any access", A_TEAM, NULL, 0, false, PERM_NONE, E_OK, VIA_TEAM, P(MEMBERS_WRITE),
	 P(ORG_WRITE)},
	{"team, unrelated perms, invitations:write", A_TEAM, NULL, P(TEMPLATES_WRITE) | P(AUDIT_READ), false,
	 PERM_INVITATIONS_WRITE, E_OK, VIA_TEAM, P(INVITATIONS_WRITE), P(TEMPLATES_WRITE) | P(AUDIT_READ)},
	{"no team, no customers:*, members:write", A_PROVIDER, NULL, 0, false, PERM_MEMBERS_WRITE, E_NOT_FOUND, 0, 0,
	 0},
	{"no team, no customers:*, members:read", A_PROVIDER, NULL, 0, false, PERM_MEMBERS_READ, E_NOT_FOUND, 0, 0, 0},
	{"team, org:write", A_TEAM, NULL, 0, false, PERM_ORG_WRITE, E_FORBIDDEN, 0, 0, 0},
	{"team, roles:write", A_TEAM, NULL, 0, false, PERM_ROLES_WRITE, E_FORBIDDEN, 0, 0, 0},
	{"team, audit:read", A_TEAM, NULL, 0, false, PERM_AUDIT_READ, E_FORBIDDEN, 0, 0, 0},
	{"team, licenses:assign", A_TEAM, NULL, 0, false, PERM_LICENSES_ASSIGN, E_FORBIDDEN, 0, 0, 0},
	{"team, teams:write", A_TEAM, NULL, 0, false, PERM_TEAMS_WRITE, E_FORBIDDEN, 0, 0, 0},
	{"team + provider administrator, roles:write", A_TEAM, NULL, PERMSET_ALL, false, PERM_ROLES_WRITE,
	 E_FORBIDDEN, 0, 0, 0},
	/* with customers:read too: the union, through the provider */
	{"team + customers:read, members:write", A_TEAM, NULL, P(CUSTOMERS_READ), false, PERM_MEMBERS_WRITE, E_OK,
	 VIA_PROVIDER, P(MEMBERS_WRITE) | P(CASES_WRITE), P(ROLES_WRITE)},
	{"team + customers:write, members:write", A_TEAM, NULL, P(CUSTOMERS_WRITE), false, PERM_MEMBERS_WRITE, E_OK,
	 VIA_PROVIDER, P(MEMBERS_WRITE), P(ROLES_WRITE)},
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
	 E_OK, VIA_MEMBER, P(MEMBERS_WRITE), P(ROLES_WRITE)},
	{"content_creator + customers:read", A_MEMBER_AND_PROVIDER, "content_creator", P(CUSTOMERS_READ), false,
	 PERM_MEMBERS_READ, E_OK, VIA_MEMBER, P(MEMBERS_READ) | P(TEMPLATES_WRITE), P(MEMBERS_WRITE)},
	{"member + customers:read, members:write", A_MEMBER_AND_PROVIDER, "member", P(CUSTOMERS_READ), false,
	 PERM_MEMBERS_WRITE, E_FORBIDDEN, 0, 0, 0},
};

static struct authz_facts facts_of(const struct row *r)
{
	struct authz_facts f = {.org_closed = r->closed};
	const struct builtin_role *b = r->role ? role_builtin(r->role) : NULL;
	if (r->role && !b)
		fail_msg("row '%s': no built-in role %s", r->what, r->role);
	switch (r->kind) {
	case A_OPERATOR:
		f.is_operator = true;
		break;
	case A_MEMBER:
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
	case A_STRANGER:
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
		err_code rc = authz_decide(&f, r->need, &got, &via, &e);
		bool ok = rc == r->want && e.code == r->want;
		if (ok && r->want == E_OK)
			ok = via == r->via && (got & r->must_have) == r->must_have && !(got & r->must_lack) &&
			     permset_has(got, r->need);
		if (ok && r->want != E_OK)
			ok = got == 0 && via == VIA_NONE;
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
			assert_int_equal(authz_decide(&f, (perm)p, &got, &via, &e), E_OK);
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
			assert_int_equal(authz_decide(&f, (perm)p, &got, &via, &e), E_NOT_FOUND);
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
	assert_int_equal(authz_decide(&f, PERM_MEMBERS_WRITE, &got, &via, &e), E_FORBIDDEN);
	assert_int_equal(err_status(E_FORBIDDEN), 403);
	assert_non_null(strstr(err_message(&e), "members:write"));
	assert_int_equal(err_status(E_NOT_FOUND), 404);
	assert_int_equal(err_status(E_ORG_CLOSED), 403);
	assert_string_equal(err_name(E_ORG_CLOSED), "org_closed");
}

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
	assert_true(permset_has(w, PERM_MEMBERS_READ));
	assert_true(permset_has(w, PERM_MEMBERS_WRITE));
	assert_true(permset_has(w, PERM_INVITATIONS_WRITE));
	/* write includes read */
	assert_int_equal(r & ~w, 0);
	assert_int_equal(authz_provider_grant(P(CUSTOMERS_READ) | P(CUSTOMERS_WRITE)), r | w);
	/* never the organization's own governance */
	permset never = P(ROLES_WRITE) | P(ORG_WRITE) | P(AUDIT_READ) | P(CUSTOMERS_READ) | P(CUSTOMERS_WRITE) |
	                P(TEAMS_WRITE);
	assert_int_equal(authz_provider_grant(PERMSET_ALL) & never, 0);
}

/* A team grants exactly what customers:write grants a provider's member,
 * and never the organization's own governance. */
static void team_grant_rules(void **state)
{
	(void)state;
	permset t = authz_team_grant();
	assert_int_equal(t, authz_provider_grant(P(CUSTOMERS_WRITE)));
	assert_true(permset_has(t, PERM_MEMBERS_READ));
	assert_true(permset_has(t, PERM_MEMBERS_WRITE));
	assert_true(permset_has(t, PERM_INVITATIONS_WRITE));
	assert_true(permset_has(t, PERM_DEVICES_WRITE));
	assert_true(permset_has(t, PERM_CASES_WRITE));
	permset never = P(ROLES_WRITE) | P(ORG_WRITE) | P(AUDIT_READ) | P(CUSTOMERS_READ) | P(CUSTOMERS_WRITE) |
	                P(TEAMS_WRITE) | P(TEMPLATES_READ) | P(TEMPLATES_WRITE);
	assert_int_equal(t & never, 0);

	/* The relation alone decides: the same caller without it is a stranger. */
	struct authz_facts f = {.via_provider = true, .via_team = true};
	permset got;
	authz_via via;
	struct err e;
	err_clear(&e);
	assert_int_equal(authz_decide(&f, PERM_MEMBERS_WRITE, &got, &via, &e), E_OK);
	assert_int_equal(got, t);
	assert_int_equal(via, VIA_TEAM);
	f.via_team = false;
	assert_int_equal(authz_decide(&f, PERM_NONE, &got, &via, &e), E_NOT_FOUND);
	assert_int_equal(got, 0);
	assert_int_equal(via, VIA_NONE);
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
		cmocka_unit_test(builtin_roles_hold_their_permissions),
		cmocka_unit_test(perm_names_parse_back),
		cmocka_unit_test(permset_list_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
