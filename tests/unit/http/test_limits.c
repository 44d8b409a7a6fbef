#include "testutil.h"

#include "http/internal.h"

#include <pthread.h>

static void groups_are_counted_up_to_the_limit(void **state)
{
	(void)state;
	struct addr_limit *l = addr_limit_new(3);
	char g[ADDR_GROUP_MAX], h[ADDR_GROUP_MAX];
	addr_group("2001:db8:1:2::1", g);
	addr_group("2001:db8:1:2:ffff:ffff:ffff:ffff", h); /* the same /64 */
	assert_true(addr_limit_allows(l, g));
	addr_limit_add(l, g, 1);
	addr_limit_add(l, h, 1);
	assert_true(addr_limit_allows(l, g));
	addr_limit_add(l, g, 1);
	assert_int_equal(addr_limit_count(l, h), 3);
	assert_false(addr_limit_allows(l, g));
	assert_false(addr_limit_allows(l, h));
	/* Another /64 and an IPv4 address are their own groups. */
	addr_group("2001:db8:1:3::1", h);
	assert_true(addr_limit_allows(l, h));
	assert_true(addr_limit_allows(l, "127.0.0.2"));
	addr_limit_add(l, g, -1);
	assert_true(addr_limit_allows(l, g));
	/* A group that closed all its connections is forgotten, and never goes negative. */
	addr_limit_add(l, g, -1);
	addr_limit_add(l, g, -1);
	assert_int_equal(addr_limit_count(l, g), 0);
	addr_limit_add(l, g, -1);
	assert_int_equal(addr_limit_count(l, g), 0);
	addr_limit_add(l, g, 1);
	assert_int_equal(addr_limit_count(l, g), 1);
	addr_limit_free(l);
	addr_limit_free(NULL);
}

static void *churn(void *arg)
{
	struct addr_limit *l = arg;
	char g[32];
	for (int i = 0; i < 20000; i++) {
		snprintf(g, sizeof g, "10.0.%d.%d", i % 7, i % 300);
		addr_limit_add(l, g, 1);
		addr_limit_add(l, g, -1);
	}
	return NULL;
}

/* Counts from several threads balance out, and many groups share the table. */
static void concurrent_counts_balance(void **state)
{
	(void)state;
	struct addr_limit *l = addr_limit_new(1000);
	pthread_t th[4];
	for (int i = 0; i < 4; i++)
		pthread_create(&th[i], NULL, churn, l);
	for (int i = 0; i < 4; i++)
		pthread_join(th[i], NULL);
	for (int i = 0; i < 300; i++) {
		char g[32];
		snprintf(g, sizeof g, "10.0.%d.%d", i % 7, i);
		assert_int_equal(addr_limit_count(l, g), 0);
	}
	addr_limit_free(l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(groups_are_counted_up_to_the_limit),
	        cmocka_unit_test(concurrent_counts_balance),
	};
	return cmocka_run_group_tests_name("http/limits", tests, NULL, NULL);
}
