#include "base/text.h"

#include <arpa/inet.h>
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

/* Characters that no name or address may hold: controls, line and
 * paragraph separators, bidirectional embedding/override/isolate controls. */
static bool unclean(uint32_t c)
{
	return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || (c >= 0x202A && c <= 0x202E) ||
	       (c >= 0x2066 && c <= 0x2069);
}

/* Unicode's space separators (Zs) beyond ASCII: not in addresses. */
static bool wide_space(uint32_t c)
{
	return c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000 ||
	       c == 0xFEFF;
}

static bool atext(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       (c && strchr("!#$%&'*+-/=?^_`{|}~", c));
}

static bool label_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

/* The local part, s[0..n): a dot-atom. Non-ASCII characters are allowed
 * (checked as whole characters), ASCII ones by the table. */
static bool local_part_valid(const char *s, size_t n)
{
	bool after_dot = true; /* at the start, as after a dot: no dot may follow */
	for (const char *p = s, *end = s + n; p < end;) {
		unsigned char c = (unsigned char)*p;
		if (c == '.') {
			if (after_dot)
				return false;
			after_dot = true;
			p++;
			continue;
		}
		after_dot = false;
		if (c < 0x80) {
			if (!atext(c))
				return false;
			p++;
			continue;
		}
		uint32_t cp;
		p += utf8_decode(p, (size_t)(end - p), &cp);
		if (unclean(cp) || wide_space(cp))
			return false;
	}
	return !after_dot;
}

/* The domain, d[0..n): labels of 1 to 63 bytes, none starting or ending
 * with a hyphen; non-ASCII characters allowed. */
static bool domain_valid(const char *d, size_t n)
{
	const char *end = d + n;
	size_t label = 0;
	bool hyphen_last = false;
	for (const char *p = d; p <= end; p++) {
		unsigned char c = p < end ? (unsigned char)*p : '.';
		if (c == '.') {
			if (label == 0 || label > 63 || hyphen_last)
				return false;
			label = 0;
			continue;
		}
		if (c < 0x80) {
			if (!label_char(c) || (c == '-' && label == 0))
				return false;
			hyphen_last = c == '-';
			label++;
			continue;
		}
		uint32_t cp;
		size_t k = utf8_decode(p, (size_t)(end - p), &cp);
		if (unclean(cp) || wide_space(cp))
			return false;
		hyphen_last = false;
		label += k;
		p += k - 1;
	}
	return true;
}

/* The syntax documented in text.h. */
static bool email_valid(const char *s, size_t n)
{
	if (n < 3 || n > EMAIL_MAX || !utf8_valid(s, n))
		return false;
	const char *at = memchr(s, '@', n);
	if (!at || at == s || at - s > LIMIT_EMAIL_LOCAL_BYTES || at == s + n - 1 ||
	    memchr(at + 1, '@', (size_t)(s + n - at - 1)))
		return false;
	return local_part_valid(s, (size_t)(at - s)) && domain_valid(at + 1, (size_t)(s + n - at - 1));
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
	return k ? text_fold(a, k) : NULL;
}

char *email_lookup_key(struct arena *a, const char *email)
{
	size_t n;
	const char *s = trim(email, &n);
	if (!n || n > EMAIL_MAX || !memchr(s, '@', n) || !utf8_valid(s, n))
		return NULL;
	char *t = arena_strndup(a, s, n);
	return text_is_clean(t) ? text_fold(a, t) : NULL;
}

bool text_is_clean(const char *s)
{
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		uint32_t c;
		i += utf8_decode(s + i, n - i, &c);
		if (c == UTF8_INVALID || unclean(c))
			return false;
	}
	return true;
}

size_t utf8_chars(const char *s)
{
	size_t n = 0, len = strlen(s);
	for (size_t i = 0; i < len; n++) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		uint32_t cp;
		i += utf8_decode(s + i, len - i, &cp);
	}
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

size_t utf8_decode(const char *str, size_t n, uint32_t *out)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned c = s[0];
	*out = UTF8_INVALID;
	if (c < 0x80) {
		*out = c;
		return 1;
	}
	/* The lead byte gives the length and the smallest value that length may encode. */
	size_t len;
	uint32_t cp, min;
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2, cp = c & 0x1F, min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3, cp = c & 0x0F, min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4, cp = c & 0x07, min = 0x10000;
	} else {
		return 1; /* a continuation byte, C0, C1 or F5..FF */
	}
	if (n < len)
		return 1;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 1;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 1;
	*out = cp;
	return len;
}

bool utf8_valid(const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)s[i];
		if (c && c < 0x80) { /* the common case */
			i++;
			continue;
		}
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		if (cp == UTF8_INVALID || cp == 0)
			return false;
		i += k;
	}
	return true;
}

static size_t encode(uint32_t c, char *out)
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

#include "base/casefold.inc"

uint32_t text_fold_char(uint32_t c)
{
	if (c < 0x80)
		return c >= 'A' && c <= 'Z' ? c + 32 : c;
	size_t lo = 0, hi = sizeof casefold_pairs / sizeof casefold_pairs[0];
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (casefold_pairs[mid][0] == c)
			return casefold_pairs[mid][1];
		if (casefold_pairs[mid][0] < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	return c;
}

void text_fold_into(const char *s, size_t n, char *out)
{
	char *o = out;
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			*o++ = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			i++;
			continue;
		}
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		if (cp == UTF8_INVALID)
			*o++ = (char)c;
		else
			o += encode(text_fold_char(cp), o);
		i += k;
	}
	*o = '\0';
}

char *text_fold(struct arena *a, const char *s)
{
	size_t n = strlen(s);
	char *out = arena_alloc(a, TEXT_FOLD_SIZE(n));
	text_fold_into(s, n, out);
	return out;
}

char *json_quote(struct arena *a, const char *s)
{
	size_t n = strlen(s);
	char *out = arena_alloc(a, n * 6 + 3), *o = out;
	*o++ = '"';
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\') {
			*o++ = '\\';
			*o++ = (char)c;
			i++;
		} else if (c < 0x20) {
			o += snprintf(o, 7, "\\u%04x", c);
			i++;
		} else if (c < 0x80) {
			*o++ = (char)c;
			i++;
		} else {
			uint32_t cp;
			size_t k = utf8_decode(s + i, n - i, &cp);
			if (cp == UTF8_INVALID) {
				memcpy(o, "\\ufffd", 6);
				o += 6;
			} else {
				memcpy(o, s + i, k);
				o += k;
			}
			i += k;
		}
	}
	*o++ = '"';
	*o = '\0';
	return out;
}

/* "c2\x1fkey\x1fid" and its MAC over the context and that text, base64url:
 * opaque to clients, its shape and signature checked on the way back. */
#define CURSOR_MAC_LEN 16

static void cursor_mac(const unsigned char key[CURSOR_KEY_LEN], const char *context, const unsigned char *raw, size_t n,
                       unsigned char out[CURSOR_MAC_LEN])
{
	crypto_auth_hmacsha256_state st;
	unsigned char full[crypto_auth_hmacsha256_BYTES];
	crypto_auth_hmacsha256_init(&st, key, CURSOR_KEY_LEN);
	/* The context's length first: "ab" + "c" never signs like "a" + "bc". */
	size_t clen = strlen(context ? context : "");
	unsigned char len_be[8];
	for (int i = 0; i < 8; i++)
		len_be[i] = (unsigned char)(clen >> (56 - 8 * i));
	crypto_auth_hmacsha256_update(&st, len_be, sizeof len_be);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)(context ? context : ""), clen);
	crypto_auth_hmacsha256_update(&st, raw, n);
	crypto_auth_hmacsha256_final(&st, full);
	memcpy(out, full, CURSOR_MAC_LEN);
}

char *cursor_encode(struct arena *a, const unsigned char key[CURSOR_KEY_LEN], const char *context, const char *sort_key,
                    const char *id)
{
	char *raw = arena_printf(a, "c2\x1f%s\x1f%s", sort_key, id);
	size_t n = strlen(raw);
	unsigned char *signed_raw = arena_alloc(a, n + CURSOR_MAC_LEN);
	memcpy(signed_raw, raw, n);
	cursor_mac(key, context, signed_raw, n, signed_raw + n);
	size_t cap = sodium_base64_encoded_len(n + CURSOR_MAC_LEN, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	char *out = arena_alloc(a, cap);
	sodium_bin2base64(out, cap, signed_raw, n + CURSOR_MAC_LEN, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	return out;
}

bool cursor_decode(struct arena *a, const unsigned char key[CURSOR_KEY_LEN], const char *context, const char *cursor,
                   const char **out_key, const char **out_id)
{
	size_t n = strlen(cursor);
	if (!n || n > 2048)
		return false;
	unsigned char *raw = arena_alloc(a, n + 1);
	size_t len = 0;
	if (sodium_base642bin(raw, n, cursor, n, NULL, &len, NULL, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
	    len < CURSOR_MAC_LEN + 3)
		return false;
	len -= CURSOR_MAC_LEN;
	unsigned char mac[CURSOR_MAC_LEN];
	cursor_mac(key, context, raw, len, mac);
	if (sodium_memcmp(mac, raw + len, CURSOR_MAC_LEN) != 0)
		return false;
	raw[len] = '\0';
	if (!utf8_valid((char *)raw, len) || strncmp((char *)raw, "c2\x1f", 3))
		return false;
	char *k = (char *)raw + 3, *sep = strchr(k, '\x1f');
	if (!sep || strchr(sep + 1, '\x1f'))
		return false;
	*sep = '\0';
	*out_key = k;
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

void addr_group(const char *addr, char *out)
{
	unsigned char b[16];
	if (inet_pton(AF_INET6, addr, b) == 1) {
		static const unsigned char mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
		if (!memcmp(b, mapped, sizeof mapped)) {
			inet_ntop(AF_INET, b + 12, out, ADDR_GROUP_MAX);
			return;
		}
		memset(b + 8, 0, 8);
		char net[INET6_ADDRSTRLEN];
		inet_ntop(AF_INET6, b, net, sizeof net);
		snprintf(out, ADDR_GROUP_MAX, "%s/64", net);
		return;
	}
	snprintf(out, ADDR_GROUP_MAX, "%s", addr);
}

int names_find(const char *const *names, int n, const char *s)
{
	for (int i = 0; s && i < n; i++)
		if (!strcmp(names[i], s))
			return i;
	return -1;
}
