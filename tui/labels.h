/* fuhua tui — how identifiers read on screen, in the current language. */
#ifndef FUHUA_TUI_LABELS_H
#define FUHUA_TUI_LABELS_H

#include "fuhua/config.h"

const char *fh_label_level(fh_level level);
const char *fh_label_stage(fh_stage stage);
/* An audit row's action and entity ("login", "operator") for people. */
const char *fh_label_action(const char *action);
const char *fh_label_entity(const char *entity);

#endif
