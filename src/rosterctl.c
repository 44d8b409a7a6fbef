/* rosterctl: what the operators do from a shell, on core. Opening,
 * migrating and backing up the store are the process's own setup. */
#include "base/clock.h"
#include "base/crypto.h"
#include "base/log.h"
#include "base/text.h"
#include "core/accounts.h"
#include "core/certificates.h"
#include "core/licenses.h"
#include "core/migrate.h"
#include "core/orgs.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <string.h>

/* What a command runs with: its arguments are those after its name (and
 * subname). */
struct ctl {
	struct ctx ctx; /* rosterctl's request: no caller, no organization */
	char **args;    /* NULL-terminated, as argv is */
	int n;
	struct err *e;
};

typedef int (*ctl_fn)(struct ctl *c);
/* Checks the arguments before the database is opened: 0, or the exit code. */
typedef int (*ctl_check_fn)(char **args, int n);

struct command {
	const char *name, *sub; /* sub NULL: a command of one word */
	int min_args, max_args; /* after name and sub; max -1: no limit */
	const char *synopsis;   /* as shown in the usage */
	const char *help;       /* one or more lines */
	ctl_check_fn check;     /* may be NULL */
	ctl_fn run;
};

static int cmd_migrate(struct ctl *c);
static int check_operator_create(char **args, int n);
static int cmd_operator_create(struct ctl *c);
static int cmd_user_list(struct ctl *c);
static int cmd_user_disable(struct ctl *c);
static int cmd_backup(struct ctl *c);
static int cmd_org_create(struct ctl *c);
static int cmd_org_list(struct ctl *c);
static int cmd_org_module(struct ctl *c);
static int cmd_org_admin(struct ctl *c);
static int cmd_license_grant(struct ctl *c);
static int cmd_license_list(struct ctl *c);
static int cmd_license_verify(struct ctl *c);
static int cmd_license_key_rotate(struct ctl *c);

static const struct command commands[] = {
        {"migrate", NULL, 0, 0, "migrate", "apply pending database migrations", NULL, cmd_migrate},
        {"operator", "create", 1, 2, "operator create EMAIL [--password-stdin]",
         "create an operator; without --password-stdin a\nset-password email is queued for rosterd to send",
         check_operator_create, cmd_operator_create},
        {"user", "list", 0, 0, "user list", "list every user (tab-separated)", NULL, cmd_user_list},
        {"user", "disable", 1, 1, "user disable EMAIL", "disable an account and end its sessions at once", NULL,
         cmd_user_disable},
        {"backup", NULL, 1, 1, "backup FILE", "copy the live SQLite database to FILE", NULL, cmd_backup},
        {"org", "create", 3, -1, "org create NAME enterprise|partner ADMIN-EMAIL [MODULE...]",
         "create an organization; its administrator is told by email", NULL, cmd_org_create},
        {"org", "list", 0, 1, "org list [PREFIX]", "list organizations (tab-separated)", NULL, cmd_org_list},
        {"org", "module", 3, 3, "org module ORG on|off MODULE", "switch a module (customer_login, teams)", NULL,
         cmd_org_module},
        {"org", "admin", 2, 2, "org admin ORG EMAIL", "make EMAIL an administrator of ORG (told by email)", NULL,
         cmd_org_admin},
        {"license", "grant", 3, 9,
         "license grant ORG PRODUCT SEATS [--unit user|device] [--trial] [--auto-assign] [--ends TIME]",
         "grant ORG a pool of SEATS seats of PRODUCT for a year\n(or until TIME, RFC 3339)", NULL, cmd_license_grant},
        {"license", "list", 1, 1, "license list ORG", "list the license pools of ORG (tab-separated)", NULL,
         cmd_license_list},
        {"license", "verify", 1, 1, "license verify FILE",
         "check an offline license certificate (JSON) against\nthe server's keys; prints its payload", NULL,
         cmd_license_verify},
        {"license-key", "rotate", 0, 0, "license-key rotate",
         "make a new key sign offline licenses; the old one\nstill verifies what it signed", NULL,
         cmd_license_key_rotate},
};
#define COMMANDS_COUNT ((int)(sizeof commands / sizeof commands[0]))

/* The synopsis column is this wide; a longer synopsis has a line to itself. */
#define SYNOPSIS_WIDTH 41

static void print_usage(FILE *f)
{
	fputs("usage: rosterctl [--db URL] COMMAND\n\n", f);
	for (int k = 0; k < COMMANDS_COUNT; k++) {
		const struct command *c = &commands[k];
		if (strlen(c->synopsis) < SYNOPSIS_WIDTH)
			fprintf(f, "  %-*s", SYNOPSIS_WIDTH, c->synopsis);
		else
			fprintf(f, "  %s\n%*s", c->synopsis, SYNOPSIS_WIDTH + 2, "");
		for (const char *h = c->help;;) {
			size_t len = strcspn(h, "\n");
			fprintf(f, "%.*s\n", (int)len, h);
			if (!h[len])
				break;
			h += len + 1;
			fprintf(f, "%*s", SYNOPSIS_WIDTH + 2, "");
		}
	}
	fputs("\n--db defaults to ROSTER_DB, then ./var/roster.db.\n", f);
}

/* The command that argv (from its name on, argc words) calls, or NULL. */
static const struct command *command_find(char **argv, int argc)
{
	for (int k = 0; k < COMMANDS_COUNT; k++) {
		const struct command *c = &commands[k];
		int words = c->sub ? 2 : 1, n = argc - words;
		if (strcmp(argv[0], c->name) || (c->sub && (argc < 2 || strcmp(argv[1], c->sub))))
			continue;
		if (n >= c->min_args && (c->max_args < 0 || n <= c->max_args))
			return c;
	}
	return NULL;
}

static int fail(const struct err *e)
{
	fprintf(stderr, "rosterctl: %s\n", err_message(e));
	return 1;
}

static int usage_error(const char *msg)
{
	if (msg)
		fprintf(stderr, "rosterctl: %s\n", msg);
	print_usage(stderr);
	return 2;
}

/* ---- the commands ---- */

static int cmd_migrate(struct ctl *c)
{
	printf("database at schema version %d\n", store_schema_version(c->ctx.app->store, c->e));
	return 0;
}

static int cmd_backup(struct ctl *c)
{
	if (store_backup(c->ctx.app->store, c->args[0], c->e))
		return fail(c->e);
	printf("backed up to %s\n", c->args[0]);
	return 0;
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

static int check_operator_create(char **args, int n)
{
	if (n == 2 && strcmp(args[1], "--password-stdin"))
		return usage_error("operator create takes only --password-stdin");
	return 0;
}

static int cmd_operator_create(struct ctl *c)
{
	const char *password = NULL;
	if (c->n == 2 && !(password = read_password(c->ctx.arena))) {
		fprintf(stderr, "rosterctl: no password on standard input\n");
		return 1;
	}
	struct user u;
	if (account_create_operator(&c->ctx, c->args[0], password, &u, c->e))
		return fail(c->e);
	printf("%s\t%s\t%s\n", u.id, u.email, password ? "password set" : "set-password email queued");
	return 0;
}

static void print_user(const struct user *u, void *arg)
{
	(void)arg;
	char created[RFC3339_LEN];
	clock_format_rfc3339(u->created_at, created);
	printf("%s\t%s\t%s\t%s\t%s\n", u->id, u->email, u->state, u->is_operator ? "operator" : "user", created);
}

static int cmd_user_list(struct ctl *c)
{
	return account_list_users(&c->ctx, print_user, NULL, c->e) ? fail(c->e) : 0;
}

static int cmd_user_disable(struct ctl *c)
{
	if (account_disable(&c->ctx, c->args[0], c->e)) {
		if (c->e->code != E_NOT_FOUND)
			return fail(c->e);
		fprintf(stderr, "rosterctl: no user with that email\n");
		return 1;
	}
	printf("disabled %s; its sessions have ended\n", c->args[0]);
	return 0;
}

static int cmd_org_create(struct ctl *c)
{
	/* args is NULL-terminated, as org_new.modules must be. */
	struct org_new on = {.name = c->args[0], .type = c->args[1], .admin = {.email = c->args[2]}};
	on.modules = c->n > 3 ? (const char *const *)(c->args + 3) : NULL;
	struct org o;
	struct user admin;
	if (org_create(&c->ctx, &on, &o, &admin, c->e))
		return fail(c->e);
	printf("%s\t%s\tadministrator %s (told by email)\n", o.id, o.name, admin.email);
	return 0;
}

static void print_org(const struct org *o, const char *role, void *arg)
{
	(void)role;
	(void)arg;
	printf("%s\t%s\t%s\t%s\n", o->id, o->name, o->type, o->state);
}

static int cmd_org_list(struct ctl *c)
{
	const char *prefix = c->n > 0 ? c->args[0] : NULL;
	return org_list_all(&c->ctx, prefix, print_org, NULL, c->e) ? fail(c->e) : 0;
}

static int cmd_org_module(struct ctl *c)
{
	const char *org_id = c->args[0], *module = c->args[2];
	bool on = !strcmp(c->args[1], "on");
	if (!on && strcmp(c->args[1], "off"))
		return usage_error("org module ORG on|off MODULE");
	if (org_module_switch(&c->ctx, org_id, module, on, c->e))
		return fail(c->e);
	printf("%s: %s %s\n", org_id, module, on ? "on" : "off");
	return 0;
}

static int cmd_org_admin(struct ctl *c)
{
	struct user u;
	struct user_new un = {.email = c->args[1]};
	if (org_add_admin(&c->ctx, c->args[0], &un, &u, c->e))
		return fail(c->e);
	printf("%s is an administrator of %s (told by email)\n", u.email, c->args[0]);
	return 0;
}

/* ---- the process ---- */

struct options {
	const char *db, *public_url;
	int first; /* argv index of the command's name */
};

/* 0, or the exit code when the process is done (--help, a usage error). */
static int parse_options(int argc, char **argv, struct options *o)
{
	/* Every argument is text that may be stored (names, emails): refused
	 * whole when it is not valid UTF-8, before anything is touched. */
	for (int k = 1; k < argc; k++)
		if (!utf8_valid(argv[k], strlen(argv[k]))) {
			fprintf(stderr, "rosterctl: argument %d is not valid UTF-8 text\n", k);
			return 2;
		}
	o->db = getenv("ROSTER_DB");
	o->public_url = getenv("ROSTER_PUBLIC_URL");
	int i = 1;
	for (; i < argc && !strncmp(argv[i], "--", 2); i++) {
		if (!strcmp(argv[i], "--db") && i + 1 < argc)
			o->db = argv[++i];
		else if (!strncmp(argv[i], "--db=", 5))
			o->db = argv[i] + 5;
		else if (!strcmp(argv[i], "--public-url") && i + 1 < argc)
			o->public_url = argv[++i];
		else if (!strncmp(argv[i], "--public-url=", 13))
			o->public_url = argv[i] + 13;
		else if (!strcmp(argv[i], "--help")) {
			print_usage(stdout);
			return -1;
		} else
			return usage_error("unknown option");
	}
	if (i >= argc)
		return usage_error(NULL);
	if (!o->db || !*o->db)
		o->db = "./var/roster.db";
	o->first = i;
	return 0;
}

/* Opens and migrates the store, then runs the command on it. */
static int run(const struct options *o, const struct command *cmd, char **args, int n)
{
	log_set_level(LOG_WARN);
	if (!crypto_setup()) {
		fprintf(stderr, "rosterctl: libsodium could not be initialised\n");
		return 1;
	}
	struct err e;
	err_clear(&e);
	struct store *store = NULL;
	if (store_open(o->db, false, &store, &e) || core_migrate(store, &e)) {
		int rc = fail(&e);
		store_free(store);
		return rc;
	}
	const char *url = o->public_url;
	if (url && *url && strncmp(url, "http://", 7) && strncmp(url, "https://", 8))
		return usage_error("--public-url must start with http:// or https://");
	char *base = strdup(url && *url ? url : "http://127.0.0.1:8080");
	for (size_t len = strlen(base); len && base[len - 1] == '/'; len--)
		base[len - 1] = '\0';
	struct app app = {.store = store, .public_url = base};
	struct ctl c = {
	        .ctx = {.app = &app, .arena = arena_new(), .ri = {.request_id = "rosterctl", .client_addr = "local"}},
	        .args = args,
	        .n = n,
	        .e = &e};
	int rc = cmd->run(&c);
	arena_free(c.ctx.arena);
	store_free(store);
	free(base);
	return rc;
}

int main(int argc, char **argv)
{
	struct options o;
	int rc = parse_options(argc, argv, &o);
	if (rc)
		return rc < 0 ? 0 : rc;
	/* Check the command's shape before touching the database. */
	const struct command *cmd = command_find(argv + o.first, argc - o.first);
	if (!cmd)
		return usage_error("unknown command or wrong arguments");
	int words = cmd->sub ? 2 : 1;
	char **args = argv + o.first + words;
	int n = argc - o.first - words;
	if (cmd->check && (rc = cmd->check(args, n)))
		return rc;
	return run(&o, cmd, args, n);
}

static int cmd_license_grant(struct ctl *c)
{
	static const char synopsis[] =
	        "license grant ORG PRODUCT SEATS [--unit user|device] [--trial] [--auto-assign] [--ends TIME]";
	char *end;
	long long seats = strtoll(c->args[2], &end, 10);
	if (!*c->args[2] || *end)
		return usage_error(synopsis);
	struct license_new n = {.product = c->args[1], .seats = seats, .unit = "user", .max_transfers_per_month = -1};
	for (int i = 3; i < c->n; i++) {
		const char *a = c->args[i];
		if (!strcmp(a, "--trial"))
			n.state = "trial";
		else if (!strcmp(a, "--auto-assign"))
			n.auto_assign = true;
		else if (!strcmp(a, "--unit") && i + 1 < c->n)
			n.unit = c->args[++i];
		else if (!strcmp(a, "--ends") && i + 1 < c->n) {
			if (!clock_parse_rfc3339(c->args[++i], &n.ends_at) || n.ends_at == 0)
				return usage_error(synopsis);
		} else
			return usage_error(synopsis);
	}
	struct license_pool p;
	if (license_grant_in(&c->ctx, c->args[0], &n, &p, c->e))
		return fail(c->e);
	char ends[RFC3339_LEN];
	clock_format_rfc3339(p.ends_at, ends);
	printf("%s\t%s\t%lld seats per %s\t%s until %s\n", p.id, p.product, (long long)p.seats, p.unit, p.state, ends);
	return 0;
}

static void print_license(const struct license_pool *p, void *arg)
{
	(void)arg;
	char ends[RFC3339_LEN];
	clock_format_rfc3339(p->ends_at, ends);
	printf("%s\t%s\t%s\t%lld\t%lld\t%s\t%s\n", p->id, p->product, p->unit, (long long)p->seats, (long long)p->used,
	       license_state_name(license_effective_state(p, clock_now_ms())), ends);
}

static int cmd_license_list(struct ctl *c)
{
	if (license_list_in(&c->ctx, c->args[0], print_license, NULL, c->e))
		return fail(c->e);
	return 0;
}

/* The certificate as an app keeps it: the "certificate" object of
 * GET /api/v1/device/license, alone in a file. */
#define CERT_FILE_MAX 65536

static int cmd_license_verify(struct ctl *c)
{
	FILE *f = strcmp(c->args[0], "-") ? fopen(c->args[0], "rb") : stdin;
	if (!f) {
		fprintf(stderr, "rosterctl: %s: %s\n", c->args[0], strerror(errno));
		return 1;
	}
	char *text = arena_alloc(c->ctx.arena, CERT_FILE_MAX + 1);
	size_t n = fread(text, 1, CERT_FILE_MAX + 1, f);
	if (f != stdin)
		fclose(f);
	if (n > CERT_FILE_MAX) {
		fprintf(stderr, "rosterctl: %s: larger than %d bytes: no certificate\n", c->args[0], CERT_FILE_MAX);
		return 1;
	}
	text[n] = 0;
	const char *payload = NULL;
	err_code rc = certificate_verify(c->ctx.app->store, c->ctx.arena, text, clock_now_ms(), &payload, c->e);
	if (payload)
		printf("%s\n", payload);
	if (rc == E_INVALID) {
		printf("invalid: %s\n", err_message(c->e));
		return 1;
	}
	if (rc)
		return fail(c->e);
	printf("valid\n");
	return 0;
}

static int cmd_license_key_rotate(struct ctl *c)
{
	const char *id;
	if (license_key_rotate(c->ctx.app->store, c->ctx.arena, &id, c->e))
		return fail(c->e);
	printf("%s\tsigns from now on; the key before still verifies its certificates\n", id);
	return 0;
}
