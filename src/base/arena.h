#ifndef ROSTER_BASE_ARENA_H
#define ROSTER_BASE_ARENA_H

#include <stdarg.h>
#include <stddef.h>

/* A request's memory: everything allocated from it is freed at once by
 * arena_free(), after running the cleanup hooks in reverse order (for what
 * is not memory: json_decref, statement resets...).
 *
 * Built with -DROSTER_ARENA_MALLOC every allocation is its own malloc, so
 * AddressSanitizer and valgrind see each object's bounds. */

struct arena;

struct arena *arena_new(void);
void arena_free(struct arena *a); /* NULL is fine */

/* Never returns NULL: running out of memory aborts the process. */
void *arena_alloc(struct arena *a, size_t size);
void *arena_zalloc(struct arena *a, size_t size);
char *arena_strdup(struct arena *a, const char *s); /* NULL gives NULL */
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_printf(struct arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *arena_vprintf(struct arena *a, const char *fmt, va_list ap);

/* Runs fn(arg) when the arena is freed. */
void arena_defer(struct arena *a, void (*fn)(void *), void *arg);

/* Bytes handed out so far (for limits and tests). */
size_t arena_used(const struct arena *a);

#endif
