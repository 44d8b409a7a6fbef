/* libFuzzer target: percent-decoding of path parameters and query strings,
 * and query parsing, on arbitrary bytes. Whatever is accepted must be what
 * the handlers are promised: valid UTF-8 without NUL, no '/' in a path
 * parameter, never longer than its raw form. */
#include "base/text.h"
#include "http/internal.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	struct arena *a = arena_new();
	/* The raw text is a copy without its terminator: reads past it are caught. */
	size_t len = size - 1;
	char *raw = arena_alloc(a, len ? len : 1);
	memcpy(raw, data + 1, len);
	bool plus = data[0] & 1;

	char *d;
	size_t n;
	bool ok = url_decode(a, raw, len, plus, &d, &n);
	if (ok != url_escapes_valid(raw, len))
		__builtin_trap();
	if (ok && (n > len || d[n] != '\0'))
		__builtin_trap();

	const char *v;
	enum url_verdict verdict = url_param_decode(a, raw, len, &v);
	if (verdict == URL_OK) {
		size_t vl = strlen(v);
		if (!ok || vl > len || !utf8_valid(v, vl) || strchr(v, '/') || !strcmp(v, ".") || !strcmp(v, ".."))
			__builtin_trap();
	} else if (v || (verdict == URL_BAD_ESCAPE) == ok) {
		__builtin_trap();
	}

	struct url_param *p;
	int np;
	const char *field;
	err_code rc = url_query_parse(a, raw, len, &p, &np, &field);
	if (rc == E_OK) {
		if (np < 0 || (size_t)np > len + 1)
			__builtin_trap();
		for (int i = 0; i < np; i++)
			if (!utf8_valid(p[i].name, strlen(p[i].name)) || !utf8_valid(p[i].value, strlen(p[i].value)))
				__builtin_trap();
	} else if (rc != E_BAD_REQUEST || (field && !utf8_valid(field, strlen(field)))) {
		__builtin_trap();
	}
	arena_free(a);
	return 0;
}
