/* rosterd: options and configuration, the database, the mailer and the
 * HTTP server; runs until SIGTERM or SIGINT, then drains and exits 0. */
#include "api/api.h"
#include "base/crypto.h"
#include "base/log.h"
#include "config.h"
#include "core/accounts.h"
#include "core/member_card.h"
#include "core/migrate.h"
#include "http/assets.h"
#include "http/http.h"
#include "mail/mail.h"
#include "store/store.h"

#include <curl/curl.h>
#include <malloc.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* base: the address the server really listens on (--listen with the port
 * it got), which is where the operator can sign in from this machine. */
static void print_sign_in(const char *base, const char *email, const char *password)
{
	printf("\n  roster is ready. The first operator account was created:\n\n"
	       "    email:    %s\n"
	       "    password: %s\n\n"
	       "  Open the console at %s/ and sign in with them, or sign in through the API:\n"
	       "    curl -s -X POST %s/api/v1/auth/login -H 'Content-Type: application/json' \\\n"
	       "         -d '{\"email\":\"%s\",\"password\":\"%s\"}'\n\n"
	       "  This is shown once; change the password with POST /api/v1/me/password.\n\n",
	       email, password, base, base, email, password);
	fflush(stdout);
}

/* The database, migrated, and the service's settings and secrets. */
static bool open_service(const struct config *cfg, struct app *app, struct err *e)
{
	struct store *store = NULL;
	if (store_open(cfg->db, cfg->sync_full, &store, e) || core_migrate(store, e)) {
		log_msg(LOG_ERROR, "start_failed", "database %s: %s", cfg->db, err_message(e));
		fprintf(stderr, "rosterd: database: %s\n", err_message(e));
		store_free(store);
		return false;
	}
	*app = (struct app){
	        .store = store,
	        .public_url = cfg->public_url,
	        .session_idle_ms = cfg->session_idle_ms,
	        .session_lifetime_ms = cfg->session_lifetime_ms,
	};
	if (app_load_secrets(app, e)) {
		fprintf(stderr, "rosterd: database: %s\n", err_message(e));
		store_free(store);
		return false;
	}
	return true;
}

/* --bootstrap-operator: the first operator, when the database has none. */
static bool bootstrap(const struct config *cfg, struct app *app, char *password, size_t len, bool *created,
                      struct err *e)
{
	*created = false;
	if (!cfg->bootstrap_operator)
		return true;
	struct arena *a = arena_new();
	struct ctx c = {.app = app, .arena = a};
	bool ok = !account_bootstrap_operator(&c, cfg->bootstrap_operator, password, len, created, e);
	if (!ok)
		fprintf(stderr, "rosterd: --bootstrap-operator: %s\n", err_message(e));
	arena_free(a);
	return ok;
}

static struct http_server *start_http(const struct config *cfg, struct app *app, struct err *e)
{
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	struct http_config hc = {
	        .host = cfg->listen_host,
	        .port = cfg->listen_port,
	        .threads = cfg->threads,
	        .cpu_threads = cores > 0 ? (int)cores : 2,
	        .header_timeout_s = cfg->header_timeout,
	        .idle_timeout_s = cfg->idle_timeout,
	        .body_timeout_s = cfg->body_timeout,
	        .body_min_rate = cfg->body_min_rate,
	        .max_connections = cfg->max_connections,
	        .max_connections_per_addr = cfg->max_connections_per_addr,
	        .trusted_proxies = cfg->trusted_proxies,
	        .assets = console_assets,
	        .nassets = console_nassets,
	};
	size_t nroutes;
	const struct http_route *routes = api_http_routes(&nroutes);
	struct http_server *server = http_start(&hc, routes, nroutes, api_dispatch, app, e);
	if (!server)
		fprintf(stderr, "rosterd: %s\n", err_message(e));
	return server;
}

/* The log line, and on a terminal (or at a bootstrap) where to sign in. */
static void announce(const struct config *cfg, struct http_server *server, struct store *store, bool bootstrapped,
                     char *password, size_t len)
{
	char address[300];
	/* An IPv6 host goes in brackets, as in a URL. */
	bool v6 = strchr(cfg->listen_host, ':') && cfg->listen_host[0] != '[';
	snprintf(address, sizeof address, "%s%s%s:%d", v6 ? "[" : "", cfg->listen_host, v6 ? "]" : "",
	         http_port(server));
	struct logline l;
	log_begin(&l, LOG_INFO, "listening");
	log_str(&l, "address", address);
	log_str(&l, "database", store_engine(store));
	log_str(&l, "mail", cfg->smtp_url ? "smtp" : "directory");
	log_int(&l, "threads", cfg->threads);
	log_end(&l);
	log_flush_all();
	if (bootstrapped) {
		char base[320];
		snprintf(base, sizeof base, "http://%s", address);
		print_sign_in(base, cfg->bootstrap_operator, password);
		sodium_memzero(password, len);
	}
	if (isatty(STDOUT_FILENO) || cfg->bootstrap_operator) {
		printf("rosterd listening on http://%s (the console: http://%s/)\n", address, address);
		fflush(stdout);
	}
}

/* Options that answer without starting: 0 to go on, else the exit code + 1. */
static int answer_options(const struct config *cfg)
{
	if (cfg->help) {
		fputs(config_usage, stdout);
		return 1;
	}
	if (cfg->print_routes) {
		for (size_t i = 0; i < api_nroutes; i++)
			printf("%s %s\n", api_routes[i].method, api_routes[i].pattern);
		return 1;
	}
	return 0;
}

/* The process-wide setup: memory, logging, libraries, signals. False when a library fails. */
static bool setup_process(const struct config *cfg, sigset_t *sigs)
{
	/* argon2id takes 19 MiB per hash: a fixed threshold keeps such blocks
	 * mmap'ed and returned at free, instead of glibc raising the threshold
	 * and keeping them in its heaps after a login storm. */
	mallopt(M_MMAP_THRESHOLD, 1024 * 1024);
	/* Fixing that threshold also fixes the trim threshold at 128 KiB: each
	 * thread's heap would then hand its free top back to the kernel (an
	 * madvise, page faults after it) after nearly every large reply. */
	mallopt(M_TRIM_THRESHOLD, 16 * 1024 * 1024);
	log_set_level(cfg->log_debug ? LOG_DEBUG : LOG_INFO);
	log_set_buffered(true);
	if (!crypto_setup()) {
		log_msg(LOG_ERROR, "start_failed", "libsodium could not be initialised");
		return false;
	}
	curl_global_init(CURL_GLOBAL_DEFAULT);
	/* Signals are taken by sigwait() in main; every thread started from here inherits the mask. */
	sigemptyset(sigs);
	sigaddset(sigs, SIGTERM);
	sigaddset(sigs, SIGINT);
	pthread_sigmask(SIG_BLOCK, sigs, NULL);
	signal(SIGPIPE, SIG_IGN);
	return true;
}

int main(int argc, char **argv)
{
	struct config cfg;
	char msg[512];
	if (!config_load(&cfg, argc, argv, msg, sizeof msg)) {
		fprintf(stderr, "rosterd: %s\n%s", msg, config_usage);
		return 2;
	}
	if (answer_options(&cfg))
		return 0;
	sigset_t sigs;
	if (!setup_process(&cfg, &sigs))
		return 1;
	struct err e;
	err_clear(&e);
	struct app app;
	char password[32] = "";
	bool bootstrapped;
	if (!open_service(&cfg, &app, &e))
		return 1;
	if (!bootstrap(&cfg, &app, password, sizeof password, &bootstrapped, &e)) {
		store_free(app.store);
		return 1;
	}
	struct mailer_config mc = {
	        .smtp_url = cfg.smtp_url, .from = cfg.mail_from, .dir = cfg.mail_dir, .lease_s = cfg.mail_lease};
	struct mailer *mailer = mailer_start(app.store, &mc, &e);
	if (!mailer) {
		fprintf(stderr, "rosterd: mail: %s\n", err_message(&e));
		store_free(app.store);
		return 1;
	}
	struct http_server *server = start_http(&cfg, &app, &e);
	if (!server) {
		mailer_stop(mailer);
		store_free(app.store);
		return 1;
	}
	announce(&cfg, server, app.store, bootstrapped, password, sizeof password);
	int sig = 0;
	sigwait(&sigs, &sig);
	log_msg(LOG_INFO, "stopping", "signal %d: finishing requests in flight", sig);
	http_stop(server, 10000); /* also runs what requests handed on, before the mailer stops */
	mailer_stop(mailer);
	store_free(app.store);
	curl_global_cleanup();
	log_msg(LOG_INFO, "stopped", "bye");
	log_flush_all();
	return 0;
}
