#ifndef ROSTER_MAIL_MAIL_H
#define ROSTER_MAIL_MAIL_H

#include <stdbool.h>

#include "base/arena.h"
#include "base/err.h"

struct db;

struct store;

/* Email (DESIGN.md §7). mail_enqueue() renders a template in the
 * recipient's language and writes it to the outbox on the caller's
 * connection, inside the caller's transaction: a rollback sends nothing.
 * The mailer thread delivers it later, over SMTP or into a directory. */

enum mail_template {
	MAIL_PASSWORD_RESET,  /* vars: first_name, link */
	MAIL_PASSWORD_SETUP,  /* vars: first_name, email, link */
	MAIL_ORG_ADMIN,       /* vars: first_name, org, link: an existing account became an org's administrator */
	MAIL_ORG_ADMIN_SETUP, /* vars: first_name, email, org, link: the same for a new account, with a set-password
	                         link */
	MAIL_SEAT_ASSIGNED,   /* vars: first_name, org, product, link: a seat of a license pool is theirs */
	MAIL_SEAT_REMOVED,    /* vars: first_name, org, product: their seat was taken back */
	MAIL__COUNT
};

/* vars: NULL-terminated pairs of name, value. An unknown language falls
 * back to English. */
err_code mail_enqueue(struct db *db, struct arena *a, const char *to, const char *language, enum mail_template t,
                      const char *const *vars, struct err *e);

/* Renders without enqueueing (for tests and previews). */
struct mail_rendered {
	const char *subject, *text, *html;
};
void mail_render(struct arena *a, const char *language, enum mail_template t, const char *const *vars,
                 struct mail_rendered *out);

struct mailer_config {
	const char *smtp_url; /* NULL: write files into dir */
	const char *from;
	const char *dir;
	int poll_ms;
	int lease_s; /* a claimed message is reserved this long (default 60) */
};

struct mailer;
/* Starts the delivery thread. */
struct mailer *mailer_start(struct store *st, const struct mailer_config *cfg, struct err *e);
/* Finishes the message in hand, then stops. NULL is fine. */
void mailer_stop(struct mailer *m);

/* Why a stored message cannot be sent (a recipient that is not one valid
 * address, text that is not valid UTF-8), or NULL when it can. */
const char *mail_unsendable(const char *to, const char *subject, const char *text, const char *html);

/* A header value as it may appear in a message: as is when it is printable
 * ASCII, else RFC 2047 encoded words folded onto continuation lines. */
char *mail_encode_header(struct arena *a, const char *s);

/* Builds the RFC 5322 message (headers and a multipart/alternative body). */
char *mail_format(struct arena *a, const char *from, const char *to, const char *message_id, const char *subject,
                  const char *text, const char *html, long long date_ms);

#endif
