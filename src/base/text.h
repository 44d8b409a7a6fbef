#ifndef ROSTER_BASE_TEXT_H
#define ROSTER_BASE_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"

/* Small string rules shared by every layer. */

#define EMAIL_MAX 254
#define NAME_MAX_CHARS 200

/* The key an email is unique by: trimmed and lower-cased (ASCII). NULL when
 * the address is not valid (one '@', a dot in the domain, no spaces or
 * control characters, at most EMAIL_MAX bytes). */
char *email_key(struct arena *a, const char *email);
/* The email as the user typed it, trimmed; NULL when invalid. */
char *email_trim(struct arena *a, const char *email);

/* Number of UTF-8 characters (the input is valid UTF-8, as jansson ensures). */
size_t utf8_chars(const char *s);

bool language_valid(const char *lang);

/* Escapes &, <, >, " and ' for HTML text and attributes. */
char *html_escape(struct arena *a, const char *s);
/* Percent-encodes everything but unreserved characters. */
char *url_encode(struct arena *a, const char *s);

/* Parses a whole decimal integer in [min, max]; false otherwise. */
bool parse_int(const char *s, long long min, long long max, long long *out);

#endif
