#ifndef ROSTER_STORE_DEVICES_H
#define ROSTER_STORE_DEVICES_H

#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "core/list.h"
#include "core/model.h"
#include "store/db.h"

/* Devices, their seats in per-device pools, and the keys that sign
 * offline certificates, for core/devices.c. A device's status and the
 * pool that licenses it are read at now (the pools' terms), never stored. */

/* The SQL of a device's status over d at $2 (now), for the list's filter. */
extern const char store_device_status_sql[];

/* A new device row (d: id, org_id, code, name, platform, user_id, times);
 * E_CONFLICT when the organization has one of that code already. */
err_code store_device_insert(struct db *db, const struct device *d, const char *code_key, const char *name_key,
                             struct err *e);
/* The organization's device of this code (any state): E_NOT_FOUND. */
err_code store_device_by_code(struct db *db, struct arena *a, const char *org_id, const char *code, int64_t now,
                              struct device *out, struct err *e);
/* The organization's device (any state): E_NOT_FOUND. */
err_code store_device_get(struct db *db, struct arena *a, const char *org_id, const char *id, int64_t now,
                          struct device *out, struct err *e);
/* Whether the device, or its user for a per-user pool, waits for a seat. */
err_code store_device_waits(struct db *db, const struct device *d, bool *out, struct err *e);
/* Activated again, by user_id: active, its user, its name and platform
 * when given (non-empty), activated_at now if it was deactivated or had
 * another user; its seats and places on waiting lists follow the user. */
err_code store_device_rebind(struct db *db, const struct device *before, const char *user_id, const char *name,
                             const char *name_key, const char *platform, int64_t now, struct err *e);
err_code store_device_deactivate(struct db *db, const char *id, int64_t now, struct err *e);
/* last_seen_at = now unless it was written less than every_ms ago (one
 * write a minute per device, not one per call). */
err_code store_device_touch(struct db *db, const char *id, int64_t now, int64_t every_ms, struct err *e);
/* The ids of the user's active devices in the organization. */
typedef void (*device_id_cb)(const char *id, void *arg);
err_code store_devices_of_user(struct db *db, struct arena *a, const char *org_id, const char *user_id, device_id_cb cb,
                               void *arg, struct err *e);
/* A page of the organization's active devices (core's device_list_spec:
 * columns of devices as d and memberships as m). */
err_code store_device_list(struct db *db, struct arena *a, const char *org_id, int64_t now, const struct list_query *q,
                           device_cb cb, void *arg, struct err *e);

/* The pool that licenses the device: a usable one first (a per-device
 * seat of the device, or a per-user seat of its user), else the one that
 * last did, of the product when product is not NULL; E_NOT_FOUND when it
 * holds no seat. *usable says which. */
err_code store_device_pool(struct db *db, struct arena *a, const struct device *d, const char *product, int64_t now,
                           struct license_pool *out, bool *usable, struct err *e);

/* What the license check reads, in one statement: the device of an
 * issued device token (its hash), active, of an active member of an open
 * organization, without its status (E_NOT_FOUND for anything else); the
 * signing key's id (NULL before there is one); and the pool
 * store_device_pool() would find (*has_pool false when it holds no seat). */
err_code store_device_license(struct db *db, struct arena *a, const char *token_hash, const char *product, int64_t now,
                              struct device *d, const char **signing_key_id, struct license_pool *pool, bool *has_pool,
                              bool *usable, struct err *e);

/* ---- per-device seats (core/licenses.c) ---- */

/* The holder's row for a seat just taken, for an active device of the
 * organization: E_NOT_FOUND (no such device), E_ALREADY_ASSIGNED. */
err_code store_seat_insert_device(struct db *db, const char *org_id, const char *pool_id, const char *device_id,
                                  const char *source, const char *assigned_by, int64_t now, struct err *e);
err_code store_waiting_add_device(struct db *db, const char *org_id, const char *pool_id, const char *device_id,
                                  int64_t now, struct err *e);
/* The pools the device holds a seat of, by id (the order locks are taken in). */
err_code store_device_seat_pools(struct db *db, struct arena *a, const char *device_id, device_id_cb cb, void *arg,
                                 struct err *e);
/* Frees the device's seats (rows and counters) and its places on waiting lists. */
err_code store_seats_release_device(struct db *db, const char *device_id, struct err *e);

/* ---- what a member holds (the member's detail) ---- */

typedef void (*member_seat_cb)(const struct member_seat *s, void *arg);
err_code store_member_seats(struct db *db, struct arena *a, const char *org_id, const char *user_id, member_seat_cb cb,
                            void *arg, struct err *e);
/* The user's active devices in the organization, newest first. */
err_code store_member_devices(struct db *db, struct arena *a, const char *org_id, const char *user_id, int64_t now,
                              device_cb cb, void *arg, struct err *e);

/* ---- signing keys ---- */

struct license_key {
	const char *id, *public_key, *secret_key; /* hex */
	int64_t created_at, retired_at;           /* retired_at 0: the signing key */
};
typedef void (*license_key_cb)(const struct license_key *k, void *arg);
/* The key that signs: E_NOT_FOUND when there is none yet. */
err_code store_license_key_signing(struct db *db, struct arena *a, struct license_key *out, struct err *e);
/* k becomes the signing key; the one before is retired at now.
 * E_CONFLICT when another process made one at the same time. */
err_code store_license_key_add(struct db *db, const struct license_key *k, bool retire_current, int64_t now,
                               struct err *e);
/* The keys retired after since, and the signing key, newest first. */
err_code store_license_keys(struct db *db, struct arena *a, int64_t since, license_key_cb cb, void *arg, struct err *e);

#endif
