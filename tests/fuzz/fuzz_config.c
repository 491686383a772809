/* fuhua fuzz — the configuration loader (libFuzzer). Each input replaces
 * one file of a copy of fixtures/config, chosen by its first byte: a level
 * file or a hub file; then the whole directory is loaded and checked. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuhua/config.h"

static char dir[256];
static const char *const targets[] = { "levels/street.yaml", "levels/city.yaml", "hubs/ja-dn.yaml", "hubs/ja.yaml" };

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	snprintf(dir, sizeof dir, "/tmp/fuhua-fuzz-config.XXXXXX");
	if (!mkdtemp(dir))
		abort();
	char cmd[600];
	const char *src = getenv("FUHUA_FIXTURES") ? getenv("FUHUA_FIXTURES") : "fixtures/config";
	snprintf(cmd, sizeof cmd, "cp -r '%s'/. '%s'/", src, dir);
	if (system(cmd) != 0)
		abort();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, targets[data[0] % 4]);
	FILE *f = fopen(path, "wb");
	if (!f)
		abort();
	fwrite(data + 1, 1, size - 1, f);
	fclose(f);
	fh_config *cfg = NULL;
	fh_error err;
	if (fh_config_load(dir, &cfg, &err) == FH_OK)
		fh_config_free(&cfg);
	return 0;
}
