/*
 * Flag names as data.  Values are spelled out rather than taken from
 * <linux/fs.h>: the build host's headers may predate the newest flags,
 * and the tracee's kernel may be newer than both.
 */
#include "config.h"
#include "decoders/flags.h"

/* pwritev2/preadv2, in the kernel's order (include/uapi/linux/fs.h). */
static const struct xlat rwf[] = {
	{ 0x01, "RWF_HIPRI" },
	{ 0x02, "RWF_DSYNC" },
	{ 0x04, "RWF_SYNC" },
	{ 0x08, "RWF_NOWAIT" },
	{ RWF_APPEND_BIT, "RWF_APPEND" },
	{ RWF_NOAPPEND_BIT, "RWF_NOAPPEND" },
	{ 0x40, "RWF_ATOMIC" },
	{ 0x80, "RWF_DONTCACHE" },
	{ 0x100, "RWF_NOSIGNAL" },
};

const struct xlat_list rwf_flags = { rwf, sizeof(rwf) / sizeof(rwf[0]), "RWF_???" };

/* splice, tee, vmsplice (include/linux/splice.h). */
static const struct xlat splice[] = {
	{ 0x01, "SPLICE_F_MOVE" },
	{ 0x02, "SPLICE_F_NONBLOCK" },
	{ 0x04, "SPLICE_F_MORE" },
	{ 0x08, "SPLICE_F_GIFT" },
};

const struct xlat_list splice_flags = { splice, sizeof(splice) / sizeof(splice[0]), "SPLICE_F_???" };
