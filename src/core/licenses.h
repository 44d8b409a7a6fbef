#ifndef ROSTER_CORE_LICENSES_H
#define ROSTER_CORE_LICENSES_H

#include <stdbool.h>
#include <stdint.h>

#include "base/err.h"
#include "core/ctx.h"
#include "core/list.h"
#include "core/model.h"

/* License pools and their seats (DESIGN.md §2): what an organization paid
 * for and who uses it. Every function acts in the organization of
 * c->access, which the dispatcher granted (operators to grant and change
 * pools, licenses:read to read them, licenses:assign to move seats); the
 * changes check it again in their transaction. */

#define LICENSE_SEATS_MAX 1000000
#define LICENSE_PRODUCT_MAX 100
#define LICENSE_TERM_DEFAULT_MS (365LL * 24 * 3600 * 1000)
#define LICENSE_OFFLINE_DAYS_DEFAULT 7
#define LICENSE_OFFLINE_DAYS_MAX 365
/* A term lies between 2000-01-01 and the end of 9999 (what RFC 3339 writes). */
#define LICENSE_TIME_MIN_MS 946684800000LL
#define LICENSE_TIME_MAX_MS 253402300799999LL

/* A pool to grant. Zero times take the defaults (now, a year after
 * starts_at), any other must lie within LICENSE_TIME_MIN_MS..MAX_MS; offline_days 0 the default;
 * max_transfers_per_month -1 is unlimited. */
struct license_new {
	const char *product, *plan, *unit, *state;
	int64_t seats;
	bool auto_assign;
	int64_t starts_at, ends_at;
	int offline_days;
	int max_transfers_per_month;
};
err_code license_grant(const struct ctx *c, const struct license_new *n, struct license_pool *out, struct err *e);

/* E_INVALID on field unless ms lies within LICENSE_TIME_MIN_MS..MAX_MS. */
err_code license_check_time(const char *field, int64_t ms, struct err *e);

/* The same from the shell (rosterctl), as the local operator, in org_id. */
err_code license_grant_in(const struct ctx *c, const char *org_id, const struct license_new *n,
                          struct license_pool *out, struct err *e);

/* What PATCH changes: each field only when its flag is set. */
struct license_change {
	bool set_seats, set_state, set_auto_assign, set_ends_at, set_max_transfers;
	bool reduce_newest; /* seats below what is in use take seats back from the newest holders */
	int64_t seats;
	const char *state;
	bool auto_assign;
	int64_t ends_at;
	int max_transfers_per_month; /* -1: unlimited */
};
/* Who lost a seat to a reduction (each told by email and put on the
 * waiting list), newest first. */
struct seats_taken {
	struct seat_row *rows;
	int n;
};
err_code license_update(const struct ctx *c, const char *id, const struct license_change *ch, struct license_pool *out,
                        struct seats_taken *taken, struct err *e);

err_code license_get(const struct ctx *c, const char *id, struct license_pool *out, struct err *e);
typedef void (*license_cb)(const struct license_pool *p, void *arg);
err_code license_list(const struct ctx *c, license_cb cb, void *arg, struct err *e);
err_code license_list_in(const struct ctx *c, const char *org_id, license_cb cb, void *arg, struct err *e);

/* The state a pool reads as at now: its stored trial or active turns
 * expired once ends_at has passed, without waiting for anyone to write it. */
license_state license_effective_state(const struct license_pool *p, int64_t now);
/* Whole days until ends_at, rounded up; 0 once it has passed. */
int64_t license_days_left(const struct license_pool *p, int64_t now);

/* ---- seats ---- */

struct db;
struct org_access;
/* In the caller's write transaction, with the organization of acc locked:
 * a member just joined (a seat of each usable pool per user that assigns
 * automatically, or a place on its waiting list); a member leaves (their
 * seats and places freed, the freed seats served to who waits). */
err_code license_member_joined(struct db *db, const struct ctx *c, const struct org_access *acc, const char *user_id,
                               struct err *e);
err_code license_member_left(struct db *db, const struct ctx *c, const struct org_access *acc, const char *user_id,
                             struct err *e);
/* In the caller's write transaction, with the organization locked: a
 * device just activated by user_id (a seat of each usable pool that
 * assigns automatically, per-device for it and per-user for its user when
 * they hold none, or a place on the waiting list); a device deactivated
 * (its seats freed and served to who waits; by_hand: each counts a
 * transfer, and past a pool's limit nothing changes). */
err_code license_device_joined(struct db *db, const struct ctx *c, const struct org_access *acc, const char *device_id,
                               const char *user_id, struct err *e);
err_code license_device_left(struct db *db, const struct ctx *c, const struct org_access *acc, const char *device_id,
                             bool by_hand, struct err *e);

/* The pool's waiting list, in the order of the wait (sort=-joined_at for
 * the newest first); ?q= as for holders. Taking someone off it. */
extern const struct list_spec waiting_list_spec;
err_code waiting_list(const struct ctx *c, const char *pool_id, const struct list_query *q, seat_row_cb cb, void *arg,
                      struct err *e);
err_code waiting_remove(const struct ctx *c, const char *pool_id, const char *holder_id, struct err *e);

/* The pool's holders, newest first (sort=assigned_at for oldest first);
 * ?q= on the holder's email, last name or "first last". */
extern const struct list_spec seat_list_spec;
err_code seat_list(const struct ctx *c, const char *pool_id, const struct list_query *q, seat_row_cb cb, void *arg,
                   struct err *e);
/* A seat for a member of the organization (per-user pools), or for an
 * active device of it (per-device pools). */
err_code seat_assign(const struct ctx *c, const char *pool_id, const char *user_id, struct err *e);
err_code seat_assign_device(const struct ctx *c, const char *pool_id, const char *device_id, struct err *e);
err_code seat_remove(const struct ctx *c, const char *pool_id, const char *holder_id, struct err *e);
/* Each id on its own: out_results[i] is E_OK or why it was not removed. */
err_code seat_remove_bulk(const struct ctx *c, const char *pool_id, const char *const *ids, int n,
                          err_code *out_results, struct err *e);
/* From a holder to a member (or device, in a per-device pool) without a
 * seat of the pool, in one transaction. A removal and a move count one
 * transfer of the month each: past the pool's max_transfers_per_month
 * they answer E_TRANSFER_LIMIT. */
err_code seat_move(const struct ctx *c, const char *pool_id, const char *from, const char *to, struct err *e);

#endif
