/* The member as the API shows it, kept with the membership. */
#include "core/member_card.h"

#include "base/jsonw.h"
#include "core/render.h"
#include "store/orgs.h"

#include <string.h>

const char *member_card(struct arena *a, const struct member *m)
{
	struct jw w;
	jw_init(&w, a);
	jw_obj(&w);
	render_user_fields(&w, &m->user);
	jw_key(&w, "role");
	jw_str(&w, m->role);
	jw_key(&w, "source");
	jw_str(&w, m->source);
	jw_key(&w, "joined_at");
	jw_time(&w, m->created_at);
	jw_end_obj(&w);
	return jw_buf(&w);
}

struct rewrite {
	struct db *db;
	struct arena *a;
	struct err *e;
	err_code rc;
	int count;
};

static void rewrite_one(const struct member *m, void *arg)
{
	struct rewrite *r = arg;
	r->count++;
	if (r->rc == E_OK)
		r->rc = store_member_set_card(r->db, m->org_id, m->user.id, member_card(r->a, m), MEMBER_CARD_VERSION,
		                              r->e);
}

err_code member_cards_refresh(struct db *db, struct arena *a, const char *user_id, struct err *e)
{
	struct rewrite r = {db, a, e, E_OK, 0};
	if (store_member_each(db, a, user_id, rewrite_one, &r, e))
		return e->code;
	return r.rc;
}

/* A batch at a time, so that the arena stays small. */

err_code member_cards_upgrade(struct db *db, void *arg, struct err *e)
{
	(void)arg;
	for (;;) {
		struct arena *a = arena_new();
		struct rewrite r = {db, a, e, E_OK, 0};
		err_code rc =
		        store_member_stale_cards(db, a, MEMBER_CARD_VERSION, LIMIT_CARD_BATCH, rewrite_one, &r, e);
		arena_free(a);
		if (rc || r.rc)
			return rc ? rc : r.rc;
		if (r.count < LIMIT_CARD_BATCH)
			return E_OK;
	}
}

err_code member_insert(struct db *db, struct arena *a, struct member *m, struct err *e)
{
	m->card = member_card(a, m);
	m->card_version = MEMBER_CARD_VERSION;
	return store_member_insert(db, a, m, e);
}
