/* Migrations whose data steps need core's rules, on the suite's engine. */
#include "testutil.h"

#include "base/text.h"
#include "core/member_card.h"
#include "core/migrate.h"
#include "core/orgs.h"
#include "store/accounts.h"
#include "store/orgs.h"

struct found {
	struct arena *a;
	int n;
	const char *ids[8];
};

static void member_found(const struct member_item *it, void *arg)
{
	struct found *f = arg;
	if (f->n < 8)
		f->ids[f->n] = arena_strdup(f->a, it->user_id);
	f->n++;
}

static void org_found(const struct org *o, const char *role, void *arg)
{
	(void)role;
	struct found *f = arg;
	if (f->n < 8)
		f->ids[f->n] = arena_strdup(f->a, o->id);
	f->n++;
}

/* A database of version 4 keyed emails by ASCII lower case and folded
 * names with a shorter table: migration 005 writes the keys again. */
static void upgrade_refolds_email_and_search_keys(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct test_fresh_db f;
	test_fresh_db_create(&f);
	struct store *st = NULL;
	struct err e;
	err_clear(&e);
	assert_int_equal(store_open(f.url, false, &st, &e), E_OK);
	assert_int_equal(store_migrate_to(st, 4, NULL, 0, &e), E_OK);
	assert_int_equal(store_schema_version(st, &e), 4);
	/* u1 and u2 differ only by the case of a non-ASCII letter: one account
	 * under the new rule. u3 has non-ASCII capitals in its address and a
	 * last name that the old table did not fold (U+023A). */
	const char *sql =
	        "INSERT INTO users (id, email, email_key, first_name, last_name, company, language, state, is_operator,"
	        " created_at, updated_at) VALUES"
	        " ('usr_1', 'J\xc3\x96RG@Ex.Example', 'j\xc3\x96rg@ex.example', 'J\xc3\xb6rg', 'Alpha', '', 'de', "
	        "'active',"
	        " 0, 1000, 1000),"
	        " ('usr_2', 'j\xc3\xb6rg@ex.example', 'j\xc3\xb6rg@ex.example', 'J\xc3\xb6rg', 'Beta', '', 'de', "
	        "'active',"
	        " 0, 1000, 1000),"
	        " ('usr_3', '\xc3\x89LODIE@\xc3\x89"
	        "cole.fr', '\xc3\x89lodie@\xc3\x89"
	        "cole.fr', '\xc3\x89lodie',"
	        " '\xc8\xba"
	        "nderson', '', 'fr', 'active', 0, 1000, 1000);"
	        "INSERT INTO orgs (id, name, name_key, type, state, settings, created_at, updated_at)"
	        " VALUES ('org_1', '\xc8\xba"
	        "cme', '\xc8\xba"
	        "cme', 'enterprise', 'active', '{}', 1000, 1000);"
	        "INSERT INTO memberships (org_id, user_id, role, source, created_at, email_key, first_key, last_key,"
	        " full_key, card) VALUES ('org_1', 'usr_3', 'member', 'direct', 3000, '\xc3\xa9lodie@\xc3\xa9"
	        "cole.fr',"
	        " '\xc3\xa9lodie', '\xc8\xba"
	        "nderson', '\xc3\xa9lodie \xc8\xba"
	        "nderson', '{}');"
	        "INSERT INTO member_terms (org_id, term, user_id, prev_term, role, card) VALUES"
	        " ('org_1', '\xc3\xa9lodie@\xc3\xa9"
	        "cole.fr', 'usr_3', '', 'member', '{}'),"
	        " ('org_1', '\xc3\xa9lodie \xc8\xba"
	        "nderson', 'usr_3', '\xc3\xa9lodie@\xc3\xa9"
	        "cole.fr', 'member', '{}'),"
	        " ('org_1', '\xc8\xba"
	        "nderson', 'usr_3', '', 'member', '{}');";
	struct db *db = store_conn(st, &e);
	assert_non_null(db);
	assert_int_equal(db->drv->exec(db, sql), DB_OK);

	assert_int_equal(core_migrate(st, &e), E_OK);
	assert_int_equal(store_schema_version(st, &e), store_schema_latest());

	struct user u;
	/* u3's address is found by its fold, however it is typed */
	assert_int_equal(store_user_by_email(db, a,
	                                     email_lookup_key(a, "\xc3\xa9lodie@\xc3\xa9"
	                                                         "COLE.FR"),
	                                     &u, &e),
	                 E_OK);
	assert_string_equal(u.id, "usr_3");
	/* the collision: usr_2 holds the key, usr_1 keeps its old one */
	assert_int_equal(store_user_by_email(db, a, email_lookup_key(a, "J\xc3\x96RG@ex.example"), &u, &e), E_OK);
	assert_string_equal(u.id, "usr_2");
	assert_int_equal(store_user_by_email(db, a, "j\xc3\x96rg@ex.example", &u, &e), E_OK);
	assert_string_equal(u.id, "usr_1");

	/* the search keys of u3 and of the organization fold U+023A now */
	const char *q = text_fold(a, "\xc8\xba"
	                             "ND");
	struct member_query mq = {.org_id = "org_1", .sort = MEMBER_SORT_MATCH, .limit = 10, .q_lo = q};
	mq.q_hi = prefix_upper_bound(a, q);
	struct found fm = {.a = a};
	assert_int_equal(store_member_list(db, &mq, member_found, &fm, &e), E_OK);
	assert_int_equal(fm.n, 1);
	assert_string_equal(fm.ids[0], "usr_3");
	mq.sort = MEMBER_SORT_NAME;
	fm.n = 0;
	assert_int_equal(store_member_list(db, &mq, member_found, &fm, &e), E_OK);
	assert_int_equal(fm.n, 1);
	struct list_query oq = {.spec = &org_list_spec,
	                        .limit = 10,
	                        .fetch = 10,
	                        .q_lo = text_fold(a, "\xc8\xba"
	                                             "C")};
	oq.q_hi = prefix_upper_bound(a, oq.q_lo);
	struct found fo = {.a = a};
	assert_int_equal(store_org_list(db, a, ORGS_ALL, NULL, &oq, org_found, &fo, &e), E_OK);
	assert_int_equal(fo.n, 1);
	assert_string_equal(fo.ids[0], "org_1");

	/* a second start changes nothing and keeps the version */
	assert_int_equal(core_migrate(st, &e), E_OK);
	store_free(st);
	test_fresh_db_drop(&f);
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(upgrade_refolds_email_and_search_keys),
	};
	return cmocka_run_group_tests_name("core/migrate", tests, NULL, NULL);
}
