#include "config.h"

#include "base/text.h"

#include <arpa/inet.h>
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

struct opt {
	const char *name;
	const char *env;
	enum { O_STR, O_INT, O_FLAG } kind;
	long long min, max;
};

static const struct opt opts[] = {
        {"db", "ROSTER_DB", O_STR, 0, 0},
        {"listen", "ROSTER_LISTEN", O_STR, 0, 0},
        {"public-url", "ROSTER_PUBLIC_URL", O_STR, 0, 0},
        {"smtp-url", "ROSTER_SMTP_URL", O_STR, 0, 0},
        {"mail-from", "ROSTER_MAIL_FROM", O_STR, 0, 0},
        {"mail-dir", "ROSTER_MAIL_DIR", O_STR, 0, 0},
        {"threads", "ROSTER_THREADS", O_INT, 1, 256},
        {"log", "ROSTER_LOG", O_STR, 0, 0},
        {"sync", "ROSTER_SYNC", O_STR, 0, 0},
        {"header-timeout", "ROSTER_HEADER_TIMEOUT", O_INT, 1, 3600},
        {"idle-timeout", "ROSTER_IDLE_TIMEOUT", O_INT, 1, 86400},
        {"body-timeout", "ROSTER_BODY_TIMEOUT", O_INT, 1, 3600},
        {"body-min-rate", "ROSTER_BODY_MIN_RATE", O_INT, 0, 1073741824},
        {"max-connections", "ROSTER_MAX_CONNECTIONS", O_INT, 1, 1000000},
        {"max-connections-per-address", "ROSTER_MAX_CONNECTIONS_PER_ADDRESS", O_INT, 1, 1000000},
        {"mail-lease", "ROSTER_MAIL_LEASE", O_INT, 5, 3600},
        {"session-idle", "ROSTER_SESSION_IDLE", O_INT, 1, 31536000},
        {"session-lifetime", "ROSTER_SESSION_LIFETIME", O_INT, 1, 315360000},
        {"bootstrap-operator", "ROSTER_BOOTSTRAP_OPERATOR", O_STR, 0, 0},
        {"trusted-proxies", "ROSTER_TRUSTED_PROXIES", O_STR, 0, 0},
        {"routes", NULL, O_FLAG, 0, 0},
        {"help", NULL, O_FLAG, 0, 0},
};
#define NOPTS (sizeof opts / sizeof opts[0])

static bool apply(struct config *c, const struct opt *o, const char *v, const char *source, char *errbuf, size_t errlen)
{
	long long n = 0;
	if (o->kind == O_INT && !parse_int(v, o->min, o->max, &n)) {
		snprintf(errbuf, errlen, "%s: '%s' is not a whole number from %lld to %lld", source, v, o->min, o->max);
		return false;
	}
	const char *name = o->name;
	if (!strcmp(name, "db")) {
		if (!*v) {
			snprintf(errbuf, errlen, "%s: the database URL is empty", source);
			return false;
		}
		c->db = v;
	} else if (!strcmp(name, "listen")) {
		const char *colon = strrchr(v, ':');
		long long port;
		if (!colon || colon == v || (size_t)(colon - v) >= sizeof c->listen_host ||
		    !parse_int(colon + 1, 0, 65535, &port)) {
			snprintf(errbuf, errlen, "%s: '%s' is not HOST:PORT", source, v);
			return false;
		}
		c->listen = v;
		memcpy(c->listen_host, v, (size_t)(colon - v));
		c->listen_host[colon - v] = '\0';
		c->listen_port = (int)port;
	} else if (!strcmp(name, "public-url")) {
		bool https = !strncmp(v, "https://", 8);
		if (!https && strncmp(v, "http://", 7)) {
			snprintf(errbuf, errlen, "%s: '%s' must start with http:// or https://", source, v);
			return false;
		}
		size_t len = strlen(v);
		while (len && v[len - 1] == '/')
			len--;
		if (len <= (size_t)(https ? 8 : 7) || strpbrk(v, " \t\r\n\"<>")) {
			snprintf(errbuf, errlen, "%s: '%s' is not a URL", source, v);
			return false;
		}
		/* Lives as long as the process; an option replacing the environment's value frees it. */
		static char *owned;
		free(owned);
		owned = strndup(v, len);
		c->public_url = owned;
		c->public_https = https;
	} else if (!strcmp(name, "smtp-url")) {
		if (*v && strncmp(v, "smtp://", 7) && strncmp(v, "smtps://", 8)) {
			snprintf(errbuf, errlen, "%s: '%s' must start with smtp:// or smtps://", source, v);
			return false;
		}
		c->smtp_url = *v ? v : NULL;
	} else if (!strcmp(name, "mail-from")) {
		if (!*v || strpbrk(v, "\r\n")) {
			snprintf(errbuf, errlen, "%s: '%s' is not an address", source, v);
			return false;
		}
		c->mail_from = v;
	} else if (!strcmp(name, "mail-dir")) {
		c->mail_dir = v;
	} else if (!strcmp(name, "threads")) {
		c->threads = (int)n;
	} else if (!strcmp(name, "log")) {
		if (strcmp(v, "info") && strcmp(v, "debug")) {
			snprintf(errbuf, errlen, "%s: '%s' must be info or debug", source, v);
			return false;
		}
		c->log_debug = !strcmp(v, "debug");
	} else if (!strcmp(name, "sync")) {
		if (strcmp(v, "normal") && strcmp(v, "full")) {
			snprintf(errbuf, errlen, "%s: '%s' must be normal or full", source, v);
			return false;
		}
		c->sync_full = !strcmp(v, "full");
	} else if (!strcmp(name, "header-timeout")) {
		c->header_timeout = (int)n;
	} else if (!strcmp(name, "idle-timeout")) {
		c->idle_timeout = (int)n;
	} else if (!strcmp(name, "body-timeout")) {
		c->body_timeout = (int)n;
	} else if (!strcmp(name, "body-min-rate")) {
		c->body_min_rate = (int)n;
	} else if (!strcmp(name, "max-connections")) {
		c->max_connections = (int)n;
	} else if (!strcmp(name, "max-connections-per-address")) {
		c->max_connections_per_addr = (int)n;
	} else if (!strcmp(name, "mail-lease")) {
		c->mail_lease = (int)n;
	} else if (!strcmp(name, "session-idle")) {
		c->session_idle_ms = n * 1000;
	} else if (!strcmp(name, "session-lifetime")) {
		c->session_lifetime_ms = n * 1000;
	} else if (!strcmp(name, "trusted-proxies")) {
		/* Each entry must be a literal IPv4 or IPv6 address. */
		char *copy = strdup(v), *save = NULL;
		for (char *tok = strtok_r(copy, ", ", &save); tok; tok = strtok_r(NULL, ", ", &save)) {
			unsigned char buf[16];
			if (inet_pton(AF_INET, tok, buf) != 1 && inet_pton(AF_INET6, tok, buf) != 1) {
				snprintf(errbuf, errlen, "%s: '%s' is not an IP address", source, tok);
				free(copy);
				return false;
			}
		}
		free(copy);
		c->trusted_proxies = *v ? v : NULL;
	} else if (!strcmp(name, "bootstrap-operator")) {
		c->bootstrap_operator = v;
	}
	return true;
}

bool config_load(struct config *c, int argc, char **argv, char *errbuf, size_t errlen)
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

	for (size_t i = 0; i < NOPTS; i++) {
		const char *v = opts[i].env ? getenv(opts[i].env) : NULL;
		if (v && !apply(c, &opts[i], v, opts[i].env, errbuf, errlen))
			return false;
	}
	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i];
		if (strncmp(arg, "--", 2)) {
			snprintf(errbuf, errlen, "unexpected argument '%s'", arg);
			return false;
		}
		arg += 2;
		const char *eq = strchr(arg, '=');
		size_t nlen = eq ? (size_t)(eq - arg) : strlen(arg);
		const struct opt *o = NULL;
		for (size_t k = 0; k < NOPTS; k++)
			if (strlen(opts[k].name) == nlen && !strncmp(opts[k].name, arg, nlen))
				o = &opts[k];
		if (!o) {
			snprintf(errbuf, errlen, "unknown option '%s'", argv[i]);
			return false;
		}
		if (o->kind == O_FLAG) {
			if (!strcmp(o->name, "routes"))
				c->print_routes = true;
			else
				c->help = true;
			continue;
		}
		const char *v = eq ? eq + 1 : (i + 1 < argc ? argv[++i] : NULL);
		if (!v) {
			snprintf(errbuf, errlen, "option --%s needs a value", o->name);
			return false;
		}
		char source[64];
		snprintf(source, sizeof source, "--%s", o->name);
		if (!apply(c, o, v, source, errbuf, errlen))
			return false;
	}
	if (c->session_lifetime_ms < c->session_idle_ms) {
		snprintf(errbuf, errlen,
		         "the session lifetime (ROSTER_SESSION_LIFETIME, --session-lifetime) must not be shorter than "
		         "the idle timeout (ROSTER_SESSION_IDLE, --session-idle)");
		return false;
	}
	return true;
}
