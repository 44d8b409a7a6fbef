/* bare: the floor for GET /healthz. A libmicrohttpd daemon with an internal
 * epoll thread pool that answers every GET with {"status":"ok"}.
 * Usage: bare PORT [THREADS]   (PORT 0 picks a free one; prints the port.)
 * Listens on 127.0.0.1 only; runs until SIGINT/SIGTERM. */
#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char BODY[] = "{\"status\":\"ok\"}";
static struct MHD_Response *ok_response;

static enum MHD_Result handler(void *cls, struct MHD_Connection *c, const char *url,
			       const char *method, const char *version, const char *upload_data,
			       size_t *upload_data_size, void **con_cls)
{
	static int first_call_marker;
	(void)cls; (void)url; (void)version; (void)upload_data;
	if (strcmp(method, "GET") != 0)
		return MHD_NO;
	/* Answer on the second call: queueing on the first one makes
	 * libmicrohttpd 0.9.75 close keep-alive connections. */
	if (*con_cls == NULL) {
		*con_cls = &first_call_marker;
		return MHD_YES;
	}
	if (*upload_data_size != 0)
		return MHD_NO;
	return MHD_queue_response(c, MHD_HTTP_OK, ok_response);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: %s PORT [THREADS]\n", argv[0]);
		return 2;
	}
	unsigned port = (unsigned)strtoul(argv[1], NULL, 10);
	unsigned threads = argc > 2 ? (unsigned)strtoul(argv[2], NULL, 10) : 0;
	if (threads == 0) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		threads = n > 0 ? (unsigned)n : 1;
	}

	ok_response = MHD_create_response_from_buffer(sizeof BODY - 1, (void *)BODY,
						      MHD_RESPMEM_PERSISTENT);
	if (!ok_response || MHD_add_response_header(ok_response, "Content-Type", "application/json") == MHD_NO)
		return 1;

	struct sockaddr_in addr;
	memset(&addr, 0, sizeof addr);
	addr.sin_family = AF_INET;
	addr.sin_port = htons((uint16_t)port);
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);

	struct MHD_Daemon *d = MHD_start_daemon(
		MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL, (uint16_t)port, NULL, NULL,
		handler, NULL,
		MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
		MHD_OPTION_THREAD_POOL_SIZE, threads,
		MHD_OPTION_CONNECTION_LIMIT, 10000u,
		MHD_OPTION_CONNECTION_TIMEOUT, 60u,
		MHD_OPTION_END);
	if (!d) {
		fprintf(stderr, "bare: cannot start on port %u\n", port);
		return 1;
	}
	const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	printf("%u\n", info ? (unsigned)info->port : port);
	fflush(stdout);

	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	int sig;
	sigwait(&set, &sig);
	MHD_stop_daemon(d);
	MHD_destroy_response(ok_response);
	return 0;
}
