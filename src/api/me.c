/* The signed-in user's own account. */
#include "api/api.h"

#include "base/json.h"
#include "base/text.h"
#include "core/render.h"
#include "core/members.h"

static void add_membership(const struct org *o, const char *role, permset perms, void *arg)
{
	struct jw *w = arg;
	jw_obj(w);
	render_org_ref_fields(w, o);
	jw_key(w, "role");
	jw_str(w, role);
	jw_key(w, "permissions");
	render_perms(w, perms);
	jw_end_obj(w);
}

err_code api_me_get(struct request *r, struct api_call *c, struct err *e)
{
	const struct user *u = &c->auth.user;
	struct jw w;
	jw_init(&w, c->ctx.arena);
	jw_obj(&w);
	render_account_fields(&w, u);
	jw_key(&w, "organizations");
	jw_arr(&w);
	if (member_orgs_of(&c->ctx, u->id, add_membership, &w, e))
		return e->code;
	jw_end_arr(&w);
	jw_end_obj(&w);
	return http_reply_text(r, 200, "application/json", jw_buf(&w), w.len);
}

err_code api_me_patch(struct request *r, struct api_call *c, struct err *e)
{
	struct profile_patch p = {0};
	if (api_body(c, e, JF_STRING("first_name", &p.first_name, JF_OPTIONAL, NAME_MAX_CHARS),
	             JF_STRING("last_name", &p.last_name, JF_OPTIONAL, NAME_MAX_CHARS),
	             JF_STRING("company", &p.company, JF_OPTIONAL, NAME_MAX_CHARS),
	             JF_STRING("language", &p.language, JF_OPTIONAL, 0)))
		return e->code;
	struct user u;
	if (account_update_profile(&c->ctx, &p, &u, e))
		return e->code;
	return api_reply_account(r, c, 200, &u);
}

err_code api_me_password(struct request *r, struct api_call *c, struct err *e)
{
	const char *current = NULL, *next = NULL;
	if (api_body(c, e, JF_STRING("current_password", &current, JF_REQUIRED, 0),
	             JF_STRING("new_password", &next, JF_REQUIRED, 0)))
		return e->code;
	if (account_change_password(&c->ctx, current, next, e))
		return e->code;
	return http_reply_empty(r, 204);
}
