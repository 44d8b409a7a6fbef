/* Devices: activation, the license an app asks for at every start, the
 * organization's list, deactivation and per-device seats. The states of a
 * device are drawn in devices.h; seats are core/licenses.c's. */
#include "core/devices.h"

#include "base/clock.h"
#include "base/text.h"
#include "core/accounts.h"
#include "core/audit.h"
#include "core/authz.h"
#include "core/licenses.h"
#include "core/tokens.h"
#include "store/devices.h"
#include "store/licenses.h"
#include "store/orgs.h"
#include "store/store.h"

#include <string.h>

/* The transitions, as the audit log names them. */
#define DEVICE_ACTIVATE "device.activated"
#define DEVICE_DEACTIVATE "device.deactivated"

static err_code check_text(const char *field, const char *s, bool required, size_t max, struct err *e)
{
	if (!s || !*s)
		return required ? err_set(e, E_MISSING_FIELD, field, NULL) : E_OK;
	if (!text_is_clean(s))
		return err_set(e, E_INVALID, field, "The %s must be text without control characters.", field);
	if (required && strspn(s, " \t") == strlen(s))
		return err_set(e, E_INVALID, field, "The %s must not be blank.", field);
	if (utf8_chars(s) > max)
		return err_set(e, E_TOO_LONG, field, "The %s is longer than %zu characters.", field, max);
	return E_OK;
}

/* ---- what a device is told ---- */

/* What the device is told, once its pool is known (out->license, when has_pool). */
static err_code status_with(struct db *db, struct arena *a, const struct device *d, bool has_pool, bool usable,
                            int64_t now, const char *key_id, struct device_status *out, struct err *e)
{
	out->device = *d;
	out->has_license = has_pool;
	out->licensed = has_pool && usable;
	out->has_certificate = out->licensed;
	if (!out->licensed)
		return E_OK;
	return certificate_sign(db, a, d, &out->license, now, key_id, &out->certificate, e);
}

static err_code status_of(struct db *db, struct arena *a, const struct device *d, const char *product, int64_t now,
                          const char *key_id, struct device_status *out, struct err *e)
{
	bool usable = false;
	err_code rc = store_device_pool(db, a, d, product, now, &out->license, &usable, e);
	if (rc && rc != E_NOT_FOUND)
		return rc;
	err_clear(e);
	return status_with(db, a, d, rc == E_OK, usable, now, key_id, out, e);
}

/* ---- activation ---- */

struct org_collect {
	struct arena *a;
	struct org_choices *out;
	int cap;
};

static void collect_org(const struct org *o, const char *role, void *arg)
{
	struct org_collect *x = arg;
	(void)role;
	if (strcmp(o->state, "active"))
		return;
	if (x->out->n == x->cap) {
		int cap = x->cap ? 2 * x->cap : 8;
		struct org_choice *v = arena_alloc(x->a, (size_t)cap * sizeof *v);
		if (x->out->n)
			memcpy(v, x->out->v, (size_t)x->out->n * sizeof *v);
		x->out->v = v;
		x->cap = cap;
	}
	x->out->v[x->out->n++] = (struct org_choice){o->id, o->name};
}

struct orgs_arg {
	const char *user_id;
	struct org_collect collect;
};

static err_code orgs_tx(struct db *db, void *arg, struct err *e)
{
	struct orgs_arg *x = arg;
	x->collect.out->n = 0;
	return store_orgs_of_user(db, x->collect.a, x->user_id, collect_org, &x->collect, e);
}

struct activate_arg {
	const struct ctx *c;
	const struct device_activation *in;
	char *token;
	bool created;
	struct device_status *out;
};

static err_code activate_tx(struct db *db, void *arg, struct err *e)
{
	struct activate_arg *x = arg;
	const struct ctx *c = x->c;
	struct arena *a = c->arena;
	const struct device_activation *in = x->in;
	const char *user_id = c->who->user.id;
	struct org_access acc;
	struct device d;
	int64_t now = clock_now_ms();
	const char *name_key = in->name ? text_fold(a, in->name) : NULL;
	x->created = false;
	if (authz_org_recheck(db, c, &acc, e))
		return e->code;
	err_code rc = store_device_by_code(db, a, acc.org.id, in->code, now, &d, e);
	if (rc == E_NOT_FOUND) {
		err_clear(e);
		char id[ID_MAX];
		id_new("dev", id);
		d = (struct device){.id = arena_strdup(a, id),
		                    .org_id = acc.org.id,
		                    .code = in->code,
		                    .name = in->name ? in->name : "",
		                    .platform = in->platform ? in->platform : "",
		                    .user_id = user_id,
		                    .created_at = now};
		if (store_device_insert(db, &d, text_fold(a, in->code), name_key ? name_key : "", e))
			return e->code;
		x->created = true;
	} else if (rc || store_device_rebind(db, &d, user_id, in->name, name_key, in->platform, now, e)) {
		return e->code;
	}
	/* The token before stops working: one app holds a device's token. */
	if (token_revoke(db, TOKEN_DEVICE, d.id, e) ||
	    token_issue(db, TOKEN_DEVICE, d.id, DEVICE_TOKEN_TTL_MS, x->token, e) ||
	    license_device_joined(db, c, &acc, d.id, user_id, e) ||
	    audit_record(db, c, acc.org.id, DEVICE_ACTIVATE, "device", d.id,
	                 AUDIT_DETAILS(A_STR("code", in->code), A_STR("user_id", user_id), A_BOOL("new", x->created)),
	                 e))
		return e->code;
	if (store_device_get(db, a, acc.org.id, d.id, now, &d, e))
		return e->code;
	return status_of(db, a, &d, NULL, now, NULL, x->out, e);
}

err_code device_activate(const struct ctx *c, const struct device_activation *in, char token[TOKEN_LEN + 1],
                         bool *created, struct device_status *out, struct org_choices *choices, struct err *e)
{
	*choices = (struct org_choices){0};
	/* The input first: a malformed request costs no password check. */
	if (check_text("device_code", in->code, true, DEVICE_CODE_MAX, e) ||
	    check_text("name", in->name, false, DEVICE_NAME_MAX, e) ||
	    check_text("platform", in->platform, false, DEVICE_PLATFORM_MAX, e) ||
	    check_text("org", in->org, false, ID_MAX, e))
		return e->code;
	struct user u;
	if (account_verify(c, in->email, in->password, &u, e))
		return e->code;
	struct orgs_arg o = {.user_id = u.id, .collect = {.a = c->arena, .out = choices}};
	if (store_read(c->app->store, orgs_tx, &o, e))
		return e->code;
	const char *org_id = NULL;
	for (int i = 0; in->org && i < choices->n; i++)
		if (!strcmp(choices->v[i].id, in->org))
			org_id = choices->v[i].id;
	if (in->org && !org_id)
		return err_set(e, E_NOT_FOUND, "org", "You are no member of this organization.");
	if (!in->org && choices->n == 0)
		return err_set(e, E_FORBIDDEN, NULL, "This account belongs to no open organization.");
	if (!in->org && choices->n > 1)
		return err_set(e, E_ORG_REQUIRED, "org", NULL);
	if (!org_id)
		org_id = choices->v[0].id;
	/* From here on the app acts as the person who signed in. */
	struct auth who = {.user = u};
	struct ctx as = *c;
	struct org_access acc;
	as.who = &who;
	if (authz_org(&as, org_id, PERM_NONE, 0, &acc, e))
		return e->code;
	as.access = &acc;
	struct activate_arg x = {.c = &as, .in = in, .token = token, .out = out};
	if (store_tx(c->app->store, true, activate_tx, &x, e))
		return e->code;
	*created = x.created;
	return E_OK;
}

/* ---- at every start ---- */

struct license_arg {
	const struct ctx *c;
	const char *token, *product;
	struct device_status *out;
};

static err_code license_tx(struct db *db, void *arg, struct err *e)
{
	struct license_arg *x = arg;
	struct arena *a = x->c->arena;
	struct device d;
	const char *key_id = NULL;
	int64_t now = clock_now_ms();
	char hash[TOKEN_HASH_LEN + 1];
	token_hash(x->token, hash);
	/* The token service's ISSUED device token, its device and its pool, in one read. */
	bool has_pool = false, usable = false;
	err_code rc = store_device_license(db, a, hash, x->product, now, &d, &key_id, &x->out->license, &has_pool,
	                                   &usable, e);
	if (rc == E_NOT_FOUND)
		return err_set(e, E_UNAUTHENTICATED, NULL,
		               "The device token is missing, revoked or its device deactivated.");
	if (rc || status_with(db, a, &d, has_pool, usable, now, key_id, x->out, e))
		return e->code;
	/* The device's status from what was found, as the lists compute it. */
	struct device_status *out = x->out;
	bool waits = false;
	if (!out->licensed && store_device_waits(db, &d, &waits, e))
		return e->code;
	out->device.status = out->licensed      ? "licensed"
	                     : waits            ? "waiting"
	                     : out->has_license ? "expired"
	                                        : "unlicensed";
	out->device.license_id = out->has_license ? out->license.id : NULL;
	out->device.license_product = out->has_license ? out->license.product : NULL;
	return E_OK;
}

static err_code touch_tx(struct db *db, void *arg, struct err *e)
{
	const struct device *d = arg;
	return store_device_touch(db, d->id, clock_now_ms(), DEVICE_SEEN_EVERY_MS, e);
}

err_code device_license(const struct ctx *c, const char *token, const char *product, struct device_status *out,
                        struct err *e)
{
	if (!token || strlen(token) != TOKEN_LEN)
		return err_set(e, E_UNAUTHENTICATED, NULL,
		               "The device token is missing, revoked or its device deactivated.");
	if (product && check_text("product", product, false, LICENSE_PRODUCT_MAX, e))
		return e->code;
	struct license_arg x = {c, token, product && *product ? product : NULL, out};
	if (store_read(c->app->store, license_tx, &x, e))
		return e->code;
	/* Seen: written once a minute at most, and a failure to write it
	 * does not fail the answer. */
	if (clock_now_ms() - out->device.last_seen_at >= DEVICE_SEEN_EVERY_MS) {
		struct err ignored = {0};
		store_tx(c->app->store, true, touch_tx, &out->device, &ignored);
	}
	return E_OK;
}

/* ---- the organization's devices ---- */

static const char *const status_values[] = {"licensed", "unlicensed", "waiting", "expired", NULL};
static const struct list_sort device_sorts[] = {
        {"activated_at", "d.activated_at", LIST_TIME},
        {"last_seen_at", "d.last_seen_at", LIST_TIME},
        {"code", "d.code_key", LIST_TEXT},
};
static const struct list_filter device_filters[] = {
        {"status", store_device_status_sql, LIST_TEXT, LIST_EQ, status_values},
        {"user", "d.user_id", LIST_TEXT, LIST_EQ, NULL},
};
static const char *const device_search[] = {"d.code_key", "d.name_key", "d.user_key", NULL};

const struct list_spec device_list_spec = {
        .name = "devices",
        .sorts = device_sorts,
        .nsorts = 3,
        .default_sort = 0,
        .default_desc = true,
        .filters = device_filters,
        .nfilters = 2,
        .search = device_search,
        .id_column = "d.id",
};

struct list_arg {
	const struct ctx *c;
	const char *id, *license_id;
	const struct list_query *q;
	device_cb cb;
	void *arg;
	struct device *out;
};

static err_code list_tx(struct db *db, void *arg, struct err *e)
{
	struct list_arg *x = arg;
	return store_device_list(db, x->c->arena, x->c->access->org.id, clock_now_ms(), x->q, x->cb, x->arg, e);
}

err_code device_list(const struct ctx *c, const struct list_query *q, device_cb cb, void *arg, struct err *e)
{
	struct list_arg x = {.c = c, .q = q, .cb = cb, .arg = arg};
	return store_read(c->app->store, list_tx, &x, e);
}

static err_code get_tx(struct db *db, void *arg, struct err *e)
{
	struct list_arg *x = arg;
	err_code rc = store_device_get(db, x->c->arena, x->c->access->org.id, x->id, clock_now_ms(), x->out, e);
	if (rc == E_NOT_FOUND)
		return err_set(e, E_NOT_FOUND, NULL, "There is no such device in this organization.");
	return rc;
}

err_code device_get(const struct ctx *c, const char *id, struct device *out, struct err *e)
{
	if (!id_valid("dev", id))
		return err_set(e, E_NOT_FOUND, NULL, "There is no such device in this organization.");
	struct list_arg x = {.c = c, .id = id, .out = out};
	return store_read(c->app->store, get_tx, &x, e);
}

static err_code deactivate_tx(struct db *db, void *arg, struct err *e)
{
	struct list_arg *x = arg;
	struct org_access acc;
	struct device d;
	int64_t now = clock_now_ms();
	if (authz_org_recheck(db, x->c, &acc, e))
		return e->code;
	err_code rc = store_device_get(db, x->c->arena, acc.org.id, x->id, now, &d, e);
	if (rc == E_OK && strcmp(d.state, "active"))
		rc = err_set(e, E_NOT_FOUND, NULL, NULL);
	if (rc == E_NOT_FOUND)
		return err_set(e, E_NOT_FOUND, NULL, "There is no such active device in this organization.");
	if (rc || license_device_left(db, x->c, &acc, d.id, true, e) || token_revoke(db, TOKEN_DEVICE, d.id, e) ||
	    store_device_deactivate(db, d.id, now, e))
		return e->code;
	return audit_record(db, x->c, acc.org.id, DEVICE_DEACTIVATE, "device", d.id,
	                    AUDIT_DETAILS(A_STR("code", d.code), A_STR("user_id", d.user_id)), e);
}

err_code device_deactivate(const struct ctx *c, const char *id, struct err *e)
{
	if (!id_valid("dev", id))
		return err_set(e, E_NOT_FOUND, NULL, "There is no such active device in this organization.");
	struct list_arg x = {.c = c, .id = id};
	return store_tx(c->app->store, true, deactivate_tx, &x, e);
}

/* ---- per-device seats ---- */

struct pick {
	const char *id;
	int n;
	const char *unit; /* count the pools of this unit */
};

static void pick_pool(const struct license_pool *p, void *arg)
{
	struct pick *x = arg;
	if (!strcmp(p->unit, x->unit)) {
		x->id = p->id;
		x->n++;
	}
}

static void pick_id(const char *id, void *arg)
{
	struct pick *x = arg;
	x->id = id;
	x->n++;
}

struct seat_pick_arg {
	const struct ctx *c;
	const char *device_id;
	bool held; /* the pools it holds a seat of, else the per-device pools */
	struct pick *pick;
};

static err_code pick_tx(struct db *db, void *arg, struct err *e)
{
	struct seat_pick_arg *x = arg;
	x->pick->n = 0;
	x->pick->id = NULL;
	if (x->held)
		return store_device_seat_pools(db, x->c->arena, x->device_id, pick_id, x->pick, e);
	return store_license_list(db, x->c->arena, x->c->access->org.id, pick_pool, x->pick, e);
}

/* The pool meant: license_id, or the only one there is. */
static err_code seat_pool(const struct ctx *c, const char *device_id, const char *license_id, bool held,
                          const char **out, struct err *e)
{
	struct device d;
	if (device_get(c, device_id, &d, e))
		return e->code;
	if (license_id) {
		*out = license_id;
		return E_OK;
	}
	struct pick p = {.unit = "device"};
	struct seat_pick_arg x = {c, device_id, held, &p};
	if (store_read(c->app->store, pick_tx, &x, e))
		return e->code;
	if (p.n == 1) {
		*out = p.id;
		return E_OK;
	}
	if (held && p.n == 0)
		return err_set(e, E_NOT_FOUND, NULL, "This device holds no seat.");
	/* DELETE names it in the query, POST in the body. */
	return err_set(e, held ? E_BAD_REQUEST : E_MISSING_FIELD, "license_id",
	               held  ? "This device holds seats of several pools: name the license_id."
	               : p.n ? "The organization has several per-device pools: name the license_id."
	                     : "The organization has no per-device pool.");
}

err_code device_seat_assign(const struct ctx *c, const char *id, const char *license_id, struct err *e)
{
	const char *pool;
	if (seat_pool(c, id, license_id, false, &pool, e))
		return e->code;
	err_code rc = seat_assign_device(c, pool, id, e);
	/* The device is the path's, not a field of the body. */
	if (rc == E_INVALID && e->field && !strcmp(e->field, "device_id"))
		e->field = "license_id";
	else if (e->field && !strcmp(e->field, "device_id"))
		e->field = NULL;
	return rc;
}

err_code device_seat_remove(const struct ctx *c, const char *id, const char *license_id, struct err *e)
{
	const char *pool;
	if (seat_pool(c, id, license_id, true, &pool, e))
		return e->code;
	return seat_remove(c, pool, id, e);
}

/* ---- what a member holds ---- */

struct holdings_arg {
	const struct ctx *c;
	const char *user_id;
	holding_seat_cb on_seat;
	device_cb on_device;
	void *arg;
};

static err_code holdings_tx(struct db *db, void *arg, struct err *e)
{
	struct holdings_arg *x = arg;
	const char *org = x->c->access->org.id;
	if (store_member_seats(db, x->c->arena, org, x->user_id, x->on_seat, x->arg, e))
		return e->code;
	return store_member_devices(db, x->c->arena, org, x->user_id, clock_now_ms(), x->on_device, x->arg, e);
}

err_code member_holdings(const struct ctx *c, const char *user_id, holding_seat_cb on_seat, device_cb on_device,
                         void *arg, struct err *e)
{
	struct holdings_arg x = {c, user_id, on_seat, on_device, arg};
	return store_read(c->app->store, holdings_tx, &x, e);
}
