/* fuhua tests — every public function says what it does: each declaration
 * in include/fuhua/ has its comment (or shares the comment of the group it
 * stands in); a function that returns a status says what it returns, and
 * one with outputs says what it leaves in them on error; each header has
 * its unit-test file (X.h: test_X.c), which names every function the header
 * declares; and the modules reach the database only through the store's
 * statement interface. As test_keys holds the hints to the keymaps, this holds the
 * headers to their contracts. */
#include "helpers.h"

#include <ctype.h>
#include <dirent.h>
#include <stdbool.h>
#include <strings.h>

#define MAX_LINES 4000

struct header {
	char path[300];
	char *line[MAX_LINES];
	int n;
};

static bool read_header(const char *path, struct header *h)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return false;
	snprintf(h->path, sizeof h->path, "%s", path);
	h->n = 0;
	char buf[1000];
	while (h->n < MAX_LINES && fgets(buf, sizeof buf, f)) {
		buf[strcspn(buf, "\n")] = 0;
		h->line[h->n++] = strdup(buf);
	}
	fclose(f);
	return true;
}

static void free_header(struct header *h)
{
	for (int i = 0; i < h->n; i++)
		free(h->line[i]);
	h->n = 0;
}

static bool ends_with(const char *s, const char *end)
{
	size_t a = strlen(s), b = strlen(end);
	while (a && isspace((unsigned char)s[a - 1]))
		a--;
	return a >= b && strncmp(s + a - b, end, b) == 0;
}

/* Whether line i begins a function's declaration at file scope: the name
 * (fh_…) before its first '(' in a line that starts with a type. */
static bool starts_declaration(const char *l, char *name, size_t size)
{
	if (!isalpha((unsigned char)l[0]) || strncmp(l, "typedef", 7) == 0 || strncmp(l, "extern", 6) == 0 ||
	    strncmp(l, "struct", 6) == 0 || strncmp(l, "enum", 4) == 0 || strncmp(l, "static", 6) == 0)
		return false;
	const char *paren = strchr(l, '(');
	if (!paren || memchr(l, '=', (size_t)(paren - l)))
		return false;
	const char *e = paren;
	while (e > l && (isalnum((unsigned char)e[-1]) || e[-1] == '_'))
		e--;
	if (strncmp(e, "fh_", 3) != 0)
		return false;
	snprintf(name, size, "%.*s", (int)(paren - e), e);
	return true;
}

/* The comment that stands for the declaration at line i, joined into one
 * line without its "*" margins: above it, or above the declarations of its
 * group (no blank line between). "" when there is none. */
static void contract_of(const struct header *h, int i, char *out, size_t size)
{
	out[0] = 0;
	int k = i - 1;
	while (k >= 0 && h->line[k][0] && !ends_with(h->line[k], "*/") &&
	       (ends_with(h->line[k], ";") || ends_with(h->line[k], ",") || h->line[k][0] == '\t' ||
		h->line[k][0] == ' ' || isalpha((unsigned char)h->line[k][0])))
		k--;
	if (k < 0 || !ends_with(h->line[k], "*/"))
		return;
	int c = k;
	while (c > 0 && !strstr(h->line[c], "/*"))
		c--;
	size_t used = 0;
	for (int j = c; j <= k && used + 1 < size; j++) {
		const char *t = h->line[j];
		while (*t == ' ' || *t == '\t' || *t == '/' || *t == '*')
			t++;
		used += (size_t)snprintf(out + used, size - used, "%s ", t);
	}
}

static bool mentions(const char *text, const char *what)
{
	size_t n = strlen(what);
	for (const char *p = text; *p; p++)
		if (strncasecmp(p, what, n) == 0)
			return true;
	return false;
}

/* Whether a declaration has outputs: a pointer it may write (not const,
 * not the store, not the error). */
static bool has_outputs(const char *decl)
{
	const char *p = strchr(decl, '(');
	char param[300];
	while (p && *p) {
		p++;
		size_t n = strcspn(p, ",)");
		snprintf(param, sizeof param, "%.*s", (int)n, p);
		const char *t = param;
		while (*t == ' ' || *t == '\t')
			t++;
		if (strchr(t, '*') && strncmp(t, "const ", 6) != 0 && !strstr(t, "fh_store") &&
		    !strstr(t, "fh_error") && !strstr(t, "(*"))
			return true;
		p += n;
		if (*p == ')')
			break;
	}
	return false;
}

/* The text of a header's own unit test (include/fuhua/X.h: tests/unit/test_X.c),
 * for the names it calls; NULL when there is no such file. */
static char *test_text_of(const char *header)
{
	const char *base = strrchr(header, '/') ? strrchr(header, '/') + 1 : header;
	char path[300];
	snprintf(path, sizeof path, "tests/unit/test_%.*s.c", (int)(strlen(base) - 2), base);
	FILE *f = fopen(path, "r");
	if (!f)
		return NULL;
	size_t used = 0, cap = 1 << 16, k;
	char *all = malloc(cap), buf[65536];
	assert_non_null(all);
	while ((k = fread(buf, 1, sizeof buf, f)) > 0) {
		while (used + k + 1 > cap)
			assert_non_null(all = realloc(all, cap *= 2));
		memcpy(all + used, buf, k);
		used += k;
	}
	fclose(f);
	all[used] = 0;
	return all;
}

/* Whether the name stands in text as a word. */
static bool names(const char *text, const char *name)
{
	size_t n = strlen(name);
	for (const char *p = text; (p = strstr(p, name)) != NULL; p += n)
		if ((p == text || !(isalnum((unsigned char)p[-1]) || p[-1] == '_')) &&
		    !(isalnum((unsigned char)p[n]) || p[n] == '_'))
			return true;
	return false;
}

/* Names of the declarations their header's test never names go to stderr;
 * their count. */
static const char *tested_by;

static int check_header(const char *path, int *functions)
{
	struct header h;
	assert_true(read_header(path, &h));
	int bad = 0;
	char name[128], text[8000], decl[2000];
	for (int i = 0; i < h.n; i++) {
		if (!starts_declaration(h.line[i], name, sizeof name))
			continue;
		size_t used = 0;
		int j = i;
		for (; j < h.n && used + 1 < sizeof decl; j++) {
			used += (size_t)snprintf(decl + used, sizeof decl - used, "%s ", h.line[j]);
			if (ends_with(h.line[j], ";") || ends_with(h.line[j], "{"))
				break;
		}
		if (!ends_with(decl, ";")) /* an inline definition */
			continue;
		(*functions)++;
		contract_of(&h, i, text, sizeof text);
		bool status = strncmp(decl, "fh_status ", 10) == 0;
		const char *why = !text[0] ? "has no comment"
			: status && !mentions(text, "FH_") && !mentions(text, "error") && !mentions(text, "refus")
			? "does not say what it returns"
			: status && has_outputs(decl) && !mentions(text, "on error") && !mentions(text, "on FH_E")
			? "does not say what it leaves in its outputs on error"
			: NULL;
		if (!why && tested_by && !names(tested_by, name))
			why = "is named in no test of its header's own file";
		if (why) {
			fprintf(stderr, "%s:%d: %s %s\n", path, i + 1, name, why);
			bad++;
		}
		i = j;
	}
	free_header(&h);
	return bad;
}

static void every_public_function_has_its_contract(void **s)
{
	(void)s;
	DIR *d = opendir("include/fuhua");
	assert_non_null(d);
	struct dirent *e;
	int bad = 0, functions = 0, headers = 0;
	while ((e = readdir(d)) != NULL) {
		if (!ends_with(e->d_name, ".h"))
			continue;
		char path[300];
		snprintf(path, sizeof path, "include/fuhua/%s", e->d_name);
		/* each header has its unit-test file, which names its functions */
		char *text = test_text_of(path);
		if (!text) {
			fprintf(stderr, "%s: has no unit-test file (tests/unit/test_%.*s.c)\n", path,
				(int)(strlen(e->d_name) - 2), e->d_name);
			bad++;
		}
		tested_by = text ? text : "";
		bad += check_header(path, &functions);
		tested_by = NULL;
		free(text);
		headers++;
	}
	closedir(d);
	assert_true(headers >= 25);
	assert_true(functions >= 200); /* the reader finds the declarations */
	assert_int_equal(bad, 0);
}

/* The reader itself: a declaration without a comment, and a status function
 * with an output that says nothing of errors, are found. */
static void the_reader_finds_what_is_missing(void **s)
{
	(void)s;
	char path[300];
	snprintf(path, sizeof path, "%s/bad.h", tmpdir());
	write_file(path,
		   "/* A thing. */\n"
		   "int fh_good(int a);\n"
		   "\n"
		   "int fh_bare(int a);\n"
		   "\n"
		   "/* Reads it: FH_OK, or the database's error. */\n"
		   "fh_status fh_read(fh_store *s, int *out,\n"
		   "\t\t    fh_error *err);\n"
		   "/* Two of a group. On error *out is 0. */\n"
		   "fh_status fh_one(fh_store *s, int *out, fh_error *err);\n"
		   "fh_status fh_two(fh_store *s, int *out, fh_error *err);\n");
	int functions = 0;
	assert_int_equal(check_header(path, &functions), 2); /* fh_bare, fh_read */
	assert_int_equal(functions, 5);
}

/* ---- the store's seam --------------------------------------------------- */

/* The files that speak to the engine itself: the store's own and the
 * search index's (store_sqlite.h says why). */
static const char *const engine_files[] = {
	"store.c", "stmt.c", "check.c", "store_sqlite.h", "tenant_index.c", "tenant_side.c", NULL,
};

/* The lines of path that name the engine's API (sqlite3…, SQLITE_…, its
 * header or store_sqlite.h) outside comments, each printed; their number. */
static int engine_lines(const char *path)
{
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	char line[1200];
	int found = 0, no = 0;
	bool comment = false;
	while (fgets(line, sizeof line, f)) {
		no++;
		char code[1200];
		size_t n = 0;
		for (const char *p = line; *p; p++) {
			if (comment) {
				if (p[0] == '*' && p[1] == '/')
					comment = false, p++;
				continue;
			}
			if (p[0] == '/' && p[1] == '*') {
				comment = true, p++;
				continue;
			}
			if (p[0] == '/' && p[1] == '/')
				break;
			code[n++] = *p;
		}
		code[n] = 0;
		if (strstr(code, "sqlite3") || strstr(code, "SQLITE_") || strstr(code, "store_sqlite.h")) {
			fprintf(stderr, "%s:%d: the engine outside the store: %s", path, no, line);
			found++;
		}
	}
	fclose(f);
	return found;
}

/* The domain modules reach the database only through the store's statement
 * interface (store_int.h): a second engine replaces the store's files. */
static void the_engine_stays_behind_the_store(void **s)
{
	(void)s;
	DIR *d = opendir("core");
	assert_non_null(d);
	int files = 0, found = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (!ends_with(e->d_name, ".c") && !ends_with(e->d_name, ".h"))
			continue;
		bool engine = false;
		for (int i = 0; engine_files[i]; i++)
			engine |= strcmp(e->d_name, engine_files[i]) == 0;
		if (engine)
			continue;
		char path[300];
		snprintf(path, sizeof path, "core/%s", e->d_name);
		found += engine_lines(path);
		files++;
	}
	closedir(d);
	assert_true(files > 30);
	assert_int_equal(found, 0);
}

/* … and the reader finds a call, not a comment that names one. */
static void the_seam_reader_finds_a_call(void **s)
{
	(void)s;
	char path[300];
	snprintf(path, sizeof path, "%s/module.c", tmpdir());
	write_file(path,
		   "/* not sqlite3_step(q) */\n"
		   "int a = fh_step(q); // sqlite3 in a comment\n"
		   "int b = sqlite3_step(q);\n"
		   "#include \"store_sqlite.h\"\n"
		   "/* SQLITE_ROW\n   sqlite3 */ int c = SQLITE_DONE;\n");
	assert_int_equal(engine_lines(path), 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_reader_finds_what_is_missing),
		cmocka_unit_test(every_public_function_has_its_contract),
		cmocka_unit_test(the_seam_reader_finds_a_call),
		cmocka_unit_test(the_engine_stays_behind_the_store),
	};
	return cmocka_run_group_tests_name("contracts", tests, NULL, NULL);
}
