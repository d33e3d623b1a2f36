/* sp-case-content-section.c: the case's subject and description, saved
 * with Save
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What is typed waits for Save (Ctrl+S, or Enter in the subject), and
 * Revert puts back the stored text. While the text is being edited, a
 * refill (after someone else's change, say) leaves it alone: the user
 * decides whether to save it over the new version. Text typed for one
 * case never carries over to another.
 */

#include <glib/gi18n.h>

#include "sp-case-content-section.h"

struct _SpCaseContentSection
{
  SpCaseSection      parent_instance;

  AdwEntryRow       *subject_entry;
  AdwPreferencesRow *subject_error_row;
  GtkLabel          *subject_error_label;
  GtkLabel          *subject_counter_label;
  AdwPreferencesRow *description_row;
  GtkTextView       *description_view;
  AdwPreferencesRow *content_actions_row;
  GtkButton         *content_revert_button;
  GtkButton         *content_save_button;

  char              *text_for;   /* the case whose text is in the editors */
  gboolean           dirty;
};

G_DEFINE_FINAL_TYPE (SpCaseContentSection, sp_case_content_section, SP_TYPE_CASE_SECTION)

/* A save on its way: what it changed, from what. */
typedef struct
{
  SpCaseContentSection *self;
  SpCase               *before;
  SpCase               *edited;
} Save;

static void
save_free (Save *save)
{
  g_clear_object (&save->self);
  g_clear_object (&save->before);
  g_clear_object (&save->edited);
  g_free (save);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Save, save_free)

static char *
get_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The counter shows near the limit; typing stops at it. */
static void
update_subject_counter (SpCaseContentSection *self)
{
  glong length = g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (self->subject_entry)), -1);
  g_autofree char *text = NULL;

  /* Translators: characters typed of the most allowed, e.g. 187/200 */
  text = g_strdup_printf (_("%ld/%d"), length, SP_CASE_SUBJECT_MAX);
  gtk_label_set_text (self->subject_counter_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->subject_counter_label),
                          length >= SP_CASE_SUBJECT_WARN);
}

static const char *
check_subject (const char *subject)
{
  if (subject == NULL)
    return _("Enter a subject: a few words on what it is about");
  if (g_utf8_strlen (subject, -1) > SP_CASE_SUBJECT_MAX)
    return _("The subject is too long: at most 200 characters");

  return NULL;
}

static void
show_subject_error (SpCaseContentSection *self,
                    const char           *error)
{
  gtk_widget_set_visible (GTK_WIDGET (self->subject_error_row), error != NULL);
  gtk_label_set_text (self->subject_error_label, error ? error : "");
  if (error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->subject_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->subject_entry), "error");
}

static void
update_buttons (SpCaseContentSection *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->content_save_button), self->dirty);
  gtk_widget_set_sensitive (GTK_WIDGET (self->content_revert_button), self->dirty);
}

static void
set_texts (SpCaseContentSection *self,
           const char           *subject,
           const char           *description)
{
  if (subject != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->subject_entry), subject);
  if (description != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view), description, -1);
}

static void
sp_case_content_section_fill (SpCaseSection *section,
                              SpCase        *kase)
{
  SpCaseContentSection *self = SP_CASE_CONTENT_SECTION (section);
  gboolean may = sp_case_section_may_edit (section);

  gtk_editable_set_editable (GTK_EDITABLE (self->subject_entry), may);
  gtk_text_view_set_editable (self->description_view, may);
  gtk_text_view_set_cursor_visible (self->description_view, may);
  gtk_widget_set_visible (GTK_WIDGET (self->content_actions_row), may);

  if (g_strcmp0 (self->text_for, SP_ENTITY (kase)->id) != 0)
    {
      g_free (self->text_for);
      self->text_for = g_strdup (SP_ENTITY (kase)->id);
      self->dirty = FALSE;
    }

  if (self->dirty)
    return;

  set_texts (self, kase->subject ? kase->subject : "", kase->description ? kase->description : "");
  show_subject_error (self, NULL);
  update_subject_counter (self);
  update_buttons (self);
}

static void
refill (SpCaseContentSection *self)
{
  SpCase *kase = sp_case_section_get_case (SP_CASE_SECTION (self));

  if (kase != NULL)
    sp_case_section_set_case (SP_CASE_SECTION (self), kase);
}

static void
on_content_changed (SpCaseContentSection *self)
{
  if (sp_case_section_is_filling (SP_CASE_SECTION (self)) ||
      sp_case_section_get_case (SP_CASE_SECTION (self)) == NULL)
    return;

  self->dirty = TRUE;
  update_buttons (self);
}

static void
on_subject_changed (SpCaseContentSection *self)
{
  update_subject_counter (self);

  /* An error goes as soon as the subject is fixed, not at the next Save. */
  if (gtk_widget_get_visible (GTK_WIDGET (self->subject_error_row)))
    {
      g_autofree char *subject =
        sp_case_section_strip_or_null (gtk_editable_get_text (GTK_EDITABLE (self->subject_entry)));

      if (check_subject (subject) == NULL)
        show_subject_error (self, NULL);
    }

  on_content_changed (self);
}

static void
content_saved (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(Save) save = user_data;
  SpCaseContentSection *self = save->self;
  SpCase *kase = sp_case_section_get_case (SP_CASE_SECTION (self));

  if (sp_case_section_save_finish (SP_CASE_SECTION (self), result, NULL))
    {
      self->dirty = FALSE;
      refill (self);
      return;
    }

  if (kase == NULL || g_strcmp0 (self->text_for, SP_ENTITY (save->edited)->id) != 0)
    return;

  /* Refused (someone else saved first): keep what the user changed, and
   * show the new version of what they did not touch, so that saving again
   * does not quietly put back the old text over the other change. The
   * page already said why. */
  set_texts (self,
             g_strcmp0 (save->edited->subject, save->before->subject) == 0
               ? (kase->subject ? kase->subject : "") : NULL,
             g_strcmp0 (save->edited->description, save->before->description) == 0
               ? (kase->description ? kase->description : "") : NULL);
  self->dirty = TRUE;
  update_buttons (self);
}

static void
on_content_save (SpCaseContentSection *self)
{
  static const char * const fields[] = { "subject", "description", NULL };
  SpCase *kase = sp_case_section_get_case (SP_CASE_SECTION (self));
  g_autoptr(SpCase) edited = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *text = NULL;
  const char *error = NULL;
  Save *save;

  if (kase == NULL)
    return;

  subject = sp_case_section_strip_or_null (gtk_editable_get_text (GTK_EDITABLE (self->subject_entry)));
  error = check_subject (subject);
  show_subject_error (self, error);
  if (error != NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->subject_entry));
      return;
    }

  text = get_view_text (self->description_view);
  edited = sp_entity_copy (SP_ENTITY (kase));
  g_free (edited->subject);
  edited->subject = g_steal_pointer (&subject);
  g_free (edited->description);
  edited->description = sp_case_section_strip_or_null (text);

  if (g_strcmp0 (edited->subject, kase->subject) == 0 &&
      g_strcmp0 (edited->description, kase->description) == 0)
    {
      self->dirty = FALSE;
      update_buttons (self);
      return;
    }

  /* While dirty, a refill leaves the editors alone; on a conflict the text
   * stays dirty and in place. */
  save = g_new0 (Save, 1);
  save->self = g_object_ref (self);
  save->before = g_object_ref (kase);
  save->edited = g_object_ref (edited);
  sp_case_section_save_async (SP_CASE_SECTION (self), edited, _("Changes saved"), fields,
                              content_saved, save);
}

void
sp_case_content_section_save (SpCaseContentSection *self)
{
  g_return_if_fail (SP_IS_CASE_CONTENT_SECTION (self));

  if (self->dirty && sp_case_section_may_edit (SP_CASE_SECTION (self)))
    on_content_save (self);
}

static void
on_content_revert (SpCaseContentSection *self)
{
  self->dirty = FALSE;
  refill (self);
}

static void
sp_case_content_section_finalize (GObject *object)
{
  SpCaseContentSection *self = SP_CASE_CONTENT_SECTION (object);

  g_clear_pointer (&self->text_for, g_free);

  G_OBJECT_CLASS (sp_case_content_section_parent_class)->finalize (object);
}

static void
sp_case_content_section_class_init (SpCaseContentSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SpCaseSectionClass *section_class = SP_CASE_SECTION_CLASS (klass);

  object_class->finalize = sp_case_content_section_finalize;
  section_class->fill = sp_case_content_section_fill;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/se/synpunkt/Synpunkt/sp-case-content-section.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, SpCaseContentSection, name)
  CHILD (subject_entry);
  CHILD (subject_error_row);
  CHILD (subject_error_label);
  CHILD (subject_counter_label);
  CHILD (description_row);
  CHILD (description_view);
  CHILD (content_actions_row);
  CHILD (content_revert_button);
  CHILD (content_save_button);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, on_subject_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_content_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_content_save);
  gtk_widget_class_bind_template_callback (widget_class, on_content_revert);
}

static void
sp_case_content_section_init (SpCaseContentSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Typing stops at the limit (a paste is cut there). */
  gtk_text_set_max_length (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (self->subject_entry))),
                           SP_CASE_SUBJECT_MAX);
}
