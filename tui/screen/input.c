/* fuhua tui — input from the terminal or from a script.
 *
 * A script (FUHUA_SCRIPT=FILE) makes screen tests deterministic: each line is
 * either keys — text, with <Enter> <Esc> <Tab> <Up> <Down> <Left> <Right>
 * <PgUp> <PgDn> <Home> <End> <Backspace> <F1>…<F12> <C-x> <lt> — or a command:
 *   :dump FILE         write the screen as text
 *   :resize COLS ROWS  resize the (virtual) terminal
 *   :idle MINUTES      pretend the operator was idle that long
 *   :wait SECONDS      let that much time pass (a login's countdown)
 *   :seq TEXT          Esc and TEXT arriving at once, as a terminal sends an
 *                      escape sequence (":seq [15~" is F5 on an xterm)
 *   :poll              look for other sessions' writes now
 *   :rss FILE          write the resident memory (VmRSS) now, for make bench
 *   :bytes FILE        write how many bytes went to the terminal so far
 *                      (without a terminal only; "unknown" with one)
 * When the script ends, the program quits. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuhua/store.h"
#include "fuhua/text.h"
#include "tui.h"

struct step {
	enum {
		STEP_KEY,
		STEP_CHAR,
		STEP_DUMP,
		STEP_RESIZE,
		STEP_IDLE,
		STEP_WAIT,
		STEP_POLL,
		STEP_RSS,
		STEP_BYTES
	} type;
	bool together; /* arrived with the step before (an escape sequence) */
	wint_t ch;
	int a, b;
	char *path;
};

static struct step *steps;
static FILE *counted; /* fh_input_count_output */
static size_t nsteps, next_step;
static bool scripted;

bool fh_input_scripted(void)
{
	return scripted;
}

static bool push(struct step s)
{
	struct step *n = realloc(steps, (nsteps + 1) * sizeof *n);
	if (!n)
		return false;
	steps = n;
	steps[nsteps++] = s;
	return true;
}

static const struct {
	const char *name;
	int key;
	bool is_key;
} named[] = {
	{ "Enter", '\n', false },     { "Esc", 27, false },        { "Tab", '\t', false },
	{ "Up", KEY_UP, true },       { "Down", KEY_DOWN, true },  { "Left", KEY_LEFT, true },
	{ "Right", KEY_RIGHT, true }, { "PgUp", KEY_PPAGE, true }, { "PgDn", KEY_NPAGE, true },
	{ "Home", KEY_HOME, true },   { "End", KEY_END, true },    { "Backspace", KEY_BACKSPACE, true },
	{ "lt", '<', false },         { "Space", ' ', false },     { "S-Tab", KEY_BTAB, true },
};

static bool parse_keys(const char *line, char *msg, size_t size, int lineno)
{
	size_t len = strlen(line), i = 0;
	while (i < len) {
		if (line[i] == '<') {
			const char *close = strchr(line + i, '>');
			char name[16];
			if (!close || close - line - (long)i - 1 >= (long)sizeof name) {
				snprintf(msg, size, "script line %d: unclosed '<'", lineno);
				return false;
			}
			snprintf(name, sizeof name, "%.*s", (int)(close - line - (long)i - 1), line + i + 1);
			struct step s = { .type = STEP_CHAR };
			bool found = false;
			for (size_t k = 0; k < sizeof named / sizeof named[0]; k++)
				if (strcmp(named[k].name, name) == 0) {
					s.type = named[k].is_key ? STEP_KEY : STEP_CHAR;
					s.ch = (wint_t)named[k].key;
					found = true;
				}
			if (!found && name[0] == 'F' && atoi(name + 1) >= 1 && atoi(name + 1) <= 12) {
				s.type = STEP_KEY;
				s.ch = (wint_t)KEY_F(atoi(name + 1));
				found = true;
			}
			if (!found && name[0] == 'C' && name[1] == '-' && name[2] && !name[3]) {
				s.ch = (wint_t)(name[2] & 0x1f);
				found = true;
			}
			if (!found) {
				snprintf(msg, size, "script line %d: unknown key <%s>", lineno, name);
				return false;
			}
			push(s);
			i = (size_t)(close - line) + 1;
			continue;
		}
		uint32_t cp;
		i += fh_utf8_decode(line + i, len - i, &cp);
		push((struct step){ .type = STEP_CHAR, .ch = (wint_t)cp });
	}
	return true;
}

bool fh_input_script_open(const char *path, char *msg, size_t size)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		snprintf(msg, size, "cannot read script %s", path);
		return false;
	}
	char line[4096];
	int lineno = 0;
	bool ok = true;
	while (ok && fgets(line, sizeof line, f)) {
		lineno++;
		line[strcspn(line, "\r\n")] = 0;
		if (line[0] == '#' || line[0] == 0)
			continue;
		if (line[0] != ':') {
			ok = parse_keys(line, msg, size, lineno);
			continue;
		}
		struct step s = { 0 };
		char arg[1024];
		if (sscanf(line, ":dump %1023s", arg) == 1) {
			s.type = STEP_DUMP;
			s.path = strdup(arg);
		} else if (sscanf(line, ":resize %d %d", &s.a, &s.b) == 2) {
			s.type = STEP_RESIZE;
		} else if (sscanf(line, ":idle %d", &s.a) == 1) {
			s.type = STEP_IDLE;
		} else if (sscanf(line, ":wait %d", &s.a) == 1) {
			s.type = STEP_WAIT;
		} else if (strncmp(line, ":seq ", 5) == 0) {
			push((struct step){ .type = STEP_CHAR, .ch = 27 });
			for (const char *c = line + 5; *c; c++)
				push((struct step){
					.type = STEP_CHAR, .ch = (wint_t)(unsigned char)*c, .together = true });
			continue;
		} else if (strcmp(line, ":poll") == 0) {
			s.type = STEP_POLL;
		} else if (sscanf(line, ":rss %1023s", arg) == 1) {
			s.type = STEP_RSS;
			s.path = strdup(arg);
		} else if (sscanf(line, ":bytes %1023s", arg) == 1) {
			s.type = STEP_BYTES;
			s.path = strdup(arg);
		} else {
			snprintf(msg, size, "script line %d: unknown command %s", lineno, line);
			ok = false;
			break;
		}
		push(s);
	}
	fclose(f);
	scripted = ok;
	return ok;
}

void fh_input_script_close(void)
{
	counted = NULL;
	for (size_t i = 0; i < nsteps; i++)
		free(steps[i].path);
	free(steps);
	steps = NULL;
	nsteps = next_step = 0;
}

bool fh_screen_dump(const char *path)
{
	FILE *f = fopen(path, "w");
	if (!f)
		return false;
	int rows, cols;
	getmaxyx(stdscr, rows, cols);
	for (int y = 0; y < rows; y++) {
		char line[4096];
		size_t used = 0, keep = 0;
		for (int x = 0; x < cols; x++) {
			cchar_t cc;
			wchar_t wc[CCHARW_MAX + 1] = { 0 };
			attr_t attr;
			short pair;
			if (mvwin_wch(stdscr, y, x, &cc) == ERR)
				break;
			getcchar(&cc, wc, &attr, &pair, NULL);
			wchar_t c = wc[0] ? wc[0] : L' ';
			char mb[8];
			int n = wctomb(mb, c);
			if (n <= 0) {
				mb[0] = '?';
				n = 1;
			}
			if (used + (size_t)n >= sizeof line)
				break;
			memcpy(line + used, mb, (size_t)n);
			used += (size_t)n;
			if (c != L' ')
				keep = used;
			if (wcwidth(c) == 2)
				x++; /* the second half of a wide character */
		}
		line[keep] = 0;
		fprintf(f, "%s\n", line);
	}
	return fclose(f) == 0;
}

/* The program's resident memory now, from /proc, as "VmRSS: N kB". */
static void write_rss(fh_store *store, const char *path)
{
	FILE *in = fopen("/proc/self/status", "r"), *out = fopen(path, "w");
	char line[256];
	while (in && out && fgets(line, sizeof line, in))
		if (strncmp(line, "VmRSS:", 6) == 0 || strncmp(line, "VmHWM:", 6) == 0)
			fputs(line, out);
	if (out)
		fprintf(out, "SQLite: %lld kB\n", (long long)(fh_store_memory_used(store) / 1024));
	if (in)
		fclose(in);
	if (out)
		fclose(out);
}

void fh_input_count_output(FILE *sent)
{
	counted = sent;
}

/* The bytes sent to the terminal so far, as one number. */
static void write_bytes(const char *path)
{
	struct stat st;
	FILE *out = fopen(path, "w");
	if (!out)
		return;
	if (counted && fflush(counted) == 0 && fstat(fileno(counted), &st) == 0)
		fprintf(out, "%lld\n", (long long)st.st_size);
	else
		fputs("unknown\n", out);
	fclose(out);
}

/* The next step of the script; *together says it came with the one before. */
static struct fh_input script_get(struct app *app, bool *together)
{
	while (next_step < nsteps) {
		struct step *s = &steps[next_step++];
		*together = s->together;
		switch (s->type) {
		case STEP_KEY: return (struct fh_input){ FH_IN_KEY, s->ch };
		case STEP_CHAR: return (struct fh_input){ FH_IN_CHAR, s->ch };
		case STEP_DUMP: fh_screen_dump(s->path); break;
		case STEP_RESIZE: resizeterm(s->b, s->a); return (struct fh_input){ FH_IN_KEY, KEY_RESIZE };
		case STEP_IDLE:
			app->clock_offset_ms += (int64_t)s->a * 60000;
			return (struct fh_input){ FH_IN_TIMEOUT, 0 };
		case STEP_WAIT:
			app->clock_offset_ms += (int64_t)s->a * 1000;
			return (struct fh_input){ FH_IN_TIMEOUT, 0 };
		case STEP_POLL: return (struct fh_input){ FH_IN_TIMEOUT, 0 };
		case STEP_RSS: write_rss(app->store, s->path); break;
		case STEP_BYTES: write_bytes(s->path); break;
		}
	}
	*together = false;
	return (struct fh_input){ FH_IN_END, 0 };
}

/* The next input now, if one came with the last (no wait). */
static bool next_together(struct app *app, struct fh_input *out)
{
	if (scripted) {
		if (next_step >= nsteps || !steps[next_step].together)
			return false;
		bool together;
		*out = script_get(app, &together);
		return true;
	}
	timeout(0);
	wint_t ch;
	int rc = get_wch(&ch);
	if (rc == ERR)
		return false;
	*out = (struct fh_input){ rc == KEY_CODE_YES ? FH_IN_KEY : FH_IN_CHAR, ch };
	return true;
}

/* After an Esc that came with more bytes: the rest of an escape sequence the
 * terminal description does not know (CSI … final, SS3 x, or Alt-x), read
 * and dropped, so that none of its bytes acts as a key. */
static void drop_sequence(struct app *app, struct fh_input first)
{
	if (first.kind != FH_IN_CHAR || (first.ch != '[' && first.ch != 'O'))
		return; /* Alt-x: the one character is dropped */
	bool csi = first.ch == '[';
	struct fh_input in;
	for (int i = 0; i < 32 && next_together(app, &in); i++) {
		if (in.kind != FH_IN_CHAR)
			return;
		if (!csi || (in.ch >= 0x40 && in.ch <= 0x7E))
			return; /* SS3 takes one; CSI ends with a final byte */
	}
}

struct fh_input fh_input_get(struct app *app, int timeout_ms)
{
	struct fh_input in;
	if (scripted) {
		bool together;
		in = script_get(app, &together);
	} else {
		timeout(timeout_ms);
		wint_t ch;
		int rc = get_wch(&ch);
		if (rc == ERR)
			return (struct fh_input){ FH_IN_TIMEOUT, 0 };
		in = (struct fh_input){ rc == KEY_CODE_YES ? FH_IN_KEY : FH_IN_CHAR, ch };
	}
	struct fh_input rest;
	if (in.kind == FH_IN_CHAR && in.ch == 27 && next_together(app, &rest)) {
		drop_sequence(app, rest);
		return (struct fh_input){ FH_IN_NONE, 0 };
	}
	return in;
}
