#include "store/members.h"

#include "base/text.h"
#include "store/query.h"
#include "store/rows.h"
#include "store/store.h"

#include <stdlib.h>
#include <string.h>

#define MEMBER_COLS "m.org_id, m.role, m.source, m.created_by, m.created_at, " USER_COLS ", m.card, m.card_version"
enum { MEMBER_NCOLS = 5 + USER_NCOLS + 2 };

/* Fills c[0..MEMBER_NCOLS) to read MEMBER_COLS into m. */
static void member_cols(struct store_col *c, struct member *m)
{
	const struct store_col head[] = {C_TEXT(&m->org_id), C_TEXT(&m->role), C_TEXT(&m->source),
	                                 C_TEXT(&m->created_by), C_I64(&m->created_at)};
	memcpy(c, head, sizeof head);
	struct store_col *tail = store_user_cols(c + STORE_LEN(head), &m->user, false);
	tail[0] = (struct store_col)C_TEXT(&m->card);
	tail[1] = (struct store_col)C_INT(&m->card_version);
}

struct keys {
	const char *email, *first, *last, *full;
};

static void member_keys(struct arena *a, const struct user *u, struct keys *k)
{
	k->email = text_fold(a, u->email);
	k->first = text_fold(a, u->first_name ? u->first_name : "");
	k->last = text_fold(a, u->last_name ? u->last_name : "");
	k->full = arena_printf(a, "%s %s", k->first, k->last);
}

static const char SQL_TERM_INSERT[] =
        "INSERT INTO member_terms (org_id, term, user_id, prev_term, role, card)"
        " SELECT $1, $2, $3, $4, role, card FROM memberships WHERE org_id = $1 AND user_id = $3";

static int term_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The search terms of one membership: the email, the last name, "first
 * last", each distinct and not blank, with the member's term just before
 * it (so that a search can tell a member's first match from the row), and
 * the membership's role and card, so that a search reads nothing else. */
static err_code insert_terms(struct db *db, const char *org_id, const char *user_id, const struct keys *k,
                             struct err *e)
{
	const char *terms[3];
	int n = 0;
	const char *all[] = {k->email, k->last, k->full};
	for (int i = 0; i < 3; i++)
		if (*all[i] && strspn(all[i], " ") != strlen(all[i]))
			terms[n++] = all[i];
	qsort(terms, (size_t)n, sizeof terms[0], term_cmp);
	const char *prev = "";
	for (int i = 0; i < n; i++) {
		if (i > 0 && !strcmp(terms[i], terms[i - 1]))
			continue;
		if (store_q_exec(db, SQL_TERM_INSERT,
		                 PARAMS(P_TEXT(org_id), P_TEXT(terms[i]), P_TEXT(user_id), P_TEXT(prev)), E_INTERNAL,
		                 e))
			return e->code;
		prev = terms[i];
	}
	return E_OK;
}

static const char SQL_TERMS_DELETE[] = "DELETE FROM member_terms WHERE org_id = $1 AND user_id = $2";

static err_code delete_terms(struct db *db, const char *org_id, const char *user_id, struct err *e)
{
	return store_q_exec(db, SQL_TERMS_DELETE, PARAMS(P_TEXT(org_id), P_TEXT(user_id)), E_INTERNAL, e);
}

static const char SQL_MEMBER_INSERT[] =
        "INSERT INTO memberships (org_id, user_id, role, source, created_by, created_at, email_key, first_key,"
        " last_key, full_key, card, card_version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)";

/* A membership without its card would break every list it appears in. */
static err_code check_card(const char *card, struct err *e)
{
	if (!card || *card != '{')
		return err_set(e, E_INTERNAL, NULL, "A membership needs its card.");
	return E_OK;
}

err_code store_member_insert(struct db *db, struct arena *a, const struct member *m, struct err *e)
{
	if (check_card(m->card, e))
		return e->code;
	struct keys k;
	member_keys(a, &m->user, &k);
	if (store_q_exec(db, SQL_MEMBER_INSERT,
	                 PARAMS(P_TEXT(m->org_id), P_TEXT(m->user.id), P_TEXT(m->role), P_TEXT(m->source),
	                        P_TEXT(m->created_by), P_I64(m->created_at), P_TEXT(k.email), P_TEXT(k.first),
	                        P_TEXT(k.last), P_TEXT(k.full), P_TEXT(m->card), P_I64(m->card_version)),
	                 E_CONFLICT, e))
		return e->code;
	return insert_terms(db, m->org_id, m->user.id, &k, e);
}

static const char SQL_MEMBER_GET[] = "SELECT " MEMBER_COLS " FROM memberships m JOIN users u ON u.id = m.user_id"
                                     " WHERE m.org_id = $1 AND m.user_id = $2";

err_code store_member_get(struct db *db, struct arena *a, const char *org_id, const char *user_id, struct member *out,
                          struct err *e)
{
	struct store_col cols[MEMBER_NCOLS];
	member_cols(cols, out);
	return store_q_one(db, a, SQL_MEMBER_GET, PARAMS(P_TEXT(org_id), P_TEXT(user_id)), cols, MEMBER_NCOLS,
	                   E_NOT_FOUND, e);
}

static const char SQL_MEMBER_ROLE[] = "SELECT role FROM memberships WHERE org_id = $1 AND user_id = $2";

err_code store_member_role(struct db *db, struct arena *a, const char *org_id, const char *user_id,
                           const char **out_role, struct err *e)
{
	return store_q_one(db, a, SQL_MEMBER_ROLE, PARAMS(P_TEXT(org_id), P_TEXT(user_id)), COLS(C_TEXT(out_role)),
	                   E_NOT_FOUND, e);
}

static const char SQL_TERMS_COPY[] = "UPDATE member_terms SET role = $3, card = $4 WHERE org_id = $1 AND user_id = $2";

static const char SQL_MEMBER_SET_ROLE[] =
        "UPDATE memberships SET role = $3, card = $4, card_version = $5 WHERE org_id = $1 AND user_id = $2";

err_code store_member_set_role(struct db *db, const char *org_id, const char *user_id, const char *role,
                               const char *card, int card_version, struct err *e)
{
	if (check_card(card, e))
		return e->code;
	if (store_q_exec_one(db, SQL_MEMBER_SET_ROLE,
	                     PARAMS(P_TEXT(org_id), P_TEXT(user_id), P_TEXT(role), P_TEXT(card), P_I64(card_version)),
	                     E_INVALID, e))
		return e->code;
	/* the search terms carry the role and the card too */
	return store_q_exec(db, SQL_TERMS_COPY, PARAMS(P_TEXT(org_id), P_TEXT(user_id), P_TEXT(role), P_TEXT(card)),
	                    E_INTERNAL, e);
}

static const char SQL_TERMS_CARD[] = "UPDATE member_terms SET card = $3 WHERE org_id = $1 AND user_id = $2";
static const char SQL_MEMBER_SET_CARD[] =
        "UPDATE memberships SET card = $3, card_version = $4 WHERE org_id = $1 AND user_id = $2";

err_code store_member_set_card(struct db *db, const char *org_id, const char *user_id, const char *card,
                               int card_version, struct err *e)
{
	if (check_card(card, e))
		return e->code;
	if (store_q_exec_one(db, SQL_MEMBER_SET_CARD,
	                     PARAMS(P_TEXT(org_id), P_TEXT(user_id), P_TEXT(card), P_I64(card_version)), E_INTERNAL, e))
		return e->code;
	return store_q_exec(db, SQL_TERMS_CARD, PARAMS(P_TEXT(org_id), P_TEXT(user_id), P_TEXT(card)), E_INTERNAL, e);
}

static const char SQL_MEMBER_OF_USER[] =
        "SELECT " MEMBER_COLS " FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.user_id = $1";
static const char SQL_MEMBER_STALE[] = "SELECT " MEMBER_COLS " FROM memberships m JOIN users u ON u.id = m.user_id"
                                       " WHERE m.card_version < $1 ORDER BY m.org_id, m.user_id LIMIT $2";

/* Rows collected in order, for a callback that may write to the rows being read. */
struct member_node {
	struct member m;
	struct member_node *next;
};
struct member_collect {
	struct arena *a;
	struct member m;
	struct member_node *list, **tail;
};

static void member_collect(void *arg)
{
	struct member_collect *x = arg;
	struct member_node *n = arena_alloc(x->a, sizeof *n);
	*n = (struct member_node){x->m, NULL};
	*x->tail = n;
	x->tail = &n->next;
}

static err_code members_collected(struct db *db, struct arena *a, const char *sql, const struct store_param *p, int np,
                                  store_membership_cb cb, void *arg, struct err *e)
{
	struct member_collect x = {.a = a};
	x.tail = &x.list;
	struct store_col cols[MEMBER_NCOLS];
	member_cols(cols, &x.m);
	if (store_q_each(db, a, sql, p, np, cols, MEMBER_NCOLS, member_collect, &x, e))
		return e->code;
	for (struct member_node *n = x.list; n; n = n->next)
		cb(&n->m, arg);
	return E_OK;
}

err_code store_member_each(struct db *db, struct arena *a, const char *user_id, store_membership_cb cb, void *arg,
                           struct err *e)
{
	return members_collected(db, a, SQL_MEMBER_OF_USER, PARAMS(P_TEXT(user_id)), cb, arg, e);
}

err_code store_member_stale_cards(struct db *db, struct arena *a, int version, int limit, store_membership_cb cb,
                                  void *arg, struct err *e)
{
	return members_collected(db, a, SQL_MEMBER_STALE, PARAMS(P_I64(version), P_I64(limit)), cb, arg, e);
}

static const char SQL_MEMBER_DELETE[] = "DELETE FROM memberships WHERE org_id = $1 AND user_id = $2";

static const char SQL_MEMBER_LEAVE_TEAMS[] = "DELETE FROM team_members WHERE org_id = $1 AND user_id = $2";

err_code store_member_delete(struct db *db, const char *org_id, const char *user_id, struct err *e)
{
	if (store_q_exec_one(db, SQL_MEMBER_DELETE, PARAMS(P_TEXT(org_id), P_TEXT(user_id)), E_CONFLICT, e) ||
	    delete_terms(db, org_id, user_id, e))
		return e->code;
	/* Out of the organization, out of its teams. */
	return store_q_exec(db, SQL_MEMBER_LEAVE_TEAMS, PARAMS(P_TEXT(org_id), P_TEXT(user_id)), E_INTERNAL, e);
}

static const char SQL_MEMBER_COUNT_ROLE[] = "SELECT COUNT(*) FROM memberships WHERE org_id = $1 AND role = $2";

err_code store_member_count_role(struct db *db, const char *org_id, const char *role, int64_t *out, struct err *e)
{
	return store_q_count(db, SQL_MEMBER_COUNT_ROLE, PARAMS(P_TEXT(org_id), P_TEXT(role)), out, e);
}

static const char SQL_MEMBER_ORGS_OF[] = "SELECT org_id FROM memberships WHERE user_id = $1";
static const char SQL_MEMBER_REFRESH[] =
        "UPDATE memberships SET email_key = $2, first_key = $3, last_key = $4, full_key = $5 WHERE user_id = $1";

struct org_id_list {
	const char *id;
	struct org_id_list *next;
};
struct org_id_collect {
	struct arena *a;
	const char *id;
	struct org_id_list *list;
};

static void org_id_collect(void *arg)
{
	struct org_id_collect *x = arg;
	struct org_id_list *n = arena_alloc(x->a, sizeof *n);
	*n = (struct org_id_list){x->id, x->list};
	x->list = n;
}

err_code store_member_refresh_keys(struct db *db, struct arena *a, const struct user *u, struct err *e)
{
	struct keys k;
	member_keys(a, u, &k);
	if (store_q_exec(db, SQL_MEMBER_REFRESH,
	                 PARAMS(P_TEXT(u->id), P_TEXT(k.email), P_TEXT(k.first), P_TEXT(k.last), P_TEXT(k.full)),
	                 E_INTERNAL, e))
		return e->code;
	/* The terms of every organization the user belongs to. */
	struct org_id_collect x = {.a = a};
	if (store_q_each(db, a, SQL_MEMBER_ORGS_OF, PARAMS(P_TEXT(u->id)), COLS(C_TEXT(&x.id)), org_id_collect, &x, e))
		return e->code;
	for (struct org_id_list *n = x.list; n; n = n->next)
		if (delete_terms(db, n->id, u->id, e) || insert_terms(db, n->id, u->id, &k, e))
			return e->code;
	return E_OK;
}
