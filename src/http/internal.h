#ifndef ROSTER_HTTP_INTERNAL_H
#define ROSTER_HTTP_INTERNAL_H

/* Shared between the files of http/; the api/ layer sees only http.h. */

#include <stdatomic.h>
#include <stdint.h>

#include "http/http.h"

/* ---- router ---- */
#define ROUTE_MAX_PARAMS 6
struct router;
struct router *router_new(const struct route *routes, size_t n);
void router_free(struct router *rt);
/* The index of the matching route, or -1 with *out_path_known telling
 * whether another method would match (405) and out_allow listing them. */
int router_match(const struct router *rt, struct arena *a, const char *method, const char *path, const char **names,
                 const char **values, int *out_nparams, bool *out_path_known, char *out_allow, size_t allow_len);

/* ---- metrics ---- */
void metrics_init(size_t nroutes);
void metrics_observe(int route_index, int status, int64_t duration_ns);
void metrics_connections(int delta);
char *metrics_render(struct arena *a, const struct route *routes, size_t nroutes);

/* ---- CPU pool: base/offload.h ---- */
#include "base/offload.h"

#endif
