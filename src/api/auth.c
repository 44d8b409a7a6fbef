/* Sign-in, sign-out and the password links. */
#include "api/api.h"

#include "base/json.h"
#include "base/text.h"

#include <stdio.h>
#include <string.h>

json_t *api_user_json(const struct user *u)
{
	return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:b, s:o, s:o}", "id", u->id, "email", u->email,
	                 "first_name", u->first_name, "last_name", u->last_name, "company", u->company, "language",
	                 u->language, "state", u->state, "is_operator", u->is_operator, "created_at",
	                 json_time(u->created_at), "updated_at", json_time(u->updated_at));
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
	const struct json_field spec[] = {
	        JF_STRING("email", &email, JF_REQUIRED, EMAIL_MAX),
	        JF_STRING("password", &password, JF_REQUIRED, 0),
	        JF_END,
	};
	if (json_spec_parse(c->body, spec, e))
		return e->code;
	struct login_result res;
	if (account_login(&c->ctx, email, password, &res, e))
		return e->code;
	if (set_session_cookie(r, c, res.token, (long long)(c->ctx.app->session_lifetime_ms / 1000), e))
		return e->code;
	return http_reply_json(r, 200,
	                       json_pack("{s:s, s:o, s:o}", "token", res.token, "expires_at", json_time(res.expires_at),
	                                 "user", api_user_json(&res.user)));
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
	const struct json_field spec[] = {JF_STRING("email", &email, JF_REQUIRED, EMAIL_MAX), JF_END};
	if (json_spec_parse(c->body, spec, e))
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
	const struct json_field spec[] = {
	        JF_STRING("token", &token, JF_REQUIRED, 128),
	        JF_STRING("password", &password, JF_REQUIRED, 0),
	        JF_END,
	};
	if (json_spec_parse(c->body, spec, e))
		return e->code;
	if (account_reset_password(&c->ctx, token, password, e))
		return e->code;
	return http_reply_empty(r, 204);
}
