/* fuhua tui — the Tenants screen: the list (filters, sort, search as you
 * type), a tenant's page (profile, stage history, history), the intake and
 * edit form, and the stage change. Every rule is core's; this file shows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuhua/clock.h"
#include "fuhua/hub.h"
#include "fuhua/tenant.h"
#include "i18n.h"
#include "tui.h"
#include "width.h"

#define PAGE_MAX 200
#define MAX_FIELDS 32
#define FORM_FIELDS FH_TF_EDITABLE
#define VALUE_SIZE (FH_TENANT_NOTES_MAX * 4 + 1)

enum mode { LIST, PAGE, FORM, MOVE };

struct form {
	bool is_new;
	fh_tenant base;          /* what was loaded (edit) or the defaults (new) */
	char val[FORM_FIELDS][VALUE_SIZE];
	char theirs[FORM_FIELDS][160]; /* after a conflict: the other operator's value */
	fh_field_errors errs;
	char fields[MAX_FIELDS][128]; /* the service fields of the tenant's hub */
	size_t nfields;
	int focus;
	bool dirty, confirm_cancel;
	char message[600];
};

struct tenants {
	enum mode mode;
	/* the list */
	fh_tenant_filter filter;
	fh_tenant_row rows[PAGE_MAX];
	size_t nrows;
	bool has_anchor;         /* the page starts after `anchor` */
	fh_tenant_row anchor;
	bool more;               /* a row follows the page */
	int sel;
	int page_rows;           /* how many rows the screen shows */
	bool searching;          /* the search line has the keys */
	int count;
	bool count_more;
	fh_hub *hubs;
	size_t nhubs;
	int hub_index;           /* -1: all of the operator's hubs */
	char fields[MAX_FIELDS][128];
	size_t nfields;
	int field_index;
	/* the tenant's page */
	fh_tenant t;
	int tab;                 /* 0 profile, 1 stages, 2 history */
	fh_stage_event *stages;
	size_t nstages;
	fh_change *changes;
	size_t nchanges;
	int scroll;
	/* the stage change */
	fh_stage next[FH_STAGE_COUNT];
	size_t nnext;
	int move_sel;
	char reason[FH_TENANT_REASON_MAX * 4 + 1];
	struct form form;
	char error[600];
};

static struct tenants *state(struct app *app)
{
	struct tenants *v = app->view_state[FH_SCREEN_TENANTS];
	if (!v) {
		v = calloc(1, sizeof *v);
		if (!v)
			return NULL;
		fh_tenant_filter_init(&v->filter);
		v->hub_index = -1;
		v->field_index = -1;
		v->page_rows = 18;
		v->count = -1;
		app->view_state[FH_SCREEN_TENANTS] = v;
	}
	return v;
}

static bool zh(void)
{
	return fh_i18n_is_zh();
}

static void show_error(struct tenants *v, const fh_error *err)
{
	char buf[600];
	snprintf(v->error, sizeof v->error, "%s", fh_error_format(err, buf, sizeof buf));
}

/* ---- the list ------------------------------------------------------------------ */

static int page_size(const struct tenants *v)
{
	return v->page_rows < 1 ? 1 : v->page_rows > PAGE_MAX - 1 ? PAGE_MAX - 1 : v->page_rows;
}

/* Loads the page after the anchor (or the first page). One row more than
 * shown tells whether another page follows. */
static void load_page(struct app *app, struct tenants *v)
{
	fh_error err;
	size_t n = 0;
	int want = page_size(v);
	v->error[0] = 0;
	if (fh_tenant_page(app->store, &app->actor, &v->filter, v->has_anchor ? &v->anchor : NULL,
			   false, v->rows, (size_t)want + 1, &n, &err) != FH_OK) {
		show_error(v, &err);
		n = 0;
	}
	v->more = n > (size_t)want;
	v->nrows = v->more ? (size_t)want : n;
	if (v->sel >= (int)v->nrows)
		v->sel = v->nrows ? (int)v->nrows - 1 : 0;
}

static void load_count(struct app *app, struct tenants *v)
{
	fh_error err;
	if (fh_tenant_count(app->store, &app->actor, &v->filter, 999, &v->count, &v->count_more, &err) != FH_OK)
		v->count = -1;
}

static void first_page(struct app *app, struct tenants *v)
{
	v->has_anchor = false;
	v->sel = 0;
	load_page(app, v);
	load_count(app, v);
}

static void next_page(struct app *app, struct tenants *v)
{
	if (!v->more || !v->nrows)
		return;
	v->anchor = v->rows[v->nrows - 1];
	v->has_anchor = true;
	v->sel = 0;
	load_page(app, v);
}

static void prev_page(struct app *app, struct tenants *v)
{
	if (!v->has_anchor)
		return;
	fh_tenant_row back[PAGE_MAX];
	size_t n = 0;
	fh_error err;
	int want = page_size(v);
	/* the page before ends with the anchor; its own anchor is the row before it */
	fh_tenant_row from = v->rows[0];
	if (fh_tenant_page(app->store, &app->actor, &v->filter, v->nrows ? &from : &v->anchor, true,
			   back, (size_t)want + 1, &n, &err) != FH_OK) {
		show_error(v, &err);
		return;
	}
	if (n > (size_t)want) {
		v->anchor = back[0];
		v->has_anchor = true;
	} else {
		v->has_anchor = false;
	}
	v->sel = 0;
	load_page(app, v);
}

static void last_page(struct app *app, struct tenants *v)
{
	fh_tenant_row back[PAGE_MAX];
	size_t n = 0;
	fh_error err;
	int want = page_size(v);
	if (fh_tenant_page(app->store, &app->actor, &v->filter, NULL, true, back, (size_t)want + 1,
			   &n, &err) != FH_OK) {
		show_error(v, &err);
		return;
	}
	v->has_anchor = n > (size_t)want;
	if (v->has_anchor)
		v->anchor = back[0];
	load_page(app, v);
	v->sel = v->nrows ? (int)v->nrows - 1 : 0;
}

static void load_filters(struct app *app, struct tenants *v)
{
	fh_error err;
	free(v->hubs);
	v->hubs = NULL;
	v->nhubs = 0;
	if (fh_hub_list(app->store, &app->actor, &v->hubs, &v->nhubs, &err) != FH_OK)
		show_error(v, &err);
	v->nfields = fh_hub_service_fields(app->store, app->actor.hub_id, v->fields, MAX_FIELDS);
}

static void reload(struct app *app)
{
	struct tenants *v = state(app);
	if (!v)
		return;
	if (!v->hubs)
		load_filters(app, v);
	load_page(app, v);
	load_count(app, v);
	if (v->mode == PAGE || v->mode == MOVE) {
		fh_error err;
		if (fh_tenant_get_by_id(app->store, &app->actor, v->t.id, &v->t, &err) != FH_OK)
			show_error(v, &err);
	}
}

static void draw_list(struct app *app, struct tenants *v, int top, int rows, int cols)
{
	char line[512], part[256];
	/* the filter line */
	const char *all = _("all");
	static const char *const sorts[FH_SORT_COUNT] = { N_("name"), N_("admission"), N_("intake") };
	snprintf(line, sizeof line, _("Hub: %s  Stage: %s  Type: %s  Field: %s  Sort: %s"),
		 v->hub_index >= 0 ? v->hubs[v->hub_index].name : app->actor.hub_name,
		 v->filter.stage >= 0 ? fh_stage_label((fh_stage)v->filter.stage, zh()) : all,
		 v->filter.org_type >= 0 ? fh_org_type_label((fh_org_type)v->filter.org_type, zh()) : all,
		 v->filter.field[0] ? v->filter.field : all,
		 v->filter.search[0] ? _("newest (search)") : _(sorts[v->filter.sort]));
	fh_draw_text(top, 0, line, cols, true, fh_attr(app, FH_C_DIM));
	/* the search line, or the count */
	if (v->searching || v->filter.search[0]) {
		snprintf(line, sizeof line, "/ %s", v->filter.search);
		int w = fh_draw_text(top + 1, 0, line, cols - 20, false, A_BOLD);
		if (v->searching) {
			move(top + 1, w);
			curs_set(1);
		}
	}
	if (v->count >= 0) {
		snprintf(part, sizeof part, v->count_more ? _("%d+ tenants") : _("%d tenants"), v->count);
		int w = fh_str_width(part);
		fh_draw_text(top + 1, cols - w - 1, part, w, false, A_NORMAL);
	}
	/* columns: name takes what the others leave */
	int wtype = 8, wstage = 8, wfield = 10, wmonths = 5, wparty = 10, whub = 8;
	int wname = cols - (wtype + wstage + wfield + wmonths + wparty + whub + 7);
	int y = top + 2, x;
	attr_t head = A_BOLD | A_UNDERLINE;
	struct { const char *t; int w; } heads[] = {
		{ _("Name"), wname }, { _("Type"), wtype }, { _("Stage"), wstage }, { _("Field"), wfield },
		{ _("Mo."), wmonths }, { _("Party"), wparty }, { _("Hub"), whub },
	};
	x = 0;
	for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++) {
		fh_draw_text(y, x, heads[i].t, heads[i].w, true, head);
		x += heads[i].w + 1;
	}
	v->page_rows = rows - 4;
	if (v->error[0])
		fh_draw_text(y + 1, 0, v->error, cols, false, fh_attr(app, FH_C_BAD));
	for (size_t i = 0; i < v->nrows && (int)i < rows - 4; i++) {
		const fh_tenant_row *r = &v->rows[i];
		int yy = y + 1 + (int)i + (v->error[0] ? 1 : 0);
		if (yy >= top + rows - 1)
			break;
		attr_t a = (int)i == v->sel && !v->searching ? fh_attr(app, FH_C_SELECT) : A_NORMAL;
		if (a != A_NORMAL)
			for (int c = 0; c < cols; c++)
				mvaddch(yy, c, ' ' | a);
		char months[16] = "";
		if (r->admitted_on)
			snprintf(months, sizeof months, "%4d", r->months);
		x = 0;
		x += fh_draw_text(yy, x, r->name, wname, true, a) + 1;
		x += fh_draw_text(yy, x, fh_short_org_type(r->org_type), wtype, true, a) + 1;
		x += fh_draw_text(yy, x, fh_stage_label(r->stage, zh()), wstage, true, a) + 1;
		x += fh_draw_text(yy, x, r->field, wfield, true, a) + 1;
		x += fh_draw_text(yy, x, months, wmonths, true, a) + 1;
		x += fh_draw_text(yy, x, fh_short_party(r->party_org, r->instructor), wparty, true, a) + 1;
		fh_draw_text(yy, x, r->hub_code, whub, true, a);
	}
	if (v->nrows == 0 && !v->error[0])
		fh_draw_text(y + 2, 2, v->filter.search[0] ? _("No tenant matches the search.")
							   : _("No tenants here yet. Press a to take in an application."),
			     cols - 4, false, fh_attr(app, FH_C_DIM));
	fh_draw_text(top + rows - 1, 0,
		     v->searching ? _("Type to search: name, short name, pinyin initials, credit code, contact, phone.  Enter: keep  Esc: clear")
				  : _("/ search  Enter open  a new  s stage  t type  f field  h hub  o sort  PgDn/PgUp pages"),
		     cols, false, fh_attr(app, FH_C_DIM));
}

/* Cycles an index from -1 (all) through n-1 and back. */
static int cycle(int i, int n)
{
	return i + 1 >= n ? -1 : i + 1;
}

static void open_tenant(struct app *app, struct tenants *v, int64_t id);
static void open_form(struct app *app, struct tenants *v, bool is_new);

static bool key_list(struct app *app, struct tenants *v, enum fh_action a, const struct fh_input *in)
{
	if (v->searching) {
		if (in->kind == FH_IN_CHAR && (in->ch == '\n' || in->ch == '\r')) {
			v->searching = false;
			return true;
		}
		if (in->kind == FH_IN_CHAR && in->ch == 27) {
			v->searching = false;
			v->filter.search[0] = 0;
			first_page(app, v);
			return true;
		}
		if (a == FH_ACT_MOVE_DOWN && in->kind == FH_IN_KEY) {
			v->searching = false;
			return true;
		}
		if (fh_edit_key(v->filter.search, sizeof v->filter.search, in)) {
			first_page(app, v);
			return true;
		}
		return in->kind == FH_IN_CHAR; /* other characters stay in the search */
	}
	switch (a) {
	case FH_ACT_SEARCH:
		v->searching = true;
		return true;
	case FH_ACT_MOVE_DOWN:
		if (v->sel + 1 < (int)v->nrows)
			v->sel++;
		else if (v->more)
			next_page(app, v);
		return true;
	case FH_ACT_MOVE_UP:
		if (v->sel > 0) {
			v->sel--;
		} else if (v->has_anchor) {
			prev_page(app, v);
			v->sel = v->nrows ? (int)v->nrows - 1 : 0;
		}
		return true;
	case FH_ACT_PAGE_DOWN:
		if (v->more)
			next_page(app, v);
		else
			v->sel = v->nrows ? (int)v->nrows - 1 : 0;
		return true;
	case FH_ACT_PAGE_UP:
		if (v->has_anchor)
			prev_page(app, v);
		else
			v->sel = 0;
		return true;
	case FH_ACT_MOVE_FIRST:
		first_page(app, v);
		return true;
	case FH_ACT_MOVE_LAST:
		last_page(app, v);
		return true;
	case FH_ACT_OPEN:
		if (v->nrows)
			open_tenant(app, v, v->rows[v->sel].id);
		return true;
	case FH_ACT_NEW:
		open_form(app, v, true);
		return true;
	case FH_ACT_FILTER_STAGE:
		v->filter.stage = cycle(v->filter.stage, FH_STAGE_COUNT);
		first_page(app, v);
		return true;
	case FH_ACT_FILTER_TYPE:
		v->filter.org_type = cycle(v->filter.org_type, FH_ORG_TYPE_COUNT);
		first_page(app, v);
		return true;
	case FH_ACT_FILTER_FIELD:
		v->field_index = cycle(v->field_index, (int)v->nfields);
		snprintf(v->filter.field, sizeof v->filter.field, "%s",
			 v->field_index >= 0 ? v->fields[v->field_index] : "");
		first_page(app, v);
		return true;
	case FH_ACT_FILTER_HUB:
		v->hub_index = cycle(v->hub_index, (int)v->nhubs);
		v->filter.hub_id = v->hub_index >= 0 ? v->hubs[v->hub_index].id : 0;
		first_page(app, v);
		return true;
	case FH_ACT_SORT:
		v->filter.sort = (fh_tenant_sort)((v->filter.sort + 1) % FH_SORT_COUNT);
		first_page(app, v);
		return true;
	case FH_ACT_BACK:
		if (v->filter.search[0]) {
			v->filter.search[0] = 0;
			first_page(app, v);
			return true;
		}
		return false;
	default:
		return false;
	}
}

/* ---- a tenant's page -------------------------------------------------------------- */

static void load_history(struct app *app, struct tenants *v)
{
	fh_error err;
	free(v->stages);
	free(v->changes);
	v->stages = NULL;
	v->changes = NULL;
	v->nstages = v->nchanges = 0;
	if (fh_tenant_stages(app->store, &app->actor, v->t.id, &v->stages, &v->nstages, &err) != FH_OK ||
	    fh_tenant_changes(app->store, &app->actor, v->t.id, 100, &v->changes, &v->nchanges, &err) != FH_OK)
		show_error(v, &err);
}

static void open_tenant(struct app *app, struct tenants *v, int64_t id)
{
	fh_error err;
	v->error[0] = 0;
	if (fh_tenant_get_by_id(app->store, &app->actor, id, &v->t, &err) != FH_OK) {
		show_error(v, &err);
		return;
	}
	v->mode = PAGE;
	v->scroll = 0;
	load_history(app, v);
}

static const char *date_or_dash(int64_t t, char *buf, size_t size)
{
	if (!t)
		return "—";
	return fh_clock_format_date(t, buf, size);
}

static void draw_profile(struct app *app, struct tenants *v, int y, int rows, int cols)
{
	char val[VALUE_SIZE];
	int lw = zh() ? 18 : 15, half = cols / 2;
	/* two columns of fields, then the notes */
	for (int f = 0, i = 0; f < FH_TF_COUNT; f++) {
		if (f == FH_TF_NOTES || f == FH_TF_STAGE)
			continue;
		if (f == FH_TF_EXIT_REASON && v->t.stage != FH_STAGE_EXITED)
			continue;
		int col = i % 2, row = i / 2;
		if (row >= rows - 2)
			break;
		int x = col * half;
		fh_draw_text(y + row, x, fh_tenant_field_label((fh_tenant_field)f, zh()), lw, true, A_BOLD);
		fh_tenant_get(&v->t, (fh_tenant_field)f, false, zh(), val, sizeof val);
		fh_draw_text(y + row, x + lw, val[0] ? val : "—", half - lw - 1, false, A_NORMAL);
		i++;
	}
	int notes_y = y + 11;
	if (notes_y < y + rows) {
		fh_draw_text(notes_y, 0, fh_tenant_field_label(FH_TF_NOTES, zh()), lw, true, A_BOLD);
		fh_draw_text(notes_y, lw, v->t.notes[0] ? v->t.notes : "—", cols - lw, false, A_NORMAL);
	}
	(void)app;
}

static void draw_stages(struct app *app, struct tenants *v, int y, int rows, int cols)
{
	char when[32], line[1200];
	for (size_t i = 0; i < v->nstages && (int)i < rows; i++) {
		const fh_stage_event *e = &v->stages[i];
		snprintf(line, sizeof line, "%s  %s%s%s  %s%s%s", fh_clock_format(e->at, when, sizeof when),
			 e->from < FH_STAGE_COUNT ? fh_stage_label(e->from, zh()) : "",
			 e->from < FH_STAGE_COUNT ? " → " : "", fh_stage_label(e->to, zh()), e->operator_name,
			 e->reason[0] ? " · " : "", e->reason);
		fh_draw_text(y + (int)i, 0, line, cols, false, A_NORMAL);
	}
	(void)app;
}

static const char *action_label(const char *action)
{
	static const char *const pairs[][2] = {
		{ "create", N_("taken in") }, { "update", N_("edited") }, { "move", N_("stage") },
		{ "extend", N_("extended") }, { "import", N_("imported") }, { NULL, NULL },
	};
	for (int i = 0; pairs[i][0]; i++)
		if (strcmp(pairs[i][0], action) == 0)
			return _(pairs[i][1]);
	return action;
}

/* A stored value (identifiers, as the audit log holds them) for people. */
static const char *value_label(fh_tenant_field f, const char *raw, char *out, size_t size)
{
	fh_tenant t;
	fh_tenant_init(&t);
	snprintf(out, size, "%s", raw);
	bool choice = f == FH_TF_STAGE || f == FH_TF_ORG_TYPE || f == FH_TF_REG_STATE ||
		      f == FH_TF_PARTY_ORG || f == FH_TF_RATING;
	if (choice && *raw && fh_tenant_set(&t, f, raw, NULL) == FH_OK)
		fh_tenant_get(&t, f, false, zh(), out, size);
	return *out ? out : "∅";
}

static void draw_changes(struct app *app, struct tenants *v, int y, int rows, int cols)
{
	char when[32], line[2400], part[600];
	int row = 0;
	for (size_t i = 0; i < v->nchanges && row < rows; i++) {
		const fh_change *c = &v->changes[i];
		snprintf(line, sizeof line, "%s  %-8s %s", fh_clock_format(c->at, when, sizeof when),
			 c->operator_name, action_label(c->action));
		fh_draw_text(y + row++, 0, line, cols, false, A_BOLD);
		for (int k = 0; k < c->nfields && row < rows; k++) {
			char x[200], y2[200];
			fh_tenant_field f = c->f[k].field;
			if (strcmp(c->action, "create") == 0)
				snprintf(part, sizeof part, "%s: %s", fh_tenant_field_label(f, zh()),
					 value_label(f, c->f[k].new, y2, sizeof y2));
			else
				snprintf(part, sizeof part, "%s: %s → %s", fh_tenant_field_label(f, zh()),
					 value_label(f, c->f[k].old, x, sizeof x),
					 value_label(f, c->f[k].new, y2, sizeof y2));
			fh_draw_text(y + row++, 4, part, cols - 4, false, A_NORMAL);
		}
	}
	if (!v->nchanges)
		fh_draw_text(y, 0, _("No changes recorded."), cols, false, fh_attr(app, FH_C_DIM));
}

static void draw_page(struct app *app, struct tenants *v, int top, int rows, int cols)
{
	char line[800], d1[16], d2[16];
	fh_tenant *t = &v->t;
	snprintf(line, sizeof line, "%s  [%s]  %s", t->name, fh_stage_label(t->stage, zh()), t->hub_name);
	fh_draw_text(top, 0, line, cols, true, fh_attr(app, FH_C_TITLE));
	if (t->admitted_on)
		snprintf(line, sizeof line, _("No. %lld · admitted %s · planned end %s%s · %d months"),
			 (long long)t->id, date_or_dash(t->admitted_on, d1, sizeof d1),
			 date_or_dash(t->planned_end, d2, sizeof d2), t->extended ? _(" (extended)") : "",
			 fh_tenant_months(t, fh_clock_now()));
	else
		snprintf(line, sizeof line, _("No. %lld · in this stage since %s"), (long long)t->id,
			 date_or_dash(t->stage_since, d1, sizeof d1));
	fh_draw_text(top + 1, 0, line, cols, false, A_NORMAL);
	static const char *const tabs[] = { N_("Profile"), N_("Stages"), N_("History") };
	int x = 0;
	for (int i = 0; i < 3; i++) {
		snprintf(line, sizeof line, " %s ", _(tabs[i]));
		x += fh_draw_text(top + 2, x, line, cols - x, false,
				  i == v->tab ? fh_attr(app, FH_C_SELECT) : A_UNDERLINE) + 1;
	}
	int y = top + 4, body = rows - 6;
	if (v->error[0] && v->mode != MOVE) /* the dialog shows its own */
		fh_draw_text(top + 3, 0, v->error, cols, false, fh_attr(app, FH_C_BAD));
	if (v->tab == 0)
		draw_profile(app, v, y, body, cols);
	else if (v->tab == 1)
		draw_stages(app, v, y, body, cols);
	else
		draw_changes(app, v, y, body, cols);
	fh_draw_text(top + rows - 1, 0, _("Tab: profile / stages / history   e edit  m stage  x extend  q back"),
		     cols, false, fh_attr(app, FH_C_DIM));
}

static void open_move(struct app *app, struct tenants *v)
{
	(void)app;
	v->nnext = fh_stage_next(v->t.stage, v->next);
	v->move_sel = 0;
	v->reason[0] = 0;
	v->error[0] = 0;
	if (!v->nnext) {
		snprintf(v->error, sizeof v->error, "%s", _("The tenant has left incubation; its stage is final."));
		return;
	}
	v->mode = MOVE;
}

static bool key_page(struct app *app, struct tenants *v, enum fh_action a, const struct fh_input *in)
{
	(void)in;
	fh_error err;
	switch (a) {
	case FH_ACT_NEXT_PANE:
		v->tab = (v->tab + 1) % 3;
		return true;
	case FH_ACT_EDIT:
		open_form(app, v, false);
		return true;
	case FH_ACT_MOVE_STAGE:
		open_move(app, v);
		return true;
	case FH_ACT_EXTEND:
		v->error[0] = 0;
		if (fh_tenant_extend(app->store, &app->actor, v->t.id, v->t.version, &err) != FH_OK)
			show_error(v, &err);
		else
			open_tenant(app, v, v->t.id);
		return true;
	case FH_ACT_BACK:
		v->mode = LIST;
		v->error[0] = 0;
		load_page(app, v);
		return true;
	default:
		return false;
	}
}

static void draw_move(struct app *app, struct tenants *v, int top, int rows, int cols)
{
	draw_page(app, v, top, rows, cols);
	int w = 56 < cols - 4 ? 56 : cols - 4, h = (int)v->nnext + 7;
	int y = top + (rows - h) / 2, x = (cols - w) / 2;
	attr_t box = fh_attr(app, FH_C_BAR);
	for (int r = 0; r < h; r++)
		fh_draw_text(y + r, x, "", w, true, box);
	char line[400];
	snprintf(line, sizeof line, _(" Move %s from %s to:"), v->t.name, fh_stage_label(v->t.stage, zh()));
	fh_draw_text(y, x, line, w, true, box | A_BOLD);
	for (size_t i = 0; i < v->nnext; i++) {
		snprintf(line, sizeof line, "  %s %s", (int)i == v->move_sel ? "▶" : " ",
			 fh_stage_label(v->next[i], zh()));
		fh_draw_text(y + 2 + (int)i, x, line, w, true,
			     (int)i == v->move_sel ? fh_attr(app, FH_C_SELECT) : box);
	}
	int ry = y + 2 + (int)v->nnext + 1;
	snprintf(line, sizeof line, _(" Reason: %s"), v->reason);
	int rw = fh_draw_text(ry, x, line, w, true, box);
	(void)rw;
	if (v->error[0])
		fh_draw_text(ry + 1, x, v->error, w, true, box | A_BOLD);
	fh_draw_text(y + h - 1, x, _(" ↑↓ choose  type a reason  Enter move  Esc cancel"), w, true, box);
	move(ry, x + fh_str_width(line) < x + w ? x + fh_str_width(line) : x + w - 1);
	curs_set(1);
}

static bool key_move(struct app *app, struct tenants *v, enum fh_action a, const struct fh_input *in)
{
	if (in->kind == FH_IN_KEY && (in->ch == KEY_UP || in->ch == KEY_DOWN)) {
		int n = (int)v->nnext;
		v->move_sel = (v->move_sel + (in->ch == KEY_UP ? n - 1 : 1)) % n;
		return true;
	}
	if (in->kind == FH_IN_CHAR && in->ch == 27) {
		v->mode = PAGE;
		v->error[0] = 0;
		return true;
	}
	if (a == FH_ACT_OPEN) {
		fh_error err;
		if (fh_tenant_move(app->store, &app->actor, v->t.id, v->t.version, v->next[v->move_sel],
				   v->reason, &err) != FH_OK) {
			show_error(v, &err);
			return true;
		}
		snprintf(app->message, sizeof app->message, _("%s: now %s"), v->t.name,
			 fh_stage_label(v->next[v->move_sel], zh()));
		open_tenant(app, v, v->t.id);
		return true;
	}
	fh_edit_key(v->reason, sizeof v->reason, in);
	return true;
}

/* ---- the intake and edit form ---------------------------------------------------------- */

static bool is_choice(int f)
{
	return f == FH_TF_ORG_TYPE || f == FH_TF_REG_STATE || f == FH_TF_FIELD || f == FH_TF_RATING ||
	       f == FH_TF_PARTY_ORG;
}

static void fill_form(struct form *fm, const fh_tenant *t)
{
	for (int f = 0; f < FORM_FIELDS; f++)
		fh_tenant_get(t, (fh_tenant_field)f, false, zh(), fm->val[f], sizeof fm->val[f]);
	/* numbers left empty rather than 0 in a new form */
	if (fm->is_new)
		for (int f = 0; f < FORM_FIELDS; f++)
			if (strcmp(fm->val[f], "0") == 0)
				fm->val[f][0] = 0;
}

static void open_form(struct app *app, struct tenants *v, bool is_new)
{
	struct form *fm = &v->form;
	memset(fm, 0, sizeof *fm);
	fm->is_new = is_new;
	if (is_new) {
		fh_tenant_init(&fm->base);
		fm->base.hub_id = app->actor.hub_id;
	} else {
		fm->base = v->t;
	}
	fm->nfields = fh_hub_service_fields(app->store, fm->base.hub_id, fm->fields, MAX_FIELDS);
	fill_form(fm, &fm->base);
	v->mode = FORM;
}

/* The next value of a choice field, from the labels in the current language. */
static void choose(struct tenants *v, int f, int dir)
{
	struct form *fm = &v->form;
	const char *opts[40];
	int n = 0, cur = -1;
	char ratings[6][4] = { "", "1A", "2A", "3A", "4A", "5A" };
	switch (f) {
	case FH_TF_ORG_TYPE:
		for (int i = 0; i < FH_ORG_TYPE_COUNT; i++)
			opts[n++] = fh_org_type_label((fh_org_type)i, zh());
		break;
	case FH_TF_REG_STATE:
		for (int i = 0; i < FH_REG_STATE_COUNT; i++)
			opts[n++] = fh_reg_state_label((fh_reg_state)i, zh());
		break;
	case FH_TF_PARTY_ORG:
		for (int i = 0; i < FH_PARTY_ORG_COUNT; i++)
			opts[n++] = fh_party_org_label((fh_party_org)i, zh());
		break;
	case FH_TF_RATING:
		for (int i = 0; i < 6; i++)
			opts[n++] = ratings[i];
		break;
	case FH_TF_FIELD:
		opts[n++] = "";
		for (size_t i = 0; i < fm->nfields && n < 40; i++)
			opts[n++] = fm->fields[i];
		break;
	default:
		return;
	}
	for (int i = 0; i < n; i++)
		if (strcmp(opts[i], fm->val[f]) == 0)
			cur = i;
	cur = cur < 0 ? 0 : (cur + dir + n) % n;
	snprintf(fm->val[f], sizeof fm->val[f], "%s", opts[cur]);
	fm->dirty = true;
}

static void draw_form(struct app *app, struct tenants *v, int top, int rows, int cols)
{
	struct form *fm = &v->form;
	char line[800];
	if (fm->is_new)
		snprintf(line, sizeof line, _("Take in an application · %s"), app->actor.hub_name);
	else
		snprintf(line, sizeof line, _("Edit %s (no. %lld, version %lld)"), fm->base.name,
			 (long long)fm->base.id, (long long)fm->base.version);
	fh_draw_text(top, 0, line, cols, true, fh_attr(app, FH_C_TITLE));
	int lw = zh() ? 18 : 15, vw = (cols - lw) / 2 > 40 ? 40 : (cols - lw) / 2;
	int ex = lw + vw + 2, y0 = top + 1;
	int cursor_y = -1, cursor_x = 0;
	int shown = rows - 3 < FORM_FIELDS ? rows - 3 : FORM_FIELDS;
	int first = fm->focus >= shown ? fm->focus - shown + 1 : 0;
	for (int i = 0; i < shown; i++) {
		int f = first + i, y = y0 + i;
		bool focus = f == fm->focus;
		fh_draw_text(y, 0, fh_tenant_field_label((fh_tenant_field)f, zh()), lw, true, A_BOLD);
		const char *val = fm->val[f];
		char shownv[VALUE_SIZE + 8];
		if (is_choice(f))
			snprintf(shownv, sizeof shownv, "◀ %s ▶", val[0] ? val : "—");
		else
			snprintf(shownv, sizeof shownv, "%s", val);
		/* the end of a long value stays in view */
		const char *p = shownv;
		while (fh_str_width(p) > vw - 1 && *p) {
			p++;
			while ((*p & 0xC0) == 0x80)
				p++;
		}
		int w = fh_draw_text(y, lw, p, vw, true, focus ? fh_attr(app, FH_C_SELECT) : A_UNDERLINE);
		(void)w;
		if (focus && !is_choice(f)) {
			cursor_y = y;
			cursor_x = lw + fh_str_width(p);
		}
		const fh_error *e = fh_field_errors_find(&fm->errs, (fh_tenant_field)f);
		if (e)
			fh_draw_text(y, ex, e->message, cols - ex, false, fh_attr(app, FH_C_BAD));
		else if (fm->theirs[f][0])
			fh_draw_text(y, ex, fm->theirs[f], cols - ex, false, fh_attr(app, FH_C_WARN));
	}
	if (fm->message[0])
		fh_draw_text(top + rows - 2, 0, fm->message, cols, false, fh_attr(app, FH_C_WARN));
	fh_draw_text(top + rows - 1, 0,
		     fm->confirm_cancel ? _("Unsaved changes: Esc again discards them, any other key goes on.")
					: _("↑↓ Tab Enter: field   ←→ Space: choose   F2: save   Esc: cancel"),
		     cols, false, fh_attr(app, FH_C_DIM));
	if (cursor_y >= 0) {
		move(cursor_y, cursor_x < cols ? cursor_x : cols - 1);
		curs_set(1);
	}
}

static void save_form(struct app *app, struct tenants *v)
{
	struct form *fm = &v->form;
	fh_tenant t = fm->base;
	fh_error err;
	memset(&fm->errs, 0, sizeof fm->errs);
	fm->message[0] = 0;
	for (int f = 0; f < FORM_FIELDS; f++) {
		fh_error e;
		if (fh_tenant_set(&t, (fh_tenant_field)f, fm->val[f], &e) != FH_OK)
			fh_field_errors_add(&fm->errs, &e);
	}
	if (fm->errs.n) {
		fh_tenant_validate(app->store, &t, &fm->errs, &err);
		snprintf(fm->message, sizeof fm->message, _("%zu fields need attention; nothing was saved."), fm->errs.n);
		return;
	}
	fh_status st = fm->is_new ? fh_tenant_add(app->store, &app->actor, &t, &fm->errs, &err)
				  : fh_tenant_update(app->store, &app->actor, &t, &fm->errs, &err);
	if (st == FH_OK) {
		snprintf(app->message, sizeof app->message, fm->is_new ? _("%s taken in (no. %lld)") : _("%s saved"),
			 t.name, (long long)t.id);
		open_tenant(app, v, t.id);
		v->filter.search[0] = 0;
		return;
	}
	if (st == FH_EINVAL && fm->errs.n) {
		snprintf(fm->message, sizeof fm->message, _("%zu fields need attention; nothing was saved."), fm->errs.n);
		return;
	}
	if (st == FH_ECONFLICT && !fm->is_new) {
		/* Someone saved first. Fields only they changed take their value;
		 * fields this operator changed keep what was typed, with theirs
		 * beside; their version becomes the base, so F2 applies. */
		fh_tenant now;
		fh_error e2;
		if (fh_tenant_get_by_id(app->store, &app->actor, fm->base.id, &now, &e2) == FH_OK) {
			char was[VALUE_SIZE], is[VALUE_SIZE];
			for (int f = 0; f < FORM_FIELDS; f++) {
				fh_tenant_get(&fm->base, (fh_tenant_field)f, false, zh(), was, sizeof was);
				fh_tenant_get(&now, (fh_tenant_field)f, false, zh(), is, sizeof is);
				fm->theirs[f][0] = 0;
				if (strcmp(was, is) == 0)
					continue;
				if (strcmp(fm->val[f], was) == 0 || (fm->is_new && !fm->val[f][0])) {
					snprintf(fm->val[f], sizeof fm->val[f], "%s", is);
					snprintf(fm->theirs[f], sizeof fm->theirs[f], "%s", _("↻ their change"));
				} else {
					snprintf(fm->theirs[f], sizeof fm->theirs[f], _("now: %s"), is[0] ? is : "∅");
				}
			}
			fm->base = now;
		}
		snprintf(fm->message, sizeof fm->message, _("%s. Your values are kept, theirs merged in; F2 saves."),
			 err.message);
		return;
	}
	show_error(v, &err);
	snprintf(fm->message, sizeof fm->message, "%s", v->error);
	v->error[0] = 0;
}

/* After a failed save the cursor goes to the first field with a problem. */
static void focus_first_error(struct form *fm)
{
	for (int f = 0; f < FORM_FIELDS; f++)
		if (fh_field_errors_find(&fm->errs, (fh_tenant_field)f)) {
			fm->focus = f;
			return;
		}
}

static bool key_form(struct app *app, struct tenants *v, enum fh_action a, const struct fh_input *in)
{
	struct form *fm = &v->form;
	(void)a;
	if (fm->confirm_cancel) {
		fm->confirm_cancel = false;
		if (in->kind == FH_IN_CHAR && in->ch == 27) {
			v->mode = fm->is_new ? LIST : PAGE;
			return true;
		}
	}
	if (in->kind == FH_IN_KEY) {
		switch (in->ch) {
		case KEY_F(2):
			save_form(app, v);
			if (v->mode == FORM)
				focus_first_error(fm);
			return true;
		case KEY_UP:
		case KEY_BTAB:
			fm->focus = (fm->focus + FORM_FIELDS - 1) % FORM_FIELDS;
			return true;
		case KEY_DOWN:
		case KEY_ENTER:
			fm->focus = (fm->focus + 1) % FORM_FIELDS;
			return true;
		case KEY_LEFT:
		case KEY_RIGHT:
			choose(v, fm->focus, in->ch == KEY_LEFT ? -1 : 1);
			return true;
		default:
			break;
		}
	}
	if (in->kind == FH_IN_CHAR) {
		switch (in->ch) {
		case 27:
			if (fm->dirty)
				fm->confirm_cancel = true;
			else
				v->mode = fm->is_new ? LIST : PAGE;
			return true;
		case '\t':
		case '\n':
		case '\r':
			fm->focus = (fm->focus + 1) % FORM_FIELDS;
			return true;
		case ' ':
			if (is_choice(fm->focus)) {
				choose(v, fm->focus, 1);
				return true;
			}
			break;
		default:
			break;
		}
	}
	if (is_choice(fm->focus))
		return true;
	if (fh_edit_key(fm->val[fm->focus], sizeof fm->val[fm->focus], in))
		fm->dirty = true;
	return true;
}

/* ---- the view ---------------------------------------------------------------------- */

static void draw(struct app *app, int top, int rows, int cols)
{
	struct tenants *v = state(app);
	if (!v)
		return;
	if (!v->hubs) {
		load_filters(app, v);
		v->page_rows = rows - 4;
		first_page(app, v);
	}
	switch (v->mode) {
	case LIST:
		if (rows - 4 != v->page_rows) { /* resized: a page of the new height */
			v->page_rows = rows - 4;
			load_page(app, v);
		}
		draw_list(app, v, top, rows, cols);
		break;
	case PAGE:
		draw_page(app, v, top, rows, cols);
		break;
	case MOVE:
		draw_move(app, v, top, rows, cols);
		break;
	case FORM:
		draw_form(app, v, top, rows, cols);
		break;
	}
}

static bool key(struct app *app, enum fh_action a, const struct fh_input *in)
{
	struct tenants *v = state(app);
	if (!v)
		return false;
	switch (v->mode) {
	case LIST:
		return key_list(app, v, a, in);
	case PAGE:
		return key_page(app, v, a, in);
	case MOVE:
		return key_move(app, v, a, in);
	case FORM:
		return key_form(app, v, a, in);
	}
	return false;
}

static void done(struct app *app)
{
	struct tenants *v = app->view_state[FH_SCREEN_TENANTS];
	if (!v)
		return;
	free(v->hubs);
	free(v->stages);
	free(v->changes);
}

const struct view_ops fh_tenants_view = { "tenants", draw, key, reload, done };
