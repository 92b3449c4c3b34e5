/*
 * How tracee bytes, addresses and file names are written: strace's
 * quoting, and what --normalize renumbers.
 */
#include "config.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "util/util.h"
#include "config/options.h"
#include "policy/norm.h"
#include "render/quote.h"

static int is_octal(unsigned char c)
{
	return c >= '0' && c <= '7';
}

static int needs_hex(const unsigned char *p, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c = p[i];

		/* Printable or one of \t \n \v \f \r keeps the plain form. */
		if (c > 0x7e || (c < 0x20 && (c < '\t' || c > '\r')))
			return 1;
	}
	return 0;
}

static void quote_hex(struct strbuf *sb, const unsigned char *p, size_t len)
{
	static const char digits[] = "0123456789abcdef";
	size_t i;
	char *o;

	sb_grow(sb, len * 4);
	o = sb->buf + sb->len;
	for (i = 0; i < len; i++) {
		*o++ = '\\';
		*o++ = 'x';
		*o++ = digits[p[i] >> 4];
		*o++ = digits[p[i] & 15];
	}
	sb->len = (size_t)(o - sb->buf);
	sb->buf[sb->len] = '\0';
}

void quote_bytes(struct strbuf *sb, const unsigned char *p, size_t len)
{
	size_t i;
	char *o;

	if (opt.xmode == XMODE_ALL ||
	    (opt.xmode == XMODE_NONPRINT && needs_hex(p, len))) {
		quote_hex(sb, p, len);
		return;
	}
	sb_grow(sb, len * 4);	/* "\377" is the longest form */
	o = sb->buf + sb->len;
	for (i = 0; i < len; i++) {
		unsigned char c = p[i];

		switch (c) {
		case '"': *o++ = '\\'; *o++ = '"'; continue;
		case '\\': *o++ = '\\'; *o++ = '\\'; continue;
		case '\f': *o++ = '\\'; *o++ = 'f'; continue;
		case '\n': *o++ = '\\'; *o++ = 'n'; continue;
		case '\r': *o++ = '\\'; *o++ = 'r'; continue;
		case '\t': *o++ = '\\'; *o++ = 't'; continue;
		case '\v': *o++ = '\\'; *o++ = 'v'; continue;
		}
		if (c >= 0x20 && c <= 0x7e) {
			*o++ = (char)c;
			continue;
		}
		*o++ = '\\';
		/* A following digit would extend a short octal escape. */
		if (i + 1 < len && is_octal(p[i + 1])) {
			*o++ = (char)('0' + (c >> 6));
			*o++ = (char)('0' + ((c >> 3) & 7));
		} else {
			if (c >> 6)
				*o++ = (char)('0' + (c >> 6));
			if (c >> 3)
				*o++ = (char)('0' + ((c >> 3) & 7));
		}
		*o++ = (char)('0' + (c & 7));
	}
	sb->len = (size_t)(o - sb->buf);
	sb->buf[sb->len] = '\0';
}

/* A non-NULL address: hex, or with --normalize "ADDR" and its ordinal. */
void quote_hexaddr(struct strbuf *sb, uint64_t a)
{
	if (opt.normalize)
		sb_addf(sb, "ADDR%u", norm_addr(a));
	else
		sb_addhex(sb, a);
}

void quote_addr(struct strbuf *sb, uint64_t a)
{
	if (a)
		quote_hexaddr(sb, a);
	else
		sb_addstr(sb, "NULL");
}

/* Digits at @p, before @end, and what follows them; 0 when none. */
static size_t digits(const char *p, const char *end, unsigned long long *v)
{
	char *stop;

	if (p >= end || *p < '0' || *p > '9')
		return 0;
	*v = strtoull(p, &stop, 10);
	return stop <= end ? (size_t)(stop - p) : 0;
}

void file_name_raw(struct strbuf *sb, const char *path, size_t len)
{
	const char *br = memchr(path, '[', len), *end = path + len, *p;
	unsigned long long ino;
	size_t n;

	/*
	 * Only pseudo-files ("pipe:[1234]", "socket:[5678]", and -yy's
	 * "UNIX-STREAM:[1234->1235,...]") carry inodes: a path never does.
	 */
	if (!opt.normalize || !len || path[0] == '/' || !br || path[len - 1] != ']' ||
	    !(n = digits(br + 1, end, &ino)) || !strchr("]-,", br[1 + n])) {
		sb_add(sb, path, len);
		return;
	}
	sb_add(sb, path, (size_t)(br - path) + 1);
	sb_addf(sb, "%u", norm_inode(ino));
	p = br + 1 + n;
	if (end - p > 2 && !memcmp(p, "->", 2) && (n = digits(p + 2, end, &ino))) {
		sb_addf(sb, "->%u", norm_inode(ino));	/* a UNIX socket's peer */
		p += 2 + n;
	}
	sb_add(sb, p, (size_t)(end - p));
}

/*
 * A file name between -y's brackets: quoted as data, and ">" in octal
 * too, as strace does, so that the closing bracket is the only one.
 */
void file_name_text(struct strbuf *sb, const char *path, size_t len)
{
	struct strbuf raw = STRBUF_INIT;
	const unsigned char *p, *end, *gt;

	file_name_raw(&raw, path, len);
	p = (const unsigned char *)raw.buf;
	end = p + raw.len;
	while ((gt = memchr(p, '>', (size_t)(end - p)))) {
		quote_bytes(sb, p, (size_t)(gt - p));
		/* three digits only before an octal digit, as quote_bytes writes */
		sb_addstr(sb, gt + 1 < end && gt[1] >= '0' && gt[1] <= '7' ? "\\076" : "\\76");
		p = gt + 1;
	}
	quote_bytes(sb, p, (size_t)(end - p));
	sb_release(&raw);
}

void quote_timestamp(struct strbuf *sb)
{
	static uint64_t last_ns;
	struct timespec ts;
	struct tm tm;
	uint64_t now, d;

	if (opt.timestamps == TS_RELATIVE) {
		now = now_ns();
		d = last_ns ? now - last_ns : 0;
		last_ns = now;
		sb_addf(sb, "%6llu.%06llu ", (unsigned long long)(d / 1000000000u),
			(unsigned long long)(d % 1000000000u / 1000));
		return;
	}
	clock_gettime(CLOCK_REALTIME, &ts);
	if (opt.timestamps == TS_EPOCH) {
		sb_addf(sb, "%lld.%06ld ", (long long)ts.tv_sec, ts.tv_nsec / 1000);
		return;
	}
	localtime_r(&ts.tv_sec, &tm);
	sb_addf(sb, "%02d:%02d:%02d", tm.tm_hour, tm.tm_min, tm.tm_sec);
	if (opt.timestamps == TS_MICRO)
		sb_addf(sb, ".%06ld", ts.tv_nsec / 1000);
	sb_addch(sb, ' ');
}

unsigned quote_pid(pid_t pid)
{
	return opt.normalize ? norm_pid(pid) : (unsigned)pid;
}

const char *quote_pid_str(pid_t pid)
{
	static char bufs[4][NORM_NAME_SHOWN];
	static unsigned next;
	char *b = bufs[next++ % 4];
	const char *name;

	if (!opt.normalize)
		snprintf(b, NORM_NAME_SHOWN, "%d", (int)pid);	/* pidfd_open(-1, 0) */
	else if ((name = norm_name(pid)))
		snprintf(b, NORM_NAME_SHOWN, "%s", name);
	else	/* never traced: numbered apart from the lineages */
		snprintf(b, NORM_NAME_SHOWN, "x%u", norm_pid(pid));
	return b;
}
