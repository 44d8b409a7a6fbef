#ifndef ROSTER_STORE_LICENSES_H
#define ROSTER_STORE_LICENSES_H

#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "core/list.h"
#include "core/model.h"
#include "store/db.h"

/* License pools and their seats. The counters used and reserved move only
 * here, each time with the seats rows they count, in the caller's
 * transaction; the first statement of every change is a conditional
 * UPDATE of the pool row, which locks it (PostgreSQL) until the end of the
 * transaction (SQLite serializes writers already). */

err_code store_license_insert(struct db *db, const struct license_pool *p, struct err *e);
/* E_NOT_FOUND unless the pool is the organization's. */
err_code store_license_get(struct db *db, struct arena *a, const char *org_id, const char *id, struct license_pool *out,
                           struct err *e);
typedef void (*license_pool_cb)(const struct license_pool *p, void *arg);
/* Every pool of the organization, by product then id. */
err_code store_license_list(struct db *db, struct arena *a, const char *org_id, license_pool_cb cb, void *arg,
                            struct err *e);
/* Writes seats, state, auto_assign, ends_at and max_transfers_per_month as given in p (the others
 * are kept); E_CONFLICT when seats would be below used + reserved. */
err_code store_license_update(struct db *db, const struct license_pool *p, int64_t now, struct err *e);
/* Locks the pool row for the rest of the transaction. */
err_code store_license_lock(struct db *db, const char *org_id, const char *id, struct err *e);

/* The time a seat given at $6 (now) is recorded with, in the pool $1: now,
 * or just after the pool's newest seat when that is not earlier, so that
 * seats given within one millisecond keep their order (a reduction by
 * newest holders depends on it; the organization is locked meanwhile).
 * The same for a place on the waiting list, joined at $4. */
#define STORE_SEAT_ASSIGNED_AT                                                                                         \
	"COALESCE((SELECT MAX(s.assigned_at) + 1 FROM seats s WHERE s.pool_id = $1 AND s.assigned_at >= $6), $6)"
#define STORE_WAITING_JOINED_AT                                                                                        \
	"COALESCE((SELECT MAX(w.joined_at) + 1 FROM seat_waiting w WHERE w.pool_id = $1 AND w.joined_at >= $4), $4)"

/* Takes one seat of the pool's counter when one is free and the pool is
 * usable at now (not cancelled, within its term): *taken says whether. */
err_code store_seat_take(struct db *db, const char *org_id, const char *pool_id, int64_t now, bool *taken,
                         struct err *e);
/* The holder's row for a seat just taken: E_NOT_FOUND when the user is no
 * member of the organization, E_ALREADY_ASSIGNED when they hold one. */
err_code store_seat_insert_user(struct db *db, const char *org_id, const char *pool_id, const char *user_id,
                                const char *source, const char *assigned_by, int64_t now, struct err *e);
/* Whether the holder has a seat of the pool. */
err_code store_seat_held(struct db *db, const char *pool_id, const char *holder_id, bool *out, struct err *e);
/* Frees the holder's seat (row and counter): E_NOT_FOUND when there is none. */
err_code store_seat_delete(struct db *db, const char *pool_id, const char *holder_id, struct err *e);
/* Hands the seat of from to to (a member, or an active device of a
 * per-device pool, without one), keeping the counters: E_NOT_FOUND (from
 * holds none, to is no member or device), E_ALREADY_ASSIGNED (to holds one). */
err_code store_seat_move(struct db *db, const char *org_id, const char *pool_id, bool devices, const char *from,
                         const char *to, const char *assigned_by, int64_t now, struct err *e);
/* One transfer (a seat taken off a holder by hand) counted in month
 * (yyyymm), when the pool's limit allows it: *allowed says whether. */
err_code store_license_transfer(struct db *db, const char *pool_id, int month, bool *allowed, struct err *e);
/* Frees every seat the user holds in the organization's pools (a member
 * removed), counters with them. */
err_code store_seats_release_user(struct db *db, const char *org_id, const char *user_id, struct err *e);

/* ---- the waiting list (core/licenses.c) ---- */

/* The member waits for a seat of the pool (once; again is no change). */
err_code store_waiting_add_user(struct db *db, const char *org_id, const char *pool_id, const char *user_id,
                                int64_t now, struct err *e);
/* Who has waited longest: E_NOT_FOUND when nobody waits. */
err_code store_waiting_first(struct db *db, struct arena *a, const char *pool_id, const char **holder_id,
                             const char **user_id, const char **device_id, struct err *e);
/* Whether the holder waits for a seat of the pool. */
err_code store_waiting_held(struct db *db, const char *pool_id, const char *holder_id, bool *out, struct err *e);
/* Takes the holder off the list: E_NOT_FOUND when not on it. */
err_code store_waiting_delete(struct db *db, const char *pool_id, const char *holder_id, struct err *e);
/* Takes the user off every list of the organization (a member removed). */
err_code store_waiting_release_user(struct db *db, const char *org_id, const char *user_id, struct err *e);
typedef void (*license_id_cb)(const char *id, void *arg);
/* The usable pools of the unit that assign automatically. */
err_code store_license_auto_ids(struct db *db, struct arena *a, const char *org_id, const char *unit, int64_t now,
                                license_id_cb cb, void *arg, struct err *e);
/* The organization's pools that someone waits for. */
err_code store_license_waiting_ids(struct db *db, struct arena *a, const char *org_id, license_id_cb cb, void *arg,
                                   struct err *e);
/* The pool's n most recently assigned holders, newest first. */
err_code store_seats_newest(struct db *db, struct arena *a, const char *pool_id, int64_t n, seat_row_cb cb, void *arg,
                            struct err *e);
/* A page of the waiting list, in the order of the wait (assigned_at holds
 * the time each joined; core's waiting_list_spec, columns of w and m). */
err_code store_waiting_list(struct db *db, struct arena *a, const char *pool_id, const struct list_query *q,
                            seat_row_cb cb, void *arg, struct err *e);

/* A page of the pool's holders (core's seat_list_spec: columns of seats as
 * s and memberships as m). */
err_code store_seat_list(struct db *db, struct arena *a, const char *pool_id, const struct list_query *q,
                         seat_row_cb cb, void *arg, struct err *e);

#endif
