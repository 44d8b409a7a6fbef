#ifndef ROSTER_CORE_APP_H
#define ROSTER_CORE_APP_H

#include <stdbool.h>
#include <stdint.h>

struct store;

/* What the rules need to know about the running service. Owned by the
 * process entry (rosterd.c or rosterctl.c); core only reads it. */
struct app {
	struct store *store;
	const char *public_url; /* links in emails are built from this alone */
	int64_t session_idle_ms;
	int64_t session_lifetime_ms;
};

/* Who is asking and from where: written into audit events and sessions. */
struct reqinfo {
	const char *request_id;
	const char *client_addr;
};

#endif
