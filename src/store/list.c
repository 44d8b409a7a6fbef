#include "store/list.h"

#include "base/limits.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Texts made so far, by shape. Bounded by the lists the binary declares
 * (store_list_shapes_max() says how many a spec can make).
 *
 * A shape names only the filters the query sets, and its LIMIT is a
 * number in the text, one of PAGE_ROWS: PostgreSQL plans a prepared
 * statement once for every call only when its generic plan costs about
 * what a plan for the values would, and "($2 = '' OR col = $2)" or
 * "LIMIT $9" make it guess (a tenth of the table for the limit): it
 * planned the device list anew at every call (a millisecond or more, the
 * work itself being a third of that), and the generic plan it would fall
 * back on joined by scanning. A page reads at most q->fetch of the rows
 * (store_page_each()). */
struct shape {
	const char *base;
	const struct list_spec *spec;
	int sort;
	bool desc, search;
	unsigned eq_set; /* bit i: the spec's filter i, a LIST_EQ, is set */
	int rows;
	char *sql;
};
#define SHAPES_MAX 1024
static const int PAGE_ROWS[STORE_PAGE_ROWS_N] = {STORE_PAGE_ROWS_SMALL, STORE_PAGE_ROWS_DEFAULT, STORE_PAGE_ROWS_MAX};
#define NPAGE_ROWS STORE_PAGE_ROWS_N
_Static_assert(STORE_PAGE_ROWS_DEFAULT == LIMIT_PAGE_DEFAULT + 1, "the default page is one text");
_Static_assert(STORE_PAGE_ROWS_MAX == LIMIT_PAGE_MAX + 1, "the largest page fits the largest text");
static struct shape shapes[SHAPES_MAX];
static int nshapes;
static pthread_mutex_t shapes_lock = PTHREAD_MUTEX_INITIALIZER;

struct sqlbuf {
	char s[4096];
	size_t n;
	bool overflow;
};

static void put(struct sqlbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(struct sqlbuf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int k = vsnprintf(b->s + b->n, sizeof b->s - b->n, fmt, ap);
	va_end(ap);
	if (k < 0 || (size_t)k >= sizeof b->s - b->n)
		b->overflow = true;
	else
		b->n += (size_t)k;
}

/* The statement for this shape; parameter numbers follow the order in
 * which page_params() appends the values. */
static char *build(const char *base, int nbase, const struct list_query *q, unsigned eq_set, int rows)
{
	const struct list_spec *spec = q->spec;
	struct sqlbuf b = {.n = 0};
	int n = nbase;
	put(&b, "%s", base);
	for (int i = 0; i < spec->nfilters; i++) {
		const struct list_filter *f = &spec->filters[i];
		if (f->match == LIST_EQ) {
			if (eq_set & 1u << i)
				put(&b, " AND %s = $%d", f->column, ++n);
		} else {
			put(&b, " AND %s %s $%d", f->column, f->match == LIST_SINCE ? ">=" : "<", ++n);
		}
	}
	if (q->q_lo) {
		put(&b, " AND (");
		for (int i = 0; spec->search[i]; i++)
			put(&b, "%s(%s >= $%d AND %s < $%d)", i ? " OR " : "", spec->search[i], n + 1, spec->search[i],
			    n + 2);
		put(&b, ")");
		n += 2;
	}
	const char *col = spec->sorts[q->sort].column, *dir = q->desc ? "DESC" : "ASC";
	put(&b, " AND (%s, %s) %s ($%d, $%d)", col, spec->id_column, q->desc ? "<" : ">", n + 1, n + 2);
	put(&b, " ORDER BY %s %s, %s %s LIMIT %d", col, dir, spec->id_column, dir, rows);
	return b.overflow ? NULL : strdup(b.s);
}

int store_page_rows_at(int fetch)
{
	for (int i = 0; i < NPAGE_ROWS; i++)
		if (fetch >= 1 && fetch <= PAGE_ROWS[i])
			return i;
	return -1;
}

/* The smallest of PAGE_ROWS that holds fetch rows, or 0. */
static int page_rows(int fetch)
{
	int i = store_page_rows_at(fetch);
	return i < 0 ? 0 : PAGE_ROWS[i];
}

static unsigned eq_filters_set(const struct list_query *q)
{
	unsigned set = 0;
	for (int i = 0; i < q->spec->nfilters; i++)
		if (q->spec->filters[i].match == LIST_EQ && q->filter[i].set)
			set |= 1u << i;
	return set;
}

static const char *sql_for(const char *base, int nbase, const struct list_query *q, int rows)
{
	const char *found = NULL;
	bool search = q->q_lo != NULL;
	unsigned eq_set = eq_filters_set(q);
	pthread_mutex_lock(&shapes_lock);
	for (int i = 0; i < nshapes && !found; i++) {
		const struct shape *s = &shapes[i];
		if (s->base == base && s->spec == q->spec && s->sort == q->sort && s->desc == q->desc &&
		    s->search == search && s->eq_set == eq_set && s->rows == rows)
			found = s->sql;
	}
	if (!found && nshapes < SHAPES_MAX) {
		char *sql = build(base, nbase, q, eq_set, rows);
		if (sql) {
			shapes[nshapes++] = (struct shape){base, q->spec, q->sort, q->desc, search, eq_set, rows, sql};
			found = sql;
		}
	}
	pthread_mutex_unlock(&shapes_lock);
	return found;
}

static struct store_param text_or(const char *v, const char *otherwise)
{
	return (struct store_param)P_TEXT(v ? v : otherwise);
}

/* Where a page starts without a cursor: before every key, in the order's direction. */
static void after_params(const struct list_query *q, struct store_param *p)
{
	bool time = q->spec->sorts[q->sort].type == LIST_TIME;
	if (q->after.set) {
		p[0] = time ? (struct store_param)P_I64(q->after.time) : (struct store_param)P_TEXT(q->after.text);
		p[1] = (struct store_param)P_TEXT(q->after_id);
	} else if (time) {
		p[0] = (struct store_param)P_I64(q->desc ? INT64_MAX : INT64_MIN);
		p[1] = text_or(NULL, q->desc ? KEY_MAX : "");
	} else {
		p[0] = text_or(NULL, q->desc ? KEY_MAX : "");
		p[1] = text_or(NULL, q->desc ? KEY_MAX : "");
	}
}

err_code store_list_page(const char *base, const struct store_param *bp, int nbase, const struct list_query *q,
                         struct store_page *out, struct err *e)
{
	const struct list_spec *spec = q->spec;
	int rows = page_rows(q->fetch);
	if (q->sort == LIST_SORT_MATCH || nbase + spec->nfilters + 4 > STORE_PAGE_PARAMS || !rows ||
	    spec->nfilters > LIST_FILTERS_MAX)
		return err_set(e, E_INTERNAL, NULL, "list %s: no keyset page for this query", spec->name);
	int n = 0;
	for (int i = 0; i < nbase; i++)
		out->p[n++] = bp[i];
	for (int i = 0; i < spec->nfilters; i++) {
		const struct list_filter *f = &spec->filters[i];
		const struct list_value *v = &q->filter[i];
		if (f->match == LIST_EQ) {
			if (v->set)
				out->p[n++] = (struct store_param)P_TEXT(v->text);
		} else
			out->p[n++] = (struct store_param)P_I64(v->set                   ? v->time
			                                        : f->match == LIST_SINCE ? INT64_MIN
			                                                                 : INT64_MAX);
	}
	if (q->q_lo) {
		out->p[n++] = (struct store_param)P_TEXT(q->q_lo);
		out->p[n++] = (struct store_param)P_TEXT(q->q_hi);
	}
	after_params(q, out->p + n);
	n += 2;
	out->np = n;
	out->rows = q->fetch;
	out->sql = sql_for(base, nbase, q, rows);
	if (!out->sql)
		return err_set(e, E_INTERNAL, NULL, "list %s: the statement does not fit", spec->name);
	return E_OK;
}

struct page_each {
	store_row_fn fn;
	void *arg;
	int left;
};

static void page_each_row(void *arg)
{
	struct page_each *x = arg;
	if (x->left > 0) {
		x->left--;
		x->fn(x->arg);
	}
}

err_code store_page_each(struct db *db, struct arena *a, const struct store_page *page, const struct store_col *c,
                         int nc, store_row_fn fn, void *arg, struct err *e)
{
	struct page_each x = {fn, arg, page->rows};
	return store_q_each(db, a, page->sql, page->p, page->np, c, nc, page_each_row, &x, e);
}

int store_list_shapes_max(const struct list_spec *spec, int nbases)
{
	int eq = 0;
	for (int i = 0; i < spec->nfilters; i++)
		eq += spec->filters[i].match == LIST_EQ;
	return nbases * spec->nsorts * 2 * (spec->search ? 2 : 1) * (1 << eq) * NPAGE_ROWS;
}
