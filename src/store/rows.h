#ifndef ROSTER_STORE_ROWS_H
#define ROSTER_STORE_ROWS_H

#include <stdbool.h>

#include "core/model.h"
#include "store/query.h"

/* The columns of a row that several query files read, listed once. */

/* A user, as table alias u. */
#define USER_COLS                                                                                                      \
	"u.id, u.email, u.first_name, u.last_name, u.company, u.language, u.password_hash, u.state, "                  \
	"u.is_operator, u.created_at, u.updated_at"
enum { USER_NCOLS = 11 };
/* Fills c[0..USER_NCOLS) to read USER_COLS into u and returns c + USER_NCOLS.
 * Without with_hash the password hash is left NULL: it never leaves the
 * accounts queries. */
struct store_col *store_user_cols(struct store_col *c, struct user *u, bool with_hash);

#endif
