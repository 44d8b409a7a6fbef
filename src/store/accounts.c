#include "store/accounts.h"

#include "store/store.h"

#include <string.h>

#define USER_COLS                                                                                                      \
	"u.id, u.email, u.first_name, u.last_name, u.company, u.language, u.password_hash, u.state, "                  \
	"u.is_operator, u.created_at, u.updated_at"
#define USER_NCOLS 11

static void read_user(struct db_stmt *s, int c, struct arena *a, struct user *u)
{
	u->id = store_col_dup(s, c + 0, a);
	u->email = store_col_dup(s, c + 1, a);
	u->first_name = store_col_dup(s, c + 2, a);
	u->last_name = store_col_dup(s, c + 3, a);
	u->company = store_col_dup(s, c + 4, a);
	u->language = store_col_dup(s, c + 5, a);
	u->password_hash = store_col_dup(s, c + 6, a);
	u->state = store_col_dup(s, c + 7, a);
	u->is_operator = db_col_int(s, c + 8) != 0;
	u->created_at = db_col_int(s, c + 9);
	u->updated_at = db_col_int(s, c + 10);
}

/* Steps a one-row query into *u; E_NOT_FOUND when there is no row. */
static err_code one_user(struct db_stmt *s, struct arena *a, struct user *u, struct err *e)
{
	db_rc rc = db_step(s);
	if (rc == DB_DONE)
		return err_set(e, E_NOT_FOUND, NULL, NULL);
	if (rc != DB_ROW)
		return store_fail(s->db, rc, E_INTERNAL, e);
	read_user(s, 0, a, u);
	db_step(s);
	return E_OK;
}

static const char SQL_USER_INSERT[] =
        "INSERT INTO users (id, email, email_key, first_name, last_name, company, language, password_hash, state,"
        " is_operator, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)";

err_code store_user_insert(struct db *db, const struct user *u, const char *email_key, struct err *e)
{
	struct db_stmt *s = store_prepare(db, SQL_USER_INSERT, e);
	if (!s)
		return e->code;
	db_bind_text(s, 1, u->id);
	db_bind_text(s, 2, u->email);
	db_bind_text(s, 3, email_key);
	db_bind_text(s, 4, u->first_name ? u->first_name : "");
	db_bind_text(s, 5, u->last_name ? u->last_name : "");
	db_bind_text(s, 6, u->company ? u->company : "");
	db_bind_text(s, 7, u->language ? u->language : "en");
	db_bind_text(s, 8, u->password_hash);
	db_bind_text(s, 9, u->state ? u->state : "active");
	db_bind_int(s, 10, u->is_operator);
	db_bind_int(s, 11, u->created_at);
	err_code rc = store_exec(s, E_USER_EXISTS, e);
	if (rc == E_USER_EXISTS)
		e->field = "email";
	return rc;
}

static const char SQL_USER_BY_EMAIL[] = "SELECT " USER_COLS " FROM users u WHERE u.email_key = $1";

err_code store_user_by_email(struct db *db, struct arena *a, const char *email_key, struct user *out, struct err *e)
{
	struct db_stmt *s = store_prepare(db, SQL_USER_BY_EMAIL, e);
	if (!s)
		return e->code;
	db_bind_text(s, 1, email_key);
	return one_user(s, a, out, e);
}

static const char SQL_USER_BY_ID[] = "SELECT " USER_COLS " FROM users u WHERE u.id = $1";

err_code store_user_by_id(struct db *db, struct arena *a, const char *id, struct user *out, struct err *e)
{
	struct db_stmt *s = store_prepare(db, SQL_USER_BY_ID, e);
	if (!s)
		return e->code;
	db_bind_text(s, 1, id);
	return one_user(s, a, out, e);
}

static const char SQL_USER_UPDATE_PROFILE[] =
        "UPDATE users SET first_name = $2, last_name = $3, company = $4, language = $5, updated_at = $6 WHERE id = $1";

err_code store_user_update_profile(struct db *db, const struct user *u, int64_t now, struct err *e)
{
	struct db_stmt *s = store_prepare(db, SQL_USER_UPDATE_PROFILE, e);
	if (!s)
		return e->code;
	db_bind_text(s, 1, u->id);
	db_bind_text(s, 2, u->first_name);
	db_bind_text(s, 3, u->last_name);
	db_bind_text(s, 4, u->company);
	db_bind_text(s, 5, u->language);
	db_bind_int(s, 6, now);
	return store_exec_one(s, E_INVALID, e);
}

static const char SQL_USER_SET_PASSWORD[] = "UPDATE users SET password_hash = $2, updated_at = $3 WHERE id = $1";

err_code store_user_set_password(struct db *db, const char *id, const char *hash, int64_t now, struct err *e)
{
	struct db_stmt *s = store_prepare(db, SQL_USER_SET_PASSWORD, e);
	if (!s)
		return e->code;
	db_bind_text(s, 1, id);
	db_bind_text(s, 2, hash);
	db_bind_int(s, 3, now);
	return store_exec_one(s, E_INTERNAL, e);
}

static const char SQL_USER_SET_STATE[] = "UPDATE users SET state = $2, updated_at = $3 WHERE id = $1";

err_code store_user_set_state(struct db *db, const char *id, const char *state, int64_t now, struct err *e)
{
	struct db_stmt *s = store_prepare(db, SQL_USER_SET_STATE, e);
	if (!s)
		return e->code;
	db_bind_text(s, 1, id);
	db_bind_text(s, 2, state);
	db_bind_int(s, 3, now);
	return store_exec_one(s, E_INVALID, e);
}

static const char SQL_USER_LOCK[] = "UPDATE users SET updated_at = updated_at WHERE id = $1";

err_code store_user_lock(struct db *db, const char *id, struct err *e)
{
	return store_run(db, SQL_USER_LOCK, E_INTERNAL, e, id);
}

static const char SQL_OPERATOR_EXISTS[] = "SELECT COUNT(*) FROM users WHERE is_operator = 1";

err_code store_operator_exists(struct db *db, bool *out, struct err *e)
{
	struct db_stmt *s = store_prepare(db, SQL_OPERATOR_EXISTS, e);
	if (!s)
		return e->code;
	db_rc rc = db_step(s);
	if (rc != DB_ROW)
		return store_fail(db, rc, E_INTERNAL, e);
	*out = db_col_int(s, 0) > 0;
	db_step(s);
	return E_OK;
}

static const char *const SQL_USER_LISTS[] = {
        [USERS_BY_EMAIL_KEY] = "SELECT " USER_COLS ", u.email_key FROM users u WHERE u.email_key > $1"
                               " ORDER BY u.email_key LIMIT $2",
        [USERS_BY_ID] = "SELECT " USER_COLS ", u.email_key FROM users u WHERE u.id > $1 ORDER BY u.id LIMIT $2",
};

err_code store_user_list(struct db *db, struct arena *a, user_order order, const char *after, int limit,
                         store_user_cb cb, void *arg, struct err *e)
{
	struct db_stmt *s = store_prepare(db, SQL_USER_LISTS[order], e);
	if (!s)
		return e->code;
	db_bind_text(s, 1, after ? after : "");
	db_bind_int(s, 2, limit);
	db_rc rc;
	while ((rc = db_step(s)) == DB_ROW) {
		struct user u;
		read_user(s, 0, a, &u);
		cb(&u, store_col_dup(s, USER_NCOLS, a), arg);
	}
	return rc == DB_DONE ? E_OK : store_fail(db, rc, E_INTERNAL, e);
}

static const char SQL_USER_SET_EMAIL_KEY[] = "UPDATE users SET email_key = $2 WHERE id = $1";

err_code store_user_set_email_key(struct db *db, const char *id, const char *email_key, struct err *e)
{
	return store_run_one(db, SQL_USER_SET_EMAIL_KEY, E_USER_EXISTS, e, id, email_key);
}

static const char SQL_SESSION_INSERT[] =
        "INSERT INTO sessions (id, user_id, token_hash, created_at, last_seen_at, expires_at, client_addr)"
        " VALUES ($1, $2, $3, $4, $4, $5, $6)";

err_code store_session_insert(struct db *db, const struct session *ses, const char *token_hash, const char *client_addr,
                              struct err *e)
{
	struct db_stmt *s = store_prepare(db, SQL_SESSION_INSERT, e);
	if (!s)
		return e->code;
	db_bind_text(s, 1, ses->id);
	db_bind_text(s, 2, ses->user_id);
	db_bind_text(s, 3, token_hash);
	db_bind_int(s, 4, ses->created_at);
	db_bind_int(s, 5, ses->expires_at);
	db_bind_text(s, 6, client_addr ? client_addr : "");
	return store_exec(s, E_CONFLICT, e);
}

static const char SQL_SESSION_LOOKUP[] =
        "SELECT s.id, s.created_at, s.last_seen_at, s.expires_at, " USER_COLS
        " FROM sessions s JOIN users u ON u.id = s.user_id"
        " WHERE s.token_hash = $1 AND s.expires_at > $2 AND s.last_seen_at > $3 AND u.state = 'active'";

err_code store_session_lookup(struct db *db, struct arena *a, const char *token_hash, int64_t now, int64_t idle_cutoff,
                              struct session *out_s, struct user *out_u, struct err *e)
{
	struct db_stmt *s = store_prepare(db, SQL_SESSION_LOOKUP, e);
	if (!s)
		return e->code;
	db_bind_text(s, 1, token_hash);
	db_bind_int(s, 2, now);
	db_bind_int(s, 3, idle_cutoff);
	db_rc rc = db_step(s);
	if (rc == DB_DONE)
		return err_set(e, E_NOT_FOUND, NULL, NULL);
	if (rc != DB_ROW)
		return store_fail(db, rc, E_INTERNAL, e);
	out_s->id = store_col_dup(s, 0, a);
	out_s->created_at = db_col_int(s, 1);
	out_s->last_seen_at = db_col_int(s, 2);
	out_s->expires_at = db_col_int(s, 3);
	read_user(s, 4, a, out_u);
	out_s->user_id = out_u->id;
	db_step(s);
	return E_OK;
}

static const char SQL_SESSION_TOUCH[] = "UPDATE sessions SET last_seen_at = $2 WHERE id = $1";

err_code store_session_touch(struct db *db, const char *id, int64_t now, struct err *e)
{
	struct db_stmt *s = store_prepare(db, SQL_SESSION_TOUCH, e);
	if (!s)
		return e->code;
	db_bind_text(s, 1, id);
	db_bind_int(s, 2, now);
	return store_exec(s, E_INTERNAL, e);
}

static const char SQL_SESSION_DELETE[] = "DELETE FROM sessions WHERE id = $1";

err_code store_session_delete(struct db *db, const char *id, struct err *e)
{
	return store_run(db, SQL_SESSION_DELETE, E_INTERNAL, e, id);
}

static const char SQL_SESSION_DELETE_USER[] = "DELETE FROM sessions WHERE user_id = $1 AND id <> $2";

err_code store_session_delete_user(struct db *db, const char *user_id, const char *keep_id, struct err *e)
{
	return store_run(db, SQL_SESSION_DELETE_USER, E_INTERNAL, e, user_id, keep_id ? keep_id : "");
}
