/* For the people who run roster: liveness, readiness, metrics. */
#include "api/api.h"

#include "core/ops.h"

#include <string.h>

err_code api_healthz(struct request *r, struct api_call *c, struct err *e)
{
	(void)c;
	(void)e;
	static const char body[] = "{\"status\":\"ok\"}";
	return http_reply_text(r, 200, "application/json", body, sizeof body - 1);
}

err_code api_readyz(struct request *r, struct api_call *c, struct err *e)
{
	(void)e;
	if (ops_ready(&c->ctx))
		return http_reply_json(r, 200, json_pack("{s:s}", "status", "ready"));
	return http_reply_json(r, 503, json_pack("{s:s}", "status", "unavailable"));
}

err_code api_metrics(struct request *r, struct api_call *c, struct err *e)
{
	(void)e;
	char *text = http_metrics_render(r);
	long long depth = ops_outbox_depth(&c->ctx);
	text = arena_printf(c->ctx.arena,
	                    "%s# HELP roster_outbox_depth Emails waiting to be delivered.\n"
	                    "# TYPE roster_outbox_depth gauge\nroster_outbox_depth %lld\n",
	                    text, depth);
	return http_reply_text(r, 200, "text/plain; version=0.0.4", text, strlen(text));
}
