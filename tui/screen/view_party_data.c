/* fuhua tui — what the Party screen's tabs share: coverage per hub beside
 * the published rates, read once for all tabs, and the keys every tab
 * answers (a: every tenant or those incubating; n: a new joint branch). */
#include <stdlib.h>

#include "fuhua/party.h"
#include "../common/i18n.h"
#include "../common/labels.h"
#include "party.h"
#include "tenants.h"

void fh_pa_reload(struct app *app, void *shared, char *error, size_t size)
{
	struct fh_pa_shared *p = shared;
	fh_error err;
	free(p->cov);
	p->cov = NULL;
	p->ncov = 0;
	if (fh_party_coverage(app->store, &app->actor, 0, p->all_stages, &p->cov, &p->ncov, &err) != FH_OK)
		fh_error_text(&err, error, size);
	if (fh_party_references(app->store, app->actor.hub_id, p->refs, FH_COVERAGE_REFS_MAX, &p->nrefs, &err) != FH_OK)
		fh_error_text(&err, error, size);
}

void fh_pa_done(void *shared)
{
	free(((struct fh_pa_shared *)shared)->cov);
}

int fh_pa_request(struct app *app, struct fh_pa_shared *p, int action)
{
	switch (action) {
	case FH_PA_ALL_STAGES: p->all_stages = !p->all_stages; return FH_R_RELOAD;
	case FH_PA_NEW_BRANCH: fh_view_push(app, &fh_branch_form_view, &(struct fh_branch_arg){ 0 }); return FH_R_DONE;
	default: return FH_R_UNHANDLED;
	}
}

int fh_pa_open_tenant(struct app *app, int64_t tenant, bool edit)
{
	if (tenant)
		fh_view_push(app, edit ? &fh_party_form_view : &fh_tenant_page_view, &(struct fh_tenant_arg){ tenant });
	return FH_R_DONE;
}

static const struct fh_binding pa_keys[] = {
	{ 'a', false, FH_PA_ALL_STAGES, 0, "a", true, N_("all / incubating"),
	  N_("Coverage of every tenant or of those in incubation") },
	{ 'n', false, FH_PA_NEW_BRANCH, 0, "n", true, N_("new joint branch"), N_("Found a joint branch in your hub") },
	{ .action = FH_ACT_NONE },
};

const struct fh_keymap fh_pa_keymap = { N_("On every tab"), pa_keys, &fh_list_keymap };
