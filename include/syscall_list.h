/*
 * The one list of syscalls iotrace decodes.  Every table that needs a
 * syscall (names, per-arch number maps, the seccomp filter, -e trace=)
 * is generated from it, so adding a syscall is one line here plus its
 * decoder.  Numbers are the kernel's: -1 where the arch lacks the call.
 *
 *       name               x86_64  i386  decoder
 */
SYSCALL(read,                 0,      3,  read)
SYSCALL(write,                1,      4,  write)
SYSCALL(pread64,             17,    180,  pread64)
SYSCALL(pwrite64,            18,    181,  pwrite64)
