#ifndef ROSTER_CORE_OPS_H
#define ROSTER_CORE_OPS_H

#include <stdbool.h>

#include "core/ctx.h"

/* Facts for health checks and metrics. */
bool ops_ready(const struct ctx *c);
/* Emails not yet delivered, or -1 when the database cannot say. */
long long ops_outbox_depth(const struct ctx *c);

#endif
