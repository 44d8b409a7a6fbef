#ifndef ROSTER_STORE_QUERY_H
#define ROSTER_STORE_QUERY_H

#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "store/db.h"
#include "store/store.h"

/* How the query files (the .c files of src/store, and only they) run a statement: the
 * parameters and the result columns are typed arrays, built at the call
 * with compound literals and counted by the macros, and one of five
 * runners prepares, binds, steps and reads:
 *
 *   return store_q_one(db, a, SQL_ROLE_GET, PARAMS(P_TEXT(org_id), P_TEXT(name)),
 *                      COLS(C_TEXT(&r->name), C_I64(&r->created_at)), E_NOT_FOUND, e);
 *
 * Parameter i of the array binds $i+1. Every runner maps a failed
 * statement as store_fail() does: a lost connection or a busy database to
 * E_RETRY, anything unexpected to E_INTERNAL (logged), and a constraint
 * violation to the code the runner is given (E_INTERNAL where it takes
 * none). */

typedef enum { SP_TEXT, SP_I64, SP_FOLD } store_param_kind;
struct store_param {
	store_param_kind kind;
	const char *text;
	int64_t i64;
};
/* Text; NULL binds NULL. */
#define P_TEXT(s)                                                                                                      \
	{                                                                                                              \
		.kind = SP_TEXT, .text = (s)                                                                           \
	}
#define P_I64(n)                                                                                                       \
	{                                                                                                              \
		.kind = SP_I64, .i64 = (n)                                                                             \
	}
#define P_BOOL(b)                                                                                                      \
	{                                                                                                              \
		.kind = SP_I64, .i64 = (b) ? 1 : 0                                                                     \
	}
/* text_fold() of the text (a name's search key), folded on the stack, not
 * in an arena; NULL binds NULL. */
#define P_FOLD(s)                                                                                                      \
	{                                                                                                              \
		.kind = SP_FOLD, .text = (s)                                                                           \
	}

typedef enum { SC_TEXT, SC_TEXT_REF, SC_I64, SC_INT, SC_BOOL, SC_SKIP } store_col_kind;
struct store_col {
	store_col_kind kind;
	void *out;
};
/* The conditional checks the target's type at compile time. */
#define STORE_COL_(k, type, p)                                                                                         \
	{                                                                                                              \
		.kind = (k), .out = (1 ? (p) : (type *)0)                                                              \
	}
/* Text copied into the arena; NULL stays NULL. */
#define C_TEXT(p) STORE_COL_(SC_TEXT, const char *, p)
/* Text as the statement holds it, until the next row: only for store_q_each's
 * row function, and needs no arena. */
#define C_TEXT_REF(p) STORE_COL_(SC_TEXT_REF, const char *, p)
#define C_I64(p) STORE_COL_(SC_I64, int64_t, p)
#define C_INT(p) STORE_COL_(SC_INT, int, p)
/* Any non-zero integer (or PostgreSQL's 't') is true. */
#define C_BOOL(p) STORE_COL_(SC_BOOL, bool, p)
/* A column selected but not read. */
#define C_SKIP                                                                                                         \
	{                                                                                                              \
		.kind = SC_SKIP, .out = NULL                                                                           \
	}

/* "array, count" for the runners; sizeof evaluates nothing twice. */
#define PARAMS(...)                                                                                                    \
	(const struct store_param[]){__VA_ARGS__},                                                                     \
	        (int)(sizeof((const struct store_param[]){__VA_ARGS__}) / sizeof(struct store_param))
#define NO_PARAMS NULL, 0
#define COLS(...)                                                                                                      \
	(const struct store_col[]){__VA_ARGS__},                                                                       \
	        (int)(sizeof((const struct store_col[]){__VA_ARGS__}) / sizeof(struct store_col))
#define STORE_LEN(arr) ((int)(sizeof(arr) / sizeof((arr)[0])))

/* Highest code point, as a cursor sentinel that sorts after every key. */
#define KEY_MAX "\xf4\x8f\xbf\xbf"

/* What hands each row of store_q_each() to a typed callback cb(&row, arg):
 * STORE_EACH(audit, struct audit_row, audit_row_cb) declares
 * struct audit_each {row, cb, arg} and its row function audit_each_row(),
 * for store_q_each(..., audit_each_row, &x, e) with the columns into x.row.
 * STORE_EACH_WITH adds one column more, handed on as cb(&row, extra, arg). */
#define STORE_EACH_FN_(name, call)                                                                                     \
	static void name##_each_row(void *arg)                                                                         \
	{                                                                                                              \
		struct name##_each *x = arg;                                                                           \
		call;                                                                                                  \
	}
#define STORE_EACH(name, row_type, cb_type)                                                                            \
	struct name##_each {                                                                                           \
		row_type row;                                                                                          \
		cb_type cb;                                                                                            \
		void *arg;                                                                                             \
	};                                                                                                             \
	STORE_EACH_FN_(name, x->cb(&x->row, x->arg))
#define STORE_EACH_WITH(name, row_type, extra_type, cb_type)                                                           \
	struct name##_each {                                                                                           \
		row_type row;                                                                                          \
		extra_type extra;                                                                                      \
		cb_type cb;                                                                                            \
		void *arg;                                                                                             \
	};                                                                                                             \
	STORE_EACH_FN_(name, x->cb(&x->row, x->extra, x->arg))

/* Reads the first row into the columns (text into a) and steps past the
 * rest. No row: on_missing (E_NOT_FOUND, or whichever code the caller
 * means), with e filled, except that E_OK answers E_OK and leaves the
 * columns untouched. */
err_code store_q_one(struct db *db, struct arena *a, const char *sql, const struct store_param *p, int np,
                     const struct store_col *c, int nc, err_code on_missing, struct err *e);

/* Reads each row into the columns, then calls fn(arg), which finds the
 * row in the variables the columns point to. */
typedef void (*store_row_fn)(void *arg);
err_code store_q_each(struct db *db, struct arena *a, const char *sql, const struct store_param *p, int np,
                      const struct store_col *c, int nc, store_row_fn fn, void *arg, struct err *e);

/* The integer in the first column of the one row a query such as
 * SELECT COUNT(*) returns; no row is an internal error. */
err_code store_q_count(struct db *db, const char *sql, const struct store_param *p, int np, int64_t *out,
                       struct err *e);

/* Runs a statement whose rows, if any, do not matter. */
err_code store_q_exec(struct db *db, const char *sql, const struct store_param *p, int np, err_code on_constraint,
                      struct err *e);
/* The same for a statement that must change a row: E_NOT_FOUND when it changed none. */
err_code store_q_exec_one(struct db *db, const char *sql, const struct store_param *p, int np, err_code on_constraint,
                          struct err *e);

#endif
