/* Seeds a database for the member benchmarks: one organization with N
 * members (plus a moderator who signs in), and M other organizations with a
 * few members each. Prints shell assignments: ORG, EMAIL, PASSWORD, USER.
 *
 *   seed DB-URL N M
 */
#include "base/clock.h"
#include "base/crypto.h"
#include "base/log.h"
#include "base/text.h"
#include "core/members.h"
#include "core/member_card.h"
#include "core/migrate.h"
#include "core/orgs.h"
#include "store/accounts.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const firsts[] = {"Marie", "Martin", "Thomas", "Julia", "Lukas", "Emma",  "Noah",  "Léa",
                                     "Hugo",  "Chloé",  "Felix",  "Anna",  "Jonas", "Sofia", "Paul",  "Clara",
                                     "Louis", "Mia",    "Elias",  "Inès",  "Ben",   "Lina",  "Jules", "Zoé"};
static const char *const lasts[] = {"Martin",  "Bernard", "Dubois", "Müller",   "Schmidt", "Schneider", "Fischer",
                                    "Weber",   "Meyer",   "Wagner", "Moreau",   "Laurent", "Simon",     "Michel",
                                    "Lefèvre", "Garcia",  "Roux",   "Fournier", "Becker",  "Hoffmann",  "Koch"};
#define NF (sizeof firsts / sizeof firsts[0])
#define NL (sizeof lasts / sizeof lasts[0])

/* A fixed hash, so that first and last names are drawn independently. */
static unsigned mix(unsigned x)
{
	x ^= x >> 16;
	x *= 0x7feb352dU;
	x ^= x >> 15;
	x *= 0x846ca68bU;
	x ^= x >> 16;
	return x;
}

struct batch {
	const char *org_id;
	int from, to, tag;
};

static err_code batch_tx(struct db *db, void *arg, struct err *e)
{
	struct batch *b = arg;
	struct arena *a = arena_new();
	int64_t now = clock_now_ms();
	for (int i = b->from; i < b->to; i++) {
		char id[ID_MAX];
		id_new("usr", id);
		struct user u = {.id = id,
		                 .first_name = firsts[mix((unsigned)i) % NF],
		                 .last_name = lasts[mix((unsigned)i * 2654435761u + 1) % NL],
		                 .company = "",
		                 .language = "en",
		                 .state = "active",
		                 .created_at = now + i,
		                 .updated_at = now + i};
		char email[96];
		snprintf(email, sizeof email, "%s.%s.%d.%d@bench.example", u.first_name, u.last_name, b->tag, i);
		u.email = email;
		struct member m = {.org_id = b->org_id,
		                   .role = i % 50 ? "member" : "moderator",
		                   .source = "direct",
		                   .created_at = now + i,
		                   .user = u};
		if (store_user_insert(db, &u, email_key(a, email), e) || member_insert(db, a, &m, e)) {
			arena_free(a);
			return e->code;
		}
	}
	arena_free(a);
	return E_OK;
}

static err_code analyze_tx(struct db *db, void *arg, struct err *e)
{
	(void)arg;
	db_rc rc = db->drv->exec(db, "ANALYZE");
	return rc == DB_OK ? E_OK : store_fail(db, rc, E_INTERNAL, e);
}

static const char *new_org(struct app *app, struct arena *a, const char *name, int tag, struct err *e)
{
	char admin[96];
	snprintf(admin, sizeof admin, "admin.%d@bench.example", tag);
	struct org_new n = {.name = name, .type = "enterprise", .admin = {.email = admin}};
	struct org o;
	struct user u;
	struct ctx c = {.app = app, .arena = a};
	if (org_create(&c, &n, &o, &u, e))
		return NULL;
	return o.id;
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: seed DB-URL MEMBERS OTHER-ORGS\n");
		return 2;
	}
	int n = (int)strtol(argv[2], NULL, 10), m = (int)strtol(argv[3], NULL, 10);
	log_set_level(LOG_WARN);
	struct err e;
	err_clear(&e);
	struct store *st = NULL;
	if (!crypto_setup() || store_open(argv[1], false, &st, &e) || core_migrate(st, &e)) {
		fprintf(stderr, "seed: %s\n", err_message(&e));
		return 1;
	}
	struct app app = {.store = st, .public_url = "http://bench.example"};
	struct arena *a = arena_new();
	const char *org = new_org(&app, a, "Bench Corp", 0, &e);
	for (int from = 0; org && from < n; from += 5000) {
		struct batch b = {org, from, from + 5000 < n ? from + 5000 : n, 0};
		if (store_tx(st, true, batch_tx, &b, &e))
			org = NULL;
	}
	for (int k = 1; org && k <= m; k++) {
		char name[64];
		snprintf(name, sizeof name, "Other %d", k);
		const char *other = new_org(&app, a, name, k, &e);
		struct batch b = {other, 0, 5, k};
		if (!other || store_tx(st, true, batch_tx, &b, &e))
			org = NULL;
	}
	/* The member who signs in: a moderator (members:read), with a password. */
	struct auth op = {.user = {.is_operator = true}};
	struct org_access acc;
	struct member me;
	struct user_new un = {.email = "reader@bench.example",
	                      .first_name = "Rita",
	                      .last_name = "Reader",
	                      .password = "bench password 1"};
	struct ctx c = {.app = &app, .arena = a, .who = &op};
	if (!org || authz_org(&c, org, PERM_NONE, 0, &acc, &e))
		org = NULL;
	c.access = &acc;
	if (!org || member_create(&c, &un, "moderator", &me, &e) || store_tx(st, true, analyze_tx, NULL, &e)) {
		fprintf(stderr, "seed: %s\n", err_message(&e));
		return 1;
	}
	printf("ORG=%s\nEMAIL=%s\nPASSWORD='%s'\nUSER=%s\n", org, un.email, un.password, me.user.id);
	arena_free(a);
	store_free(st);
	return 0;
}
