#ifndef ROSTER_STORE_MISC_H
#define ROSTER_STORE_MISC_H

#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "store/audit.h"
#include "store/db.h"

/* The outbox, the throttle windows and (store/audit.h) the audit log:
 * small tables that several modules write into inside their own
 * transactions. */

struct outbox_msg {
	const char *id;
	const char *recipient;
	const char *language;
	const char *subject;
	const char *body_text;
	const char *body_html;
	int attempts;
	int64_t created_at;
};

err_code store_outbox_insert(struct db *db, const struct outbox_msg *m, int64_t now, struct err *e);
/* Claims the oldest due message for lease_ms (queued and due, or a claim
 * whose lease ran out because its sender died). E_NOT_FOUND when none. */
err_code store_outbox_claim(struct db *db, struct arena *a, int64_t now, int64_t lease_ms, struct outbox_msg *out,
                            struct err *e);
err_code store_outbox_sent(struct db *db, const char *id, int64_t now, struct err *e);
err_code store_outbox_retry(struct db *db, const char *id, int64_t next_attempt_at, const char *error, struct err *e);
err_code store_outbox_failed(struct db *db, const char *id, const char *error, struct err *e);
/* Messages not yet delivered (queued or being sent). */
err_code store_outbox_depth(struct db *db, int64_t *out, struct err *e);

/* Counts one event in key's fixed window of window_ms (a new window starts
 * when the old one has passed) and returns the count and window start. */
err_code store_throttle_hit(struct db *db, const char *key, int64_t now, int64_t window_ms, int64_t *out_count,
                            int64_t *out_window_start, struct err *e);
/* Reads the count in key's current window without counting (0 if none). */
err_code store_throttle_peek(struct db *db, const char *key, int64_t now, int64_t window_ms, int64_t *out_count,
                             int64_t *out_window_start, struct err *e);
err_code store_throttle_clear(struct db *db, const char *key, struct err *e);
/* Takes one event back out of key's current window (never below zero). */
err_code store_throttle_undo(struct db *db, const char *key, int64_t now, int64_t window_ms, struct err *e);

/* The server secret of that name: the one stored, or offer when there was
 * none (the first offer of concurrent processes stays). */
err_code store_secret(struct db *db, struct arena *a, const char *name, const char *offer, int64_t now,
                      const char **out, struct err *e);

#endif
