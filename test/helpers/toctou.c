/*
 * Buffers that change while a write-side call is in progress, made
 * deterministic: no sleeps that hope for the best.
 *
 * usage: toctou pipe | writev | unread | single | file FILE | mixed FILE |
 *        wronly FILE
 *   pipe    a thread writes 100 bytes into a full pipe and blocks there;
 *           the main thread waits until the kernel shows it asleep in
 *           write, rewrites the buffer's last 10 bytes, then drains the
 *           pipe: the kernel copies the new bytes.
 *   writev  the same with writev (after two writevs of the same array to
 *           /dev/null, fd 5): element 1's iov_base is swapped and element
 *           2's last two bytes rewritten.
 *   unread  as pipe, but the buffer stays as it is and the process makes
 *           itself non-dumpable while the writer sleeps: an unprivileged
 *           tracer can read the buffer at entry, not at exit.
 *   single  one thread, every write-side call, nothing changes (and a
 *           vmsplice from a pipe's read end, which fills its iovecs).
 *   file    pwritev on a regular file whose iovecs point into a shared
 *           mapping of the same file: an earlier element rewrites a later
 *           one's data (exit version lands), or a later element rewrites
 *           an earlier one's after it was copied (entry version lands).
 *   mixed   pwritev where one element's bytes change partly before and
 *           partly after the kernel copies them.
 *   wronly  writes to a file opened write-only with mode 0200.
 *   sendto  as pipe, with sendto on a UNIX stream socket (fds 3 and 4)
 *           whose send buffer was filled first.
 *   sendmsg as sendto, with sendmsg and the buffer in two iovecs of 50.
 *   lease   takes a write lease on a file opened read-write (lease-w:
 *           write-only), writes to it, and says whether the lease was
 *           broken meanwhile (a new open of the file breaks it).
 * Prints what the pipe's reader received, or the file's content.
 * fds: pipe read end 3, write end 4; the file is 3 (and 4, O_APPEND).
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

static char buf[100];
static char a[] = "aaaa", b[] = "bbbb", c[] = "cccc", d[] = "dddd";
static struct iovec iov[3];
static volatile pid_t writer_tid;
static volatile int writer_done;

static void die(const char *what)
{
	perror(what);
	exit(1);
}

/* fds 3 and 4: a one-page pipe, full, the write end blocking again. */
static void full_pipe(void)
{
	static char fill[4096];
	int p[2];

	if (pipe(p) || p[0] != 3 || p[1] != 4)
		die("pipe at fds 3 and 4");
	if (fcntl(4, F_SETPIPE_SZ, 4096) != 4096)
		die("F_SETPIPE_SZ");
	memset(fill, 'f', sizeof(fill));
	if (write(4, fill, sizeof(fill)) != sizeof(fill))
		die("filling the pipe");
}

/* Until thread @tid sleeps inside syscall @nr: what /proc/TID/stat and syscall say. */
static void wait_blocked(pid_t tid, long nr)
{
	char path[64], text[512];

	for (;;) {
		FILE *f;
		char *paren;
		int in_call = 0, asleep = 0;

		snprintf(path, sizeof(path), "/proc/self/task/%d/stat", (int)tid);
		f = fopen(path, "r");
		if (f && fgets(text, sizeof(text), f) && (paren = strrchr(text, ')')))
			asleep = paren[2] == 'S';
		if (f)
			fclose(f);
		snprintf(path, sizeof(path), "/proc/self/task/%d/syscall", (int)tid);
		f = fopen(path, "r");
		if (f && fgets(text, sizeof(text), f))
			in_call = strtol(text, NULL, 10) == nr;
		if (f)
			fclose(f);
		if (asleep && in_call)
			return;
		usleep(1000);
	}
}

static void *pipe_writer(void *arg)
{
	writer_tid = (pid_t)syscall(SYS_gettid);
	if (arg)
		writev(4, iov, 3);
	else
		write(4, buf, sizeof(buf));
	/*
	 * Stay until exit_group: a thread's own exit would race with the
	 * main thread's next line in the trace; exit_group reports the
	 * threads' deaths before the leader's.
	 */
	writer_done = 1;
	for (;;)
		pause();
	return NULL;
}

/* What fills fd 4 before the blocked write: a pipe's page, or a socket's send buffer. */
static size_t filled = 4096;

static void *sendto_writer(void *arg)
{
	static struct iovec halves[2] = { { buf, 50 }, { buf + 50, 50 } };
	static struct msghdr m = { .msg_iov = halves, .msg_iovlen = 2 };

	writer_tid = (pid_t)syscall(SYS_gettid);
	/* The syscall itself: i386's glibc would go through socketcall, which wait_blocked() does not know. */
	if (arg)
		syscall(SYS_sendmsg, 4L, (long)&m, 0L);
	else
		syscall(SYS_sendto, 4L, (long)buf, (long)sizeof(buf), 0L, 0L, 0L);
	writer_done = 1;
	for (;;)
		pause();
	return NULL;
}

/* fds 3 and 4: a UNIX stream pair, 4's send buffer full (written without blocking). */
static void full_socket(void)
{
	static char fill[256];
	int sv[2], small = 4096;
	ssize_t n;

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) || sv[0] != 3 || sv[1] != 4)
		die("socketpair at fds 3 and 4");
	setsockopt(4, SOL_SOCKET, SO_SNDBUF, &small, sizeof(small));
	memset(fill, 'f', sizeof(fill));
	filled = 0;
	fcntl(4, F_SETFL, O_NONBLOCK);
	while ((n = write(4, fill, sizeof(fill))) > 0)
		filled += (size_t)n;
	fcntl(4, F_SETFL, 0);
}

/* Reads the fill and the blocked write's data; prints the latter once the write returned. */
static void drain(size_t n)
{
	static char got[1 << 20];
	size_t have = 0;

	if (filled + n > sizeof(got))
		die("the fill is too large");
	while (have < filled + n) {
		ssize_t r = read(3, got + have, filled + n - have);

		if (r <= 0)
			die("draining the pipe");
		have += (size_t)r;
	}
	while (!writer_done)
		usleep(1000);
	printf("reader got: %.*s\n", (int)n, got + filled);
}

/* A sendto (or sendmsg) blocked on a full socket while the main thread rewrites its buffer's tail. */
static void blocked_sendto(int msg)
{
	pthread_t t;

	full_socket();
	memset(buf, 'A', sizeof(buf));
	if (pthread_create(&t, NULL, sendto_writer, msg ? buf : NULL))
		die("pthread_create");
	while (!writer_tid)
		usleep(1000);
	wait_blocked(writer_tid, msg ? SYS_sendmsg : SYS_sendto);
	memset(buf + 90, 'B', 10);
	drain(sizeof(buf));
}

/*
 * What the main thread does while the writer sleeps: rewrite the buffer,
 * or (NOBODY_READS) change nothing but make the process non-dumpable, so
 * that an unprivileged tracer can read its memory at entry, not at exit.
 */
enum after { REWRITE, NOBODY_READS };

static void blocked_writer(int vectored, enum after after)
{
	pthread_t t;

	full_pipe();
	memset(buf, 'A', sizeof(buf));
	iov[0] = (struct iovec){ a, 4 };
	iov[1] = (struct iovec){ b, 4 };
	iov[2] = (struct iovec){ c, 4 };
	if (vectored) {	/* the same array twice first: iotrace then reads its data with it */
		int null = open("/dev/null", O_WRONLY);

		writev(null, iov, 3);
		writev(null, iov, 3);
	}
	if (pthread_create(&t, NULL, pipe_writer, vectored ? iov : NULL))
		die("pthread_create");
	while (!writer_tid)
		usleep(1000);
	wait_blocked(writer_tid, vectored ? SYS_writev : SYS_write);
	if (after == NOBODY_READS) {
		if (prctl(PR_SET_DUMPABLE, 0))
			die("PR_SET_DUMPABLE");
	} else if (vectored) {
		iov[1].iov_base = d;
		c[2] = c[3] = 'C';
	} else {
		memset(buf + 90, 'B', 10);
	}
	drain(vectored ? 12 : sizeof(buf));
}

static void single(void)
{
	char out[8] = "", back[8] = "xxxxxxx";
	struct iovec one = { a, 4 }, two[2] = { { a, 4 }, { b, 4 } };
	struct iovec into = { out, sizeof(out) }, local = { b, 4 }, remote = { back, 4 };
	int p[2], f = memfd_create("single", 0);

	if (f != 3 || pipe(p) || p[0] != 4 || p[1] != 5)
		die("memfd at 3, pipe at 4 and 5");
	write(3, buf, 10);
	pwrite(3, "pwrite", 6, 100);
	writev(3, two, 2);
	pwritev(3, two, 2, 200);
	pwritev2(3, two, 2, -1, 0);
	vmsplice(5, &one, 1, 0);
	vmsplice(4, &into, 1, 0);	/* from the read end: fills out */
	process_vm_writev(getpid(), &local, 1, &remote, 1, 0);
	printf("vmsplice read: %.4s, process_vm_writev: %.4s\n", out, back);
}

static void file(const char *path)
{
	struct iovec exit_lands[2], entry_lands[2];
	char content[32] = "";
	char *map;

	if (open(path, O_RDWR | O_CREAT | O_TRUNC, 0600) != 3 ||
	    open(path, O_WRONLY | O_APPEND) != 4)
		die("the file at fds 3 and 4");
	pwrite(3, "0123456789abcdefghij", 20, 0);
	map = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, 3, 0);
	if (map == MAP_FAILED)
		die("mmap");
	/* Element 0 lands at 0..9 before element 1, which maps 0..9, is copied. */
	exit_lands[0] = (struct iovec){ "NEWDATA000", 10 };
	exit_lands[1] = (struct iovec){ map, 10 };
	if (map[0] != '0')	/* the mapping's page is present before the calls */
		die("mapping");
	pwritev(3, exit_lands, 2, 0);
	pwrite(3, "0123456789abcdefghij", 20, 0);
	/* Element 0, mapping 10..19, is copied to 0..9; element 1 then rewrites 10..19. */
	entry_lands[0] = (struct iovec){ map + 10, 10 };
	entry_lands[1] = (struct iovec){ "ZZZZZZZZZZ", 10 };
	pwritev(3, entry_lands, 2, 0);
	/* The file position, and O_APPEND (where pwrite appends too). */
	lseek(3, 20, SEEK_SET);
	write(3, "pos", 3);
	write(3, "POS", 3);
	pwrite(4, "app", 3, 0);
	pread(3, content, 29, 0);
	printf("file: %.29s, offset %ld\n", content, (long)lseek(3, 0, SEEK_CUR));
}

/*
 * One element whose source bytes change both before and after the kernel
 * copies them: the file gets some bytes as they were at entry and some as
 * they were at exit.  The element's 10 bytes are the last 5 of the file's
 * second page and the first 5 of its first page, mapped in that order;
 * element 0 rewrites the first page's 5 before element 1 is copied, and
 * element 2 the second page's 5 after.
 */
static void mixed(const char *path)
{
	static char page[8192], filler[8177];
	struct iovec v[3];
	char *map, out[16] = "";

	if (open(path, O_RDWR | O_CREAT | O_TRUNC, 0600) != 3)
		die("the file at fd 3");
	memset(page, 'b', 4096);
	memset(page + 4096, 'a', 4096);
	if (write(3, page, sizeof(page)) != sizeof(page))
		die("write");
	map = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, 3, 4096);
	if (map == MAP_FAILED ||
	    mmap(map + 4096, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED, 3, 0) != map + 4096)
		die("mmap");
	if (map[4091] != 'a' || map[4096] != 'b')	/* both pages present */
		die("mapping");
	memset(filler, 'Z', sizeof(filler));
	v[0] = (struct iovec){ "NEW00", 5 };
	v[1] = (struct iovec){ map + 4091, 10 };
	v[2] = (struct iovec){ filler, sizeof(filler) };
	pwritev(3, v, 3, 0);
	pread(3, out, 15, 0);
	printf("file: %.15s\n", out);
}

/* A file its owner may write but not read: the read-back must fail, clearly. */
static void wronly(const char *path)
{
	if (open(path, O_WRONLY | O_CREAT | O_TRUNC, 0200) != 3)
		die("the file at fd 3");
	write(3, "secret", 6);
}

static volatile sig_atomic_t lease_broken;

static void on_lease_break(int sig)
{
	(void)sig;
	lease_broken = 1;
}

/* Holds a write lease while it writes: nobody may open the file meanwhile. */
static void leased(const char *path, int mode)
{
	signal(SIGIO, on_lease_break);
	if (open(path, mode | O_CREAT | O_TRUNC, 0600) != 3)
		die("the file at fd 3");
	if (fcntl(3, F_SETLEASE, F_WRLCK))
		die("F_SETLEASE");
	write(3, "leased", 6);
	printf("lease %s\n", lease_broken ? "broken" : "kept");
	fcntl(3, F_SETLEASE, F_UNLCK);
}

int main(int argc, char **argv)
{
	if (argc < 2)
		return 2;
	close_range(3, ~0U, 0);
	if (!strcmp(argv[1], "pipe"))
		blocked_writer(0, REWRITE);
	else if (!strcmp(argv[1], "writev"))
		blocked_writer(1, REWRITE);
	else if (!strcmp(argv[1], "unread"))
		blocked_writer(0, NOBODY_READS);
	else if (!strcmp(argv[1], "sendto"))
		blocked_sendto(0);
	else if (!strcmp(argv[1], "sendmsg"))
		blocked_sendto(1);
	else if (!strcmp(argv[1], "single"))
		single();
	else if (!strcmp(argv[1], "file") && argc > 2)
		file(argv[2]);
	else if (!strcmp(argv[1], "mixed") && argc > 2)
		mixed(argv[2]);
	else if (!strcmp(argv[1], "wronly") && argc > 2)
		wronly(argv[2]);
	else if (!strcmp(argv[1], "lease") && argc > 2)
		leased(argv[2], O_RDWR);
	else if (!strcmp(argv[1], "lease-w") && argc > 2)
		leased(argv[2], O_WRONLY);
	else
		return 2;
	return 0;
}
