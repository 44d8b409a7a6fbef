#include "store/orgs.h"

#include "store/query.h"
#include "store/store.h"

#define ROLE_COLS "name, description, permissions, created_at, updated_at"
#define ROLE_SPEC(r)                                                                                                   \
	C_TEXT(&(r)->name), C_TEXT(&(r)->description), C_TEXT(&(r)->permissions), C_I64(&(r)->created_at),             \
	        C_I64(&(r)->updated_at)

static const char SQL_ROLE_INSERT[] =
        "INSERT INTO roles (org_id, name, description, permissions, created_at, updated_at)"
        " VALUES ($1, $2, $3, $4, $5, $5)";

err_code store_role_insert(struct db *db, const char *org_id, const struct role_row *r, struct err *e)
{
	return store_q_exec(db, SQL_ROLE_INSERT,
	                    PARAMS(P_TEXT(org_id), P_TEXT(r->name), P_TEXT(r->description ? r->description : ""),
	                           P_TEXT(r->permissions), P_I64(r->created_at)),
	                    E_CONFLICT, e);
}

static const char SQL_ROLE_GET[] = "SELECT " ROLE_COLS " FROM roles WHERE org_id = $1 AND name = $2";

err_code store_role_get(struct db *db, struct arena *a, const char *org_id, const char *name, struct role_row *out,
                        struct err *e)
{
	return store_q_one(db, a, SQL_ROLE_GET, PARAMS(P_TEXT(org_id), P_TEXT(name)), COLS(ROLE_SPEC(out)), E_NOT_FOUND,
	                   e);
}

static const char SQL_ROLE_UPDATE[] =
        "UPDATE roles SET description = COALESCE($3, description), permissions = COALESCE($4, permissions),"
        " updated_at = $5 WHERE org_id = $1 AND name = $2";

err_code store_role_update(struct db *db, const char *org_id, const char *name, const char *description,
                           const char *permissions, int64_t now, struct err *e)
{
	return store_q_exec_one(
	        db, SQL_ROLE_UPDATE,
	        PARAMS(P_TEXT(org_id), P_TEXT(name), P_TEXT(description), P_TEXT(permissions), P_I64(now)), E_INVALID,
	        e);
}

static const char SQL_ROLE_DELETE[] = "DELETE FROM roles WHERE org_id = $1 AND name = $2";

err_code store_role_delete(struct db *db, const char *org_id, const char *name, struct err *e)
{
	return store_q_exec_one(db, SQL_ROLE_DELETE, PARAMS(P_TEXT(org_id), P_TEXT(name)), E_CONFLICT, e);
}

static const char SQL_ROLE_LIST[] = "SELECT " ROLE_COLS " FROM roles WHERE org_id = $1 ORDER BY name";

STORE_EACH(role, struct role_row, store_role_cb)

err_code store_role_list(struct db *db, struct arena *a, const char *org_id, store_role_cb cb, void *arg, struct err *e)
{
	struct role_each x = {.cb = cb, .arg = arg};
	return store_q_each(db, a, SQL_ROLE_LIST, PARAMS(P_TEXT(org_id)), COLS(ROLE_SPEC(&x.row)), role_each_row, &x,
	                    e);
}
