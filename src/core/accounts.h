#ifndef ROSTER_CORE_ACCOUNTS_H
#define ROSTER_CORE_ACCOUNTS_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/err.h"
#include "core/ctx.h"
#include "core/app.h"
#include "mail/mail.h"
#include "core/model.h"
#include "core/tokens.h"

struct db;

/* Accounts, sessions and passwords: sign-in, sign-out, the profile, and the
 * single-use links that reset or set a password.
 *
 * Functions that hash or verify a password cost tens of milliseconds of CPU
 * (argon2id); the HTTP layer runs them on its bounded CPU pool, never on a
 * connection thread. */

/* A signed-in caller. */
struct auth {
	struct session session;
	struct user user;
};

#define LOGIN_WINDOW_MS (15 * 60 * 1000LL)
#define LOGIN_MAX_FAILURES_ACCOUNT 10
#define LOGIN_MAX_FAILURES_ADDRESS 50
#define FORGOT_MAX_PER_EMAIL 10
#define FORGOT_MAX_PER_ADDRESS 50
#define RESET_TOKEN_TTL_MS (60 * 60 * 1000LL)
#define SETUP_TOKEN_TTL_MS (7 * 24 * 60 * 60 * 1000LL)

struct login_result {
	char token[64];
	int64_t expires_at;
	struct user user;
};

/* Wrong email, wrong password, no password yet and a disabled account all
 * answer E_INVALID_CREDENTIALS after the same work; a throttled account or
 * address answers E_TOO_MANY_REQUESTS with e->retry_after. */
err_code account_login(const struct ctx *c, const char *email, const char *password, struct login_result *out,
                       struct err *e);

/* The same checks and throttle as account_login, for an app that signs
 * in from a device: the user, and no session. */
err_code account_verify(const struct ctx *c, const char *email, const char *password, struct user *out, struct err *e);

/* The session and user for a token; E_UNAUTHENTICATED when there is none. */
err_code account_authenticate(const struct ctx *c, const char *token, struct auth *out, struct err *e);

/* account_authenticate() and, in the same read, what authz_org() would
 * read for that caller in org_id (with the enum authz_need flags needs),
 * for authz_org_read_ahead() to decide on: one round trip for both. */
struct authz_read_ahead;
err_code account_authenticate_org(const struct ctx *c, const char *token, const char *org_id, unsigned needs,
                                  struct auth *out, struct authz_read_ahead *ra, struct err *e);

err_code account_logout(const struct ctx *c, struct err *e);

/* NULL fields are left as they are. */
struct profile_patch {
	const char *first_name, *last_name, *company, *language;
};
err_code account_update_profile(const struct ctx *c, const struct profile_patch *p, struct user *out, struct err *e);

/* Checks current, sets new, ends every other session of the user. */
err_code account_change_password(const struct ctx *c, const char *current, const char *new_password, struct err *e);

/* Queues a reset email when the address has an active account; answers
 * E_OK either way (callers must not learn whether it exists). */
err_code account_forgot_password(const struct ctx *c, const char *email, struct err *e);

/* Sets the password from a reset or set-up token, which can be used once;
 * ends every session of the user and voids the user's other tokens. */
err_code account_reset_password(const struct ctx *c, const char *token, const char *password, struct err *e);

/* The password rules: 10 characters at least, 1024 bytes at most, not the email. */
err_code password_check(const char *email, const char *password, struct err *e);

/* Creates an operator. With a password the account is usable at once;
 * without one a set-password email is queued. */
err_code account_create_operator(const struct ctx *c, const char *email, const char *password, struct user *out,
                                 struct err *e);

/* A new user's row, checked (email, names, language, password rules) and
 * with its password hashed, ready for store_user_insert(). */
struct user_new {
	const char *email, *first_name, *last_name, *company, *language;
	const char *password; /* NULL: set later through a link */
};
err_code account_new_user(struct arena *a, const struct user_new *n, struct user *out, const char **out_key,
                          struct err *e);

/* In the caller's transaction: a single-use password link for u, of
 * purpose TOKEN_SETUP (set the first password) or TOKEN_RESET, and the
 * email t carrying it; org_name fills {{org}}. */
err_code account_queue_link(struct app *app, struct db *db, struct arena *a, const struct user *u,
                            token_purpose purpose, enum mail_template t, const char *org_name, struct err *e);
/* In the caller's transaction: the email t with a link to the service. */
err_code account_queue_notice(struct app *app, struct db *db, struct arena *a, const struct user *u,
                              enum mail_template t, const char *org_name, struct err *e);

/* Every user, in email-key order, handed to cb one at a time; read
 * LIMIT_BATCH_ROWS users at a time, each batch its own read. */
typedef void (*account_user_cb)(const struct user *u, void *arg);
err_code account_list_users(const struct ctx *c, account_user_cb cb, void *arg, struct err *e);

/* Disables the account and ends all its sessions at once. */
err_code account_disable(const struct ctx *c, const char *email, struct err *e);

/* Creates the first operator with a generated password when the database
 * has none; *out_created tells whether it did. */
err_code account_bootstrap_operator(const struct ctx *c, const char *email, char *out_password, size_t out_len,
                                    bool *out_created, struct err *e);

#endif
