#ifndef ROSTER_STORE_ROLES_H
#define ROSTER_STORE_ROLES_H

#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "core/model.h"
#include "store/db.h"

/* An organization's custom roles. */

/* E_CONFLICT when the name is taken. */
err_code store_role_insert(struct db *db, const char *org_id, const struct role_row *r, struct err *e);
err_code store_role_get(struct db *db, struct arena *a, const char *org_id, const char *name, struct role_row *out,
                        struct err *e);
err_code store_role_update(struct db *db, const char *org_id, const char *name, const char *description,
                           const char *permissions, int64_t now, struct err *e);
err_code store_role_delete(struct db *db, const char *org_id, const char *name, struct err *e);
typedef void (*store_role_cb)(const struct role_row *r, void *arg);
err_code store_role_list(struct db *db, struct arena *a, const char *org_id, store_role_cb cb, void *arg,
                         struct err *e);

#endif
