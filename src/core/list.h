#ifndef ROSTER_CORE_LIST_H
#define ROSTER_CORE_LIST_H

#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/text.h"

/* Lists, declared. A resource's list is a struct list_spec: the orders a
 * client may ask for, the filters with the values they take, the columns
 * ?q= is matched against as a prefix, and the default order. One
 * machinery reads the query string against it (list_parse(): 400 naming
 * the parameter at fault), the store builds the keyset SQL from it for
 * both engines (store/list.h), and the page's cursor is signed
 * (cursor_encode()) over the list's context, so that a forged cursor, or
 * one made for another list, another organization's list or another
 * query, answers 400 invalid_cursor.
 *
 *   ?limit=     1..LIMIT_PAGE_MAX, default LIMIT_PAGE_DEFAULT
 *   ?cursor=    the next_cursor of the page before
 *   ?sort=      a sort key's name, "-" in front for descending
 *   ?q=         a prefix, folded (text_fold) like the keys it is matched against
 *   ?<filter>=  each filter by its name */

/* What a sort key or filter compares. LIST_TIME: RFC 3339 in the query,
 * integer milliseconds in the database. */
enum list_type { LIST_TEXT, LIST_TIME };
/* How a filter compares: equal, at or after, before. */
enum list_match { LIST_EQ, LIST_SINCE, LIST_UNTIL };

struct list_sort {
	const char *name;   /* as clients write it: "name", "created_at" */
	const char *column; /* the column the keyset runs on */
	enum list_type type;
};

struct list_filter {
	const char *name; /* the query parameter */
	const char *column;
	enum list_type type;
	enum list_match match;
	const char *const *allowed; /* NULL-terminated values a LIST_TEXT filter takes; NULL: any text */
};

#define LIST_FILTERS_MAX 6
#define LIST_SEARCH_MAX 4
#define LIST_SORT_MATCH (-1) /* a search in the order of what it matched (specs with match_sort) */

struct list_spec {
	const char *name; /* the list, in cursors: a cursor of one list is no other's */
	const struct list_sort *sorts;
	int nsorts;
	int default_sort; /* index into sorts */
	bool default_desc;
	bool match_sort; /* sort=match is allowed with q, and is the default then */
	const struct list_filter *filters;
	int nfilters;
	const char *const *search; /* NULL-terminated folded-key columns ?q= matches; NULL: no ?q= */
	const char *id_column;     /* the unique column that breaks ties */
};

/* A value of a filter or of the cursor's sort key. */
struct list_value {
	bool set;
	const char *text; /* LIST_TEXT */
	int64_t time;     /* LIST_TIME */
};

/* A list request, read and checked against its spec. */
struct list_query {
	const struct list_spec *spec;
	int sort; /* index into spec->sorts, or LIST_SORT_MATCH */
	bool desc;
	const char *q_lo, *q_hi;                    /* the prefix range on the folded keys; NULL: no search */
	struct list_value filter[LIST_FILTERS_MAX]; /* by the spec's filter index */
	int limit;
	int fetch;               /* limit + 1: the one past the page tells that more follow */
	struct list_value after; /* the cursor's sort key (set: a cursor was given) */
	const char *after_id;
	const char *context; /* what the cursor is signed over */
};

/* The query's parameters, by name: NULL when absent. */
typedef const char *(*list_param_fn)(void *arg, const char *name);

/* scope: whose list it is (an organization's id, say); a cursor of one
 * scope is refused in another. NULL: the list has one scope. */
err_code list_parse(const struct list_spec *spec, const unsigned char key[CURSOR_KEY_LEN], const char *scope,
                    struct arena *a, list_param_fn param, void *arg, struct list_query *out, struct err *e);
/* The cursor of the page that follows the item with this sort key (a
 * LIST_TIME key as decimal milliseconds) and id. */
const char *list_cursor(const struct list_query *q, const unsigned char key[CURSOR_KEY_LEN], struct arena *a,
                        const char *sort_key, const char *id);
/* The filter of that name's value, or NULL (unset, or not a text filter). */
const char *list_filter_text(const struct list_query *q, const char *name);

#endif
