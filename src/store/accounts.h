#ifndef ROSTER_STORE_ACCOUNTS_H
#define ROSTER_STORE_ACCOUNTS_H

#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "core/model.h"
#include "store/db.h"
#include "store/tokens.h"

/* Queries on users and sessions (single-use tokens are in store/tokens.h,
 * which this header passes on). Every function runs on a connection inside
 * a transaction (store_tx) and copies what it returns into the arena. */

/* E_USER_EXISTS when the email key is taken. */
err_code store_user_insert(struct db *db, const struct user *u, const char *email_key, struct err *e);
/* E_NOT_FOUND when there is none. */
err_code store_user_by_email(struct db *db, struct arena *a, const char *email_key, struct user *out, struct err *e);
err_code store_user_by_id(struct db *db, struct arena *a, const char *id, struct user *out, struct err *e);
err_code store_user_update_profile(struct db *db, const struct user *u, int64_t now, struct err *e);
err_code store_user_set_password(struct db *db, const char *id, const char *hash, int64_t now, struct err *e);
err_code store_user_set_state(struct db *db, const char *id, const char *state, int64_t now, struct err *e);
/* Takes the user's row lock for the rest of the transaction (PostgreSQL;
 * SQLite's writers are serialized already), so that changes to one user's
 * tokens and sessions take turns. */
err_code store_user_lock(struct db *db, const char *id, struct err *e);
err_code store_operator_exists(struct db *db, bool *out, struct err *e);

/* Up to limit users in email-key or id order after `after` (a key or an
 * id, as the order; NULL: from the start), each with the email key stored
 * for it, which is the next page's `after` in email-key order. */
typedef enum { USERS_BY_EMAIL_KEY, USERS_BY_ID } user_order;
typedef void (*store_user_cb)(const struct user *u, const char *email_key, void *arg);
err_code store_user_list(struct db *db, struct arena *a, user_order order, const char *after, int limit,
                         store_user_cb cb, void *arg, struct err *e);
err_code store_user_set_email_key(struct db *db, const char *id, const char *email_key, struct err *e);

err_code store_session_insert(struct db *db, const struct session *s, const char *token_hash, const char *client_addr,
                              struct err *e);
/* The live session for this token hash and its active user: not expired,
 * seen after idle_cutoff. E_NOT_FOUND otherwise. */
err_code store_session_lookup(struct db *db, struct arena *a, const char *token_hash, int64_t now, int64_t idle_cutoff,
                              struct session *out_s, struct user *out_u, struct err *e);
err_code store_session_touch(struct db *db, const char *id, int64_t now, struct err *e);
err_code store_session_delete(struct db *db, const char *id, struct err *e);
/* Ends every session of the user but `keep_id` (NULL: all). */
err_code store_session_delete_user(struct db *db, const char *user_id, const char *keep_id, struct err *e);

#endif
