#include "base/log.h"

#include "base/clock.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static log_level min_level = LOG_INFO;
static bool buffered;

struct tbuf {
	pthread_mutex_t lock;
	struct tbuf *next;
	int64_t first_ms;
	size_t len;
	char data[32768];
};
static pthread_mutex_t all_lock = PTHREAD_MUTEX_INITIALIZER;
static struct tbuf *all_bufs;
static __thread struct tbuf *my_buf;

static void write_all(const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(STDERR_FILENO, p, n);
		if (w <= 0)
			return;
		p += w;
		n -= (size_t)w;
	}
}

static void flush_locked(struct tbuf *b)
{
	if (b->len)
		write_all(b->data, b->len);
	b->len = 0;
}

void log_set_buffered(bool on)
{
	buffered = on;
}

void log_flush_all(void)
{
	pthread_mutex_lock(&all_lock);
	for (struct tbuf *b = all_bufs; b; b = b->next) {
		pthread_mutex_lock(&b->lock);
		flush_locked(b);
		pthread_mutex_unlock(&b->lock);
	}
	pthread_mutex_unlock(&all_lock);
}

/* A thread's buffer lives as long as the process: threads here are long-lived. */
static struct tbuf *thread_buf(void)
{
	if (!my_buf) {
		struct tbuf *b = calloc(1, sizeof *b);
		if (!b)
			return NULL;
		pthread_mutex_init(&b->lock, NULL);
		pthread_mutex_lock(&all_lock);
		b->next = all_bufs;
		all_bufs = b;
		pthread_mutex_unlock(&all_lock);
		my_buf = b;
	}
	return my_buf;
}
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
	l->level = level;
	l->skip = !log_enabled(level);
	if (l->skip)
		return;
	/* The date part changes once a second: format it once per second per thread. */
	static __thread int64_t cached_sec = -1;
	static __thread char cached[RFC3339_LEN];
	int64_t now = clock_now_ms();
	if (now / 1000 != cached_sec) {
		cached_sec = now / 1000;
		clock_format_rfc3339(cached_sec * 1000, cached);
	}
	char ts[RFC3339_LEN];
	memcpy(ts, cached, RFC3339_LEN);
	snprintf(ts + 20, RFC3339_LEN - 20, "%03dZ", (int)(now % 1000));
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
	struct tbuf *b = buffered ? thread_buf() : NULL;
	if (!b) {
		/* One write per line so lines from different threads never interleave. */
		write_all(l->buf, l->len);
		return;
	}
	pthread_mutex_lock(&b->lock);
	int64_t now = clock_now_ms();
	if (l->level >= LOG_WARN || b->len + l->len > sizeof b->data) {
		flush_locked(b);
	}
	if (l->level >= LOG_WARN) {
		write_all(l->buf, l->len);
	} else {
		if (!b->len)
			b->first_ms = now;
		memcpy(b->data + b->len, l->buf, l->len);
		b->len += l->len;
		if (now - b->first_ms >= 200)
			flush_locked(b);
	}
	pthread_mutex_unlock(&b->lock);
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
