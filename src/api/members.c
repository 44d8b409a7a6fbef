/* The people in an organization and its roles. */
#include "api/api.h"

#include "base/json.h"
#include "base/text.h"
#include "core/members.h"

#include <stdio.h>
#include <string.h>

/* A member's JSON is its card, rendered by core when the member changed. */
static err_code reply_member(struct request *r, int status, const struct member *m)
{
	return http_reply_text(r, status, "application/json", m->card, strlen(m->card));
}

struct list_state {
	struct request *r;
	struct api_page *p;
	struct jw w;
};

static void list_item(const struct member_item *it, void *arg)
{
	struct list_state *ls = arg;
	if (!api_page_take(ls->p))
		return;
	jw_raw(&ls->w, it->card);
	api_page_mark(ls->r, ls->p, it->sort_key, it->user_id);
}

err_code api_members_list(struct request *r, struct api_call *c, struct err *e)
{
	struct api_page p;
	if (api_page_begin(r, &p, e))
		return e->code;
	struct member_page_query q = {
	        .q = http_query(r, "q"),
	        .role = http_query(r, "role"),
	        .sort = http_query(r, "sort"),
	        .after_key = p.after_key,
	        .after_id = p.after_id,
	        .limit = p.fetch,
	};
	if (q.q && utf8_chars(q.q) > 200)
		return err_set(e, E_TOO_LONG, "q", NULL);
	struct list_state ls = {.r = r, .p = &p};
	api_page_stream(r, &p, &ls.w);
	if (member_list(&c->ctx, &q, list_item, &ls, e))
		return e->code;
	return api_reply_page(r, &p, &ls.w);
}

err_code api_members_create(struct request *r, struct api_call *c, struct err *e)
{
	struct user_new n = {0};
	const char *role = NULL;
	const struct json_field spec[] = {
	        JF_STRING("email", &n.email, JF_REQUIRED, 254),
	        JF_STRING("first_name", &n.first_name, JF_OPTIONAL, 0),
	        JF_STRING("last_name", &n.last_name, JF_OPTIONAL, 0),
	        JF_STRING("company", &n.company, JF_OPTIONAL, 0),
	        JF_STRING("language", &n.language, JF_OPTIONAL, 0),
	        JF_STRING("role", &role, JF_REQUIRED, 64),
	        JF_STRING("password", &n.password, JF_OPTIONAL, 0),
	        JF_END,
	};
	if (json_spec_parse(c->body, spec, e))
		return e->code;
	struct member m;
	if (member_create(&c->ctx, &n, role, &m, e))
		return e->code;
	return reply_member(r, 201, &m);
}

err_code api_member_get(struct request *r, struct api_call *c, struct err *e)
{
	struct member m;
	if (member_get(&c->ctx, http_param(r, "user"), &m, e))
		return e->code;
	return reply_member(r, 200, &m);
}

err_code api_member_patch(struct request *r, struct api_call *c, struct err *e)
{
	const char *role = NULL;
	const struct json_field spec[] = {JF_STRING("role", &role, JF_REQUIRED, 64), JF_END};
	if (json_spec_parse(c->body, spec, e))
		return e->code;
	struct member m;
	if (member_set_role(&c->ctx, http_param(r, "user"), role, &m, e))
		return e->code;
	return reply_member(r, 200, &m);
}

err_code api_member_delete(struct request *r, struct api_call *c, struct err *e)
{
	if (member_remove(&c->ctx, http_param(r, "user"), e))
		return e->code;
	return http_reply_empty(r, 204);
}

err_code api_members_remove(struct request *r, struct api_call *c, struct err *e)
{
	struct json_strings ids = {0};
	const struct json_field spec[] = {JF_STRINGS("ids", &ids, JF_REQUIRED, BULK_MAX), JF_END};
	if (json_spec_parse_in(c->ctx.arena, c->body, spec, e))
		return e->code;
	err_code *results = arena_alloc(c->ctx.arena, (size_t)(ids.n + 1) * sizeof *results);
	if (member_remove_bulk(&c->ctx, ids.items, ids.n, results, e))
		return e->code;
	json_t *items = json_array();
	int removed = 0;
	for (int i = 0; i < ids.n; i++) {
		const char *result = results[i] == E_OK ? "removed" : err_name(results[i]);
		removed += results[i] == E_OK;
		json_array_append_new(items, json_pack("{s:s, s:s}", "id", ids.items[i], "result", result));
	}
	return http_reply_json(
	        r, 200, json_pack("{s:o, s:i, s:i}", "items", items, "removed", removed, "refused", ids.n - removed));
}

/* ---- roles ---- */

static json_t *role_json(const struct role_view *v)
{
	return json_pack("{s:s, s:s, s:o, s:b, s:o, s:o}", "name", v->name, "description", v->description,
	                 "permissions", api_perms_json(v->perms), "builtin", v->builtin, "created_at",
	                 json_time(v->created_at), "updated_at", json_time(v->updated_at));
}

static void role_item(const struct role_view *v, void *arg)
{
	json_array_append_new(arg, role_json(v));
}

err_code api_roles_list(struct request *r, struct api_call *c, struct err *e)
{
	json_t *items = json_array();
	if (role_list(&c->ctx, role_item, items, e)) {
		json_decref(items);
		return e->code;
	}
	return http_reply_json(r, 200, json_pack("{s:o, s:n}", "items", items, "next_cursor"));
}

err_code api_roles_create(struct request *r, struct api_call *c, struct err *e)
{
	const char *name = NULL, *description = NULL;
	struct json_strings perms = {0};
	const struct json_field spec[] = {
	        JF_STRING("name", &name, JF_REQUIRED, 0),
	        JF_STRING("description", &description, JF_OPTIONAL, 0),
	        JF_STRINGS("permissions", &perms, JF_REQUIRED, 64),
	        JF_END,
	};
	if (json_spec_parse_in(c->ctx.arena, c->body, spec, e))
		return e->code;
	struct role_view v;
	if (role_create(&c->ctx, name, description, perms.items, &v, e))
		return e->code;
	return http_reply_json(r, 201, role_json(&v));
}

err_code api_role_patch(struct request *r, struct api_call *c, struct err *e)
{
	const char *description = NULL;
	struct json_strings perms = {0};
	const struct json_field spec[] = {
	        JF_STRING("description", &description, JF_OPTIONAL, 0),
	        JF_STRINGS("permissions", &perms, JF_OPTIONAL, 64),
	        JF_END,
	};
	if (json_spec_parse_in(c->ctx.arena, c->body, spec, e))
		return e->code;
	struct role_view v;
	if (role_update(&c->ctx, http_param(r, "role"), description, perms.set ? perms.items : NULL, &v, e))
		return e->code;
	return http_reply_json(r, 200, role_json(&v));
}

err_code api_role_delete(struct request *r, struct api_call *c, struct err *e)
{
	if (role_delete(&c->ctx, http_param(r, "role"), e))
		return e->code;
	return http_reply_empty(r, 204);
}
