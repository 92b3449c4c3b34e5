/*
 * Call chains for -k.  f0 -> f1 -> f2 -> f3 -> write spans three source
 * files, all noinline, so the frames are real.
 * usage: stack chain | long | dlopen LIB | reload LIB | wait | loop N | truncate LIB N | cut LIB
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <link.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/param.h>
#include <sys/stat.h>
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

/*
 * truncate mode: a library's frame is on the stack while another thread
 * empties its file and writes it back, over and over, as copying a
 * rebuilt library over a running one does.  The program itself never
 * touches the library's pages meanwhile, and leaves with _exit (its
 * destructors live in those pages).
 */
static const char *lib_path;
static char *lib_bytes;
static size_t lib_size;
static int writes;
static volatile int done;

static void *rewrite_lib(void *arg)
{
	int fd = open(lib_path, O_WRONLY);

	while (fd >= 0 && !done) {
		size_t at;

		/* A page at a time: the file is cut short most of the time. */
		ftruncate(fd, 0);
		for (at = 0; at < lib_size; at += 4096)
			pwrite(fd, lib_bytes + at, MIN(4096, lib_size - at), (off_t)at);
	}
	if (fd >= 0)
		close(fd);
	return arg;
}

static int write_while_rewritten(void)
{
	pthread_t t;
	int i;

	pthread_create(&t, NULL, rewrite_lib, NULL);
	/* The munmap makes a -k tracer forget what it knew of the maps. */
	for (i = 0; i < writes; i++) {
		munmap(mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), 4096);
		write(out_fd, "t", 1);
	}
	done = 1;
	pthread_join(t, NULL);
	return 0;
}

static int truncate_mode(const char *path, int n)
{
	struct stat st;
	int fd = open(path, O_RDONLY), (*call)(int (*)(void));
	void *lib;

	if (fd < 0 || fstat(fd, &st))
		return 3;
	lib_path = path;
	lib_size = (size_t)st.st_size;
	lib_bytes = malloc(lib_size);
	if (!lib_bytes || read(fd, lib_bytes, lib_size) != (ssize_t)lib_size)
		return 3;
	close(fd);
	writes = n;
	lib = dlopen(path, RTLD_NOW);
	if (!lib)
		return 3;
	call = (int (*)(int (*)(void)))dlsym(lib, "dl_call");
	call(write_while_rewritten);
	printf("survived %d writes\n", n);
	fflush(stdout);
	_exit(0);
}

/* cut mode: the library's file loses all but its code, then the program writes. */
static long keep;

static int cut_then_write(void)
{
	truncate(lib_path, keep);
	write(out_fd, "c", 1);
	return 0;
}

static int find_code_end(struct dl_phdr_info *info, size_t size, void *data)
{
	int i;

	(void)size;
	if (!strstr(info->dlpi_name, (const char *)data))
		return 0;
	for (i = 0; i < info->dlpi_phnum; i++)
		if (info->dlpi_phdr[i].p_type == PT_LOAD && (info->dlpi_phdr[i].p_flags & PF_X))
			keep = (long)(info->dlpi_phdr[i].p_offset + info->dlpi_phdr[i].p_filesz);
	return 1;
}

static int cut_mode(const char *path)
{
	void *lib = dlopen(path, RTLD_NOW);
	int (*call)(int (*)(void));

	if (!lib)
		return 3;
	lib_path = path;
	dl_iterate_phdr(find_code_end, (void *)path);
	if (!keep)
		return 4;
	call = (int (*)(int (*)(void)))dlsym(lib, "dl_call");
	call(cut_then_write);
	_exit(0);
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
	} else if (!strcmp(argv[1], "cut") && argc == 3) {
		return cut_mode(argv[2]);
	} else if (!strcmp(argv[1], "truncate") && argc == 4) {
		return truncate_mode(argv[2], atoi(argv[3]));
	} else if (!strcmp(argv[1], "loop") && argc == 3) {
		f0(atoi(argv[2]));
	} else {
		return 2;
	}
	return 0;
}
