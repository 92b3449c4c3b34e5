/*
 * A process that is its own FUSE server: iotrace must not block on it.
 * usage: fusewrite MOUNTPOINT [big]
 * Mounts an in-memory file system holding one file, "data", serves it from
 * a second thread (fuse_session_loop), and from the main thread writes
 * "fuse-payload" (or 100000 'A's with "big") in one write(2), closes,
 * reads it back and prints "read back: ...".  The main thread's write
 * only completes once the server thread, a thread of the same traced
 * process, has read and answered the request from /dev/fuse.
 * Exit: 0 ok, 1 failure, 2 watchdog, 77 cannot mount (the test skips).
 */
#define _GNU_SOURCE
#define FUSE_USE_VERSION 34
#include <errno.h>
#include <fcntl.h>
#include <fuse_lowlevel.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#define DATA_INO	2
#define DATA_NAME	"data"
#define DATA_MAX	(1024 * 1024)
#define BIG_SIZE	100000

static char data[DATA_MAX];	/* bytes past data_len are kept zero */
static size_t data_len;		/* only the server thread touches data */

static const char *mountpoint;
static volatile sig_atomic_t fuse_fd = -1;	/* for the watchdog */
static char mount_err[256];	/* last libfuse message while mounting */
static int capturing;

/* ---- the file system (runs in the server thread) ---- */

static void fill_attr(fuse_ino_t ino, struct stat *st)
{
	memset(st, 0, sizeof(*st));
	st->st_ino = ino;
	st->st_uid = getuid();
	st->st_gid = getgid();
	if (ino == FUSE_ROOT_ID) {
		st->st_mode = S_IFDIR | 0755;
		st->st_nlink = 2;
	} else {
		st->st_mode = S_IFREG | 0644;
		st->st_nlink = 1;
		st->st_size = data_len;
	}
}

/* Timeouts of 0: every stat and lookup reaches us, the size is never stale. */
static void fill_entry(struct fuse_entry_param *e)
{
	memset(e, 0, sizeof(*e));
	e->ino = DATA_INO;
	fill_attr(DATA_INO, &e->attr);
}

static void set_len(size_t len)
{
	if (len < data_len)
		memset(data + len, 0, data_len - len);
	data_len = len;
}

static void fs_lookup(fuse_req_t req, fuse_ino_t parent, const char *name)
{
	struct fuse_entry_param e;

	if (parent != FUSE_ROOT_ID || strcmp(name, DATA_NAME)) {
		fuse_reply_err(req, ENOENT);
		return;
	}
	fill_entry(&e);
	fuse_reply_entry(req, &e);
}

static void fs_getattr(fuse_req_t req, fuse_ino_t ino,
		       struct fuse_file_info *fi)
{
	struct stat st;

	(void)fi;
	fill_attr(ino, &st);
	fuse_reply_attr(req, &st, 0);
}

/* Only a size change (truncate, O_TRUNC) means anything here. */
static void fs_setattr(fuse_req_t req, fuse_ino_t ino, struct stat *attr,
		       int to_set, struct fuse_file_info *fi)
{
	struct stat st;

	(void)fi;
	if (ino != DATA_INO) {
		fuse_reply_err(req, EPERM);
		return;
	}
	if (to_set & FUSE_SET_ATTR_SIZE) {
		if (attr->st_size < 0 || attr->st_size > DATA_MAX) {
			fuse_reply_err(req, EFBIG);
			return;
		}
		set_len(attr->st_size);
	}
	fill_attr(ino, &st);
	fuse_reply_attr(req, &st, 0);
}

/*
 * direct_io: each read(2)/write(2) becomes FUSE requests right away,
 * no page cache, no readahead, so what the tracee does is what we see.
 */
static void open_data(struct fuse_file_info *fi)
{
	fi->direct_io = 1;
	if (fi->flags & O_TRUNC)	/* with atomic_o_trunc no setattr comes */
		set_len(0);
}

static void fs_open(fuse_req_t req, fuse_ino_t ino, struct fuse_file_info *fi)
{
	if (ino != DATA_INO) {
		fuse_reply_err(req, EISDIR);
		return;
	}
	open_data(fi);
	fuse_reply_open(req, fi);
}

static void fs_create(fuse_req_t req, fuse_ino_t parent, const char *name,
		      mode_t mode, struct fuse_file_info *fi)
{
	struct fuse_entry_param e;

	(void)mode;
	if (parent != FUSE_ROOT_ID || strcmp(name, DATA_NAME)) {
		fuse_reply_err(req, EPERM);	/* one file, no more */
		return;
	}
	open_data(fi);
	fill_entry(&e);
	fuse_reply_create(req, &e, fi);
}

static void fs_read(fuse_req_t req, fuse_ino_t ino, size_t size, off_t off,
		    struct fuse_file_info *fi)
{
	(void)ino;
	(void)fi;
	if (off < 0 || (size_t)off >= data_len) {
		fuse_reply_buf(req, NULL, 0);
		return;
	}
	if (size > data_len - off)
		size = data_len - off;
	fuse_reply_buf(req, data + off, size);
}

static void fs_write(fuse_req_t req, fuse_ino_t ino, const char *buf,
		     size_t size, off_t off, struct fuse_file_info *fi)
{
	(void)ino;
	(void)fi;
	if (off < 0 || off > DATA_MAX || size > (size_t)(DATA_MAX - off)) {
		fuse_reply_err(req, EFBIG);
		return;
	}
	memcpy(data + off, buf, size);
	if (off + size > data_len)
		data_len = off + size;
	fuse_reply_write(req, size);
}

/* Nothing is buffered, so flush, fsync and release have nothing to do. */
static void fs_ok(fuse_req_t req, fuse_ino_t ino, struct fuse_file_info *fi)
{
	(void)ino;
	(void)fi;
	fuse_reply_err(req, 0);
}

static void fs_fsync(fuse_req_t req, fuse_ino_t ino, int datasync,
		     struct fuse_file_info *fi)
{
	(void)datasync;
	fs_ok(req, ino, fi);
}

static const struct fuse_lowlevel_ops fs_ops = {
	.lookup		= fs_lookup,
	.getattr	= fs_getattr,
	.setattr	= fs_setattr,
	.open		= fs_open,
	.create		= fs_create,
	.read		= fs_read,
	.write		= fs_write,
	.flush		= fs_ok,
	.release	= fs_ok,
	.fsync		= fs_fsync,
};

static void *serve(void *arg)
{
	fuse_session_loop(arg);
	return NULL;
}

/* ---- plumbing ---- */

/* While mounting, keep libfuse's complaint for our single error line. */
static void log_func(enum fuse_log_level level, const char *fmt, va_list ap)
{
	size_t n;

	(void)level;
	if (!capturing) {
		vfprintf(stderr, fmt, ap);
		return;
	}
	vsnprintf(mount_err, sizeof(mount_err), fmt, ap);
	n = strlen(mount_err);
	while (n && mount_err[n - 1] == '\n')
		mount_err[--n] = '\0';
}

/*
 * Watchdog, handled in the server thread (main blocks SIGALRM while the
 * server runs).  A plain fatal signal is not enough: main may wait on a
 * request the server already took, and such a wait ends only when the
 * connection is aborted, i.e. when /dev/fuse is closed, which exiting
 * cannot do while main still holds the fd table: a D-state hang.  So
 * detach the mount, close the fd here (the last reference aborts the
 * connection) and exit at once.
 */
static void on_alarm(int sig)
{
	static const char msg[] = "fusewrite: watchdog expired\n";

	(void)sig;
	if (write(2, msg, sizeof(msg) - 1) < 0) {
		/* nothing to do */
	}
	umount2(mountpoint, MNT_DETACH);
	if (fuse_fd >= 0)
		close(fuse_fd);
	_exit(2);
}

static void block_alarm(int how)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGALRM);
	pthread_sigmask(how, &set, NULL);
}

static struct fuse_session *mount_fs(void)
{
	char *argv[] = { "fusewrite", "-o", "fsname=fusewrite", NULL };
	struct fuse_args args = FUSE_ARGS_INIT(3, argv);
	struct fuse_session *se;

	capturing = 1;
	se = fuse_session_new(&args, &fs_ops, sizeof(fs_ops), NULL);
	if (!se)
		goto out;
	if (fuse_session_mount(se, mountpoint)) {
		fuse_session_destroy(se);
		se = NULL;
		goto out;
	}
	fuse_fd = fuse_session_fd(se);
out:
	capturing = 0;
	if (!se)
		/* fusermount3 (not root) writes its reasons itself */
		fprintf(stderr, "fusewrite: cannot mount: %s\n",
			mount_err[0] ? mount_err : "fusermount3 failed");
	return se;
}

/*
 * Stop the server.  Unmounting aborts the connection, so the server
 * thread's read of /dev/fuse fails with ENODEV and its loop ends.  As
 * root we unmount ourselves first, so the thread is done before libfuse
 * closes the fd under it; otherwise fusermount3 has to do it.
 */
static int unmount_fs(struct fuse_session *se, pthread_t server)
{
	int err;

	fuse_session_exit(se);
	fuse_fd = -1;	/* libfuse closes it below */
	if (umount2(mountpoint, 0) == 0) {
		err = pthread_join(server, NULL);
		fuse_session_unmount(se);	/* sees the abort, closes the fd */
	} else {
		fuse_session_unmount(se);
		err = pthread_join(server, NULL);
	}
	block_alarm(SIG_UNBLOCK);
	fuse_session_destroy(se);
	return err ? -1 : 0;
}

/* ---- the client (main thread) ---- */

static int write_file(const char *path, const char *buf, size_t len)
{
	int fd, ret = -1;
	ssize_t n;

	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
	if (fd < 0) {
		perror("fusewrite: open for writing");
		return -1;
	}
	n = write(fd, buf, len);	/* exactly one write(2) */
	if (n < 0)
		perror("fusewrite: write");
	else if ((size_t)n != len)
		fprintf(stderr, "fusewrite: short write: %zd\n", n);
	else
		ret = 0;
	if (close(fd)) {
		perror("fusewrite: close");
		ret = -1;
	}
	return ret;
}

/* Read all of path into buf; one byte of room more than expected catches
 * a file that is too long. */
static ssize_t read_file(const char *path, char *buf, size_t size)
{
	size_t got = 0;
	ssize_t n;
	int fd;

	fd = open(path, O_RDONLY);
	if (fd < 0) {
		perror("fusewrite: open for reading");
		return -1;
	}
	while (got < size) {
		n = read(fd, buf + got, size - got);
		if (n < 0) {
			perror("fusewrite: read");
			got = (size_t)-1;
			break;
		}
		if (!n)
			break;
		got += n;
	}
	close(fd);
	return got;
}

static int check(const char *path, int big)
{
	size_t len = big ? BIG_SIZE : 12;
	char *out, *in;
	ssize_t got;
	int ret = -1;

	out = malloc(len);
	in = malloc(len + 1);
	if (!out || !in)
		goto cleanup;
	if (big)
		memset(out, 'A', len);
	else
		memcpy(out, "fuse-payload", len);
	if (write_file(path, out, len))
		goto cleanup;
	got = read_file(path, in, len + 1);
	if (got < 0)
		goto cleanup;
	if ((size_t)got != len || memcmp(in, out, len)) {
		fprintf(stderr, "fusewrite: mismatch: read %zd bytes\n", got);
		goto cleanup;
	}
	if (big)
		printf("read back: %zu bytes\n", len);
	else
		printf("read back: %.*s\n", (int)len, in);
	fflush(stdout);
	ret = 0;
cleanup:
	free(out);
	free(in);
	return ret;
}

int main(int argc, char **argv)
{
	struct fuse_session *se;
	pthread_t server;
	char *path;
	int big, ret = 1;

	/* Test harnesses leave fds open; the traced fd numbers must not vary. */
	close_range(3, ~0u, 0);

	if (argc < 2 || argc > 3 || (argc == 3 && strcmp(argv[2], "big"))) {
		fprintf(stderr, "usage: fusewrite MOUNTPOINT [big]\n");
		return 1;
	}
	mountpoint = argv[1];
	big = argc == 3;
	if (asprintf(&path, "%s/%s", mountpoint, DATA_NAME) < 0)
		return 1;
	signal(SIGALRM, on_alarm);
	alarm(20);
	fuse_set_log_func(log_func);

	/* Mounted now; the kernel queues requests until the loop reads them. */
	se = mount_fs();
	if (!se) {
		ret = 77;
		goto out;
	}
	/* The new thread inherits the mask: it gets SIGALRM, main does not. */
	if (pthread_create(&server, NULL, serve, se)) {
		fprintf(stderr, "fusewrite: cannot create server thread\n");
		fuse_session_unmount(se);
		fuse_session_destroy(se);
		goto out;
	}
	block_alarm(SIG_BLOCK);

	ret = check(path, big) ? 1 : 0;
	if (unmount_fs(se, server))
		ret = 1;
out:
	free(path);
	return ret;
}
