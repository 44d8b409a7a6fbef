/* What every API request goes through before its handler: who is asking
 * (a bearer token, or the session cookie with the CSRF header), what they
 * may do in the path's organization (core/authz), the operator flag, and
 * the JSON body. */
#include "api/api.h"

#include "base/json.h"

#include <string.h>
#include <strings.h>

static bool unsafe_method(const char *m)
{
	return strcmp(m, "GET") && strcmp(m, "HEAD") && strcmp(m, "OPTIONS");
}

static const char *bearer_token(struct request *r)
{
	const char *h = http_header(r, "Authorization");
	if (h && !strncasecmp(h, "Bearer ", 7)) {
		h += 7;
		while (*h == ' ')
			h++;
		return h;
	}
	return NULL;
}

static const char *cookie_token(struct request *r)
{
	const char *h = http_header(r, "Cookie");
	if (!h)
		return NULL;
	size_t nlen = strlen(API_SESSION_COOKIE);
	for (const char *p = h; *p;) {
		while (*p == ' ' || *p == ';')
			p++;
		if (!strncmp(p, API_SESSION_COOKIE, nlen) && p[nlen] == '=') {
			p += nlen + 1;
			size_t len = strcspn(p, ";");
			return arena_strndup(http_arena(r), p, len);
		}
		p += strcspn(p, ";");
	}
	return NULL;
}

/* The caller; for a route on an organization (org_id), in the same read,
 * what decides their access there (*ra). */
static err_code authenticate(struct request *r, struct api_call *c, const char *org_id, unsigned needs,
                             struct authz_read_ahead *ra, struct err *e)
{
	const char *token = bearer_token(r);
	bool by_cookie = false;
	if (!token) {
		token = cookie_token(r);
		by_cookie = token != NULL;
	}
	if (!token)
		return err_set(e, E_UNAUTHENTICATED, NULL, NULL);
	err_code rc = org_id ? account_authenticate_org(&c->ctx, token, org_id, needs, &c->auth, ra, e)
	                     : account_authenticate(&c->ctx, token, &c->auth, e);
	if (rc)
		return rc;
	c->ctx.who = &c->auth;
	http_log_user(r, c->auth.user.id);
	/* A browser sends the cookie cross-site but cannot add a custom header
	 * without a CORS preflight, which roster never grants. */
	if (by_cookie && unsafe_method(http_method(r))) {
		const char *csrf = http_header(r, API_CSRF_HEADER);
		if (!csrf || !*csrf)
			return err_set(e, E_CSRF_FAILED, NULL, NULL);
	}
	return E_OK;
}

static bool defer_after_reply(void *request, void (*fn)(void *arg), void *arg)
{
	return http_after_reply(request, fn, arg);
}

static err_code parse_body(struct request *r, struct api_call *c, const struct api_route *rt, struct err *e)
{
	size_t len;
	const char *body = http_body(r, &len);
	if (rt->flags & R_JSON) {
		if (!len)
			return err_set(e, E_MALFORMED_JSON, NULL, "The body must be a JSON object.");
		return json_body_parse(c->ctx.arena, body, len, &c->body, e);
	}
	/* Where a JSON route would parse its body: after the caller and the
	 * organization are known, so that a stranger still gets 404. */
	if (http_body_received(r))
		return err_set(e, E_BODY_NOT_ALLOWED, NULL, NULL);
	return E_OK;
}

err_code api_dispatch(struct request *r, const void *route, void *arg, struct err *e)
{
	const struct api_route *rt = route;
	struct api_call c = {
	        .ctx = {.app = arg,
	                .arena = http_arena(r),
	                .ri = {.request_id = http_request_id(r), .client_addr = http_client_addr(r)},
	                .defer = defer_after_reply,
	                .defer_arg = r},
	};
	const char *org_id = rt->flags & R_ORG ? http_param(r, "org") : NULL;
	unsigned needs = rt->flags & R_CUSTOMER_LOGIN ? AUTHZ_CUSTOMER_LOGIN : 0;
	struct authz_read_ahead ra;
	bool read_ahead = (rt->flags & R_AUTH) && org_id;
	if ((rt->flags & R_AUTH) && authenticate(r, &c, org_id, needs, &ra, e))
		return e->code;
	/* The organization first: one the caller cannot see is 404 even on operator routes. */
	if (org_id) {
		if (read_ahead ? authz_org_read_ahead(&ra, rt->permission, &c.access, e)
		               : authz_org(&c.ctx, org_id, rt->permission, needs, &c.access, e))
			return e->code;
		c.ctx.access = &c.access;
	}
	if ((rt->flags & R_OPERATOR) && !authz_is_operator(c.ctx.who))
		return err_set(e, E_FORBIDDEN, NULL, "Only operators can do this.");
	if (parse_body(r, &c, rt, e))
		return e->code;
	return rt->handler(r, &c, e);
}
