#ifndef IOTRACE_CALL_H
#define IOTRACE_CALL_H

/*
 * A decoded call: typed arguments, nested where the kernel nests them,
 * and the result.  Decoders build it (decoders/), the reader fills in
 * what lies in the tracee's memory (call/fetch.c), policies act on it
 * and renderers print it.
 */

#include <stdint.h>
#include <stddef.h>
#include <string.h>
#include <sys/types.h>
#include "util/arch.h"
#include "syscalls/syscalls.h"
#include "call/buf_arg.h"
#include "call/layout.h"

/*
 * An io_uring entry an operation's decoder describes (URING_OP rows):
 * the submission as the program wrote it, and for a completion its
 * flags (the result is the event's rval).
 */
#define SQE_SIZE 64	/* the part every entry has; SQE128's second half is a command's */
struct ring_entry {
	const unsigned char *sqe;	/* SQE_SIZE bytes */
	uint32_t cqe_flags;
	int fixed_fd;		/* IOSQE_FIXED_FILE: the fd its file was registered from, or -1 */
};

/* One syscall stop, as the tracer saw it. */
struct sc_event {
	pid_t tid;
	enum arch arch;
	unsigned id;		/* enum sc_id */
	uint64_t nr;
	uint64_t args[6];	/* saved at entry; exit stops carry no args */
	int exiting;
	int64_t rval;		/* at exit: result, or -errno when is_error */
	int is_error;
	const struct ring_entry *ring;	/* URING_OP rows: the entry (exiting: its completion) */
};

/* Arguments a call shows: a syscall's six, or a ring entry's fields. */
#define CALL_ARGS_MAX 12

enum arg_type {
	ARG_INT,	/* signed decimal */
	ARG_UINT,	/* unsigned decimal */
	ARG_FD,		/* file descriptor, signed decimal */
	ARG_PID,	/* process id, renumbered by --normalize */
	ARG_ADDR,	/* pointer, hex or NULL */
	ARG_BUF,	/* counted byte buffer read from the tracee */
	ARG_ARRAY,	/* pointer to an array of structs of a layout (iovecs...) */
	ARG_STRUCT,	/* pointer to one struct of a layout */
	ARG_FLAGS,	/* bit flags named from an xlat list */
	ARG_OFFPTR,	/* pointer to a file offset, shown before and after */
	ARG_ENUM,	/* a value named from an xlat list */
	ARG_STR,	/* a NUL-terminated string read from the tracee (a path, a name) */
	ARG_DIRFD,	/* a directory fd, or AT_FDCWD */
	ARG_MODE,	/* a file mode, in octal */
	ARG_SIG,	/* a signal number */
	ARG_HEX,	/* a number shown in hex (an mmap offset, an unknown command's argument) */
	ARG_SOCKADDR,	/* a socket address: its bytes, printed by family */
	ARG_COOKIE,	/* a program's own tag (io_uring's user_data), hex; a pointer often */
	ARG_SOCKOPT,	/* a socket option's value: its bytes, printed as enum sockopt_form says */
	ARG_DIRENTS,	/* a directory's entries (getdents64): the bytes of its records */
	ARG_SIGSET,	/* a signal set, its size the call's sigsetsize: [USR1 TERM] */
	ARG_FDSET,	/* select's fd_set: a bitmap of len fds, [3 40] */
	ARG_STMODE,	/* a file's type and mode (mknod's): S_IFCHR|0600 */
	ARG_DEV,	/* a device number: makedev(0x1, 0x3) */
};

/*
 * How a socket option's value prints (render/sockopt.c has the rules
 * that depend on its length): the decoder knows the option.
 */
enum sockopt_form {
	SOCKOPT_ANY,	/* 4 bytes: [int]; else the bytes as a string, cut at -s */
	SOCKOPT_INT,	/* an int option: [int]; fewer bytes returned: those bytes in hex;
			 * with a .layout, its one bare F_ENUM field names the int */
	SOCKOPT_INTS,	/* an array of ints as long as the value ([1, 2]) */
	SOCKOPT_STRUCT,	/* a struct of the arg's .layout; fewer bytes returned: the fields they hold */
	SOCKOPT_ADDR,	/* the address alone (too short to be the option, or not decoded) */
};

/* Bytes of an option's value read beyond -s, so that its int or struct forms print at -s 0. */
#define SOCKOPT_FIXED_MAX 32

/* openat(2)'s "the current directory" dirfd. */
#define AT_FDCWD_VAL (-100)

/* How far a string argument is read: a path as the kernel takes it, a name within -s. */
enum str_kind {
	STR_PATH = 1,	/* up to PATH_MAX bytes, never cut by -s */
	STR_NAME,	/* up to -s bytes, then "..." */
};
#define PATH_MAX_BYTES 4096

/*
 * How the result prints, when the syscall list's result kind is not
 * enough (fcntl's depends on its command).
 */
enum result_form {
	RES_LIST,	/* as the list's result kind says */
	RES_FD,		/* a new fd (-y shows its file) */
	RES_FLAGS,	/* "0x8002 (flags O_RDWR|O_LARGEFILE)" */
	RES_NAMED,	/* "0x2 (F_UNLCK)": a value and its name */
	RES_SIGNAL,	/* "10 (SIGUSR1)" */
	RES_PID,	/* a process id (--normalize renumbers it) */
};

#define IOV_FETCH_MAX 1024	/* UIO_MAXIOV: the kernel refuses more; no array reads more */

/*
 * The bytes one call may hold to show, over all its buffers and array
 * elements: -s, but at least this.  Past it, a buffer ends in "..." as
 * past -s, and an array ends in "..." before the first element it has
 * no bytes left for.  With at most IOV_FETCH_MAX elements an array, what
 * a call holds does not grow with the tracee's counts and lengths.
 */
#define CALL_SHOW_BUDGET (64 * 1024)

enum agg_state {
	AGG_PENDING,		/* not read yet */
	AGG_DONE,
};

/*
 * A pointer to structs of a layout: an array argument, a struct argument,
 * or one that a field of another leads to.  Only the elements to print
 * (or that a policy claims) are read, never more than IOV_FETCH_MAX,
 * whatever the tracee's count says.  The pointers each element leads to
 * are followed through slots, @nptr an element (layout_pointers()).
 */
struct agg_arg {
	const struct layout *layout;
	uint64_t addr;
	uint64_t count;		/* elements as passed (1 for a struct) */
	uint64_t limit;		/* payload bytes that count (a read's result); else UINT64_MAX */
	unsigned want;		/* elements to read */
	unsigned got;		/* elements read */
	unsigned show;		/* elements to print: -s (or -v) of them, within the budget */
	unsigned slots;		/* element 0's first slot in call->slots, plus 1; 0: none */
	unsigned char nptr;	/* slots an element: the layout's followed fields */
	unsigned char with_data;	/* follow pointers (else: addresses only) */
	unsigned char overflow;	/* count * element size overflows: print the address */
	unsigned char read_all;	/* a policy wants every element (up to IOV_FETCH_MAX) */
	unsigned char one;	/* a pointer to one struct, not an array: -s does not cut it */
	unsigned char whole;	/* an array -s does not cut (pipe's pair) */
	unsigned char state;	/* enum agg_state */
	unsigned char at_exit;	/* read at the call's exit (fd fields name their files then) */
	unsigned char parsed;	/* read and parsed (or nothing to read): its nodes exist */
	unsigned char elem_limit;	/* each element's payload is cut at its field .limit */
	unsigned char has_before;	/* also read at entry, into @before (inout fields) */
	unsigned char before_only;	/* the call failed: print the inout fields as at entry */
	unsigned char inout_only;	/* the call failed: print the inout fields, "before => after" */
	unsigned char left_after;	/* print as at entry; as at exit after the result (left ...) */
	unsigned short ext;	/* extensible struct: the size the caller passed, at most a page */
	uint64_t outer;		/* what counts its LEN_OUTER arrays */
	struct buf_arg raw;	/* the elements' bytes as read */
	struct buf_arg before;	/* with has_before: the elements' bytes at entry */
};

struct xlat_list;

struct flags_arg {
	uint64_t val;
	const struct xlat_list *names;
};

/*
 * A pointer to an offset the kernel reads and updates (sendfile, splice,
 * copy_file_range): the value at entry, and after a transfer the new one.
 */
struct offptr_arg {
	uint64_t addr;
	uint64_t old, new;
	unsigned char size;		/* 4 (i386 sendfile's off_t) or 8 */
	unsigned char is_signed;	/* loff_t prints signed, sendfile's unsigned */
	unsigned char old_ok, new_ok;	/* read successfully */
	unsigned char want_new;		/* the call moved it: read it at exit */
	unsigned char reading;		/* 0 none, 1 old, 2 new: a read is queued */
	unsigned char inout;		/* a length in and out (socklen_t): [v] when it did not change */
	struct buf_arg raw;
};

/* What an fd referred to at syscall entry (-y, -P): readlink of /proc/TID/fd/N. */
struct fd_path {
	size_t off;		/* in the arena */
	unsigned short len;	/* 0: unknown (closed, or not asked) */
	unsigned char pending;
	/*
	 * -yy: a socket's endpoints ("TCP:[127.0.0.1:80->...]") replace its
	 * "socket:[ino]", quoted already; @ino still names the socket.
	 */
	unsigned char described;
	/* -yy: 'c' or 'b' when the path is a character or block device, numbered major:minor */
	char device;
	unsigned major, minor;
	uint64_t ino;
};

struct arg {
	const char *name;	/* the kernel's parameter name */
	enum arg_type type;
	unsigned char at_exit;	/* value only known at syscall exit */
	unsigned char filled;
	unsigned char str;	/* ARG_STR: enum str_kind */
	/*
	 * ARG_SOCKADDR, ARG_SOCKOPT: 1 + the socklen argument saying its
	 * length; ARG_FD: 1 + the pidfd argument whose process the fd is
	 * in (pidfd_getfd's targetfd); or 0
	 */
	unsigned char len_arg;
	unsigned char sockopt;	/* ARG_SOCKOPT: enum sockopt_form */
	const struct layout *layout;	/* ARG_SOCKOPT with SOCKOPT_STRUCT: the struct */
	unsigned char named;	/* printed as "name=value" (a ring entry's fields past its twin's) */
	unsigned char after_result;	/* text: printed after the result, " (...)" (poll's revents) */
	const char *none_name;		/* ARG_DIRFD: the name of -1 (fanotify_mark's FAN_NOFD) */
	struct fd_path path;	/* ARG_FD, ARG_DIRFD */
	union {
		int64_t i;
		uint64_t u;
		struct buf_arg buf;
		struct agg_arg agg;
		struct flags_arg flags;
		struct offptr_arg off;
	} v;
};

/*
 * The payload of the last array read with data.  Loops tend to pass the
 * same array pointing at the same buffers: once that has been seen
 * twice, the next read of the array fetches the elements' data
 * speculatively in the same process_vm_readv, and a guess that no longer
 * holds costs its bytes, not a syscall.
 */
#define GUESS_MAX 32

struct guess {
	uint64_t addr, count;	/* the array */
	unsigned n;		/* elements recorded */
	unsigned char sure;	/* the last two reads agreed: speculate */
	uint64_t base[GUESS_MAX];
	uint64_t len[GUESS_MAX];
	size_t want[GUESS_MAX];	/* bytes shown */
};

/* How a write-side call places its data in the file it writes to. */
enum write_how {
	WRITE_AT,		/* at pos, or at the file position when pos < 0 */
	WRITE_APPEND,		/* at the end of the file (RWF_APPEND) */
	WRITE_NOAPPEND,		/* at pos even on an O_APPEND fd (RWF_NOAPPEND) */
	WRITE_IF_WRITER,	/* vmsplice: consumes the iovecs only into a pipe's write end */
};

/* Data the call takes from the caller's memory and where it goes (decoders say). */
struct consumed {
	int arg;		/* the argument, or -1 */
	uint64_t len;		/* bytes at most; UINT64_MAX: all the iovecs hold */
	int fd;			/* where it goes, or -1 */
	int64_t pos;
	enum write_how how;
};

/* Data the call put into the caller's memory (decoders say, at exit). */
struct produced {
	int arg;		/* the argument, or -1 */
	uint64_t len;		/* bytes */
	int fd;			/* where it came from */
};

/*
 * A policy's claim on an argument's payload beyond what the line shows:
 * every element is read, and @bytes of the payload (NULL pointers
 * skipped) are read speculatively with a familiar array.
 */
struct claim {
	int arg;
	uint64_t bytes;
};

#define CALL_CLAIMS 3	/* a dump, --toctou and --summary=files */

/* The file an fd inside a struct referred to (pipe's fds, at exit), for -y. */
struct fd_note {
	int fd;
	unsigned char at_exit;
	struct fd_path path;
};
#define FD_NOTES_MAX 256	/* past these, fds inside structs print bare */

/* What -e inject= did to a call. */
enum injected {
	INJECTED_NONE,
	INJECTED_ERROR,		/* skipped: error= given */
	INJECTED_RETVAL,	/* skipped: retval= given */
	INJECTED_SHORT,		/* short=: run with its count cut to short_to */
	INJECTED_DISK_FULL,	/* enospc-after=: cut to fill the file, or ENOSPC given */
	INJECTED_EINTR,		/* eintr: interrupted, EINTR given */
	INJECTED_TORN,		/* torn=: run with short_to bytes, then the process killed */
	INJECTED_SIGNAL,	/* signal= alone: the call itself untouched */
	INJECTED_DELAY,		/* delay_enter= or delay_exit= alone */
};

/* How a call that did not return here ended. */
enum vanished {
	VANISHED_NO,
	VANISHED_UNFINISHED,	/* the thread died in it, or exec'd away: " <unfinished ...>) = ?" */
	VANISHED_DETACHED,	/* iotrace detached before it returned: " <detached ...>" */
};

/* A decoded call: typed arguments plus the result, renderer-ready. */
struct call {
	unsigned id;
	unsigned nargs;
	struct arg arg[CALL_ARGS_MAX];
	int64_t rval;
	int error;		/* errno, 0 on success */
	int done;		/* exit seen */
	unsigned char vanished;	/* enum vanished: never returned here, result unknown */
	unsigned char late_data;	/* the call may fill its consumed buffers (vmsplice) */
	unsigned char exiting;	/* the exit stop is being handled */
	unsigned char not_io;	/* touches no file (an anonymous mapping): not shown */
	unsigned char injected;	/* enum injected: -e inject= / fault= acted on it */
	unsigned char injected_cut;	/* its count was cut to short_to */
	unsigned char injected_sig;	/* signal= sent as it entered, or 0 */
	unsigned char delayed;	/* delay_exit= held its exit: " (DELAYED)", as strace */
	uint64_t short_to;	/* the count it ran with (a cut, torn=) */
	unsigned char res_form;	/* enum result_form */
	unsigned char res_names_always;	/* RES_FLAGS: names even with -X raw (F_GETFL, as strace) */
	const char *res_label;	/* RES_FLAGS: "flags", "seals" */
	const struct xlat_list *res_names;	/* RES_FLAGS, RES_NAMED */
	struct fd_path res_path;	/* RES_FD or a list FD result: its file, for -y */
	struct fd_note *notes;
	unsigned nnotes, notes_cap;
	struct consumed in;
	struct produced out;
	struct claim claims[CALL_CLAIMS];
	unsigned nclaims;
	unsigned char *arena;	/* buffer bytes; sized from -s, never from the tracee */
	size_t arena_len;
	size_t arena_cap;
	size_t fetch_cap;	/* max bytes shown of one buffer (-s) */
	size_t show_left;	/* of the call's budget for shown data */
	unsigned iov_show;	/* max elements printed of an array (-s, or all with -v) */
	uint32_t *slots;	/* where elements' pointers lead: a leaf, a node, or 0 */
	unsigned nslots, slots_cap;
	struct buf_arg *leaves;	/* the bytes F_BYTES fields lead to */
	unsigned nleaves, leaves_cap;
	struct arg *nodes;	/* the structs F_ARRAY and F_PTR fields lead to */
	unsigned nnodes, nodes_cap;
	enum arch arch;		/* the tracee's, for layouts */
	struct guess guess;	/* kept from call to call of the thread */
};

/*
 * Starts decoding call @id of a tracee running as @arch, dropping the
 * previous call's arguments; @fetch_cap bytes are shown of each buffer,
 * @iov_show elements of each array.
 */
void call_begin(struct call *c, unsigned id, enum arch arch, size_t fetch_cap,
		unsigned iov_show);

/* Appends a typed argument known now. */
void call_add_int(struct call *c, const char *name, int64_t v);
void call_add_uint(struct call *c, const char *name, uint64_t v);
void call_add_fd(struct call *c, const char *name, int fd);
/* An fd of another process, the one pidfd argument @pidfd_idx refers to (-y names it there). */
void call_add_fd_of(struct call *c, const char *name, int fd, unsigned pidfd_idx);
void call_add_pid(struct call *c, const char *name, pid_t pid);
void call_add_addr(struct call *c, const char *name, uint64_t addr);

/*
 * Appends a buffer argument of @len bytes at @addr; at most fetch_cap bytes
 * are fetched by call_fetch().  @len comes from the tracee and only bounds
 * the fetch from above.
 */
void call_add_buf(struct call *c, const char *name, uint64_t addr, uint64_t len);

/*
 * Appends an argument whose value is only known at exit; the decoder fills
 * it with call_fill_*() then.  Renderers print the arguments before the
 * first such placeholder at entry and the rest at exit.
 */
struct arg *call_add_later(struct call *c, const char *name);

/* Fills a placeholder from call_add_later() with a value or a buffer. */
void call_fill_uint(struct arg *a, uint64_t v);
void call_fill_addr(struct arg *a, uint64_t addr);
void call_fill_buf(struct call *c, struct arg *a, uint64_t addr, uint64_t len);

/*
 * Appends an array of @count structs of @layout at @addr.  With
 * @with_data the pointers in the elements are followed too (for the
 * payload, at most @limit bytes over all elements: a read's result),
 * else they print as addresses.
 */
void call_add_array(struct call *c, const char *name, const struct layout *layout,
		    uint64_t addr, uint64_t count, int with_data, uint64_t limit);
void call_fill_array(struct call *c, struct arg *a, const struct layout *layout,
		     uint64_t addr, uint64_t count, int with_data, uint64_t limit);

/*
 * Fills a placeholder with an array of @count values of @layout that
 * always prints whole, whatever -s says (pipe's pair, _llseek's result).
 */
void call_fill_whole(struct call *c, struct arg *a, const struct layout *layout,
		     uint64_t addr, uint64_t count);
void call_add_whole(struct call *c, const char *name, const struct layout *layout,
		    uint64_t addr, uint64_t count);

/*
 * A placeholder for a struct (or, with @array, an array of @count) the
 * kernel rewrites (recvmsg's msghdr): its elements are read now as well
 * as when the decoder fills it at exit, and fields marked inout print
 * "before => after".
 */
struct arg *call_add_rewritten(struct call *c, const char *name, const struct layout *layout,
			       uint64_t addr, uint64_t count, int array);

/*
 * The call failed: placeholder @a from call_add_rewritten() prints only
 * its inout fields as read at entry (strace's "{msg_namelen=0}"), or its
 * address when they could not be read.
 */
void call_fill_before_only(struct arg *a);

/*
 * The call failed, but may have rewritten placeholder @a's inout fields
 * (name_to_handle_at's handle_bytes on EOVERFLOW): after call_fill_struct
 * or its kin, only those print, "before => after" ({handle_bytes=0 => 8}).
 */
void call_fill_inout_only(struct arg *a);

/*
 * Placeholder @a (the last argument) prints after the result, as strace
 * prints poll's ready fds: " ([{fd=3, revents=POLLIN}])", " (Timeout)" for
 * a result of 0; its elements are all read (up to IOV_FETCH_MAX), those
 * its layout's .skip_zero leaves out not counted against -s.
 */
void call_after_result(struct arg *a);

/*
 * Buffer @a holds a value that may end in a NUL (an xattr's): when the
 * bytes shown end in one, the text leaves it out, and no "..." follows.
 */
void call_buf_omit_nul(struct arg *a);

/* Array @a's elements each cut their payload at their own field .limit (recvmmsg's msg_len). */
void call_elem_limits(struct arg *a);

/* Appends a pointer to one struct of @layout at @addr, its pointers followed. */
void call_add_struct(struct call *c, const char *name, const struct layout *layout,
		     uint64_t addr);

/*
 * Appends an offset pointer; its value (@size bytes) is read now, and it
 * prints at exit, as [old] or, after call_offptr_moved(), [old => new].
 */
void call_add_offptr(struct call *c, const char *name, uint64_t addr,
		     unsigned size, int is_signed);

/* At exit: the call moved offset pointer @idx; read its new value. */
void call_offptr_moved(struct call *c, unsigned idx);

/* A socket address is at most this long (struct sockaddr_storage). */
#define SOCKADDR_MAX 128

/* The kernel's signal set (64 signals): a sigset_t of any other size prints as its address. */
#define SIGSET_BYTES 8

/*
 * Appends a signal set of @size bytes at @addr (epoll_pwait's sigmask): a
 * size other than the tracee's words up to SIGSET_BYTES prints as its
 * address, and is not read.
 */
void call_add_sigset(struct call *c, const char *name, uint64_t addr, uint64_t size);

/*
 * select's fd sets are read up to this many fds (8 KiB a set); a larger
 * one prints as its address.
 */
#define FDSET_FDS_MAX 65536

/*
 * Appends an fd_set of @nfds bits at @addr, read in the tracee's words
 * (select, pselect6); NULL prints as NULL, a negative @nfds or an
 * unreadable set as its address.  call_fill_fdset() fills a placeholder
 * (the sets as select left them).
 */
void call_add_fdset(struct call *c, const char *name, uint64_t addr, int nfds);
void call_fill_fdset(struct call *c, struct arg *a, uint64_t addr, int nfds);

/*
 * Calls @fn for each fd in fd set @b, in order (the bits below the fds
 * it covers, at most FDSET_FDS_MAX); 0 when it cannot be shown (not read
 * whole, or a negative count).
 */
int call_fdset_each(const struct call *c, const struct buf_arg *b,
		    void (*fn)(int fd, void *ctx), void *ctx);

/* Control messages (msg_control) are read up to this many bytes: 253 fds (SCM_MAX_FD) fit. */
#define CMSG_FETCH_MAX 4096

/*
 * Appends a socket address of @len bytes at @addr (bind, connect,
 * sendto); at most SOCKADDR_MAX bytes of it are read.
 */
void call_add_sockaddr(struct call *c, const char *name, uint64_t addr, uint64_t len);

/*
 * Fills a placeholder with a socket address the kernel wrote into a
 * buffer of @cap bytes at @addr (accept, getsockname, recvfrom);
 * argument @len_idx, a socklen pointer, says how long it is.
 */
void call_fill_sockaddr(struct call *c, struct arg *a, uint64_t addr, uint64_t cap,
			unsigned len_idx);

/*
 * Appends a pointer to a socklen_t the call reads and updates: [in => out],
 * or [in] when the call did not change it (see call_offptr_moved()).
 */
void call_add_socklen(struct call *c, const char *name, uint64_t addr);

/* A directory's records are read up to this many bytes (a program's buffer is 32 KiB or so). */
#define DIRENTS_FETCH_MAX (64 * 1024)

/* Fills a placeholder with the @len bytes of directory records the kernel wrote at @addr. */
void call_fill_dirents(struct call *c, struct arg *a, uint64_t addr, uint64_t len);

/*
 * Appends a socket option's value the caller passes (setsockopt): @len
 * bytes at @addr, shown as @form says (@layout: SOCKOPT_STRUCT's).
 */
void call_add_sockopt(struct call *c, const char *name, uint64_t addr, uint64_t len,
		      enum sockopt_form form, const struct layout *layout);

/*
 * Fills a placeholder with the value the kernel wrote at @addr
 * (getsockopt): as long as socklen argument @len_idx says after the
 * call, within the length it said before.
 */
void call_fill_sockopt(struct call *c, struct arg *a, uint64_t addr, unsigned len_idx,
		       enum sockopt_form form, const struct layout *layout);

/*
 * Appends a value the program tags its requests with (user_data): hex,
 * and under --normalize renumbered as an address when it looks like one.
 */
void call_add_cookie(struct call *c, const char *name, uint64_t v);

/* The argument appended last prints as "name=value". */
void call_name_last(struct call *c);

/* Appends flags @val named from @names. */
void call_add_flags(struct call *c, const char *name, uint64_t val,
		    const struct xlat_list *names);

/* Appends value @val named from @names (a command, a whence...). */
void call_add_enum(struct call *c, const char *name, uint64_t val,
		   const struct xlat_list *names);

/* Appends a string at @addr, read as @kind says (a path, or a name cut at -s). */
void call_add_str(struct call *c, const char *name, uint64_t addr, enum str_kind kind);
/* Fills placeholder @a with a string the kernel wrote (getcwd's path). */
void call_fill_str(struct call *c, struct arg *a, uint64_t addr, enum str_kind kind);

/* Appends a directory fd: AT_FDCWD, or an fd (-y: the current directory, or its file). */
void call_add_dirfd(struct call *c, const char *name, int fd);

/* Appends a file mode, a signal number, a number in hex. */
void call_add_mode(struct call *c, const char *name, uint64_t mode);
void call_add_stmode(struct call *c, const char *name, uint64_t mode);
void call_add_dev(struct call *c, const char *name, uint64_t dev);
/* A dirfd whose -1 has a name of its own: fanotify_mark's FAN_NOFD. */
void call_add_dirfd_none(struct call *c, const char *name, int fd, const char *none);
void call_add_sig(struct call *c, const char *name, int sig);
void call_add_hex(struct call *c, const char *name, uint64_t v);

/* Appends a pointer to one struct of @layout whose LEN_OUTER arrays hold @count elements. */
void call_add_struct_counted(struct call *c, const char *name, const struct layout *layout,
			     uint64_t addr, uint64_t count);

/*
 * Appends a pointer to an extensible struct of @layout that the caller
 * says is @size bytes: smaller than ours, it prints as an address;
 * larger, the bytes past ours print when they are not all zero.
 */
void call_add_struct_sized(struct call *c, const char *name, const struct layout *layout,
			   uint64_t addr, uint64_t size);

/* Fills a placeholder with a pointer to one struct of @layout (read now: at exit). */
void call_fill_struct(struct call *c, struct arg *a, const struct layout *layout,
		      uint64_t addr);

/*
 * The same for a struct that ends in an array of its own (F_INLINE:
 * io_uring_probe's ops), @size bytes in all as the caller gave room for.
 */
void call_fill_struct_sized(struct call *c, struct arg *a, const struct layout *layout,
			    uint64_t addr, uint64_t size);

/* The same for a struct whose payload (a msghdr's iovecs) holds at most @limit bytes. */
void call_fill_struct_limit(struct call *c, struct arg *a, const struct layout *layout,
			    uint64_t addr, uint64_t limit);

/*
 * Placeholder @a from call_add_rewritten() prints as read at entry, and
 * as read at exit after a successful result: recvmmsg's timeout,
 * "{tv_sec=1, tv_nsec=0}) = 2 (left {tv_sec=0, tv_nsec=999}".
 */
void call_show_left(struct arg *a);

/* The call touches no file (an anonymous mmap): it is not I/O, and not shown. */
void call_not_io(struct call *c);

/* The result prints as a new fd, as flags ("0x1 (@label FD_CLOEXEC)"), as a named value, a signal or a pid. */
void call_result_fd(struct call *c);
void call_result_flags(struct call *c, const char *label, const struct xlat_list *names,
		       int names_always);
void call_result_named(struct call *c, const struct xlat_list *names);
void call_result_signal(struct call *c);
void call_result_pid(struct call *c);

/* Whether the result is a new fd (by the list or by the decoder). */
int call_result_is_fd(const struct call *c);

/* Records the file fd @fd, inside a struct read at entry or exit, referred to. */
void call_note_fd(struct call *c, int fd, int at_exit, const char *path, size_t len);

/* The file noted for @fd (at_exit as the struct holding it was read), or NULL. */
const char *call_noted_fd(const struct call *c, int fd, int at_exit, size_t *len);

/* The same as the fd_path noted, or NULL. */
const struct fd_path *call_noted_path(const struct call *c, int fd, int at_exit);

/* Records the file the result fd refers to. */
void call_set_result_path(struct call *c, const char *path, size_t len);

/*
 * Argument @idx (a buffer or an array with payload) is data the call
 * takes from the caller's memory, @len bytes at most (UINT64_MAX: all
 * the iovecs hold), for fd @fd at @pos placed as @how says: what dumps
 * (-e write=) show and --toctou watches.
 */
void call_consumes(struct call *c, unsigned idx, uint64_t len, int fd, int64_t pos,
		   enum write_how how);

/*
 * At exit: argument @idx holds @len bytes the call read from fd @fd into
 * the caller's memory (-e read= dumps them).
 */
void call_produces(struct call *c, unsigned idx, uint64_t len, int fd);

/*
 * The call may fill the buffers it consumes (vmsplice from a pipe's read
 * end): what they hold is read again at exit, when its dump prints.
 */
void call_late_data(struct call *c);

/* A policy claims argument @idx's payload, @bytes of it speculatively (see struct claim). */
void call_claim(struct call *c, unsigned idx, uint64_t bytes);

/* Records what fd argument @idx referred to at entry (the fd-path policy finds it). */
void call_set_fd_path(struct call *c, unsigned idx, const char *path, size_t len);

/* Reserves @n bytes of the call's arena (bounded by its callers); returns their offset. */
size_t call_arena_take(struct call *c, size_t n);

/* Index of the first argument not known at entry (nargs if none). */
unsigned call_entry_args(const struct call *c);

/* The fetched bytes of a buffer. */
static inline const unsigned char *call_buf_data(const struct call *c,
						 const struct buf_arg *b)
{
	return c->arena + b->off;
}

/* The path of fd argument @a, or NULL when unknown. */
static inline const char *call_fd_path(const struct call *c, const struct arg *a)
{
	return a->path.len ? (const char *)c->arena + a->path.off : NULL;
}

/* The path of the result fd, or NULL. */
static inline const char *call_result_path(const struct call *c)
{
	return c->res_path.len ? (const char *)c->arena + c->res_path.off : NULL;
}

/*
 * A string argument as read: its length up to the NUL, with *@cut set
 * when it goes on past what was read (print "..." after it); -1 when it
 * cannot be shown (NULL, or unreadable before its end: print the address).
 */
long call_str_len(const struct call *c, const struct arg *a, int *cut);

/* The bytes of element @i of @agg, as read. */
static inline const unsigned char *call_elem(const struct call *c, const struct agg_arg *agg,
					     unsigned i)
{
	return c->arena + agg->raw.off + (size_t)i * agg->layout->size[c->arch];
}

/* Field @f of element @i of @agg. */
static inline uint64_t call_field(const struct call *c, const struct agg_arg *agg, unsigned i,
				  unsigned f)
{
	return field_value(agg->layout, f, c->arch, call_elem(c, agg, i));
}

/* Whether field @f of element @i is there at all (its .when says so). */
static inline int call_field_present(const struct call *c, const struct agg_arg *agg, unsigned i,
				     unsigned f)
{
	const struct field *fd = &agg->layout->fields[f];
	uint64_t v;

	if (!fd->when)
		return 1;
	v = call_field(c, agg, i, fd->when - 1u);
	if (fd->when_bits)
		return (v & fd->when_values) != 0;
	v >>= fd->when_shift;
	return (v < 64 && ((fd->when_values >> v) & 1)) != fd->when_not;
}

/*
 * The bytes F_HANDLE field @f of element @i prints: as many as its .len
 * field says, up to 128 (MAX_HANDLE_SZ), *@more set when it says more;
 * -1 when not all of those were read (strace's "???").
 */
static inline long call_handle_bytes(const struct call *c, const struct agg_arg *agg,
				     unsigned i, unsigned f, int *more)
{
	const struct field *fd = &agg->layout->fields[f];
	uint64_t want = call_field(c, agg, i, (unsigned)fd->len);
	size_t off = fd->off[c->arch], got = agg->raw.got;

	*more = want > 128;
	if (want > 128)
		want = 128;
	if (i || got < off || got - off < want)	/* (a struct alone: only element 0 has a tail) */
		return -1;
	return (long)want;
}

/*
 * Whether the embedded struct field @f opens is left out as a whole (its
 * first field's .when says so): if it is, the slots its fields hold are
 * added to *@slot and the index of its last field is returned; -1 when
 * it shows (or @f opens none).
 */
static inline int call_group_skipped(const struct call *c, const struct agg_arg *agg, unsigned i,
				     unsigned f, unsigned *slot)
{
	const struct layout *l = agg->layout;
	unsigned e, k;

	if (!l->fields[f].group || !l->fields[f].when || call_field_present(c, agg, i, f))
		return -1;
	e = layout_group_end(l, f);
	for (k = f; k <= e; k++)
		*slot += field_follows(l->fields[k].kind);
	return (int)e;
}

/* Field @f of element @i as read at entry (call_add_rewritten()): 1 and *@val, or 0 when unknown. */
static inline int call_field_before(const struct call *c, const struct agg_arg *agg, unsigned i,
				    unsigned f, uint64_t *val)
{
	size_t esize = agg->layout->size[c->arch];

	if (!agg->has_before || agg->before.got < (size_t)(i + 1) * esize)
		return 0;
	*val = field_value(agg->layout, f, c->arch, c->arena + agg->before.off + (size_t)i * esize);
	return 1;
}

/*
 * @agg as read at entry, into @out, for printing: its elements' own
 * fields only (nothing they lead to).  0 when not even element 0 was read.
 */
static inline int call_before_view(const struct call *c, const struct agg_arg *agg,
				   struct agg_arg *out)
{
	size_t esize = agg->layout->size[c->arch];

	if (!agg->has_before || agg->before.got < esize)
		return 0;
	*out = *agg;
	out->raw = agg->before;
	out->got = (unsigned)(agg->before.got / esize);
	out->want = out->got;
	out->show = out->got;
	out->slots = 0;
	out->left_after = 0;
	out->has_before = 0;
	return 1;
}

/*
 * Where followed field number @slot (counting only the followed fields,
 * layout_slot()) of element @i leads: its leaf buffer or node, or NULL.
 */
static inline const struct buf_arg *call_leaf(const struct call *c, const struct agg_arg *agg,
					      unsigned i, unsigned slot)
{
	uint32_t s = i < agg->got && agg->slots ? c->slots[agg->slots - 1 + i * agg->nptr + slot] : 0;

	return s ? &c->leaves[s - 1] : NULL;
}

static inline const struct arg *call_node(const struct call *c, const struct agg_arg *agg,
					  unsigned i, unsigned slot)
{
	uint32_t s = i < agg->got && agg->slots ? c->slots[agg->slots - 1 + i * agg->nptr + slot] : 0;

	return s ? &c->nodes[s - 1] : NULL;
}

/*
 * The payload field of @agg's layout (the first F_BYTES field marked
 * payload), or -1; its length field is the layout's .len for it.
 */
int call_payload_field(const struct agg_arg *agg);

/*
 * The argument that holds the data of argument @idx, for policies: the
 * argument itself (a buffer, an iovec array), or the iovec array a
 * struct leads to (a msghdr's msg_iov); NULL while that array is not
 * read yet.  A struct that leads to no readable array is returned as
 * itself (ARG_STRUCT): nothing to watch.
 */
const struct arg *call_data_arg(const struct call *c, unsigned idx);

/*
 * Of @n bytes a call says it read, those that landed in the caller's
 * buffers: a datagram received with MSG_TRUNC counts its whole length,
 * the buffers hold what fits (their sizes once read; else @n).
 */
uint64_t call_bytes_landed(const struct call *c, uint64_t n);

/*
 * The array in place at the end of element @i of @v (field @f,
 * F_INLINE) as an array of its own, into @out: as many elements as were
 * read of those its count field says; returns that count.
 */
uint64_t call_inline_view(const struct call *c, const struct agg_arg *v, unsigned i, unsigned f,
			  struct agg_arg *out);

/*
 * The bytes of the messages array @idx holds (sendmmsg, recvmmsg): the
 * sum of each element's field that bounds its payload (msg_len), over
 * the elements read.
 */
uint64_t call_msgs_bytes(const struct call *c, unsigned idx);

/* The F_ARRAY field of @l whose elements carry the payload (a msghdr's msg_iov), or -1. */
int call_payload_array_field(const struct layout *l);

/* Whether call_data_arg() is argument @idx itself (not a nested array). */
static inline int call_data_is_arg(const struct call *c, unsigned idx)
{
	return c->arg[idx].type != ARG_STRUCT;
}

/* Records the syscall result of @ev in @c. */
void call_set_result(struct call *c, const struct sc_event *ev);

/* After the call is printed: gives back memory a large call took. */
void call_trim(struct call *c);

void call_release(struct call *c);

/* A @size-byte (4 or 8) tracee word at @p: x86 is little-endian. */
static inline uint64_t tracee_word(const unsigned char *p, unsigned size)
{
	uint64_t v = 0;

	memcpy(&v, p, size);
	return v;
}

#endif
