/* The signed-in user's own account. */
#include "api/api.h"

#include "base/json.h"
#include "base/text.h"
#include "core/members.h"

static void add_membership(const struct org *o, const char *role, permset perms, void *arg)
{
	json_array_append_new(arg,
	                      json_pack("{s:s, s:s, s:s, s:s, s:s, s:o}", "id", o->id, "name", o->name, "type", o->type,
	                                "state", o->state, "role", role, "permissions", api_perms_json(perms)));
}

err_code api_me_get(struct request *r, struct err *e)
{
	json_t *orgs = json_array();
	if (member_orgs_of(http_app(r), http_arena(r), http_auth(r)->user.id, add_membership, orgs, e)) {
		json_decref(orgs);
		return e->code;
	}
	json_t *j = api_user_json(&http_auth(r)->user);
	json_object_set_new(j, "organizations", orgs);
	return http_reply_json(r, 200, j);
}

err_code api_me_patch(struct request *r, struct err *e)
{
	struct profile_patch p = {0};
	const struct json_field spec[] = {
	        JF_STRING("first_name", &p.first_name, JF_OPTIONAL, NAME_MAX_CHARS),
	        JF_STRING("last_name", &p.last_name, JF_OPTIONAL, NAME_MAX_CHARS),
	        JF_STRING("company", &p.company, JF_OPTIONAL, NAME_MAX_CHARS),
	        JF_STRING("language", &p.language, JF_OPTIONAL, 0),
	        JF_END,
	};
	if (json_spec_parse(http_body(r), spec, e))
		return e->code;
	struct user u;
	if (account_update_profile(http_app(r), http_arena(r), http_reqinfo(r), http_auth(r), &p, &u, e))
		return e->code;
	return http_reply_json(r, 200, api_user_json(&u));
}

err_code api_me_password(struct request *r, struct err *e)
{
	const char *current = NULL, *next = NULL;
	const struct json_field spec[] = {
	        JF_STRING("current_password", &current, JF_REQUIRED, 0),
	        JF_STRING("new_password", &next, JF_REQUIRED, 0),
	        JF_END,
	};
	if (json_spec_parse(http_body(r), spec, e))
		return e->code;
	if (account_change_password(http_app(r), http_arena(r), http_reqinfo(r), http_auth(r), current, next, e))
		return e->code;
	return http_reply_empty(r, 204);
}
