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

void render_user_fields(struct jw *w, const struct user *u)
{
	str(w, "id", u->id);
	str(w, "email", u->email);
	str(w, "first_name", u->first_name);
	str(w, "last_name", u->last_name);
	str(w, "company", u->company);
	str(w, "language", u->language);
	str(w, "state", u->state);
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
	str(w, "id", o->id);
	str(w, "name", o->name);
	str(w, "type", o->type);
	str(w, "state", o->state);
}

void render_org_fields(struct jw *w, const struct org *o)
{
	render_org_ref_fields(w, o);
	str(w, "kind", o->kind);
	str(w, "provider_id", o->provider_id);
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
	str(w, "id", row->id);
	str(w, "org_id", row->org_id);
	when(w, "at", row->at);
	str(w, "actor_id", row->actor_id);
	str(w, "action", row->action);
	str(w, "target_type", row->target_type);
	str(w, "target_id", row->target_id);
	str(w, "request_id", row->request_id);
	str(w, "client_addr", row->client_addr);
	/* Written by audit_record() as a JSON object, or none. */
	jw_key(w, "details");
	jw_raw(w, row->details && *row->details ? row->details : "{}");
}

void render_role_fields(struct jw *w, const struct role_view *v)
{
	str(w, "name", v->name);
	str(w, "description", v->description);
	jw_key(w, "permissions");
	render_perms(w, v->perms);
	jw_key(w, "builtin");
	jw_bool(w, v->builtin);
	when(w, "created_at", v->created_at);
	when(w, "updated_at", v->updated_at);
}
