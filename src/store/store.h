#ifndef ROSTER_STORE_STORE_H
#define ROSTER_STORE_STORE_H

#include <stdbool.h>

#include "base/err.h"
#include "store/db.h"

/* The database as the rest of the program sees it: chosen by URL, one
 * connection per thread (opened on first use, reopened after a loss), a
 * transaction runner, and the schema migrations. */

struct store;

/* url: "PATH", "sqlite:PATH" or "postgres://..." / "postgresql://...".
 * Opens a first connection to check the URL. */
err_code store_open(const char *url, bool sync_full, struct store **out, struct err *e);
void store_free(struct store *st); /* NULL is fine */

const char *store_engine(const struct store *st); /* "sqlite" or "postgres" */

/* This thread's connection, or NULL (and e filled) when the database cannot be reached. */
struct db *store_conn(struct store *st, struct err *e);

/* Runs fn inside a transaction on this thread's connection (a write
 * transaction on SQLite: on the store's one writer connection, one thread
 * at a time). A retryable
 * failure (busy, serialization, lost connection before commit) rolls back
 * and runs fn again, a few times with a short backoff; fn must therefore
 * have no effect outside the database. fn returns E_OK to commit. */
typedef err_code (*store_tx_fn)(struct db *db, void *arg, struct err *e);
err_code store_tx(struct store *st, bool write, store_tx_fn fn, void *arg, struct err *e);

/* Runs fn on this thread's connection for reads whose statements need
 * not agree with each other; retried like store_tx. On PostgreSQL without
 * a transaction: each statement reads its own consistent snapshot, and a
 * transaction's BEGIN and COMMIT (a round trip each) are saved. On SQLite
 * in one read transaction, which costs no round trip and takes the WAL's
 * read lock once instead of once a statement. */
err_code store_read(struct store *st, store_tx_fn fn, void *arg, struct err *e);

/* Maps a statement outcome to an error; constraint violations become `on_constraint`. */
err_code store_fail(struct db *db, db_rc rc, err_code on_constraint, struct err *e);

/* Applies pending migrations. Refuses a database newer than this binary. */
err_code store_migrate(struct store *st, struct err *e);
/* A migration step written in C, run in the migration's transaction after
 * its SQL: for data that the layers above compute. */
struct store_data_step {
	int version;
	store_tx_fn fn;
	void *arg;
};
err_code store_migrate_with(struct store *st, const struct store_data_step *steps, int nsteps, struct err *e);
/* Stops after migration `target`: for tests of an upgrade from that version. */
err_code store_migrate_to(struct store *st, int target, const struct store_data_step *steps, int nsteps, struct err *e);
int store_schema_version(struct store *st, struct err *e);
int store_schema_latest(void);

bool store_ready(struct store *st);

/* SQLite only: copies the live database to file. */
err_code store_backup(struct store *st, const char *file, struct err *e);

#include "base/arena.h"
/* Column text copied into the arena (NULL stays NULL). */
const char *store_col_dup(struct db_stmt *s, int col, struct arena *a);
/* Prepares sql or fills e. The query files run their statements through
 * store/query.h, which is built on these. */
struct db_stmt *store_prepare(struct db *db, const char *sql, struct err *e);
/* Steps a statement that returns no rows (or whose rows do not matter). */
err_code store_exec(struct db_stmt *s, err_code on_constraint, struct err *e);
/* The same for a statement that must change a row: E_NOT_FOUND when it changed none. */
err_code store_exec_one(struct db_stmt *s, err_code on_constraint, struct err *e);

#endif
