#ifndef IOTRACE_DECODERS_LAYOUTS_H
#define IOTRACE_DECODERS_LAYOUTS_H

/* The kernel's structs that syscall arguments point to, as data (call/layout.h). */

#include "call/layout.h"

/* struct iovec: iov_base (the payload), iov_len. */
extern const struct layout iovec_layout;

/* openat2's struct open_how (extensible). */
extern const struct layout open_how_layout;

/* struct flock of fcntl (set: without l_pid), and i386's flock64 of fcntl64. */
extern const struct layout flock_set_layout, flock_get_layout;
extern const struct layout flock64_set_layout, flock64_get_layout;

/* struct f_owner_ex (F_SETOWN_EX, F_GETOWN_EX). */
extern const struct layout f_owner_ex_layout;

/* Bare values: an int fd, a loff_t, a u64 write-life hint. */
extern const struct layout fd_layout, loff_layout, rw_hint_layout;

/* struct user_msghdr, and struct mmsghdr (a msghdr, then msg_len). */
extern const struct layout msghdr_layout, mmsghdr_layout;

/*
 * Socket options' values: struct linger, struct ucred, struct sock_fprog,
 * struct ip_mreq, struct tpacket_stats; SO_TXREHASH's named int.
 */
extern const struct layout linger_layout, ucred_layout, sock_fprog_layout, ip_mreq_layout;
extern const struct layout tpacket_stats_layout, txrehash_layout;

/*
 * A file's status: struct stat (x86_64's, and i386's old one of its
 * fstat), i386's struct stat64, struct statx.
 */
extern const struct layout stat_layout, stat64_layout, statx_layout;
extern const struct layout itimerspec_layout, itimerspec64_layout;
extern const struct layout statfs_layout, statfs64_layout, file_handle_layout;
extern const struct layout mq_attr_layout, mq_attr_named_layout, sigevent_layout, uint_layout;
extern const struct layout utimespec_layout, utimespec64_layout, utimeval_layout, utimbuf_layout;

/* struct timespec as the arch passes it, and the 64-bit one of i386's *_time64 calls. */
extern const struct layout timespec_layout, timespec64_layout, timeval_layout;

/* Linux AIO: struct iocb (io_cancel's: its head), io_submit's pointers to them, io_event, aio_context_t. */
extern const struct layout iocb_layout, iocb_head_layout, iocb_ptr_layout, io_event_layout;
extern const struct layout io_event_head_layout;
extern const struct layout aio_ctx_layout;

/* io_uring_params: the caller's part (a failed setup), and all of it. */
extern const struct layout uring_params_head_layout, uring_params_layout;


/* io_uring_register's registered ring fds. */
extern const struct layout rsrc_update_layout;

/*
 * io_uring_register's fixed files and buffers: FILES_UPDATE's update
 * (nr_args counts its fds: call_add_struct_counted()), FILES2 and
 * BUFFERS2's tables, FILES_UPDATE2 and BUFFERS_UPDATE's updates.
 */
extern const struct layout files_update_layout;
extern const struct layout rsrc_register_files_layout, rsrc_register_bufs_layout;
extern const struct layout rsrc_update2_files_layout, rsrc_update2_bufs_layout;

/* poll's struct pollfd: as asked (fd, events), and as answered (fd, revents; ready ones only). */
extern const struct layout pollfd_layout, pollfd_revents_layout;

/* setsockopt's multicast memberships: group_req, ipv6_mreq, packet_mreq; packet rings. */
extern const struct layout group_req_layout, ipv6_mreq_layout, packet_mreq_layout;
extern const struct layout tpacket_req_layout;

/* epoll_ctl's and epoll_wait's struct epoll_event. */
extern const struct layout epoll_event_layout;

/* io_pgetevents' struct __aio_sigset: the mask and its size. */
extern const struct layout aio_sigset_layout;

/* IORING_REGISTER_PROBE's answer: struct io_uring_probe, its ops[] in place. */
extern const struct layout uring_probe_layout;

#endif
