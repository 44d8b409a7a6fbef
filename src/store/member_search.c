#include "store/member_search.h"

#include "base/text.h"
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
	" AND (((m.email_key || '') >= $6 AND (m.email_key || '') < $7)" \
	" OR ((m.last_key || '') >= $6 AND (m.last_key || '') < $7)" \
	" OR ((m.full_key || '') >= $6 AND (m.full_key || '') < $7))"
#define MEMBER_PAGE(key, cmp, dir, filter) \
	"SELECT m.user_id, " key ", m.card FROM memberships m" \
	" WHERE m.org_id = $1 AND ($2 = '' OR m.role = $2) AND (" key ", m.user_id) " cmp " ($3, $4)" filter \
	" ORDER BY " key " " dir ", m.user_id " dir " LIMIT $5"
#define HIT(key, col) \
	"SELECT user_id, " key " AS k FROM memberships WHERE org_id = $1 AND " col " >= $6 AND " col " < $7"
#define MEMBER_HITS(key, cmp, dir) \
	"SELECT h.user_id, h.k, m.card FROM (" HIT(key, "email_key") " UNION " HIT(key, "last_key") \
	" UNION " HIT(key, "full_key") ") h" \
	" JOIN memberships m ON m.org_id = $1 AND m.user_id = h.user_id" \
	" WHERE ($2 = '' OR m.role = $2) AND (h.k, h.user_id) " cmp " ($3, $4)" \
	" ORDER BY h.k " dir ", h.user_id " dir " LIMIT $5"
#define MEMBER_PAGES(key) \
	{MEMBER_PAGE("m." key, ">", "ASC", ""), MEMBER_PAGE("m." key, "<", "DESC", ""), \
	 MEMBER_PAGE("m." key, ">", "ASC", Q_FILTER), MEMBER_PAGE("m." key, "<", "DESC", Q_FILTER), \
	 MEMBER_HITS(key, ">", "ASC"), MEMBER_HITS(key, "<", "DESC")}
/* clang-format on */

/* A search in term order: each member once, at its first matching term.
 * The member's term before this one (prev_term) matches too exactly when it
 * is not below the prefix, so duplicates are dropped from the term rows
 * alone, which also carry the role and the card: a search reads one index. */
static const char SQL_MEMBER_MATCH[] =
        "SELECT t.user_id, t.term, t.card FROM member_terms t"
        " WHERE t.org_id = $1 AND t.term >= $6 AND t.term < $7 AND (t.term, t.user_id) > ($3, $4)"
        " AND t.prev_term < $6 AND ($2 = '' OR t.role = $2)"
        " ORDER BY t.term, t.user_id LIMIT $5";

static const char *const SQL_MEMBER_PAGES[3][6] = {
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

/* The rows of a page go to cb as the statement yields them, uncopied. */
static err_code each_item(struct db *db, const char *sql, const struct store_param *p, int np, member_item_cb cb,
                          void *arg, struct err *e)
{
	struct item_each x = {.cb = cb, .arg = arg};
	return store_q_each(db, NULL, sql, p, np,
	                    COLS(C_TEXT_REF(&x.row.user_id), C_TEXT_REF(&x.row.sort_key), C_TEXT_REF(&x.row.card)),
	                    item_each_row, &x, e);
}

static err_code list_matches(struct db *db, const struct member_query *q, member_item_cb cb, void *arg, struct err *e)
{
	/* The keyset bound starts at the prefix itself: PostgreSQL starts its index
	 * scan at the row-value bound, which must not lie before the matches. */
	bool from_prefix = !q->after_key || strcmp(q->after_key, q->q_lo ? q->q_lo : "") < 0;
	return each_item(db, SQL_MEMBER_MATCH,
	                 PARAMS(P_TEXT(q->org_id), P_TEXT(q->role ? q->role : ""),
	                        P_TEXT(from_prefix ? (q->q_lo ? q->q_lo : "") : q->after_key),
	                        P_TEXT(from_prefix ? "" : q->after_id), P_I64(q->limit), P_TEXT(q->q_lo ? q->q_lo : ""),
	                        P_TEXT(q->q_hi ? q->q_hi : KEY_MAX)),
	                 cb, arg, e);
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
	        P_I64(q->limit),   P_TEXT(q->q_lo),
	        P_TEXT(q->q_hi),
	};
	return each_item(db, SQL_MEMBER_PAGES[q->sort][variant], p, q->q_lo ? 7 : 5, cb, arg, e);
}
