/*
 * Function names for -k, read from the ELF file with pread.  libunwind's
 * own lookup maps the whole file and reads it in place; a program that
 * truncates or rewrites a mapped binary (a rebuilt .so copied over a
 * running one) then makes the tracer die of SIGBUS.  pread cannot: a
 * short file only means no name.  Every size read from the file is
 * checked against bounds of our own, since the file is the tracee's.
 */
#include "config.h"
#include <elf.h>
#include <string.h>
#include <unistd.h>
#include "policy/elfsym.h"
#include "util/util.h"

#define MAX_PHDRS 128
#define MAX_SHDRS 4096		/* more sections than this: not searched */
#define SYM_CHUNK 512		/* symbols read at a time */

static int read_at(int fd, void *buf, size_t len, uint64_t off)
{
	size_t got = 0;

	while (got < len) {
		ssize_t n = pread(fd, (char *)buf + got, len - got, (off_t)(off + got));

		if (n <= 0)
			return -1;
		got += (size_t)n;
	}
	return 0;
}

/* The virtual address of file offset @off: through the PT_LOAD that holds it. */
static int vaddr_of(int fd, const Elf64_Ehdr *eh, uint64_t off, uint64_t *va)
{
	Elf64_Phdr ph[MAX_PHDRS];
	unsigned i, n = eh->e_phnum;

	if (eh->e_phentsize != sizeof(ph[0]) || n > MAX_PHDRS ||
	    read_at(fd, ph, n * sizeof(ph[0]), eh->e_phoff))
		return -1;
	for (i = 0; i < n; i++) {
		if (ph[i].p_type != PT_LOAD || off < ph[i].p_offset ||
		    off - ph[i].p_offset >= ph[i].p_filesz)
			continue;
		*va = ph[i].p_vaddr + (off - ph[i].p_offset);
		return 0;
	}
	return -1;
}

struct best {
	uint64_t dist;
	uint64_t name_at;	/* file offset of the name */
};

/* The closest STT_FUNC at or below @va among the symbols of section @sh. */
static void scan_symbols(int fd, const Elf64_Shdr *sh, const Elf64_Shdr *strtab,
			 uint64_t va, struct best *b)
{
	static Elf64_Sym syms[SYM_CHUNK];
	uint64_t n = sh->sh_size / sizeof(Elf64_Sym), i = 0;

	if (sh->sh_entsize != sizeof(Elf64_Sym))
		return;
	while (i < n) {
		size_t k, cnt = (size_t)MIN(n - i, (uint64_t)SYM_CHUNK);

		if (read_at(fd, syms, cnt * sizeof(syms[0]), sh->sh_offset + i * sizeof(syms[0])))
			return;
		for (k = 0; k < cnt; k++) {
			const Elf64_Sym *s = &syms[k];

			if (ELF64_ST_TYPE(s->st_info) != STT_FUNC || s->st_shndx == SHN_UNDEF ||
			    va < s->st_value || va - s->st_value >= b->dist ||
			    s->st_name >= strtab->sh_size)
				continue;
			b->dist = va - s->st_value;
			b->name_at = strtab->sh_offset + s->st_name;
		}
		i += cnt;
	}
}

/* Copies the NUL-terminated name at @at, as much as fits in @size. */
static int read_name(int fd, uint64_t at, char *buf, size_t size)
{
	size_t got = 0, room = size - 1;

	while (got < room) {
		ssize_t n = pread(fd, buf + got, MIN((size_t)4096, room - got), (off_t)(at + got));
		char *nul;

		if (n <= 0)
			return -1;
		nul = memchr(buf + got, '\0', (size_t)n);
		if (nul)
			return (int)(nul - buf);
		got += (size_t)n;
	}
	buf[room] = '\0';	/* a name longer than the buffer: cut, not lost */
	return (int)room;
}

int elfsym_lookup(int fd, uint64_t file_off, char *buf, size_t size, uint64_t *dist)
{
	Elf64_Ehdr eh;
	Elf64_Shdr sh, link;
	struct best b = { UINT64_MAX, 0 };
	uint64_t va, file_size = (uint64_t)lseek(fd, 0, SEEK_END);
	unsigned i;
	int len;

	if (size < 64 || read_at(fd, &eh, sizeof(eh), 0) || memcmp(eh.e_ident, ELFMAG, SELFMAG) ||
	    eh.e_ident[EI_CLASS] != ELFCLASS64 || vaddr_of(fd, &eh, file_off, &va))
		return -1;
	if (eh.e_shentsize != sizeof(sh) || eh.e_shnum > MAX_SHDRS)
		return -1;
	/* In section order, the first of equally close symbols wins, as in libunwind. */
	for (i = 0; i < eh.e_shnum; i++) {
		if (read_at(fd, &sh, sizeof(sh), eh.e_shoff + (uint64_t)i * sizeof(sh)))
			return -1;
		if ((sh.sh_type != SHT_SYMTAB && sh.sh_type != SHT_DYNSYM) ||
		    sh.sh_link >= eh.e_shnum ||
		    read_at(fd, &link, sizeof(link), eh.e_shoff + (uint64_t)sh.sh_link * sizeof(link)))
			continue;
		scan_symbols(fd, &sh, &link, va, &b);
	}
	/* libunwind's rule: a symbol farther away than the file is long is none. */
	if (b.dist == UINT64_MAX || b.dist >= file_size)
		return -1;
	len = read_name(fd, b.name_at, buf, size);
	if (len < 0)
		return -1;
	*dist = b.dist;
	return 0;
}
