#include "base/text.h"

#include <ctype.h>
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
