/* fuhua core — private: a small, safe YAML tree read with libyaml's event API.
 *
 * Anchors and aliases are refused (never followed), as are duplicate keys,
 * more than FH_YAML_MAX_DEPTH levels of nesting, files over FH_YAML_MAX_BYTES
 * and more than one document. Every node keeps its line and column. */
#ifndef FUHUA_CORE_YAML_H
#define FUHUA_CORE_YAML_H

#include <stdbool.h>
#include <stddef.h>

#include "fuhua/error.h"

#define FH_YAML_MAX_DEPTH 16
#define FH_YAML_MAX_BYTES (256 * 1024)
#define FH_YAML_MAX_NODES 20000

typedef enum { FH_YSCALAR, FH_YMAP, FH_YSEQ } fh_ytype;

typedef struct fh_ynode {
	fh_ytype type;
	int line, column;       /* 1-based start of the node */
	char *value;            /* scalars: the text, NUL-terminated */
	bool plain;             /* scalars: written without quotes */
	bool pending_key;       /* maps under construction: a key waits for its value */
	size_t n;               /* maps: pairs; sequences: items */
	struct fh_ynode **kids; /* maps: key0, value0, key1, …; sequences: items */
} fh_ynode;

/* Parses the file at path into *root. On error returns FH_ECONFIG with the
 * place in err (err->file is `path`). The caller frees with fh_ynode_free(). */
fh_status fh_yaml_load(const char *path, fh_ynode **root, fh_error *err);

/* Parses a NUL-free buffer; `name` is used for messages. */
fh_status fh_yaml_parse(const char *name, const unsigned char *buf, size_t len, fh_ynode **root, fh_error *err);

void fh_ynode_free(fh_ynode **node);

#endif
