#ifndef ROSTER_STORE_DB_H
#define ROSTER_STORE_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The database driver interface (DESIGN.md §5): one connection, statements
 * prepared once per connection and reused, numbered parameters ($1, $2...),
 * and a small set of outcomes so callers can tell a retryable failure from a
 * hard one. sqlite.c and pg.c implement it; nothing above store/ sees either
 * library.
 *
 * Statement lifecycle: db_prepare() returns the connection's cached
 * statement for this SQL text (keyed by the pointer, so pass string
 * constants), already reset; bind; step until DB_DONE; the next
 * db_prepare() of the same SQL resets it again. Column text stays valid
 * until the next step or reset. */

typedef enum {
	DB_OK,
	DB_ROW,
	DB_DONE,
	DB_CONSTRAINT, /* unique, check or foreign key violation */
	DB_RETRY,      /* busy, serialization failure, deadlock: run the transaction again */
	DB_LOST,       /* the connection is gone: reconnect */
	DB_ERROR,
} db_rc;

struct db;
struct db_stmt;

struct db_driver {
	const char *name;
	/* Whether write transactions go to one connection of the store (one
	 * writer at a time: SQLite), whose cache is then not dropped by the
	 * writes of the others. */
	bool one_writer;
	struct db *(*open)(const char *target, bool sync_full, char *errbuf, size_t errlen);
	void (*close)(struct db *db);
	db_rc (*exec)(struct db *db, const char *script);
	db_rc (*begin)(struct db *db, bool write);
	db_rc (*commit)(struct db *db);
	void (*rollback)(struct db *db);
	/* A new statement, the connection's db->nstmts-th (db_prepare() keeps it). */
	struct db_stmt *(*prepare)(struct db *db, const char *sql);
	/* Makes a kept statement ready to be bound and stepped again. */
	void (*reuse)(struct db_stmt *st);
	void (*bind_text)(struct db_stmt *st, int idx, const char *v);
	void (*bind_int)(struct db_stmt *st, int idx, int64_t v);
	void (*bind_null)(struct db_stmt *st, int idx);
	db_rc (*step)(struct db_stmt *st);
	const char *(*col_text)(struct db_stmt *st, int col);
	int64_t (*col_int)(struct db_stmt *st, int col);
	bool (*col_is_null)(struct db_stmt *st, int col);
	int64_t (*changes)(struct db_stmt *st);
	const char *(*errmsg)(struct db *db);
	bool (*healthy)(struct db *db);
	/* Around the statements of store_read(); NULL if nothing to do. */
	void (*begin_read)(struct db *db);
	void (*end_read)(struct db *db);
	/* The column type that migrations call KEYTEXT: text compared byte by byte. */
	const char *key_text_type;
	/* What migrations call WITHOUT_ROWID: a table stored in primary key order, or NULL. */
	const char *without_rowid;
	/* Serializes schema changes between processes until the transaction
	 * ends; NULL where transactions that write are serialized already. */
	db_rc (*lock_schema)(struct db *db);
	/* SQLite's online backup; NULL for engines that have their own tools. */
	bool (*backup)(struct db *db, const char *file, char *errbuf, size_t errlen);
};

/* Each connection keeps its prepared statements, found again by the
 * address of their SQL text: every statement is a static string, or one
 * made once and kept (store/list.c). DB_STMT_CACHE bounds them per
 * connection: DB_STMT_STATIC for the static strings (the binary has well
 * under that many) and the rest for the most the lists can make (a unit test
 * adds them up). */
#define DB_STMT_CACHE 1024
#define DB_STMT_STATIC 512

/* Every driver's connection and statement begin with these. */
struct db {
	const struct db_driver *drv;
	db_rc last_rc;
	int nstmts;
	const char *stmt_sql[DB_STMT_CACHE];
	struct db_stmt *stmts[DB_STMT_CACHE];
};
struct db_stmt {
	const struct db_driver *drv;
	struct db *db;
};

extern const struct db_driver db_sqlite_driver;
extern const struct db_driver db_pg_driver;

/* The connection's statement for sql, prepared the first time, reset for
 * reuse after; NULL (db->last_rc set) when it cannot be prepared. */
struct db_stmt *db_prepare(struct db *db, const char *sql);
static inline void db_bind_text(struct db_stmt *st, int i, const char *v)
{
	st->drv->bind_text(st, i, v);
}
static inline void db_bind_int(struct db_stmt *st, int i, int64_t v)
{
	st->drv->bind_int(st, i, v);
}
static inline void db_bind_null(struct db_stmt *st, int i)
{
	st->drv->bind_null(st, i);
}
static inline db_rc db_step(struct db_stmt *st)
{
	return st->drv->step(st);
}
static inline const char *db_col_text(struct db_stmt *st, int c)
{
	return st->drv->col_text(st, c);
}
static inline int64_t db_col_int(struct db_stmt *st, int c)
{
	return st->drv->col_int(st, c);
}
static inline bool db_col_is_null(struct db_stmt *st, int c)
{
	return st->drv->col_is_null(st, c);
}
static inline int64_t db_changes(struct db_stmt *st)
{
	return st->drv->changes(st);
}
static inline const char *db_errmsg(struct db *db)
{
	return db->drv->errmsg(db);
}

#endif
