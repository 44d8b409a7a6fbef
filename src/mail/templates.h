#ifndef ROSTER_MAIL_TEMPLATES_H
#define ROSTER_MAIL_TEMPLATES_H

/* The email texts, one directory per email under src/mail/templates/ and
 * one file pair per language, built into the binary. */
struct mail_template_text {
	const char *name; /* the directory: "password_reset" */
	const char *lang; /* "en", "fr", "de" */
	const char *subject;
	const char *text;
	const char *html; /* the body's inside; the frame is added when rendering */
};

extern const struct mail_template_text mail_template_texts[];
extern const int mail_template_count;

#endif
