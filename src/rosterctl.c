/* rosterctl: what the operators do from a shell, on core and store. */
#include "base/clock.h"
#include "base/crypto.h"
#include "base/log.h"
#include "base/text.h"
#include "core/accounts.h"
#include "core/member_card.h"
#include "core/migrate.h"
#include "core/orgs.h"
#include "store/accounts.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
        "usage: rosterctl [--db URL] COMMAND\n"
        "\n"
        "  migrate                                  apply pending database migrations\n"
        "  operator create EMAIL [--password-stdin] create an operator; without --password-stdin a\n"
        "                                           set-password email is queued for rosterd to send\n"
        "  user list                                list every user (tab-separated)\n"
        "  user disable EMAIL                       disable an account and end its sessions at once\n"
        "  backup FILE                              copy the live SQLite database to FILE\n"
        "  org create NAME enterprise|partner ADMIN-EMAIL [MODULE...]\n"
        "                                           create an organization; its administrator is told by email\n"
        "  org list [PREFIX]                        list organizations (tab-separated)\n"
        "  org module ORG on|off MODULE             switch a module (customer_login, teams)\n"
        "  org admin ORG EMAIL                      make EMAIL an administrator of ORG (told by email)\n"
        "\n"
        "--db defaults to ROSTER_DB, then ./var/roster.db.\n";

static int fail(const struct err *e)
{
	fprintf(stderr, "rosterctl: %s\n", err_message(e));
	return 1;
}

static int usage_error(const char *msg)
{
	if (msg)
		fprintf(stderr, "rosterctl: %s\n", msg);
	fputs(usage, stderr);
	return 2;
}

/* One line from standard input, without its newline; NULL on EOF or too long. */
static char *read_password(struct arena *a)
{
	char buf[2048];
	if (!fgets(buf, sizeof buf, stdin))
		return NULL;
	size_t n = strlen(buf);
	if (n && buf[n - 1] == '\n')
		buf[--n] = '\0';
	else if (!feof(stdin))
		return NULL;
	if (n && buf[n - 1] == '\r')
		buf[--n] = '\0';
	return arena_strdup(a, buf);
}

struct list_state {
	int count;
	const char *last_key;
	struct arena *a;
};

static void print_user(const struct user *u, const char *email_key, void *arg)
{
	struct list_state *ls = arg;
	char created[RFC3339_LEN];
	clock_format_rfc3339(u->created_at, created);
	printf("%s\t%s\t%s\t%s\t%s\n", u->id, u->email, u->state, u->is_operator ? "operator" : "user", created);
	ls->count++;
	ls->last_key = arena_strdup(ls->a, email_key);
}

struct list_arg {
	struct arena *a;
	const char *after;
	struct list_state *ls;
};

static err_code list_tx(struct db *db, void *arg, struct err *e)
{
	struct list_arg *la = arg;
	return store_user_list(db, la->a, USERS_BY_EMAIL_KEY, la->after, 500, print_user, la->ls, e);
}

static int cmd_user_list(struct app *app, struct arena *a, struct err *e)
{
	struct list_state ls = {0, NULL, a};
	const char *after = NULL;
	for (;;) {
		int before = ls.count;
		struct list_arg la = {a, after, &ls};
		if (store_tx(app->store, false, list_tx, &la, e))
			return fail(e);
		if (ls.count - before < 500)
			break;
		after = ls.last_key; /* the stored key of the last user printed */
	}
	return 0;
}

static void print_org(const struct org *o, const char *role, void *arg)
{
	(void)role;
	(void)arg;
	printf("%s\t%s\t%s\t%s\n", o->id, o->name, o->type, o->state);
}

/* rosterctl acts as an operator; its audit events carry no actor. */
static const struct auth *operator_auth(void)
{
	static struct auth op;
	op.user.is_operator = true;
	return &op;
}

static int cmd_org(struct ctx *c, char **args, int n, struct err *e)
{
	const char *sub = args[0];
	if (!strcmp(sub, "create")) {
		/* argv is NULL-terminated, as org_new.modules must be. */
		struct org_new on = {.name = args[1], .type = args[2], .admin = {.email = args[3]}};
		on.modules = n > 4 ? (const char *const *)(args + 4) : NULL;
		struct org o;
		struct user admin;
		if (org_create(c, &on, &o, &admin, e))
			return fail(e);
		printf("%s\t%s\tadministrator %s (told by email)\n", o.id, o.name, admin.email);
		return 0;
	}
	if (!strcmp(sub, "list")) {
		if (org_list(c, n > 1 ? args[1] : NULL, NULL, NULL, 200, print_org, NULL, e))
			return fail(e);
		return 0;
	}
	if (!strcmp(sub, "module")) {
		bool on = !strcmp(args[2], "on");
		if (!on && strcmp(args[2], "off"))
			return usage_error("org module ORG on|off MODULE");
		struct org_access acc;
		if (authz_org(c, args[1], PERM_NONE, 0, &acc, e))
			return fail(e);
		c->access = &acc;
		if (org_module_set(c, args[3], on, e))
			return fail(e);
		printf("%s: %s %s\n", args[1], args[3], on ? "on" : "off");
		return 0;
	}
	struct user u;
	struct user_new un = {.email = args[2]};
	if (org_add_admin(c, args[1], &un, &u, e))
		return fail(e);
	printf("%s is an administrator of %s (told by email)\n", u.email, args[1]);
	return 0;
}

int main(int argc, char **argv)
{
	/* Every argument is text that may be stored (names, emails): refused
	 * whole when it is not valid UTF-8, before anything is touched. */
	for (int k = 1; k < argc; k++)
		if (!utf8_valid(argv[k], strlen(argv[k]))) {
			fprintf(stderr, "rosterctl: argument %d is not valid UTF-8 text\n", k);
			return 2;
		}
	const char *db = getenv("ROSTER_DB");
	const char *public_url = getenv("ROSTER_PUBLIC_URL");
	int i = 1;
	for (; i < argc && !strncmp(argv[i], "--", 2); i++) {
		if (!strcmp(argv[i], "--db") && i + 1 < argc)
			db = argv[++i];
		else if (!strncmp(argv[i], "--db=", 5))
			db = argv[i] + 5;
		else if (!strcmp(argv[i], "--public-url") && i + 1 < argc)
			public_url = argv[++i];
		else if (!strncmp(argv[i], "--public-url=", 13))
			public_url = argv[i] + 13;
		else if (!strcmp(argv[i], "--help")) {
			fputs(usage, stdout);
			return 0;
		} else
			return usage_error("unknown option");
	}
	if (i >= argc)
		return usage_error(NULL);
	if (!db || !*db)
		db = "./var/roster.db";
	const char *cmd = argv[i], *sub = i + 1 < argc ? argv[i + 1] : NULL;
	int nargs = argc - i;

	/* Check the command's shape before touching the database. */
	bool known = (!strcmp(cmd, "migrate") && nargs == 1) ||
	             (!strcmp(cmd, "operator") && sub && !strcmp(sub, "create") && (nargs == 3 || nargs == 4)) ||
	             (!strcmp(cmd, "user") && sub && !strcmp(sub, "list") && nargs == 2) ||
	             (!strcmp(cmd, "user") && sub && !strcmp(sub, "disable") && nargs == 3) ||
	             (!strcmp(cmd, "backup") && nargs == 2) ||
	             (!strcmp(cmd, "org") && sub && !strcmp(sub, "create") && nargs >= 5) ||
	             (!strcmp(cmd, "org") && sub && !strcmp(sub, "list") && (nargs == 2 || nargs == 3)) ||
	             (!strcmp(cmd, "org") && sub && !strcmp(sub, "module") && nargs == 5) ||
	             (!strcmp(cmd, "org") && sub && !strcmp(sub, "admin") && nargs == 4);
	if (!known)
		return usage_error("unknown command or wrong arguments");
	bool password_stdin = false;
	if (!strcmp(cmd, "operator")) {
		if (nargs == 4 && strcmp(argv[i + 3], "--password-stdin"))
			return usage_error("operator create takes only --password-stdin");
		password_stdin = nargs == 4;
	}

	log_set_level(LOG_WARN);
	if (!crypto_setup()) {
		fprintf(stderr, "rosterctl: libsodium could not be initialised\n");
		return 1;
	}
	struct err e;
	err_clear(&e);
	struct store *store = NULL;
	if (store_open(db, false, &store, &e) || core_migrate(store, &e)) {
		int rc = fail(&e);
		store_free(store);
		return rc;
	}
	if (public_url && *public_url && strncmp(public_url, "http://", 7) && strncmp(public_url, "https://", 8))
		return usage_error("--public-url must start with http:// or https://");
	char *base = strdup(public_url && *public_url ? public_url : "http://127.0.0.1:8080");
	for (size_t n = strlen(base); n && base[n - 1] == '/'; n--)
		base[n - 1] = '\0';
	struct app app = {.store = store, .public_url = base};
	struct arena *a = arena_new();
	struct ctx c = {.app = &app,
	                .arena = a,
	                .ri = {.request_id = "rosterctl", .client_addr = "local"},
	                .who = operator_auth()};
	int rc = 0;
	if (!strcmp(cmd, "migrate")) {
		printf("database at schema version %d\n", store_schema_version(store, &e));
	} else if (!strcmp(cmd, "operator")) {
		const char *password = NULL;
		if (password_stdin && !(password = read_password(a))) {
			fprintf(stderr, "rosterctl: no password on standard input\n");
			rc = 1;
		} else {
			struct user u;
			if (account_create_operator(&c, argv[i + 2], password, &u, &e))
				rc = fail(&e);
			else
				printf("%s\t%s\t%s\n", u.id, u.email,
				       password ? "password set" : "set-password email queued");
		}
	} else if (!strcmp(cmd, "user") && !strcmp(sub, "list")) {
		rc = cmd_user_list(&app, a, &e);
	} else if (!strcmp(cmd, "user")) {
		if (account_disable(&c, argv[i + 2], &e))
			rc = e.code == E_NOT_FOUND ? (fprintf(stderr, "rosterctl: no user with that email\n"), 1)
			                           : fail(&e);
		else
			printf("disabled %s; its sessions have ended\n", argv[i + 2]);
	} else if (!strcmp(cmd, "org")) {
		rc = cmd_org(&c, argv + i + 1, nargs - 1, &e);
	} else if (!strcmp(cmd, "backup")) {
		if (store_backup(store, sub, &e))
			rc = fail(&e);
		else
			printf("backed up to %s\n", sub);
	}
	arena_free(a);
	store_free(store);
	free(base);
	return rc;
}
