#include "base/log.h"

#include "base/clock.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static log_level min_level = LOG_INFO;
static const char *level_names[] = {"debug", "info", "warn", "error"};

void log_set_level(log_level level)
{
	min_level = level;
}

bool log_enabled(log_level level)
{
	return level >= min_level;
}

static void put_raw(struct logline *l, const char *s, size_t n)
{
	if (l->len + n >= sizeof l->buf - 2)
		return;
	memcpy(l->buf + l->len, s, n);
	l->len += n;
}

/* Appends s as a JSON string, or nothing when it does not fit whole. */
static void put_json_string(struct logline *l, const char *s)
{
	char tmp[sizeof l->buf];
	size_t n = 0;
	tmp[n++] = '"';
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (n + 8 >= sizeof tmp)
			return;
		if (*p == '"' || *p == '\\') {
			tmp[n++] = '\\';
			tmp[n++] = (char)*p;
		} else if (*p < 0x20 || *p == 0x7f) {
			n += (size_t)snprintf(tmp + n, 8, "\\u%04x", *p);
		} else {
			tmp[n++] = (char)*p;
		}
	}
	tmp[n++] = '"';
	put_raw(l, tmp, n);
}

void log_begin(struct logline *l, log_level level, const char *event)
{
	l->len = 0;
	l->skip = !log_enabled(level);
	if (l->skip)
		return;
	char ts[RFC3339_LEN];
	clock_format_rfc3339(clock_now_ms(), ts);
	l->len = (size_t)snprintf(l->buf, sizeof l->buf, "{\"ts\":\"%s\",\"level\":\"%s\",\"event\":", ts,
				  level_names[level]);
	put_json_string(l, event);
}

void log_str(struct logline *l, const char *key, const char *value)
{
	if (l->skip || !value)
		return;
	size_t mark = l->len;
	put_raw(l, ",", 1);
	put_json_string(l, key);
	put_raw(l, ":", 1);
	size_t before = l->len;
	put_json_string(l, value);
	if (l->len == before)
		l->len = mark;
}

void log_int(struct logline *l, const char *key, int64_t value)
{
	if (l->skip)
		return;
	char num[32];
	int n = snprintf(num, sizeof num, "%lld", (long long)value);
	size_t mark = l->len;
	put_raw(l, ",", 1);
	put_json_string(l, key);
	put_raw(l, ":", 1);
	size_t before = l->len;
	put_raw(l, num, (size_t)n);
	if (l->len == before)
		l->len = mark;
}

void log_end(struct logline *l)
{
	if (l->skip)
		return;
	l->buf[l->len++] = '}';
	l->buf[l->len++] = '\n';
	/* One write per line so lines from different threads never interleave. */
	ssize_t w = write(STDERR_FILENO, l->buf, l->len);
	(void)w;
}

void log_msg(log_level level, const char *event, const char *fmt, ...)
{
	struct logline l;
	log_begin(&l, level, event);
	if (l.skip)
		return;
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	log_str(&l, "msg", msg);
	log_end(&l);
}
