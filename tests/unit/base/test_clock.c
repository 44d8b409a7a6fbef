#include "testutil.h"

#include "base/clock.h"

#include <time.h>

static void format_known_instants(void **state)
{
	(void)state;
	char buf[RFC3339_LEN];
	clock_format_rfc3339(0, buf);
	assert_string_equal(buf, "1970-01-01T00:00:00.000Z");
	clock_format_rfc3339(1700000000123LL, buf);
	assert_string_equal(buf, "2023-11-14T22:13:20.123Z");
	clock_format_rfc3339(951782400000LL, buf); /* a leap day */
	assert_string_equal(buf, "2000-02-29T00:00:00.000Z");
	clock_format_rfc3339(4102444799999LL, buf);
	assert_string_equal(buf, "2099-12-31T23:59:59.999Z");
	clock_format_rfc3339(-1, buf); /* before the epoch: the fraction stays positive */
	assert_string_equal(buf, "1969-12-31T23:59:59.999Z");
}

static void parse_known_instants(void **state)
{
	(void)state;
	int64_t ms = -1;
	assert_true(clock_parse_rfc3339("2023-11-14T22:13:20.123Z", &ms));
	assert_int_equal(ms, 1700000000123LL);
	assert_true(clock_parse_rfc3339("2023-11-14T22:13:20Z", &ms));
	assert_int_equal(ms, 1700000000000LL);
	assert_true(clock_parse_rfc3339("1970-01-01T00:00:00Z", &ms));
	assert_int_equal(ms, 0);
	assert_true(clock_parse_rfc3339("2023-11-14t22:13:20.5z", &ms)); /* RFC 3339 allows lower case */
	assert_int_equal(ms, 1700000000500LL);
	assert_true(clock_parse_rfc3339("2023-11-14T22:13:20.12Z", &ms));
	assert_int_equal(ms, 1700000000120LL);
	/* More than milliseconds is cut, not rounded. */
	assert_true(clock_parse_rfc3339("2023-11-14T22:13:20.123999Z", &ms));
	assert_int_equal(ms, 1700000000123LL);
}

static void parse_applies_offsets(void **state)
{
	(void)state;
	int64_t ms = 0;
	assert_true(clock_parse_rfc3339("2023-11-14T23:13:20.123+01:00", &ms));
	assert_int_equal(ms, 1700000000123LL);
	assert_true(clock_parse_rfc3339("2023-11-14T16:43:20.123-05:30", &ms));
	assert_int_equal(ms, 1700000000123LL);
	assert_true(clock_parse_rfc3339("2023-11-14T22:13:20+00:00", &ms));
	assert_int_equal(ms, 1700000000000LL);
	assert_true(clock_parse_rfc3339("2023-11-14T22:13:20-00:00", &ms));
	assert_int_equal(ms, 1700000000000LL);
	/* Across a day boundary. */
	assert_true(clock_parse_rfc3339("2023-11-15T08:13:20+10:00", &ms));
	assert_int_equal(ms, 1700000000000LL);
}

static void format_parse_round_trip(void **state)
{
	(void)state;
	int64_t samples[] = {0,
	                     1,
	                     999,
	                     1000,
	                     86399999,
	                     951782400000LL,
	                     1700000000123LL,
	                     1709164800000LL,
	                     4102444799999LL,
	                     253402300799999LL /* 9999-12-31T23:59:59.999Z */};
	char buf[RFC3339_LEN];
	for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
		int64_t back = -1;
		clock_format_rfc3339(samples[i], buf);
		assert_int_equal(strlen(buf), 24);
		assert_true(clock_parse_rfc3339(buf, &back));
		assert_int_equal(back, samples[i]);
	}
	/* And a spread of instants between 1970 and 2100. */
	uint64_t x = 88172645463325252ULL;
	for (int i = 0; i < 2000; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		int64_t ms = (int64_t)(x % 4102444800000ULL), back = -1;
		clock_format_rfc3339(ms, buf);
		assert_true(clock_parse_rfc3339(buf, &back));
		assert_int_equal(back, ms);
	}
}

static void parse_refuses_invalid_strings(void **state)
{
	(void)state;
	const char *bad[] = {
	        "",
	        "2023",
	        "2023-11-14",
	        "2023-11-14T22:13:20",  /* no zone */
	        "2023-11-14 22:13:20Z", /* space for T */
	        "2023-11-14T22:13Z",    /* no seconds */
	        "2023/11/14T22:13:20Z",
	        "23-11-14T22:13:20Z",
	        "2023-1-14T22:13:20Z",
	        "2023-00-14T22:13:20Z",
	        "2023-13-14T22:13:20Z",
	        "2023-11-00T22:13:20Z",
	        "2023-11-32T22:13:20Z",
	        "2023-11-14T24:00:00Z",
	        "2023-11-14T22:60:00Z",
	        "2023-11-14T22:13:61Z",
	        "2023-11-14T22:13:20.Z", /* a dot without digits */
	        "2023-11-14T22:13:20ZZ",
	        "2023-11-14T22:13:20Z ",
	        "2023-11-14T22:13:20+0100",
	        "2023-11-14T22:13:20+01",
	        "2023-11-14T22:13:20+1:00",
	        "2023-11-14T22:13:20+01:00x",
	        "2023-11-14T22:13:20GMT",
	        "abcd-11-14T22:13:20Z",
	        "2023-11-14T2x:13:20Z",
	        " 2023-11-14T22:13:20Z",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int64_t ms = 12345;
		if (clock_parse_rfc3339(bad[i], &ms))
			fail_msg("accepted '%s'", bad[i]);
	}
}

/* RFC 3339 §5.7: the day must exist in its month. */
static void parse_refuses_days_that_do_not_exist(void **state)
{
	(void)state;
	const char *bad[] = {"2023-02-29T00:00:00Z", "2023-02-31T00:00:00Z", "2024-02-30T00:00:00Z",
	                     "2023-04-31T00:00:00Z", "2023-06-31T12:00:00Z", "2100-02-29T00:00:00Z"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int64_t ms = 0;
		if (clock_parse_rfc3339(bad[i], &ms)) {
			char back[RFC3339_LEN];
			clock_format_rfc3339(ms, back);
			fail_msg("accepted '%s' as %s", bad[i], back);
		}
	}
	int64_t ms;
	assert_true(clock_parse_rfc3339("2024-02-29T00:00:00Z", &ms));
	assert_true(clock_parse_rfc3339("2000-02-29T00:00:00Z", &ms));
}

static void now_is_sane_and_monotonic_advances(void **state)
{
	(void)state;
	int64_t now = clock_now_ms();
	assert_true(now > 1700000000000LL); /* after 2023 */
	assert_true(now < 4102444800000LL); /* before 2100 */
	int64_t a = clock_mono_ns();
	struct timespec ts = {0, 2000000};
	nanosleep(&ts, NULL);
	int64_t b = clock_mono_ns();
	assert_true(b - a >= 2000000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(format_known_instants),
	        cmocka_unit_test(parse_known_instants),
	        cmocka_unit_test(parse_applies_offsets),
	        cmocka_unit_test(format_parse_round_trip),
	        cmocka_unit_test(parse_refuses_invalid_strings),
	        cmocka_unit_test(parse_refuses_days_that_do_not_exist),
	        cmocka_unit_test(now_is_sane_and_monotonic_advances),
	};
	return cmocka_run_group_tests_name("base/clock", tests, NULL, NULL);
}
