/* fuhua core — the table of modules: what the store calls on opening and
 * after a migration, and what the tenant layer asks of each module before
 * a tenant's record is written and after it changed, and what each keeps of
 * a hub's rules (modules.h). The order is the order of the calls:
 * admission's milestones before anything else, the party track's checks,
 * then what a tenant leaving gives back. */
#include "modules.h"

#include "activity_int.h"
#include "calendar_int.h"
#include "course_int.h"
#include "followup_int.h"
#include "inspection_int.h"
#include "lifecycle_int.h"
#include "meeting_int.h"
#include "mentor_int.h"
#include "milestone_int.h"
#include "operator_int.h"
#include "party_int.h"
#include "project_int.h"
#include "rating_int.h"
#include "report_int.h"
#include "space_int.h"
#include "tally.h"
#include "tenant_int.h"

const struct fh_module fh_modules[] = {
	{ .name = "tenant",
	  .config = &fh_tenant_config,
	  .schema = fh_tenant_schema,
	  .sql_functions = fh_tenant_sql_functions,
	  .after_migrate = fh_tenant_after_migrate,
	  .check = fh_tenant_check_index,
	  .write_rules = fh_tenant_write_rules,
	  .describe_rules = fh_tenant_describe_rules },
	{ .name = "lifecycle",
	  .config = &fh_lifecycle_config,
	  .schema = fh_lifecycle_schema,
	  .write_rules = fh_lifecycle_write_rules,
	  .describe_rules = fh_lifecycle_describe_rules },
	{ .name = "rating",
	  .config = &fh_rating_config,
	  .schema = fh_rating_schema,
	  .after_schema = fh_rating_after_schema,
	  .tenant_changed = fh_rating_tenant_changed,
	  .write_rules = fh_rating_write_rules,
	  .describe_rules = fh_rating_describe_rules },
	{ .name = "milestone",
	  .config = &fh_milestone_config,
	  .schema = fh_milestone_schema,
	  .tenant_changed = fh_milestone_tenant_changed,
	  .write_rules = fh_milestone_write_rules,
	  .describe_rules = fh_milestone_describe_rules },
	{ .name = "party",
	  .config = &fh_party_config,
	  .schema = fh_party_schema,
	  .check = fh_party_check_terms,
	  .check_tenant = fh_party_check_tenant,
	  .tenant_changed = fh_party_sync_tenant_changed,
	  .write_rules = fh_party_write_rules,
	  .describe_rules = fh_party_describe_rules },
	{ .name = "space",
	  .config = &fh_space_config,
	  .schema = fh_space_schema,
	  .tenant_changed = fh_space_tenant_changed,
	  .write_rules = fh_space_write_rules,
	  .describe_rules = fh_space_describe_rules },
	{ .name = "calendar",
	  .config = &fh_calendar_config,
	  .schema = fh_calendar_schema,
	  .write_rules = fh_calendar_write_rules,
	  .describe_rules = fh_calendar_describe_rules },
	{ .name = "mentor", .tenant_changed = fh_mentor_tenant_changed },
	{ .name = "booking", .tenant_changed = fh_booking_tenant_changed },
	{ .name = "tally", .check = fh_tally_check },
	{ .name = "operator",
	  .config = &fh_operator_config,
	  .schema = fh_operator_schema,
	  .after_migrate = fh_operator_after_migrate,
	  .write_rules = fh_operator_write_rules,
	  .describe_rules = fh_operator_describe_rules },
	{ .name = "project",
	  .config = &fh_project_config,
	  .schema = fh_project_schema,
	  .check = fh_project_check,
	  .write_rules = fh_project_write_rules,
	  .describe_rules = fh_project_describe_rules },
	{ .name = "activity", .schema = fh_activity_schema, .check = fh_activity_check },
	{ .name = "inspection", .schema = fh_inspection_schema, .check = fh_inspection_check },
	{ .name = "course", .schema = fh_course_schema },
	{ .name = "meeting",
	  .config = &fh_meeting_config,
	  .schema = fh_meeting_schema,
	  .after_schema = fh_meeting_after_schema,
	  .check = fh_meeting_due_check,
	  .write_rules = fh_meeting_write_rules,
	  .describe_rules = fh_meeting_describe_rules },
	{ .name = "followup",
	  .config = &fh_followup_config,
	  .schema = fh_followup_schema,
	  .after_schema = fh_followup_after_schema,
	  .tenant_changed = fh_followup_tenant_changed,
	  .write_rules = fh_followup_write_rules,
	  .describe_rules = fh_followup_describe_rules },
	{ .name = "report",
	  .config = &fh_report_config,
	  .schema = fh_report_schema,
	  .write_rules = fh_report_write_rules,
	  .describe_rules = fh_report_describe_rules },
	{ .name = NULL },
};
