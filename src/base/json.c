#include "base/json.h"

#include "base/clock.h"
#include "base/text.h"

#include <string.h>

static const char *type_name(json_field_type t)
{
	switch (t) {
	case JF_T_STRING:
		return "a string";
	case JF_T_INT:
		return "an integer";
	case JF_T_BOOL:
		return "a boolean";
	case JF_T_OBJECT:
		return "an object";
	case JF_T_STRINGS:
		return "an array of strings";
	}
	return "?";
}

static err_code wrong_type(const struct json_field *f, struct err *e)
{
	return err_set(e, E_WRONG_TYPE, f->name, "The field '%s' must be %s.", f->name, type_name(f->type));
}

static err_code take_string(const struct json_field *f, json_t *v, struct err *e)
{
	if (!json_is_string(v))
		return wrong_type(f, e);
	if (f->max_chars && utf8_chars(json_string_value(v)) > f->max_chars)
		return err_set(e, E_TOO_LONG, f->name, "The field '%s' is longer than %zu characters.", f->name,
		               f->max_chars);
	if (strlen(json_string_value(v)) != json_string_length(v))
		return err_set(e, E_INVALID, f->name, "The field '%s' contains a NUL character.", f->name);
	*(const char **)f->out = json_string_value(v);
	return E_OK;
}

static err_code take_strings(struct arena *a, const struct json_field *f, json_t *v, struct err *e)
{
	if (!a) /* the caller's mistake, not the client's */
		return err_set(e, E_INTERNAL, f->name, "An array of strings needs an arena.");
	if (!json_is_array(v))
		return wrong_type(f, e);
	size_t n = json_array_size(v);
	if (f->max_chars && n > f->max_chars)
		return err_set(e, E_TOO_MANY_ITEMS, f->name, "The field '%s' has more than %zu items.", f->name,
		               f->max_chars);
	struct json_strings *o = f->out;
	o->items = arena_alloc(a, (n + 1) * sizeof *o->items);
	for (size_t i = 0; i < n; i++) {
		json_t *item = json_array_get(v, i);
		if (!json_is_string(item))
			return wrong_type(f, e);
		const char *str = json_string_value(item);
		if (strlen(str) != json_string_length(item) || !*str || utf8_chars(str) > JSON_STRINGS_ITEM_CHARS)
			return err_set(e, E_INVALID, f->name, "The field '%s' has an empty or invalid item.", f->name);
		o->items[i] = str;
	}
	o->items[n] = NULL;
	o->n = (int)n;
	o->set = true;
	return E_OK;
}

/* The scalar fields: the JSON type each takes, then where its value goes. */
static err_code take_scalar(const struct json_field *f, json_t *v, struct err *e)
{
	bool fits = f->type == JF_T_INT    ? json_is_integer(v)
	            : f->type == JF_T_BOOL ? json_is_boolean(v)
	                                   : json_is_object(v);
	if (!fits)
		return wrong_type(f, e);
	if (f->type == JF_T_INT)
		*(struct json_int *)f->out = (struct json_int){true, json_integer_value(v)};
	else if (f->type == JF_T_BOOL)
		*(struct json_bool *)f->out = (struct json_bool){true, json_is_true(v)};
	else
		*(json_t **)f->out = v;
	return E_OK;
}

static err_code take(struct arena *a, const struct json_field *f, json_t *v, struct err *e)
{
	switch (f->type) {
	case JF_T_STRING:
		return take_string(f, v, e);
	case JF_T_STRINGS:
		return take_strings(a, f, v, e);
	case JF_T_INT:
	case JF_T_BOOL:
	case JF_T_OBJECT:
		return take_scalar(f, v, e);
	}
	return wrong_type(f, e);
}

err_code json_spec_parse(struct arena *a, json_t *obj, const struct json_field *spec, struct err *e)
{
	const char *key;
	size_t key_len;
	json_t *val;
	json_object_keylen_foreach(obj, key, key_len, val)
	{
		const struct json_field *f = spec;
		while (f->name && strcmp(f->name, key))
			f++;
		/* A key with a NUL in it is no field's name, whatever its start says. */
		if (!f->name || strlen(key) != key_len) /* key lives as long as obj, like the other outputs */
			return err_set(e, E_UNKNOWN_FIELD, key, "Unknown field '%.100s'.", key);
	}
	for (const struct json_field *f = spec; f->name; f++) {
		json_t *v = json_object_get(obj, f->name);
		if (!v && f->required)
			return err_set(e, E_MISSING_FIELD, f->name, "The field '%s' is required.", f->name);
		if (v && take(a, f, v, e))
			return e->code;
	}
	return E_OK;
}

/* jansson's own depth limit is 2048; ours is checked before parsing, outside strings. */
static bool depth_ok(const char *s, size_t len)
{
	int depth = 0;
	bool in_string = false;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (in_string) {
			if (c == '\\')
				i++;
			else if (c == '"')
				in_string = false;
		} else if (c == '"') {
			in_string = true;
		} else if (c == '{' || c == '[') {
			if (++depth > JSON_MAX_DEPTH)
				return false;
		} else if (c == '}' || c == ']') {
			depth--;
		}
	}
	return true;
}

bool json_has_nul(const json_t *v)
{
	if (json_is_string(v))
		return strlen(json_string_value(v)) != json_string_length(v);
	if (json_is_array(v)) {
		size_t i;
		json_t *item;
		json_array_foreach(v, i, item) if (json_has_nul(item)) return true;
		return false;
	}
	if (json_is_object(v)) {
		const char *key;
		size_t key_len;
		json_t *item;
		json_object_keylen_foreach((json_t *)v, key, key_len, item)
		{
			if (strlen(key) != key_len || json_has_nul(item))
				return true;
		}
	}
	return false;
}

static void decref(void *p)
{
	json_decref(p);
}

json_t *json_own(struct arena *a, json_t *obj)
{
	if (obj)
		arena_defer(a, decref, obj);
	return obj;
}

err_code json_body_parse(struct arena *a, const char *body, size_t len, json_t **out, struct err *e)
{
	if (!depth_ok(body, len))
		return err_set(e, E_TOO_DEEP, NULL, "The JSON body is nested deeper than %d levels.", JSON_MAX_DEPTH);
	json_error_t jerr;
	/* NUL characters are let through the parser so that the field holding
	 * one is refused by name (422) instead of the whole body (400). */
	json_t *root = json_loadb(body, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &jerr);
	if (!root && json_error_code(&jerr) == json_error_null_byte_in_key)
		return err_set(e, E_MALFORMED_JSON, NULL,
		               "A key in the body holds a NUL character (line %d, column %d).", jerr.line, jerr.column);
	if (!root)
		return err_set(e, E_MALFORMED_JSON, NULL, "The body is not valid JSON: %.120s (line %d, column %d).",
		               jerr.text, jerr.line, jerr.column);
	json_own(a, root);
	if (!json_is_object(root))
		return err_set(e, E_MALFORMED_JSON, NULL, "The body must be a JSON object.");
	*out = root;
	return E_OK;
}

char *json_dump_arena(struct arena *a, const json_t *obj, size_t *out_len)
{
	size_t n = json_dumpb(obj, NULL, 0, JSON_COMPACT);
	char *buf = arena_alloc(a, n + 1);
	json_dumpb(obj, buf, n, JSON_COMPACT);
	buf[n] = '\0';
	if (out_len)
		*out_len = n;
	return buf;
}

json_t *json_time(int64_t ms)
{
	if (!ms)
		return json_null();
	char buf[RFC3339_LEN];
	clock_format_rfc3339(ms, buf);
	return json_string(buf);
}
