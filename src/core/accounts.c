#include "store/accounts.h"
#include "core/accounts.h"
#include "core/audit.h"
#include "core/authz.h"
#include "core/member_card.h"
#include "core/ops.h"
#include "core/tokens.h"

#include "base/clock.h"
#include "base/crypto.h"
#include "base/log.h"
#include "base/text.h"
#include "mail/mail.h"
#include "store/misc.h"
#include "store/orgs.h"
#include "store/store.h"

#include <stdio.h>
#include <string.h>

/* Sessions are touched at most this often (less with short idle timeouts), so that reads stay reads. */
#define TOUCH_EVERY_MS 60000

/* Account events belong to no organization; their actor is the account
 * itself (or nobody), whoever the context's caller is. */
static err_code audit(struct db *db, const struct reqinfo *ri, const char *actor, const char *action,
                      const char *target_type, const char *target_id, struct err *e)
{
	return audit_record_by(db, ri, actor, NULL, action, target_type, target_id, NULL, e);
}

static err_code check_name(const char *v, const char *field, struct err *e);

/* 429 with Retry-After: "Too many <what>; try again in N seconds." */
static err_code throttled(struct err *e, const char *what, int retry_after)
{
	err_set(e, E_TOO_MANY_REQUESTS, NULL, "Too many %s; try again in %d seconds.", what, retry_after);
	e->retry_after = retry_after;
	return E_TOO_MANY_REQUESTS;
}

static int retry_after_s(int64_t window_start, int64_t now)
{
	int64_t left = window_start + LOGIN_WINDOW_MS - now;
	int s = (int)((left + 999) / 1000);
	return s > 0 ? s : 1;
}

err_code password_check(const char *email, const char *password, struct err *e)
{
	size_t bytes = strlen(password);
	if (bytes > LIMIT_PASSWORD_MAX_BYTES)
		return err_set(e, E_PASSWORD_TOO_LONG, "password", NULL);
	if (utf8_chars(password) < LIMIT_PASSWORD_MIN_CHARS)
		return err_set(e, E_PASSWORD_TOO_SHORT, "password", NULL);
	if (email && !strcasecmp(email, password))
		return err_set(e, E_PASSWORD_IS_EMAIL, "password", NULL);
	return E_OK;
}

/* ---- sign-in ---- */

struct login_read {
	struct arena *a;
	const char *key;      /* email key, or NULL when the email is not valid */
	const char *addr_key; /* the client's throttle key */
	struct user user;
	bool found;
	int retry_after;
};

static char *throttle_key(struct arena *a, const char *kind, const char *value)
{
	return arena_printf(a, "%s:%s", kind, value ? value : "");
}

/* A client address counts in its group: an IPv6 client by its /64. */
static char *address_key(struct arena *a, const char *kind, const struct reqinfo *ri)
{
	char g[ADDR_GROUP_MAX];
	addr_group(ri && ri->client_addr ? ri->client_addr : "", g);
	return throttle_key(a, kind, g);
}

/* Counts the attempt before the password is checked, so that guesses sent
 * all at once cannot outrun the limit: the counters hold failures plus
 * attempts in flight, and a success takes its own attempt back out. */
static err_code login_begin_tx(struct db *db, void *arg, struct err *e)
{
	struct login_read *lr = arg;
	int64_t now = clock_now_ms(), count, start;
	lr->found = false;
	lr->retry_after = 0;
	if (lr->key) {
		if (store_throttle_hit(db, throttle_key(lr->a, "login-account", lr->key), now, LOGIN_WINDOW_MS, &count,
		                       &start, e))
			return e->code;
		if (count > LOGIN_MAX_FAILURES_ACCOUNT)
			lr->retry_after = retry_after_s(start, now);
	}
	if (store_throttle_hit(db, lr->addr_key, now, LOGIN_WINDOW_MS, &count, &start, e))
		return e->code;
	if (count > LOGIN_MAX_FAILURES_ADDRESS) {
		int r = retry_after_s(start, now);
		if (r > lr->retry_after)
			lr->retry_after = r;
	}
	if (lr->retry_after || !lr->key)
		return E_OK;
	err_code rc = store_user_by_email(db, lr->a, lr->key, &lr->user, e);
	if (rc == E_NOT_FOUND)
		return E_OK;
	if (rc)
		return rc;
	lr->found = true;
	return E_OK;
}

struct login_write {
	const struct ctx *c;
	struct login_read *lr;
	bool ok;
	bool session;         /* false: the password checked for a device, no session made */
	const char *new_hash; /* a rehash with today's parameters, or NULL */
	struct login_result *out;
};

/* What a right password does besides a session: today's hash parameters,
 * and the attempt taken back out of the throttle counters. */
static err_code login_success(struct db *db, struct login_write *lw, int64_t now, struct err *e)
{
	struct login_read *lr = lw->lr;
	struct arena *a = lw->c->arena;
	if (lw->new_hash && (store_user_set_password(db, lr->user.id, lw->new_hash, now, e) ||
	                     member_cards_refresh(db, a, lr->user.id, e)))
		return e->code;
	if (lr->key && store_throttle_clear(db, throttle_key(a, "login-account", lr->key), e))
		return e->code;
	if (store_throttle_undo(db, lr->addr_key, now, LOGIN_WINDOW_MS, e))
		return e->code;
	lw->out->user = lr->user;
	return E_OK;
}

static err_code login_write_tx(struct db *db, void *arg, struct err *e)
{
	struct login_write *lw = arg;
	struct login_read *lr = lw->lr;
	const struct reqinfo *ri = &lw->c->ri;
	int64_t now = clock_now_ms();
	if (!lw->ok) /* the attempt was counted when it began */
		return audit(db, ri, lr->found ? lr->user.id : NULL, "auth.login_failed", "user",
		             lr->found ? lr->user.id : "", e);
	if (!lw->session)
		return login_success(db, lw, now, e);
	struct session s = {.user_id = lr->user.id, .created_at = now, .last_seen_at = now};
	char sid[ID_MAX], hash[TOKEN_HASH_LEN + 1];
	id_new("ses", sid);
	s.id = sid;
	s.expires_at = now + lw->c->app->session_lifetime_ms;
	token_new(lw->out->token);
	token_hash(lw->out->token, hash);
	if (store_session_insert(db, &s, hash, ri->client_addr, e) || login_success(db, lw, now, e) ||
	    audit(db, ri, lr->user.id, "auth.login", "user", lr->user.id, e))
		return e->code;
	lw->out->expires_at = s.expires_at;
	return E_OK;
}

static err_code sign_in(const struct ctx *c, const char *email, const char *password, bool session,
                        struct login_result *out, struct err *e)
{
	struct arena *a = c->arena;
	struct login_read lr = {
	        .a = a, .key = email_lookup_key(a, email), .addr_key = address_key(a, "login-address", &c->ri)};
	err_code rc = store_tx(c->app->store, true, login_begin_tx, &lr, e);
	if (rc)
		return rc;
	if (lr.retry_after)
		return throttled(e, "failed sign-ins", lr.retry_after);
	size_t plen = strlen(password);
	bool usable = lr.found && lr.user.password_hash && user_has_state(&lr.user, USER_ACTIVE) &&
	              plen <= LIMIT_PASSWORD_MAX_BYTES;
	bool ok = false;
	/* The same argon2id work whether or not the account exists. */
	if (usable)
		ok = password_verify(lr.user.password_hash, password, plen);
	else
		password_verify_dummy(password, plen > LIMIT_PASSWORD_MAX_BYTES ? LIMIT_PASSWORD_MAX_BYTES : plen);

	char rehash[PASSWORD_HASH_MAX];
	struct login_write lw = {.c = c, .lr = &lr, .ok = ok, .session = session, .out = out};
	if (ok && password_needs_rehash(lr.user.password_hash) && password_hash(password, plen, rehash))
		lw.new_hash = rehash;
	rc = store_tx(c->app->store, true, login_write_tx, &lw, e);
	if (rc)
		return rc;
	if (!ok)
		return err_set(e, E_INVALID_CREDENTIALS, NULL, NULL);
	return E_OK;
}

err_code account_login(const struct ctx *c, const char *email, const char *password, struct login_result *out,
                       struct err *e)
{
	return sign_in(c, email, password, true, out, e);
}

err_code account_verify(const struct ctx *c, const char *email, const char *password, struct user *out, struct err *e)
{
	struct login_result r;
	if (sign_in(c, email, password, false, &r, e))
		return e->code;
	*out = r.user;
	return E_OK;
}

/* ---- sessions ---- */

struct auth_arg {
	const struct ctx *c;
	const char *hash;
	struct auth *out;
};

static err_code authenticate_tx(struct db *db, void *arg, struct err *e)
{
	struct auth_arg *aa = arg;
	int64_t now = clock_now_ms();
	err_code rc = store_session_lookup(db, aa->c->arena, aa->hash, now, now - aa->c->app->session_idle_ms,
	                                   &aa->out->session, &aa->out->user, e);
	if (rc == E_NOT_FOUND)
		return err_set(e, E_UNAUTHENTICATED, NULL, "The session is missing, expired or ended; sign in again.");
	return rc;
}

static err_code touch_tx(struct db *db, void *arg, struct err *e)
{
	struct auth *who = arg;
	return store_session_touch(db, who->session.id, clock_now_ms(), e);
}

/* Touched often enough that a session in use never reaches its idle timeout. */
static void touch_if_due(struct app *app, struct auth *who)
{
	int64_t touch_every = app->session_idle_ms / 4 < TOUCH_EVERY_MS ? app->session_idle_ms / 4 : TOUCH_EVERY_MS;
	if (clock_now_ms() - who->session.last_seen_at > touch_every) {
		struct err ignored;
		store_tx(app->store, true, touch_tx, who, &ignored);
	}
}

err_code account_authenticate(const struct ctx *c, const char *token, struct auth *out, struct err *e)
{
	struct app *app = c->app;
	if (!token || strlen(token) != TOKEN_LEN)
		return err_set(e, E_UNAUTHENTICATED, NULL, "The session is missing, expired or ended; sign in again.");
	char hash[TOKEN_HASH_LEN + 1];
	token_hash(token, hash);
	struct auth_arg aa = {c, hash, out};
	/* One statement: no transaction needed for a consistent read. */
	struct db *db = store_conn(app->store, e);
	if (!db)
		return e->code;
	err_code rc = authenticate_tx(db, &aa, e);
	if (rc == E_RETRY)
		rc = store_tx(app->store, false, authenticate_tx, &aa, e);
	if (rc)
		return rc;
	touch_if_due(app, out);
	return E_OK;
}

struct auth_org_arg {
	const struct ctx *c;
	const char *hash, *org_id;
	unsigned needs;
	struct auth *out;
	struct authz_read_ahead *ra;
};

static err_code authenticate_org_tx(struct db *db, void *arg, struct err *e)
{
	struct auth_org_arg *x = arg;
	int64_t now = clock_now_ms();
	struct org_view v;
	bool found = false;
	err_code rc = store_session_org_view(db, x->c->arena, x->hash, now, now - x->c->app->session_idle_ms, x->org_id,
	                                     &x->out->session, &x->out->user, &v, &found, e);
	if (rc == E_NOT_FOUND)
		return err_set(e, E_UNAUTHENTICATED, NULL, "The session is missing, expired or ended; sign in again.");
	if (rc)
		return rc;
	return authz_gather_view(db, x->c->arena, x->out, x->org_id, x->needs, &v, found, x->ra, e);
}

err_code account_authenticate_org(const struct ctx *c, const char *token, const char *org_id, unsigned needs,
                                  struct auth *out, struct authz_read_ahead *ra, struct err *e)
{
	/* An id that cannot exist is not worth a query (authz_org()). */
	if (!id_valid("org", org_id)) {
		memset(ra, 0, sizeof *ra);
		return account_authenticate(c, token, out, e);
	}
	if (!token || strlen(token) != TOKEN_LEN)
		return err_set(e, E_UNAUTHENTICATED, NULL, "The session is missing, expired or ended; sign in again.");
	char hash[TOKEN_HASH_LEN + 1];
	token_hash(token, hash);
	struct auth_org_arg x = {c, hash, org_id, needs, out, ra};
	if (store_read(c->app->store, authenticate_org_tx, &x, e))
		return e->code;
	touch_if_due(c->app, out);
	return E_OK;
}

static err_code logout_tx(struct db *db, void *arg, struct err *e)
{
	const struct ctx *c = arg;
	if (store_session_delete(db, c->who->session.id, e))
		return e->code;
	return audit(db, &c->ri, c->who->user.id, "auth.logout", "session", c->who->session.id, e);
}

err_code account_logout(const struct ctx *c, struct err *e)
{
	return store_tx(c->app->store, true, logout_tx, (void *)c, e);
}

/* ---- profile ---- */

struct profile_arg {
	const struct ctx *c;
	const struct profile_patch *p;
	struct user *out;
};

static err_code profile_tx(struct db *db, void *arg, struct err *e)
{
	struct profile_arg *pa = arg;
	struct arena *a = pa->c->arena;
	struct user u;
	if (store_user_by_id(db, a, pa->c->who->user.id, &u, e))
		return e->code;
	if (pa->p->first_name)
		u.first_name = pa->p->first_name;
	if (pa->p->last_name)
		u.last_name = pa->p->last_name;
	if (pa->p->company)
		u.company = pa->p->company;
	if (pa->p->language)
		u.language = pa->p->language;
	int64_t now = clock_now_ms();
	if (store_user_update_profile(db, &u, now, e) || store_member_refresh_keys(db, a, &u, e) ||
	    member_cards_refresh(db, a, u.id, e))
		return e->code;
	if (audit(db, &pa->c->ri, u.id, "user.profile_updated", "user", u.id, e))
		return e->code;
	u.updated_at = now;
	*pa->out = u;
	return E_OK;
}

static err_code check_name(const char *v, const char *field, struct err *e)
{
	if (v && !text_is_clean(v))
		return err_set(
		        e, E_INVALID, field,
		        "The field '%s' must be valid UTF-8 text without control characters (such as line breaks).",
		        field);
	if (v && utf8_chars(v) > NAME_MAX_CHARS)
		return err_set(e, E_TOO_LONG, field, "The field '%s' is longer than %d characters.", field,
		               NAME_MAX_CHARS);
	return E_OK;
}

err_code account_update_profile(const struct ctx *c, const struct profile_patch *p, struct user *out, struct err *e)
{
	if (check_name(p->first_name, "first_name", e) || check_name(p->last_name, "last_name", e) ||
	    check_name(p->company, "company", e))
		return e->code;
	if (p->language && !language_valid(p->language))
		return err_set(e, E_INVALID_LANGUAGE, "language", NULL);
	struct profile_arg pa = {c, p, out};
	return store_tx(c->app->store, true, profile_tx, &pa, e);
}

/* ---- passwords ---- */

struct setpw_arg {
	const struct reqinfo *ri;
	const char *user_id;
	const char *hash;
	const char *keep_session; /* NULL: end them all */
	const char *action;
};

static err_code setpw_tx(struct db *db, void *arg, struct err *e)
{
	struct setpw_arg *s = arg;
	int64_t now = clock_now_ms();
	struct arena *a = arena_new();
	bool failed =
	        store_user_set_password(db, s->user_id, s->hash, now, e) || member_cards_refresh(db, a, s->user_id, e);
	arena_free(a);
	if (failed || store_session_delete_user(db, s->user_id, s->keep_session, e) ||
	    token_revoke_user(db, s->user_id, e))
		return e->code;
	return audit(db, s->ri, s->user_id, s->action, "user", s->user_id, e);
}

/* Wrong current passwords are counted like failed sign-ins, before the
 * password is checked (so that guesses sent at once cannot outrun the
 * limit, and a throttled request costs no argon2id work on the CPU pool):
 * per account and per client address, in windows of their own. */
struct pwcheck_arg {
	struct arena *a;
	const char *account_key, *addr_key;
	bool undo; /* the second call: a right password takes its attempt back */
	int retry_after;
};

static err_code pwcheck_tx(struct db *db, void *arg, struct err *e)
{
	struct pwcheck_arg *p = arg;
	int64_t now = clock_now_ms(), count, start;
	if (p->undo)
		return store_throttle_clear(db, p->account_key, e) ||
		                       store_throttle_undo(db, p->addr_key, now, LOGIN_WINDOW_MS, e)
		               ? e->code
		               : E_OK;
	p->retry_after = 0;
	if (store_throttle_hit(db, p->account_key, now, LOGIN_WINDOW_MS, &count, &start, e))
		return e->code;
	if (count > LOGIN_MAX_FAILURES_ACCOUNT)
		p->retry_after = retry_after_s(start, now);
	if (store_throttle_hit(db, p->addr_key, now, LOGIN_WINDOW_MS, &count, &start, e))
		return e->code;
	if (count > LOGIN_MAX_FAILURES_ADDRESS && retry_after_s(start, now) > p->retry_after)
		p->retry_after = retry_after_s(start, now);
	return E_OK;
}

err_code account_change_password(const struct ctx *c, const char *current, const char *new_password, struct err *e)
{
	struct app *app = c->app;
	struct arena *a = c->arena;
	const struct reqinfo *ri = &c->ri;
	const struct auth *who = c->who;
	if (password_check(who->user.email, new_password, e)) {
		e->field = "new_password";
		return e->code;
	}
	struct pwcheck_arg p = {a, throttle_key(a, "password-account", who->user.id),
	                        address_key(a, "password-address", ri), false, 0};
	if (store_tx(app->store, true, pwcheck_tx, &p, e))
		return e->code;
	if (p.retry_after)
		return throttled(e, "wrong passwords", p.retry_after);
	if (!who->user.password_hash || strlen(current) > LIMIT_PASSWORD_MAX_BYTES ||
	    !password_verify(who->user.password_hash, current, strlen(current)))
		return err_set(e, E_WRONG_PASSWORD, "current_password", NULL);
	char hash[PASSWORD_HASH_MAX];
	if (!password_hash(new_password, strlen(new_password), hash))
		return err_set(e, E_INTERNAL, NULL, NULL);
	struct setpw_arg s = {ri, who->user.id, hash, who->session.id, "user.password_changed"};
	if (store_tx(app->store, true, setpw_tx, &s, e))
		return e->code;
	p.undo = true;
	struct err ignored;
	store_tx(app->store, true, pwcheck_tx, &p, &ignored);
	return E_OK;
}

/* Creates a token of this purpose for the user and queues its own email. */
static err_code issue_link(struct app *app, struct db *db, struct arena *a, const struct user *u, token_purpose purpose,
                           struct err *e)
{
	enum mail_template t = purpose == TOKEN_RESET ? MAIL_PASSWORD_RESET : MAIL_PASSWORD_SETUP;
	return account_queue_link(app, db, a, u, purpose, t, NULL, e);
}

/* The password links: how long each lasts and the console page it opens. */
static const struct {
	int64_t ttl_ms;
	const char *page;
} password_links[TOKEN__COUNT] = {
        [TOKEN_RESET] = {RESET_TOKEN_TTL_MS, "reset-password"},
        [TOKEN_SETUP] = {SETUP_TOKEN_TTL_MS, "set-password"},
};

err_code account_queue_link(struct app *app, struct db *db, struct arena *a, const struct user *u,
                            token_purpose purpose, enum mail_template t, const char *org_name, struct err *e)
{
	if (purpose >= TOKEN__COUNT || !password_links[purpose].page)
		return err_set(e, E_INTERNAL, NULL, "no password link for tokens of purpose %d", (int)purpose);
	char token[TOKEN_LEN + 1];
	if (token_issue(db, purpose, u->id, password_links[purpose].ttl_ms, token, e))
		return e->code;
	const char *link = arena_printf(a, "%s/%s?token=%s", app->public_url, password_links[purpose].page, token);
	const char *vars[] = {"first_name", u->first_name && *u->first_name ? u->first_name : u->email,
	                      "email",      u->email,
	                      "org",        org_name ? org_name : "",
	                      "link",       link,
	                      NULL};
	return mail_enqueue(db, a, u->email, u->language, t, vars, e);
}

err_code account_queue_notice(struct app *app, struct db *db, struct arena *a, const struct user *u,
                              enum mail_template t, const char *org_name, struct err *e)
{
	const char *vars[] = {"first_name", u->first_name && *u->first_name ? u->first_name : u->email,
	                      "email",      u->email,
	                      "org",        org_name ? org_name : "",
	                      "link",       app->public_url,
	                      NULL};
	return mail_enqueue(db, a, u->email, u->language, t, vars, e);
}

err_code account_new_user(struct arena *a, const struct user_new *n, struct user *out, const char **out_key,
                          struct err *e)
{
	const char *trimmed = email_trim(a, n->email);
	if (!trimmed)
		return err_set(e, E_INVALID_EMAIL, "email", NULL);
	if (check_name(n->first_name, "first_name", e) || check_name(n->last_name, "last_name", e) ||
	    check_name(n->company, "company", e))
		return e->code;
	const char *lang = n->language && *n->language ? n->language : "en";
	if (!language_valid(lang))
		return err_set(e, E_INVALID_LANGUAGE, "language", NULL);
	char *hash = NULL;
	if (n->password) {
		if (password_check(trimmed, n->password, e))
			return e->code;
		hash = arena_alloc(a, PASSWORD_HASH_MAX);
		if (!password_hash(n->password, strlen(n->password), hash))
			return err_set(e, E_INTERNAL, NULL, NULL);
	}
	char id[ID_MAX];
	id_new("usr", id);
	int64_t now = clock_now_ms();
	*out = (struct user){.id = arena_strdup(a, id),
	                     .email = trimmed,
	                     .first_name = n->first_name ? n->first_name : "",
	                     .last_name = n->last_name ? n->last_name : "",
	                     .company = n->company ? n->company : "",
	                     .language = lang,
	                     .password_hash = hash,
	                     .state = user_state_name(USER_ACTIVE),
	                     .is_operator = false,
	                     .created_at = now,
	                     .updated_at = now};
	*out_key = email_key(a, trimmed);
	return E_OK;
}

/* A reset request answers the same, in the same time, whether or not the
 * address has an account: the request itself only counts the attempt
 * (the same writes for every address); looking the account up, making the
 * link and queueing its email run after the answer (ctx_defer). A process
 * that dies in between loses that request's email; asking again works. */
struct forgot_arg {
	const struct ctx *c;
	const char *key;
	int retry_after;
};

static err_code forgot_throttle_tx(struct db *db, void *arg, struct err *e)
{
	struct forgot_arg *f = arg;
	struct arena *a = f->c->arena;
	int64_t now = clock_now_ms(), count, start;
	f->retry_after = 0;
	if (store_throttle_hit(db, address_key(a, "forgot-address", &f->c->ri), now, LOGIN_WINDOW_MS, &count, &start,
	                       e))
		return e->code;
	if (count > FORGOT_MAX_PER_ADDRESS)
		f->retry_after = retry_after_s(start, now);
	/* Text that is no address still costs the same write, in a window of the client's. */
	const char *key =
	        f->key ? throttle_key(a, "forgot-email", f->key) : address_key(a, "forgot-invalid", &f->c->ri);
	if (store_throttle_hit(db, key, now, LOGIN_WINDOW_MS, &count, &start, e))
		return e->code;
	if (count > FORGOT_MAX_PER_EMAIL && retry_after_s(start, now) > f->retry_after)
		f->retry_after = retry_after_s(start, now);
	return E_OK;
}

/* What runs after the answer: its own arena and copies of the request's facts. */
struct forgot_job {
	struct app *app;
	struct arena *a;
	struct reqinfo ri;
	const char *key;
	struct user user;
	bool found;
};

static err_code forgot_find_tx(struct db *db, void *arg, struct err *e)
{
	struct forgot_job *j = arg;
	err_code rc = store_user_by_email(db, j->a, j->key, &j->user, e);
	j->found = rc == E_OK && user_has_state(&j->user, USER_ACTIVE);
	return rc == E_NOT_FOUND ? E_OK : rc;
}

static err_code forgot_send_tx(struct db *db, void *arg, struct err *e)
{
	struct forgot_job *j = arg;
	struct user u;
	err_code rc = store_user_by_email(db, j->a, j->key, &u, e);
	if (rc == E_NOT_FOUND || (rc == E_OK && !user_has_state(&u, USER_ACTIVE)))
		return E_OK;
	if (rc)
		return rc;
	/* A new link makes every older one useless; the row lock makes two
	 * concurrent requests take turns, so only the last link stays valid. */
	if (store_user_lock(db, u.id, e) || token_revoke_user(db, u.id, e) ||
	    issue_link(j->app, db, j->a, &u, TOKEN_RESET, e))
		return e->code;
	return audit(db, &j->ri, u.id, "auth.password_reset_requested", "user", u.id, e);
}

static void forgot_send(void *arg)
{
	struct forgot_job *j = arg;
	struct err e;
	err_clear(&e);
	/* A read first: an unknown address takes no writer's turn from the requests. */
	if (store_read(j->app->store, forgot_find_tx, j, &e) ||
	    (j->found && store_tx(j->app->store, true, forgot_send_tx, j, &e))) {
		struct logline l;
		log_begin(&l, LOG_WARN, "password_reset_failed");
		log_str(&l, "request_id", j->ri.request_id);
		log_str(&l, "error", err_message(&e));
		log_end(&l);
	}
	arena_free(j->a);
}

err_code account_forgot_password(const struct ctx *c, const char *email, struct err *e)
{
	struct arena *a = c->arena;
	const struct reqinfo *ri = &c->ri;
	struct forgot_arg f = {c, email_lookup_key(a, email), 0};
	err_code rc = store_tx(c->app->store, true, forgot_throttle_tx, &f, e);
	if (rc)
		return rc;
	if (f.retry_after)
		return throttled(e, "reset requests", f.retry_after);
	if (!f.key)
		return E_OK;
	struct arena *ja = arena_new();
	struct forgot_job *j = arena_alloc(ja, sizeof *j);
	*j = (struct forgot_job){.app = c->app,
	                         .a = ja,
	                         .ri = {.request_id = arena_strdup(ja, ri->request_id ? ri->request_id : ""),
	                                .client_addr = arena_strdup(ja, ri->client_addr ? ri->client_addr : "")},
	                         .key = arena_strdup(ja, f.key)};
	ctx_defer(c, forgot_send, j);
	return E_OK;
}

/* A password link is a reset or a set-up token; the page takes either. */
#define PASSWORD_TOKENS (TOKENSET(TOKEN_RESET) | TOKENSET(TOKEN_SETUP))

struct reset_arg {
	struct arena *a;
	const char *token;
	struct setpw_arg set;
};

static err_code reset_tx(struct db *db, void *arg, struct err *e)
{
	struct reset_arg *r = arg;
	const char *user_id = NULL;
	if (token_consume_any(db, r->a, PASSWORD_TOKENS, r->token, &user_id, NULL, e))
		return e->code;
	if (strcmp(user_id, r->set.user_id)) /* the hash is unique: only a changed row gets here */
		return err_set(e, E_INVALID_TOKEN, "token", NULL);
	return setpw_tx(db, &r->set, e);
}

/* Finds the user of an unused, unexpired token without using it up, so that a
 * password refused by the rules does not burn the link. */
err_code account_reset_password(const struct ctx *c, const char *token, const char *password, struct err *e)
{
	struct app *app = c->app;
	struct arena *a = c->arena;
	const struct reqinfo *ri = &c->ri;
	if (strlen(token) != TOKEN_LEN)
		return err_set(e, E_INVALID_TOKEN, "token", NULL);
	struct db *db = store_conn(app->store, e);
	if (!db)
		return e->code;
	const char *user_id = NULL;
	err_code rc = token_peek_any(db, a, PASSWORD_TOKENS, token, &user_id, NULL, e);
	if (rc)
		return rc;
	struct user u;
	rc = store_user_by_id(db, a, user_id, &u, e);
	if (rc)
		return rc == E_NOT_FOUND ? err_set(e, E_INVALID_TOKEN, "token", NULL) : rc;
	if (password_check(u.email, password, e))
		return e->code;
	char pwhash[PASSWORD_HASH_MAX];
	if (!password_hash(password, strlen(password), pwhash))
		return err_set(e, E_INTERNAL, NULL, NULL);
	/* The conditional UPDATE in token_consume_any decides races: of many
	 * concurrent resets with one token exactly one gets past it. */
	struct reset_arg r = {a, token, {ri, u.id, pwhash, NULL, "auth.password_reset"}};
	return store_tx(app->store, true, reset_tx, &r, e);
}

/* ---- operators ---- */

struct create_arg {
	const struct ctx *c;
	struct user *u;
	const char *key;
	bool send_setup;
};

static err_code create_tx(struct db *db, void *arg, struct err *e)
{
	struct create_arg *x = arg;
	if (store_user_insert(db, x->u, x->key, e))
		return e->code;
	if (x->send_setup && issue_link(x->c->app, db, x->c->arena, x->u, TOKEN_SETUP, e))
		return e->code;
	return audit(db, &x->c->ri, NULL, "operator.created", "user", x->u->id, e);
}

/* An operator's account, as created from a shell or at the first start. */
static struct user operator_row(const char *id, const char *email, const char *password_hash)
{
	int64_t now = clock_now_ms();
	return (struct user){.id = id,
	                     .email = email,
	                     .first_name = "",
	                     .last_name = "",
	                     .company = "",
	                     .language = "en",
	                     .password_hash = password_hash,
	                     .state = user_state_name(USER_ACTIVE),
	                     .is_operator = true,
	                     .created_at = now,
	                     .updated_at = now};
}

err_code account_create_operator(const struct ctx *c, const char *email, const char *password, struct user *out,
                                 struct err *e)
{
	struct arena *a = c->arena;
	const char *trimmed = email_trim(a, email), *key = email_key(a, email);
	if (!trimmed)
		return err_set(e, E_INVALID_EMAIL, "email", NULL);
	char hash[PASSWORD_HASH_MAX];
	if (password) {
		if (password_check(trimmed, password, e))
			return e->code;
		if (!password_hash(password, strlen(password), hash))
			return err_set(e, E_INTERNAL, NULL, NULL);
	}
	char id[ID_MAX];
	id_new("usr", id);
	*out = operator_row(arena_strdup(a, id), trimmed, password ? arena_strdup(a, hash) : NULL);
	struct create_arg x = {c, out, key, password == NULL};
	return store_tx(c->app->store, true, create_tx, &x, e);
}

/* ---- listing ---- */

struct user_page {
	struct arena *a;
	const char *after; /* the stored key of the last user handed on; NULL: from the start */
	int count;         /* on this page */
	account_user_cb cb;
	void *arg;
};

static void user_page_item(const struct user *u, const char *email_key, void *arg)
{
	struct user_page *p = arg;
	p->cb(u, p->arg);
	p->count++;
	p->after = arena_strdup(p->a, email_key);
}

static err_code user_page_tx(struct db *db, void *arg, struct err *e)
{
	struct user_page *p = arg;
	p->count = 0;
	return store_user_list(db, p->a, USERS_BY_EMAIL_KEY, p->after, LIMIT_BATCH_ROWS, user_page_item, p, e);
}

/* Pages on from the key stored for the last user, never from a key made
 * again of its address: the stored one is what the order follows. */
err_code account_list_users(const struct ctx *c, account_user_cb cb, void *arg, struct err *e)
{
	struct user_page p = {c->arena, NULL, 0, cb, arg};
	do {
		if (store_tx(c->app->store, false, user_page_tx, &p, e))
			return e->code;
	} while (p.count == LIMIT_BATCH_ROWS);
	return E_OK;
}

/* ---- disabling ---- */

struct disable_arg {
	const struct ctx *c;
	const char *key;
};

static err_code disable_tx(struct db *db, void *arg, struct err *e)
{
	struct disable_arg *d = arg;
	struct user u;
	if (store_user_by_email(db, d->c->arena, d->key, &u, e))
		return e->code;
	int64_t now = clock_now_ms();
	if (store_user_set_state(db, u.id, user_state_name(USER_DISABLED), now, e) ||
	    member_cards_refresh(db, d->c->arena, u.id, e) || store_session_delete_user(db, u.id, NULL, e) ||
	    token_revoke_user(db, u.id, e))
		return e->code;
	return audit(db, &d->c->ri, NULL, "user.disabled", "user", u.id, e);
}

err_code account_disable(const struct ctx *c, const char *email, struct err *e)
{
	const char *key = email_lookup_key(c->arena, email);
	if (!key)
		return err_set(e, E_INVALID_EMAIL, "email", NULL);
	struct disable_arg d = {c, key};
	return store_tx(c->app->store, true, disable_tx, &d, e);
}

struct bootstrap_arg {
	struct create_arg c;
	bool created;
};

static err_code bootstrap_tx(struct db *db, void *arg, struct err *e)
{
	struct bootstrap_arg *b = arg;
	bool exists;
	if (store_operator_exists(db, &exists, e))
		return e->code;
	b->created = false;
	if (exists)
		return E_OK;
	struct user existing;
	err_code rc = store_user_by_email(db, b->c.c->arena, b->c.key, &existing, e);
	if (rc == E_OK)
		return err_set(e, E_USER_EXISTS, "email", "%s already has an account that is not an operator's.",
		               existing.email);
	if (rc != E_NOT_FOUND)
		return rc;
	/* Another rosterd bootstrapping the same database at this moment: once
	 * it commits, the next attempt sees its operator. */
	if (create_tx(db, &b->c, e))
		return e->code == E_USER_EXISTS ? err_set(e, E_RETRY, NULL, NULL) : e->code;
	b->created = true;
	return E_OK;
}

err_code account_bootstrap_operator(const struct ctx *c, const char *email, char *out_password, size_t out_len,
                                    bool *out_created, struct err *e)
{
	struct arena *a = c->arena;
	const char *trimmed = email_trim(a, email), *key = email_key(a, email);
	if (!trimmed)
		return err_set(e, E_INVALID_EMAIL, "email", NULL);
	char token[TOKEN_LEN + 1];
	token_new(token);
	snprintf(out_password, out_len, "%.20s", token);
	char hash[PASSWORD_HASH_MAX];
	if (!password_hash(out_password, strlen(out_password), hash))
		return err_set(e, E_INTERNAL, NULL, NULL);
	char id[ID_MAX];
	id_new("usr", id);
	struct user u = operator_row(id, trimmed, hash);
	struct bootstrap_arg b = {{c, &u, key, false}, false};
	err_code rc = store_tx(c->app->store, true, bootstrap_tx, &b, e);
	*out_created = b.created;
	return rc;
}
