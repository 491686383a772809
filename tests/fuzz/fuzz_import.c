/* fuhua fuzz — the CSV importer (libFuzzer): encoding detection, the CSV
 * reader, the headings, every field's parser and the checks, on a real
 * database. The first byte chooses --skip-bad and the encoding. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuhua/config.h"
#include "fuhua/hub.h"
#include "fuhua/import.h"
#include "fuhua/operator.h"
#include "fuhua/store.h"

static fh_store *store;
static fh_actor actor;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	char path[256];
	snprintf(path, sizeof path, "/tmp/fuhua-fuzz-import.%ld.db", (long)getpid());
	unlink(path);
	setenv("FUHUA_NOW", "2026-11-23T09:00", 1);
	fh_config *cfg;
	fh_error err;
	const char *src = getenv("FUHUA_FIXTURES") ? getenv("FUHUA_FIXTURES") : "fixtures/config";
	if (fh_config_load(src, &cfg, &err) != FH_OK || fh_store_create(path, &store, &err) != FH_OK ||
	    fh_hub_sync(store, cfg, "fuzz", NULL, &err) != FH_OK ||
	    fh_actor_system(store, "fuzz", &actor, &err) != FH_OK) {
		fprintf(stderr, "fuzz_import: %s\n", err.message);
		abort();
	}
	fh_config_free(&cfg);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	static const char *const enc[] = { NULL, NULL, "utf-8", "gb18030" };
	fh_import_options o = {
		.hub_code = "ja", .skip_bad = data[0] & 1, .encoding = enc[(data[0] >> 1) & 3], .source = "fuzz.csv"
	};
	fh_import_result res;
	fh_error err;
	fh_tenant_import(store, &actor, (const char *)data + 1, size - 1, &o, &res, &err);
	fh_import_result_free(&res);
	return 0;
}
