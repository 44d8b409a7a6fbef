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

/* Lower-cases s for case-insensitive matching: ASCII, Latin-1, Latin
 * Extended-A, Greek and Cyrillic capitals; other characters stay as they are. */
char *text_fold(struct arena *a, const char *s);

/* Number of UTF-8 characters (the input is valid UTF-8, as jansson ensures). */
size_t utf8_chars(const char *s);

bool language_valid(const char *lang);

/* Escapes &, <, >, " and ' for HTML text and attributes. */
char *html_escape(struct arena *a, const char *s);
/* Percent-encodes everything but unreserved characters. */
char *url_encode(struct arena *a, const char *s);

/* s as a JSON string literal, quotes included (for small JSON documents
 * written without a JSON library, such as audit details). */
char *json_quote(struct arena *a, const char *s);

/* The opaque cursor of a keyset page: the last row's sort key and id.
 * Decoding refuses malformed cursors. A cursor is not signed: one made up
 * by a client only moves where its page starts, within what the client
 * may list anyway. */
char *cursor_encode(struct arena *a, const char *key, const char *id);
bool cursor_decode(struct arena *a, const char *cursor, const char **out_key, const char **out_id);

/* An upper bound of the keys starting with prefix (compared byte by byte),
 * for prefix searches as index range scans; NULL for an empty prefix. */
char *prefix_upper_bound(struct arena *a, const char *prefix);

/* Parses a whole decimal integer in [min, max]; false otherwise. */
bool parse_int(const char *s, long long min, long long max, long long *out);

#endif
