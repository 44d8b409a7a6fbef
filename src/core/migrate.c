#include "core/migrate.h"

#include "base/crypto.h"
#include "base/log.h"
#include "base/text.h"
#include "core/member_card.h"
#include "store/accounts.h"
#include "store/orgs.h"
#include "store/store.h"

#include <stdio.h>
#include <string.h>

/* Migration 005: emails are unique by their Unicode case fold (they were
 * by ASCII lower case), and search keys fold every script. Rows whose
 * text is all ASCII keep their keys; the others get them again. Two
 * accounts that only the new rule makes equal (JÖRG@ and jörg@ made
 * before) cannot both hold the new key: the one that has it keeps it, the
 * other keeps its old key (its row stays valid) but is no longer found by
 * its address, and the start log names both so that the operators can
 * merge or disable them. */

static bool has_non_ascii(const char *s)
{
	for (; s && *s; s++)
		if ((unsigned char)*s >= 0x80)
			return true;
	return false;
}

struct refold_user {
	struct user u;
	const char *key;
	struct refold_user *next;
};

struct refold_batch {
	struct arena *a;
	struct refold_user *head, **tail;
	int count;
	const char *last_id;
};

static void collect(const struct user *u, const char *key, void *arg)
{
	struct refold_batch *b = arg;
	b->count++;
	b->last_id = u->id;
	if (!has_non_ascii(u->email) && !has_non_ascii(u->first_name) && !has_non_ascii(u->last_name))
		return;
	struct refold_user *r = arena_alloc(b->a, sizeof *r);
	*r = (struct refold_user){*u, key, NULL};
	*b->tail = r;
	b->tail = &r->next;
}

static err_code refold_user(struct db *db, struct arena *a, const struct refold_user *r, struct err *e)
{
	const char *key = email_lookup_key(a, r->u.email);
	if (key && strcmp(key, r->key)) {
		struct user other;
		err_code rc = store_user_by_email(db, a, key, &other, e);
		if (rc == E_OK) {
			log_msg(LOG_WARN, "email_key_collision",
			        "accounts %s and %s have addresses equal under case folding; %s keeps its old key",
			        other.id, r->u.id, r->u.id);
		} else if (rc != E_NOT_FOUND) {
			return rc;
		} else if (store_user_set_email_key(db, r->u.id, key, e)) {
			return e->code;
		}
	}
	return store_member_refresh_keys(db, a, &r->u, e);
}

static err_code refold_keys(struct db *db, void *arg, struct err *e)
{
	(void)arg;
	char after[ID_MAX] = "";
	for (;;) {
		struct arena *a = arena_new();
		struct refold_batch b = {.a = a};
		b.tail = &b.head;
		err_code rc = store_user_list(db, a, USERS_BY_ID, after, LIMIT_BATCH_ROWS, collect, &b, e);
		for (struct refold_user *r = b.head; !rc && r; r = r->next)
			rc = refold_user(db, a, r, e);
		if (b.last_id)
			snprintf(after, sizeof after, "%s", b.last_id);
		arena_free(a);
		if (rc)
			return rc;
		if (b.count < LIMIT_BATCH_ROWS)
			break;
	}
	return store_refold_names(db, e);
}

err_code core_migrate(struct store *st, struct err *e)
{
	/* Migration 004's cards are written with the others below, once
	 * cards have versions (007). */
	static const struct store_data_step steps[] = {{5, refold_keys, NULL}};
	if (store_migrate_with(st, steps, (int)(sizeof steps / sizeof steps[0]), e))
		return e->code;
	return store_tx(st, true, member_cards_upgrade, NULL, e);
}
