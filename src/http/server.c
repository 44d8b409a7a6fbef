/* The HTTP server: libmicrohttpd with an internal thread pool on epoll.
 *
 * A connection's life: the accept policy refuses it when its address group
 * holds ROSTER_MAX_CONNECTIONS_PER_ADDRESS connections already; the
 * connection callback counts it and starts the header deadline.
 *
 * A request's life:
 *   1. uri_log callback (request line read): the raw request target is
 *      copied (libmicrohttpd decodes it in place afterwards); the header
 *      deadline starts.
 *   2. first access call (headers complete): the request and its arena are
 *      created; framing and header-syntax checks, limits, route match on
 *      the raw path. Nothing is answered yet unless the request must be
 *      refused before its body is read (then with Connection: close). The
 *      body deadline and minimum rate start.
 *   3. body calls: the body is collected, up to HTTP_MAX_BODY (counted
 *      only, on routes that take none).
 *   4. last call: authentication, body parsing and the handler run here, or
 *      on the CPU pool for R_OFFLOAD routes (the connection is suspended
 *      meanwhile and resumed when the reply is ready).
 *   5. completion callback: the access log line, metrics, and the arena is
 *      freed.
 * The sweeper thread enforces the deadlines that libmicrohttpd's
 * inactivity timeout cannot (a client sending a byte every few seconds is
 * never inactive): it shuts such connections down.
 * Answering on a later call than the first matters: libmicrohttpd 0.9.75
 * closes keep-alive connections when a reply is queued on the first call. */
#include "http/internal.h"

#include "base/clock.h"
#include "base/crypto.h"
#include "base/json.h"
#include "base/limits.h"
#include "base/log.h"
#include "base/text.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netdb.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

/* A body past the limit is read and dropped up to this much, so that the
 * client gets its 413; beyond it the connection is cut. */
#define HTTP_DRAIN_MAX (8 * HTTP_MAX_BODY)

/* The minimum body rate is enforced from this long after the headers. */
#define BODY_RATE_GRACE_MS 5000

/* Request ids: ours fit in ID_MAX ("req_", 10 random characters and a
 * counter); a trusted proxy's may have up to 64 characters. */
#define REQUEST_ID_MAX 65
_Static_assert(REQUEST_ID_MAX >= ID_MAX, "a request id holds an id");

/* One per TCP connection: what the sweeper thread needs to enforce the
 * deadlines, and the current request line's raw target. */
struct tcp_conn {
	struct tcp_conn *prev, *next;
	int fd;
	_Atomic int64_t deadline_ms; /* by which the headers must be in; 0: none */
	/* The body phase, from the headers to the body's end. */
	_Atomic int64_t body_start_ms;   /* 0: no body being received */
	_Atomic int64_t body_bytes;      /* received so far */
	_Atomic int64_t body_expected;   /* Content-Length, or -1 (chunked) */
	char request_id[REQUEST_ID_MAX]; /* of the body being received; under conns_lock */
	bool counted;                    /* in the per-address table under group */
	char group[ADDR_GROUP_MAX];
	char addr[INET6_ADDRSTRLEN]; /* the peer's address, formatted once */
	/* The current request line's target as the client sent it (the first
	 * HTTP_MAX_URI bytes), where libmicrohttpd keeps it, and its length. */
	const char *uri_ptr;
	size_t uri_len;
	char uri[HTTP_MAX_URI + 1];
};

struct http_server {
	struct MHD_Daemon *daemon;
	http_handler handler;
	void *handler_arg;
	struct http_config cfg;
	const struct http_route *routes;
	size_t nroutes;
	struct router *router;
	struct offload *pool;
	struct offload *after; /* work handed on by handlers, run once their answer is out */
	pthread_mutex_t conns_lock;
	struct tcp_conn *conns;
	struct addr_limit *per_addr;
	unsigned char (*proxies)[16]; /* ROSTER_TRUSTED_PROXIES, as IPv6 (IPv4 mapped) */
	int nproxies;
	bool layout_checked; /* layout_probe() passed: the header section's layout is checked */
	_Atomic int64_t refused_logged_ms;
	atomic_int refused_since_log;
	pthread_t sweeper;
	_Atomic bool stopping;
	atomic_int in_flight;
	int port;
};

struct header {
	const char *name, *value;
};

enum req_state { RS_NEW, RS_BODY, RS_OFFLOADED, RS_DONE };

/* Work a handler hands on to run once its answer has been sent. */
#define AFTER_MAX LIMIT_AFTER_PER_REQUEST
struct after_job {
	void (*fn)(void *arg);
	void *arg;
};

struct request {
	struct after_job after[AFTER_MAX];
	int nafter;
	struct arena *arena;
	struct http_server *srv;
	struct MHD_Connection *conn;
	enum req_state state;
	int64_t start_ns;
	struct tcp_conn *tcp;
	char request_id[REQUEST_ID_MAX];
	char client_addr[INET6_ADDRSTRLEN];
	const char *method, *path;
	size_t uri_len;
	int route_index;
	const struct http_route *route;
	const char *param_names[ROUTE_MAX_PARAMS], *param_values[ROUTE_MAX_PARAMS];
	int nparams;
	struct header *headers;
	int nheaders;
	struct url_param *query;
	int nquery;
	char *body;
	size_t body_len, body_cap;
	size_t body_hint;    /* Content-Length, when given */
	size_t received;     /* body bytes read, kept or not */
	const char *user_id; /* for the access log: the caller, once known */
	bool early;          /* refused at the first call; reply already rendered */
	bool refuse;         /* a reply is rendered; skip the handler */
	const char *why;     /* for the access log: what a refused request did wrong */
	struct err err;
	/* the reply */
	int status;
	const char *content_type;
	const char *resp;
	size_t resp_len;
	struct header out_headers[HTTP_MAX_OUT_HEADERS + 6]; /* the handler's, then the framework's own */
	int nout;
	bool close;
	bool replied;
	const char *cache_control;      /* NULL: no-store */
	const struct http_asset *asset; /* a console file to answer with */
};

/* ---- helpers for handlers ---- */

struct arena *http_arena(struct request *r)
{
	return r->arena;
}
const char *http_method(struct request *r)
{
	return r->method;
}
const char *http_request_id(struct request *r)
{
	return r->request_id;
}
const char *http_client_addr(struct request *r)
{
	return r->client_addr;
}
const char *http_body(struct request *r, size_t *len)
{
	*len = r->body_len;
	return r->body;
}
size_t http_body_received(struct request *r)
{
	return r->received;
}
void http_log_user(struct request *r, const char *user_id)
{
	r->user_id = user_id;
}

const char *http_param(struct request *r, const char *name)
{
	for (int i = 0; i < r->nparams; i++)
		if (!strcmp(r->param_names[i], name))
			return r->param_values[i];
	return NULL;
}

static const char *find(const struct header *h, int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (!strcasecmp(h[i].name, name))
			return h[i].value;
	return NULL;
}

const char *http_query(struct request *r, const char *name)
{
	for (int i = 0; i < r->nquery; i++)
		if (!strcmp(r->query[i].name, name))
			return r->query[i].value;
	return NULL;
}
const char *http_header(struct request *r, const char *name)
{
	return find(r->headers, r->nheaders, name);
}

static void add_header(struct request *r, const char *name, const char *value)
{
	r->out_headers[r->nout++] = (struct header){arena_strdup(r->arena, name), arena_strdup(r->arena, value)};
}

err_code http_add_header(struct request *r, const char *name, const char *value, struct err *e)
{
	if (r->nout >= HTTP_MAX_OUT_HEADERS)
		return err_set(e, E_INTERNAL, NULL, "More than %d response headers.", HTTP_MAX_OUT_HEADERS);
	add_header(r, name, value);
	return E_OK;
}

err_code http_reply_text(struct request *r, int status, const char *content_type, const char *body, size_t len)
{
	r->status = status;
	r->content_type = content_type;
	r->resp = body;
	r->resp_len = len;
	r->replied = true;
	return E_OK;
}

err_code http_reply_json(struct request *r, int status, json_t *obj)
{
	json_own(r->arena, obj);
	size_t len;
	char *body = json_dump_arena(r->arena, obj, &len);
	return http_reply_text(r, status, "application/json", body, len);
}

err_code http_reply_empty(struct request *r, int status)
{
	return http_reply_text(r, status, NULL, "", 0);
}

static void reply_error(struct request *r, const struct err *e)
{
	int status = err_status(e->code);
	json_t *inner = json_pack("{s:s, s:s}", "code", err_name(e->code), "message", err_message(e));
	if (e->field && *e->field)
		json_object_set_new(inner, "field", json_string(e->field));
	if ((e->code == E_TOO_MANY_REQUESTS || e->code == E_UNAVAILABLE || e->code == E_RETRY)) {
		char secs[16];
		snprintf(secs, sizeof secs, "%d", e->retry_after > 0 ? e->retry_after : 1);
		add_header(r, "Retry-After", secs);
	}
	if (e->code == E_INTERNAL || e->code == E_RETRY) {
		struct logline l;
		log_begin(&l, LOG_ERROR, "request_failed");
		log_str(&l, "request_id", r->request_id);
		log_str(&l, "code", err_name(e->code));
		log_str(&l, "detail", e->detail);
		log_end(&l);
	}
	http_reply_json(r, status, json_pack("{s:o}", "error", inner));
}

/* Answers e before the handler (why: for the access log), without reading
 * what is left of the body when close_conn. */
static void refuse_with(struct request *r, const struct err *e, bool close_conn, const char *why)
{
	r->why = why;
	reply_error(r, e);
	r->refuse = true;
	r->close = r->close || close_conn;
}

static void refuse(struct request *r, err_code code, const char *field, bool close_conn, const char *why)
{
	struct err e;
	err_clear(&e);
	err_set(&e, code, field, NULL);
	refuse_with(r, &e, close_conn, why);
}

/* ---- dispatch ---- */

bool http_after_reply(struct request *r, void (*fn)(void *arg), void *arg)
{
	if (r->nafter == AFTER_MAX)
		return false;
	r->after[r->nafter++] = (struct after_job){fn, arg};
	return true;
}

static void run_after(void *item, bool late)
{
	(void)late;
	struct after_job *j = item;
	j->fn(j->arg);
	free(j);
}

/* Called when the answer is out (or the connection is gone): the handed-on
 * work goes to the background thread, or runs here when its queue is full. */
static void after_reply(struct http_server *s, struct request *r)
{
	for (int i = 0; i < r->nafter; i++) {
		struct after_job *j = malloc(sizeof *j);
		if (j) {
			*j = r->after[i];
			if (offload_submit(s->after, j))
				continue;
			free(j);
		}
		r->after[i].fn(r->after[i].arg);
	}
	r->nafter = 0;
}

/* The application's handler, then its answer: the error it returned, or
 * 204 when it replied nothing. */
static void dispatch(struct request *r)
{
	struct err *e = &r->err;
	err_clear(e);
	err_code rc = r->srv->handler(r, r->route->data, r->srv->handler_arg, e);
	if (rc)
		reply_error(r, e);
	else if (!r->replied)
		http_reply_empty(r, 204);
}

static void run_offloaded(void *item, bool late)
{
	struct request *r = item;
	if (late) {
		err_clear(&r->err);
		err_set(&r->err, E_UNAVAILABLE, NULL, "The server is busy; try again shortly.");
		r->err.retry_after = 1;
		reply_error(r, &r->err);
	} else {
		dispatch(r);
	}
	r->state = RS_DONE;
	MHD_resume_connection(r->conn);
}

/* ---- libmicrohttpd callbacks ---- */

static enum MHD_Result queue_reply(struct request *r)
{
	/* Sent from where it is: the request's arena, freed in on_completed()
	 * once libmicrohttpd is done with the connection's reply, or static. */
	struct MHD_Response *resp =
	        MHD_create_response_from_buffer(r->resp_len, (void *)r->resp, MHD_RESPMEM_PERSISTENT);
	if (!resp)
		return MHD_NO;
	if (r->content_type)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, r->content_type);
	MHD_add_response_header(resp, "X-Request-Id", r->request_id);
	MHD_add_response_header(resp, "Cache-Control", r->cache_control ? r->cache_control : "no-store");
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	for (int i = 0; i < r->nout; i++)
		MHD_add_response_header(resp, r->out_headers[i].name, r->out_headers[i].value);
	if (r->close)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CONNECTION, "close");
	enum MHD_Result ret = MHD_queue_response(r->conn, (unsigned)r->status, resp);
	MHD_destroy_response(resp);
	r->state = RS_DONE;
	return ret;
}

static struct tcp_conn *tcp_of(struct MHD_Connection *c)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	return ci ? ci->socket_context : NULL;
}

static void set_deadline(struct tcp_conn *t, int64_t ms)
{
	if (t)
		atomic_store(&t->deadline_ms, ms);
}

static int64_t mono_ms(void)
{
	return clock_mono_ns() / 1000000;
}

/* The body phase: from the end of the headers to the end of the body, the
 * sweeper holds the body to ROSTER_BODY_TIMEOUT and ROSTER_BODY_MIN_RATE.
 * expected is the Content-Length, or -1 for a chunked body. */
static void body_phase_begin(struct http_server *s, struct tcp_conn *t, const char *request_id, int64_t expected)
{
	if (!t)
		return;
	pthread_mutex_lock(&s->conns_lock);
	snprintf(t->request_id, sizeof t->request_id, "%s", request_id);
	pthread_mutex_unlock(&s->conns_lock);
	atomic_store(&t->body_bytes, 0);
	atomic_store(&t->body_expected, expected);
	atomic_store(&t->body_start_ms, mono_ms());
}

static void body_phase_end(struct tcp_conn *t)
{
	if (t)
		atomic_store(&t->body_start_ms, 0);
}

/* Request ids need to be unique, not secret: a random prefix per thread and
 * a counter, instead of fresh randomness for every request. */
static void request_id_new(char out[REQUEST_ID_MAX])
{
	static __thread char prefix[ID_MAX];
	static __thread uint64_t counter;
	if (!prefix[0]) {
		char id[ID_MAX];
		id_new("req", id);
		snprintf(prefix, sizeof prefix, "%.14s", id); /* "req_" and 10 random characters */
	}
	static const char b32[] = "0123456789abcdefghjkmnpqrstvwxyz";
	char digits[16];
	int n = 0;
	uint64_t v = ++counter;
	do {
		digits[n++] = b32[v & 31];
		v >>= 5;
	} while (v && n < 13);
	size_t len = strlen(prefix);
	memcpy(out, prefix, len);
	while (n)
		out[len++] = digits[--n];
	out[len] = '\0';
}

/* A client's own request id, adopted from a trusted proxy only: 1 to 64
 * characters that are safe in logs, headers and audit events. */
static bool request_id_valid(const char *id)
{
	size_t len = id ? strlen(id) : 0;
	return len >= 1 && len < REQUEST_ID_MAX &&
	       strspn(id, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.") == len;
}

static void format_addr(const struct sockaddr *sa, char *out, size_t len)
{
	out[0] = '\0';
	if (!sa)
		return;
	if (sa->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, out, (socklen_t)len);
	else if (sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, out, (socklen_t)len);
}

static void format_peer(struct MHD_Connection *c, char *out, size_t len)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	format_addr(ci ? ci->client_addr : NULL, out, len);
}

/* An address as 16 bytes, IPv4 as IPv4-mapped IPv6, so that 127.0.0.1 and
 * ::ffff:127.0.0.1 (a dual-stack listener's view of it) are one. */
static bool addr_bytes(const char *addr, unsigned char out[16])
{
	unsigned char v4[4];
	if (inet_pton(AF_INET, addr, v4) == 1) {
		memset(out, 0, 10);
		out[10] = out[11] = 0xff;
		memcpy(out + 12, v4, 4);
		return true;
	}
	return inet_pton(AF_INET6, addr, out) == 1;
}

static bool is_trusted_proxy(const struct http_server *s, const char *addr)
{
	unsigned char b[16];
	if (!s->nproxies || !addr_bytes(addr, b))
		return false;
	for (int i = 0; i < s->nproxies; i++)
		if (!memcmp(s->proxies[i], b, 16))
			return true;
	return false;
}

/* The configuration checked each entry already; one that does not parse is skipped. */
static void proxies_parse(struct http_server *s, const char *list)
{
	if (!list || !*list)
		return;
	size_t max = 1;
	for (const char *p = list; *p; p++)
		max += *p == ',' || *p == ' ';
	s->proxies = calloc(max, sizeof *s->proxies);
	char *copy = strdup(list);
	if (!s->proxies || !copy) {
		free(copy);
		return;
	}
	for (char *save = NULL, *tok = strtok_r(copy, ", ", &save); tok && (size_t)s->nproxies < max;
	     tok = strtok_r(NULL, ", ", &save))
		if (addr_bytes(tok, s->proxies[s->nproxies]))
			s->nproxies++;
	free(copy);
}

static struct request *request_new(struct http_server *s, struct MHD_Connection *c)
{
	struct arena *a = arena_new();
	struct request *r = arena_zalloc(a, sizeof *r);
	r->arena = a;
	r->srv = s;
	r->conn = c;
	r->start_ns = clock_mono_ns();
	r->tcp = tcp_of(c);
	r->uri_len = r->tcp ? r->tcp->uri_len : 0;
	r->route_index = -1;
	r->status = 500;
	request_id_new(r->request_id);
	if (r->tcp)
		memcpy(r->client_addr, r->tcp->addr, sizeof r->client_addr);
	atomic_fetch_add(&s->in_flight, 1);
	return r;
}

/* Called when the request line is in, before libmicrohttpd cuts the query
 * off and percent-decodes the path in place: the raw target is copied for
 * routing. The request itself is created at the first access call:
 * libmicrohttpd reports completion only for requests that reached the
 * access handler, so anything allocated here could leak. */
static void *on_uri(void *cls, const char *uri, struct MHD_Connection *c)
{
	struct http_server *s = cls;
	struct tcp_conn *t = tcp_of(c);
	if (t) {
		size_t len = uri ? strlen(uri) : 0;
		size_t keep = len < HTTP_MAX_URI ? len : HTTP_MAX_URI;
		if (keep)
			memcpy(t->uri, uri, keep);
		t->uri[keep] = '\0';
		t->uri_ptr = uri;
		t->uri_len = len;
		atomic_store(&t->deadline_ms, clock_now_ms() + (int64_t)s->cfg.header_timeout_s * 1000);
	}
	return NULL;
}

struct collect {
	struct request *r;
	struct header *list;
	struct wire_header *wire; /* the library's own pointers, for layout_contiguous() */
	int n, cap;
	int content_length, transfer_encoding;
	bool bad_te, bad_name, folded, bad_value;
};

static bool token_char(unsigned char c)
{
	/* RFC 9110 tchar */
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       strchr("!#$%&'*+-.^_`|~", c) != NULL;
}

/* RFC 9110 §5.5: a field value holds no control character but HTAB. */
static bool ctl_char(unsigned char c)
{
	return (c < 0x20 && c != '\t') || c == 0x7f;
}

/* A name that starts with a framing header's name and goes on is that
 * header with a folded continuation line glued to it (libmicrohttpd 0.9.75
 * appends the continuation to the name), whatever else the layout shows. */
static bool framing_prefix(const char *key, size_t key_size)
{
	static const char *const names[] = {"content-length", "transfer-encoding"};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		size_t n = strlen(names[i]);
		if (key_size > n && !strncasecmp(key, names[i], n))
			return true;
	}
	return false;
}

static enum MHD_Result collect_header(void *cls, enum MHD_ValueKind kind, const char *key, size_t key_size,
                                      const char *value, size_t value_size)
{
	(void)kind;
	struct collect *cl = cls;
	if (!key_size)
		cl->bad_name = true;
	for (size_t i = 0; i < key_size; i++)
		if (!token_char((unsigned char)key[i]))
			cl->bad_name = true;
	if (framing_prefix(key, key_size))
		cl->folded = true;
	for (size_t i = 0; value && i < value_size; i++)
		if (ctl_char((unsigned char)value[i]))
			cl->bad_value = true;
	if (!strcasecmp(key, "Content-Length"))
		cl->content_length++;
	if (!strcasecmp(key, "Transfer-Encoding")) {
		cl->transfer_encoding++;
		if (!value || value_size != 7 || strcasecmp(value, "chunked"))
			cl->bad_te = true;
	}
	if (cl->n == cl->cap) {
		int ncap = cl->cap ? cl->cap * 2 : 16;
		struct header *nl = arena_alloc(cl->r->arena, (size_t)ncap * sizeof *nl);
		struct wire_header *nw = arena_alloc(cl->r->arena, (size_t)ncap * sizeof *nw);
		if (cl->n) {
			memcpy(nl, cl->list, (size_t)cl->n * sizeof *nl);
			memcpy(nw, cl->wire, (size_t)cl->n * sizeof *nw);
		}
		cl->list = nl;
		cl->wire = nw;
		cl->cap = ncap;
	}
	cl->wire[cl->n] = (struct wire_header){key, key_size, value, value_size};
	/* Our copies: handlers on the CPU pool must not call into libmicrohttpd. */
	cl->list[cl->n++] = (struct header){arena_strndup(cl->r->arena, key, key_size),
	                                    value ? arena_strndup(cl->r->arena, value, value_size) : ""};
	return MHD_YES;
}

/* What is wrong with the header section, as far as roster can tell; NULL
 * when nothing is. Everything here is refused before the body is read:
 * framing that a proxy and roster could read differently, and lines a
 * proxy may have read otherwise (folded, bare LF, NUL, control
 * characters). */
static const char *header_problem(struct request *r, const struct collect *cl, const char *url, const char *method,
                                  const char *version)
{
	if (cl->content_length > 1 || (cl->content_length && cl->transfer_encoding) || cl->transfer_encoding > 1 ||
	    cl->bad_te)
		return "ambiguous framing";
	if (cl->bad_name)
		return "header name not a token";
	if (cl->folded)
		return "folded framing header";
	if (cl->bad_value)
		return "control character in a header value";
	for (const char *p = r->tcp->uri; *p; p++)
		if (ctl_char((unsigned char)*p))
			return "control character in the request target";
	if (r->srv->layout_checked && url == r->tcp->uri_ptr) {
		const union MHD_ConnectionInfo *ci =
		        MHD_get_connection_info(r->conn, MHD_CONNECTION_INFO_REQUEST_HEADER_SIZE);
		if (ci && !layout_contiguous(method, r->tcp->uri_ptr, r->tcp->uri_len, version, cl->wire, cl->n,
		                             ci->header_size))
			return "header section not plain CR LF lines (folded line, bare LF or NUL)";
	}
	return NULL;
}

static bool is_json_type(const char *ct)
{
	if (!ct)
		return false;
	while (*ct == ' ')
		ct++;
	size_t n = strlen("application/json");
	return !strncasecmp(ct, "application/json", n) && (ct[n] == '\0' || ct[n] == ';' || ct[n] == ' ');
}

/* Behind a trusted reverse proxy the client is the rightmost address of
 * X-Forwarded-For that is not itself a trusted proxy: entries further left
 * were written by the client and prove nothing. Used for throttling,
 * sessions and audit events; never for links. */
static void resolve_client(struct request *r)
{
	const char *xff = http_header(r, "X-Forwarded-For");
	if (!xff)
		return;
	char *list = arena_strdup(r->arena, xff);
	for (;;) {
		char *comma = strrchr(list, ',');
		char *entry = comma ? comma + 1 : list;
		entry += strspn(entry, " \t");
		size_t len = strcspn(entry, " \t");
		entry[len] = '\0';
		unsigned char buf[16];
		if (inet_pton(AF_INET, entry, buf) != 1 && inet_pton(AF_INET6, entry, buf) != 1)
			return; /* garbage: keep the proxy's address */
		snprintf(r->client_addr, sizeof r->client_addr, "%s", entry);
		if (!comma || !is_trusted_proxy(r->srv, entry))
			return;
		*comma = '\0';
	}
}

/* Refuses the request now, before its body is read, closing the connection. */
static bool refuse_early(struct request *r, err_code code, const char *why)
{
	refuse(r, code, NULL, true, why);
	r->early = true;
	return false;
}

/* The headers as sent: collected, checked for smuggling, and what a
 * trusted proxy says of the client. False when the request is refused. */
static bool begin_headers(struct request *r, struct collect *cl, const char *url, const char *method,
                          const char *version)
{
	MHD_get_connection_values_n(r->conn, MHD_HEADER_KIND, collect_header, cl);
	r->headers = cl->list;
	r->nheaders = cl->n;
	/* Smuggled requests never run: refused with Connection: close before
	 * any of the body is read. */
	const char *why = header_problem(r, cl, url, method, version);
	if (why)
		return refuse_early(r, E_BAD_REQUEST, why);
	/* Only a trusted proxy names the client and the request id. */
	if (is_trusted_proxy(r->srv, r->client_addr)) {
		const char *hid = http_header(r, "X-Request-Id");
		if (request_id_valid(hid))
			snprintf(r->request_id, sizeof r->request_id, "%s", hid);
		resolve_client(r);
	}
	if (r->uri_len > HTTP_MAX_URI)
		return refuse_early(r, E_URI_TOO_LONG, NULL);
	return true;
}

/* The body's announced size: its deadline and rate start, and one past
 * the limit is refused (after being drained, up to a ceiling). False when
 * the request is refused at once. */
static bool begin_body(struct request *r, const struct collect *cl)
{
	int64_t expected = cl->transfer_encoding ? -1 : 0;
	const char *cl_value = http_header(r, "Content-Length");
	if (cl_value) {
		long long n;
		if (!parse_int(cl_value, 0, INT64_MAX, &n))
			return refuse_early(r, E_BAD_REQUEST, "bad Content-Length");
		if (n > HTTP_MAX_BODY) {
			/* A body up to the drain ceiling is read and dropped before the
			 * 413, so that a client still writing it gets the answer rather
			 * than a reset; a larger one is answered at once. */
			refuse(r, E_PAYLOAD_TOO_LARGE, NULL, true, NULL);
			r->early = n > HTTP_DRAIN_MAX;
			if (r->early)
				return false;
		}
		r->body_hint = n > HTTP_MAX_BODY ? 0 : (size_t)n;
		expected = n;
	}
	if (expected)
		body_phase_begin(r->srv, r->tcp, r->request_id, expected);
	return !r->refuse;
}

static void refuse_route(struct request *r, const struct route_target *rt)
{
	if (rt->code == E_METHOD_NOT_ALLOWED)
		add_header(r, "Allow", rt->allow);
	struct err e;
	err_clear(&e);
	if (rt->code == E_BAD_REQUEST && rt->field)
		err_set(&e, E_BAD_REQUEST, rt->field,
		        "The parameter '%.64s' is not valid text: once percent-decoded it must be UTF-8, without NUL "
		        "characters or malformed %% escapes.",
		        rt->field);
	else if (rt->code == E_BAD_REQUEST)
		err_set(&e, E_BAD_REQUEST, NULL, "The path has a malformed %% escape.");
	else
		err_set(&e, rt->code ? rt->code : E_NOT_FOUND, rt->field, NULL);
	refuse_with(r, &e, false, rt->code == E_BAD_REQUEST ? "path or query not valid text" : NULL);
}

/* The route, its parameters and query, and the body type it takes. */
static void begin_route(struct request *r, const struct collect *cl, const char *method)
{
	struct route_target rt;
	router_resolve(r->srv->router, r->arena, method, r->tcp->uri, &rt);
	r->path = rt.path;
	if (rt.index < 0 && rt.code == E_NOT_FOUND && (!strcmp(method, "GET") || !strcmp(method, "HEAD")))
		r->asset = console_find(r->srv->cfg.assets, r->srv->cfg.nassets, rt.path);
	if (r->asset)
		return;
	if (rt.index < 0) {
		refuse_route(r, &rt);
		return;
	}
	r->route_index = rt.index;
	r->route = &r->srv->routes[rt.index];
	r->nparams = rt.nparams;
	for (int i = 0; i < rt.nparams; i++) {
		r->param_names[i] = rt.names[i];
		r->param_values[i] = rt.values[i];
	}
	r->query = rt.query;
	r->nquery = rt.nquery;
	bool has_body = http_header(r, "Content-Length") || cl->transfer_encoding;
	if ((r->route->flags & HTTP_JSON_BODY) && has_body && !is_json_type(http_header(r, "Content-Type")))
		refuse(r, E_UNSUPPORTED_MEDIA, NULL, false, NULL);
}

/* The first call: everything that can be decided from the headers alone. */
static void request_begin(struct request *r, const char *url, const char *method, const char *version)
{
	struct tcp_conn *t = r->tcp;
	set_deadline(t, 0);
	r->method = arena_strdup(r->arena, method);
	if (!t) {
		r->path = "";
		refuse_early(r, E_UNAVAILABLE, "no connection state");
		return;
	}
	r->path = arena_strndup(r->arena, t->uri, strcspn(t->uri, "?"));
	struct collect cl = {.r = r};
	if (begin_headers(r, &cl, url, method, version) && begin_body(r, &cl))
		begin_route(r, &cl, method);
}

/* A console file: gzip when the client takes it, 304 for the ETag it has,
 * cached for good when its name changes with its content, never framed. */
static void reply_asset(struct request *r)
{
	const struct http_asset *a = r->asset;
	add_header(r, "ETag", a->etag);
	add_header(r, "Vary", "Accept-Encoding");
	add_header(r, "Content-Security-Policy", CONSOLE_CSP);
	add_header(r, "Referrer-Policy", "no-referrer");
	r->cache_control = a->immutable ? "public, max-age=31536000, immutable" : "no-store";
	r->replied = true;
	const char *inm = http_header(r, "If-None-Match");
	if (inm && !strcmp(inm, a->etag)) {
		r->status = 304;
		r->resp = "";
		r->resp_len = 0;
		return;
	}
	bool gz = a->gz && console_accepts_gzip(http_header(r, "Accept-Encoding"));
	if (gz)
		add_header(r, "Content-Encoding", "gzip");
	r->status = 200;
	r->content_type = a->content_type;
	r->resp = (const char *)(gz ? a->gz : a->data);
	r->resp_len = gz ? a->gz_len : a->len;
}

/* A piece of the body: counted, kept for the routes that take one. */
static enum MHD_Result body_piece(struct request *r, const char *data, size_t n)
{
	r->received += n;
	if (r->tcp)
		atomic_store(&r->tcp->body_bytes, (int64_t)r->received);
	if (r->refuse) {
		/* The reply is decided; drop the body. libmicrohttpd sends
		 * nothing if a reply is queued in the middle of a chunked
		 * body, so the 413 waits for its end, within a ceiling. */
		return r->received > HTTP_DRAIN_MAX ? MHD_NO : MHD_YES;
	}
	if (r->received > HTTP_MAX_BODY) {
		refuse(r, E_PAYLOAD_TOO_LARGE, NULL, true, NULL);
		return MHD_YES;
	}
	/* A route that takes no body: counted, not kept (the application refuses it). */
	if (!(r->route->flags & HTTP_JSON_BODY))
		return MHD_YES;
	if (r->body_len + n + 1 > r->body_cap) {
		/* The announced length when there is one, else doubling; never past the limit. */
		size_t cap = r->body_cap ? r->body_cap * 2 : (r->body_hint ? r->body_hint + 1 : 4096);
		while (cap < r->body_len + n + 1)
			cap *= 2;
		if (cap > HTTP_MAX_BODY + 1)
			cap = HTTP_MAX_BODY + 1;
		char *grown = arena_alloc(r->arena, cap);
		if (r->body_len)
			memcpy(grown, r->body, r->body_len);
		r->body = grown;
		r->body_cap = cap;
	}
	memcpy(r->body + r->body_len, data, n);
	r->body_len += n;
	return MHD_YES;
}

/* The body is in: the handler runs here, or on the CPU pool with the
 * connection suspended until its answer is ready. */
static enum MHD_Result body_done(struct http_server *s, struct request *r)
{
	body_phase_end(r->tcp);
	if (r->refuse)
		return queue_reply(r);
	if (r->asset) {
		reply_asset(r);
		return queue_reply(r);
	}
	if (r->body)
		r->body[r->body_len] = '\0';
	if (r->route->flags & HTTP_OFFLOAD) {
		r->state = RS_OFFLOADED;
		MHD_suspend_connection(r->conn);
		if (offload_submit(s->pool, r))
			return MHD_YES;
		MHD_resume_connection(r->conn);
		struct err e;
		err_clear(&e);
		err_set(&e, E_UNAVAILABLE, NULL, "The server is busy; try again shortly.");
		e.retry_after = 1;
		reply_error(r, &e);
		return queue_reply(r);
	}
	dispatch(r);
	return queue_reply(r);
}

static enum MHD_Result on_access(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                                 const char *version, const char *upload_data, size_t *upload_data_size, void **con_cls)
{
	struct http_server *s = cls;
	struct request *r = *con_cls;
	if (!r)
		*con_cls = r = request_new(s, c);
	if (r->state == RS_NEW) {
		r->state = RS_BODY;
		request_begin(r, url, method, version);
		/* Refused framing and sizes are answered now, which also closes the connection. */
		return r->early ? queue_reply(r) : MHD_YES;
	}
	if (r->state == RS_DONE)
		return r->replied || r->refuse ? queue_reply(r) : MHD_NO;
	if (*upload_data_size) {
		size_t n = *upload_data_size;
		*upload_data_size = 0;
		return body_piece(r, upload_data, n);
	}
	if (r->state == RS_OFFLOADED)
		return MHD_YES; /* spurious call while suspended */
	return body_done(s, r);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode toe)
{
	(void)c;
	struct http_server *s = cls;
	struct request *r = *con_cls;
	*con_cls = NULL;
	if (!r)
		return;
	int64_t dur = clock_mono_ns() - r->start_ns;
	if (r->method) {
		bool answered = r->state == RS_DONE;
		metrics_observe(r->route_index, answered ? r->status : 0, dur);
		struct logline l;
		log_begin(&l, LOG_INFO, "request");
		log_str(&l, "request_id", r->request_id);
		log_str(&l, "method", r->method);
		log_str(&l, "path", r->path); /* never the query string: it may carry tokens */
		log_int(&l, "status", answered ? r->status : 0);
		log_int(&l, "duration_us", dur / 1000);
		log_str(&l, "client", r->client_addr);
		if (r->user_id)
			log_str(&l, "user_id", r->user_id);
		log_str(&l, "refused", r->why);
		if (toe != MHD_REQUEST_TERMINATED_COMPLETED_OK)
			log_int(&l, "terminated", toe);
		log_end(&l);
	}
	/* The keep-alive wait before the next request line: libmicrohttpd's idle timeout governs it. */
	body_phase_end(r->tcp);
	set_deadline(r->tcp, clock_now_ms() + (int64_t)(s->cfg.idle_timeout_s + s->cfg.header_timeout_s) * 1000);
	after_reply(s, r);
	arena_free(r->arena);
	atomic_fetch_sub(&s->in_flight, 1);
}

/* One line a second at most for refused connections, with how many were
 * refused since the last one: an attack must not flood the log. */
static void log_refused(struct http_server *s, const char *group)
{
	atomic_fetch_add(&s->refused_since_log, 1);
	int64_t now = mono_ms();
	int64_t last = atomic_load(&s->refused_logged_ms);
	if (now - last < 1000 || !atomic_compare_exchange_strong(&s->refused_logged_ms, &last, now))
		return;
	struct logline l;
	log_begin(&l, LOG_WARN, "connection_refused");
	log_str(&l, "reason", "per_address_limit");
	log_str(&l, "client", group);
	log_int(&l, "limit", s->cfg.max_connections_per_addr);
	log_int(&l, "refused", atomic_exchange(&s->refused_since_log, 0));
	log_end(&l);
}

/* The accept policy: a connection from an address group (an IPv4 address,
 * an IPv6 /64) that holds ROSTER_MAX_CONNECTIONS_PER_ADDRESS connections
 * already is closed at once, whatever state those are in (headers, body,
 * handler, keep-alive). A trusted proxy carries many clients: its
 * connections count only toward ROSTER_MAX_CONNECTIONS. The count changes
 * in on_connection(), where a connection that several worker threads let
 * in at the same instant finds itself past the limit and is cut: the
 * limit holds exactly. */
static enum MHD_Result on_accept(void *cls, const struct sockaddr *addr, socklen_t addrlen)
{
	struct http_server *s = cls;
	(void)addrlen;
	char a[INET6_ADDRSTRLEN];
	format_addr(addr, a, sizeof a);
	if (is_trusted_proxy(s, a))
		return MHD_YES;
	char g[ADDR_GROUP_MAX];
	addr_group(a, g);
	if (addr_limit_allows(s->per_addr, g))
		return MHD_YES;
	log_refused(s, g);
	return MHD_NO;
}

static void on_connection(void *cls, struct MHD_Connection *c, void **socket_context,
                          enum MHD_ConnectionNotificationCode toe)
{
	struct http_server *s = cls;
	if (toe == MHD_CONNECTION_NOTIFY_STARTED) {
		struct tcp_conn *t = calloc(1, sizeof *t);
		*socket_context = t;
		if (!t)
			return;
		const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
		t->fd = ci ? ci->connect_fd : -1;
		format_peer(c, t->addr, sizeof t->addr);
		t->counted = !is_trusted_proxy(s, t->addr);
		if (t->counted) {
			addr_group(t->addr, t->group);
			/* Let in past the limit by a race between worker threads: cut at once. */
			if (addr_limit_add(s->per_addr, t->group, 1) > s->cfg.max_connections_per_addr && t->fd >= 0) {
				shutdown(t->fd, SHUT_RDWR);
				log_refused(s, t->group);
			}
		}
		atomic_store(&t->deadline_ms, clock_now_ms() + (int64_t)s->cfg.header_timeout_s * 1000);
		pthread_mutex_lock(&s->conns_lock);
		t->next = s->conns;
		if (s->conns)
			s->conns->prev = t;
		s->conns = t;
		pthread_mutex_unlock(&s->conns_lock);
		metrics_connections(1);
	} else if (toe == MHD_CONNECTION_NOTIFY_CLOSED) {
		struct tcp_conn *t = *socket_context;
		if (!t)
			return;
		/* Removed under the lock before libmicrohttpd closes the socket,
		 * so the sweeper never touches a descriptor that was reused. */
		pthread_mutex_lock(&s->conns_lock);
		if (t->prev)
			t->prev->next = t->next;
		else
			s->conns = t->next;
		if (t->next)
			t->next->prev = t->prev;
		pthread_mutex_unlock(&s->conns_lock);
		if (t->counted)
			addr_limit_add(s->per_addr, t->group, -1);
		free(t);
		*socket_context = NULL;
		metrics_connections(-1);
	}
}

/* Why a body being received must be cut off, or NULL: past
 * ROSTER_BODY_TIMEOUT in all, or, after a grace, slower on average than
 * ROSTER_BODY_MIN_RATE since the headers (a body shorter than the rate
 * asks for must simply be complete). */
static const char *body_verdict(const struct http_server *s, struct tcp_conn *t, int64_t elapsed_ms)
{
	if (elapsed_ms > (int64_t)s->cfg.body_timeout_s * 1000)
		return "body_timeout";
	int64_t rate = s->cfg.body_min_rate;
	if (rate > 0 && elapsed_ms >= BODY_RATE_GRACE_MS) {
		int64_t need = rate * elapsed_ms / 1000;
		int64_t expected = atomic_load(&t->body_expected);
		if (expected >= 0 && need > expected)
			need = expected;
		if (atomic_load(&t->body_bytes) < need)
			return "body_too_slow";
	}
	return NULL;
}

static void *sweeper_main(void *arg)
{
	struct http_server *s = arg;
	while (!atomic_load(&s->stopping)) {
		struct timespec ts = {0, 250 * 1000000L};
		nanosleep(&ts, NULL);
		log_flush_all(); /* buffered access lines reach stderr within a quarter second */
		int64_t now = clock_now_ms(), mono = mono_ms();
		pthread_mutex_lock(&s->conns_lock);
		for (struct tcp_conn *t = s->conns; t; t = t->next) {
			if (t->fd < 0)
				continue;
			int64_t d = atomic_load(&t->deadline_ms);
			if (d && now > d) {
				atomic_store(&t->deadline_ms, 0);
				shutdown(t->fd, SHUT_RDWR);
				log_msg(LOG_INFO, "header_timeout",
				        "a client did not send its request headers in time");
			}
			int64_t start = atomic_load(&t->body_start_ms);
			const char *why = start ? body_verdict(s, t, mono - start) : NULL;
			if (why) {
				atomic_store(&t->body_start_ms, 0);
				shutdown(t->fd, SHUT_RDWR);
				struct logline l;
				log_begin(&l, LOG_INFO, why);
				log_str(&l, "request_id", t->request_id);
				log_str(&l, "client", t->addr);
				log_int(&l, "received", atomic_load(&t->body_bytes));
				log_int(&l, "duration_ms", mono - start);
				log_str(&l, "message",
				        !strcmp(why, "body_timeout")
				                ? "the request body took longer than ROSTER_BODY_TIMEOUT"
				                : "the request body came slower than ROSTER_BODY_MIN_RATE");
				log_end(&l);
			}
		}
		pthread_mutex_unlock(&s->conns_lock);
	}
	return NULL;
}

static void mhd_log(void *cls, const char *fmt, va_list ap)
{
	(void)cls;
	char msg[512];
	vsnprintf(msg, sizeof msg, fmt, ap);
	size_t n = strlen(msg);
	while (n && (msg[n - 1] == '\n' || msg[n - 1] == '\r'))
		msg[--n] = '\0';
	log_msg(LOG_DEBUG, "http_library", "%s", msg);
}

static void server_free(struct http_server *s)
{
	offload_free(s->pool);
	offload_free(s->after); /* runs what is still queued */
	router_free(s->router);
	addr_limit_free(s->per_addr);
	free(s->proxies);
	pthread_mutex_destroy(&s->conns_lock);
	free(s);
}

struct http_server *http_start(const struct http_config *cfg, const struct http_route *routes, size_t nroutes,
                               http_handler handler, void *handler_arg, struct err *e)
{
	struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM, .ai_flags = AI_NUMERICSERV};
	struct addrinfo *ai = NULL;
	char port[8];
	snprintf(port, sizeof port, "%d", cfg->port);
	if (getaddrinfo(cfg->host, port, &hints, &ai) != 0 || !ai) {
		err_set(e, E_INVALID, "listen", "Cannot resolve the listen address '%s'.", cfg->host);
		return NULL;
	}
	struct http_server *s = calloc(1, sizeof *s);
	s->handler = handler;
	s->handler_arg = handler_arg;
	s->cfg = *cfg;
	s->routes = routes;
	s->nroutes = nroutes;
	s->router = router_new(routes, nroutes);
	pthread_mutex_init(&s->conns_lock, NULL);
	s->per_addr = addr_limit_new(cfg->max_connections_per_addr);
	proxies_parse(s, cfg->trusted_proxies);
	metrics_init(nroutes);
	s->pool = offload_new(cfg->cpu_threads, LIMIT_CPU_QUEUE, LIMIT_CPU_WAIT_MS, run_offloaded);
	s->after = offload_new(1, LIMIT_AFTER_QUEUE, LIMIT_AFTER_WAIT_MS, run_after);
	s->layout_checked = layout_probe();
	if (!s->layout_checked) {
		struct logline l;
		log_begin(&l, LOG_WARN, "header_layout_unchecked");
		log_str(&l, "library", MHD_get_version());
		log_str(&l, "message",
		        "this libmicrohttpd does not lay requests out as 0.9.75 does: folded header lines other than "
		        "Content-Length and Transfer-Encoding, bare LFs and NULs in header values cannot be detected");
		log_end(&l);
	}

	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_ALLOW_SUSPEND_RESUME | MHD_USE_ERROR_LOG;
	if (ai->ai_family == AF_INET6)
		flags |= MHD_USE_IPv6;
	/* No MHD_OPTION_PER_IP_CONNECTION_LIMIT: it counts each IPv6 address
	 * on its own and the proxy as one client; on_accept() counts groups. */
	s->daemon = MHD_start_daemon(
	        flags, 0, on_accept, s, on_access, s, MHD_OPTION_SOCK_ADDR, ai->ai_addr, MHD_OPTION_THREAD_POOL_SIZE,
	        (unsigned)cfg->threads, MHD_OPTION_URI_LOG_CALLBACK, on_uri, s, MHD_OPTION_NOTIFY_COMPLETED,
	        on_completed, s, MHD_OPTION_NOTIFY_CONNECTION, on_connection, s, MHD_OPTION_CONNECTION_TIMEOUT,
	        (unsigned)cfg->idle_timeout_s, MHD_OPTION_CONNECTION_LIMIT, (unsigned)cfg->max_connections,
	        MHD_OPTION_STRICT_FOR_CLIENT, 1, MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)HTTP_CONNECTION_MEMORY,
	        MHD_OPTION_LISTEN_BACKLOG_SIZE, 1024u, MHD_OPTION_EXTERNAL_LOGGER, mhd_log, NULL, MHD_OPTION_END);
	freeaddrinfo(ai);
	if (!s->daemon) {
		err_set(e, E_INVALID, "listen", "Cannot listen on %s:%d (in use, or not an address of this machine).",
		        cfg->host, cfg->port);
		server_free(s);
		return NULL;
	}
	const union MHD_DaemonInfo *di = MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
	s->port = di ? di->port : cfg->port;
	pthread_create(&s->sweeper, NULL, sweeper_main, s);
	return s;
}

int http_port(const struct http_server *s)
{
	return s->port;
}

void http_stop(struct http_server *s, int grace_ms)
{
	if (!s)
		return;
	MHD_socket lsock = MHD_quiesce_daemon(s->daemon);
	if (lsock != MHD_INVALID_SOCKET)
		close(lsock);
	int64_t until = clock_mono_ns() + (int64_t)grace_ms * 1000000;
	while (atomic_load(&s->in_flight) > 0 && clock_mono_ns() < until) {
		struct timespec ts = {0, 10 * 1000000L};
		nanosleep(&ts, NULL);
	}
	atomic_store(&s->stopping, true);
	pthread_join(s->sweeper, NULL);
	offload_free(s->pool);
	s->pool = NULL;
	MHD_stop_daemon(s->daemon);
	server_free(s);
}

char *http_metrics_render(struct request *r)
{
	return metrics_render(r->arena, r->srv->routes, r->srv->nroutes);
}
