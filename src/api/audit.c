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

err_code api_audit_list(struct request *r, struct api_call *c, struct err *e)
{
	struct api_page p;
	if (api_page_begin(r, c, &audit_list_spec, &p, e))
		return e->code;
	struct list_state ls = {.r = r, .p = &p};
	api_page_stream(r, &p, &ls.w);
	if (audit_list(&c->ctx, &p.q, item, &ls, e))
		return e->code;
	return api_reply_page(r, &p, &ls.w);
}
