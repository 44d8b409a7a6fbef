/* argon2: raw argon2id hashing throughput through libsodium, with the
 * parameters roster uses for passwords (opslimit 2, memlimit 19 MiB,
 * crypto_pwhash_ALG_ARGON2ID13). One thread per core for a fixed time.
 * Usage: argon2 [SECONDS] [THREADS]   Prints: "<hashes per second> hashes/s ...". */
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#define PW_OPSLIMIT 2
#define PW_MEMLIMIT (19u * 1024 * 1024)

static double deadline;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void *worker(void *arg)
{
	unsigned long *count = arg;
	static const char pw[] = "correct horse battery staple";
	char out[crypto_pwhash_STRBYTES];
	while (now() < deadline) {
		if (crypto_pwhash_str_alg(out, pw, sizeof pw - 1, PW_OPSLIMIT, PW_MEMLIMIT,
					  crypto_pwhash_ALG_ARGON2ID13) != 0) {
			fprintf(stderr, "argon2: out of memory\n");
			exit(1);
		}
		(*count)++;
	}
	return NULL;
}

int main(int argc, char **argv)
{
	double seconds = argc > 1 ? atof(argv[1]) : 10;
	long threads = argc > 2 ? atol(argv[2]) : sysconf(_SC_NPROCESSORS_ONLN);
	if (seconds <= 0 || threads <= 0 || threads > 1024) {
		fprintf(stderr, "usage: %s [SECONDS] [THREADS]\n", argv[0]);
		return 2;
	}
	if (sodium_init() < 0)
		return 1;
	pthread_t *tid = calloc((size_t)threads, sizeof *tid);
	unsigned long *counts = calloc((size_t)threads, sizeof *counts);
	if (!tid || !counts)
		return 1;
	double start = now();
	deadline = start + seconds;
	for (long i = 0; i < threads; i++)
		if (pthread_create(&tid[i], NULL, worker, &counts[i]) != 0)
			return 1;
	unsigned long total = 0;
	for (long i = 0; i < threads; i++) {
		pthread_join(tid[i], NULL);
		total += counts[i];
	}
	double elapsed = now() - start;
	printf("%.1f hashes/s (%lu hashes, %ld threads, %.2f s)\n", (double)total / elapsed, total,
	       threads, elapsed);
	return 0;
}
