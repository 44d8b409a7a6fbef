#include "store/misc.h"

#include "base/crypto.h"
#include "store/store.h"

static const char SQL_OUTBOX_INSERT[] =
        "INSERT INTO outbox (id, recipient, language, subject, body_text, body_html, state, attempts,"
        " next_attempt_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, 'queued', 0, $7, $7)";

err_code store_outbox_insert(struct db *db, const struct outbox_msg *m, int64_t now, struct err *e)
{
	struct db_stmt *s = store_prepare(db, SQL_OUTBOX_INSERT, e);
	if (!s)
		return e->code;
	db_bind_text(s, 1, m->id);
	db_bind_text(s, 2, m->recipient);
	db_bind_text(s, 3, m->language);
	db_bind_text(s, 4, m->subject);
	db_bind_text(s, 5, m->body_text);
	db_bind_text(s, 6, m->body_html);
	db_bind_int(s, 7, now);
	return store_exec(s, E_INTERNAL, e);
}

/* The inner SELECT picks a candidate; the outer WHERE re-checks it, so that
 * of two concurrent claimers (several rosterd on one PostgreSQL) one wins. */
static const char SQL_OUTBOX_CLAIM[] =
        "UPDATE outbox SET state = 'sending', attempts = attempts + 1, claimed_until = $2"
        " WHERE id = (SELECT id FROM outbox"
        "   WHERE (state = 'queued' AND next_attempt_at <= $1) OR (state = 'sending' AND claimed_until <= $1)"
        "   ORDER BY next_attempt_at LIMIT 1)"
        " AND (state = 'queued' OR (state = 'sending' AND claimed_until <= $1))"
        " RETURNING id, recipient, language, subject, body_text, body_html, attempts, created_at";

err_code store_outbox_claim(struct db *db, struct arena *a, int64_t now, int64_t lease_ms, struct outbox_msg *out,
                            struct err *e)
{
	struct db_stmt *s = store_prepare(db, SQL_OUTBOX_CLAIM, e);
	if (!s)
		return e->code;
	db_bind_int(s, 1, now);
	db_bind_int(s, 2, now + lease_ms);
	db_rc rc = db_step(s);
	if (rc == DB_DONE)
		return err_set(e, E_NOT_FOUND, NULL, NULL);
	if (rc != DB_ROW)
		return store_fail(db, rc, E_INTERNAL, e);
	out->id = store_col_dup(s, 0, a);
	out->recipient = store_col_dup(s, 1, a);
	out->language = store_col_dup(s, 2, a);
	out->subject = store_col_dup(s, 3, a);
	out->body_text = store_col_dup(s, 4, a);
	out->body_html = store_col_dup(s, 5, a);
	out->attempts = (int)db_col_int(s, 6);
	out->created_at = db_col_int(s, 7);
	while (db_step(s) == DB_ROW)
		;
	return E_OK;
}

static const char SQL_OUTBOX_SENT[] = "UPDATE outbox SET state = 'sent', sent_at = $2, last_error = NULL WHERE id = $1";

err_code store_outbox_sent(struct db *db, const char *id, int64_t now, struct err *e)
{
	struct db_stmt *s = store_prepare(db, SQL_OUTBOX_SENT, e);
	if (!s)
		return e->code;
	db_bind_text(s, 1, id);
	db_bind_int(s, 2, now);
	return store_exec(s, E_INTERNAL, e);
}

static const char SQL_OUTBOX_RETRY[] =
        "UPDATE outbox SET state = 'queued', next_attempt_at = $2, claimed_until = 0, last_error = $3 WHERE id = $1";

err_code store_outbox_retry(struct db *db, const char *id, int64_t next_attempt_at, const char *error, struct err *e)
{
	struct db_stmt *s = store_prepare(db, SQL_OUTBOX_RETRY, e);
	if (!s)
		return e->code;
	db_bind_text(s, 1, id);
	db_bind_int(s, 2, next_attempt_at);
	db_bind_text(s, 3, error);
	return store_exec(s, E_INTERNAL, e);
}

static const char SQL_OUTBOX_FAILED[] = "UPDATE outbox SET state = 'failed', last_error = $2 WHERE id = $1";

err_code store_outbox_failed(struct db *db, const char *id, const char *error, struct err *e)
{
	return store_run(db, SQL_OUTBOX_FAILED, E_INTERNAL, e, id, error);
}

static const char SQL_OUTBOX_DEPTH[] = "SELECT COUNT(*) FROM outbox WHERE state IN ('queued', 'sending')";

err_code store_outbox_depth(struct db *db, int64_t *out, struct err *e)
{
	struct db_stmt *s = store_prepare(db, SQL_OUTBOX_DEPTH, e);
	if (!s)
		return e->code;
	db_rc rc = db_step(s);
	if (rc != DB_ROW)
		return store_fail(db, rc, E_INTERNAL, e);
	*out = db_col_int(s, 0);
	db_step(s);
	return E_OK;
}

/* $2 = now, $3 = the start of the oldest window still current (now - window). */
static const char SQL_THROTTLE_HIT[] =
        "INSERT INTO throttle (key, window_start, count) VALUES ($1, $2, 1)"
        " ON CONFLICT (key) DO UPDATE SET"
        "  count = CASE WHEN throttle.window_start <= $3 THEN 1 ELSE throttle.count + 1 END,"
        "  window_start = CASE WHEN throttle.window_start <= $3 THEN $2 ELSE throttle.window_start END"
        " RETURNING count, window_start";

err_code store_throttle_hit(struct db *db, const char *key, int64_t now, int64_t window_ms, int64_t *out_count,
                            int64_t *out_window_start, struct err *e)
{
	struct db_stmt *s = store_prepare(db, SQL_THROTTLE_HIT, e);
	if (!s)
		return e->code;
	db_bind_text(s, 1, key);
	db_bind_int(s, 2, now);
	db_bind_int(s, 3, now - window_ms);
	db_rc rc = db_step(s);
	if (rc != DB_ROW)
		return store_fail(db, rc, E_INTERNAL, e);
	*out_count = db_col_int(s, 0);
	*out_window_start = db_col_int(s, 1);
	while (db_step(s) == DB_ROW)
		;
	return E_OK;
}

static const char SQL_THROTTLE_PEEK[] = "SELECT count, window_start FROM throttle WHERE key = $1 AND window_start > $2";

err_code store_throttle_peek(struct db *db, const char *key, int64_t now, int64_t window_ms, int64_t *out_count,
                             int64_t *out_window_start, struct err *e)
{
	struct db_stmt *s = store_prepare(db, SQL_THROTTLE_PEEK, e);
	if (!s)
		return e->code;
	db_bind_text(s, 1, key);
	db_bind_int(s, 2, now - window_ms);
	db_rc rc = db_step(s);
	*out_count = 0;
	*out_window_start = now;
	if (rc == DB_ROW) {
		*out_count = db_col_int(s, 0);
		*out_window_start = db_col_int(s, 1);
		db_step(s);
		return E_OK;
	}
	return rc == DB_DONE ? E_OK : store_fail(db, rc, E_INTERNAL, e);
}

static const char SQL_THROTTLE_CLEAR[] = "DELETE FROM throttle WHERE key = $1";

err_code store_throttle_clear(struct db *db, const char *key, struct err *e)
{
	return store_run(db, SQL_THROTTLE_CLEAR, E_INTERNAL, e, key);
}

static const char SQL_THROTTLE_UNDO[] =
        "UPDATE throttle SET count = count - 1 WHERE key = $1 AND count > 0 AND window_start > $2";

err_code store_throttle_undo(struct db *db, const char *key, int64_t now, int64_t window_ms, struct err *e)
{
	struct db_stmt *s = store_prepare(db, SQL_THROTTLE_UNDO, e);
	if (!s)
		return e->code;
	db_bind_text(s, 1, key);
	db_bind_int(s, 2, now - window_ms);
	return store_exec(s, E_INTERNAL, e);
}

static const char SQL_AUDIT_INSERT[] =
        "INSERT INTO audit_events (id, org_id, at, actor_id, action, target_type, target_id, request_id,"
        " client_addr, details) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";

err_code store_audit_insert(struct db *db, const struct audit_event *ev, int64_t now, struct err *e)
{
	struct db_stmt *s = store_prepare(db, SQL_AUDIT_INSERT, e);
	if (!s)
		return e->code;
	char id[ID_MAX];
	id_new("evt", id);
	db_bind_text(s, 1, id);
	db_bind_text(s, 2, ev->org_id);
	db_bind_int(s, 3, now);
	db_bind_text(s, 4, ev->actor_id);
	db_bind_text(s, 5, ev->action);
	db_bind_text(s, 6, ev->target_type ? ev->target_type : "");
	db_bind_text(s, 7, ev->target_id ? ev->target_id : "");
	db_bind_text(s, 8, ev->request_id ? ev->request_id : "");
	db_bind_text(s, 9, ev->client_addr ? ev->client_addr : "");
	db_bind_text(s, 10, ev->details ? ev->details : "{}");
	return store_exec(s, E_INTERNAL, e);
}
