/* License pools and their seats. */
#include "api/api.h"

#include "base/clock.h"
#include "base/json.h"
#include "core/licenses.h"
#include "core/render.h"

#include <stdio.h>
#include <string.h>

static err_code reply_pool(struct request *r, struct api_call *c, int status, const struct license_pool *p)
{
	struct jw w;
	jw_init(&w, c->ctx.arena);
	jw_obj(&w);
	render_license_fields(&w, p, clock_now_ms());
	jw_end_obj(&w);
	const char *body = jw_buf(&w);
	return http_reply_text(r, status, "application/json", body, strlen(body));
}

/* An optional RFC 3339 time of the body: 0 when absent. */
static err_code body_time(const char *field, const char *s, int64_t *out, struct err *e)
{
	*out = 0;
	if (!s)
		return E_OK;
	if (!clock_parse_rfc3339(s, out))
		return err_set(e, E_INVALID, field, "The %s must be an RFC 3339 time.", field);
	return license_check_time(field, *out, e);
}

static err_code int_range(const char *field, const struct json_int *v, int64_t lo, int64_t hi, struct err *e)
{
	if (v->set && (v->value < lo || v->value > hi))
		return err_set(e, E_INVALID, field, "The %s must be between %lld and %lld.", field, (long long)lo,
		               (long long)hi);
	return E_OK;
}

err_code api_licenses_create(struct request *r, struct api_call *c, struct err *e)
{
	struct license_new n = {.max_transfers_per_month = -1};
	const char *starts = NULL, *ends = NULL;
	struct json_int seats = {0}, offline = {0}, transfers = {0};
	struct json_bool auto_assign = {0};
	/* max_transfers_per_month: null is unlimited, as when it is left out. */
	json_t *mt = json_object_get(c->body, "max_transfers_per_month");
	if (mt && json_is_null(mt))
		json_object_del(c->body, "max_transfers_per_month");
	if (api_body(c, e, JF_STRING("product", &n.product, JF_REQUIRED, 0), JF_STRING("plan", &n.plan, JF_OPTIONAL, 0),
	             JF_INT("seats", &seats, JF_REQUIRED), JF_STRING("unit", &n.unit, JF_REQUIRED, 16),
	             JF_STRING("starts_at", &starts, JF_OPTIONAL, 64), JF_STRING("ends_at", &ends, JF_OPTIONAL, 64),
	             JF_STRING("state", &n.state, JF_OPTIONAL, 16), JF_BOOL("auto_assign", &auto_assign, JF_OPTIONAL),
	             JF_INT("offline_days", &offline, JF_OPTIONAL),
	             JF_INT("max_transfers_per_month", &transfers, JF_OPTIONAL)))
		return e->code;
	if (int_range("seats", &seats, 0, LICENSE_SEATS_MAX, e) ||
	    int_range("offline_days", &offline, 1, LICENSE_OFFLINE_DAYS_MAX, e) ||
	    int_range("max_transfers_per_month", &transfers, 0, 100000, e) ||
	    body_time("starts_at", starts, &n.starts_at, e) || body_time("ends_at", ends, &n.ends_at, e))
		return e->code;
	n.seats = seats.value;
	n.auto_assign = auto_assign.set && auto_assign.value;
	n.offline_days = offline.set ? (int)offline.value : 0;
	if (transfers.set)
		n.max_transfers_per_month = (int)transfers.value;
	struct license_pool p;
	if (license_grant(&c->ctx, &n, &p, e))
		return e->code;
	return reply_pool(r, c, 201, &p);
}

static void pool_item(const struct license_pool *p, void *arg)
{
	struct jw *w = arg;
	jw_obj(w);
	render_license_fields(w, p, clock_now_ms());
	jw_end_obj(w);
}

/* Every pool at once: an organization has a few. */
err_code api_licenses_list(struct request *r, struct api_call *c, struct err *e)
{
	struct jw w;
	jw_init(&w, c->ctx.arena);
	jw_obj(&w);
	jw_key(&w, "items");
	jw_arr(&w);
	if (license_list(&c->ctx, pool_item, &w, e))
		return e->code;
	jw_end_arr(&w);
	jw_key(&w, "next_cursor");
	jw_null(&w);
	jw_end_obj(&w);
	const char *body = jw_buf(&w);
	return http_reply_text(r, 200, "application/json", body, strlen(body));
}

err_code api_license_get(struct request *r, struct api_call *c, struct err *e)
{
	struct license_pool p;
	if (license_get(&c->ctx, http_param(r, "lic"), &p, e))
		return e->code;
	return reply_pool(r, c, 200, &p);
}

err_code api_license_patch(struct request *r, struct api_call *c, struct err *e)
{
	struct license_change ch = {0};
	struct json_int seats = {0}, transfers = {0};
	struct json_bool auto_assign = {0};
	const char *ends = NULL, *reduce = NULL;
	bool unlimited = false;
	/* max_transfers_per_month: a number, or null for unlimited. */
	json_t *mt = json_object_get(c->body, "max_transfers_per_month");
	if (mt && json_is_null(mt)) {
		unlimited = true;
		json_object_del(c->body, "max_transfers_per_month");
	}
	if (api_body(c, e, JF_INT("seats", &seats, JF_OPTIONAL), JF_STRING("state", &ch.state, JF_OPTIONAL, 16),
	             JF_BOOL("auto_assign", &auto_assign, JF_OPTIONAL), JF_STRING("ends_at", &ends, JF_OPTIONAL, 64),
	             JF_STRING("reduce", &reduce, JF_OPTIONAL, 32),
	             JF_INT("max_transfers_per_month", &transfers, JF_OPTIONAL)))
		return e->code;
	if (int_range("max_transfers_per_month", &transfers, 0, 100000, e))
		return e->code;
	ch.set_max_transfers = unlimited || transfers.set;
	ch.max_transfers_per_month = unlimited ? -1 : (int)transfers.value;
	if (reduce && strcmp(reduce, "newest_first"))
		return err_set(e, E_INVALID, "reduce", "The only way to reduce is newest_first.");
	ch.reduce_newest = reduce != NULL;
	if (int_range("seats", &seats, 0, LICENSE_SEATS_MAX, e) || body_time("ends_at", ends, &ch.ends_at, e))
		return e->code;
	ch.set_seats = seats.set;
	ch.seats = seats.value;
	ch.set_state = ch.state != NULL;
	ch.set_auto_assign = auto_assign.set;
	ch.auto_assign = auto_assign.value;
	ch.set_ends_at = ends != NULL;
	struct license_pool p;
	struct seats_taken taken = {0};
	if (license_update(&c->ctx, http_param(r, "lic"), &ch, &p, &taken, e))
		return e->code;
	struct jw w;
	jw_init(&w, c->ctx.arena);
	jw_obj(&w);
	render_license_fields(&w, &p, clock_now_ms());
	jw_key(&w, "taken_back");
	jw_arr(&w);
	for (int i = 0; i < taken.n; i++) {
		jw_obj(&w);
		render_seat_fields(&w, &taken.rows[i]);
		jw_end_obj(&w);
	}
	jw_end_arr(&w);
	jw_end_obj(&w);
	const char *body = jw_buf(&w);
	return http_reply_text(r, 200, "application/json", body, strlen(body));
}

/* ---- seats ---- */

static void seat_item(const struct seat_row *s, void *page)
{
	struct api_page *p = page;
	if (!api_item_begin(p))
		return;
	jw_obj(&p->w);
	render_seat_fields(&p->w, s);
	jw_end_obj(&p->w);
	char key[24];
	snprintf(key, sizeof key, "%lld", (long long)s->assigned_at);
	api_item_end(p, key, s->holder_id);
}

static err_code seats_fill(const struct ctx *c, struct api_page *p, struct err *e)
{
	return seat_list(c, http_param(p->r, "lic"), &p->q, seat_item, p, e);
}

err_code api_seats_list(struct request *r, struct api_call *c, struct err *e)
{
	return api_list(r, c, &seat_list_spec, seats_fill, e);
}

err_code api_seats_assign(struct request *r, struct api_call *c, struct err *e)
{
	const char *user_id = NULL, *device_id = NULL;
	if (api_body(c, e, JF_STRING("user_id", &user_id, JF_OPTIONAL, 200),
	             JF_STRING("device_id", &device_id, JF_OPTIONAL, 200)))
		return e->code;
	if (!user_id == !device_id)
		return err_set(e, user_id ? E_INVALID : E_MISSING_FIELD, "user_id",
		               "Name the user_id (a per-user pool) or the device_id (a per-device pool), one of them.");
	if (user_id ? seat_assign(&c->ctx, http_param(r, "lic"), user_id, e)
	            : seat_assign_device(&c->ctx, http_param(r, "lic"), device_id, e))
		return e->code;
	struct license_pool p;
	if (license_get(&c->ctx, http_param(r, "lic"), &p, e))
		return e->code;
	return reply_pool(r, c, 201, &p);
}

err_code api_seat_delete(struct request *r, struct api_call *c, struct err *e)
{
	if (seat_remove(&c->ctx, http_param(r, "lic"), http_param(r, "holder"), e))
		return e->code;
	return http_reply_empty(r, 204);
}

err_code api_seats_remove(struct request *r, struct api_call *c, struct err *e)
{
	struct json_strings ids = {0};
	if (api_body(c, e, JF_STRINGS("ids", &ids, JF_REQUIRED, LIMIT_BULK_IDS)))
		return e->code;
	err_code *results = arena_alloc(c->ctx.arena, (size_t)(ids.n + 1) * sizeof *results);
	if (seat_remove_bulk(&c->ctx, http_param(r, "lic"), ids.items, ids.n, results, e))
		return e->code;
	json_t *items = json_array();
	int removed = 0;
	for (int i = 0; i < ids.n; i++) {
		removed += results[i] == E_OK;
		json_array_append_new(items, json_pack("{s:s, s:s}", "id", ids.items[i], "result",
		                                       results[i] == E_OK ? "removed" : err_name(results[i])));
	}
	return http_reply_json(
	        r, 200, json_pack("{s:o, s:i, s:i}", "items", items, "removed", removed, "refused", ids.n - removed));
}

err_code api_seats_move(struct request *r, struct api_call *c, struct err *e)
{
	const char *from = NULL, *to = NULL;
	if (api_body(c, e, JF_STRING("from", &from, JF_REQUIRED, 200), JF_STRING("to", &to, JF_REQUIRED, 200)))
		return e->code;
	if (seat_move(&c->ctx, http_param(r, "lic"), from, to, e))
		return e->code;
	struct license_pool p;
	if (license_get(&c->ctx, http_param(r, "lic"), &p, e))
		return e->code;
	return reply_pool(r, c, 200, &p);
}

/* ---- the waiting list ---- */

static void waiting_item(const struct seat_row *s, void *page)
{
	struct api_page *p = page;
	if (!api_item_begin(p))
		return;
	jw_obj(&p->w);
	render_waiting_fields(&p->w, s);
	jw_end_obj(&p->w);
	char key[24];
	snprintf(key, sizeof key, "%lld", (long long)s->assigned_at);
	api_item_end(p, key, s->holder_id);
}

static err_code waiting_fill(const struct ctx *c, struct api_page *p, struct err *e)
{
	return waiting_list(c, http_param(p->r, "lic"), &p->q, waiting_item, p, e);
}

err_code api_waiting_list(struct request *r, struct api_call *c, struct err *e)
{
	return api_list(r, c, &waiting_list_spec, waiting_fill, e);
}

err_code api_waiting_delete(struct request *r, struct api_call *c, struct err *e)
{
	if (waiting_remove(&c->ctx, http_param(r, "lic"), http_param(r, "holder"), e))
		return e->code;
	return http_reply_empty(r, 204);
}
