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
 *   fds     one letter per argument: s an fd data is read from, d one data
 *           is written to, b both, n an fd the call acts on without moving
 *           data through it, - not an fd (--summary=files credits them)
 *   result  BYTES (bytes moved: -c and --summary=files add them up),
 *           STATUS (0 or -1), OFFSET, FD (a new fd), ADDR
 *   flags   SPLIT64: on i386, 64-bit arguments take two registers;
 *           MAPS: changes the address space (-k reloads the maps)
 *
 * WATCHED rows are not decoded: the tracer stops them for what they do
 * to the tracee (MAPS for -k; SECCOMP for a filter of the tracee's own:
 * seccomp(2), and prctl(2) when its first argument is PR_SET_SECCOMP).
 */

/*       name               x86_64  i386  class  fds     result  flags    decoder */
SYSCALL(read,                 0,      3,  DATA,  "s",    BYTES,  0,       read)
SYSCALL(write,                1,      4,  DATA,  "d",    BYTES,  0,       write)
SYSCALL(pread64,             17,    180,  DATA,  "s",    BYTES,  SPLIT64, pread64)
SYSCALL(pwrite64,            18,    181,  DATA,  "d",    BYTES,  SPLIT64, pwrite64)
SYSCALL(readv,               19,    145,  DATA,  "s",    BYTES,  0,       readv)
SYSCALL(writev,              20,    146,  DATA,  "d",    BYTES,  0,       writev)
SYSCALL(preadv,             295,    333,  DATA,  "s",    BYTES,  SPLIT64, preadv)
SYSCALL(pwritev,            296,    334,  DATA,  "d",    BYTES,  SPLIT64, pwritev)
SYSCALL(process_vm_readv,   310,    347,  DATA,  "",     BYTES,  0,       process_vm_readv)
SYSCALL(process_vm_writev,  311,    348,  DATA,  "",     BYTES,  0,       process_vm_writev)
SYSCALL(preadv2,            327,    378,  DATA,  "s",    BYTES,  SPLIT64, preadv2)
SYSCALL(pwritev2,           328,    379,  DATA,  "d",    BYTES,  SPLIT64, pwritev2)
SYSCALL(sendfile,            40,    187,  DATA,  "ds",   BYTES,  0,       sendfile)
SYSCALL(sendfile64,          -1,    239,  DATA,  "ds",   BYTES,  0,       sendfile64)
SYSCALL(splice,             275,    313,  DATA,  "s-d",  BYTES,  0,       splice)
SYSCALL(tee,                276,    315,  DATA,  "sd",   BYTES,  0,       tee)
SYSCALL(vmsplice,           278,    316,  DATA,  "d",    BYTES,  0,       vmsplice)
SYSCALL(copy_file_range,    326,    377,  DATA,  "s-d",  BYTES,  0,       copy_file_range)
SYSCALL(fsync,               74,    118,  SYNC,  "n",    STATUS, 0,       fsync)
SYSCALL(fdatasync,           75,    148,  SYNC,  "n",    STATUS, 0,       fdatasync)

/*       name               x86_64  i386  flags */
WATCHED(mmap,                 9,     90,  MAPS)
WATCHED(mmap2,               -1,    192,  MAPS)
WATCHED(mprotect,            10,    125,  MAPS)
WATCHED(munmap,              11,     91,  MAPS)
WATCHED(brk,                 12,     45,  MAPS)
WATCHED(mremap,              25,    163,  MAPS)
WATCHED(shmat,               30,    397,  MAPS)
WATCHED(execve,              59,     11,  MAPS)
WATCHED(execveat,           322,    358,  MAPS)
WATCHED(seccomp,            317,    354,  SECCOMP)
WATCHED(prctl,              157,    172,  PRCTL_SECCOMP)
