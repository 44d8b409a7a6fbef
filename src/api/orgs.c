/* Organizations, their modules, customers and independence. */
#include "api/api.h"

#include "base/json.h"
#include "base/text.h"
#include "core/orgs.h"
#include "core/render.h"

#include <string.h>

static void add_module(const char *module, void *arg)
{
	jw_str(arg, module);
}

/* The org with its modules and provider, and, when given, the caller's
 * view of it. provider_name: when the caller knows it already (NULL: read). */
static err_code reply_org(struct request *r, const struct api_call *c, int status, const struct org *o,
                          const struct org_access *acc, const char *provider_name, struct err *e)
{
	struct jw w;
	jw_init(&w, c->ctx.arena);
	jw_obj(&w);
	render_org_fields(&w, o);
	jw_key(&w, "modules");
	jw_arr(&w);
	if (org_modules(&c->ctx, o->id, add_module, &w, e))
		return e->code;
	jw_end_arr(&w);
	if (o->provider_id) {
		if (!provider_name && org_name(&c->ctx, o->provider_id, &provider_name, e))
			return e->code;
		jw_key(&w, "provider");
		jw_obj(&w);
		jw_key(&w, "id");
		jw_str(&w, o->provider_id);
		jw_key(&w, "name");
		jw_str(&w, provider_name);
		jw_end_obj(&w);
	}
	if (acc) {
		jw_key(&w, "role");
		jw_str(&w, acc->role);
		jw_key(&w, "permissions");
		render_perms(&w, acc->perms);
	}
	jw_end_obj(&w);
	return http_reply_text(r, status, "application/json", jw_buf(&w), w.len);
}

static void list_item(const struct org *o, const char *role, void *page)
{
	struct api_page *p = page;
	if (!api_item_begin(p))
		return;
	jw_obj(&p->w);
	render_org_fields(&p->w, o);
	if (role) {
		jw_key(&p->w, "role");
		jw_str(&p->w, role);
	}
	jw_end_obj(&p->w);
	api_item_end(p, text_fold(http_arena(p->r), o->name), o->id);
}

/* The page of GET /orgs or of a provider's customers: the spec tells which. */
static err_code fill(const struct ctx *c, struct api_page *p, struct err *e)
{
	return p->q.spec == &customer_list_spec ? org_customer_list(c, &p->q, list_item, p, e)
	                                        : org_list(c, &p->q, list_item, p, e);
}

err_code api_orgs_list(struct request *r, struct api_call *c, struct err *e)
{
	return api_list(r, c, &org_list_spec, fill, e);
}

err_code api_orgs_create(struct request *r, struct api_call *c, struct err *e)
{
	const char *name = NULL, *type = NULL;
	json_t *admin = NULL;
	struct json_strings modules = {0};
	if (api_body(c, e, JF_STRING("name", &name, JF_REQUIRED, 0), JF_STRING("type", &type, JF_REQUIRED, 0),
	             JF_OBJECT("admin", &admin, JF_REQUIRED), JF_STRINGS("modules", &modules, JF_OPTIONAL, 16)))
		return e->code;
	struct org_new n = {.name = name, .type = type, .modules = modules.items};
	const struct json_field admin_spec[] = {
	        JF_STRING("email", &n.admin.email, JF_REQUIRED, LIMIT_EMAIL_BYTES),
	        JF_STRING("first_name", &n.admin.first_name, JF_OPTIONAL, 0),
	        JF_STRING("last_name", &n.admin.last_name, JF_OPTIONAL, 0),
	        JF_STRING("company", &n.admin.company, JF_OPTIONAL, 0),
	        JF_STRING("language", &n.admin.language, JF_OPTIONAL, 0),
	        JF_END,
	};
	if (json_spec_parse(c->ctx.arena, admin, admin_spec, e)) {
		e->field = e->field ? arena_printf(c->ctx.arena, "admin.%s", e->field) : "admin";
		return e->code;
	}
	struct org o;
	struct user admin_user;
	if (org_create(&c->ctx, &n, &o, &admin_user, e))
		return e->code;
	struct jw w;
	jw_init(&w, c->ctx.arena);
	jw_obj(&w);
	render_org_fields(&w, &o);
	jw_key(&w, "modules"); /* as stored: each module once */
	jw_arr(&w);
	if (org_modules(&c->ctx, o.id, add_module, &w, e))
		return e->code;
	jw_end_arr(&w);
	jw_key(&w, "admin");
	jw_obj(&w);
	render_account_fields(&w, &admin_user);
	jw_end_obj(&w);
	jw_end_obj(&w);
	return http_reply_text(r, 201, "application/json", jw_buf(&w), w.len);
}

err_code api_org_get(struct request *r, struct api_call *c, struct err *e)
{
	const struct org_access *acc = (&c->access);
	return reply_org(r, c, 200, &acc->org, acc, NULL, e);
}

err_code api_org_patch(struct request *r, struct api_call *c, struct err *e)
{
	const char *name = NULL;
	json_t *settings = NULL;
	if (api_body(c, e, JF_STRING("name", &name, JF_OPTIONAL, 0), JF_OBJECT("settings", &settings, JF_OPTIONAL)))
		return e->code;
	if (settings && json_has_nul(settings))
		return err_set(e, E_INVALID, "settings", "The settings must not contain NUL characters.");
	const char *settings_text = settings ? json_dump_arena(c->ctx.arena, settings, NULL) : NULL;
	if (settings_text && strlen(settings_text) > LIMIT_SETTINGS_BYTES)
		return err_set(e, E_TOO_LONG, "settings", "The settings are larger than 16 KiB.");
	struct org o;
	if (org_update(&c->ctx, name, settings_text, &o, e))
		return e->code;
	return reply_org(r, c, 200, &o, (&c->access), NULL, e);
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
	return reply_org(r, c, 200, &c->access.org, NULL, NULL, e);
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
	return reply_org(r, c, 200, &o, NULL, NULL, e);
}

err_code api_customers_list(struct request *r, struct api_call *c, struct err *e)
{
	return api_list(r, c, &customer_list_spec, fill, e);
}

err_code api_customers_create(struct request *r, struct api_call *c, struct err *e)
{
	const char *name = NULL, *kind = NULL;
	if (api_body(c, e, JF_STRING("name", &name, JF_REQUIRED, 0), JF_STRING("kind", &kind, JF_REQUIRED, 0)))
		return e->code;
	struct org o;
	if (org_customer_create(&c->ctx, name, kind, &o, e))
		return e->code;
	/* as GET shows a customer: with its provider, the one it was made in */
	return reply_org(r, c, 201, &o, NULL, c->access.org.name, e);
}
