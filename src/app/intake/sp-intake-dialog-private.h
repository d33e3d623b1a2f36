/* sp-intake-dialog-private.h: what the files of SpIntakeDialog share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-intake-date-button.h"
#include "sp-intake-dialog.h"
#include "sp-intake-validate.h"

G_BEGIN_DECLS

struct _SpIntakeDialog
{
  AdwWindow           parent_instance;

  SpStoreWorker      *worker;
  GCancellable       *cancellable;  /* of the choices' read, cancelled on dispose */
  gboolean            loading;      /* the choices are being read */
  gboolean            saving;       /* a save is running: Save is off until it ends */
  SpActor            *actor;        /* a copy */

  /* Index in a combo row → the id or code it stands for; index 0 is the
   * "not chosen" item. */
  GPtrArray          *unit_ids;
  GPtrArray          *provider_ids;
  GPtrArray          *category_codes;
  GPtrArray          *unit_areas;   /* GINT_TO_POINTER (SpArea + 1) */

  /* field name → Mark */
  GHashTable         *marks;

  gboolean            area_touched;
  gboolean            setting_area;
  gboolean            saved;
  gboolean            discard_confirmed;
  SpDate              old_date_confirmed;  /* a date over a year back the user confirmed */

  GtkRevealer        *message_revealer;
  GtkLabel           *message_label;
  AdwPreferencesPage *page;

  AdwComboRow        *kind_row;
  AdwComboRow        *valence_row;
  AdwComboRow        *channel_row;
  AdwActionRow       *received_row;
  SpIntakeDateButton *received_button;

  AdwPreferencesGroup *authority_group;
  AdwEntryRow        *authority_reference_row;
  AdwActionRow       *given_due_row;
  SpIntakeDateButton *given_due_button;

  AdwActionRow       *anonymous_row;
  GtkSwitch          *anonymous_switch;
  AdwEntryRow        *sender_name_row;
  AdwEntryRow        *sender_address_row;
  AdwEntryRow        *sender_phone_row;
  AdwEntryRow        *sender_email_row;
  AdwActionRow       *wants_feedback_row;
  GtkSwitch          *wants_feedback_switch;
  AdwComboRow        *relation_row;

  AdwComboRow        *concerns_row;
  AdwComboRow        *unit_row;
  AdwComboRow        *provider_row;
  AdwEntryRow        *other_district_row;
  AdwEntryRow        *other_authority_row;
  AdwComboRow        *area_row;
  AdwComboRow        *category_row;

  AdwEntryRow        *subject_row;
  AdwPreferencesRow  *description_row;
  GtkTextView        *description_view;

  AdwPreferencesGroup *service_note_group;
  AdwPreferencesRow  *service_note_row;
  GtkTextView        *service_note_view;

  AdwActionRow       *individual_record_row;
  GtkSwitch          *individual_record_switch;
  AdwActionRow       *named_employee_row;
  GtkSwitch          *named_employee_switch;
  AdwActionRow       *conflict_of_interest_row;
  GtkSwitch          *conflict_of_interest_switch;
};

/* Where a field's reason is shown: an extra row right under its row. */
typedef struct
{
  GtkWidget *row;
  GtkWidget *input;
  GtkWidget *error_row;
  GtkWidget *error_label;
} Mark;

/* sp-intake-dialog-form.c */
void    _sp_intake_dialog_init_form        (SpIntakeDialog  *self);
/* Reads the units, providers, categories and the actor in the store
 * worker and fills the drop-downs when they come. */
void    _sp_intake_dialog_load_choices     (SpIntakeDialog  *self);

/* sp-intake-dialog.c */
/* Save is offered only while nothing is being read or saved. */
void    _sp_intake_dialog_update_save      (SpIntakeDialog  *self);
SpCase *_sp_intake_dialog_build_case       (SpIntakeDialog  *self,
                                            SpIntakeChoices *choices);
void    _sp_intake_dialog_clear_marks      (SpIntakeDialog  *self);
Mark   *_sp_intake_dialog_mark_field       (SpIntakeDialog  *self,
                                            const char      *field,
                                            const char      *reason);
/* Hides the reasons of fields that are no longer shown. */
void    _sp_intake_dialog_hide_stale_marks (SpIntakeDialog  *self);

G_END_DECLS
