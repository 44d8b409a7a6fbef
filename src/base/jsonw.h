#ifndef ROSTER_BASE_JSONW_H
#define ROSTER_BASE_JSONW_H

#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"

/* A JSON writer into the arena, for the large responses (lists): no
 * objects to build and free, one buffer, strings escaped as they go.
 * Commas are placed by the writer; keys and values alternate in objects.
 *
 *   struct jw w;
 *   jw_init(&w, a);
 *   jw_obj(&w); jw_key(&w, "id"); jw_str(&w, id); jw_end_obj(&w);
 *   reply(jw_buf(&w), w.len);
 */
struct jw {
	struct arena *a;
	char *buf;
	size_t len, cap;
	int depth;
	bool need_comma[32];
	bool after_key;
};

void jw_init(struct jw *w, struct arena *a);
void jw_obj(struct jw *w);
void jw_end_obj(struct jw *w);
void jw_arr(struct jw *w);
void jw_end_arr(struct jw *w);
void jw_key(struct jw *w, const char *key);
void jw_str(struct jw *w, const char *s); /* NULL writes null */
void jw_int(struct jw *w, int64_t v);
void jw_bool(struct jw *w, bool v);
void jw_null(struct jw *w);
void jw_time(struct jw *w, int64_t ms); /* RFC 3339, or null for 0 */
/* Inserts already serialized JSON as one value. */
void jw_raw(struct jw *w, const char *json);
const char *jw_buf(struct jw *w);

#endif
