#ifndef ROSTER_STORE_MEMBERS_H
#define ROSTER_STORE_MEMBERS_H

#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "core/model.h"
#include "store/db.h"

/* Memberships, with the search keys and terms copied from the user. */

/* E_CONFLICT when the user is a member already. */
err_code store_member_insert(struct db *db, struct arena *a, const struct member *m, struct err *e);
err_code store_member_get(struct db *db, struct arena *a, const char *org_id, const char *user_id, struct member *out,
                          struct err *e);
/* The caller's role in the org, or E_NOT_FOUND. */
err_code store_member_role(struct db *db, struct arena *a, const char *org_id, const char *user_id,
                           const char **out_role, struct err *e);
err_code store_member_set_role(struct db *db, const char *org_id, const char *user_id, const char *role,
                               const char *card, int card_version, struct err *e);
err_code store_member_set_card(struct db *db, const char *org_id, const char *user_id, const char *card,
                               int card_version, struct err *e);
/* Every membership of one user. */
typedef void (*store_membership_cb)(const struct member *m, void *arg);
err_code store_member_each(struct db *db, struct arena *a, const char *user_id, store_membership_cb cb, void *arg,
                           struct err *e);
/* Up to limit memberships whose card is older than version. */
err_code store_member_stale_cards(struct db *db, struct arena *a, int version, int limit, store_membership_cb cb,
                                  void *arg, struct err *e);
err_code store_member_delete(struct db *db, const char *org_id, const char *user_id, struct err *e);
err_code store_member_count_role(struct db *db, const char *org_id, const char *role, int64_t *out, struct err *e);
/* Rewrites the copied search keys after the user's names changed. */
err_code store_member_refresh_keys(struct db *db, struct arena *a, const struct user *u, struct err *e);

#endif
