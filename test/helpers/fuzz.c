/*
 * Hostile arguments for the decoders that read structs and records the
 * kernel fills (socket options, a file's status, a directory's entries,
 * a signal mask, messages, io_uring's fixed-file tables on a closed fd,
 * pollfd arrays, epoll events and select's fd sets, the times utimensat
 * and utimes set, a link's target, a timer, a sigevent, a queue's
 * attributes, a file handle, an xattr's name and value, fanotify marks):
 * pointers into a page of random bytes, at its
 * end against an unmapped one, or wild; lengths small or huge.  400 calls
 * from the seed given (usage: fuzz SEED), the same ones every run.
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
int main(int argc, char **argv)
{
	unsigned seed = argc > 1 ? (unsigned)atoi(argv[1]) : 1, i;
	unsigned char *pg = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int s = socket(AF_INET, SOCK_DGRAM, 0), n = socket(AF_NETLINK, SOCK_RAW, 0), d = open(".", O_RDONLY | O_DIRECTORY);
	munmap(pg + 4096, 4096);
	srand(seed);
	for (i = 0; i < 400; i++) {
		long ptrs[4] = { (long)pg + rand() % 4092, (long)pg + 4096 - 4 - rand() % 20, 8, (long)pg };
		long p = ptrs[rand() % 4], q = ptrs[rand() % 4], len = rand() % 3 ? rand() % 64 : rand();
		int lv[] = { 0, 1, 6, 17, 41, 263, 270, 282, rand() };
		int fd = rand() % 2 ? s : n;
		unsigned j;

		for (j = 0; j < 4096; j++)
			pg[j] = (unsigned char)rand();
		if (rand() % 2)
			*(int *)(pg + 16) = (int)len;	/* a plausible optlen, reclen */
		switch (rand() % 20) {
		case 0: syscall(SYS_setsockopt, fd, lv[rand() % 9], rand() % 100, p, len); break;
		case 1: if (q != 8 && q != (long)pg + 4096) *(unsigned *)q = (unsigned)len; syscall(SYS_getsockopt, fd, lv[rand() % 9], rand() % 100, p, q); break;
		case 2: syscall(SYS_statx, d, "", 0x1000 | (rand() & 0x6000), rand(), p); break;
		case 3: syscall(SYS_newfstatat, d, ".", p, 0); break;
		case 4: syscall(SYS_getdents64, d, p, len % 4096); lseek(d, 0, SEEK_SET); break;
		case 5: syscall(SYS_io_pgetevents, 0L, 0L, 1L, p, NULL, q); break;
		case 6: syscall(SYS_recvmmsg, s, p, 3L, 0x40L, q); break;
		case 7: syscall(SYS_io_uring_register, -1, (int[]){ 2, 6, 13, 14, 15, 16 }[rand() % 6],
				p, rand() % 2 ? 32 : len); break;
		case 8: syscall(SYS_ppoll, p, len % 512, (long[2]){ 0, 0 }, q, len % 16); break;	/* never waits */
		case 9: syscall(SYS_epoll_ctl, -1, rand() % 4, rand() % 64, p); break;
		case 10: syscall(SYS_pselect6, len % 2048 - 8, p, q, NULL, (long[2]){ 0, 0 }, q); break;
		/* (times are read before the path is looked up: the file need not exist) */
		case 11: syscall(SYS_utimensat, d, "none", p, rand() & 0x1100); break;
		case 12: syscall(SYS_readlinkat, d, rand() % 2 ? p : (long)"none", q, len); break;
		case 13: syscall(SYS_utimes, "none", p); break;
		/* (a bad fd or a missing file: the kernel refuses, iotrace still reads the structs) */
		case 14: syscall(SYS_timerfd_settime, -1, 0L, p, q); break;
		case 15: syscall(SYS_mq_notify, -1, p); break;
		case 16: syscall(SYS_mq_getsetattr, -1, p, q); break;
		case 17: syscall(SYS_name_to_handle_at, d, "none", p, q, 0L); break;
		case 18: syscall(SYS_setxattr, "none", p, q, len, 0L); break;
		case 19: syscall(SYS_fanotify_mark, -1, (long)rand(), ((long)rand() << 32) | rand(), d, p); break;
		}
	}
	return 0;
}
