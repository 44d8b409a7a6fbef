#ifndef ROSTER_BASE_ERR_H
#define ROSTER_BASE_ERR_H

/* One error type for the whole program (STYLE.md "One error type").
 * A function returns an err_code (E_OK is 0) and fills a struct err with the
 * field and a detail message; only the HTTP layer maps it to a status. */

typedef enum {
#define ERR(name, status, code, msg) E_##name,
#include "base/err.def"
#undef ERR
	E__COUNT
} err_code;

struct err {
	err_code code;
	const char *field; /* NULL, a static string, or one that lives as long as the request (its arena) */
	char detail[256];  /* empty: use the default message */
	int retry_after;   /* seconds, for E_TOO_MANY_REQUESTS and E_UNAVAILABLE */
};

/* Sets e (which may be NULL) and returns code, so callers can write
 * `return err_set(e, E_NOT_FOUND, NULL, NULL);`. fmt may be NULL. */
err_code err_set(struct err *e, err_code code, const char *field, const char *fmt, ...)
        __attribute__((format(printf, 4, 5)));
void err_clear(struct err *e);

int err_status(err_code code);
const char *err_name(err_code code);
const char *err_default_message(err_code code);
/* The message to show: the detail when set, else the default. */
const char *err_message(const struct err *e);

#endif
