/* The SQLite driver. WAL, foreign keys, a busy timeout; one connection per
 * thread. Writers are serialized inside the process by one mutex taken
 * before BEGIN IMMEDIATE: left to SQLite's busy handler, concurrent writers
 * sleep and retry and stall for seconds under load. */
#include "base/limits.h"
#include "store/db.h"

#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PARAMS 32

struct sq_stmt {
	struct db_stmt base;
	sqlite3_stmt *st;
	int param_index[MAX_PARAMS + 1]; /* $n -> SQLite's index */
	int nparams;
};

struct sq_db {
	struct db base;
	sqlite3 *h;
	bool holds_write_lock;
	bool in_read; /* in the transaction of sq_begin_read() */
	struct sq_stmt cache[DB_STMT_CACHE];
	sqlite3_stmt *ctl[4]; /* BEGIN, BEGIN IMMEDIATE, COMMIT, ROLLBACK: prepared once, not parsed per transaction */
};

enum { CTL_BEGIN, CTL_BEGIN_WRITE, CTL_COMMIT, CTL_ROLLBACK };
static const char *const ctl_sql[] = {"BEGIN", "BEGIN IMMEDIATE", "COMMIT", "ROLLBACK"};

static pthread_mutex_t write_lock = PTHREAD_MUTEX_INITIALIZER;

static db_rc map_rc(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_OK:
		return DB_OK;
	case SQLITE_ROW:
		return DB_ROW;
	case SQLITE_DONE:
		return DB_DONE;
	case SQLITE_CONSTRAINT:
		return DB_CONSTRAINT;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return DB_RETRY;
	default:
		return DB_ERROR;
	}
}

static const char *target_path(const char *target)
{
	return strncmp(target, "sqlite:", 7) == 0 ? target + 7 : target;
}

/* Before the first connection: no memory statistics, whose upkeep takes
 * one process-wide mutex on every allocation of every connection (each
 * thread has its own connection; nothing here reads the statistics). */
static pthread_once_t sq_configured = PTHREAD_ONCE_INIT;

static void sq_configure(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

static struct db *sq_open(const char *target, bool sync_full, char *errbuf, size_t errlen)
{
	pthread_once(&sq_configured, sq_configure);
	struct sq_db *d = calloc(1, sizeof *d);
	if (!d)
		return NULL;
	d->base.drv = &db_sqlite_driver;
	int rc = sqlite3_open_v2(target_path(target), &d->h,
	                         SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		snprintf(errbuf, errlen, "cannot open %s: %s", target_path(target),
		         d->h ? sqlite3_errmsg(d->h) : sqlite3_errstr(rc));
		sqlite3_close(d->h);
		free(d);
		return NULL;
	}
	sqlite3_busy_timeout(d->h, LIMIT_BUSY_WAIT_MS);
	char pragmas[512];
	snprintf(pragmas, sizeof pragmas,
	         "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=%s;"
	         /* A page cache of up to 8 MiB a connection, grown as it is used, and no
	          * memory map: after every write by another connection (each thread has
	          * one) SQLite drops a connection's whole map at its next read, an munmap
	          * with a TLB shootdown on every core and page faults after it, which
	          * cost seat changes a fifth of their rate; reads are as fast without. */
	         " PRAGMA mmap_size=0; PRAGMA cache_size=-8192;",
	         sync_full ? "FULL" : "NORMAL");
	char *msg = NULL;
	/* Switching a new database to WAL needs a moment alone with it, and the
	 * busy handler does not cover that: when several connections open a
	 * new file at once, the losers wait and try again. */
	int rc2;
	for (int tries = 0; (rc2 = sqlite3_exec(d->h, pragmas, NULL, NULL, &msg)) == SQLITE_BUSY && tries < 100;
	     tries++) {
		sqlite3_free(msg);
		msg = NULL;
		sqlite3_sleep(20);
	}
	if (rc2 != SQLITE_OK) {
		snprintf(errbuf, errlen, "cannot set up %s: %s", target_path(target), msg ? msg : "?");
		sqlite3_free(msg);
		sqlite3_close(d->h);
		free(d);
		return NULL;
	}
	return &d->base;
}

static void sq_close(struct db *db)
{
	struct sq_db *d = (struct sq_db *)db;
	if (!d)
		return;
	for (int i = 0; i < d->base.nstmts; i++)
		sqlite3_finalize(d->cache[i].st);
	for (int i = 0; i < 4; i++)
		sqlite3_finalize(d->ctl[i]);
	if (d->holds_write_lock)
		pthread_mutex_unlock(&write_lock);
	sqlite3_close(d->h);
	free(d);
}

static db_rc sq_exec(struct db *db, const char *script)
{
	struct sq_db *d = (struct sq_db *)db;
	return db->last_rc = map_rc(sqlite3_exec(d->h, script, NULL, NULL, NULL));
}

static db_rc run_ctl(struct sq_db *d, int which)
{
	if (!d->ctl[which] &&
	    sqlite3_prepare_v3(d->h, ctl_sql[which], -1, SQLITE_PREPARE_PERSISTENT, &d->ctl[which], NULL) != SQLITE_OK)
		return d->base.last_rc = map_rc(sqlite3_errcode(d->h));
	int rc = sqlite3_step(d->ctl[which]);
	sqlite3_reset(d->ctl[which]);
	return d->base.last_rc = rc == SQLITE_DONE ? DB_OK : map_rc(rc);
}

static db_rc sq_begin(struct db *db, bool write)
{
	struct sq_db *d = (struct sq_db *)db;
	if (write) {
		pthread_mutex_lock(&write_lock);
		d->holds_write_lock = true;
	}
	db_rc rc = run_ctl(d, write ? CTL_BEGIN_WRITE : CTL_BEGIN);
	if (rc != DB_OK && d->holds_write_lock) {
		d->holds_write_lock = false;
		pthread_mutex_unlock(&write_lock);
	}
	return rc;
}

static void release(struct sq_db *d)
{
	if (d->holds_write_lock) {
		d->holds_write_lock = false;
		pthread_mutex_unlock(&write_lock);
	}
}

static void reset_all(struct sq_db *d)
{
	/* A statement left mid-iteration keeps a read transaction open. */
	for (int i = 0; i < d->base.nstmts; i++)
		sqlite3_reset(d->cache[i].st);
}

/* The statements of one store_read() share one read transaction: one
 * snapshot, and the WAL's read lock (a lock on the -shm file, a system
 * call when this process is its first or last holder) is taken and given
 * back once, not by every statement. */
static void sq_begin_read(struct db *db)
{
	struct sq_db *d = (struct sq_db *)db;
	d->in_read = sqlite3_get_autocommit(d->h) && run_ctl(d, CTL_BEGIN) == DB_OK;
}

static void sq_end_read(struct db *db)
{
	struct sq_db *d = (struct sq_db *)db;
	reset_all(d);
	if (d->in_read && !sqlite3_get_autocommit(d->h) && run_ctl(d, CTL_COMMIT) != DB_OK &&
	    !sqlite3_get_autocommit(d->h))
		run_ctl(d, CTL_ROLLBACK);
	d->in_read = false;
}

static db_rc sq_commit(struct db *db)
{
	struct sq_db *d = (struct sq_db *)db;
	reset_all(d);
	db_rc rc = run_ctl(d, CTL_COMMIT);
	if (rc != DB_OK && !sqlite3_get_autocommit(d->h))
		run_ctl(d, CTL_ROLLBACK);
	release(d);
	return rc;
}

static void sq_rollback(struct db *db)
{
	struct sq_db *d = (struct sq_db *)db;
	reset_all(d);
	if (!sqlite3_get_autocommit(d->h))
		run_ctl(d, CTL_ROLLBACK);
	release(d);
}

static void sq_reuse(struct db_stmt *st)
{
	struct sq_stmt *s = (struct sq_stmt *)st;
	sqlite3_reset(s->st);
	sqlite3_clear_bindings(s->st);
}

static struct db_stmt *sq_prepare(struct db *db, const char *sql)
{
	struct sq_db *d = (struct sq_db *)db;
	struct sq_stmt *s = &d->cache[d->base.nstmts];
	memset(s, 0, sizeof *s);
	if (sqlite3_prepare_v3(d->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &s->st, NULL) != SQLITE_OK) {
		db->last_rc = DB_ERROR;
		return NULL;
	}
	/* "$1" is a named parameter in SQLite, numbered by first appearance. */
	for (int n = 1; n <= MAX_PARAMS; n++) {
		char name[16];
		snprintf(name, sizeof name, "$%d", n);
		s->param_index[n] = sqlite3_bind_parameter_index(s->st, name);
		if (s->param_index[n])
			s->nparams = n;
	}
	s->base.drv = &db_sqlite_driver;
	s->base.db = db;
	return &s->base;
}

static int pidx(struct sq_stmt *s, int idx)
{
	return idx > 0 && idx <= MAX_PARAMS ? s->param_index[idx] : 0;
}

static void sq_bind_text(struct db_stmt *st, int idx, const char *v)
{
	struct sq_stmt *s = (struct sq_stmt *)st;
	if (v)
		sqlite3_bind_text(s->st, pidx(s, idx), v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s->st, pidx(s, idx));
}

static void sq_bind_int(struct db_stmt *st, int idx, int64_t v)
{
	struct sq_stmt *s = (struct sq_stmt *)st;
	sqlite3_bind_int64(s->st, pidx(s, idx), v);
}

static void sq_bind_null(struct db_stmt *st, int idx)
{
	struct sq_stmt *s = (struct sq_stmt *)st;
	sqlite3_bind_null(s->st, pidx(s, idx));
}

static db_rc sq_step(struct db_stmt *st)
{
	struct sq_stmt *s = (struct sq_stmt *)st;
	db_rc rc = map_rc(sqlite3_step(s->st));
	if (rc != DB_ROW)
		sqlite3_reset(s->st);
	return st->db->last_rc = rc;
}

static const char *sq_col_text(struct db_stmt *st, int col)
{
	return (const char *)sqlite3_column_text(((struct sq_stmt *)st)->st, col);
}

static int64_t sq_col_int(struct db_stmt *st, int col)
{
	return sqlite3_column_int64(((struct sq_stmt *)st)->st, col);
}

static bool sq_col_is_null(struct db_stmt *st, int col)
{
	return sqlite3_column_type(((struct sq_stmt *)st)->st, col) == SQLITE_NULL;
}

static int64_t sq_changes(struct db_stmt *st)
{
	return sqlite3_changes64(((struct sq_db *)st->db)->h);
}

static const char *sq_errmsg(struct db *db)
{
	return sqlite3_errmsg(((struct sq_db *)db)->h);
}

static bool sq_healthy(struct db *db)
{
	struct sq_db *d = (struct sq_db *)db;
	return sqlite3_exec(d->h, "SELECT 1", NULL, NULL, NULL) == SQLITE_OK;
}

static bool sq_backup(struct db *db, const char *file, char *errbuf, size_t errlen)
{
	struct sq_db *d = (struct sq_db *)db;
	sqlite3 *dst;
	if (sqlite3_open(file, &dst) != SQLITE_OK) {
		snprintf(errbuf, errlen, "cannot open %s: %s", file, sqlite3_errmsg(dst));
		sqlite3_close(dst);
		return false;
	}
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", d->h, "main");
	if (!b) {
		snprintf(errbuf, errlen, "cannot back up: %s", sqlite3_errmsg(dst));
		sqlite3_close(dst);
		return false;
	}
	int rc;
	/* Copy in steps so writers are not held off for the whole copy. */
	while ((rc = sqlite3_backup_step(b, 256)) == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		sqlite3_sleep(5);
	sqlite3_backup_finish(b);
	bool ok = rc == SQLITE_DONE;
	if (!ok)
		snprintf(errbuf, errlen, "backup failed: %s", sqlite3_errstr(rc));
	sqlite3_close(dst);
	return ok;
}

const struct db_driver db_sqlite_driver = {
        .name = "sqlite",
        .one_writer = true,
        .key_text_type = "TEXT",
        .without_rowid = "WITHOUT ROWID",
        .begin_read = sq_begin_read,
        .end_read = sq_end_read,
        .open = sq_open,
        .close = sq_close,
        .exec = sq_exec,
        .begin = sq_begin,
        .commit = sq_commit,
        .rollback = sq_rollback,
        .prepare = sq_prepare,
        .reuse = sq_reuse,
        .bind_text = sq_bind_text,
        .bind_int = sq_bind_int,
        .bind_null = sq_bind_null,
        .step = sq_step,
        .col_text = sq_col_text,
        .col_int = sq_col_int,
        .col_is_null = sq_col_is_null,
        .changes = sq_changes,
        .errmsg = sq_errmsg,
        .healthy = sq_healthy,
        .backup = sq_backup,
};
