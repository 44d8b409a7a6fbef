#include "base/text.h"

#include <ctype.h>
#include <sodium.h>
#include <stdio.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const char *trim(const char *s, size_t *out_len)
{
	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
		n--;
	*out_len = n;
	return s;
}

static bool email_valid(const char *s, size_t n)
{
	if (n < 3 || n > EMAIL_MAX)
		return false;
	const char *at = NULL;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c <= 0x20 || c == 0x7f || c == '<' || c == '>' || c == '(' || c == ')' || c == ',' || c == ';' ||
		    c == ':' || c == '\\' || c == '"' || c == '[' || c == ']')
			return false;
		if (c == '@') {
			if (at)
				return false;
			at = s + i;
		}
	}
	if (!at || at == s || at == s + n - 1 || at - s > 64)
		return false;
	const char *domain = at + 1;
	size_t dlen = (size_t)(s + n - domain);
	if (domain[0] == '.' || domain[dlen - 1] == '.' || memmem(domain, dlen, "..", 2))
		return false;
	/* "admin@localhost" is the first operator's address, so a dot is not required. */
	return true;
}

char *email_trim(struct arena *a, const char *email)
{
	size_t n;
	const char *s = trim(email, &n);
	if (!email_valid(s, n))
		return NULL;
	return arena_strndup(a, s, n);
}

char *email_key(struct arena *a, const char *email)
{
	char *k = email_trim(a, email);
	if (!k)
		return NULL;
	for (char *p = k; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return k;
}

size_t utf8_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

bool language_valid(const char *lang)
{
	return !strcmp(lang, "en") || !strcmp(lang, "fr") || !strcmp(lang, "de");
}

char *html_escape(struct arena *a, const char *s)
{
	size_t n = 0;
	for (const char *p = s; *p; p++)
		n += (*p == '&') ? 5 : (*p == '<' || *p == '>') ? 4 : (*p == '"' || *p == '\'') ? 5 : 1;
	char *out = arena_alloc(a, n + 1), *o = out;
	for (const char *p = s; *p; p++) {
		const char *rep = NULL;
		switch (*p) {
		case '&':
			rep = "&amp;";
			break;
		case '<':
			rep = "&lt;";
			break;
		case '>':
			rep = "&gt;";
			break;
		case '"':
			rep = "&#34;";
			break;
		case '\'':
			rep = "&#39;";
			break;
		}
		if (rep) {
			size_t r = strlen(rep);
			memcpy(o, rep, r);
			o += r;
		} else {
			*o++ = *p;
		}
	}
	*o = '\0';
	return out;
}

char *url_encode(struct arena *a, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	char *out = arena_alloc(a, strlen(s) * 3 + 1), *o = out;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (isalnum(*p) || *p == '-' || *p == '_' || *p == '.' || *p == '~') {
			*o++ = (char)*p;
		} else {
			*o++ = '%';
			*o++ = hex[*p >> 4];
			*o++ = hex[*p & 15];
		}
	}
	*o = '\0';
	return out;
}

bool parse_int(const char *s, long long min, long long max, long long *out)
{
	if (!s || !*s)
		return false;
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno || *end || v < min || v > max)
		return false;
	*out = v;
	return true;
}

/* Decodes one UTF-8 sequence at *p (valid input), advancing p. */
static unsigned decode(const unsigned char **p)
{
	const unsigned char *s = *p;
	unsigned c = s[0];
	int n = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
	if (n)
		c &= 0x3F >> n;
	for (int i = 1; i <= n && s[i]; i++)
		c = (c << 6) | (s[i] & 0x3F);
	*p = s + 1 + n;
	return c;
}

static size_t encode(unsigned c, char *out)
{
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xC0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xE0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (c >> 18));
	out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	out[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

static unsigned fold_char(unsigned c)
{
	if (c >= 'A' && c <= 'Z')
		return c + 32;
	if (c < 0xC0)
		return c;
	if (c <= 0xDE && c != 0xD7) /* Latin-1 capitals, but the multiplication sign */
		return c + 32;
	if (c >= 0x100 && c <= 0x137 && !(c & 1)) /* Latin Extended-A: pairs */
		return c + 1;
	if (c >= 0x139 && c <= 0x148 && (c & 1))
		return c + 1;
	if (c >= 0x14A && c <= 0x177 && !(c & 1))
		return c + 1;
	if (c == 0x178)
		return 0xFF;
	if (c >= 0x179 && c <= 0x17E && (c & 1))
		return c + 1;
	if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) /* Greek */
		return c + 32;
	if (c >= 0x410 && c <= 0x42F) /* Cyrillic */
		return c + 32;
	if (c >= 0x400 && c <= 0x40F)
		return c + 80;
	return c;
}

char *text_fold(struct arena *a, const char *s)
{
	size_t n = strlen(s);
	char *out = arena_alloc(a, n * 2 + 1), *o = out;
	const unsigned char *p = (const unsigned char *)s;
	while (*p)
		o += encode(fold_char(decode(&p)), o);
	*o = '\0';
	return out;
}

char *json_quote(struct arena *a, const char *s)
{
	char *out = arena_alloc(a, strlen(s) * 6 + 3), *o = out;
	*o++ = '"';
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\') {
			*o++ = '\\';
			*o++ = (char)*p;
		} else if (*p < 0x20) {
			o += snprintf(o, 7, "\\u%04x", *p);
		} else {
			*o++ = (char)*p;
		}
	}
	*o++ = '"';
	*o = '\0';
	return out;
}

/* "c1\x1fkey\x1fid", base64url: opaque to clients, its shape checked on the way back. */
char *cursor_encode(struct arena *a, const char *key, const char *id)
{
	char *raw = arena_printf(a, "c1\x1f%s\x1f%s", key, id);
	size_t n = strlen(raw);
	size_t cap = sodium_base64_encoded_len(n, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	char *out = arena_alloc(a, cap);
	sodium_bin2base64(out, cap, (const unsigned char *)raw, n, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	return out;
}

bool cursor_decode(struct arena *a, const char *cursor, const char **out_key, const char **out_id)
{
	size_t n = strlen(cursor);
	if (!n || n > 2048)
		return false;
	unsigned char *raw = arena_alloc(a, n + 1);
	size_t len = 0;
	if (sodium_base642bin(raw, n, cursor, n, NULL, &len, NULL, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0)
		return false;
	raw[len] = '\0';
	if (strlen((char *)raw) != len || strncmp((char *)raw, "c1\x1f", 3))
		return false;
	char *key = (char *)raw + 3, *sep = strchr(key, '\x1f');
	if (!sep || strchr(sep + 1, '\x1f'))
		return false;
	*sep = '\0';
	*out_key = key;
	*out_id = sep + 1;
	return true;
}

char *prefix_upper_bound(struct arena *a, const char *prefix)
{
	/* The prefix followed by the highest code point: still valid UTF-8,
	 * which PostgreSQL demands of every text parameter. */
	if (!*prefix)
		return NULL;
	return arena_printf(a, "%s\xf4\x8f\xbf\xbf", prefix);
}
