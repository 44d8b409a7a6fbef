#include "core/list.h"

#include "base/clock.h"
#include "base/limits.h"

#include <stdio.h>
#include <string.h>

static err_code parse_limit(const char *v, struct list_query *q, struct err *e)
{
	long long n = LIMIT_PAGE_DEFAULT;
	if (v && !parse_int(v, 1, LIMIT_PAGE_MAX, &n))
		return err_set(e, E_BAD_REQUEST, "limit", "limit must be a whole number from 1 to %d.", LIMIT_PAGE_MAX);
	q->limit = (int)n;
	q->fetch = q->limit + 1;
	return E_OK;
}

/* "sort must be name, email or created_at, with - for descending[, or match (searches only)]." */
static err_code bad_sort(const struct list_spec *spec, struct arena *a, struct err *e)
{
	const char *names = "";
	for (int i = 0; i < spec->nsorts; i++)
		names = arena_printf(a, "%s%s%s", names,
		                     i == 0                  ? ""
		                     : i == spec->nsorts - 1 ? " or "
		                                             : ", ",
		                     spec->sorts[i].name);
	return err_set(e, E_BAD_REQUEST, "sort", "sort must be %s, with - for descending%s.", names,
	               spec->match_sort ? ", or match (searches only)" : "");
}

static err_code parse_sort(const struct list_spec *spec, const char *v, struct arena *a, struct list_query *q,
                           struct err *e)
{
	q->sort = spec->default_sort;
	q->desc = spec->default_desc;
	if (!v) {
		/* A search without an explicit order comes in the order of what it matched. */
		if (spec->match_sort && q->q_lo)
			q->sort = LIST_SORT_MATCH, q->desc = false;
		return E_OK;
	}
	bool desc = *v == '-';
	const char *name = desc ? v + 1 : v;
	if (spec->match_sort && q->q_lo && !desc && !strcmp(name, "match")) {
		q->sort = LIST_SORT_MATCH;
		q->desc = false;
		return E_OK;
	}
	for (int i = 0; i < spec->nsorts; i++)
		if (!strcmp(spec->sorts[i].name, name)) {
			q->sort = i;
			q->desc = desc;
			return E_OK;
		}
	return bad_sort(spec, a, e);
}

static bool allowed(const char *const *values, const char *v)
{
	for (; values && *values; values++)
		if (!strcmp(*values, v))
			return true;
	return !values;
}

static err_code parse_filter(const struct list_filter *f, const char *v, struct list_value *out, struct err *e)
{
	if (!v || !*v) /* absent or empty: no filter */
		return E_OK;
	out->set = true;
	if (f->type == LIST_TIME) {
		if (!clock_parse_rfc3339(v, &out->time))
			return err_set(e, E_BAD_REQUEST, f->name, "%s must be an RFC 3339 time.", f->name);
		return E_OK;
	}
	if (!allowed(f->allowed, v))
		return err_set(e, E_BAD_REQUEST, f->name, "%s takes none such: '%.40s'.", f->name, v);
	out->text = v;
	return E_OK;
}

static err_code parse_search(const struct list_spec *spec, const char *v, struct arena *a, struct list_query *q,
                             struct err *e)
{
	if (!spec->search || !v || !*v)
		return E_OK;
	if (utf8_chars(v) > LIMIT_SEARCH_CHARS)
		return err_set(e, E_TOO_LONG, "q", "q is longer than %d characters.", LIMIT_SEARCH_CHARS);
	q->q_lo = text_fold(a, v);
	q->q_hi = prefix_upper_bound(a, q->q_lo);
	return E_OK;
}

/* What a cursor belongs to: the list, its order, its search and filters.
 * Fields are separated by a byte that valid text never holds. */
static const char *context_of(const struct list_query *q, const char *scope, struct arena *a)
{
	const struct list_spec *spec = q->spec;
	char *c = arena_printf(a, "%s\x1f%s\x1f%d\x1f%d\x1f%s", spec->name, scope ? scope : "", q->sort, q->desc,
	                       q->q_lo ? q->q_lo : "");
	for (int i = 0; i < spec->nfilters; i++) {
		const struct list_value *v = &q->filter[i];
		if (!v->set)
			c = arena_printf(a, "%s\x1f-", c);
		else if (spec->filters[i].type == LIST_TIME)
			c = arena_printf(a, "%s\x1f=%lld", c, (long long)v->time);
		else
			c = arena_printf(a, "%s\x1f=%s", c, v->text);
	}
	return c;
}

static bool time_sort(const struct list_query *q)
{
	return q->sort != LIST_SORT_MATCH && q->spec->sorts[q->sort].type == LIST_TIME;
}

static err_code parse_cursor(const char *v, const unsigned char key[CURSOR_KEY_LEN], struct arena *a,
                             struct list_query *q, struct err *e)
{
	if (!v || !*v)
		return E_OK;
	const char *k, *id;
	if (!cursor_decode(a, key, q->context, v, &k, &id))
		return err_set(e, E_INVALID_CURSOR, "cursor", NULL);
	long long t = 0;
	if (time_sort(q) && !parse_int(k, 0, INT64_MAX, &t))
		return err_set(e, E_INVALID_CURSOR, "cursor", NULL);
	q->after = (struct list_value){.set = true, .text = k, .time = t};
	q->after_id = id;
	return E_OK;
}

err_code list_parse(const struct list_spec *spec, const unsigned char key[CURSOR_KEY_LEN], const char *scope,
                    struct arena *a, list_param_fn param, void *arg, struct list_query *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	out->spec = spec;
	if (parse_limit(param(arg, "limit"), out, e) || parse_search(spec, param(arg, "q"), a, out, e) ||
	    parse_sort(spec, param(arg, "sort"), a, out, e))
		return e->code;
	for (int i = 0; i < spec->nfilters && i < LIST_FILTERS_MAX; i++)
		if (parse_filter(&spec->filters[i], param(arg, spec->filters[i].name), &out->filter[i], e))
			return e->code;
	out->context = context_of(out, scope, a);
	return parse_cursor(param(arg, "cursor"), key, a, out, e);
}

const char *list_cursor(const struct list_query *q, const unsigned char key[CURSOR_KEY_LEN], struct arena *a,
                        const char *sort_key, const char *id)
{
	return cursor_encode(a, key, q->context, sort_key ? sort_key : "", id);
}

const char *list_filter_text(const struct list_query *q, const char *name)
{
	for (int i = 0; i < q->spec->nfilters; i++)
		if (!strcmp(q->spec->filters[i].name, name))
			return q->filter[i].set && q->spec->filters[i].type == LIST_TEXT ? q->filter[i].text : NULL;
	return NULL;
}
