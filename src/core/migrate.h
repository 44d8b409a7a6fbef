#ifndef ROSTER_CORE_MIGRATE_H
#define ROSTER_CORE_MIGRATE_H

#include "base/err.h"

struct store;

/* Applies the schema migrations, with the data steps that need core's
 * rules: the first cards of memberships made before cards existed (004),
 * and the keys written again under Unicode case folding (005). */
err_code core_migrate(struct store *st, struct err *e);

#endif
