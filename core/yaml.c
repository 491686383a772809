/* fuhua core — a small, safe YAML tree on libyaml's event API. */
#include "yaml.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

#include "fuhua/text.h"
#include "i18n.h"

void fh_ynode_free(fh_ynode **node)
{
	if (!node || !*node)
		return;
	fh_ynode *n = *node;
	size_t count = n->type == FH_YMAP ? n->n * 2 + n->pending_key : n->n;
	for (size_t i = 0; i < count; i++)
		fh_ynode_free(&n->kids[i]);
	free(n->kids);
	free(n->value);
	free(n);
	*node = NULL;
}

static fh_ynode *node_new(fh_ytype type, const yaml_mark_t *mark)
{
	fh_ynode *n = calloc(1, sizeof *n);
	if (n) {
		n->type = type;
		n->line = (int)mark->line + 1;
		n->column = (int)mark->column + 1;
	}
	return n;
}

static bool node_push(fh_ynode *parent, fh_ynode *kid)
{
	size_t used = parent->type == FH_YMAP ? parent->n * 2 + parent->pending_key : parent->n;
	fh_ynode **kids = realloc(parent->kids, (used + 1) * sizeof *kids);
	if (!kids)
		return false;
	parent->kids = kids;
	kids[used] = kid;
	if (parent->type == FH_YSEQ) {
		parent->n++;
	} else if (parent->pending_key) {
		parent->pending_key = false;
		parent->n++;
	} else {
		parent->pending_key = true;
	}
	return true;
}

static fh_status check_duplicate(const char *name, const fh_ynode *map, const fh_ynode *key, fh_error *err)
{
	for (size_t i = 0; i < map->n; i++) {
		const fh_ynode *k = map->kids[2 * i];
		if (strcmp(k->value, key->value) == 0)
			return fh_error_at(err, name, key->line, key->column,
					   _("duplicate key '%s' (first at line %d)"), key->value, k->line);
	}
	return FH_OK;
}

struct builder {
	const char *name;
	fh_ynode *stack[FH_YAML_MAX_DEPTH + 1];
	int depth;
	fh_ynode *root;
	size_t nodes;
	int documents;
};

static fh_status add_node(struct builder *b, fh_ynode *n, fh_error *err)
{
	if (++b->nodes > FH_YAML_MAX_NODES) {
		int line = n->line, col = n->column;
		fh_ynode_free(&n);
		return fh_error_at(err, b->name, line, col, _("too many values (more than %d)"), FH_YAML_MAX_NODES);
	}
	if (b->depth == 0) {
		if (b->root) {
			fh_ynode_free(&n);
			return fh_error_at(err, b->name, 1, 1, _("more than one document"));
		}
		b->root = n;
		return FH_OK;
	}
	fh_ynode *parent = b->stack[b->depth - 1];
	if (parent->type == FH_YMAP && !parent->pending_key) {
		if (n->type != FH_YSCALAR) {
			int line = n->line, col = n->column;
			fh_ynode_free(&n);
			return fh_error_at(err, b->name, line, col, _("a key must be a plain text, not a list or map"));
		}
		fh_status st = check_duplicate(b->name, parent, n, err);
		if (st != FH_OK) {
			fh_ynode_free(&n);
			return st;
		}
	}
	if (!node_push(parent, n)) {
		fh_ynode_free(&n);
		return fh_error_set(err, FH_ENOMEM, NULL, _("out of memory"));
	}
	return FH_OK;
}

static fh_status on_event(struct builder *b, const yaml_event_t *ev, fh_error *err)
{
	const yaml_mark_t *m = &ev->start_mark;
	int line = (int)m->line + 1, col = (int)m->column + 1;
	fh_ynode *n;
	fh_status st;

	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (++b->documents > 1)
			return fh_error_at(err, b->name, line, col, _("more than one document"));
		return FH_OK;
	case YAML_ALIAS_EVENT:
		return fh_error_at(err, b->name, line, col, _("aliases (*%s) are not allowed"),
				   (const char *)ev->data.alias.anchor);
	case YAML_SCALAR_EVENT:
		if (ev->data.scalar.anchor)
			return fh_error_at(err, b->name, line, col, _("anchors (&%s) are not allowed"),
					   (const char *)ev->data.scalar.anchor);
		if (!(n = node_new(FH_YSCALAR, m)))
			return fh_error_set(err, FH_ENOMEM, NULL, _("out of memory"));
		n->value = strndup((const char *)ev->data.scalar.value, ev->data.scalar.length);
		n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		if (!n->value) {
			fh_ynode_free(&n);
			return fh_error_set(err, FH_ENOMEM, NULL, _("out of memory"));
		}
		if (strlen(n->value) != ev->data.scalar.length) {
			fh_ynode_free(&n);
			return fh_error_at(err, b->name, line, col, _("text contains a NUL character"));
		}
		return add_node(b, n, err);
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT: {
		bool seq = ev->type == YAML_SEQUENCE_START_EVENT;
		const yaml_char_t *anchor = seq ? ev->data.sequence_start.anchor : ev->data.mapping_start.anchor;
		if (anchor)
			return fh_error_at(err, b->name, line, col, _("anchors (&%s) are not allowed"),
					   (const char *)anchor);
		if (b->depth >= FH_YAML_MAX_DEPTH)
			return fh_error_at(err, b->name, line, col, _("nesting deeper than %d levels"),
					   FH_YAML_MAX_DEPTH);
		if (!(n = node_new(seq ? FH_YSEQ : FH_YMAP, m)))
			return fh_error_set(err, FH_ENOMEM, NULL, _("out of memory"));
		if ((st = add_node(b, n, err)) != FH_OK)
			return st;
		b->stack[b->depth++] = n;
		return FH_OK;
	}
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		if (b->depth > 0)
			b->depth--;
		return FH_OK;
	default: return FH_OK;
	}
}

fh_status fh_yaml_parse(const char *name, const unsigned char *buf, size_t len, fh_ynode **root, fh_error *err)
{
	*root = NULL;
	if (len > FH_YAML_MAX_BYTES)
		return fh_error_at(err, name, 1, 1, _("file is too large (%zu bytes, at most %d)"), len,
				   FH_YAML_MAX_BYTES);
	/* an encoding error at its real place (libyaml's reader gives no line) */
	long bad = fh_utf8_invalid_at((const char *)buf, len, NULL, NULL);
	if (bad >= 0) {
		int line = 1, col = 1;
		for (size_t i = 0; i < (size_t)bad;) { /* valid up to there: count characters */
			uint32_t cp;
			i += fh_utf8_decode((const char *)buf + i, (size_t)bad - i, &cp);
			line += cp == '\n';
			col = cp == '\n' ? 1 : col + 1;
		}
		return fh_error_at(err, name, line, col, _("byte 0x%02X is not UTF-8 (save the file as UTF-8)"),
				   buf[bad]);
	}
	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser))
		return fh_error_set(err, FH_ENOMEM, NULL, _("out of memory"));
	yaml_parser_set_input_string(&parser, buf, len);

	struct builder b = { .name = name };
	fh_status st = FH_OK;
	for (;;) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&parser, &ev)) {
			const yaml_mark_t *pm = &parser.problem_mark;
			st = fh_error_at(err, name, (int)pm->line + 1, (int)pm->column + 1, "%s%s%s",
					 parser.problem ? parser.problem : _("syntax error"), parser.context ? " " : "",
					 parser.context ? parser.context : "");
			break;
		}
		bool done = ev.type == YAML_STREAM_END_EVENT;
		st = on_event(&b, &ev, err);
		yaml_event_delete(&ev);
		if (st != FH_OK || done)
			break;
	}
	yaml_parser_delete(&parser);
	if (st != FH_OK) {
		fh_ynode_free(&b.root);
		return st;
	}
	if (!b.root)
		return fh_error_at(err, name, 1, 1, _("the file is empty"));
	*root = b.root;
	return FH_OK;
}

fh_status fh_yaml_load(const char *path, fh_ynode **root, fh_error *err)
{
	*root = NULL;
	/* a FIFO, a device or a directory is refused before it is opened: a
	 * FIFO would block the reader forever, a device never end */
	struct stat sb;
	if (stat(path, &sb) != 0)
		return fh_error_at(err, path, 0, 0, _("cannot open: %s"), strerror(errno));
	if (!S_ISREG(sb.st_mode))
		return fh_error_at(err, path, 0, 0, "%s",
				   S_ISDIR(sb.st_mode)            ? _("a directory, not a YAML file")
					   : S_ISFIFO(sb.st_mode) ? _("a FIFO, not a YAML file")
								  : _("not a regular file"));
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	if (fd < 0)
		return fh_error_at(err, path, 0, 0, _("cannot open: %s"), strerror(errno));
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) { /* replaced meanwhile */
		close(fd);
		return fh_error_at(err, path, 0, 0, "%s", _("not a regular file"));
	}
	if (sb.st_size > FH_YAML_MAX_BYTES) {
		close(fd);
		return fh_error_at(err, path, 1, 1, _("file is too large (%lld bytes, at most %d)"),
				   (long long)sb.st_size, FH_YAML_MAX_BYTES);
	}
	size_t len = (size_t)sb.st_size;
	unsigned char *buf = malloc(len + 1);
	if (!buf) {
		close(fd);
		return fh_error_set(err, FH_ENOMEM, NULL, _("out of memory"));
	}
	size_t got = 0;
	while (got < len) {
		ssize_t r = read(fd, buf + got, len - got);
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	close(fd);
	fh_status st;
	if (memchr(buf, 0, got))
		st = fh_error_at(err, path, 1, 1, _("file contains NUL bytes (not a text file)"));
	else
		st = fh_yaml_parse(path, buf, got, root, err);
	free(buf);
	return st;
}
