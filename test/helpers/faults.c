/*
 * Programs whose I/O error handling -e inject= tests.
 * usage: faults writev-loop | sendmsg-loop | sendto-loop | eintr | torn
 * writev-loop: 100 bytes to file "copy" by writev of three elements
 *              (30, 30, 40), again from where it stopped until all is
 *              written; exit 4 if a call changed the program's iovec.
 * sendmsg-loop: the same 100 bytes through a socketpair by sendmsg (two
 *               elements, 60 and 40), read back and compared; exit 4 if
 *               its msghdr or iovec changed, 5 if the bytes differ.
 * sendto-loop: the same by sendto (on i386 through socketcall(2)).
 * eintr: read of a pipe a child writes only once the parent's first read
 *        is over: without an interruption it never is (run it under a
 *        timeout).  Exit 0 if that read failed with EINTR, 5 if not.
 * eintr-write: a 100000-byte write to a pipe whose reader, a child, reads
 *              only once that write is over: it fills the pipe and would
 *              then block.  Exit 0 if it returned a short count (the rest
 *              is written after, and the child checks it got all), 5 if not.
 * torn: 100 bytes to file "torn" in one write; exit 0 after it.
 * recvmsg-trunc: a 100-byte datagram received by recvmsg into 60 + 40
 *                bytes, with room for the sender's address: prints the
 *                result, msg_flags and msg_namelen the program sees.
 * shared-iov: two threads in writev at once with one iovec array (10 + 10
 *             bytes), each on a full pipe: the second starts once the
 *             first is blocked in the call (/proc says so); exit 4 if
 *             the array is not as it was once both are done.
 * delay: a child makes three writev calls to /dev/null and exits; the
 *        parent writes a byte there and waits for it.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

static char data[101] = "0123456789012345678901234567890123456789012345678901234567890123456789"
			"012345678901234567890123456789";

/* Advances @iov (of *@n elements) past @done bytes, as a careful program does. */
static void advance(struct iovec *iov, int *n, size_t done, const size_t *lens, int nlens)
{
	size_t at = 0;
	int i;

	*n = 0;
	for (i = 0; i < nlens; i++) {
		size_t start = at, end = at + lens[i];

		at = end;
		if (end <= done)
			continue;
		iov[*n].iov_base = data + (done > start ? done : start);
		iov[*n].iov_len = end - (done > start ? done : start);
		(*n)++;
	}
}

static int same_iov(const struct iovec *a, const struct iovec *b, int n)
{
	return !memcmp(a, b, (size_t)n * sizeof(*a));
}

static void writev_loop(void)
{
	static const size_t lens[] = { 30, 30, 40 };
	struct iovec iov[3], seen[3];
	int fd = open("copy", O_WRONLY | O_CREAT | O_TRUNC, 0644), n;
	size_t done = 0;

	while (done < 100) {
		ssize_t r;

		advance(iov, &n, done, lens, 3);
		memcpy(seen, iov, sizeof(iov));
		r = writev(fd, iov, n);
		if (r <= 0)
			exit(3);
		if (!same_iov(iov, seen, n))
			exit(4);
		done += (size_t)r;
	}
	close(fd);
}

/* Reads all @len bytes from @fd and compares them with data. */
static void check_received(int fd, size_t len)
{
	char got[100];
	size_t have = 0;

	while (have < len) {
		ssize_t r = read(fd, got + have, len - have);

		if (r <= 0)
			exit(3);
		have += (size_t)r;
	}
	if (memcmp(got, data, len))
		exit(5);
}

static void sendmsg_loop(void)
{
	static const size_t lens[] = { 60, 40 };
	struct iovec iov[2], seen[2];
	struct msghdr msg, mseen;
	size_t done = 0;
	int sv[2], n;

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv))
		exit(3);
	while (done < 100) {
		ssize_t r;

		advance(iov, &n, done, lens, 2);
		memset(&msg, 0, sizeof(msg));
		msg.msg_iov = iov;
		msg.msg_iovlen = (size_t)n;
		memcpy(seen, iov, sizeof(iov));
		mseen = msg;
		r = sendmsg(sv[0], &msg, 0);
		if (r <= 0)
			exit(3);
		if (!same_iov(iov, seen, n) || memcmp(&msg, &mseen, sizeof(msg)))
			exit(4);
		done += (size_t)r;
	}
	check_received(sv[1], 100);
}

/*
 * sendto; on i386 by socketcall(2) itself (libc may not), its arguments
 * in memory: exit 4 if the call changed them.
 */
static ssize_t send_to(int fd, const char *buf, size_t len)
{
#ifdef __i386__
	unsigned long a[6] = { (unsigned long)fd, (unsigned long)buf, len, 0, 0, 0 };
	ssize_t r = syscall(SYS_socketcall, 11 /* SYS_SENDTO */, a);

	if (a[2] != len)
		exit(4);
	return r;
#else
	return sendto(fd, buf, len, 0, NULL, 0);
#endif
}

static void sendto_loop(void)
{
	size_t done = 0;
	int sv[2];

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv))
		exit(3);
	while (done < 100) {
		ssize_t r = send_to(sv[0], data + done, 100 - done);

		if (r <= 0)
			exit(3);
		done += (size_t)r;
	}
	check_received(sv[1], 100);
}

static void eintr(void)
{
	char c = 'g', x;
	struct iovec go = { &c, 1 };
	int p[2], q[2], first;
	pid_t pid;

	if (pipe(p) || pipe(q))
		exit(3);
	pid = fork();
	if (pid < 0)
		exit(3);
	if (!pid) {	/* readv, not read: only the parent's reads are injected */
		while (readv(q[0], &go, 1) < 0 && errno == EINTR)
			;
		_exit(write(p[1], "x", 1) == 1 ? 0 : 1);
	}
	first = read(p[0], &x, 1) < 0 && errno == EINTR;
	if (writev(q[1], &go, 1) != 1 || read(p[0], &x, 1) != 1 || waitpid(pid, NULL, 0) != pid)
		exit(3);
	exit(first ? 0 : 5);
}

static void eintr_write(void)
{
	static char big[100000];
	char c = 'g';
	struct iovec go = { &c, 1 };
	int p[2], q[2], st;
	size_t done, got = 0;
	ssize_t r, first;
	pid_t pid;

	if (pipe(p) || pipe(q))
		exit(3);
	pid = fork();
	if (pid < 0)
		exit(3);
	if (!pid) {	/* readv: only the parent's writes are injected */
		struct iovec in = { big, sizeof(big) };

		close(p[1]);
		while (readv(q[0], &go, 1) < 0 && errno == EINTR)
			;
		while ((r = readv(p[0], &in, 1)) > 0)
			got += (size_t)r;
		_exit(got == sizeof(big) ? 0 : 1);
	}
	close(p[0]);
	first = write(p[1], big, sizeof(big));
	if (first <= 0 || writev(q[1], &go, 1) != 1)
		exit(3);
	for (done = (size_t)first; done < sizeof(big); done += (size_t)r)
		if ((r = write(p[1], big + done, sizeof(big) - done)) <= 0)
			exit(3);
	close(p[1]);
	if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st) || WEXITSTATUS(st))
		exit(3);
	exit((size_t)first < sizeof(big) ? 0 : 5);
}

static void recvmsg_trunc(void)
{
	char in[100], name[128];
	struct iovec iov[2] = { { in, 60 }, { in + 60, 40 } };
	struct msghdr msg = { .msg_name = name, .msg_namelen = sizeof(name),
			      .msg_iov = iov, .msg_iovlen = 2 };
	int sv[2];
	ssize_t r;

	if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv) || send(sv[0], data, 100, 0) != 100)
		exit(3);
	r = recvmsg(sv[1], &msg, 0);
	printf("r=%zd flags=%#x namelen=%u iovlen=%zu\n", r, (unsigned)msg.msg_flags,
	       (unsigned)msg.msg_namelen, (size_t)msg.msg_iovlen);
}

static struct iovec shared[2] = { { data, 10 }, { data + 10, 10 } };

struct writer {
	int fd;
	pid_t tid;
	pthread_t thread;
};

static void *shared_writer(void *arg)
{
	struct writer *w = arg;

	w->tid = (pid_t)syscall(SYS_gettid);
	return (void *)(intptr_t)writev(w->fd, shared, 2);
}

/* Waits until thread @tid is blocked in writev (its /proc syscall line says so). */
static void wait_blocked(pid_t tid)
{
	char path[64], line[64];
	long nr = -1;

	snprintf(path, sizeof(path), "/proc/self/task/%d/syscall", (int)tid);
	while (nr != SYS_writev) {
		FILE *f = fopen(path, "re");

		nr = -1;
		if (f && fgets(line, sizeof(line), f))
			nr = strtol(line, NULL, 10);
		if (f)
			fclose(f);
		sched_yield();
	}
}

/* A pipe of one page, full. */
static void full_pipe(int p[2])
{
	char page[4096] = { 0 };

	if (pipe(p) || fcntl(p[1], F_SETPIPE_SZ, 4096) < 0)
		exit(3);
	fcntl(p[1], F_SETFL, O_NONBLOCK);
	while (write(p[1], page, sizeof(page)) > 0)
		;
	fcntl(p[1], F_SETFL, 0);
}

static void shared_iov(void)
{
	struct writer w[2] = { { 0 } };
	char page[65536];
	int p[2][2], i;

	for (i = 0; i < 2; i++) {
		full_pipe(p[i]);
		w[i].fd = p[i][1];
		w[i].tid = 0;
		if (pthread_create(&w[i].thread, NULL, shared_writer, &w[i]))
			exit(3);
		while (!__atomic_load_n(&w[i].tid, __ATOMIC_SEQ_CST))
			sched_yield();
		wait_blocked(w[i].tid);
	}
	for (i = 0; i < 2; i++)
		if (read(p[i][0], page, sizeof(page)) <= 0 || pthread_join(w[i].thread, NULL))
			exit(3);
	if (shared[0].iov_len != 10 || shared[1].iov_len != 10 || shared[1].iov_base != data + 10)
		exit(4);
}

static void delay(void)
{
	struct iovec one = { data, 1 };
	int fd = open("/dev/null", O_WRONLY), i;
	pid_t pid = fork();

	if (fd < 0 || pid < 0)
		exit(3);
	if (!pid) {
		for (i = 0; i < 3; i++)
			if (writev(fd, &one, 1) != 1)
				_exit(1);
		_exit(0);
	}
	if (write(fd, data, 1) != 1 || waitpid(pid, NULL, 0) != pid)
		exit(3);
}

static void torn(void)
{
	int fd = open("torn", O_WRONLY | O_CREAT | O_TRUNC, 0644);

	if (write(fd, data, 100) != 100)
		exit(3);
}

int main(int argc, char **argv)
{
	if (argc != 2)
		return 2;
	close_range(3, ~0u, 0);	/* bats holds fd 3 */
	if (!strcmp(argv[1], "writev-loop"))
		writev_loop();
	else if (!strcmp(argv[1], "sendmsg-loop"))
		sendmsg_loop();
	else if (!strcmp(argv[1], "sendto-loop"))
		sendto_loop();
	else if (!strcmp(argv[1], "eintr"))
		eintr();
	else if (!strcmp(argv[1], "eintr-write"))
		eintr_write();
	else if (!strcmp(argv[1], "recvmsg-trunc"))
		recvmsg_trunc();
	else if (!strcmp(argv[1], "shared-iov"))
		shared_iov();
	else if (!strcmp(argv[1], "delay"))
		delay();
	else if (!strcmp(argv[1], "torn"))
		torn();
	else
		return 2;
	return 0;
}
