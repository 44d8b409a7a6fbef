#include "store/accounts.h"

#include "store/query.h"
#include "store/rows.h"
#include "store/store.h"

#include <string.h>

struct store_col *store_user_cols(struct store_col *c, struct user *u, bool with_hash)
{
	const struct store_col cols[USER_NCOLS] = {
	        C_TEXT(&u->id),          C_TEXT(&u->email),     C_TEXT(&u->first_name),    C_TEXT(&u->last_name),
	        C_TEXT(&u->company),     C_TEXT(&u->language),  C_TEXT(&u->password_hash), C_TEXT(&u->state),
	        C_BOOL(&u->is_operator), C_I64(&u->created_at), C_I64(&u->updated_at),
	};
	memcpy(c, cols, sizeof cols);
	if (!with_hash) {
		c[6] = (struct store_col)C_SKIP;
		u->password_hash = NULL;
	}
	return c + USER_NCOLS;
}

/* A one-row query of USER_COLS into *u; E_NOT_FOUND when there is no row. */
static err_code one_user(struct db *db, struct arena *a, const char *sql, const char *param, struct user *u,
                         struct err *e)
{
	struct store_col cols[USER_NCOLS];
	store_user_cols(cols, u, true);
	return store_q_one(db, a, sql, PARAMS(P_TEXT(param)), cols, USER_NCOLS, E_NOT_FOUND, e);
}

static const char SQL_USER_INSERT[] =
        "INSERT INTO users (id, email, email_key, first_name, last_name, company, language, password_hash, state,"
        " is_operator, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)";

err_code store_user_insert(struct db *db, const struct user *u, const char *email_key, struct err *e)
{
	err_code rc = store_q_exec(
	        db, SQL_USER_INSERT,
	        PARAMS(P_TEXT(u->id), P_TEXT(u->email), P_TEXT(email_key), P_TEXT(u->first_name ? u->first_name : ""),
	               P_TEXT(u->last_name ? u->last_name : ""), P_TEXT(u->company ? u->company : ""),
	               P_TEXT(u->language ? u->language : "en"), P_TEXT(u->password_hash),
	               P_TEXT(u->state ? u->state : "active"), P_BOOL(u->is_operator), P_I64(u->created_at)),
	        E_USER_EXISTS, e);
	if (rc == E_USER_EXISTS)
		e->field = "email";
	return rc;
}

static const char SQL_USER_BY_EMAIL[] = "SELECT " USER_COLS " FROM users u WHERE u.email_key = $1";

err_code store_user_by_email(struct db *db, struct arena *a, const char *email_key, struct user *out, struct err *e)
{
	return one_user(db, a, SQL_USER_BY_EMAIL, email_key, out, e);
}

static const char SQL_USER_BY_ID[] = "SELECT " USER_COLS " FROM users u WHERE u.id = $1";

err_code store_user_by_id(struct db *db, struct arena *a, const char *id, struct user *out, struct err *e)
{
	return one_user(db, a, SQL_USER_BY_ID, id, out, e);
}

static const char SQL_USER_UPDATE_PROFILE[] =
        "UPDATE users SET first_name = $2, last_name = $3, company = $4, language = $5, updated_at = $6 WHERE id = $1";

err_code store_user_update_profile(struct db *db, const struct user *u, int64_t now, struct err *e)
{
	return store_q_exec_one(db, SQL_USER_UPDATE_PROFILE,
	                        PARAMS(P_TEXT(u->id), P_TEXT(u->first_name), P_TEXT(u->last_name), P_TEXT(u->company),
	                               P_TEXT(u->language), P_I64(now)),
	                        E_INVALID, e);
}

static const char SQL_USER_SET_PASSWORD[] = "UPDATE users SET password_hash = $2, updated_at = $3 WHERE id = $1";

err_code store_user_set_password(struct db *db, const char *id, const char *hash, int64_t now, struct err *e)
{
	return store_q_exec_one(db, SQL_USER_SET_PASSWORD, PARAMS(P_TEXT(id), P_TEXT(hash), P_I64(now)), E_INTERNAL, e);
}

static const char SQL_USER_SET_STATE[] = "UPDATE users SET state = $2, updated_at = $3 WHERE id = $1";

err_code store_user_set_state(struct db *db, const char *id, const char *state, int64_t now, struct err *e)
{
	return store_q_exec_one(db, SQL_USER_SET_STATE, PARAMS(P_TEXT(id), P_TEXT(state), P_I64(now)), E_INVALID, e);
}

static const char SQL_USER_LOCK[] = "UPDATE users SET updated_at = updated_at WHERE id = $1";

err_code store_user_lock(struct db *db, const char *id, struct err *e)
{
	return store_q_exec(db, SQL_USER_LOCK, PARAMS(P_TEXT(id)), E_INTERNAL, e);
}

static const char SQL_OPERATOR_EXISTS[] = "SELECT COUNT(*) FROM users WHERE is_operator = 1";

err_code store_operator_exists(struct db *db, bool *out, struct err *e)
{
	int64_t n = 0;
	if (store_q_count(db, SQL_OPERATOR_EXISTS, NO_PARAMS, &n, e))
		return e->code;
	*out = n > 0;
	return E_OK;
}

static const char *const SQL_USER_LISTS[] = {
        [USERS_BY_EMAIL_KEY] = "SELECT " USER_COLS ", u.email_key FROM users u WHERE u.email_key > $1"
                               " ORDER BY u.email_key LIMIT $2",
        [USERS_BY_ID] = "SELECT " USER_COLS ", u.email_key FROM users u WHERE u.id > $1 ORDER BY u.id LIMIT $2",
};

STORE_EACH_WITH(user, struct user, const char *, store_user_cb)

err_code store_user_list(struct db *db, struct arena *a, user_order order, const char *after, int limit,
                         store_user_cb cb, void *arg, struct err *e)
{
	struct user_each r = {.cb = cb, .arg = arg};
	struct store_col cols[USER_NCOLS + 1];
	*store_user_cols(cols, &r.row, true) = (struct store_col)C_TEXT(&r.extra); /* the email key */
	return store_q_each(db, a, SQL_USER_LISTS[order], PARAMS(P_TEXT(after ? after : ""), P_I64(limit)), cols,
	                    STORE_LEN(cols), user_each_row, &r, e);
}

static const char SQL_USER_SET_EMAIL_KEY[] = "UPDATE users SET email_key = $2 WHERE id = $1";

err_code store_user_set_email_key(struct db *db, const char *id, const char *email_key, struct err *e)
{
	return store_q_exec_one(db, SQL_USER_SET_EMAIL_KEY, PARAMS(P_TEXT(id), P_TEXT(email_key)), E_USER_EXISTS, e);
}

static const char SQL_SESSION_INSERT[] =
        "INSERT INTO sessions (id, user_id, token_hash, created_at, last_seen_at, expires_at, client_addr)"
        " VALUES ($1, $2, $3, $4, $4, $5, $6)";

err_code store_session_insert(struct db *db, const struct session *ses, const char *token_hash, const char *client_addr,
                              struct err *e)
{
	return store_q_exec(db, SQL_SESSION_INSERT,
	                    PARAMS(P_TEXT(ses->id), P_TEXT(ses->user_id), P_TEXT(token_hash), P_I64(ses->created_at),
	                           P_I64(ses->expires_at), P_TEXT(client_addr ? client_addr : "")),
	                    E_CONFLICT, e);
}

static const char SQL_SESSION_LOOKUP[] =
        "SELECT s.id, s.created_at, s.last_seen_at, s.expires_at, " USER_COLS
        " FROM sessions s JOIN users u ON u.id = s.user_id"
        " WHERE s.token_hash = $1 AND s.expires_at > $2 AND s.last_seen_at > $3 AND u.state = 'active'";

err_code store_session_lookup(struct db *db, struct arena *a, const char *token_hash, int64_t now, int64_t idle_cutoff,
                              struct session *out_s, struct user *out_u, struct err *e)
{
	struct store_col cols[4 + USER_NCOLS] = {C_TEXT(&out_s->id), C_I64(&out_s->created_at),
	                                         C_I64(&out_s->last_seen_at), C_I64(&out_s->expires_at)};
	store_user_cols(cols + 4, out_u, true);
	if (store_q_one(db, a, SQL_SESSION_LOOKUP, PARAMS(P_TEXT(token_hash), P_I64(now), P_I64(idle_cutoff)), cols,
	                STORE_LEN(cols), E_NOT_FOUND, e))
		return e->code;
	out_s->user_id = out_u->id;
	return E_OK;
}

static const char SQL_SESSION_TOUCH[] = "UPDATE sessions SET last_seen_at = $2 WHERE id = $1";

err_code store_session_touch(struct db *db, const char *id, int64_t now, struct err *e)
{
	return store_q_exec(db, SQL_SESSION_TOUCH, PARAMS(P_TEXT(id), P_I64(now)), E_INTERNAL, e);
}

static const char SQL_SESSION_DELETE[] = "DELETE FROM sessions WHERE id = $1";

err_code store_session_delete(struct db *db, const char *id, struct err *e)
{
	return store_q_exec(db, SQL_SESSION_DELETE, PARAMS(P_TEXT(id)), E_INTERNAL, e);
}

static const char SQL_SESSION_DELETE_USER[] = "DELETE FROM sessions WHERE user_id = $1 AND id <> $2";

err_code store_session_delete_user(struct db *db, const char *user_id, const char *keep_id, struct err *e)
{
	return store_q_exec(db, SQL_SESSION_DELETE_USER, PARAMS(P_TEXT(user_id), P_TEXT(keep_id ? keep_id : "")),
	                    E_INTERNAL, e);
}
