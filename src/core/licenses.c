/* License pools and seats.
 *
 * A seat, for one holder (a member, or a device in a per-device pool) of
 * one pool:
 *
 *              SEAT_ASSIGN (a seat free, the pool usable)
 *   (none) ────────────────────────────────────────────▶ held
 *     ▲                                                   │
 *     │   SEAT_REMOVE, SEAT_MEMBER_LEFT (member removed)  │
 *     └───────────────────────────────────────────────────┤
 *                                                         │ SEAT_MOVE: the holder's
 *          another member ◀── held ◀──────────────────────┘ seat goes to a member without one
 *
 * With automatic assignment, a member who joins takes a free seat
 * (SEAT_AUTO), or, when none is free, waits for one:
 *
 *              SEAT_WAIT (none free)                 SEAT_SERVE (a seat freed)
 *   (none) ─────────────────────────▶ waiting ─────────────────────────────▶ held
 *     ▲                                  │
 *     └── WAIT_LEAVE (taken off, member removed, or assigned by hand) ──┘
 *
 *   held ── SEAT_REDUCE (the pool lowered below what is in use, newest holders first) ──▶ waiting
 *
 * SEAT_SERVE runs in the transaction that frees the seat (a removal, a
 * member leaving, more seats, a renewal or reactivation), for whoever has
 * waited longest, without anyone acting; only while the pool assigns
 * automatically.
 *
 * The pool counts what is held: used + reserved + free = seats, and
 * used + reserved <= seats, always. Every transition runs in one write
 * transaction that locks the organization (authz_org_recheck), then the
 * pool row by a conditional UPDATE (store_seat_take, store_license_lock),
 * in that order on every path, so that concurrent changes of one pool take
 * their turns: SEAT_ASSIGN takes the counter only
 * while used + reserved < seats, and the seats table's key (pool, holder)
 * refuses a second seat for one holder. A pool is usable while it is not
 * cancelled and its term has not ended: an expired pool keeps its holders
 * (for when it is renewed) but gives no new seat and moves none.
 *
 * (Automatic assignment with its waiting list, reservations by invitations
 * and per-device seats are the transitions still to come; reserved is 0
 * until then.) */
#include "core/licenses.h"

#include "base/clock.h"
#include "base/crypto.h"
#include "base/text.h"
#include "core/audit.h"
#include "core/authz.h"
#include "core/tokens.h"
#include "mail/mail.h"
#include "store/devices.h"
#include "store/licenses.h"
#include "store/members.h"
#include "store/store.h"

#include <string.h>
#include <time.h>

#define DAY_MS (24LL * 3600 * 1000)

/* The transitions, as the audit log names them. */
#define SEAT_ASSIGN "seat.assigned"
#define SEAT_AUTO SEAT_ASSIGN  /* details: source auto */
#define SEAT_SERVE SEAT_ASSIGN /* details: source auto, from the waiting list */
#define SEAT_REMOVE "seat.removed"
#define SEAT_REDUCE SEAT_REMOVE /* details: reduced */
#define SEAT_MOVE "seat.moved"
#define SEAT_WAIT "seat.waiting"
#define WAIT_LEAVE "seat.waiting_left"

license_state license_effective_state(const struct license_pool *p, int64_t now)
{
	license_state s = LICENSE_ACTIVE;
	license_state_parse(p->state, &s);
	if ((s == LICENSE_TRIAL || s == LICENSE_ACTIVE) && now >= p->ends_at)
		return LICENSE_EXPIRED;
	return s;
}

int64_t license_days_left(const struct license_pool *p, int64_t now)
{
	return p->ends_at <= now ? 0 : (p->ends_at - now + DAY_MS - 1) / DAY_MS;
}

static err_code check_product(const char *field, const char *s, bool required, struct err *e)
{
	if (!s)
		return required ? err_set(e, E_MISSING_FIELD, field, NULL) : E_OK;
	if (!text_is_clean(s))
		return err_set(e, E_INVALID, field, "The %s must be text without control characters.", field);
	if (required && strspn(s, " \t") == strlen(s))
		return err_set(e, E_INVALID, field, "The %s must not be empty.", field);
	if (utf8_chars(s) > LICENSE_PRODUCT_MAX)
		return err_set(e, E_TOO_LONG, field, "The %s is longer than %d characters.", field,
		               LICENSE_PRODUCT_MAX);
	return E_OK;
}

static err_code check_seats(int64_t seats, struct err *e)
{
	if (seats < 0 || seats > LICENSE_SEATS_MAX)
		return err_set(e, E_INVALID, "seats", "The seats must be between 0 and %d.", LICENSE_SEATS_MAX);
	return E_OK;
}

/* What a client may set: trial or active when granting, and cancelled too
 * when changing (expired is read from the term, never written). */
static err_code check_state(const char *s, bool may_cancel, struct err *e)
{
	license_state v;
	if (!license_state_parse(s, &v) || v == LICENSE_EXPIRED || (v == LICENSE_CANCELLED && !may_cancel))
		return err_set(e, E_INVALID, "state",
		               may_cancel ? "The state must be trial, active or cancelled."
		                          : "The state must be trial or active.");
	return E_OK;
}

err_code license_check_time(const char *field, int64_t ms, struct err *e)
{
	if (ms < LICENSE_TIME_MIN_MS || ms > LICENSE_TIME_MAX_MS)
		return err_set(e, E_INVALID, field, "The %s must lie between 2000-01-01 and 9999-12-31.", field);
	return E_OK;
}

/* ---- pools ---- */

struct grant_arg {
	const struct ctx *c;
	struct license_pool *p;
};

static err_code grant_tx(struct db *db, void *arg, struct err *e)
{
	struct grant_arg *x = arg;
	struct org_access acc;
	if (authz_org_recheck(db, x->c, &acc, e) || store_license_insert(db, x->p, e))
		return e->code;
	const struct license_pool *p = x->p;
	return audit_record(db, x->c, p->org_id, "license.granted", "license", p->id,
	                    AUDIT_DETAILS(A_STR("product", p->product), A_STR("unit", p->unit),
	                                  A_INT("seats", p->seats), A_STR("state", p->state),
	                                  A_BOOL("auto_assign", p->auto_assign)),
	                    e);
}

err_code license_grant(const struct ctx *c, const struct license_new *n, struct license_pool *out, struct err *e)
{
	int64_t now = clock_now_ms();
	license_unit unit;
	if (check_product("product", n->product, true, e) || check_product("plan", n->plan, false, e) ||
	    check_seats(n->seats, e))
		return e->code;
	if (!license_unit_parse(n->unit, &unit))
		return err_set(e, E_INVALID, "unit", "The unit must be user or device.");
	if (check_state(n->state ? n->state : "active", false, e))
		return e->code;
	int64_t starts = n->starts_at ? n->starts_at : now;
	int64_t ends = n->ends_at ? n->ends_at : starts + LICENSE_TERM_DEFAULT_MS;
	if (license_check_time("starts_at", starts, e) || license_check_time("ends_at", ends, e))
		return e->code;
	if (ends <= starts)
		return err_set(e, E_INVALID, "ends_at", "The term must end after it starts.");
	int offline = n->offline_days ? n->offline_days : LICENSE_OFFLINE_DAYS_DEFAULT;
	if (offline < 1 || offline > LICENSE_OFFLINE_DAYS_MAX)
		return err_set(e, E_INVALID, "offline_days", "The offline days must be between 1 and %d.",
		               LICENSE_OFFLINE_DAYS_MAX);
	if (n->max_transfers_per_month < -1)
		return err_set(e, E_INVALID, "max_transfers_per_month",
		               "The transfers per month must not be negative.");
	char id[ID_MAX];
	id_new("lic", id);
	*out = (struct license_pool){
	        .id = arena_strdup(c->arena, id),
	        .org_id = c->access->org.id,
	        .product = n->product,
	        .plan = n->plan ? n->plan : "",
	        .unit = license_unit_name(unit),
	        .state = n->state ? n->state : "active",
	        .seats = n->seats,
	        .auto_assign = n->auto_assign,
	        .starts_at = starts,
	        .ends_at = ends,
	        .offline_days = offline,
	        .max_transfers_per_month = n->max_transfers_per_month,
	        .created_by = ctx_actor(c),
	        .created_at = now,
	        .updated_at = now,
	};
	struct grant_arg x = {c, out};
	return store_tx(c->app->store, true, grant_tx, &x, e);
}

err_code license_grant_in(const struct ctx *c, const char *org_id, const struct license_new *n,
                          struct license_pool *out, struct err *e)
{
	struct ctx as_operator;
	struct org_access acc;
	if (authz_shell(c, org_id, &as_operator, &acc, e))
		return e->code;
	return license_grant(&as_operator, n, out, e);
}

err_code license_list_in(const struct ctx *c, const char *org_id, license_cb cb, void *arg, struct err *e)
{
	struct ctx as_operator;
	struct org_access acc;
	if (authz_shell(c, org_id, &as_operator, &acc, e))
		return e->code;
	return license_list(&as_operator, cb, arg, e);
}

struct get_arg {
	const struct ctx *c;
	const char *id;
	struct license_pool *out;
	license_cb cb;
	void *arg;
};

static err_code get_tx(struct db *db, void *arg, struct err *e)
{
	struct get_arg *x = arg;
	return store_license_get(db, x->c->arena, x->c->access->org.id, x->id, x->out, e);
}

err_code license_get(const struct ctx *c, const char *id, struct license_pool *out, struct err *e)
{
	struct get_arg x = {.c = c, .id = id, .out = out};
	return store_read(c->app->store, get_tx, &x, e);
}

static err_code list_tx(struct db *db, void *arg, struct err *e)
{
	struct get_arg *x = arg;
	return store_license_list(db, x->c->arena, x->c->access->org.id, x->cb, x->arg, e);
}

err_code license_list(const struct ctx *c, license_cb cb, void *arg, struct err *e)
{
	struct get_arg x = {.c = c, .cb = cb, .arg = arg};
	return store_read(c->app->store, list_tx, &x, e);
}

static err_code serve_waiting(struct db *db, const struct ctx *c, const struct org_access *acc, const char *pool_id,
                              struct err *e);
static err_code tell_holder(struct db *db, const struct ctx *c, const struct org_access *acc,
                            const struct license_pool *p, const char *user_id, enum mail_template t, struct err *e);

struct update_arg {
	const struct ctx *c;
	const char *id;
	const struct license_change *ch;
	struct license_pool *out;
	struct seats_taken *taken;
};

struct taken_collect {
	struct arena *a;
	struct seats_taken *t;
	int cap;
};

static void collect_taken(const struct seat_row *s, void *arg)
{
	struct taken_collect *x = arg;
	if (x->t->n == x->cap) {
		int cap = x->cap ? 2 * x->cap : 16;
		struct seat_row *rows = arena_alloc(x->a, (size_t)cap * sizeof *rows);
		if (x->t->n)
			memcpy(rows, x->t->rows, (size_t)x->t->n * sizeof *rows);
		x->t->rows = rows;
		x->cap = cap;
	}
	x->t->rows[x->t->n++] = *s;
}

/* SEAT_REDUCE: the newest holders beyond the new size lose their seat,
 * are told, and wait for the next one, newest last. */
static err_code reduce_newest(struct db *db, const struct ctx *c, const struct org_access *acc,
                              const struct license_pool *p, struct seats_taken *taken, struct err *e)
{
	struct taken_collect x = {.a = c->arena, .t = taken};
	int64_t over = p->used + p->reserved - p->seats, now = clock_now_ms();
	if (store_seats_newest(db, c->arena, p->id, over, collect_taken, &x, e))
		return e->code;
	for (int i = taken->n - 1; i >= 0; i--) {
		const struct seat_row *s = &taken->rows[i];
		int64_t at = now + (taken->n - 1 - i);
		if (store_seat_delete(db, p->id, s->holder_id, e) ||
		    (s->device_id ? store_waiting_add_device(db, acc->org.id, p->id, s->device_id, at, e)
		                  : store_waiting_add_user(db, acc->org.id, p->id, s->user_id, at, e)) ||
		    (!s->device_id && tell_holder(db, c, acc, p, s->user_id, MAIL_SEAT_REMOVED, e)) ||
		    audit_record(db, c, acc->org.id, SEAT_REDUCE, s->device_id ? "device" : "user", s->holder_id,
		                 AUDIT_DETAILS(A_STR("license_id", p->id), A_STR("product", p->product),
		                               A_BOOL("reduced", true)),
		                 e))
			return e->code;
	}
	return E_OK;
}

static err_code update_tx(struct db *db, void *arg, struct err *e)
{
	struct update_arg *x = arg;
	const struct license_change *ch = x->ch;
	struct org_access acc;
	if (authz_org_recheck(db, x->c, &acc, e) || store_license_lock(db, acc.org.id, x->id, e) ||
	    store_license_get(db, x->c->arena, acc.org.id, x->id, x->out, e))
		return e->code;
	struct license_pool *p = x->out;
	struct license_pool before = *p;
	x->taken->n = 0; /* a transaction run again starts afresh */
	if (ch->set_seats)
		p->seats = ch->seats;
	if (ch->set_state)
		p->state = ch->state;
	if (ch->set_auto_assign)
		p->auto_assign = ch->auto_assign;
	if (ch->set_ends_at)
		p->ends_at = ch->ends_at;
	if (ch->set_max_transfers)
		p->max_transfers_per_month = ch->max_transfers_per_month;
	if (ch->set_ends_at && license_check_time("ends_at", p->ends_at, e))
		return e->code;
	if (p->ends_at <= p->starts_at)
		return err_set(e, E_INVALID, "ends_at", "The term must end after it starts.");
	if (p->seats < p->used + p->reserved && ch->reduce_newest) {
		if (reduce_newest(db, x->c, &acc, p, x->taken, e))
			return e->code;
		p->used -= x->taken->n;
	}
	if (p->seats < p->used + p->reserved)
		return err_set(e, E_SEATS_IN_USE, "seats",
		               "Seats in use: %lld; take seats back before lowering the pool to %lld.",
		               (long long)(p->used + p->reserved), (long long)p->seats);
	int64_t now = clock_now_ms();
	if (store_license_update(db, p, now, e) ||
	    audit_record(db, x->c, acc.org.id, "license.updated", "license", p->id,
	                 AUDIT_DETAILS(A_INT("seats_before", before.seats), A_INT("seats", p->seats),
	                               A_STR("state", p->state), A_BOOL("auto_assign", p->auto_assign),
	                               A_BOOL("renewed", p->ends_at != before.ends_at),
	                               A_INT("taken_back", x->taken->n)),
	                 e))
		return e->code;
	/* More seats, a renewal, a reactivation: who waits is served now. */
	if (serve_waiting(db, x->c, &acc, p->id, e))
		return e->code;
	return store_license_get(db, x->c->arena, acc.org.id, p->id, p, e);
}

err_code license_update(const struct ctx *c, const char *id, const struct license_change *ch, struct license_pool *out,
                        struct seats_taken *taken, struct err *e)
{
	if ((ch->set_seats && check_seats(ch->seats, e)) || (ch->set_state && check_state(ch->state, true, e)))
		return e->code;
	struct seats_taken none = {0};
	struct update_arg x = {c, id, ch, out, taken ? taken : &none};
	return store_tx(c->app->store, true, update_tx, &x, e);
}

/* ---- seats ---- */

static const struct list_sort seat_sorts[] = {{"assigned_at", "s.assigned_at", LIST_TIME}};
static const char *const seat_search[] = {"m.email_key", "m.last_key", "m.full_key", "dv.code_key", NULL};

const struct list_spec seat_list_spec = {
        .name = "seats",
        .sorts = seat_sorts,
        .nsorts = 1,
        .default_sort = 0,
        .default_desc = true,
        .search = seat_search,
        .id_column = "s.holder_id",
};

struct seat_arg {
	const struct ctx *c;
	const char *pool_id, *a, *b; /* a: the user or holder; b: the member a move goes to */
	const struct list_query *q;
	seat_row_cb cb;
	void *arg;
};

static err_code seat_list_tx(struct db *db, void *arg, struct err *e)
{
	struct seat_arg *x = arg;
	struct license_pool p;
	if (store_license_get(db, x->c->arena, x->c->access->org.id, x->pool_id, &p, e))
		return e->code;
	return store_seat_list(db, x->c->arena, p.id, x->q, x->cb, x->arg, e);
}

err_code seat_list(const struct ctx *c, const char *pool_id, const struct list_query *q, seat_row_cb cb, void *arg,
                   struct err *e)
{
	struct seat_arg x = {.c = c, .pool_id = pool_id, .q = q, .cb = cb, .arg = arg};
	return store_read(c->app->store, seat_list_tx, &x, e);
}

/* Tells the member, in their language, that a seat of the pool became
 * theirs or was taken back; in the transaction that did it. */
static err_code tell_holder(struct db *db, const struct ctx *c, const struct org_access *acc,
                            const struct license_pool *p, const char *user_id, enum mail_template t, struct err *e)
{
	struct member m;
	if (store_member_get(db, c->arena, acc->org.id, user_id, &m, e))
		return e->code;
	const struct user *u = &m.user;
	const char *vars[] = {"first_name", u->first_name && *u->first_name ? u->first_name : u->email,
	                      "org",        acc->org.name,
	                      "product",    p->product,
	                      "link",       c->app->public_url,
	                      NULL};
	return mail_enqueue(db, c->arena, u->email, u->language, t, vars, e);
}

/* WAIT_LEAVE when a seat came by hand: nobody waits for what they hold. */
static err_code leave_waiting(struct db *db, const char *pool_id, const char *holder_id, struct err *e)
{
	err_code rc = store_waiting_delete(db, pool_id, holder_id, e);
	if (rc == E_NOT_FOUND)
		err_clear(e);
	return rc == E_NOT_FOUND ? E_OK : rc;
}

/* SEAT_SERVE: while a seat is free and someone waits, the one who waited
 * longest takes it; only while the pool assigns automatically. */
static err_code serve_waiting(struct db *db, const struct ctx *c, const struct org_access *acc, const char *pool_id,
                              struct err *e)
{
	struct license_pool p;
	if (store_license_get(db, c->arena, acc->org.id, pool_id, &p, e))
		return e->code;
	if (!p.auto_assign)
		return E_OK;
	int64_t now = clock_now_ms();
	for (;;) {
		const char *holder, *user, *device;
		err_code rc = store_waiting_first(db, c->arena, pool_id, &holder, &user, &device, e);
		if (rc == E_NOT_FOUND) {
			err_clear(e);
			return E_OK;
		}
		bool taken;
		if (rc || store_seat_take(db, acc->org.id, pool_id, now, &taken, e))
			return e->code;
		if (!taken)
			return E_OK;
		/* Each a millisecond after the one before: the order of service
		 * stays the order of the seats (a reduction takes the newest). */
		if (store_waiting_delete(db, pool_id, holder, e) ||
		    (device ? store_seat_insert_device(db, acc->org.id, pool_id, device, "auto", NULL, now++, e)
		            : store_seat_insert_user(db, acc->org.id, pool_id, user, "auto", NULL, now++, e)) ||
		    (!device && tell_holder(db, c, acc, &p, user, MAIL_SEAT_ASSIGNED, e)) ||
		    audit_record(db, c, acc->org.id, SEAT_SERVE, device ? "device" : "user", holder,
		                 AUDIT_DETAILS(A_STR("license_id", p.id), A_STR("product", p.product),
		                               A_STR("source", "auto"), A_BOOL("from_waiting_list", true)),
		                 e))
			return e->code;
	}
}

struct id_list {
	struct arena *a;
	const char **v;
	int n, cap;
};

static void collect_id(const char *id, void *arg)
{
	struct id_list *x = arg;
	if (x->n == x->cap) {
		int cap = x->cap ? 2 * x->cap : 8;
		const char **v = arena_alloc(x->a, (size_t)cap * sizeof *v);
		if (x->n)
			memcpy(v, x->v, (size_t)x->n * sizeof *v);
		x->v = v;
		x->cap = cap;
	}
	x->v[x->n++] = id;
}

err_code license_member_joined(struct db *db, const struct ctx *c, const struct org_access *acc, const char *user_id,
                               struct err *e)
{
	int64_t now = clock_now_ms();
	struct id_list pools = {.a = c->arena};
	if (store_license_auto_ids(db, c->arena, acc->org.id, "user", now, collect_id, &pools, e))
		return e->code;
	for (int i = 0; i < pools.n; i++) {
		struct license_pool p;
		bool taken;
		if (store_seat_take(db, acc->org.id, pools.v[i], now, &taken, e) ||
		    store_license_get(db, c->arena, acc->org.id, pools.v[i], &p, e))
			return e->code;
		if (taken) { /* SEAT_AUTO */
			if (store_seat_insert_user(db, acc->org.id, p.id, user_id, "auto", NULL, now, e) ||
			    tell_holder(db, c, acc, &p, user_id, MAIL_SEAT_ASSIGNED, e) ||
			    audit_record(db, c, acc->org.id, SEAT_AUTO, "user", user_id,
			                 AUDIT_DETAILS(A_STR("license_id", p.id), A_STR("product", p.product),
			                               A_STR("source", "auto")),
			                 e))
				return e->code;
		} else if (store_waiting_add_user(db, acc->org.id, p.id, user_id, now, e) || /* SEAT_WAIT */
		           audit_record(db, c, acc->org.id, SEAT_WAIT, "user", user_id,
		                        AUDIT_DETAILS(A_STR("license_id", p.id), A_STR("product", p.product)), e))
			return e->code;
	}
	return E_OK;
}

err_code license_member_left(struct db *db, const struct ctx *c, const struct org_access *acc, const char *user_id,
                             struct err *e)
{
	struct id_list pools = {.a = c->arena}, devices = {.a = c->arena};
	/* Their seats, per-device ones of their devices too (a device's seat
	 * names its user), then the devices themselves. */
	if (store_seats_release_user(db, acc->org.id, user_id, e) ||
	    store_waiting_release_user(db, acc->org.id, user_id, e) ||
	    store_devices_of_user(db, c->arena, acc->org.id, user_id, collect_id, &devices, e))
		return e->code;
	int64_t now = clock_now_ms();
	for (int i = 0; i < devices.n; i++)
		if (token_revoke(db, TOKEN_DEVICE, devices.v[i], e) ||
		    store_device_deactivate(db, devices.v[i], now, e) ||
		    audit_record(db, c, acc->org.id, "device.deactivated", "device", devices.v[i],
		                 AUDIT_DETAILS(A_STR("reason", "member_removed")), e))
			return e->code;
	if (store_license_waiting_ids(db, c->arena, acc->org.id, collect_id, &pools, e))
		return e->code;
	for (int i = 0; i < pools.n; i++)
		if (serve_waiting(db, c, acc, pools.v[i], e))
			return e->code;
	return E_OK;
}

/* ---- the waiting list ---- */

static const struct list_sort waiting_sorts[] = {{"joined_at", "w.joined_at", LIST_TIME}};
static const char *const waiting_search[] = {"m.email_key", "m.last_key", "m.full_key", "dv.code_key", NULL};

const struct list_spec waiting_list_spec = {
        .name = "waiting",
        .sorts = waiting_sorts,
        .nsorts = 1,
        .search = waiting_search,
        .id_column = "w.holder_id",
};

static err_code waiting_list_tx(struct db *db, void *arg, struct err *e)
{
	struct seat_arg *x = arg;
	struct license_pool p;
	if (store_license_get(db, x->c->arena, x->c->access->org.id, x->pool_id, &p, e))
		return e->code;
	return store_waiting_list(db, x->c->arena, p.id, x->q, x->cb, x->arg, e);
}

err_code waiting_list(const struct ctx *c, const char *pool_id, const struct list_query *q, seat_row_cb cb, void *arg,
                      struct err *e)
{
	struct seat_arg x = {.c = c, .pool_id = pool_id, .q = q, .cb = cb, .arg = arg};
	return store_read(c->app->store, waiting_list_tx, &x, e);
}

static err_code waiting_remove_tx(struct db *db, void *arg, struct err *e)
{
	struct seat_arg *x = arg;
	struct org_access acc;
	struct license_pool p;
	if (authz_org_recheck(db, x->c, &acc, e) || store_license_lock(db, acc.org.id, x->pool_id, e) ||
	    store_license_get(db, x->c->arena, acc.org.id, x->pool_id, &p, e))
		return e->code;
	err_code rc = store_waiting_delete(db, p.id, x->a, e);
	if (rc == E_NOT_FOUND)
		return err_set(e, E_NOT_FOUND, NULL, "This person is not on the waiting list of the pool.");
	if (rc)
		return rc;
	return audit_record(db, x->c, acc.org.id, WAIT_LEAVE, "user", x->a, AUDIT_DETAILS(A_STR("license_id", p.id)),
	                    e);
}

err_code waiting_remove(const struct ctx *c, const char *pool_id, const char *holder_id, struct err *e)
{
	struct seat_arg x = {.c = c, .pool_id = pool_id, .a = holder_id};
	return store_tx(c->app->store, true, waiting_remove_tx, &x, e);
}

/* The pool, checked to be the organization's and to count the holder's
 * kind (devices: a per-device pool; else per-user). */
static err_code holder_pool(struct db *db, const struct seat_arg *x, const struct org_access *acc, bool devices,
                            struct license_pool *p, const char *field, struct err *e)
{
	if (store_license_get(db, x->c->arena, acc->org.id, x->pool_id, p, e))
		return e->code;
	if (devices && strcmp(p->unit, "device"))
		return err_set(e, E_INVALID, field, "This pool counts people: its seats go to members, not devices.");
	if (!devices && strcmp(p->unit, "user"))
		return err_set(e, E_INVALID, field, "This pool counts devices: its seats go to devices, not people.");
	return E_OK;
}

static bool pool_usable(const struct license_pool *p, int64_t now)
{
	return license_effective_state(p, now) != LICENSE_EXPIRED && strcmp(p->state, "cancelled");
}

/* yyyymm of a time, in UTC: the month a transfer counts in. */
static int month_of(int64_t ms)
{
	time_t t = (time_t)(ms / 1000);
	struct tm tm;
	gmtime_r(&t, &tm);
	return (tm.tm_year + 1900) * 100 + tm.tm_mon + 1;
}

/* A seat taken off its holder by hand counts one transfer of the month;
 * past the pool's limit, E_TRANSFER_LIMIT and nothing changes. */
static err_code count_transfer(struct db *db, const struct license_pool *p, struct err *e)
{
	bool allowed;
	if (!pool_usable(p, clock_now_ms())) /* a seat of an ended pool moves nowhere */
		return E_OK;
	if (store_license_transfer(db, p->id, month_of(clock_now_ms()), &allowed, e))
		return e->code;
	if (!allowed)
		return err_set(e, E_TRANSFER_LIMIT, NULL,
		               "The seats of %s may be taken off their holders %d times a month, and have been this "
		               "month; the count starts again next month.",
		               p->product, p->max_transfers_per_month);
	return E_OK;
}

static err_code insert_holder(struct db *db, const char *org_id, const char *pool_id, bool devices, const char *holder,
                              const char *source, const char *by, int64_t now, struct err *e)
{
	return devices ? store_seat_insert_device(db, org_id, pool_id, holder, source, by, now, e)
	               : store_seat_insert_user(db, org_id, pool_id, holder, source, by, now, e);
}

struct assign_arg {
	struct seat_arg s;
	bool devices;
};

static err_code assign_tx(struct db *db, void *arg, struct err *e)
{
	struct assign_arg *y = arg;
	struct seat_arg *x = &y->s;
	const char *field = y->devices ? "device_id" : "user_id";
	struct org_access acc;
	struct license_pool p;
	int64_t now = clock_now_ms();
	bool taken;
	if (authz_org_recheck(db, x->c, &acc, e) || store_seat_take(db, acc.org.id, x->pool_id, now, &taken, e) ||
	    holder_pool(db, x, &acc, y->devices, &p, field, e))
		return e->code;
	if (!taken) {
		/* Why: the pool not usable, the holder having one already, or none free. */
		bool held;
		if (!pool_usable(&p, now))
			return err_set(e, E_LICENSE_INACTIVE, NULL, NULL);
		if (store_seat_held(db, p.id, x->a, &held, e))
			return e->code;
		if (held)
			return err_set(e, E_ALREADY_ASSIGNED, field, NULL);
		err_code rc;
		if (y->devices) {
			struct device d;
			rc = store_device_get(db, x->c->arena, acc.org.id, x->a, now, &d, e);
			if (rc == E_OK && strcmp(d.state, "active"))
				rc = E_NOT_FOUND;
		} else {
			struct member m;
			rc = store_member_get(db, x->c->arena, acc.org.id, x->a, &m, e);
		}
		if (rc == E_NOT_FOUND)
			return err_set(e, E_NOT_FOUND, field,
			               y->devices ? "There is no such active device in this organization."
			                          : "There is no such member in this organization.");
		if (rc)
			return rc;
		return err_set(e, E_SEAT_LIMIT_REACHED, NULL, "All %lld seats of this pool are in use.",
		               (long long)p.seats);
	}
	if (insert_holder(db, acc.org.id, p.id, y->devices, x->a, "manual", ctx_actor(x->c), now, e) ||
	    leave_waiting(db, p.id, x->a, e) ||
	    (!y->devices && tell_holder(db, x->c, &acc, &p, x->a, MAIL_SEAT_ASSIGNED, e)))
		return e->code;
	return audit_record(db, x->c, acc.org.id, SEAT_ASSIGN, y->devices ? "device" : "user", x->a,
	                    AUDIT_DETAILS(A_STR("license_id", p.id), A_STR("product", p.product)), e);
}

err_code seat_assign(const struct ctx *c, const char *pool_id, const char *user_id, struct err *e)
{
	struct assign_arg x = {{.c = c, .pool_id = pool_id, .a = user_id}, false};
	return store_tx(c->app->store, true, assign_tx, &x, e);
}

err_code seat_assign_device(const struct ctx *c, const char *pool_id, const char *device_id, struct err *e)
{
	struct assign_arg x = {{.c = c, .pool_id = pool_id, .a = device_id}, true};
	return store_tx(c->app->store, true, assign_tx, &x, e);
}

static bool is_device_id(const char *id)
{
	return !strncmp(id, "dev_", 4);
}

static err_code remove_tx(struct db *db, void *arg, struct err *e)
{
	struct seat_arg *x = arg;
	struct org_access acc;
	struct license_pool p;
	if (authz_org_recheck(db, x->c, &acc, e) || store_license_lock(db, acc.org.id, x->pool_id, e) ||
	    store_license_get(db, x->c->arena, acc.org.id, x->pool_id, &p, e))
		return e->code;
	err_code rc = store_seat_delete(db, p.id, x->a, e);
	if (rc == E_NOT_FOUND)
		return err_set(e, E_NOT_FOUND, NULL, "This holder has no seat of the pool.");
	if (rc || count_transfer(db, &p, e))
		return e->code;
	if (p.unit[0] == 'u' && tell_holder(db, x->c, &acc, &p, x->a, MAIL_SEAT_REMOVED, e))
		return e->code;
	if (audit_record(db, x->c, acc.org.id, SEAT_REMOVE, is_device_id(x->a) ? "device" : "user", x->a,
	                 AUDIT_DETAILS(A_STR("license_id", p.id), A_STR("product", p.product)), e))
		return e->code;
	return serve_waiting(db, x->c, &acc, p.id, e);
}

err_code seat_remove(const struct ctx *c, const char *pool_id, const char *holder_id, struct err *e)
{
	struct seat_arg x = {.c = c, .pool_id = pool_id, .a = holder_id};
	return store_tx(c->app->store, true, remove_tx, &x, e);
}

err_code seat_remove_bulk(const struct ctx *c, const char *pool_id, const char *const *ids, int n,
                          err_code *out_results, struct err *e)
{
	/* Another organization's pool, or none, is not found as a whole. */
	struct license_pool pool;
	if (license_get(c, pool_id, &pool, e))
		return e->code;
	for (int i = 0; i < n; i++) {
		struct err one = {0};
		out_results[i] = seat_remove(c, pool_id, ids[i], &one);
		/* The pool itself gone, or the database failing, ends the batch. */
		if (out_results[i] == E_INTERNAL || out_results[i] == E_RETRY || out_results[i] == E_UNAVAILABLE) {
			*e = one;
			return e->code;
		}
	}
	return E_OK;
}

static err_code move_tx(struct db *db, void *arg, struct err *e)
{
	struct seat_arg *x = arg;
	struct org_access acc;
	struct license_pool p;
	int64_t now = clock_now_ms();
	if (authz_org_recheck(db, x->c, &acc, e) || store_license_lock(db, acc.org.id, x->pool_id, e) ||
	    store_license_get(db, x->c->arena, acc.org.id, x->pool_id, &p, e))
		return e->code;
	bool devices = !strcmp(p.unit, "device");
	if (!pool_usable(&p, now))
		return err_set(e, E_LICENSE_INACTIVE, NULL, NULL);
	if (!strcmp(x->a, x->b))
		return err_set(e, E_INVALID, "to", "A seat moves to someone else.");
	if (store_seat_move(db, acc.org.id, p.id, devices, x->a, x->b, ctx_actor(x->c), now, e) ||
	    count_transfer(db, &p, e) || leave_waiting(db, p.id, x->b, e) ||
	    (!devices && (tell_holder(db, x->c, &acc, &p, x->a, MAIL_SEAT_REMOVED, e) ||
	                  tell_holder(db, x->c, &acc, &p, x->b, MAIL_SEAT_ASSIGNED, e))))
		return e->code;
	return audit_record(db, x->c, acc.org.id, SEAT_MOVE, devices ? "device" : "user", x->b,
	                    AUDIT_DETAILS(A_STR("license_id", p.id), A_STR("from", x->a), A_STR("to", x->b)), e);
}

err_code seat_move(const struct ctx *c, const char *pool_id, const char *from, const char *to, struct err *e)
{
	struct seat_arg x = {.c = c, .pool_id = pool_id, .a = from, .b = to};
	return store_tx(c->app->store, true, move_tx, &x, e);
}

/* ---- devices (core/devices.c) ---- */

/* SEAT_AUTO or SEAT_WAIT for one holder of one pool that assigns
 * automatically, unless it holds a seat or waits already. */
static err_code auto_seat(struct db *db, const struct ctx *c, const struct org_access *acc, const char *pool_id,
                          bool devices, const char *holder, int64_t now, struct err *e)
{
	bool held, taken;
	struct license_pool p;
	if (store_seat_held(db, pool_id, holder, &held, e))
		return e->code;
	if (held)
		return E_OK;
	if (store_seat_take(db, acc->org.id, pool_id, now, &taken, e) ||
	    store_license_get(db, c->arena, acc->org.id, pool_id, &p, e))
		return e->code;
	const char *type = devices ? "device" : "user";
	if (taken) {
		if (insert_holder(db, acc->org.id, p.id, devices, holder, "auto", NULL, now, e) ||
		    leave_waiting(db, p.id, holder, e) ||
		    (!devices && tell_holder(db, c, acc, &p, holder, MAIL_SEAT_ASSIGNED, e)))
			return e->code;
		return audit_record(
		        db, c, acc->org.id, SEAT_AUTO, type, holder,
		        AUDIT_DETAILS(A_STR("license_id", p.id), A_STR("product", p.product), A_STR("source", "auto")),
		        e);
	}
	bool waits;
	if (store_waiting_held(db, p.id, holder, &waits, e))
		return e->code;
	if (waits) /* keeps its place */
		return E_OK;
	if ((devices ? store_waiting_add_device(db, acc->org.id, p.id, holder, now, e)
	             : store_waiting_add_user(db, acc->org.id, p.id, holder, now, e)))
		return e->code;
	return audit_record(db, c, acc->org.id, SEAT_WAIT, type, holder,
	                    AUDIT_DETAILS(A_STR("license_id", p.id), A_STR("product", p.product)), e);
}

err_code license_device_joined(struct db *db, const struct ctx *c, const struct org_access *acc, const char *device_id,
                               const char *user_id, struct err *e)
{
	int64_t now = clock_now_ms();
	struct id_list dev = {.a = c->arena}, usr = {.a = c->arena};
	if (store_license_auto_ids(db, c->arena, acc->org.id, "device", now, collect_id, &dev, e) ||
	    store_license_auto_ids(db, c->arena, acc->org.id, "user", now, collect_id, &usr, e))
		return e->code;
	for (int i = 0; i < dev.n; i++)
		if (auto_seat(db, c, acc, dev.v[i], true, device_id, now, e))
			return e->code;
	for (int i = 0; i < usr.n; i++)
		if (auto_seat(db, c, acc, usr.v[i], false, user_id, now, e))
			return e->code;
	return E_OK;
}

err_code license_device_left(struct db *db, const struct ctx *c, const struct org_access *acc, const char *device_id,
                             bool by_hand, struct err *e)
{
	struct id_list held = {.a = c->arena};
	if (by_hand) {
		/* Each pool whose seat it gives back counts a transfer. */
		if (store_device_seat_pools(db, c->arena, device_id, collect_id, &held, e))
			return e->code;
		for (int i = 0; i < held.n; i++) {
			struct license_pool p;
			if (store_license_lock(db, acc->org.id, held.v[i], e) ||
			    store_license_get(db, c->arena, acc->org.id, held.v[i], &p, e) || count_transfer(db, &p, e))
				return e->code;
		}
	}
	struct id_list pools = {.a = c->arena};
	if (store_seats_release_device(db, device_id, e) ||
	    store_license_waiting_ids(db, c->arena, acc->org.id, collect_id, &pools, e))
		return e->code;
	for (int i = 0; i < pools.n; i++)
		if (serve_waiting(db, c, acc, pools.v[i], e))
			return e->code;
	return E_OK;
}
