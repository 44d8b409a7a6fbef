#include "store/store.h"

#include "base/limits.h"
#include "base/log.h"
#include "store/query.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct store {
	char *url;
	bool sync_full;
	const struct db_driver *drv;
	pthread_key_t key; /* each thread's connection */
	/* With drv->one_writer, the connection of every write transaction,
	 * used under writer_lock: a connection drops its page cache after any
	 * other connection's write, so the writer's stays warm only if every
	 * write is its own. NULL until the first. */
	struct db *writer;
	pthread_mutex_t writer_lock;
};

static void conn_close(void *p)
{
	struct db *db = p;
	if (db)
		db->drv->close(db);
}

static const struct db_driver *driver_for(const char *url)
{
	if (!strncmp(url, "postgres://", 11) || !strncmp(url, "postgresql://", 13))
		return &db_pg_driver;
	return &db_sqlite_driver;
}

err_code store_open(const char *url, bool sync_full, struct store **out, struct err *e)
{
	if (!url || !*url || !strcmp(url, "sqlite:"))
		return err_set(e, E_INVALID, "db", "The database URL is empty.");
	struct store *st = calloc(1, sizeof *st);
	st->url = strdup(url);
	st->sync_full = sync_full;
	st->drv = driver_for(url);
	pthread_key_create(&st->key, conn_close);
	pthread_mutex_init(&st->writer_lock, NULL);
	if (!store_conn(st, e)) {
		store_free(st);
		return e->code;
	}
	*out = st;
	return E_OK;
}

void store_free(struct store *st)
{
	if (!st)
		return;
	conn_close(pthread_getspecific(st->key));
	pthread_setspecific(st->key, NULL);
	pthread_key_delete(st->key);
	conn_close(st->writer);
	pthread_mutex_destroy(&st->writer_lock);
	free(st->url);
	free(st);
}

const char *store_engine(const struct store *st)
{
	return st->drv->name;
}

static struct db *conn_open(struct store *st, struct err *e)
{
	char msg[512];
	struct db *db = st->drv->open(st->url, st->sync_full, msg, sizeof msg);
	if (!db) {
		log_msg(LOG_ERROR, "db_connect_failed", "%s", msg);
		err_set(e, E_UNAVAILABLE, NULL, "The database cannot be reached.");
	}
	return db;
}

struct db *store_conn(struct store *st, struct err *e)
{
	struct db *db = pthread_getspecific(st->key);
	if (db && db->last_rc == DB_LOST) {
		db->drv->close(db);
		db = NULL;
		pthread_setspecific(st->key, NULL);
	}
	if (db)
		return db;
	db = conn_open(st, e);
	if (db)
		pthread_setspecific(st->key, db);
	return db;
}

/* Under writer_lock. */
static struct db *writer_conn(struct store *st, struct err *e)
{
	if (st->writer && st->writer->last_rc == DB_LOST) {
		st->writer->drv->close(st->writer);
		st->writer = NULL;
	}
	if (!st->writer)
		st->writer = conn_open(st, e);
	return st->writer;
}

err_code store_fail(struct db *db, db_rc rc, err_code on_constraint, struct err *e)
{
	switch (rc) {
	case DB_CONSTRAINT:
		return err_set(e, on_constraint, NULL, NULL);
	case DB_RETRY:
	case DB_LOST:
		return err_set(e, E_RETRY, NULL, NULL);
	default:
		log_msg(LOG_ERROR, "db_error", "%s", db ? db_errmsg(db) : "no connection");
		return err_set(e, E_INTERNAL, NULL, NULL);
	}
}

static void backoff(int attempt)
{
	struct timespec ts = {0, (long)(2 + (rand() % 8)) * 1000000L * attempt};
	nanosleep(&ts, NULL);
}

static err_code run_tx(struct store *st, bool write, bool shared, store_tx_fn fn, void *arg, struct err *e)
{
	for (int attempt = 1;; attempt++) {
		err_clear(e);
		struct db *db = shared ? writer_conn(st, e) : store_conn(st, e);
		if (!db)
			return e->code;
		db_rc brc = db->drv->begin(db, write);
		err_code rc;
		if (brc != DB_OK) {
			rc = store_fail(db, brc, E_INTERNAL, e);
		} else {
			rc = fn(db, arg, e);
			if (rc == E_OK) {
				db_rc crc = db->drv->commit(db);
				if (crc != DB_OK)
					rc = store_fail(db, crc, E_CONFLICT, e);
			} else {
				db->drv->rollback(db);
			}
		}
		if (rc != E_RETRY || attempt == LIMIT_TX_ATTEMPTS)
			return rc;
		db->drv->rollback(db);
		backoff(attempt);
	}
}

err_code store_tx(struct store *st, bool write, store_tx_fn fn, void *arg, struct err *e)
{
	bool shared = write && st->drv->one_writer;
	if (shared)
		pthread_mutex_lock(&st->writer_lock);
	err_code rc = run_tx(st, write, shared, fn, arg, e);
	if (shared)
		pthread_mutex_unlock(&st->writer_lock);
	return rc;
}

err_code store_read(struct store *st, store_tx_fn fn, void *arg, struct err *e)
{
	for (int attempt = 1;; attempt++) {
		err_clear(e);
		struct db *db = store_conn(st, e);
		if (!db)
			return e->code;
		if (db->drv->begin_read)
			db->drv->begin_read(db);
		err_code rc = fn(db, arg, e);
		if (db->drv->end_read)
			db->drv->end_read(db);
		if (rc != E_RETRY || attempt == LIMIT_TX_ATTEMPTS)
			return rc;
		backoff(attempt);
	}
}

bool store_ready(struct store *st)
{
	struct err e;
	struct db *db = store_conn(st, &e);
	if (!db)
		return false;
	if (db->drv->healthy(db))
		return true;
	db->last_rc = DB_LOST; /* reopen on the next use */
	return false;
}

err_code store_backup(struct store *st, const char *file, struct err *e)
{
	if (!st->drv->backup)
		return err_set(e, E_INVALID, "db",
		               "rosterctl backup works on SQLite; back up PostgreSQL with pg_dump.");
	struct db *db = store_conn(st, e);
	if (!db)
		return e->code;
	char msg[512];
	if (!st->drv->backup(db, file, msg, sizeof msg))
		return err_set(e, E_INTERNAL, NULL, "%s", msg);
	return E_OK;
}

/* ---- migrations ---- */

struct migration {
	int version;
	const char *name;
	const char *sql;
};
/* Generated from src/store/migrations/NNN_name.sql by the build. */
extern const struct migration store_migrations[];
extern const int store_migrations_count;

static const char SQL_SCHEMA_TABLE[] = "CREATE TABLE IF NOT EXISTS schema_migrations ("
                                       " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)";
static const char SQL_SCHEMA_VERSION[] = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
static const char SQL_SCHEMA_RECORD[] = "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)";

int store_schema_latest(void)
{
	return store_migrations_count ? store_migrations[store_migrations_count - 1].version : 0;
}

static err_code read_version(struct db *db, void *arg, struct err *e)
{
	int *out = arg;
	return store_q_one(db, NULL, SQL_SCHEMA_VERSION, NO_PARAMS, COLS(C_INT(out)), E_INTERNAL, e);
}

static err_code lock_schema(struct db *db, struct err *e)
{
	db_rc rc = db->drv->lock_schema ? db->drv->lock_schema(db) : DB_OK;
	return rc == DB_OK ? E_OK : store_fail(db, rc, E_INTERNAL, e);
}

static err_code ensure_table(struct db *db, void *arg, struct err *e)
{
	(void)arg;
	if (lock_schema(db, e))
		return e->code;
	db_rc rc = db->drv->exec(db, SQL_SCHEMA_TABLE);
	return rc == DB_OK ? E_OK : store_fail(db, rc, E_INTERNAL, e);
}

int store_schema_version(struct store *st, struct err *e)
{
	int v = 0;
	if (store_tx(st, true, ensure_table, NULL, e) != E_OK)
		return -1;
	if (store_tx(st, false, read_version, &v, e) != E_OK)
		return -1;
	return v;
}

struct apply_arg {
	const struct migration *m;
	const struct store_data_step *steps;
	int nsteps;
	bool skipped;
	char scratch[65536];
};

/* The migration's text for this engine: each KEYTEXT becomes the driver's
 * byte-compared text type, each WITHOUT_ROWID its storage clause, and a
 * comment "/\*ENGINE: text *\/" naming this driver becomes its text (the
 * other engine reads a comment). Returns sql itself when there is nothing
 * to replace or no room. */
static const char *dialect(const char *sql, const struct db_driver *drv, char *buf, size_t cap)
{
	char engine[32];
	snprintf(engine, sizeof engine, "/*%s:", drv->name);
	const char *tokens[] = {"KEYTEXT", "WITHOUT_ROWID", engine};
	const char *values[] = {drv->key_text_type, drv->without_rowid ? drv->without_rowid : "", NULL};
	size_t out = 0;
	for (const char *p = sql; *p;) {
		/* the nearest token */
		const char *hit = NULL;
		int which = -1;
		for (int i = 0; i < 3; i++) {
			const char *h = strstr(p, tokens[i]);
			if (h && (!hit || h < hit)) {
				hit = h;
				which = i;
			}
		}
		size_t n = hit ? (size_t)(hit - p) : strlen(p);
		const char *value = hit ? values[which] : "";
		const char *next = hit ? hit + strlen(tokens[which]) : NULL;
		size_t vlen = value ? strlen(value) : 0;
		if (hit && !value) { /* this engine's comment: its text, without the markers */
			const char *end = strstr(next, "*/");
			if (!end)
				return sql;
			value = next;
			vlen = (size_t)(end - next);
			next = end + 2;
		}
		if (out + n + vlen + 1 > cap)
			return sql;
		memcpy(buf + out, p, n);
		out += n;
		if (!hit)
			break;
		memcpy(buf + out, value, vlen);
		out += vlen;
		p = next;
	}
	buf[out] = '\0';
	return buf;
}

static err_code apply_one(struct db *db, void *arg, struct err *e)
{
	struct apply_arg *a = arg;
	int current = 0;
	if (lock_schema(db, e))
		return e->code;
	err_code rc = read_version(db, &current, e);
	if (rc)
		return rc;
	if (current >= a->m->version) { /* another process got there first */
		a->skipped = true;
		return E_OK;
	}
	/* Recording first makes a concurrent migrator wait on the key, then retry. */
	if (store_q_exec(db, SQL_SCHEMA_RECORD,
	                 PARAMS(P_I64(a->m->version), P_TEXT(a->m->name), P_I64((int64_t)time(NULL) * 1000)), E_RETRY,
	                 e))
		return e->code;
	db_rc drc = db->drv->exec(db, dialect(a->m->sql, db->drv, a->scratch, sizeof a->scratch));
	if (drc != DB_OK) {
		log_msg(LOG_ERROR, "migration_failed", "migration %d (%s): %s", a->m->version, a->m->name,
		        db_errmsg(db));
		return err_set(e, E_INTERNAL, NULL, "Migration %d (%s) failed.", a->m->version, a->m->name);
	}
	for (int i = 0; i < a->nsteps; i++)
		if (a->steps[i].version == a->m->version && a->steps[i].fn(db, a->steps[i].arg, e))
			return e->code;
	return E_OK;
}

err_code store_migrate(struct store *st, struct err *e)
{
	return store_migrate_with(st, NULL, 0, e);
}

err_code store_migrate_with(struct store *st, const struct store_data_step *steps, int nsteps, struct err *e)
{
	return store_migrate_to(st, store_schema_latest(), steps, nsteps, e);
}

err_code store_migrate_to(struct store *st, int target, const struct store_data_step *steps, int nsteps, struct err *e)
{
	int version = store_schema_version(st, e);
	if (version < 0)
		return e->code;
	if (version > store_schema_latest())
		return err_set(e, E_CONFLICT, "db",
		               "The database is at schema version %d, newer than this rosterd (which knows up to %d). "
		               "Run a newer rosterd.",
		               version, store_schema_latest());
	for (int i = 0; i < store_migrations_count; i++) {
		if (store_migrations[i].version <= version || store_migrations[i].version > target)
			continue;
		struct apply_arg *a = calloc(1, sizeof *a); /* its scratch buffer is too big for a stack */
		if (!a)
			return err_set(e, E_INTERNAL, NULL, "Out of memory.");
		a->m = &store_migrations[i];
		a->steps = steps;
		a->nsteps = nsteps;
		err_code rc = store_tx(st, true, apply_one, a, e);
		bool skipped = a->skipped;
		free(a);
		if (rc)
			return rc;
		if (!skipped)
			log_msg(LOG_INFO, "migration_applied", "%03d %s", store_migrations[i].version,
			        store_migrations[i].name);
	}
	return E_OK;
}

const char *store_col_dup(struct db_stmt *s, int col, struct arena *a)
{
	return arena_strdup(a, db_col_text(s, col));
}

struct db_stmt *store_prepare(struct db *db, const char *sql, struct err *e)
{
	struct db_stmt *s = db_prepare(db, sql);
	if (!s)
		store_fail(db, db->last_rc, E_INTERNAL, e);
	return s;
}

err_code store_exec(struct db_stmt *s, err_code on_constraint, struct err *e)
{
	db_rc rc;
	while ((rc = db_step(s)) == DB_ROW)
		;
	return rc == DB_DONE ? E_OK : store_fail(s->db, rc, on_constraint, e);
}

err_code store_exec_one(struct db_stmt *s, err_code on_constraint, struct err *e)
{
	err_code rc = store_exec(s, on_constraint, e);
	if (rc == E_OK && db_changes(s) == 0)
		return err_set(e, E_NOT_FOUND, NULL, NULL);
	return rc;
}

struct db_stmt *db_prepare(struct db *db, const char *sql)
{
	for (int i = 0; i < db->nstmts; i++)
		if (db->stmt_sql[i] == sql) {
			db->drv->reuse(db->stmts[i]);
			return db->stmts[i];
		}
	if (db->nstmts == DB_STMT_CACHE) {
		db->last_rc = DB_ERROR;
		return NULL;
	}
	struct db_stmt *s = db->drv->prepare(db, sql);
	if (s) {
		db->stmt_sql[db->nstmts] = sql;
		db->stmts[db->nstmts++] = s;
	}
	return s;
}
