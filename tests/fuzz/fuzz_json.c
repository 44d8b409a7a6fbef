/* libFuzzer target: request bodies through the JSON body parser and a
 * declared spec, as every handler receives them. */
#include "base/json.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena *a = arena_new();
	json_t *obj = NULL;
	struct err e;
	err_clear(&e);
	if (json_body_parse(a, (const char *)data, size, &obj, &e) == E_OK) {
		const char *email = NULL, *password = NULL;
		struct json_int n = {0};
		struct json_bool b = {0};
		const struct json_field spec[] = {
		        JF_STRING("email", &email, JF_REQUIRED, 254),
		        JF_STRING("password", &password, JF_OPTIONAL, 0),
		        JF_INT("limit", &n, JF_OPTIONAL),
		        JF_BOOL("flag", &b, JF_OPTIONAL),
		        JF_END,
		};
		if (json_spec_parse(NULL, obj, spec, &e) == E_OK && email)
			(void)strlen(email);
		else if (e.code == E_OK)
			__builtin_trap(); /* a failure must say why */
	} else if (e.code == E_OK || err_status(e.code) != 400) {
		__builtin_trap();
	}
	arena_free(a);
	return 0;
}
