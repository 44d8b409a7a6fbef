#ifndef ROSTER_CORE_CTX_H
#define ROSTER_CORE_CTX_H

#include <stdbool.h>

#include "base/arena.h"
#include "core/app.h"

struct auth;
struct org_access;

/* One request as core sees it: the service, the memory that lives as long
 * as the request, who asks and from where, and, for a request that names
 * an organization, the access authz granted there. The API's dispatcher
 * builds one per HTTP request; rosterctl and the tests build their own.
 * Core reads it and never keeps it past the call. */
struct ctx {
	struct app *app;
	struct arena *arena;
	struct reqinfo ri;
	const struct auth *who;          /* the signed-in caller; NULL: rosterctl or the service itself */
	const struct org_access *access; /* the path's organization (R_ORG routes, rosterctl's org commands) */
	/* Hands fn(arg) on to run once the answer has been sent, on another
	 * thread; false when it cannot. NULL: always at once. */
	bool (*defer)(void *defer_arg, void (*fn)(void *arg), void *arg);
	void *defer_arg;
};

/* fn(arg) after the answer (ctx->defer), or at once. The work must own its
 * memory: the request's arena is gone by then. */
void ctx_defer(const struct ctx *c, void (*fn)(void *arg), void *arg);

/* The caller's user id, or NULL (rosterctl, the service). */
const char *ctx_actor(const struct ctx *c);

#endif
