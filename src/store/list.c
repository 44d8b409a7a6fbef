#include "store/list.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Texts made so far, by shape. Bounded by the lists the binary declares. */
struct shape {
	const char *base;
	const struct list_spec *spec;
	int sort;
	bool desc, search;
	char *sql;
};
#define SHAPES_MAX 256
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
static char *build(const char *base, int nbase, const struct list_query *q)
{
	const struct list_spec *spec = q->spec;
	struct sqlbuf b = {.n = 0};
	int n = nbase;
	put(&b, "%s", base);
	for (int i = 0; i < spec->nfilters; i++) {
		const struct list_filter *f = &spec->filters[i];
		n++;
		if (f->match == LIST_EQ)
			put(&b, " AND ($%d = '' OR %s = $%d)", n, f->column, n);
		else
			put(&b, " AND %s %s $%d", f->column, f->match == LIST_SINCE ? ">=" : "<", n);
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
	put(&b, " ORDER BY %s %s, %s %s LIMIT $%d", col, dir, spec->id_column, dir, n + 3);
	return b.overflow ? NULL : strdup(b.s);
}

static const char *sql_for(const char *base, int nbase, const struct list_query *q)
{
	const char *found = NULL;
	pthread_mutex_lock(&shapes_lock);
	for (int i = 0; i < nshapes && !found; i++) {
		const struct shape *s = &shapes[i];
		if (s->base == base && s->spec == q->spec && s->sort == q->sort && s->desc == q->desc &&
		    s->search == (q->q_lo != NULL))
			found = s->sql;
	}
	if (!found && nshapes < SHAPES_MAX) {
		char *sql = build(base, nbase, q);
		if (sql) {
			shapes[nshapes++] = (struct shape){base, q->spec, q->sort, q->desc, q->q_lo != NULL, sql};
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
	if (q->sort == LIST_SORT_MATCH || nbase + spec->nfilters + 5 > STORE_PAGE_PARAMS)
		return err_set(e, E_INTERNAL, NULL, "list %s: no keyset page for this query", spec->name);
	int n = 0;
	for (int i = 0; i < nbase; i++)
		out->p[n++] = bp[i];
	for (int i = 0; i < spec->nfilters; i++) {
		const struct list_filter *f = &spec->filters[i];
		const struct list_value *v = &q->filter[i];
		if (f->match == LIST_EQ)
			out->p[n++] = text_or(v->set ? v->text : NULL, "");
		else
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
	out->p[n++] = (struct store_param)P_I64(q->fetch);
	out->np = n;
	out->sql = sql_for(base, nbase, q);
	if (!out->sql)
		return err_set(e, E_INTERNAL, NULL, "list %s: the statement does not fit", spec->name);
	return E_OK;
}
