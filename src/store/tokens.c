#include "store/tokens.h"

#include "store/store.h"

static const char SQL_TOKEN_INSERT[] =
        "INSERT INTO tokens (id, user_id, purpose, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)";

err_code store_token_insert(struct db *db, const char *id, const char *subject, const char *purpose,
                            const char *token_hash, int64_t now, int64_t expires_at, struct err *e)
{
	struct db_stmt *s = store_prepare(db, SQL_TOKEN_INSERT, e);
	if (!s)
		return e->code;
	db_bind_text(s, 1, id);
	db_bind_text(s, 2, subject);
	db_bind_text(s, 3, purpose);
	db_bind_text(s, 4, token_hash);
	db_bind_int(s, 5, now);
	db_bind_int(s, 6, expires_at);
	return store_exec(s, E_CONFLICT, e);
}

/* The purposes accepted are $3..$6; a caller accepting fewer repeats the
 * first, so that one statement serves every set and is prepared once. */
#define TOKEN_USABLE "token_hash = $1 AND used_at IS NULL AND expires_at > $2 AND purpose IN ($3, $4, $5, $6)"

static const char SQL_TOKEN_CONSUME[] =
        "UPDATE tokens SET used_at = $2 WHERE " TOKEN_USABLE " RETURNING user_id, purpose";

static const char SQL_TOKEN_PEEK[] = "SELECT user_id, purpose FROM tokens WHERE " TOKEN_USABLE;

/* Runs the consume or peek statement; the hash is unique, so one row at most. */
static err_code token_find(struct db *db, const char *sql, struct arena *a, const char *token_hash,
                           const char *const *purposes, int n, int64_t now, const char **out_subject,
                           const char **out_purpose, struct err *e)
{
	if (n < 1 || n > STORE_TOKEN_PURPOSES_MAX)
		return err_set(e, E_INTERNAL, NULL, "token purposes: %d", n);
	struct db_stmt *s = store_prepare(db, sql, e);
	if (!s)
		return e->code;
	db_bind_text(s, 1, token_hash);
	db_bind_int(s, 2, now);
	for (int i = 0; i < STORE_TOKEN_PURPOSES_MAX; i++)
		db_bind_text(s, 3 + i, purposes[i < n ? i : 0]);
	db_rc rc = db_step(s);
	if (rc == DB_DONE)
		return err_set(e, E_INVALID_TOKEN, "token", NULL);
	if (rc != DB_ROW)
		return store_fail(db, rc, E_INTERNAL, e);
	*out_subject = store_col_dup(s, 0, a);
	if (out_purpose)
		*out_purpose = store_col_dup(s, 1, a);
	while (db_step(s) == DB_ROW)
		;
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
        "UPDATE tokens SET used_at = $3 WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL";

err_code store_token_revoke(struct db *db, const char *subject, const char *purpose, int64_t now, struct err *e)
{
	struct db_stmt *s = store_prepare(db, SQL_TOKEN_REVOKE, e);
	if (!s)
		return e->code;
	db_bind_text(s, 1, subject);
	db_bind_text(s, 2, purpose);
	db_bind_int(s, 3, now);
	return store_exec(s, E_INTERNAL, e);
}

static const char SQL_TOKEN_VOID_USER[] = "UPDATE tokens SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL";

err_code store_token_void_user(struct db *db, const char *user_id, int64_t now, struct err *e)
{
	struct db_stmt *s = store_prepare(db, SQL_TOKEN_VOID_USER, e);
	if (!s)
		return e->code;
	db_bind_text(s, 1, user_id);
	db_bind_int(s, 2, now);
	return store_exec(s, E_INTERNAL, e);
}
