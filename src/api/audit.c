/* The audit log of an organization. */
#include "api/api.h"

#include "base/clock.h"
#include "base/json.h"
#include "base/text.h"
#include "core/audit.h"
#include "core/render.h"

#include <stdio.h>

struct list_state {
	struct request *r;
	struct api_page *p;
	struct jw w;
};

static void item(const struct audit_row *row, void *arg)
{
	struct list_state *ls = arg;
	if (!api_page_take(ls->p))
		return;
	jw_obj(&ls->w);
	render_audit_fields(&ls->w, row);
	jw_end_obj(&ls->w);
	char key[24];
	snprintf(key, sizeof key, "%lld", (long long)row->at);
	api_page_mark(ls->r, ls->p, key, row->id);
}

static err_code parse_time(struct request *r, const char *name, int64_t *out, struct err *e)
{
	const char *v = http_query(r, name);
	*out = 0;
	if (v && !clock_parse_rfc3339(v, out))
		return err_set(e, E_BAD_REQUEST, name, "%s must be an RFC 3339 time.", name);
	return E_OK;
}

err_code api_audit_list(struct request *r, struct api_call *c, struct err *e)
{
	struct api_page p;
	if (api_page_begin(r, &p, e))
		return e->code;
	struct audit_query q = {
	        .org_id = c->access.org.id,
	        .action = http_query(r, "action"),
	        .actor_id = http_query(r, "actor"),
	        .limit = p.fetch,
	};
	if (parse_time(r, "since", &q.since, e) || parse_time(r, "until", &q.until, e))
		return e->code;
	if (p.after_id) {
		long long at;
		if (!parse_int(p.after_key, 1, INT64_MAX, &at))
			return err_set(e, E_INVALID_CURSOR, "cursor", NULL);
		q.after_at = at;
		q.after_id = p.after_id;
	}
	struct list_state ls = {.r = r, .p = &p};
	api_page_stream(r, &p, &ls.w);
	if (audit_list(&c->ctx, &q, item, &ls, e))
		return e->code;
	return api_reply_page(r, &p, &ls.w);
}
