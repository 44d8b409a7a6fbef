#include "core/tokens.h"

#include "base/clock.h"
#include "store/tokens.h"

#include "base/text.h"

#include <string.h>

/*
** The states of a token, and the functions that move it between them.
**
**                 token_consume[_any]
**   ISSUED ────────────────────────────▶ USED
**     │ │       token_revoke[_user]
**     │ └──────────────────────────────▶ REVOKED
**     │         the clock passes expires_at
**     └────────────────────────────────▶ EXPIRED
**
** ISSUED   token_issue() wrote the row: used_at IS NULL, expires_at > now.
**          The only state a consumer accepts, and only for its purpose.
** USED     token_consume() set used_at: the subject got the token's effect.
**          A bearer token (purpose device) is never consumed: the license
**          check reads it at every use, joined to its device in one
**          statement (store_device_license, with STORE_TOKEN_ISSUED, the
**          same condition), and it stays ISSUED until revoked.
** REVOKED  token_revoke() or token_revoke_user() set used_at: a newer link,
**          a new password or a disabled account made the token useless.
** EXPIRED  no write: used_at IS NULL and expires_at <= now. Every query
**          compares with the current time, so nothing has to sweep.
**
** Invariants:
**
**   1. A token has one purpose, fixed when it is issued. A consumer names
**      the purposes it accepts in the UPDATE's WHERE clause, so a token of
**      another purpose is refused exactly as an unknown one is
**      (E_INVALID_TOKEN) and stays ISSUED for a consumer of its own.
**
**   2. Only ISSUED moves, and only once. USED, REVOKED and EXPIRED are final.
**      The row does not tell USED from REVOKED (both set used_at, the
**      moment the token stopped being usable); nothing needs to.
**
**   3. ISSUED -> USED is one conditional UPDATE ... RETURNING (the same SQL
**      on both engines): of any number of concurrent consumers exactly one
**      changes the row, and the others find it USED. No read comes first.
**
**   4. The database keeps the hash of a token, never its text; the text
**      lives only in the link sent to the subject.
**
**   5. Everything runs in the caller's transaction: a rollback un-issues,
**      un-uses and un-revokes together with the rest of the caller's work.
*/

NAMED_ENUM(TOKEN_PURPOSES, token_purpose, TOKEN__COUNT, token_purpose_name, token_purpose_parse)

err_code token_issue(struct db *db, token_purpose purpose, const char *subject, int64_t ttl_ms,
                     char out_token[TOKEN_LEN + 1], struct err *e)
{
	if (purpose >= TOKEN__COUNT)
		return err_set(e, E_INTERNAL, NULL, "no token purpose %d", (int)purpose);
	char id[ID_MAX], hash[TOKEN_HASH_LEN + 1];
	id_new("tok", id);
	token_new(out_token);
	token_hash(out_token, hash);
	int64_t now = clock_now_ms();
	/* A device's token counts for no user: a new password leaves it usable. */
	const char *user_id = purpose == TOKEN_DEVICE ? NULL : subject;
	return store_token_insert(db, id, subject, user_id, token_purpose_name(purpose), hash, now, now + ttl_ms, e);
}

/* The names of the purposes in the set, for the store; 0 when it has none
 * or more than one statement takes. */
static int purpose_names(tokenset accept, const char *out[STORE_TOKEN_PURPOSES_MAX])
{
	int n = 0;
	for (int i = 0; i < TOKEN__COUNT; i++)
		if (accept & TOKENSET(i)) {
			if (n == STORE_TOKEN_PURPOSES_MAX)
				return 0;
			out[n++] = token_purpose_name((token_purpose)i);
		}
	return n;
}

typedef err_code (*store_find_fn)(struct db *db, struct arena *a, const char *token_hash, const char *const *purposes,
                                  int n, int64_t now, const char **out_subject, const char **out_purpose,
                                  struct err *e);

static err_code token_find(store_find_fn find, struct db *db, struct arena *a, tokenset accept, const char *token,
                           const char **out_subject, token_purpose *out_purpose, struct err *e)
{
	const char *purposes[STORE_TOKEN_PURPOSES_MAX];
	int n = purpose_names(accept, purposes);
	if (!n)
		return err_set(e, E_INTERNAL, NULL, "token purposes: %#x", (unsigned)accept);
	if (!token || strlen(token) != TOKEN_LEN)
		return err_set(e, E_INVALID_TOKEN, "token", NULL);
	char hash[TOKEN_HASH_LEN + 1];
	token_hash(token, hash);
	const char *purpose = NULL;
	if (find(db, a, hash, purposes, n, clock_now_ms(), out_subject, &purpose, e))
		return e->code;
	token_purpose p;
	if (!token_purpose_parse(purpose, &p))
		return err_set(e, E_INTERNAL, NULL, "a token of purpose '%s'", purpose);
	if (out_purpose)
		*out_purpose = p;
	return E_OK;
}

err_code token_consume(struct db *db, struct arena *a, token_purpose purpose, const char *token,
                       const char **out_subject, struct err *e)
{
	return token_find(store_token_consume, db, a, TOKENSET(purpose), token, out_subject, NULL, e);
}

err_code token_consume_any(struct db *db, struct arena *a, tokenset accept, const char *token, const char **out_subject,
                           token_purpose *out_purpose, struct err *e)
{
	return token_find(store_token_consume, db, a, accept, token, out_subject, out_purpose, e);
}

err_code token_peek_any(struct db *db, struct arena *a, tokenset accept, const char *token, const char **out_subject,
                        token_purpose *out_purpose, struct err *e)
{
	return token_find(store_token_peek, db, a, accept, token, out_subject, out_purpose, e);
}

err_code token_revoke(struct db *db, token_purpose purpose, const char *subject, struct err *e)
{
	if (purpose >= TOKEN__COUNT)
		return err_set(e, E_INTERNAL, NULL, "no token purpose %d", (int)purpose);
	return store_token_revoke(db, subject, token_purpose_name(purpose), clock_now_ms(), e);
}

err_code token_revoke_user(struct db *db, const char *user_id, struct err *e)
{
	return store_token_void_user(db, user_id, clock_now_ms(), e);
}
