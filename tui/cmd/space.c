/* fuhua tui — the space and booking subcommands and the occupancy report:
 * the space and booking modules' rules, the same the Spaces screen obeys. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "fuhua/booking.h"
#include "fuhua/buf.h"
#include "fuhua/clock.h"
#include "fuhua/space.h"
#include "../common/i18n.h"
#include "../common/labels.h"
#include "../common/table.h"

#define DAY 86400

/* ---- fuhua space list ------------------------------------------------------ */

int fh_cmd_space_list(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	int64_t at;
	if (!fh_cli_day("--at", o->at, &at))
		return 2;
	fh_space *rows;
	size_t n;
	fh_error err;
	if (fh_space_list(s, by, o->hub, at, &rows, &n, &err) != FH_OK)
		return fh_cli_report(&err);
	struct fh_table t;
	fh_table_init(&t,
		      (const char *[]){ "id", "hub", "code", "name", "type", "floor", "area", "seats", "seats_used",
					"holders", "holder", "approval", NULL },
		      (const char *[]){ _("No."), _("Hub"), _("Code"), _("Name"), _("Type"), _("Floor"), _("Area m²"),
					_("Seats"), _("In use"), _("Held by"), _("First"), _("Approval"), NULL });
	t.numeric = 1u | 1u << 5 | 1u << 6 | 1u << 7 | 1u << 8 | 1u << 9;
	for (size_t i = 0; i < n; i++) {
		const fh_space *p = &rows[i];
		char v[6][24];
		snprintf(v[0], sizeof v[0], "%lld", (long long)p->id);
		snprintf(v[1], sizeof v[1], "%d", p->floor);
		snprintf(v[2], sizeof v[2], "%.0f", p->area);
		snprintf(v[3], sizeof v[3], "%d", p->seats);
		snprintf(v[4], sizeof v[4], "%d", p->seats_used);
		snprintf(v[5], sizeof v[5], "%d", p->holders);
		const char *type =
			o->format == FH_FORMAT_TABLE ? fh_label_space_type(p->type) : fh_space_type_name(p->type);
		const char *approval = p->approval ? (o->format == FH_FORMAT_TABLE ? _("yes") : "yes") : "";
		fh_table_row(&t,
			     (const char *[]){ v[0], p->hub_code, p->code, p->name, type, v[1], v[2], v[3], v[4], v[5],
					       p->holder, approval, NULL });
	}
	fh_table_print(&t, stdout, o->format);
	fh_table_free(&t);
	free(rows);
	return 0;
}

/* ---- allocations ------------------------------------------------------------- */

static void print_allocations(const fh_allocation *rows, size_t n, enum fh_format format)
{
	struct fh_table t;
	fh_table_init(&t,
		      (const char *[]){ "id", "hub", "space", "tenant_id", "tenant", "seats", "from", "to",
					"free_until", "released_on", "handover_due", "handed_on", NULL },
		      (const char *[]){ _("No."), _("Hub"), _("Space"), _("Tenant no."), _("Tenant"), _("Seats"),
					_("From"), _("To"), _("Free until"), _("Released"), _("Hand back by"),
					_("Handed back"), NULL });
	t.numeric = 1u | 1u << 3 | 1u << 5;
	for (size_t i = 0; i < n; i++) {
		const fh_allocation *a = &rows[i];
		char id[24], tid[24], seats[16], d[6][16];
		snprintf(id, sizeof id, "%lld", (long long)a->id);
		snprintf(tid, sizeof tid, "%lld", (long long)a->tenant_id);
		snprintf(seats, sizeof seats, "%d", a->seats);
		fh_table_row(&t,
			     (const char *[]){ id, a->hub_code, a->space_code, tid, a->tenant, seats,
					       fh_cli_date(a->start_on, d[0]), fh_cli_date(a->end_on, d[1]),
					       fh_cli_date(a->free_until, d[2]), fh_cli_date(a->released_on, d[3]),
					       fh_cli_date(a->handover_due, d[4]), fh_cli_date(a->handed_on, d[5]),
					       NULL });
	}
	fh_table_print(&t, stdout, format);
	fh_table_free(&t);
}

int fh_cmd_space_allocations(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	fh_allocation_filter f = { .which = FH_ALLOC_CURRENT, .hub_code = o->hub };
	fh_error err;
	long ending = fh_cli_number("--ending", o->ending, 1, 3650, 0);
	if (ending < 0 || !fh_cli_day("--at", o->at, &f.day))
		return 2;
	if ((ending > 0) + o->overdue + o->all > 1)
		return fh_cli_usage_error("%s", _("choose one of --ending, --overdue and --all"));
	f.which = ending ? FH_ALLOC_ENDING : o->overdue ? FH_ALLOC_HANDOVER : o->all ? FH_ALLOC_ALL : FH_ALLOC_CURRENT;
	f.days = (int)ending;
	if (o->room) {
		fh_space sp;
		if (fh_space_find(s, by, o->room, 0, &sp, &err) != FH_OK)
			return fh_cli_report(&err);
		f.space_id = sp.id;
	}
	if (o->tenant && !fh_cli_id(o->tenant, &f.tenant_id))
		return fh_cli_usage_error(_("--tenant takes a tenant number, not '%s'"), o->tenant);
	fh_allocation *rows;
	size_t n;
	if (fh_allocation_list(s, by, &f, &rows, &n, &err) != FH_OK)
		return fh_cli_report(&err);
	print_allocations(rows, n, o->format);
	free(rows);
	return 0;
}

int fh_cmd_space_allocate(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	fh_allocation_req r = { 0 };
	fh_space sp;
	fh_error err;
	if (!fh_cli_id(o->pos[3], &r.tenant_id))
		return fh_cli_usage_error("%s", _("space allocate takes a space and a tenant number"));
	long seats = fh_cli_number("--seats", o->seats, 1, 10000, 1);
	if (seats < 0 || !fh_cli_day("--from", o->from, &r.from) || !fh_cli_day("--to", o->to, &r.to))
		return 2;
	r.seats = (int)seats;
	if (fh_space_find(s, by, o->pos[2], 0, &sp, &err) != FH_OK)
		return fh_cli_report(&err);
	r.space_id = sp.id;
	int64_t id;
	if (fh_allocation_add(s, by, &r, &id, &err) != FH_OK)
		return fh_cli_report(&err);
	fh_allocation a;
	if (fh_allocation_get(s, by, id, &a, &err) != FH_OK)
		return fh_cli_report(&err);
	char d[3][16];
	printf(_("allocation %lld: %s %s to %s, %d seats, %s to %s, free until %s\n"), (long long)id, a.space_code,
	       a.space_name, a.tenant, a.seats, fh_cli_date(a.start_on, d[0]), fh_cli_date(a.end_on, d[1]),
	       a.free_until ? fh_cli_date(a.free_until, d[2]) : _("never"));
	return 0;
}

static int release(struct fh_opts *o, fh_store *s, const fh_actor *by, bool handover)
{
	int64_t id, on;
	if (!fh_cli_id(o->pos[2], &id))
		return fh_cli_usage_error("%s", _("space release and handover take an allocation number"));
	if (!fh_cli_day("--on", o->on, &on))
		return 2;
	fh_error err;
	fh_status st =
		handover ? fh_allocation_handed_over(s, by, id, on, &err) : fh_allocation_release(s, by, id, on, &err);
	fh_allocation a;
	if (st != FH_OK || (st = fh_allocation_get(s, by, id, &a, &err)) != FH_OK)
		return fh_cli_report(&err);
	char d[2][16];
	if (handover)
		printf(_("allocation %lld: %s handed back on %s\n"), (long long)id, a.space_code,
		       fh_cli_date(a.handed_on, d[0]));
	else if (a.end_on < a.start_on)
		printf(_("allocation %lld: cancelled before its first day\n"), (long long)id);
	else
		printf(_("allocation %lld: %s released, last day %s, to be handed back by %s\n"), (long long)id,
		       a.space_code, fh_cli_date(a.end_on, d[0]), fh_cli_date(a.handover_due, d[1]));
	return 0;
}

int fh_cmd_space_release(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	return release(o, s, by, false);
}

int fh_cmd_space_handover(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	return release(o, s, by, true);
}

int fh_cmd_space_fees(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	if (!o->month)
		return fh_cli_usage_error("%s", _("space fees needs --month YYYY-MM"));
	fh_fee *rows;
	size_t n;
	fh_error err;
	if (fh_space_fees(s, by, o->hub, o->month, &rows, &n, &err) != FH_OK)
		return fh_cli_report(&err);
	struct fh_table t;
	fh_table_init(&t, (const char *[]){ "tenant_id", "tenant", "hub", "spaces", "days_charged", "amount", NULL },
		      (const char *[]){ _("Tenant no."), _("Tenant"), _("Hub"), _("Spaces"), _("Days charged"),
					_("Amount (yuan)"), NULL });
	t.numeric = 1u | 1u << 4 | 1u << 5;
	int64_t total = 0;
	for (size_t i = 0; i < n; i++) {
		char id[24], days[16], amount[32];
		snprintf(id, sizeof id, "%lld", (long long)rows[i].tenant_id);
		snprintf(days, sizeof days, "%d", rows[i].days);
		snprintf(amount, sizeof amount, "%lld.%02lld", (long long)(rows[i].fen / 100),
			 (long long)(rows[i].fen % 100));
		total += rows[i].fen;
		fh_table_row(
			&t,
			(const char *[]){ id, rows[i].tenant, rows[i].hub_code, rows[i].spaces, days, amount, NULL });
	}
	int bad = fh_table_print(&t, stdout, o->format);
	fh_table_free(&t);
	if (o->format == FH_FORMAT_TABLE)
		printf(_("%s: %zu tenants, %lld.%02lld yuan in all\n"), o->month, n, (long long)(total / 100),
		       (long long)(total % 100));
	free(rows);
	return bad ? 1 : 0;
}

int fh_cmd_space_waitlist_add(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	fh_error err;
	int64_t id, wid;
	fh_space_type type;
	if (!fh_cli_id(o->pos[3], &id))
		return fh_cli_usage_error("%s", _("space waitlist add takes a tenant number"));
	if (!o->type || !fh_space_type_parse(o->type, &type))
		return fh_cli_usage_error(_("--type takes office, desk or showcase, not '%s'"), o->type ? o->type : "");
	long seats = fh_cli_number("--seats", o->seats, 1, 100, 1);
	if (seats < 0)
		return 2;
	if (fh_wait_add(s, by, id, type, (int)seats, o->note, &wid, &err) != FH_OK)
		return fh_cli_report(&err);
	printf(_("waiting: no. %lld\n"), (long long)wid);
	return 0;
}

int fh_cmd_space_waitlist_remove(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	fh_error err;
	int64_t id;
	if (!fh_cli_id(o->pos[3], &id))
		return fh_cli_usage_error("%s", _("space waitlist remove takes a waiting-list number"));
	if (fh_wait_remove(s, by, id, &err) != FH_OK)
		return fh_cli_report(&err);
	printf(_("no. %lld is off the waiting list\n"), (long long)id);
	return 0;
}

int fh_cmd_space_waitlist(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	fh_error err;
	if (o->npos == 3 && strcmp(o->pos[2], "list") != 0)
		return fh_cli_usage_error("%s", _("space waitlist takes: list, add, remove"));
	fh_wait *rows;
	size_t n;
	if (fh_wait_list(s, by, o->hub, -1, &rows, &n, &err) != FH_OK)
		return fh_cli_report(&err);
	struct fh_table t;
	fh_table_init(&t, (const char *[]){ "id", "tenant_id", "tenant", "type", "seats", "since", "note", NULL },
		      (const char *[]){ _("No."), _("Tenant no."), _("Tenant"), _("Type"), _("Seats"), _("Since"),
					_("Note"), NULL });
	t.numeric = 1u | 1u << 1 | 1u << 4;
	for (size_t i = 0; i < n; i++) {
		char v[3][24], d[16];
		snprintf(v[0], sizeof v[0], "%lld", (long long)rows[i].id);
		snprintf(v[1], sizeof v[1], "%lld", (long long)rows[i].tenant_id);
		snprintf(v[2], sizeof v[2], "%d", rows[i].seats);
		const char *type = o->format == FH_FORMAT_TABLE ? fh_label_space_type(rows[i].type)
								: fh_space_type_name(rows[i].type);
		fh_table_row(&t,
			     (const char *[]){ v[0], v[1], rows[i].tenant, type, v[2],
					       fh_cli_date(fh_clock_day(rows[i].since), d), rows[i].note, NULL });
	}
	fh_table_print(&t, stdout, o->format);
	fh_table_free(&t);
	free(rows);
	return 0;
}

/* ---- fuhua booking ------------------------------------------------------------ */

static void print_bookings(const fh_booking *rows, size_t n, enum fh_format format)
{
	struct fh_table t;
	fh_table_init(&t,
		      (const char *[]){ "id", "hub", "room", "date", "from", "to", "who", "title", "state", "series",
					"why", NULL },
		      (const char *[]){ _("No."), _("Hub"), _("Room"), _("Date"), _("From"), _("To"), _("Booked by"),
					_("For"), _("State"), _("Series"), _("In the way"), NULL });
	t.numeric = 1u | 1u << 9;
	for (size_t i = 0; i < n; i++) {
		const fh_booking *b = &rows[i];
		char id[24], series[24] = "", a[24], z[24], d[16];
		snprintf(id, sizeof id, "%lld", (long long)b->id);
		if (b->series)
			snprintf(series, sizeof series, "%lld", (long long)b->series);
		fh_clock_format(b->starts, a, sizeof a);
		fh_clock_format(b->ends, z, sizeof z);
		const char *state =
			format == FH_FORMAT_TABLE ? fh_label_booking_state(b->state) : fh_booking_state_name(b->state);
		fh_table_row(&t,
			     (const char *[]){ id, b->hub_code, b->space_code, fh_cli_date(fh_clock_day(b->starts), d),
					       a + 11, z + 11, b->who, b->title, state, series, b->why, NULL });
	}
	fh_table_print(&t, stdout, format);
	fh_table_free(&t);
}

int fh_cmd_booking_add(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	fh_booking_req r = { .title = o->title };
	fh_space sp;
	fh_error err;
	int64_t day;
	if (!fh_cli_day("--date", o->date, &day))
		return 2;
	long weeks = fh_cli_number("--weeks", o->weeks, 1, 52, 1);
	if (weeks < 0)
		return 2;
	if (!day)
		return fh_cli_usage_error("%s", _("booking add needs --date"));
	if (!fh_cli_span("--time", o->time, day, &r.starts, &r.ends))
		return 2;
	if (o->tenant && !fh_cli_id(o->tenant, &r.tenant_id))
		return fh_cli_usage_error(_("--tenant takes a tenant number, not '%s'"), o->tenant);
	r.weeks = (int)weeks;
	if (fh_space_find(s, by, o->pos[2], 0, &sp, &err) != FH_OK)
		return fh_cli_report(&err);
	r.space_id = sp.id;
	fh_booking_result res;
	if (fh_booking_add(s, by, &r, &res, &err) != FH_OK)
		return fh_cli_report(&err);
	if (!res.series) {
		printf(res.pending ? _("booking %lld: %s, waiting for a manager's approval\n")
				   : _("booking %lld: %s, confirmed\n"),
		       (long long)res.first, sp.code);
		return 0;
	}
	printf(_("series %lld: %d booked, %d waiting for approval, %d dates skipped\n"), (long long)res.series,
	       res.booked, res.pending, res.skipped);
	if (res.skipped) {
		fh_booking_filter f = { .series = res.series, .skipped = true };
		fh_booking *rows;
		size_t n;
		if (fh_booking_list(s, by, &f, &rows, &n, &err) != FH_OK)
			return fh_cli_report(&err);
		for (size_t i = 0; i < n; i++) {
			char d[16];
			printf(_("  skipped %lld on %s: %s (retry: fuhua booking retry %lld)\n"), (long long)rows[i].id,
			       fh_cli_date(fh_clock_day(rows[i].starts), d), rows[i].why, (long long)rows[i].id);
		}
		free(rows);
	}
	return 0;
}

/* --room, --tenant, --from, --to, --pending, --skipped into a filter. */
static int booking_filter(struct fh_opts *o, fh_store *s, const fh_actor *by, fh_booking_filter *f)
{
	fh_error err;
	memset(f, 0, sizeof *f);
	f->hub_code = o->hub;
	f->pending = o->pending;
	f->skipped = o->skipped;
	if (!fh_cli_day("--from", o->from, &f->from) || !fh_cli_day("--to", o->to, &f->to))
		return 2;
	if (f->to)
		f->to += DAY; /* the last day counts */
	if (o->room) {
		fh_space sp;
		if (fh_space_find(s, by, o->room, 0, &sp, &err) != FH_OK)
			return fh_cli_report(&err);
		f->space_id = sp.id;
	}
	if (o->tenant && !fh_cli_id(o->tenant, &f->tenant_id))
		return fh_cli_usage_error(_("--tenant takes a tenant number, not '%s'"), o->tenant);
	return -1;
}

int fh_cmd_booking_export(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	if (!o->ics)
		return fh_cli_usage_error("%s", _("booking export writes iCalendar: give --ics"));
	fh_booking_filter f;
	int rc = booking_filter(o, s, by, &f);
	if (rc >= 0)
		return rc;
	fh_buf b = FH_BUF_INIT;
	fh_error err;
	if (fh_booking_ics(s, by, &f, &b, &err) != FH_OK) {
		fh_buf_free(&b);
		return fh_cli_report(&err);
	}
	bool ok = fwrite(fh_buf_str(&b), 1, b.len, stdout) == b.len && fflush(stdout) == 0;
	fh_buf_free(&b);
	if (!ok) {
		fprintf(stderr, "fuhua: %s: %s\n", _("standard output"), strerror(errno));
		return 1;
	}
	return 0;
}

int fh_cmd_booking_list(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	fh_booking_filter f;
	fh_booking *rows;
	size_t n;
	fh_error err;
	int rc = booking_filter(o, s, by, &f);
	if (rc >= 0)
		return rc;
	if (fh_booking_list(s, by, &f, &rows, &n, &err) != FH_OK)
		return fh_cli_report(&err);
	print_bookings(rows, n, o->format);
	free(rows);
	return 0;
}

/* booking cancel, approve and retry: the booking's state after. */
static int change(struct fh_opts *o, fh_store *s, const fh_actor *by,
		  fh_status (*fn)(fh_store *, const fh_actor *, int64_t, fh_error *))
{
	int64_t id;
	fh_error err;
	fh_booking b;
	if (!fh_cli_id(o->pos[2], &id))
		return fh_cli_usage_error(_("booking %s takes a booking number"), o->pos[1]);
	if (fn(s, by, id, &err) != FH_OK || fh_booking_get(s, by, id, &b, &err) != FH_OK)
		return fh_cli_report(&err);
	printf(_("booking %lld: %s\n"), (long long)id, fh_label_booking_state(b.state));
	return 0;
}

int fh_cmd_booking_cancel(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	return change(o, s, by, fh_booking_cancel);
}

int fh_cmd_booking_approve(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	return change(o, s, by, fh_booking_approve);
}

int fh_cmd_booking_retry(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	return change(o, s, by, fh_booking_retry);
}

/* ---- fuhua report occupancy --------------------------------------------------- */

int fh_cmd_report_occupancy(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	int64_t at;
	if (!fh_cli_day("--at", o->at, &at))
		return 2;
	fh_occupancy *rows;
	size_t n;
	fh_error err;
	if (fh_occupancy_report(s, by, o->hub, at, true, &rows, &n, &err) != FH_OK)
		return fh_cli_report(&err);
	struct fh_table t;
	fh_table_init(&t,
		      (const char *[]){ "hub", "name", "depth", "area", "area_used", "area_rate", "seats", "seats_used",
					"seat_rate", "ending_30", "ending_60", "ending_90", "handover_overdue", NULL },
		      (const char *[]){ _("Hub"), _("Name"), _("Depth"), _("Area m²"), _("Used m²"), _("Area %"),
					_("Seats"), _("In use"), _("Seats %"), _("≤30 d"), _("≤60 d"), _("≤90 d"),
					_("Overdue"), NULL });
	t.numeric = 0x1FFCu;
	for (size_t i = 0; i < n; i++) {
		const fh_occupancy *p = &rows[i];
		char v[11][24];
		snprintf(v[0], sizeof v[0], "%d", p->depth);
		snprintf(v[1], sizeof v[1], "%.0f", p->area);
		snprintf(v[2], sizeof v[2], "%.1f", p->area_used);
		snprintf(v[3], sizeof v[3], "%.1f", fh_occupancy_area_rate(p));
		snprintf(v[4], sizeof v[4], "%d", p->seats);
		snprintf(v[5], sizeof v[5], "%d", p->seats_used);
		snprintf(v[6], sizeof v[6], "%.1f", fh_occupancy_seat_rate(p));
		for (int k = 0; k < 3; k++)
			snprintf(v[7 + k], sizeof v[7 + k], "%d", p->ending[k]);
		snprintf(v[10], sizeof v[10], "%d", p->handover_overdue);
		fh_table_row(&t,
			     (const char *[]){ p->code, p->name, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8],
					       v[9], v[10], NULL });
	}
	fh_table_print(&t, stdout, o->format);
	fh_table_free(&t);
	free(rows);
	return 0;
}
