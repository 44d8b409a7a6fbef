/* The audit log of an organization. */
#include "api/api.h"

#include "base/clock.h"
#include "base/json.h"
#include "base/text.h"
#include "core/audit.h"
#include "core/render.h"

#include <stdio.h>

static void item(const struct audit_row *row, void *page)
{
	struct api_page *p = page;
	if (!api_item_begin(p))
		return;
	jw_obj(&p->w);
	render_audit_fields(&p->w, row);
	jw_end_obj(&p->w);
	char key[24];
	snprintf(key, sizeof key, "%lld", (long long)row->at);
	api_item_end(p, key, row->id);
}

static err_code fill(const struct ctx *c, struct api_page *p, struct err *e)
{
	return audit_list(c, &p->q, item, p, e);
}

err_code api_audit_list(struct request *r, struct api_call *c, struct err *e)
{
	return api_list(r, c, &audit_list_spec, fill, e);
}
