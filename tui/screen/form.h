/* fuhua tui — the form widget: labelled fields, text or a choice among
 * values, core's messages beside the fields, dirty tracking and a cancel
 * that asks before dropping typed work. Keys: fh_form_keymap. */
#ifndef FUHUA_TUI_FORM_H
#define FUHUA_TUI_FORM_H

#include "tui.h"

#define FH_FORM_MAX 40
#define FH_FORM_VALUE 2048
#define FH_FORM_CHOICES 48

enum fh_field_kind { FH_FIELD_TEXT, FH_FIELD_CHOICE };

#define FH_PICK_MAX 8

/* A record a picker offers: its id, its name, and what tells two of one
 * name apart (hub, stage). */
struct fh_pick {
	int64_t id;
	char label[200];
	char detail[200];
};

/* The records matching what was typed, at most max into out: how many (0
 * for none, -1 when they cannot be read: the form says so). */
typedef int (*fh_pick_fn)(struct app *app, void *ctx, const char *typed, struct fh_pick *out, int max);

struct fh_form_field {
	const char *label;
	enum fh_field_kind kind;
	char value[FH_FORM_VALUE];
	const char *choices[FH_FORM_CHOICES]; /* a choice field's values, shown as they are */
	const int64_t *choice_ids;            /* the records behind the choices (a picker's), or NULL */
	int nchoices;
	bool secret; /* a password: shown as one mark, never its length; wiped by fh_form_wipe */
	/* A field that names a record is a picker (fh_form_picker): typing
	 * filters, ↓ opens the matches, Enter takes one into picked. */
	fh_pick_fn pick;
	void *pick_ctx;
	int64_t picked; /* the record taken (0: none; typing again clears it) */
	struct fh_pick matches[FH_PICK_MAX];
	int nmatches, msel;
	bool open;       /* the matches are shown under the field */
	char error[512]; /* core's message for this field, or "" */
	char note[160];  /* e.g. the other operator's value after a conflict */
};

struct fh_form {
	struct fh_form_field f[FH_FORM_MAX];
	int n, focus;
	bool dirty, confirm_cancel;
	char message[800]; /* for the whole form, wrapped under it */
};

enum fh_form_result { FH_FORM_IGNORED, FH_FORM_HANDLED, FH_FORM_SAVE, FH_FORM_CANCEL };

/* Adds a field; returns it (NULL when the form is full). */
struct fh_form_field *fh_form_add(struct fh_form *fm, const char *label, enum fh_field_kind kind, const char *value);
/* A field read as core reads it (trimmed first): a whole number in [min,
 * max] (fh_int_take), a date (fh_date_take; 0 when the field is empty), a
 * number with at most `decimals` after the point (fh_decimal_take). False
 * with core's message as the field's error. */
bool fh_form_int(struct fh_form_field *f, long long min, long long max, long long *out);
bool fh_form_day(struct fh_form_field *f, int64_t *out);
bool fh_form_decimal(struct fh_form_field *f, double min, double max, int decimals, double *out);
/* Makes a text field a picker of records: pick lists the matches of what
 * is typed (ctx is its own). */
void fh_form_picker(struct fh_form_field *f, fh_pick_fn pick, void *ctx);
/* A picker among the field's own choices (the records' names it was given:
 * rooms, joint branches, instructors, mentors, milestones): those holding
 * what is typed, each with its id from choice_ids when the field has them;
 * a field made a picker with it keeps its choices but takes text. ctx is
 * the field. */
int fh_form_pick_choices(struct app *app, void *ctx, const char *typed, struct fh_pick *out, int max);
/* Makes a choice field of records a picker among its choices. */
void fh_form_choices_picker(struct fh_form_field *f);
/* Wipes the values of its secret fields (a form of passwords, closed). */
void fh_form_wipe(struct fh_form *fm);
/* Clears every field's error and note and the form's message. */
void fh_form_clear_errors(struct fh_form *fm);
/* Moves the focus to the first field with an error. */
void fh_form_focus_error(struct fh_form *fm);
/* Whether the focused field takes text now. */
bool fh_form_typing(const struct fh_form *fm);
/* An action from fh_form_keymap, or FH_ACT_NONE with text and editing keys. */
enum fh_form_result fh_form_request(struct fh_form *fm, int action, const struct fh_input *in);
/* Draws the form in area under a title line. */
void fh_form_draw(struct app *app, struct fh_form *fm, const char *title, struct rect area);
/* The request of a view that is a form: F2 calls save (which returns FH_R_*),
 * a confirmed cancel pops, and q or Esc never drop typed work (BACK is
 * taken, not passed on). */
int fh_form_view_request(struct app *app, struct view *v, struct fh_form *fm, int action, const struct fh_input *in,
			 int (*save)(struct app *app, struct view *v));

#endif
