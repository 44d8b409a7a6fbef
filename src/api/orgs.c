/* Organizations, their modules, customers and independence. */
#include "api/api.h"

#include "base/json.h"
#include "base/text.h"
#include "core/orgs.h"

#include <string.h>

json_t *api_org_json(const struct org *o)
{
	json_error_t jerr;
	json_t *settings = o->settings ? json_loads(o->settings, 0, &jerr) : NULL;
	return json_pack("{s:s, s:s, s:s, s:o, s:o, s:s, s:o, s:o, s:o}", "id", o->id, "name", o->name, "type", o->type,
	                 "kind", o->kind ? json_string(o->kind) : json_null(), "provider_id",
	                 o->provider_id ? json_string(o->provider_id) : json_null(), "state", o->state, "settings",
	                 settings ? settings : json_object(), "created_at", json_time(o->created_at), "updated_at",
	                 json_time(o->updated_at));
}

json_t *api_perms_json(permset p)
{
	json_t *arr = json_array();
	for (int i = 0; i < PERM__COUNT; i++)
		if (p & PERMSET(i))
			json_array_append_new(arr, json_string(perm_name((perm)i)));
	return arr;
}

static void add_module(const char *module, void *arg)
{
	json_array_append_new(arg, json_string(module));
}

/* The org with its modules and, when given, the caller's view of it. */
static err_code reply_org(struct request *r, const struct api_call *c, int status, const struct org *o,
                          const struct org_access *acc, struct err *e)
{
	json_t *j = api_org_json(o);
	json_t *mods = json_array();
	if (org_modules(&c->ctx, o->id, add_module, mods, e)) {
		json_decref(mods);
		json_decref(j);
		return e->code;
	}
	json_object_set_new(j, "modules", mods);
	if (o->provider_id) {
		const char *pname = NULL;
		if (org_name(&c->ctx, o->provider_id, &pname, e)) {
			json_decref(j);
			return e->code;
		}
		json_object_set_new(j, "provider", json_pack("{s:s, s:s}", "id", o->provider_id, "name", pname));
	}
	if (acc) {
		json_object_set_new(j, "role", acc->role ? json_string(acc->role) : json_null());
		json_object_set_new(j, "permissions", api_perms_json(acc->perms));
	}
	return http_reply_json(r, status, j);
}

struct list_state {
	struct request *r;
	struct api_page *p;
};

static void list_item(const struct org *o, const char *role, void *arg)
{
	struct list_state *ls = arg;
	json_t *j = api_org_json(o);
	if (role)
		json_object_set_new(j, "role", json_string(role));
	api_page_add(ls->r, ls->p, j, text_fold(http_arena(ls->r), o->name), o->id);
}

err_code api_orgs_list(struct request *r, struct api_call *c, struct err *e)
{
	struct api_page p;
	if (api_page_begin(r, &p, e))
		return e->code;
	struct list_state ls = {r, &p};
	if (org_list(&c->ctx, http_query(r, "q"), p.after_key, p.after_id, p.fetch, list_item, &ls, e))
		return e->code;
	return api_page_reply(r, &p);
}

err_code api_orgs_create(struct request *r, struct api_call *c, struct err *e)
{
	const char *name = NULL, *type = NULL;
	json_t *admin = NULL;
	struct json_strings modules = {0};
	const struct json_field spec[] = {
	        JF_STRING("name", &name, JF_REQUIRED, 0),
	        JF_STRING("type", &type, JF_REQUIRED, 0),
	        JF_OBJECT("admin", &admin, JF_REQUIRED),
	        JF_STRINGS("modules", &modules, JF_OPTIONAL, 16),
	        JF_END,
	};
	if (json_spec_parse_in(c->ctx.arena, c->body, spec, e))
		return e->code;
	struct org_new n = {.name = name, .type = type, .modules = modules.items};
	const struct json_field admin_spec[] = {
	        JF_STRING("email", &n.admin.email, JF_REQUIRED, 254),
	        JF_STRING("first_name", &n.admin.first_name, JF_OPTIONAL, 0),
	        JF_STRING("last_name", &n.admin.last_name, JF_OPTIONAL, 0),
	        JF_STRING("company", &n.admin.company, JF_OPTIONAL, 0),
	        JF_STRING("language", &n.admin.language, JF_OPTIONAL, 0),
	        JF_END,
	};
	if (json_spec_parse(admin, admin_spec, e)) {
		e->field = e->field ? arena_printf(c->ctx.arena, "admin.%s", e->field) : "admin";
		return e->code;
	}
	struct org o;
	struct user admin_user;
	if (org_create(&c->ctx, &n, &o, &admin_user, e))
		return e->code;
	json_t *j = api_org_json(&o);
	json_t *mods = json_array();
	json_object_set_new(j, "modules", mods); /* as stored: each module once */
	json_object_set_new(j, "admin", api_user_json(&admin_user));
	json_own(c->ctx.arena, j);
	if (org_modules(&c->ctx, o.id, add_module, mods, e))
		return e->code;
	return http_reply_json(r, 201, json_incref(j));
}

err_code api_org_get(struct request *r, struct api_call *c, struct err *e)
{
	const struct org_access *acc = (&c->access);
	return reply_org(r, c, 200, &acc->org, acc, e);
}

err_code api_org_patch(struct request *r, struct api_call *c, struct err *e)
{
	const char *name = NULL;
	json_t *settings = NULL;
	const struct json_field spec[] = {
	        JF_STRING("name", &name, JF_OPTIONAL, 0),
	        JF_OBJECT("settings", &settings, JF_OPTIONAL),
	        JF_END,
	};
	if (json_spec_parse(c->body, spec, e))
		return e->code;
	if (settings && json_has_nul(settings))
		return err_set(e, E_INVALID, "settings", "The settings must not contain NUL characters.");
	const char *settings_text = settings ? json_dump_arena(c->ctx.arena, settings, NULL) : NULL;
	if (settings_text && strlen(settings_text) > 16384)
		return err_set(e, E_TOO_LONG, "settings", "The settings are larger than 16 KiB.");
	struct org o;
	if (org_update(&c->ctx, name, settings_text, &o, e))
		return e->code;
	return reply_org(r, c, 200, &o, (&c->access), e);
}

err_code api_org_delete(struct request *r, struct api_call *c, struct err *e)
{
	if (org_close(&c->ctx, e))
		return e->code;
	return http_reply_empty(r, 204);
}

static err_code module_set(struct request *r, struct api_call *c, bool on, struct err *e)
{
	if (org_module_set(&c->ctx, http_param(r, "module"), on, e))
		return e->code;
	return reply_org(r, c, 200, &c->access.org, NULL, e);
}

err_code api_org_module_put(struct request *r, struct api_call *c, struct err *e)
{
	return module_set(r, c, true, e);
}

err_code api_org_module_delete(struct request *r, struct api_call *c, struct err *e)
{
	return module_set(r, c, false, e);
}

err_code api_org_independence(struct request *r, struct api_call *c, struct err *e)
{
	struct org o;
	if (org_make_independent(&c->ctx, &o, e))
		return e->code;
	return reply_org(r, c, 200, &o, NULL, e);
}

err_code api_customers_list(struct request *r, struct api_call *c, struct err *e)
{
	struct api_page p;
	if (api_page_begin(r, &p, e))
		return e->code;
	struct list_state ls = {r, &p};
	if (org_customer_list(&c->ctx, http_query(r, "q"), p.after_key, p.after_id, p.fetch, list_item, &ls, e))
		return e->code;
	return api_page_reply(r, &p);
}

err_code api_customers_create(struct request *r, struct api_call *c, struct err *e)
{
	const char *name = NULL, *kind = NULL;
	const struct json_field spec[] = {
	        JF_STRING("name", &name, JF_REQUIRED, 0),
	        JF_STRING("kind", &kind, JF_REQUIRED, 0),
	        JF_END,
	};
	if (json_spec_parse(c->body, spec, e))
		return e->code;
	struct org o;
	if (org_customer_create(&c->ctx, name, kind, &o, e))
		return e->code;
	json_t *j = api_org_json(&o);
	json_object_set_new(j, "modules", json_array());
	/* as GET shows a customer: with its provider, the one it was made in */
	const struct org *p = &c->access.org;
	json_object_set_new(j, "provider", json_pack("{s:s, s:s}", "id", p->id, "name", p->name));
	return http_reply_json(r, 201, j);
}
