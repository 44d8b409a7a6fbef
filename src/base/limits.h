#ifndef ROSTER_BASE_LIMITS_H
#define ROSTER_BASE_LIMITS_H

/* The limits roster holds to, each named once here and used where it is
 * enforced; docs/openapi.yaml states the same numbers to clients. */

/* ---- what a request may carry ---- */
#define LIMIT_EMAIL_BYTES 254      /* an address (RFC 5321's path, less the brackets) */
#define LIMIT_EMAIL_LOCAL_BYTES 64 /* its part before the '@' */
#define LIMIT_NAME_CHARS 200       /* a person's first or last name, a company, an organization's name */
#define LIMIT_SEARCH_CHARS 200     /* ?q= */
#define LIMIT_PAGE_DEFAULT 50      /* ?limit= when absent */
#define LIMIT_PAGE_MAX 200         /* ?limit= at most */
#define LIMIT_ROLE_NAME_CHARS 64
#define LIMIT_ROLE_DESCRIPTION_CHARS 500
#define LIMIT_ROLE_PERMISSIONS 64 /* names in one role's list */
#define LIMIT_BULK_IDS 500        /* ids in one bulk request */
#define LIMIT_SETTINGS_BYTES 16384
#define LIMIT_PASSWORD_MIN_CHARS 10
#define LIMIT_PASSWORD_MAX_BYTES 1024 /* longer ones are refused before hashing */
#define LIMIT_LINK_TOKEN_CHARS 128    /* a token from an emailed link, as a request field */

/* ---- the server's own queues ---- */
#define LIMIT_CPU_QUEUE 256       /* requests waiting for the CPU pool (password hashing) */
#define LIMIT_CPU_WAIT_MS 2000    /* beyond this wait a request is answered 503 */
#define LIMIT_AFTER_QUEUE 1024    /* work waiting to run after its request's answer */
#define LIMIT_AFTER_WAIT_MS 60000 /* beyond this wait it runs late (and says so) */
#define LIMIT_AFTER_PER_REQUEST 4 /* such jobs one request may hand on */
#define LIMIT_RESPONSE_HEADERS 8  /* a handler's own headers on one answer */

/* ---- the database ---- */
#define LIMIT_TX_ATTEMPTS 6      /* a transaction that must be retried (busy, serialization) runs at most this often */
#define LIMIT_BUSY_WAIT_MS 5000  /* SQLite: how long a statement waits for another connection's lock */
#define LIMIT_SEARCH_SPREAD 2000 /* last-name matches that make a member search walk its sort index (member_search.c)  \
	                          */
#define LIMIT_BATCH_ROWS 500     /* rows a migration step or a listing reads at a time */
#define LIMIT_CARD_BATCH 2000    /* member cards written again at a time */

#endif
