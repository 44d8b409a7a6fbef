/* The request target as the client sent it: percent-decoding of path
 * parameters and query strings. libmicrohttpd decodes the whole URL in
 * place before the access handler sees it, so that "%2F" becomes a path
 * separator and "%00" ends the path; roster routes on the raw path instead
 * and decodes each piece only once it knows what the piece is. */
#include "http/internal.h"

#include "base/text.h"

#include <string.h>

static int hex_value(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

bool url_escapes_valid(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] != '%')
			continue;
		if (i + 2 >= len || hex_value((unsigned char)s[i + 1]) < 0 || hex_value((unsigned char)s[i + 2]) < 0)
			return false;
		i += 2;
	}
	return true;
}

bool url_decode(struct arena *a, const char *s, size_t len, bool plus_is_space, char **out, size_t *out_len)
{
	char *d = arena_alloc(a, len + 1);
	size_t n = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '%') {
			int hi = i + 2 < len ? hex_value((unsigned char)s[i + 1]) : -1;
			int lo = i + 2 < len ? hex_value((unsigned char)s[i + 2]) : -1;
			if (hi < 0 || lo < 0)
				return false;
			d[n++] = (char)(hi * 16 + lo);
			i += 2;
		} else if (c == '+' && plus_is_space) {
			d[n++] = ' ';
		} else {
			d[n++] = (char)c;
		}
	}
	d[n] = '\0';
	*out = d;
	*out_len = n;
	return true;
}

enum url_verdict url_param_decode(struct arena *a, const char *raw, size_t len, const char **out)
{
	char *d;
	size_t n;
	*out = NULL;
	if (!url_decode(a, raw, len, false, &d, &n))
		return URL_BAD_ESCAPE;
	/* What a normalising proxy would turn into another path: an encoded
	 * separator, a NUL that ends the path, a dot segment. */
	if (memchr(d, '\0', n) || memchr(d, '/', n) || !strcmp(d, ".") || !strcmp(d, ".."))
		return URL_NOT_A_SEGMENT;
	if (!utf8_valid(d, n))
		return URL_NOT_TEXT;
	*out = d;
	return URL_OK;
}

err_code url_query_parse(struct arena *a, const char *q, size_t len, struct url_param **out, int *out_n,
                         const char **out_field)
{
	*out = NULL;
	*out_n = 0;
	*out_field = NULL;
	/* At most one parameter per '&' and one more: bounded by the target's length. */
	int cap = 1;
	for (size_t i = 0; i < len; i++)
		cap += q[i] == '&';
	struct url_param *list = arena_alloc(a, (size_t)cap * sizeof *list);
	int n = 0;
	size_t i = 0;
	while (i <= len && len) {
		size_t end = i;
		while (end < len && q[end] != '&')
			end++;
		if (end > i) {
			const char *piece = q + i;
			size_t plen = end - i;
			const char *eq = memchr(piece, '=', plen);
			size_t nlen = eq ? (size_t)(eq - piece) : plen;
			char *name, *value = "";
			size_t name_len, value_len = 0;
			/* The name first: a bad value is reported under its name. */
			if (!url_decode(a, piece, nlen, true, &name, &name_len) || !utf8_valid(name, name_len))
				return E_BAD_REQUEST;
			if (eq && (!url_decode(a, eq + 1, plen - nlen - 1, true, &value, &value_len) ||
			           !utf8_valid(value, value_len))) {
				*out_field = name;
				return E_BAD_REQUEST;
			}
			list[n++] = (struct url_param){name, value};
		}
		i = end + 1;
	}
	*out = list;
	*out_n = n;
	return E_OK;
}
