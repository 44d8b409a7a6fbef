#ifndef ROSTER_STORE_MODULES_H
#define ROSTER_STORE_MODULES_H

#include <stdbool.h>
#include <stdint.h>

#include "base/err.h"
#include "store/db.h"

/* The modules enabled in an organization. */

err_code store_module_enable(struct db *db, const char *org_id, const char *module, const char *by, int64_t now,
                             struct err *e);
err_code store_module_disable(struct db *db, const char *org_id, const char *module, struct err *e);
err_code store_module_enabled(struct db *db, const char *org_id, const char *module, bool *out, struct err *e);
typedef void (*store_module_cb)(const char *module, void *arg);
err_code store_module_list(struct db *db, const char *org_id, store_module_cb cb, void *arg, struct err *e);

#endif
