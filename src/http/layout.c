/* What libmicrohttpd 0.9.75 does not tell: how the header section looked
 * on the wire.
 *
 * 0.9.75 parses the request line and the header lines in place in the
 * connection's read buffer (connection.c: get_next_header_line,
 * parse_initial_message_line, process_header_line, process_broken_line):
 *   - each line's CR LF becomes two NUL bytes (a bare LF one NUL byte);
 *   - the request line is split by NULs into method, target and version;
 *   - a header line's colon becomes a NUL, the value starts after the
 *     spaces and tabs that follow it and runs, by strlen(), to the first
 *     NUL;
 *   - a folded continuation line (obs-fold) is appended to the *key*: the
 *     key is copied to a new block of the pool (MHD_pool_reallocate), so
 *     "Transfer-Encoding:\r\n chunked" arrives as a header
 *     "Transfer-Encodingchunked" with an empty value;
 *   - the read buffer is the pool's only block allocated from the front
 *     and grows in place while headers arrive, so only a folded line can
 *     make it move; between pipelined requests its unread bytes are moved
 *     to its start before the next request line is parsed.
 * So for a header section of plain CR LF lines, and only for one, the
 * strings the library hands over tile it exactly:
 *
 *   method NUL [SP...] target NUL version NUL NUL
 *   key NUL [SP/HTAB...] value NUL NUL        (each header, in order)
 *   NUL NUL                                   (the empty line)
 *
 * ending at method + MHD_CONNECTION_INFO_REQUEST_HEADER_SIZE. A folded
 * line (its key moved), a bare LF (a gap of one), a NUL inside a value or
 * the target (the rest of it hidden in a gap: lengths are strlen) all
 * break the tiling. The check compares addresses only and never reads a
 * byte that is not part of a string the library handed over.
 *
 * Relying on it is guarded twice: only libmicrohttpd 0.9.75 is checked
 * this way, and only after layout_probe() has seen, on the library
 * actually loaded, that plain requests (pipelined, split over several
 * writes, large enough to grow the buffer) tile and a folded one does not.
 * Otherwise rosterd logs that it cannot check, and keeps the checks on
 * the names and values themselves. */
#include "http/internal.h"

#include <fcntl.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

bool layout_contiguous(const char *method, const char *target, size_t target_len, const char *version,
                       const struct wire_header *h, int n, size_t header_size)
{
	if (!method || !target || !version)
		return false;
	uintptr_t m = (uintptr_t)method, t = (uintptr_t)target, v = (uintptr_t)version;
	uintptr_t end = m + header_size;
	if (end < m || !(m + strlen(method) < t && t < v && v < end))
		return false;
	if (t + target_len + 1 != v) /* one space between target and version, no NUL in the target */
		return false;
	uintptr_t next = v + strlen(version) + 2;
	for (int i = 0; i < n; i++) {
		uintptr_t k = (uintptr_t)h[i].key, val = (uintptr_t)h[i].value;
		if (k != next || !h[i].value || val <= k + h[i].key_len || val + h[i].value_len + 2 > end)
			return false;
		next = val + h[i].value_len + 2;
	}
	return next + 2 == end;
}

/* ---- the probe ---- */

struct probe {
	const char *target;
	size_t target_len;
	int seen;       /* requests that reached the handler */
	int tiled;      /* plain requests found contiguous */
	int fold_found; /* the folded request found not contiguous */
};

static void *probe_uri(void *cls, const char *uri, struct MHD_Connection *c)
{
	(void)c;
	struct probe *p = cls;
	p->target = uri;
	p->target_len = uri ? strlen(uri) : 0;
	return NULL;
}

struct probe_headers {
	struct wire_header h[64];
	int n;
};

static enum MHD_Result probe_header(void *cls, enum MHD_ValueKind kind, const char *key, size_t key_size,
                                    const char *value, size_t value_size)
{
	(void)kind;
	struct probe_headers *ph = cls;
	if (ph->n < 64)
		ph->h[ph->n] = (struct wire_header){key, key_size, value, value_size};
	ph->n++;
	return MHD_YES;
}

static enum MHD_Result probe_access(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                                    const char *version, const char *upload, size_t *upload_size, void **ctx)
{
	(void)upload;
	struct probe *p = cls;
	if (!*ctx) {
		*ctx = p;
		struct probe_headers ph = {.n = 0};
		MHD_get_connection_values_n(c, MHD_HEADER_KIND, probe_header, &ph);
		const union MHD_ConnectionInfo *ci =
		        MHD_get_connection_info(c, MHD_CONNECTION_INFO_REQUEST_HEADER_SIZE);
		bool tiles = ci && url == p->target && ph.n <= 64 &&
		             layout_contiguous(method, p->target, p->target_len, version, ph.h, ph.n, ci->header_size);
		p->seen++;
		if (!strcmp(url, "/fold"))
			p->fold_found += !tiles;
		else
			p->tiled += tiles;
		return MHD_YES;
	}
	if (*upload_size) {
		*upload_size = 0;
		return MHD_YES;
	}
	/* Answered on the second call: libmicrohttpd closes the connection
	 * when a reply is queued on the first. */
	struct MHD_Response *resp = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
	enum MHD_Result ret = MHD_queue_response(c, 204, resp);
	MHD_destroy_response(resp);
	return ret;
}

/* Feeds s to the daemon, then runs it until it has seen want requests (or
 * a second has passed), reading and dropping its answers. */
static void probe_feed(struct MHD_Daemon *d, int fd, struct probe *p, const char *s, int want)
{
	size_t len = strlen(s), off = 0;
	for (int round = 0; round < 1000; round++) {
		if (off < len) {
			ssize_t w = write(fd, s + off, len - off);
			if (w > 0)
				off += (size_t)w;
		}
		MHD_run(d);
		char sink[4096];
		while (read(fd, sink, sizeof sink) > 0) {
		}
		if (off == len && p->seen >= want)
			return;
		struct timespec ts = {0, 1000000L};
		nanosleep(&ts, NULL);
	}
}

bool layout_probe(void)
{
	if (strcmp(MHD_get_version(), "0.9.75"))
		return false;
	int sv[2];
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv))
		return false;
	fcntl(sv[1], F_SETFL, fcntl(sv[1], F_GETFL) | O_NONBLOCK);
	struct probe p = {0};
	/* The options that shape parsing are the server's (server.c). */
	struct MHD_Daemon *d =
	        MHD_start_daemon(MHD_USE_NO_LISTEN_SOCKET, 0, NULL, NULL, probe_access, &p, MHD_OPTION_URI_LOG_CALLBACK,
	                         probe_uri, &p, MHD_OPTION_STRICT_FOR_CLIENT, 1, MHD_OPTION_CONNECTION_MEMORY_LIMIT,
	                         (size_t)HTTP_CONNECTION_MEMORY, MHD_OPTION_END);
	if (!d) {
		close(sv[0]);
		close(sv[1]);
		return false;
	}
	struct sockaddr_in peer = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	if (MHD_add_connection(d, sv[0], (const struct sockaddr *)&peer, sizeof peer) != MHD_YES) {
		MHD_stop_daemon(d);
		close(sv[1]);
		return false;
	}
	/* Two pipelined requests in one write, with empty and padded values. */
	probe_feed(d, sv[1], &p,
	           "GET /1?a=%41&b HTTP/1.1\r\nHost: probe\r\nA: 1\r\nB:\r\nC: \t c \r\nD:d\r\n\r\n"
	           "GET /2 HTTP/1.1\r\nHost: probe\r\n\r\n",
	           2);
	/* One request over three writes, split inside a name and a value. */
	probe_feed(d, sv[1], &p, "GET /3 HTTP/1.1\r\nHo", 2);
	probe_feed(d, sv[1], &p, "st: probe\r\nX-Split: a", 2);
	probe_feed(d, sv[1], &p, "b\r\n\r\n", 3);
	/* Headers larger than the first read buffer, so that it grows. */
	char big[12 * 1024];
	size_t used = (size_t)snprintf(big, sizeof big, "GET /4 HTTP/1.1\r\nHost: probe\r\n");
	for (int i = 0; i < 40; i++) {
		used += (size_t)snprintf(big + used, sizeof big - used, "X-Pad-%d: ", i);
		memset(big + used, 'p', 240);
		used += 240;
		used += (size_t)snprintf(big + used, sizeof big - used, "\r\n");
	}
	snprintf(big + used, sizeof big - used, "\r\n");
	probe_feed(d, sv[1], &p, big, 4);
	/* And a folded line, which must show. */
	probe_feed(d, sv[1], &p, "GET /fold HTTP/1.1\r\nHost: probe\r\nX-Fold: a\r\n b\r\nConnection: close\r\n\r\n",
	           5);
	MHD_stop_daemon(d);
	close(sv[1]);
	return p.seen == 5 && p.tiled == 4 && p.fold_found == 1;
}
