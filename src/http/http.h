#ifndef ROSTER_HTTP_HTTP_H
#define ROSTER_HTTP_HTTP_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "core/accounts.h"
#include "core/app.h"
#include "core/authz.h"

/* The HTTP adapter over libmicrohttpd. The api/ handlers see only what is
 * here: the request, its arena, its parsed body and caller, and the reply
 * helpers. */

struct request;

/* A handler parses, calls core once, and replies with http_reply_json() or
 * http_reply_empty(); on failure it returns the error code with e filled
 * and the dispatcher renders the error body. */
typedef err_code (*handler_fn)(struct request *r, struct err *e);

enum route_flags {
	R_AUTH = 1,      /* a signed-in caller is required */
	R_JSON = 2,      /* a JSON object body is required */
	R_OFFLOAD = 4,   /* runs on the CPU pool (password hashing), not on a connection thread */
	R_ORG = 8,       /* the path's {org}: authz_org() with the route's permission decides */
	R_OPERATOR = 16, /* operators only (403 for anyone else) */
	R_CUSTOMER_LOGIN = 32, /* in a customer organization, needs the provider's customer_login module */
};

struct route {
	const char *method;
	const char *pattern; /* "/api/v1/orgs/{org}/members/{user}" */
	handler_fn handler;
	unsigned flags;
	perm permission; /* for R_ORG routes; PERM_NONE: any access to the organization */
};

/* ---- what a handler may use ---- */

struct arena *http_arena(struct request *r);
struct app *http_app(struct request *r);
const struct reqinfo *http_reqinfo(struct request *r);
/* The caller (R_AUTH routes). */
const struct auth *http_auth(struct request *r);
/* The caller's access to the path's organization (R_ORG routes). */
const struct org_access *http_access(struct request *r);
/* The parsed JSON object (R_JSON routes). */
json_t *http_body(struct request *r);
/* A {name} from the path, a query parameter, or a request header; NULL when absent. */
const char *http_param(struct request *r, const char *name);
const char *http_query(struct request *r, const char *name);
const char *http_header(struct request *r, const char *name);

/* Replies with obj (reference stolen). */
err_code http_reply_json(struct request *r, int status, json_t *obj);
err_code http_reply_empty(struct request *r, int status);
err_code http_reply_text(struct request *r, int status, const char *content_type, const char *body, size_t len);
/* From a handler: runs fn(arg) once the request's answer has been sent,
 * on a background thread (the work must own its memory: the request's
 * arena is gone by then). False outside a handler or when the request
 * holds as many such jobs as it may; the caller then runs fn itself. */
bool http_after_reply(void (*fn)(void *arg), void *arg);

/* Adds a response header; name and value are copied. */
void http_add_header(struct request *r, const char *name, const char *value);

/* ---- the server ---- */

struct http_config {
	const char *host;
	int port; /* 0: any free port */
	int threads;
	int cpu_threads;
	int header_timeout_s;
	int idle_timeout_s;
	int body_timeout_s; /* a request body must be in within this, from the end of its headers */
	int body_min_rate;  /* bytes per second, averaged since the headers; 0: no minimum */
	int max_connections;
	int max_connections_per_addr; /* per IPv4 address or IPv6 /64; trusted proxies exempt */
	const char *trusted_proxies; /* comma-separated addresses, or NULL */
	int64_t session_lifetime_ms;
};

struct http_server;

struct http_server *http_start(const struct http_config *cfg, struct app *app, const struct route *routes,
                               size_t nroutes, struct err *e);
int http_port(const struct http_server *s);
/* Stops accepting, waits up to grace_ms for requests in flight, then stops. */
void http_stop(struct http_server *s, int grace_ms);

/* The session cookie's name. */
#define HTTP_SESSION_COOKIE "roster_session"
#define HTTP_CSRF_HEADER "X-Roster-CSRF"
#define HTTP_MAX_BODY (1024 * 1024)
#define HTTP_MAX_URI 2048

/* Prometheus text for /metrics (outbox depth is the caller's to add). */
char *http_metrics_render(struct request *r);

#endif
