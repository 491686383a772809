/* fuhua core — private: what the configuration loader and its tree check
 * share. */
#ifndef FUHUA_CORE_CONFIG_INT_H
#define FUHUA_CORE_CONFIG_INT_H

#include <stddef.h>

#include "fuhua/config.h"
#include "fuhua/error.h"

/* A hub as read, with the places of its code and parent for messages. */
struct hub_entry {
	fh_hub_def def;
	int code_line, code_col, parent_line, parent_col;
};

/* Checks the tree the hubs form: one city hub, unique codes, known parents,
 * no cycle, each hub's parent one level up. FH_OK, or FH_ECONFIG at the
 * file, line and column at fault. */
fh_status fh_config_check_tree(const struct hub_entry *hubs, size_t nhubs, fh_error *err);

#endif
