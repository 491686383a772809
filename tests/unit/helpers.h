/* fuhua tests — shared helpers for the unit tests. */
#ifndef FUHUA_TEST_HELPERS_H
#define FUHUA_TEST_HELPERS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

/* A fresh temporary directory per test binary run. */
static inline const char *tmpdir(void)
{
	static char dir[64];
	if (!dir[0]) {
		snprintf(dir, sizeof dir, "/tmp/fuhua-unit.XXXXXX");
		if (!mkdtemp(dir))
			abort();
	}
	return dir;
}

static inline void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* The repository's fixtures, from the test's working directory (the root). */
#define FIXTURES "fixtures/config"

#endif
