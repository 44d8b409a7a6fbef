#include "testutil.h"

#include <pthread.h>
#include <stdatomic.h>
#include <time.h>

#include "base/offload.h"

static void sleep_ms(int ms)
{
	struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
	nanosleep(&ts, NULL);
}

/* ---- every item runs, once ---- */

enum { MANY = 500 };
static atomic_int runs[MANY];
static atomic_int total;

static void count(void *item, bool late)
{
	(void)late;
	int i = (int)(intptr_t)item;
	atomic_fetch_add(&runs[i], 1);
	atomic_fetch_add(&total, 1);
}

static void all_submitted_items_run(void **state)
{
	(void)state;
	for (int i = 0; i < MANY; i++)
		atomic_store(&runs[i], 0);
	atomic_store(&total, 0);
	struct offload *o = offload_new(4, MANY, 60000, count);
	assert_non_null(o);
	for (int i = 0; i < MANY; i++)
		assert_true(offload_submit(o, (void *)(intptr_t)i));
	/* Freeing runs what is still queued, then joins. */
	offload_free(o);
	assert_int_equal(atomic_load(&total), MANY);
	for (int i = 0; i < MANY; i++)
		assert_int_equal(atomic_load(&runs[i]), 1);
	offload_free(NULL);
}

/* ---- a gate: items wait on it until the test opens it ---- */

struct gate {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	bool open;
	int entered;
	int order[16];
	bool late[16];
	int nrun;
};

static struct gate gate = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, false, 0, {0}, {false}, 0};

static void gate_reset(void)
{
	pthread_mutex_lock(&gate.lock);
	gate.open = false;
	gate.entered = 0;
	gate.nrun = 0;
	pthread_mutex_unlock(&gate.lock);
}

/* Item 0 waits for the gate; the others just record themselves. */
static void gated(void *item, bool late)
{
	int id = (int)(intptr_t)item;
	pthread_mutex_lock(&gate.lock);
	gate.entered++;
	pthread_cond_broadcast(&gate.cond);
	if (id == 0)
		while (!gate.open)
			pthread_cond_wait(&gate.cond, &gate.lock);
	if (gate.nrun < 16) {
		gate.order[gate.nrun] = id;
		gate.late[gate.nrun] = late;
		gate.nrun++;
	}
	pthread_mutex_unlock(&gate.lock);
}

static void wait_entered(int n)
{
	pthread_mutex_lock(&gate.lock);
	while (gate.entered < n)
		pthread_cond_wait(&gate.cond, &gate.lock);
	pthread_mutex_unlock(&gate.lock);
}

static void open_gate(void)
{
	pthread_mutex_lock(&gate.lock);
	gate.open = true;
	pthread_cond_broadcast(&gate.cond);
	pthread_mutex_unlock(&gate.lock);
}

static bool late_of(int id)
{
	for (int i = 0; i < gate.nrun; i++)
		if (gate.order[i] == id)
			return gate.late[i];
	fail_msg("item %d did not run", id);
	return false;
}

static void full_queue_refuses(void **state)
{
	(void)state;
	gate_reset();
	struct offload *o = offload_new(1, 2, 60000, gated);
	assert_true(offload_submit(o, (void *)0));
	wait_entered(1); /* the one worker is busy with item 0; the queue is empty */
	assert_true(offload_submit(o, (void *)1));
	assert_true(offload_submit(o, (void *)2));
	assert_false(offload_submit(o, (void *)3)); /* two queued: full */
	assert_false(offload_submit(o, (void *)4));
	open_gate();
	offload_free(o);
	assert_int_equal(gate.nrun, 3);
	/* In order of submission, and the refused ones never ran. */
	assert_int_equal(gate.order[0], 0);
	assert_int_equal(gate.order[1], 1);
	assert_int_equal(gate.order[2], 2);
}

static void queue_has_room_again_after_work_is_taken(void **state)
{
	(void)state;
	gate_reset();
	struct offload *o = offload_new(1, 1, 60000, gated);
	assert_true(offload_submit(o, (void *)0));
	wait_entered(1);
	assert_true(offload_submit(o, (void *)1));
	assert_false(offload_submit(o, (void *)2));
	open_gate();
	wait_entered(2); /* item 1 left the queue */
	assert_true(offload_submit(o, (void *)3));
	offload_free(o);
	assert_int_equal(gate.nrun, 3);
}

static void items_that_waited_too_long_run_late(void **state)
{
	(void)state;
	gate_reset();
	struct offload *o = offload_new(1, 8, 50, gated);
	assert_true(offload_submit(o, (void *)0));
	wait_entered(1);
	assert_true(offload_submit(o, (void *)1));
	assert_true(offload_submit(o, (void *)2));
	sleep_ms(200); /* items 1 and 2 wait well beyond 50 ms */
	open_gate();
	wait_entered(3);
	/* With the pool idle, a new item starts at once: not late. */
	assert_true(offload_submit(o, (void *)5));
	wait_entered(4);
	offload_free(o);
	assert_int_equal(gate.nrun, 4);
	assert_false(late_of(0));
	assert_true(late_of(1));
	assert_true(late_of(2));
	assert_false(late_of(5));
}

static void several_workers_share_the_queue(void **state)
{
	(void)state;
	gate_reset();
	/* Item 0 holds one worker; the other three still drain the queue. */
	struct offload *o = offload_new(4, 64, 60000, gated);
	assert_true(offload_submit(o, (void *)0));
	wait_entered(1);
	for (int i = 1; i <= 6; i++)
		assert_true(offload_submit(o, (void *)(intptr_t)i));
	wait_entered(7); /* all ran while item 0 is still blocked */
	pthread_mutex_lock(&gate.lock);
	assert_int_equal(gate.nrun, 6);
	pthread_mutex_unlock(&gate.lock);
	open_gate();
	offload_free(o);
	assert_int_equal(gate.nrun, 7);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(all_submitted_items_run),
	        cmocka_unit_test(full_queue_refuses),
	        cmocka_unit_test(queue_has_room_again_after_work_is_taken),
	        cmocka_unit_test(items_that_waited_too_long_run_late),
	        cmocka_unit_test(several_workers_share_the_queue),
	};
	return cmocka_run_group_tests_name("base/offload", tests, NULL, NULL);
}
