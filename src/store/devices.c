#include "store/devices.h"

#include "store/licenses.h"
#include "store/list.h"
#include "store/query.h"
#include "store/store.h"
#include "store/tokens.h"

#include <string.h>

/* What licenses a device, as SQL over d (the device) at $2 (now): a seat
 * of its own in a per-device pool, or its user's in a per-user pool. */
#define POOL_USABLE "p.state <> 'cancelled' AND p.ends_at > $2"
#define HOLDS_DEVICE "s.device_id = d.id"
#define HOLDS_USER "s.org_id = d.org_id AND s.user_id = d.user_id AND p.unit = 'user'"
#define SEATS_WHERE "SELECT 1 FROM seats s JOIN license_pools p ON p.id = s.pool_id WHERE "

/* The status, one of DEVICE_STATUSES; the list's status filter compares it. */
#define DEVICE_STATUS_SQL                                                                                              \
	"(CASE WHEN EXISTS (" SEATS_WHERE HOLDS_DEVICE " AND " POOL_USABLE ") OR EXISTS (" SEATS_WHERE HOLDS_USER      \
	" AND " POOL_USABLE ") THEN 'licensed'"                                                                        \
	" WHEN EXISTS (SELECT 1 FROM seat_waiting w WHERE w.device_id = d.id) OR EXISTS (SELECT 1 FROM seat_waiting w" \
	" JOIN license_pools p ON p.id = w.pool_id WHERE w.org_id = d.org_id AND w.user_id = d.user_id"                \
	" AND p.unit = 'user') THEN 'waiting'"                                                                         \
	" WHEN EXISTS (" SEATS_WHERE HOLDS_DEVICE ") OR EXISTS (" SEATS_WHERE HOLDS_USER ") THEN 'expired'"            \
	" ELSE 'unlicensed' END)"

/* The pool that licenses it (or last did), and whether it waits: one
 * column, so that a row looks them up once, and the waiting lists only
 * when no usable seat is found. A usable pool first, its own seat before
 * its user's, the latest term first (then the greatest id): "L", the end
 * of the term as DEVICE_POOL_KEY_DIGITS digits, a space, the pool's id, a
 * space, its product. Else, when it (or its user, for a per-user pool)
 * is on a waiting list, "W" and what follows. Else, or after the "W", an
 * ended or cancelled pool's the same way with "E", or nothing.
 * device_finish() takes it apart. Each lookup is on one index
 * (seats_device, seats_user): an OR of the two holders would read every
 * seat of the organization. Each is a MAX over a key that sorts as that
 * order, not an ORDER BY ... LIMIT 1, for which SQLite builds a temporary
 * b-tree each time it runs. */
#define POOL_KEY "CAST(p.ends_at + 1000000000000000 AS TEXT) || ' ' || p.id || ' ' || p.product"
#define DEVICE_POOL_KEY_DIGITS 16
#define POOL_OF(mark, holds, usable)                                                                                   \
	"('" mark "' || (SELECT MAX(" POOL_KEY ") FROM seats s JOIN license_pools p ON p.id = s.pool_id"               \
	" WHERE " holds usable "))"
#define ENDED_POOL_OF POOL_OF("E", HOLDS_DEVICE, "") ", " POOL_OF("E", HOLDS_USER, "")
#define DEVICE_WAITS                                                                                                   \
	"EXISTS (SELECT 1 FROM seat_waiting w WHERE w.device_id = d.id) OR EXISTS (SELECT 1 FROM seat_waiting w"       \
	" JOIN license_pools p ON p.id = w.pool_id WHERE w.org_id = d.org_id AND w.user_id = d.user_id"                \
	" AND p.unit = 'user')"
#define DEVICE_POOL_SQL                                                                                                \
	"COALESCE(" POOL_OF("L", HOLDS_DEVICE, " AND " POOL_USABLE) ", " POOL_OF(                                      \
	        "L", HOLDS_USER, " AND " POOL_USABLE) ", (CASE WHEN " DEVICE_WAITS                                     \
	                                              " THEN 'W' || COALESCE(" ENDED_POOL_OF                           \
	                                              ", '') END), " ENDED_POOL_OF ")"

const char store_device_status_sql[] = DEVICE_STATUS_SQL;

/* license_id is read as DEVICE_POOL_SQL, status and license_product as
 * NULL: device_finish() makes the three of them. */
#define DEVICE_COLS                                                                                                    \
	"d.id, d.org_id, d.code, d.name, d.platform, d.state, d.user_id, u.email, u.first_name, "                      \
	"u.last_name, NULL, " DEVICE_POOL_SQL ", NULL, d.activated_at, d.last_seen_at, COALESCE(d.deactivated_at, 0)," \
	" d.created_at, d.code_key"
#define DEVICE_FROM " FROM devices d LEFT JOIN users u ON u.id = d.user_id"

#define DEVICE_READ(d)                                                                                                 \
	COLS(C_TEXT(&(d)->id), C_TEXT(&(d)->org_id), C_TEXT(&(d)->code), C_TEXT(&(d)->name), C_TEXT(&(d)->platform),   \
	     C_TEXT(&(d)->state), C_TEXT(&(d)->user_id), C_TEXT(&(d)->email), C_TEXT(&(d)->first_name),                \
	     C_TEXT(&(d)->last_name), C_TEXT(&(d)->status), C_TEXT(&(d)->license_id), C_TEXT(&(d)->license_product),   \
	     C_I64(&(d)->activated_at), C_I64(&(d)->last_seen_at), C_I64(&(d)->deactivated_at),                        \
	     C_I64(&(d)->created_at), C_TEXT(&(d)->code_key))

/* The status, the pool's id and product of a row read by DEVICE_COLS (its
 * strings are the caller's arena's, cut in place); the same rule as
 * DEVICE_STATUS_SQL. */
static void device_finish(struct device *d)
{
	char *info = (char *)d->license_id;
	bool waits = info && *info == 'W';
	if (waits)
		info++;
	char *id = info && strlen(info) > 1 + DEVICE_POOL_KEY_DIGITS ? info + 1 + DEVICE_POOL_KEY_DIGITS + 1 : NULL;
	char *space = id ? strchr(id, ' ') : NULL;
	d->license_id = d->license_product = NULL;
	if (space) {
		*space = 0;
		d->license_id = id;
		d->license_product = space + 1;
	}
	d->status = space && info[0] == 'L' ? "licensed" : waits ? "waiting" : space ? "expired" : "unlicensed";
}

static err_code device_one(struct db *db, struct arena *a, const char *sql, const struct store_param *p, int np,
                           struct device *out, struct err *e)
{
	if (store_q_one(db, a, sql, p, np, DEVICE_READ(out), E_NOT_FOUND, e))
		return e->code;
	device_finish(out);
	return E_OK;
}

static const char SQL_DEVICE_INSERT[] =
        "INSERT INTO devices (id, org_id, code, code_key, name, name_key, platform, user_id, user_key, state,"
        " activated_at, last_seen_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8,"
        " COALESCE((SELECT m.email_key FROM memberships m WHERE m.org_id = $2 AND m.user_id = $8), ''),"
        " 'active', $9, $9, $9)";

err_code store_device_insert(struct db *db, const struct device *d, const char *code_key, const char *name_key,
                             struct err *e)
{
	return store_q_exec(db, SQL_DEVICE_INSERT,
	                    PARAMS(P_TEXT(d->id), P_TEXT(d->org_id), P_TEXT(d->code), P_TEXT(code_key), P_TEXT(d->name),
	                           P_TEXT(name_key), P_TEXT(d->platform), P_TEXT(d->user_id), P_I64(d->created_at)),
	                    E_CONFLICT, e);
}

static const char SQL_DEVICE_BY_CODE[] = "SELECT " DEVICE_COLS DEVICE_FROM " WHERE d.org_id = $1 AND d.code = $3";

err_code store_device_by_code(struct db *db, struct arena *a, const char *org_id, const char *code, int64_t now,
                              struct device *out, struct err *e)
{
	return device_one(db, a, SQL_DEVICE_BY_CODE, PARAMS(P_TEXT(org_id), P_I64(now), P_TEXT(code)), out, e);
}

static const char SQL_DEVICE_GET[] = "SELECT " DEVICE_COLS DEVICE_FROM " WHERE d.org_id = $1 AND d.id = $3";

err_code store_device_get(struct db *db, struct arena *a, const char *org_id, const char *id, int64_t now,
                          struct device *out, struct err *e)
{
	return device_one(db, a, SQL_DEVICE_GET, PARAMS(P_TEXT(org_id), P_I64(now), P_TEXT(id)), out, e);
}

static const char SQL_DEVICE_WAITS[] =
        "SELECT COUNT(*) FROM seat_waiting w JOIN license_pools p ON p.id = w.pool_id"
        " WHERE w.device_id = $1 OR (w.org_id = $2 AND w.user_id = $3 AND p.unit = 'user')";

err_code store_device_waits(struct db *db, const struct device *d, bool *out, struct err *e)
{
	int64_t n;
	if (store_q_count(db, SQL_DEVICE_WAITS,
	                  PARAMS(P_TEXT(d->id), P_TEXT(d->org_id), P_TEXT(d->user_id ? d->user_id : "")), &n, e))
		return e->code;
	*out = n > 0;
	return E_OK;
}

static const char SQL_DEVICE_REBIND[] =
        "UPDATE devices SET user_id = $2, state = 'active', deactivated_at = NULL,"
        " user_key = COALESCE((SELECT m.email_key FROM memberships m WHERE m.org_id = devices.org_id"
        " AND m.user_id = $2), ''),"
        " name = CASE WHEN $3 = '' THEN name ELSE $3 END, name_key = CASE WHEN $3 = '' THEN name_key ELSE $4 END,"
        " platform = CASE WHEN $5 = '' THEN platform ELSE $5 END,"
        " activated_at = CASE WHEN state = 'active' AND user_id = $2 THEN activated_at ELSE $6 END,"
        " last_seen_at = $6 WHERE id = $1";
static const char SQL_SEATS_FOLLOW[] = "UPDATE seats SET user_id = $2 WHERE device_id = $1";
static const char SQL_WAITING_FOLLOW[] = "UPDATE seat_waiting SET user_id = $2 WHERE device_id = $1";

err_code store_device_rebind(struct db *db, const struct device *before, const char *user_id, const char *name,
                             const char *name_key, const char *platform, int64_t now, struct err *e)
{
	if (store_q_exec_one(db, SQL_DEVICE_REBIND,
	                     PARAMS(P_TEXT(before->id), P_TEXT(user_id), P_TEXT(name ? name : ""),
	                            P_TEXT(name_key ? name_key : ""), P_TEXT(platform ? platform : ""), P_I64(now)),
	                     E_INTERNAL, e))
		return e->code;
	if (before->user_id && !strcmp(before->user_id, user_id))
		return E_OK;
	if (store_q_exec(db, SQL_SEATS_FOLLOW, PARAMS(P_TEXT(before->id), P_TEXT(user_id)), E_INTERNAL, e))
		return e->code;
	return store_q_exec(db, SQL_WAITING_FOLLOW, PARAMS(P_TEXT(before->id), P_TEXT(user_id)), E_INTERNAL, e);
}

static const char SQL_DEVICE_DEACTIVATE[] =
        "UPDATE devices SET state = 'deactivated', deactivated_at = $2 WHERE id = $1 AND state = 'active'";

err_code store_device_deactivate(struct db *db, const char *id, int64_t now, struct err *e)
{
	return store_q_exec_one(db, SQL_DEVICE_DEACTIVATE, PARAMS(P_TEXT(id), P_I64(now)), E_INTERNAL, e);
}

static const char SQL_DEVICE_TOUCH[] = "UPDATE devices SET last_seen_at = $2 WHERE id = $1 AND last_seen_at <= $3";

err_code store_device_touch(struct db *db, const char *id, int64_t now, int64_t every_ms, struct err *e)
{
	return store_q_exec(db, SQL_DEVICE_TOUCH, PARAMS(P_TEXT(id), P_I64(now), P_I64(now - every_ms)), E_INTERNAL, e);
}

struct id_each {
	const char *row;
	device_id_cb cb;
	void *arg;
};

static void id_each_row(void *arg)
{
	struct id_each *x = arg;
	x->cb(x->row, x->arg);
}

static const char SQL_DEVICES_OF_USER[] =
        "SELECT id FROM devices WHERE org_id = $1 AND user_id = $2 AND state = 'active' ORDER BY id";

err_code store_devices_of_user(struct db *db, struct arena *a, const char *org_id, const char *user_id, device_id_cb cb,
                               void *arg, struct err *e)
{
	struct id_each x = {.cb = cb, .arg = arg};
	return store_q_each(db, a, SQL_DEVICES_OF_USER, PARAMS(P_TEXT(org_id), P_TEXT(user_id)), COLS(C_TEXT(&x.row)),
	                    id_each_row, &x, e);
}

struct device_each {
	struct device row;
	device_cb cb;
	void *arg;
};

static void device_each_row(void *arg)
{
	struct device_each *x = arg;
	device_finish(&x->row);
	x->cb(&x->row, x->arg);
}

static const char SQL_DEVICE_SCOPE[] = "SELECT " DEVICE_COLS DEVICE_FROM " WHERE d.org_id = $1 AND d.state = 'active'";

/* A search ($3..$4: the prefix range) finds its few devices by the three
 * prefix indexes, then reads them by id and sorts them. Written as the
 * generic OR, it is planned on devices_activated, the list's order, and
 * reads every device of the organization; the "|| ''" keeps the planner
 * of either engine from taking that index for the organization. */
#define IN_RANGE(col) "SELECT x.id FROM devices x WHERE x.org_id = $1 AND x." col " >= $3 AND x." col " < $4"
static const char SQL_DEVICE_SCOPE_SEARCH[] =
        "SELECT " DEVICE_COLS DEVICE_FROM " WHERE d.id IN (" IN_RANGE("code_key") " UNION ALL " IN_RANGE(
                "name_key") " UNION ALL " IN_RANGE("user_key") ") AND d.org_id || '' = $1 AND d.state || '' = 'active'";

err_code store_device_list(struct db *db, struct arena *a, const char *org_id, int64_t now, const struct list_query *q,
                           device_cb cb, void *arg, struct err *e)
{
	struct store_page page;
	err_code rc;
	if (q->q_lo) {
		struct list_query plain = *q; /* the search is the scope's */
		plain.q_lo = plain.q_hi = NULL;
		rc = store_list_page(SQL_DEVICE_SCOPE_SEARCH,
		                     PARAMS(P_TEXT(org_id), P_I64(now), P_TEXT(q->q_lo), P_TEXT(q->q_hi)), &plain,
		                     &page, e);
	} else {
		rc = store_list_page(SQL_DEVICE_SCOPE, PARAMS(P_TEXT(org_id), P_I64(now)), q, &page, e);
	}
	if (rc)
		return rc;
	struct device_each x = {.cb = cb, .arg = arg};
	return store_page_each(db, a, &page, DEVICE_READ(&x.row), device_each_row, &x, e);
}

#define POOL_COLS_P                                                                                                    \
	"p.id, p.org_id, p.product, p.plan, p.unit, p.state, p.seats, p.used, p.reserved, p.auto_assign, p.starts_at," \
	" p.ends_at, p.offline_days, COALESCE(p.max_transfers_per_month, -1), p.created_by, p.created_at,"             \
	" p.updated_at, 0, CASE WHEN " POOL_USABLE " THEN 1 ELSE 0 END"

/* Every pool it holds a seat of, its own seats (1) and its user's of
 * per-user pools (0), each on its index, in one statement; the caller
 * picks, as DEVICE_POOL_SQL does: no ORDER BY, which on SQLite costs a
 * temporary b-tree for the one or two rows a device has. */
#define DEVICE_POOLS_OF(own, holds)                                                                                    \
	"SELECT " own ", " POOL_COLS_P " FROM seats s JOIN license_pools p ON p.id = s.pool_id WHERE " holds           \
	" AND (CAST($4 AS TEXT) = '' OR p.product = $4)"
static const char SQL_DEVICE_POOLS[] = DEVICE_POOLS_OF("1", "s.device_id = $3") " UNION ALL " DEVICE_POOLS_OF(
        "0", "s.org_id = $1 AND s.user_id = $5 AND p.unit = 'user'");

struct pool_pick {
	struct license_pool row, best;
	bool own, usable, best_own, best_usable, found;
};

/* Usable before not, its own before its user's, the later term, then the
 * greater id: the order of DEVICE_POOL_SQL's key. */
static bool pool_before(const struct pool_pick *x)
{
	if (x->usable != x->best_usable)
		return x->usable;
	if (x->own != x->best_own)
		return x->own;
	if (x->row.ends_at != x->best.ends_at)
		return x->row.ends_at > x->best.ends_at;
	return strcmp(x->row.id, x->best.id) > 0;
}

static void pool_pick_row(void *arg)
{
	struct pool_pick *x = arg;
	if (!x->found || pool_before(x)) {
		x->best = x->row;
		x->best_own = x->own;
		x->best_usable = x->usable;
		x->found = true;
	}
}

err_code store_device_pool(struct db *db, struct arena *a, const struct device *d, const char *product, int64_t now,
                           struct license_pool *p, bool *usable, struct err *e)
{
	struct pool_pick x = {0};
	struct license_pool *r = &x.row;
	if (store_q_each(db, a, SQL_DEVICE_POOLS,
	                 PARAMS(P_TEXT(d->org_id), P_I64(now), P_TEXT(d->id), P_TEXT(product ? product : ""),
	                        P_TEXT(d->user_id)),
	                 COLS(C_BOOL(&x.own), C_TEXT(&r->id), C_TEXT(&r->org_id), C_TEXT(&r->product), C_TEXT(&r->plan),
	                      C_TEXT(&r->unit), C_TEXT(&r->state), C_I64(&r->seats), C_I64(&r->used),
	                      C_I64(&r->reserved), C_BOOL(&r->auto_assign), C_I64(&r->starts_at), C_I64(&r->ends_at),
	                      C_INT(&r->offline_days), C_INT(&r->max_transfers_per_month), C_TEXT(&r->created_by),
	                      C_I64(&r->created_at), C_I64(&r->updated_at), C_I64(&r->waiting), C_BOOL(&x.usable)),
	                 pool_pick_row, &x, e))
		return e->code;
	if (!x.found)
		return err_set(e, E_NOT_FOUND, NULL, NULL);
	*p = x.best;
	*usable = x.best_usable;
	return E_OK;
}

/* The license check in one statement, one round trip on PostgreSQL. Rows
 * of kind 1: the device of the token, if it is active, of an active member
 * of an open organization, with the id of the key that signs now, and a
 * pool it holds a seat of (NULL when none); rows of kind 0: the per-user
 * pools its user holds a seat of. Each on its index (seats_device,
 * seats_user), the token on its unique hash and the device by id in
 * subqueries, so that no statistics can make a join scan a table; no WITH,
 * which SQLite would copy into a temporary table. */
#define LICENSE_DEVICE_NULLS "NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL"
#define LICENSE_PRODUCT "(CAST($3 AS TEXT) = '' OR p.product = $3)"
#define LICENSE_TOKEN_DEVICE "d.id = (SELECT t.subject FROM tokens t WHERE " STORE_TOKEN_ISSUED("device") ")"
static const char SQL_DEVICE_LICENSE[] =
        "SELECT 1, d.id, d.org_id, d.code, d.name, d.platform, d.state, d.user_id, u.email, u.first_name,"
        " u.last_name, d.activated_at, d.last_seen_at, d.created_at, d.code_key,"
        " (SELECT k.id FROM license_keys k WHERE k.retired_at IS NULL), " POOL_COLS_P
        " FROM devices d JOIN users u ON u.id = d.user_id LEFT JOIN seats s ON s.device_id = d.id"
        " LEFT JOIN license_pools p ON p.id = s.pool_id AND " LICENSE_PRODUCT " WHERE " LICENSE_TOKEN_DEVICE
        " AND d.state = 'active' AND u.state = 'active'"
        " AND EXISTS (SELECT 1 FROM orgs o WHERE o.id = d.org_id AND o.state = 'active')"
        " AND EXISTS (SELECT 1 FROM memberships m WHERE m.org_id = d.org_id AND m.user_id = d.user_id)"
        " UNION ALL SELECT 0, " LICENSE_DEVICE_NULLS ", " POOL_COLS_P
        " FROM devices d JOIN seats s ON s.org_id = d.org_id AND s.user_id = d.user_id"
        " JOIN license_pools p ON p.id = s.pool_id WHERE " LICENSE_TOKEN_DEVICE
        " AND p.unit = 'user' AND " LICENSE_PRODUCT;

struct license_rows {
	int kind;
	struct device dev, *d;
	const char *key_id, **signing_key_id;
	bool found_device;
	struct pool_pick pick;
};

static void license_row(void *arg)
{
	struct license_rows *x = arg;
	if (x->kind == 1) {
		*x->d = x->dev;
		*x->signing_key_id = x->key_id;
		x->found_device = true;
	}
	x->pick.own = x->kind == 1;
	if (x->pick.row.id)
		pool_pick_row(&x->pick);
}

err_code store_device_license(struct db *db, struct arena *a, const char *token_hash, const char *product, int64_t now,
                              struct device *d, const char **signing_key_id, struct license_pool *pool, bool *has_pool,
                              bool *usable, struct err *e)
{
	struct license_rows x = {.d = d, .signing_key_id = signing_key_id};
	struct device *v = &x.dev;
	struct license_pool *r = &x.pick.row;
	*signing_key_id = NULL;
	if (store_q_each(db, a, SQL_DEVICE_LICENSE,
	                 PARAMS(P_TEXT(token_hash), P_I64(now), P_TEXT(product ? product : "")),
	                 COLS(C_INT(&x.kind), C_TEXT(&v->id), C_TEXT(&v->org_id), C_TEXT(&v->code), C_TEXT(&v->name),
	                      C_TEXT(&v->platform), C_TEXT(&v->state), C_TEXT(&v->user_id), C_TEXT(&v->email),
	                      C_TEXT(&v->first_name), C_TEXT(&v->last_name), C_I64(&v->activated_at),
	                      C_I64(&v->last_seen_at), C_I64(&v->created_at), C_TEXT(&v->code_key), C_TEXT(&x.key_id),
	                      C_TEXT(&r->id), C_TEXT(&r->org_id), C_TEXT(&r->product), C_TEXT(&r->plan),
	                      C_TEXT(&r->unit), C_TEXT(&r->state), C_I64(&r->seats), C_I64(&r->used),
	                      C_I64(&r->reserved), C_BOOL(&r->auto_assign), C_I64(&r->starts_at), C_I64(&r->ends_at),
	                      C_INT(&r->offline_days), C_INT(&r->max_transfers_per_month), C_TEXT(&r->created_by),
	                      C_I64(&r->created_at), C_I64(&r->updated_at), C_I64(&r->waiting), C_BOOL(&x.pick.usable)),
	                 license_row, &x, e))
		return e->code;
	if (!x.found_device)
		return err_set(e, E_NOT_FOUND, NULL, NULL);
	d->status = "unlicensed";
	d->license_id = d->license_product = NULL;
	d->deactivated_at = 0;
	*has_pool = x.pick.found;
	*usable = x.pick.found && x.pick.best_usable;
	if (x.pick.found)
		*pool = x.pick.best;
	return E_OK;
}

/* ---- per-device seats ---- */

static const char SQL_SEAT_INSERT_DEVICE[] =
        "INSERT INTO seats (pool_id, holder_id, org_id, user_id, device_id, source, assigned_by, assigned_at)"
        " SELECT $1, d.id, d.org_id, d.user_id, d.id, $4, $5,"
        " " STORE_SEAT_ASSIGNED_AT " FROM devices d WHERE d.org_id = $2 AND d.id = $3 AND d.state = 'active'";

err_code store_seat_insert_device(struct db *db, const char *org_id, const char *pool_id, const char *device_id,
                                  const char *source, const char *assigned_by, int64_t now, struct err *e)
{
	err_code rc = store_q_exec_one(db, SQL_SEAT_INSERT_DEVICE,
	                               PARAMS(P_TEXT(pool_id), P_TEXT(org_id), P_TEXT(device_id), P_TEXT(source),
	                                      P_TEXT(assigned_by), P_I64(now)),
	                               E_ALREADY_ASSIGNED, e);
	if (rc == E_NOT_FOUND)
		return err_set(e, E_NOT_FOUND, "device_id", "There is no such active device in this organization.");
	if (rc == E_ALREADY_ASSIGNED)
		return err_set(e, E_ALREADY_ASSIGNED, "device_id", NULL);
	return rc;
}

static const char SQL_WAITING_ADD_DEVICE[] =
        "INSERT INTO seat_waiting (pool_id, holder_id, org_id, user_id, device_id, joined_at)"
        " SELECT $1, d.id, d.org_id, d.user_id, d.id,"
        " " STORE_WAITING_JOINED_AT " FROM devices d WHERE d.org_id = $2 AND d.id = $3 AND d.state = 'active'"
        " ON CONFLICT (pool_id, holder_id) DO NOTHING";

err_code store_waiting_add_device(struct db *db, const char *org_id, const char *pool_id, const char *device_id,
                                  int64_t now, struct err *e)
{
	return store_q_exec(db, SQL_WAITING_ADD_DEVICE,
	                    PARAMS(P_TEXT(pool_id), P_TEXT(org_id), P_TEXT(device_id), P_I64(now)), E_INTERNAL, e);
}

static const char SQL_DEVICE_SEAT_POOLS[] = "SELECT pool_id FROM seats WHERE device_id = $1 ORDER BY pool_id";

err_code store_device_seat_pools(struct db *db, struct arena *a, const char *device_id, device_id_cb cb, void *arg,
                                 struct err *e)
{
	struct id_each x = {.cb = cb, .arg = arg};
	return store_q_each(db, a, SQL_DEVICE_SEAT_POOLS, PARAMS(P_TEXT(device_id)), COLS(C_TEXT(&x.row)), id_each_row,
	                    &x, e);
}

/* The counters first, while the rows they count are still there. */
static const char SQL_SEATS_RELEASE_DEVICE[] =
        "UPDATE license_pools SET used = used - 1 WHERE id IN (SELECT pool_id FROM seats WHERE device_id = $1)";
static const char SQL_SEATS_DELETE_DEVICE[] = "DELETE FROM seats WHERE device_id = $1";
static const char SQL_WAITING_DELETE_DEVICE[] = "DELETE FROM seat_waiting WHERE device_id = $1";

err_code store_seats_release_device(struct db *db, const char *device_id, struct err *e)
{
	if (store_q_exec(db, SQL_SEATS_RELEASE_DEVICE, PARAMS(P_TEXT(device_id)), E_INTERNAL, e) ||
	    store_q_exec(db, SQL_SEATS_DELETE_DEVICE, PARAMS(P_TEXT(device_id)), E_INTERNAL, e))
		return e->code;
	return store_q_exec(db, SQL_WAITING_DELETE_DEVICE, PARAMS(P_TEXT(device_id)), E_INTERNAL, e);
}

/* ---- what a member holds ---- */

STORE_EACH(member_seat, struct member_seat, member_seat_cb)

static const char SQL_MEMBER_SEATS[] =
        "SELECT p.id, p.product, s.source, s.assigned_at FROM seats s JOIN license_pools p ON p.id = s.pool_id"
        " WHERE s.org_id = $1 AND s.user_id = $2 AND p.unit = 'user' ORDER BY p.product, p.id";

err_code store_member_seats(struct db *db, struct arena *a, const char *org_id, const char *user_id, member_seat_cb cb,
                            void *arg, struct err *e)
{
	struct member_seat_each x = {.cb = cb, .arg = arg};
	struct member_seat *r = &x.row;
	return store_q_each(
	        db, a, SQL_MEMBER_SEATS, PARAMS(P_TEXT(org_id), P_TEXT(user_id)),
	        COLS(C_TEXT(&r->license_id), C_TEXT(&r->product), C_TEXT(&r->source), C_I64(&r->assigned_at)),
	        member_seat_each_row, &x, e);
}

static const char SQL_MEMBER_DEVICES[] =
        "SELECT " DEVICE_COLS DEVICE_FROM " WHERE d.org_id = $1 AND d.user_id = $3 AND d.state = 'active'"
        " ORDER BY d.activated_at DESC, d.id DESC LIMIT 100";

err_code store_member_devices(struct db *db, struct arena *a, const char *org_id, const char *user_id, int64_t now,
                              device_cb cb, void *arg, struct err *e)
{
	struct device_each x = {.cb = cb, .arg = arg};
	return store_q_each(db, a, SQL_MEMBER_DEVICES, PARAMS(P_TEXT(org_id), P_I64(now), P_TEXT(user_id)),
	                    DEVICE_READ(&x.row), device_each_row, &x, e);
}

/* ---- signing keys ---- */

#define KEY_COLS "id, public_key, secret_key, created_at, COALESCE(retired_at, 0)"
#define KEY_READ(k)                                                                                                    \
	COLS(C_TEXT(&(k)->id), C_TEXT(&(k)->public_key), C_TEXT(&(k)->secret_key), C_I64(&(k)->created_at),            \
	     C_I64(&(k)->retired_at))

static const char SQL_KEY_SIGNING[] = "SELECT " KEY_COLS " FROM license_keys WHERE retired_at IS NULL";

err_code store_license_key_signing(struct db *db, struct arena *a, struct license_key *out, struct err *e)
{
	return store_q_one(db, a, SQL_KEY_SIGNING, NO_PARAMS, KEY_READ(out), E_NOT_FOUND, e);
}

static const char SQL_KEY_RETIRE[] = "UPDATE license_keys SET retired_at = $1 WHERE retired_at IS NULL";
static const char SQL_KEY_INSERT[] =
        "INSERT INTO license_keys (id, public_key, secret_key, created_at) VALUES ($1, $2, $3, $4)";

err_code store_license_key_add(struct db *db, const struct license_key *k, bool retire_current, int64_t now,
                               struct err *e)
{
	if (retire_current && store_q_exec(db, SQL_KEY_RETIRE, PARAMS(P_I64(now)), E_INTERNAL, e))
		return e->code;
	return store_q_exec(db, SQL_KEY_INSERT,
	                    PARAMS(P_TEXT(k->id), P_TEXT(k->public_key), P_TEXT(k->secret_key), P_I64(k->created_at)),
	                    E_CONFLICT, e);
}

STORE_EACH(key, struct license_key, license_key_cb)

static const char SQL_KEYS[] = "SELECT " KEY_COLS " FROM license_keys WHERE retired_at IS NULL OR retired_at > $1"
                               " ORDER BY created_at DESC, id DESC";

err_code store_license_keys(struct db *db, struct arena *a, int64_t since, license_key_cb cb, void *arg, struct err *e)
{
	struct key_each x = {.cb = cb, .arg = arg};
	return store_q_each(db, a, SQL_KEYS, PARAMS(P_I64(since)), KEY_READ(&x.row), key_each_row, &x, e);
}
