#ifndef ROSTER_BASE_TEXT_H
#define ROSTER_BASE_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"

/* Small string rules shared by every layer. */

#include "base/limits.h"

#define EMAIL_MAX LIMIT_EMAIL_BYTES
#define NAME_MAX_CHARS LIMIT_NAME_CHARS

/* Email addresses. An address is accepted when, once trimmed of spaces,
 * tabs, CR and LF around it, it is at most EMAIL_MAX bytes of valid UTF-8
 * of the form local@domain:
 *   - local: a dot-atom of 1 to 64 bytes: runs of ASCII letters, digits,
 *     ! # $ % & ' * + - / = ? ^ _ ` { | } ~ and non-ASCII characters
 *     (RFC 6531), joined by single dots, with no dot at either end;
 *   - domain: one or more labels joined by dots, each 1 to 63 bytes of
 *     letters, digits, '-' or non-ASCII characters, neither starting nor
 *     ending with '-' ("localhost" is a domain: the first operator's
 *     address is admin@localhost).
 * Quoted local parts, comments and address literals are refused; so are
 * spaces, control characters and invisible formatting characters
 * anywhere. */
/* The email as the user typed it, trimmed; NULL when invalid. */
char *email_trim(struct arena *a, const char *email);
/* The key an email is unique by: the trimmed address with Unicode simple
 * case folding applied to all of it (so JÖRG@Example.com and
 * jörg@example.com are one account). No other normalisation is made:
 * composed and decomposed accents, or an IDN's xn-- form and its Unicode
 * form, stay different addresses. NULL when the address is invalid. */
char *email_key(struct arena *a, const char *email);

/* The key to look an existing account up by: like email_key(), but for
 * any trimmed text of at most EMAIL_MAX bytes of clean UTF-8 with an '@',
 * so that an address an earlier version accepted still finds its account
 * (signing in, a reset link). NULL otherwise. */
char *email_lookup_key(struct arena *a, const char *email);

/* ---- UTF-8 ----
 * Text from outside is checked with utf8_valid() where it enters; every
 * function here is nevertheless safe on any byte string: an ill-formed
 * sequence counts as one character and is never read past its NUL. */

#define UTF8_INVALID 0xFFFFFFFFu
/* Decodes the sequence at s, of which n >= 1 bytes may be read: the code
 * point in *out and the bytes it takes. An ill-formed sequence (a stray
 * continuation byte, a truncated sequence, an overlong form, a surrogate,
 * a value above U+10FFFF) gives UTF8_INVALID and takes 1 byte. */
size_t utf8_decode(const char *s, size_t n, uint32_t *out);
/* True when s[0..len) is well-formed UTF-8 without a NUL character. */
bool utf8_valid(const char *s, size_t len);
/* Number of characters (an ill-formed byte counts as one). */
size_t utf8_chars(const char *s);

/* Unicode simple case folding (CaseFolding.txt, statuses C and S) of one
 * code point, and of a string: the fold of each character, ill-formed
 * bytes copied as they are. Used for every case-insensitive comparison:
 * email keys and the search keys of names. */
uint32_t text_fold_char(uint32_t c);
/* A fold is at most half as long again: 2-byte characters may fold to 3
 * bytes (U+023A -> U+2C65). The bytes text_fold_into() needs for n. */
#define TEXT_FOLD_SIZE(n) ((n) + (n) / 2 + 1)
/* text_fold() of s[0..n) into out, of TEXT_FOLD_SIZE(n) bytes. */
void text_fold_into(const char *s, size_t n, char *out);
char *text_fold(struct arena *a, const char *s);

/* A name, company or description as people type it: valid UTF-8 without
 * control characters (U+0000-U+001F, U+007F-U+009F), line or paragraph
 * separators (U+2028, U+2029) or the bidirectional embedding, override
 * and isolate controls (U+202A-U+202E, U+2066-U+2069), which would let a
 * name reorder the text around it. */
bool text_is_clean(const char *s);

bool language_valid(const char *lang);

/* Escapes &, <, >, " and ' for HTML text and attributes. */
char *html_escape(struct arena *a, const char *s);
/* Percent-encodes everything but unreserved characters. */
char *url_encode(struct arena *a, const char *s);

/* s as a JSON string literal, quotes included (for small JSON documents
 * written without a JSON library, such as audit details). Always valid
 * JSON: an ill-formed UTF-8 byte becomes \ufffd. */
char *json_quote(struct arena *a, const char *s);

/* The opaque cursor of a keyset page: the last row's sort key and id,
 * signed (HMAC-SHA-256, 128 bits kept) with the server's key over the
 * list's context as well (which list, sort and filters), so that a cursor
 * made up by a client, or made for another list or another query, is
 * refused. Decoding also refuses malformed cursors, and those whose key or
 * id is not valid UTF-8 (they would reach the database as text). */
#define CURSOR_KEY_LEN 32
char *cursor_encode(struct arena *a, const unsigned char key[CURSOR_KEY_LEN], const char *context, const char *sort_key,
                    const char *id);
bool cursor_decode(struct arena *a, const unsigned char key[CURSOR_KEY_LEN], const char *context, const char *cursor,
                   const char **out_key, const char **out_id);

/* An upper bound of the keys starting with prefix (compared byte by byte),
 * for prefix searches as index range scans; NULL for an empty prefix. */
char *prefix_upper_bound(struct arena *a, const char *prefix);

/* The group a client address is counted in by per-address limits and
 * throttles: an IPv4 address as it is (also when written as an
 * IPv4-mapped IPv6 address), an IPv6 address as its /64 network
 * ("2001:db8:1:2::/64"), since one host may use every address of its
 * network. Anything else (not an address) is returned unchanged.
 * out must hold ADDR_GROUP_MAX bytes. */
#define ADDR_GROUP_MAX 64
void addr_group(const char *addr, char *out);

/* Parses a whole decimal integer in [min, max]; false otherwise. */
bool parse_int(const char *s, long long min, long long max, long long *out);

/* The index of s in names[0..n), or -1 (NULL s too). */
int names_find(const char *const *names, int n, const char *s);
/* The words of an X-macro enum (X(ID, "word") ...): the table and its two
 * functions, name_fn(value) ("" out of range) and parse_fn(word, &value). */
#define NAMES_WORD_(id, word) word,
#define NAMED_ENUM(list, type, count, name_fn, parse_fn)                                                               \
	static const char *const name_fn##_words_[] = {list(NAMES_WORD_)};                                             \
	_Static_assert(sizeof name_fn##_words_ / sizeof name_fn##_words_[0] == (count), "a word per value");           \
	const char *name_fn(type v)                                                                                    \
	{                                                                                                              \
		return (int)v >= 0 && (int)v < (count) ? name_fn##_words_[v] : "";                                     \
	}                                                                                                              \
	bool parse_fn(const char *s, type *out)                                                                        \
	{                                                                                                              \
		int i = names_find(name_fn##_words_, (count), s);                                                      \
		if (i >= 0)                                                                                            \
			*out = (type)i;                                                                                \
		return i >= 0;                                                                                         \
	}

#endif
