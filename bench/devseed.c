/* Seeds devices for the license benchmarks: N active devices in an
 * organization, one after the other on its members (by user id), each with
 * a device token and a seat of a per-device pool. It writes what an
 * activation writes, through the same functions: the devices row
 * (store_device_insert), the token (token_issue: purpose 'device', subject
 * the device, no user, the SHA-256 of the token text, a hundred years) and
 * the seat (store_seat_take then store_seat_insert_device, as the automatic
 * assignment does), so that the pool's used stays equal to its seats rows.
 * It leaves out the audit record of each activation. The token texts go to
 * TOKENS, one a line. Then prints SEAT_USERS='16 member ids' (members of
 * the organization, for the seat benchmark).
 *
 *   devseed DB-URL ORG POOL N CODE-PREFIX TOKENS
 *
 * Device i (from 0) has the code CODE-PREFIX followed by i on five digits. */
#include "base/arena.h"
#include "base/clock.h"
#include "base/crypto.h"
#include "base/log.h"
#include "base/text.h"
#include "core/devices.h"
#include "core/tokens.h"
#include "store/devices.h"
#include "store/licenses.h"
#include "store/query.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BATCH 500

struct members {
	struct arena *a;
	const char **v;
	const char *row;
	int n, cap;
};

static void member_row(void *arg)
{
	struct members *m = arg;
	if (m->n == m->cap) {
		int cap = m->cap ? 2 * m->cap : 1024;
		const char **v = arena_alloc(m->a, (size_t)cap * sizeof *v);
		if (m->n)
			memcpy(v, m->v, (size_t)m->n * sizeof *v);
		m->v = v;
		m->cap = cap;
	}
	m->v[m->n++] = arena_strdup(m->a, m->row);
}

struct seed {
	const char *org, *pool, *prefix;
	struct members *m;
	char (*tok)[TOKEN_LEN + 1]; /* the texts of a batch, written once it commits */
	int from, to;
};

static err_code members_tx(struct db *db, void *arg, struct err *e)
{
	struct seed *s = arg;
	s->m->n = 0;
	return store_q_each(db, s->m->a,
	                    "SELECT m.user_id FROM memberships m JOIN users u ON u.id = m.user_id"
	                    " WHERE m.org_id = $1 AND u.state = 'active' ORDER BY m.user_id",
	                    PARAMS(P_TEXT(s->org)), COLS(C_TEXT_REF(&s->m->row)), member_row, s->m, e);
}

static err_code batch_tx(struct db *db, void *arg, struct err *e)
{
	struct seed *s = arg;
	struct arena *a = arena_new();
	int64_t now = clock_now_ms();
	for (int i = s->from; i < s->to; i++) {
		char id[ID_MAX], code[64], name[64];
		bool taken;
		id_new("dev", id);
		snprintf(code, sizeof code, "%s%05d", s->prefix, i);
		snprintf(name, sizeof name, "Workstation %05d", i);
		struct device d = {.id = id,
		                   .org_id = s->org,
		                   .code = code,
		                   .name = name,
		                   .platform = "linux",
		                   .user_id = s->m->v[i % s->m->n],
		                   .created_at = now};
		if (store_device_insert(db, &d, text_fold(a, code), text_fold(a, name), e) ||
		    token_issue(db, TOKEN_DEVICE, id, DEVICE_TOKEN_TTL_MS, s->tok[i - s->from], e) ||
		    store_seat_take(db, s->org, s->pool, now, &taken, e))
			goto fail;
		if (!taken) {
			err_set(e, E_SEAT_LIMIT_REACHED, NULL, "the pool has no free seat for device %d", i);
			goto fail;
		}
		if (store_seat_insert_device(db, s->org, s->pool, id, "auto", NULL, now, e))
			goto fail;
	}
	arena_free(a);
	return E_OK;
fail:
	arena_free(a);
	return e->code;
}

int main(int argc, char **argv)
{
	if (argc != 7) {
		fprintf(stderr, "usage: devseed DB-URL ORG POOL N CODE-PREFIX TOKENS\n");
		return 2;
	}
	int n = (int)strtol(argv[4], NULL, 10);
	log_set_level(LOG_WARN);
	struct err e;
	err_clear(&e);
	struct store *st = NULL;
	if (!crypto_setup() || store_open(argv[1], false, &st, &e)) {
		fprintf(stderr, "devseed: %s\n", err_message(&e));
		return 1;
	}
	struct members m = {.a = arena_new()};
	struct seed s = {.org = argv[2], .pool = argv[3], .prefix = argv[5], .m = &m};
	if (store_read(st, members_tx, &s, &e) || m.n < 16) {
		fprintf(stderr, "devseed: %s\n", m.n < 16 ? "fewer than 16 members" : err_message(&e));
		return 1;
	}
	FILE *tokens = fopen(argv[6], "w");
	if (!tokens) {
		perror(argv[6]);
		return 1;
	}
	s.tok = arena_alloc(m.a, BATCH * sizeof *s.tok);
	for (s.from = 0; s.from < n; s.from += BATCH) {
		s.to = s.from + BATCH < n ? s.from + BATCH : n;
		if (store_tx(st, true, batch_tx, &s, &e)) {
			fprintf(stderr, "devseed: %s\n", err_message(&e));
			return 1;
		}
		for (int i = 0; i < s.to - s.from; i++)
			fprintf(tokens, "%s\n", s.tok[i]);
	}
	if (fclose(tokens)) {
		perror(argv[6]);
		return 1;
	}
	/* The seat benchmark's members: spread over the list, none the last. */
	printf("SEAT_USERS='");
	for (int i = 0; i < 16; i++)
		printf("%s%s", i ? " " : "", m.v[(i * 7 + 3) % m.n]);
	printf("'\n");
	arena_free(m.a);
	store_free(st);
	return 0;
}
