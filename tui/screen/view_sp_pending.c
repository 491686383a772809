/* fuhua tui — the Spaces screen's Pending tab: bookings from today on that
 * wait for a manager's approval (y approves), then the dates weekly series
 * skipped (R books one again); x cancels; Enter opens the tenant. */
#include <stdlib.h>
#include <string.h>

#include "../common/i18n.h"
#include "../common/labels.h"
#include "spaces.h"
#include "tenants.h"

enum { OP_CANCEL_BOOKING = FH_ACT_LOCAL, OP_APPROVE, OP_RETRY };

static void reload(struct app *app, struct view *v)
{
	struct fh_list_tab *t = v->priv;
	const struct sscreen *p = t->shared;
	fh_booking_filter f = { .hub_code = fh_spaces_hub_code(p), .own_hub = true, .from = p->today, .pending = true };
	fh_booking *a, *b;
	size_t na, nb;
	fh_error err;
	t->error[0] = 0;
	if (fh_booking_list(app->store, &app->actor, &f, &a, &na, &err) != FH_OK) {
		fh_error_text(&err, t->error, sizeof t->error);
		return;
	}
	f.pending = false;
	f.skipped = true;
	if (fh_booking_list(app->store, &app->actor, &f, &b, &nb, &err) != FH_OK) {
		fh_error_text(&err, t->error, sizeof t->error);
		free(a);
		return;
	}
	fh_booking *all = malloc((na + nb + 1) * sizeof *all);
	if (all) {
		if (na)
			memcpy(all, a, na * sizeof *a);
		if (nb)
			memcpy(all + na, b, nb * sizeof *b);
		fh_list_set(&t->list, all, na + nb);
	}
	free(all);
	free(b);
	free(a);
}

static const struct fh_list_source booking_source = { sizeof(fh_booking), NULL, NULL, fh_spaces_draw_booking,
						      fh_spaces_whole_booking };

static bool open(struct app *app, struct view *v, const void *arg)
{
	return fh_list_tab_open(app, v, arg, &booking_source);
}

static int booking_yes(struct app *app, struct view *under, int retry)
{
	return fh_spaces_booking_yes(app, fh_list_selected(&((struct fh_list_tab *)under->priv)->list), retry);
}

static int request(struct app *app, struct view *v, int action, int arg, const struct fh_input *in)
{
	(void)arg, (void)in;
	struct fh_list_tab *t = v->priv;
	const fh_booking *b = fh_list_selected(&t->list);
	switch (action) {
	case FH_ACT_OPEN:
		if (b && b->tenant_id)
			fh_view_push(app, &fh_tenant_page_view, &(struct fh_tenant_arg){ b->tenant_id });
		return FH_R_DONE;
	case OP_CANCEL_BOOKING:
	case OP_RETRY: return fh_spaces_ask_booking(app, b, action == OP_RETRY, booking_yes);
	case OP_APPROVE: return fh_spaces_approve(app, b);
	default: {
		int r = fh_spaces_request(app, t->shared, action, NULL);
		return r != FH_R_UNHANDLED ? r : fh_list_request(app, &t->list, action);
	}
	}
}

static const struct fh_binding pending_keys[] = {
	{ '\n', false, FH_ACT_OPEN, 0, "Enter", true, N_("open"), N_("Open the tenant") },
	{ 'y', false, OP_APPROVE, 0, "y", true, N_("approve"), N_("Approve the selected booking (a manager)") },
	{ 'R', false, OP_RETRY, 0, "R", true, N_("retry"), N_("Pending: book a skipped date again (asks first)") },
	{ 'x', false, OP_CANCEL_BOOKING, 0, "x", false, N_("cancel booking"),
	  N_("Cancel the selected booking (asks first)") },
	{ .action = FH_ACT_NONE },
};

static const struct fh_keymap pending_keymap = { N_("Pending"), pending_keys, &fh_spaces_keymap };

const struct view_ops fh_sp_pending_view = {
	.name = "spaces-pending",
	.private_size = sizeof(struct fh_list_tab),
	.keymap = &pending_keymap,
	.open = open,
	.reload = reload,
	.draw = fh_spaces_list_draw,
	.request = request,
	.position = fh_list_tab_position,
	.done = fh_list_tab_done,
};
