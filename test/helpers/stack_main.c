/*
 * Call chains for -k.  f0 -> f1 -> f2 -> f3 -> write spans three source
 * files, all noinline, so the frames are real.
 * usage: stack chain | long | dlopen LIB | reload LIB | wait | loop N
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "stack.h"

int out_fd;

static volatile sig_atomic_t go;

static void on_usr1(int sig)
{
	(void)sig;
	go = 1;
}

int main(int argc, char **argv)
{
	close_range(3, ~0u, 0);
	out_fd = open("/dev/null", O_WRONLY);
	if (argc < 2)
		return 2;
	if (!strcmp(argv[1], "chain")) {
		f0(1);
	} else if (!strcmp(argv[1], "long")) {
		a_function_whose_name_is_far_longer_than_one_hundred_characters_so_that_no_fixed_buffer_can_hold_it_whole_0123456789();
	} else if (!strcmp(argv[1], "dlopen") && argc == 3) {
		void *lib = dlopen(argv[2], RTLD_NOW);
		void (*fn)(int);

		if (!lib)
			return 3;
		fn = (void (*)(int))dlsym(lib, "dl_writer");
		fn(out_fd);
	} else if (!strcmp(argv[1], "reload") && argc == 3) {
		/* Load, call, unload, take its old address, load again elsewhere. */
		int k;

		for (k = 0; k < 2; k++) {
			void *lib = dlopen(argv[2], RTLD_NOW);
			void (*fn)(int);
			Dl_info info;

			if (!lib)
				return 3;
			fn = (void (*)(int))dlsym(lib, "dl_writer");
			fn(out_fd);
			if (!dladdr((void *)fn, &info))
				return 4;
			dlclose(lib);
			if (!k && mmap(info.dli_fbase, 4096, PROT_READ | PROT_EXEC,
				       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE,
				       -1, 0) != info.dli_fbase)
				return 5;
		}
	} else if (!strcmp(argv[1], "wait")) {
		signal(SIGUSR1, on_usr1);
		while (!go)
			pause();
		f0(1);
	} else if (!strcmp(argv[1], "loop") && argc == 3) {
		f0(atoi(argv[2]));
	} else {
		return 2;
	}
	return 0;
}
