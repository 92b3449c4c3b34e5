/*
 * The one list of the syscalls iotrace knows, and the facts about them.
 * Every table that needs a syscall is generated from it: names, the
 * per-arch number maps, the decoder table, -e trace= and its %classes,
 * -h, the seccomp filter, -c and --summary=files, and -k.  Numbers are
 * the kernel's (-1 where the arch lacks the call), checked against
 * <asm/unistd_64.h> and <asm/unistd_32.h> when iotrace is built.
 *
 * SYSCALL rows are decoded and traced.  Their columns:
 *   class   what -e trace=%class selects (see syscalls.h)
 *   fds     one letter per argument, up to the last fd: s an fd data is
 *           read from, d one data is written to, b both, n an fd the call
 *           acts on without moving data through it, - not an fd, or one
 *           not credited (a dirfd): --summary=files credits the others
 *   result  BYTES (bytes moved: -c and --summary=files add them up),
 *           STATUS (0 or -1), OFFSET, FD (a new fd), ADDR; a decoder may
 *           say more (fcntl's result depends on its command)
 *   flags   SPLIT64: on i386, 64-bit arguments take two registers;
 *           MAPS: changes the address space (-k reloads the maps);
 *           OPENS: opens a file, a new open file description (the
 *           result fd, or pipe's pair): --summary=files counts opens;
 *           FILEMAP: I/O only when mapping a file: arguments 1 and 3 are
 *           the length and flags, and the seccomp filter lets mappings
 *           with MAP_ANONYMOUS run unstopped;
 *           UNMAP: arguments 0 and 1 are a range; shown only when it
 *           holds a file mapping iotrace saw made;
 *           MMSG: argument 1 is an mmsghdr array, the result counts
 *           the messages, each one's msg_len its bytes (--summary=files
 *           adds them up);
 *           PATH: takes a path (-e trace=%file, strace's name);
 *           STAT, LSTAT, FSTAT: gives a file's status: a path's, a
 *           link's own, an fd's or a path's from a dirfd (strace's
 *           -e trace=%stat, %lstat, %fstat; %%stat all three);
 *           STATFS, FSTATFS: gives a file system's status, a path's or
 *           an fd's (strace's %statfs, %fstatfs; %%statfs both);
 *           REMAP (with UNMAP): argument 2 is a new length, and a file
 *           mapping in the range moves to the result (argument 3 its
 *           flags: MREMAP_DONTUNMAP leaves it where it was too);
 *           CLOSES: closes its fd arguments (-yy forgets their sockets);
 *           COUNT2, COUNT3, COUNT4: argument 2, 3 or 4 is the byte count
 *           (-e inject='s short=, enospc-after= and torn= cut it);
 *           IOVEC: arguments 1 and 2 are an iovec array and its length;
 *           MSGHDR: argument 1 is a msghdr, whose iovec array is cut
 *
 * WATCHED rows are not decoded: the tracer stops them for what they do
 * to the tracee (MAPS for -k; SECCOMP for a filter of the tracee's own:
 * seccomp(2), and prctl(2) when its first argument is PR_SET_SECCOMP).
 */

/*       name               x86_64  i386  class  fds     result  flags           decoder */
SYSCALL(read,                 0,      3,  DATA,  "s",    BYTES,  COUNT2,         read)
SYSCALL(write,                1,      4,  DATA,  "d",    BYTES,  COUNT2,         write)
SYSCALL(pread64,             17,    180,  DATA,  "s",    BYTES,  SPLIT64|COUNT2, pread64)
SYSCALL(pwrite64,            18,    181,  DATA,  "d",    BYTES,  SPLIT64|COUNT2, pwrite64)
SYSCALL(readv,               19,    145,  DATA,  "s",    BYTES,  IOVEC,          readv)
SYSCALL(writev,              20,    146,  DATA,  "d",    BYTES,  IOVEC,          writev)
SYSCALL(preadv,             295,    333,  DATA,  "s",    BYTES,  SPLIT64|IOVEC,  preadv)
SYSCALL(pwritev,            296,    334,  DATA,  "d",    BYTES,  SPLIT64|IOVEC,  pwritev)
SYSCALL(process_vm_readv,   310,    347,  DATA,  "",     BYTES,  0,              process_vm_readv)
SYSCALL(process_vm_writev,  311,    348,  DATA,  "",     BYTES,  0,              process_vm_writev)
SYSCALL(preadv2,            327,    378,  DATA,  "s",    BYTES,  SPLIT64|IOVEC,  preadv2)
SYSCALL(pwritev2,           328,    379,  DATA,  "d",    BYTES,  SPLIT64|IOVEC,  pwritev2)
SYSCALL(sendfile,            40,    187,  DATA,  "ds",   BYTES,  COUNT3,         sendfile)
SYSCALL(sendfile64,          -1,    239,  DATA,  "ds",   BYTES,  COUNT3,         sendfile64)
SYSCALL(splice,             275,    313,  DATA,  "s-d",  BYTES,  COUNT4,         splice)
SYSCALL(tee,                276,    315,  DATA,  "sd",   BYTES,  COUNT2,         tee)
SYSCALL(vmsplice,           278,    316,  DATA,  "d",    BYTES,  IOVEC,          vmsplice)
SYSCALL(copy_file_range,    326,    377,  DATA,  "s-d",  BYTES,  COUNT4,         copy_file_range)
/* Messages through a POSIX message queue's descriptor (send returns 0, not the bytes). */
SYSCALL(mq_timedsend,       242,    279,  DATA,  "d",    STATUS, 0,              mq_timedsend)
SYSCALL(mq_timedreceive,    243,    280,  DATA,  "s",    BYTES,  0,              mq_timedreceive)
SYSCALL(mq_timedsend_time64, -1,    418,  DATA,  "d",    STATUS, 0,              mq_timedsend_time64)
SYSCALL(mq_timedreceive_time64, -1, 419,  DATA,  "s",    BYTES,  0,              mq_timedreceive_time64)

SYSCALL(open,                 2,      5,  DESC,  "",     FD,     OPENS|PATH,     open)
SYSCALL(openat,             257,    295,  DESC,  "",     FD,     OPENS|PATH,     openat)
SYSCALL(openat2,            437,    437,  DESC,  "",     FD,     OPENS|PATH,     openat2)
SYSCALL(creat,               85,      8,  DESC,  "",     FD,     OPENS|PATH,     creat)
SYSCALL(close,                3,      6,  DESC,  "n",    STATUS, CLOSES,         close)
SYSCALL(close_range,        436,    436,  DESC,  "",     STATUS, 0,              close_range)
SYSCALL(dup,                 32,     41,  DESC,  "n",    FD,     0,              dup)
SYSCALL(dup2,                33,     63,  DESC,  "nn",   FD,     0,              dup2)
SYSCALL(dup3,               292,    330,  DESC,  "nn",   FD,     0,              dup3)
SYSCALL(fcntl,               72,     55,  DESC,  "n",    STATUS, 0,              fcntl)
SYSCALL(fcntl64,             -1,    221,  DESC,  "n",    STATUS, 0,              fcntl)
SYSCALL(flock,               73,    143,  DESC,  "n",    STATUS, 0,              flock)
SYSCALL(pipe,                22,     42,  DESC,  "",     STATUS, OPENS,          pipe)
SYSCALL(pipe2,              293,    331,  DESC,  "",     STATUS, OPENS,          pipe2)
SYSCALL(memfd_create,       319,    356,  DESC,  "",     FD,     OPENS,          memfd_create)
SYSCALL(getdents64,         217,    220,  DESC,  "n",    STATUS, 0,              getdents64)
/* A file system's status. */
SYSCALL(statfs,             137,     99,  DESC,  "",     STATUS, PATH|STATFS,    statfs)
SYSCALL(fstatfs,            138,    100,  DESC,  "n",    STATUS, FSTATFS,        fstatfs)
SYSCALL(statfs64,            -1,    268,  DESC,  "",     STATUS, PATH|STATFS,    statfs64)
SYSCALL(fstatfs64,           -1,    269,  DESC,  "n",    STATUS, FSTATFS,        fstatfs64)
/* Descriptors of other kinds than files: counters, signals, timers, events, processes. */
SYSCALL(eventfd,            284,    323,  DESC,  "",     FD,     OPENS,          eventfd)
SYSCALL(eventfd2,           290,    328,  DESC,  "",     FD,     OPENS,          eventfd2)
SYSCALL(signalfd,           282,    321,  DESC,  "n",    FD,     OPENS,          signalfd)
SYSCALL(signalfd4,          289,    327,  DESC,  "n",    FD,     OPENS,          signalfd4)
SYSCALL(timerfd_create,     283,    322,  DESC,  "",     FD,     OPENS,          timerfd_create)
SYSCALL(timerfd_settime,    286,    325,  DESC,  "n",    STATUS, 0,              timerfd_settime)
SYSCALL(timerfd_gettime,    287,    326,  DESC,  "n",    STATUS, 0,              timerfd_gettime)
SYSCALL(timerfd_settime64,   -1,    411,  DESC,  "n",    STATUS, 0,              timerfd_settime64)
SYSCALL(timerfd_gettime64,   -1,    410,  DESC,  "n",    STATUS, 0,              timerfd_gettime64)
SYSCALL(inotify_init,       253,    291,  DESC,  "",     FD,     OPENS,          inotify_init)
SYSCALL(inotify_init1,      294,    332,  DESC,  "",     FD,     OPENS,          inotify_init1)
SYSCALL(inotify_add_watch,  254,    292,  DESC,  "n",    STATUS, PATH,           inotify_add_watch)
SYSCALL(inotify_rm_watch,   255,    293,  DESC,  "n",    STATUS, 0,              inotify_rm_watch)
SYSCALL(fanotify_init,      300,    338,  DESC,  "",     FD,     OPENS,          fanotify_init)
SYSCALL(fanotify_mark,      301,    339,  DESC,  "n",    STATUS, PATH,           fanotify_mark)
SYSCALL(pidfd_open,         434,    434,  DESC,  "",     FD,     OPENS,          pidfd_open)
SYSCALL(pidfd_getfd,        438,    438,  DESC,  "n",    FD,     OPENS,          pidfd_getfd)
SYSCALL(userfaultfd,        323,    374,  DESC,  "",     FD,     OPENS,          userfaultfd)
SYSCALL(memfd_secret,       447,    447,  DESC,  "",     FD,     OPENS,          memfd_secret)
/* A file by its handle: the handle of a path, and the file opened from one. */
SYSCALL(name_to_handle_at,  303,    341,  DESC,  "",     STATUS, PATH,           name_to_handle_at)
SYSCALL(open_by_handle_at,  304,    342,  DESC,  "n",    FD,     OPENS,          open_by_handle_at)
/* POSIX message queues: opened by name (their messages are %data). */
SYSCALL(mq_open,            240,    277,  DESC,  "",     FD,     OPENS,          mq_open)
SYSCALL(mq_unlink,          241,    278,  DESC,  "",     STATUS, 0,              mq_unlink)
SYSCALL(mq_notify,          244,    281,  DESC,  "n",    STATUS, 0,              mq_notify)
SYSCALL(mq_getsetattr,      245,    282,  DESC,  "n",    STATUS, 0,              mq_getsetattr)
/* Waiting for fds to be ready. */
SYSCALL(select,              23,     82,  DESC,  "",     STATUS, 0,              select)
SYSCALL(_newselect,          -1,    142,  DESC,  "",     STATUS, 0,              newselect)
SYSCALL(pselect6,           270,    308,  DESC,  "",     STATUS, 0,              pselect6)
SYSCALL(pselect6_time64,     -1,    413,  DESC,  "",     STATUS, 0,              pselect6_time64)
SYSCALL(poll,                 7,    168,  DESC,  "",     STATUS, 0,              poll)
SYSCALL(ppoll,              271,    309,  DESC,  "",     STATUS, 0,              ppoll)
SYSCALL(ppoll_time64,        -1,    414,  DESC,  "",     STATUS, 0,              ppoll_time64)
SYSCALL(epoll_create,       213,    254,  DESC,  "",     FD,     0,              epoll_create)
SYSCALL(epoll_create1,      291,    329,  DESC,  "",     FD,     0,              epoll_create1)
SYSCALL(epoll_ctl,          233,    255,  DESC,  "n-n",  STATUS, 0,              epoll_ctl)
SYSCALL(epoll_wait,         232,    256,  DESC,  "n",    STATUS, 0,              epoll_wait)
SYSCALL(epoll_pwait,        281,    319,  DESC,  "n",    STATUS, 0,              epoll_pwait)
SYSCALL(epoll_pwait2,       441,    441,  DESC,  "n",    STATUS, 0,              epoll_pwait2)
/* A file's status; i386's stat, lstat and fstat are the old struct stat, glibc uses the 64-bit ones. */
SYSCALL(stat,                 4,    106,  DESC,  "",     STATUS, PATH|STAT,      stat)
SYSCALL(lstat,                6,    107,  DESC,  "",     STATUS, PATH|LSTAT,     lstat)
SYSCALL(stat64,              -1,    195,  DESC,  "",     STATUS, PATH|STAT,      stat64)
SYSCALL(lstat64,             -1,    196,  DESC,  "",     STATUS, PATH|LSTAT,     lstat64)
SYSCALL(fstat,                5,    108,  DESC,  "n",    STATUS, FSTAT,          fstat)
SYSCALL(fstat64,             -1,    197,  DESC,  "n",    STATUS, FSTAT,          fstat64)
SYSCALL(newfstatat,         262,     -1,  DESC,  "n",    STATUS, PATH|FSTAT,     newfstatat)
SYSCALL(fstatat64,           -1,    300,  DESC,  "n",    STATUS, PATH|FSTAT,     fstatat64)
SYSCALL(statx,              332,    383,  DESC,  "n",    STATUS, PATH|FSTAT,     statx)

SYSCALL(lseek,                8,     19,  POS,   "n",    OFFSET, 0,              lseek)
SYSCALL(_llseek,             -1,    140,  POS,   "n",    STATUS, SPLIT64,        _llseek)
SYSCALL(truncate,            76,     92,  POS,   "",     STATUS, PATH,           truncate)
SYSCALL(ftruncate,           77,     93,  POS,   "n",    STATUS, 0,              ftruncate)
SYSCALL(truncate64,          -1,    193,  POS,   "",     STATUS, SPLIT64|PATH,   truncate64)
SYSCALL(ftruncate64,         -1,    194,  POS,   "n",    STATUS, SPLIT64,        ftruncate64)
SYSCALL(fallocate,          285,    324,  POS,   "n",    STATUS, SPLIT64,        fallocate)

SYSCALL(fsync,               74,    118,  SYNC,  "n",    STATUS, 0,              fsync)
SYSCALL(fdatasync,           75,    148,  SYNC,  "n",    STATUS, 0,              fdatasync)
SYSCALL(syncfs,             306,    344,  SYNC,  "n",    STATUS, 0,              syncfs)
SYSCALL(sync,               162,     36,  SYNC,  "",     STATUS, 0,              sync)
SYSCALL(sync_file_range,    277,    314,  SYNC,  "n",    STATUS, SPLIT64,        sync_file_range)
SYSCALL(fadvise64,          221,    250,  SYNC,  "n",    STATUS, SPLIT64,        fadvise64)
SYSCALL(fadvise64_64,        -1,    272,  SYNC,  "n",    STATUS, SPLIT64,        fadvise64_64)
SYSCALL(readahead,          187,    225,  SYNC,  "n",    STATUS, SPLIT64,        readahead)

SYSCALL(mmap,                 9,     -1,  MAP,   "----n",ADDR,   MAPS | FILEMAP, mmap)
SYSCALL(mmap2,               -1,    192,  MAP,   "----n",ADDR,   MAPS | FILEMAP, mmap2)
SYSCALL(munmap,              11,     91,  MAP,   "",     STATUS, MAPS | UNMAP,   munmap)
SYSCALL(mremap,              25,    163,  MAP,   "",     ADDR,   MAPS | UNMAP | REMAP, mremap)
SYSCALL(msync,               26,    144,  MAP,   "",     STATUS, 0,              msync)

SYSCALL(socket,              41,    359,  NET,   "",     FD,     OPENS,          socket)
SYSCALL(socketpair,          53,    360,  NET,   "",     STATUS, OPENS,          socketpair)
SYSCALL(bind,                49,    361,  NET,   "n",    STATUS, 0,              bind)
SYSCALL(connect,             42,    362,  NET,   "n",    STATUS, 0,              connect)
SYSCALL(listen,              50,    363,  NET,   "n",    STATUS, 0,              listen)
SYSCALL(accept,              43,     -1,  NET,   "n",    FD,     OPENS,          accept)
SYSCALL(accept4,            288,    364,  NET,   "n",    FD,     OPENS,          accept4)
SYSCALL(getsockname,         51,    367,  NET,   "n",    STATUS, 0,              getsockname)
SYSCALL(getpeername,         52,    368,  NET,   "n",    STATUS, 0,              getpeername)
SYSCALL(shutdown,            48,    373,  NET,   "n",    STATUS, 0,              shutdown)
SYSCALL(sendto,              44,    369,  NET,   "d",    BYTES,  COUNT2,         sendto)
SYSCALL(recvfrom,            45,    371,  NET,   "s",    BYTES,  COUNT2,         recvfrom)
/* send and recv have no syscall of their own: i386 makes them through socketcall(2). */
SYSCALL(send,                -1,     -1,  NET,   "d",    BYTES,  COUNT2,         send)
SYSCALL(recv,                -1,     -1,  NET,   "s",    BYTES,  COUNT2,         recv)
SYSCALL(sendmsg,             46,    370,  NET,   "d",    BYTES,  MSGHDR,         sendmsg)
SYSCALL(recvmsg,             47,    372,  NET,   "s",    BYTES,  MSGHDR,         recvmsg)
/* The *mmsg calls count messages: their bytes are in each message's msg_len (MMSG). */
SYSCALL(sendmmsg,           307,    345,  NET,   "d",    STATUS, MMSG,           sendmmsg)
SYSCALL(recvmmsg,           299,    337,  NET,   "s",    STATUS, MMSG,           recvmmsg)
SYSCALL(recvmmsg_time64,     -1,    417,  NET,   "s",    STATUS, MMSG,           recvmmsg_time64)
SYSCALL(setsockopt,          54,    366,  NET,   "n",    STATUS, 0,              setsockopt)
SYSCALL(getsockopt,          55,    365,  NET,   "n",    STATUS, 0,              getsockopt)

/* A file's names. */
SYSCALL(rename,              82,     38,  NAMES, "",     STATUS, PATH,           rename)
SYSCALL(renameat,           264,    302,  NAMES, "n-n",  STATUS, PATH,           renameat)
SYSCALL(renameat2,          316,    353,  NAMES, "n-n",  STATUS, PATH,           renameat2)
SYSCALL(link,                86,      9,  NAMES, "",     STATUS, PATH,           link)
SYSCALL(linkat,             265,    303,  NAMES, "n-n",  STATUS, PATH,           linkat)
SYSCALL(symlink,             88,     83,  NAMES, "",     STATUS, PATH,           symlink)
SYSCALL(symlinkat,          266,    304,  NAMES, "-n",   STATUS, PATH,           symlinkat)
SYSCALL(unlink,              87,     10,  NAMES, "",     STATUS, PATH,           unlink)
SYSCALL(unlinkat,           263,    301,  NAMES, "n",    STATUS, PATH,           unlinkat)
SYSCALL(mkdir,               83,     39,  NAMES, "",     STATUS, PATH,           mkdir)
SYSCALL(mkdirat,            258,    296,  NAMES, "n",    STATUS, PATH,           mkdirat)
SYSCALL(rmdir,               84,     40,  NAMES, "",     STATUS, PATH,           rmdir)
SYSCALL(mknod,              133,     14,  NAMES, "",     STATUS, PATH,           mknod)
SYSCALL(mknodat,            259,    297,  NAMES, "n",    STATUS, PATH,           mknodat)
/* Where relative names start: the working directory, the root. */
SYSCALL(chdir,               80,     12,  NAMES, "",     STATUS, PATH,           chdir)
SYSCALL(fchdir,              81,    133,  NAMES, "n",    STATUS, 0,              fchdir)
SYSCALL(chroot,             161,     61,  NAMES, "",     STATUS, PATH,           chroot)
SYSCALL(getcwd,              79,    183,  NAMES, "",     STATUS, PATH,           getcwd)

/*
 * A file's attributes: who may use it, where a link points, its mode,
 * owner and times.  i386's chown, lchown and fchown take 16-bit ids (glibc
 * calls the *32 ones); its utimensat takes 32-bit times.
 */
SYSCALL(access,              21,     33,  ATTR,  "",     STATUS, PATH,           access)
SYSCALL(faccessat,          269,    307,  ATTR,  "",     STATUS, PATH,           faccessat)
SYSCALL(faccessat2,         439,    439,  ATTR,  "",     STATUS, PATH,           faccessat2)
SYSCALL(readlink,            89,     85,  ATTR,  "",     STATUS, PATH,           readlink)
SYSCALL(readlinkat,         267,    305,  ATTR,  "",     STATUS, PATH,           readlinkat)
SYSCALL(chmod,               90,     15,  ATTR,  "",     STATUS, PATH,           chmod)
SYSCALL(fchmod,              91,     94,  ATTR,  "n",    STATUS, 0,              fchmod)
SYSCALL(fchmodat,           268,    306,  ATTR,  "",     STATUS, PATH,           fchmodat)
SYSCALL(chown,               92,    182,  ATTR,  "",     STATUS, PATH,           chown)
SYSCALL(lchown,              94,     16,  ATTR,  "",     STATUS, PATH,           chown)
SYSCALL(fchown,              93,     95,  ATTR,  "n",    STATUS, 0,              fchown)
SYSCALL(chown32,             -1,    212,  ATTR,  "",     STATUS, PATH,           chown32)
SYSCALL(lchown32,            -1,    198,  ATTR,  "",     STATUS, PATH,           chown32)
SYSCALL(fchown32,            -1,    207,  ATTR,  "n",    STATUS, 0,              fchown32)
SYSCALL(fchownat,           260,    298,  ATTR,  "",     STATUS, PATH,           fchownat)
SYSCALL(utime,              132,     30,  ATTR,  "",     STATUS, PATH,           utime)
SYSCALL(utimes,             235,    271,  ATTR,  "",     STATUS, PATH,           utimes)
SYSCALL(futimesat,          261,    299,  ATTR,  "",     STATUS, PATH,           futimesat)
SYSCALL(utimensat,          280,    320,  ATTR,  "",     STATUS, PATH,           utimensat)
SYSCALL(utimensat_time64,    -1,    412,  ATTR,  "",     STATUS, PATH,           utimensat_time64)
/* Extended attributes: name and value pairs beside a file's data. */
SYSCALL(setxattr,           188,    226,  ATTR,  "",     STATUS, PATH,           setxattr)
SYSCALL(lsetxattr,          189,    227,  ATTR,  "",     STATUS, PATH,           setxattr)
SYSCALL(fsetxattr,          190,    228,  ATTR,  "n",    STATUS, 0,              fsetxattr)
SYSCALL(getxattr,           191,    229,  ATTR,  "",     STATUS, PATH,           getxattr)
SYSCALL(lgetxattr,          192,    230,  ATTR,  "",     STATUS, PATH,           getxattr)
SYSCALL(fgetxattr,          193,    231,  ATTR,  "n",    STATUS, 0,              fgetxattr)
SYSCALL(listxattr,          194,    232,  ATTR,  "",     STATUS, PATH,           listxattr)
SYSCALL(llistxattr,         195,    233,  ATTR,  "",     STATUS, PATH,           listxattr)
SYSCALL(flistxattr,         196,    234,  ATTR,  "n",    STATUS, 0,              flistxattr)
SYSCALL(removexattr,        197,    235,  ATTR,  "",     STATUS, PATH,           removexattr)
SYSCALL(lremovexattr,       198,    236,  ATTR,  "",     STATUS, PATH,           removexattr)
SYSCALL(fremovexattr,       199,    237,  ATTR,  "n",    STATUS, 0,              fremovexattr)

SYSCALL(io_uring_setup,      425,    425,  ASYNC, "",     FD,     OPENS,          io_uring_setup)
SYSCALL(io_uring_enter,      426,    426,  ASYNC, "n",    STATUS, 0,              io_uring_enter)
SYSCALL(io_uring_register,   427,    427,  ASYNC, "n",    STATUS, 0,              io_uring_register)
SYSCALL(io_setup,            206,    245,  ASYNC, "",     STATUS, 0,              io_setup)
SYSCALL(io_destroy,          207,    246,  ASYNC, "",     STATUS, 0,              io_destroy)
SYSCALL(io_submit,           209,    248,  ASYNC, "",     STATUS, 0,              io_submit)
SYSCALL(io_cancel,           210,    249,  ASYNC, "",     STATUS, 0,              io_cancel)
SYSCALL(io_getevents,        208,    247,  ASYNC, "",     STATUS, 0,              io_getevents)
SYSCALL(io_pgetevents,       333,    385,  ASYNC, "",     STATUS, 0,              io_pgetevents)
SYSCALL(io_pgetevents_time64, -1,    416,  ASYNC, "",     STATUS, 0,              io_pgetevents_time64)

/*
 * io_uring's operations: what a submission entry (SQE) asks the kernel
 * to do.  They have no syscall numbers: iotrace finds them in the rings
 * at io_uring_enter and at the process's stops (policy/rings.c), and
 * shows each submission and completion as a line of its own, named
 * IORING_OP_<name>; -c counts them, --summary=files credits their bytes,
 * -e trace= selects them by that name.  Columns:
 *   opcode  the kernel's (<linux/io_uring.h>; -1: one newer than this list)
 *   class   its syscall twin's (-e trace=%data selects IORING_OP_WRITE;
 *           %async selects every operation as well)
 *   fds     the role of the entry's fd, as for SYSCALL rows
 *   result  of a completion, as for SYSCALL rows
 */
#ifndef URING_OP
#define URING_OP(name,             opcode,  ASYNC, fds,  result, dec)
#define URING_OP_UNSET
#endif
/*       name             opcode class  fds   result  decoder */
URING_OP(NOP,                0,  ASYNC, "",   STATUS, uring_nop)
URING_OP(READV,              1,  DATA,  "s",  BYTES,  uring_rwv)
URING_OP(WRITEV,             2,  DATA,  "d",  BYTES,  uring_rwv)
URING_OP(FSYNC,              3,  SYNC,  "n",  STATUS, uring_fsync)
URING_OP(READ_FIXED,         4,  DATA,  "s",  BYTES,  uring_rw)
URING_OP(WRITE_FIXED,        5,  DATA,  "d",  BYTES,  uring_rw)
URING_OP(POLL_ADD,           6,  ASYNC, "n",  STATUS, uring_other)
URING_OP(POLL_REMOVE,        7,  ASYNC, "",   STATUS, uring_other)
URING_OP(SYNC_FILE_RANGE,    8,  SYNC,  "n",  STATUS, uring_other)
URING_OP(SENDMSG,            9,  NET,   "d",  BYTES,  uring_msg)
URING_OP(RECVMSG,           10,  NET,   "s",  BYTES,  uring_msg)
URING_OP(TIMEOUT,           11,  ASYNC, "",   STATUS, uring_other)
URING_OP(TIMEOUT_REMOVE,    12,  ASYNC, "",   STATUS, uring_other)
URING_OP(ACCEPT,            13,  NET,   "n",  FD,     uring_other)
URING_OP(ASYNC_CANCEL,      14,  ASYNC, "",   STATUS, uring_other)
URING_OP(LINK_TIMEOUT,      15,  ASYNC, "",   STATUS, uring_other)
URING_OP(CONNECT,           16,  NET,   "n",  STATUS, uring_other)
URING_OP(FALLOCATE,         17,  POS,   "n",  STATUS, uring_other)
URING_OP(OPENAT,            18,  DESC,  "",   FD,     uring_openat)
URING_OP(CLOSE,             19,  DESC,  "n",  STATUS, uring_close)
URING_OP(FILES_UPDATE,      20,  DESC,  "",   STATUS, uring_other)
URING_OP(STATX,             21,  ASYNC, "",   STATUS, uring_other)
URING_OP(READ,              22,  DATA,  "s",  BYTES,  uring_rw)
URING_OP(WRITE,             23,  DATA,  "d",  BYTES,  uring_rw)
URING_OP(FADVISE,           24,  SYNC,  "n",  STATUS, uring_other)
URING_OP(MADVISE,           25,  MAP,   "",   STATUS, uring_other)
URING_OP(SEND,              26,  NET,   "d",  BYTES,  uring_sendrecv)
URING_OP(RECV,              27,  NET,   "s",  BYTES,  uring_sendrecv)
URING_OP(OPENAT2,           28,  DESC,  "",   FD,     uring_other)
URING_OP(EPOLL_CTL,         29,  ASYNC, "n",  STATUS, uring_other)
URING_OP(SPLICE,            30,  DATA,  "d",  BYTES,  uring_other)
URING_OP(PROVIDE_BUFFERS,   31,  ASYNC, "",   STATUS, uring_buffers)
URING_OP(REMOVE_BUFFERS,    32,  ASYNC, "",   STATUS, uring_buffers)
URING_OP(TEE,               33,  DATA,  "d",  BYTES,  uring_other)
URING_OP(SHUTDOWN,          34,  NET,   "n",  STATUS, uring_other)
URING_OP(RENAMEAT,          35,  ASYNC, "",   STATUS, uring_other)
URING_OP(UNLINKAT,          36,  ASYNC, "",   STATUS, uring_other)
URING_OP(MKDIRAT,           37,  ASYNC, "",   STATUS, uring_other)
URING_OP(SYMLINKAT,         38,  ASYNC, "",   STATUS, uring_other)
URING_OP(LINKAT,            39,  ASYNC, "",   STATUS, uring_other)
URING_OP(MSG_RING,          40,  ASYNC, "n",  STATUS, uring_other)
URING_OP(FSETXATTR,         41,  ASYNC, "n",  STATUS, uring_other)
URING_OP(SETXATTR,          42,  ASYNC, "",   STATUS, uring_other)
URING_OP(FGETXATTR,         43,  ASYNC, "n",  STATUS, uring_other)
URING_OP(GETXATTR,          44,  ASYNC, "",   STATUS, uring_other)
URING_OP(SOCKET,            45,  NET,   "",   FD,     uring_other)
URING_OP(URING_CMD,         46,  ASYNC, "n",  STATUS, uring_other)
URING_OP(SEND_ZC,           47,  NET,   "d",  BYTES,  uring_sendrecv)
URING_OP(SENDMSG_ZC,        48,  NET,   "d",  BYTES,  uring_msg)
URING_OP(READ_MULTISHOT,    49,  DATA,  "s",  BYTES,  uring_rw)
URING_OP(WAITID,            50,  ASYNC, "",   STATUS, uring_other)
URING_OP(FUTEX_WAIT,        51,  ASYNC, "",   STATUS, uring_other)
URING_OP(FUTEX_WAKE,        52,  ASYNC, "",   STATUS, uring_other)
URING_OP(FUTEX_WAITV,       53,  ASYNC, "",   STATUS, uring_other)
URING_OP(FIXED_FD_INSTALL,  54,  DESC,  "",   FD,     uring_other)
URING_OP(FTRUNCATE,         55,  POS,   "n",  STATUS, uring_other)
URING_OP(BIND,              56,  NET,   "n",  STATUS, uring_other)
URING_OP(LISTEN,            57,  NET,   "n",  STATUS, uring_other)
URING_OP(RECV_ZC,           58,  NET,   "s",  BYTES,  uring_other)
URING_OP(EPOLL_WAIT,        59,  ASYNC, "n",  STATUS, uring_other)
URING_OP(READV_FIXED,       60,  DATA,  "s",  BYTES,  uring_rwv)
URING_OP(WRITEV_FIXED,      61,  DATA,  "d",  BYTES,  uring_rwv)
URING_OP(PIPE,              62,  DESC,  "",   STATUS, uring_other)
URING_OP(UNKNOWN,           -1,  ASYNC, "",   STATUS, uring_other)
#ifdef URING_OP_UNSET
#undef URING_OP
#undef URING_OP_UNSET
#endif

/*
 * i386's old mmap passes its arguments in memory, where the filter cannot
 * test them; glibc never calls it.  Its kernel name is mmap.
 */
/*       name               x86_64  i386  flags */
WATCHED(old_mmap,            -1,     90,  MAPS)
WATCHED(mprotect,            10,    125,  MAPS)
WATCHED(brk,                 12,     45,  MAPS)
WATCHED(shmat,               30,    397,  MAPS)
WATCHED(execve,              59,     11,  MAPS)
WATCHED(execveat,           322,    358,  MAPS)
WATCHED(seccomp,            317,    354,  SECCOMP)
WATCHED(prctl,              157,    172,  PRCTL_SECCOMP)
WATCHED(socketcall,          -1,    102,  SOCKETCALL)

/*
 * i386's socketcall(2): its first argument names a socket call (the
 * kernel's SYS_* numbers of <linux/net.h>), whose arguments are an
 * array of longs its second argument points to; iotrace shows it as
 * that call, as strace does.  Calls without a row here (getsockopt,
 * setsockopt...) are not decoded.
 */
#ifdef SOCKETCALL_SUB
/*             SYS_*  args  row */
SOCKETCALL_SUB(    1,    3, socket)
SOCKETCALL_SUB(    2,    3, bind)
SOCKETCALL_SUB(    3,    3, connect)
SOCKETCALL_SUB(    4,    2, listen)
SOCKETCALL_SUB(    5,    3, accept)
SOCKETCALL_SUB(    6,    3, getsockname)
SOCKETCALL_SUB(    7,    3, getpeername)
SOCKETCALL_SUB(    8,    4, socketpair)
SOCKETCALL_SUB(    9,    4, send)
SOCKETCALL_SUB(   10,    4, recv)
SOCKETCALL_SUB(   11,    6, sendto)
SOCKETCALL_SUB(   12,    6, recvfrom)
SOCKETCALL_SUB(   13,    2, shutdown)
SOCKETCALL_SUB(   14,    5, setsockopt)
SOCKETCALL_SUB(   15,    5, getsockopt)
SOCKETCALL_SUB(   16,    3, sendmsg)
SOCKETCALL_SUB(   17,    3, recvmsg)
SOCKETCALL_SUB(   18,    4, accept4)
SOCKETCALL_SUB(   19,    5, recvmmsg)
SOCKETCALL_SUB(   20,    4, sendmmsg)
#endif
