/* fuhua core — the hub tree of a configuration: one city, unique codes,
 * known parents, no cycle, each level under the one above. Linear in the
 * number of hubs, so a configuration of thousands is checked at once. */
#include "config_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

/* Hubs by code, for lookups in O(log n): the tree checks stay linear in the
 * number of hubs (a chain of thousands is checked at once). */
static const struct hub_entry *sort_hubs;

static int by_code_then_index(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	int c = strcmp(sort_hubs[x].def.code, sort_hubs[y].def.code);
	return c ? c : (x > y) - (x < y);
}

static long lookup(const struct hub_entry *hubs, size_t nhubs, const size_t *sorted, const char *code)
{
	size_t lo = 0, hi = nhubs;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(hubs[sorted[mid]].def.code, code);
		if (c == 0)
			return (long)sorted[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* Follows parents from hub i, marking the path; a hub met again on the same
 * path closes a cycle. state: 0 new, 1 on the path being walked, 2 checked. */
static fh_status walk_up(const struct hub_entry *hubs, const long *parent, unsigned char *state, size_t i,
			 fh_error *err)
{
	size_t p = i;
	while (state[p] == 0) {
		state[p] = 1;
		if (parent[p] < 0)
			break;
		p = (size_t)parent[p];
	}
	if (state[p] == 1 && parent[p] >= 0) { /* back on this path: a cycle through p */
		const struct hub_entry *e = &hubs[p];
		char path[256] = "";
		size_t q = p, used = 0;
		do {
			used += (size_t)snprintf(path + used, used < sizeof path ? sizeof path - used : 0, "%s → ",
						 hubs[q].def.code);
			q = (size_t)parent[q];
		} while (q != p && used < sizeof path);
		if (used < sizeof path)
			snprintf(path + used, sizeof path - used, "%s", e->def.code);
		return fh_error_at(err, e->def.file, e->parent_line, e->parent_col, _("hub parents form a cycle: %s"),
				   path);
	}
	for (p = i; state[p] == 1; p = (size_t)parent[p]) {
		state[p] = 2;
		if (parent[p] < 0)
			break;
	}
	return FH_OK;
}

static fh_status check_links(const struct hub_entry *hubs, size_t nhubs, const size_t *sorted, long *parent,
			     fh_error *err)
{
	for (size_t k = 1; k < nhubs; k++) {
		const struct hub_entry *e = &hubs[sorted[k]], *before = &hubs[sorted[k - 1]];
		if (strcmp(e->def.code, before->def.code) == 0)
			return fh_error_at(err, e->def.file, e->code_line, e->code_col,
					   _("duplicate hub code '%s' (also in %s)"), e->def.code, before->def.file);
	}
	for (size_t i = 0; i < nhubs; i++) {
		const struct hub_entry *e = &hubs[i];
		parent[i] = e->def.parent ? lookup(hubs, nhubs, sorted, e->def.parent) : -1;
		if (e->def.parent && parent[i] < 0)
			return fh_error_at(err, e->def.file, e->parent_line, e->parent_col,
					   _("unknown parent hub '%s'"), e->def.parent);
	}
	return FH_OK;
}

fh_status fh_config_check_tree(const struct hub_entry *hubs, size_t nhubs, fh_error *err)
{
	const struct hub_entry *root = NULL;
	for (size_t i = 0; i < nhubs; i++) {
		const struct hub_entry *e = &hubs[i];
		if (e->def.level != FH_LEVEL_CITY)
			continue;
		if (root)
			return fh_error_at(
				err, e->def.file, e->code_line, e->code_col,
				_("a second city hub '%s' (one database serves one city; the first is '%s')"),
				e->def.code, root->def.code);
		root = e;
	}
	size_t *sorted = malloc((nhubs + 1) * sizeof *sorted);
	long *parent = malloc((nhubs + 1) * sizeof *parent);
	unsigned char *state = calloc(nhubs + 1, 1);
	fh_status st = sorted && parent && state ? FH_OK : fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
	for (size_t i = 0; st == FH_OK && i < nhubs; i++)
		sorted[i] = i;
	if (st == FH_OK) {
		sort_hubs = hubs;
		qsort(sorted, nhubs, sizeof *sorted, by_code_then_index);
		st = check_links(hubs, nhubs, sorted, parent, err);
	}
	for (size_t i = 0; st == FH_OK && i < nhubs; i++)
		st = walk_up(hubs, parent, state, i, err);
	for (size_t i = 0; st == FH_OK && i < nhubs; i++) {
		const struct hub_entry *e = &hubs[i];
		if (parent[i] < 0)
			continue;
		const struct hub_entry *p = &hubs[parent[i]];
		if (p->def.level + 1 != e->def.level)
			st = fh_error_at(err, e->def.file, e->parent_line, e->parent_col,
					 _("a %s hub's parent must be a %s hub, but '%s' is a %s hub"),
					 fh_level_name(e->def.level), fh_level_name((fh_level)(e->def.level - 1)),
					 p->def.code, fh_level_name(p->def.level));
	}
	free(sorted);
	free(parent);
	free(state);
	return st;
}
