#ifndef ROSTER_STORE_MEMBER_SEARCH_H
#define ROSTER_STORE_MEMBER_SEARCH_H

#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "core/model.h"
#include "store/db.h"

/* A page of an organization's members: sorted, filtered, searched by a
 * prefix, each a keyset page over one index (store/member_search.c). */

/* MEMBER_SORT_MATCH (searches only): by the matching term, email or name,
 * each member once, at its first matching term. */
typedef enum { MEMBER_SORT_NAME, MEMBER_SORT_EMAIL, MEMBER_SORT_CREATED, MEMBER_SORT_MATCH } member_sort;
struct member_query {
	const char *org_id;
	const char *q_lo, *q_hi; /* a prefix range on the folded email, first, last or "first last"; NULL: all */
	const char *role;        /* NULL: any */
	member_sort sort;
	bool desc;
	const char *after_key, *after_id; /* the keyset cursor; NULL: from the start */
	int limit;
};
err_code store_member_list(struct db *db, const struct member_query *q, member_item_cb cb, void *arg, struct err *e);

#endif
