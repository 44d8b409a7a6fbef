#ifndef ROSTER_CORE_OPS_H
#define ROSTER_CORE_OPS_H

#include <stdbool.h>

#include "core/app.h"

/* Facts for health checks and metrics. */
bool ops_ready(struct app *app);
/* Emails not yet delivered, or -1 when the database cannot say. */
long long ops_outbox_depth(struct app *app);

#endif
