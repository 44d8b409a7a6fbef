/* The list machinery (core/list.h, store/list.h): the query string read
 * against a spec, the signed cursor and what it belongs to, and the keyset
 * SQL built from the spec. */
#include "testutil.h"

#include "core/audit.h"
#include "core/devices.h"
#include "core/licenses.h"
#include "core/list.h"
#include "core/orgs.h"
#include "store/db.h"
#include "store/list.h"

struct kv {
	const char *name, *value;
};

static const char *param(void *arg, const char *name)
{
	for (const struct kv *p = arg; p->name; p++)
		if (!strcmp(p->name, name))
			return p->value;
	return NULL;
}

static const unsigned char key[CURSOR_KEY_LEN] = {1, 2, 3, 4};

static const struct list_sort sorts[] = {{"name", "t.name_key", LIST_TEXT}, {"at", "t.at", LIST_TIME}};
static const char *const colours[] = {"red", "green", NULL};
static const struct list_filter filters[] = {
        {"colour", "t.colour", LIST_TEXT, LIST_EQ, colours},
        {"owner", "t.owner", LIST_TEXT, LIST_EQ, NULL},
        {"since", "t.at", LIST_TIME, LIST_SINCE, NULL},
        {"until", "t.at", LIST_TIME, LIST_UNTIL, NULL},
};
static const char *const search[] = {"t.name_key", "t.email_key", NULL};
static const struct list_spec things = {
        .name = "things",
        .sorts = sorts,
        .nsorts = 2,
        .default_sort = 1,
        .default_desc = true,
        .filters = filters,
        .nfilters = 4,
        .search = search,
        .id_column = "t.id",
};
static const struct list_spec matching = {
        .name = "matching", .sorts = sorts, .nsorts = 1, .match_sort = true, .search = search, .id_column = "t.id"};

static err_code parse(struct arena *a, const struct list_spec *spec, const char *scope, const struct kv *kv,
                      struct list_query *q, struct err *e)
{
	err_clear(e);
	return list_parse(spec, key, scope, a, param, (void *)kv, q, e);
}

static void defaults_come_from_the_spec(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct list_query q;
	struct err e;
	const struct kv none[] = {{NULL, NULL}};
	assert_int_equal(parse(a, &things, NULL, none, &q, &e), E_OK);
	assert_int_equal(q.limit, 50);
	assert_int_equal(q.fetch, 51);
	assert_int_equal(q.sort, 1);
	assert_true(q.desc);
	assert_null(q.q_lo);
	assert_false(q.after.set);
	for (int i = 0; i < 4; i++)
		assert_false(q.filter[i].set);
	const struct kv some[] = {
	        {"limit", "7"}, {"sort", "name"}, {"colour", "green"}, {"since", "2026-01-02T03:04:05Z"},
	        {"q", "ÉMile"}, {"owner", ""},    {NULL, NULL}};
	assert_int_equal(parse(a, &things, NULL, some, &q, &e), E_OK);
	assert_int_equal(q.limit, 7);
	assert_int_equal(q.sort, 0);
	assert_false(q.desc);
	assert_string_equal(q.filter[0].text, "green");
	assert_string_equal(list_filter_text(&q, "colour"), "green");
	assert_false(q.filter[1].set); /* empty: no filter */
	assert_true(q.filter[2].set);
	assert_int_equal(q.filter[2].time, 1767323045000LL);
	assert_string_equal(q.q_lo, text_fold(a, "ÉMile"));
	assert_non_null(q.q_hi);
	arena_free(a);
}

/* Each bad parameter is named, with its own code. */
static void bad_parameters_are_named(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct list_query q;
	struct err e;
	const struct {
		struct kv kv;
		err_code code;
		const char *field;
	} rows[] = {
	        {{"limit", "0"}, E_BAD_REQUEST, "limit"},
	        {{"limit", "201"}, E_BAD_REQUEST, "limit"},
	        {{"limit", "ten"}, E_BAD_REQUEST, "limit"},
	        {{"limit", "-1"}, E_BAD_REQUEST, "limit"},
	        {{"sort", "shoe_size"}, E_BAD_REQUEST, "sort"},
	        {{"sort", "--name"}, E_BAD_REQUEST, "sort"},
	        {{"sort", "match"}, E_BAD_REQUEST, "sort"}, /* no match sort on this list */
	        {{"sort", ""}, E_BAD_REQUEST, "sort"},
	        {{"colour", "blue"}, E_BAD_REQUEST, "colour"},
	        {{"since", "yesterday"}, E_BAD_REQUEST, "since"},
	        {{"until", "2026-13-01T00:00:00Z"}, E_BAD_REQUEST, "until"},
	        {{"cursor", "bogus!"}, E_INVALID_CURSOR, "cursor"},
	        {{"cursor", "YzEfa2V5H2lk"}, E_INVALID_CURSOR, "cursor"}, /* the old unsigned format */
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		const struct kv kv[] = {rows[i].kv, {NULL, NULL}};
		if (parse(a, &things, NULL, kv, &q, &e) != rows[i].code || !e.field || strcmp(e.field, rows[i].field))
			fail_msg("row %zu (%s=%s): %s on %s", i, rows[i].kv.name, rows[i].kv.value, err_name(e.code),
			         e.field ? e.field : "-");
	}
	const struct kv sort[] = {{"sort", "size"}, {NULL, NULL}};
	parse(a, &things, NULL, sort, &q, &e);
	assert_non_null(strstr(err_message(&e), "name or at"));
	char *longq = arena_alloc(a, 202);
	memset(longq, 'q', 201);
	longq[201] = '\0';
	const struct kv tooLong[] = {{"q", longq}, {NULL, NULL}};
	assert_int_equal(parse(a, &things, NULL, tooLong, &q, &e), E_TOO_LONG);
	assert_string_equal(e.field, "q");
	arena_free(a);
}

static void match_is_for_searches(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct list_query q;
	struct err e;
	const struct kv searching[] = {{"q", "mar"}, {NULL, NULL}};
	assert_int_equal(parse(a, &matching, NULL, searching, &q, &e), E_OK);
	assert_int_equal(q.sort, LIST_SORT_MATCH);
	const struct kv named[] = {{"q", "mar"}, {"sort", "-name"}, {NULL, NULL}};
	assert_int_equal(parse(a, &matching, NULL, named, &q, &e), E_OK);
	assert_int_equal(q.sort, 0);
	assert_true(q.desc);
	const struct kv desc_match[] = {{"q", "mar"}, {"sort", "-match"}, {NULL, NULL}};
	assert_int_equal(parse(a, &matching, NULL, desc_match, &q, &e), E_BAD_REQUEST);
	const struct kv no_search[] = {{"sort", "match"}, {NULL, NULL}};
	assert_int_equal(parse(a, &matching, NULL, no_search, &q, &e), E_BAD_REQUEST);
	assert_non_null(strstr(err_message(&e), "match (searches only)"));
	arena_free(a);
}

/* A cursor takes the next page of the same query, and of no other. */
static void a_cursor_belongs_to_its_query(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct list_query q, next;
	struct err e;
	const struct kv first[] = {{"sort", "name"}, {"colour", "red"}, {"q", "ab"}, {NULL, NULL}};
	assert_int_equal(parse(a, &things, "org_1", first, &q, &e), E_OK);
	const char *c = list_cursor(&q, key, a, "abc", "thg_9");
	const struct kv again[] = {{"sort", "name"}, {"colour", "red"}, {"q", "AB"}, {"cursor", c}, {NULL, NULL}};
	assert_int_equal(parse(a, &things, "org_1", again, &next, &e), E_OK);
	assert_true(next.after.set);
	assert_string_equal(next.after.text, "abc");
	assert_string_equal(next.after_id, "thg_9");
	/* another sort, direction, filter, search, scope or list: refused */
	const struct kv others[][5] = {
	        {{"sort", "-name"}, {"colour", "red"}, {"q", "ab"}, {"cursor", c}, {NULL, NULL}},
	        {{"sort", "name"}, {"colour", "green"}, {"q", "ab"}, {"cursor", c}, {NULL, NULL}},
	        {{"sort", "name"}, {"q", "ab"}, {"cursor", c}, {NULL, NULL}},
	        {{"sort", "name"}, {"colour", "red"}, {"q", "abc"}, {"cursor", c}, {NULL, NULL}},
	        {{"sort", "name"}, {"colour", "red"}, {"cursor", c}, {NULL, NULL}},
	};
	for (size_t i = 0; i < sizeof others / sizeof others[0]; i++)
		if (parse(a, &things, "org_1", others[i], &next, &e) != E_INVALID_CURSOR)
			fail_msg("query %zu took another query's cursor", i);
	assert_int_equal(parse(a, &things, "org_2", again, &next, &e), E_INVALID_CURSOR);
	assert_int_equal(parse(a, &matching, "org_1", again, &next, &e), E_INVALID_CURSOR);
	/* a time-ordered list's key is a number of milliseconds */
	const struct kv by_time[] = {{NULL, NULL}};
	assert_int_equal(parse(a, &things, NULL, by_time, &q, &e), E_OK);
	const struct kv t_next[] = {{"cursor", list_cursor(&q, key, a, "1700000000000", "thg_1")}, {NULL, NULL}};
	assert_int_equal(parse(a, &things, NULL, t_next, &next, &e), E_OK);
	assert_int_equal(next.after.time, 1700000000000LL);
	const struct kv t_bad[] = {{"cursor", list_cursor(&q, key, a, "soon", "thg_1")}, {NULL, NULL}};
	assert_int_equal(parse(a, &things, NULL, t_bad, &next, &e), E_INVALID_CURSOR);
	arena_free(a);
}

/* The keyset SQL: the filters that are set, the search, the position and
 * the order as numbered parameters after the scope's, the limit in the
 * text; one text per shape. */
static void the_page_sql_follows_the_spec(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct list_query q;
	struct err e;
	static const char base[] = "SELECT t.id FROM things t WHERE t.org = $1";
	const struct kv kv[] = {{"q", "Ab"}, {"colour", "red"}, {"limit", "5"}, {NULL, NULL}};
	assert_int_equal(parse(a, &things, NULL, kv, &q, &e), E_OK);
	struct store_page p;
	const struct store_param scope[] = {P_TEXT("org_1")};
	assert_int_equal(store_list_page(base, scope, 1, &q, &p, &e), E_OK);
	assert_string_equal(p.sql,
	                    "SELECT t.id FROM things t WHERE t.org = $1"
	                    " AND t.colour = $2"
	                    " AND t.at >= $3 AND t.at < $4"
	                    " AND ((t.name_key >= $5 AND t.name_key < $6) OR (t.email_key >= $5 AND t.email_key < $6))"
	                    " AND (t.at, t.id) < ($7, $8) ORDER BY t.at DESC, t.id DESC LIMIT 11");
	assert_int_equal(p.np, 8);
	assert_int_equal(p.rows, 6);
	assert_string_equal(p.p[1].text, "red");
	assert_int_equal(p.p[2].i64, INT64_MIN);
	assert_int_equal(p.p[3].i64, INT64_MAX);
	assert_string_equal(p.p[4].text, "ab");
	assert_int_equal(p.p[6].i64, INT64_MAX); /* descending, from the newest */
	/* the same shape, the same text (the drivers cache statements by it) */
	const char *first = p.sql;
	const struct kv other_values[] = {{"q", "zz"}, {"colour", "green"}, {"limit", "10"}, {NULL, NULL}};
	assert_int_equal(parse(a, &things, NULL, other_values, &q, &e), E_OK);
	assert_int_equal(store_list_page(base, scope, 1, &q, &p, &e), E_OK);
	assert_ptr_equal(p.sql, first);
	assert_string_equal(p.p[1].text, "green");
	assert_int_equal(p.rows, 11);
	/* another filter set, another text: the owner instead of the colour */
	const struct kv by_owner[] = {{"q", "zz"}, {"owner", "usr_1"}, {"limit", "10"}, {NULL, NULL}};
	assert_int_equal(parse(a, &things, NULL, by_owner, &q, &e), E_OK);
	assert_int_equal(store_list_page(base, scope, 1, &q, &p, &e), E_OK);
	assert_ptr_not_equal(p.sql, first);
	assert_non_null(strstr(p.sql, "WHERE t.org = $1 AND t.owner = $2 AND t.at >= $3"));
	assert_null(strstr(p.sql, "t.colour"));
	/* a bigger page, another text; the default page's limit is its fetch */
	const struct kv bigger[] = {{"q", "zz"}, {"colour", "red"}, {"limit", "12"}, {NULL, NULL}};
	assert_int_equal(parse(a, &things, NULL, bigger, &q, &e), E_OK);
	assert_int_equal(store_list_page(base, scope, 1, &q, &p, &e), E_OK);
	assert_ptr_not_equal(p.sql, first);
	assert_non_null(strstr(p.sql, " LIMIT 51"));
	assert_int_equal(p.rows, 13);
	const struct kv largest[] = {{"limit", "200"}, {NULL, NULL}};
	assert_int_equal(parse(a, &things, NULL, largest, &q, &e), E_OK);
	assert_int_equal(store_list_page(base, scope, 1, &q, &p, &e), E_OK);
	assert_non_null(strstr(p.sql, " LIMIT 201"));
	/* another shape, another text: ascending by name, no search, no filter */
	const struct kv by_name[] = {{"sort", "name"}, {NULL, NULL}};
	assert_int_equal(parse(a, &things, NULL, by_name, &q, &e), E_OK);
	assert_int_equal(store_list_page(base, scope, 1, &q, &p, &e), E_OK);
	assert_ptr_not_equal(p.sql, first);
	assert_string_equal(p.sql, "SELECT t.id FROM things t WHERE t.org = $1 AND t.at >= $2 AND t.at < $3"
	                           " AND (t.name_key, t.id) > ($4, $5) ORDER BY t.name_key ASC, t.id ASC LIMIT 51");
	assert_int_equal(p.np, 5);
	assert_string_equal(p.p[3].text, "");
	/* sort=match is the member planner's, not the machinery's */
	const struct kv searching[] = {{"q", "mar"}, {NULL, NULL}};
	assert_int_equal(parse(a, &matching, NULL, searching, &q, &e), E_OK);
	assert_int_equal(store_list_page(base, scope, 1, &q, &p, &e), E_INTERNAL);
	arena_free(a);
}

/* A page reads at most its fetch of the rows the text's limit lets
 * through (here 7 of the 11 a LIMIT 11 gives). */
static int rows_seen;
static void count_row(void *arg)
{
	(void)arg;
	rows_seen++;
}

static void a_page_reads_its_fetch_only(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct err e;
	struct db *db = db_sqlite_driver.open(":memory:", false, e.detail, sizeof e.detail);
	assert_non_null(db);
	assert_int_equal(db->drv->exec(db,
	                               "CREATE TABLE things (id TEXT, org TEXT, at INTEGER, name_key TEXT);"
	                               "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30)"
	                               " INSERT INTO things SELECT 'thg_' || i, 'org_1', i, 'k' || i FROM n"),
	                 DB_OK);
	struct list_query q;
	const struct kv kv[] = {{"limit", "6"}, {"sort", "at"}, {NULL, NULL}};
	static const struct list_spec plain = {
	        .name = "plain", .sorts = sorts, .nsorts = 2, .default_sort = 1, .id_column = "id"};
	assert_int_equal(parse(a, &plain, NULL, kv, &q, &e), E_OK);
	struct store_page p;
	const struct store_param scope[] = {P_TEXT("org_1")};
	assert_int_equal(store_list_page("SELECT id FROM things t WHERE t.org = $1", scope, 1, &q, &p, &e), E_OK);
	assert_non_null(strstr(p.sql, " LIMIT 11"));
	const char *id = NULL;
	rows_seen = 0;
	assert_int_equal(store_page_each(db, a, &p, COLS(C_TEXT(&id)), count_row, NULL, &e), E_OK);
	assert_int_equal(rows_seen, 7);
	db->drv->close(db);
	arena_free(a);
}

/* Every text the lists of the binary can make fits in the statement
 * caches beside the static statements. */
static void the_lists_shapes_fit_the_caches(void **state)
{
	(void)state;
	struct {
		const struct list_spec *spec;
		int bases;
	} lists[] = {{&audit_list_spec, 1},   {&device_list_spec, 2}, {&seat_list_spec, 1},
	             {&waiting_list_spec, 1}, {&org_list_spec, 3},    {&customer_list_spec, 3}};
	int n = 0;
	for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
		int k = store_list_shapes_max(lists[i].spec, lists[i].bases);
		assert_true(k > 0);
		n += k;
	}
	assert_true(n <= DB_STMT_CACHE - DB_STMT_STATIC);
	/* 2 orders, 2 directions, a search or none, 4 sets of the two LIST_EQ filters, 3 page sizes */
	assert_int_equal(store_list_shapes_max(&things, 1), 2 * 2 * 2 * 4 * 3);
}

int main(void)
{
	crypto_setup();
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(defaults_come_from_the_spec),     cmocka_unit_test(bad_parameters_are_named),
	        cmocka_unit_test(match_is_for_searches),           cmocka_unit_test(a_cursor_belongs_to_its_query),
	        cmocka_unit_test(the_page_sql_follows_the_spec),   cmocka_unit_test(a_page_reads_its_fetch_only),
	        cmocka_unit_test(the_lists_shapes_fit_the_caches),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
