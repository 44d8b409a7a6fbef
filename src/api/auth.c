/* Sign-in, sign-out and the password links. */
#include "api/api.h"

#include "base/json.h"
#include "base/text.h"
#include "core/render.h"

#include <stdio.h>
#include <string.h>

err_code api_reply_account(struct request *r, const struct api_call *c, int status, const struct user *u)
{
	struct jw w;
	jw_init(&w, c->ctx.arena);
	jw_obj(&w);
	render_account_fields(&w, u);
	jw_end_obj(&w);
	return http_reply_text(r, status, "application/json", jw_buf(&w), w.len);
}

/* The one place that decides the session cookie's attributes: set at
 * sign-in and cleared at sign-out alike, Secure whenever the public URL is
 * https (a clearing cookie without it is refused by browsers for a Secure
 * one of the same name). */
static err_code set_session_cookie(struct request *r, const struct api_call *c, const char *value, long long max_age_s,
                                   struct err *e)
{
	bool secure = !strncmp(c->ctx.app->public_url, "https://", 8);
	return http_add_header(r, "Set-Cookie",
	                       arena_printf(c->ctx.arena, "%s=%s; Path=/; HttpOnly; SameSite=Lax; Max-Age=%lld%s",
	                                    API_SESSION_COOKIE, value, max_age_s, secure ? "; Secure" : ""),
	                       e);
}

err_code api_login(struct request *r, struct api_call *c, struct err *e)
{
	const char *email = NULL, *password = NULL;
	if (api_body(c, e, JF_STRING("email", &email, JF_REQUIRED, EMAIL_MAX),
	             JF_STRING("password", &password, JF_REQUIRED, 0)))
		return e->code;
	struct login_result res;
	if (account_login(&c->ctx, email, password, &res, e))
		return e->code;
	if (set_session_cookie(r, c, res.token, (long long)(c->ctx.app->session_lifetime_ms / 1000), e))
		return e->code;
	struct jw w;
	jw_init(&w, c->ctx.arena);
	jw_obj(&w);
	jw_key(&w, "token");
	jw_str(&w, res.token);
	jw_key(&w, "expires_at");
	jw_time(&w, res.expires_at);
	jw_key(&w, "user");
	jw_obj(&w);
	render_account_fields(&w, &res.user);
	jw_end_obj(&w);
	jw_end_obj(&w);
	return http_reply_text(r, 200, "application/json", jw_buf(&w), w.len);
}

err_code api_logout(struct request *r, struct api_call *c, struct err *e)
{
	if (account_logout(&c->ctx, e))
		return e->code;
	if (set_session_cookie(r, c, "", 0, e))
		return e->code;
	return http_reply_empty(r, 204);
}

err_code api_password_forgot(struct request *r, struct api_call *c, struct err *e)
{
	const char *email = NULL;
	if (api_body(c, e, JF_STRING("email", &email, JF_REQUIRED, EMAIL_MAX)))
		return e->code;
	if (account_forgot_password(&c->ctx, email, e))
		return e->code;
	return http_reply_json(
	        r, 202,
	        json_pack("{s:s}", "message",
	                  "If this address has an account, a link to reset its password is on its way."));
}

err_code api_password_reset(struct request *r, struct api_call *c, struct err *e)
{
	const char *token = NULL, *password = NULL;
	if (api_body(c, e, JF_STRING("token", &token, JF_REQUIRED, LIMIT_LINK_TOKEN_CHARS),
	             JF_STRING("password", &password, JF_REQUIRED, 0)))
		return e->code;
	if (account_reset_password(&c->ctx, token, password, e))
		return e->code;
	return http_reply_empty(r, 204);
}
