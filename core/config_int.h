/* fuhua core — private: what the configuration loader and its tree check
 * share. */
#ifndef FUHUA_CORE_CONFIG_INT_H
#define FUHUA_CORE_CONFIG_INT_H

#include <stddef.h>

#include "fuhua/config.h"
#include "fuhua/error.h"
#include "yaml.h"

/* A hub as read, with the places of its code and parent for messages. */
struct hub_entry {
	fh_hub_def def;
	int code_line, code_col, parent_line, parent_col;
};

/* Checks the tree the hubs form: one city hub, unique codes, known parents,
 * no cycle, each hub's parent one level up. FH_OK, or FH_ECONFIG at the
 * file, line and column at fault. */
fh_status fh_config_check_tree(const struct hub_entry *hubs, size_t nhubs, fh_error *err);

/* What a reader is working on: the file, for messages, and the error. */
struct fh_cfg_ctx {
	const char *file;
	fh_error *err;
};

/* The stages' names, ending with NULL (the keys of stages:). */
extern const char *const fh_cfg_stage_names[FH_STAGE_COUNT + 1];

/* FH_ENOMEM in c's error. */
fh_status fh_cfg_oom(struct fh_cfg_ctx *c);

/* The typed readers (config_read.c), shared with the rule readers of the other
 * config files: each FH_OK, or FH_ECONFIG at the node with the reason. */
fh_status fh_cfg_at(struct fh_cfg_ctx *c, const fh_ynode *n, const char *fmt, const char *a, const char *b);
fh_status fh_cfg_want(struct fh_cfg_ctx *c, const fh_ynode *n, fh_ytype type, const char *what);
fh_status fh_cfg_get_int(struct fh_cfg_ctx *c, const fh_ynode *n, long min, long max, int *out);
fh_status fh_cfg_get_number(struct fh_cfg_ctx *c, const fh_ynode *n, double min, double max, double *out);
fh_status fh_cfg_get_bool(struct fh_cfg_ctx *c, const fh_ynode *n, bool *out);
fh_status fh_cfg_get_text(struct fh_cfg_ctx *c, const fh_ynode *n, size_t max_chars, char **out);
fh_status fh_cfg_unknown_key(struct fh_cfg_ctx *c, const fh_ynode *key, const char *const *known);
/* The index of name in the NULL-ended list, or -1. */
int fh_cfg_key_index(const char *name, const char *const *known);
fh_status fh_cfg_check_required(struct fh_cfg_ctx *c, const fh_ynode *map, unsigned seen, unsigned required,
				const char *const *known);

/* A key of a module's section of the rules, as a level file or a hub's
 * overrides sets it: read checks the node and replaces what r holds for the
 * key, or leaves r as it was and returns FH_ECONFIG (or FH_ENOMEM) at the
 * node. */
struct fh_cfg_key {
	const char *name;
	bool required; /* every level file sets it */
	fh_status (*read)(struct fh_cfg_ctx *c, const fh_ynode *n, fh_rules *r);
};

/* A module's section of the rules (config.h), registered in the module
 * table (modules.h) as its config: the keys it reads, ending with { NULL },
 * and what it does to its part of fh_rules. defaults writes the section's
 * defaults (NULL: all zero). After a copy of the whole struct, copy gives dst
 * its own copies of the section's memory: false when out of memory, dst's
 * part then freeable. free releases the section's memory and zeroes it.
 * copy and free are NULL for a section that owns none. */
struct fh_cfg_section {
	const struct fh_cfg_key *keys;
	void (*defaults)(fh_rules *r);
	bool (*copy)(fh_rules *dst, const fh_rules *src);
	void (*free)(fh_rules *r);
};

/* A copy of s, or NULL (and *ok false when s was not NULL: out of memory). */
char *fh_cfg_dup(const char *s, bool *ok);

/* A hub file's spaces (config_space.c). */
fh_status fh_cfg_read_spaces(struct fh_cfg_ctx *c, const fh_ynode *n, fh_hub_def *h);
/* A code: 1–32 letters, digits, '-' or '_'; replaces *out. */
fh_status fh_cfg_get_code(struct fh_cfg_ctx *c, const fh_ynode *n, char **out);

#endif
