#ifndef ROSTER_STORE_LIST_H
#define ROSTER_STORE_LIST_H

#include "core/list.h"
#include "store/query.h"

/* The keyset SQL of a page of a declared list (core/list.h), for the query
 * files. base is the resource's "SELECT ... FROM ... WHERE <its scope>",
 * whose parameters are $1..$nbase; the page adds the filters that are set,
 * the search, the position after the cursor and the order, as numbered
 * parameters, and a limit in the text, so that the same text serves every
 * page of that shape. The text is made once per base, sort, direction,
 * search, set of filters and size of page, and kept for the life of the
 * process: the drivers find prepared statements by it. E_INTERNAL for a
 * spec the machinery cannot serve (sort=match, too many parameters). */
#define STORE_PAGE_PARAMS 24
/* The limits a page's text may have: a page of fetch rows takes the
 * smallest that holds them (store_page_rows_at(): its index, or -1). */
#define STORE_PAGE_ROWS_SMALL 11
#define STORE_PAGE_ROWS_DEFAULT 51 /* LIMIT_PAGE_DEFAULT + 1 */
#define STORE_PAGE_ROWS_MAX 201    /* LIMIT_PAGE_MAX + 1 */
#define STORE_PAGE_ROWS_N 3
int store_page_rows_at(int fetch);
struct store_page {
	const char *sql;
	struct store_param p[STORE_PAGE_PARAMS];
	int np;
	int rows; /* the query's fetch: the text's limit may be more */
};
err_code store_list_page(const char *base, const struct store_param *bp, int nbase, const struct list_query *q,
                         struct store_page *out, struct err *e);

/* Runs the page's statement: fn for each of its first page->rows rows. */
err_code store_page_each(struct db *db, struct arena *a, const struct store_page *page, const struct store_col *c,
                         int nc, store_row_fn fn, void *arg, struct err *e);

/* How many texts a spec can make over nbases bases, at most. */
int store_list_shapes_max(const struct list_spec *spec, int nbases);

#endif
