/* Teams on a real store (SQLite, then PostgreSQL under tests/run.sh): the
 * queries of store/teams.c, and rule 4 of DESIGN.md §3 as authz_org()
 * decides it from the database. Each test makes its own organizations and
 * users with unique emails. */
#include "testutil.h"

#include <pthread.h>

#include "base/clock.h"
#include "core/accounts.h"
#include "core/authz.h"
#include "core/members.h"
#include "core/orgs.h"
#include "store/orgs.h"
#include "store/teams.h"

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

/* ---- fixtures ---- */

struct fixture {
	struct auth op;
	struct org org;
	struct user admin;
	struct org_access op_acc; /* the operator's access to org */
};

static const char *const modules_on[] = {MODULE_TEAMS, MODULE_CUSTOMER_LOGIN, NULL};

static void new_org(struct arena *a, const char *name, const char *type, struct fixture *f)
{
	struct err e;
	err_clear(&e);
	test_operator_auth(a, &f->op);
	char email[128];
	struct org_new n = {.name = name,
	                    .type = type,
	                    .admin = {.email = test_email(email, sizeof email, "admin"), .first_name = "Ada"},
	                    .modules = modules_on};
	if (org_create(tctx(&app, a, NULL, NULL, NULL), &n, &f->org, &f->admin, &e))
		fail_msg("org_create: %s", err_message(&e));
	if (authz_org(tctx(&app, a, NULL, &f->op, NULL), f->org.id, PERM_NONE, 0, &f->op_acc, &e))
		fail_msg("authz_org (operator): %s", err_message(&e));
}

static void new_customer(struct arena *a, const struct fixture *f, const char *name, struct org *out)
{
	struct err e;
	err_clear(&e);
	if (org_customer_create(tctx(&app, a, NULL, &f->op, &f->op_acc), name, "corporate", out, &e))
		fail_msg("org_customer_create: %s", err_message(&e));
}

static void add_member(struct arena *a, const struct fixture *f, const char *prefix, const char *role, struct auth *out)
{
	struct err e;
	err_clear(&e);
	char email[128];
	struct user_new n = {.email = test_email(email, sizeof email, prefix), .first_name = prefix};
	struct member m;
	if (member_create(tctx(&app, a, NULL, &f->op, &f->op_acc), &n, role, &m, &e))
		fail_msg("member_create: %s", err_message(&e));
	test_user_auth(&m.user, out);
}

/* ---- the store calls, each in its own transaction ---- */

typedef enum { T_NEW, T_MEMBER_ADD, T_MEMBER_REMOVE, T_ACCOUNT_SET, T_ACCOUNT_CLEAR, T_MEMBERSHIP_DELETE } team_op;

struct team_call {
	team_op op;
	const char *team_id, *user_id, *org_id;
	struct team team;
};

static err_code team_call_tx(struct db *db, void *arg, struct err *e)
{
	struct team_call *c = arg;
	int64_t now = clock_now_ms();
	switch (c->op) {
	case T_NEW:
		return store_team_insert(db, &c->team, e);
	case T_MEMBER_ADD:
		return store_team_member_add(db, c->team_id, c->user_id, now, e);
	case T_MEMBER_REMOVE:
		return store_team_member_remove(db, c->team_id, c->user_id, e);
	case T_ACCOUNT_SET:
		return store_team_account_set(db, c->team_id, c->org_id, now, e);
	case T_ACCOUNT_CLEAR:
		return store_team_account_clear(db, c->org_id, c->team_id, e);
	case T_MEMBERSHIP_DELETE: /* the membership, and with it the person's team rows */
		return store_member_delete(db, c->org_id, c->user_id, e);
	}
	return E_INTERNAL;
}

static err_code team_call(team_op op, const char *team_id, const char *user_id, const char *org_id)
{
	struct team_call c = {.op = op, .team_id = team_id, .user_id = user_id, .org_id = org_id};
	struct err e;
	err_clear(&e);
	return store_tx(app.store, true, team_call_tx, &c, &e);
}

static err_code team_new(struct arena *a, const char *org_id, const char *name, const char *lead, const char **out)
{
	char id[ID_MAX];
	id_new("team", id);
	int64_t now = clock_now_ms();
	struct team_call c = {.op = T_NEW,
	                      .team = {.id = arena_strdup(a, id),
	                               .org_id = org_id,
	                               .name = name,
	                               .lead_user_id = lead,
	                               .created_at = now,
	                               .updated_at = now}};
	struct err e;
	err_clear(&e);
	*out = c.team.id;
	return store_tx(app.store, true, team_call_tx, &c, &e);
}

static const char *make_team(struct arena *a, const char *org_id, const char *name)
{
	const char *id;
	if (team_new(a, org_id, name, NULL, &id))
		fail_msg("team_new %s", name);
	return id;
}

struct read_arg {
	struct arena *a;
	const char *customer_id, *team_id, *user_id;
	const char *got_team;
	int64_t accounts, members;
};

static const char SQL_COUNT_ACCOUNTS[] = "SELECT COUNT(*) FROM team_accounts WHERE customer_org_id = $1";
static const char SQL_COUNT_MEMBERS[] = "SELECT COUNT(*) FROM team_members WHERE team_id = $1 AND user_id = $2";

static err_code read_tx(struct db *db, void *arg, struct err *e)
{
	struct read_arg *r = arg;
	r->got_team = NULL;
	err_code rc = store_team_account_get(db, r->a, r->customer_id, &r->got_team, e);
	if (rc && rc != E_NOT_FOUND)
		return rc;
	struct db_stmt *s = store_prepare(db, SQL_COUNT_ACCOUNTS, e);
	if (!s)
		return e->code;
	db_bind_text(s, 1, r->customer_id);
	if (db_step(s) != DB_ROW)
		return E_INTERNAL;
	r->accounts = db_col_int(s, 0);
	db_step(s);
	s = store_prepare(db, SQL_COUNT_MEMBERS, e);
	if (!s)
		return e->code;
	db_bind_text(s, 1, r->team_id ? r->team_id : "");
	db_bind_text(s, 2, r->user_id ? r->user_id : "");
	if (db_step(s) != DB_ROW)
		return E_INTERNAL;
	r->members = db_col_int(s, 0);
	db_step(s);
	return E_OK;
}

/* The account's team (NULL when none) and how many rows name the account. */
static const char *account_team(struct arena *a, const char *customer_id, int64_t *out_rows)
{
	struct read_arg r = {.a = a, .customer_id = customer_id};
	struct err e;
	err_clear(&e);
	if (store_read(app.store, read_tx, &r, &e))
		fail_msg("read: %s", err_message(&e));
	if (out_rows)
		*out_rows = r.accounts;
	return r.got_team;
}

static bool in_team(struct arena *a, const char *team_id, const char *user_id)
{
	struct read_arg r = {.a = a, .customer_id = "", .team_id = team_id, .user_id = user_id};
	struct err e;
	err_clear(&e);
	if (store_read(app.store, read_tx, &r, &e))
		fail_msg("read: %s", err_message(&e));
	return r.members > 0;
}

static err_code reach(struct arena *a, const struct auth *who, const char *org_id, perm need, struct org_access *out)
{
	struct org_access scratch;
	struct err e;
	err_clear(&e);
	return authz_org(tctx(&app, a, NULL, who, NULL), org_id, need, 0, out ? out : &scratch, &e);
}

/* ---- store/teams.c ---- */

/* Rows hang only off what belongs to the team's organization; an account
 * is in one team at a time. */
static void team_rows_belong_to_the_teams_org(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct fixture p, q;
	new_org(a, "Store Partner", "partner", &p);
	new_org(a, "Other Partner", "partner", &q);
	struct org c, qc;
	new_customer(a, &p, "Store Customer", &c);
	new_customer(a, &q, "Other Customer", &qc);
	struct auth u, stranger;
	add_member(a, &p, "u", "member", &u);
	add_member(a, &q, "stranger", "member", &stranger);

	const char *t1, *t2, *qt;
	assert_int_equal(team_new(a, p.org.id, "Alpha", p.admin.id, &t1), E_OK);
	assert_true(id_valid("team", t1));
	t2 = make_team(a, p.org.id, "Beta");
	qt = make_team(a, q.org.id, "Gamma");
	/* an unknown organization or lead */
	char ghost[ID_MAX], ghost_user[ID_MAX];
	id_new("org", ghost);
	id_new("usr", ghost_user);
	const char *bad;
	assert_int_equal(team_new(a, ghost, "Nowhere", NULL, &bad), E_INVALID);
	assert_int_equal(team_new(a, p.org.id, "Leaderless", ghost_user, &bad), E_INVALID);

	/* members: only the organization's, once */
	assert_int_equal(team_call(T_MEMBER_ADD, t1, u.user.id, NULL), E_OK);
	assert_true(in_team(a, t1, u.user.id));
	assert_int_equal(team_call(T_MEMBER_ADD, t1, u.user.id, NULL), E_CONFLICT);
	assert_int_equal(team_call(T_MEMBER_ADD, t2, u.user.id, NULL), E_OK);
	assert_int_equal(team_call(T_MEMBER_ADD, t1, stranger.user.id, NULL), E_NOT_FOUND);
	assert_false(in_team(a, t1, stranger.user.id));
	assert_int_equal(team_call(T_MEMBER_ADD, qt, u.user.id, NULL), E_NOT_FOUND);
	assert_int_equal(team_call(T_MEMBER_ADD, "team_nope", u.user.id, NULL), E_NOT_FOUND);
	assert_int_equal(team_call(T_MEMBER_REMOVE, t2, u.user.id, NULL), E_OK);
	assert_false(in_team(a, t2, u.user.id));
	assert_true(in_team(a, t1, u.user.id));
	assert_int_equal(team_call(T_MEMBER_REMOVE, t2, u.user.id, NULL), E_NOT_FOUND);

	/* accounts: only the organization's customers */
	int64_t rows;
	assert_null(account_team(a, c.id, &rows));
	assert_int_equal(rows, 0);
	assert_int_equal(team_call(T_ACCOUNT_SET, t1, NULL, qc.id), E_NOT_FOUND);
	assert_int_equal(team_call(T_ACCOUNT_SET, qt, NULL, c.id), E_NOT_FOUND);
	assert_int_equal(team_call(T_ACCOUNT_SET, t1, NULL, p.org.id), E_NOT_FOUND);
	assert_int_equal(team_call(T_ACCOUNT_SET, "team_nope", NULL, c.id), E_NOT_FOUND);
	assert_null(account_team(a, c.id, NULL));
	assert_null(account_team(a, qc.id, NULL));

	/* set, set again, move: always one row */
	assert_int_equal(team_call(T_ACCOUNT_SET, t1, NULL, c.id), E_OK);
	assert_string_equal(account_team(a, c.id, &rows), t1);
	assert_int_equal(rows, 1);
	assert_int_equal(team_call(T_ACCOUNT_SET, t1, NULL, c.id), E_OK);
	assert_int_equal(team_call(T_ACCOUNT_SET, t2, NULL, c.id), E_OK);
	assert_string_equal(account_team(a, c.id, &rows), t2);
	assert_int_equal(rows, 1);

	/* clear: from the named team only, then from whichever */
	assert_int_equal(team_call(T_ACCOUNT_CLEAR, t1, NULL, c.id), E_NOT_FOUND);
	assert_string_equal(account_team(a, c.id, NULL), t2);
	assert_int_equal(team_call(T_ACCOUNT_CLEAR, t2, NULL, c.id), E_OK);
	assert_null(account_team(a, c.id, &rows));
	assert_int_equal(rows, 0);
	assert_int_equal(team_call(T_ACCOUNT_CLEAR, NULL, NULL, c.id), E_NOT_FOUND);
	assert_int_equal(team_call(T_ACCOUNT_SET, t1, NULL, c.id), E_OK);
	assert_int_equal(team_call(T_ACCOUNT_CLEAR, NULL, NULL, c.id), E_OK);
	assert_null(account_team(a, c.id, NULL));
	arena_free(a);
}

/* Many at once move one account between teams: each call succeeds and the
 * account ends in exactly one of them. */
#define MOVERS 6
#define MOVES 8

struct mover {
	const char *team_id, *customer_id;
	int ok, failed;
};

static void *mover_run(void *arg)
{
	struct mover *m = arg;
	for (int i = 0; i < MOVES; i++) {
		if (team_call(T_ACCOUNT_SET, m->team_id, NULL, m->customer_id) == E_OK)
			m->ok++;
		else
			m->failed++;
	}
	return NULL;
}

static void one_team_per_account_under_concurrency(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct fixture p;
	new_org(a, "Busy Partner", "partner", &p);
	struct org c;
	new_customer(a, &p, "Busy Customer", &c);
	struct mover m[MOVERS];
	pthread_t th[MOVERS];
	for (int i = 0; i < MOVERS; i++) {
		m[i] = (struct mover){.team_id = make_team(a, p.org.id, "Team"), .customer_id = c.id};
		pthread_create(&th[i], NULL, mover_run, &m[i]);
	}
	int ok = 0, failed = 0;
	for (int i = 0; i < MOVERS; i++) {
		pthread_join(th[i], NULL);
		ok += m[i].ok;
		failed += m[i].failed;
	}
	assert_int_equal(ok, MOVERS * MOVES);
	assert_int_equal(failed, 0);
	int64_t rows;
	const char *t = account_team(a, c.id, &rows);
	assert_int_equal(rows, 1);
	assert_non_null(t);
	bool known = false;
	for (int i = 0; i < MOVERS; i++)
		known = known || !strcmp(t, m[i].team_id);
	assert_true(known);
	arena_free(a);
}

/* ---- rule 4 through authz_org ---- */

static void team_members_manage_the_teams_accounts(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct err e;
	struct fixture p;
	new_org(a, "Reseller", "partner", &p);
	struct org c, c2, c3;
	new_customer(a, &p, "Account One", &c);
	new_customer(a, &p, "Account Two", &c2);
	new_customer(a, &p, "Account Three", &c3);
	/* partner staff whose role gives nothing in customers */
	struct auth u, v;
	add_member(a, &p, "u", "member", &u);
	add_member(a, &p, "v", "member", &v);
	const char *t = make_team(a, p.org.id, "North");
	const char *t2 = make_team(a, p.org.id, "South");
	struct org_access acc;

	/* no team, no account: a stranger */
	assert_int_equal(reach(a, &u, c.id, PERM_MEMBERS_READ, NULL), E_NOT_FOUND);
	assert_int_equal(reach(a, &u, c.id, PERM_NONE, NULL), E_NOT_FOUND);
	assert_int_equal(team_call(T_MEMBER_ADD, t, u.user.id, NULL), E_OK);
	assert_int_equal(reach(a, &u, c.id, PERM_MEMBERS_READ, NULL), E_NOT_FOUND);

	/* the account in the team: managed as customers:write would let them */
	assert_int_equal(team_call(T_ACCOUNT_SET, t, NULL, c.id), E_OK);
	assert_int_equal(reach(a, &u, c.id, PERM_MEMBERS_READ, &acc), E_OK);
	assert_int_equal(acc.via, VIA_TEAM);
	assert_int_equal(acc.perms, authz_team_grant());
	assert_null(acc.role);
	assert_false(acc.is_operator);
	assert_string_equal(acc.org.id, c.id);
	assert_int_equal(reach(a, &u, c.id, PERM_MEMBERS_WRITE, NULL), E_OK);
	assert_int_equal(reach(a, &u, c.id, PERM_INVITATIONS_WRITE, NULL), E_OK);
	/* as the account's own administrators: its roles and settings too */
	assert_int_equal(reach(a, &u, c.id, PERM_ROLES_WRITE, NULL), E_OK);
	assert_int_equal(reach(a, &u, c.id, PERM_ORG_WRITE, NULL), E_OK);
	/* nothing more in the partner, nothing in the other accounts */
	assert_int_equal(reach(a, &u, p.org.id, PERM_NONE, NULL), E_OK);
	assert_int_equal(reach(a, &u, p.org.id, PERM_MEMBERS_READ, NULL), E_FORBIDDEN);
	assert_int_equal(reach(a, &u, p.org.id, PERM_CUSTOMERS_READ, NULL), E_FORBIDDEN);
	assert_int_equal(reach(a, &u, c2.id, PERM_MEMBERS_READ, NULL), E_NOT_FOUND);
	assert_int_equal(reach(a, &v, c.id, PERM_NONE, NULL), E_NOT_FOUND);
	/* and what the team's member may do there, they do: a member of the account */
	char email[128];
	struct user_new n = {.email = test_email(email, sizeof email, "by-team"), .first_name = "New"};
	struct member made;
	assert_int_equal(reach(a, &u, c.id, PERM_MEMBERS_WRITE, &acc), E_OK);
	err_clear(&e);
	assert_int_equal(member_create(tctx(&app, a, NULL, &u, &acc), &n, "member", &made, &e), E_OK);
	assert_string_equal(made.source, "direct");
	/* any of the account's roles, administrator included */
	struct user_new n2 = {.email = test_email(email, sizeof email, "account-admin"), .first_name = "Ada"};
	assert_int_equal(member_create(tctx(&app, a, NULL, &u, &acc), &n2, ROLE_ADMINISTRATOR, &made, &e), E_OK);
	assert_string_equal(made.role, ROLE_ADMINISTRATOR);

	/* out of the team: out of the account */
	assert_int_equal(team_call(T_MEMBER_REMOVE, t, u.user.id, NULL), E_OK);
	assert_int_equal(reach(a, &u, c.id, PERM_MEMBERS_READ, NULL), E_NOT_FOUND);
	assert_int_equal(team_call(T_MEMBER_ADD, t, u.user.id, NULL), E_OK);
	assert_int_equal(reach(a, &u, c.id, PERM_MEMBERS_READ, NULL), E_OK);

	/* the module off: teams count for nothing */
	err_clear(&e);
	assert_int_equal(org_module_set(tctx(&app, a, NULL, &p.op, &p.op_acc), MODULE_TEAMS, false, &e), E_OK);
	assert_int_equal(reach(a, &u, c.id, PERM_MEMBERS_READ, NULL), E_NOT_FOUND);
	assert_int_equal(reach(a, &u, c.id, PERM_NONE, NULL), E_NOT_FOUND);
	assert_int_equal(org_module_set(tctx(&app, a, NULL, &p.op, &p.op_acc), MODULE_TEAMS, true, &e), E_OK);
	assert_int_equal(reach(a, &u, c.id, PERM_MEMBERS_READ, NULL), E_OK);

	/* the account moves to another team: its members, not ours */
	assert_int_equal(team_call(T_ACCOUNT_SET, t2, NULL, c.id), E_OK);
	assert_int_equal(reach(a, &u, c.id, PERM_MEMBERS_READ, NULL), E_NOT_FOUND);
	assert_int_equal(reach(a, &v, c.id, PERM_MEMBERS_READ, NULL), E_NOT_FOUND);
	assert_int_equal(team_call(T_MEMBER_ADD, t2, v.user.id, NULL), E_OK);
	assert_int_equal(reach(a, &v, c.id, PERM_MEMBERS_READ, &acc), E_OK);
	assert_int_equal(acc.via, VIA_TEAM);
	assert_int_equal(team_call(T_ACCOUNT_SET, t, NULL, c.id), E_OK);
	assert_int_equal(reach(a, &u, c.id, PERM_MEMBERS_READ, NULL), E_OK);
	assert_int_equal(reach(a, &v, c.id, PERM_MEMBERS_READ, NULL), E_NOT_FOUND);

	/* taken from every team */
	assert_int_equal(team_call(T_ACCOUNT_CLEAR, NULL, NULL, c.id), E_OK);
	assert_int_equal(reach(a, &u, c.id, PERM_MEMBERS_READ, NULL), E_NOT_FOUND);
	assert_int_equal(team_call(T_ACCOUNT_SET, t, NULL, c.id), E_OK);
	assert_int_equal(reach(a, &u, c.id, PERM_MEMBERS_READ, NULL), E_OK);

	/* a closed account: org_closed to the team, still 404 to the others */
	assert_int_equal(team_call(T_ACCOUNT_SET, t, NULL, c2.id), E_OK);
	assert_int_equal(reach(a, &u, c2.id, PERM_MEMBERS_READ, NULL), E_OK);
	struct org_access c2_op;
	err_clear(&e);
	assert_int_equal(authz_org(tctx(&app, a, NULL, &p.op, NULL), c2.id, PERM_NONE, 0, &c2_op, &e), E_OK);
	assert_int_equal(org_close(tctx(&app, a, NULL, &p.op, &c2_op), &e), E_OK);
	assert_int_equal(reach(a, &u, c2.id, PERM_MEMBERS_READ, NULL), E_ORG_CLOSED);
	assert_int_equal(reach(a, &u, c2.id, PERM_NONE, NULL), E_ORG_CLOSED);
	assert_int_equal(reach(a, &v, c2.id, PERM_NONE, NULL), E_NOT_FOUND);
	assert_int_equal(reach(a, &p.op, c2.id, PERM_MEMBERS_WRITE, NULL), E_OK);

	/* independent: the partner's teams lose it at once, and cannot take it back */
	struct org_access c_op;
	struct org indep;
	err_clear(&e);
	assert_int_equal(authz_org(tctx(&app, a, NULL, &p.op, NULL), c.id, PERM_NONE, 0, &c_op, &e), E_OK);
	assert_int_equal(org_make_independent(tctx(&app, a, NULL, &p.op, &c_op), &indep, &e), E_OK);
	assert_string_equal(indep.type, "enterprise");
	assert_int_equal(reach(a, &u, c.id, PERM_MEMBERS_READ, NULL), E_NOT_FOUND);
	assert_int_equal(reach(a, &u, c.id, PERM_NONE, NULL), E_NOT_FOUND);
	assert_int_equal(team_call(T_ACCOUNT_SET, t, NULL, c.id), E_NOT_FOUND);
	assert_int_equal(team_call(T_ACCOUNT_CLEAR, NULL, NULL, c.id), E_NOT_FOUND); /* no team kept it */

	/* out of the partner: out of its teams, a stranger */
	assert_int_equal(team_call(T_ACCOUNT_SET, t, NULL, c3.id), E_OK);
	assert_int_equal(team_call(T_MEMBER_ADD, t, v.user.id, NULL), E_OK);
	assert_int_equal(reach(a, &u, c3.id, PERM_MEMBERS_READ, NULL), E_OK);
	assert_int_equal(team_call(T_MEMBERSHIP_DELETE, NULL, u.user.id, p.org.id), E_OK);
	assert_false(in_team(a, t, u.user.id));
	assert_int_equal(reach(a, &u, c3.id, PERM_MEMBERS_READ, NULL), E_NOT_FOUND);
	assert_int_equal(reach(a, &u, c3.id, PERM_NONE, NULL), E_NOT_FOUND);
	assert_int_equal(reach(a, &v, c3.id, PERM_MEMBERS_READ, NULL), E_OK);

	/* the partner closed: its teams count for nothing */
	err_clear(&e);
	assert_int_equal(org_close(tctx(&app, a, NULL, &p.op, &p.op_acc), &e), E_OK);
	assert_int_equal(reach(a, &v, c3.id, PERM_MEMBERS_READ, NULL), E_NOT_FOUND);
	assert_int_equal(reach(a, &v, c3.id, PERM_NONE, NULL), E_NOT_FOUND);
	arena_free(a);
}

/* The same relation in a provider that is no partner grants nothing. */
static void teams_count_only_in_a_partner(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct fixture ent;
	new_org(a, "Service Company", "enterprise", &ent);
	struct org c;
	new_customer(a, &ent, "Its Customer", &c);
	struct auth w;
	add_member(a, &ent, "w", "member", &w);
	const char *t = make_team(a, ent.org.id, "Department");
	assert_int_equal(team_call(T_MEMBER_ADD, t, w.user.id, NULL), E_OK);
	assert_int_equal(team_call(T_ACCOUNT_SET, t, NULL, c.id), E_OK);
	assert_string_equal(account_team(a, c.id, NULL), t);
	assert_int_equal(reach(a, &w, c.id, PERM_MEMBERS_READ, NULL), E_NOT_FOUND);
	assert_int_equal(reach(a, &w, c.id, PERM_NONE, NULL), E_NOT_FOUND);
	/* its customers:write members still manage it, by rule 3 */
	struct auth admin;
	test_user_auth(&ent.admin, &admin);
	struct org_access acc;
	assert_int_equal(reach(a, &admin, c.id, PERM_MEMBERS_WRITE, &acc), E_OK);
	assert_int_equal(acc.via, VIA_PROVIDER);
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(team_rows_belong_to_the_teams_org),
	        cmocka_unit_test(one_team_per_account_under_concurrency),
	        cmocka_unit_test(team_members_manage_the_teams_accounts),
	        cmocka_unit_test(teams_count_only_in_a_partner),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
