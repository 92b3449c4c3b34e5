/*
 * A descriptor's life: opening, closing, duplicating, fcntl, pipes and
 * memfds, position and size, durability and hints, file mappings.
 * usage: fdlife open | dup | fcntl | pipe | seek | sync | map | anon | bad |
 *               newer | commit | commits | anonloop | owner | writes |
 *               stat | statdev | dirents | names | poll | attr | xattr |
 *               xattr0 | fdkinds | statfs | nodes | cwd | mqueue | pidfd |
 *               handles
 * Run in an empty directory: the files it makes are relative to it.  It
 * closes every inherited fd first, so fd numbers are the same every run.
 * Calls are made with syscall() where libc would pick another syscall
 * (open, not openat; the i386 forms without 64-bit offsets).
 * bad: pointers that cannot be read (NULL, 1, a path that runs into an
 * unmapped page) and lengths and flags the kernel refuses.
 * newer: names strace 6.1 does not know (write-life hints, F_SEAL_EXEC,
 * MFD_NOEXEC_SEAL...); what the kernel answers depends on its version.
 * commit: a database's commit, three times: open, write, fsync, close;
 * commits: the same 1000 times.  writes: 10,000 one-byte writes.
 * anonloop: 1000 anonymous mmaps, none of them I/O.
 * stat: a file's status by fd, by path and by both (its times set to
 * 1000000000.123456789), a directory, a link, a device, and failures;
 * statdev: /dev/null's alone, every field the same from run to run.
 * dirents: the entries of directory "dents" (the caller makes it, so
 * that two runs list the same inodes), 96 bytes at a time, then
 * getdents64 on a file, a bad fd and a bad pointer.
 * names: directories made, files renamed (by path, from a dirfd, with
 * renameat2's flags), linked, symlinked and unlinked, and bad pointers.
 * poll: a pipe with a byte in it waited on by poll (ready fds, a negative
 * fd, an unknown event bit, none ready, an unreadable array, 200 fds), ppoll (a
 * zero timeout and a signal mask; ppoll_time64 too on i386) and epoll
 * (made both ways; fds added with data, modified, deleted, with a NULL
 * event and with one the kernel ignores; waits that
 * get events and none; a bad op, a bad pointer, a bad epoll fd); select
 * (i386: _newselect, and the old select) and pselect6 (pselect6_time64
 * too on i386): sets asked and answered, none ready, bad counts and sets.
 * attr: a file's attributes: access and faccessat (with faccessat2's
 * flags), readlink and readlinkat (a target cut at the buffer's size, one
 * with odd bytes), chmod and friends, chown and friends (-1, large ids;
 * on i386 the 16-bit forms and the 32-bit ones), utimensat (UTIME_NOW and
 * UTIME_OMIT, a date's nanoseconds, invalid times; utimensat_time64 too on
 * i386), utimes, futimesat, utime; bad pointers, a struct across the end
 * of a mapping, and flags the kernel refuses.
 * xattr: extended attributes set (values with NULs in them and at their
 * end, one too long), got (into a buffer of room, none, too little),
 * listed and removed, by path, link and fd; bad pointers and flags.
 * xattr0: one got with a size of 0 into "zzzzzzzz", which the kernel
 * leaves as it is (strace prints those bytes, iotrace the address).
 * fdkinds: descriptors of other kinds: eventfd, signalfd, timerfd (its
 * timer set and read; the *_time64 forms too on i386), inotify (watches
 * added and removed), fanotify (its calls refused unprivileged), pidfd
 * (and a copy of one of our fds through it), userfaultfd, memfd_secret;
 * every flag bit, unknown ones, bad pointers; an eventfd read and written.
 * statfs: /proc's file system's status by path and by fd (the same from
 * run to run), failures; on i386 the old calls and statfs64, fstatfs64.
 * nodes: mknod and mknodat: a FIFO, a file (no type), devices (refused
 * unprivileged), an unknown type, a mode past umode_t, a bad pointer.
 * cwd: getcwd (room, none, too little), chdir to / and fchdir back,
 * chroot to nowhere, bad pointers.
 * pidfd: a forked child holds /dev/null at fd 9; its parent, where fd 9
 * is not open, takes a copy through the child's pidfd (pidfd_getfd).
 * handles: / by its handle (the same from run to run), and opened from it
 * (refused without CAP_DAC_READ_SEARCH); a handle too small, bad
 * pointers and flags, a handle the kernel does not know.
 * mqueue: a POSIX message queue (named after the directory it runs in,
 * so that tests running at once do not share one; unlinked at the end): messages sent and received (with and without their priority and
 * a timeout; i386's *_time64 forms too), one too big, none left, its
 * attributes, notifications of each kind, bad pointers.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>
#include <linux/openat2.h>
#include <linux/xattr.h>
#include <sys/eventfd.h>
#include <sys/signalfd.h>
#include <sys/timerfd.h>
#include <sys/inotify.h>
#include <sys/fanotify.h>
#include <time.h>
#include <sys/sysmacros.h>
#define PATH_MAX_HELPER 4096
#ifndef PIDFD_NONBLOCK
#define PIDFD_NONBLOCK O_NONBLOCK
#endif

#ifndef F_SEAL_FUTURE_WRITE
#define F_SEAL_FUTURE_WRITE 0x0010
#endif
#ifndef F_GET_RW_HINT
#define F_GET_RW_HINT 1035
#define F_SET_RW_HINT 1036
#endif
#ifndef CLOSE_RANGE_UNSHARE
#define CLOSE_RANGE_UNSHARE (1U << 1)
#define CLOSE_RANGE_CLOEXEC (1U << 2)
#endif

/* A 64-bit value as the two registers an i386 syscall takes it in, low first. */
#define LO(x) ((long)(uint32_t)(uint64_t)(x))
#define HI(x) ((long)(uint32_t)((uint64_t)(x) >> 32))

static void fresh(void)
{
	close_range(3, ~0u, 0);
}

static void open_calls(void)
{
	struct open_how how = { O_RDWR | O_CREAT | O_CLOEXEC, 0600,
				RESOLVE_NO_MAGICLINKS | RESOLVE_NO_SYMLINKS };
	struct open_how beneath = { O_RDONLY, 0, RESOLVE_BENEATH | RESOLVE_NO_XDEV };
	char odd[] = "odd\n\t\"\\\001\377";
	char longname[101];
	int d;

	mkdir("d", 0755);
	close(syscall(SYS_open, "f1", O_WRONLY | O_CREAT | O_TRUNC, 0644));
	close(syscall(SYS_open, "f1", O_RDONLY));
	close(openat(AT_FDCWD, "f1", O_RDWR | O_APPEND | O_CLOEXEC));
	d = openat(AT_FDCWD, "d", O_RDONLY | O_DIRECTORY);
	close(openat(d, "f2", O_WRONLY | O_CREAT | O_EXCL, 0600));
	openat(d, "f2", O_WRONLY | O_CREAT | O_EXCL, 0600);
	openat(AT_FDCWD, "missing", O_RDONLY | O_NOFOLLOW | O_NOCTTY | O_NONBLOCK | O_NOATIME);
	openat(AT_FDCWD, "missing", O_WRONLY | O_SYNC | O_DIRECT);
	openat(AT_FDCWD, "missing", O_RDWR | O_DSYNC | O_ASYNC | O_LARGEFILE);
	openat(AT_FDCWD, "missing", O_ACCMODE);
	close(openat(AT_FDCWD, ".", O_TMPFILE | O_RDWR, 0600));
	close(openat(AT_FDCWD, "d", O_PATH | O_DIRECTORY));
	close(syscall(SYS_creat, "f3", 0640));
	close(syscall(SYS_open, "f4", O_WRONLY | O_CREAT, 04755));
	unlink("f4");
	close(syscall(SYS_open, "f4", O_WRONLY | O_CREAT, 07777));
	close(openat(AT_FDCWD, odd, O_WRONLY | O_CREAT, 0600));
	unlink(odd);
	memset(longname, 'n', 100);
	longname[100] = '\0';
	openat(AT_FDCWD, longname, O_RDONLY);
	close(syscall(SYS_openat2, AT_FDCWD, "f1", &how, sizeof(how)));
	close(syscall(SYS_openat2, d, "f2", &beneath, sizeof(beneath)));
	close(d);
	/* A mode wider than umode_t; a symbolic link; a name with ">". */
	close(syscall(SYS_open, "f5", O_WRONLY | O_CREAT, 0xffffffffUL));
	symlink("f1", "ln1");
	close(openat(AT_FDCWD, "ln1", O_RDONLY));
	close(openat(AT_FDCWD, "gt>1", O_WRONLY | O_CREAT, 0600));
}

static void dup_calls(void)
{
	int fd = open("/dev/null", O_RDWR);

	dup(fd);
	dup2(fd, 20);
	dup2(fd, fd);
	dup3(fd, 21, O_CLOEXEC);
	dup3(fd, fd, 0);
	dup3(fd, 22, O_NONBLOCK);
	dup2(99, 23);
	dup2(4, 20);
	close(20);
	close(20);
	syscall(SYS_close_range, 21, 22, 0);
	syscall(SYS_close_range, 30, ~0u, CLOSE_RANGE_CLOEXEC);
	syscall(SYS_close_range, 5, 4, 0);
	syscall(SYS_close_range, 30, ~0u, CLOSE_RANGE_UNSHARE);
	syscall(SYS_close_range, 30, 40, 0x8);
}

/* fcntl as the kernel's fcntl syscall (on i386: 32-bit struct flock). */
static long fcntl_sc(int fd, int cmd, long arg)
{
	return syscall(SYS_fcntl, fd, cmd, arg);
}

static void lock_calls(int fd)
{
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 100 };

	fcntl(fd, F_SETLK, &fl);
	fl.l_type = F_RDLCK;
	fl.l_len = 0;
	fcntl(fd, F_GETLK, &fl);
	fl.l_type = F_UNLCK;
	fcntl(fd, F_SETLKW, &fl);
	fl = (struct flock){ .l_type = F_WRLCK, .l_whence = SEEK_CUR, .l_start = 10, .l_len = 20 };
	fcntl(fd, F_OFD_SETLK, &fl);
	fcntl(fd, F_OFD_GETLK, &fl);
	fl.l_type = F_UNLCK;
	fcntl(fd, F_OFD_SETLKW, &fl);
	fl.l_type = 99;
	fcntl(fd, F_SETLK, &fl);
	fcntl(fd, F_SETLK, NULL);
	{
		/* An OFD lock another open file description holds: l_pid is -1. */
		int a = open("ofd", O_RDWR | O_CREAT | O_TRUNC, 0600), b = open("ofd", O_RDWR);
		struct flock w = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 10 };

		fcntl(a, F_OFD_SETLK, &w);
		fcntl(b, F_OFD_GETLK, &w);
		close(a);
		close(b);
	}
#ifdef __i386__
	{
		/* The 32-bit struct flock of the old fcntl syscall. */
		struct { short type, whence; long start, len; int pid; } old = { F_WRLCK, SEEK_END, -5, 5, 0 };

		fcntl_sc(fd, 6 /* F_SETLK */, (long)&old);
		fcntl_sc(fd, 5 /* F_GETLK */, (long)&old);
	}
#endif
}

static void fcntl_calls(void)
{
	int fd = memfd_create("seals", MFD_ALLOW_SEALING), p[2], d;
	struct f_owner_ex own = { F_OWNER_PID, 0 };

	fcntl_sc(fd, F_GETFD, 0);
	fcntl_sc(fd, F_SETFD, FD_CLOEXEC);
	fcntl_sc(fd, F_GETFD, 0);
	fcntl_sc(fd, F_SETFD, 0);
	fcntl_sc(fd, F_GETFL, 0);
	fcntl_sc(fd, F_SETFL, O_APPEND | O_NONBLOCK);
	fcntl_sc(fd, F_GETFL, 0);
	fcntl_sc(fd, F_SETFL, 0);
	fcntl_sc(fd, F_DUPFD, 10);
	fcntl_sc(fd, F_DUPFD_CLOEXEC, 11);
	lock_calls(fd);
	fcntl_sc(fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW);
	fcntl_sc(fd, F_GET_SEALS, 0);
	fcntl_sc(fd, F_ADD_SEALS, F_SEAL_FUTURE_WRITE | F_SEAL_WRITE | F_SEAL_SEAL);
	fcntl_sc(fd, F_GET_SEALS, 0);
	fcntl_sc(fd, F_SETOWN, 0);
	fcntl_sc(fd, F_GETOWN, 0);
	fcntl_sc(fd, F_SETOWN_EX, (long)&own);
	fcntl_sc(fd, F_GETOWN_EX, (long)&own);
	fcntl_sc(fd, F_SETSIG, SIGUSR1);
	fcntl_sc(fd, F_GETSIG, 0);
	fcntl_sc(fd, F_SETSIG, 0);
	fcntl_sc(fd, 12345, 0);
	fcntl_sc(99, F_GETFD, 0);
	fcntl_sc(fd, F_DUPFD, -1);
	pipe(p);
	fcntl_sc(p[0], F_GETPIPE_SZ, 0);
	fcntl_sc(p[0], F_SETPIPE_SZ, 131072);
	close(p[0]);
	close(p[1]);
	close(open("lease", O_WRONLY | O_CREAT | O_TRUNC, 0600));
	d = open("lease", O_RDONLY);
	fcntl_sc(d, F_GETFL, 0);	/* O_RDONLY: 0 on i386 */
	fcntl_sc(d, F_SETLEASE, F_RDLCK);
	fcntl_sc(d, F_GETLEASE, 0);
	fcntl_sc(d, F_SETLEASE, F_UNLCK);
	fcntl_sc(d, F_GETLEASE, 0);
	close(d);
	d = open(".", O_RDONLY | O_DIRECTORY);
	fcntl_sc(d, F_NOTIFY, DN_MODIFY | DN_CREATE | DN_MULTISHOT);
	fcntl_sc(d, F_NOTIFY, 0);
	/* flock: shared, exclusive without waiting, undone; bad operations, a bad fd */
	syscall(SYS_flock, d, 1L);
	syscall(SYS_flock, d, 2L | 4L);
	syscall(SYS_flock, d, 8L);
	syscall(SYS_flock, d, 0L);
	syscall(SYS_flock, d, 0x10L);
	syscall(SYS_flock, 99, 2L);
	close(d);
}

static void pipe_calls(void)
{
	int p[2];
	char longname[300];

	syscall(SYS_pipe, p);
	pipe2(p, O_NONBLOCK | O_CLOEXEC);
	pipe2(p, O_DIRECT);
	pipe2(p, O_WRONLY);
	memfd_create("demo-memfd", MFD_CLOEXEC | MFD_ALLOW_SEALING);
	memfd_create("", 0);
	memset(longname, 'm', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	memfd_create(longname, 0);
	memfd_create("x", 0x1000);
}

/* An fd whose data and size do not depend on the file system the test runs on. */
static int memfd(const char *name, off_t size)
{
	int fd = memfd_create(name, 0);

	ftruncate(fd, size);
	return fd;
}

static void seek_calls(void)
{
	int fd = memfd("seek", 8192);

	pwrite(fd, "data", 4, 4096);
	lseek(fd, 0, SEEK_END);
	lseek(fd, 100, SEEK_SET);
	lseek(fd, -10, SEEK_CUR);
	lseek(fd, 0, SEEK_DATA);
	lseek(fd, 4096, SEEK_HOLE);
	lseek(fd, 0, 7);
	lseek(fd, -1, SEEK_SET);
	lseek(99, 0, SEEK_SET);
#ifdef __i386__
	{
		int64_t res = 0;

		syscall(SYS_lseek, fd, 10, SEEK_SET);
		syscall(SYS__llseek, fd, HI(5LL << 30), LO(5LL << 30), &res, SEEK_SET);
		syscall(SYS__llseek, fd, 0, 0, NULL, SEEK_END);
		syscall(SYS_ftruncate, fd, 4096);
		syscall(SYS_truncate, "f1", 100);
	}
#else
	lseek(fd, 5LL << 30, SEEK_SET);
#endif
	ftruncate(fd, 12288);
	ftruncate(fd, 5LL << 30);
	ftruncate(fd, -1);
	ftruncate(99, 0);
	close(open("f1", O_WRONLY | O_CREAT | O_TRUNC, 0600));
	truncate("f1", 4096);
	truncate("missing", 0);
	fallocate(fd, 0, 0, 4096);
	fallocate(fd, FALLOC_FL_KEEP_SIZE | FALLOC_FL_PUNCH_HOLE, 0, 4096);
	fallocate(fd, FALLOC_FL_KEEP_SIZE, 5LL << 30, 4096);
	fallocate(fd, FALLOC_FL_ZERO_RANGE, 0, 4096);
	fallocate(fd, FALLOC_FL_COLLAPSE_RANGE, 0, 4096);
	fallocate(fd, 0x400, 0, 4096);
	fallocate(fd, 0, -1, 4096);
}

static void sync_calls(void)
{
	int fd = memfd("sync", 8192);

	syncfs(fd);
	syncfs(99);
	sync();
	sync_file_range(fd, 0, 4096, SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE |
			SYNC_FILE_RANGE_WAIT_AFTER);
	sync_file_range(fd, 5LL << 30, 0, 0);
	sync_file_range(fd, 0, 0, 0x8);
	sync_file_range(fd, -1, 0, 0);
	posix_fadvise(fd, 0, 4096, POSIX_FADV_DONTNEED);
	posix_fadvise(fd, 5LL << 30, 0, POSIX_FADV_SEQUENTIAL);
	posix_fadvise(fd, 0, 0, POSIX_FADV_NORMAL);
	posix_fadvise(fd, 0, 0, POSIX_FADV_RANDOM);
	posix_fadvise(fd, 0, 0, POSIX_FADV_WILLNEED);
	posix_fadvise(fd, 0, 0, POSIX_FADV_NOREUSE);
	posix_fadvise(fd, 0, 0, 99);
#ifdef __i386__
	syscall(SYS_fadvise64, fd, LO(4096), HI(4096), 100, POSIX_FADV_WILLNEED);
#endif
	readahead(fd, 0, 4096);
	readahead(fd, 5LL << 30, 1);
	readahead(99, 0, 1);
}

static void map_calls(void)
{
	int fd = open("f1", O_RDWR | O_CREAT | O_TRUNC, 0600);
	char *p, *q;

	ftruncate(fd, 16384);
	p = mmap(NULL, 8192, PROT_READ, MAP_PRIVATE, fd, 0);
	q = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 4096);
	q[0] = 'x';
	msync(q, 4096, MS_SYNC);
	msync(q, 4096, MS_SYNC | MS_INVALIDATE);
	msync(q, 4096, MS_ASYNC | MS_INVALIDATE);
	msync(q, 4096, 0x8);
	munmap(q, 4096);
	munmap(p, 4096);
	munmap(p + 4096, 4096);
	mmap(NULL, 4096, PROT_READ, MAP_SHARED, 99, 0);
	p = mmap(NULL, 4096, PROT_READ | PROT_EXEC, MAP_PRIVATE | MAP_POPULATE | MAP_NORESERVE, fd,
		 0);
	mmap(p, 4096, PROT_NONE, MAP_SHARED | MAP_FIXED, fd, 8192);
	mmap(NULL, 4096, PROT_READ, MAP_SHARED_VALIDATE | MAP_SYNC, fd, 0);
	mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 100);
	munmap(p, 4096);
	/* mremap moves a file mapping: grown (moved), shrunk in place, moved over another */
	p = mmap(NULL, 8192, PROT_READ, MAP_SHARED, fd, 0);
	p = mremap(p, 8192, 16384, MREMAP_MAYMOVE);
	mremap(p, 16384, 4096, 0);
	q = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 8192);
	q = mremap(p, 4096, 4096, MREMAP_MAYMOVE | MREMAP_FIXED, q);
	syscall(SYS_mremap, q, 4096L, 8192L, 0x80L, 0L);	/* an unknown flag: EINVAL */
	munmap(q, 4096);	/* shown: the file mapping moved here */
#ifdef __x86_64__
	/* prot and flags are longs: bits above 32 show (and fail the call).
	 * Every argument is a long: an int in varargs leaves the upper half
	 * of its register undefined (clang leaves it dirty). */
	syscall(SYS_mmap, 0L, 4096L, ~0UL << 4, MAP_PRIVATE | (~0UL << 32), (long)fd, 0L);
#endif
	close(fd);
}

/* Anonymous mappings are not I/O: only the file mapping and msync show. */
static void anon_calls(void)
{
	int fd = memfd("anon", 4096);
	char *a = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *f;

	mmap(NULL, 4096, PROT_READ, MAP_SHARED | MAP_ANONYMOUS, fd, 0);
	munmap(a, 4096);
	f = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 0);
	msync(a + 4096, 4096, MS_SYNC);
	munmap(a + 4096, 4096);
	munmap(f, 4096);
	free(malloc(1 << 20));	/* malloc's own mmap and munmap */
	a = mmap(NULL, 8192, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	a = mremap(a, 8192, 65536, MREMAP_MAYMOVE);	/* anonymous memory moved: not shown */
	munmap(a, 65536);
	/* Shared anonymous memory has an inode in /proc, but no file. */
	a = mmap(NULL, 4096, PROT_READ, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (fork() == 0) {
		munmap(a, 4096);
		_exit(0);
	}
	wait(NULL);
	close(fd);
}

/* F_SETOWN to its own process group: F_GETOWN's result is negative. */
static void owner_calls(void)
{
	int fd = memfd_create("owner", 0);

	setpgid(0, 0);
	fcntl_sc(fd, F_SETOWN, -getpgrp());
	fcntl_sc(fd, F_GETOWN, 0);
}

static void newer_calls(void)
{
	int fd = memfd_create("newer", MFD_ALLOW_SEALING), p[2];
	uint64_t hint = RWH_WRITE_LIFE_SHORT;

	fcntl_sc(fd, F_SET_RW_HINT, (long)&hint);
	fcntl_sc(fd, F_GET_RW_HINT, (long)&hint);
	fcntl_sc(fd, 1027 /* F_DUPFD_QUERY */, 0);
	fcntl_sc(fd, 1028 /* F_CREATED_QUERY */, 0);
	fcntl_sc(fd, F_ADD_SEALS, 0x20 /* F_SEAL_EXEC */);
	memfd_create("noexec", 0x8 /* MFD_NOEXEC_SEAL */);
	memfd_create("exec", 0x10 /* MFD_EXEC */);
	fallocate(fd, 0x80 /* FALLOC_FL_WRITE_ZEROES */, 0, 4096);
	pipe2(p, 0);
	fcntl_sc(p[1], 1027 /* F_DUPFD_QUERY */, p[1]);
}

static void commits(int n)
{
	int i, fd;

	for (i = 0; i < n; i++) {
		fd = open("db", O_WRONLY | O_CREAT | O_APPEND, 0600);
		write(fd, "commit\n", 7);
		fdatasync(fd);
		fsync(fd);
		close(fd);
	}
}

static void commit_calls(void)
{
	commits(3);
}

static void many_commits(void)
{
	commits(1000);
}

/* 10,000 one-byte writes to /dev/null: what a traced write costs the tracer. */
static void many_writes(void)
{
	int fd = open("/dev/null", O_WRONLY), i;

	for (i = 0; i < 10000; i++)
		write(fd, "x", 1);
}

static void anonloop_calls(void)
{
	int i;

	for (i = 0; i < 1000; i++)
		mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	write(1, "done\n", 5);
}

static void bad_calls(void)
{
	long page = sysconf(_SC_PAGESIZE);
	char *two = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	struct open_how how = { O_RDONLY, 0, 0 };
	struct { struct open_how how; uint64_t more; } big;
	char huge[5000];

	munmap(two + page, page);
	memset(two, 'a', page);		/* no NUL before the unmapped page */
	syscall(SYS_openat, AT_FDCWD, NULL, O_RDONLY);
	openat(AT_FDCWD, (char *)1, O_RDONLY);
	openat(AT_FDCWD, two, O_RDONLY);
	openat(AT_FDCWD, two + page - 3, O_RDONLY);
	memset(huge, 'h', sizeof(huge) - 1);
	huge[sizeof(huge) - 1] = '\0';
	openat(AT_FDCWD, huge, O_RDONLY);
	syscall(SYS_openat2, AT_FDCWD, "f1", NULL, sizeof(how));
	syscall(SYS_openat2, AT_FDCWD, "f1", &how, 16);
	syscall(SYS_openat2, AT_FDCWD, "f1", two + page - 8, sizeof(how));
	how.resolve = 0x100;
	syscall(SYS_openat2, AT_FDCWD, "f1", &how, sizeof(how));
	how = (struct open_how){ O_RDONLY, 0644, 0 };
	syscall(SYS_openat2, AT_FDCWD, "f1", &how, sizeof(how));
	/* A larger struct from a newer libc: its tail shows when not zero. */
	big.how = (struct open_how){ O_RDONLY, 0, 0 };
	syscall(SYS_openat2, AT_FDCWD, "f1", &big, sizeof(big));
	big.more = 1;
	syscall(SYS_openat2, AT_FDCWD, "f1", &big, sizeof(big));
	/* Ours readable, the caller's extra bytes not. */
	memcpy(two + page - sizeof(how), &how, sizeof(how));
	syscall(SYS_openat2, AT_FDCWD, "f1", two + page - sizeof(how), sizeof(big));
	pipe2(NULL, 0);
	pipe2((int *)(two + page - 4), 0);
	memfd_create(NULL, 0);
	memfd_create(two + page - 2, 0);
	syscall(SYS_truncate, NULL, 0);
	fcntl(0, F_SETLK, (struct flock *)1);
	fcntl(0, F_GETLK, two + page - 4);
	munmap(two, page);
}

/* struct statx, whatever the libc headers hold: the kernel's 256 bytes. */
static unsigned char statxbuf[256];

/* x86_64's fstat and newfstatat, i386's fstat64 and fstatat64 (its fstat is the old struct). */
static void stat_fd(int fd, void *buf)
{
#ifdef SYS_fstat64
	syscall(SYS_fstat64, fd, buf);
#else
	syscall(SYS_fstat, fd, buf);
#endif
}

static void stat_at(int dirfd, const char *path, void *buf, int flags)
{
#ifdef SYS_fstatat64
	syscall(SYS_fstatat64, dirfd, path, buf, flags);
#else
	syscall(SYS_newfstatat, dirfd, path, buf, flags);
#endif
}

/* stat and lstat: x86_64's, i386's 64-bit ones and its old ones. */
static void stat_path(const char *path, void *buf)
{
#ifdef SYS_stat64
	syscall(SYS_stat64, path, buf);
	syscall(SYS_lstat64, path, buf);
#endif
	syscall(SYS_stat, path, buf);
	syscall(SYS_lstat, path, buf);
}

static void stat_calls(void)
{
	static char buf[256];	/* room for struct stat and stat64 */
	const struct timespec times[2] = { { 1000000000, 123456789 }, { 1000000000, 123456789 } };
	int fd = open("f1", O_RDWR | O_CREAT | O_TRUNC, 0640);

	write(fd, "twelve bytes", 12);
	futimens(fd, times);
	fchmod(fd, 04750);	/* setuid: S_IFREG|S_ISUID|0750 */
	stat_fd(fd, buf);
	syscall(SYS_fstat, fd, buf);	/* i386: the old struct stat */
	stat_at(fd, "", buf, AT_EMPTY_PATH);
	stat_at(AT_FDCWD, "f1", buf, 0);
	mkdir("d", 0700);
	chmod("d", 01755);	/* whatever the umask */
	stat_at(AT_FDCWD, "d", buf, AT_SYMLINK_NOFOLLOW);
	symlink("f1", "l");
	stat_at(AT_FDCWD, "l", buf, AT_SYMLINK_NOFOLLOW);
	stat_path("l", buf);	/* stat follows the link, lstat does not */
	syscall(SYS_stat, "missing", buf);
	stat_at(AT_FDCWD, "/dev/null", buf, AT_NO_AUTOMOUNT);
	syscall(SYS_statx, AT_FDCWD, "f1", 0, 0x7ff, statxbuf);	/* STATX_BASIC_STATS */
	syscall(SYS_statx, fd, "", AT_EMPTY_PATH | 0x2000, 0x240, statxbuf);	/* FORCE_SYNC */
	syscall(SYS_statx, AT_FDCWD, "/dev/null", AT_SYMLINK_NOFOLLOW, 0xfff, statxbuf);
	stat_fd(99, buf);
	stat_fd(fd, (void *)8);
	stat_at(AT_FDCWD, "missing", buf, 0);
	stat_at(AT_FDCWD, "f1", buf, 0x40000000);
	syscall(SYS_statx, AT_FDCWD, "f1", 0, 0x7ff, (void *)8);
	close(fd);
}

static void dirents_calls(void)
{
	static char buf[96];
	int d = open("dents", O_RDONLY | O_DIRECTORY), f = open("/dev/null", O_RDONLY);

	while (syscall(SYS_getdents64, d, buf, sizeof(buf)) > 0)
		;
	syscall(SYS_getdents64, f, buf, sizeof(buf));
	syscall(SYS_getdents64, 99, buf, sizeof(buf));
	lseek(d, 0, SEEK_SET);
	syscall(SYS_getdents64, d, (void *)8, sizeof(buf));
	close(f);
	close(d);
}

static void names_calls(void)
{
	int d;

	mkdir("nmd", 0750);
	syscall(SYS_mkdirat, AT_FDCWD, "nmd/sub", 0700);
	d = open("nmd", O_RDONLY | O_DIRECTORY);
	close(open("nmd/a", O_CREAT | O_WRONLY, 0600));
	syscall(SYS_rename, "nmd/a", "nmd/b");
	syscall(SYS_renameat, d, "b", AT_FDCWD, "nmd/c");
	syscall(SYS_renameat2, AT_FDCWD, "nmd/c", d, "b", 1L);	/* RENAME_NOREPLACE */
	syscall(SYS_renameat2, d, "b", d, "sub", 2L);		/* RENAME_EXCHANGE */
	syscall(SYS_renameat2, d, "b", d, "x", 0x80L);		/* EINVAL */
	syscall(SYS_link, "nmd/sub", "nmd/h");
	syscall(SYS_linkat, d, "sub", d, "h2", (long)AT_SYMLINK_FOLLOW);
	syscall(SYS_symlink, "nowhere\n", "nmd/s");
	syscall(SYS_symlinkat, "t", d, "s2");
	syscall(SYS_unlink, "nmd/h");
	syscall(SYS_unlinkat, d, "h2", 0L);
	syscall(SYS_unlinkat, d, "s", 0L);
	syscall(SYS_unlinkat, d, "s2", 0L);
	syscall(SYS_unlink, "nmd/sub");
	syscall(SYS_unlinkat, d, "b", (long)AT_REMOVEDIR);
	syscall(SYS_rmdir, "nmd/b");	/* ENOENT */
	close(d);
	syscall(SYS_rmdir, "nmd");
	syscall(SYS_rename, NULL, "x");
	syscall(SYS_unlink, 8L);
}

/* select and pselect6 on pipe @p (a byte in it): sets as asked and as answered. */
static void select_calls(const int *p)
{
	struct { long sec, usec; } tv = { 0, 0 };
	struct { long sec, nsec; } ts = { 0, 0 };
	uint64_t usr1 = 1u << (SIGUSR1 - 1);
	struct { void *set; long len; } mask = { &usr1, 8 };
	unsigned long r, w, x, none = 0;

	r = 1ul << p[0], w = 1ul << p[1], x = 1ul << p[0];
#ifdef SYS__newselect
	syscall(SYS__newselect, 5L, &r, &w, &x, &tv);
	syscall(SYS_select, 8L);	/* i386's old select: its arguments' struct */
#else
	syscall(SYS_select, 5L, &r, &w, &x, &tv);
#endif
	r = 1ul << p[0], w = 1ul << p[1];
	syscall(SYS_pselect6, 5L, &r, &w, NULL, &ts, &mask);
	x = 1ul << p[0];
	syscall(SYS_pselect6, 5L, &none, NULL, &x, &ts, NULL);	/* Timeout */
	syscall(SYS_pselect6, 0L, NULL, NULL, NULL, &ts, NULL);
	syscall(SYS_pselect6, -1L, &r, NULL, NULL, &ts, NULL);
	syscall(SYS_pselect6, 5L, 8L, NULL, NULL, &ts, NULL);
#ifdef SYS_pselect6_time64
	{
		struct { int64_t sec, nsec; } ts64 = { 0, 0 };

		r = 1ul << p[0];
		syscall(SYS_pselect6_time64, 5L, &r, NULL, NULL, &ts64, NULL);
	}
#endif
}

static void poll_calls(void)
{
	struct { long sec, nsec; } ts = { 0, 0 };		/* the arch's struct timespec */
	struct { int64_t sec, nsec; } ts64 = { 0, 0 };	/* __kernel_timespec */
	uint64_t usr1 = 1u << (SIGUSR1 - 1);
	static struct pollfd many[200];
	struct pollfd pf[3];
	struct epoll_event ev, got[4];
	int p[2], e, e0, i;

	if (pipe(p) || write(p[1], "x", 1) != 1)
		exit(1);
	pf[0] = (struct pollfd){ p[0], POLLIN | POLLPRI, 0 };
	pf[1] = (struct pollfd){ p[1], POLLOUT, 0 };
	pf[2] = (struct pollfd){ -1, POLLIN, 0 };
	syscall(SYS_poll, pf, 3L, 0L);
	pf[1].events = 0x8000;	/* POLL_BUSY_LOOP, not ready */
	syscall(SYS_poll, pf + 1, 1L, 0L);	/* Timeout */
	syscall(SYS_poll, 8L, 1L, 0L);
	for (i = 0; i < 200; i++)	/* ready ones past what strace's 1 KiB list holds */
		many[i] = (struct pollfd){ p[i % 2], i % 2 ? POLLOUT : POLLIN, 0 };
	syscall(SYS_poll, many, 200L, 0L);
	select_calls(p);
	syscall(SYS_ppoll, pf, 2L, &ts, &usr1, 8L);
	syscall(SYS_ppoll, pf, 2L, NULL, NULL, 8L);
#ifdef SYS_ppoll_time64
	syscall(SYS_ppoll_time64, pf, 2L, &ts64, &usr1, 8L);
#endif
	e = (int)syscall(SYS_epoll_create1, EPOLL_CLOEXEC);
	e0 = (int)syscall(SYS_epoll_create, 10L);
	ev = (struct epoll_event){ .events = EPOLLIN | EPOLLET, .data.u64 = 0x1234567800000003ULL };
	syscall(SYS_epoll_ctl, e, EPOLL_CTL_ADD, p[0], &ev);
	ev = (struct epoll_event){ .events = EPOLLOUT, .data.fd = p[1] };
	syscall(SYS_epoll_ctl, e, EPOLL_CTL_ADD, p[1], &ev);
	ev.events = EPOLLOUT | EPOLLONESHOT;
	syscall(SYS_epoll_ctl, e, EPOLL_CTL_MOD, p[1], &ev);
#ifdef SYS_epoll_wait
	syscall(SYS_epoll_wait, e, got, 4L, 0L);
	syscall(SYS_epoll_wait, e, got, 1L, 0L);	/* none left: one-shot, edge-triggered */
#endif
	syscall(SYS_epoll_ctl, e, EPOLL_CTL_DEL, p[1], NULL);
	ev.events = 0x7f39;	/* DEL ignores its event: an address, as strace */
	syscall(SYS_epoll_ctl, e, EPOLL_CTL_DEL, p[0], &ev);
	syscall(SYS_epoll_ctl, e, 99L, p[1], 8L);
	syscall(SYS_epoll_pwait, e, got, 4L, 0L, &usr1, 8L);
	syscall(SYS_epoll_pwait, e, got, 4L, 0L, NULL, 8L);
	syscall(SYS_epoll_pwait2, e, got, 4L, &ts64, NULL, 8L);
	syscall(SYS_epoll_pwait, e, 8L, 4L, 0L, NULL, 8L);
	syscall(SYS_epoll_pwait, -1L, got, 4L, 0L, NULL, 8L);
	close(e0);
	close(e);
}

/* The times of the attr mode: i386's utimensat takes 32-bit ones, utimensat_time64 64-bit. */
struct ts64 {
	int64_t sec, nsec;
};

static void times_calls(int fd, int d, char *end)
{
	const struct timespec ts[2] = { { 1, 2 }, { 0, UTIME_OMIT } };
	const struct timespec now[2] = { { -1, UTIME_NOW }, { 1700000000, 5 } };
	const struct timespec bad[2] = { { 1, 1000000000 }, { 2, -5 } };
	const struct timeval tv[2] = { { 1, 2 }, { 3, 0 } };
	const struct timeval badtv[2] = { { 1, 0 }, { 3, 1000001 } };
	const long ub[2] = { -2, 0 };	/* signed on i386 too; 0 has no date */

	syscall(SYS_utimensat, AT_FDCWD, "a", ts, 0L);
	syscall(SYS_utimensat, d, "a", now, 0L);
	syscall(SYS_utimensat, fd, NULL, NULL, 0L);
	syscall(SYS_utimensat, AT_FDCWD, "a", bad, 0x4000L);
	syscall(SYS_utimensat, AT_FDCWD, "l", 8L, (long)AT_SYMLINK_NOFOLLOW);
	memcpy(end - sizeof(ts[0]), ts, sizeof(ts[0]));	/* atime readable, mtime not */
	syscall(SYS_utimensat, AT_FDCWD, "a", end - sizeof(ts[0]), 0L);
#ifdef SYS_utimensat_time64
	{
		const struct ts64 t64[2] = { { 1, 2 }, { 0x100000000LL, UTIME_NOW } };

		syscall(SYS_utimensat_time64, AT_FDCWD, "a", t64, 0L);
		syscall(SYS_utimensat_time64, fd, NULL, NULL, 0L);
	}
#endif
	syscall(SYS_utimes, "a", tv);
	syscall(SYS_utimes, "a", NULL);
	syscall(SYS_utimes, "a", badtv);
	syscall(SYS_futimesat, d, "a", tv);
	syscall(SYS_futimesat, AT_FDCWD, "a", 8L);
	syscall(SYS_utime, "a", ub);
	syscall(SYS_utime, "a", NULL);
	syscall(SYS_utime, "missing", ub);
}

static void owner_calls_attr(int fd, int d)
{
	long uid = (long)getuid(), gid = (long)getgid();

	syscall(SYS_chown, "a", -1L, -1L);
	syscall(SYS_lchown, "l", uid, -1L);
	syscall(SYS_fchown, fd, -1L, gid);
	syscall(SYS_fchownat, d, "l", -1L, -1L, (long)AT_SYMLINK_NOFOLLOW);
	syscall(SYS_fchownat, AT_FDCWD, "a", -1L, -1L, 0x4000L);
	/* a 16-bit id on i386's chown: 65535 is -1 there, 4000000000 is cut */
	syscall(SYS_chown, "missing", 65535L, (long)4000000000u);
	syscall(SYS_chown, 8L, -1L, -1L);
#ifdef SYS_chown32
	syscall(SYS_chown32, "missing", 65535L, (long)4000000000u);
	syscall(SYS_chown32, "a", -1L, -1L);
	syscall(SYS_lchown32, "l", uid, -1L);
	syscall(SYS_fchown32, fd, -1L, gid);
#endif
}

static void attr_calls(void)
{
	long page = sysconf(_SC_PAGESIZE);
	char *two = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char buf[64];
	int fd, d;

	munmap(two + page, page);
	fd = open("a", O_RDWR | O_CREAT | O_TRUNC, 0600);
	d = open(".", O_RDONLY | O_DIRECTORY);
	symlink("a", "l");
	symlink("a-longer\n\"target\xff", "l2");
	syscall(SYS_access, "a", (long)(R_OK | W_OK));
	syscall(SYS_access, "a", (long)F_OK);
	syscall(SYS_access, "missing", 0x10L);
	syscall(SYS_access, 8L, (long)R_OK);
	syscall(SYS_faccessat, AT_FDCWD, "a", (long)X_OK);
	syscall(SYS_faccessat, d, "a", (long)R_OK);
	syscall(SYS_faccessat2, AT_FDCWD, "a", (long)R_OK, (long)(AT_EACCESS | AT_SYMLINK_NOFOLLOW));
	syscall(SYS_faccessat2, AT_FDCWD, "a", 7L, 0x1234L);
	syscall(SYS_readlink, "l", buf, (long)sizeof(buf));
	syscall(SYS_readlink, "l", buf, 0L);
	syscall(SYS_readlink, "a", buf, (long)sizeof(buf));
	syscall(SYS_readlink, "l", 8L, (long)sizeof(buf));
	syscall(SYS_readlinkat, d, "l2", buf, (long)sizeof(buf));
	syscall(SYS_readlinkat, AT_FDCWD, "l2", buf, 3L);
	syscall(SYS_readlinkat, AT_FDCWD, "l2", buf, -1L);
	syscall(SYS_chmod, "a", 0644L);
	syscall(SYS_chmod, "a", 0107777L);
	syscall(SYS_fchmod, fd, 04755L);
	syscall(SYS_fchmodat, d, "a", 0600L);
	syscall(SYS_fchmodat, AT_FDCWD, "missing", 0L);
	syscall(SYS_chmod, 8L, 0L);
	owner_calls_attr(fd, d);
	times_calls(fd, d, two + page);
	close(d);
	close(fd);
}

static void xattr_calls(void)
{
	static const struct { const char *v; long n; } vals[] = {
		{ "value", 5 }, { "ab\0", 3 }, { "ab\0\0", 4 }, { "\0", 1 }, { "a\0b", 3 },
		{ "abcd\0", 5 }, { "\0\0\0\0\0", 5 }, { "a\0bcdef", 7 }, { "", 0 },
		{ "v\0\1\n\xff", 5 },
	};
	static char big[65537];
	char buf[64] = "zzzzzzzz";
	int fd = open("a", O_RDWR | O_CREAT | O_TRUNC, 0600);
	unsigned i;

	symlink("a", "l");
	for (i = 0; i < sizeof(vals) / sizeof(vals[0]); i++)
		syscall(SYS_setxattr, "a", "user.x", vals[i].v, vals[i].n, 0L);
	syscall(SYS_setxattr, "a", "user.y", "value", 5L, (long)XATTR_CREATE);
	syscall(SYS_setxattr, "a", "user.y", "value", 5L, (long)XATTR_CREATE);	/* EEXIST */
	syscall(SYS_setxattr, "a", "user.y", "value", 5L, 0x10L);
	syscall(SYS_lsetxattr, "l", "user.z", "zz", 2L, (long)XATTR_REPLACE);
	syscall(SYS_fsetxattr, fd, "user.w", "w", 1L, 0L);
	syscall(SYS_setxattr, "a", "user.big", big, (long)sizeof(big), 0L);	/* E2BIG, unread */
	syscall(SYS_setxattr, "a", 8L, "v", 1L, 0L);
	syscall(SYS_setxattr, "a", "user.v", 8L, 1L, 0L);
	syscall(SYS_getxattr, "a", "user.y", buf, (long)sizeof(buf));
	syscall(SYS_getxattr, "a", "user.y", NULL, 0L);
	syscall(SYS_getxattr, "a", "user.y", buf, 2L);
	syscall(SYS_lgetxattr, "l", "user.x", buf, (long)sizeof(buf));
	syscall(SYS_fgetxattr, fd, "user.nope", buf, (long)sizeof(buf));
	syscall(SYS_getxattr, "a", "user.w", 8L, 64L);
	syscall(SYS_listxattr, "a", buf, (long)sizeof(buf));
	syscall(SYS_listxattr, "a", NULL, 0L);
	syscall(SYS_listxattr, "a", buf, 0L);
	syscall(SYS_llistxattr, "l", buf, 3L);
	syscall(SYS_flistxattr, fd, buf, (long)sizeof(buf));
	syscall(SYS_removexattr, "a", "user.x");
	syscall(SYS_lremovexattr, "l", "user.nope");
	syscall(SYS_fremovexattr, fd, "user.y");
	syscall(SYS_removexattr, 8L, "user.y");
	close(fd);
}

static void xattr0_calls(void)
{
	char buf[16] = "zzzzzzzz";

	close(open("a", O_RDWR | O_CREAT | O_TRUNC, 0600));
	syscall(SYS_setxattr, "a", "user.y", "value", 5L, 0L);
	syscall(SYS_getxattr, "a", "user.y", buf, 0L);	/* the size, nothing written */
}

struct its64 {
	int64_t interval_sec, interval_nsec, value_sec, value_nsec;
};

static void timer_calls(void)
{
	struct itimerspec its = { { 0, 5 }, { 100, 0 } }, old;
	int t;

	t = syscall(SYS_timerfd_create, (long)CLOCK_MONOTONIC, (long)(TFD_CLOEXEC | TFD_NONBLOCK));
	syscall(SYS_timerfd_create, 99L, 0L);
	syscall(SYS_timerfd_create, (long)CLOCK_BOOTTIME, 0xffffffffL);
	syscall(SYS_timerfd_settime, t, 0L, &its, &old);
	syscall(SYS_timerfd_settime, t, (long)TFD_TIMER_ABSTIME, &its, NULL);
	syscall(SYS_timerfd_settime, t, 0xffffffffL, &its, &old);
	syscall(SYS_timerfd_settime, t, 0L, 8L, &old);
	its.it_interval.tv_nsec = -1;	/* EINVAL: prints unsigned, as strace */
	syscall(SYS_timerfd_settime, t, 0L, &its, NULL);
	its.it_interval.tv_nsec = 5;
	its.it_value.tv_sec = 0;	/* disarmed: gettime reads the same every run */
	syscall(SYS_timerfd_settime, t, 0L, &its, NULL);
	syscall(SYS_timerfd_gettime, t, &old);
	syscall(SYS_timerfd_gettime, t, 8L);
	syscall(SYS_timerfd_gettime, t, NULL);
#ifdef SYS_timerfd_settime64
	{
		struct its64 n = { 0, 7, 0, 0 }, o;

		syscall(SYS_timerfd_settime64, t, 0L, &n, &o);
		syscall(SYS_timerfd_gettime64, t, &o);
	}
#endif
	close(t);
}

static void fdkinds_calls(void)
{
	uint64_t set = 1u << (SIGUSR1 - 1), v;
	int e, s, i, w, f, p;

	e = syscall(SYS_eventfd2, 7L, (long)(EFD_CLOEXEC | EFD_NONBLOCK | EFD_SEMAPHORE));
	syscall(SYS_eventfd2, 0xffffffffL, 0xffffffffL);
	close(syscall(SYS_eventfd, 3L));
	read(e, &v, 8);
	v = 2;
	write(e, &v, 8);
	s = syscall(SYS_signalfd4, -1L, &set, 8L, (long)(SFD_CLOEXEC | SFD_NONBLOCK));
	syscall(SYS_signalfd4, s, &set, 8L, 0L);
	close(syscall(SYS_signalfd, -1L, &set, 8L));
	syscall(SYS_signalfd4, -1L, 8L, 8L, 0L);
	syscall(SYS_signalfd4, -1L, NULL, 8L, 0xffffffffL);
	syscall(SYS_signalfd, -1L, &set, 4L);
	timer_calls();
	i = syscall(SYS_inotify_init1, (long)(IN_NONBLOCK | IN_CLOEXEC));
	close(syscall(SYS_inotify_init));
	syscall(SYS_inotify_init1, 0xffffffffL);
	w = syscall(SYS_inotify_add_watch, i, ".", (long)(IN_MODIFY | IN_CREATE | IN_ONLYDIR));
	syscall(SYS_inotify_add_watch, i, ".", 0xffffffffL);
	syscall(SYS_inotify_add_watch, i, 8L, (long)IN_OPEN);
	syscall(SYS_inotify_rm_watch, i, (long)w);
	syscall(SYS_inotify_rm_watch, i, -1L);
	/* fanotify: refused without CAP_SYS_ADMIN, the same lines either way */
	f = syscall(SYS_fanotify_init, (long)(FAN_CLASS_NOTIF | FAN_CLOEXEC), (long)O_RDONLY);
	syscall(SYS_fanotify_init, 0xffffffffL, 0xffffffffL);
	syscall(SYS_fanotify_init, 0xcL, 0L);
	syscall(SYS_fanotify_init, 0xe04L, 2L);
	syscall(SYS_fanotify_mark, f, (long)FAN_MARK_ADD, (long)(FAN_OPEN | FAN_CLOSE_WRITE), (long)AT_FDCWD, ".");
	syscall(SYS_fanotify_mark, f, (long)(FAN_MARK_ADD | FAN_MARK_MOUNT), (long)FAN_ACCESS, -1L, NULL);
#ifdef __i386__
	syscall(SYS_fanotify_mark, 99L, 0xffffffffL, 0xffffffffL, 0xffffffffL, 3L, "x");
	syscall(SYS_fanotify_mark, 99L, 0x110L, 0L, 0x10L, 3L, "x");
#else
	syscall(SYS_fanotify_mark, 99L, 0xffffffffL, 0xffffffffffffffffL, 3L, "x");
	syscall(SYS_fanotify_mark, 99L, 0x110L, 0x1000000000L, 3L, "x");
#endif
	close(f);
	p = syscall(SYS_pidfd_open, (long)getpid(), 0L);
	close(syscall(SYS_pidfd_getfd, p, (long)e, 0L));
	syscall(SYS_pidfd_getfd, p, -1L, 0xffL);
	close(syscall(SYS_pidfd_open, (long)getpid(), (long)PIDFD_NONBLOCK));
	syscall(SYS_pidfd_open, 0L, 0xffffffffL);
	syscall(SYS_pidfd_open, -1L, 0L);
	close(p);
	syscall(SYS_userfaultfd, 0xffffffffL);
	syscall(SYS_memfd_secret, 0x1L);
	close(i);
	close(s);
	close(e);
}

static void statfs_calls(void)
{
	static char buf[128];	/* room for struct statfs and statfs64 */
	int fd = open("/proc", O_RDONLY | O_DIRECTORY);

	syscall(SYS_statfs, "/proc", buf);
	syscall(SYS_fstatfs, fd, buf);
	syscall(SYS_statfs, "missing", buf);
	syscall(SYS_statfs, "/proc", 8L);
	syscall(SYS_fstatfs, 99, buf);
#ifdef SYS_statfs64
	syscall(SYS_statfs64, "/proc", 84L, buf);
	syscall(SYS_fstatfs64, fd, 84L, buf);
	syscall(SYS_statfs64, "/proc", 88L, buf);	/* EINVAL: not the kernel's size */
	syscall(SYS_fstatfs64, fd, 84L, 8L);
#endif
	close(fd);
}

static void nodes_calls(void)
{
	int d = open(".", O_RDONLY | O_DIRECTORY);

	syscall(SYS_mknod, "fifo", (long)(S_IFIFO | 0644), 0L);
	syscall(SYS_mknod, "plain", 0600L, 0L);
	syscall(SYS_mknodat, d, "sock", (long)(S_IFSOCK | 04755), 0L);
	syscall(SYS_mknod, "null", (long)(S_IFCHR | 0600), (long)makedev(1, 3));
	syscall(SYS_mknodat, AT_FDCWD, "blk", (long)(S_IFBLK | 0600), 0xffffffffL);
	syscall(SYS_mknodat, d, "dir", (long)(S_IFDIR | 0700), 5L);
	syscall(SYS_mknod, "bad", 0170777L, 0L);
	syscall(SYS_mknod, "big", 0x12345678L, 0L);
	syscall(SYS_mknod, 8L, (long)S_IFIFO, 0L);
	close(d);
}

static void cwd_calls(void)
{
	char buf[PATH_MAX_HELPER];
	int d = open(".", O_RDONLY | O_DIRECTORY);

	syscall(SYS_getcwd, buf, (long)sizeof(buf));
	syscall(SYS_chdir, "/");
	syscall(SYS_getcwd, buf, 2L);
	syscall(SYS_getcwd, buf, 1L);
	syscall(SYS_fchdir, d);
	syscall(SYS_getcwd, buf, (long)sizeof(buf));
	syscall(SYS_chdir, "missing");
	syscall(SYS_fchdir, 99);
	syscall(SYS_chroot, "/nonexistent");
	syscall(SYS_chdir, 8L);
	syscall(SYS_getcwd, 8L, 64L);
	syscall(SYS_getcwd, NULL, 0L);
	close(d);
}

static void mqueue_calls(void)
{
	struct { long flags, maxmsg, msgsize, curmsgs, pad[4]; } attr = { 0, 4, 64, 0, { 0 } }, old;
	const struct timespec ts = { 0, 0 };
	struct sigevent sev;
	char name[32], buf[64], dir[4096];
	uint32_t h = 2166136261u;
	unsigned prio, i;
	int q;

	if (!getcwd(dir, sizeof(dir)))
		return;
	for (i = 0; dir[i]; i++)	/* FNV-1a */
		h = (h ^ (unsigned char)dir[i]) * 16777619u;
	snprintf(name, sizeof(name), "iotrace-%08x", h);
	syscall(SYS_mq_unlink, name);	/* a run before that died */
	q = syscall(SYS_mq_open, name, (long)(O_RDWR | O_CREAT | O_EXCL), 0600L, &attr);
	syscall(SYS_mq_timedsend, q, "hello", 5L, 3L, NULL);
	syscall(SYS_mq_timedsend, q, "a\0b\n", 4L, 0L, &ts);
	syscall(SYS_mq_timedreceive, q, buf, 64L, &prio, NULL);
	syscall(SYS_mq_timedreceive, q, buf, 64L, NULL, &ts);
	syscall(SYS_mq_timedreceive, q, buf, 64L, &prio, &ts);	/* ETIMEDOUT */
	syscall(SYS_mq_timedsend, q, "too big", 7L, 0L, NULL);
	syscall(SYS_mq_timedreceive, q, buf, 8L, &prio, &ts);	/* EMSGSIZE */
	syscall(SYS_mq_timedsend, q, 8L, 5L, 0L, NULL);
	syscall(SYS_mq_timedsend, q, "x", 1L, 99999L, NULL);	/* EINVAL */
#ifdef SYS_mq_timedsend_time64
	{
		struct { int64_t sec, nsec; } ts64 = { 0, 0 };

		syscall(SYS_mq_timedsend_time64, q, "t64", 3L, 1L, &ts64);
		syscall(SYS_mq_timedreceive_time64, q, buf, 64L, &prio, &ts64);
	}
#endif
	syscall(SYS_mq_getsetattr, q, NULL, &old);
	attr.flags = O_NONBLOCK;
	syscall(SYS_mq_getsetattr, q, &attr, &old);
	syscall(SYS_mq_getsetattr, q, NULL, 8L);
	memset(&sev, 0, sizeof(sev));
	sev.sigev_notify = SIGEV_NONE;
	syscall(SYS_mq_notify, q, &sev);
	syscall(SYS_mq_notify, q, NULL);
	sev.sigev_notify = SIGEV_SIGNAL;
	sev.sigev_signo = SIGUSR2;
	sev.sigev_value.sival_int = 7;
	syscall(SYS_mq_notify, q, &sev);
	syscall(SYS_mq_notify, q, NULL);
	sev.sigev_notify = SIGEV_THREAD;
	sev.sigev_value.sival_int = 0;
	syscall(SYS_mq_notify, q, &sev);	/* EFAULT: no function */
	sev.sigev_notify = 4;	/* SIGEV_THREAD_ID */
	syscall(SYS_mq_notify, q, &sev);
	sev.sigev_notify = 99;
	syscall(SYS_mq_notify, q, &sev);
	syscall(SYS_mq_notify, q, 8L);
	syscall(SYS_mq_open, "iotrace-none", (long)O_RDONLY, 0L, NULL);
	syscall(SYS_mq_open, name, (long)(O_WRONLY | O_CREAT), 0640L, 8L);
	close(q);
	syscall(SYS_mq_unlink, name);
	syscall(SYS_mq_unlink, name);
}

static void handle_calls(void)
{
	struct { uint32_t bytes; int type; unsigned char h[128]; } fh = { 128, 0, { 0 } },
		small = { 0, 0, { 0 } }, stale = { 8, 255, { 0 } };
	int mnt, root = open("/", O_RDONLY | O_DIRECTORY);

	syscall(SYS_name_to_handle_at, AT_FDCWD, "/", &fh, &mnt, 0L);
	syscall(SYS_name_to_handle_at, AT_FDCWD, "/", &small, &mnt, (long)AT_SYMLINK_FOLLOW);
	syscall(SYS_name_to_handle_at, AT_FDCWD, "/", 8L, &mnt, 0L);
	syscall(SYS_name_to_handle_at, AT_FDCWD, "/", &fh, &mnt, 0x4000L);
	syscall(SYS_name_to_handle_at, AT_FDCWD, "missing", &fh, &mnt, 0L);
	close(syscall(SYS_open_by_handle_at, root, &fh, (long)(O_RDONLY | O_DIRECTORY)));
	syscall(SYS_open_by_handle_at, root, 8L, (long)O_RDONLY);
	syscall(SYS_open_by_handle_at, root, &stale, (long)O_RDONLY);
	close(root);
}

static void pidfd_calls(void)
{
	int ready[2], done[2], p;
	pid_t child;
	char b;

	if (pipe(ready) || pipe(done))
		return;
	child = fork();
	if (!child) {
		dup2(open("/dev/null", O_RDONLY), 9);
		write(ready[1], "r", 1);
		read(done[0], &b, 1);
		_exit(0);
	}
	read(ready[0], &b, 1);
	p = syscall(SYS_pidfd_open, (long)child, 0L);
	close(syscall(SYS_pidfd_getfd, p, 9L, 0L));
	write(done[1], "d", 1);
	waitpid(child, NULL, 0);
	close(p);
}

/* /dev/null: its inode, owner and times stay put, so -v prints the same every run. */
static void statdev_calls(void)
{
	static char buf[256];
	int fd = open("/dev/null", O_RDONLY);

	stat_fd(fd, buf);
	stat_at(AT_FDCWD, "/dev/null", buf, 0);
	syscall(SYS_statx, fd, "", AT_EMPTY_PATH, 0xfff, statxbuf);	/* STATX_ALL */
	close(fd);
}

int main(int argc, char **argv)
{
	static const struct { const char *name; void (*fn)(void); } modes[] = {
		{ "open", open_calls }, { "dup", dup_calls }, { "fcntl", fcntl_calls },
		{ "pipe", pipe_calls }, { "seek", seek_calls }, { "sync", sync_calls },
		{ "map", map_calls }, { "anon", anon_calls }, { "bad", bad_calls },
		{ "newer", newer_calls }, { "commit", commit_calls }, { "commits", many_commits },
		{ "anonloop", anonloop_calls }, { "owner", owner_calls }, { "writes", many_writes },
		{ "stat", stat_calls }, { "statdev", statdev_calls }, { "dirents", dirents_calls },
		{ "names", names_calls }, { "poll", poll_calls }, { "attr", attr_calls },
		{ "xattr", xattr_calls }, { "xattr0", xattr0_calls },
		{ "fdkinds", fdkinds_calls }, { "statfs", statfs_calls }, { "nodes", nodes_calls },
		{ "cwd", cwd_calls }, { "mqueue", mqueue_calls },
		{ "pidfd", pidfd_calls }, { "handles", handle_calls },
	};
	size_t i;

	if (argc != 2)
		return 2;
	fresh();
	for (i = 0; i < sizeof(modes) / sizeof(modes[0]); i++)
		if (!strcmp(argv[1], modes[i].name)) {
			modes[i].fn();
			return 0;
		}
	return 2;
}
