#ifndef ROSTER_BASE_CLOCK_H
#define ROSTER_BASE_CLOCK_H

#include <stdbool.h>
#include <stdint.h>

/* Wall-clock milliseconds since the epoch: what the database stores. */
int64_t clock_now_ms(void);
/* Monotonic nanoseconds, for durations. */
int64_t clock_mono_ns(void);

#define RFC3339_LEN 32
/* "2026-11-23T06:51:25.123Z" into out (at least RFC3339_LEN bytes). */
void clock_format_rfc3339(int64_t ms, char *out);
/* Parses the format above (fraction optional, 'Z' or an offset); false if invalid. */
bool clock_parse_rfc3339(const char *s, int64_t *out_ms);

#endif
