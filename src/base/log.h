#ifndef ROSTER_BASE_LOG_H
#define ROSTER_BASE_LOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Structured logging: one JSON object per line on stderr.
 *
 *   struct logline l;
 *   log_begin(&l, LOG_INFO, "request");
 *   log_str(&l, "request_id", id);
 *   log_int(&l, "status", 200);
 *   log_end(&l);
 *
 * A line longer than the buffer is cut at a field boundary, never mid-escape. */

typedef enum { LOG_DEBUG, LOG_INFO, LOG_WARN, LOG_ERROR } log_level;

struct logline {
	char buf[2048];
	size_t len;
	bool skip;
	log_level level;
};

void log_set_level(log_level level);
/* Buffered: info and debug lines gather in a per-thread buffer written
 * when it fills or is 200 ms old (log_flush_all() from a timer writes the
 * rest); warnings and errors are written at once, after what is buffered.
 * Unbuffered (the default) writes every line at once. */
void log_set_buffered(bool on);
void log_flush_all(void);
bool log_enabled(log_level level);

void log_begin(struct logline *l, log_level level, const char *event);
void log_str(struct logline *l, const char *key, const char *value); /* NULL: skipped */
void log_int(struct logline *l, const char *key, int64_t value);
void log_end(struct logline *l);

/* A one-line message with no other fields. */
void log_msg(log_level level, const char *event, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif
