#include "store/tokens.h"

#include "store/query.h"
#include "store/store.h"

static const char SQL_TOKEN_INSERT[] =
        "INSERT INTO tokens (id, subject, user_id, purpose, token_hash, created_at, expires_at)"
        " VALUES ($1, $2, $3, $4, $5, $6, $7)";

err_code store_token_insert(struct db *db, const char *id, const char *subject, const char *user_id,
                            const char *purpose, const char *token_hash, int64_t now, int64_t expires_at, struct err *e)
{
	return store_q_exec(db, SQL_TOKEN_INSERT,
	                    PARAMS(P_TEXT(id), P_TEXT(subject), P_TEXT(user_id), P_TEXT(purpose), P_TEXT(token_hash),
	                           P_I64(now), P_I64(expires_at)),
	                    E_CONFLICT, e);
}

/* The purposes accepted are $3..$6; a caller accepting fewer repeats the
 * first, so that one statement serves every set and is prepared once. */
#define TOKEN_USABLE "token_hash = $1 AND used_at IS NULL AND expires_at > $2 AND purpose IN ($3, $4, $5, $6)"

static const char SQL_TOKEN_CONSUME[] =
        "UPDATE tokens SET used_at = $2 WHERE " TOKEN_USABLE " RETURNING subject, purpose";

static const char SQL_TOKEN_PEEK[] = "SELECT subject, purpose FROM tokens WHERE " TOKEN_USABLE;

/* Runs the consume or peek statement; the hash is unique, so one row at most. */
static err_code token_find(struct db *db, const char *sql, struct arena *a, const char *token_hash,
                           const char *const *purposes, int n, int64_t now, const char **out_subject,
                           const char **out_purpose, struct err *e)
{
	if (n < 1 || n > STORE_TOKEN_PURPOSES_MAX)
		return err_set(e, E_INTERNAL, NULL, "token purposes: %d", n);
	_Static_assert(STORE_TOKEN_PURPOSES_MAX == 4, "the statements take four purposes");
	const char *purpose = NULL;
	if (store_q_one(db, a, sql,
	                PARAMS(P_TEXT(token_hash), P_I64(now), P_TEXT(purposes[0]), P_TEXT(purposes[n > 1 ? 1 : 0]),
	                       P_TEXT(purposes[n > 2 ? 2 : 0]), P_TEXT(purposes[n > 3 ? 3 : 0])),
	                COLS(C_TEXT(out_subject), C_TEXT(&purpose)), E_INVALID_TOKEN, e)) {
		if (e->code == E_INVALID_TOKEN)
			e->field = "token";
		return e->code;
	}
	if (out_purpose)
		*out_purpose = purpose;
	return E_OK;
}

err_code store_token_consume(struct db *db, struct arena *a, const char *token_hash, const char *const *purposes, int n,
                             int64_t now, const char **out_subject, const char **out_purpose, struct err *e)
{
	return token_find(db, SQL_TOKEN_CONSUME, a, token_hash, purposes, n, now, out_subject, out_purpose, e);
}

err_code store_token_peek(struct db *db, struct arena *a, const char *token_hash, const char *const *purposes, int n,
                          int64_t now, const char **out_subject, const char **out_purpose, struct err *e)
{
	return token_find(db, SQL_TOKEN_PEEK, a, token_hash, purposes, n, now, out_subject, out_purpose, e);
}

static const char SQL_TOKEN_REVOKE[] =
        "UPDATE tokens SET used_at = $3 WHERE subject = $1 AND purpose = $2 AND used_at IS NULL";

err_code store_token_revoke(struct db *db, const char *subject, const char *purpose, int64_t now, struct err *e)
{
	return store_q_exec(db, SQL_TOKEN_REVOKE, PARAMS(P_TEXT(subject), P_TEXT(purpose), P_I64(now)), E_INTERNAL, e);
}

static const char SQL_TOKEN_VOID_USER[] = "UPDATE tokens SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL";

err_code store_token_void_user(struct db *db, const char *user_id, int64_t now, struct err *e)
{
	return store_q_exec(db, SQL_TOKEN_VOID_USER, PARAMS(P_TEXT(user_id), P_I64(now)), E_INTERNAL, e);
}
