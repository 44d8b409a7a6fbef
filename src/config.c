#include "config.h"

#include "base/text.h"

#include <arpa/inet.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char config_usage[] =
        "usage: rosterd [options]\n"
        "  --db URL                  ROSTER_DB: PATH, sqlite:PATH or postgres://... (default ./var/roster.db)\n"
        "  --listen HOST:PORT        ROSTER_LISTEN (default 127.0.0.1:8080; port 0 picks a free one)\n"
        "  --public-url URL          ROSTER_PUBLIC_URL: the base of links in emails (default http://127.0.0.1:8080)\n"
        "  --smtp-url URL            ROSTER_SMTP_URL: smtp://host:port or smtps://...; unset writes .eml files\n"
        "  --mail-from ADDRESS       ROSTER_MAIL_FROM (default \"roster <roster@localhost>\")\n"
        "  --mail-dir DIR            ROSTER_MAIL_DIR (default ./var/mail)\n"
        "  --threads N               ROSTER_THREADS: HTTP worker threads (default: the number of cores)\n"
        "  --log info|debug          ROSTER_LOG (default info)\n"
        "  --sync normal|full        ROSTER_SYNC: SQLite's synchronous setting (default normal)\n"
        "  --header-timeout SECONDS  ROSTER_HEADER_TIMEOUT: time for a request's headers (default 10)\n"
        "  --idle-timeout SECONDS    ROSTER_IDLE_TIMEOUT: an idle connection is closed (default 60)\n"
        "  --body-timeout SECONDS    ROSTER_BODY_TIMEOUT: time for a request's body once its headers\n"
        "                            are in (default 30)\n"
        "  --body-min-rate BYTES     ROSTER_BODY_MIN_RATE: a body slower than this many bytes per second\n"
        "                            on average, after its first 5 seconds, is cut off (default 1024; 0: none)\n"
        "  --max-connections N       ROSTER_MAX_CONNECTIONS (default 1000)\n"
        "  --max-connections-per-address N  ROSTER_MAX_CONNECTIONS_PER_ADDRESS: from one IPv4 address or\n"
        "                            IPv6 /64; trusted proxies are not limited (default 100)\n"
        "  --mail-lease SECONDS      ROSTER_MAIL_LEASE: how long a message being sent is reserved; after a\n"
        "                            crash it is sent again once this has passed (default 60)\n"
        "  --session-idle SECONDS    ROSTER_SESSION_IDLE (default 28800)\n"
        "  --session-lifetime SECONDS ROSTER_SESSION_LIFETIME (default 2592000)\n"
        "  --trusted-proxies LIST    ROSTER_TRUSTED_PROXIES: addresses of reverse proxies whose\n"
        "                            X-Forwarded-For names the client and whose X-Request-Id is\n"
        "                            kept; not limited per address (comma-separated)\n"
        "  --bootstrap-operator EMAIL ROSTER_BOOTSTRAP_OPERATOR: on a database without an operator, create one\n"
        "  --routes                  print the route table and exit\n";

/* Each option is a row: where its value goes and how it is read. A row
 * with `set` reads a value of its own syntax; the others are text, a
 * whole number within [min, max] (O_MS: seconds, kept as milliseconds), one
 * of two words (the second sets the flag), or a flag without a value. */
struct opt;
typedef bool (*opt_set)(struct config *c, const char *v, const char *source, char *errbuf, size_t errlen);
struct opt {
	const char *name;
	const char *env;
	enum { O_STR, O_INT, O_MS, O_WORDS, O_FLAG } kind;
	long long min, max;
	size_t off;           /* the field in struct config */
	const char *words[2]; /* O_WORDS */
	opt_set set;          /* O_STR with a syntax of its own */
};

static bool fail(char *errbuf, size_t errlen, const char *source, const char *v, const char *what)
{
	snprintf(errbuf, errlen, "%s: '%s' %s", source, v, what);
	return false;
}

static bool set_db(struct config *c, const char *v, const char *source, char *errbuf, size_t errlen)
{
	if (!*v) {
		snprintf(errbuf, errlen, "%s: the database URL is empty", source);
		return false;
	}
	c->db = v;
	return true;
}

static bool set_listen(struct config *c, const char *v, const char *source, char *errbuf, size_t errlen)
{
	const char *colon = strrchr(v, ':');
	long long port;
	if (!colon || colon == v || (size_t)(colon - v) >= sizeof c->listen_host ||
	    !parse_int(colon + 1, 0, 65535, &port))
		return fail(errbuf, errlen, source, v, "is not HOST:PORT");
	c->listen = v;
	memcpy(c->listen_host, v, (size_t)(colon - v));
	c->listen_host[colon - v] = '\0';
	c->listen_port = (int)port;
	return true;
}

static bool set_public_url(struct config *c, const char *v, const char *source, char *errbuf, size_t errlen)
{
	bool https = !strncmp(v, "https://", 8);
	if (!https && strncmp(v, "http://", 7))
		return fail(errbuf, errlen, source, v, "must start with http:// or https://");
	size_t len = strlen(v);
	while (len && v[len - 1] == '/')
		len--;
	if (len <= (size_t)(https ? 8 : 7) || strpbrk(v, " \t\r\n\"<>"))
		return fail(errbuf, errlen, source, v, "is not a URL");
	/* Lives as long as the process; an option replacing the environment's value frees it. */
	static char *owned;
	free(owned);
	owned = strndup(v, len);
	c->public_url = owned;
	c->public_https = https;
	return true;
}

static bool set_smtp_url(struct config *c, const char *v, const char *source, char *errbuf, size_t errlen)
{
	if (*v && strncmp(v, "smtp://", 7) && strncmp(v, "smtps://", 8))
		return fail(errbuf, errlen, source, v, "must start with smtp:// or smtps://");
	c->smtp_url = *v ? v : NULL;
	return true;
}

static bool set_mail_from(struct config *c, const char *v, const char *source, char *errbuf, size_t errlen)
{
	if (!*v || strpbrk(v, "\r\n"))
		return fail(errbuf, errlen, source, v, "is not an address");
	c->mail_from = v;
	return true;
}

/* Each entry must be a literal IPv4 or IPv6 address. */
static bool set_trusted_proxies(struct config *c, const char *v, const char *source, char *errbuf, size_t errlen)
{
	char *copy = strdup(v), *save = NULL;
	bool ok = true;
	for (char *tok = strtok_r(copy, ", ", &save); tok && ok; tok = strtok_r(NULL, ", ", &save)) {
		unsigned char buf[16];
		if (inet_pton(AF_INET, tok, buf) != 1 && inet_pton(AF_INET6, tok, buf) != 1)
			ok = fail(errbuf, errlen, source, tok, "is not an IP address");
	}
	free(copy);
	c->trusted_proxies = *v ? v : NULL;
	return ok;
}

#define AT(field) offsetof(struct config, field)
/* clang-format off */
static const struct opt opts[] = {
        {"db", "ROSTER_DB", O_STR, 0, 0, AT(db), {0}, set_db},
        {"listen", "ROSTER_LISTEN", O_STR, 0, 0, AT(listen), {0}, set_listen},
        {"public-url", "ROSTER_PUBLIC_URL", O_STR, 0, 0, AT(public_url), {0}, set_public_url},
        {"smtp-url", "ROSTER_SMTP_URL", O_STR, 0, 0, AT(smtp_url), {0}, set_smtp_url},
        {"mail-from", "ROSTER_MAIL_FROM", O_STR, 0, 0, AT(mail_from), {0}, set_mail_from},
        {"mail-dir", "ROSTER_MAIL_DIR", O_STR, 0, 0, AT(mail_dir), {0}, NULL},
        {"threads", "ROSTER_THREADS", O_INT, 1, 256, AT(threads), {0}, NULL},
        {"log", "ROSTER_LOG", O_WORDS, 0, 0, AT(log_debug), {"info", "debug"}, NULL},
        {"sync", "ROSTER_SYNC", O_WORDS, 0, 0, AT(sync_full), {"normal", "full"}, NULL},
        {"header-timeout", "ROSTER_HEADER_TIMEOUT", O_INT, 1, 3600, AT(header_timeout), {0}, NULL},
        {"idle-timeout", "ROSTER_IDLE_TIMEOUT", O_INT, 1, 86400, AT(idle_timeout), {0}, NULL},
        {"body-timeout", "ROSTER_BODY_TIMEOUT", O_INT, 1, 3600, AT(body_timeout), {0}, NULL},
        {"body-min-rate", "ROSTER_BODY_MIN_RATE", O_INT, 0, 1073741824, AT(body_min_rate), {0}, NULL},
        {"max-connections", "ROSTER_MAX_CONNECTIONS", O_INT, 1, 1000000, AT(max_connections), {0}, NULL},
        {"max-connections-per-address", "ROSTER_MAX_CONNECTIONS_PER_ADDRESS", O_INT, 1, 1000000,
         AT(max_connections_per_addr), {0}, NULL},
        {"mail-lease", "ROSTER_MAIL_LEASE", O_INT, 5, 3600, AT(mail_lease), {0}, NULL},
        {"session-idle", "ROSTER_SESSION_IDLE", O_MS, 1, 31536000, AT(session_idle_ms), {0}, NULL},
        {"session-lifetime", "ROSTER_SESSION_LIFETIME", O_MS, 1, 315360000, AT(session_lifetime_ms), {0}, NULL},
        {"bootstrap-operator", "ROSTER_BOOTSTRAP_OPERATOR", O_STR, 0, 0, AT(bootstrap_operator), {0}, NULL},
        {"trusted-proxies", "ROSTER_TRUSTED_PROXIES", O_STR, 0, 0, AT(trusted_proxies), {0}, set_trusted_proxies},
        {"routes", NULL, O_FLAG, 0, 0, AT(print_routes), {0}, NULL},
        {"help", NULL, O_FLAG, 0, 0, AT(help), {0}, NULL},
};
/* clang-format on */
#define NOPTS (sizeof opts / sizeof opts[0])

static bool apply(struct config *c, const struct opt *o, const char *v, const char *source, char *errbuf, size_t errlen)
{
	char *field = (char *)c + o->off;
	long long n = 0;
	switch (o->kind) {
	case O_STR:
		if (o->set)
			return o->set(c, v, source, errbuf, errlen);
		*(const char **)field = v;
		return true;
	case O_INT:
	case O_MS:
		if (!parse_int(v, o->min, o->max, &n)) {
			snprintf(errbuf, errlen, "%s: '%s' is not a whole number from %lld to %lld", source, v, o->min,
			         o->max);
			return false;
		}
		if (o->kind == O_MS)
			*(int64_t *)field = n * 1000;
		else
			*(int *)field = (int)n;
		return true;
	case O_WORDS:
		if (strcmp(v, o->words[0]) && strcmp(v, o->words[1])) {
			snprintf(errbuf, errlen, "%s: '%s' must be %s or %s", source, v, o->words[0], o->words[1]);
			return false;
		}
		*(bool *)field = !strcmp(v, o->words[1]);
		return true;
	case O_FLAG:
		*(bool *)field = true;
		return true;
	}
	return true;
}

static void defaults(struct config *c)
{
	memset(c, 0, sizeof *c);
	c->db = "./var/roster.db";
	c->public_url = "http://127.0.0.1:8080";
	c->mail_from = "roster <roster@localhost>";
	c->mail_dir = "./var/mail";
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	c->threads = cores > 0 ? (int)cores : 2;
	c->header_timeout = 10;
	c->idle_timeout = 60;
	c->body_timeout = 30;
	c->body_min_rate = 1024;
	/* Five addresses at the limit hold half of all connections: a client
	 * from elsewhere still gets in (with 200, five filled the server). */
	c->max_connections = 1000;
	c->max_connections_per_addr = 100;
	c->mail_lease = 60;
	c->session_idle_ms = 28800LL * 1000;
	c->session_lifetime_ms = 2592000LL * 1000;
	snprintf(c->listen_host, sizeof c->listen_host, "127.0.0.1");
	c->listen_port = 8080;
	c->listen = "127.0.0.1:8080";
}

static const struct opt *find_opt(const char *name, size_t len)
{
	for (size_t k = 0; k < NOPTS; k++)
		if (strlen(opts[k].name) == len && !strncmp(opts[k].name, name, len))
			return &opts[k];
	return NULL;
}

/* argv[*i] and, for "--name value", the argument after it. */
static bool apply_arg(struct config *c, int argc, char **argv, int *i, char *errbuf, size_t errlen)
{
	const char *arg = argv[*i];
	if (strncmp(arg, "--", 2)) {
		snprintf(errbuf, errlen, "unexpected argument '%s'", arg);
		return false;
	}
	arg += 2;
	const char *eq = strchr(arg, '=');
	const struct opt *o = find_opt(arg, eq ? (size_t)(eq - arg) : strlen(arg));
	if (!o) {
		snprintf(errbuf, errlen, "unknown option '%s'", argv[*i]);
		return false;
	}
	if (o->kind == O_FLAG)
		return apply(c, o, "", o->name, errbuf, errlen);
	const char *v = eq ? eq + 1 : (*i + 1 < argc ? argv[++*i] : NULL);
	if (!v) {
		snprintf(errbuf, errlen, "option --%s needs a value", o->name);
		return false;
	}
	char source[64];
	snprintf(source, sizeof source, "--%s", o->name);
	return apply(c, o, v, source, errbuf, errlen);
}

bool config_load(struct config *c, int argc, char **argv, char *errbuf, size_t errlen)
{
	defaults(c);
	for (size_t i = 0; i < NOPTS; i++) {
		const char *v = opts[i].env ? getenv(opts[i].env) : NULL;
		if (v && !apply(c, &opts[i], v, opts[i].env, errbuf, errlen))
			return false;
	}
	for (int i = 1; i < argc; i++)
		if (!apply_arg(c, argc, argv, &i, errbuf, errlen))
			return false;
	if (c->session_lifetime_ms < c->session_idle_ms) {
		snprintf(errbuf, errlen,
		         "the session lifetime (ROSTER_SESSION_LIFETIME, --session-lifetime) must not be shorter than "
		         "the idle timeout (ROSTER_SESSION_IDLE, --session-idle)");
		return false;
	}
	return true;
}
