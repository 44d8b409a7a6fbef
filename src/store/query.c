#include "store/query.h"

#include "base/text.h"

#include <stdlib.h>
#include <string.h>

/* The driver copies what it binds, so the fold lives on the stack (or, for
 * a long text, on the heap) only until then. */
static void bind_fold(struct db_stmt *s, int idx, const char *text)
{
	char buf[1024];
	size_t n = strlen(text), need = TEXT_FOLD_SIZE(n);
	char *out = need <= sizeof buf ? buf : malloc(need);
	if (!out)
		abort(); /* as the arena does when memory runs out */
	text_fold_into(text, n, out);
	db_bind_text(s, idx, out);
	if (out != buf)
		free(out);
}

static struct db_stmt *prepare_bound(struct db *db, const char *sql, const struct store_param *p, int np, struct err *e)
{
	struct db_stmt *s = store_prepare(db, sql, e);
	if (!s)
		return NULL;
	for (int i = 0; i < np; i++) {
		if (p[i].kind == SP_I64)
			db_bind_int(s, i + 1, p[i].i64);
		else if (!p[i].text)
			db_bind_null(s, i + 1);
		else if (p[i].kind == SP_FOLD)
			bind_fold(s, i + 1, p[i].text);
		else
			db_bind_text(s, i + 1, p[i].text);
	}
	return s;
}

static void read_cols(struct db_stmt *s, struct arena *a, const struct store_col *c, int nc)
{
	for (int i = 0; i < nc; i++) {
		switch (c[i].kind) {
		case SC_TEXT:
			*(const char **)c[i].out = store_col_dup(s, i, a);
			break;
		case SC_TEXT_REF:
			*(const char **)c[i].out = db_col_text(s, i);
			break;
		case SC_I64:
			*(int64_t *)c[i].out = db_col_int(s, i);
			break;
		case SC_INT:
			*(int *)c[i].out = (int)db_col_int(s, i);
			break;
		case SC_BOOL:
			*(bool *)c[i].out = db_col_int(s, i) != 0;
			break;
		case SC_SKIP:
			break;
		}
	}
}

err_code store_q_one(struct db *db, struct arena *a, const char *sql, const struct store_param *p, int np,
                     const struct store_col *c, int nc, err_code on_missing, struct err *e)
{
	struct db_stmt *s = prepare_bound(db, sql, p, np, e);
	if (!s)
		return e->code;
	db_rc rc = db_step(s);
	if (rc == DB_DONE)
		return on_missing == E_OK ? E_OK : err_set(e, on_missing, NULL, NULL);
	if (rc != DB_ROW)
		return store_fail(db, rc, E_INTERNAL, e);
	read_cols(s, a, c, nc);
	while ((rc = db_step(s)) == DB_ROW)
		;
	return rc == DB_DONE ? E_OK : store_fail(db, rc, E_INTERNAL, e);
}

err_code store_q_each(struct db *db, struct arena *a, const char *sql, const struct store_param *p, int np,
                      const struct store_col *c, int nc, store_row_fn fn, void *arg, struct err *e)
{
	struct db_stmt *s = prepare_bound(db, sql, p, np, e);
	if (!s)
		return e->code;
	db_rc rc;
	while ((rc = db_step(s)) == DB_ROW) {
		read_cols(s, a, c, nc);
		fn(arg);
	}
	return rc == DB_DONE ? E_OK : store_fail(db, rc, E_INTERNAL, e);
}

err_code store_q_count(struct db *db, const char *sql, const struct store_param *p, int np, int64_t *out, struct err *e)
{
	return store_q_one(db, NULL, sql, p, np, COLS(C_I64(out)), E_INTERNAL, e);
}

static err_code exec(struct db *db, const char *sql, const struct store_param *p, int np, bool must_change,
                     err_code on_constraint, struct err *e)
{
	struct db_stmt *s = prepare_bound(db, sql, p, np, e);
	if (!s)
		return e->code;
	return must_change ? store_exec_one(s, on_constraint, e) : store_exec(s, on_constraint, e);
}

err_code store_q_exec(struct db *db, const char *sql, const struct store_param *p, int np, err_code on_constraint,
                      struct err *e)
{
	return exec(db, sql, p, np, false, on_constraint, e);
}

err_code store_q_exec_one(struct db *db, const char *sql, const struct store_param *p, int np, err_code on_constraint,
                          struct err *e)
{
	return exec(db, sql, p, np, true, on_constraint, e);
}
