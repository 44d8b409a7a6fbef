/* The emails in every language. {{name}} is replaced by the variable's
 * value: as it is in the subject and the text part, HTML-escaped in the
 * HTML part. */
#include "mail/mail.h"
#include "mail/templates.h"

#include "base/clock.h"
#include "base/crypto.h"
#include "base/text.h"
#include "store/misc.h"

#include <string.h>

/* enum mail_template -> the directory of its texts */
static const char *const template_names[MAIL__COUNT] = {
        [MAIL_PASSWORD_RESET] = "password_reset",
        [MAIL_PASSWORD_SETUP] = "password_setup",
        [MAIL_ORG_ADMIN] = "org_admin",
        [MAIL_ORG_ADMIN_SETUP] = "org_admin_setup",
        [MAIL_SEAT_ASSIGNED] = "seat_assigned",
        [MAIL_SEAT_REMOVED] = "seat_removed",
};

/* The texts in this language, else in English. */
static const struct mail_template_text *find_text(enum mail_template t, const char *language)
{
	const struct mail_template_text *en = NULL;
	for (int i = 0; i < mail_template_count; i++) {
		const struct mail_template_text *m = &mail_template_texts[i];
		if (strcmp(m->name, template_names[t]))
			continue;
		if (language && !strcmp(m->lang, language))
			return m;
		if (!strcmp(m->lang, "en"))
			en = m;
	}
	return en;
}

static const char *lookup(const char *const *vars, const char *name, size_t len)
{
	for (; vars && vars[0]; vars += 2)
		if (strlen(vars[0]) == len && !strncmp(vars[0], name, len))
			return vars[1] ? vars[1] : "";
	return "";
}

static char *expand(struct arena *a, const char *tpl, const char *const *vars, bool html)
{
	size_t cap = strlen(tpl) + 1, len = 0;
	for (const char *const *v = vars; v && v[0]; v += 2)
		cap += (v[1] ? strlen(v[1]) : 0) * (html ? 6 : 1) * 4;
	char *out = arena_alloc(a, cap);
	for (const char *p = tpl; *p;) {
		const char *open = strstr(p, "{{");
		const char *close = open ? strstr(open, "}}") : NULL;
		if (!open || !close) {
			size_t n = strlen(p);
			memcpy(out + len, p, n);
			len += n;
			break;
		}
		memcpy(out + len, p, (size_t)(open - p));
		len += (size_t)(open - p);
		const char *val = lookup(vars, open + 2, (size_t)(close - open - 2));
		if (html)
			val = html_escape(a, val);
		size_t n = strlen(val);
		if (len + n >= cap) { /* a variable used more often than budgeted */
			char *bigger = arena_alloc(a, cap * 2 + n);
			memcpy(bigger, out, len);
			out = bigger;
			cap = cap * 2 + n;
		}
		memcpy(out + len, val, n);
		len += n;
		p = close + 2;
	}
	out[len] = '\0';
	return out;
}

static const char html_frame[] = "<!doctype html><html><head><meta charset=\"utf-8\"></head>"
                                 "<body style=\"font-family:sans-serif;line-height:1.5\">%s</body></html>";

void mail_render(struct arena *a, const char *language, enum mail_template t, const char *const *vars,
                 struct mail_rendered *out)
{
	const struct mail_template_text *tt = find_text(t, language);
	out->subject = expand(a, tt->subject, vars, false);
	out->text = expand(a, tt->text, vars, false);
	out->html = arena_printf(a, html_frame, expand(a, tt->html, vars, true));
}

err_code mail_enqueue(struct db *db, struct arena *a, const char *to, const char *language, enum mail_template t,
                      const char *const *vars, struct err *e)
{
	struct mail_rendered r;
	mail_render(a, language, t, vars, &r);
	char id[ID_MAX];
	id_new("msg", id);
	struct outbox_msg m = {
	        .id = id,
	        .recipient = to,
	        .language = language && language_valid(language) ? language : "en",
	        .subject = r.subject,
	        .body_text = r.text,
	        .body_html = r.html,
	};
	return store_outbox_insert(db, &m, clock_now_ms(), e);
}
