#include "store/member_search.h"

#include "base/text.h"
#include "store/list.h"
#include "store/query.h"
#include "store/store.h"

#include <string.h>

/* One statement per sort, direction and search strategy, each a keyset page
 * over an index that starts with org_id.
 *
 * A search (q) matches a prefix of the email, the last name, or "first
 * last" (which covers the first name). Two ways to find a page of matches:
 * "walk" the sort index and filter, or read the matches of each key from its
 * index (the indexes carry every sort key), sort them, and read only the
 * page's rows ("hits"). Matches on the last name are spread over the name
 * order, the others cluster where the first name sorts: with enough spread
 * matches a walk finds a page within a few thousand rows, without them it
 * could cross most of the organization. A bounded count decides. */
/* clang-format off */
/* In a walk the filter must not be an index range, or the planner would read
 * every match instead: the keys are wrapped in expressions. */
#define Q_FILTER \
	" AND (((m.email_key || '') >= $5 AND (m.email_key || '') < $6)" \
	" OR ((m.last_key || '') >= $5 AND (m.last_key || '') < $6)" \
	" OR ((m.full_key || '') >= $5 AND (m.full_key || '') < $6))"
/* Each statement comes with the role filter or without it ($2 is then only
 * compared once, with ''), and with its limit as a number, one of
 * STORE_PAGE_ROWS_*, so that PostgreSQL can plan it once (store/list.c
 * says why); a page reads at most q->limit of its rows. */
#define ROLE_ANY(col) " AND $2 = ''"
#define ROLE_IS(col) " AND " col " = $2"
#define MEMBER_PAGE(key, cmp, dir, filter, role, rows) \
	"SELECT m.user_id, " key ", m.card FROM memberships m" \
	" WHERE m.org_id = $1" role("m.role") " AND (" key ", m.user_id) " cmp " ($3, $4)" filter \
	" ORDER BY " key " " dir ", m.user_id " dir " LIMIT " rows
#define HIT(key, col) \
	"SELECT user_id, " key " AS k FROM memberships WHERE org_id = $1 AND " col " >= $5 AND " col " < $6"
#define MEMBER_HITS(key, cmp, dir, role, rows) \
	"SELECT h.user_id, h.k, m.card FROM (" HIT(key, "email_key") " UNION " HIT(key, "last_key") \
	" UNION " HIT(key, "full_key") ") h" \
	" JOIN memberships m ON m.org_id = $1 AND m.user_id = h.user_id" \
	" WHERE (h.k, h.user_id) " cmp " ($3, $4)" role("m.role") \
	" ORDER BY h.k " dir ", h.user_id " dir " LIMIT " rows
#define MEMBER_PAGES_FOR(key, role, rows) \
	{MEMBER_PAGE("m." key, ">", "ASC", "", role, rows), MEMBER_PAGE("m." key, "<", "DESC", "", role, rows), \
	 MEMBER_PAGE("m." key, ">", "ASC", Q_FILTER, role, rows), MEMBER_PAGE("m." key, "<", "DESC", Q_FILTER, role, rows), \
	 MEMBER_HITS(key, ">", "ASC", role, rows), MEMBER_HITS(key, "<", "DESC", role, rows)}
#define ROWS_(n) #n
#define ROWS(n) ROWS_(n)
#define BY_ROWS(make, ...) \
	{make(__VA_ARGS__, ROWS(STORE_PAGE_ROWS_SMALL)), make(__VA_ARGS__, ROWS(STORE_PAGE_ROWS_DEFAULT)), \
	 make(__VA_ARGS__, ROWS(STORE_PAGE_ROWS_MAX))}
#define MEMBER_PAGES(key) {BY_ROWS(MEMBER_PAGES_FOR, key, ROLE_ANY), BY_ROWS(MEMBER_PAGES_FOR, key, ROLE_IS)}
/* clang-format on */

/* A search in term order: each member once, at its first matching term.
 * The member's term before this one (prev_term) matches too exactly when it
 * is not below the prefix, so duplicates are dropped from the term rows
 * alone, which also carry the role and the card: a search reads one index. */
#define MEMBER_MATCH(role, rows)                                                                                       \
	"SELECT t.user_id, t.term, t.card FROM member_terms t"                                                         \
	" WHERE t.org_id = $1 AND t.term >= $5 AND t.term < $6 AND (t.term, t.user_id) > ($3, $4)"                     \
	" AND t.prev_term < $5" role("t.role") " ORDER BY t.term, t.user_id LIMIT " rows
static const char *const SQL_MEMBER_MATCH[2][STORE_PAGE_ROWS_N] = {BY_ROWS(MEMBER_MATCH, ROLE_ANY),
                                                                   BY_ROWS(MEMBER_MATCH, ROLE_IS)};

/* [sort][role given][page rows][variant] */
static const char *const SQL_MEMBER_PAGES[3][2][STORE_PAGE_ROWS_N][6] = {
        [MEMBER_SORT_NAME] = MEMBER_PAGES("full_key"),
        [MEMBER_SORT_EMAIL] = MEMBER_PAGES("email_key"),
        [MEMBER_SORT_CREATED] = MEMBER_PAGES("created_at"),
};

static const char SQL_MEMBER_SEARCH_COUNT[] =
        "SELECT COUNT(*) FROM (SELECT 1 FROM memberships WHERE org_id = $1 AND last_key >= $2 AND last_key < $3"
        " LIMIT $4) x";

/* Matches on the last name, counted up to LIMIT_SEARCH_SPREAD. */
static err_code search_count(struct db *db, const struct member_query *q, int64_t *out, struct err *e)
{
	return store_q_count(db, SQL_MEMBER_SEARCH_COUNT,
	                     PARAMS(P_TEXT(q->org_id), P_TEXT(q->q_lo), P_TEXT(q->q_hi), P_I64(LIMIT_SEARCH_SPREAD)),
	                     out, e);
}

STORE_EACH(item, struct member_item, member_item_cb)

/* The rows of a page go to cb as the statement yields them, uncopied, at
 * most rows of them. */
static err_code each_item(struct db *db, const char *sql, const struct store_param *p, int np, int rows,
                          member_item_cb cb, void *arg, struct err *e)
{
	struct item_each x = {.cb = cb, .arg = arg};
	struct store_page page = {.sql = sql, .np = np, .rows = rows};
	memcpy(page.p, p, (size_t)np * sizeof *p);
	return store_page_each(db, NULL, &page,
	                       COLS(C_TEXT_REF(&x.row.user_id), C_TEXT_REF(&x.row.sort_key), C_TEXT_REF(&x.row.card)),
	                       item_each_row, &x, e);
}

static err_code list_matches(struct db *db, const struct member_query *q, member_item_cb cb, void *arg, struct err *e)
{
	/* The keyset bound starts at the prefix itself: PostgreSQL starts its index
	 * scan at the row-value bound, which must not lie before the matches. */
	bool from_prefix = !q->after_key || strcmp(q->after_key, q->q_lo ? q->q_lo : "") < 0;
	int rows_at = store_page_rows_at(q->limit);
	if (rows_at < 0)
		return err_set(e, E_INTERNAL, NULL, "members: a page of %d", q->limit);
	return each_item(db, SQL_MEMBER_MATCH[q->role != NULL][rows_at],
	                 PARAMS(P_TEXT(q->org_id), P_TEXT(q->role ? q->role : ""),
	                        P_TEXT(from_prefix ? (q->q_lo ? q->q_lo : "") : q->after_key),
	                        P_TEXT(from_prefix ? "" : q->after_id), P_TEXT(q->q_lo ? q->q_lo : ""),
	                        P_TEXT(q->q_hi ? q->q_hi : KEY_MAX)),
	                 q->limit, cb, arg, e);
}

/* $3, the sort key of the keyset cursor. */
static struct store_param after_key(const struct member_query *q)
{
	if (q->sort != MEMBER_SORT_CREATED)
		return (struct store_param)P_TEXT(q->after_key ? q->after_key : (q->desc ? KEY_MAX : ""));
	long long v = 0;
	if (q->after_key)
		parse_int(q->after_key, INT64_MIN, INT64_MAX, &v);
	return (struct store_param)P_I64(q->after_key ? v : (q->desc ? INT64_MAX : INT64_MIN));
}

err_code store_member_list(struct db *db, const struct member_query *q, member_item_cb cb, void *arg, struct err *e)
{
	if (q->sort == MEMBER_SORT_MATCH)
		return list_matches(db, q, cb, arg, e);
	int rows_at = store_page_rows_at(q->limit);
	if (rows_at < 0)
		return err_set(e, E_INTERNAL, NULL, "members: a page of %d", q->limit);
	int variant = q->desc ? 1 : 0;
	if (q->q_lo) {
		int64_t hits = 0;
		if (search_count(db, q, &hits, e))
			return e->code;
		variant += hits < LIMIT_SEARCH_SPREAD ? 4 : 2;
	}
	const struct store_param p[] = {
	        P_TEXT(q->org_id), P_TEXT(q->role ? q->role : ""),
	        after_key(q),      P_TEXT(q->after_id ? q->after_id : (q->desc ? KEY_MAX : "")),
	        P_TEXT(q->q_lo),   P_TEXT(q->q_hi),
	};
	return each_item(db, SQL_MEMBER_PAGES[q->sort][q->role != NULL][rows_at][variant], p, q->q_lo ? 6 : 4, q->limit,
	                 cb, arg, e);
}
