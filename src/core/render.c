#include "core/render.h"

#include <string.h>

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

void render_license_fields(struct jw *w, const struct license_pool *p, int64_t now)
{
	jw_key(w, "id");
	jw_str(w, p->id);
	jw_key(w, "org_id");
	jw_str(w, p->org_id);
	jw_key(w, "product");
	jw_str(w, p->product);
	jw_key(w, "plan");
	jw_str(w, p->plan);
	jw_key(w, "unit");
	jw_str(w, p->unit);
	jw_key(w, "state");
	jw_str(w, license_state_name(license_effective_state(p, now)));
	jw_key(w, "seats");
	jw_int(w, p->seats);
	jw_key(w, "used");
	jw_int(w, p->used);
	jw_key(w, "reserved");
	jw_int(w, p->reserved);
	jw_key(w, "free");
	jw_int(w, p->seats - p->used - p->reserved);
	jw_key(w, "waiting");
	jw_int(w, p->waiting);
	jw_key(w, "auto_assign");
	jw_bool(w, p->auto_assign);
	jw_key(w, "starts_at");
	jw_time(w, p->starts_at);
	jw_key(w, "ends_at");
	jw_time(w, p->ends_at);
	jw_key(w, "days_left");
	jw_int(w, license_days_left(p, now));
	jw_key(w, "offline_days");
	jw_int(w, p->offline_days);
	jw_key(w, "max_transfers_per_month");
	if (p->max_transfers_per_month < 0)
		jw_null(w);
	else
		jw_int(w, p->max_transfers_per_month);
	jw_key(w, "created_at");
	jw_time(w, p->created_at);
	jw_key(w, "updated_at");
	jw_time(w, p->updated_at);
}

/* The device of a seat or a place on a waiting list: {id, code, name}, or null. */
static void device_ref(struct jw *w, const struct seat_row *s)
{
	jw_key(w, "device");
	if (!s->device_id) {
		jw_null(w);
		return;
	}
	jw_obj(w);
	jw_key(w, "id");
	jw_str(w, s->device_id);
	jw_key(w, "code");
	jw_str(w, s->device_code);
	jw_key(w, "name");
	jw_str(w, s->device_name ? s->device_name : "");
	jw_end_obj(w);
}

void render_seat_fields(struct jw *w, const struct seat_row *s)
{
	jw_key(w, "holder_id");
	jw_str(w, s->holder_id);
	jw_key(w, "user_id");
	jw_str(w, s->user_id);
	jw_key(w, "email");
	jw_str(w, s->email);
	jw_key(w, "first_name");
	jw_str(w, s->first_name ? s->first_name : "");
	jw_key(w, "last_name");
	jw_str(w, s->last_name ? s->last_name : "");
	jw_key(w, "device_id");
	jw_str(w, s->device_id);
	device_ref(w, s);
	jw_key(w, "source");
	jw_str(w, s->source);
	jw_key(w, "assigned_by");
	jw_str(w, s->assigned_by);
	jw_key(w, "assigned_at");
	jw_time(w, s->assigned_at);
}

void render_waiting_fields(struct jw *w, const struct seat_row *s)
{
	jw_key(w, "holder_id");
	jw_str(w, s->holder_id);
	jw_key(w, "user_id");
	jw_str(w, s->user_id);
	jw_key(w, "email");
	jw_str(w, s->email);
	jw_key(w, "first_name");
	jw_str(w, s->first_name ? s->first_name : "");
	jw_key(w, "last_name");
	jw_str(w, s->last_name ? s->last_name : "");
	jw_key(w, "device_id");
	jw_str(w, s->device_id);
	device_ref(w, s);
	jw_key(w, "joined_at");
	jw_time(w, s->assigned_at);
}

void render_device_fields(struct jw *w, const struct device *d)
{
	jw_key(w, "id");
	jw_str(w, d->id);
	jw_key(w, "org_id");
	jw_str(w, d->org_id);
	jw_key(w, "code");
	jw_str(w, d->code);
	jw_key(w, "name");
	jw_str(w, d->name);
	jw_key(w, "platform");
	jw_str(w, d->platform);
	jw_key(w, "state");
	jw_str(w, d->state);
	jw_key(w, "user");
	if (d->user_id) {
		jw_obj(w);
		jw_key(w, "id");
		jw_str(w, d->user_id);
		jw_key(w, "email");
		jw_str(w, d->email);
		jw_key(w, "first_name");
		jw_str(w, d->first_name ? d->first_name : "");
		jw_key(w, "last_name");
		jw_str(w, d->last_name ? d->last_name : "");
		jw_end_obj(w);
	} else {
		jw_null(w);
	}
	jw_key(w, "status");
	jw_str(w, strcmp(d->state, "active") ? "unlicensed" : d->status);
	jw_key(w, "license");
	if (d->license_id && !strcmp(d->state, "active")) {
		jw_obj(w);
		jw_key(w, "id");
		jw_str(w, d->license_id);
		jw_key(w, "product");
		jw_str(w, d->license_product);
		jw_end_obj(w);
	} else {
		jw_null(w);
	}
	jw_key(w, "activated_at");
	jw_time(w, d->activated_at);
	jw_key(w, "last_seen_at");
	jw_time(w, d->last_seen_at);
	jw_key(w, "deactivated_at");
	jw_time(w, d->deactivated_at);
}

void render_certificate_fields(struct jw *w, const char *format, const char *key_id, const char *payload,
                               const char *signature)
{
	jw_key(w, "format");
	jw_str(w, format);
	jw_key(w, "key_id");
	jw_str(w, key_id);
	jw_key(w, "payload");
	jw_str(w, payload);
	jw_key(w, "signature");
	jw_str(w, signature);
}
