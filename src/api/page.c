/* Lists: ?limit= and an opaque ?cursor=, answered as {items, next_cursor},
 * written as the items come. */
#include "api/api.h"

#include "base/text.h"

#include <string.h>

err_code api_page_begin(struct request *r, struct api_page *p, struct err *e)
{
	memset(p, 0, sizeof *p);
	p->limit = LIMIT_PAGE_DEFAULT;
	const char *limit = http_query(r, "limit");
	long long n;
	if (limit) {
		if (!parse_int(limit, 1, LIMIT_PAGE_MAX, &n))
			return err_set(e, E_BAD_REQUEST, "limit", "limit must be a whole number from 1 to %d.",
			               LIMIT_PAGE_MAX);
		p->limit = (int)n;
	}
	p->fetch = p->limit + 1;
	const char *cursor = http_query(r, "cursor");
	if (cursor && *cursor && !cursor_decode(http_arena(r), cursor, &p->after_key, &p->after_id))
		return err_set(e, E_INVALID_CURSOR, "cursor", NULL);
	return E_OK;
}

bool api_page_take(struct api_page *p)
{
	if (p->count >= p->limit) {
		p->more = true;
		return false;
	}
	p->count++;
	return true;
}

void api_page_mark(struct request *r, struct api_page *p, const char *key, const char *id)
{
	/* The item's strings may end with the callback; the last ones make the cursor. */
	p->last_key = arena_strdup(http_arena(r), key);
	p->last_id = arena_strdup(http_arena(r), id);
}

static const char *next_cursor(struct request *r, const struct api_page *p)
{
	return p->more && p->last_id ? cursor_encode(http_arena(r), p->last_key ? p->last_key : "", p->last_id) : NULL;
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
	jw_str(w, next_cursor(r, p));
	jw_end_obj(w);
	return http_reply_text(r, 200, "application/json", jw_buf(w), w->len);
}
