#ifndef ROSTER_CORE_MEMBER_CARD_H
#define ROSTER_CORE_MEMBER_CARD_H

#include "base/arena.h"
#include "base/err.h"
#include "base/jsonw.h"
#include "core/model.h"

struct db;

/* A member's card: the member as the API shows it (the user's public
 * fields, the role, how and when they joined), rendered once and kept with
 * the membership, so that lists and reads copy it instead of assembling
 * it. The user's part is render_user_fields(), as everywhere else. Whatever changes a field on the card writes the card
 * again, in the same transaction:
 *   - a new membership, a role change: the membership's own card;
 *   - a change to the user (profile, state, password, so updated_at):
 *     member_cards_refresh() for every membership of that user. */
const char *member_card(struct arena *a, const struct member *m);
/* The version of member_card(): raise it whenever what it writes changes.
 * At every start, core_migrate() writes again the cards of older versions. */
#define MEMBER_CARD_VERSION 1

/* Adds the membership m describes (its user as stored), with its card.
 * E_CONFLICT when the user is a member already. */
err_code member_insert(struct db *db, struct arena *a, struct member *m, struct err *e);

/* Rewrites the cards of every membership of user_id from the database. */
err_code member_cards_refresh(struct db *db, struct arena *a, const char *user_id, struct err *e);

/* The cards older than MEMBER_CARD_VERSION written again (the cards of
 * memberships made before cards existed included), in batches. */
err_code member_cards_upgrade(struct db *db, void *arg, struct err *e);

#endif
