#include "testutil.h"

#include "base/arena.h"

#include <sys/wait.h>

#define ALIGN _Alignof(max_align_t)

static void alloc_is_aligned_and_usable(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	size_t sizes[] = {1, 2, 3, 7, 8, 15, 16, 17, 31, 33, 100, 1000, 4095, 8191, 8192, 8193};
	unsigned char *blocks[sizeof sizes / sizeof sizes[0]];
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		blocks[i] = arena_alloc(a, sizes[i]);
		assert_non_null(blocks[i]);
		assert_int_equal((uintptr_t)blocks[i] % ALIGN, 0);
		memset(blocks[i], (int)(i + 1), sizes[i]);
	}
	/* Writing each block whole did not spill into another. */
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
		for (size_t k = 0; k < sizes[i]; k++)
			assert_int_equal(blocks[i][k], (unsigned char)(i + 1));
	arena_free(a);
}

static void zero_size_gives_distinct_pointers(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	void *p = arena_alloc(a, 0), *q = arena_alloc(a, 0);
	assert_non_null(p);
	assert_non_null(q);
	assert_ptr_not_equal(p, q);
	arena_free(a);
}

static void zalloc_zeroes(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	/* Dirty the arena first so zalloc cannot rely on fresh pages. */
	memset(arena_alloc(a, 512), 0xAB, 512);
	unsigned char *z = arena_zalloc(a, 4096);
	for (size_t i = 0; i < 4096; i++)
		assert_int_equal(z[i], 0);
	arena_free(a);
}

static void many_small_allocations_do_not_overlap(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	enum { N = 5000 };
	uint64_t *p[N];
	for (int i = 0; i < N; i++) {
		p[i] = arena_alloc(a, 3 * sizeof(uint64_t));
		p[i][0] = (uint64_t)i;
		p[i][1] = (uint64_t)i * 7;
		p[i][2] = ~(uint64_t)i;
	}
	for (int i = 0; i < N; i++) {
		assert_int_equal(p[i][0], (uint64_t)i);
		assert_int_equal(p[i][1], (uint64_t)i * 7);
		assert_int_equal(p[i][2], ~(uint64_t)i);
	}
	assert_true(arena_used(a) >= N * 3 * sizeof(uint64_t));
	arena_free(a);
}

static void strdup_and_strndup_copy(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	char src[] = "hello, world";
	char *d = arena_strdup(a, src);
	assert_string_equal(d, "hello, world");
	assert_ptr_not_equal(d, src);
	src[0] = 'J';
	assert_string_equal(d, "hello, world"); /* a copy, not an alias */
	assert_null(arena_strdup(a, NULL));
	assert_string_equal(arena_strdup(a, ""), "");
	assert_string_equal(arena_strndup(a, "abcdef", 3), "abc");
	assert_string_equal(arena_strndup(a, "abcdef", 0), "");
	arena_free(a);
}

static void printf_formats_any_length(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	assert_string_equal(arena_printf(a, "%s=%d;%05.1f", "n", -42, 3.14159), "n=-42;003.1");
	assert_string_equal(arena_printf(a, "%s", ""), "");
	/* Longer than a chunk. */
	char big[20001];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	char *s = arena_printf(a, "[%s]", big);
	assert_int_equal(strlen(s), 20002);
	assert_int_equal(s[0], '[');
	assert_int_equal(s[20001], ']');
	assert_int_equal(s[10000], 'x');
	arena_free(a);
}

struct order {
	int seen[8];
	int n;
};
struct hook {
	struct order *o;
	int id;
};

static void record(void *arg)
{
	struct hook *h = arg;
	h->o->seen[h->o->n++] = h->id;
}

static void cleanups_run_in_reverse_order_at_free(void **state)
{
	(void)state;
	struct order o = {{0}, 0};
	struct hook h[4] = {{&o, 1}, {&o, 2}, {&o, 3}, {&o, 4}};
	struct arena *a = arena_new();
	for (int i = 0; i < 4; i++) {
		arena_defer(a, record, &h[i]);
		arena_alloc(a, 100); /* interleaved with ordinary allocations */
	}
	assert_int_equal(o.n, 0); /* nothing runs before the free */
	arena_free(a);
	assert_int_equal(o.n, 4);
	assert_int_equal(o.seen[0], 4);
	assert_int_equal(o.seen[1], 3);
	assert_int_equal(o.seen[2], 2);
	assert_int_equal(o.seen[3], 1);
}

static void free_hook(void *p)
{
	free(p);
}

static void cleanup_can_free_outside_memory(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	/* Leak checkers see this block released by the hook. */
	arena_defer(a, free_hook, malloc(1000));
	arena_free(a);
	arena_free(NULL);
}

static void big_allocations_work(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	char *small = arena_alloc(a, 10);
	memcpy(small, "123456789", 10);
	size_t big_size = 8u << 20;
	unsigned char *big = arena_alloc(a, big_size);
	assert_int_equal((uintptr_t)big % ALIGN, 0);
	memset(big, 0x5A, big_size);
	assert_int_equal(big[0], 0x5A);
	assert_int_equal(big[big_size - 1], 0x5A);
	/* Allocation goes on normally after a big block. */
	char *after = arena_alloc(a, 64);
	memset(after, 'q', 64);
	assert_string_equal(small, "123456789");
	assert_int_equal(big[big_size / 2], 0x5A);
	assert_true(arena_used(a) >= big_size + 74);
	/* And several big ones in a row. */
	for (int i = 0; i < 8; i++) {
		unsigned char *p = arena_alloc(a, 1u << 20);
		memset(p, i, 1u << 20);
		assert_int_equal(p[(1u << 20) - 1], i);
	}
	arena_free(a);
}

static void used_counts_bytes_handed_out(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	assert_int_equal(arena_used(a), 0);
	arena_alloc(a, 1);
	size_t one = arena_used(a);
	assert_true(one >= 1 && one <= ALIGN);
	arena_alloc(a, 100);
	assert_true(arena_used(a) >= one + 100);
	arena_free(a);
}

/* "Never returns NULL: running out of memory aborts the process": a size
 * that cannot be allocated must stop the process, never come back as a
 * small block (size + alignment must not wrap around). */
static void impossible_sizes_abort(void **state)
{
	(void)state;
	size_t sizes[] = {SIZE_MAX, SIZE_MAX - 7, SIZE_MAX - 15};
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		fflush(NULL);
		pid_t pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			struct arena *a = arena_new();
			void *p = arena_alloc(a, sizes[i]);
			_exit(p ? 42 : 43); /* came back: the caller would now write past the block */
		}
		int status = 0;
		assert_int_equal(waitpid(pid, &status, 0), pid);
		if (WIFEXITED(status) && (WEXITSTATUS(status) == 42 || WEXITSTATUS(status) == 43))
			fail_msg("arena_alloc(%zu) returned to its caller", sizes[i]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(alloc_is_aligned_and_usable),
	        cmocka_unit_test(zero_size_gives_distinct_pointers),
	        cmocka_unit_test(zalloc_zeroes),
	        cmocka_unit_test(many_small_allocations_do_not_overlap),
	        cmocka_unit_test(strdup_and_strndup_copy),
	        cmocka_unit_test(printf_formats_any_length),
	        cmocka_unit_test(cleanups_run_in_reverse_order_at_free),
	        cmocka_unit_test(cleanup_can_free_outside_memory),
	        cmocka_unit_test(big_allocations_work),
	        cmocka_unit_test(used_counts_bytes_handed_out),
	        cmocka_unit_test(impossible_sizes_abort),
	};
	return cmocka_run_group_tests_name("base/arena", tests, NULL, NULL);
}
