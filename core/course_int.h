/* fuhua core — private: the course module as the module table sees it. */
#ifndef FUHUA_CORE_COURSE_INT_H
#define FUHUA_CORE_COURSE_INT_H

#include "fuhua/course.h"

extern const char *const fh_course_schema[];

#endif
