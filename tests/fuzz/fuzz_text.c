/* libFuzzer target: the text functions on arbitrary bytes, as stored data
 * and outside input reach them: decoding, validation, folding, prefix
 * bounds, email normalisation, escaping and cursors. Each result is also
 * checked against the properties the callers rely on. */
#include "base/text.h"

#include <stdint.h>
#include <string.h>

static void check_fold(struct arena *a, const char *s)
{
	size_t n = strlen(s);
	char *f = text_fold(a, s);
	if (strlen(f) > n + n / 2)
		__builtin_trap(); /* the documented bound of the buffer */
	/* Valid text folds to valid text, and folding is idempotent. */
	if (utf8_valid(s, n) && (!utf8_valid(f, strlen(f)) || strcmp(text_fold(a, f), f)))
		__builtin_trap();
	char *hi = prefix_upper_bound(a, f);
	if (*f && (!hi || strcmp(f, hi) >= 0))
		__builtin_trap();
	(void)utf8_chars(s);
	(void)text_is_clean(s);
}

static void check_email(struct arena *a, const char *s)
{
	char *t = email_trim(a, s), *k = email_key(a, s);
	if (!t != !k)
		__builtin_trap();
	if (!t)
		return;
	size_t n = strlen(t);
	if (n > EMAIL_MAX || !utf8_valid(t, n) || !strchr(t, '@') || !text_is_clean(t))
		__builtin_trap();
	/* The key is stable: the key of a key is itself. */
	char *kk = email_key(a, k);
	if (!kk || strcmp(kk, k))
		__builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena *a = arena_new();
	/* Byte by byte decoding never takes more than it was given. */
	for (size_t i = 0; i < size;) {
		uint32_t cp;
		size_t k = utf8_decode((const char *)data + i, size - i, &cp);
		if (k < 1 || k > size - i || (cp != UTF8_INVALID && cp > 0x10FFFF))
			__builtin_trap();
		i += k;
	}
	(void)utf8_valid((const char *)data, size);
	char *s = arena_strndup(a, (const char *)data, size);
	check_fold(a, s);
	check_email(a, s);
	(void)html_escape(a, s);
	(void)url_encode(a, s);
	char *q = json_quote(a, s);
	if (!utf8_valid(q, strlen(q)))
		__builtin_trap(); /* audit details must stay valid JSON text */
	static const unsigned char ckey[CURSOR_KEY_LEN] = {42};
	const char *key, *id;
	/* Nothing made up decodes: the signature holds. */
	if (cursor_decode(a, ckey, "fuzz", s, &key, &id))
		__builtin_trap();
	/* Any text round-trips through a cursor, or is refused; never under another context. */
	char *half = arena_strndup(a, s, strlen(s) / 2);
	char *c = cursor_encode(a, ckey, "fuzz", half, s + strlen(half));
	if (cursor_decode(a, ckey, "fuzz", c, &key, &id) &&
	    (strcmp(key, half) || strcmp(id, s + strlen(half)) || !utf8_valid(key, strlen(key))))
		__builtin_trap();
	if (cursor_decode(a, ckey, "fuzz2", c, &key, &id))
		__builtin_trap();
	char g[ADDR_GROUP_MAX];
	addr_group(s, g);
	arena_free(a);
	return 0;
}
