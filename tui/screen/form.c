/* fuhua tui — the form widget. */
#include "form.h"

#include <stdio.h>
#include <string.h>

#include "fuhua/clock.h"
#include "fuhua/take.h"
#include "fuhua/text.h"
#include "../common/i18n.h"
#include "../common/width.h"

struct fh_form_field *fh_form_add(struct fh_form *fm, const char *label, enum fh_field_kind kind, const char *value)
{
	if (fm->n >= FH_FORM_MAX)
		return NULL;
	struct fh_form_field *f = &fm->f[fm->n++];
	memset(f, 0, sizeof *f);
	f->label = label;
	f->kind = kind;
	snprintf(f->value, sizeof f->value, "%s", value ? value : "");
	return f;
}

/* The field's text trimmed, and what core said of it as its error. */
static bool taken(struct fh_form_field *f, fh_status st, const fh_error *err)
{
	if (st != FH_OK)
		snprintf(f->error, sizeof f->error, "%s", err->message);
	return st == FH_OK;
}

bool fh_form_int(struct fh_form_field *f, long long min, long long max, long long *out)
{
	char v[64];
	fh_error err;
	fh_text_trim(v, sizeof v, f->value);
	return taken(f, fh_int_take("", v, min, max, out, &err), &err);
}

bool fh_form_day(struct fh_form_field *f, int64_t *out)
{
	char v[64], d[11];
	fh_error err;
	*out = 0;
	fh_text_trim(v, sizeof v, f->value);
	return !v[0] || taken(f, fh_date_take("", v, d, out, &err), &err);
}

bool fh_form_decimal(struct fh_form_field *f, double min, double max, int decimals, double *out)
{
	char v[64];
	fh_error err;
	fh_text_trim(v, sizeof v, f->value);
	return taken(f, fh_decimal_take("", v, min, max, decimals, out, &err), &err);
}

void fh_form_picker(struct fh_form_field *f, fh_pick_fn pick, void *ctx)
{
	if (!f)
		return;
	f->pick = pick;
	f->pick_ctx = ctx;
}

int fh_form_pick_choices(struct app *app, void *ctx, const char *typed, struct fh_pick *out, int max)
{
	(void)app;
	const struct fh_form_field *f = ctx;
	char t[200];
	fh_text_trim(t, sizeof t, typed);
	int k = 0;
	for (int i = 0; i < f->nchoices && k < max; i++)
		if (!t[0] || strstr(f->choices[i], t)) {
			out[k].id = f->choice_ids ? f->choice_ids[i] : i + 1;
			snprintf(out[k].label, sizeof out[k].label, "%s", f->choices[i]);
			snprintf(out[k].detail, sizeof out[k].detail, "%s", f->choices[i][0] ? "" : _("none"));
			k++;
		}
	return k;
}

void fh_form_choices_picker(struct fh_form_field *f)
{
	if (!f)
		return;
	f->kind = FH_FIELD_TEXT;
	fh_form_picker(f, fh_form_pick_choices, f);
}

/* The matches of what is typed, shown under the field (none: said). */
static void pick_refresh(struct app *app, struct fh_form_field *f)
{
	f->nmatches = f->pick(app, f->pick_ctx, f->value, f->matches, FH_PICK_MAX);
	f->msel = 0;
	f->open = f->nmatches > 0;
	if (f->nmatches < 0)
		snprintf(f->error, sizeof f->error, "%s", _("the matches cannot be read now"));
	else if (f->nmatches == 0)
		snprintf(f->note, sizeof f->note, "%s", _("nothing matches: type less, or another part of the name"));
	else
		f->note[0] = f->error[0] = 0;
}

/* A picker's keys first: ↓ opens the matches or moves down them, ↑ moves
 * up (and closes them at the top), Enter takes the one selected, Esc
 * closes them; typed text filters them again. FH_FORM_IGNORED for any
 * other key, which the form answers as usual. */
static enum fh_form_result pick_request(struct app *app, struct fh_form *fm, int action, const struct fh_input *in)
{
	struct fh_form_field *f = &fm->f[fm->focus];
	bool down = in && in->kind == FH_IN_KEY && in->ch == KEY_DOWN,
	     up = in && in->kind == FH_IN_KEY && in->ch == KEY_UP;
	bool enter = in &&
		((in->kind == FH_IN_CHAR && (in->ch == '\n' || in->ch == '\r')) ||
		 (in->kind == FH_IN_KEY && in->ch == KEY_ENTER));
	if (!f->pick || fm->confirm_cancel)
		return FH_FORM_IGNORED;
	if (action == FH_ACT_FORM_NEXT && down) {
		if (!f->open)
			pick_refresh(app, f);
		else if (f->msel + 1 < f->nmatches)
			f->msel++;
		return FH_FORM_HANDLED;
	}
	if (!f->open)
		return FH_FORM_IGNORED;
	if (action == FH_ACT_FORM_PREV && up) {
		if (f->msel > 0)
			f->msel--;
		else
			f->open = false;
		return FH_FORM_HANDLED;
	}
	if (action == FH_ACT_FORM_NEXT && enter) {
		const struct fh_pick *m = &f->matches[f->msel];
		fh_text_copy(f->value, sizeof f->value, m->label); /* never cut inside a character */
		fh_text_copy(f->note, sizeof f->note, m->detail);
		f->picked = m->id;
		f->open = false;
		fm->dirty = true;
		return FH_FORM_HANDLED;
	}
	if (action == FH_ACT_FORM_CANCEL) {
		f->open = false;
		return FH_FORM_HANDLED;
	}
	return FH_FORM_IGNORED;
}

void fh_form_wipe(struct fh_form *fm)
{
	for (int i = 0; i < fm->n; i++)
		if (fm->f[i].secret)
			explicit_bzero(fm->f[i].value, sizeof fm->f[i].value);
}

void fh_form_clear_errors(struct fh_form *fm)
{
	for (int i = 0; i < fm->n; i++)
		fm->f[i].error[0] = fm->f[i].note[0] = 0;
	fm->message[0] = 0;
}

void fh_form_focus_error(struct fh_form *fm)
{
	for (int i = 0; i < fm->n; i++)
		if (fm->f[i].error[0]) {
			fm->focus = i;
			return;
		}
}

bool fh_form_typing(const struct fh_form *fm)
{
	return fm->n > 0 && fm->f[fm->focus].kind == FH_FIELD_TEXT && !fm->confirm_cancel;
}

static void choose(struct fh_form_field *f, int dir)
{
	int n = f->nchoices, cur = -1;
	if (n <= 0)
		return;
	for (int i = 0; i < n; i++)
		if (strcmp(f->choices[i], f->value) == 0)
			cur = i;
	cur = cur < 0 ? 0 : (cur + dir + n) % n;
	snprintf(f->value, sizeof f->value, "%s", f->choices[cur]);
}

enum fh_form_result fh_form_request(struct fh_form *fm, int action, const struct fh_input *in)
{
	if (fm->n == 0)
		return FH_FORM_IGNORED;
	struct fh_form_field *f = &fm->f[fm->focus];
	if (fm->confirm_cancel) {
		/* "Esc again discards": anything else goes back to the form */
		fm->confirm_cancel = false;
		return action == FH_ACT_FORM_CANCEL ? FH_FORM_CANCEL : FH_FORM_HANDLED;
	}
	switch (action) {
	case FH_ACT_FORM_NEXT: fm->focus = (fm->focus + 1) % fm->n; return FH_FORM_HANDLED;
	case FH_ACT_FORM_PREV: fm->focus = (fm->focus + fm->n - 1) % fm->n; return FH_FORM_HANDLED;
	case FH_ACT_FORM_CHOOSE_NEXT:
	case FH_ACT_FORM_CHOOSE_PREV:
		if (f->kind == FH_FIELD_CHOICE) {
			choose(f, action == FH_ACT_FORM_CHOOSE_NEXT ? 1 : -1);
			fm->dirty = true;
		}
		return FH_FORM_HANDLED;
	case FH_ACT_FORM_SAVE: return FH_FORM_SAVE;
	case FH_ACT_FORM_CANCEL:
		if (!fm->dirty)
			return FH_FORM_CANCEL;
		fm->confirm_cancel = true;
		return FH_FORM_HANDLED;
	case FH_ACT_NONE:
		if (f->kind == FH_FIELD_TEXT && fh_edit_key(f->value, sizeof f->value, in)) {
			fm->dirty = true;
			if (f->pick) { /* typed again: no record taken */
				f->picked = 0;
				f->note[0] = 0;
			}
			return FH_FORM_HANDLED;
		}
		return FH_FORM_IGNORED;
	default: return FH_FORM_IGNORED;
	}
}

void fh_form_draw(struct app *app, struct fh_form *fm, const char *title, struct rect a)
{
	fh_draw_text(a.y, a.x, title, a.cols, true, fh_attr(app, FH_C_TITLE));
	int lw = 2, vw;
	for (int i = 0; i < fm->n; i++) {
		int w = fh_str_width(fm->f[i].label) + 2;
		lw = w > lw ? w : lw;
	}
	vw = (a.cols - lw) / 2 > 40 ? 40 : (a.cols - lw) / 2;
	int ex = a.x + lw + vw + 2, y0 = a.y + 1;
	/* under the fields: the focused field's message, whole, and the form's */
	const struct fh_form_field *cur = &fm->f[fm->focus];
	char foot[1800], err[800] = "";
	if (cur->error[0])
		snprintf(err, sizeof err, P_("error", "%s: %s"), cur->label, cur->error);
	snprintf(foot, sizeof foot, "%s%s%s", err, err[0] && fm->message[0] ? "\n" : "", fm->message);
	if (fm->confirm_cancel)
		snprintf(foot, sizeof foot, "%s",
			 _("Unsaved changes: Esc again discards them, any other key goes back to the form."));
	int foot_rows = foot[0] ? fh_draw_wrapped(0, 0, foot, a.cols, 0, 0) : 0;
	if (foot_rows > 4)
		foot_rows = 4;
	int shown = a.rows - 1 - foot_rows - (foot_rows ? 1 : 0);
	if (shown > fm->n)
		shown = fm->n;
	if (shown < 1)
		shown = 1;
	int first = fm->focus >= shown ? fm->focus - shown + 1 : 0;
	int cy = -1, cx = 0, fy = -1;
	for (int i = 0; i < shown && first + i < fm->n; i++) {
		const struct fh_form_field *f = &fm->f[first + i];
		bool focus = first + i == fm->focus;
		int y = y0 + i;
		if (focus)
			fy = y;
		fh_draw_text(y, a.x, f->label, lw, true, A_BOLD);
		char v[FH_FORM_VALUE + 16];
		if (f->kind == FH_FIELD_CHOICE)
			snprintf(v, sizeof v, "◀ %s ▶", f->value[0] ? f->value : "—");
		else if (f->secret) /* never the password, nor its length (as the login) */
			snprintf(v, sizeof v, "%s", f->value[0] ? "••••••" : "");
		else
			snprintf(v, sizeof v, "%s", f->value);
		/* the end of a long value stays in view */
		const char *p = v;
		while (fh_str_width(p) > vw - 1 && *p) {
			p++;
			while ((*p & 0xC0) == 0x80)
				p++;
		}
		fh_draw_text(y, a.x + lw, p, vw, true, focus ? fh_attr(app, FH_C_SELECT) : A_UNDERLINE);
		if (focus && f->kind == FH_FIELD_TEXT) {
			cy = y;
			cx = a.x + lw + fh_str_width(p);
		}
		if (f->error[0])
			fh_draw_text(y, ex, f->error, a.x + a.cols - ex, false, fh_attr(app, FH_C_BAD));
		else if (f->note[0])
			fh_draw_text(y, ex, f->note, a.x + a.cols - ex, false, fh_attr(app, FH_C_WARN));
	}
	if (foot_rows)
		fh_draw_wrapped(a.y + a.rows - foot_rows, a.x, foot, a.cols, foot_rows,
				fh_attr(app, fm->confirm_cancel ? FH_C_WARN : FH_C_BAD));
	/* a picker's matches under its field, over the fields below: the name,
	 * then what tells two of one name apart */
	if (fy >= 0 && cur->pick && cur->open) {
		int w = a.cols - lw - 1, below = a.y + a.rows - fy - 1;
		int rows = cur->nmatches < below ? cur->nmatches : below;
		for (int i = 0; i < rows; i++) {
			char line[500];
			snprintf(line, sizeof line, cur->matches[i].detail[0] ? " %s  · %s" : " %s",
				 cur->matches[i].label, cur->matches[i].detail);
			fh_draw_text(fy + 1 + i, a.x + lw, line, w, true,
				     i == cur->msel ? fh_attr(app, FH_C_SELECT) : fh_attr(app, FH_C_BAR));
		}
	}
	if (cy >= 0 && !fm->confirm_cancel) {
		fh_draw_cursor(cy, cx < a.x + a.cols ? cx : a.x + a.cols - 1);
	}
}

int fh_form_view_request(struct app *app, struct view *v, struct fh_form *fm, int action, const struct fh_input *in,
			 int (*save)(struct app *app, struct view *v))
{
	if (fm->n > 0 && pick_request(app, fm, action, in) == FH_FORM_HANDLED)
		return FH_R_DONE;
	enum fh_form_result r = fh_form_request(fm, action, in);
	struct fh_form_field *f = fm->n > 0 ? &fm->f[fm->focus] : NULL;
	if (r == FH_FORM_HANDLED && action == FH_ACT_NONE && f && f->pick && f->open)
		pick_refresh(app, f); /* the shown matches follow what is typed */
	switch (r) {
	case FH_FORM_SAVE: return save(app, v);
	case FH_FORM_CANCEL: return FH_R_POP;
	case FH_FORM_HANDLED: return FH_R_DONE;
	default:
		/* q is text here; Esc is the form's cancel: BACK never drops typed work */
		return action == FH_ACT_BACK ? FH_R_DONE : FH_R_UNHANDLED;
	}
}
