/* fuhua tui — the Tenants screen: the list with filters, sort and search as
 * you type. Enter opens a tenant's page (view_tenant.c), a takes in an
 * application (view_tenant_form.c). Every rule is core's. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuhua/hub.h"
#include "fuhua/tenant.h"
#include "../common/i18n.h"
#include "list.h"
#include "tenants.h"
#include "tui.h"
#include "../common/width.h"

#define MAX_FIELDS FH_SERVICE_FIELDS_MAX

enum {
	OP_SEARCH = FH_ACT_LOCAL,
	OP_SEARCH_KEEP,
	OP_SEARCH_CLEAR,
	OP_NEW,
	OP_FILTER_STAGE,
	OP_FILTER_TYPE,
	OP_FILTER_FIELD,
	OP_FILTER_HUB,
	OP_SORT,
};

struct tenants {
	fh_tenant_filter filter;
	struct fh_list list;
	bool searching; /* the search line has the keys */
	fh_hub *hubs;
	size_t nhubs;
	int hub_index;    /* -1: the hub the list opened on */
	int64_t base_hub; /* the hub the list opened on (0: the operator's) */
	char base_name[128];
	char fields[MAX_FIELDS][128];
	size_t nfields;
	int field_index;
	int height;
	int hidden; /* with the list empty: how many the filters hide (-1 unknown) */
};

static bool zh(void)
{
	return fh_i18n_is_zh();
}

/* ---- the list's source: core's keyset pages ------------------------------------- */

static fh_status page(struct app *app, void *ctx, const void *from, bool back, void *rows, size_t max, size_t *n,
		      fh_error *err)
{
	struct tenants *v = ctx;
	return fh_tenant_page(app->store, &app->actor, &v->filter, from, back, rows, max, n, err);
}

/* Without a search the count is the one the database keeps, exact and
 * cheap at any filter: the whole of it ("60 961 tenants", not "999+"); a
 * search counts its matches up to the list's cap. */
static fh_status count(struct app *app, void *ctx, int cap, int *c, bool *more, fh_error *err)
{
	struct tenants *v = ctx;
	return fh_tenant_count(app->store, &app->actor, &v->filter, v->filter.search[0] ? cap : INT_MAX, c, more, err);
}

/* the columns: name takes what the others leave */
enum { W_TYPE = 8, W_FIELD = 10, W_MONTHS = 5, W_PARTY = 10, W_HUB = 8 };

/* The stage column as wide as the language's longest stage word
 * ("incubating", 孵化中), so that no stage is cut. */
static int stage_width(void)
{
	int w = 4;
	for (int s = 0; s < FH_STAGE_COUNT; s++) {
		int sw = fh_str_width(fh_stage_label((fh_stage)s, fh_i18n_is_zh()));
		w = sw > w ? sw : w;
	}
	return w;
}

static int name_width(int cols)
{
	return cols - (W_TYPE + stage_width() + W_FIELD + W_MONTHS + W_PARTY + W_HUB + 7);
}

static void draw_row(struct app *app, void *ctx, const void *row, int y, int x, int cols, attr_t a)
{
	(void)app, (void)ctx;
	const fh_tenant_row *r = row;
	char months[16] = "";
	if (r->admitted_on)
		snprintf(months, sizeof months, "%4d", r->months);
	x += fh_draw_text(y, x, r->name, name_width(cols), true, a) + 1;
	x += fh_draw_text(y, x, fh_short_org_type(r->org_type), W_TYPE, true, a) + 1;
	x += fh_draw_text(y, x, fh_stage_label(r->stage, zh()), stage_width(), true, a) + 1;
	x += fh_draw_text(y, x, r->field, W_FIELD, true, a) + 1;
	x += fh_draw_text(y, x, months, W_MONTHS, true, a) + 1;
	x += fh_draw_text(y, x, fh_short_party(r->party_org, r->party_fallback, r->instructor), W_PARTY, true, a) + 1;
	fh_draw_text(y, x, fh_app_hub_label(app, r->hub_code), W_HUB, true, a);
}

static const struct fh_list_source source = { sizeof(fh_tenant_row), page, count, draw_row, NULL };

/* ---- loading ----------------------------------------------------------------------- */

static int list_height(void)
{
	return fh_app_body().rows - 4;
}

static void load_filters(struct app *app, struct tenants *v)
{
	fh_error err;
	free(v->hubs);
	v->hubs = NULL;
	v->nhubs = 0;
	fh_actor scope = app->actor;
	if (fh_hub_list(app->store, &scope, &v->hubs, &v->nhubs, &err) != FH_OK)
		snprintf(v->list.error, sizeof v->list.error, "%s", err.message);
	int64_t hub = v->base_hub ? v->base_hub : app->actor.hub_id;
	snprintf(v->base_name, sizeof v->base_name, "%s", fh_app_hub_label(app, app->actor.hub_code));
	for (size_t i = 0; i < v->nhubs; i++)
		if (v->hubs[i].id == hub)
			snprintf(v->base_name, sizeof v->base_name, "%s", v->hubs[i].short_name);
	if (fh_tenant_service_fields(app->store, hub, v->fields, MAX_FIELDS, &v->nfields, &err) != FH_OK)
		snprintf(v->list.error, sizeof v->list.error, "%s", err.message);
}

/* The list's first page (or the same page again), and when it is empty
 * with a filter set, how many the filters hide: the empty list says so. */
static void load(struct app *app, struct tenants *v, bool again)
{
	if (again)
		fh_list_reload(app, &v->list, list_height());
	else
		fh_list_first(app, &v->list, list_height());
	v->hidden = -1;
	bool filtered = v->filter.stage >= 0 || v->filter.org_type >= 0 || v->filter.field[0] ||
		v->filter.hub_id != v->base_hub;
	if (v->list.nrows || v->list.error[0] || !filtered)
		return;
	fh_tenant_filter all;
	fh_tenant_filter_init(&all);
	all.hub_id = v->base_hub;
	snprintf(all.search, sizeof all.search, "%s", v->filter.search);
	bool more;
	fh_error err;
	if (fh_tenant_count(app->store, &app->actor, &all, 1000, &v->hidden, &more, &err) != FH_OK)
		v->hidden = -1;
}

static bool open(struct app *app, struct view *view, const void *arg)
{
	struct tenants *v = view->priv;
	const struct fh_tenants_arg *a = arg;
	fh_tenant_filter_init(&v->filter);
	v->base_hub = a ? a->hub_id : 0;
	v->filter.hub_id = v->base_hub;
	if (a && a->stage > 0)
		v->filter.stage = a->stage - 1;
	v->hub_index = v->field_index = -1;
	fh_list_init(&v->list, &source, v);
	load_filters(app, v);
	load(app, v, false);
	return true;
}

/* Another session wrote, the terminal was resized: the page again. The
 * filters' hubs and fields come from the configuration, read on open. */
static void reload(struct app *app, struct view *view)
{
	struct tenants *v = view->priv;
	load(app, v, true);
}

static void done(struct app *app, struct view *view)
{
	(void)app;
	struct tenants *v = view->priv;
	fh_list_free(&v->list);
	free(v->hubs);
}

/* ---- drawing ----------------------------------------------------------------------- */

static void draw_heads(int y, int cols)
{
	attr_t head = A_BOLD | A_UNDERLINE;
	const struct {
		const char *t;
		int w;
	} heads[] = {
		{ _("Name"), name_width(cols) },
		{ _("Type"), W_TYPE },
		{ _("Stage"), stage_width() },
		{ _("Field"), W_FIELD },
		{ _("Mo."), W_MONTHS },
		{ _("Party"), W_PARTY },
		{ _("Hub"), W_HUB },
	};
	int x = 0;
	for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++) {
		fh_draw_text(y, x, heads[i].t, heads[i].w, true, head);
		x += heads[i].w + 1;
	}
}

static void draw(struct app *app, struct view *view, struct rect a)
{
	struct tenants *v = view->priv;
	char line[600], part[128], pos[32];
	const char *all = _("all");
	static const char *const sorts[FH_SORT_COUNT] = { N_("name"), N_("admission"), N_("intake") };
	snprintf(line, sizeof line, _("Hub: %s  Stage: %s  Type: %s  Field: %s  Sort: %s"),
		 v->hub_index >= 0 ? v->hubs[v->hub_index].short_name : v->base_name,
		 v->filter.stage >= 0 ? fh_stage_label((fh_stage)v->filter.stage, zh()) : all,
		 v->filter.org_type >= 0 ? fh_org_type_label((fh_org_type)v->filter.org_type, zh()) : all,
		 v->filter.field[0] ? v->filter.field : all,
		 v->filter.search[0] ? _("newest (search)") : _(sorts[v->filter.sort]));
	fh_draw_text(a.y, 0, line, a.cols, true, fh_attr(app, FH_C_DIM));
	/* the count and the position, then the search line */
	const struct fh_list *l = &v->list;
	if (l->count >= 0) {
		if (l->count_more)
			snprintf(part, sizeof part, _("%d+ tenants"), l->count);
		else
			snprintf(part, sizeof part, N3_("%d tenant", "%d tenants", l->count), l->count);
		snprintf(line, sizeof line, "%s  %s", fh_list_position(l, pos, sizeof pos), part);
		int w = fh_str_width(line);
		fh_draw_text(a.y + 1, a.cols - w - 1, line, w, false, A_NORMAL);
	}
	int cursor = -1;
	if (v->searching || v->filter.search[0]) {
		snprintf(line, sizeof line, "/ %s", v->filter.search);
		cursor = fh_draw_text(a.y + 1, 0, line, a.cols - 24, false, A_BOLD);
	}
	draw_heads(a.y + 2, a.cols);
	struct rect body = { a.y + 3, 0, a.rows - 3, a.cols };
	fh_list_draw(app, &v->list, body, !v->searching);
	if (l->nrows == 0 && !l->error[0]) {
		if (v->hidden > 0) {
			/* the filters hide what would match: say which, and how many */
			char which[400] = "";
			size_t u = 0;
			if (v->filter.stage >= 0)
				u += (size_t)snprintf(which + u, sizeof which - u, _("stage %s"),
						      fh_stage_label((fh_stage)v->filter.stage, zh()));
			if (v->filter.org_type >= 0)
				u += (size_t)snprintf(which + u, sizeof which - u, "%s%s", u ? _(", ") : "",
						      fh_org_type_label((fh_org_type)v->filter.org_type, zh()));
			if (v->filter.field[0])
				u += (size_t)snprintf(which + u, sizeof which - u, "%s%s", u ? _(", ") : "",
						      v->filter.field);
			if (v->filter.hub_id != v->base_hub && v->hub_index >= 0)
				snprintf(which + u, sizeof which - u, "%s%s", u ? _(", ") : "",
					 v->hubs[v->hub_index].name);
			snprintf(
				line, sizeof line,
				v->filter.search[0]
					? _("No tenant matches the search with the filters (%s); without them %d would. "
					    "s t f h change the filters.")
					: _("No tenant with the filters (%s); without them %d. s t f h change the filters."),
				which, v->hidden);
			fh_draw_wrapped(body.y + 1, 2, line, a.cols - 4, 3, fh_attr(app, FH_C_WARN));
		} else {
			fh_draw_text(body.y + 1, 2,
				     v->filter.search[0] ? _("No tenant matches the search.")
							 : _("No tenants here yet. Press a to take in an application."),
				     a.cols - 4, false, fh_attr(app, FH_C_DIM));
		}
	}
	if (v->searching) {
		fh_draw_cursor(a.y + 1, cursor);
	}
}

/* ---- keys -------------------------------------------------------------------------- */

/* Cycles an index from -1 (all) through n-1 and back. */
static int cycle(int i, int n)
{
	return i + 1 >= n ? -1 : i + 1;
}

static int search_request(struct app *app, struct tenants *v, int action, const struct fh_input *in)
{
	switch (action) {
	case OP_SEARCH_KEEP: v->searching = false; return FH_R_DONE;
	case OP_SEARCH_CLEAR:
		v->searching = false;
		v->filter.search[0] = 0;
		load(app, v, false);
		return FH_R_DONE;
	case FH_ACT_NONE:
		if (fh_edit_key(v->filter.search, sizeof v->filter.search, in))
			load(app, v, false);
		return FH_R_DONE;
	default: return FH_R_UNHANDLED;
	}
}

static int set_filter(struct app *app, struct tenants *v, int action)
{
	switch (action) {
	case OP_FILTER_STAGE: v->filter.stage = cycle(v->filter.stage, FH_STAGE_COUNT); break;
	case OP_FILTER_TYPE: v->filter.org_type = cycle(v->filter.org_type, FH_ORG_TYPE_COUNT); break;
	case OP_FILTER_FIELD:
		v->field_index = cycle(v->field_index, (int)v->nfields);
		snprintf(v->filter.field, sizeof v->filter.field, "%s",
			 v->field_index >= 0 ? v->fields[v->field_index] : "");
		break;
	case OP_FILTER_HUB:
		v->hub_index = cycle(v->hub_index, (int)v->nhubs);
		v->filter.hub_id = v->hub_index >= 0 ? v->hubs[v->hub_index].id : v->base_hub;
		break;
	case OP_SORT: v->filter.sort = (fh_tenant_sort)((v->filter.sort + 1) % FH_SORT_COUNT); break;
	default: return FH_R_UNHANDLED;
	}
	load(app, v, false);
	return FH_R_DONE;
}

static int request(struct app *app, struct view *view, int action, int arg, const struct fh_input *in)
{
	(void)arg;
	struct tenants *v = view->priv;
	if (v->searching)
		return search_request(app, v, action, in);
	const fh_tenant_row *r;
	switch (action) {
	case OP_SEARCH: v->searching = true; return FH_R_DONE;
	case OP_NEW: fh_view_push(app, &fh_tenant_form_view, &(struct fh_tenant_arg){ 0 }); return FH_R_DONE;
	case FH_ACT_OPEN:
		if ((r = fh_list_selected(&v->list)))
			fh_view_push(app, &fh_tenant_page_view, &(struct fh_tenant_arg){ r->id });
		return FH_R_DONE;
	case FH_ACT_BACK:
		if (!v->filter.search[0])
			return FH_R_UNHANDLED;
		v->filter.search[0] = 0; /* q or Esc first clears the search */
		load(app, v, false);
		return FH_R_DONE;
	default:
		if (set_filter(app, v, action) == FH_R_DONE)
			return FH_R_DONE;
		return fh_list_request(app, &v->list, action);
	}
}

static bool typing(struct view *view)
{
	return ((struct tenants *)view->priv)->searching;
}

static const struct fh_binding tenant_keys[] = {
	{ '/', false, OP_SEARCH, 0, "/", true, N_("search"),
	  N_("Search: name, short name, pinyin initials, credit code, contact, phone") },
	{ 'a', false, OP_NEW, 0, "a", true, NP_("key", "new"), N_("Take in an application") },
	{ 's', false, OP_FILTER_STAGE, 0, "s", true, NP_("filter", "stage"), N_("Filter by stage") },
	{ 't', false, OP_FILTER_TYPE, 0, "t", true, NP_("filter", "type"), N_("Filter by organisation type") },
	{ 'f', false, OP_FILTER_FIELD, 0, "f", true, NP_("filter", "field"), N_("Filter by service field") },
	{ 'h', false, OP_FILTER_HUB, 0, "h", true, NP_("filter", "hub"), N_("Filter by hub") },
	{ 'o', false, OP_SORT, 0, "o", true, N_("sort"), N_("Sort by name, admission, intake") },
	{ .action = FH_ACT_NONE },
};

static const struct fh_keymap tenant_keymap = { N_("Tenants"), tenant_keys, &fh_list_keymap };

static const struct fh_binding search_keys[] = {
	{ '\n', false, OP_SEARCH_KEEP, 0, "Enter", true, N_("keep the search"),
	  N_("Keep the search and go to the list") },
	{ '\r', false, OP_SEARCH_KEEP, 0, NULL, false, NULL, NULL },
	{ KEY_DOWN, true, OP_SEARCH_KEEP, 0, "↓", false, NULL, NULL },
	{ 27, false, OP_SEARCH_CLEAR, 0, "Esc", true, N_("clear the search"), N_("Clear the search") },
	{ .action = FH_ACT_NONE },
};

static const struct fh_keymap search_keymap = { N_("Tenant search"), search_keys, NULL };

static const struct fh_keymap *keys(struct view *view)
{
	return ((struct tenants *)view->priv)->searching ? &search_keymap : &tenant_keymap;
}

const struct view_ops fh_tenants_view = {
	.name = "tenants",
	.private_size = sizeof(struct tenants),
	.keymap = &tenant_keymap,
	.open = open,
	.reload = reload,
	.topics = FH_TOPIC(TENANT) | FH_TOPIC(HUB),
	.draw = draw,
	.request = request,
	.keys = keys,
	.typing = typing,
	.done = done,
};
