/* The emails in every language. {{name}} is replaced by the variable's
 * value: as it is in the subject and the text part, HTML-escaped in the
 * HTML part. */
#include "mail/mail.h"

#include "base/clock.h"
#include "base/crypto.h"
#include "base/text.h"
#include "store/misc.h"

#include <string.h>

struct template_text {
	const char *subject;
	const char *text;
	const char *html;
};

static const char *const languages[] = {"en", "fr", "de"};

static const struct template_text templates[MAIL__COUNT][3] = {
        [MAIL_PASSWORD_RESET] =
                {
                        {"Reset your roster password",
                         "Hello {{first_name}},\n\n"
                         "Someone asked to reset the password of your roster account. To choose a new one, open this "
                         "link\n"
                         "within the next hour:\n\n{{link}}\n\n"
                         "If it was not you, ignore this email: your password stays as it is.\n",
                         "<p>Hello {{first_name}},</p>"
                         "<p>Someone asked to reset the password of your roster account. To choose a new one, open "
                         "this "
                         "link within the next hour:</p><p><a href=\"{{link}}\">Reset my password</a></p>"
                         "<p>If it was not you, ignore this email: your password stays as it is.</p>"},
                        {"Réinitialisation de votre mot de passe roster",
                         "Bonjour {{first_name}},\n\n"
                         "Quelqu'un a demandé à réinitialiser le mot de passe de votre compte roster. Pour en choisir "
                         "un\n"
                         "nouveau, ouvrez ce lien dans l'heure :\n\n{{link}}\n\n"
                         "Si ce n'était pas vous, ignorez ce message : votre mot de passe reste inchangé.\n",
                         "<p>Bonjour {{first_name}},</p>"
                         "<p>Quelqu'un a demandé à réinitialiser le mot de passe de votre compte roster. Pour en "
                         "choisir un "
                         "nouveau, ouvrez ce lien dans l'heure :</p><p><a href=\"{{link}}\">Réinitialiser mon mot de "
                         "passe</a></p>"
                         "<p>Si ce n'était pas vous, ignorez ce message : votre mot de passe reste inchangé.</p>"},
                        {"Ihr roster-Passwort zurücksetzen",
                         "Hallo {{first_name}},\n\n"
                         "Jemand hat verlangt, das Passwort Ihres roster-Kontos zurückzusetzen. Um ein neues zu "
                         "wählen,\n"
                         "öffnen Sie innerhalb einer Stunde diesen Link:\n\n{{link}}\n\n"
                         "Falls Sie es nicht waren, ignorieren Sie diese E-Mail: Ihr Passwort bleibt unverändert.\n",
                         "<p>Hallo {{first_name}},</p>"
                         "<p>Jemand hat verlangt, das Passwort Ihres roster-Kontos zurückzusetzen. Um ein neues zu "
                         "wählen, "
                         "öffnen Sie innerhalb einer Stunde diesen Link:</p><p><a href=\"{{link}}\">Passwort "
                         "zurücksetzen</a></p>"
                         "<p>Falls Sie es nicht waren, ignorieren Sie diese E-Mail: Ihr Passwort bleibt "
                         "unverändert.</p>"},
                },
        [MAIL_PASSWORD_SETUP] =
                {
                        {"Set your roster password",
                         "Hello {{first_name}},\n\n"
                         "An account was created for you on roster with the address {{email}}. To sign in, first "
                         "choose\n"
                         "a password with this link:\n\n{{link}}\n",
                         "<p>Hello {{first_name}},</p>"
                         "<p>An account was created for you on roster with the address {{email}}. To sign in, first "
                         "choose "
                         "a password with this link:</p><p><a href=\"{{link}}\">Choose my password</a></p>"},
                        {"Définissez votre mot de passe roster",
                         "Bonjour {{first_name}},\n\n"
                         "Un compte roster a été créé pour vous avec l'adresse {{email}}. Pour vous connecter, "
                         "choisissez\n"
                         "d'abord un mot de passe avec ce lien :\n\n{{link}}\n",
                         "<p>Bonjour {{first_name}},</p>"
                         "<p>Un compte roster a été créé pour vous avec l'adresse {{email}}. Pour vous connecter, "
                         "choisissez "
                         "d'abord un mot de passe avec ce lien :</p><p><a href=\"{{link}}\">Choisir mon mot de "
                         "passe</a></p>"},
                        {"Legen Sie Ihr roster-Passwort fest",
                         "Hallo {{first_name}},\n\n"
                         "Für Sie wurde ein roster-Konto mit der Adresse {{email}} angelegt. Um sich anzumelden, "
                         "wählen Sie\n"
                         "zuerst mit diesem Link ein Passwort:\n\n{{link}}\n",
                         "<p>Hallo {{first_name}},</p>"
                         "<p>Für Sie wurde ein roster-Konto mit der Adresse {{email}} angelegt. Um sich anzumelden, "
                         "wählen Sie "
                         "zuerst mit diesem Link ein Passwort:</p><p><a href=\"{{link}}\">Passwort festlegen</a></p>"},
                },
};

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
	int li = 0;
	for (int i = 0; i < 3; i++)
		if (language && !strcmp(language, languages[i]))
			li = i;
	const struct template_text *tt = &templates[t][li];
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
