#include "store/licenses.h"

#include "store/devices.h"
#include "store/list.h"
#include "store/query.h"
#include "store/store.h"

#include <string.h>

#define POOL_COLS                                                                                                      \
	"id, org_id, product, plan, unit, state, seats, used, reserved, auto_assign, starts_at, ends_at, "             \
	"offline_days, COALESCE(max_transfers_per_month, -1), created_by, created_at, updated_at, "                    \
	"(SELECT COUNT(*) FROM seat_waiting w WHERE w.pool_id = license_pools.id)"

#define POOL_READ(p)                                                                                                   \
	COLS(C_TEXT(&(p)->id), C_TEXT(&(p)->org_id), C_TEXT(&(p)->product), C_TEXT(&(p)->plan), C_TEXT(&(p)->unit),    \
	     C_TEXT(&(p)->state), C_I64(&(p)->seats), C_I64(&(p)->used), C_I64(&(p)->reserved),                        \
	     C_BOOL(&(p)->auto_assign), C_I64(&(p)->starts_at), C_I64(&(p)->ends_at), C_INT(&(p)->offline_days),       \
	     C_INT(&(p)->max_transfers_per_month), C_TEXT(&(p)->created_by), C_I64(&(p)->created_at),                  \
	     C_I64(&(p)->updated_at), C_I64(&(p)->waiting))

static const char SQL_POOL_INSERT[] =
        "INSERT INTO license_pools (id, org_id, product, plan, unit, state, seats, auto_assign, starts_at, ends_at,"
        " offline_days, max_transfers_per_month, created_by, created_at, updated_at)"
        " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, NULLIF($12, -1), $13, $14, $14)";

err_code store_license_insert(struct db *db, const struct license_pool *p, struct err *e)
{
	return store_q_exec(db, SQL_POOL_INSERT,
	                    PARAMS(P_TEXT(p->id), P_TEXT(p->org_id), P_TEXT(p->product), P_TEXT(p->plan),
	                           P_TEXT(p->unit), P_TEXT(p->state), P_I64(p->seats), P_BOOL(p->auto_assign),
	                           P_I64(p->starts_at), P_I64(p->ends_at), P_I64(p->offline_days),
	                           P_I64(p->max_transfers_per_month), P_TEXT(p->created_by), P_I64(p->created_at)),
	                    E_INVALID, e);
}

static const char SQL_POOL_GET[] = "SELECT " POOL_COLS " FROM license_pools WHERE id = $1 AND org_id = $2";

err_code store_license_get(struct db *db, struct arena *a, const char *org_id, const char *id, struct license_pool *out,
                           struct err *e)
{
	return store_q_one(db, a, SQL_POOL_GET, PARAMS(P_TEXT(id), P_TEXT(org_id)), POOL_READ(out), E_NOT_FOUND, e);
}

STORE_EACH(pool, struct license_pool, license_pool_cb)

static const char SQL_POOL_LIST[] = "SELECT " POOL_COLS " FROM license_pools WHERE org_id = $1 ORDER BY product, id";

err_code store_license_list(struct db *db, struct arena *a, const char *org_id, license_pool_cb cb, void *arg,
                            struct err *e)
{
	struct pool_each x = {.cb = cb, .arg = arg};
	return store_q_each(db, a, SQL_POOL_LIST, PARAMS(P_TEXT(org_id)), POOL_READ(&x.row), pool_each_row, &x, e);
}

/* The seats may not fall below what is in use: the condition answers no
 * row rather than a CHECK violation, so that it reads as a conflict. */
static const char SQL_POOL_UPDATE[] =
        "UPDATE license_pools SET seats = $3, state = $4, auto_assign = $5, ends_at = $6, updated_at = $7,"
        " max_transfers_per_month = NULLIF($8, -1) WHERE id = $1 AND org_id = $2 AND used + reserved <= $3";

err_code store_license_update(struct db *db, const struct license_pool *p, int64_t now, struct err *e)
{
	err_code rc = store_q_exec_one(db, SQL_POOL_UPDATE,
	                               PARAMS(P_TEXT(p->id), P_TEXT(p->org_id), P_I64(p->seats), P_TEXT(p->state),
	                                      P_BOOL(p->auto_assign), P_I64(p->ends_at), P_I64(now),
	                                      P_I64(p->max_transfers_per_month)),
	                               E_INVALID, e);
	if (rc == E_NOT_FOUND)
		return err_set(e, E_SEATS_IN_USE, "seats", NULL);
	return rc;
}

/* The month's count starts again at 0 in a new month; the limit is read
 * against that, so a limit of 0 refuses every transfer. */
static const char SQL_POOL_TRANSFER[] =
        "UPDATE license_pools SET transfers = CASE WHEN transfer_month = $2 THEN transfers + 1 ELSE 1 END,"
        " transfer_month = $2 WHERE id = $1 AND (max_transfers_per_month IS NULL"
        " OR CASE WHEN transfer_month = $2 THEN transfers ELSE 0 END < max_transfers_per_month)";

err_code store_license_transfer(struct db *db, const char *pool_id, int month, bool *allowed, struct err *e)
{
	err_code rc = store_q_exec_one(db, SQL_POOL_TRANSFER, PARAMS(P_TEXT(pool_id), P_I64(month)), E_INTERNAL, e);
	*allowed = rc == E_OK;
	if (rc == E_NOT_FOUND) {
		err_clear(e);
		return E_OK;
	}
	return rc;
}

static const char SQL_POOL_LOCK[] = "UPDATE license_pools SET updated_at = updated_at WHERE id = $1 AND org_id = $2";

err_code store_license_lock(struct db *db, const char *org_id, const char *id, struct err *e)
{
	return store_q_exec_one(db, SQL_POOL_LOCK, PARAMS(P_TEXT(id), P_TEXT(org_id)), E_INTERNAL, e);
}

static const char SQL_SEAT_TAKE[] =
        "UPDATE license_pools SET used = used + 1, updated_at = $3"
        " WHERE id = $1 AND org_id = $2 AND used + reserved < seats AND state <> 'cancelled' AND ends_at > $3";

err_code store_seat_take(struct db *db, const char *org_id, const char *pool_id, int64_t now, bool *taken,
                         struct err *e)
{
	err_code rc =
	        store_q_exec_one(db, SQL_SEAT_TAKE, PARAMS(P_TEXT(pool_id), P_TEXT(org_id), P_I64(now)), E_INTERNAL, e);
	*taken = rc == E_OK;
	if (rc == E_NOT_FOUND) {
		err_clear(e);
		return E_OK;
	}
	return rc;
}

/* Only a member of the pool's organization can hold its seat. */
static const char SQL_SEAT_INSERT_USER[] =
        "INSERT INTO seats (pool_id, holder_id, org_id, user_id, device_id, source, assigned_by, assigned_at)"
        " SELECT $1, m.user_id, m.org_id, m.user_id, NULL, $4, $5,"
        " " STORE_SEAT_ASSIGNED_AT " FROM memberships m WHERE m.org_id = $2 AND m.user_id = $3";

err_code store_seat_insert_user(struct db *db, const char *org_id, const char *pool_id, const char *user_id,
                                const char *source, const char *assigned_by, int64_t now, struct err *e)
{
	err_code rc = store_q_exec_one(db, SQL_SEAT_INSERT_USER,
	                               PARAMS(P_TEXT(pool_id), P_TEXT(org_id), P_TEXT(user_id), P_TEXT(source),
	                                      P_TEXT(assigned_by), P_I64(now)),
	                               E_ALREADY_ASSIGNED, e);
	if (rc == E_NOT_FOUND)
		return err_set(e, E_NOT_FOUND, "user_id", "There is no such member in this organization.");
	if (rc == E_ALREADY_ASSIGNED)
		return err_set(e, E_ALREADY_ASSIGNED, "user_id", NULL);
	return rc;
}

static const char SQL_SEAT_HELD[] = "SELECT COUNT(*) FROM seats WHERE pool_id = $1 AND holder_id = $2";

err_code store_seat_held(struct db *db, const char *pool_id, const char *holder_id, bool *out, struct err *e)
{
	int64_t n = 0;
	if (store_q_count(db, SQL_SEAT_HELD, PARAMS(P_TEXT(pool_id), P_TEXT(holder_id)), &n, e))
		return e->code;
	*out = n > 0;
	return E_OK;
}

static const char SQL_SEAT_DELETE[] = "DELETE FROM seats WHERE pool_id = $1 AND holder_id = $2";
static const char SQL_SEAT_RELEASE[] = "UPDATE license_pools SET used = used - 1 WHERE id = $1";

err_code store_seat_delete(struct db *db, const char *pool_id, const char *holder_id, struct err *e)
{
	if (store_q_exec_one(db, SQL_SEAT_DELETE, PARAMS(P_TEXT(pool_id), P_TEXT(holder_id)), E_INTERNAL, e))
		return e->code;
	return store_q_exec_one(db, SQL_SEAT_RELEASE, PARAMS(P_TEXT(pool_id)), E_INTERNAL, e);
}

err_code store_seat_move(struct db *db, const char *org_id, const char *pool_id, bool devices, const char *from,
                         const char *to, const char *assigned_by, int64_t now, struct err *e)
{
	if (store_q_exec_one(db, SQL_SEAT_DELETE, PARAMS(P_TEXT(pool_id), P_TEXT(from)), E_INTERNAL, e))
		return e->code == E_NOT_FOUND ? err_set(e, E_NOT_FOUND, "from",
		                                        devices ? "This device holds no seat of the pool."
		                                                : "This person holds no seat of the pool.")
		                              : e->code;
	err_code rc = devices ? store_seat_insert_device(db, org_id, pool_id, to, "manual", assigned_by, now, e)
	                      : store_seat_insert_user(db, org_id, pool_id, to, "manual", assigned_by, now, e);
	if (rc == E_NOT_FOUND || rc == E_ALREADY_ASSIGNED)
		e->field = "to";
	return rc;
}

/* The counters first, while the rows they count are still there; a user
 * holds one seat per per-user pool but may hold several of a per-device
 * pool (one per device of theirs). */
static const char SQL_SEATS_RELEASE_USER[] =
        "UPDATE license_pools SET used = used - (SELECT COUNT(*) FROM seats s"
        " WHERE s.pool_id = license_pools.id AND s.org_id = $1 AND s.user_id = $2)"
        " WHERE id IN (SELECT pool_id FROM seats WHERE org_id = $1 AND user_id = $2)";
static const char SQL_SEATS_DELETE_USER[] = "DELETE FROM seats WHERE org_id = $1 AND user_id = $2";

err_code store_seats_release_user(struct db *db, const char *org_id, const char *user_id, struct err *e)
{
	if (store_q_exec(db, SQL_SEATS_RELEASE_USER, PARAMS(P_TEXT(org_id), P_TEXT(user_id)), E_INTERNAL, e))
		return e->code;
	return store_q_exec(db, SQL_SEATS_DELETE_USER, PARAMS(P_TEXT(org_id), P_TEXT(user_id)), E_INTERNAL, e);
}

STORE_EACH(seat, struct seat_row, seat_row_cb)

static const char SQL_SEAT_SCOPE[] =
        "SELECT s.pool_id, s.holder_id, s.user_id, s.device_id, u.email, u.first_name, u.last_name, s.source,"
        " s.assigned_by, s.assigned_at, dv.code, dv.name"
        " FROM seats s JOIN memberships m ON m.org_id = s.org_id AND m.user_id = s.user_id"
        " JOIN users u ON u.id = s.user_id LEFT JOIN devices dv ON dv.id = s.device_id WHERE s.pool_id = $1";

/* A page of a pool's seat rows (its holders, or its waiting list) over scope. */
static err_code seat_rows_page(struct db *db, struct arena *a, const char *scope, const char *pool_id,
                               const struct list_query *q, seat_row_cb cb, void *arg, struct err *e)
{
	struct store_page page;
	if (store_list_page(scope, PARAMS(P_TEXT(pool_id)), q, &page, e))
		return e->code;
	struct seat_each x = {.cb = cb, .arg = arg};
	struct seat_row *r = &x.row;
	return store_page_each(db, a, &page,
	                       COLS(C_TEXT(&r->pool_id), C_TEXT(&r->holder_id), C_TEXT(&r->user_id),
	                            C_TEXT(&r->device_id), C_TEXT(&r->email), C_TEXT(&r->first_name),
	                            C_TEXT(&r->last_name), C_TEXT(&r->source), C_TEXT(&r->assigned_by),
	                            C_I64(&r->assigned_at), C_TEXT(&r->device_code), C_TEXT(&r->device_name)),
	                       seat_each_row, &x, e);
}

err_code store_seat_list(struct db *db, struct arena *a, const char *pool_id, const struct list_query *q,
                         seat_row_cb cb, void *arg, struct err *e)
{
	return seat_rows_page(db, a, SQL_SEAT_SCOPE, pool_id, q, cb, arg, e);
}

/* ---- the waiting list ---- */

/* joined_at: STORE_WAITING_JOINED_AT, the order they came in. */
static const char SQL_WAITING_ADD_USER[] =
        "INSERT INTO seat_waiting (pool_id, holder_id, org_id, user_id, device_id, joined_at)"
        " SELECT $1, m.user_id, m.org_id, m.user_id, NULL,"
        " " STORE_WAITING_JOINED_AT " FROM memberships m WHERE m.org_id = $2 AND m.user_id = $3"
        " ON CONFLICT (pool_id, holder_id) DO NOTHING";

err_code store_waiting_add_user(struct db *db, const char *org_id, const char *pool_id, const char *user_id,
                                int64_t now, struct err *e)
{
	return store_q_exec(db, SQL_WAITING_ADD_USER,
	                    PARAMS(P_TEXT(pool_id), P_TEXT(org_id), P_TEXT(user_id), P_I64(now)), E_INTERNAL, e);
}

static const char SQL_WAITING_FIRST[] = "SELECT holder_id, user_id, device_id FROM seat_waiting WHERE pool_id = $1"
                                        " ORDER BY joined_at, holder_id LIMIT 1";

err_code store_waiting_first(struct db *db, struct arena *a, const char *pool_id, const char **holder_id,
                             const char **user_id, const char **device_id, struct err *e)
{
	return store_q_one(db, a, SQL_WAITING_FIRST, PARAMS(P_TEXT(pool_id)),
	                   COLS(C_TEXT(holder_id), C_TEXT(user_id), C_TEXT(device_id)), E_NOT_FOUND, e);
}

static const char SQL_WAITING_HELD[] = "SELECT COUNT(*) FROM seat_waiting WHERE pool_id = $1 AND holder_id = $2";

err_code store_waiting_held(struct db *db, const char *pool_id, const char *holder_id, bool *out, struct err *e)
{
	int64_t n;
	if (store_q_count(db, SQL_WAITING_HELD, PARAMS(P_TEXT(pool_id), P_TEXT(holder_id)), &n, e))
		return e->code;
	*out = n > 0;
	return E_OK;
}

static const char SQL_WAITING_DELETE[] = "DELETE FROM seat_waiting WHERE pool_id = $1 AND holder_id = $2";

err_code store_waiting_delete(struct db *db, const char *pool_id, const char *holder_id, struct err *e)
{
	return store_q_exec_one(db, SQL_WAITING_DELETE, PARAMS(P_TEXT(pool_id), P_TEXT(holder_id)), E_INTERNAL, e);
}

static const char SQL_WAITING_DELETE_USER[] = "DELETE FROM seat_waiting WHERE org_id = $1 AND user_id = $2";

err_code store_waiting_release_user(struct db *db, const char *org_id, const char *user_id, struct err *e)
{
	return store_q_exec(db, SQL_WAITING_DELETE_USER, PARAMS(P_TEXT(org_id), P_TEXT(user_id)), E_INTERNAL, e);
}

struct pool_id_each {
	const char *row;
	license_id_cb cb;
	void *arg;
};

static void pool_id_row(void *arg)
{
	struct pool_id_each *x = arg;
	x->cb(x->row, x->arg);
}

static const char SQL_POOLS_AUTO[] =
        "SELECT id FROM license_pools WHERE org_id = $1 AND unit = $2 AND auto_assign = 1 AND state <> 'cancelled'"
        " AND ends_at > $3 ORDER BY product, id";

err_code store_license_auto_ids(struct db *db, struct arena *a, const char *org_id, const char *unit, int64_t now,
                                license_id_cb cb, void *arg, struct err *e)
{
	struct pool_id_each x = {.cb = cb, .arg = arg};
	return store_q_each(db, a, SQL_POOLS_AUTO, PARAMS(P_TEXT(org_id), P_TEXT(unit), P_I64(now)),
	                    COLS(C_TEXT(&x.row)), pool_id_row, &x, e);
}

static const char SQL_POOLS_WAITING[] =
        "SELECT p.id FROM license_pools p WHERE p.org_id = $1"
        " AND EXISTS (SELECT 1 FROM seat_waiting w WHERE w.pool_id = p.id) ORDER BY p.product, p.id";

err_code store_license_waiting_ids(struct db *db, struct arena *a, const char *org_id, license_id_cb cb, void *arg,
                                   struct err *e)
{
	struct pool_id_each x = {.cb = cb, .arg = arg};
	return store_q_each(db, a, SQL_POOLS_WAITING, PARAMS(P_TEXT(org_id)), COLS(C_TEXT(&x.row)), pool_id_row, &x, e);
}

static const char SQL_SEATS_NEWEST[] =
        "SELECT s.pool_id, s.holder_id, s.user_id, s.device_id, u.email, u.first_name, u.last_name, s.source,"
        " s.assigned_by, s.assigned_at, dv.code, dv.name FROM seats s JOIN users u ON u.id = s.user_id"
        " LEFT JOIN devices dv ON dv.id = s.device_id WHERE s.pool_id = $1 ORDER BY s.assigned_at DESC, s.holder_id "
        "DESC LIMIT $2";

err_code store_seats_newest(struct db *db, struct arena *a, const char *pool_id, int64_t n, seat_row_cb cb, void *arg,
                            struct err *e)
{
	struct seat_each x = {.cb = cb, .arg = arg};
	struct seat_row *r = &x.row;
	return store_q_each(db, a, SQL_SEATS_NEWEST, PARAMS(P_TEXT(pool_id), P_I64(n)),
	                    COLS(C_TEXT(&r->pool_id), C_TEXT(&r->holder_id), C_TEXT(&r->user_id), C_TEXT(&r->device_id),
	                         C_TEXT(&r->email), C_TEXT(&r->first_name), C_TEXT(&r->last_name), C_TEXT(&r->source),
	                         C_TEXT(&r->assigned_by), C_I64(&r->assigned_at), C_TEXT(&r->device_code),
	                         C_TEXT(&r->device_name)),
	                    seat_each_row, &x, e);
}

static const char SQL_WAITING_SCOPE[] =
        "SELECT w.pool_id, w.holder_id, w.user_id, w.device_id, u.email, u.first_name, u.last_name, NULL, NULL,"
        " w.joined_at, dv.code, dv.name FROM seat_waiting w"
        " JOIN memberships m ON m.org_id = w.org_id AND m.user_id = w.user_id"
        " JOIN users u ON u.id = w.user_id LEFT JOIN devices dv ON dv.id = w.device_id WHERE w.pool_id = $1";

err_code store_waiting_list(struct db *db, struct arena *a, const char *pool_id, const struct list_query *q,
                            seat_row_cb cb, void *arg, struct err *e)
{
	return seat_rows_page(db, a, SQL_WAITING_SCOPE, pool_id, q, cb, arg, e);
}
