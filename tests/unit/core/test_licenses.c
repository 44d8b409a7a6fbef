/* License pools and the seat rules on a real store (SQLite, then PostgreSQL
 * under tests/run.sh): the term and the state a pool reads as, and each
 * transition of the seat machine with the counters it moves. */
#include "testutil.h"

#include "base/clock.h"
#include "base/crypto.h"
#include "core/authz.h"
#include "core/certificates.h"
#include "core/licenses.h"
#include "core/members.h"
#include "core/orgs.h"
#include "store/misc.h"
#include "store/query.h"
#include "store/store.h"
#include <string.h>
#include <time.h>

#define DAY (24LL * 3600 * 1000)

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

struct fixture {
	struct auth op;
	struct org org;
	struct user admin;
	struct org_access acc; /* the operator's */
	char email[128];
};

static const struct ctx *as_op(struct arena *a, struct fixture *f)
{
	return tctx(&app, a, NULL, &f->op, &f->acc);
}

static void new_org(struct arena *a, struct fixture *f)
{
	struct err e = {0};
	test_operator_auth(a, &f->op);
	test_email(f->email, sizeof f->email, "admin");
	struct org_new n = {.name = "Licensed", .type = "enterprise", .admin = {.email = f->email}};
	if (org_create(tctx(&app, a, NULL, NULL, NULL), &n, &f->org, &f->admin, &e) ||
	    authz_org(tctx(&app, a, NULL, &f->op, NULL), f->org.id, PERM_NONE, 0, &f->acc, &e))
		fail_msg("fixture: %s", err_message(&e));
}

static const char *add_member(struct arena *a, struct fixture *f)
{
	struct err e = {0};
	char email[128];
	test_email(email, sizeof email, "member");
	struct user_new n = {.email = arena_strdup(a, email)};
	struct member m;
	if (member_create(as_op(a, f), &n, "member", &m, &e))
		fail_msg("member_create: %s", err_message(&e));
	return m.user.id;
}

static struct license_pool grant(struct arena *a, struct fixture *f, int64_t seats, int64_t starts, int64_t ends)
{
	struct err e = {0};
	struct license_new n = {.product = "Viewer",
	                        .unit = "user",
	                        .seats = seats,
	                        .starts_at = starts,
	                        .ends_at = ends,
	                        .max_transfers_per_month = -1};
	struct license_pool p;
	if (license_grant(as_op(a, f), &n, &p, &e))
		fail_msg("license_grant: %s", err_message(&e));
	return p;
}

static struct license_pool reread(struct arena *a, struct fixture *f, const char *id)
{
	struct err e = {0};
	struct license_pool p;
	if (license_get(as_op(a, f), id, &p, &e))
		fail_msg("license_get: %s", err_message(&e));
	return p;
}

static void the_term_decides_the_state_and_the_days_left(void **state)
{
	(void)state;
	int64_t now = clock_now_ms();
	struct license_pool p = {.state = "active", .starts_at = now - DAY, .ends_at = now + 10 * DAY};
	assert_int_equal(license_effective_state(&p, now), LICENSE_ACTIVE);
	assert_int_equal(license_days_left(&p, now), 10);
	assert_int_equal(license_days_left(&p, now + 1), 10); /* rounded up */
	assert_int_equal(license_effective_state(&p, p.ends_at), LICENSE_EXPIRED);
	assert_int_equal(license_days_left(&p, p.ends_at + DAY), 0);
	p.state = "trial";
	assert_int_equal(license_effective_state(&p, p.ends_at - 1), LICENSE_TRIAL);
	assert_int_equal(license_effective_state(&p, p.ends_at), LICENSE_EXPIRED);
	p.state = "cancelled";
	assert_int_equal(license_effective_state(&p, now), LICENSE_CANCELLED);
	assert_int_equal(license_effective_state(&p, p.ends_at + DAY), LICENSE_CANCELLED);
}

static void a_grant_defaults_to_a_year_and_refuses_bad_terms(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct fixture f;
	new_org(a, &f);
	struct license_pool p = grant(a, &f, 5, 0, 0);
	assert_true(id_valid("lic", p.id));
	assert_int_equal(p.ends_at - p.starts_at, LICENSE_TERM_DEFAULT_MS);
	assert_string_equal(p.state, "active");
	assert_int_equal(p.offline_days, LICENSE_OFFLINE_DAYS_DEFAULT);
	struct err e = {0};
	struct license_pool out;
	struct license_new bad[] = {
	        {.product = "X", .unit = "user", .seats = -1},
	        {.product = "X", .unit = "user", .seats = LICENSE_SEATS_MAX + 1},
	        {.product = "X", .unit = "seat", .seats = 1},
	        {.product = " ", .unit = "user", .seats = 1},
	        {.product = "X\n", .unit = "user", .seats = 1},
	        {.product = "X", .unit = "user", .seats = 1, .state = "expired"},
	        {.product = "X", .unit = "user", .seats = 1, .starts_at = 2000, .ends_at = 1000},
	        {.product = "X", .unit = "user", .seats = 1, .offline_days = 366},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		bad[i].max_transfers_per_month = -1;
		err_clear(&e);
		assert_int_not_equal(license_grant(as_op(a, &f), &bad[i], &out, &e), E_OK);
		assert_non_null(e.field);
	}
	arena_free(a);
}

static void seats_are_taken_while_free_and_once_per_member(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct fixture f;
	new_org(a, &f);
	struct license_pool p = grant(a, &f, 2, 0, 0);
	const char *u1 = add_member(a, &f), *u2 = add_member(a, &f), *u3 = add_member(a, &f);
	struct err e = {0};
	assert_int_equal(seat_assign(as_op(a, &f), p.id, u1, &e), E_OK);
	assert_int_equal(seat_assign(as_op(a, &f), p.id, u1, &e), E_ALREADY_ASSIGNED);
	assert_int_equal(reread(a, &f, p.id).used, 1); /* the refused second seat took nothing */
	assert_int_equal(seat_assign(as_op(a, &f), p.id, u2, &e), E_OK);
	assert_int_equal(seat_assign(as_op(a, &f), p.id, u3, &e), E_SEAT_LIMIT_REACHED);
	/* A full pool still tells a holder and a stranger what they are. */
	assert_int_equal(seat_assign(as_op(a, &f), p.id, u2, &e), E_ALREADY_ASSIGNED);
	assert_int_equal(seat_assign(as_op(a, &f), p.id, "usr_nobody", &e), E_NOT_FOUND);
	assert_int_equal(reread(a, &f, p.id).used, 2);
	/* A seat freed is there for the next. */
	assert_int_equal(seat_remove(as_op(a, &f), p.id, u1, &e), E_OK);
	assert_int_equal(seat_remove(as_op(a, &f), p.id, u1, &e), E_NOT_FOUND);
	assert_int_equal(seat_assign(as_op(a, &f), p.id, "usr_nobody", &e), E_NOT_FOUND);
	assert_int_equal(reread(a, &f, p.id).used, 1);
	assert_int_equal(seat_assign(as_op(a, &f), p.id, u3, &e), E_OK);
	assert_int_equal(reread(a, &f, p.id).used, 2);
	arena_free(a);
}

static void a_move_changes_both_holders_or_neither(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct fixture f;
	new_org(a, &f);
	struct license_pool p = grant(a, &f, 2, 0, 0);
	const char *u1 = add_member(a, &f), *u2 = add_member(a, &f), *u3 = add_member(a, &f);
	struct err e = {0};
	assert_int_equal(seat_assign(as_op(a, &f), p.id, u1, &e), E_OK);
	assert_int_equal(seat_assign(as_op(a, &f), p.id, u2, &e), E_OK);
	/* To someone who holds one already: nothing moves. */
	test_drain_mail(app.store, a);
	assert_int_equal(seat_move(as_op(a, &f), p.id, u1, u2, &e), E_ALREADY_ASSIGNED);
	assert_string_equal(e.field, "to");
	struct outbox_msg none;
	assert_int_equal(test_take_mail(app.store, a, &none), E_NOT_FOUND);            /* refused: nobody is told */
	assert_int_equal(seat_assign(as_op(a, &f), p.id, u1, &e), E_ALREADY_ASSIGNED); /* u1 still holds it */
	assert_int_equal(seat_move(as_op(a, &f), p.id, u3, u1, &e), E_NOT_FOUND);
	assert_string_equal(e.field, "from");
	assert_int_equal(seat_move(as_op(a, &f), p.id, u1, "usr_nobody", &e), E_NOT_FOUND);
	assert_string_equal(e.field, "to");
	assert_int_equal(seat_assign(as_op(a, &f), p.id, u1, &e), E_ALREADY_ASSIGNED); /* still u1's */
	test_drain_mail(app.store, a);
	assert_int_equal(seat_move(as_op(a, &f), p.id, u1, u3, &e), E_OK);
	/* Both are told, each in the words of what happened to them. */
	struct outbox_msg m1, m2;
	assert_int_equal(test_take_mail(app.store, a, &m1), E_OK);
	assert_int_equal(test_take_mail(app.store, a, &m2), E_OK);
	const struct outbox_msg *gone = strstr(m1.subject, "taken back") ? &m1 : &m2, *got = gone == &m1 ? &m2 : &m1;
	assert_string_equal(gone->subject, "Your license for Viewer was taken back");
	assert_string_equal(got->subject, "You now have a license for Viewer");
	assert_string_not_equal(gone->recipient, got->recipient);
	assert_int_equal(test_take_mail(app.store, a, &m1), E_NOT_FOUND);
	assert_int_equal(seat_remove(as_op(a, &f), p.id, u1, &e), E_NOT_FOUND);
	assert_int_equal(seat_remove(as_op(a, &f), p.id, u3, &e), E_OK);
	assert_int_equal(reread(a, &f, p.id).used, 1);
	arena_free(a);
}

static void a_removed_member_frees_their_seats(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct fixture f;
	new_org(a, &f);
	struct license_pool p = grant(a, &f, 3, 0, 0), q = grant(a, &f, 3, 0, 0);
	const char *u1 = add_member(a, &f), *u2 = add_member(a, &f);
	struct err e = {0};
	assert_int_equal(seat_assign(as_op(a, &f), p.id, u1, &e), E_OK);
	assert_int_equal(seat_assign(as_op(a, &f), q.id, u1, &e), E_OK);
	assert_int_equal(seat_assign(as_op(a, &f), p.id, u2, &e), E_OK);
	assert_int_equal(member_remove(as_op(a, &f), u1, &e), E_OK);
	assert_int_equal(reread(a, &f, p.id).used, 1);
	assert_int_equal(reread(a, &f, q.id).used, 0);
	assert_int_equal(seat_remove(as_op(a, &f), p.id, u1, &e), E_NOT_FOUND);
	assert_int_equal(seat_remove(as_op(a, &f), p.id, u2, &e), E_OK);
	arena_free(a);
}

static void an_ended_or_cancelled_pool_gives_no_seat_and_keeps_its_holders(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct fixture f;
	new_org(a, &f);
	int64_t now = clock_now_ms();
	struct license_pool old = grant(a, &f, 3, now - 10 * DAY, now - DAY);
	const char *u1 = add_member(a, &f), *u2 = add_member(a, &f);
	struct err e = {0};
	assert_int_equal(seat_assign(as_op(a, &f), old.id, u1, &e), E_LICENSE_INACTIVE);
	struct license_pool p = grant(a, &f, 3, 0, 0);
	assert_int_equal(seat_assign(as_op(a, &f), p.id, u1, &e), E_OK);
	struct license_change cancel = {.set_state = true, .state = "cancelled"};
	struct license_pool out;
	assert_int_equal(license_update(as_op(a, &f), p.id, &cancel, &out, NULL, &e), E_OK);
	assert_int_equal(seat_assign(as_op(a, &f), p.id, u2, &e), E_LICENSE_INACTIVE);
	assert_int_equal(seat_move(as_op(a, &f), p.id, u1, u2, &e), E_LICENSE_INACTIVE);
	assert_int_equal(reread(a, &f, p.id).used, 1);
	/* Lowering below what is held is refused; reactivated, it serves again. */
	struct license_change lower = {.set_seats = true, .seats = 0};
	assert_int_equal(license_update(as_op(a, &f), p.id, &lower, &out, NULL, &e), E_SEATS_IN_USE);
	assert_int_equal(reread(a, &f, p.id).seats, 3);
	struct license_change again = {.set_state = true, .state = "active"};
	assert_int_equal(license_update(as_op(a, &f), p.id, &again, &out, NULL, &e), E_OK);
	assert_int_equal(seat_assign(as_op(a, &f), p.id, u2, &e), E_OK);
	arena_free(a);
}

static struct license_pool grant_auto(struct arena *a, struct fixture *f, int64_t seats)
{
	struct err e = {0};
	struct license_new n = {
	        .product = "Auto", .unit = "user", .seats = seats, .auto_assign = true, .max_transfers_per_month = -1};
	struct license_pool p;
	if (license_grant(as_op(a, f), &n, &p, &e))
		fail_msg("license_grant: %s", err_message(&e));
	return p;
}

struct names {
	const char *v[16];
	int n;
};

static void add_name(const struct seat_row *s, void *arg)
{
	struct names *x = arg;
	if (x->n < 16)
		x->v[x->n++] = s->user_id;
}

/* The waiting list in its order, through core's list. */
static struct names waiting_of(struct arena *a, struct fixture *f, const char *pool_id)
{
	struct err e = {0};
	struct list_query q = {.spec = &waiting_list_spec, .limit = 16, .fetch = 17};
	struct names out = {0};
	if (waiting_list(as_op(a, f), pool_id, &q, add_name, &out, &e))
		fail_msg("waiting_list: %s", err_message(&e));
	return out;
}

static void new_members_take_free_seats_then_wait_in_order(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct fixture f;
	new_org(a, &f);
	struct license_pool p = grant_auto(a, &f, 2);
	const char *u1 = add_member(a, &f), *u2 = add_member(a, &f), *u3 = add_member(a, &f), *u4 = add_member(a, &f);
	struct license_pool now = reread(a, &f, p.id);
	assert_int_equal(now.used, 2);
	assert_int_equal(now.waiting, 2);
	struct names w = waiting_of(a, &f, p.id);
	assert_int_equal(w.n, 2);
	assert_string_equal(w.v[0], u3);
	assert_string_equal(w.v[1], u4);
	/* A seat freed goes to who waited longest, in the same transaction. */
	struct err e = {0};
	assert_int_equal(seat_remove(as_op(a, &f), p.id, u1, &e), E_OK);
	now = reread(a, &f, p.id);
	assert_int_equal(now.used, 2);
	assert_int_equal(now.waiting, 1);
	assert_int_equal(seat_assign(as_op(a, &f), p.id, u3, &e), E_ALREADY_ASSIGNED); /* u3 holds it */
	/* A member leaving frees theirs for the next. */
	assert_int_equal(member_remove(as_op(a, &f), u2, &e), E_OK);
	now = reread(a, &f, p.id);
	assert_int_equal(now.used, 2);
	assert_int_equal(now.waiting, 0);
	assert_int_equal(seat_assign(as_op(a, &f), p.id, u4, &e), E_ALREADY_ASSIGNED);
	arena_free(a);
}

static void more_seats_serve_the_list_and_a_reduction_puts_the_newest_back_on_it(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct fixture f;
	new_org(a, &f);
	struct license_pool p = grant_auto(a, &f, 1);
	const char *u1 = add_member(a, &f), *u2 = add_member(a, &f), *u3 = add_member(a, &f);
	(void)u1;
	assert_int_equal(reread(a, &f, p.id).waiting, 2);
	struct err e = {0};
	struct license_pool out;
	struct license_change more = {.set_seats = true, .seats = 3};
	assert_int_equal(license_update(as_op(a, &f), p.id, &more, &out, NULL, &e), E_OK);
	assert_int_equal(out.used, 3);
	assert_int_equal(out.waiting, 0);
	/* Lowering to 1 without saying how: refused; newest first: u3, then u2 wait again. */
	struct license_change lower = {.set_seats = true, .seats = 1};
	assert_int_equal(license_update(as_op(a, &f), p.id, &lower, &out, NULL, &e), E_SEATS_IN_USE);
	lower.reduce_newest = true;
	struct seats_taken taken = {0};
	assert_int_equal(license_update(as_op(a, &f), p.id, &lower, &out, &taken, &e), E_OK);
	assert_int_equal(taken.n, 2);
	assert_int_equal(out.used, 1);
	assert_int_equal(out.seats, 1);
	assert_int_equal(out.waiting, 2);
	struct names w = waiting_of(a, &f, p.id);
	assert_int_equal(w.n, 2);
	assert_string_equal(w.v[0], u2); /* the older of the two waits first */
	assert_string_equal(w.v[1], u3);
	/* Someone taken off the list gets nothing when a seat frees. */
	assert_int_equal(waiting_remove(as_op(a, &f), p.id, u2, &e), E_OK);
	assert_int_equal(waiting_remove(as_op(a, &f), p.id, u2, &e), E_NOT_FOUND);
	struct license_change two = {.set_seats = true, .seats = 2};
	assert_int_equal(license_update(as_op(a, &f), p.id, &two, &out, NULL, &e), E_OK);
	assert_int_equal(out.used, 2);
	assert_int_equal(out.waiting, 0);
	assert_int_equal(seat_assign(as_op(a, &f), p.id, u3, &e), E_ALREADY_ASSIGNED);
	arena_free(a);
}

static void without_automatic_assignment_nobody_waits_or_is_served(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct fixture f;
	new_org(a, &f);
	struct license_pool p = grant_auto(a, &f, 1);
	const char *u1 = add_member(a, &f), *u2 = add_member(a, &f);
	(void)u2;
	struct err e = {0};
	struct license_pool out;
	struct license_change off = {.set_auto_assign = true, .auto_assign = false};
	assert_int_equal(license_update(as_op(a, &f), p.id, &off, &out, NULL, &e), E_OK);
	assert_int_equal(out.waiting, 1);
	add_member(a, &f); /* no seat, no place */
	assert_int_equal(reread(a, &f, p.id).waiting, 1);
	assert_int_equal(seat_remove(as_op(a, &f), p.id, u1, &e), E_OK);
	struct license_pool now = reread(a, &f, p.id);
	assert_int_equal(now.used, 0); /* the freed seat waits for a hand */
	assert_int_equal(now.waiting, 1);
	arena_free(a);
}

/* The pool's count of transfers belongs to a month that is long gone. */
static err_code last_month_tx(struct db *db, void *arg, struct err *e)
{
	return store_q_exec(db, "UPDATE license_pools SET transfer_month = 200001 WHERE id = $1", PARAMS(P_TEXT(arg)),
	                    E_INTERNAL, e);
}

static void seats_taken_off_by_hand_count_against_the_monthly_transfer_limit(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct fixture f;
	new_org(a, &f);
	struct err e = {0};
	struct license_new n = {.product = "Viewer", .unit = "user", .seats = 1, .max_transfers_per_month = 2};
	struct license_pool p;
	assert_int_equal(license_grant(as_op(a, &f), &n, &p, &e), E_OK);
	const char *u1 = add_member(a, &f), *u2 = add_member(a, &f), *u3 = add_member(a, &f);
	/* Giving seats is no transfer; taking one off and moving one are. */
	assert_int_equal(seat_assign(as_op(a, &f), p.id, u1, &e), E_OK);
	assert_int_equal(seat_move(as_op(a, &f), p.id, u1, u2, &e), E_OK);
	assert_int_equal(seat_remove(as_op(a, &f), p.id, u2, &e), E_OK);
	assert_int_equal(seat_assign(as_op(a, &f), p.id, u3, &e), E_OK);
	/* The third of the month is refused and changes nothing. */
	assert_int_equal(seat_remove(as_op(a, &f), p.id, u3, &e), E_TRANSFER_LIMIT);
	assert_int_equal(seat_move(as_op(a, &f), p.id, u3, u1, &e), E_TRANSFER_LIMIT);
	assert_int_equal(reread(a, &f, p.id).used, 1);
	assert_int_equal(seat_assign(as_op(a, &f), p.id, u3, &e), E_ALREADY_ASSIGNED);
	/* A member leaving is never refused, nor counted. */
	assert_int_equal(member_remove(as_op(a, &f), u3, &e), E_OK);
	assert_int_equal(reread(a, &f, p.id).used, 0);
	/* A new month starts the count again. */
	assert_int_equal(seat_assign(as_op(a, &f), p.id, u1, &e), E_OK);
	assert_int_equal(seat_remove(as_op(a, &f), p.id, u1, &e), E_TRANSFER_LIMIT);
	assert_int_equal(store_tx(app.store, true, last_month_tx, (void *)p.id, &e), E_OK);
	assert_int_equal(seat_remove(as_op(a, &f), p.id, u1, &e), E_OK);
	/* A limit of 0 refuses the first, even in a month not counted yet. */
	struct license_change zero = {.set_max_transfers = true, .max_transfers_per_month = 0};
	struct license_pool out;
	assert_int_equal(license_update(as_op(a, &f), p.id, &zero, &out, NULL, &e), E_OK);
	assert_int_equal(out.max_transfers_per_month, 0);
	assert_int_equal(seat_assign(as_op(a, &f), p.id, u2, &e), E_OK);
	assert_int_equal(store_tx(app.store, true, last_month_tx, (void *)p.id, &e), E_OK);
	assert_int_equal(seat_remove(as_op(a, &f), p.id, u2, &e), E_TRANSFER_LIMIT);
	/* Unlimited again. */
	struct license_change none = {.set_max_transfers = true, .max_transfers_per_month = -1};
	assert_int_equal(license_update(as_op(a, &f), p.id, &none, &out, NULL, &e), E_OK);
	assert_int_equal(seat_remove(as_op(a, &f), p.id, u2, &e), E_OK);
	arena_free(a);
}

struct signing {
	struct device d;
	struct license_pool p;
	struct certificate c;
};

static err_code sign_tx(struct db *db, void *arg, struct err *e)
{
	struct signing *x = arg;
	struct arena *a = arena_new();
	err_code rc = certificate_sign(db, a, &x->d, &x->p, clock_now_ms(), NULL, &x->c, e);
	if (rc == E_OK)
		x->c.signature = strdup(x->c.signature);
	arena_free(a);
	return rc;
}

static char *signature(struct signing *x)
{
	struct err e = {0};
	if (store_read(app.store, sign_tx, x, &e))
		fail_msg("certificate_sign: %s", err_message(&e));
	return (char *)x->c.signature;
}

/* Six hundred devices (random ids, as ever) signed twice get their first
 * certificate again: none is put out of the cache by another (with one
 * slot a device, two devices meeting in a slot would sign at every call;
 * six hundred meet in one of 32768 slots but for one time in 250, and
 * five of them in one of 8192 sets of four once in 7000); a changed
 * statement signs anew. */
static void certificates_are_reused_per_device_until_what_they_state_changes(void **state)
{
	(void)state;
	struct err e = {0};
	assert_int_equal(license_key_ensure(app.store, &e), E_OK);
	enum { N = 600 };
	static char ids[N][ID_MAX];
	static char *first[N];
	struct signing x = {.d = {.code = "CODE", .user_id = "usr_x", .org_id = "org_x"},
	                    .p = {.id = "lic_x",
	                          .product = "Viewer",
	                          .plan = "",
	                          .unit = "device",
	                          .ends_at = clock_now_ms() + 30 * DAY,
	                          .offline_days = 7}};
	for (int i = 0; i < N; i++) {
		id_new("dev", ids[i]);
		x.d.id = ids[i];
		first[i] = signature(&x);
	}
	/* A certificate signed anew says so by its issued_at, in seconds. */
	struct timespec second = {1, 100 * 1000 * 1000};
	nanosleep(&second, NULL);
	int same = 0;
	for (int i = 0; i < N; i++) {
		x.d.id = ids[i];
		char *again = signature(&x);
		same += !strcmp(again, first[i]);
		free(again);
	}
	assert_int_equal(same, N);
	/* What it states changes: signed anew, then reused again. */
	x.d.id = ids[0];
	x.p.ends_at += DAY;
	char *renewed = signature(&x), *again = signature(&x);
	assert_string_not_equal(renewed, first[0]);
	assert_string_equal(again, renewed);
	free(renewed);
	free(again);
	for (int i = 0; i < N; i++)
		free(first[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(the_term_decides_the_state_and_the_days_left),
	        cmocka_unit_test(a_grant_defaults_to_a_year_and_refuses_bad_terms),
	        cmocka_unit_test(seats_are_taken_while_free_and_once_per_member),
	        cmocka_unit_test(a_move_changes_both_holders_or_neither),
	        cmocka_unit_test(a_removed_member_frees_their_seats),
	        cmocka_unit_test(an_ended_or_cancelled_pool_gives_no_seat_and_keeps_its_holders),
	        cmocka_unit_test(new_members_take_free_seats_then_wait_in_order),
	        cmocka_unit_test(more_seats_serve_the_list_and_a_reduction_puts_the_newest_back_on_it),
	        cmocka_unit_test(without_automatic_assignment_nobody_waits_or_is_served),
	        cmocka_unit_test(seats_taken_off_by_hand_count_against_the_monthly_transfer_limit),
	        cmocka_unit_test(certificates_are_reused_per_device_until_what_they_state_changes),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
