#ifndef ROSTER_HTTP_INTERNAL_H
#define ROSTER_HTTP_INTERNAL_H

/* Shared between the files of http/; the api/ layer sees only http.h. */

#include <stdatomic.h>
#include <stdint.h>

#include "base/text.h"
#include "http/http.h"

/* ---- router ---- */
#define ROUTE_MAX_PARAMS 6
struct router;
struct router *router_new(const struct http_route *routes, size_t n);
void router_free(struct router *rt);
/* The index of the route matching the raw path, or -1 with *out_path_known
 * telling whether another method would match (405) and out_allow listing
 * them. Values are the raw segments, not decoded. */
int router_match(const struct router *rt, struct arena *a, const char *method, const char *path, const char **names,
                 const char **values, int *out_nparams, bool *out_path_known, char *out_allow, size_t allow_len);

/* ---- the request target (url.c) ---- */
struct url_param {
	const char *name, *value;
};
enum url_verdict {
	URL_OK,
	URL_BAD_ESCAPE,    /* a '%' not followed by two hex digits */
	URL_NOT_A_SEGMENT, /* decodes to a NUL, a '/', "." or "..": 404 */
	URL_NOT_TEXT,      /* not valid UTF-8 once decoded */
};
/* False when a '%' in s[0..len) is not followed by two hex digits. */
bool url_escapes_valid(const char *s, size_t len);
/* Percent-decodes s[0..len) into a NUL-terminated arena string of *out_len
 * bytes (which may hold NUL bytes); plus_is_space turns '+' into ' ', as
 * query strings from HTML forms and URLSearchParams mean it. False on a
 * malformed escape. */
bool url_decode(struct arena *a, const char *s, size_t len, bool plus_is_space, char **out, size_t *out_len);
/* One path parameter's raw segment, decoded into *out (URL_OK only). */
enum url_verdict url_param_decode(struct arena *a, const char *raw, size_t len, const char **out);
/* The raw query string q[0..len) (without '?') as decoded name/value
 * pairs in order ("a" alone is a with ""; empty pieces are skipped). Every
 * name and value is valid UTF-8 without NUL; otherwise E_BAD_REQUEST, with
 * *out_field naming the parameter when its name is itself valid. */
err_code url_query_parse(struct arena *a, const char *q, size_t len, struct url_param **out, int *out_n,
                         const char **out_field);

/* What the dispatcher acts on, from the raw request target. */
struct route_target {
	int index;         /* the route, or -1 */
	err_code code;     /* E_OK; or E_NOT_FOUND, E_METHOD_NOT_ALLOWED, E_BAD_REQUEST */
	const char *field; /* E_BAD_REQUEST: the parameter at fault, when it can be named */
	char allow[128];   /* E_METHOD_NOT_ALLOWED: the path's methods */
	const char *path;  /* the raw path, without the query */
	int nparams;
	const char *names[ROUTE_MAX_PARAMS], *values[ROUTE_MAX_PARAMS]; /* decoded */
	struct url_param *query;
	int nquery;
};
/* Routes the raw target (a NUL-terminated string: path, then '?' and the
 * query) and decodes its parameters and query. */
void router_resolve(const struct router *rt, struct arena *a, const char *method, const char *target,
                    struct route_target *out);

/* ---- the header section as sent (layout.c) ---- */
/* Each connection's memory pool in libmicrohttpd: it bounds the request
 * line and the headers (414 and 431 from the library beyond it). */
#define HTTP_CONNECTION_MEMORY (16 * 1024)
struct wire_header {
	const char *key;
	size_t key_len;
	const char *value;
	size_t value_len;
};
/* True when the strings libmicrohttpd 0.9.75 handed over for a request
 * (method, the target as the URI callback saw it, version, the headers in
 * order) tile its header section of header_size bytes exactly, as plain
 * CR LF lines do; false for a folded line, a bare LF, or a NUL inside the
 * target or a value. Compares addresses only. */
bool layout_contiguous(const char *method, const char *target, size_t target_len, const char *version,
                       const struct wire_header *h, int n, size_t header_size);
/* True when layout_contiguous() can be relied on with the libmicrohttpd
 * loaded: it is 0.9.75, and probe requests through a private daemon on a
 * socket pair tile as they should and a folded one does not. */
bool layout_probe(void);

/* ---- connections per address group (limits.c) ---- */
struct addr_limit;
/* At most max connections per group (addr_group() of the peer's address). */
struct addr_limit *addr_limit_new(int max);
void addr_limit_free(struct addr_limit *l); /* NULL is fine */
/* True while the group holds fewer than max connections. */
bool addr_limit_allows(struct addr_limit *l, const char *group);
/* A connection of the group opened (+1) or closed (-1): the new count. */
int addr_limit_add(struct addr_limit *l, const char *group, int delta);
int addr_limit_count(struct addr_limit *l, const char *group);

/* ---- the console's files (console.c) ---- */
#include "http/assets.h"
/* The file a GET of path is answered with: an embedded /assets/ file by its
 * name, index.html for the console's pages (console.c lists their first
 * segments); NULL for any other path, and for a file asked for that is not
 * there (404, never the page). */
const struct http_asset *console_find(const struct http_asset *assets, size_t n, const char *path);
bool console_accepts_gzip(const char *accept_encoding);
/* Only the console's own scripts and styles; no inline script, no eval, no framing. */
#define CONSOLE_CSP                                                                                                    \
	"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "             \
	"connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

/* ---- metrics ---- */
void metrics_init(size_t nroutes);
void metrics_observe(int route_index, int status, int64_t duration_ns);
void metrics_connections(int delta);
char *metrics_render(struct arena *a, const struct http_route *routes, size_t nroutes);

/* ---- CPU pool: base/offload.h ---- */
#include "base/offload.h"

#endif
