/* The people in an organization and its roles. */
#include "api/api.h"

#include "base/json.h"
#include "base/text.h"
#include "core/devices.h"
#include "core/members.h"
#include "core/render.h"

#include <stdio.h>
#include <string.h>

/* A member's JSON is its card, rendered by core when the member changed. */
static err_code reply_member(struct request *r, int status, const struct member *m)
{
	return http_reply_text(r, status, "application/json", m->card, strlen(m->card));
}

static void list_item(const struct member_item *it, void *page)
{
	struct api_page *p = page;
	if (!api_item_begin(p))
		return;
	jw_raw(&p->w, it->card);
	api_item_end(p, it->sort_key, it->user_id);
}

static err_code fill(const struct ctx *c, struct api_page *p, struct err *e)
{
	return member_list(c, &p->q, list_item, p, e);
}

err_code api_members_list(struct request *r, struct api_call *c, struct err *e)
{
	return api_list(r, c, &member_list_spec, fill, e);
}

err_code api_members_create(struct request *r, struct api_call *c, struct err *e)
{
	struct user_new n = {0};
	const char *role = NULL;
	if (api_body(c, e, JF_STRING("email", &n.email, JF_REQUIRED, LIMIT_EMAIL_BYTES),
	             JF_STRING("first_name", &n.first_name, JF_OPTIONAL, 0),
	             JF_STRING("last_name", &n.last_name, JF_OPTIONAL, 0),
	             JF_STRING("company", &n.company, JF_OPTIONAL, 0),
	             JF_STRING("language", &n.language, JF_OPTIONAL, 0),
	             JF_STRING("role", &role, JF_REQUIRED, LIMIT_ROLE_NAME_CHARS),
	             JF_STRING("password", &n.password, JF_OPTIONAL, 0)))
		return e->code;
	struct member m;
	if (member_create(&c->ctx, &n, role, &m, e))
		return e->code;
	return reply_member(r, 201, &m);
}

struct holdings_writer {
	struct jw seats, devices;
};

static void holding_seat(const struct member_seat *s, void *arg)
{
	struct jw *w = &((struct holdings_writer *)arg)->seats;
	jw_obj(w);
	jw_key(w, "license_id");
	jw_str(w, s->license_id);
	jw_key(w, "product");
	jw_str(w, s->product);
	jw_key(w, "source");
	jw_str(w, s->source);
	jw_key(w, "assigned_at");
	jw_time(w, s->assigned_at);
	jw_end_obj(w);
}

static void holding_device(const struct device *d, void *arg)
{
	struct jw *w = &((struct holdings_writer *)arg)->devices;
	jw_obj(w);
	render_device_fields(w, d);
	jw_end_obj(w);
}

/* The member's card, with what they hold when the caller may see it:
 * their seats (licenses:read) and devices (devices:read). */
err_code api_member_get(struct request *r, struct api_call *c, struct err *e)
{
	struct member m;
	if (member_get(&c->ctx, http_param(r, "user"), &m, e))
		return e->code;
	permset perms = c->access.perms;
	bool seats = permset_has(perms, PERM_LICENSES_READ), devices = permset_has(perms, PERM_DEVICES_READ);
	size_t n = strlen(m.card);
	if ((!seats && !devices) || n < 2 || m.card[n - 1] != '}')
		return reply_member(r, 200, &m);
	struct holdings_writer h;
	jw_init(&h.seats, c->ctx.arena);
	jw_init(&h.devices, c->ctx.arena);
	jw_arr(&h.seats);
	jw_arr(&h.devices);
	if (member_holdings(&c->ctx, m.user.id, holding_seat, holding_device, &h, e))
		return e->code;
	jw_end_arr(&h.seats);
	jw_end_arr(&h.devices);
	const char *body = arena_printf(c->ctx.arena, "%.*s%s%s%s%s}", (int)(n - 1), m.card, seats ? ",\"seats\":" : "",
	                                seats ? jw_buf(&h.seats) : "", devices ? ",\"devices\":" : "",
	                                devices ? jw_buf(&h.devices) : "");
	return http_reply_text(r, 200, "application/json", body, strlen(body));
}

err_code api_member_patch(struct request *r, struct api_call *c, struct err *e)
{
	const char *role = NULL;
	if (api_body(c, e, JF_STRING("role", &role, JF_REQUIRED, LIMIT_ROLE_NAME_CHARS)))
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
	if (api_body(c, e, JF_STRINGS("ids", &ids, JF_REQUIRED, BULK_MAX)))
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

static void role_item(const struct role_view *v, void *arg)
{
	jw_obj(arg);
	render_role_fields(arg, v);
	jw_end_obj(arg);
}

/* Every role at once: there are few, and the page is the whole list. */
err_code api_roles_list(struct request *r, struct api_call *c, struct err *e)
{
	struct jw w;
	jw_init(&w, c->ctx.arena);
	jw_obj(&w);
	jw_key(&w, "items");
	jw_arr(&w);
	if (role_list(&c->ctx, role_item, &w, e))
		return e->code;
	jw_end_arr(&w);
	jw_key(&w, "next_cursor");
	jw_null(&w);
	jw_end_obj(&w);
	return http_reply_text(r, 200, "application/json", jw_buf(&w), w.len);
}

static err_code reply_role(struct request *r, const struct api_call *c, int status, const struct role_view *v)
{
	struct jw w;
	jw_init(&w, c->ctx.arena);
	role_item(v, &w);
	return http_reply_text(r, status, "application/json", jw_buf(&w), w.len);
}

/* A role's body: with its name when one is created (every field it has
 * then required but the description), without when one is changed. */
static err_code role_body(struct api_call *c, const char **name, const char **description, struct json_strings *perms,
                          struct err *e)
{
	const struct json_field created[] = {
	        JF_STRING("name", name, JF_REQUIRED, 0),
	        JF_STRING("description", description, JF_OPTIONAL, 0),
	        JF_STRINGS("permissions", perms, JF_REQUIRED, LIMIT_ROLE_PERMISSIONS),
	        JF_END,
	};
	const struct json_field changed[] = {
	        JF_STRING("description", description, JF_OPTIONAL, 0),
	        JF_STRINGS("permissions", perms, JF_OPTIONAL, LIMIT_ROLE_PERMISSIONS),
	        JF_END,
	};
	return json_spec_parse(c->ctx.arena, c->body, name ? created : changed, e);
}

err_code api_roles_create(struct request *r, struct api_call *c, struct err *e)
{
	const char *name = NULL, *description = NULL;
	struct json_strings perms = {0};
	struct role_view v;
	if (role_body(c, &name, &description, &perms, e) || role_create(&c->ctx, name, description, perms.items, &v, e))
		return e->code;
	return reply_role(r, c, 201, &v);
}

err_code api_role_patch(struct request *r, struct api_call *c, struct err *e)
{
	const char *description = NULL;
	struct json_strings perms = {0};
	struct role_view v;
	if (role_body(c, NULL, &description, &perms, e) ||
	    role_update(&c->ctx, http_param(r, "role"), description, perms.set ? perms.items : NULL, &v, e))
		return e->code;
	return reply_role(r, c, 200, &v);
}

err_code api_role_delete(struct request *r, struct api_call *c, struct err *e)
{
	if (role_delete(&c->ctx, http_param(r, "role"), e))
		return e->code;
	return http_reply_empty(r, 204);
}
