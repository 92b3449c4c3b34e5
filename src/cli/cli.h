#ifndef IOTRACE_CLI_H
#define IOTRACE_CLI_H

/* Fills opt from the command line; prints help/version or dies on bad input. */
void options_parse(int argc, char **argv);

#endif
