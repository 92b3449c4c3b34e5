/* A CPU-bound process for make bench LOAD=N: it spins until killed. */
int main(void)
{
	volatile unsigned long n = 0;

	for (;;)
		n++;
}
