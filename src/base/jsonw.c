#include "base/jsonw.h"

#include "base/clock.h"

#include <stdio.h>
#include <string.h>

void jw_init(struct jw *w, struct arena *a)
{
	memset(w, 0, sizeof *w);
	w->a = a;
	w->cap = 4096;
	w->buf = arena_alloc(a, w->cap);
}

static void reserve(struct jw *w, size_t n)
{
	if (w->len + n + 1 <= w->cap)
		return;
	size_t cap = w->cap * 2;
	while (cap < w->len + n + 1)
		cap *= 2;
	char *b = arena_alloc(w->a, cap);
	memcpy(b, w->buf, w->len);
	w->buf = b;
	w->cap = cap;
}

static void put(struct jw *w, const char *s, size_t n)
{
	reserve(w, n);
	memcpy(w->buf + w->len, s, n);
	w->len += n;
}

/* Before a value or a key: the comma that separates it from the last one. */
static void sep(struct jw *w)
{
	if (w->after_key) {
		w->after_key = false;
		return;
	}
	if (w->depth > 0 && w->need_comma[w->depth])
		put(w, ",", 1);
	if (w->depth > 0)
		w->need_comma[w->depth] = true;
}

static void open(struct jw *w, char c)
{
	sep(w);
	put(w, &c, 1);
	if (w->depth < 31)
		w->depth++;
	w->need_comma[w->depth] = false;
}

static void close(struct jw *w, char c)
{
	put(w, &c, 1);
	if (w->depth > 0)
		w->depth--;
}

void jw_obj(struct jw *w)
{
	open(w, '{');
}
void jw_end_obj(struct jw *w)
{
	close(w, '}');
}
void jw_arr(struct jw *w)
{
	open(w, '[');
}
void jw_end_arr(struct jw *w)
{
	close(w, ']');
}

/* Bytes that JSON writes escaped: control characters, '"' and '\\'. */
static bool needs_escape(unsigned char c)
{
	return c < 0x20 || c == '"' || c == '\\';
}

/* Runs of bytes that need no escape are copied whole: most strings are one run. */
static void put_string(struct jw *w, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	size_t n = strlen(s);
	reserve(w, n * 6 + 2);
	char *o = w->buf + w->len;
	*o++ = '"';
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	while (p < end) {
		const unsigned char *run = p;
		while (p < end && !needs_escape(*p))
			p++;
		memcpy(o, run, (size_t)(p - run));
		o += p - run;
		if (p == end)
			break;
		unsigned char c = *p++;
		*o++ = '\\';
		if (c == '"' || c == '\\') {
			*o++ = (char)c;
		} else {
			*o++ = 'u';
			*o++ = '0';
			*o++ = '0';
			*o++ = hex[c >> 4];
			*o++ = hex[c & 15];
		}
	}
	*o++ = '"';
	w->len = (size_t)(o - w->buf);
}

void jw_key(struct jw *w, const char *key)
{
	sep(w);
	put_string(w, key);
	put(w, ":", 1);
	w->after_key = true;
}

void jw_str(struct jw *w, const char *s)
{
	if (!s) {
		jw_null(w);
		return;
	}
	sep(w);
	put_string(w, s);
}

void jw_int(struct jw *w, int64_t v)
{
	char num[24];
	int n = snprintf(num, sizeof num, "%lld", (long long)v);
	sep(w);
	put(w, num, (size_t)n);
}

void jw_bool(struct jw *w, bool v)
{
	sep(w);
	put(w, v ? "true" : "false", v ? 4 : 5);
}

void jw_null(struct jw *w)
{
	sep(w);
	put(w, "null", 4);
}

void jw_time(struct jw *w, int64_t ms)
{
	if (!ms) {
		jw_null(w);
		return;
	}
	char t[RFC3339_LEN + 2];
	t[0] = '"';
	clock_format_rfc3339(ms, t + 1);
	size_t n = strlen(t);
	t[n] = '"';
	sep(w);
	put(w, t, n + 1);
}

void jw_raw(struct jw *w, const char *json)
{
	sep(w);
	put(w, json, strlen(json));
}

const char *jw_buf(struct jw *w)
{
	reserve(w, 0);
	w->buf[w->len] = '\0';
	return w->buf;
}
