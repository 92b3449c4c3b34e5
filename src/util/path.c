#include "config.h"
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "util/path.h"
#include "util/strbuf.h"
#include "util/util.h"

char *path_resolve(const char *path)
{
	char *real = realpath(path, NULL), *dir, *slash, *parent;
	struct strbuf sb = STRBUF_INIT;

	if (real)
		return real;
	slash = strrchr(path, '/');
	parent = slash ? xstrndup(path, slash == path ? 1 : (size_t)(slash - path)) : xstrdup(".");
	dir = realpath(parent, NULL);
	free(parent);
	if (!dir) {	/* not there yet: its dots resolved by their text */
		char cwd[4096];

		return path_join_clean(getcwd(cwd, sizeof(cwd)) ? cwd : "/", path, strlen(path));
	}
	sb_addstr(&sb, dir);
	if (strcmp(dir, "/"))
		sb_addch(&sb, '/');
	sb_addstr(&sb, slash ? slash + 1 : path);
	free(dir);
	return sb.buf;
}

/* Appends component @c (@n bytes) to absolute path @sb: "." stays, ".." goes up. */
static void push_component(struct strbuf *sb, const char *c, size_t n)
{
	if (!n || (n == 1 && c[0] == '.'))
		return;
	if (n == 2 && c[0] == '.' && c[1] == '.') {
		while (sb->len > 1 && sb->buf[sb->len - 1] != '/')
			sb->len--;
		if (sb->len > 1)
			sb->len--;	/* the slash before it */
		sb->buf[sb->len] = '\0';
		return;
	}
	if (sb->len > 1)
		sb_addch(sb, '/');
	sb_add(sb, c, n);
}

static void push_path(struct strbuf *sb, const char *p, size_t len)
{
	size_t i = 0;

	while (i < len) {
		size_t j = i;

		while (j < len && p[j] != '/')
			j++;
		push_component(sb, p + i, j - i);
		i = j + 1;
	}
}

char *path_join_clean(const char *dir, const char *rel, size_t rel_len)
{
	struct strbuf sb = STRBUF_INIT;

	sb_addch(&sb, '/');
	if (!rel_len || *rel != '/')
		push_path(&sb, dir, strlen(dir));
	push_path(&sb, rel, rel_len);
	return sb.buf;
}
