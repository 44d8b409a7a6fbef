/* libFuzzer target: the mail header encoder, the message formatter and
 * the template renderer on arbitrary stored values. The message must keep
 * its shape: CRLF line ends only, no header a value could add. */
#include "mail/mail.h"

#include <stdint.h>
#include <string.h>

static void check_lines(const char *msg)
{
	for (const char *p = msg; *p; p++)
		if ((*p == '\n' && (p == msg || p[-1] != '\r')) || (*p == '\r' && p[1] != '\n'))
			__builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena *a = arena_new();
	/* Three values split at the first two 0xFF bytes: subject, text, html. */
	const char *parts[3] = {"", "", ""};
	size_t start = 0;
	int np = 0;
	for (size_t i = 0; i <= size && np < 3; i++) {
		if (i == size || (data[i] == 0xFF && np < 2)) {
			parts[np++] = arena_strndup(a, (const char *)data + start, i - start);
			start = i + 1;
		}
	}
	char *h = mail_encode_header(a, parts[0]);
	check_lines(h);
	for (const char *p = h; *p; p++)
		if (*p == '\r' && strncmp(p, "\r\n ", 3))
			__builtin_trap(); /* only folds, never a new header line */
	char *msg = mail_format(a, "roster <roster@localhost>", "ann@example.com", "msg_fuzz", parts[0], parts[1],
	                        parts[2], 0);
	check_lines(msg);
	(void)mail_unsendable("ann@example.com", parts[0], parts[1], parts[2]);
	(void)mail_unsendable(parts[0], "s", "t", "h");
	const char *vars[] = {"first_name", parts[0], "org", parts[1], "link", parts[2], "email", parts[0], NULL};
	struct mail_rendered r;
	for (int t = 0; t < MAIL__COUNT; t++) {
		mail_render(a, "de", (enum mail_template)t, vars, &r);
		check_lines(mail_format(a, "r@x", "t@x", "id", r.subject, r.text, r.html, 0));
	}
	arena_free(a);
	return 0;
}
