/* fuhua — a terminal application for social-organization incubation hubs.
 * main: options, language, then a subcommand or the terminal interface. */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "cmd/cli.h"
#include "fuhua/store.h"
#include "common/i18n.h"
#include "common/labels.h"
#include "screen/tui.h"

int main(int argc, char **argv)
{
	struct fh_opts o;
	/* --lang first, so that --help and every message of the parse speak it */
	const char *lang = NULL;
	for (int i = 1; i + 1 < argc; i++)
		if (strcmp(argv[i], "--lang") == 0 &&
		    (strcmp(argv[i + 1], "zh") == 0 || strcmp(argv[i + 1], "en") == 0))
			lang = argv[i + 1];
	fh_i18n_setup(lang, argv[0]);
	int rc = fh_cli_parse(argc, argv, &o);
	if (rc >= 0)
		return rc;
	if (o.lang)
		fh_i18n_set(o.lang);
	if (o.cmd && (rc = fh_cli_run(&o)) != FH_CLI_INTERFACE)
		return rc;

	char path[PATH_MAX];
	fh_store *store;
	fh_error err;
	if (fh_store_open(fh_cli_db_path(&o, path, sizeof path), &store, &err) != FH_OK) {
		char msg[1200];
		fprintf(stderr, "fuhua: %s\n", fh_error_text(&err, msg, sizeof msg));
		return fh_error_exit_status(err.code);
	}
	fh_actor probe;
	if (fh_actor_system(store, "tui", &probe, &err) != FH_OK) {
		fprintf(stderr, "fuhua: %s\n", err.message);
		fh_store_close(&store);
		return 1;
	}
	fh_store_cache_kib(store, FH_TUI_CACHE_KIB);
	rc = fh_app_run(store, NULL);
	fh_store_close(&store);
	return rc;
}
