#ifndef ROSTER_CORE_TOKENS_H
#define ROSTER_CORE_TOKENS_H

#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/crypto.h"
#include "base/err.h"

struct db;

/* The token service: random tokens of one purpose each, for a subject
 * (the id they were issued for: a user, or a device). Link tokens (reset,
 * setup) are used once; a device's token is a bearer token, checked at
 * every call until it is revoked. Every function runs
 * inside the caller's transaction, on its connection. The states a token
 * goes through are described in tokens.c.
 *
 * A purpose is one X line below. Its name is what the tokens table stores,
 * and that table's CHECK lists the names it takes: a new purpose comes
 * with a migration that widens it (and, for a subject that is not a user,
 * one that frees tokens.user_id from its reference to users). */

#define TOKEN_PURPOSES(X)                                                                                              \
	X(RESET, "reset")   /* a forgotten password */                                                                 \
	X(SETUP, "setup")   /* the first password of an account created without one */                                 \
	X(DEVICE, "device") /* an app on a device: its bearer token (core/devices.c) */

typedef enum {
#define X(id, name) TOKEN_##id,
	TOKEN_PURPOSES(X)
#undef X
	        TOKEN__COUNT,
} token_purpose;

/* A set of purposes, for a consumer that accepts more than one. */
typedef uint32_t tokenset;
#define TOKENSET(p) ((tokenset)1 << (p))

const char *token_purpose_name(token_purpose p);
/* False when name is not a purpose. */
bool token_purpose_parse(const char *name, token_purpose *out);

/* issued: a new token of this purpose for the subject, usable once until
 * ttl_ms from now. Its text (TOKEN_LEN characters) goes to out_token and
 * nowhere else: the database keeps only its hash. */
err_code token_issue(struct db *db, token_purpose purpose, const char *subject, int64_t ttl_ms,
                     char out_token[TOKEN_LEN + 1], struct err *e);

/* issued -> used, in one conditional UPDATE: of many concurrent callers
 * with one token exactly one gets its subject. E_INVALID_TOKEN (field
 * "token") for anything else alike: an unknown text, a token that is used,
 * expired or revoked, and a token of another purpose (which stays usable
 * for its own). */
err_code token_consume(struct db *db, struct arena *a, token_purpose purpose, const char *token,
                       const char **out_subject, struct err *e);
/* token_consume for a consumer that accepts any purpose of the set
 * (non-empty); *out_purpose (may be NULL) says which the token had. */
err_code token_consume_any(struct db *db, struct arena *a, tokenset accept, const char *token, const char **out_subject,
                           token_purpose *out_purpose, struct err *e);
/* What token_consume_any would answer, without using the token: for a
 * caller that checks its input first and must not burn the link on a refusal. */
err_code token_peek_any(struct db *db, struct arena *a, tokenset accept, const char *token, const char **out_subject,
                        token_purpose *out_purpose, struct err *e);

/* issued -> revoked: every unused token of this purpose of the subject;
 * its tokens of other purposes are untouched. */
err_code token_revoke(struct db *db, token_purpose purpose, const char *subject, struct err *e);
/* issued -> revoked: every unused token of the user, whatever its purpose
 * (a new password, a disabled account); a device's tokens are its own
 * (a disabled account's devices fail at the user's state instead). */
err_code token_revoke_user(struct db *db, const char *user_id, struct err *e);

#endif
