#ifndef ROSTER_BASE_JSON_H
#define ROSTER_BASE_JSON_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/limits.h"

/* Declared JSON parsing (STYLE.md "Parsing is declared"): a request body is
 * described by an array of fields, and json_spec_parse() fills the outputs
 * or answers 400 naming the first bad field. Unknown fields are refused.
 *
 *   const char *email = NULL, *password = NULL;
 *   struct json_field spec[] = {
 *       JF_STRING("email", &email, JF_REQUIRED, 254),
 *       JF_STRING("password", &password, JF_REQUIRED, 0),
 *       JF_END};
 */

typedef enum { JF_T_STRING, JF_T_INT, JF_T_BOOL, JF_T_OBJECT, JF_T_STRINGS } json_field_type;

enum { JF_OPTIONAL = 0, JF_REQUIRED = 1 };

struct json_field {
	const char *name;
	json_field_type type;
	int required;
	void *out;        /* const char ** | struct json_int * | struct json_bool * */
	size_t max_chars; /* strings: 0 = no limit here */
};

struct json_int {
	bool set;
	int64_t value;
};
struct json_bool {
	bool set;
	bool value;
};
/* An array of strings: items is NULL-terminated, in the arena given to
 * json_spec_parse(). */
struct json_strings {
	bool set;
	int n;
	const char **items;
};

#define JSON_STRINGS_ITEM_CHARS LIMIT_NAME_CHARS /* each item of a JF_STRINGS array */

/* clang-format off */
#define JF_STRING(n, o, r, m) {(n), JF_T_STRING, (r), (o), (m)}
#define JF_INT(n, o, r) {(n), JF_T_INT, (r), (o), 0}
#define JF_BOOL(n, o, r) {(n), JF_T_BOOL, (r), (o), 0}
#define JF_OBJECT(n, o, r) {(n), JF_T_OBJECT, (r), (o), 0}          /* out: json_t ** (borrowed) */
#define JF_STRINGS(n, o, r, max) {(n), JF_T_STRINGS, (r), (o), (max)} /* max: items; strings of 1..JSON_STRINGS_ITEM_CHARS chars */
#define JF_END {NULL, 0, 0, NULL, 0}
/* clang-format on */

/* Fills the outputs of spec from obj. Strings point into obj, which must
 * outlive their use; the item arrays of JF_STRINGS fields come from a
 * (NULL only for specs without them). */
err_code json_spec_parse(struct arena *a, json_t *obj, const struct json_field *spec, struct err *e);

/* Maximum nesting of arrays and objects in a body. */
#define JSON_MAX_DEPTH 32
/* Parses a body: 400 malformed_json, too_deep, or a non-object. The result
 * is released when the arena is freed. */
err_code json_body_parse(struct arena *a, const char *body, size_t len, json_t **out, struct err *e);

/* True when a string or key anywhere in v holds a NUL character (such a
 * document would not load again from its text without JSON_ALLOW_NUL). */
bool json_has_nul(const json_t *v);

/* Releases obj when the arena is freed; returns obj. */
json_t *json_own(struct arena *a, json_t *obj);

/* Serializes into the arena (compact). */
char *json_dump_arena(struct arena *a, const json_t *obj, size_t *out_len);

/* A time in milliseconds as an RFC 3339 string, or JSON null when ms is 0. */
json_t *json_time(int64_t ms);

#endif
