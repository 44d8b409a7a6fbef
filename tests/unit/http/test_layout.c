#include "testutil.h"

#include "http/internal.h"

/* A small model of libmicrohttpd 0.9.75's in-place parsing (connection.c),
 * enough to lay out a request as the library hands it over: lines end at
 * CR LF (two NULs) or a bare LF (one NUL); a folded line is appended to
 * the previous key, which moves elsewhere. */
struct parsed {
	char buf[4096];
	char moved[8][256];
	int nmoved;
	const char *method, *target, *version;
	size_t target_len;
	struct wire_header h[32];
	int n;
	size_t header_size;
};

static char *next_line(char *buf, size_t len, size_t *pos, size_t *line_len)
{
	char *line = buf + *pos;
	for (size_t i = *pos; i < len; i++) {
		if (buf[i] == '\r' && i + 1 < len && buf[i + 1] == '\n') {
			buf[i] = buf[i + 1] = '\0';
			*line_len = i - *pos;
			*pos = i + 2;
			return line;
		}
		if (buf[i] == '\n') {
			buf[i] = '\0';
			*line_len = i - *pos;
			*pos = i + 1;
			return line;
		}
	}
	return NULL;
}

static void model_parse(struct parsed *p, const char *wire, size_t len)
{
	memset(p, 0, sizeof *p);
	memcpy(p->buf, wire, len);
	size_t pos = 0, line_len;
	char *line = next_line(p->buf, len, &pos, &line_len);
	char *sp = memchr(line, ' ', line_len);
	*sp = '\0';
	p->method = line;
	char *uri = sp + 1;
	char *v = line + line_len - 1;
	while (*v != ' ' && v > uri)
		v--;
	*v = '\0';
	p->version = v + 1;
	p->target = uri;
	p->target_len = strlen(uri);
	char *last = NULL, *colon = NULL;
	while ((line = next_line(p->buf, len, &pos, &line_len))) {
		if ((line[0] == ' ' || line[0] == '\t') && last) {
			char *tmp = line;
			while (*tmp == ' ' || *tmp == '\t')
				tmp++;
			char *moved = p->moved[p->nmoved++];
			snprintf(moved, 256, "%s%s", last, tmp);
			memset(last, 0, strlen(last));
			last = moved;
			continue;
		}
		if (last) {
			p->h[p->n++] = (struct wire_header){last, strlen(last), colon, strlen(colon)};
			last = NULL;
		}
		if (!line[0])
			break;
		colon = strchr(line, ':');
		*colon++ = '\0';
		while (*colon == ' ' || *colon == '\t')
			colon++;
		last = line;
	}
	p->header_size = (size_t)(p->buf + pos - p->method);
}

static bool tiles(const char *wire, size_t len)
{
	static struct parsed p;
	model_parse(&p, wire, len);
	return layout_contiguous(p.method, p.target, p.target_len, p.version, p.h, p.n, p.header_size);
}

#define TILES(s) tiles(s, sizeof s - 1)

static void plain_requests_tile(void **state)
{
	(void)state;
	assert_true(TILES("GET / HTTP/1.1\r\n\r\n"));
	assert_true(TILES("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"));
	assert_true(TILES("GET /a?b=c HTTP/1.1\r\nHost: x\r\nA:1\r\nB:\r\nC: \t c \t\r\nD:  \r\n\r\n"));
	assert_true(TILES("POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}"));
}

static void folded_lines_bare_lf_and_nul_do_not(void **state)
{
	(void)state;
	assert_false(TILES("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding:\r\n chunked\r\n\r\n"));
	assert_false(TILES("GET / HTTP/1.1\r\nX-A: a\r\n b\r\nHost: x\r\n\r\n"));
	assert_false(TILES("GET / HTTP/1.1\r\nHost: x\r\nX-A: a\r\n\tb\r\n\r\n")); /* the last header */
	assert_false(TILES("GET / HTTP/1.1\r\nX-A:\r\n b\r\n c\r\nHost: x\r\n\r\n"));
	assert_false(TILES("GET / HTTP/1.1\nHost: x\r\n\r\n"));
	assert_false(TILES("GET / HTTP/1.1\r\nHost: x\nA: b\r\n\r\n"));
	assert_false(TILES("GET / HTTP/1.1\r\nHost: x\n\r\n"));
	assert_false(TILES("GET / HTTP/1.1\r\nHost: x\r\n\n"));
	assert_false(TILES("GET / HTTP/1.1\r\nA: a\0b\r\nHost: x\r\n\r\n"));
	assert_false(TILES("GET / HTTP/1.1\r\nHost: x\r\nA: a\0b\r\n\r\n"));
	assert_false(TILES("GET /a\0b HTTP/1.1\r\nHost: x\r\n\r\n"));
	assert_false(TILES("GET / HTTP/1.1\0x\r\nHost: x\r\n\r\n"));
}

static void nonsense_is_not_contiguous(void **state)
{
	(void)state;
	char buf[] = "GET / HTTP/1.1";
	assert_false(layout_contiguous(NULL, buf + 4, 1, buf + 6, NULL, 0, 16));
	assert_false(layout_contiguous(buf, buf + 4, 1, buf + 6, NULL, 0, 0));
	assert_false(layout_contiguous(buf, buf + 6, 1, buf + 4, NULL, 0, 18));
	struct wire_header h = {buf, 3, NULL, 0};
	assert_false(layout_contiguous(buf, buf + 4, 1, buf + 6, &h, 1, 18));
}

/* On the libmicrohttpd this is built with (0.9.75), the guard lets the check run. */
static void the_probe_passes_on_this_library(void **state)
{
	(void)state;
	assert_true(layout_probe());
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(plain_requests_tile),
	        cmocka_unit_test(folded_lines_bare_lf_and_nul_do_not),
	        cmocka_unit_test(nonsense_is_not_contiguous),
	        cmocka_unit_test(the_probe_passes_on_this_library),
	};
	return cmocka_run_group_tests_name("http/layout", tests, NULL, NULL);
}
