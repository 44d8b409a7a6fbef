#ifndef ROSTER_STORE_TEAMS_H
#define ROSTER_STORE_TEAMS_H

#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "core/model.h"
#include "store/db.h"

/* Queries on teams, their members and their accounts (a partner's customer
 * organizations). Like every store file: on a connection inside a
 * transaction, results copied into the arena.
 *
 * The rows that hang off a team take the team's organization from the team
 * itself, and take only what belongs to it: a member of that organization,
 * a customer whose provider it is. A call naming anything else changes
 * nothing and answers E_NOT_FOUND. */

/* E_INVALID when the organization or the lead does not exist. */
err_code store_team_insert(struct db *db, const struct team *t, struct err *e);

/* E_NOT_FOUND when the team does not exist or the user is no member of its
 * organization; E_CONFLICT when the user is in the team already. */
err_code store_team_member_add(struct db *db, const char *team_id, const char *user_id, int64_t now, struct err *e);
/* E_NOT_FOUND when the user is not in the team. */
err_code store_team_member_remove(struct db *db, const char *team_id, const char *user_id, struct err *e);

/* Gives the account to the team, taking it from the team that had it: one
 * statement, so that the account is in exactly one team whatever runs at
 * the same time. E_NOT_FOUND when the team does not exist or the account
 * is no customer of the team's organization. */
err_code store_team_account_set(struct db *db, const char *team_id, const char *customer_org_id, int64_t now,
                                struct err *e);
/* Takes the account from its team; team_id, when not NULL, must be that
 * team. E_NOT_FOUND when there was nothing to take. */
err_code store_team_account_clear(struct db *db, const char *customer_org_id, const char *team_id, struct err *e);
/* The team that has the account, or E_NOT_FOUND. */
err_code store_team_account_get(struct db *db, struct arena *a, const char *customer_org_id, const char **out_team_id,
                                struct err *e);

#endif
