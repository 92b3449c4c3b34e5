#ifndef IOTRACE_ENDPOINTS_H
#define IOTRACE_ENDPOINTS_H

/* -yy: sockets named by their endpoints (see memory/sockdiag.h). */

#include <stdint.h>
#include <sys/types.h>

/*
 * Socket @ino, fd @fd of thread @tid, as strace -yy names it, into @buf:
 * "TCP:[127.0.0.1:5555->127.0.0.1:80]", "UNIX-STREAM:[1234->1235,\"/run/x\"]",
 * "UDP:[1234]" when the kernel knows no address for it, quoted for
 * printing.  Returns its length, or -1 for a socket of a protocol sock_diag
 * does not answer for (it stays "socket:[ino]").
 */
ssize_t endpoints_text(pid_t tid, int fd, uint64_t ino, char *buf, size_t size);

/* Socket @ino was closed. */
void endpoints_closed(uint64_t ino);

#endif
