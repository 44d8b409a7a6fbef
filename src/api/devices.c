/* Devices: the app's activation and license check, the public key of
 * offline certificates, and the organization's Devices / Licenses list. */
#include "api/api.h"

#include "base/clock.h"
#include "base/json.h"
#include "core/devices.h"
#include "core/licenses.h"
#include "core/render.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

static const char *reply_body(struct jw *w)
{
	jw_end_obj(w);
	return jw_buf(w);
}

/* {licensed, license, device, user, certificate}: what an app is told. */
static void write_status(struct jw *w, const struct device_status *s)
{
	int64_t now = clock_now_ms();
	jw_key(w, "licensed");
	jw_bool(w, s->licensed);
	jw_key(w, "license");
	if (s->has_license) {
		const struct license_pool *p = &s->license;
		jw_obj(w);
		jw_key(w, "id");
		jw_str(w, p->id);
		jw_key(w, "product");
		jw_str(w, p->product);
		jw_key(w, "plan");
		jw_str(w, p->plan);
		jw_key(w, "unit");
		jw_str(w, p->unit);
		jw_key(w, "state");
		jw_str(w, license_state_name(license_effective_state(p, now)));
		jw_key(w, "ends_at");
		jw_time(w, p->ends_at);
		jw_end_obj(w);
	} else {
		jw_null(w);
	}
	jw_key(w, "device");
	jw_obj(w);
	render_device_fields(w, &s->device);
	jw_end_obj(w);
	jw_key(w, "user");
	jw_obj(w);
	jw_key(w, "id");
	jw_str(w, s->device.user_id);
	jw_key(w, "email");
	jw_str(w, s->device.email);
	jw_end_obj(w);
	jw_key(w, "certificate");
	if (s->has_certificate) {
		const struct certificate *c = &s->certificate;
		jw_obj(w);
		render_certificate_fields(w, CERT_FORMAT, c->key_id, c->payload, c->signature);
		jw_end_obj(w);
	} else {
		jw_null(w);
	}
}

static err_code reply_org_required(struct request *r, const struct org_choices *ch, const struct err *e)
{
	json_t *orgs = json_array();
	for (int i = 0; i < ch->n; i++)
		json_array_append_new(orgs, json_pack("{s:s, s:s}", "id", ch->v[i].id, "name", ch->v[i].name));
	json_t *inner =
	        json_pack("{s:s, s:s, s:s}", "code", err_name(e->code), "message", err_message(e), "field", "org");
	return http_reply_json(r, 409, json_pack("{s:o, s:o}", "error", inner, "orgs", orgs));
}

err_code api_devices_activate(struct request *r, struct api_call *c, struct err *e)
{
	struct device_activation in = {0};
	if (api_body(c, e, JF_STRING("email", &in.email, JF_REQUIRED, LIMIT_EMAIL_BYTES),
	             JF_STRING("password", &in.password, JF_REQUIRED, 0),
	             JF_STRING("device_code", &in.code, JF_REQUIRED, 0), JF_STRING("name", &in.name, JF_OPTIONAL, 0),
	             JF_STRING("platform", &in.platform, JF_OPTIONAL, 0), JF_STRING("org", &in.org, JF_OPTIONAL, 0)))
		return e->code;
	char token[TOKEN_LEN + 1];
	bool created = false;
	struct device_status s;
	struct org_choices choices;
	err_code rc = device_activate(&c->ctx, &in, token, &created, &s, &choices, e);
	if (rc == E_ORG_REQUIRED)
		return reply_org_required(r, &choices, e);
	if (rc)
		return rc;
	struct jw w;
	jw_init(&w, c->ctx.arena);
	jw_obj(&w);
	jw_key(&w, "token");
	jw_str(&w, token);
	write_status(&w, &s);
	const char *body = reply_body(&w);
	return http_reply_text(r, created ? 201 : 200, "application/json", body, strlen(body));
}

/* The device token comes as a bearer token only: a browser never holds one. */
err_code api_device_license(struct request *r, struct api_call *c, struct err *e)
{
	const char *h = http_header(r, "Authorization");
	const char *token = NULL;
	if (h && !strncasecmp(h, "Bearer ", 7)) {
		token = h + 7;
		while (*token == ' ')
			token++;
	}
	struct device_status s;
	if (device_license(&c->ctx, token, http_query(r, "product"), &s, e))
		return e->code;
	struct jw w;
	jw_init(&w, c->ctx.arena);
	jw_obj(&w);
	write_status(&w, &s);
	const char *body = reply_body(&w);
	return http_reply_text(r, 200, "application/json", body, strlen(body));
}

static void key_item(const struct published_key *k, void *arg)
{
	struct jw *w = arg;
	jw_obj(w);
	jw_key(w, "id");
	jw_str(w, k->id);
	jw_key(w, "public_key");
	jw_str(w, k->public_key);
	jw_key(w, "created_at");
	jw_time(w, k->created_at);
	jw_key(w, "retired_at");
	jw_time(w, k->retired_at);
	jw_end_obj(w);
}

err_code api_license_key(struct request *r, struct api_call *c, struct err *e)
{
	struct jw w;
	const char *current = NULL;
	jw_init(&w, c->ctx.arena);
	jw_obj(&w);
	jw_key(&w, "algorithm");
	jw_str(&w, "Ed25519");
	jw_key(&w, "keys");
	jw_arr(&w);
	if (license_keys_published(&c->ctx, &current, key_item, &w, e))
		return e->code;
	jw_end_arr(&w);
	jw_key(&w, "current");
	jw_str(&w, current);
	const char *body = reply_body(&w);
	return http_reply_text(r, 200, "application/json", body, strlen(body));
}

/* ---- the organization's devices ---- */

static void device_item(const struct device *d, void *page)
{
	struct api_page *p = page;
	if (!api_item_begin(p))
		return;
	jw_obj(&p->w);
	render_device_fields(&p->w, d);
	jw_end_obj(&p->w);
	char key[24];
	const char *sort = p->q.spec->sorts[p->q.sort].name;
	if (!strcmp(sort, "code"))
		api_item_end(p, d->code_key, d->id);
	else {
		snprintf(key, sizeof key, "%lld",
		         (long long)(!strcmp(sort, "last_seen_at") ? d->last_seen_at : d->activated_at));
		api_item_end(p, key, d->id);
	}
}

static err_code devices_fill(const struct ctx *c, struct api_page *p, struct err *e)
{
	return device_list(c, &p->q, device_item, p, e);
}

err_code api_devices_list(struct request *r, struct api_call *c, struct err *e)
{
	return api_list(r, c, &device_list_spec, devices_fill, e);
}

static err_code reply_device(struct request *r, struct api_call *c, int status, const char *id, struct err *e)
{
	struct device d;
	if (device_get(&c->ctx, id, &d, e))
		return e->code;
	struct jw w;
	jw_init(&w, c->ctx.arena);
	jw_obj(&w);
	render_device_fields(&w, &d);
	const char *body = reply_body(&w);
	return http_reply_text(r, status, "application/json", body, strlen(body));
}

err_code api_device_get(struct request *r, struct api_call *c, struct err *e)
{
	return reply_device(r, c, 200, http_param(r, "dev"), e);
}

err_code api_device_delete(struct request *r, struct api_call *c, struct err *e)
{
	if (device_deactivate(&c->ctx, http_param(r, "dev"), e))
		return e->code;
	return http_reply_empty(r, 204);
}

err_code api_device_seat_post(struct request *r, struct api_call *c, struct err *e)
{
	const char *license_id = NULL;
	if (api_body(c, e, JF_STRING("license_id", &license_id, JF_OPTIONAL, 200)))
		return e->code;
	if (device_seat_assign(&c->ctx, http_param(r, "dev"), license_id, e))
		return e->code;
	return reply_device(r, c, 201, http_param(r, "dev"), e);
}

err_code api_device_seat_delete(struct request *r, struct api_call *c, struct err *e)
{
	const char *license_id = http_query(r, "license_id");
	if (device_seat_remove(&c->ctx, http_param(r, "dev"), license_id && *license_id ? license_id : NULL, e))
		return e->code;
	return http_reply_empty(r, 204);
}
