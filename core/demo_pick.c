/* fuhua core — the demo's random stream: the same seed gives the same
 * database on every machine. */
#include "demo_int.h"

/* splitmix64: small, fast, the same everywhere. */
static uint64_t next(uint64_t *state)
{
	uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

int fh_demo_pick(uint64_t *rng, int n)
{
	return (int)(next(rng) % (uint64_t)n);
}
