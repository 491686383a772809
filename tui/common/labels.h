/* fuhua tui — how identifiers read on screen, in the current language. */
#ifndef FUHUA_TUI_LABELS_H
#define FUHUA_TUI_LABELS_H

#include <stddef.h>

#include "fuhua/activity.h"
#include "fuhua/booking.h"
#include "fuhua/config.h"
#include "fuhua/course.h"
#include "fuhua/error.h"
#include "fuhua/followup.h"
#include "fuhua/inspection.h"
#include "fuhua/meeting.h"
#include "fuhua/operator.h"
#include "fuhua/project.h"

const char *fh_label_level(fh_level level);
const char *fh_label_stage(fh_stage stage);
/* An audit row's action and entity ("login", "operator") for people. */
const char *fh_label_action(const char *action);
const char *fh_label_entity(const char *entity);
const char *fh_label_space_type(fh_space_type type);
const char *fh_label_booking_state(fh_booking_state state);
const char *fh_label_role(fh_role role);
/* A project's kind, state and grade (FH_GRADE_NONE: ""), an activity's
 * kind. */
const char *fh_label_project_kind(fh_project_kind kind);
const char *fh_label_project_state(fh_project_state state);
const char *fh_label_project_grade(fh_project_grade grade);
const char *fh_label_activity_kind(fh_activity_kind kind);
/* An inspection's result, a follow-up's state, a meeting's kind, a
 * course's audience. */
const char *fh_label_inspection_result(fh_inspection_result result);
const char *fh_label_followup_state(fh_followup_state state);
const char *fh_label_meeting_kind(fh_meeting_kind kind);
const char *fh_label_course_audience(fh_course_audience audience);

/* An error for people: as fh_error_format, with the field at fault named by
 * its label in the interface language ("阶段", not "stage"). Returns buf. */
const char *fh_error_text(const fh_error *err, char *buf, size_t size);

#endif
