/* seatbare: the ceiling for seat changes. Each thread, with its own
 * holder (and, on PostgreSQL, its own connection), repeats a pair of write transactions on
 * one pool: take a seat (the conditional UPDATE of SQL_SEAT_TAKE in
 * src/store/licenses.c) and insert the seats row, then delete the row and
 * give the seat back. Nothing else: no access check, audit or mail.
 *
 *   seatbare DB-URL ORG POOL SECONDS USER-ID...   (one thread per user)
 *
 * Prints "PAIRS_PER_SECOND PAIRS RETRIES". SQLite as rosterd opens it
 * (src/store/sqlite.c): WAL, foreign keys, synchronous NORMAL, no memory
 * map, the same page cache and busy timeout, and every write transaction
 * of the process on one connection, under one mutex taken before BEGIN
 * IMMEDIATE. PostgreSQL through
 * libpq with statements prepared once per connection, BEGIN / COMMIT as
 * rosterd sends them (read committed). */
#include <libpq-fe.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum { TAKE, INSERT, DELETE, RELEASE, NSQL };
/* $1 pool, $2 org, $3 holder (a user), $4 now */
static const char *const sql_pg[NSQL] = {
        "UPDATE license_pools SET used = used + 1, updated_at = $4"
        " WHERE id = $1 AND org_id = $2 AND used + reserved < seats AND state <> 'cancelled' AND ends_at > $4",
        "INSERT INTO seats (pool_id, holder_id, org_id, user_id, device_id, source, assigned_by, assigned_at)"
        " VALUES ($1, $3, $2, $3, NULL, 'manual', NULL, $4)",
        "DELETE FROM seats WHERE pool_id = $1 AND holder_id = $3",
        "UPDATE license_pools SET used = used - 1 WHERE id = $1",
};
/* The same with SQLite's numbered parameters (?NNN keeps the numbers). */
static const char *const sql_sq[NSQL] = {
        "UPDATE license_pools SET used = used + 1, updated_at = ?4"
        " WHERE id = ?1 AND org_id = ?2 AND used + reserved < seats AND state <> 'cancelled' AND ends_at > ?4",
        "INSERT INTO seats (pool_id, holder_id, org_id, user_id, device_id, source, assigned_by, assigned_at)"
        " VALUES (?1, ?3, ?2, ?3, NULL, 'manual', NULL, ?4)",
        "DELETE FROM seats WHERE pool_id = ?1 AND holder_id = ?3",
        "UPDATE license_pools SET used = used - 1 WHERE id = ?1",
};

static const char *url, *org, *pool;
static atomic_bool stop;
static pthread_mutex_t write_lock = PTHREAD_MUTEX_INITIALIZER;

struct worker {
	pthread_t t;
	const char *user;
	long pairs, retries;
	int failed;
};

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ---- SQLite ---- */

struct sq {
	sqlite3 *h;
	sqlite3_stmt *st[NSQL], *begin, *commit, *rollback;
};

static int sq_step(sqlite3_stmt *s)
{
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	return rc;
}

/* One transaction of two statements; the first must change a row.
 * 0 done, 1 to run again (busy), -1 failed. */
static int sq_tx(struct sq *d, int a, int b, const char *user)
{
	int64_t now = now_ms();
	pthread_mutex_lock(&write_lock);
	int rc = sq_step(d->begin);
	if (rc != SQLITE_DONE) {
		pthread_mutex_unlock(&write_lock);
		return (rc & 0xff) == SQLITE_BUSY ? 1 : -1;
	}
	int steps[2] = {a, b};
	for (int i = 0; i < 2; i++) {
		sqlite3_stmt *s = d->st[steps[i]];
		sqlite3_bind_text(s, 1, pool, -1, SQLITE_STATIC);
		if (sqlite3_bind_parameter_count(s) >= 2)
			sqlite3_bind_text(s, 2, org, -1, SQLITE_STATIC);
		if (sqlite3_bind_parameter_count(s) >= 3)
			sqlite3_bind_text(s, 3, user, -1, SQLITE_STATIC);
		if (sqlite3_bind_parameter_count(s) >= 4)
			sqlite3_bind_int64(s, 4, now);
		rc = sq_step(s);
		if (rc != SQLITE_DONE || (i == 0 && sqlite3_changes(d->h) != 1)) {
			if (rc == SQLITE_DONE)
				fprintf(stderr, "seatbare: no seat free or no seat held (%s)\n", user);
			else if ((rc & 0xff) != SQLITE_BUSY)
				fprintf(stderr, "seatbare: %s\n", sqlite3_errmsg(d->h));
			sq_step(d->rollback);
			pthread_mutex_unlock(&write_lock);
			return (rc & 0xff) == SQLITE_BUSY ? 1 : -1;
		}
	}
	rc = sq_step(d->commit);
	if (rc != SQLITE_DONE && !sqlite3_get_autocommit(d->h))
		sq_step(d->rollback);
	pthread_mutex_unlock(&write_lock);
	return rc == SQLITE_DONE ? 0 : (rc & 0xff) == SQLITE_BUSY ? 1 : -1;
}

static int sq_open(struct sq *d)
{
	const char *path = strncmp(url, "sqlite:", 7) ? url : url + 7;
	if (sqlite3_open_v2(path, &d->h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
		return -1;
	sqlite3_busy_timeout(d->h, 5000); /* LIMIT_BUSY_WAIT_MS */
	if (sqlite3_exec(d->h,
	                 "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;"
	                 " PRAGMA mmap_size=0; PRAGMA cache_size=-8192;",
	                 NULL, NULL, NULL) != SQLITE_OK)
		return -1;
	for (int i = 0; i < NSQL; i++)
		if (sqlite3_prepare_v3(d->h, sql_sq[i], -1, SQLITE_PREPARE_PERSISTENT, &d->st[i], NULL) != SQLITE_OK)
			return -1;
	if (sqlite3_prepare_v3(d->h, "BEGIN IMMEDIATE", -1, SQLITE_PREPARE_PERSISTENT, &d->begin, NULL) ||
	    sqlite3_prepare_v3(d->h, "COMMIT", -1, SQLITE_PREPARE_PERSISTENT, &d->commit, NULL) ||
	    sqlite3_prepare_v3(d->h, "ROLLBACK", -1, SQLITE_PREPARE_PERSISTENT, &d->rollback, NULL))
		return -1;
	return 0;
}

/* The writer connection of all threads, as rosterd's store keeps one
 * (used only inside sq_tx, under write_lock). */
static struct sq writer;

static void *sq_worker(void *arg)
{
	struct worker *w = arg;
	while (!atomic_load(&stop)) {
		int rc;
		while ((rc = sq_tx(&writer, TAKE, INSERT, w->user)) == 1)
			w->retries++;
		if (rc < 0)
			break;
		while ((rc = sq_tx(&writer, DELETE, RELEASE, w->user)) == 1)
			w->retries++;
		if (rc < 0)
			break;
		w->pairs++;
	}
	if (!atomic_load(&stop))
		w->failed = 1;
	return NULL;
}

/* ---- PostgreSQL ---- */

static bool pg_ok(PGresult *r, ExecStatusType want)
{
	bool ok = PQresultStatus(r) == want;
	PQclear(r);
	return ok;
}

/* 0 done, 1 to run again (serialization, deadlock), -1 failed. */
static int pg_tx(PGconn *c, int a, int b, const char *user)
{
	char now[24];
	snprintf(now, sizeof now, "%lld", (long long)now_ms());
	const char *v[4] = {pool, org, user, now};
	if (!pg_ok(PQexec(c, "BEGIN"), PGRES_COMMAND_OK))
		return -1;
	int steps[2] = {a, b};
	for (int i = 0; i < 2; i++) {
		char name[8];
		snprintf(name, sizeof name, "s%d", steps[i]);
		PGresult *r = PQexecPrepared(c, name, 4, v, NULL, NULL, 0);
		bool ok = PQresultStatus(r) == PGRES_COMMAND_OK && (i || !strcmp(PQcmdTuples(r), "1"));
		const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
		int retry = state && (!strcmp(state, "40001") || !strcmp(state, "40P01"));
		if (!ok && !retry)
			fprintf(stderr, "seatbare: %s\n",
			        PQresultStatus(r) == PGRES_COMMAND_OK ? "no seat free or no seat held"
			                                              : PQerrorMessage(c));
		PQclear(r);
		if (!ok) {
			PQclear(PQexec(c, "ROLLBACK"));
			return retry ? 1 : -1;
		}
	}
	PGresult *r = PQexec(c, "COMMIT");
	const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
	int rc = PQresultStatus(r) == PGRES_COMMAND_OK ? 0 : state && !strncmp(state, "40", 2) ? 1 : -1;
	PQclear(r);
	return rc;
}

static void *pg_worker(void *arg)
{
	struct worker *w = arg;
	PGconn *c = PQconnectdb(url);
	if (PQstatus(c) != CONNECTION_OK) {
		fprintf(stderr, "seatbare: %s", PQerrorMessage(c));
		PQfinish(c);
		w->failed = 1;
		return NULL;
	}
	/* The types rosterd's driver gives: text, text, text, a bigint. */
	for (int i = 0; i < NSQL; i++) {
		char name[8];
		snprintf(name, sizeof name, "s%d", i);
		Oid types[4] = {25, 25, 25, 20};
		if (!pg_ok(PQprepare(c, name, sql_pg[i], 4, types), PGRES_COMMAND_OK)) {
			fprintf(stderr, "seatbare: prepare: %s", PQerrorMessage(c));
			PQfinish(c);
			w->failed = 1;
			return NULL;
		}
	}
	while (!atomic_load(&stop)) {
		int rc;
		while ((rc = pg_tx(c, TAKE, INSERT, w->user)) == 1)
			w->retries++;
		if (rc < 0)
			break;
		while ((rc = pg_tx(c, DELETE, RELEASE, w->user)) == 1)
			w->retries++;
		if (rc < 0)
			break;
		w->pairs++;
	}
	if (!atomic_load(&stop))
		w->failed = 1;
	PQfinish(c);
	return NULL;
}

int main(int argc, char **argv)
{
	if (argc < 6) {
		fprintf(stderr, "usage: seatbare DB-URL ORG POOL SECONDS USER-ID...\n");
		return 2;
	}
	url = argv[1];
	org = argv[2];
	pool = argv[3];
	double secs = strtod(argv[4], NULL);
	int n = argc - 5;
	bool pg = !strncmp(url, "postgres://", 11) || !strncmp(url, "postgresql://", 13);
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); /* as src/store/sqlite.c configures SQLite */
	struct worker *w = calloc((size_t)n, sizeof *w);
	if (!w)
		return 1;
	if (!pg && sq_open(&writer)) {
		fprintf(stderr, "seatbare: cannot open %s: %s\n", url, writer.h ? sqlite3_errmsg(writer.h) : "?");
		return 1;
	}
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (int i = 0; i < n; i++) {
		w[i].user = argv[5 + i];
		pthread_create(&w[i].t, NULL, pg ? pg_worker : sq_worker, &w[i]);
	}
	struct timespec nap = {(time_t)secs, (long)((secs - (double)(time_t)secs) * 1e9)};
	nanosleep(&nap, NULL);
	atomic_store(&stop, true);
	long pairs = 0, retries = 0;
	int failed = 0;
	for (int i = 0; i < n; i++) {
		pthread_join(w[i].t, NULL);
		pairs += w[i].pairs;
		retries += w[i].retries;
		failed += w[i].failed;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double el = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("%.1f %ld %ld\n", (double)pairs / el, pairs, retries);
	free(w);
	return failed ? 1 : 0;
}
