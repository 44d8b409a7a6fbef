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
