#include "testutil.h"

#include "config.h"

static const char *const env_names[] = {
        "ROSTER_DB",
        "ROSTER_LISTEN",
        "ROSTER_PUBLIC_URL",
        "ROSTER_SMTP_URL",
        "ROSTER_MAIL_FROM",
        "ROSTER_MAIL_DIR",
        "ROSTER_THREADS",
        "ROSTER_LOG",
        "ROSTER_SYNC",
        "ROSTER_HEADER_TIMEOUT",
        "ROSTER_IDLE_TIMEOUT",
        "ROSTER_BODY_TIMEOUT",
        "ROSTER_BODY_MIN_RATE",
        "ROSTER_MAX_CONNECTIONS",
        "ROSTER_MAX_CONNECTIONS_PER_ADDRESS",
        "ROSTER_SESSION_IDLE",
        "ROSTER_SESSION_LIFETIME",
        "ROSTER_BOOTSTRAP_OPERATOR",
        "ROSTER_MAIL_LEASE",
        "ROSTER_TRUSTED_PROXIES",
};

/* config_load keeps the public URL it builds for the life of the process;
 * holding the pointers here keeps them reachable for leak checkers. */
static const char *kept[64];
static int nkept;

static int clean_env(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof env_names / sizeof env_names[0]; i++)
		unsetenv(env_names[i]);
	return 0;
}

static bool load(struct config *c, char *errbuf, size_t errlen, int argc, ...)
{
	char *argv[32] = {"rosterd"};
	va_list ap;
	va_start(ap, argc);
	for (int i = 1; i <= argc && i < 31; i++)
		argv[i] = va_arg(ap, char *);
	va_end(ap);
	errbuf[0] = '\0';
	bool ok = config_load(c, argc + 1, argv, errbuf, errlen);
	if (nkept < 64)
		kept[nkept++] = c->public_url;
	return ok;
}

static void defaults(void **state)
{
	(void)state;
	struct config c;
	char err[256];
	assert_true(load(&c, err, sizeof err, 0));
	assert_string_equal(c.db, "./var/roster.db");
	assert_string_equal(c.listen_host, "127.0.0.1");
	assert_int_equal(c.listen_port, 8080);
	assert_string_equal(c.public_url, "http://127.0.0.1:8080");
	assert_false(c.public_https);
	assert_null(c.smtp_url);
	assert_string_equal(c.mail_from, "roster <roster@localhost>");
	assert_string_equal(c.mail_dir, "./var/mail");
	assert_true(c.threads >= 1);
	assert_false(c.log_debug);
	assert_false(c.sync_full);
	assert_int_equal(c.header_timeout, 10);
	assert_int_equal(c.idle_timeout, 60);
	assert_int_equal(c.body_timeout, 30);
	assert_int_equal(c.body_min_rate, 1024);
	assert_int_equal(c.max_connections, 1000);
	assert_int_equal(c.max_connections_per_addr, 100);
	/* Five addresses at their limit leave room for everyone else. */
	assert_true(5 * c.max_connections_per_addr < c.max_connections);
	assert_int_equal(c.session_idle_ms, 28800LL * 1000);
	assert_int_equal(c.session_lifetime_ms, 2592000LL * 1000);
	assert_null(c.bootstrap_operator);
	assert_false(c.print_routes);
	assert_false(c.help);
}

static void environment_is_read(void **state)
{
	(void)state;
	struct config c;
	char err[256];
	setenv("ROSTER_DB", "postgres://u@h/db", 1);
	setenv("ROSTER_LISTEN", "0.0.0.0:9090", 1);
	setenv("ROSTER_PUBLIC_URL", "https://roster.example.com//", 1);
	setenv("ROSTER_SMTP_URL", "smtps://mail.example.com:465", 1);
	setenv("ROSTER_THREADS", "3", 1);
	setenv("ROSTER_LOG", "debug", 1);
	setenv("ROSTER_SYNC", "full", 1);
	setenv("ROSTER_SESSION_IDLE", "120", 1);
	setenv("ROSTER_SESSION_LIFETIME", "240", 1);
	setenv("ROSTER_BOOTSTRAP_OPERATOR", "admin@localhost", 1);
	assert_true(load(&c, err, sizeof err, 0));
	assert_string_equal(c.db, "postgres://u@h/db");
	assert_string_equal(c.listen_host, "0.0.0.0");
	assert_int_equal(c.listen_port, 9090);
	assert_string_equal(c.public_url, "https://roster.example.com"); /* trailing slashes dropped */
	assert_true(c.public_https);
	assert_string_equal(c.smtp_url, "smtps://mail.example.com:465");
	assert_int_equal(c.threads, 3);
	assert_true(c.log_debug);
	assert_true(c.sync_full);
	assert_int_equal(c.session_idle_ms, 120000);
	assert_int_equal(c.session_lifetime_ms, 240000);
	assert_string_equal(c.bootstrap_operator, "admin@localhost");
}

static void options_win_over_environment(void **state)
{
	(void)state;
	struct config c;
	char err[256];
	setenv("ROSTER_THREADS", "3", 1);
	setenv("ROSTER_LISTEN", "0.0.0.0:9090", 1);
	setenv("ROSTER_LOG", "debug", 1);
	assert_true(load(&c, err, sizeof err, 6, "--threads", "5", "--listen=[::1]:7070", "--log", "info",
	                 "--public-url=http://opt.example.com/"));
	assert_int_equal(c.threads, 5);
	assert_string_equal(c.listen_host, "[::1]");
	assert_int_equal(c.listen_port, 7070);
	assert_false(c.log_debug);
	assert_string_equal(c.public_url, "http://opt.example.com");
	assert_false(c.public_https);
	/* Unset in the options: the environment still counts. */
	setenv("ROSTER_MAX_CONNECTIONS", "77", 1);
	assert_true(load(&c, err, sizeof err, 2, "--threads", "2"));
	assert_int_equal(c.threads, 2);
	assert_int_equal(c.max_connections, 77);
	assert_int_equal(c.listen_port, 9090);
}

static void flags_and_port_zero(void **state)
{
	(void)state;
	struct config c;
	char err[256];
	assert_true(load(&c, err, sizeof err, 3, "--routes", "--listen", "localhost:0"));
	assert_true(c.print_routes);
	assert_int_equal(c.listen_port, 0);
	assert_string_equal(c.listen_host, "localhost");
	assert_true(load(&c, err, sizeof err, 1, "--help"));
	assert_true(c.help);
	/* An empty SMTP URL means "write files". */
	setenv("ROSTER_SMTP_URL", "", 1);
	assert_true(load(&c, err, sizeof err, 0));
	assert_null(c.smtp_url);
}

/* Each bad value stops the load with a message naming where it came from. */
static void bad_values_are_named(void **state)
{
	(void)state;
	static const struct {
		const char *env, *option, *value;
	} bad[] = {
	        {"ROSTER_THREADS", "threads", "0"},
	        {"ROSTER_THREADS", "threads", "257"},
	        {"ROSTER_THREADS", "threads", "four"},
	        {"ROSTER_THREADS", "threads", ""},
	        {"ROSTER_LISTEN", "listen", "127.0.0.1"},
	        {"ROSTER_LISTEN", "listen", "127.0.0.1:"},
	        {"ROSTER_LISTEN", "listen", ":8080"},
	        {"ROSTER_LISTEN", "listen", "127.0.0.1:65536"},
	        {"ROSTER_LISTEN", "listen", "127.0.0.1:http"},
	        {"ROSTER_PUBLIC_URL", "public-url", "ftp://roster.example.com"},
	        {"ROSTER_PUBLIC_URL", "public-url", "roster.example.com"},
	        {"ROSTER_PUBLIC_URL", "public-url", "https://"},
	        {"ROSTER_PUBLIC_URL", "public-url", "http:///"},
	        {"ROSTER_PUBLIC_URL", "public-url", "http://a b"},
	        {"ROSTER_LOG", "log", "trace"},
	        {"ROSTER_LOG", "log", "DEBUG"},
	        {"ROSTER_SYNC", "sync", "off"},
	        {"ROSTER_SMTP_URL", "smtp-url", "http://mail.example.com"},
	        {"ROSTER_MAIL_FROM", "mail-from", ""},
	        {"ROSTER_MAIL_FROM", "mail-from", "a@b\r\nBcc: x@y"},
	        {"ROSTER_DB", "db", ""},
	        {"ROSTER_HEADER_TIMEOUT", "header-timeout", "0"},
	        {"ROSTER_SESSION_IDLE", "session-idle", "0"},
	        {"ROSTER_MAIL_LEASE", "mail-lease", "4"},
	        {"ROSTER_TRUSTED_PROXIES", "trusted-proxies", "10.0.0.1, nonsense"},
	        {"ROSTER_MAX_CONNECTIONS", "max-connections", "-1"},
	        {"ROSTER_MAX_CONNECTIONS_PER_ADDRESS", "max-connections-per-address", "0"},
	        {"ROSTER_BODY_TIMEOUT", "body-timeout", "0"},
	        {"ROSTER_BODY_TIMEOUT", "body-timeout", "3601"},
	        {"ROSTER_BODY_TIMEOUT", "body-timeout", "30s"},
	        {"ROSTER_BODY_MIN_RATE", "body-min-rate", "-1"},
	        {"ROSTER_BODY_MIN_RATE", "body-min-rate", "1073741825"},
	        {"ROSTER_BODY_MIN_RATE", "body-min-rate", "1k"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct config c;
		char err[512];
		clean_env(NULL);
		setenv(bad[i].env, bad[i].value, 1);
		if (load(&c, err, sizeof err, 0))
			fail_msg("%s='%s' was accepted", bad[i].env, bad[i].value);
		if (!strstr(err, bad[i].env))
			fail_msg("%s='%s': message '%s' does not name it", bad[i].env, bad[i].value, err);
		unsetenv(bad[i].env);

		char opt[64];
		snprintf(opt, sizeof opt, "--%s", bad[i].option);
		if (load(&c, err, sizeof err, 2, opt, bad[i].value))
			fail_msg("%s '%s' was accepted", opt, bad[i].value);
		if (!strstr(err, opt))
			fail_msg("%s '%s': message '%s' does not name it", opt, bad[i].value, err);
	}
}

static void body_limits_are_read(void **state)
{
	(void)state;
	struct config c;
	char err[256];
	setenv("ROSTER_BODY_TIMEOUT", "5", 1);
	setenv("ROSTER_BODY_MIN_RATE", "0", 1);
	assert_true(load(&c, err, sizeof err, 0));
	assert_int_equal(c.body_timeout, 5);
	assert_int_equal(c.body_min_rate, 0); /* 0: no minimum */
	assert_true(load(&c, err, sizeof err, 3, "--body-timeout", "3600", "--body-min-rate=1073741824"));
	assert_int_equal(c.body_timeout, 3600);
	assert_int_equal(c.body_min_rate, 1073741824);
	assert_true(load(&c, err, sizeof err, 2, "--max-connections-per-address", "7"));
	assert_int_equal(c.max_connections_per_addr, 7);
}

static void bad_arguments_are_refused(void **state)
{
	(void)state;
	struct config c;
	char err[256];
	assert_false(load(&c, err, sizeof err, 1, "--no-such-option"));
	assert_non_null(strstr(err, "--no-such-option"));
	assert_false(load(&c, err, sizeof err, 1, "threads"));
	assert_non_null(strstr(err, "threads"));
	assert_false(load(&c, err, sizeof err, 1, "--threads"));
	assert_non_null(strstr(err, "--threads"));
	/* A session may not end sooner than it goes idle. */
	assert_false(load(&c, err, sizeof err, 4, "--session-idle", "600", "--session-lifetime", "300"));
	assert_non_null(strstr(err, "SESSION_LIFETIME"));
	assert_true(load(&c, err, sizeof err, 4, "--session-idle", "300", "--session-lifetime", "300"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test_setup(defaults, clean_env),
	        cmocka_unit_test_setup(environment_is_read, clean_env),
	        cmocka_unit_test_setup(options_win_over_environment, clean_env),
	        cmocka_unit_test_setup(flags_and_port_zero, clean_env),
	        cmocka_unit_test_setup(bad_values_are_named, clean_env),
	        cmocka_unit_test_setup(body_limits_are_read, clean_env),
	        cmocka_unit_test_setup(bad_arguments_are_refused, clean_env),
	};
	return cmocka_run_group_tests_name("base/config", tests, NULL, NULL);
}
