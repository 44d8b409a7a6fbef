/* The token service on a real store (SQLite, then PostgreSQL under
 * tests/run.sh): single use, expiry, purposes held apart, revocation per
 * purpose, and one winner among concurrent consumers. Each test makes
 * users of its own, the subjects of its tokens. */
#include "testutil.h"

#include <pthread.h>
#include <time.h>

#include "core/accounts.h"
#include "core/tokens.h"
#include "store/accounts.h"
#include "store/store.h"

static const char *const NO_TOKEN = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

/* ---- one call of the service in a transaction of its own ---- */

typedef enum { OP_ISSUE, OP_CONSUME, OP_CONSUME_ANY, OP_PEEK_ANY, OP_REVOKE, OP_REVOKE_USER } op_kind;

struct op {
	op_kind kind;
	struct arena *a;
	token_purpose purpose;
	tokenset accept;
	const char *subject;
	int64_t ttl_ms;
	char token[TOKEN_LEN + 1];
	const char *out_subject;
	token_purpose out_purpose;
	struct err e;
};

static err_code op_tx(struct db *db, void *arg, struct err *e)
{
	struct op *o = arg;
	switch (o->kind) {
	case OP_ISSUE:
		return token_issue(db, o->purpose, o->subject, o->ttl_ms, o->token, e);
	case OP_CONSUME:
		return token_consume(db, o->a, o->purpose, o->token, &o->out_subject, e);
	case OP_CONSUME_ANY:
		return token_consume_any(db, o->a, o->accept, o->token, &o->out_subject, &o->out_purpose, e);
	case OP_PEEK_ANY:
		return token_peek_any(db, o->a, o->accept, o->token, &o->out_subject, &o->out_purpose, e);
	case OP_REVOKE:
		return token_revoke(db, o->purpose, o->subject, e);
	case OP_REVOKE_USER:
		return token_revoke_user(db, o->subject, e);
	}
	return E_INTERNAL;
}

static err_code run(struct op *o)
{
	err_clear(&o->e);
	return store_tx(test_store(), o->kind != OP_PEEK_ANY, op_tx, o, &o->e);
}

struct new_user_arg {
	struct user_new n;
	char *id;
};

static err_code insert_tx(struct db *db, void *arg, struct err *e)
{
	struct new_user_arg *nu = arg;
	struct arena *a = arena_new();
	struct user u;
	const char *key;
	err_code rc = account_new_user(a, &nu->n, &u, &key, e) || store_user_insert(db, &u, key, e) ? e->code : E_OK;
	if (!rc)
		snprintf(nu->id, ID_MAX, "%s", u.id);
	arena_free(a);
	return rc;
}

/* A new user, without a password; its id into id. */
static void new_user(char id[ID_MAX], const char *prefix)
{
	char email[128];
	struct new_user_arg nu = {.n = {.email = test_email(email, sizeof email, prefix)}, .id = id};
	struct err e;
	if (store_tx(test_store(), true, insert_tx, &nu, &e))
		fail_msg("user %s: %s", email, err_message(&e));
}

static void issue(token_purpose p, const char *subject, int64_t ttl_ms, char token[TOKEN_LEN + 1])
{
	struct op o = {.kind = OP_ISSUE, .purpose = p, .subject = subject, .ttl_ms = ttl_ms};
	if (run(&o))
		fail_msg("issue: %s", err_message(&o.e));
	memcpy(token, o.token, TOKEN_LEN + 1);
}

/* consume(p, token): E_OK with the subject in *out_subject (copied to a), or the error. */
static err_code consume(struct arena *a, token_purpose p, const char *token, const char **out_subject)
{
	struct op o = {.kind = OP_CONSUME, .a = a, .purpose = p};
	snprintf(o.token, sizeof o.token, "%s", token);
	err_code rc = run(&o);
	if (rc == E_OK && out_subject)
		*out_subject = o.out_subject;
	if (rc == E_INVALID_TOKEN)
		assert_string_equal(o.e.field, "token");
	return rc;
}

static void revoke_tokens(op_kind kind, token_purpose p, const char *subject)
{
	struct op o = {.kind = kind, .purpose = p, .subject = subject};
	if (run(&o))
		fail_msg("revoke: %s", err_message(&o.e));
}

static void sleep_ms(int ms)
{
	struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
	nanosleep(&ts, NULL);
}

/* ---- the tests ---- */

static void purposes_have_names(void **state)
{
	(void)state;
	token_purpose p;
	for (int i = 0; i < TOKEN__COUNT; i++) {
		assert_true(token_purpose_parse(token_purpose_name((token_purpose)i), &p));
		assert_int_equal(p, i);
	}
	assert_string_equal(token_purpose_name(TOKEN_RESET), "reset");
	assert_string_equal(token_purpose_name(TOKEN_SETUP), "setup");
	assert_false(token_purpose_parse("Reset", &p));
	assert_false(token_purpose_parse("", &p));
	assert_string_equal(token_purpose_name(TOKEN__COUNT), "");
}

static void a_token_is_used_once(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	char uid[ID_MAX], token[TOKEN_LEN + 1];
	const char *subject = NULL;
	new_user(uid, "tok-once");
	issue(TOKEN_RESET, uid, 60000, token);
	assert_int_equal(consume(a, TOKEN_RESET, token, &subject), E_OK);
	assert_string_equal(subject, uid);
	assert_int_equal(consume(a, TOKEN_RESET, token, NULL), E_INVALID_TOKEN);
	/* Unknown and malformed texts are refused alike. */
	assert_int_equal(consume(a, TOKEN_RESET, NO_TOKEN, NULL), E_INVALID_TOKEN);
	assert_int_equal(consume(a, TOKEN_RESET, "short", NULL), E_INVALID_TOKEN);
	arena_free(a);
}

static void an_expired_token_is_refused(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	char uid[ID_MAX], brief[TOKEN_LEN + 1], none[TOKEN_LEN + 1];
	new_user(uid, "tok-exp");
	issue(TOKEN_RESET, uid, 0, none); /* expires as it is issued */
	assert_int_equal(consume(a, TOKEN_RESET, none, NULL), E_INVALID_TOKEN);
	issue(TOKEN_SETUP, uid, 150, brief);
	struct op peek = {.kind = OP_PEEK_ANY, .a = a, .accept = TOKENSET(TOKEN_SETUP)};
	memcpy(peek.token, brief, sizeof brief);
	assert_int_equal(run(&peek), E_OK); /* usable now, not used by looking */
	sleep_ms(300);
	assert_int_equal(run(&peek), E_INVALID_TOKEN);
	assert_int_equal(consume(a, TOKEN_SETUP, brief, NULL), E_INVALID_TOKEN);
	arena_free(a);
}

static void a_token_of_another_purpose_is_refused_and_kept(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	char uid[ID_MAX], token[TOKEN_LEN + 1];
	const char *subject = NULL;
	new_user(uid, "tok-purpose");
	issue(TOKEN_SETUP, uid, 60000, token);
	/* Refused by the other purpose with what an unknown token gets. */
	struct op wrong = {.kind = OP_CONSUME, .a = a, .purpose = TOKEN_RESET};
	struct op unknown = {.kind = OP_CONSUME, .a = a, .purpose = TOKEN_RESET};
	memcpy(wrong.token, token, sizeof token);
	memcpy(unknown.token, NO_TOKEN, TOKEN_LEN + 1);
	assert_int_equal(run(&wrong), E_INVALID_TOKEN);
	assert_int_equal(run(&unknown), E_INVALID_TOKEN);
	assert_string_equal(wrong.e.field, unknown.e.field);
	assert_string_equal(err_message(&wrong.e), err_message(&unknown.e));
	/* Still there for its own purpose. */
	assert_int_equal(consume(a, TOKEN_SETUP, token, &subject), E_OK);
	assert_string_equal(subject, uid);
	assert_int_equal(consume(a, TOKEN_SETUP, token, NULL), E_INVALID_TOKEN);
	arena_free(a);
}

static void a_consumer_of_several_purposes_learns_which(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	char uid[ID_MAX], token[TOKEN_LEN + 1];
	new_user(uid, "tok-any");
	issue(TOKEN_SETUP, uid, 60000, token);
	struct op o = {.kind = OP_CONSUME_ANY, .a = a, .accept = TOKENSET(TOKEN_RESET) | TOKENSET(TOKEN_SETUP)};
	memcpy(o.token, token, sizeof token);
	assert_int_equal(run(&o), E_OK);
	assert_int_equal(o.out_purpose, TOKEN_SETUP);
	assert_string_equal(o.out_subject, uid);
	assert_int_equal(run(&o), E_INVALID_TOKEN);
	arena_free(a);
}

static void revoke_ends_one_purpose_of_one_subject(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	char u1[ID_MAX], u2[ID_MAX], r1[TOKEN_LEN + 1], r2[TOKEN_LEN + 1], s1[TOKEN_LEN + 1], other[TOKEN_LEN + 1];
	new_user(u1, "tok-rev");
	new_user(u2, "tok-rev-other");
	issue(TOKEN_RESET, u1, 60000, r1);
	issue(TOKEN_RESET, u1, 60000, r2);
	issue(TOKEN_SETUP, u1, 60000, s1);
	issue(TOKEN_RESET, u2, 60000, other);
	revoke_tokens(OP_REVOKE, TOKEN_RESET, u1);
	assert_int_equal(consume(a, TOKEN_RESET, r1, NULL), E_INVALID_TOKEN);
	assert_int_equal(consume(a, TOKEN_RESET, r2, NULL), E_INVALID_TOKEN);
	assert_int_equal(consume(a, TOKEN_SETUP, s1, NULL), E_OK);    /* another purpose */
	assert_int_equal(consume(a, TOKEN_RESET, other, NULL), E_OK); /* another subject */
	/* Tokens issued after the revocation are good. */
	issue(TOKEN_RESET, u1, 60000, r1);
	assert_int_equal(consume(a, TOKEN_RESET, r1, NULL), E_OK);
	arena_free(a);
}

static void revoke_user_ends_every_purpose(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	char u1[ID_MAX], u2[ID_MAX], r1[TOKEN_LEN + 1], s1[TOKEN_LEN + 1], other[TOKEN_LEN + 1];
	new_user(u1, "tok-void");
	new_user(u2, "tok-void-other");
	issue(TOKEN_RESET, u1, 60000, r1);
	issue(TOKEN_SETUP, u1, 60000, s1);
	issue(TOKEN_SETUP, u2, 60000, other);
	revoke_tokens(OP_REVOKE_USER, TOKEN__COUNT, u1);
	assert_int_equal(consume(a, TOKEN_RESET, r1, NULL), E_INVALID_TOKEN);
	assert_int_equal(consume(a, TOKEN_SETUP, s1, NULL), E_INVALID_TOKEN);
	assert_int_equal(consume(a, TOKEN_SETUP, other, NULL), E_OK);
	arena_free(a);
}

struct race {
	const char *token;
	pthread_barrier_t *barrier;
	err_code rc;
	char subject[ID_MAX];
};

static void *race_main(void *arg)
{
	struct race *r = arg;
	struct arena *a = arena_new();
	const char *subject = NULL;
	pthread_barrier_wait(r->barrier);
	r->rc = consume(a, TOKEN_RESET, r->token, &subject);
	if (r->rc == E_OK)
		snprintf(r->subject, sizeof r->subject, "%s", subject);
	arena_free(a);
	return NULL;
}

static void concurrent_consumers_have_one_winner(void **state)
{
	(void)state;
	enum { N = 8, ROUNDS = 4 };
	for (int round = 0; round < ROUNDS; round++) {
		char uid[ID_MAX], token[TOKEN_LEN + 1];
		new_user(uid, "tok-race");
		issue(TOKEN_RESET, uid, 60000, token);
		pthread_barrier_t barrier;
		pthread_barrier_init(&barrier, NULL, N);
		struct race r[N];
		pthread_t th[N];
		for (int i = 0; i < N; i++) {
			r[i] = (struct race){.token = token, .barrier = &barrier, .rc = E__COUNT};
			assert_int_equal(pthread_create(&th[i], NULL, race_main, &r[i]), 0);
		}
		int won = 0, lost = 0;
		for (int i = 0; i < N; i++) {
			pthread_join(th[i], NULL);
			if (r[i].rc == E_OK) {
				won++;
				assert_string_equal(r[i].subject, uid);
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

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(purposes_have_names),
	        cmocka_unit_test(a_token_is_used_once),
	        cmocka_unit_test(an_expired_token_is_refused),
	        cmocka_unit_test(a_token_of_another_purpose_is_refused_and_kept),
	        cmocka_unit_test(a_consumer_of_several_purposes_learns_which),
	        cmocka_unit_test(revoke_ends_one_purpose_of_one_subject),
	        cmocka_unit_test(revoke_user_ends_every_purpose),
	        cmocka_unit_test(concurrent_consumers_have_one_winner),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
