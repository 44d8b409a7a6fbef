#ifndef ROSTER_CONFIG_H
#define ROSTER_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* rosterd's settings (DESIGN.md §9): each an environment variable and an
 * option; options win. A bad value stops the start with a message that
 * names it. */

struct config {
	const char *db;
	const char *listen; /* "HOST:PORT" as given */
	char listen_host[256];
	int listen_port;
	const char *public_url; /* without a trailing slash */
	bool public_https;
	const char *smtp_url; /* NULL: write .eml files */
	const char *mail_from;
	const char *mail_dir;
	int threads;
	bool log_debug;
	bool sync_full;
	int header_timeout; /* seconds */
	int idle_timeout;   /* seconds */
	int body_timeout;   /* seconds */
	int body_min_rate;  /* bytes per second; 0: none */
	int max_connections;
	int max_connections_per_addr;
	int mail_lease; /* seconds */
	int64_t session_idle_ms;
	int64_t session_lifetime_ms;
	const char *bootstrap_operator;
	const char *trusted_proxies; /* comma-separated addresses, or NULL */
	bool print_routes;
	bool help;
};

/* Fills c from the environment and argv. On a bad value, writes a message
 * naming it into errbuf and returns false. */
bool config_load(struct config *c, int argc, char **argv, char *errbuf, size_t errlen);
extern const char config_usage[];

#endif
