/* fuhua tui — labels for identifiers. */
#include "labels.h"

#include <stdio.h>
#include <string.h>

#include "fuhua/booking.h"
#include "fuhua/party.h"
#include "fuhua/tenant.h"
#include "i18n.h"

const char *fh_label_level(fh_level l)
{
	static const char *const names[FH_LEVEL_COUNT] = {
		N_("city"),
		N_("district"),
		N_("street"),
		N_("community"),
	};
	return (unsigned)l < FH_LEVEL_COUNT ? _(names[l]) : "?";
}

const char *fh_label_stage(fh_stage s)
{
	const char *label = fh_stage_label(s, fh_i18n_is_zh()); /* core's terms */
	return label ? label : "?";
}

static const char *lookup(const char *const (*pairs)[2], const char *key)
{
	for (size_t i = 0; pairs[i][0]; i++)
		if (strcmp(pairs[i][0], key) == 0)
			return fh_tr(pairs[i][1]);
	return key;
}

const char *fh_label_action(const char *action)
{
	static const char *const pairs[][2] = {
		{ "login", N_("logged in") },
		{ "login_failed", N_("failed login") },
		{ "create", N_("created") },
		{ "update", N_("changed") },
		{ "retire", N_("retired") },
		{ "generate", N_("generated") },
		{ "password", N_("password changed") },
		{ "move", NP_("activity", "changed the stage of") },
		{ "extend", NP_("activity", "extended the incubation of") },
		{ "import", NP_("activity", "imported") },
		{ "release", N_("released") },
		{ "handover", N_("recorded the handover of") },
		{ "cancel", N_("cancelled") },
		{ "approve", N_("approved") },
		{ "retry", N_("booked again") },
		{ "withdraw", N_("took off the waiting list") },
		{ "assign", N_("paired") },
		{ "done", N_("ticked off") },
		{ "waive", N_("waived") },
		{ "reopen", N_("reopened") },
		{ "proved", N_("proved") },
		{ "override", NP_("activity", "graduated by override") },
		{ "milestones", N_("gave milestones to") },
		{ "party", N_("changed the party record of") },
		{ "member", N_("named a party member of") },
		{ "member_left", N_("recorded a party member leaving") },
		{ "sync", N_("recorded an event for the party track of") },
		{ "sync_done", N_("completed a sync check of") },
		{ "annual", N_("opened the annual checks of") },
		{ "disable", NP_("activity", "disabled") },
		{ "enable", NP_("activity", "enabled") },
		{ "state", N_("changed the state of") },
		{ "evaluate", N_("recorded the evaluation of") },
		{ "pay", N_("recorded a payment to") },
		{ "delete", N_("deleted") },
		{ "inspection", N_("recorded the inspection of") },
		{ "followup", N_("recorded a follow-up of") },
		{ "meeting", N_("recorded a meeting of") },
		{ "stars", N_("gave stars to") },
		{ "attend", N_("recorded who attended") },
		{ "incubates", N_("recorded whom it incubates:") },
		{ NULL, NULL },
	};
	return lookup(pairs, action);
}

const char *fh_error_text(const fh_error *err, char *buf, size_t size)
{
	fh_tenant_field f;
	fh_party_field pf;
	if (err->file[0] || !err->field[0])
		return fh_error_format(err, buf, size);
	static const char *const fields[][2] = {
		{ "space", N_("Space") },
		{ "tenant", N_("Tenant") },
		{ "from", N_("From") },
		{ "to", N_("To") },
		{ "seats", N_("Seats") },
		{ "time", N_("Time") },
		{ "date", N_("Date") },
		{ "title", N_("Title") },
		{ "on", N_("Date") },
		{ "place", N_("Place") },
		{ "project", N_("Project") },
		{ "served", N_("Served") },
		{ "volunteers", N_("Volunteers") },
		{ "volunteer_hours", N_("Volunteer hours") },
		{ "funder", N_("Funder") },
		{ "year", N_("Year") },
		{ "granted", N_("Granted (yuan)") },
		{ "amount", N_("Amount (yuan)") },
		{ "start", N_("Start") },
		{ "end", N_("End") },
		{ "grade", N_("Grade") },
		{ "score", N_("Score") },
		{ "result", N_("Result") },
		{ "filed_on", N_("Filed on") },
		{ "party_report", N_("Party report") },
		{ "trainer", N_("Trainer") },
		{ "audience", N_("Audience") },
		{ "batch", N_("Batch") },
		{ "target", N_("To serve") },
		{ "hours", N_("Hours") },
		{ "kind", N_("Kind") },
		{ "topic", N_("Topic") },
		{ "state", N_("State") },
		{ "attendance", N_("Present") },
		{ "weeks", N_("Weeks") },
		{ "month", N_("Month") },
		{ "type", N_("Type") },
		{ "note", N_("Note") },
		{ "booking", N_("Booking") },
		{ "allocation", N_("Allocation") },
		{ NULL, NULL },
	};
	const char *label = lookup(fields, err->field);
	if (strcmp(err->field, "reason") == 0)
		label = _("Reason");
	else if (strncmp(err->field, "party.", 6) == 0 && fh_party_field_lookup(err->field, &pf))
		label = fh_party_field_label(pf, fh_i18n_is_zh());
	else if (fh_tenant_field_lookup(err->field, &f))
		label = fh_tenant_field_label(f, fh_i18n_is_zh());
	/* TRANSLATORS: a field and what is wrong with it */
	snprintf(buf, size, P_("error", "%s: %s"), label, err->message);
	return buf;
}

const char *fh_label_entity(const char *entity)
{
	static const char *const pairs[][2] = {
		{ "hub", N_("hub") },
		{ "space", N_("space") },
		{ "operator", N_("operator") },
		{ "tenant", N_("tenant") },
		{ "demo", N_("demo data") },
		{ "allocation", N_("allocation") },
		{ "booking", N_("booking") },
		{ "waitlist", N_("waiting list") },
		{ "mentor", N_("mentor") },
		{ "session", N_("session") },
		{ "milestone", N_("milestone") },
		{ "branch", N_("joint branch") },
		{ "project", N_("project") },
		{ "course", N_("course") },
		{ "activity", NP_("record", "activity") },
		{ NULL, NULL },
	};
	return lookup(pairs, entity);
}

const char *fh_label_space_type(fh_space_type t)
{
	static const char *const labels[FH_SPACE_TYPE_COUNT] = {
		N_("office"), N_("desk area"), N_("activity room"), N_("meeting room"), N_("showcase"),
	};
	return (unsigned)t < FH_SPACE_TYPE_COUNT ? _(labels[t]) : "?";
}

const char *fh_label_booking_state(fh_booking_state st)
{
	static const char *const labels[FH_BOOKING_STATE_COUNT] = {
		N_("waiting for approval"),
		N_("confirmed"),
		N_("cancelled"),
		N_("skipped"),
	};
	return (unsigned)st < FH_BOOKING_STATE_COUNT ? _(labels[st]) : "?";
}

const char *fh_label_project_kind(fh_project_kind k)
{
	static const char *const labels[FH_PROJECT_KIND_COUNT] = {
		N_("venture grant"),
		N_("service contract"),
		N_("subsidy"),
		N_("other funding"),
	};
	return (unsigned)k < FH_PROJECT_KIND_COUNT ? _(labels[k]) : "?";
}

const char *fh_label_project_state(fh_project_state st)
{
	static const char *const labels[FH_PROJECT_STATE_COUNT] = {
		NP_("project", "applied"),
		NP_("project", "approved"),
		N_("running"),
		NP_("project", "closed"),
		N_("evaluated"),
		N_("refused"),
	};
	return (unsigned)st < FH_PROJECT_STATE_COUNT ? fh_tr(labels[st]) : "?";
}

const char *fh_label_project_grade(fh_project_grade g)
{
	static const char *const labels[FH_GRADE_COUNT] = {
		"", N_("excellent"), N_("good"), N_("pass"), N_("fail"),
	};
	return (unsigned)g < FH_GRADE_COUNT ? (g ? _(labels[g]) : "") : "?";
}

const char *fh_label_activity_kind(fh_activity_kind k)
{
	static const char *const labels[FH_ACTIVITY_KIND_COUNT] = {
		N_("service"),        NP_("activity kind", "event"), N_("volunteering"),
		N_("party activity"), NP_("activity kind", "other"),
	};
	return (unsigned)k < FH_ACTIVITY_KIND_COUNT ? fh_tr(labels[k]) : "?";
}

const char *fh_label_inspection_result(fh_inspection_result r)
{
	static const char *const labels[FH_INSPECTION_RESULT_COUNT] = {
		N_("passed"),
		N_("basically passed"),
		N_("failed"),
		N_("absent"),
	};
	return (unsigned)r < FH_INSPECTION_RESULT_COUNT ? _(labels[r]) : "?";
}

const char *fh_label_followup_state(fh_followup_state st)
{
	static const char *const labels[FH_FOLLOWUP_STATE_COUNT] = {
		NP_("follow-up", "open"),
		N_("operating"),
		N_("in difficulty"),
		N_("dissolved"),
	};
	return (unsigned)st < FH_FOLLOWUP_STATE_COUNT ? fh_tr(labels[st]) : "?";
}

const char *fh_label_meeting_kind(fh_meeting_kind k)
{
	static const char *const labels[FH_MEETING_KIND_COUNT] = {
		N_("branch general meeting"),
		N_("committee meeting"),
		N_("group meeting"),
		N_("Party lecture"),
	};
	return (unsigned)k < FH_MEETING_KIND_COUNT ? _(labels[k]) : "?";
}

const char *fh_label_course_audience(fh_course_audience a)
{
	static const char *const labels[FH_AUDIENCE_COUNT] = {
		N_("tenants' staff"),
		N_("Party secretaries"),
		N_("instructors and liaisons"),
		N_("community staff"),
	};
	return (unsigned)a < FH_AUDIENCE_COUNT ? _(labels[a]) : "?";
}

const char *fh_label_role(fh_role r)
{
	switch (r) {
	case FH_ROLE_ADMIN: return _("admin");
	case FH_ROLE_MANAGER: return _("manager");
	default: return _("front desk");
	}
}
