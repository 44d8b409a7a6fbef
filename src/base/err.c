#include "base/err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const struct {
	int status;
	const char *name;
	const char *message;
} err_table[] = {
#define ERR(name, status, code, msg) {status, code, msg},
#include "base/err.def"
#undef ERR
};

err_code err_set(struct err *e, err_code code, const char *field, const char *fmt, ...)
{
	if (!e)
		return code;
	e->code = code;
	e->field = field;
	e->detail[0] = '\0';
	if (fmt) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(e->detail, sizeof e->detail, fmt, ap);
		va_end(ap);
	}
	return code;
}

void err_clear(struct err *e)
{
	memset(e, 0, sizeof *e);
}

int err_status(err_code code)
{
	return code < E__COUNT ? err_table[code].status : 500;
}

const char *err_name(err_code code)
{
	return code < E__COUNT ? err_table[code].name : "internal";
}

const char *err_default_message(err_code code)
{
	return code < E__COUNT ? err_table[code].message : "Internal error.";
}

const char *err_message(const struct err *e)
{
	return e->detail[0] ? e->detail : err_default_message(e->code);
}
