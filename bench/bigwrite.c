/* For peak RSS: one write of a 1 GiB buffer to /dev/null. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
	size_t n = (size_t)1 << 30;
	char *p = malloc(n);
	int fd = open("/dev/null", O_WRONLY);

	if (!p || fd < 0)
		return 1;
	memset(p, 'b', n);
	return write(fd, p, n) == (ssize_t)n ? 0 : 1;
}
