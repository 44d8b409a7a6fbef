/* The store contract suite: the same tests on every engine (tests/run.sh
 * runs this binary on SQLite and again on PostgreSQL). Times are passed
 * explicitly, so windows, leases and expiries are exact. The database may
 * hold rows from other tests: each test works on rows it created. */
#include "testutil.h"

#include <pthread.h>

#include "base/text.h"
#include "store/accounts.h"
#include "store/misc.h"
#include "store/query.h"

/* ---- helpers ---- */

static const char *engine_name(void)
{
	return store_engine(test_store());
}

/* A user ready to insert, with a fresh id and unique email. */
struct test_user {
	char id[ID_MAX];
	char email[128];
	char key[128];
	struct user u;
};

static void user_init(struct test_user *t, const char *prefix)
{
	id_new("usr", t->id);
	test_email(t->email, sizeof t->email, prefix);
	/* Upper case in the address, lower case in the key. */
	t->email[0] = (char)(t->email[0] - 'a' + 'A');
	snprintf(t->key, sizeof t->key, "%s", t->email);
	t->key[0] = (char)(t->key[0] - 'A' + 'a');
	t->u = (struct user){.id = t->id,
	                     .email = t->email,
	                     .first_name = "Ada",
	                     .last_name = "Lovelace",
	                     .company = "Analytical",
	                     .language = "fr",
	                     .password_hash = NULL,
	                     .state = "active",
	                     .is_operator = false,
	                     .created_at = 1000,
	                     .updated_at = 1000};
}

struct insert_arg {
	const struct user *u;
	const char *key;
};

static err_code insert_tx(struct db *db, void *arg, struct err *e)
{
	struct insert_arg *ia = arg;
	return store_user_insert(db, ia->u, ia->key, e);
}

static err_code user_insert(const struct user *u, const char *key, struct err *e)
{
	struct insert_arg ia = {u, key};
	return store_tx(test_store(), true, insert_tx, &ia, e);
}

static void new_user(struct test_user *t, const char *prefix)
{
	struct err e;
	user_init(t, prefix);
	if (user_insert(&t->u, t->key, &e))
		fail_msg("insert user: %s", err_message(&e));
}

struct lookup_arg {
	struct arena *a;
	const char *by_email, *by_id;
	struct user out;
};

static err_code lookup_tx(struct db *db, void *arg, struct err *e)
{
	struct lookup_arg *l = arg;
	if (l->by_email)
		return store_user_by_email(db, l->a, l->by_email, &l->out, e);
	return store_user_by_id(db, l->a, l->by_id, &l->out, e);
}

static err_code user_by_email(struct arena *a, const char *key, struct user *out)
{
	struct lookup_arg l = {.a = a, .by_email = key};
	struct err e;
	err_code rc = store_tx(test_store(), false, lookup_tx, &l, &e);
	*out = l.out;
	return rc;
}

static err_code user_by_id(struct arena *a, const char *id, struct user *out)
{
	struct lookup_arg l = {.a = a, .by_id = id};
	struct err e;
	err_code rc = store_tx(test_store(), false, lookup_tx, &l, &e);
	*out = l.out;
	return rc;
}

/* A generic step: one store call, picked by `op`, in its own transaction. */
enum op {
	OP_TOKEN_INSERT,
	OP_TOKEN_CONSUME,
	OP_TOKEN_PEEK,
	OP_TOKEN_VOID,
	OP_SESSION_INSERT,
	OP_SESSION_LOOKUP,
	OP_SESSION_TOUCH,
	OP_SESSION_DELETE,
	OP_SESSION_DELETE_USER,
	OP_USER_STATE,
	OP_USER_PASSWORD,
	OP_USER_PROFILE,
	OP_THROTTLE_HIT,
	OP_THROTTLE_PEEK,
	OP_THROTTLE_CLEAR,
	OP_OUTBOX_INSERT,
	OP_OUTBOX_CLAIM,
	OP_OUTBOX_SENT,
	OP_OUTBOX_RETRY,
	OP_OUTBOX_FAILED,
	OP_OUTBOX_DEPTH,
	OP_OPERATOR_EXISTS,
	OP_AUDIT,
};

struct step {
	enum op op;
	struct arena *a;
	const char *id, *user_id, *purpose, *hash, *key, *text;
	int64_t now, until, window;
	/* outputs */
	const char *out_user_id, *out_purpose;
	struct session ses;
	struct user user;
	const struct user *in_user;
	struct outbox_msg msg;
	int64_t count, start;
	bool flag;
};

/* Consume and peek accept either purpose here; core's tests hold them apart. */
static const char *const any_purpose[] = {"reset", "setup"};

static err_code step_tx(struct db *db, void *arg, struct err *e)
{
	struct step *s = arg;
	switch (s->op) {
	case OP_TOKEN_INSERT:
		return store_token_insert(db, s->id, s->user_id, s->user_id, s->purpose, s->hash, s->now, s->until, e);
	case OP_TOKEN_CONSUME:
		return store_token_consume(db, s->a, s->hash, any_purpose, 2, s->now, &s->out_user_id, &s->out_purpose,
		                           e);
	case OP_TOKEN_PEEK:
		return store_token_peek(db, s->a, s->hash, any_purpose, 2, s->now, &s->out_user_id, NULL, e);
	case OP_TOKEN_VOID:
		return store_token_void_user(db, s->user_id, s->now, e);
	case OP_SESSION_INSERT:
		return store_session_insert(db, &s->ses, s->hash, "192.0.2.1", e);
	case OP_SESSION_LOOKUP:
		return store_session_lookup(db, s->a, s->hash, s->now, s->until, &s->ses, &s->user, e);
	case OP_SESSION_TOUCH:
		return store_session_touch(db, s->id, s->now, e);
	case OP_SESSION_DELETE:
		return store_session_delete(db, s->id, e);
	case OP_SESSION_DELETE_USER:
		return store_session_delete_user(db, s->user_id, s->id, e);
	case OP_USER_STATE:
		return store_user_set_state(db, s->user_id, s->text, s->now, e);
	case OP_USER_PASSWORD:
		return store_user_set_password(db, s->user_id, s->text, s->now, e);
	case OP_USER_PROFILE:
		return store_user_update_profile(db, s->in_user, s->now, e);
	case OP_THROTTLE_HIT:
		return store_throttle_hit(db, s->key, s->now, s->window, &s->count, &s->start, e);
	case OP_THROTTLE_PEEK:
		return store_throttle_peek(db, s->key, s->now, s->window, &s->count, &s->start, e);
	case OP_THROTTLE_CLEAR:
		return store_throttle_clear(db, s->key, e);
	case OP_OUTBOX_INSERT:
		return store_outbox_insert(db, &s->msg, s->now, e);
	case OP_OUTBOX_CLAIM:
		return store_outbox_claim(db, s->a, s->now, s->window, &s->msg, e);
	case OP_OUTBOX_SENT:
		return store_outbox_sent(db, s->id, s->now, e);
	case OP_OUTBOX_RETRY:
		return store_outbox_retry(db, s->id, s->until, s->text, e);
	case OP_OUTBOX_FAILED:
		return store_outbox_failed(db, s->id, s->text, e);
	case OP_OUTBOX_DEPTH:
		return store_outbox_depth(db, &s->count, e);
	case OP_OPERATOR_EXISTS:
		return store_operator_exists(db, &s->flag, e);
	case OP_AUDIT: {
		struct audit_event ev = {.actor_id = s->user_id,
		                         .action = s->text,
		                         .target_type = "user",
		                         .target_id = s->user_id,
		                         .details = "{\"k\":1}"};
		return store_audit_insert(db, &ev, s->now, e);
	}
	}
	return E_INTERNAL;
}

static err_code run(struct step *s)
{
	struct err e;
	bool write = s->op != OP_TOKEN_PEEK && s->op != OP_SESSION_LOOKUP && s->op != OP_THROTTLE_PEEK &&
	             s->op != OP_OUTBOX_DEPTH && s->op != OP_OPERATOR_EXISTS;
	return store_tx(test_store(), write, step_tx, s, &e);
}

static void must(struct step *s)
{
	struct err e;
	if (store_tx(test_store(), true, step_tx, s, &e))
		fail_msg("step %d: %s", s->op, err_message(&e));
}

/* A token for the user; `token` receives the hash that stands for it. */
static void new_token(const char *user_id, int64_t now, int64_t expires_at, char hash[TOKEN_HASH_LEN + 1])
{
	char tid[ID_MAX], token[TOKEN_LEN + 1];
	id_new("tok", tid);
	token_new(token);
	token_hash(token, hash);
	struct step s = {.op = OP_TOKEN_INSERT,
	                 .id = tid,
	                 .user_id = user_id,
	                 .purpose = "reset",
	                 .hash = hash,
	                 .now = now,
	                 .until = expires_at};
	must(&s);
}

static err_code consume(struct arena *a, const char *hash, int64_t now, const char **out_user)
{
	struct step s = {.op = OP_TOKEN_CONSUME, .a = a, .hash = hash, .now = now};
	err_code rc = run(&s);
	if (out_user)
		*out_user = s.out_user_id;
	return rc;
}

/* ---- schema ---- */

static void migrate_is_idempotent(void **state)
{
	(void)state;
	struct store *st = test_store();
	struct err e;
	assert_true(store_schema_latest() >= 1);
	assert_int_equal(store_schema_version(st, &e), store_schema_latest());
	assert_int_equal(store_migrate(st, &e), E_OK);
	assert_int_equal(store_migrate(st, &e), E_OK);
	assert_int_equal(store_schema_version(st, &e), store_schema_latest());
	assert_true(store_ready(st));
	assert_true(!strcmp(engine_name(), "sqlite") || !strcmp(engine_name(), "postgres"));
	if (!strncmp(test_db_url(), "postgres", 8))
		assert_string_equal(engine_name(), "postgres");
	else
		assert_string_equal(engine_name(), "sqlite");
}

static void open_refuses_bad_urls(void **state)
{
	(void)state;
	struct store *st = NULL;
	struct err e;
	err_clear(&e);
	assert_int_equal(store_open("", false, &st, &e), E_INVALID);
	assert_int_equal(store_open("sqlite:", false, &st, &e), E_INVALID);
	assert_int_equal(store_open("sqlite:/nonexistent-roster-dir/sub/x.db", false, &st, &e), E_UNAVAILABLE);
	assert_null(st);
}

/* A fresh SQLite file of its own under /tmp. */
static void side_db_path(char *buf, size_t len, const char *tag)
{
	snprintf(buf, len, "/tmp/roster-unit-%s-%d.db", tag, (int)getpid());
}

static void remove_db_files(const char *path)
{
	char p[512];
	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
}

static err_code exec_tx(struct db *db, void *arg, struct err *e)
{
	db_rc rc = db->drv->exec(db, arg);
	return rc == DB_OK ? E_OK : store_fail(db, rc, E_CONFLICT, e);
}

static void migrate_refuses_a_newer_database(void **state)
{
	(void)state;
	if (!strcmp(engine_name(), "postgres"))
		skip();
	char path[256], url[300], sql[256];
	side_db_path(path, sizeof path, "newer");
	remove_db_files(path);
	snprintf(url, sizeof url, "sqlite:%s", path);
	struct store *st = NULL;
	struct err e;
	err_clear(&e);
	assert_int_equal(store_open(url, false, &st, &e), E_OK);
	/* A fresh database: version 0, then migrated to the latest. */
	assert_int_equal(store_schema_version(st, &e), 0);
	assert_int_equal(store_migrate(st, &e), E_OK);
	assert_int_equal(store_schema_version(st, &e), store_schema_latest());
	snprintf(sql, sizeof sql, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (%d, 'future', 0)",
	         store_schema_latest() + 1);
	assert_int_equal(store_tx(st, true, exec_tx, sql, &e), E_OK);
	err_clear(&e);
	err_code rc = store_migrate(st, &e);
	assert_int_not_equal(rc, E_OK);
	assert_int_equal(e.code, rc);
	if (!strstr(err_message(&e), "newer"))
		fail_msg("message: %s", err_message(&e));
	store_free(st);
	remove_db_files(path);
}

/* Several rosterd processes may start at once on one new database: each
 * opens its store and migrates; all must come up. */
struct migrator {
	const char *url;
	pthread_barrier_t *barrier;
	err_code rc;
	char msg[256];
};

static void *migrator_main(void *arg)
{
	struct migrator *m = arg;
	struct store *st = NULL;
	struct err e;
	err_clear(&e);
	pthread_barrier_wait(m->barrier);
	m->rc = store_open(m->url, false, &st, &e);
	if (m->rc == E_OK)
		m->rc = store_migrate(st, &e);
	snprintf(m->msg, sizeof m->msg, "%s", err_message(&e));
	store_free(st);
	return NULL;
}

static void concurrent_first_migrations_all_succeed(void **state)
{
	(void)state;
	enum { N = 8, ROUNDS = 5 };
	char problem[512] = "";
	for (int round = 0; round < ROUNDS && !problem[0]; round++) {
		struct test_fresh_db f;
		test_fresh_db_create(&f);
		pthread_barrier_t barrier;
		pthread_barrier_init(&barrier, NULL, N);
		struct migrator m[N];
		pthread_t th[N];
		for (int i = 0; i < N; i++) {
			m[i] = (struct migrator){.url = f.url, .barrier = &barrier, .rc = E__COUNT};
			pthread_create(&th[i], NULL, migrator_main, &m[i]);
		}
		int failed = 0, first = -1;
		for (int i = 0; i < N; i++) {
			pthread_join(th[i], NULL);
			if (m[i].rc != E_OK && !failed++)
				first = i;
		}
		pthread_barrier_destroy(&barrier);
		if (failed) {
			snprintf(problem, sizeof problem, "round %d: %d of %d migrators failed, the first with %s: %s",
			         round, failed, N, err_name(m[first].rc), m[first].msg);
		} else {
			/* The schema is whole, and recorded once. */
			struct store *st = NULL;
			struct err e;
			assert_int_equal(store_open(f.url, false, &st, &e), E_OK);
			assert_int_equal(store_schema_version(st, &e), store_schema_latest());
			assert_int_equal(store_migrate(st, &e), E_OK);
			store_free(st);
		}
		test_fresh_db_drop(&f);
	}
	if (problem[0])
		fail_msg("%s", problem);
}

/* ---- users ---- */

static void user_insert_and_lookup(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct test_user t;
	new_user(&t, "lookup");
	struct user u;
	assert_int_equal(user_by_email(a, t.key, &u), E_OK);
	assert_string_equal(u.id, t.id);
	assert_string_equal(u.email, t.email); /* as typed */
	assert_string_equal(u.first_name, "Ada");
	assert_string_equal(u.last_name, "Lovelace");
	assert_string_equal(u.company, "Analytical");
	assert_string_equal(u.language, "fr");
	assert_null(u.password_hash);
	assert_string_equal(u.state, "active");
	assert_false(u.is_operator);
	assert_int_equal(u.created_at, 1000);
	assert_int_equal(u.updated_at, 1000);

	assert_int_equal(user_by_id(a, t.id, &u), E_OK);
	assert_string_equal(u.email, t.email);
	/* The key is what is looked up: the address as typed is not a key. */
	assert_int_equal(user_by_email(a, t.email, &u), E_NOT_FOUND);
	assert_int_equal(user_by_email(a, "nobody-at-all@example.com", &u), E_NOT_FOUND);
	assert_int_equal(user_by_id(a, "usr_00000000000000000000000000", &u), E_NOT_FOUND);
	arena_free(a);
}

static void user_insert_refuses_a_taken_email_key(void **state)
{
	(void)state;
	struct test_user t, twin;
	struct err e;
	new_user(&t, "dup");
	user_init(&twin, "dup2");
	twin.u.email = "DIFFERENT-CASE@example.com";
	assert_int_equal(user_insert(&twin.u, t.key, &e), E_USER_EXISTS);
	assert_int_equal(err_status(e.code), 409);
	/* The same id is refused too (a constraint, whatever the column). */
	user_init(&twin, "dup3");
	twin.u.id = t.id;
	assert_int_not_equal(user_insert(&twin.u, twin.key, &e), E_OK);
	/* Nothing of the refused rows remains. */
	struct arena *a = arena_new();
	struct user u;
	assert_int_equal(user_by_email(a, twin.key, &u), E_NOT_FOUND);
	arena_free(a);
}

static void user_with_password_and_operator_flag(void **state)
{
	(void)state;
	struct test_user t;
	user_init(&t, "op");
	t.u.password_hash = "$argon2id$fake";
	t.u.is_operator = true;
	struct err e;
	assert_int_equal(user_insert(&t.u, t.key, &e), E_OK);
	struct arena *a = arena_new();
	struct user u;
	assert_int_equal(user_by_id(a, t.id, &u), E_OK);
	assert_string_equal(u.password_hash, "$argon2id$fake");
	assert_true(u.is_operator);
	struct step s = {.op = OP_OPERATOR_EXISTS};
	assert_int_equal(run(&s), E_OK);
	assert_true(s.flag);
	arena_free(a);
}

static void user_update_profile_and_state(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct test_user t;
	new_user(&t, "profile");
	struct user changed = t.u;
	changed.first_name = "Zo\xc3\xab";
	changed.last_name = "";
	changed.company = "Acme";
	changed.language = "de";
	struct step s = {.op = OP_USER_PROFILE, .in_user = &changed, .now = 2000};
	assert_int_equal(run(&s), E_OK);
	struct user u;
	assert_int_equal(user_by_id(a, t.id, &u), E_OK);
	assert_string_equal(u.first_name, "Zo\xc3\xab");
	assert_string_equal(u.last_name, "");
	assert_string_equal(u.company, "Acme");
	assert_string_equal(u.language, "de");
	assert_int_equal(u.updated_at, 2000);
	assert_int_equal(u.created_at, 1000);
	assert_string_equal(u.email, t.email);

	/* The schema holds the language list. */
	changed.language = "xx";
	s = (struct step){.op = OP_USER_PROFILE, .in_user = &changed, .now = 3000};
	assert_int_equal(run(&s), E_INVALID);
	assert_int_equal(user_by_id(a, t.id, &u), E_OK);
	assert_string_equal(u.language, "de");

	/* An unknown id changes nothing and says so. */
	changed.language = "en";
	changed.id = "usr_00000000000000000000000000";
	s = (struct step){.op = OP_USER_PROFILE, .in_user = &changed, .now = 3000};
	assert_int_equal(run(&s), E_NOT_FOUND);

	s = (struct step){.op = OP_USER_PASSWORD, .user_id = t.id, .text = "$argon2id$new", .now = 4000};
	assert_int_equal(run(&s), E_OK);
	s = (struct step){.op = OP_USER_STATE, .user_id = t.id, .text = "disabled", .now = 5000};
	assert_int_equal(run(&s), E_OK);
	assert_int_equal(user_by_id(a, t.id, &u), E_OK);
	assert_string_equal(u.password_hash, "$argon2id$new");
	assert_string_equal(u.state, "disabled");
	assert_int_equal(u.updated_at, 5000);
	s = (struct step){.op = OP_USER_STATE, .user_id = t.id, .text = "frozen", .now = 6000};
	assert_int_equal(run(&s), E_INVALID);
	s = (struct step){
	        .op = OP_USER_STATE, .user_id = "usr_00000000000000000000000000", .text = "active", .now = 6000};
	assert_int_equal(run(&s), E_NOT_FOUND);
	s = (struct step){
	        .op = OP_USER_PASSWORD, .user_id = "usr_00000000000000000000000000", .text = "x", .now = 6000};
	assert_int_equal(run(&s), E_NOT_FOUND);
	arena_free(a);
}

struct collect {
	int n;
	char emails[8][128];
	char keys[8][128];
};

static void collect_user(const struct user *u, const char *email_key, void *arg)
{
	struct collect *c = arg;
	if (c->n < 8) {
		snprintf(c->emails[c->n], sizeof c->emails[0], "%s", u->email);
		snprintf(c->keys[c->n], sizeof c->keys[0], "%s", email_key);
	}
	c->n++;
}

struct list_arg {
	struct arena *a;
	const char *after;
	int limit;
	struct collect *c;
};

static err_code list_tx(struct db *db, void *arg, struct err *e)
{
	struct list_arg *l = arg;
	return store_user_list(db, l->a, USERS_BY_EMAIL_KEY, l->after, l->limit, collect_user, l->c, e);
}

static void user_list_pages_by_email_key(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	char prefix[ID_MAX], after[128];
	id_new("lst", prefix);
	/* b's address has a capital that only Unicode folding lowers: its
	 * stored key, not a lower-cased email, is where the next page starts */
	const char *names[] = {"c", "a", "b\xc3\x96"};
	const char *keys[] = {"c", "a", "b\xc3\xb6"};
	for (int i = 0; i < 3; i++) {
		struct test_user t;
		user_init(&t, "x");
		snprintf(t.key, sizeof t.key, "%s-%s@example.com", prefix + 4, keys[i]);
		snprintf(t.email, sizeof t.email, "%s-%s@example.com", prefix + 4, names[i]);
		struct err e;
		assert_int_equal(user_insert(&t.u, t.key, &e), E_OK);
	}
	struct collect c = {0};
	snprintf(after, sizeof after, "%s-", prefix + 4);
	struct list_arg l = {a, after, 2, &c};
	struct err e;
	assert_int_equal(store_tx(test_store(), false, list_tx, &l, &e), E_OK);
	assert_int_equal(c.n, 2);
	char want[128];
	snprintf(want, sizeof want, "%s-a@example.com", prefix + 4);
	assert_string_equal(c.emails[0], want);
	snprintf(want, sizeof want, "%s-b\xc3\x96@example.com", prefix + 4);
	assert_string_equal(c.emails[1], want);
	snprintf(want, sizeof want, "%s-b\xc3\xb6@example.com", prefix + 4);
	assert_string_equal(c.keys[1], want);
	/* The next page starts after the last key seen. */
	char last[128];
	snprintf(last, sizeof last, "%s", c.keys[1]);
	memset(&c, 0, sizeof c);
	l.after = last;
	l.limit = 1;
	assert_int_equal(store_tx(test_store(), false, list_tx, &l, &e), E_OK);
	assert_int_equal(c.n, 1);
	snprintf(want, sizeof want, "%s-c@example.com", prefix + 4);
	assert_string_equal(c.emails[0], want);
	arena_free(a);
}

/* ---- transactions ---- */

static err_code insert_then_fail_tx(struct db *db, void *arg, struct err *e)
{
	struct insert_arg *ia = arg;
	if (store_user_insert(db, ia->u, ia->key, e))
		return e->code;
	return err_set(e, E_CONFLICT, NULL, "changed my mind");
}

static void failed_transaction_leaves_no_row(void **state)
{
	(void)state;
	struct test_user t;
	user_init(&t, "rollback");
	struct insert_arg ia = {&t.u, t.key};
	struct err e;
	assert_int_equal(store_tx(test_store(), true, insert_then_fail_tx, &ia, &e), E_CONFLICT);
	assert_string_equal(err_message(&e), "changed my mind");
	struct arena *a = arena_new();
	struct user u;
	assert_int_equal(user_by_email(a, t.key, &u), E_NOT_FOUND);
	assert_int_equal(user_by_id(a, t.id, &u), E_NOT_FOUND);
	/* The connection is usable afterwards and the same row can be written. */
	assert_int_equal(user_insert(&t.u, t.key, &e), E_OK);
	assert_int_equal(user_by_id(a, t.id, &u), E_OK);
	arena_free(a);
}

static err_code dup_in_middle_tx(struct db *db, void *arg, struct err *e)
{
	struct test_user *t = arg; /* t[0] new, t[1] a duplicate of an existing key */
	if (store_user_insert(db, &t[0].u, t[0].key, e))
		return e->code;
	return store_user_insert(db, &t[1].u, t[1].key, e);
}

static void constraint_failure_rolls_back_the_whole_transaction(void **state)
{
	(void)state;
	struct test_user existing, t[2];
	new_user(&existing, "exists");
	user_init(&t[0], "first");
	user_init(&t[1], "second");
	snprintf(t[1].key, sizeof t[1].key, "%s", existing.key);
	struct err e;
	assert_int_equal(store_tx(test_store(), true, dup_in_middle_tx, t, &e), E_USER_EXISTS);
	struct arena *a = arena_new();
	struct user u;
	assert_int_equal(user_by_id(a, t[0].id, &u), E_NOT_FOUND);
	arena_free(a);
}

/* ---- tokens ---- */

static void token_consume_is_single_use(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct test_user t;
	new_user(&t, "tok");
	char hash[TOKEN_HASH_LEN + 1];
	new_token(t.id, 10000, 20000, hash);
	const char *uid = NULL;
	struct step s = {.op = OP_TOKEN_CONSUME, .a = a, .hash = hash, .now = 10001};
	assert_int_equal(run(&s), E_OK);
	assert_string_equal(s.out_user_id, t.id);
	assert_string_equal(s.out_purpose, "reset");
	assert_int_equal(consume(a, hash, 10002, &uid), E_INVALID_TOKEN);
	assert_int_equal(consume(a, hash, 10001, &uid), E_INVALID_TOKEN);
	/* An unknown hash is the same answer. */
	char other[TOKEN_HASH_LEN + 1];
	token_hash("no such token", other);
	assert_int_equal(consume(a, other, 10001, &uid), E_INVALID_TOKEN);
	arena_free(a);
}

static void token_expires(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct test_user t;
	new_user(&t, "tokexp");
	char h1[TOKEN_HASH_LEN + 1], h2[TOKEN_HASH_LEN + 1];
	new_token(t.id, 10000, 20000, h1);
	new_token(t.id, 10000, 20000, h2);
	const char *uid;
	assert_int_equal(consume(a, h1, 20000, &uid), E_INVALID_TOKEN); /* at expires_at: gone */
	assert_int_equal(consume(a, h1, 25000, &uid), E_INVALID_TOKEN);
	assert_int_equal(consume(a, h2, 19999, &uid), E_OK); /* just before: fine */
	assert_string_equal(uid, t.id);
	arena_free(a);
}

static void token_void_user_voids_unused_tokens(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct test_user t, other;
	new_user(&t, "void");
	new_user(&other, "void-other");
	char h1[TOKEN_HASH_LEN + 1], h2[TOKEN_HASH_LEN + 1], h3[TOKEN_HASH_LEN + 1];
	new_token(t.id, 10000, 90000, h1);
	new_token(t.id, 10000, 90000, h2);
	new_token(other.id, 10000, 90000, h3);
	struct step s = {.op = OP_TOKEN_VOID, .user_id = t.id, .now = 11000};
	assert_int_equal(run(&s), E_OK);
	const char *uid;
	assert_int_equal(consume(a, h1, 12000, &uid), E_INVALID_TOKEN);
	assert_int_equal(consume(a, h2, 12000, &uid), E_INVALID_TOKEN);
	assert_int_equal(consume(a, h3, 12000, &uid), E_OK); /* another user's token is untouched */
	assert_string_equal(uid, other.id);
	arena_free(a);
}

static void token_peek_does_not_consume(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct test_user t;
	new_user(&t, "peek");
	char hash[TOKEN_HASH_LEN + 1];
	new_token(t.id, 10000, 20000, hash);
	for (int i = 0; i < 3; i++) {
		struct step s = {.op = OP_TOKEN_PEEK, .a = a, .hash = hash, .now = 10001};
		assert_int_equal(run(&s), E_OK);
		assert_string_equal(s.out_user_id, t.id);
	}
	struct step s = {.op = OP_TOKEN_PEEK, .a = a, .hash = hash, .now = 20000};
	assert_int_equal(run(&s), E_INVALID_TOKEN); /* expired */
	const char *uid;
	assert_int_equal(consume(a, hash, 10002, &uid), E_OK);
	s = (struct step){.op = OP_TOKEN_PEEK, .a = a, .hash = hash, .now = 10003};
	assert_int_equal(run(&s), E_INVALID_TOKEN); /* used */
	arena_free(a);
}

static void token_insert_refuses_unknown_purpose_and_user(void **state)
{
	(void)state;
	struct test_user t;
	new_user(&t, "purpose");
	char tid[ID_MAX], hash[TOKEN_HASH_LEN + 1];
	id_new("tok", tid);
	token_hash(tid, hash);
	struct step s = {.op = OP_TOKEN_INSERT,
	                 .id = tid,
	                 .user_id = t.id,
	                 .purpose = "login",
	                 .hash = hash,
	                 .now = 1,
	                 .until = 2};
	assert_int_not_equal(run(&s), E_OK);
	s.purpose = "setup";
	s.user_id = "usr_00000000000000000000000000"; /* foreign key */
	assert_int_not_equal(run(&s), E_OK);
	s.user_id = t.id;
	assert_int_equal(run(&s), E_OK);
}

/* Many connections try to use one token at the same moment. */
struct race {
	const char *hash;
	pthread_barrier_t *barrier;
	err_code rc;
	char user_id[ID_MAX];
};

static void *race_main(void *arg)
{
	struct race *r = arg;
	struct arena *a = arena_new();
	struct step s = {.op = OP_TOKEN_CONSUME, .a = a, .hash = r->hash, .now = 10001};
	struct err e;
	pthread_barrier_wait(r->barrier);
	r->rc = store_tx(test_store(), true, step_tx, &s, &e);
	if (r->rc == E_OK)
		snprintf(r->user_id, sizeof r->user_id, "%s", s.out_user_id);
	arena_free(a);
	return NULL;
}

static void token_consume_race_has_one_winner(void **state)
{
	(void)state;
	enum { N = 8, ROUNDS = 5 };
	for (int round = 0; round < ROUNDS; round++) {
		struct test_user t;
		new_user(&t, "race");
		char hash[TOKEN_HASH_LEN + 1];
		new_token(t.id, 10000, 20000, hash);
		pthread_barrier_t barrier;
		pthread_barrier_init(&barrier, NULL, N);
		struct race r[N];
		pthread_t th[N];
		for (int i = 0; i < N; i++) {
			r[i] = (struct race){.hash = hash, .barrier = &barrier, .rc = E__COUNT};
			assert_int_equal(pthread_create(&th[i], NULL, race_main, &r[i]), 0);
		}
		int won = 0, lost = 0;
		for (int i = 0; i < N; i++) {
			pthread_join(th[i], NULL);
			if (r[i].rc == E_OK) {
				won++;
				assert_string_equal(r[i].user_id, t.id);
			} else if (r[i].rc == E_INVALID_TOKEN) {
				lost++;
			} else {
				fail_msg("round %d thread %d: %s", round, i, err_name(r[i].rc));
			}
		}
		pthread_barrier_destroy(&barrier);
		assert_int_equal(won, 1);
		assert_int_equal(lost, N - 1);
	}
}

/* ---- sessions ---- */

static void new_session(const char *user_id, int64_t now, int64_t expires_at, char id[ID_MAX],
                        char hash[TOKEN_HASH_LEN + 1])
{
	char token[TOKEN_LEN + 1];
	id_new("ses", id);
	token_new(token);
	token_hash(token, hash);
	struct step s = {.op = OP_SESSION_INSERT, .hash = hash};
	s.ses = (struct session){
	        .id = id, .user_id = user_id, .created_at = now, .last_seen_at = now, .expires_at = expires_at};
	must(&s);
}

static err_code lookup(struct arena *a, const char *hash, int64_t now, int64_t idle_cutoff, struct step *out)
{
	*out = (struct step){.op = OP_SESSION_LOOKUP, .a = a, .hash = hash, .now = now, .until = idle_cutoff};
	return run(out);
}

static void session_lookup_honours_expiry_idle_and_state(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct test_user t;
	new_user(&t, "ses");
	char sid[ID_MAX], hash[TOKEN_HASH_LEN + 1];
	new_session(t.id, 100000, 200000, sid, hash);
	struct step s;
	assert_int_equal(lookup(a, hash, 100001, 99999, &s), E_OK);
	assert_string_equal(s.ses.id, sid);
	assert_string_equal(s.ses.user_id, t.id);
	assert_int_equal(s.ses.created_at, 100000);
	assert_int_equal(s.ses.last_seen_at, 100000);
	assert_int_equal(s.ses.expires_at, 200000);
	assert_string_equal(s.user.id, t.id);
	assert_string_equal(s.user.email, t.email);
	assert_string_equal(s.user.language, "fr");

	/* Expired: at expires_at and after. */
	assert_int_equal(lookup(a, hash, 199999, 0, &s), E_OK);
	assert_int_equal(lookup(a, hash, 200000, 0, &s), E_NOT_FOUND);
	assert_int_equal(lookup(a, hash, 300000, 0, &s), E_NOT_FOUND);
	/* Idle: not seen after the cutoff. */
	assert_int_equal(lookup(a, hash, 150000, 100000, &s), E_NOT_FOUND);
	assert_int_equal(lookup(a, hash, 150000, 99999, &s), E_OK);
	/* Being seen moves the idle clock. */
	struct step touch = {.op = OP_SESSION_TOUCH, .id = sid, .now = 140000};
	must(&touch);
	assert_int_equal(lookup(a, hash, 150000, 130000, &s), E_OK);
	assert_int_equal(s.ses.last_seen_at, 140000);
	assert_int_equal(lookup(a, hash, 150000, 140000, &s), E_NOT_FOUND);

	/* A disabled user has no live session; enabled again, it is back. */
	struct step st = {.op = OP_USER_STATE, .user_id = t.id, .text = "disabled", .now = 1};
	must(&st);
	assert_int_equal(lookup(a, hash, 150000, 0, &s), E_NOT_FOUND);
	st.text = "active";
	must(&st);
	assert_int_equal(lookup(a, hash, 150000, 0, &s), E_OK);

	char unknown[TOKEN_HASH_LEN + 1];
	token_hash("not a session", unknown);
	assert_int_equal(lookup(a, unknown, 150000, 0, &s), E_NOT_FOUND);
	arena_free(a);
}

static void session_delete_user_keeps_one(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct test_user t, other;
	new_user(&t, "sesdel");
	new_user(&other, "sesdel-other");
	char id[3][ID_MAX], hash[3][TOKEN_HASH_LEN + 1], oid[ID_MAX], ohash[TOKEN_HASH_LEN + 1];
	for (int i = 0; i < 3; i++)
		new_session(t.id, 100000, 200000, id[i], hash[i]);
	new_session(other.id, 100000, 200000, oid, ohash);
	struct step s = {.op = OP_SESSION_DELETE_USER, .user_id = t.id, .id = id[1]};
	must(&s);
	struct step l;
	assert_int_equal(lookup(a, hash[0], 100001, 0, &l), E_NOT_FOUND);
	assert_int_equal(lookup(a, hash[1], 100001, 0, &l), E_OK);
	assert_int_equal(lookup(a, hash[2], 100001, 0, &l), E_NOT_FOUND);
	assert_int_equal(lookup(a, ohash, 100001, 0, &l), E_OK);
	/* Without a session to keep, all go; other users keep theirs. */
	s = (struct step){.op = OP_SESSION_DELETE_USER, .user_id = t.id, .id = NULL};
	must(&s);
	assert_int_equal(lookup(a, hash[1], 100001, 0, &l), E_NOT_FOUND);
	assert_int_equal(lookup(a, ohash, 100001, 0, &l), E_OK);
	s = (struct step){.op = OP_SESSION_DELETE, .id = oid};
	must(&s);
	assert_int_equal(lookup(a, ohash, 100001, 0, &l), E_NOT_FOUND);
	arena_free(a);
}

static void session_token_hash_is_unique(void **state)
{
	(void)state;
	struct test_user t;
	new_user(&t, "seshash");
	char id[ID_MAX], hash[TOKEN_HASH_LEN + 1], id2[ID_MAX];
	new_session(t.id, 1, 2, id, hash);
	id_new("ses", id2);
	struct step s = {.op = OP_SESSION_INSERT, .hash = hash};
	s.ses = (struct session){.id = id2, .user_id = t.id, .created_at = 1, .last_seen_at = 1, .expires_at = 2};
	assert_int_equal(run(&s), E_CONFLICT);
}

/* ---- throttle ---- */

static void unique_key(char *buf, size_t len, const char *kind)
{
	char id[ID_MAX];
	id_new("k", id);
	snprintf(buf, len, "%s:%s", kind, id);
}

static int64_t hit(const char *key, int64_t now, int64_t window, int64_t *start)
{
	struct step s = {.op = OP_THROTTLE_HIT, .key = key, .now = now, .window = window};
	must(&s);
	if (start)
		*start = s.start;
	return s.count;
}

static int64_t peek(const char *key, int64_t now, int64_t window, int64_t *start)
{
	struct step s = {.op = OP_THROTTLE_PEEK, .key = key, .now = now, .window = window};
	assert_int_equal(run(&s), E_OK);
	if (start)
		*start = s.start;
	return s.count;
}

static void throttle_counts_within_a_window(void **state)
{
	(void)state;
	char key[64];
	unique_key(key, sizeof key, "test");
	const int64_t T = 1000000, W = 1000;
	int64_t start = 0;
	assert_int_equal(hit(key, T, W, &start), 1);
	assert_int_equal(start, T);
	assert_int_equal(hit(key, T + 1, W, &start), 2);
	assert_int_equal(hit(key, T + 500, W, &start), 3);
	assert_int_equal(hit(key, T + 999, W, &start), 4);
	assert_int_equal(start, T);
	/* The window has passed: a new one starts at this hit. */
	assert_int_equal(hit(key, T + 1000, W, &start), 1);
	assert_int_equal(start, T + 1000);
	assert_int_equal(hit(key, T + 1500, W, &start), 2);
	assert_int_equal(start, T + 1000);
	/* Long after: again from one. */
	assert_int_equal(hit(key, T + 100000, W, &start), 1);
	assert_int_equal(start, T + 100000);
	/* Keys are independent. */
	char other[64];
	unique_key(other, sizeof other, "test");
	assert_int_equal(hit(other, T + 100001, W, NULL), 1);
	assert_int_equal(hit(key, T + 100002, W, NULL), 2);
}

static void throttle_peek_does_not_count(void **state)
{
	(void)state;
	char key[64];
	unique_key(key, sizeof key, "peek");
	const int64_t T = 5000000, W = 1000;
	int64_t start = -1;
	assert_int_equal(peek(key, T, W, &start), 0); /* never hit */
	assert_int_equal(start, T);
	hit(key, T, W, NULL);
	hit(key, T + 10, W, NULL);
	for (int i = 0; i < 3; i++) {
		assert_int_equal(peek(key, T + 20, W, &start), 2);
		assert_int_equal(start, T);
	}
	assert_int_equal(hit(key, T + 30, W, NULL), 3);
	assert_int_equal(peek(key, T + 999, W, NULL), 3);
	assert_int_equal(peek(key, T + 1000, W, NULL), 0); /* the window is over */
	/* Clearing forgets the key. */
	struct step s = {.op = OP_THROTTLE_CLEAR, .key = key};
	must(&s);
	assert_int_equal(peek(key, T + 40, W, NULL), 0);
	assert_int_equal(hit(key, T + 50, W, NULL), 1);
}

struct hit_race {
	const char *key;
	pthread_barrier_t *barrier;
	int failures;
};

static void *hit_main(void *arg)
{
	struct hit_race *h = arg;
	pthread_barrier_wait(h->barrier);
	for (int i = 0; i < 25; i++) {
		struct step s = {.op = OP_THROTTLE_HIT, .key = h->key, .now = 7000000 + i, .window = 1000000};
		struct err e;
		if (store_tx(test_store(), true, step_tx, &s, &e))
			h->failures++;
	}
	return NULL;
}

static void throttle_counts_every_concurrent_hit(void **state)
{
	(void)state;
	enum { N = 8 };
	char key[64];
	unique_key(key, sizeof key, "race");
	pthread_barrier_t barrier;
	pthread_barrier_init(&barrier, NULL, N);
	struct hit_race h[N];
	pthread_t th[N];
	for (int i = 0; i < N; i++) {
		h[i] = (struct hit_race){key, &barrier, 0};
		pthread_create(&th[i], NULL, hit_main, &h[i]);
	}
	for (int i = 0; i < N; i++) {
		pthread_join(th[i], NULL);
		assert_int_equal(h[i].failures, 0);
	}
	pthread_barrier_destroy(&barrier);
	assert_int_equal(peek(key, 7000100, 1000000, NULL), N * 25);
}

/* ---- outbox ---- */

/* Marks sent every message claimable at `now`, so that a test sees only its own. */
static void drain(struct arena *a, int64_t now)
{
	for (int i = 0; i < 100000; i++) {
		struct step c = {.op = OP_OUTBOX_CLAIM, .a = a, .now = now, .window = 1};
		err_code rc = run(&c);
		if (rc == E_NOT_FOUND)
			return;
		assert_int_equal(rc, E_OK);
		struct step s = {.op = OP_OUTBOX_SENT, .id = c.msg.id, .now = now};
		must(&s);
	}
	fail_msg("the outbox does not drain");
}

static int64_t depth(void)
{
	struct step s = {.op = OP_OUTBOX_DEPTH};
	assert_int_equal(run(&s), E_OK);
	return s.count;
}

static void queue(const char *id, const char *to, int64_t now)
{
	struct step s = {.op = OP_OUTBOX_INSERT, .now = now};
	s.msg = (struct outbox_msg){.id = id,
	                            .recipient = to,
	                            .language = "de",
	                            .subject = "Betreff \xc3\xa4",
	                            .body_text = "text body",
	                            .body_html = "<p>html body</p>"};
	must(&s);
}

static err_code claim(struct arena *a, int64_t now, int64_t lease, struct outbox_msg *out)
{
	struct step s = {.op = OP_OUTBOX_CLAIM, .a = a, .now = now, .window = lease};
	err_code rc = run(&s);
	*out = s.msg;
	return rc;
}

static void outbox_claim_lease_and_send(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	/* Times far in the past: only this suite's messages are due then. */
	const int64_t T = 10000;
	drain(a, T + 1000000);
	int64_t d0 = depth();
	char id[ID_MAX], to[128];
	id_new("msg", id);
	test_email(to, sizeof to, "mail");
	queue(id, to, T);
	assert_int_equal(depth(), d0 + 1);

	struct outbox_msg m;
	assert_int_equal(claim(a, T, 1000, &m), E_OK);
	assert_string_equal(m.id, id);
	assert_string_equal(m.recipient, to);
	assert_string_equal(m.language, "de");
	assert_string_equal(m.subject, "Betreff \xc3\xa4");
	assert_string_equal(m.body_text, "text body");
	assert_string_equal(m.body_html, "<p>html body</p>");
	assert_int_equal(m.attempts, 1);
	assert_int_equal(m.created_at, T);
	assert_int_equal(depth(), d0 + 1); /* being sent still counts */

	/* Leased: nobody else gets it. */
	assert_int_equal(claim(a, T + 1, 1000, &m), E_NOT_FOUND);
	assert_int_equal(claim(a, T + 999, 1000, &m), E_NOT_FOUND);
	/* The lease ran out (its sender died): claimed again. */
	assert_int_equal(claim(a, T + 1000, 1000, &m), E_OK);
	assert_string_equal(m.id, id);
	assert_int_equal(m.attempts, 2);

	struct step s = {.op = OP_OUTBOX_SENT, .id = id, .now = T + 1500};
	must(&s);
	assert_int_equal(depth(), d0);
	/* Sent is final. */
	assert_int_equal(claim(a, T + 900000, 1000, &m), E_NOT_FOUND);
	arena_free(a);
}

static void outbox_retry_waits_and_failed_is_final(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	const int64_t T = 2000000;
	drain(a, T + 1000000);
	int64_t d0 = depth();
	char id[ID_MAX];
	id_new("msg", id);
	queue(id, "retry@example.com", T);
	struct outbox_msg m;
	assert_int_equal(claim(a, T, 60000, &m), E_OK);
	assert_string_equal(m.id, id);
	struct step s = {.op = OP_OUTBOX_RETRY, .id = id, .until = T + 5000, .text = "421 try later"};
	must(&s);
	assert_int_equal(depth(), d0 + 1);
	assert_int_equal(claim(a, T + 4999, 60000, &m), E_NOT_FOUND);
	assert_int_equal(claim(a, T + 5000, 60000, &m), E_OK);
	assert_string_equal(m.id, id);
	assert_int_equal(m.attempts, 2);
	s = (struct step){.op = OP_OUTBOX_FAILED, .id = id, .text = "550 no such user"};
	must(&s);
	assert_int_equal(depth(), d0);
	assert_int_equal(claim(a, T + 900000, 60000, &m), E_NOT_FOUND);
	arena_free(a);
}

static void outbox_claims_the_oldest_first(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	const int64_t T = 4000000;
	drain(a, T + 1000000);
	char late[ID_MAX], early[ID_MAX], future[ID_MAX];
	id_new("msg", late);
	id_new("msg", early);
	id_new("msg", future);
	queue(late, "late@example.com", T + 20);
	queue(early, "early@example.com", T + 10);
	queue(future, "future@example.com", T + 500);
	struct outbox_msg m;
	assert_int_equal(claim(a, T + 100, 60000, &m), E_OK);
	assert_string_equal(m.id, early);
	assert_int_equal(claim(a, T + 100, 60000, &m), E_OK);
	assert_string_equal(m.id, late);
	/* Not due yet. */
	assert_int_equal(claim(a, T + 100, 60000, &m), E_NOT_FOUND);
	assert_int_equal(claim(a, T + 500, 60000, &m), E_OK);
	assert_string_equal(m.id, future);
	drain(a, T + 1000000);
	arena_free(a);
}

struct claim_race {
	pthread_barrier_t *barrier;
	int64_t now;
	char ids[8][ID_MAX];
	int n;
};

static void *claim_main(void *arg)
{
	struct claim_race *c = arg;
	struct arena *a = arena_new();
	pthread_barrier_wait(c->barrier);
	for (int i = 0; i < 8; i++) {
		struct step s = {.op = OP_OUTBOX_CLAIM, .a = a, .now = c->now, .window = 1000000};
		struct err e;
		if (store_tx(test_store(), true, step_tx, &s, &e) == E_OK && c->n < 8)
			snprintf(c->ids[c->n++], ID_MAX, "%s", s.msg.id);
	}
	arena_free(a);
	return NULL;
}

static void outbox_concurrent_claims_never_share_a_message(void **state)
{
	(void)state;
	enum { N = 8, MSGS = 12 };
	struct arena *a = arena_new();
	const int64_t T = 6000000;
	drain(a, T + 10000000);
	for (int i = 0; i < MSGS; i++) {
		char id[ID_MAX];
		id_new("msg", id);
		queue(id, "race@example.com", T + i);
	}
	pthread_barrier_t barrier;
	pthread_barrier_init(&barrier, NULL, N);
	struct claim_race c[N];
	pthread_t th[N];
	for (int i = 0; i < N; i++) {
		memset(&c[i], 0, sizeof c[i]);
		c[i].barrier = &barrier;
		c[i].now = T + 100;
		pthread_create(&th[i], NULL, claim_main, &c[i]);
	}
	int total = 0;
	const char *all[N * 8];
	for (int i = 0; i < N; i++) {
		pthread_join(th[i], NULL);
		for (int k = 0; k < c[i].n; k++)
			all[total++] = c[i].ids[k];
	}
	pthread_barrier_destroy(&barrier);
	assert_true(total >= 1);
	assert_true(total <= MSGS);
	for (int i = 0; i < total; i++)
		for (int k = i + 1; k < total; k++)
			if (!strcmp(all[i], all[k]))
				fail_msg("%s was claimed twice", all[i]);
	drain(a, T + 10000000);
	arena_free(a);
}

/* ---- audit ---- */

static void audit_insert_works(void **state)
{
	(void)state;
	struct test_user t;
	new_user(&t, "audit");
	struct step s = {.op = OP_AUDIT, .user_id = t.id, .text = "test.event", .now = 123};
	assert_int_equal(run(&s), E_OK);
	assert_int_equal(run(&s), E_OK); /* ids are generated: no clash */
}

/* ---- the query helpers (store/query.h) ---- */

/* A table of the helper tests' own, with a nullable text, a big integer, a
 * flag and a group so that each test finds the rows it made. */
static const char SQL_Q_TABLE[] = "CREATE TABLE IF NOT EXISTS q_test (id TEXT PRIMARY KEY, grp TEXT NOT NULL,"
                                  " note TEXT, n BIGINT NOT NULL, flag INTEGER NOT NULL)";
static const char SQL_Q_INSERT[] = "INSERT INTO q_test (id, grp, note, n, flag) VALUES ($1, $2, $3, $4, $5)";
static const char SQL_Q_GET[] = "SELECT note, n, flag, grp FROM q_test WHERE id = $1";
static const char SQL_Q_GROUP[] = "SELECT id, n FROM q_test WHERE grp = $1 ORDER BY n";
static const char SQL_Q_COUNT[] = "SELECT COUNT(*) FROM q_test WHERE grp = $1";
static const char SQL_Q_TOUCH[] = "UPDATE q_test SET flag = 1 - flag WHERE id = $1";

static err_code q_table_tx(struct db *db, void *arg, struct err *e)
{
	(void)arg;
	return db->drv->exec(db, SQL_Q_TABLE) == DB_OK ? E_OK : err_set(e, E_INTERNAL, NULL, "%s", db_errmsg(db));
}

struct q_row {
	const char *id, *grp, *note;
	int64_t n;
	bool flag;
};

static err_code q_insert_tx(struct db *db, void *arg, struct err *e)
{
	const struct q_row *r = arg;
	return store_q_exec(db, SQL_Q_INSERT,
	                    PARAMS(P_TEXT(r->id), P_TEXT(r->grp), P_TEXT(r->note), P_I64(r->n), P_BOOL(r->flag)),
	                    E_USER_EXISTS, e);
}

/* A fresh group id, and the table made if need be. */
static void q_setup(char *grp)
{
	struct err e;
	if (store_tx(test_store(), true, q_table_tx, NULL, &e))
		fail_msg("q_test: %s", err_message(&e));
	id_new("grp", grp);
}

static err_code q_insert(const char *id, const char *grp, const char *note, int64_t n, bool flag, struct err *e)
{
	struct q_row r = {id, grp, note, n, flag};
	return store_tx(test_store(), true, q_insert_tx, &r, e);
}

struct q_get {
	struct arena *a;
	const char *id;
	err_code on_missing;
	struct q_row out;
};

static err_code q_get_tx(struct db *db, void *arg, struct err *e)
{
	struct q_get *g = arg;
	struct q_row *r = &g->out;
	return store_q_one(db, g->a, SQL_Q_GET, PARAMS(P_TEXT(g->id)),
	                   COLS(C_TEXT(&r->note), C_I64(&r->n), C_BOOL(&r->flag), C_TEXT(&r->grp)), g->on_missing, e);
}

static void query_one_answers_the_given_code_for_a_missing_row(void **state)
{
	(void)state;
	char grp[ID_MAX];
	q_setup(grp);
	struct arena *a = arena_new();
	struct err e;
	struct q_get g = {.a = a, .id = "nobody", .on_missing = E_NOT_FOUND, .out.n = 42};
	assert_int_equal(store_read(test_store(), q_get_tx, &g, &e), E_NOT_FOUND);
	assert_int_equal(e.code, E_NOT_FOUND);
	g.on_missing = E_INVALID_TOKEN;
	assert_int_equal(store_read(test_store(), q_get_tx, &g, &e), E_INVALID_TOKEN);
	assert_int_equal(e.code, E_INVALID_TOKEN);
	/* E_OK: a missing row is no error, and the columns keep their values */
	g.on_missing = E_OK;
	assert_int_equal(store_read(test_store(), q_get_tx, &g, &e), E_OK);
	assert_int_equal(g.out.n, 42);
	arena_free(a);
}

static void query_exec_answers_the_given_code_for_a_constraint(void **state)
{
	(void)state;
	char grp[ID_MAX], id[ID_MAX];
	q_setup(grp);
	id_new("q", id);
	struct err e;
	assert_int_equal(q_insert(id, grp, "first", 1, false, &e), E_OK);
	assert_int_equal(q_insert(id, grp, "again", 2, false, &e), E_USER_EXISTS);
	assert_int_equal(e.code, E_USER_EXISTS);
	/* NOT NULL refused the same way */
	char other[ID_MAX];
	id_new("q", other);
	assert_int_equal(q_insert(other, NULL, "no group", 3, false, &e), E_USER_EXISTS);
}

static void query_columns_round_trip_null_text_int64_and_bool(void **state)
{
	(void)state;
	char grp[ID_MAX], id_null[ID_MAX], id_text[ID_MAX];
	q_setup(grp);
	id_new("q", id_null);
	id_new("q", id_text);
	struct err e;
	const int64_t big = (INT64_C(1) << 53) + 7, neg = INT64_MIN + 1;
	assert_int_equal(q_insert(id_null, grp, NULL, big, true, &e), E_OK);
	assert_int_equal(q_insert(id_text, grp, "Grüße", neg, false, &e), E_OK);
	struct arena *a = arena_new();
	struct q_get g = {.a = a, .id = id_null, .on_missing = E_NOT_FOUND, .out.note = "not read"};
	assert_int_equal(store_read(test_store(), q_get_tx, &g, &e), E_OK);
	assert_null(g.out.note);
	assert_true(g.out.n == big);
	assert_true(g.out.flag);
	assert_string_equal(g.out.grp, grp);
	g.id = id_text;
	assert_int_equal(store_read(test_store(), q_get_tx, &g, &e), E_OK);
	/* copied into the arena: still there after other statements ran */
	const char *note = g.out.note;
	g.id = id_null;
	assert_int_equal(store_read(test_store(), q_get_tx, &g, &e), E_OK);
	assert_string_equal(note, "Grüße");
	g.id = id_text;
	assert_int_equal(store_read(test_store(), q_get_tx, &g, &e), E_OK);
	assert_true(g.out.n == neg);
	assert_false(g.out.flag);
	arena_free(a);
}

struct q_each {
	const char *grp;
	struct arena *a;
	const char *id;
	int64_t n;
	int rows;
	int64_t seen[8];
	const char *ids[8];
	int64_t count;
};

static void q_each_row(void *arg)
{
	struct q_each *x = arg;
	if (x->rows < 8) {
		x->seen[x->rows] = x->n;
		x->ids[x->rows] = x->id;
	}
	x->rows++;
}

static err_code q_each_tx(struct db *db, void *arg, struct err *e)
{
	struct q_each *x = arg;
	x->rows = 0;
	if (store_q_each(db, x->a, SQL_Q_GROUP, PARAMS(P_TEXT(x->grp)), COLS(C_TEXT(&x->id), C_I64(&x->n)), q_each_row,
	                 x, e))
		return e->code;
	return store_q_count(db, SQL_Q_COUNT, PARAMS(P_TEXT(x->grp)), &x->count, e);
}

static void query_each_sees_every_row_and_count_counts_them(void **state)
{
	(void)state;
	char grp[ID_MAX], ids[5][ID_MAX];
	q_setup(grp);
	struct err e;
	const int64_t ns[5] = {30, 10, 50, 20, 40};
	for (int i = 0; i < 5; i++) {
		id_new("q", ids[i]);
		assert_int_equal(q_insert(ids[i], grp, NULL, ns[i], false, &e), E_OK);
	}
	struct arena *a = arena_new();
	struct q_each x = {.grp = grp, .a = a};
	assert_int_equal(store_read(test_store(), q_each_tx, &x, &e), E_OK);
	assert_int_equal(x.rows, 5);
	assert_int_equal(x.count, 5);
	for (int i = 0; i < 5; i++)
		assert_int_equal(x.seen[i], (i + 1) * 10);
	assert_string_equal(x.ids[0], ids[1]); /* n = 10, its id copied per row */
	assert_string_equal(x.ids[4], ids[2]);
	char empty[ID_MAX];
	id_new("grp", empty);
	x.grp = empty;
	assert_int_equal(store_read(test_store(), q_each_tx, &x, &e), E_OK);
	assert_int_equal(x.rows, 0);
	assert_int_equal(x.count, 0);
	arena_free(a);
}

static err_code q_touch_tx(struct db *db, void *arg, struct err *e)
{
	return store_q_exec_one(db, SQL_Q_TOUCH, PARAMS(P_TEXT(arg)), E_INTERNAL, e);
}

static void query_exec_one_answers_not_found_when_nothing_changed(void **state)
{
	(void)state;
	char grp[ID_MAX], id[ID_MAX];
	q_setup(grp);
	id_new("q", id);
	struct err e;
	assert_int_equal(q_insert(id, grp, NULL, 1, false, &e), E_OK);
	assert_int_equal(store_tx(test_store(), true, q_touch_tx, id, &e), E_OK);
	assert_int_equal(store_tx(test_store(), true, q_touch_tx, "nobody", &e), E_NOT_FOUND);
	assert_int_equal(e.code, E_NOT_FOUND);
}

/* P_FOLD binds what text_fold() gives, and NULL for NULL. */
static const char SQL_Q_FOLD_INSERT[] = "INSERT INTO q_test (id, grp, note, n, flag) VALUES ($1, $2, $3, 0, 0)";

struct q_fold {
	const char *id, *grp, *text;
};

static err_code q_fold_tx(struct db *db, void *arg, struct err *e)
{
	struct q_fold *f = arg;
	return store_q_exec(db, SQL_Q_FOLD_INSERT, PARAMS(P_TEXT(f->id), P_TEXT(f->grp), P_FOLD(f->text)), E_CONFLICT,
	                    e);
}

static void query_fold_parameter_is_text_fold(void **state)
{
	(void)state;
	char grp[ID_MAX];
	q_setup(grp);
	struct arena *a = arena_new();
	char long_name[3000];
	for (size_t i = 0; i + 2 < sizeof long_name; i += 2)
		memcpy(long_name + i, "\xc8\xba", 2); /* U+023A, which folds to 3 bytes */
	long_name[sizeof long_name - 2] = '\0';
	const char *texts[] = {"ÄBC Straße", "\xc8\xba-Ω-ΣΑΣ", "plain ascii", long_name, NULL};
	for (int i = 0; i < 5; i++) {
		char id[ID_MAX];
		id_new("q", id);
		struct q_fold f = {id, grp, texts[i]};
		struct err e;
		assert_int_equal(store_tx(test_store(), true, q_fold_tx, &f, &e), E_OK);
		struct q_get g = {.a = a, .id = id, .on_missing = E_NOT_FOUND};
		assert_int_equal(store_read(test_store(), q_get_tx, &g, &e), E_OK);
		if (texts[i])
			assert_string_equal(g.out.note, text_fold(a, texts[i]));
		else
			assert_null(g.out.note);
	}
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(migrate_is_idempotent),
	        cmocka_unit_test(open_refuses_bad_urls),
	        cmocka_unit_test(migrate_refuses_a_newer_database),
	        cmocka_unit_test(concurrent_first_migrations_all_succeed),
	        cmocka_unit_test(user_insert_and_lookup),
	        cmocka_unit_test(user_insert_refuses_a_taken_email_key),
	        cmocka_unit_test(user_with_password_and_operator_flag),
	        cmocka_unit_test(user_update_profile_and_state),
	        cmocka_unit_test(user_list_pages_by_email_key),
	        cmocka_unit_test(failed_transaction_leaves_no_row),
	        cmocka_unit_test(constraint_failure_rolls_back_the_whole_transaction),
	        cmocka_unit_test(token_consume_is_single_use),
	        cmocka_unit_test(token_expires),
	        cmocka_unit_test(token_void_user_voids_unused_tokens),
	        cmocka_unit_test(token_peek_does_not_consume),
	        cmocka_unit_test(token_insert_refuses_unknown_purpose_and_user),
	        cmocka_unit_test(token_consume_race_has_one_winner),
	        cmocka_unit_test(session_lookup_honours_expiry_idle_and_state),
	        cmocka_unit_test(session_delete_user_keeps_one),
	        cmocka_unit_test(session_token_hash_is_unique),
	        cmocka_unit_test(throttle_counts_within_a_window),
	        cmocka_unit_test(throttle_peek_does_not_count),
	        cmocka_unit_test(throttle_counts_every_concurrent_hit),
	        cmocka_unit_test(outbox_claim_lease_and_send),
	        cmocka_unit_test(outbox_retry_waits_and_failed_is_final),
	        cmocka_unit_test(outbox_claims_the_oldest_first),
	        cmocka_unit_test(outbox_concurrent_claims_never_share_a_message),
	        cmocka_unit_test(audit_insert_works),
	        cmocka_unit_test(query_one_answers_the_given_code_for_a_missing_row),
	        cmocka_unit_test(query_exec_answers_the_given_code_for_a_constraint),
	        cmocka_unit_test(query_columns_round_trip_null_text_int64_and_bool),
	        cmocka_unit_test(query_each_sees_every_row_and_count_counts_them),
	        cmocka_unit_test(query_exec_one_answers_not_found_when_nothing_changed),
	        cmocka_unit_test(query_fold_parameter_is_text_fold),
	};
	test_store();
	return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}
