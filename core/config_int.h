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
fh_status fh_cfg_at(struct fh_cfg_ctx *c, const fh_ynode *n, const char *fmt, const char *a,
		    const char *b);
fh_status fh_cfg_want(struct fh_cfg_ctx *c, const fh_ynode *n, fh_ytype type, const char *what);
fh_status fh_cfg_get_int(struct fh_cfg_ctx *c, const fh_ynode *n, long min, long max, int *out);
fh_status fh_cfg_get_number(struct fh_cfg_ctx *c, const fh_ynode *n, double min, double max,
			    double *out);
fh_status fh_cfg_get_bool(struct fh_cfg_ctx *c, const fh_ynode *n, bool *out);
fh_status fh_cfg_get_text(struct fh_cfg_ctx *c, const fh_ynode *n, size_t max_chars, char **out);
fh_status fh_cfg_unknown_key(struct fh_cfg_ctx *c, const fh_ynode *key, const char *const *known);
/* The index of name in the NULL-ended list, or -1. */
int fh_cfg_key_index(const char *name, const char *const *known);
fh_status fh_cfg_check_required(struct fh_cfg_ctx *c, const fh_ynode *map, unsigned seen,
				unsigned required, const char *const *known);

/* party:, sync: and coverage: (config_party.c), and their defaults. */
void fh_cfg_party_defaults(fh_rules *r);
fh_status fh_cfg_read_party(struct fh_cfg_ctx *c, const fh_ynode *n, fh_rules *r);
fh_status fh_cfg_read_sync(struct fh_cfg_ctx *c, const fh_ynode *n, fh_rules *r);
fh_status fh_cfg_read_coverage(struct fh_cfg_ctx *c, const fh_ynode *n, fh_rules *r);

/* milestones: and mentoring: (config_milestone.c); templates are freed
 * with fh_cfg_tpl_free. */
fh_status fh_cfg_read_milestones(struct fh_cfg_ctx *c, const fh_ynode *n, fh_rules *r);
fh_status fh_cfg_read_mentoring(struct fh_cfg_ctx *c, const fh_ynode *n, fh_rules *r);
void fh_cfg_tpl_free(fh_milestone_tpl *t, size_t n);

/* fee_per_*, handover_working_days, booking: and holidays: (config_space.c);
 * the calendar's lists are owned by the rules: copy and free them here. */
void fh_cfg_space_defaults(fh_rules *r);
bool fh_cfg_space_copy(fh_rules *dst, const fh_rules *src);
void fh_cfg_space_free(fh_rules *r);
fh_status fh_cfg_read_booking(struct fh_cfg_ctx *c, const fh_ynode *n, fh_rules *r);
fh_status fh_cfg_read_holidays(struct fh_cfg_ctx *c, const fh_ynode *n, fh_rules *r);
/* A hub file's spaces (config_space.c). */
fh_status fh_cfg_read_spaces(struct fh_cfg_ctx *c, const fh_ynode *n, fh_hub_def *h);
/* A code: 1–32 letters, digits, '-' or '_'; replaces *out. */
fh_status fh_cfg_get_code(struct fh_cfg_ctx *c, const fh_ynode *n, char **out);

#endif
