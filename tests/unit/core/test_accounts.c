/* Accounts on a real store (SQLite, then PostgreSQL under tests/run.sh).
 * Each test makes its own users with unique emails and signs in from its
 * own client address, so throttle windows never meet across tests. */
#include "testutil.h"

#include <pthread.h>
#include <sodium.h>
#include <time.h>

#include "base/clock.h"
#include "core/accounts.h"
#include "core/member_card.h"
#include "core/migrate.h"
#include "store/accounts.h"
#include "store/misc.h"
#include "store/orgs.h"
#include "store/store.h"

#define LIFETIME_MS (24 * 3600 * 1000LL)
#define IDLE_MS (3600 * 1000LL)

static struct app app;

static int setup(void **state)
{
	(void)state;
	app = (struct app){.store = test_store(),
	                   .public_url = "http://roster.test",
	                   .session_idle_ms = IDLE_MS,
	                   .session_lifetime_ms = LIFETIME_MS};
	return 0;
}

/* A client address of its own for one test. */
struct client {
	char addr[ID_MAX];
	struct reqinfo ri;
};

static const struct reqinfo *client(struct client *c)
{
	id_new("addr", c->addr);
	c->ri = (struct reqinfo){.request_id = "req_test", .client_addr = c->addr};
	return &c->ri;
}

static void operator(struct arena *a, char *email, size_t len, const char *prefix, const char *password,
                     struct user *out)
{
	struct err e;
	struct user u;
	test_email(email, len, prefix);
	if (account_create_operator(tctx(&app, a, NULL, NULL, NULL), email, password, out ? out : &u, &e))
		fail_msg("create %s: %s", email, err_message(&e));
}

static err_code login(struct arena *a, const struct reqinfo *ri, const char *email, const char *password,
                      struct login_result *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	err_clear(e);
	return account_login(tctx(&app, a, ri, NULL, NULL), email, password, out, e);
}

static void must_login(struct arena *a, const struct reqinfo *ri, const char *email, const char *password,
                       struct login_result *out)
{
	struct err e;
	if (login(a, ri, email, password, out, &e))
		fail_msg("login %s: %s", email, err_message(&e));
}

static err_code authenticate(struct arena *a, const char *token, struct auth *out)
{
	struct err e;
	err_clear(&e);
	memset(out, 0, sizeof *out);
	return account_authenticate(tctx(&app, a, NULL, NULL, NULL), token, out, &e);
}

/* ---- the outbox, read back ---- */

static err_code take_mail(struct arena *a, struct outbox_msg *out)
{
	return test_take_mail(app.store, a, out);
}

/* The one message queued since the last drain: to `to`, and nothing else. */
static void only_mail(struct arena *a, const char *to, struct outbox_msg *out)
{
	assert_int_equal(take_mail(a, out), E_OK);
	assert_string_equal(out->recipient, to);
	struct outbox_msg more;
	assert_int_equal(take_mail(a, &more), E_NOT_FOUND);
}

static int64_t outbox_depth(void)
{
	struct db *db = store_conn(app.store, NULL);
	int64_t n = -1;
	struct err e;
	assert_non_null(db);
	assert_int_equal(store_outbox_depth(db, &n, &e), E_OK);
	return n;
}

/* The token in a link "…?token=XYZ" of the message. */
static const char *link_token(struct arena *a, const char *body, const char *prefix)
{
	const char *p = strstr(body, prefix);
	if (!p)
		fail_msg("no '%s' in: %s", prefix, body);
	p += strlen(prefix);
	size_t n = strspn(p, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
	assert_int_equal(n, TOKEN_LEN);
	return arena_strndup(a, p, n);
}

static const char *forgot_and_read_token(struct arena *a, const struct reqinfo *ri, const char *email)
{
	struct err e;
	test_drain_mail(app.store, a);
	assert_int_equal(account_forgot_password(tctx(&app, a, ri, NULL, NULL), email, &e), E_OK);
	struct outbox_msg m;
	only_mail(a, email, &m);
	return link_token(a, m.body_text, "http://roster.test/reset-password?token=");
}

/* ---- bootstrap, on a database of its own (the suite's has operators) ---- */

struct fresh {
	struct test_fresh_db db;
	struct store *store;
	struct app app;
};

/* A new, migrated database on the suite's engine. */
static void fresh_open(struct fresh *f)
{
	struct err e;
	test_fresh_db_create(&f->db);
	if (store_open(f->db.url, false, &f->store, &e) || core_migrate(f->store, &e))
		fail_msg("fresh database %s: %s", f->db.url, err_message(&e));
	f->app = app;
	f->app.store = f->store;
}

static void fresh_close(struct fresh *f)
{
	store_free(f->store);
	test_fresh_db_drop(&f->db);
}

struct exists_arg {
	bool exists;
};

static err_code exists_tx(struct db *db, void *arg, struct err *e)
{
	return store_operator_exists(db, &((struct exists_arg *)arg)->exists, e);
}

static void bootstrap_operator_creates_once(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct fresh f;
	fresh_open(&f);
	struct err e;
	struct exists_arg ex = {true};
	assert_int_equal(store_tx(f.store, false, exists_tx, &ex, &e), E_OK);
	assert_false(ex.exists);

	char email[128], email2[128], pw[64] = "", pw2[64] = "";
	test_email(email, sizeof email, "boot");
	test_email(email2, sizeof email2, "boot2");
	bool created = false;
	assert_int_equal(
	        account_bootstrap_operator(tctx(&f.app, a, NULL, NULL, NULL), email, pw, sizeof pw, &created, &e),
	        E_OK);
	assert_true(created);
	assert_int_equal(strlen(pw), 20);
	struct client c;
	struct login_result lr;
	assert_int_equal(account_login(tctx(&f.app, a, client(&c), NULL, NULL), email, pw, &lr, &e), E_OK);
	assert_true(lr.user.is_operator);
	assert_int_equal(store_tx(f.store, false, exists_tx, &ex, &e), E_OK);
	assert_true(ex.exists);

	/* Now there is one: later calls create nothing, whatever the address. */
	for (int i = 0; i < 2; i++) {
		created = true;
		pw2[0] = '\0';
		assert_int_equal(account_bootstrap_operator(tctx(&f.app, a, NULL, NULL, NULL), i ? email : email2, pw2,
		                                            sizeof pw2, &created, &e),
		                 E_OK);
		assert_false(created);
	}
	assert_int_equal(account_login(tctx(&f.app, a, &c.ri, NULL, NULL), email2, pw2, &lr, &e),
	                 E_INVALID_CREDENTIALS);
	assert_int_equal(account_login(tctx(&f.app, a, &c.ri, NULL, NULL), email, pw, &lr, &e), E_OK);
	assert_int_equal(account_bootstrap_operator(tctx(&f.app, a, NULL, NULL, NULL), "not an email", pw2, sizeof pw2,
	                                            &created, &e),
	                 E_INVALID_EMAIL);
	fresh_close(&f);
	arena_free(a);
}

/* Another rosterd bootstrapping the same address at the same moment (several
 * processes may share one PostgreSQL database): whichever commits second
 * must find the operator there and start normally, not fail. */
struct boot_race {
	struct fresh *f;
	const char *email;
	pthread_mutex_t lock;
	pthread_cond_t cond;
	pthread_t thread;
	bool started, done;
	err_code rc;
	bool created;
};

static void *boot_main(void *arg)
{
	struct boot_race *b = arg;
	struct arena *a = arena_new();
	char pw[64];
	struct err e;
	b->rc = account_bootstrap_operator(tctx(&b->f->app, a, NULL, NULL, NULL), b->email, pw, sizeof pw, &b->created,
	                                   &e);
	arena_free(a);
	pthread_mutex_lock(&b->lock);
	b->done = true;
	pthread_cond_signal(&b->cond);
	pthread_mutex_unlock(&b->lock);
	return NULL;
}

/* The other process: its operator row is written, not yet committed, while
 * ours runs; it commits after ours finished or after half a second. */
static err_code other_bootstrap_tx(struct db *db, void *arg, struct err *e)
{
	struct boot_race *b = arg;
	char id[ID_MAX];
	id_new("usr", id);
	struct user u = {.id = id,
	                 .email = b->email,
	                 .first_name = "",
	                 .last_name = "",
	                 .company = "",
	                 .language = "en",
	                 .password_hash = "$argon2id$other",
	                 .state = "active",
	                 .is_operator = true,
	                 .created_at = 1,
	                 .updated_at = 1};
	if (store_user_insert(db, &u, b->email, e))
		return e->code;
	if (!b->started) /* not again if the transaction is retried */
		b->started = pthread_create(&b->thread, NULL, boot_main, b) == 0;
	struct timespec until;
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_nsec += 500 * 1000000L;
	until.tv_sec += until.tv_nsec / 1000000000L;
	until.tv_nsec %= 1000000000L;
	pthread_mutex_lock(&b->lock);
	while (!b->done)
		if (pthread_cond_timedwait(&b->cond, &b->lock, &until))
			break;
	pthread_mutex_unlock(&b->lock);
	return E_OK;
}

static void bootstrap_operator_tolerates_a_concurrent_bootstrap(void **state)
{
	(void)state;
	struct fresh f;
	fresh_open(&f);
	char email[128];
	test_email(email, sizeof email, "bootrace");
	struct boot_race b = {.f = &f, .email = email, .rc = E__COUNT};
	pthread_mutex_init(&b.lock, NULL);
	pthread_cond_init(&b.cond, NULL);
	struct err e;
	err_code other = store_tx(f.store, true, other_bootstrap_tx, &b, &e);
	if (b.started)
		pthread_join(b.thread, NULL);
	pthread_mutex_destroy(&b.lock);
	pthread_cond_destroy(&b.cond);
	char engine[16];
	snprintf(engine, sizeof engine, "%s", store_engine(f.store));
	fresh_close(&f);
	assert_int_equal(other, E_OK);
	assert_true(b.started);
	if (b.rc != E_OK)
		fail_msg("bootstrap next to another one answered %s (%s engine)", err_name(b.rc), engine);
	assert_false(b.created);
}

/* ---- password rules ---- */

static void password_check_rules(void **state)
{
	(void)state;
	struct err e;
	err_clear(&e);
	assert_int_equal(password_check("a@b.c", "123456789", &e), E_PASSWORD_TOO_SHORT);
	assert_string_equal(e.field, "password");
	assert_int_equal(err_status(e.code), 422);
	assert_int_equal(password_check("a@b.c", "1234567890", &e), E_OK);
	assert_int_equal(password_check("a@b.c", "", &e), E_PASSWORD_TOO_SHORT);
	/* Characters, not bytes: 9 two-byte characters are too short, 10 are fine. */
	assert_int_equal(
	        password_check("a@b.c", "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", &e),
	        E_PASSWORD_TOO_SHORT);
	assert_int_equal(
	        password_check("a@b.c",
	                       "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", &e),
	        E_OK);
	assert_int_equal(password_check("a@b.c", "\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80", &e),
	                 E_PASSWORD_TOO_SHORT); /* 12 bytes, 3 characters */
	/* At most 1024 bytes. */
	char big[1026];
	memset(big, 'x', 1024);
	big[1024] = '\0';
	assert_int_equal(password_check("a@b.c", big, &e), E_OK);
	big[1024] = 'x';
	big[1025] = '\0';
	assert_int_equal(password_check("a@b.c", big, &e), E_PASSWORD_TOO_LONG);
	assert_string_equal(e.field, "password");
	/* Not the email, in any case. */
	assert_int_equal(password_check("Jean.Dupont@Example.com", "jean.dupont@example.COM", &e), E_PASSWORD_IS_EMAIL);
	assert_string_equal(e.field, "password");
	assert_int_equal(password_check("Jean.Dupont@Example.com", "Jean.Dupont@Example.co", &e), E_OK);
	assert_int_equal(password_check(NULL, "jean.dupont@example.com", &e), E_OK);
}

/* ---- operators and sign-in ---- */

static void operator_with_password_signs_in(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct client c;
	char email[128];
	struct user u;
	operator(a, email, sizeof email, "op", "operator-password-1", &u);
	assert_true(id_valid("usr", u.id));
	assert_true(u.is_operator);

	struct login_result lr;
	int64_t before = clock_now_ms();
	must_login(a, client(&c), email, "operator-password-1", &lr);
	assert_int_equal(strlen(lr.token), TOKEN_LEN);
	assert_string_equal(lr.user.id, u.id);
	assert_true(lr.expires_at >= before + LIFETIME_MS && lr.expires_at <= clock_now_ms() + LIFETIME_MS);

	struct auth who;
	assert_int_equal(authenticate(a, lr.token, &who), E_OK);
	assert_string_equal(who.user.id, u.id);
	assert_string_equal(who.user.email, email);
	assert_string_equal(who.session.user_id, u.id);
	assert_true(id_valid("ses", who.session.id));
	assert_int_equal(who.session.expires_at, lr.expires_at);

	/* The address is matched by its key: case and spaces do not matter. */
	char shouting[140];
	snprintf(shouting, sizeof shouting, "  %s ", email);
	for (char *p = shouting; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
	struct login_result lr2;
	must_login(a, client(&c), shouting, "operator-password-1", &lr2);
	assert_string_not_equal(lr.token, lr2.token);
	arena_free(a);
}

static void authenticate_refuses_bad_tokens(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct auth who;
	char t[TOKEN_LEN + 1];
	token_new(t);
	assert_int_equal(authenticate(a, t, &who), E_UNAUTHENTICATED);
	assert_int_equal(authenticate(a, "", &who), E_UNAUTHENTICATED);
	assert_int_equal(authenticate(a, NULL, &who), E_UNAUTHENTICATED);
	assert_int_equal(authenticate(a, "short", &who), E_UNAUTHENTICATED);
	arena_free(a);
}

static void logout_ends_the_session(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct client c;
	char email[128];
	operator(a, email, sizeof email, "logout", "logout-password-1", NULL);
	struct login_result one, two;
	must_login(a, client(&c), email, "logout-password-1", &one);
	must_login(a, &c.ri, email, "logout-password-1", &two);
	struct auth who;
	assert_int_equal(authenticate(a, one.token, &who), E_OK);
	struct err e;
	assert_int_equal(account_logout(tctx(&app, NULL, &c.ri, &who, NULL), &e), E_OK);
	assert_int_equal(authenticate(a, one.token, &who), E_UNAUTHENTICATED);
	assert_int_equal(authenticate(a, two.token, &who), E_OK); /* only that one */
	arena_free(a);
}

static void sessions_end_when_idle_or_old(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct client c;
	char email[128];
	operator(a, email, sizeof email, "idle", "idle-password-1", NULL);
	struct login_result lr;
	must_login(a, client(&c), email, "idle-password-1", &lr);
	struct timespec ts = {0, 20 * 1000000L};
	nanosleep(&ts, NULL);
	struct auth who;
	struct err e;
	struct app idle = app;
	idle.session_idle_ms = 5;
	assert_int_equal(account_authenticate(tctx(&idle, a, NULL, NULL, NULL), lr.token, &who, &e), E_UNAUTHENTICATED);
	assert_int_equal(authenticate(a, lr.token, &who), E_OK);

	struct app brief = app;
	brief.session_lifetime_ms = 5;
	assert_int_equal(account_login(tctx(&brief, a, &c.ri, NULL, NULL), email, "idle-password-1", &lr, &e), E_OK);
	nanosleep(&ts, NULL);
	assert_int_equal(authenticate(a, lr.token, &who), E_UNAUTHENTICATED);
	arena_free(a);
}

static void create_operator_refuses_bad_input(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct err e;
	struct user u;
	char email[128], upper[128];
	operator(a, email, sizeof email, "taken", "taken-password-1", NULL);
	snprintf(upper, sizeof upper, "%s", email);
	upper[0] = (char)(upper[0] - 'a' + 'A');
	assert_int_equal(account_create_operator(tctx(&app, a, NULL, NULL, NULL), upper, "other-password-1", &u, &e),
	                 E_USER_EXISTS);
	assert_int_equal(
	        account_create_operator(tctx(&app, a, NULL, NULL, NULL), "no-at-sign", "other-password-1", &u, &e),
	        E_INVALID_EMAIL);
	assert_string_equal(e.field, "email");

	char fresh[128];
	test_email(fresh, sizeof fresh, "weak");
	assert_int_equal(account_create_operator(tctx(&app, a, NULL, NULL, NULL), fresh, "short", &u, &e),
	                 E_PASSWORD_TOO_SHORT);
	assert_int_equal(account_create_operator(tctx(&app, a, NULL, NULL, NULL), fresh, fresh, &u, &e),
	                 E_PASSWORD_IS_EMAIL);
	/* Refused: nothing was created, so the address is still free. */
	assert_int_equal(account_create_operator(tctx(&app, a, NULL, NULL, NULL), fresh, "good-password-1", &u, &e),
	                 E_OK);
	arena_free(a);
}

static void wrong_password_and_unknown_email_look_alike(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct client c;
	char email[128], unknown[128];
	operator(a, email, sizeof email, "wrong", "right-password-1", NULL);
	test_email(unknown, sizeof unknown, "unknown");
	struct login_result lr;
	struct err e;
	client(&c);
	assert_int_equal(login(a, &c.ri, email, "wrong-password-1", &lr, &e), E_INVALID_CREDENTIALS);
	assert_int_equal(err_status(e.code), 401);
	const char *msg_wrong = arena_strdup(a, err_message(&e));
	assert_int_equal(login(a, &c.ri, unknown, "right-password-1", &lr, &e), E_INVALID_CREDENTIALS);
	assert_string_equal(err_message(&e), msg_wrong);
	assert_int_equal(login(a, &c.ri, "not an email", "right-password-1", &lr, &e), E_INVALID_CREDENTIALS);
	assert_int_equal(login(a, &c.ri, email, "", &lr, &e), E_INVALID_CREDENTIALS);
	/* A password over the limit is simply wrong, not an error. */
	char big[2000];
	memset(big, 'p', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	assert_int_equal(login(a, &c.ri, email, big, &lr, &e), E_INVALID_CREDENTIALS);
	assert_int_equal(lr.token[0], '\0');
	must_login(a, &c.ri, email, "right-password-1", &lr);
	arena_free(a);
}

static void login_throttles_an_account(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct client c;
	char email[128];
	operator(a, email, sizeof email, "throttle", "throttle-password-1", NULL);
	struct login_result lr;
	struct err e;
	client(&c);
	for (int i = 0; i < LOGIN_MAX_FAILURES_ACCOUNT; i++)
		assert_int_equal(login(a, &c.ri, email, "not-the-password", &lr, &e), E_INVALID_CREDENTIALS);
	/* The 11th attempt is refused before the password is looked at, even a right one. */
	assert_int_equal(login(a, &c.ri, email, "throttle-password-1", &lr, &e), E_TOO_MANY_REQUESTS);
	assert_int_equal(err_status(e.code), 429);
	assert_true(e.retry_after > 0);
	assert_true(e.retry_after <= LOGIN_WINDOW_MS / 1000);
	/* From another address too: the window is the account's. */
	struct client c2;
	assert_int_equal(login(a, client(&c2), email, "throttle-password-1", &lr, &e), E_TOO_MANY_REQUESTS);
	arena_free(a);
}

static void login_success_clears_the_account_count(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct client c;
	char email[128];
	operator(a, email, sizeof email, "clear", "clear-password-1", NULL);
	struct login_result lr;
	struct err e;
	client(&c);
	for (int round = 0; round < 2; round++) {
		for (int i = 0; i < LOGIN_MAX_FAILURES_ACCOUNT - 1; i++)
			assert_int_equal(login(a, &c.ri, email, "not-the-password", &lr, &e), E_INVALID_CREDENTIALS);
		must_login(a, &c.ri, email, "clear-password-1", &lr);
	}
	arena_free(a);
}

static void login_throttles_an_address(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct client c;
	struct login_result lr;
	struct err e;
	client(&c);
	/* Many accounts from one address: each account stays under its own limit. */
	for (int i = 0; i < LOGIN_MAX_FAILURES_ADDRESS; i++) {
		char email[128];
		test_email(email, sizeof email, "spray");
		assert_int_equal(login(a, &c.ri, email, "guess-password", &lr, &e), E_INVALID_CREDENTIALS);
	}
	char email[128];
	operator(a, email, sizeof email, "sprayed", "sprayed-password-1", NULL);
	assert_int_equal(login(a, &c.ri, email, "sprayed-password-1", &lr, &e), E_TOO_MANY_REQUESTS);
	assert_true(e.retry_after > 0);
	/* Another address is not affected. */
	struct client c2;
	must_login(a, client(&c2), email, "sprayed-password-1", &lr);
	arena_free(a);
}

/* The account limit holds when the guesses arrive all at once. */
struct guess {
	const char *email;
	const struct reqinfo *ri;
	pthread_barrier_t *barrier;
	err_code rc;
};

static void *guess_main(void *arg)
{
	struct guess *g = arg;
	struct arena *a = arena_new();
	struct login_result lr;
	struct err e;
	pthread_barrier_wait(g->barrier);
	g->rc = account_login(tctx(&app, a, g->ri, NULL, NULL), g->email, "a-wrong-guess", &lr, &e);
	arena_free(a);
	return NULL;
}

static void concurrent_failures_stay_within_the_account_limit(void **state)
{
	(void)state;
	enum { N = 16 };
	struct arena *a = arena_new();
	char email[128];
	operator(a, email, sizeof email, "guesses", "guessed-password-1", NULL);
	struct client c[N];
	struct guess g[N];
	pthread_t th[N];
	pthread_barrier_t barrier;
	pthread_barrier_init(&barrier, NULL, N);
	for (int i = 0; i < N; i++) {
		g[i] = (struct guess){.email = email, .ri = client(&c[i]), .barrier = &barrier, .rc = E__COUNT};
		assert_int_equal(pthread_create(&th[i], NULL, guess_main, &g[i]), 0);
	}
	int checked = 0, refused = 0;
	for (int i = 0; i < N; i++) {
		pthread_join(th[i], NULL);
		if (g[i].rc == E_INVALID_CREDENTIALS)
			checked++;
		else if (g[i].rc == E_TOO_MANY_REQUESTS)
			refused++;
		else
			fail_msg("guess %d: %s", i, err_name(g[i].rc));
	}
	pthread_barrier_destroy(&barrier);
	arena_free(a);
	/* At most LOGIN_MAX_FAILURES_ACCOUNT passwords were tried against the account. */
	if (checked > LOGIN_MAX_FAILURES_ACCOUNT)
		fail_msg("%d of %d simultaneous guesses were checked (limit %d), %d refused", checked, N,
		         LOGIN_MAX_FAILURES_ACCOUNT, refused);
}

struct hash_arg {
	struct arena *a;
	const char *email_key;
	struct user u;
	bool insert;
};

static err_code user_tx(struct db *db, void *arg, struct err *e)
{
	struct hash_arg *h = arg;
	if (h->insert)
		return store_user_insert(db, &h->u, h->email_key, e);
	return store_user_by_email(db, h->a, h->email_key, &h->u, e);
}

static void login_upgrades_an_old_hash(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	char email[128], id[ID_MAX], old[crypto_pwhash_STRBYTES];
	test_email(email, sizeof email, "rehash");
	id_new("usr", id);
	const char pw[] = "an-old-password";
	assert_int_equal(crypto_pwhash_str_alg(old, pw, strlen(pw), 1, 8u * 1024 * 1024, crypto_pwhash_ALG_ARGON2ID13),
	                 0);
	struct hash_arg h = {.a = a, .email_key = email, .insert = true};
	h.u = (struct user){.id = id,
	                    .email = email,
	                    .language = "en",
	                    .password_hash = old,
	                    .state = "active",
	                    .created_at = 1,
	                    .updated_at = 1};
	struct err e;
	assert_int_equal(store_tx(app.store, true, user_tx, &h, &e), E_OK);
	struct client c;
	struct login_result lr;
	must_login(a, client(&c), email, pw, &lr);
	h.insert = false;
	assert_int_equal(store_tx(app.store, false, user_tx, &h, &e), E_OK);
	assert_string_not_equal(h.u.password_hash, old);
	assert_non_null(strstr(h.u.password_hash, "m=19456,t=2,p=1"));
	must_login(a, &c.ri, email, pw, &lr);
	arena_free(a);
}

/* ---- forgotten passwords ---- */

static void forgot_for_unknown_email_sends_nothing(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct client c;
	struct err e;
	char unknown[128];
	test_email(unknown, sizeof unknown, "nobody");
	test_drain_mail(app.store, a);
	int64_t before = outbox_depth();
	assert_int_equal(account_forgot_password(tctx(&app, a, client(&c), NULL, NULL), unknown, &e), E_OK);
	assert_int_equal(account_forgot_password(tctx(&app, a, &c.ri, NULL, NULL), "not an email", &e), E_OK);
	assert_int_equal(outbox_depth(), before);
	struct outbox_msg m;
	assert_int_equal(take_mail(a, &m), E_NOT_FOUND);
	arena_free(a);
}

static void forgot_queues_one_reset_link(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct client c;
	struct err e;
	char email[128];
	operator(a, email, sizeof email, "forgot", "forgot-password-1", NULL);
	test_drain_mail(app.store, a);
	int64_t before = outbox_depth();
	assert_int_equal(account_forgot_password(tctx(&app, a, client(&c), NULL, NULL), email, &e), E_OK);
	assert_int_equal(outbox_depth(), before + 1);
	struct outbox_msg m;
	only_mail(a, email, &m);
	assert_string_equal(m.language, "en");
	assert_string_equal(m.subject, "Reset your roster password");
	assert_non_null(strstr(m.body_text, "http://roster.test/reset-password?token="));
	assert_non_null(strstr(m.body_html, "http://roster.test/reset-password?token="));
	const char *token = link_token(a, m.body_text, "http://roster.test/reset-password?token=");
	/* The same link in both parts. */
	assert_non_null(strstr(m.body_html, token));
	/* Greeted by address when there is no first name. */
	assert_non_null(strstr(m.body_text, email));
	arena_free(a);
}

/* Jobs handed on by a request, held until the test runs them. */
struct held_jobs {
	int n;
	void (*fn[8])(void *);
	void *arg[8];
};

static bool hold_job(void *held, void (*fn)(void *), void *arg)
{
	struct held_jobs *h = held;
	if (h->n == 8)
		return false;
	h->fn[h->n] = fn;
	h->arg[h->n] = arg;
	h->n++;
	return true;
}

static struct ctx *deferring(struct arena *a, const struct reqinfo *ri, struct held_jobs *h)
{
	struct ctx *c = tctx(&app, a, ri, NULL, NULL);
	c->defer = hold_job;
	c->defer_arg = h;
	return c;
}

/* The answer comes before any work that depends on the account: for an
 * existing and an unknown address alike the request only counts the
 * attempt and hands one job on; the email is queued when the job runs. */
static void forgot_answers_before_the_work(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct client c;
	struct err e;
	char known[128], unknown[128];
	operator(a, known, sizeof known, "forgotlater", "forgot-password-2", NULL);
	test_email(unknown, sizeof unknown, "nobodylater");
	test_drain_mail(app.store, a);
	struct held_jobs h = {0};
	assert_int_equal(account_forgot_password(deferring(a, client(&c), &h), known, &e), E_OK);
	assert_int_equal(h.n, 1);
	assert_int_equal(outbox_depth(), 0);
	assert_int_equal(account_forgot_password(deferring(a, &c.ri, &h), unknown, &e), E_OK);
	assert_int_equal(h.n, 2);
	assert_int_equal(outbox_depth(), 0);
	for (int i = 0; i < h.n; i++)
		h.fn[i](h.arg[i]);
	struct outbox_msg m;
	only_mail(a, known, &m);
	assert_string_equal(m.subject, "Reset your roster password");
	/* A throttled request still answers at once, without handing anything on. */
	h.n = 0;
	for (int i = 0; i < FORGOT_MAX_PER_EMAIL - 1; i++)
		assert_int_equal(account_forgot_password(deferring(a, client(&c), &h), unknown, &e), E_OK);
	for (int i = 0; i < h.n; i++)
		h.fn[i](h.arg[i]);
	h.n = 0;
	assert_int_equal(account_forgot_password(deferring(a, client(&c), &h), unknown, &e), E_TOO_MANY_REQUESTS);
	assert_int_equal(h.n, 0);
	arena_free(a);
}

static void reset_sets_password_and_ends_sessions(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct client c;
	struct err e;
	char email[128];
	operator(a, email, sizeof email, "reset", "first-password-1", NULL);
	struct login_result lr;
	must_login(a, client(&c), email, "first-password-1", &lr);
	const char *token = forgot_and_read_token(a, &c.ri, email);

	assert_int_equal(account_reset_password(tctx(&app, a, &c.ri, NULL, NULL), token, "second-password-2", &e),
	                 E_OK);
	struct auth who;
	assert_int_equal(authenticate(a, lr.token, &who), E_UNAUTHENTICATED);
	struct login_result lr2;
	must_login(a, &c.ri, email, "second-password-2", &lr2);
	assert_int_equal(login(a, &c.ri, email, "first-password-1", &lr, &e), E_INVALID_CREDENTIALS);
	/* Used once, useless after. */
	assert_int_equal(account_reset_password(tctx(&app, a, &c.ri, NULL, NULL), token, "third-password-3", &e),
	                 E_INVALID_TOKEN);
	assert_int_equal(err_status(e.code), 400);
	must_login(a, &c.ri, email, "second-password-2", &lr2);
	arena_free(a);
}

static void weak_password_at_reset_keeps_the_token(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct client c;
	struct err e;
	char email[128];
	operator(a, email, sizeof email, "weakreset", "first-password-1", NULL);
	const char *token = forgot_and_read_token(a, client(&c), email);
	assert_int_equal(account_reset_password(tctx(&app, a, &c.ri, NULL, NULL), token, "short", &e),
	                 E_PASSWORD_TOO_SHORT);
	assert_int_equal(err_status(e.code), 422);
	assert_string_equal(e.field, "password");
	assert_int_equal(account_reset_password(tctx(&app, a, &c.ri, NULL, NULL), token, email, &e),
	                 E_PASSWORD_IS_EMAIL);
	/* The refused attempts did not change the password. */
	struct login_result lr;
	must_login(a, &c.ri, email, "first-password-1", &lr);
	assert_int_equal(account_reset_password(tctx(&app, a, &c.ri, NULL, NULL), token, "a-good-new-password", &e),
	                 E_OK);
	must_login(a, &c.ri, email, "a-good-new-password", &lr);
	arena_free(a);
}

static void reset_refuses_unknown_tokens(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct err e;
	char t[TOKEN_LEN + 1];
	token_new(t);
	assert_int_equal(account_reset_password(tctx(&app, a, NULL, NULL, NULL), t, "whatever-password", &e),
	                 E_INVALID_TOKEN);
	assert_int_equal(account_reset_password(tctx(&app, a, NULL, NULL, NULL), "", "whatever-password", &e),
	                 E_INVALID_TOKEN);
	assert_int_equal(account_reset_password(tctx(&app, a, NULL, NULL, NULL), "abc", "whatever-password", &e),
	                 E_INVALID_TOKEN);
	arena_free(a);
}

static void a_new_link_voids_the_older_one(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct client c;
	struct err e;
	char email[128];
	operator(a, email, sizeof email, "twolinks", "first-password-1", NULL);
	const char *first = forgot_and_read_token(a, client(&c), email);
	const char *second = forgot_and_read_token(a, &c.ri, email);
	assert_string_not_equal(first, second);
	assert_int_equal(account_reset_password(tctx(&app, a, &c.ri, NULL, NULL), first, "second-password-2", &e),
	                 E_INVALID_TOKEN);
	assert_int_equal(account_reset_password(tctx(&app, a, &c.ri, NULL, NULL), second, "second-password-2", &e),
	                 E_OK);
	arena_free(a);
}

static void forgot_is_throttled_per_email(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct client c;
	struct err e;
	char email[128];
	operator(a, email, sizeof email, "forgotmany", "first-password-1", NULL);
	test_drain_mail(app.store, a);
	int64_t before = outbox_depth();
	client(&c);
	for (int i = 0; i < FORGOT_MAX_PER_EMAIL; i++)
		assert_int_equal(account_forgot_password(tctx(&app, a, &c.ri, NULL, NULL), email, &e), E_OK);
	assert_int_equal(outbox_depth(), before + FORGOT_MAX_PER_EMAIL);
	assert_int_equal(account_forgot_password(tctx(&app, a, &c.ri, NULL, NULL), email, &e), E_TOO_MANY_REQUESTS);
	assert_true(e.retry_after > 0);
	assert_int_equal(outbox_depth(), before + FORGOT_MAX_PER_EMAIL);
	test_drain_mail(app.store, a);
	arena_free(a);
}

static void setup_link_sets_the_first_password(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct client c;
	struct err e;
	char email[128];
	test_drain_mail(app.store, a);
	operator(a, email, sizeof email, "setup", NULL, NULL);
	struct outbox_msg m;
	only_mail(a, email, &m);
	assert_string_equal(m.subject, "Set your roster password");
	const char *token = link_token(a, m.body_text, "http://roster.test/set-password?token=");
	struct login_result lr;
	/* No password yet: nothing signs in. */
	assert_int_equal(login(a, client(&c), email, "", &lr, &e), E_INVALID_CREDENTIALS);
	assert_int_equal(login(a, &c.ri, email, "any-password-1", &lr, &e), E_INVALID_CREDENTIALS);
	assert_int_equal(account_reset_password(tctx(&app, a, &c.ri, NULL, NULL), token, "chosen-password-1", &e),
	                 E_OK);
	must_login(a, &c.ri, email, "chosen-password-1", &lr);
	assert_int_equal(account_reset_password(tctx(&app, a, &c.ri, NULL, NULL), token, "chosen-password-2", &e),
	                 E_INVALID_TOKEN);
	arena_free(a);
}

struct reset_race {
	const char *token;
	char password[32];
	pthread_barrier_t *barrier;
	err_code rc;
};

static void *reset_main(void *arg)
{
	struct reset_race *r = arg;
	struct arena *a = arena_new();
	struct err e;
	pthread_barrier_wait(r->barrier);
	r->rc = account_reset_password(tctx(&app, a, NULL, NULL, NULL), r->token, r->password, &e);
	arena_free(a);
	return NULL;
}

static void concurrent_resets_with_one_token_have_one_winner(void **state)
{
	(void)state;
	enum { N = 6 };
	struct arena *a = arena_new();
	struct client c;
	char email[128];
	operator(a, email, sizeof email, "resetrace", "first-password-1", NULL);
	const char *token = forgot_and_read_token(a, client(&c), email);
	pthread_barrier_t barrier;
	pthread_barrier_init(&barrier, NULL, N);
	struct reset_race r[N];
	pthread_t th[N];
	for (int i = 0; i < N; i++) {
		r[i] = (struct reset_race){.token = token, .barrier = &barrier, .rc = E__COUNT};
		snprintf(r[i].password, sizeof r[i].password, "racing-password-%d", i);
		assert_int_equal(pthread_create(&th[i], NULL, reset_main, &r[i]), 0);
	}
	int winner = -1, losers = 0;
	for (int i = 0; i < N; i++) {
		pthread_join(th[i], NULL);
		if (r[i].rc == E_OK) {
			assert_int_equal(winner, -1);
			winner = i;
		} else if (r[i].rc == E_INVALID_TOKEN) {
			losers++;
		} else {
			fail_msg("thread %d: %s", i, err_name(r[i].rc));
		}
	}
	pthread_barrier_destroy(&barrier);
	assert_int_not_equal(winner, -1);
	assert_int_equal(losers, N - 1);
	struct login_result lr;
	must_login(a, &c.ri, email, r[winner].password, &lr);
	arena_free(a);
}

/* ---- changing the password while signed in ---- */

static void change_password_keeps_only_this_session(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct client c;
	struct err e;
	char email[128];
	operator(a, email, sizeof email, "change", "first-password-1", NULL);
	struct login_result here, there;
	must_login(a, client(&c), email, "first-password-1", &here);
	must_login(a, &c.ri, email, "first-password-1", &there);
	struct auth who;
	assert_int_equal(authenticate(a, here.token, &who), E_OK);
	assert_int_equal(
	        account_change_password(tctx(&app, a, &c.ri, &who, NULL), "wrong-password-1", "second-password-2", &e),
	        E_WRONG_PASSWORD);
	assert_string_equal(e.field, "current_password");
	assert_int_equal(account_change_password(tctx(&app, a, &c.ri, &who, NULL), "first-password-1", "short", &e),
	                 E_PASSWORD_TOO_SHORT);
	assert_string_equal(e.field, "new_password");
	assert_int_equal(
	        account_change_password(tctx(&app, a, &c.ri, &who, NULL), "first-password-1", "second-password-2", &e),
	        E_OK);
	assert_int_equal(authenticate(a, here.token, &who), E_OK);
	assert_int_equal(authenticate(a, there.token, &who), E_UNAUTHENTICATED);
	struct login_result lr;
	must_login(a, &c.ri, email, "second-password-2", &lr);
	assert_int_equal(login(a, &c.ri, email, "first-password-1", &lr, &e), E_INVALID_CREDENTIALS);
	arena_free(a);
}

/* ---- disabling ---- */

static void disable_ends_sessions_at_once(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct client c;
	struct err e;
	char email[128];
	operator(a, email, sizeof email, "disable", "first-password-1", NULL);
	struct login_result lr;
	must_login(a, client(&c), email, "first-password-1", &lr);
	const char *token = forgot_and_read_token(a, &c.ri, email);
	struct auth who;
	assert_int_equal(authenticate(a, lr.token, &who), E_OK);

	char upper[140];
	snprintf(upper, sizeof upper, " %s", email);
	upper[1] = (char)(upper[1] - 'a' + 'A');
	assert_int_equal(account_disable(tctx(&app, a, &c.ri, NULL, NULL), upper, &e), E_OK);
	assert_int_equal(authenticate(a, lr.token, &who), E_UNAUTHENTICATED);
	assert_int_equal(login(a, &c.ri, email, "first-password-1", &lr, &e), E_INVALID_CREDENTIALS);
	/* Its pending link is void, and no new one is sent. */
	assert_int_equal(account_reset_password(tctx(&app, a, &c.ri, NULL, NULL), token, "second-password-2", &e),
	                 E_INVALID_TOKEN);
	test_drain_mail(app.store, a);
	assert_int_equal(account_forgot_password(tctx(&app, a, &c.ri, NULL, NULL), email, &e), E_OK);
	struct outbox_msg m;
	assert_int_equal(take_mail(a, &m), E_NOT_FOUND);

	char unknown[128];
	test_email(unknown, sizeof unknown, "nodisable");
	assert_int_equal(account_disable(tctx(&app, a, &c.ri, NULL, NULL), unknown, &e), E_NOT_FOUND);
	assert_int_equal(account_disable(tctx(&app, a, &c.ri, NULL, NULL), "not an email", &e), E_INVALID_EMAIL);
	arena_free(a);
}

/* ---- profile ---- */

static void update_profile_validates_and_saves(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct client c;
	struct err e;
	char email[128];
	operator(a, email, sizeof email, "profile", "first-password-1", NULL);
	struct login_result lr;
	must_login(a, client(&c), email, "first-password-1", &lr);
	struct auth who;
	assert_int_equal(authenticate(a, lr.token, &who), E_OK);

	struct user out;
	struct profile_patch p = {.first_name = "Zo\xc3\xab", .company = "Acme", .language = "fr"};
	assert_int_equal(account_update_profile(tctx(&app, a, &c.ri, &who, NULL), &p, &out, &e), E_OK);
	assert_string_equal(out.first_name, "Zo\xc3\xab");
	assert_string_equal(out.last_name, "");
	assert_string_equal(out.company, "Acme");
	assert_string_equal(out.language, "fr");
	assert_string_equal(out.email, email);

	/* NULL leaves a field as it is. */
	p = (struct profile_patch){.last_name = "Martin"};
	assert_int_equal(account_update_profile(tctx(&app, a, &c.ri, &who, NULL), &p, &out, &e), E_OK);
	assert_string_equal(out.first_name, "Zo\xc3\xab");
	assert_string_equal(out.last_name, "Martin");
	assert_string_equal(out.language, "fr");

	const char *bad_lang[] = {"es", "EN", "", "english"};
	for (size_t i = 0; i < sizeof bad_lang / sizeof bad_lang[0]; i++) {
		p = (struct profile_patch){.first_name = "Changed", .language = bad_lang[i]};
		assert_int_equal(account_update_profile(tctx(&app, a, &c.ri, &who, NULL), &p, &out, &e),
		                 E_INVALID_LANGUAGE);
		assert_string_equal(e.field, "language");
	}

	/* 200 characters fit, whatever their size in bytes; 201 do not. */
	char *two_hundred = arena_alloc(a, 2 * 200 + 1), *too_long = arena_alloc(a, 202);
	for (int i = 0; i < 200; i++)
		memcpy(two_hundred + 2 * i, "\xc3\xa9", 2);
	two_hundred[400] = '\0';
	memset(too_long, 'x', 201);
	too_long[201] = '\0';
	const char *fields[] = {"first_name", "last_name", "company"};
	for (int f = 0; f < 3; f++) {
		p = (struct profile_patch){0};
		const char **slot = f == 0 ? &p.first_name : f == 1 ? &p.last_name : &p.company;
		*slot = too_long;
		assert_int_equal(account_update_profile(tctx(&app, a, &c.ri, &who, NULL), &p, &out, &e), E_TOO_LONG);
		assert_string_equal(e.field, fields[f]);
		*slot = two_hundred;
		assert_int_equal(account_update_profile(tctx(&app, a, &c.ri, &who, NULL), &p, &out, &e), E_OK);
	}

	/* What was saved is what a new sign-in sees; refused patches changed nothing. */
	assert_int_equal(authenticate(a, lr.token, &who), E_OK);
	assert_string_equal(who.user.first_name, two_hundred);
	assert_string_equal(who.user.last_name, two_hundred);
	assert_string_equal(who.user.company, two_hundred);
	assert_string_equal(who.user.language, "fr");
	arena_free(a);
}

static void reset_mail_follows_the_language(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct client c;
	struct err e;
	char email[128];
	operator(a, email, sizeof email, "lang", "first-password-1", NULL);
	struct login_result lr;
	must_login(a, client(&c), email, "first-password-1", &lr);
	struct auth who;
	assert_int_equal(authenticate(a, lr.token, &who), E_OK);
	struct profile_patch p = {.first_name = "Ren\xc3\xa9", .language = "de"};
	struct user out;
	assert_int_equal(account_update_profile(tctx(&app, a, &c.ri, &who, NULL), &p, &out, &e), E_OK);
	test_drain_mail(app.store, a);
	assert_int_equal(account_forgot_password(tctx(&app, a, &c.ri, NULL, NULL), email, &e), E_OK);
	struct outbox_msg m;
	only_mail(a, email, &m);
	assert_string_equal(m.language, "de");
	assert_string_equal(m.subject, "Ihr roster-Passwort zur\xc3\xbc"
	                               "cksetzen");
	assert_non_null(strstr(m.body_text, "Hallo Ren\xc3\xa9,"));
	arena_free(a);
}

/* ---- listing every user ---- */

struct many_users {
	struct arena *a;
	int n;
};

static err_code many_users_tx(struct db *db, void *arg, struct err *e)
{
	struct many_users *m = arg;
	for (int i = 0; i < m->n; i++) {
		char email[128];
		struct user_new n = {.email = test_email(email, sizeof email, i % 2 ? "List" : "list")};
		struct user u;
		const char *key;
		if (account_new_user(m->a, &n, &u, &key, e) || store_user_insert(db, &u, key, e))
			return e->code;
	}
	return E_OK;
}

struct listed {
	struct arena *a;
	int count, cap;
	const char **ids;
};

static void listed_user(const struct user *u, void *arg)
{
	struct listed *l = arg;
	if (l->count < l->cap)
		l->ids[l->count] = arena_strdup(l->a, u->id);
	l->count++;
}

static int cmp_str(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

static void list_users_pages_through_everyone(void **state)
{
	(void)state;
	enum { N = LIMIT_BATCH_ROWS * 2 + 1 };
	struct arena *a = arena_new();
	struct fresh f;
	fresh_open(&f);
	struct err e;
	struct many_users m = {a, N};
	assert_int_equal(store_tx(f.store, true, many_users_tx, &m, &e), E_OK);
	struct listed l = {a, 0, N, arena_alloc(a, N * sizeof(const char *))};
	assert_int_equal(account_list_users(tctx(&f.app, a, NULL, NULL, NULL), listed_user, &l, &e), E_OK);
	assert_int_equal(l.count, N); /* each once, over three pages */
	qsort(l.ids, N, sizeof l.ids[0], cmp_str);
	for (int i = 1; i < N; i++)
		assert_string_not_equal(l.ids[i - 1], l.ids[i]);
	fresh_close(&f);
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(bootstrap_operator_creates_once),
	        cmocka_unit_test(bootstrap_operator_tolerates_a_concurrent_bootstrap),
	        cmocka_unit_test(password_check_rules),
	        cmocka_unit_test(operator_with_password_signs_in),
	        cmocka_unit_test(authenticate_refuses_bad_tokens),
	        cmocka_unit_test(logout_ends_the_session),
	        cmocka_unit_test(sessions_end_when_idle_or_old),
	        cmocka_unit_test(create_operator_refuses_bad_input),
	        cmocka_unit_test(wrong_password_and_unknown_email_look_alike),
	        cmocka_unit_test(login_throttles_an_account),
	        cmocka_unit_test(login_success_clears_the_account_count),
	        cmocka_unit_test(login_throttles_an_address),
	        cmocka_unit_test(concurrent_failures_stay_within_the_account_limit),
	        cmocka_unit_test(login_upgrades_an_old_hash),
	        cmocka_unit_test(forgot_for_unknown_email_sends_nothing),
	        cmocka_unit_test(forgot_queues_one_reset_link),
	        cmocka_unit_test(forgot_answers_before_the_work),
	        cmocka_unit_test(reset_sets_password_and_ends_sessions),
	        cmocka_unit_test(weak_password_at_reset_keeps_the_token),
	        cmocka_unit_test(reset_refuses_unknown_tokens),
	        cmocka_unit_test(a_new_link_voids_the_older_one),
	        cmocka_unit_test(forgot_is_throttled_per_email),
	        cmocka_unit_test(setup_link_sets_the_first_password),
	        cmocka_unit_test(concurrent_resets_with_one_token_have_one_winner),
	        cmocka_unit_test(change_password_keeps_only_this_session),
	        cmocka_unit_test(disable_ends_sessions_at_once),
	        cmocka_unit_test(list_users_pages_through_everyone),
	        cmocka_unit_test(update_profile_validates_and_saves),
	        cmocka_unit_test(reset_mail_follows_the_language),
	};
	return cmocka_run_group_tests_name("core/accounts", tests, setup, NULL);
}
