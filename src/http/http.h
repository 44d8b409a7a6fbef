#ifndef ROSTER_HTTP_HTTP_H
#define ROSTER_HTTP_HTTP_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/limits.h"

/* The HTTP adapter over libmicrohttpd: framing, limits, deadlines, the
 * route matcher, replies. What a request means (who asks, what they may
 * do, what the body says) is the application's: http_start() is given a
 * handler, which gets each routed request with its route's data. */

struct request;
struct http_asset;

enum http_route_flags {
	HTTP_JSON_BODY = 1, /* takes a JSON body (415 for another type); other routes' bodies are counted, not kept */
	HTTP_OFFLOAD = 2,   /* the handler runs on the CPU pool (password hashing), not on a connection thread */
};

struct http_route {
	const char *method;
	const char *pattern; /* "/api/v1/orgs/{org}/members/{user}" */
	unsigned flags;      /* enum http_route_flags */
	const void *data;    /* the application's, handed to the handler */
};

/* Answers the request with http_reply_*() and E_OK (nothing replied: 204),
 * or returns the error code with e filled, which is answered as the error
 * body of DESIGN.md's conventions. */
typedef err_code (*http_handler)(struct request *r, const void *route_data, void *arg, struct err *e);

/* ---- the request ---- */

/* Memory that lives as long as the request. */
struct arena *http_arena(struct request *r);
const char *http_method(struct request *r);
const char *http_request_id(struct request *r);
/* The client's address (a trusted proxy's X-Forwarded-For where it applies). */
const char *http_client_addr(struct request *r);
/* A {name} from the path, a query parameter, or a request header; NULL when absent. */
const char *http_param(struct request *r, const char *name);
const char *http_query(struct request *r, const char *name);
const char *http_header(struct request *r, const char *name);
/* The body as kept (HTTP_JSON_BODY routes; NUL-terminated, *len bytes), or NULL. */
const char *http_body(struct request *r, size_t *len);
/* Body bytes received, kept or not. */
size_t http_body_received(struct request *r);
/* The caller, for the access log line. */
void http_log_user(struct request *r, const char *user_id);

/* ---- the reply ---- */

/* Replies with obj (reference stolen). */
err_code http_reply_json(struct request *r, int status, json_t *obj);
err_code http_reply_empty(struct request *r, int status);
/* body is sent as it is, not copied: it must live until the request ends
 * (the request's arena, or static memory). */
err_code http_reply_text(struct request *r, int status, const char *content_type, const char *body, size_t len);
/* Adds a response header; name and value are copied. E_INTERNAL past
 * HTTP_MAX_OUT_HEADERS. */
err_code http_add_header(struct request *r, const char *name, const char *value, struct err *e);
/* From a handler: runs fn(arg) once the request's answer has been sent,
 * on a background thread (the work must own its memory: the request's
 * arena is gone by then). False when the request holds as many such jobs
 * as it may; the caller then runs fn itself. */
bool http_after_reply(struct request *r, void (*fn)(void *arg), void *arg);

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
	int max_connections_per_addr;    /* per IPv4 address or IPv6 /64; trusted proxies exempt */
	const char *trusted_proxies;     /* comma-separated addresses, or NULL */
	const struct http_asset *assets; /* the console's files (http/assets.h), or NULL */
	size_t nassets;
};

struct http_server;

struct http_server *http_start(const struct http_config *cfg, const struct http_route *routes, size_t nroutes,
                               http_handler handler, void *handler_arg, struct err *e);
int http_port(const struct http_server *s);
/* Stops accepting, waits up to grace_ms for requests in flight, then stops. */
void http_stop(struct http_server *s, int grace_ms);

#define HTTP_MAX_BODY (1024 * 1024)
#define HTTP_MAX_URI 2048
#define HTTP_MAX_OUT_HEADERS LIMIT_RESPONSE_HEADERS /* besides those every reply has */

/* Prometheus text for /metrics (outbox depth is the caller's to add). */
char *http_metrics_render(struct request *r);

#endif
