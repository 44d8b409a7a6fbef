/* The mailer: one thread that claims due messages from the outbox, delivers
 * them over SMTP (libcurl; STARTTLS when the server offers it) or into a
 * directory of .eml files, and records the outcome. A failed delivery is
 * retried with exponential backoff; a claim whose sender died is taken up
 * again when its lease runs out, so a crash loses nothing.
 *
 * The outbox state machine (enum outbox_state, core/model.h). A message is
 * in one of four states, kept in outbox.state:
 *
 *   QUEUED   waiting for its next_attempt_at. Entered by mail_enqueue()
 *            (store_outbox_insert, in the transaction of the change that
 *            sends it, so that no change commits without its email) and by
 *            a retry.
 *   SENDING  claimed by one mailer until claimed_until (its lease), with
 *            attempts counted up. Entered from QUEUED, or from SENDING
 *            whose lease ran out (its mailer died), by store_outbox_claim(),
 *            one conditional UPDATE: of several mailers exactly one wins.
 *   SENT     delivered (final). From SENDING by store_outbox_sent().
 *   FAILED   given up (final): MAX_ATTEMPTS attempts failed, or the message
 *            cannot be sent at all (mail_unsendable()). From SENDING by
 *            store_outbox_failed().
 *
 *   QUEUED --claim--> SENDING --sent--> SENT
 *     ^                 |  |
 *     +-----retry-------+  +--failed--> FAILED
 *   SENDING --lease runs out, claim--> SENDING (another mailer)
 *
 * A message leaves SENDING only through its claimant, or by the lease; so
 * a message is delivered at least once, and more than once only when a
 * mailer dies between the SMTP answer and store_outbox_sent(). */
#include "mail/mail.h"

#include "base/clock.h"
#include "base/log.h"
#include "base/text.h"
#include "store/misc.h"
#include "store/store.h"

#include <curl/curl.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MAX_ATTEMPTS 10
#define BACKOFF_FIRST_MS 5000
#define BACKOFF_MAX_MS 3600000

struct mailer {
	struct store *store;
	struct mailer_config cfg;
	char from_addr[320];
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	bool stopping;
};

/* ---- message format ---- */

static char *b64_lines(struct arena *a, const char *s)
{
	size_t n = strlen(s);
	size_t enc = sodium_base64_encoded_len(n, sodium_base64_VARIANT_ORIGINAL);
	char *raw = arena_alloc(a, enc);
	sodium_bin2base64(raw, enc, (const unsigned char *)s, n, sodium_base64_VARIANT_ORIGINAL);
	size_t rlen = strlen(raw);
	char *out = arena_alloc(a, rlen + (rlen / 76 + 2) * 2 + 1), *o = out;
	for (size_t i = 0; i < rlen; i += 76) {
		size_t k = rlen - i < 76 ? rlen - i : 76;
		memcpy(o, raw + i, k);
		o += k;
		*o++ = '\r';
		*o++ = '\n';
	}
	*o = '\0';
	return out;
}

static size_t put_encoded_word(char *o, const char *sep, const char *b64)
{
	size_t len = 0, k;
	for (k = 0; sep[k]; k++)
		o[len++] = sep[k];
	static const char head[] = "=?UTF-8?B?";
	memcpy(o + len, head, sizeof head - 1);
	len += sizeof head - 1;
	k = strlen(b64);
	memcpy(o + len, b64, k);
	len += k;
	o[len++] = '?';
	o[len++] = '=';
	return len;
}

/* RFC 2047: a non-ASCII header value as encoded words of at most 75
 * characters each (at most 45 bytes of text, cut between UTF-8
 * characters), folded onto continuation lines. Safe on any bytes: a cut
 * backs off over at most three continuation bytes (a character's tail),
 * so every word carries 42 bytes or more and the loop always advances. */
char *mail_encode_header(struct arena *a, const char *s)
{
	bool ascii = true;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p >= 0x80 || *p < 0x20 || *p == 0x7f)
			ascii = false;
	if (ascii)
		return arena_strdup(a, s);
	size_t n = strlen(s);
	char *out = arena_alloc(a, (n / 42 + 1) * 80 + 1), *o = out;
	for (size_t off = 0; off < n;) {
		size_t take = n - off < 45 ? n - off : 45;
		if (take < n - off) {
			size_t back = 0;
			while (back < 3 && ((unsigned char)s[off + take - back] & 0xC0) == 0x80)
				back++;
			if (((unsigned char)s[off + take - back] & 0xC0) != 0x80)
				take -= back; /* a character boundary within reach */
		}
		char b64[64];
		sodium_bin2base64(b64, sizeof b64, (const unsigned char *)s + off, take,
		                  sodium_base64_VARIANT_ORIGINAL);
		o += put_encoded_word(o, off ? "\r\n " : "", b64);
		off += take;
	}
	*o = '\0';
	return out;
}

const char *mail_unsendable(const char *to, const char *subject, const char *text, const char *html)
{
	struct arena *a = arena_new();
	const char *trimmed = email_trim(a, to);
	bool address_ok = trimmed && !strcmp(trimmed, to);
	arena_free(a);
	if (!address_ok)
		return "the recipient is not a valid email address";
	if (!utf8_valid(subject, strlen(subject)))
		return "the subject is not valid UTF-8";
	if (!utf8_valid(text, strlen(text)) || !utf8_valid(html, strlen(html)))
		return "the body is not valid UTF-8";
	return NULL;
}

char *mail_format(struct arena *a, const char *from, const char *to, const char *message_id, const char *subject,
                  const char *text, const char *html, long long date_ms)
{
	time_t t = (time_t)(date_ms / 1000);
	struct tm tm;
	gmtime_r(&t, &tm);
	char date[64];
	strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S +0000", &tm);
	const char *boundary = arena_printf(a, "=_roster_%s", message_id);
	return arena_printf(a,
	                    "Date: %s\r\n"
	                    "From: %s\r\n"
	                    "To: %s\r\n"
	                    "Subject: %s\r\n"
	                    "Message-ID: <%s@roster>\r\n"
	                    "MIME-Version: 1.0\r\n"
	                    "Content-Type: multipart/alternative; boundary=\"%s\"\r\n"
	                    "\r\n"
	                    "--%s\r\n"
	                    "Content-Type: text/plain; charset=utf-8\r\n"
	                    "Content-Transfer-Encoding: base64\r\n"
	                    "\r\n"
	                    "%s"
	                    "--%s\r\n"
	                    "Content-Type: text/html; charset=utf-8\r\n"
	                    "Content-Transfer-Encoding: base64\r\n"
	                    "\r\n"
	                    "%s"
	                    "--%s--\r\n",
	                    date, from, to, mail_encode_header(a, subject), message_id, boundary, boundary,
	                    b64_lines(a, text), boundary, b64_lines(a, html), boundary);
}

/* ---- delivery ---- */

struct upload {
	const char *data;
	size_t len, off;
};

static size_t read_cb(char *buf, size_t size, size_t nitems, void *arg)
{
	struct upload *u = arg;
	size_t room = size * nitems, left = u->len - u->off;
	size_t n = left < room ? left : room;
	memcpy(buf, u->data + u->off, n);
	u->off += n;
	return n;
}

static bool deliver_smtp(struct mailer *m, const char *to, const char *msg, char *errbuf, size_t errlen)
{
	CURL *c = curl_easy_init();
	if (!c) {
		snprintf(errbuf, errlen, "cannot start libcurl");
		return false;
	}
	struct upload up = {msg, strlen(msg), 0};
	char rcpt_addr[320];
	snprintf(rcpt_addr, sizeof rcpt_addr, "<%s>", to);
	struct curl_slist *rcpt = curl_slist_append(NULL, rcpt_addr);
	char curl_err[CURL_ERROR_SIZE] = "";
	curl_easy_setopt(c, CURLOPT_URL, m->cfg.smtp_url);
	curl_easy_setopt(c, CURLOPT_MAIL_FROM, m->from_addr);
	curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(c, CURLOPT_READFUNCTION, read_cb);
	curl_easy_setopt(c, CURLOPT_READDATA, &up);
	curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(c, CURLOPT_USE_SSL, (long)CURLUSESSL_TRY);
	/* Delivery ends well inside the lease, so no other sender takes the message meanwhile. */
	long limit = m->cfg.lease_s / 2 > 1 ? m->cfg.lease_s / 2 : 1;
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, limit < 10 ? limit : 10L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, limit);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, curl_err);
	CURLcode rc = curl_easy_perform(c);
	if (rc != CURLE_OK)
		snprintf(errbuf, errlen, "%s", curl_err[0] ? curl_err : curl_easy_strerror(rc));
	curl_slist_free_all(rcpt);
	curl_easy_cleanup(c);
	return rc == CURLE_OK;
}

/* Writes DIR/<id>.eml through a temporary name: a retried message replaces
 * its own file instead of adding a second one. */
static bool deliver_file(struct mailer *m, const char *id, const char *msg, char *errbuf, size_t errlen)
{
	char tmp[4096], path[4096];
	snprintf(tmp, sizeof tmp, "%s/.%s.tmp", m->cfg.dir, id);
	snprintf(path, sizeof path, "%s/%s.eml", m->cfg.dir, id);
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
	if (fd < 0) {
		snprintf(errbuf, errlen, "cannot write %.300s: %s", tmp, strerror(errno));
		return false;
	}
	size_t len = strlen(msg), off = 0;
	while (off < len) {
		ssize_t w = write(fd, msg + off, len - off);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			snprintf(errbuf, errlen, "cannot write %.300s: %s", tmp, strerror(errno));
			close(fd);
			unlink(tmp);
			return false;
		}
		off += (size_t)w;
	}
	if (fsync(fd) != 0 || close(fd) != 0 || rename(tmp, path) != 0) {
		snprintf(errbuf, errlen, "cannot write %.300s: %s", path, strerror(errno));
		unlink(tmp);
		return false;
	}
	return true;
}

/* ---- the loop ---- */

struct claim_arg {
	struct arena *a;
	int lease_s;
	struct outbox_msg msg;
};

static err_code claim_tx(struct db *db, void *arg, struct err *e)
{
	struct claim_arg *c = arg;
	return store_outbox_claim(db, c->a, clock_now_ms(), (int64_t)c->lease_s * 1000, &c->msg, e);
}

struct outcome_arg {
	const char *id;
	bool sent;
	int attempts;
	const char *error;
};

static err_code outcome_tx(struct db *db, void *arg, struct err *e)
{
	struct outcome_arg *o = arg;
	int64_t now = clock_now_ms();
	if (o->sent)
		return store_outbox_sent(db, o->id, now, e);
	if (o->attempts >= MAX_ATTEMPTS)
		return store_outbox_failed(db, o->id, o->error, e);
	int64_t delay = BACKOFF_FIRST_MS;
	for (int i = 1; i < o->attempts && delay < BACKOFF_MAX_MS; i++)
		delay *= 2;
	if (delay > BACKOFF_MAX_MS)
		delay = BACKOFF_MAX_MS;
	return store_outbox_retry(db, o->id, now + delay, o->error, e);
}

/* Returns true when a message was handled (so the loop looks again at once). */
static bool mailer_once(struct mailer *m)
{
	struct arena *a = arena_new();
	struct claim_arg c = {.a = a, .lease_s = m->cfg.lease_s};
	struct err e;
	err_code rc = store_tx(m->store, true, claim_tx, &c, &e);
	if (rc != E_OK) {
		if (rc != E_NOT_FOUND)
			log_msg(LOG_WARN, "mail_claim_failed", "%s", err_message(&e));
		arena_free(a);
		return false;
	}
	char errbuf[512] = "";
	/* Stored data the mailer cannot turn into a message fails at once with
	 * the reason; retrying would not change it, and the rest of the outbox
	 * goes on. */
	const char *unsendable = mail_unsendable(c.msg.recipient, c.msg.subject, c.msg.body_text, c.msg.body_html);
	bool ok = false;
	if (unsendable) {
		snprintf(errbuf, sizeof errbuf, "%s", unsendable);
	} else {
		const char *msg = mail_format(a, m->cfg.from, c.msg.recipient, c.msg.id, c.msg.subject, c.msg.body_text,
		                              c.msg.body_html, c.msg.created_at);
		ok = m->cfg.smtp_url ? deliver_smtp(m, c.msg.recipient, msg, errbuf, sizeof errbuf)
		                     : deliver_file(m, c.msg.id, msg, errbuf, sizeof errbuf);
	}
	struct outcome_arg o = {c.msg.id, ok, unsendable ? MAX_ATTEMPTS : c.msg.attempts, errbuf};
	rc = store_tx(m->store, true, outcome_tx, &o, &e);
	struct logline l;
	log_begin(&l, ok ? LOG_INFO : LOG_WARN, ok ? "mail_sent" : "mail_failed");
	log_str(&l, "message_id", c.msg.id);
	log_int(&l, "attempt", c.msg.attempts);
	if (!ok)
		log_str(&l, "error", errbuf);
	if (rc != E_OK)
		log_str(&l, "record_error", err_message(&e));
	log_end(&l);
	arena_free(a);
	return true;
}

static void *mailer_main(void *arg)
{
	struct mailer *m = arg;
	for (;;) {
		pthread_mutex_lock(&m->lock);
		bool stop = m->stopping;
		pthread_mutex_unlock(&m->lock);
		if (stop)
			break;
		if (mailer_once(m))
			continue;
		pthread_mutex_lock(&m->lock);
		if (!m->stopping) {
			struct timespec ts;
			clock_gettime(CLOCK_REALTIME, &ts);
			ts.tv_nsec += (long)m->cfg.poll_ms * 1000000L;
			ts.tv_sec += ts.tv_nsec / 1000000000L;
			ts.tv_nsec %= 1000000000L;
			pthread_cond_timedwait(&m->wake, &m->lock, &ts);
		}
		pthread_mutex_unlock(&m->lock);
	}
	return NULL;
}

struct mailer *mailer_start(struct store *st, const struct mailer_config *cfg, struct err *e)
{
	struct mailer *m = calloc(1, sizeof *m);
	m->store = st;
	m->cfg = *cfg;
	if (m->cfg.poll_ms <= 0)
		m->cfg.poll_ms = 200;
	if (m->cfg.lease_s <= 0)
		m->cfg.lease_s = 60;
	/* The envelope sender is the address inside "Name <address>", or the whole value. */
	const char *lt = strchr(cfg->from, '<'), *gt = lt ? strchr(lt, '>') : NULL;
	if (lt && gt)
		snprintf(m->from_addr, sizeof m->from_addr, "%.*s", (int)(gt - lt + 1), lt);
	else
		snprintf(m->from_addr, sizeof m->from_addr, "<%s>", cfg->from);
	if (!cfg->smtp_url && mkdir(cfg->dir, 0750) != 0 && errno != EEXIST) {
		err_set(e, E_INVALID, "mail_dir", "Cannot create the mail directory %s: %s", cfg->dir, strerror(errno));
		free(m);
		return NULL;
	}
	pthread_mutex_init(&m->lock, NULL);
	pthread_cond_init(&m->wake, NULL);
	if (pthread_create(&m->thread, NULL, mailer_main, m) != 0) {
		err_set(e, E_INTERNAL, NULL, "Cannot start the mailer thread.");
		free(m);
		return NULL;
	}
	return m;
}

void mailer_stop(struct mailer *m)
{
	if (!m)
		return;
	pthread_mutex_lock(&m->lock);
	m->stopping = true;
	pthread_cond_signal(&m->wake);
	pthread_mutex_unlock(&m->lock);
	pthread_join(m->thread, NULL);
	pthread_mutex_destroy(&m->lock);
	pthread_cond_destroy(&m->wake);
	free(m);
}
