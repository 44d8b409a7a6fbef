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
		if (store_open(test_db_url(), false, &st, &e) || store_migrate(st, &e))
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

#endif
