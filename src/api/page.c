/* Lists: a declared list (core/list.h) read from the query string, and
 * answered as {items, next_cursor}, written as the items come. */
#include "api/api.h"

#include "base/text.h"

#include <string.h>

static const char *query_param(void *request, const char *name)
{
	return http_query(request, name);
}

static err_code page_begin(struct request *r, const struct api_call *c, const struct list_spec *spec,
                           struct api_page *p, struct err *e)
{
	memset(p, 0, sizeof *p);
	p->r = r;
	p->key = c->ctx.app->cursor_key;
	/* A cursor belongs to the organization's list, or to the caller's own. */
	const char *scope = c->ctx.access ? c->ctx.access->org.id : c->ctx.who ? c->ctx.who->user.id : NULL;
	if (list_parse(spec, p->key, scope, http_arena(r), query_param, r, &p->q, e))
		return e->code;
	jw_init(&p->w, http_arena(r));
	jw_obj(&p->w);
	jw_key(&p->w, "items");
	jw_arr(&p->w);
	return E_OK;
}

static err_code page_reply(struct api_page *p)
{
	struct jw *w = &p->w;
	jw_end_arr(w);
	jw_key(w, "next_cursor");
	struct arena *a = http_arena(p->r);
	jw_str(w, p->more && p->last_id ? list_cursor(&p->q, p->key, a, p->last_key, p->last_id) : NULL);
	jw_end_obj(w);
	return http_reply_text(p->r, 200, "application/json", jw_buf(w), w->len);
}

err_code api_list(struct request *r, struct api_call *c, const struct list_spec *spec, api_list_fill fill,
                  struct err *e)
{
	struct api_page p;
	if (page_begin(r, c, spec, &p, e) || fill(&c->ctx, &p, e))
		return e->code;
	return page_reply(&p);
}

bool api_item_begin(struct api_page *p)
{
	if (p->count >= p->q.limit) {
		p->more = true;
		return false;
	}
	p->count++;
	return true;
}

void api_item_end(struct api_page *p, const char *key, const char *id)
{
	/* The item's strings may end with the callback; the last ones make the cursor. */
	struct arena *a = http_arena(p->r);
	p->last_key = arena_strdup(a, key ? key : "");
	p->last_id = arena_strdup(a, id);
}
