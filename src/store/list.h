#ifndef ROSTER_STORE_LIST_H
#define ROSTER_STORE_LIST_H

#include "core/list.h"
#include "store/query.h"

/* The keyset SQL of a page of a declared list (core/list.h), for the query
 * files. base is the resource's "SELECT ... FROM ... WHERE <its scope>",
 * whose parameters are $1..$nbase; the page adds each filter, the search,
 * the position after the cursor, the order and the limit, all as numbered
 * parameters, so that the same text serves every page of that shape. The
 * text is made once per base, sort, direction and search, and kept for the
 * life of the process: the drivers find prepared statements by it.
 * E_INTERNAL for a spec the machinery cannot serve (sort=match, too many
 * parameters). */
#define STORE_PAGE_PARAMS 24
struct store_page {
	const char *sql;
	struct store_param p[STORE_PAGE_PARAMS];
	int np;
};
err_code store_list_page(const char *base, const struct store_param *bp, int nbase, const struct list_query *q,
                         struct store_page *out, struct err *e);

#endif
