#ifndef IOTRACE_PATH_H
#define IOTRACE_PATH_H

/*
 * @path with symbolic links, "." and ".." resolved, as realpath(3); a
 * file that does not exist yet gets its directory resolved.  Relative
 * paths are taken from iotrace's own directory.  Returns a string to
 * free.
 */
char *path_resolve(const char *path);

/*
 * @rel taken from directory @dir (unless it is absolute), with ".", ".."
 * and repeated slashes resolved by their text alone: no file system is
 * asked, since the path may lie on one the stopped tracee serves (FUSE).
 * Returns a string to free.
 */
char *path_join_clean(const char *dir, const char *rel, size_t rel_len);

#endif
