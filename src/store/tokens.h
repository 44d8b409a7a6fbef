#ifndef ROSTER_STORE_TOKENS_H
#define ROSTER_STORE_TOKENS_H

#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "store/db.h"

/* Queries on tokens (the tokens table), for core/tokens.c. A token is
 * known by the hash of its text; its subject is the id it was issued for
 * (tokens.subject), and user_id the user it counts for (NULL when the
 * subject is no user, as a device). Every function runs on
 * a connection inside the caller's transaction and copies what it returns
 * into the arena. Purposes are passed as their stored names. */

/* The condition of an ISSUED token of one purpose, on the tokens table as
 * t, with $1 its hash and $2 now: for the one statement that reads a
 * bearer token with its subject (store/devices.c, the license check at
 * every start), the same condition as the peek's. */
#define STORE_TOKEN_ISSUED(purpose)                                                                                    \
	"t.token_hash = $1 AND t.used_at IS NULL AND t.expires_at > $2 AND t.purpose = '" purpose "'"

/* How many purposes one consume or peek may accept at once. */
#define STORE_TOKEN_PURPOSES_MAX 4

/* E_CONFLICT when the hash is taken. */
err_code store_token_insert(struct db *db, const char *id, const char *subject, const char *user_id,
                            const char *purpose, const char *token_hash, int64_t now, int64_t expires_at,
                            struct err *e);
/* Marks the token used if it is unused, unexpired and of one of the
 * purposes[0..n) (1 <= n <= STORE_TOKEN_PURPOSES_MAX), in one conditional
 * UPDATE, so that of many concurrent callers exactly one gets its subject
 * and purpose. E_INVALID_TOKEN otherwise, alike for an unknown token, a
 * used, expired or revoked one and one of another purpose. */
err_code store_token_consume(struct db *db, struct arena *a, const char *token_hash, const char *const *purposes, int n,
                             int64_t now, const char **out_subject, const char **out_purpose, struct err *e);
/* What store_token_consume would answer, without using the token. */
err_code store_token_peek(struct db *db, struct arena *a, const char *token_hash, const char *const *purposes, int n,
                          int64_t now, const char **out_subject, const char **out_purpose, struct err *e);
/* Makes every unused token of this purpose of the subject useless. */
err_code store_token_revoke(struct db *db, const char *subject, const char *purpose, int64_t now, struct err *e);
/* Makes every unused token of the user useless, whatever its purpose. */
err_code store_token_void_user(struct db *db, const char *user_id, int64_t now, struct err *e);

#endif
