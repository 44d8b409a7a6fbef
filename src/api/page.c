/* Lists: ?limit= and an opaque ?cursor=, answered as {items, next_cursor}. */
#include "api/api.h"

#include "base/text.h"

#include <string.h>

err_code api_page_begin(struct request *r, struct api_page *p, struct err *e)
{
	memset(p, 0, sizeof *p);
	p->limit = 50;
	const char *limit = http_query(r, "limit");
	long long n;
	if (limit) {
		if (!parse_int(limit, 1, 200, &n))
			return err_set(e, E_BAD_REQUEST, "limit", "limit must be a whole number from 1 to 200.");
		p->limit = (int)n;
	}
	const char *cursor = http_query(r, "cursor");
	if (cursor && *cursor && !cursor_decode(http_arena(r), cursor, &p->after_key, &p->after_id))
		return err_set(e, E_INVALID_CURSOR, "cursor", NULL);
	p->items = json_array();
	return E_OK;
}

void api_page_add(struct request *r, struct api_page *p, json_t *item, const char *key, const char *id)
{
	(void)r;
	json_array_append_new(p->items, item);
	p->count++;
	p->last_key = key;
	p->last_id = id;
}

err_code api_page_reply(struct request *r, struct api_page *p)
{
	json_t *next = p->count == p->limit && p->last_id
	                       ? json_string(cursor_encode(http_arena(r), p->last_key ? p->last_key : "", p->last_id))
	                       : json_null();
	return http_reply_json(r, 200, json_pack("{s:o, s:o}", "items", p->items, "next_cursor", next));
}

err_code api_reply_page(struct request *r, struct jw *w, int count, int limit, const char *last_key,
                        const char *last_id)
{
	/* w holds "[item,item..."; close it and wrap it. */
	jw_end_arr(w);
	const char *next =
	        count == limit && last_id ? cursor_encode(http_arena(r), last_key ? last_key : "", last_id) : NULL;
	const char *items = jw_buf(w);
	struct jw out;
	jw_init(&out, http_arena(r));
	jw_obj(&out);
	jw_key(&out, "items");
	jw_raw(&out, items);
	jw_key(&out, "next_cursor");
	jw_str(&out, next);
	jw_end_obj(&out);
	return http_reply_text(r, 200, "application/json", jw_buf(&out), out.len);
}
