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
SYSCALL(readv,               19,    145,  readv)
SYSCALL(writev,              20,    146,  writev)
SYSCALL(preadv,             295,    333,  preadv)
SYSCALL(pwritev,            296,    334,  pwritev)
SYSCALL(process_vm_readv,   310,    347,  process_vm_readv)
SYSCALL(process_vm_writev,  311,    348,  process_vm_writev)
SYSCALL(preadv2,            327,    378,  preadv2)
SYSCALL(pwritev2,           328,    379,  pwritev2)
SYSCALL(sendfile,            40,    187,  sendfile)
SYSCALL(sendfile64,          -1,    239,  sendfile64)
SYSCALL(splice,             275,    313,  splice)
SYSCALL(tee,                276,    315,  tee)
SYSCALL(vmsplice,           278,    316,  vmsplice)
SYSCALL(copy_file_range,    326,    377,  copy_file_range)
