#include "core/render.h"

static void str(struct jw *w, const char *key, const char *value)
{
	jw_key(w, key);
	jw_str(w, value);
}

static void when(struct jw *w, const char *key, int64_t ms)
{
	jw_key(w, key);
	jw_time(w, ms);
}

/* Text fields, in order: {key, value} pairs (NULL values write null). */
struct text_field {
	const char *key, *value;
};
static void texts(struct jw *w, const struct text_field *f, size_t n)
{
	for (size_t i = 0; i < n; i++)
		str(w, f[i].key, f[i].value);
}
#define TEXTS(w, ...)                                                                                                  \
	texts(w, (const struct text_field[]){__VA_ARGS__},                                                             \
	      sizeof((const struct text_field[]){__VA_ARGS__}) / sizeof(struct text_field))

void render_user_fields(struct jw *w, const struct user *u)
{
	TEXTS(w, {"id", u->id}, {"email", u->email}, {"first_name", u->first_name}, {"last_name", u->last_name},
	      {"company", u->company}, {"language", u->language}, {"state", u->state});
	when(w, "created_at", u->created_at);
	when(w, "updated_at", u->updated_at);
}

void render_account_fields(struct jw *w, const struct user *u)
{
	render_user_fields(w, u);
	jw_key(w, "is_operator");
	jw_bool(w, u->is_operator);
}

void render_org_ref_fields(struct jw *w, const struct org *o)
{
	TEXTS(w, {"id", o->id}, {"name", o->name}, {"type", o->type}, {"state", o->state});
}

void render_org_fields(struct jw *w, const struct org *o)
{
	render_org_ref_fields(w, o);
	TEXTS(w, {"kind", o->kind}, {"provider_id", o->provider_id});
	/* Stored as the JSON text of an object, written by roster itself. */
	jw_key(w, "settings");
	jw_raw(w, o->settings && *o->settings ? o->settings : "{}");
	when(w, "created_at", o->created_at);
	when(w, "updated_at", o->updated_at);
}

void render_perms(struct jw *w, permset p)
{
	jw_arr(w);
	for (int i = 0; i < PERM__COUNT; i++)
		if (p & PERMSET(i))
			jw_str(w, perm_name((perm)i));
	jw_end_arr(w);
}

void render_audit_fields(struct jw *w, const struct audit_row *row)
{
	TEXTS(w, {"id", row->id}, {"org_id", row->org_id});
	when(w, "at", row->at);
	TEXTS(w, {"actor_id", row->actor_id}, {"action", row->action}, {"target_type", row->target_type},
	      {"target_id", row->target_id}, {"request_id", row->request_id}, {"client_addr", row->client_addr});
	/* Written by audit_record() as a JSON object, or none. */
	jw_key(w, "details");
	jw_raw(w, row->details && *row->details ? row->details : "{}");
}

void render_role_fields(struct jw *w, const struct role_view *v)
{
	TEXTS(w, {"name", v->name}, {"description", v->description});
	jw_key(w, "permissions");
	render_perms(w, v->perms);
	jw_key(w, "builtin");
	jw_bool(w, v->builtin);
	when(w, "created_at", v->created_at);
	when(w, "updated_at", v->updated_at);
}
