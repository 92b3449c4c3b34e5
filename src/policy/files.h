#ifndef IOTRACE_FILES_H
#define IOTRACE_FILES_H

struct call;
struct outstream;

/* --summary=files: credits a finished call to the files its fds refer to. */
void files_add(const struct call *c);

/* Prints the per-file table to @s. */
void files_print(struct outstream *s);

#endif
