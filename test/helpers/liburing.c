/*
 * io_uring through liburing, as most programs drive it, for
 * test/uring.bats: a file written with a WRITE and a WRITEV, synced,
 * read back with a READ and a READV, each batch submitted and waited
 * for by io_uring_submit_and_wait; every completion and the bytes read
 * back are printed for the test to check.  Then, with "regring", the
 * same through a registered ring fd (io_uring_register_ring_fd).
 * Exits 77 when the kernel refuses io_uring.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <liburing.h>

static void wait_all(struct io_uring *ring, unsigned n)
{
	struct io_uring_cqe *cqe;

	io_uring_submit_and_wait(ring, n);
	while (n--) {
		if (io_uring_wait_cqe(ring, &cqe))
			return;
		printf("cqe %llu res %d\n", (unsigned long long)cqe->user_data, cqe->res);
		io_uring_cqe_seen(ring, cqe);
	}
}

int main(int argc, char **argv)
{
	static char one[] = "liburing ", two[] = "writes ", three[] = "this\n";
	char a[9], b[13], c[32] = "";
	struct iovec wv[2] = { { two, 7 }, { three, 5 } }, rv[2] = { { a, 9 }, { b, 12 } };
	struct io_uring ring;
	struct io_uring_sqe *sqe;
	int fd, ret;

	setvbuf(stdout, NULL, _IONBF, 0);
	syscall(SYS_close_range, 3, ~0U, 0);	/* the fds the test runner left open */
	fd = open("data", O_RDWR | O_CREAT | O_TRUNC, 0644);
	ret = io_uring_queue_init(8, &ring, 0);
	if (ret == -ENOSYS || ret == -EPERM)
		return 77;
	if (ret < 0 || fd < 0)
		return 1;
	if (argc > 1 && !strcmp(argv[1], "regring") && io_uring_register_ring_fd(&ring) < 0)
		return 1;
	sqe = io_uring_get_sqe(&ring);
	io_uring_prep_write(sqe, fd, one, 9, 0);
	sqe->user_data = 1;
	sqe = io_uring_get_sqe(&ring);
	io_uring_prep_writev(sqe, fd, wv, 2, 9);
	sqe->user_data = 2;
	wait_all(&ring, 2);
	sqe = io_uring_get_sqe(&ring);
	io_uring_prep_fsync(sqe, fd, 0);
	sqe->user_data = 3;
	wait_all(&ring, 1);
	sqe = io_uring_get_sqe(&ring);
	io_uring_prep_read(sqe, fd, c, sizeof(c), 0);
	sqe->user_data = 4;
	sqe = io_uring_get_sqe(&ring);
	io_uring_prep_readv(sqe, fd, rv, 2, 0);
	sqe->user_data = 5;
	wait_all(&ring, 2);
	b[12] = 0;
	printf("read back: %s|%.9s%s", c, a, b);
	io_uring_queue_exit(&ring);
	return 0;
}
