/* fuhua tests — what the tests of a section of the rules share: a
 * configuration directory of one city level and one hub, written from the
 * text of the level's settings and the hub's overrides, and loaded. */
#ifndef FUHUA_TEST_RULES_H
#define FUHUA_TEST_RULES_H

#include <sys/stat.h>

#include "helpers.h"

#include "fuhua/config.h"

/* The keys every level file sets. */
#define LEVEL_REQUIRED "incubation_term_months: 24\nfree_period_months: 12\nfields: [为老服务, 其他]\n"

/* Loads levels/city.yaml ("level: city", then `level`) and hubs/c.yaml (a
 * city hub, with `overrides` under overrides: when not NULL, each line
 * indented there by the caller). FH_OK with *cfg, else the loader's error. */
static inline fh_status rules_load(const char *level, const char *overrides, fh_config **cfg, fh_error *err)
{
	char dir[300], path[400];
	static int n;
	snprintf(dir, sizeof dir, "%s/rules-%d", tmpdir(), n++);
	mkdir(dir, 0700);
	snprintf(path, sizeof path, "%s/levels", dir);
	mkdir(path, 0700);
	snprintf(path, sizeof path, "%s/hubs", dir);
	mkdir(path, 0700);
	char text[4000];
	snprintf(path, sizeof path, "%s/levels/city.yaml", dir);
	snprintf(text, sizeof text, "level: city\n%s", level);
	write_file(path, text);
	snprintf(path, sizeof path, "%s/hubs/c.yaml", dir);
	snprintf(text, sizeof text, "code: c\nname: 测试市\nlevel: city\n%s%s", overrides ? "overrides:\n" : "",
		 overrides ? overrides : "");
	write_file(path, text);
	return fh_config_load(dir, cfg, err);
}

/* The rules of the one hub of a configuration rules_load made. */
static inline const fh_rules *rules_of(const fh_config *cfg)
{
	return &fh_config_find_hub(cfg, "c")->rules;
}

/* Loads a level with `level` and expects FH_ECONFIG whose message has
 * `says` (asserted). */
static inline void rules_refused(const char *level, const char *says)
{
	fh_config *cfg;
	fh_error err;
	assert_int_equal(rules_load(level, NULL, &cfg, &err), FH_ECONFIG);
	assert_null(cfg);
	if (!strstr(err.message, says))
		fail_msg("'%s' does not say '%s'", err.message, says);
}

#endif
