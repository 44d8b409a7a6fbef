/* The PostgreSQL driver over libpq. Statements are prepared once per
 * connection under a generated name; parameters travel as text and the
 * server infers their types from the SQL. Integers come back as text and
 * are parsed here, so callers see the same values as with SQLite. */
#include "store/db.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PARAMS 32

struct pg_stmt {
	struct db_stmt base;
	char name[16];
	int nparams;
	char *values[MAX_PARAMS];
	PGresult *res;
	int row, nrows;
	int64_t changes;
	bool executed;
};

struct pg_db {
	struct db base;
	PGconn *conn;
	struct pg_stmt cache[DB_STMT_CACHE];
	char err[512];
};

static void clear_values(struct pg_stmt *s)
{
	for (int i = 0; i < MAX_PARAMS; i++) {
		free(s->values[i]);
		s->values[i] = NULL;
	}
}

static void stmt_reset(struct pg_stmt *s)
{
	if (s->res)
		PQclear(s->res);
	s->res = NULL;
	s->row = -1;
	s->nrows = 0;
	s->executed = false;
}

static db_rc classify(struct pg_db *d, PGresult *res)
{
	if (PQstatus(d->conn) != CONNECTION_OK)
		return DB_LOST;
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	snprintf(d->err, sizeof d->err, "%s", res ? PQresultErrorMessage(res) : PQerrorMessage(d->conn));
	if (!state)
		return DB_ERROR;
	if (!strncmp(state, "23", 2))
		return DB_CONSTRAINT;
	if (!strcmp(state, "40001") || !strcmp(state, "40P01") || !strcmp(state, "55P03"))
		return DB_RETRY;
	if (!strncmp(state, "08", 2) || !strncmp(state, "57P", 3))
		return DB_LOST;
	return DB_ERROR;
}

static void notice_quiet(void *arg, const char *msg)
{
	(void)arg;
	(void)msg;
}

static struct db *pg_open(const char *target, bool sync_full, char *errbuf, size_t errlen)
{
	(void)sync_full;
	struct pg_db *d = calloc(1, sizeof *d);
	if (!d)
		return NULL;
	d->base.drv = &db_pg_driver;
	d->conn = PQconnectdb(target);
	if (PQstatus(d->conn) != CONNECTION_OK) {
		snprintf(errbuf, errlen, "cannot connect to PostgreSQL: %s", PQerrorMessage(d->conn));
		PQfinish(d->conn);
		free(d);
		return NULL;
	}
	PQsetNoticeProcessor(d->conn, notice_quiet, NULL);
	PGresult *r = PQexec(d->conn, "SET client_min_messages = warning; SET TIME ZONE 'UTC'");
	PQclear(r);
	return &d->base;
}

static void pg_close(struct db *db)
{
	struct pg_db *d = (struct pg_db *)db;
	if (!d)
		return;
	for (int i = 0; i < d->base.nstmts; i++) {
		stmt_reset(&d->cache[i]);
		clear_values(&d->cache[i]);
	}
	PQfinish(d->conn);
	free(d);
}

static db_rc pg_exec(struct db *db, const char *script)
{
	struct pg_db *d = (struct pg_db *)db;
	PGresult *r = PQexec(d->conn, script);
	ExecStatusType st = PQresultStatus(r);
	/* A script of comments only (a migration with nothing but a C step) is empty, not wrong. */
	db_rc rc =
	        (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK || st == PGRES_EMPTY_QUERY) ? DB_OK : classify(d, r);
	PQclear(r);
	return db->last_rc = rc;
}

static db_rc pg_begin(struct db *db, bool write)
{
	(void)write;
	return pg_exec(db, "BEGIN");
}

static void reset_all(struct pg_db *d)
{
	for (int i = 0; i < d->base.nstmts; i++)
		stmt_reset(&d->cache[i]);
}

static db_rc pg_commit(struct db *db)
{
	reset_all((struct pg_db *)db);
	db_rc rc = pg_exec(db, "COMMIT");
	return rc;
}

static void pg_rollback(struct db *db)
{
	struct pg_db *d = (struct pg_db *)db;
	reset_all(d);
	if (PQtransactionStatus(d->conn) != PQTRANS_IDLE) {
		PGresult *r = PQexec(d->conn, "ROLLBACK");
		PQclear(r);
	}
}

static void pg_reuse(struct db_stmt *st)
{
	stmt_reset((struct pg_stmt *)st);
	clear_values((struct pg_stmt *)st);
}

static struct db_stmt *pg_prepare(struct db *db, const char *sql)
{
	struct pg_db *d = (struct pg_db *)db;
	struct pg_stmt *s = &d->cache[d->base.nstmts];
	memset(s, 0, sizeof *s);
	snprintf(s->name, sizeof s->name, "r%d", d->base.nstmts);
	PGresult *r = PQprepare(d->conn, s->name, sql, 0, NULL);
	if (PQresultStatus(r) != PGRES_COMMAND_OK) {
		db->last_rc = classify(d, r);
		PQclear(r);
		return NULL;
	}
	PQclear(r);
	r = PQdescribePrepared(d->conn, s->name);
	if (PQresultStatus(r) != PGRES_COMMAND_OK) {
		db->last_rc = classify(d, r);
		PQclear(r);
		return NULL;
	}
	s->nparams = PQnparams(r);
	PQclear(r);
	if (s->nparams > MAX_PARAMS) {
		db->last_rc = DB_ERROR;
		return NULL;
	}
	s->row = -1;
	s->base.drv = &db_pg_driver;
	s->base.db = db;
	return &s->base;
}

static void set_value(struct db_stmt *st, int idx, char *v)
{
	struct pg_stmt *s = (struct pg_stmt *)st;
	if (idx < 1 || idx > MAX_PARAMS) {
		free(v);
		return;
	}
	free(s->values[idx - 1]);
	s->values[idx - 1] = v;
}

static void pg_bind_text(struct db_stmt *st, int idx, const char *v)
{
	set_value(st, idx, v ? strdup(v) : NULL);
}

static void pg_bind_int(struct db_stmt *st, int idx, int64_t v)
{
	char buf[24];
	snprintf(buf, sizeof buf, "%lld", (long long)v);
	set_value(st, idx, strdup(buf));
}

static void pg_bind_null(struct db_stmt *st, int idx)
{
	set_value(st, idx, NULL);
}

static db_rc pg_step(struct db_stmt *st)
{
	struct pg_stmt *s = (struct pg_stmt *)st;
	struct pg_db *d = (struct pg_db *)st->db;
	if (!s->executed) {
		s->executed = true;
		s->res = PQexecPrepared(d->conn, s->name, s->nparams, (const char *const *)s->values, NULL, NULL, 0);
		ExecStatusType status = PQresultStatus(s->res);
		if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
			db_rc rc = classify(d, s->res);
			stmt_reset(s);
			s->executed = true;
			return st->db->last_rc = rc;
		}
		s->nrows = PQntuples(s->res);
		const char *ct = PQcmdTuples(s->res);
		s->changes = ct && *ct ? strtoll(ct, NULL, 10) : 0;
	}
	if (s->res && s->row + 1 < s->nrows) {
		s->row++;
		return st->db->last_rc = DB_ROW;
	}
	return st->db->last_rc = DB_DONE;
}

static const char *pg_col_text(struct db_stmt *st, int col)
{
	struct pg_stmt *s = (struct pg_stmt *)st;
	if (!s->res || s->row < 0 || PQgetisnull(s->res, s->row, col))
		return NULL;
	return PQgetvalue(s->res, s->row, col);
}

static int64_t pg_col_int(struct db_stmt *st, int col)
{
	const char *v = pg_col_text(st, col);
	if (!v)
		return 0;
	if (v[0] == 't' && !v[1]) /* booleans from expressions such as EXISTS */
		return 1;
	return strtoll(v, NULL, 10);
}

static bool pg_col_is_null(struct db_stmt *st, int col)
{
	struct pg_stmt *s = (struct pg_stmt *)st;
	return !s->res || s->row < 0 || PQgetisnull(s->res, s->row, col);
}

static int64_t pg_changes(struct db_stmt *st)
{
	return ((struct pg_stmt *)st)->changes;
}

static const char *pg_errmsg(struct db *db)
{
	struct pg_db *d = (struct pg_db *)db;
	return d->err[0] ? d->err : PQerrorMessage(d->conn);
}

static bool pg_healthy(struct db *db)
{
	struct pg_db *d = (struct pg_db *)db;
	if (PQstatus(d->conn) != CONNECTION_OK)
		return false;
	PGresult *r = PQexec(d->conn, "SELECT 1");
	bool ok = PQresultStatus(r) == PGRES_TUPLES_OK;
	PQclear(r);
	return ok;
}

static db_rc pg_lock_schema(struct db *db)
{
	/* An arbitrary constant that names "roster's schema" among advisory locks. */
	return pg_exec(db, "SELECT pg_advisory_xact_lock(7415553740)");
}

const struct db_driver db_pg_driver = {
        .name = "postgres",
        .key_text_type = "TEXT COLLATE \"C\"",
        .open = pg_open,
        .close = pg_close,
        .exec = pg_exec,
        .begin = pg_begin,
        .commit = pg_commit,
        .rollback = pg_rollback,
        .prepare = pg_prepare,
        .reuse = pg_reuse,
        .bind_text = pg_bind_text,
        .bind_int = pg_bind_int,
        .bind_null = pg_bind_null,
        .step = pg_step,
        .col_text = pg_col_text,
        .col_int = pg_col_int,
        .col_is_null = pg_col_is_null,
        .changes = pg_changes,
        .errmsg = pg_errmsg,
        .healthy = pg_healthy,
        .lock_schema = pg_lock_schema,
        .backup = NULL,
};
