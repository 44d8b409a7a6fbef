#ifndef ROSTER_TESTS_TESTUTIL_H
#define ROSTER_TESTS_TESTUTIL_H

/* Shared by the cmocka suites. ROSTER_TEST_DB names the database a suite
 * runs on (tests/run.sh sets it to a fresh SQLite file, then to a fresh
 * PostgreSQL database); unset, a file under /tmp is used. */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/crypto.h"
#include "base/log.h"
#include "core/accounts.h"
#include "core/ctx.h"
#include "core/member_card.h"
#include "core/migrate.h"
#include "store/store.h"

static inline const char *test_db_url(void)
{
	static char fallback[64];
	const char *u = getenv("ROSTER_TEST_DB");
	if (u && *u)
		return u;
	snprintf(fallback, sizeof fallback, "sqlite:/tmp/roster-unit-%d.db", (int)getpid());
	return fallback;
}

/* A context for one core call: app, arena, request (NULL: none), caller
 * (NULL: rosterctl's way) and access. Taken from a small ring per thread,
 * so that it outlives the call it is written into. */
static inline struct ctx *tctx(struct app *app, struct arena *a, const struct reqinfo *ri, const struct auth *who,
                               const struct org_access *acc)
{
	static __thread struct ctx ring[32];
	static __thread unsigned next;
	struct ctx *c = &ring[next++ % 32];
	*c = (struct ctx){.app = app, .arena = a, .ri = ri ? *ri : (struct reqinfo){0}, .who = who, .access = acc};
	return c;
}

/* The suite's store, opened and migrated once. */
static inline struct store *test_store(void)
{
	static struct store *st;
	if (!st) {
		struct err e;
		err_clear(&e);
		log_set_level(LOG_ERROR);
		if (!crypto_setup())
			fail_msg("libsodium");
		if (store_open(test_db_url(), false, &st, &e) || core_migrate(st, &e))
			fail_msg("cannot open the test database %s: %s", test_db_url(), err_message(&e));
	}
	return st;
}

/* A unique email for one test: tests share the suite's database. */
static inline const char *test_email(char *buf, size_t len, const char *prefix)
{
	char id[ID_MAX];
	id_new("t", id);
	snprintf(buf, len, "%s-%s@example.com", prefix, id + 2);
	return buf;
}

/* A new, empty database on the suite's engine, for a test that needs one
 * of its own (a first start, concurrent migrations): a file under /tmp, or
 * a database beside the suite's on the same PostgreSQL server. */
struct test_fresh_db {
	char name[64];
	char url[512];
};

static inline void test_fresh_db_create(struct test_fresh_db *f)
{
	char id[ID_MAX];
	id_new("fresh", id);
	snprintf(f->name, sizeof f->name, "t_%s", id);
	const char *url = test_db_url();
	if (!strncmp(url, "postgres", 8)) {
		struct err e;
		struct db *db = store_conn(test_store(), &e);
		char sql[128];
		const char *slash = strrchr(url, '/');
		snprintf(f->url, sizeof f->url, "%.*s/%s", (int)(slash - url), url, f->name);
		snprintf(sql, sizeof sql, "CREATE DATABASE %s", f->name);
		if (!db || db->drv->exec(db, sql) != DB_OK)
			fail_msg("cannot create database %s", f->name);
	} else {
		snprintf(f->url, sizeof f->url, "sqlite:/tmp/roster-unit-%s.db", f->name);
	}
}

/* Every store opened on it must be freed first. */
static inline void test_fresh_db_drop(struct test_fresh_db *f)
{
	if (!strncmp(f->url, "postgres", 8)) {
		struct err e;
		struct db *db = store_conn(test_store(), &e);
		char sql[128];
		snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS %s WITH (FORCE)", f->name);
		if (db)
			db->drv->exec(db, sql);
	} else {
		const char *path = f->url + strlen("sqlite:");
		char p[600];
		unlink(path);
		snprintf(p, sizeof p, "%s-wal", path);
		unlink(p);
		snprintf(p, sizeof p, "%s-shm", path);
		unlink(p);
	}
}

/* ---- the outbox, read the way the mailer reads it ---- */

#include "base/clock.h"
#include "store/misc.h"

struct test_claim {
	struct arena *a;
	struct outbox_msg m;
};

static inline err_code test_claim_tx(struct db *db, void *arg, struct err *e)
{
	struct test_claim *c = arg;
	int64_t now = clock_now_ms();
	if (store_outbox_claim(db, c->a, now, 1, &c->m, e))
		return e->code;
	return store_outbox_sent(db, c->m.id, now, e);
}

/* Takes the next due message off the outbox (marking it sent); E_NOT_FOUND when none. */
static inline err_code test_take_mail(struct store *st, struct arena *a, struct outbox_msg *out)
{
	struct test_claim c = {.a = a};
	struct err e;
	err_clear(&e);
	err_code rc = store_tx(st, true, test_claim_tx, &c, &e);
	*out = c.m;
	return rc;
}

/* Empties the outbox. */
static inline void test_drain_mail(struct store *st, struct arena *a)
{
	struct outbox_msg m;
	int n = 0;
	while (test_take_mail(st, a, &m) == E_OK)
		if (++n > 100000)
			fail_msg("the outbox does not drain");
}

/* An operator's auth, built by hand: operators bypass the membership checks. */
static inline void test_operator_auth(struct arena *a, struct auth *out)
{
	char id[ID_MAX];
	id_new("usr", id);
	memset(out, 0, sizeof *out);
	out->user = (struct user){.id = arena_strdup(a, id),
	                          .email = "op@example.com",
	                          .state = "active",
	                          .is_operator = true,
	                          .language = "en"};
}

/* The auth of a signed-in user, without a session. */
static inline void test_user_auth(const struct user *u, struct auth *out)
{
	memset(out, 0, sizeof *out);
	out->user = *u;
}

#endif
