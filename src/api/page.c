/* Lists: a declared list (core/list.h) read from the query string, and
 * answered as {items, next_cursor}, written as the items come. */
#include "api/api.h"

#include "base/text.h"

#include <string.h>

static const char *query_param(void *request, const char *name)
{
	return http_query(request, name);
}

err_code api_page_begin(struct request *r, const struct api_call *c, const struct list_spec *spec, struct api_page *p,
                        struct err *e)
{
	memset(p, 0, sizeof *p);
	p->key = c->ctx.app->cursor_key;
	/* A cursor belongs to the organization's list, or to the caller's own. */
	const char *scope = c->ctx.access ? c->ctx.access->org.id : c->ctx.who ? c->ctx.who->user.id : NULL;
	return list_parse(spec, p->key, scope, http_arena(r), query_param, r, &p->q, e);
}

bool api_page_take(struct api_page *p)
{
	if (p->count >= p->q.limit) {
		p->more = true;
		return false;
	}
	p->count++;
	return true;
}

void api_page_mark(struct request *r, struct api_page *p, const char *key, const char *id)
{
	/* The item's strings may end with the callback; the last ones make the cursor. */
	p->last_key = arena_strdup(http_arena(r), key ? key : "");
	p->last_id = arena_strdup(http_arena(r), id);
}

void api_page_stream(struct request *r, struct api_page *p, struct jw *w)
{
	(void)p;
	jw_init(w, http_arena(r));
	jw_obj(w);
	jw_key(w, "items");
	jw_arr(w);
}

err_code api_reply_page(struct request *r, struct api_page *p, struct jw *w)
{
	jw_end_arr(w);
	jw_key(w, "next_cursor");
	jw_str(w, p->more && p->last_id ? list_cursor(&p->q, p->key, http_arena(r), p->last_key, p->last_id) : NULL);
	jw_end_obj(w);
	return http_reply_text(r, 200, "application/json", jw_buf(w), w->len);
}
