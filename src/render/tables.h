#ifndef IOTRACE_TABLES_H
#define IOTRACE_TABLES_H

#include "render/output.h"

/* Prints the -c/-C table to @s. */
void summary_print(struct outstream *s);

/* Prints --summary=files' table to @s. */
void files_print(struct outstream *s);

#endif
