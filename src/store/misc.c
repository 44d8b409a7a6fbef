#include "store/misc.h"

#include "store/query.h"
#include "store/store.h"

static const char SQL_OUTBOX_INSERT[] =
        "INSERT INTO outbox (id, recipient, language, subject, body_text, body_html, state, attempts,"
        " next_attempt_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, 'queued', 0, $7, $7)";

err_code store_outbox_insert(struct db *db, const struct outbox_msg *m, int64_t now, struct err *e)
{
	return store_q_exec(db, SQL_OUTBOX_INSERT,
	                    PARAMS(P_TEXT(m->id), P_TEXT(m->recipient), P_TEXT(m->language), P_TEXT(m->subject),
	                           P_TEXT(m->body_text), P_TEXT(m->body_html), P_I64(now)),
	                    E_INTERNAL, e);
}

/* The inner SELECTs pick a candidate: a message whose sender's claim ran
 * out (a crash) first, else the queued one due first, each read in the
 * order of outbox_due (no sort, however long the queue); the outer WHERE
 * re-checks it, so that of two concurrent claimers (several rosterd on one
 * PostgreSQL) one wins. */
static const char SQL_OUTBOX_CLAIM[] =
        "UPDATE outbox SET state = 'sending', attempts = attempts + 1, claimed_until = $2"
        " WHERE id = COALESCE("
        "   (SELECT id FROM outbox WHERE state = 'sending' AND claimed_until <= $1 ORDER BY next_attempt_at LIMIT 1),"
        "   (SELECT id FROM outbox WHERE state = 'queued' AND next_attempt_at <= $1 ORDER BY next_attempt_at LIMIT 1))"
        " AND (state = 'queued' OR (state = 'sending' AND claimed_until <= $1))"
        " RETURNING id, recipient, language, subject, body_text, body_html, attempts, created_at";

err_code store_outbox_claim(struct db *db, struct arena *a, int64_t now, int64_t lease_ms, struct outbox_msg *out,
                            struct err *e)
{
	return store_q_one(db, a, SQL_OUTBOX_CLAIM, PARAMS(P_I64(now), P_I64(now + lease_ms)),
	                   COLS(C_TEXT(&out->id), C_TEXT(&out->recipient), C_TEXT(&out->language),
	                        C_TEXT(&out->subject), C_TEXT(&out->body_text), C_TEXT(&out->body_html),
	                        C_INT(&out->attempts), C_I64(&out->created_at)),
	                   E_NOT_FOUND, e);
}

static const char SQL_OUTBOX_SENT[] = "UPDATE outbox SET state = 'sent', sent_at = $2, last_error = NULL WHERE id = $1";

err_code store_outbox_sent(struct db *db, const char *id, int64_t now, struct err *e)
{
	return store_q_exec(db, SQL_OUTBOX_SENT, PARAMS(P_TEXT(id), P_I64(now)), E_INTERNAL, e);
}

static const char SQL_OUTBOX_RETRY[] =
        "UPDATE outbox SET state = 'queued', next_attempt_at = $2, claimed_until = 0, last_error = $3 WHERE id = $1";

err_code store_outbox_retry(struct db *db, const char *id, int64_t next_attempt_at, const char *error, struct err *e)
{
	return store_q_exec(db, SQL_OUTBOX_RETRY, PARAMS(P_TEXT(id), P_I64(next_attempt_at), P_TEXT(error)), E_INTERNAL,
	                    e);
}

static const char SQL_OUTBOX_FAILED[] = "UPDATE outbox SET state = 'failed', last_error = $2 WHERE id = $1";

err_code store_outbox_failed(struct db *db, const char *id, const char *error, struct err *e)
{
	return store_q_exec(db, SQL_OUTBOX_FAILED, PARAMS(P_TEXT(id), P_TEXT(error)), E_INTERNAL, e);
}

static const char SQL_OUTBOX_DEPTH[] = "SELECT COUNT(*) FROM outbox WHERE state IN ('queued', 'sending')";

err_code store_outbox_depth(struct db *db, int64_t *out, struct err *e)
{
	return store_q_count(db, SQL_OUTBOX_DEPTH, NO_PARAMS, out, e);
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
	return store_q_one(db, NULL, SQL_THROTTLE_HIT, PARAMS(P_TEXT(key), P_I64(now), P_I64(now - window_ms)),
	                   COLS(C_I64(out_count), C_I64(out_window_start)), E_INTERNAL, e);
}

static const char SQL_THROTTLE_PEEK[] = "SELECT count, window_start FROM throttle WHERE key = $1 AND window_start > $2";

err_code store_throttle_peek(struct db *db, const char *key, int64_t now, int64_t window_ms, int64_t *out_count,
                             int64_t *out_window_start, struct err *e)
{
	*out_count = 0;
	*out_window_start = now;
	return store_q_one(db, NULL, SQL_THROTTLE_PEEK, PARAMS(P_TEXT(key), P_I64(now - window_ms)),
	                   COLS(C_I64(out_count), C_I64(out_window_start)), E_OK, e);
}

static const char SQL_THROTTLE_CLEAR[] = "DELETE FROM throttle WHERE key = $1";

err_code store_throttle_clear(struct db *db, const char *key, struct err *e)
{
	return store_q_exec(db, SQL_THROTTLE_CLEAR, PARAMS(P_TEXT(key)), E_INTERNAL, e);
}

static const char SQL_THROTTLE_UNDO[] =
        "UPDATE throttle SET count = count - 1 WHERE key = $1 AND count > 0 AND window_start > $2";

err_code store_throttle_undo(struct db *db, const char *key, int64_t now, int64_t window_ms, struct err *e)
{
	return store_q_exec(db, SQL_THROTTLE_UNDO, PARAMS(P_TEXT(key), P_I64(now - window_ms)), E_INTERNAL, e);
}

static const char SQL_SECRET_OFFER[] =
        "INSERT INTO server_secrets (name, value, created_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING";
static const char SQL_SECRET_GET[] = "SELECT value FROM server_secrets WHERE name = $1";

err_code store_secret(struct db *db, struct arena *a, const char *name, const char *offer, int64_t now,
                      const char **out, struct err *e)
{
	if (store_q_exec(db, SQL_SECRET_OFFER, PARAMS(P_TEXT(name), P_TEXT(offer), P_I64(now)), E_INTERNAL, e))
		return e->code;
	return store_q_one(db, a, SQL_SECRET_GET, PARAMS(P_TEXT(name)), COLS(C_TEXT(out)), E_INTERNAL, e);
}
