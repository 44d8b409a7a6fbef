/* Organizations, members and roles on a real store (SQLite, then PostgreSQL
 * under tests/run.sh), plus the text helpers their lists rest on. Each test
 * makes its own organization and users with unique emails. */
#include "testutil.h"

#include <jansson.h>
#include <pthread.h>
#include <sodium.h>

#include "base/clock.h"
#include "base/text.h"
#include "core/accounts.h"
#include "core/authz.h"
#include "core/members.h"
#include "core/list.h"
#include "core/orgs.h"
#include "store/accounts.h"
#include "store/misc.h"
#include "store/orgs.h"
#include "store/store.h"

#define PASSWORD "correct horse battery"

static struct app app;

static int setup(void **state)
{
	(void)state;
	app = (struct app){.store = test_store(),
	                   .public_url = "http://roster.test",
	                   .session_idle_ms = 3600 * 1000LL,
	                   .session_lifetime_ms = 24 * 3600 * 1000LL};
	return 0;
}

static const struct reqinfo *client(char *addr)
{
	static struct reqinfo ri;
	id_new("addr", addr);
	ri = (struct reqinfo){.request_id = "req_test", .client_addr = addr};
	return &ri;
}

/* ---- the outbox, read back ---- */

static err_code take_mail(struct arena *a, struct outbox_msg *out)
{
	return test_take_mail(app.store, a, out);
}

/* ---- fixtures ---- */

struct fixture {
	struct auth op;
	struct org org;
	struct user admin;
	struct org_access op_acc; /* the operator's access to org */
	char admin_email[128];
};

static void new_org(struct arena *a, const char *name, struct fixture *f)
{
	struct err e;
	err_clear(&e);
	test_operator_auth(a, &f->op);
	test_email(f->admin_email, sizeof f->admin_email, "admin");
	struct org_new n = {.name = name,
	                    .type = "enterprise",
	                    .admin = {.email = f->admin_email, .first_name = "Ada", .last_name = "Admin"}};
	if (org_create(tctx(&app, a, NULL, NULL, NULL), &n, &f->org, &f->admin, &e))
		fail_msg("org_create: %s", err_message(&e));
	if (authz_org(tctx(&app, a, NULL, &f->op, NULL), f->org.id, PERM_NONE, 0, &f->op_acc, &e))
		fail_msg("authz_org (operator): %s", err_message(&e));
}

static void add_member(struct arena *a, const struct fixture *f, const char *email, const char *first, const char *last,
                       const char *role, const char *password, struct member *out)
{
	struct err e;
	err_clear(&e);
	struct user_new n = {.email = email, .first_name = first, .last_name = last, .password = password};
	if (member_create(tctx(&app, a, NULL, &f->op, &f->op_acc), &n, role, out, &e))
		fail_msg("member_create %s: %s", email, err_message(&e));
}

/* ---- organizations ---- */

static void org_create_makes_the_admin_a_member_and_mails_them(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	test_drain_mail(app.store, a);
	struct fixture f;
	new_org(a, "Acme Corp", &f);
	assert_true(id_valid("org", f.org.id));
	assert_string_equal(f.org.name, "Acme Corp");
	assert_string_equal(f.org.type, "enterprise");
	assert_string_equal(f.org.state, "active");
	assert_true(id_valid("usr", f.admin.id));
	assert_string_equal(f.admin.email, f.admin_email);

	/* the organization exists, as the operator sees it */
	assert_string_equal(f.op_acc.org.id, f.org.id);
	assert_string_equal(f.op_acc.org.name, "Acme Corp");
	assert_int_equal(f.op_acc.via, VIA_OPERATOR);
	assert_true(f.op_acc.is_operator);
	assert_int_equal(f.op_acc.perms, PERMSET_ALL);

	/* the administrator is a member with the role administrator */
	struct member m;
	struct err e;
	err_clear(&e);
	assert_int_equal(member_get(tctx(&app, a, NULL, NULL, &f.op_acc), f.admin.id, &m, &e), E_OK);
	assert_string_equal(m.role, ROLE_ADMINISTRATOR);
	assert_string_equal(m.org_id, f.org.id);
	assert_string_equal(m.user.email, f.admin_email);

	/* exactly one email, to the administrator */
	struct outbox_msg msg;
	assert_int_equal(take_mail(a, &msg), E_OK);
	assert_string_equal(msg.recipient, f.admin_email);
	assert_non_null(strstr(msg.body_text, "http://roster.test"));
	assert_int_equal(take_mail(a, &msg), E_NOT_FOUND);
	arena_free(a);
}

static void org_create_refuses_bad_input(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct err e;
	char email[128];
	struct org o;
	struct user u;
	test_email(email, sizeof email, "bad");
	struct org_new n = {.name = "  ", .type = "enterprise", .admin = {.email = email}};
	err_clear(&e);
	assert_int_equal(org_create(tctx(&app, a, NULL, NULL, NULL), &n, &o, &u, &e), E_INVALID);
	n.name = "Fine";
	n.type = "customer";
	assert_int_equal(org_create(tctx(&app, a, NULL, NULL, NULL), &n, &o, &u, &e), E_INVALID);
	n.type = "partner";
	n.admin.email = "not-an-email";
	assert_int_equal(org_create(tctx(&app, a, NULL, NULL, NULL), &n, &o, &u, &e), E_INVALID_EMAIL);
	assert_string_equal(e.field, "admin.email");
	n.admin.email = email;
	const char *mods[] = {"teams", "warp_drive", NULL};
	n.modules = mods;
	assert_int_equal(org_create(tctx(&app, a, NULL, NULL, NULL), &n, &o, &u, &e), E_UNKNOWN_MODULE);
	arena_free(a);
}

/* A real sign-in, then authz_org for a member, a non-member, an unknown org. */
static void authz_org_sees_members_not_strangers(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct err e;
	struct fixture f;
	new_org(a, "Visible Ltd", &f);

	char email[128], addr[ID_MAX];
	struct member mod;
	add_member(a, &f, test_email(email, sizeof email, "mod"), "Mo", "Derator", "moderator", PASSWORD, &mod);
	assert_string_equal(mod.role, "moderator");

	struct login_result lr;
	err_clear(&e);
	if (account_login(tctx(&app, a, client(addr), NULL, NULL), email, PASSWORD, &lr, &e))
		fail_msg("login: %s", err_message(&e));
	struct auth who;
	memset(&who, 0, sizeof who);
	assert_int_equal(account_authenticate(tctx(&app, a, NULL, NULL, NULL), lr.token, &who, &e), E_OK);
	assert_string_equal(who.user.id, mod.user.id);

	struct org_access acc;
	assert_int_equal(authz_org(tctx(&app, a, NULL, &who, NULL), f.org.id, PERM_MEMBERS_READ, 0, &acc, &e), E_OK);
	assert_int_equal(acc.via, VIA_MEMBER);
	assert_false(acc.is_operator);
	assert_string_equal(acc.role, "moderator");
	assert_int_equal(acc.perms, role_builtin("moderator")->perms);
	assert_string_equal(acc.org.id, f.org.id);
	err_clear(&e);
	assert_int_equal(authz_org(tctx(&app, a, NULL, &who, NULL), f.org.id, PERM_MEMBERS_WRITE, 0, &acc, &e),
	                 E_FORBIDDEN);

	/* the administrator from org_create */
	struct auth admin;
	test_user_auth(&f.admin, &admin);
	assert_int_equal(authz_org(tctx(&app, a, NULL, &admin, NULL), f.org.id, PERM_ROLES_WRITE, 0, &acc, &e), E_OK);
	assert_string_equal(acc.role, ROLE_ADMINISTRATOR);
	assert_int_equal(acc.perms, PERMSET_ALL);

	/* a member of another organization is a stranger here: 404, whatever is asked */
	struct fixture other;
	new_org(a, "Elsewhere Inc", &other);
	struct auth stranger;
	test_user_auth(&other.admin, &stranger);
	err_clear(&e);
	assert_int_equal(authz_org(tctx(&app, a, NULL, &stranger, NULL), f.org.id, PERM_NONE, 0, &acc, &e),
	                 E_NOT_FOUND);
	assert_int_equal(authz_org(tctx(&app, a, NULL, &stranger, NULL), f.org.id, PERM_ORG_WRITE, 0, &acc, &e),
	                 E_NOT_FOUND);
	assert_int_equal(authz_org(tctx(&app, a, NULL, &stranger, NULL), other.org.id, PERM_ORG_WRITE, 0, &acc, &e),
	                 E_OK);

	/* unknown or malformed organization ids */
	char ghost[ID_MAX];
	id_new("org", ghost);
	assert_int_equal(authz_org(tctx(&app, a, NULL, &f.op, NULL), ghost, PERM_NONE, 0, &acc, &e), E_NOT_FOUND);
	assert_int_equal(authz_org(tctx(&app, a, NULL, &f.op, NULL), "nonsense", PERM_NONE, 0, &acc, &e), E_NOT_FOUND);
	assert_int_equal(authz_org(tctx(&app, a, NULL, &f.op, NULL), mod.user.id, PERM_NONE, 0, &acc, &e), E_NOT_FOUND);

	/* once removed, the open session sees nothing */
	assert_int_equal(member_remove(tctx(&app, a, NULL, &f.op, &f.op_acc), mod.user.id, &e), E_OK);
	assert_int_equal(authz_org(tctx(&app, a, NULL, &who, NULL), f.org.id, PERM_NONE, 0, &acc, &e), E_NOT_FOUND);

	/* closed: org_closed for the administrator, still 404 for strangers, open to operators */
	err_clear(&e);
	assert_int_equal(org_close(tctx(&app, a, NULL, &f.op, &f.op_acc), &e), E_OK);
	assert_int_equal(authz_org(tctx(&app, a, NULL, &admin, NULL), f.org.id, PERM_NONE, 0, &acc, &e), E_ORG_CLOSED);
	assert_int_equal(authz_org(tctx(&app, a, NULL, &stranger, NULL), f.org.id, PERM_NONE, 0, &acc, &e),
	                 E_NOT_FOUND);
	err_clear(&e);
	assert_int_equal(authz_org(tctx(&app, a, NULL, &f.op, NULL), f.org.id, PERM_MEMBERS_WRITE, 0, &acc, &e), E_OK);
	assert_string_equal(acc.org.state, "closed");
	arena_free(a);
}

/* ---- members ---- */

static void member_create_checks_role_and_email(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct err e;
	struct fixture f;
	new_org(a, "Roles Co", &f);
	char email[128];
	test_email(email, sizeof email, "m");
	struct user_new n = {.email = email, .first_name = "New"};
	struct member m;
	err_clear(&e);
	assert_int_equal(member_create(tctx(&app, a, NULL, &f.op, &f.op_acc), &n, "wizard", &m, &e), E_UNKNOWN_ROLE);
	assert_string_equal(e.field, "role");
	assert_int_equal(member_create(tctx(&app, a, NULL, &f.op, &f.op_acc), &n, "Administrator", &m, &e),
	                 E_UNKNOWN_ROLE);
	/* nothing was created: the same email works now */
	err_clear(&e);
	assert_int_equal(member_create(tctx(&app, a, NULL, &f.op, &f.op_acc), &n, "member", &m, &e), E_OK);
	assert_string_equal(m.role, "member");
	/* and a second time it exists */
	struct member again;
	assert_int_equal(member_create(tctx(&app, a, NULL, &f.op, &f.op_acc), &n, "member", &again, &e), E_USER_EXISTS);

	/* nobody gives a role with permissions they do not hold */
	struct member modm;
	char memail[128];
	add_member(a, &f, test_email(memail, sizeof memail, "mod"), "Mo", "D", "moderator", NULL, &modm);
	struct auth mod;
	test_user_auth(&modm.user, &mod);
	struct org_access macc;
	assert_int_equal(authz_org(tctx(&app, a, NULL, &mod, NULL), f.org.id, PERM_NONE, 0, &macc, &e), E_OK);
	char e2[128];
	struct user_new n2 = {.email = test_email(e2, sizeof e2, "x")};
	err_clear(&e);
	assert_int_equal(member_create(tctx(&app, a, NULL, &mod, &macc), &n2, ROLE_ADMINISTRATOR, &m, &e), E_FORBIDDEN);
	/* nor removes someone holding more */
	assert_int_equal(member_remove(tctx(&app, a, NULL, &mod, &macc), f.admin.id, &e), E_FORBIDDEN);
	arena_free(a);
}

static void the_last_administrator_stays(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct err e;
	struct fixture f;
	new_org(a, "Lonely Admin GmbH", &f);
	struct member m;

	err_clear(&e);
	assert_int_equal(member_remove(tctx(&app, a, NULL, &f.op, &f.op_acc), f.admin.id, &e), E_LAST_ADMINISTRATOR);
	assert_int_equal(member_set_role(tctx(&app, a, NULL, &f.op, &f.op_acc), f.admin.id, "member", &m, &e),
	                 E_LAST_ADMINISTRATOR);
	/* by the administrator themselves, too */
	struct auth admin;
	struct org_access aacc;
	test_user_auth(&f.admin, &admin);
	assert_int_equal(authz_org(tctx(&app, a, NULL, &admin, NULL), f.org.id, PERM_MEMBERS_WRITE, 0, &aacc, &e),
	                 E_OK);
	assert_int_equal(member_remove(tctx(&app, a, NULL, &admin, &aacc), f.admin.id, &e), E_LAST_ADMINISTRATOR);
	assert_int_equal(member_set_role(tctx(&app, a, NULL, &admin, &aacc), f.admin.id, "moderator", &m, &e),
	                 E_LAST_ADMINISTRATOR);
	/* administrator to administrator is no loss */
	err_clear(&e);
	assert_int_equal(member_set_role(tctx(&app, a, NULL, &f.op, &f.op_acc), f.admin.id, ROLE_ADMINISTRATOR, &m, &e),
	                 E_OK);
	assert_int_equal(member_get(tctx(&app, a, NULL, NULL, &f.op_acc), f.admin.id, &m, &e), E_OK);
	assert_string_equal(m.role, ROLE_ADMINISTRATOR);

	/* a second administrator: now the first may go */
	char email[128];
	struct member second;
	add_member(a, &f, test_email(email, sizeof email, "admin2"), "Sec", "Ond", "member", NULL, &second);
	assert_int_equal(
	        member_set_role(tctx(&app, a, NULL, &f.op, &f.op_acc), second.user.id, ROLE_ADMINISTRATOR, &m, &e),
	        E_OK);
	assert_string_equal(m.role, ROLE_ADMINISTRATOR);
	assert_int_equal(member_set_role(tctx(&app, a, NULL, &f.op, &f.op_acc), f.admin.id, "member", &m, &e), E_OK);
	assert_string_equal(m.role, "member");
	/* and the second is the last one again */
	err_clear(&e);
	assert_int_equal(member_remove(tctx(&app, a, NULL, &f.op, &f.op_acc), second.user.id, &e),
	                 E_LAST_ADMINISTRATOR);
	assert_int_equal(member_remove(tctx(&app, a, NULL, &f.op, &f.op_acc), f.admin.id, &e), E_OK);
	assert_int_equal(member_get(tctx(&app, a, NULL, NULL, &f.op_acc), f.admin.id, &m, &e), E_NOT_FOUND);
	assert_int_equal(member_remove(tctx(&app, a, NULL, &f.op, &f.op_acc), f.admin.id, &e), E_NOT_FOUND);

	/* in bulk, each on its own */
	const char *ids[] = {second.user.id, f.admin.id, "junk"};
	err_code res[3];
	err_clear(&e);
	assert_int_equal(member_remove_bulk(tctx(&app, a, NULL, &f.op, &f.op_acc), ids, 3, res, &e), E_OK);
	assert_int_equal(res[0], E_LAST_ADMINISTRATOR);
	assert_int_equal(res[1], E_NOT_FOUND);
	assert_int_equal(res[2], E_NOT_FOUND);
	arena_free(a);
}

/* ---- roles ---- */

static void custom_roles_are_checked(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct err e;
	struct fixture f;
	new_org(a, "Custom Roles SA", &f);
	struct role_view rv;

	const char *bad_perms[] = {"members:read", "members:fly", NULL};
	err_clear(&e);
	assert_int_equal(role_create(tctx(&app, a, NULL, &f.op, &f.op_acc), "support", "Helps", bad_perms, &rv, &e),
	                 E_UNKNOWN_PERMISSION);
	assert_non_null(strstr(err_message(&e), "members:fly"));
	assert_int_equal(role_create(tctx(&app, a, NULL, &f.op, &f.op_acc), "moderator", NULL, NULL, &rv, &e),
	                 E_ROLE_EXISTS);
	assert_int_equal(role_create(tctx(&app, a, NULL, &f.op, &f.op_acc), "Bad Name", NULL, NULL, &rv, &e),
	                 E_INVALID);

	const char *perms[] = {"members:read", "cases:read", NULL};
	err_clear(&e);
	assert_int_equal(role_create(tctx(&app, a, NULL, &f.op, &f.op_acc), "support", "Helps", perms, &rv, &e), E_OK);
	assert_string_equal(rv.name, "support");
	assert_false(rv.builtin);
	assert_int_equal(rv.perms, PERMSET(PERM_MEMBERS_READ) | PERMSET(PERM_CASES_READ));
	assert_int_equal(role_create(tctx(&app, a, NULL, &f.op, &f.op_acc), "support", NULL, perms, &rv, &e),
	                 E_ROLE_EXISTS);

	/* a member with the custom role gets its permissions */
	char email[128];
	struct member m;
	add_member(a, &f, test_email(email, sizeof email, "sup"), "Sue", "Port", "support", NULL, &m);
	struct auth who;
	struct org_access acc;
	test_user_auth(&m.user, &who);
	err_clear(&e);
	assert_int_equal(authz_org(tctx(&app, a, NULL, &who, NULL), f.org.id, PERM_CASES_READ, 0, &acc, &e), E_OK);
	assert_string_equal(acc.role, "support");
	assert_int_equal(acc.perms, PERMSET(PERM_MEMBERS_READ) | PERMSET(PERM_CASES_READ));
	assert_int_equal(authz_org(tctx(&app, a, NULL, &who, NULL), f.org.id, PERM_CASES_WRITE, 0, &acc, &e),
	                 E_FORBIDDEN);

	/* in use: cannot be deleted; built-in: never */
	err_clear(&e);
	assert_int_equal(role_delete(tctx(&app, a, NULL, &f.op, &f.op_acc), "support", &e), E_ROLE_IN_USE);
	assert_int_equal(role_delete(tctx(&app, a, NULL, &f.op, &f.op_acc), "moderator", &e), E_FORBIDDEN);
	err_clear(&e);
	assert_int_equal(member_set_role(tctx(&app, a, NULL, &f.op, &f.op_acc), m.user.id, "member", &m, &e), E_OK);
	assert_int_equal(role_delete(tctx(&app, a, NULL, &f.op, &f.op_acc), "support", &e), E_OK);
	assert_int_equal(member_set_role(tctx(&app, a, NULL, &f.op, &f.op_acc), m.user.id, "support", &m, &e),
	                 E_UNKNOWN_ROLE);

	/* nobody grants what they do not hold */
	struct member modm;
	add_member(a, &f, test_email(email, sizeof email, "mod"), "Mo", "D", "moderator", NULL, &modm);
	struct auth mod;
	struct org_access macc;
	test_user_auth(&modm.user, &mod);
	assert_int_equal(authz_org(tctx(&app, a, NULL, &mod, NULL), f.org.id, PERM_NONE, 0, &macc, &e), E_OK);
	const char *more[] = {"members:write", NULL};
	err_clear(&e);
	assert_int_equal(role_create(tctx(&app, a, NULL, &mod, &macc), "writers", NULL, more, &rv, &e), E_FORBIDDEN);
	arena_free(a);
}

/* ---- lists ---- */

struct collect {
	struct arena *a;
	int n;
	const char *ids[64];
	const char *cards[64];
	const char *last_key, *last_id;
};

static void collect_cb(const struct member_item *it, void *arg)
{
	struct collect *c = arg;
	if (c->n < 64) {
		c->ids[c->n] = arena_strdup(c->a, it->user_id);
		c->cards[c->n] = arena_strdup(c->a, it->card);
	}
	c->n++;
	c->last_key = arena_strdup(c->a, it->sort_key ? it->sort_key : "");
	c->last_id = arena_strdup(c->a, it->user_id);
}

/* A page of members as the API asks for one: the query's parameters, or
 * (after_key, after_id) for the position a cursor would carry. limit is
 * what the store is asked for, as the API asks for one more than its page. */
struct member_page_query {
	const char *q, *role, *sort;
	const char *after_key, *after_id;
	int limit;
};

static const char *page_param(void *arg, const char *name)
{
	const struct member_page_query *pq = arg;
	if (!strcmp(name, "q"))
		return pq->q;
	if (!strcmp(name, "role"))
		return pq->role;
	if (!strcmp(name, "sort"))
		return pq->sort;
	return NULL;
}

static err_code member_page(const struct ctx *c, const struct member_page_query *pq, member_item_cb cb, void *arg,
                            struct err *e)
{
	struct list_query q;
	if (list_parse(&member_list_spec, app.cursor_key, NULL, c->arena, page_param, (void *)pq, &q, e))
		return e->code;
	q.fetch = pq->limit;
	if (pq->after_id)
		q.after = (struct list_value){.set = true, .text = pq->after_key}, q.after_id = pq->after_id;
	return member_list(c, &q, cb, arg, e);
}

/* What the API hands out: cursors signed with the server's key over their list's context. */
static const unsigned char test_key[CURSOR_KEY_LEN] = {1, 2, 3};

static int list_ids(struct arena *a, const struct org_access *acc, const char *q, const char *sort, const char **out,
                    int max)
{
	struct member_page_query pq = {.q = q, .sort = sort, .limit = 100};
	struct collect c = {.a = a};
	struct err e;
	err_clear(&e);
	if (member_page(tctx(&app, a, NULL, NULL, acc), &pq, collect_cb, &c, &e))
		fail_msg("member_list: %s", err_message(&e));
	for (int i = 0; i < c.n && i < max; i++)
		out[i] = c.ids[i];
	return c.n;
}

static bool has_id(const char **ids, int n, const char *id)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(ids[i], id))
			return true;
	return false;
}

#define N_PEOPLE 8
static const char *const people[N_PEOPLE][2] = {
        {"Émile", "Zola"},    {"émilie", "Du Châtelet"}, {"Emma", "Bovary"},  {"Zoé", "Émery"},
        {"Anna", "Karenina"}, {"anna", "karenina"},      {"Ödön", "Horváth"}, {"Bob", "Smith"},
};

static void member_list_pages_and_searches(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct err e;
	struct fixture f;
	new_org(a, "Paging Club", &f);
	const char *all[N_PEOPLE + 1];
	all[0] = f.admin.id;
	for (int i = 0; i < N_PEOPLE; i++) {
		char email[128];
		struct member m;
		add_member(a, &f, test_email(email, sizeof email, i == 7 ? "Robert" : "p"), people[i][0], people[i][1],
		           "member", NULL, &m);
		all[i + 1] = arena_strdup(a, m.user.id);
	}
	const int total = N_PEOPLE + 1;

	/* one by one, through the opaque cursor, every sort and direction */
	const char *sorts[] = {"name", "-name", "email", "-email", "created_at", "-created_at"};
	for (size_t s = 0; s < sizeof sorts / sizeof sorts[0]; s++) {
		int seen[N_PEOPLE + 1] = {0};
		const char *cursor = NULL;
		int pages = 0;
		for (;;) {
			struct member_page_query pq = {.sort = sorts[s], .limit = 1};
			if (cursor)
				assert_true(cursor_decode(a, test_key, "members", cursor, &pq.after_key, &pq.after_id));
			struct collect c = {.a = a};
			err_clear(&e);
			if (member_page(tctx(&app, a, NULL, NULL, &f.op_acc), &pq, collect_cb, &c, &e))
				fail_msg("sort %s, page %d after (%s, %s): %s", sorts[s], pages + 1,
				         pq.after_key ? pq.after_key : "-", pq.after_id ? pq.after_id : "-",
				         err_message(&e));
			assert_in_range(c.n, 0, 1);
			if (c.n == 0)
				break;
			bool known = false;
			for (int i = 0; i < total; i++)
				if (!strcmp(all[i], c.ids[0])) {
					seen[i]++;
					known = true;
				}
			assert_true(known);
			cursor = cursor_encode(a, test_key, "members", c.last_key, c.last_id);
			if (++pages > total + 1)
				fail_msg("sort %s: paging does not end", sorts[s]);
		}
		assert_int_equal(pages, total);
		for (int i = 0; i < total; i++)
			if (seen[i] != 1)
				fail_msg("sort %s: member %d seen %d times", sorts[s], i, seen[i]);
	}
	struct member_page_query badsort = {.sort = "shoe_size", .limit = 10};
	struct collect c = {.a = a};
	assert_int_equal(member_page(tctx(&app, a, NULL, NULL, &f.op_acc), &badsort, collect_cb, &c, &e),
	                 E_BAD_REQUEST);

	/* a prefix, folded: accents and capitals do not matter on either side */
	const char *ids[64];
	int n = list_ids(a, &f.op_acc, "émi", "name", ids, 64);
	assert_int_equal(n, 2); /* Émile and émilie */
	assert_true(has_id(ids, n, all[1]));
	assert_true(has_id(ids, n, all[2]));
	assert_false(has_id(ids, n, all[3])); /* Emma: no accent */
	n = list_ids(a, &f.op_acc, "ÉMI", "name", ids, 64);
	assert_int_equal(n, 2);
	n = list_ids(a, &f.op_acc, "Ém", "name", ids, 64);
	assert_int_equal(n, 3); /* and Zoé Émery, by last name */
	assert_true(has_id(ids, n, all[4]));
	n = list_ids(a, &f.op_acc, "EM", "name", ids, 64);
	assert_int_equal(n, 1); /* Emma only: folding keeps accents */
	assert_string_equal(ids[0], all[3]);
	n = list_ids(a, &f.op_acc, "ÉMIL", "-name", ids, 64);
	assert_int_equal(n, 2);
	n = list_ids(a, &f.op_acc, "Émile", "-name", ids, 64);
	assert_int_equal(n, 1); /* not émilie */
	assert_string_equal(ids[0], all[1]);
	n = list_ids(a, &f.op_acc, "émile zola", "name", ids, 64);
	assert_int_equal(n, 1);
	assert_string_equal(ids[0], all[1]);
	n = list_ids(a, &f.op_acc, "ANNA", "name", ids, 64);
	assert_int_equal(n, 2);
	n = list_ids(a, &f.op_acc, "ödön", "email", ids, 64);
	assert_int_equal(n, 1);
	assert_string_equal(ids[0], all[7]);
	n = list_ids(a, &f.op_acc, "ÖDÖN HORVÁTH", "name", ids, 64);
	assert_int_equal(n, 1);
	n = list_ids(a, &f.op_acc, "robert-", "name", ids, 64); /* the email */
	assert_int_equal(n, 1);
	assert_string_equal(ids[0], all[8]);
	n = list_ids(a, &f.op_acc, "mile", "name", ids, 64); /* a prefix, not a substring */
	assert_int_equal(n, 0);
	n = list_ids(a, &f.op_acc, "", "name", ids, 64);
	assert_int_equal(n, total);

	/* paging a search by 1 */
	const char *cursor = NULL;
	int found = 0;
	for (int guard = 0; guard < 10; guard++) {
		struct member_page_query pq = {.q = "ÉM", .sort = "name", .limit = 1};
		if (cursor)
			assert_true(cursor_decode(a, test_key, "members", cursor, &pq.after_key, &pq.after_id));
		struct collect cc = {.a = a};
		assert_int_equal(member_page(tctx(&app, a, NULL, NULL, &f.op_acc), &pq, collect_cb, &cc, &e), E_OK);
		if (!cc.n)
			break;
		found++;
		cursor = cursor_encode(a, test_key, "members", cc.last_key, cc.last_id);
	}
	assert_int_equal(found, 3);

	/* a role filter */
	struct member_page_query rq = {.role = ROLE_ADMINISTRATOR, .limit = 10};
	struct collect rc = {.a = a};
	assert_int_equal(member_page(tctx(&app, a, NULL, NULL, &f.op_acc), &rq, collect_cb, &rc, &e), E_OK);
	assert_int_equal(rc.n, 1);
	assert_string_equal(rc.ids[0], f.admin.id);
	arena_free(a);
}

/* The card a list shows for one member (searched by its email), parsed. */
static json_t *listed_card(struct arena *a, const struct org_access *acc, const char *email, const char *sort)
{
	struct member_page_query pq = {.q = email, .sort = sort, .limit = 10};
	struct collect c = {.a = a};
	struct err e;
	err_clear(&e);
	assert_int_equal(member_page(tctx(&app, a, NULL, NULL, acc), &pq, collect_cb, &c, &e), E_OK);
	assert_int_equal(c.n, 1);
	json_t *j = json_loads(c.cards[0], 0, NULL);
	assert_non_null(j);
	return j;
}

static const char *card_str(json_t *card, const char *key)
{
	const char *v = json_string_value(json_object_get(card, key));
	assert_non_null(v);
	return v;
}

/* Every change to what a card shows rewrites it: role, profile, password
 * (updated_at), state. Lists (each strategy) and reads show the same card. */
static void cards_follow_every_change(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct fixture f;
	new_org(a, "Cards", &f);
	char email[128];
	struct member m;
	add_member(a, &f, test_email(email, sizeof email, "card"), "Carla", "Card", "member", "a long password 1", &m);
	const char *sorts[] = {NULL, "name", "email", "-created_at"};
	for (int i = 0; i < 4; i++) {
		json_t *c = listed_card(a, &f.op_acc, email, sorts[i]);
		assert_string_equal(card_str(c, "id"), m.user.id);
		assert_string_equal(card_str(c, "role"), "member");
		assert_string_equal(card_str(c, "first_name"), "Carla");
		assert_string_equal(card_str(c, "state"), "active");
		assert_null(json_object_get(c, "password_hash"));
		json_decref(c);
	}
	struct err e;
	err_clear(&e);
	struct member got;
	assert_int_equal(member_set_role(tctx(&app, a, NULL, &f.op, &f.op_acc), m.user.id, "moderator", &got, &e),
	                 E_OK);
	json_t *c = listed_card(a, &f.op_acc, email, NULL);
	assert_string_equal(card_str(c, "role"), "moderator");
	json_t *read = json_loads(got.card, 0, NULL);
	assert_true(json_equal(read, c));
	json_decref(read);
	json_decref(c);
	/* a search filtered by role sees the new role, in every order */
	for (int i = 0; i < 4; i++) {
		struct member_page_query rq = {.q = email, .sort = sorts[i], .role = "moderator", .limit = 10};
		struct collect rc = {.a = a};
		assert_int_equal(member_page(tctx(&app, a, NULL, NULL, &f.op_acc), &rq, collect_cb, &rc, &e), E_OK);
		assert_int_equal(rc.n, 1);
		rq.role = "member";
		rc.n = 0;
		assert_int_equal(member_page(tctx(&app, a, NULL, NULL, &f.op_acc), &rq, collect_cb, &rc, &e), E_OK);
		assert_int_equal(rc.n, 0);
	}

	struct auth who;
	test_user_auth(&m.user, &who);
	struct profile_patch p = {.first_name = "Carlotta", .company = "Acme"};
	struct user renamed;
	assert_int_equal(account_update_profile(tctx(&app, a, NULL, &who, NULL), &p, &renamed, &e), E_OK);
	c = listed_card(a, &f.op_acc, email, "email");
	assert_string_equal(card_str(c, "first_name"), "Carlotta");
	assert_string_equal(card_str(c, "company"), "Acme");
	const char *before = arena_strdup(a, card_str(c, "updated_at"));
	json_decref(c);

	usleep(2000); /* updated_at has millisecond resolution */
	struct login_result lr;
	struct auth signed_in;
	assert_int_equal(account_login(tctx(&app, a, NULL, NULL, NULL), email, "a long password 1", &lr, &e), E_OK);
	assert_int_equal(account_authenticate(tctx(&app, a, NULL, NULL, NULL), lr.token, &signed_in, &e), E_OK);
	assert_int_equal(account_change_password(tctx(&app, a, NULL, &signed_in, NULL), "a long password 1",
	                                         "another password 2", &e),
	                 E_OK);
	c = listed_card(a, &f.op_acc, email, NULL);
	assert_string_not_equal(card_str(c, "updated_at"), before);
	json_decref(c);

	assert_int_equal(account_disable(tctx(&app, a, NULL, NULL, NULL), email, &e), E_OK);
	c = listed_card(a, &f.op_acc, email, "name");
	assert_string_equal(card_str(c, "state"), "disabled");
	json_decref(c);
	assert_int_equal(member_get(tctx(&app, a, NULL, NULL, &f.op_acc), m.user.id, &got, &e), E_OK);
	assert_non_null(strstr(got.card, "\"state\":\"disabled\""));
	arena_free(a);
}

static void count_item(const struct member_item *it, void *arg)
{
	struct collect *c = arg;
	if (c->n < 64) {
		c->ids[c->n] = arena_strdup(c->a, it->sort_key);
		c->cards[c->n] = arena_strdup(c->a, it->card);
	}
	c->n++;
}

/* A database made before cards existed gets them (and the search terms'
 * previous terms) when migration 004 runs. */
static void upgrade_writes_the_cards_of_existing_members(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct test_fresh_db f;
	test_fresh_db_create(&f);
	struct store *st = NULL;
	struct err e;
	err_clear(&e);
	assert_int_equal(store_open(f.url, false, &st, &e), E_OK);
	assert_int_equal(store_migrate_to(st, 3, NULL, 0, &e), E_OK);
	assert_int_equal(store_schema_version(st, &e), 3);
	char uid[ID_MAX], oid[ID_MAX], sql[2048];
	id_new("usr", uid);
	id_new("org", oid);
	/* the rows as version 3 wrote them */
	snprintf(
	        sql, sizeof sql,
	        "INSERT INTO users (id, email, email_key, first_name, last_name, company, language, state, is_operator,"
	        " created_at, updated_at) VALUES ('%s', 'Marie.Martin@old.example', 'marie.martin@old.example', "
	        "'Marie',"
	        " 'Martin', 'Old \"Co\"', 'fr', 'active', 0, 1000, 2000);"
	        "INSERT INTO orgs (id, name, name_key, type, state, settings, created_at, updated_at)"
	        " VALUES ('%s', 'Old', 'old', 'enterprise', 'active', '{}', 1000, 1000);"
	        "INSERT INTO memberships (org_id, user_id, role, source, created_at, email_key, first_key, last_key,"
	        " full_key) VALUES ('%s', '%s', 'moderator', 'direct', 3000, 'marie.martin@old.example', 'marie',"
	        " 'martin', 'marie martin');"
	        "INSERT INTO member_terms (org_id, term, user_id) VALUES ('%s', 'marie.martin@old.example', '%s'),"
	        " ('%s', 'martin', '%s'), ('%s', 'marie martin', '%s');",
	        uid, oid, oid, uid, oid, uid, oid, uid, oid, uid);
	struct db *db = store_conn(st, &e);
	assert_non_null(db);
	assert_int_equal(db->drv->exec(db, sql), DB_OK);

	assert_int_equal(core_migrate(st, &e), E_OK);
	assert_int_equal(store_schema_version(st, &e), store_schema_latest());
	struct member m;
	assert_int_equal(store_member_get(db, a, oid, uid, &m, &e), E_OK);
	json_t *card = json_loads(m.card, 0, NULL);
	assert_non_null(card);
	assert_string_equal(card_str(card, "id"), uid);
	assert_string_equal(card_str(card, "role"), "moderator");
	assert_string_equal(card_str(card, "company"), "Old \"Co\"");
	assert_string_equal(card_str(card, "language"), "fr");
	assert_string_equal(card_str(card, "updated_at"), "1970-01-01T00:00:02.000Z");
	assert_string_equal(card_str(card, "joined_at"), "1970-01-01T00:00:03.000Z");
	json_decref(card);

	/* "mar" matches all three terms; the member comes once, at the first. */
	struct member_query q = {.org_id = oid, .sort = MEMBER_SORT_MATCH, .limit = 10, .q_lo = "mar"};
	q.q_hi = prefix_upper_bound(a, q.q_lo);
	struct collect c = {.a = a};
	assert_int_equal(store_member_list(db, &q, count_item, &c, &e), E_OK);
	assert_int_equal(c.n, 1);
	assert_string_equal(c.ids[0], "marie martin");
	assert_string_equal(c.cards[0], m.card);
	/* "mart" matches "martin" only after "marie martin" does not: found there. */
	q.q_lo = "mart";
	q.q_hi = prefix_upper_bound(a, q.q_lo);
	c.n = 0;
	assert_int_equal(store_member_list(db, &q, count_item, &c, &e), E_OK);
	assert_int_equal(c.n, 1);
	assert_string_equal(c.ids[0], "martin");
	assert_int_equal(m.card_version, MEMBER_CARD_VERSION);

	/* A card an older renderer wrote is written again at the next start, in
	 * the membership and in its search terms; current ones are left alone. */
	assert_int_equal(db->drv->exec(db, "UPDATE memberships SET card = '{\"old\":true}', card_version = 0;"
	                                   "UPDATE member_terms SET card = '{\"old\":true}'"),
	                 DB_OK);
	assert_int_equal(core_migrate(st, &e), E_OK);
	struct member again;
	assert_int_equal(store_member_get(db, a, oid, uid, &again, &e), E_OK);
	assert_string_equal(again.card, m.card);
	assert_int_equal(again.card_version, MEMBER_CARD_VERSION);
	q.q_lo = "mar";
	q.q_hi = prefix_upper_bound(a, q.q_lo);
	c.n = 0;
	assert_int_equal(store_member_list(db, &q, count_item, &c, &e), E_OK);
	assert_string_equal(c.cards[0], m.card);
	assert_int_equal(db->drv->exec(db, "UPDATE memberships SET card = '{\"kept\":true}'"), DB_OK);
	assert_int_equal(core_migrate(st, &e), E_OK);
	assert_int_equal(store_member_get(db, a, oid, uid, &again, &e), E_OK);
	assert_string_equal(again.card, "{\"kept\":true}");
	store_free(st);
	test_fresh_db_drop(&f);
	arena_free(a);
}

/* ---- access: the provider's rights, the module gate, role changes and
 * demotions racing the writes they should stop ---- */

static void add_member_in(struct arena *a, const struct auth *op, const struct org_access *op_acc, const char *prefix,
                          const char *role, struct member *m, struct auth *who)
{
	struct err e;
	err_clear(&e);
	char email[128];
	struct user_new n = {.email = test_email(email, sizeof email, prefix), .first_name = prefix};
	if (member_create(tctx(&app, a, NULL, op, op_acc), &n, role, m, &e))
		fail_msg("member_create %s: %s", prefix, err_message(&e));
	if (who)
		test_user_auth(&m->user, who);
}

static void add_role(struct arena *a, const struct fixture *f, const char *name, const char *const *perms)
{
	struct err e;
	err_clear(&e);
	struct role_view rv;
	if (role_create(tctx(&app, a, NULL, &f->op, &f->op_acc), name, NULL, perms, &rv, &e))
		fail_msg("role_create %s: %s", name, err_message(&e));
}

static void set_role(struct arena *a, const struct auth *op, const struct org_access *op_acc, const char *user_id,
                     const char *role)
{
	struct err e;
	err_clear(&e);
	struct member m;
	if (member_set_role(tctx(&app, a, NULL, op, op_acc), user_id, role, &m, &e))
		fail_msg("member_set_role %s: %s", role, err_message(&e));
}

static void set_module(struct arena *a, struct fixture *f, const char *module, bool on)
{
	struct err e;
	err_clear(&e);
	if (org_module_set(tctx(&app, a, NULL, &f->op, &f->op_acc), module, on, &e))
		fail_msg("org_module_set: %s", err_message(&e));
}

static err_code reach(struct arena *a, const struct auth *who, const char *org_id, perm need, unsigned needs,
                      struct org_access *out)
{
	struct org_access scratch;
	struct err e;
	err_clear(&e);
	return authz_org(tctx(&app, a, NULL, who, NULL), org_id, need, needs, out ? out : &scratch, &e);
}

/* A provider (an enterprise with customer_login on) and its corporate customer. */
struct world {
	struct fixture p;
	struct org cust;
	struct org_access cust_op; /* the operator's access to the customer */
};

static void new_world(struct arena *a, const char *name, struct world *w)
{
	struct err e;
	err_clear(&e);
	new_org(a, name, &w->p);
	set_module(a, &w->p, MODULE_CUSTOMER_LOGIN, true);
	if (org_customer_create(tctx(&app, a, NULL, &w->p.op, &w->p.op_acc), "Its Customer", "corporate", &w->cust,
	                        &e) ||
	    authz_org(tctx(&app, a, NULL, &w->p.op, NULL), w->cust.id, PERM_NONE, 0, &w->cust_op, &e))
		fail_msg("customer: %s", err_message(&e));
}

static const char *const customers_write[] = {"customers:write", NULL};
static const char *const customers_read[] = {"customers:read", NULL};

static int count_members(struct arena *a, const struct org_access *acc, const char *q)
{
	const char *ids[64];
	return list_ids(a, acc, q, "name", ids, 64);
}

static const char *role_of(struct arena *a, const struct org_access *acc, const char *user_id)
{
	struct member m;
	struct err e;
	err_clear(&e);
	err_code rc = member_get(tctx(&app, a, NULL, NULL, acc), user_id, &m, &e);
	return rc == E_OK ? m.role : NULL;
}

struct role_find {
	const char *name;
	bool found;
	permset perms;
};

static void role_find_cb(const struct role_view *v, void *arg)
{
	struct role_find *f = arg;
	if (!strcmp(v->name, f->name)) {
		f->found = true;
		f->perms = v->perms;
	}
}

/* The role's permissions, or -1 when there is no such role. */
static int64_t role_perms_of(struct arena *a, const struct org_access *acc, const char *name)
{
	struct role_find f = {.name = name};
	struct err e;
	err_clear(&e);
	if (role_list(tctx(&app, a, NULL, NULL, acc), role_find_cb, &f, &e))
		fail_msg("role_list: %s", err_message(&e));
	return f.found ? (int64_t)f.perms : -1;
}

#define PS(x) PERMSET(PERM_##x)

static void count_org(const struct org *o, const char *role, void *arg)
{
	(void)o;
	(void)role;
	(*(int *)arg)++;
}

/* DESIGN.md §3.3: with customers:write, a provider's people act in the
 * customer as its administrators do: any of its roles, administrator too. */
static void the_provider_gives_its_customer_any_role(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct err e;
	struct world w;
	new_world(a, "Service Co", &w);
	struct auth padmin;
	test_user_auth(&w.p.admin, &padmin);
	struct org_access acc;
	assert_int_equal(reach(a, &padmin, w.cust.id, PERM_MEMBERS_WRITE, AUTHZ_CUSTOMER_LOGIN, &acc), E_OK);
	assert_int_equal(acc.via, VIA_PROVIDER);
	assert_int_equal(acc.perms, role_builtin(ROLE_ADMINISTRATOR)->perms);
	char email[128];
	struct user_new n = {.email = test_email(email, sizeof email, "cust-admin"), .first_name = "Cara"};
	struct member m;
	err_clear(&e);
	assert_int_equal(member_create(tctx(&app, a, NULL, &padmin, &acc), &n, ROLE_ADMINISTRATOR, &m, &e), E_OK);
	assert_string_equal(m.role, ROLE_ADMINISTRATOR);
	assert_string_equal(m.source, "direct");
	struct user_new n2 = {.email = test_email(email, sizeof email, "cust-mod"), .first_name = "Mo"};
	struct member mod;
	assert_int_equal(member_create(tctx(&app, a, NULL, &padmin, &acc), &n2, "moderator", &mod, &e), E_OK);

	/* customers:write alone, through a custom role of the provider: the same */
	add_role(a, &w.p, "account_manager", customers_write);
	add_role(a, &w.p, "account_viewer", customers_read);
	struct member amm, avm;
	struct auth am, av;
	add_member_in(a, &w.p.op, &w.p.op_acc, "am", "account_manager", &amm, &am);
	add_member_in(a, &w.p.op, &w.p.op_acc, "av", "account_viewer", &avm, &av);
	assert_int_equal(reach(a, &am, w.cust.id, PERM_MEMBERS_WRITE, AUTHZ_CUSTOMER_LOGIN, &acc), E_OK);
	struct user_new n3 = {.email = test_email(email, sizeof email, "by-am"), .first_name = "Al"};
	err_clear(&e);
	assert_int_equal(member_create(tctx(&app, a, NULL, &am, &acc), &n3, ROLE_ADMINISTRATOR, &m, &e), E_OK);
	struct member changed;
	assert_int_equal(reach(a, &am, w.cust.id, PERM_MEMBERS_WRITE, 0, &acc), E_OK);
	assert_int_equal(member_set_role(tctx(&app, a, NULL, &am, &acc), mod.user.id, ROLE_ADMINISTRATOR, &changed, &e),
	                 E_OK);
	assert_string_equal(changed.role, ROLE_ADMINISTRATOR);
	/* and manages the customer's administrators: one of them goes */
	assert_int_equal(member_remove(tctx(&app, a, NULL, &am, &acc), mod.user.id, &e), E_OK);
	/* the customer's roles and settings, as its administrators */
	assert_int_equal(reach(a, &am, w.cust.id, PERM_ROLES_WRITE, 0, NULL), E_OK);
	assert_int_equal(reach(a, &am, w.cust.id, PERM_ORG_WRITE, 0, NULL), E_OK);
	/* in the provider itself, nothing beyond their role there */
	assert_int_equal(reach(a, &am, w.p.org.id, PERM_MEMBERS_WRITE, 0, NULL), E_FORBIDDEN);

	/* customers:read: reading */
	assert_int_equal(reach(a, &av, w.cust.id, PERM_MEMBERS_READ, 0, &acc), E_OK);
	assert_int_equal(acc.perms & (PS(MEMBERS_WRITE) | PS(ROLES_WRITE) | PS(ORG_WRITE)), 0);
	assert_int_equal(reach(a, &av, w.cust.id, PERM_MEMBERS_WRITE, AUTHZ_CUSTOMER_LOGIN, NULL), E_FORBIDDEN);
	assert_int_equal(reach(a, &av, w.cust.id, PERM_MEMBERS_WRITE, 0, NULL), E_FORBIDDEN);
	arena_free(a);
}

/* customer_login off: creating logins in the customer answers
 * module_disabled for everyone, and the customer's own people do not
 * reach it; 404 and org_closed come first, the permission after. */
static void the_module_gate_answers_first(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct err e;
	struct world w;
	new_world(a, "Gatekeeper", &w);
	add_role(a, &w.p, "account_viewer", customers_read);
	struct member cam, avm, cam2;
	struct auth ca, av, padmin;
	add_member_in(a, &w.p.op, &w.cust_op, "cust-admin", ROLE_ADMINISTRATOR, &cam, &ca);
	add_member_in(a, &w.p.op, &w.cust_op, "cust-admin2", ROLE_ADMINISTRATOR, &cam2, NULL);
	add_member_in(a, &w.p.op, &w.p.op_acc, "av", "account_viewer", &avm, &av);
	test_user_auth(&w.p.admin, &padmin);
	struct fixture other;
	new_org(a, "Elsewhere", &other);
	struct auth stranger;
	test_user_auth(&other.admin, &stranger);

	set_module(a, &w.p, MODULE_CUSTOMER_LOGIN, false);
	struct org_access acc;
	err_clear(&e);
	assert_int_equal(authz_org(tctx(&app, a, NULL, &av, NULL), w.cust.id, PERM_MEMBERS_WRITE, AUTHZ_CUSTOMER_LOGIN,
	                           &acc, &e),
	                 E_MODULE_DISABLED);
	assert_string_equal(e.field, "module");
	assert_non_null(strstr(err_message(&e), MODULE_CUSTOMER_LOGIN));
	assert_int_equal(reach(a, &padmin, w.cust.id, PERM_MEMBERS_WRITE, AUTHZ_CUSTOMER_LOGIN, NULL),
	                 E_MODULE_DISABLED);
	assert_int_equal(reach(a, &w.p.op, w.cust.id, PERM_MEMBERS_WRITE, AUTHZ_CUSTOMER_LOGIN, NULL),
	                 E_MODULE_DISABLED);
	assert_int_equal(reach(a, &ca, w.cust.id, PERM_MEMBERS_WRITE, AUTHZ_CUSTOMER_LOGIN, NULL), E_MODULE_DISABLED);
	assert_int_equal(reach(a, &stranger, w.cust.id, PERM_MEMBERS_WRITE, AUTHZ_CUSTOMER_LOGIN, NULL), E_NOT_FOUND);
	/* the customer's own people do not reach it at all */
	err_clear(&e);
	assert_int_equal(authz_org(tctx(&app, a, NULL, &ca, NULL), w.cust.id, PERM_NONE, 0, &acc, &e),
	                 E_MODULE_DISABLED);
	assert_string_equal(e.field, "module");
	assert_int_equal(reach(a, &ca, w.cust.id, PERM_MEMBERS_READ, 0, NULL), E_MODULE_DISABLED);
	/* the provider's staff and operators do */
	assert_int_equal(reach(a, &padmin, w.cust.id, PERM_MEMBERS_WRITE, 0, &acc), E_OK);
	assert_int_equal(acc.via, VIA_PROVIDER);
	assert_int_equal(reach(a, &av, w.cust.id, PERM_MEMBERS_READ, 0, NULL), E_OK);
	assert_int_equal(reach(a, &w.p.op, w.cust.id, PERM_MEMBERS_WRITE, 0, NULL), E_OK);
	assert_int_equal(reach(a, &stranger, w.cust.id, PERM_NONE, 0, NULL), E_NOT_FOUND);
	/* and the gate counts only in customers */
	assert_int_equal(reach(a, &padmin, w.p.org.id, PERM_MEMBERS_WRITE, AUTHZ_CUSTOMER_LOGIN, NULL), E_OK);

	/* on again: the customer's administrator is back, as a member */
	set_module(a, &w.p, MODULE_CUSTOMER_LOGIN, true);
	assert_int_equal(reach(a, &ca, w.cust.id, PERM_MEMBERS_WRITE, AUTHZ_CUSTOMER_LOGIN, &acc), E_OK);
	assert_int_equal(acc.via, VIA_MEMBER);
	assert_int_equal(reach(a, &av, w.cust.id, PERM_MEMBERS_WRITE, AUTHZ_CUSTOMER_LOGIN, NULL), E_FORBIDDEN);

	/* switched off between authz and the write: the write sees it */
	set_module(a, &w.p, MODULE_CUSTOMER_LOGIN, false);
	char email[128];
	struct user_new n = {.email = test_email(email, sizeof email, "late-login")};
	struct member m;
	err_clear(&e);
	assert_int_equal(member_create(tctx(&app, a, NULL, &ca, &acc), &n, "member", &m, &e), E_MODULE_DISABLED);
	assert_int_equal(count_members(a, &w.cust_op, email), 0);
	struct org_access pacc;
	assert_int_equal(reach(a, &padmin, w.cust.id, PERM_MEMBERS_WRITE, AUTHZ_CUSTOMER_LOGIN, &pacc),
	                 E_MODULE_DISABLED);
	/* what needs no login goes on for the provider's staff */
	assert_int_equal(reach(a, &padmin, w.cust.id, PERM_MEMBERS_WRITE, 0, &pacc), E_OK);
	struct member changed;
	assert_int_equal(member_set_role(tctx(&app, a, NULL, &padmin, &pacc), cam2.user.id, "moderator", &changed, &e),
	                 E_OK);
	/* closed comes before the module */
	struct org_access cust_op;
	assert_int_equal(authz_org(tctx(&app, a, NULL, &w.p.op, NULL), w.cust.id, PERM_NONE, 0, &cust_op, &e), E_OK);
	assert_int_equal(org_close(tctx(&app, a, NULL, &w.p.op, &cust_op), &e), E_OK);
	assert_int_equal(reach(a, &ca, w.cust.id, PERM_NONE, 0, NULL), E_ORG_CLOSED);
	assert_int_equal(reach(a, &padmin, w.cust.id, PERM_MEMBERS_WRITE, AUTHZ_CUSTOMER_LOGIN, NULL), E_ORG_CLOSED);
	arena_free(a);
}

/* Changing or deleting a custom role needs every permission it has now
 * and every one it will have: roles:write alone does not weaken those
 * stronger than the caller. */
static void changing_a_role_needs_what_it_holds(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct err e;
	struct fixture f;
	new_org(a, "Role Keepers", &f);
	const char *const auditor[] = {"audit:read", "members:read", NULL};
	const char *const reader[] = {"members:read", NULL};
	const char *const rolemgr[] = {"roles:write", "members:read", NULL};
	const char *const strong[] = {"org:write", NULL};
	add_role(a, &f, "auditor", auditor);
	add_role(a, &f, "reader", reader);
	add_role(a, &f, "rolemgr", rolemgr);
	add_role(a, &f, "strong", strong);
	struct member bob, carla;
	struct auth c;
	add_member_in(a, &f.op, &f.op_acc, "bob", "auditor", &bob, NULL);
	add_member_in(a, &f.op, &f.op_acc, "carla", "rolemgr", &carla, &c);
	struct org_access acc;
	assert_int_equal(reach(a, &c, f.org.id, PERM_ROLES_WRITE, 0, &acc), E_OK);
	const permset auditor_perms = PS(AUDIT_READ) | PS(MEMBERS_READ);
	struct role_view rv;

	/* stripping a stronger role, even down to what the caller holds */
	const char *const to_reader[] = {"members:read", NULL};
	err_clear(&e);
	assert_int_equal(role_update(tctx(&app, a, NULL, &c, &acc), "auditor", NULL, to_reader, &rv, &e), E_FORBIDDEN);
	assert_null(e.field);
	assert_int_equal(role_perms_of(a, &f.op_acc, "auditor"), auditor_perms);
	/* nor touching it otherwise */
	assert_int_equal(role_update(tctx(&app, a, NULL, &c, &acc), "auditor", "Mine now", NULL, &rv, &e), E_FORBIDDEN);
	assert_int_equal(role_update(tctx(&app, a, NULL, &c, &acc), "auditor", NULL, auditor, &rv, &e), E_FORBIDDEN);
	/* nor deleting one (unused, so only the rule stops it) */
	err_clear(&e);
	assert_int_equal(role_delete(tctx(&app, a, NULL, &c, &acc), "strong", &e), E_FORBIDDEN);
	assert_int_equal(role_perms_of(a, &f.op_acc, "strong"), PS(ORG_WRITE));
	/* an unknown role is still 404 */
	assert_int_equal(role_update(tctx(&app, a, NULL, &c, &acc), "ghost", NULL, to_reader, &rv, &e), E_NOT_FOUND);
	assert_int_equal(role_delete(tctx(&app, a, NULL, &c, &acc), "ghost", &e), E_NOT_FOUND);
	/* and escalating stays refused, on the permissions field */
	const char *const more[] = {"members:read", "members:write", NULL};
	err_clear(&e);
	assert_int_equal(role_update(tctx(&app, a, NULL, &c, &acc), "reader", NULL, more, &rv, &e), E_FORBIDDEN);
	assert_string_equal(e.field, "permissions");
	assert_int_equal(role_perms_of(a, &f.op_acc, "reader"), PS(MEMBERS_READ));
	/* within what they hold, all is theirs */
	const char *const none[] = {NULL};
	err_clear(&e);
	assert_int_equal(role_update(tctx(&app, a, NULL, &c, &acc), "reader", "Reads nothing", none, &rv, &e), E_OK);
	assert_int_equal(rv.perms, 0);
	assert_int_equal(role_update(tctx(&app, a, NULL, &c, &acc), "reader", NULL, to_reader, &rv, &e), E_OK);
	assert_int_equal(role_delete(tctx(&app, a, NULL, &c, &acc), "reader", &e), E_OK);
	assert_int_equal(role_perms_of(a, &f.op_acc, "reader"), -1);
	/* the administrator may */
	struct auth admin;
	struct org_access aacc;
	test_user_auth(&f.admin, &admin);
	assert_int_equal(reach(a, &admin, f.org.id, PERM_ROLES_WRITE, 0, &aacc), E_OK);
	assert_int_equal(role_update(tctx(&app, a, NULL, &admin, &aacc), "auditor", NULL, to_reader, &rv, &e), E_OK);
	assert_int_equal(role_perms_of(a, &f.op_acc, "auditor"), PS(MEMBERS_READ));
	assert_int_equal(role_delete(tctx(&app, a, NULL, &admin, &aacc), "strong", &e), E_OK);
	/* and once the role is no stronger than carla, she may too */
	assert_int_equal(role_update(tctx(&app, a, NULL, &c, &acc), "auditor", "Reads members", NULL, &rv, &e), E_OK);
	arena_free(a);
}

/* The caller is demoted after authz_org() and before the write: every
 * write sees it, refuses, and changes nothing. */
static void a_demotion_before_the_write_stops_it(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct err e;
	struct fixture f;
	new_org(a, "Demotions Ltd", &f);
	const char *const spare[] = {"members:read", NULL};
	add_role(a, &f, "spare", spare);
	struct member dana, mo;
	struct auth d;
	add_member_in(a, &f.op, &f.op_acc, "dana", ROLE_ADMINISTRATOR, &dana, &d);
	add_member_in(a, &f.op, &f.op_acc, "mo", "moderator", &mo, NULL);
	struct org_access acc;
	char email[128];
	struct member m;
	struct role_view rv;
	const char *const none[] = {NULL};
#define STALE(need)                                                                                                    \
	do {                                                                                                           \
		set_role(a, &f.op, &f.op_acc, dana.user.id, ROLE_ADMINISTRATOR);                                       \
		assert_int_equal(reach(a, &d, f.org.id, need, 0, &acc), E_OK);                                         \
		set_role(a, &f.op, &f.op_acc, dana.user.id, "member");                                                 \
		err_clear(&e);                                                                                         \
	} while (0)

	STALE(PERM_MEMBERS_WRITE);
	struct user_new n = {.email = test_email(email, sizeof email, "late")};
	assert_int_equal(member_create(tctx(&app, a, NULL, &d, &acc), &n, "member", &m, &e), E_FORBIDDEN);
	assert_int_equal(count_members(a, &f.op_acc, email), 0);

	STALE(PERM_MEMBERS_WRITE);
	assert_int_equal(member_set_role(tctx(&app, a, NULL, &d, &acc), mo.user.id, "member", &m, &e), E_FORBIDDEN);
	assert_string_equal(role_of(a, &f.op_acc, mo.user.id), "moderator");

	STALE(PERM_MEMBERS_WRITE);
	assert_int_equal(member_remove(tctx(&app, a, NULL, &d, &acc), mo.user.id, &e), E_FORBIDDEN);
	assert_string_equal(role_of(a, &f.op_acc, mo.user.id), "moderator");

	STALE(PERM_MEMBERS_WRITE);
	const char *ids[] = {mo.user.id};
	err_code res[1];
	assert_int_equal(member_remove_bulk(tctx(&app, a, NULL, &d, &acc), ids, 1, res, &e), E_OK);
	assert_int_equal(res[0], E_FORBIDDEN);
	assert_string_equal(role_of(a, &f.op_acc, mo.user.id), "moderator");

	STALE(PERM_ROLES_WRITE);
	assert_int_equal(role_create(tctx(&app, a, NULL, &d, &acc), "late", NULL, none, &rv, &e), E_FORBIDDEN);
	assert_int_equal(role_perms_of(a, &f.op_acc, "late"), -1);

	STALE(PERM_ROLES_WRITE);
	assert_int_equal(role_update(tctx(&app, a, NULL, &d, &acc), "spare", NULL, none, &rv, &e), E_FORBIDDEN);
	assert_int_equal(role_perms_of(a, &f.op_acc, "spare"), PS(MEMBERS_READ));

	STALE(PERM_ROLES_WRITE);
	assert_int_equal(role_delete(tctx(&app, a, NULL, &d, &acc), "spare", &e), E_FORBIDDEN);
	assert_int_equal(role_perms_of(a, &f.op_acc, "spare"), PS(MEMBERS_READ));

	STALE(PERM_ORG_WRITE);
	struct org o;
	assert_int_equal(org_update(tctx(&app, a, NULL, &d, &acc), "Renamed", NULL, &o, &e), E_FORBIDDEN);
	struct org_access now;
	assert_int_equal(reach(a, &f.op, f.org.id, PERM_NONE, 0, &now), E_OK);
	assert_string_equal(now.org.name, "Demotions Ltd");

	STALE(PERM_CUSTOMERS_WRITE);
	assert_int_equal(org_customer_create(tctx(&app, a, NULL, &d, &acc), "Late Customer", "corporate", &o, &e),
	                 E_FORBIDDEN);
	int customers = 0;
	err_clear(&e);
	struct list_query cq = {.spec = &customer_list_spec, .limit = 10, .fetch = 10};
	assert_int_equal(org_customer_list(tctx(&app, a, NULL, NULL, &f.op_acc), &cq, count_org, &customers, &e), E_OK);
	assert_int_equal(customers, 0);

	/* removed rather than demoted: the organization is gone for them */
	set_role(a, &f.op, &f.op_acc, dana.user.id, ROLE_ADMINISTRATOR);
	assert_int_equal(reach(a, &d, f.org.id, PERM_MEMBERS_WRITE, 0, &acc), E_OK);
	err_clear(&e);
	assert_int_equal(member_remove(tctx(&app, a, NULL, &f.op, &f.op_acc), dana.user.id, &e), E_OK);
	struct user_new n2 = {.email = test_email(email, sizeof email, "gone")};
	assert_int_equal(member_create(tctx(&app, a, NULL, &d, &acc), &n2, "member", &m, &e), E_NOT_FOUND);
	assert_int_equal(count_members(a, &f.op_acc, email), 0);

	/* what a write gives is judged on the fresh permissions too */
	const char *const hr[] = {"members:read", "members:write", NULL};
	add_role(a, &f, "hr", hr);
	struct member hanna;
	struct auth h;
	add_member_in(a, &f.op, &f.op_acc, "hanna", ROLE_ADMINISTRATOR, &hanna, &h);
	assert_int_equal(reach(a, &h, f.org.id, PERM_MEMBERS_WRITE, 0, &acc), E_OK);
	set_role(a, &f.op, &f.op_acc, hanna.user.id, "hr");
	struct user_new n3 = {.email = test_email(email, sizeof email, "too-strong")};
	err_clear(&e);
	assert_int_equal(member_create(tctx(&app, a, NULL, &h, &acc), &n3, "moderator", &m, &e), E_FORBIDDEN);
	assert_string_equal(e.field, "role");
	assert_int_equal(count_members(a, &f.op_acc, email), 0);
	assert_int_equal(member_remove(tctx(&app, a, NULL, &h, &acc), mo.user.id, &e), E_FORBIDDEN);
	assert_int_equal(member_create(tctx(&app, a, NULL, &h, &acc), &n3, "member", &m, &e), E_OK);
#undef STALE
	arena_free(a);
}

/* Through the provider: demoted there, or the customer's administrator
 * demoted in the customer, between authz_org() and the write. */
static void a_demotion_through_the_provider_stops_the_write(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct err e;
	struct world w;
	new_world(a, "Provider Demotions", &w);
	add_role(a, &w.p, "account_manager", customers_write);
	struct member pmm, cam, cam2;
	struct auth pm, ca;
	add_member_in(a, &w.p.op, &w.p.op_acc, "pm", "account_manager", &pmm, &pm);
	add_member_in(a, &w.p.op, &w.cust_op, "ca", ROLE_ADMINISTRATOR, &cam, &ca);
	add_member_in(a, &w.p.op, &w.cust_op, "ca2", ROLE_ADMINISTRATOR, &cam2, NULL);
	struct org_access acc;
	char email[128];
	struct member m;

	/* customers:write taken away in the provider */
	assert_int_equal(reach(a, &pm, w.cust.id, PERM_MEMBERS_WRITE, AUTHZ_CUSTOMER_LOGIN, &acc), E_OK);
	set_role(a, &w.p.op, &w.p.op_acc, pmm.user.id, "member");
	struct user_new n = {.email = test_email(email, sizeof email, "via-provider")};
	err_clear(&e);
	assert_int_equal(member_create(tctx(&app, a, NULL, &pm, &acc), &n, "member", &m, &e), E_NOT_FOUND);
	assert_int_equal(count_members(a, &w.cust_op, email), 0);

	/* independence by the customer's administrator, demoted meanwhile */
	assert_int_equal(reach(a, &ca, w.cust.id, PERM_NONE, 0, &acc), E_OK);
	set_role(a, &w.p.op, &w.cust_op, cam.user.id, "moderator");
	struct org o;
	err_clear(&e);
	assert_int_equal(org_make_independent(tctx(&app, a, NULL, &ca, &acc), &o, &e), E_FORBIDDEN);
	struct org_access now;
	assert_int_equal(reach(a, &w.p.op, w.cust.id, PERM_NONE, 0, &now), E_OK);
	assert_string_equal(now.org.type, "customer");
	assert_string_equal(now.org.provider_id, w.p.org.id);
	/* not an administrator of either: refused, with no error of the database taken for a no */
	struct auth padmin;
	test_user_auth(&w.p.admin, &padmin);
	set_role(a, &w.p.op, &w.p.op_acc, pmm.user.id, "account_manager");
	assert_int_equal(reach(a, &pm, w.cust.id, PERM_NONE, 0, &acc), E_OK);
	assert_int_equal(org_make_independent(tctx(&app, a, NULL, &pm, &acc), &o, &e), E_FORBIDDEN);
	/* the provider's administrator may */
	assert_int_equal(reach(a, &padmin, w.cust.id, PERM_NONE, 0, &acc), E_OK);
	err_clear(&e);
	assert_int_equal(org_make_independent(tctx(&app, a, NULL, &padmin, &acc), &o, &e), E_OK);
	assert_string_equal(o.type, "enterprise");
	/* and a write that read the access before independence finds nothing */
	struct user_new n2 = {.email = test_email(email, sizeof email, "after-independence")};
	assert_int_equal(member_create(tctx(&app, a, NULL, &padmin, &acc), &n2, "member", &m, &e), E_NOT_FOUND);
	arena_free(a);
}

/* ---- the lock protocol (authz.h, authz_org_recheck), under concurrency ---- */

/* A transaction held open on another thread: it takes the locks a write or
 * a demotion takes, makes the demotion if asked, says so, and holds on for
 * hold_ms before it commits. */
struct holder {
	const char *lock_id;                 /* store_org_lock, as a demotion or a write in that organization */
	const char *share_id;                /* store_org_lock_shared, as a write in one of its customers */
	const char *org_id, *user_id, *role; /* a demotion: the member's new role */
	const char *module_org;              /* or customer_login switched off there */
	int hold_ms;
	struct arena *a;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	bool held;
	int64_t released_ns; /* just before the commit */
	err_code rc;
	pthread_t th;
};

static err_code holder_tx(struct db *db, void *arg, struct err *e)
{
	struct holder *h = arg;
	if (h->lock_id && store_org_lock(db, h->lock_id, e))
		return e->code;
	if (h->share_id && store_org_lock_shared(db, h->share_id, e))
		return e->code;
	if (h->user_id) {
		struct member m;
		if (store_member_get(db, h->a, h->org_id, h->user_id, &m, e))
			return e->code;
		m.role = h->role;
		if (store_member_set_role(db, h->org_id, h->user_id, h->role, member_card(h->a, &m),
		                          MEMBER_CARD_VERSION, e))
			return e->code;
	}
	if (h->module_org && store_module_disable(db, h->module_org, MODULE_CUSTOMER_LOGIN, e))
		return e->code;
	pthread_mutex_lock(&h->mu);
	h->held = true;
	pthread_cond_signal(&h->cv);
	pthread_mutex_unlock(&h->mu);
	usleep((useconds_t)h->hold_ms * 1000);
	h->released_ns = clock_mono_ns();
	return E_OK;
}

static void *holder_run(void *arg)
{
	struct holder *h = arg;
	struct err e;
	err_clear(&e);
	h->rc = store_tx(app.store, true, holder_tx, h, &e);
	return NULL;
}

/* Returns once the holder's transaction holds its locks (and made its change). */
static void holder_start(struct holder *h)
{
	h->a = arena_new();
	h->held = false;
	if (!h->hold_ms)
		h->hold_ms = 300;
	pthread_mutex_init(&h->mu, NULL);
	pthread_cond_init(&h->cv, NULL);
	pthread_create(&h->th, NULL, holder_run, h);
	pthread_mutex_lock(&h->mu);
	while (!h->held)
		pthread_cond_wait(&h->cv, &h->mu);
	pthread_mutex_unlock(&h->mu);
}

/* Joins the holder; the call that ran meanwhile ended at done_ns, and must
 * have waited for the holder's commit. */
static void holder_join(struct holder *h, int64_t done_ns, const char *what)
{
	pthread_join(h->th, NULL);
	assert_int_equal(h->rc, E_OK);
	if (done_ns < h->released_ns)
		fail_msg("%s did not wait for the transaction that held the lock", what);
	pthread_mutex_destroy(&h->mu);
	pthread_cond_destroy(&h->cv);
	arena_free(h->a);
}

/* A demotion in flight (changed, not committed) when the write starts: the
 * write waits for it, then sees it. On PostgreSQL a read that did not wait
 * would see the old role and let the write through. */
static void a_write_waits_for_a_demotion_in_flight(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct err e;
	char email[128];
	struct member m;
	struct org_access acc;

	/* in the organization itself */
	struct fixture f;
	new_org(a, "In Flight", &f);
	struct member dana;
	struct auth d;
	add_member_in(a, &f.op, &f.op_acc, "dana", ROLE_ADMINISTRATOR, &dana, &d);
	assert_int_equal(reach(a, &d, f.org.id, PERM_MEMBERS_WRITE, 0, &acc), E_OK);
	struct holder h = {.lock_id = f.org.id, .org_id = f.org.id, .user_id = dana.user.id, .role = "member"};
	holder_start(&h);
	struct user_new n = {.email = test_email(email, sizeof email, "in-flight")};
	err_clear(&e);
	err_code rc = member_create(tctx(&app, a, NULL, &d, &acc), &n, "member", &m, &e);
	holder_join(&h, clock_mono_ns(), "member_create");
	assert_int_equal(rc, E_FORBIDDEN);
	assert_int_equal(count_members(a, &f.op_acc, email), 0);

	/* in the provider, for a write in its customer */
	struct world w;
	new_world(a, "In Flight Provider", &w);
	add_role(a, &w.p, "account_manager", customers_write);
	struct member pmm, cam;
	struct auth pm, ca;
	add_member_in(a, &w.p.op, &w.p.op_acc, "pm", "account_manager", &pmm, &pm);
	add_member_in(a, &w.p.op, &w.cust_op, "ca", ROLE_ADMINISTRATOR, &cam, &ca);
	assert_int_equal(reach(a, &pm, w.cust.id, PERM_MEMBERS_WRITE, AUTHZ_CUSTOMER_LOGIN, &acc), E_OK);
	struct holder hp = {.lock_id = w.p.org.id, .org_id = w.p.org.id, .user_id = pmm.user.id, .role = "member"};
	holder_start(&hp);
	struct user_new n2 = {.email = test_email(email, sizeof email, "in-flight-provider")};
	err_clear(&e);
	rc = member_create(tctx(&app, a, NULL, &pm, &acc), &n2, "member", &m, &e);
	holder_join(&hp, clock_mono_ns(), "member_create in the customer");
	assert_int_equal(rc, E_NOT_FOUND);
	assert_int_equal(count_members(a, &w.cust_op, email), 0);

	/* the module switched off in the provider, for the customer's administrator */
	assert_int_equal(reach(a, &ca, w.cust.id, PERM_MEMBERS_WRITE, AUTHZ_CUSTOMER_LOGIN, &acc), E_OK);
	struct holder hm = {.lock_id = w.p.org.id, .module_org = w.p.org.id};
	holder_start(&hm);
	struct user_new n3 = {.email = test_email(email, sizeof email, "in-flight-module")};
	err_clear(&e);
	rc = member_create(tctx(&app, a, NULL, &ca, &acc), &n3, "member", &m, &e);
	holder_join(&hm, clock_mono_ns(), "member_create by the customer");
	assert_int_equal(rc, E_MODULE_DISABLED);
	assert_int_equal(count_members(a, &w.cust_op, email), 0);
	arena_free(a);
}

/* The other way round: a write in flight holds the locks it took, and
 * every change that could demote its caller waits for it to commit. */
static void demotions_wait_for_the_writes_in_flight(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct err e;
	struct world w;
	new_world(a, "Writes In Flight", &w);
	const char *const spare[] = {"members:read", NULL};
	add_role(a, &w.p, "spare", spare);
	add_role(a, &w.p, "account_manager", customers_write);
	struct member mo, pmm, cam;
	add_member_in(a, &w.p.op, &w.p.op_acc, "mo", "moderator", &mo, NULL);
	add_member_in(a, &w.p.op, &w.p.op_acc, "pm", "account_manager", &pmm, NULL);
	add_member_in(a, &w.p.op, &w.cust_op, "ca", ROLE_ADMINISTRATOR, &cam, NULL);
	struct fixture *p = &w.p;
	struct member m;
	struct role_view rv;
	const char *const none[] = {NULL};

	/* a write in the organization holds its lock: demotions there wait */
	struct holder h1 = {.lock_id = p->org.id};
	holder_start(&h1);
	err_clear(&e);
	assert_int_equal(member_set_role(tctx(&app, a, NULL, &p->op, &p->op_acc), mo.user.id, "member", &m, &e), E_OK);
	holder_join(&h1, clock_mono_ns(), "member_set_role");
	struct holder h2 = {.lock_id = p->org.id};
	holder_start(&h2);
	assert_int_equal(role_update(tctx(&app, a, NULL, &p->op, &p->op_acc), "spare", NULL, none, &rv, &e), E_OK);
	holder_join(&h2, clock_mono_ns(), "role_update");
	struct holder h3 = {.lock_id = p->org.id};
	holder_start(&h3);
	assert_int_equal(role_delete(tctx(&app, a, NULL, &p->op, &p->op_acc), "spare", &e), E_OK);
	holder_join(&h3, clock_mono_ns(), "role_delete");
	struct holder h4 = {.lock_id = p->org.id};
	holder_start(&h4);
	assert_int_equal(member_remove(tctx(&app, a, NULL, &p->op, &p->op_acc), mo.user.id, &e), E_OK);
	holder_join(&h4, clock_mono_ns(), "member_remove");

	/* a write in a customer shares its provider's lock: demotions in the provider wait */
	struct holder h5 = {.share_id = p->org.id};
	holder_start(&h5);
	assert_int_equal(member_set_role(tctx(&app, a, NULL, &p->op, &p->op_acc), pmm.user.id, "member", &m, &e), E_OK);
	holder_join(&h5, clock_mono_ns(), "member_set_role in the provider");
	struct holder h6 = {.share_id = p->org.id};
	holder_start(&h6);
	assert_int_equal(role_update(tctx(&app, a, NULL, &p->op, &p->op_acc), "account_manager", NULL, none, &rv, &e),
	                 E_OK);
	holder_join(&h6, clock_mono_ns(), "role_update in the provider");
	struct holder h7 = {.share_id = p->org.id};
	holder_start(&h7);
	assert_int_equal(org_module_set(tctx(&app, a, NULL, &p->op, &p->op_acc), MODULE_CUSTOMER_LOGIN, false, &e),
	                 E_OK);
	holder_join(&h7, clock_mono_ns(), "org_module_set");

	/* and in the customer itself: its own demotions, and independence */
	struct holder h8 = {.lock_id = w.cust.id};
	holder_start(&h8);
	struct org o;
	assert_int_equal(org_make_independent(tctx(&app, a, NULL, &p->op, &w.cust_op), &o, &e), E_OK);
	holder_join(&h8, clock_mono_ns(), "org_make_independent");
	arena_free(a);
}

/* Many writes, each on an access read before a demotion, and the demotion
 * in the middle of them. The demotion's transaction (taking the lock that
 * core's demotions take, store_org_lock on the organization) counts the
 * members there when it demotes: in the end there are exactly as many, and
 * as many writes succeeded. So no write committed after the demotion did;
 * every one after it was refused. */
#define RACE_WRITERS 4
#define RACE_MAX 300

struct race {
	const struct auth *who;
	const struct org_access *acc;
	const char *org_id, *user_id;
	pthread_mutex_t mu;
	int ok, refused, other;
	int64_t members_at_demotion;
	err_code demotion_rc;
};

static void *race_writer(void *arg)
{
	struct race *r = arg;
	struct arena *a = arena_new();
	for (int i = 0; i < RACE_MAX; i++) {
		char email[128];
		struct user_new n = {.email = test_email(email, sizeof email, "race")};
		struct member m;
		struct err e;
		err_clear(&e);
		err_code rc = member_create(tctx(&app, a, NULL, r->who, r->acc), &n, "member", &m, &e);
		pthread_mutex_lock(&r->mu);
		if (rc == E_OK)
			r->ok++;
		else if (rc == E_FORBIDDEN)
			r->refused++;
		else
			r->other++;
		pthread_mutex_unlock(&r->mu);
		if (rc != E_OK)
			break;
		usleep(500);
	}
	arena_free(a);
	return NULL;
}

static err_code race_demote_tx(struct db *db, void *arg, struct err *e)
{
	struct race *r = arg;
	struct arena *a = arena_new();
	struct member m;
	err_code rc = E_OK;
	if (store_org_lock(db, r->org_id, e) ||
	    store_member_count_role(db, r->org_id, "member", &r->members_at_demotion, e) ||
	    store_member_get(db, a, r->org_id, r->user_id, &m, e))
		rc = e->code;
	if (!rc) {
		m.role = "member";
		rc = store_member_set_role(db, r->org_id, r->user_id, "member", member_card(a, &m), MEMBER_CARD_VERSION,
		                           e);
	}
	arena_free(a);
	return rc;
}

static void *race_demoter(void *arg)
{
	struct race *r = arg;
	/* once some writes went through */
	for (int i = 0; i < 2000; i++) {
		pthread_mutex_lock(&r->mu);
		int ok = r->ok;
		pthread_mutex_unlock(&r->mu);
		if (ok >= RACE_WRITERS)
			break;
		usleep(1000);
	}
	struct err e;
	err_clear(&e);
	r->demotion_rc = store_tx(app.store, true, race_demote_tx, r, &e);
	return NULL;
}

static err_code count_role_tx(struct db *db, void *arg, struct err *e)
{
	struct race *r = arg;
	int64_t n;
	if (store_member_count_role(db, r->org_id, "member", &n, e))
		return e->code;
	r->members_at_demotion = n;
	return E_OK;
}

static void no_write_lands_after_the_demotion_commits(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct fixture f;
	new_org(a, "Race Track", &f);
	struct member dana;
	struct auth d;
	add_member_in(a, &f.op, &f.op_acc, "dana", ROLE_ADMINISTRATOR, &dana, &d);
	struct org_access acc;
	assert_int_equal(reach(a, &d, f.org.id, PERM_MEMBERS_WRITE, 0, &acc), E_OK);
	struct race r = {.who = &d, .acc = &acc, .org_id = f.org.id, .user_id = dana.user.id};
	pthread_mutex_init(&r.mu, NULL);
	pthread_t writers[RACE_WRITERS], demoter;
	for (int i = 0; i < RACE_WRITERS; i++)
		pthread_create(&writers[i], NULL, race_writer, &r);
	pthread_create(&demoter, NULL, race_demoter, &r);
	pthread_join(demoter, NULL);
	for (int i = 0; i < RACE_WRITERS; i++)
		pthread_join(writers[i], NULL);
	pthread_mutex_destroy(&r.mu);
	assert_int_equal(r.demotion_rc, E_OK);
	int64_t at_demotion = r.members_at_demotion;
	struct race after = {.org_id = f.org.id};
	struct err e;
	err_clear(&e);
	assert_int_equal(store_read(app.store, count_role_tx, &after, &e), E_OK);
	/* dana is a "member" now too */
	assert_int_equal(after.members_at_demotion - 1, at_demotion);
	assert_int_equal(r.ok, at_demotion);
	assert_true(r.ok >= RACE_WRITERS);
	assert_int_equal(r.refused, RACE_WRITERS);
	assert_int_equal(r.other, 0);
	arena_free(a);
}

/* ---- text helpers ---- */

/* A search without a sort comes in the order of what it matched: each
 * member once, at its first matching term, and pages by 1 visit each once. */
static void search_in_match_order_lists_each_member_once(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct fixture f;
	new_org(a, "Match order", &f);
	char e1[300], e2[128], e3[128], e4[128];
	struct member m1, m2, m3, m4;
	/* m1 matches "mar" three ways (email, last name, "first last"). */
	snprintf(e1, sizeof e1, "marie.martin.%s", test_email(e4, sizeof e4, "x"));
	add_member(a, &f, e1, "Marie", "Martin", "member", NULL, &m1);
	add_member(a, &f, test_email(e2, sizeof e2, "zed"), "Zed", "Marchand", "member", NULL, &m2);
	add_member(a, &f, test_email(e3, sizeof e3, "mara"), "Mara", "Zeta", "member", NULL, &m3);
	add_member(a, &f, test_email(e4, sizeof e4, "other"), "Otto", "Other", "member", NULL, &m4);

	const char *ids[16];
	int n = list_ids(a, &f.op_acc, "MAR", NULL, ids, 16);
	assert_int_equal(n, 3);
	assert_true(has_id(ids, n, m1.user.id) && has_id(ids, n, m2.user.id) && has_id(ids, n, m3.user.id));
	/* In term order: "mara zeta" < "marchand" < "marie martin" (before its email and last name). */
	assert_string_equal(ids[0], m3.user.id);
	assert_string_equal(ids[1], m2.user.id);
	assert_string_equal(ids[2], m1.user.id);

	/* Page by one through the cursor: each exactly once, in the same order. */
	const char *after_key = NULL, *after_id = NULL;
	for (int i = 0; i < 4; i++) {
		struct member_page_query pq = {.q = "mar", .limit = 1, .after_key = after_key, .after_id = after_id};
		struct collect c = {.a = a};
		struct err e;
		err_clear(&e);
		assert_int_equal(member_page(tctx(&app, a, NULL, NULL, &f.op_acc), &pq, collect_cb, &c, &e), E_OK);
		if (i == 3) {
			assert_int_equal(c.n, 0);
			break;
		}
		assert_int_equal(c.n, 1);
		assert_string_equal(c.ids[0], ids[i]);
		after_key = c.last_key;
		after_id = c.last_id;
	}

	/* A removed member is no longer found; a renamed one is found by the new name only. */
	struct err e;
	err_clear(&e);
	assert_int_equal(member_remove(tctx(&app, a, NULL, &f.op, &f.op_acc), m2.user.id, &e), E_OK);
	n = list_ids(a, &f.op_acc, "mar", NULL, ids, 16);
	assert_int_equal(n, 2);
	assert_false(has_id(ids, n, m2.user.id));
	struct auth who;
	test_user_auth(&m4.user, &who);
	struct profile_patch p = {.first_name = "Margot"};
	struct user renamed;
	assert_int_equal(account_update_profile(tctx(&app, a, NULL, &who, NULL), &p, &renamed, &e), E_OK);
	n = list_ids(a, &f.op_acc, "marg", NULL, ids, 16);
	assert_int_equal(n, 1);
	assert_string_equal(ids[0], m4.user.id);
	assert_int_equal(list_ids(a, &f.op_acc, "otto", NULL, ids, 16), 0);
	/* match is for searches only, and ascending only. */
	struct member_page_query bad = {.sort = "match", .limit = 10};
	struct collect c = {.a = a};
	assert_int_equal(member_page(tctx(&app, a, NULL, NULL, &f.op_acc), &bad, collect_cb, &c, &e), E_BAD_REQUEST);
	arena_free(a);
}

static void text_fold_lowers_what_it_knows(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	assert_string_equal(text_fold(a, "Hello WORLD 123"), "hello world 123");
	assert_string_equal(text_fold(a, "Émile"), "émile");
	assert_string_equal(text_fold(a, "ÀÉÎÕÜÇÑØÅÆ"), "àéîõüçñøåæ");
	assert_string_equal(text_fold(a, "ŁÓDŹ ŠKODA ŒUVRE"), "łódź škoda œuvre");
	assert_string_equal(text_fold(a, "ΑΘΗΝΑ"), "αθηνα");
	assert_string_equal(text_fold(a, "МОСКВА Ёж"), "москва ёж");
	assert_string_equal(text_fold(a, "straße"), "straße");
	assert_string_equal(text_fold(a, "日本語 😀"), "日本語 😀");
	assert_string_equal(text_fold(a, ""), "");
	assert_string_equal(text_fold(a, text_fold(a, "ÉmIlE")), text_fold(a, "ÉmIlE"));
	arena_free(a);
}

static void prefix_upper_bound_bounds_the_prefix(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	assert_null(prefix_upper_bound(a, ""));
	const char *p = "émi";
	char *hi = prefix_upper_bound(a, p);
	assert_non_null(hi);
	assert_int_equal(strncmp(hi, p, strlen(p)), 0);
	assert_true(strcmp(p, hi) < 0);
	const char *inside[] = {"émi", "émile", "émilie zola", "émi\xf4\x8f\xbf\xbe", "émi\xef\xbf\xbf"};
	for (size_t i = 0; i < sizeof inside / sizeof inside[0]; i++) {
		assert_true(strcmp(inside[i], p) >= 0);
		assert_true(strcmp(inside[i], hi) < 0);
	}
	const char *outside[] = {"émj", "én", "emile", "f", "\xf4\x8f\xbf\xbf"};
	for (size_t i = 0; i < sizeof outside / sizeof outside[0]; i++)
		assert_false(strcmp(outside[i], p) >= 0 && strcmp(outside[i], hi) < 0);
	assert_true(strcmp("émh", p) < 0);
	/* still valid UTF-8 */
	assert_int_equal(utf8_chars(hi), 4);
	arena_free(a);
}

static void cursors_round_trip_and_refuse_tampering(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	const char *k, *id;
	const char *keys[] = {"", "émile zola", "1700000000000", "a,b;c=d&e", "x y\tz"};
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		char *c = cursor_encode(a, test_key, "members", keys[i], "usr_abc");
		assert_non_null(c);
		assert_true(strspn(c, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") == strlen(c));
		k = id = NULL;
		assert_true(cursor_decode(a, test_key, "members", c, &k, &id));
		assert_string_equal(k, keys[i]);
		assert_string_equal(id, "usr_abc");
	}
	char *good = cursor_encode(a, test_key, "members", "émile", "usr_1");

	/* not base64url, cut, empty, too long */
	assert_false(cursor_decode(a, test_key, "members", "", &k, &id));
	assert_false(cursor_decode(a, test_key, "members", "!!!!", &k, &id));
	char *bad = arena_strdup(a, good);
	bad[2] = '+';
	assert_false(cursor_decode(a, test_key, "members", bad, &k, &id));
	bad = arena_strdup(a, good);
	bad[strlen(bad) / 2] = '=';
	assert_false(cursor_decode(a, test_key, "members", bad, &k, &id));
	assert_false(cursor_decode(a, test_key, "members", arena_strndup(a, good, 3), &k, &id));
	char *huge = arena_alloc(a, 3000);
	memset(huge, 'A', 2999);
	huge[2999] = '\0';
	assert_false(cursor_decode(a, test_key, "members", huge, &k, &id));

	/* another list's or another query's cursor, or one signed with another key */
	assert_false(cursor_decode(a, test_key, "orgs", good, &k, &id));
	assert_false(cursor_decode(a, test_key, "members\x1f-", good, &k, &id));
	static const unsigned char other_key[CURSOR_KEY_LEN] = {9};
	assert_false(cursor_decode(a, other_key, "members", good, &k, &id));
	/* every single bit flipped */
	size_t n = strlen(good);
	unsigned char *raw = arena_alloc(a, n);
	size_t len = 0;
	assert_int_equal(sodium_base642bin(raw, n, good, n, NULL, &len, NULL, sodium_base64_VARIANT_URLSAFE_NO_PADDING),
	                 0);
	for (size_t byte = 0; byte < len; byte++)
		for (int bit = 0; bit < 8; bit++) {
			raw[byte] ^= (unsigned char)(1 << bit);
			char enc[256];
			sodium_bin2base64(enc, sizeof enc, raw, len, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
			assert_false(cursor_decode(a, test_key, "members", enc, &k, &id));
			raw[byte] ^= (unsigned char)(1 << bit);
		}

	/* base64url of what this server would never sign: the old unsigned format included */
	const char *forged[] = {"c2\x1fkey\x1fid", "key\x1fid", "c1\x1fkeyonly",
	                        "c1\x1f"
	                        "a\x1f"
	                        "b\x1f"
	                        "c",
	                        "c1"};
	for (size_t i = 0; i < sizeof forged / sizeof forged[0]; i++) {
		char enc[128];
		sodium_bin2base64(enc, sizeof enc, (const unsigned char *)forged[i], strlen(forged[i]),
		                  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
		assert_false(cursor_decode(a, test_key, "members", enc, &k, &id));
	}
	arena_free(a);
}

/* text.h: "Decoding fails on anything this server did not hand out." A
 * cursor whose content a client edited (same layout, another key) was not
 * handed out by this server. */

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(org_create_makes_the_admin_a_member_and_mails_them),
	        cmocka_unit_test(org_create_refuses_bad_input),
	        cmocka_unit_test(authz_org_sees_members_not_strangers),
	        cmocka_unit_test(member_create_checks_role_and_email),
	        cmocka_unit_test(the_last_administrator_stays),
	        cmocka_unit_test(custom_roles_are_checked),
	        cmocka_unit_test(member_list_pages_and_searches),
	        cmocka_unit_test(search_in_match_order_lists_each_member_once),
	        cmocka_unit_test(cards_follow_every_change),
	        cmocka_unit_test(upgrade_writes_the_cards_of_existing_members),
	        cmocka_unit_test(the_provider_gives_its_customer_any_role),
	        cmocka_unit_test(the_module_gate_answers_first),
	        cmocka_unit_test(changing_a_role_needs_what_it_holds),
	        cmocka_unit_test(a_demotion_before_the_write_stops_it),
	        cmocka_unit_test(a_demotion_through_the_provider_stops_the_write),
	        cmocka_unit_test(a_write_waits_for_a_demotion_in_flight),
	        cmocka_unit_test(demotions_wait_for_the_writes_in_flight),
	        cmocka_unit_test(no_write_lands_after_the_demotion_commits),
	        cmocka_unit_test(text_fold_lowers_what_it_knows),
	        cmocka_unit_test(prefix_upper_bound_bounds_the_prefix),
	        cmocka_unit_test(cursors_round_trip_and_refuse_tampering),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
