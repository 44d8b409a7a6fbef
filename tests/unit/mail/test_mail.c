#include "testutil.h"

#include <sodium.h>

#include "base/clock.h"
#include "base/text.h"
#include "mail/mail.h"
#include "store/misc.h"

static const char *const reset_vars[] = {"first_name", "Ann", "link", "https://roster.test/reset-password?token=abc",
                                         NULL};

static void render_in_each_language(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	static const struct {
		const char *lang, *subject, *hello;
	} cases[] = {
	        {"en", "Reset your roster password", "Hello Ann,"},
	        {"fr", "R\xc3\xa9initialisation de votre mot de passe roster", "Bonjour Ann,"},
	        {"de",
	         "Ihr roster-Passwort zur\xc3\xbc"
	         "cksetzen",
	         "Hallo Ann,"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct mail_rendered r;
		mail_render(a, cases[i].lang, MAIL_PASSWORD_RESET, reset_vars, &r);
		assert_string_equal(r.subject, cases[i].subject);
		assert_memory_equal(r.text, cases[i].hello, strlen(cases[i].hello));
		assert_non_null(strstr(r.text, "\n\nhttps://roster.test/reset-password?token=abc\n\n"));
		assert_non_null(strstr(r.html, cases[i].hello));
		assert_non_null(strstr(r.html, "<a href=\"https://roster.test/reset-password?token=abc\">"));
		assert_null(strstr(r.text, "{{"));
		assert_null(strstr(r.html, "{{"));
		/* A whole HTML document that declares its charset. */
		assert_memory_equal(r.html, "<!doctype html>", 15);
		assert_non_null(strstr(r.html, "<meta charset=\"utf-8\">"));
		assert_non_null(strstr(r.html, "</body></html>"));
	}
	arena_free(a);
}

static void unknown_language_falls_back_to_english(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	const char *langs[] = {"es", "", "EN", "french", NULL};
	for (size_t i = 0; i < sizeof langs / sizeof langs[0]; i++) {
		struct mail_rendered r;
		mail_render(a, langs[i], MAIL_PASSWORD_RESET, reset_vars, &r);
		assert_string_equal(r.subject, "Reset your roster password");
		assert_memory_equal(r.text, "Hello Ann,", 10);
	}
	arena_free(a);
}

static void setup_mail_names_the_address(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	const char *vars[] = {"first_name", "Bo", "email", "bo@example.com", "link", "http://x/set-password?token=t",
	                      NULL};
	struct mail_rendered r;
	mail_render(a, "en", MAIL_PASSWORD_SETUP, vars, &r);
	assert_string_equal(r.subject, "Set your roster password");
	assert_non_null(strstr(r.text, "with the address bo@example.com."));
	assert_non_null(strstr(r.text, "http://x/set-password?token=t"));
	assert_non_null(strstr(r.html, "bo@example.com"));
	mail_render(a, "fr", MAIL_PASSWORD_SETUP, vars, &r);
	assert_string_equal(r.subject, "D\xc3\xa9"
	                               "finissez votre mot de passe roster");
	assert_non_null(strstr(r.text, "avec l'adresse bo@example.com."));
	/* A variable not given renders as nothing. */
	const char *few[] = {"link", "L", NULL};
	mail_render(a, "en", MAIL_PASSWORD_SETUP, few, &r);
	assert_memory_equal(r.text, "Hello ,", 7);
	assert_non_null(strstr(r.text, "with the address ."));
	arena_free(a);
}

static void values_are_escaped_in_html_only(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	const char *vars[] = {"first_name", "<b>Tom & 'Jerry'</b>", "link", "https://x/?a=1&b=\"2\"><script>", NULL};
	struct mail_rendered r;
	mail_render(a, "en", MAIL_PASSWORD_RESET, vars, &r);
	assert_non_null(strstr(r.text, "Hello <b>Tom & 'Jerry'</b>,"));
	assert_non_null(strstr(r.text, "https://x/?a=1&b=\"2\"><script>"));
	assert_non_null(strstr(r.html, "Hello &lt;b&gt;Tom &amp; &#39;Jerry&#39;&lt;/b&gt;,"));
	assert_non_null(strstr(r.html, "href=\"https://x/?a=1&amp;b=&#34;2&#34;&gt;&lt;script&gt;\""));
	assert_null(strstr(r.html, "<b>"));
	assert_null(strstr(r.html, "<script>"));
	/* A value is never expanded again. */
	const char *sneaky[] = {"first_name", "{{link}}", "link", "L", NULL};
	mail_render(a, "en", MAIL_PASSWORD_RESET, sneaky, &r);
	assert_non_null(strstr(r.text, "Hello {{link}},"));
	assert_non_null(strstr(r.html, "Hello {{link}},"));
	arena_free(a);
}

static void long_values_render_whole(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	/* Characters that grow most when escaped, many of them. */
	size_t n = 5000;
	char *name = arena_alloc(a, n + 1);
	for (size_t i = 0; i < n; i++)
		name[i] = "\"&'<>"[i % 5];
	name[n] = '\0';
	const char *vars[] = {"first_name", name, "email", name, "link", name, NULL};
	struct mail_rendered r;
	mail_render(a, "de", MAIL_PASSWORD_SETUP, vars, &r);
	assert_non_null(strstr(r.text, name));
	char *escaped = html_escape(a, name);
	const char *p = strstr(r.html, escaped);
	assert_non_null(p);
	p = strstr(p + 1, escaped);
	assert_non_null(p); /* the address as well */
	p = strstr(p + 1, escaped);
	assert_non_null(p); /* and the link */
	arena_free(a);
}

/* ---- the message format ---- */

/* The decoded bytes of base64 text (CRLF line breaks allowed), NUL-terminated. */
static char *b64_decode(struct arena *a, const char *s, size_t len)
{
	char *bin = arena_alloc(a, len + 1);
	size_t bin_len = 0;
	if (sodium_base642bin((unsigned char *)bin, len, s, len, "\r\n", &bin_len, NULL,
	                      sodium_base64_VARIANT_ORIGINAL) != 0)
		fail_msg("not base64: %.*s", (int)len, s);
	bin[bin_len] = '\0';
	return bin;
}

/* The header named `name` (with its ": "), up to its CRLF. */
static const char *header(struct arena *a, const char *msg, const char *name)
{
	const char *end = strstr(msg, "\r\n\r\n");
	assert_non_null(end);
	const char *p = msg;
	size_t n = strlen(name);
	while (p < end) {
		const char *eol = strstr(p, "\r\n");
		if (!strncmp(p, name, n) && p[n] == ':' && p[n + 1] == ' ')
			return arena_strndup(a, p + n + 2, (size_t)(eol - p - n - 2));
		p = eol + 2;
	}
	return NULL;
}

/* The body of the part with this content type, decoded. */
static char *part(struct arena *a, const char *msg, const char *boundary, const char *type)
{
	char *head = arena_printf(a, "--%s\r\nContent-Type: %s\r\nContent-Transfer-Encoding: base64\r\n\r\n", boundary,
	                          type);
	const char *p = strstr(msg, head);
	if (!p)
		fail_msg("no part %s", type);
	p += strlen(head);
	char *delim = arena_printf(a, "--%s", boundary);
	const char *end = strstr(p, delim);
	assert_non_null(end);
	/* Lines of at most 76 characters, each ending in CRLF. */
	for (const char *l = p; l < end;) {
		const char *eol = strstr(l, "\r\n");
		assert_non_null(eol);
		assert_true(eol < end);
		assert_true(eol - l <= 76);
		l = eol + 2;
	}
	return b64_decode(a, p, (size_t)(end - p));
}

static void assert_crlf_only(const char *msg)
{
	for (const char *p = msg; *p; p++)
		if (*p == '\n' && (p == msg || p[-1] != '\r'))
			fail_msg("bare LF at offset %zu", (size_t)(p - msg));
		else if (*p == '\r' && p[1] != '\n')
			fail_msg("bare CR at offset %zu", (size_t)(p - msg));
}

static void format_builds_a_multipart_message(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	const char *subject = "Ihr roster-Passwort zur\xc3\xbc"
	                      "cksetzen";
	char *text = arena_strdup(a, "Hallo J\xc3\xbcrgen,\n\n");
	for (int i = 0; i < 20; i++)
		text = arena_printf(a, "%sZeile %d mit Umlauten \xc3\xa4\xc3\xb6\xc3\xbc und \xe2\x82\xac.\n", text, i);
	const char *html = "<p>Hallo J\xc3\xbcrgen,</p><p><a href=\"https://x/?a=1&amp;b=2\">Link</a></p>";
	char *msg = mail_format(a, "roster <roster@localhost>", "juergen@example.com", "msg_abc123", subject, text,
	                        html, 1700000000123LL);
	assert_crlf_only(msg);
	assert_string_equal(header(a, msg, "Date"), "Tue, 14 Nov 2023 22:13:20 +0000");
	assert_string_equal(header(a, msg, "From"), "roster <roster@localhost>");
	assert_string_equal(header(a, msg, "To"), "juergen@example.com");
	assert_string_equal(header(a, msg, "Message-ID"), "<msg_abc123@roster>");
	assert_string_equal(header(a, msg, "MIME-Version"), "1.0");
	const char *ct = header(a, msg, "Content-Type");
	assert_non_null(ct);
	assert_memory_equal(ct, "multipart/alternative; boundary=\"", 33);
	const char *b0 = ct + 33, *b1 = strchr(b0, '"');
	assert_non_null(b1);
	char *boundary = arena_strndup(a, b0, (size_t)(b1 - b0));

	/* The subject as one RFC 2047 encoded word that decodes to the original. */
	const char *subj = header(a, msg, "Subject");
	assert_non_null(subj);
	assert_memory_equal(subj, "=?UTF-8?B?", 10);
	size_t slen = strlen(subj);
	assert_string_equal(subj + slen - 2, "?=");
	assert_string_equal(b64_decode(a, subj + 10, slen - 12), subject);

	assert_string_equal(part(a, msg, boundary, "text/plain; charset=utf-8"), text);
	assert_string_equal(part(a, msg, boundary, "text/html; charset=utf-8"), html);
	/* The closing delimiter ends the message. */
	char *closing = arena_printf(a, "\r\n--%s--\r\n", boundary);
	assert_string_equal(msg + strlen(msg) - strlen(closing), closing);
	/* Text first, then HTML: the preferred alternative comes last. */
	assert_true(strstr(msg, "text/plain") < strstr(msg, "text/html"));
	arena_free(a);
}

static void ascii_subject_is_left_as_is(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	char *msg = mail_format(a, "r@x", "t@x", "id1", "Reset your roster password", "t", "<p>h</p>", 0);
	assert_string_equal(header(a, msg, "Subject"), "Reset your roster password");
	assert_string_equal(header(a, msg, "Date"), "Thu, 01 Jan 1970 00:00:00 +0000");
	assert_string_equal(part(a, msg, "=_roster_id1", "text/plain; charset=utf-8"), "t");
	/* Empty parts stay well formed. */
	msg = mail_format(a, "r@x", "t@x", "id2", "s", "", "", 0);
	assert_crlf_only(msg);
	assert_string_equal(part(a, msg, "=_roster_id2", "text/plain; charset=utf-8"), "");
	assert_string_equal(part(a, msg, "=_roster_id2", "text/html; charset=utf-8"), "");
	arena_free(a);
}

static void subject_cannot_add_headers(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	char *msg = mail_format(a, "r@x", "t@x", "id3", "Hi\r\nBcc: victim@example.com", "t", "h", 0);
	assert_crlf_only(msg);
	assert_null(header(a, msg, "Bcc"));
	const char *subj = header(a, msg, "Subject");
	assert_memory_equal(subj, "=?UTF-8?B?", 10);
	assert_string_equal(b64_decode(a, subj + 10, strlen(subj) - 12), "Hi\r\nBcc: victim@example.com");
	arena_free(a);
}

/* RFC 2047 §2: "An 'encoded-word' may not be more than 75 characters long";
 * a longer text is split into several encoded words. Every subject we send
 * must decode in strict readers too. */
static void encoded_subjects_respect_the_word_limit(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	const char *const vars[] = {"first_name", "A", "email", "a@b.c", "link", "L", NULL};
	const char *langs[] = {"en", "fr", "de"};
	char problem[512] = "";
	for (int t = 0; t < MAIL__COUNT; t++) {
		for (int l = 0; l < 3; l++) {
			struct mail_rendered r;
			mail_render(a, langs[l], (enum mail_template)t, vars, &r);
			char *msg = mail_format(a, "r@x", "t@x", "id", r.subject, "t", "h", 0);
			const char *subj = header(a, msg, "Subject");
			/* Each space-separated word of the header stays within the limit. */
			char *copy = arena_strdup(a, subj), *save = NULL;
			for (char *w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save))
				if (!strncmp(w, "=?", 2) && strlen(w) > 75 && !problem[0])
					snprintf(problem, sizeof problem,
					         "%s subject '%s' is encoded as a %zu-character word: %s", langs[l],
					         r.subject, strlen(w), w);
		}
	}
	arena_free(a);
	if (problem[0])
		fail_msg("%s", problem);
}

/* ---- the outbox ---- */

struct enqueue_arg {
	struct arena *a;
	const char *to, *lang;
	bool fail_after;
};

static err_code enqueue_tx(struct db *db, void *arg, struct err *e)
{
	struct enqueue_arg *q = arg;
	if (mail_enqueue(db, q->a, q->to, q->lang, MAIL_PASSWORD_RESET, reset_vars, e))
		return e->code;
	return q->fail_after ? err_set(e, E_CONFLICT, NULL, NULL) : E_OK;
}

struct take_arg {
	struct arena *a;
	struct outbox_msg m;
};

static err_code take_tx(struct db *db, void *arg, struct err *e)
{
	struct take_arg *t = arg;
	int64_t now = clock_now_ms();
	if (store_outbox_claim(db, t->a, now, 1, &t->m, e))
		return e->code;
	return store_outbox_sent(db, t->m.id, now, e);
}

static void enqueue_writes_the_outbox_in_the_transaction(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct store *st = test_store();
	struct err e;
	struct take_arg t = {.a = a};
	while (store_tx(st, true, take_tx, &t, &e) == E_OK)
		;
	char to[128];
	test_email(to, sizeof to, "mail");
	/* Rolled back: nothing is sent. */
	struct enqueue_arg q = {a, to, "fr", true};
	assert_int_equal(store_tx(st, true, enqueue_tx, &q, &e), E_CONFLICT);
	assert_int_equal(store_tx(st, true, take_tx, &t, &e), E_NOT_FOUND);
	/* Committed: one message, rendered in the language, an unknown one stored as en. */
	q.fail_after = false;
	assert_int_equal(store_tx(st, true, enqueue_tx, &q, &e), E_OK);
	assert_int_equal(store_tx(st, true, take_tx, &t, &e), E_OK);
	assert_string_equal(t.m.recipient, to);
	assert_string_equal(t.m.language, "fr");
	assert_string_equal(t.m.subject, "R\xc3\xa9initialisation de votre mot de passe roster");
	assert_memory_equal(t.m.body_text, "Bonjour Ann,", 12);
	assert_memory_equal(t.m.body_html, "<!doctype html>", 15);
	assert_true(id_valid("msg", t.m.id));
	q.lang = "xx";
	assert_int_equal(store_tx(st, true, enqueue_tx, &q, &e), E_OK);
	assert_int_equal(store_tx(st, true, take_tx, &t, &e), E_OK);
	assert_string_equal(t.m.language, "en");
	assert_string_equal(t.m.subject, "Reset your roster password");
	assert_int_equal(store_tx(st, true, take_tx, &t, &e), E_NOT_FOUND);
	arena_free(a);
}

/* The encoded words of a header, decoded and joined: the original bytes. */
static char *decode_words(struct arena *a, const char *hdr)
{
	char *out = arena_strdup(a, "");
	char *copy = arena_strdup(a, hdr), *save = NULL;
	for (char *w = strtok_r(copy, " \r\n", &save); w; w = strtok_r(NULL, " \r\n", &save)) {
		size_t n = strlen(w);
		assert_true(n <= 75);
		assert_memory_equal(w, "=?UTF-8?B?", 10);
		assert_string_equal(w + n - 2, "?=");
		out = arena_printf(a, "%s%s", out, b64_decode(a, w + 10, n - 12));
	}
	return out;
}

/* A stored value that is not UTF-8 used to stop the encoder advancing and
 * overrun its buffer (and the mailer crashed again after every restart). */
static void header_encoder_is_safe_on_any_bytes(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	char cont[201], lead[46], mixed[300];
	memset(cont, 0x80, 200);
	cont[200] = '\0';
	lead[0] = 'A';
	memset(lead + 1, 0xBF, 44);
	lead[45] = '\0';
	for (size_t i = 0; i < sizeof mixed - 1; i++)
		mixed[i] = (char)(i % 7 == 0 ? 0xF0 : i % 5 == 0 ? 0xC3 : 'a' + (int)(i % 26));
	mixed[sizeof mixed - 1] = '\0';
	const char *inputs[] = {cont, lead, mixed, "\xf0", "Caf\xc3\xa9 \xf0\x9f\x98\x80 et cr\xc3\xa8me", "a\x7f"};
	for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
		char *h = mail_encode_header(a, inputs[i]);
		assert_string_equal(decode_words(a, h), inputs[i]);
	}
	assert_string_equal(mail_encode_header(a, "plain ascii"), "plain ascii");
	arena_free(a);
}

static void unsendable_messages_are_named(void **state)
{
	(void)state;
	assert_null(mail_unsendable("ann@example.com", "Caf\xc3\xa9", "t", "h"));
	assert_non_null(mail_unsendable("ann@example.com\r\nBcc: x@example.com", "s", "t", "h"));
	assert_non_null(mail_unsendable("not an address", "s", "t", "h"));
	assert_non_null(mail_unsendable("ann@example.com", "Acme \xf0", "t", "h"));
	assert_non_null(mail_unsendable("ann@example.com", "s", "t\xc3", "h"));
	assert_non_null(mail_unsendable("ann@example.com", "s", "t", "\xff"));
}

static const char SQL_OUTBOX_STATE[] = "SELECT state, COALESCE(last_error, '') FROM outbox WHERE id = $1";

struct state_arg {
	struct arena *a;
	const char *id, *state, *error;
};

static err_code state_tx(struct db *db, void *arg, struct err *e)
{
	struct state_arg *s = arg;
	struct db_stmt *st = store_prepare(db, SQL_OUTBOX_STATE, e);
	if (!st)
		return e->code;
	db_bind_text(st, 1, s->id);
	if (db_step(st) != DB_ROW)
		return err_set(e, E_NOT_FOUND, NULL, NULL);
	s->state = store_col_dup(st, 0, s->a);
	s->error = store_col_dup(st, 1, s->a);
	return E_OK;
}

struct insert_arg {
	const struct outbox_msg *m;
};

static err_code insert_tx(struct db *db, void *arg, struct err *e)
{
	struct insert_arg *i = arg;
	return store_outbox_insert(db, i->m, clock_now_ms(), e);
}

/* Rows the mailer cannot render fail with the reason; the next message
 * is delivered all the same. (SQLite only: PostgreSQL refuses such text.) */
static void mailer_fails_unrenderable_rows_and_goes_on(void **state)
{
	(void)state;
	struct store *st = test_store();
	if (strcmp(store_engine(st), "sqlite"))
		skip();
	struct arena *a = arena_new();
	struct err e;
	struct take_arg t = {.a = a};
	while (store_tx(st, true, take_tx, &t, &e) == E_OK)
		; /* an empty outbox */
	char dir[] = "/tmp/roster-mailer-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char good_to[128];
	test_email(good_to, sizeof good_to, "good");
	struct outbox_msg msgs[] = {
	        {.id = "msg_badsubject", .recipient = "ann@example.com", .language = "en", .subject = "Acme \xf0",
	         .body_text = "t", .body_html = "h"},
	        {.id = "msg_badrecipient", .recipient = "ann@example.com\r\nBcc: x@example.com", .language = "en",
	         .subject = "s", .body_text = "t", .body_html = "h"},
	        {.id = "msg_badbody", .recipient = "ann@example.com", .language = "en", .subject = "s",
	         .body_text = "\x80\x80", .body_html = "h"},
	        {.id = "msg_good", .recipient = good_to, .language = "en", .subject = "Caf\xc3\xa9", .body_text = "t",
	         .body_html = "h"},
	};
	for (size_t i = 0; i < sizeof msgs / sizeof msgs[0]; i++) {
		struct insert_arg ia = {&msgs[i]};
		assert_int_equal(store_tx(st, true, insert_tx, &ia, &e), E_OK);
	}
	struct mailer_config mc = {.from = "roster <roster@localhost>", .dir = dir, .poll_ms = 10, .lease_s = 60};
	struct mailer *m = mailer_start(st, &mc, &e);
	assert_non_null(m);
	char path[256];
	snprintf(path, sizeof path, "%s/msg_good.eml", dir);
	for (int i = 0; i < 500 && access(path, F_OK) != 0; i++)
		usleep(10000);
	mailer_stop(m);
	assert_int_equal(access(path, F_OK), 0);
	const char *expect[][2] = {{"msg_badsubject", "subject"}, {"msg_badrecipient", "recipient"}, {"msg_badbody", "body"}};
	for (size_t i = 0; i < 3; i++) {
		struct state_arg sa = {.a = a, .id = expect[i][0]};
		assert_int_equal(store_tx(st, false, state_tx, &sa, &e), E_OK);
		assert_string_equal(sa.state, "failed");
		if (!strstr(sa.error, expect[i][1]))
			fail_msg("%s failed with '%s'", expect[i][0], sa.error);
		snprintf(path, sizeof path, "%s/%s.eml", dir, expect[i][0]);
		assert_int_not_equal(access(path, F_OK), 0);
	}
	struct state_arg sa = {.a = a, .id = "msg_good"};
	assert_int_equal(store_tx(st, false, state_tx, &sa, &e), E_OK);
	assert_string_equal(sa.state, "sent");
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(render_in_each_language),
	        cmocka_unit_test(unknown_language_falls_back_to_english),
	        cmocka_unit_test(setup_mail_names_the_address),
	        cmocka_unit_test(values_are_escaped_in_html_only),
	        cmocka_unit_test(long_values_render_whole),
	        cmocka_unit_test(format_builds_a_multipart_message),
	        cmocka_unit_test(ascii_subject_is_left_as_is),
	        cmocka_unit_test(subject_cannot_add_headers),
	        cmocka_unit_test(encoded_subjects_respect_the_word_limit),
	        cmocka_unit_test(enqueue_writes_the_outbox_in_the_transaction),
	        cmocka_unit_test(header_encoder_is_safe_on_any_bytes),
	        cmocka_unit_test(unsendable_messages_are_named),
	        cmocka_unit_test(mailer_fails_unrenderable_rows_and_goes_on),
	};
	if (!crypto_setup())
		return 1;
	return cmocka_run_group_tests_name("mail", tests, NULL, NULL);
}
