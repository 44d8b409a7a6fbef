#ifndef ROSTER_CORE_APP_H
#define ROSTER_CORE_APP_H

#include <stdbool.h>
#include <stdint.h>

#include "base/err.h"

struct store;

/* What the rules need to know about the running service. Owned by the
 * process entry (rosterd.c or rosterctl.c); core only reads it. */
struct app {
	struct store *store;
	const char *public_url; /* links in emails are built from this alone */
	int64_t session_idle_ms;
	int64_t session_lifetime_ms;
	/* Signs list cursors (core/list.h); the same in every process on one
	 * database (app_load_secrets). All zero until loaded. */
	unsigned char cursor_key[32];
};

/* Reads the server's secrets from the database, making them the first time. */
err_code app_load_secrets(struct app *app, struct err *e);

/* Who is asking and from where: written into audit events and sessions. */
struct reqinfo {
	const char *request_id;
	const char *client_addr;
};

#endif
