/* sp-case-section.c: the base of the case page's sections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A section shows one part of a case and saves what is changed in it by
 * asking the page ("save"), which owns the store worker, the revision
 * check, Undo and the toasts; the page then refills every section from
 * the case as stored. So a section holds no store and knows nothing of
 * the others.
 */

#include <glib/gi18n.h>

#include "sp-case-section.h"

typedef struct
{
  SpCase      *kase;
  SpActor     *actor;
  SpReference *reference;
  GPtrArray   *unit_ids;        /* made when first asked after a change */
  GPtrArray   *provider_ids;
  GPtrArray   *category_codes;
  gboolean     filling;
} SpCaseSectionPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (SpCaseSection, sp_case_section, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_CASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
refill (SpCaseSection *self)
{
  SpCaseSectionPrivate *priv = sp_case_section_get_instance_private (self);
  SpCaseSectionClass *klass = SP_CASE_SECTION_GET_CLASS (self);

  if (priv->kase == NULL || klass->fill == NULL || priv->filling)
    return;

  priv->filling = TRUE;
  klass->fill (self, priv->kase);
  priv->filling = FALSE;
}

void
sp_case_section_set_case (SpCaseSection *self,
                          SpCase        *kase)
{
  SpCaseSectionPrivate *priv = sp_case_section_get_instance_private (self);

  g_return_if_fail (SP_IS_CASE_SECTION (self));
  g_return_if_fail (kase == NULL || SP_IS_CASE (kase));

  /* The same object again still refills: the page reads a new copy after
   * every save, and sets it even when nothing in it changed. */
  if (kase != priv->kase)
    {
      g_set_object (&priv->kase, kase);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
    }
  refill (self);
}

SpCase *
sp_case_section_get_case (SpCaseSection *self)
{
  SpCaseSectionPrivate *priv = sp_case_section_get_instance_private (self);

  g_return_val_if_fail (SP_IS_CASE_SECTION (self), NULL);

  return priv->kase;
}

void
sp_case_section_set_actor (SpCaseSection *self,
                           const SpActor *actor)
{
  SpCaseSectionPrivate *priv = sp_case_section_get_instance_private (self);

  g_return_if_fail (SP_IS_CASE_SECTION (self));
  g_return_if_fail (actor != NULL);

  if (sp_actor_equal (priv->actor, actor))
    return;

  g_clear_pointer (&priv->actor, sp_actor_free);
  priv->actor = sp_actor_copy (actor);
  refill (self);
}

const SpActor *
sp_case_section_get_actor (SpCaseSection *self)
{
  SpCaseSectionPrivate *priv = sp_case_section_get_instance_private (self);
  static const SpActor nobody = { NULL, NULL, 0 };

  g_return_val_if_fail (SP_IS_CASE_SECTION (self), &nobody);

  return priv->actor != NULL ? priv->actor : &nobody;
}

static void
reference_changed (SpCaseSection *self)
{
  SpCaseSectionPrivate *priv = sp_case_section_get_instance_private (self);

  g_clear_pointer (&priv->unit_ids, g_ptr_array_unref);
  g_clear_pointer (&priv->provider_ids, g_ptr_array_unref);
  g_clear_pointer (&priv->category_codes, g_ptr_array_unref);
  SP_CASE_SECTION_GET_CLASS (self)->reference_changed (self);
}

void
sp_case_section_set_reference (SpCaseSection *self,
                               SpReference   *reference)
{
  SpCaseSectionPrivate *priv = sp_case_section_get_instance_private (self);

  g_return_if_fail (SP_IS_CASE_SECTION (self));
  g_return_if_fail (reference == NULL || SP_IS_REFERENCE (reference));

  if (priv->reference == reference)
    return;

  if (priv->reference != NULL)
    g_signal_handlers_disconnect_by_data (priv->reference, self);
  g_set_object (&priv->reference, reference);
  if (reference != NULL)
    g_signal_connect_object (reference, "changed", G_CALLBACK (reference_changed), self,
                             G_CONNECT_SWAPPED);
  reference_changed (self);
}

SpReference *
sp_case_section_get_reference (SpCaseSection *self)
{
  SpCaseSectionPrivate *priv = sp_case_section_get_instance_private (self);

  g_return_val_if_fail (SP_IS_CASE_SECTION (self), NULL);

  return priv->reference;
}

gboolean
sp_case_section_is_filling (SpCaseSection *self)
{
  SpCaseSectionPrivate *priv = sp_case_section_get_instance_private (self);

  g_return_val_if_fail (SP_IS_CASE_SECTION (self), FALSE);

  return priv->filling;
}

gboolean
sp_case_section_has_role (SpCaseSection *self,
                          guint          role_bits)
{
  return (sp_case_section_get_actor (self)->roles & role_bits) != 0;
}

gboolean
sp_case_section_may_edit (SpCaseSection *self)
{
  SpCaseSectionPrivate *priv = sp_case_section_get_instance_private (self);
  const SpActor *actor = sp_case_section_get_actor (self);

  if (priv->kase == NULL)
    return FALSE;

  if (actor->roles & SP_CASE_SECTION_HANDLER_ROLES)
    return TRUE;

  /* Whoever recorded a case may correct it until the registrar has it. */
  return priv->kase->status == SP_STATUS_RECEIVED &&
         actor->user_id != NULL &&
         g_strcmp0 (priv->kase->created_by, actor->user_id) == 0;
}

gboolean
sp_case_section_may_see_personal_data (SpCaseSection *self)
{
  /* Quality staff and procurement work with the cases, not the people:
   * they see the sender's data only if another role of theirs allows. */
  return sp_case_section_has_role (self, SP_ROLE_BIT (SP_ROLE_STAFF) |
                                         SP_ROLE_BIT (SP_ROLE_REGISTRAR) |
                                         SP_ROLE_BIT (SP_ROLE_UNIT_MANAGER) |
                                         SP_ROLE_BIT (SP_ROLE_DEPARTMENT_HEAD) |
                                         SP_ROLE_BIT (SP_ROLE_CASE_OFFICER) |
                                         SP_ROLE_BIT (SP_ROLE_ADMIN));
}

void
sp_case_section_save_async (SpCaseSection      *self,
                            SpCase             *edited,
                            const char         *toast_title,
                            const char * const *fields,
                            GAsyncReadyCallback callback,
                            gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  gboolean handled = FALSE;

  g_return_if_fail (SP_IS_CASE_SECTION (self));
  g_return_if_fail (SP_IS_CASE (edited));
  g_return_if_fail (fields != NULL && fields[0] != NULL);

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, sp_case_section_save_async);

  g_signal_emit (self, signals[SAVE], 0, edited, toast_title, fields, task, &handled);
  if (!handled)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             "%s", _("This part of the case cannot be saved here"));
}

gboolean
sp_case_section_save_finish (SpCaseSection  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
sp_case_section_save (SpCaseSection      *self,
                      SpCase             *edited,
                      const char         *toast_title,
                      const char * const *fields)
{
  sp_case_section_save_async (self, edited, toast_title, fields, NULL, NULL);
}

void
sp_case_section_set_row (AdwActionRow *row,
                         const char   *value)
{
  gboolean has_value = value != NULL && *value != '\0';

  adw_action_row_set_subtitle (row, has_value ? value : NULL);
  gtk_widget_set_visible (GTK_WIDGET (row), has_value);
}

char *
sp_case_section_strip_or_null (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));

  return *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

const char *
sp_case_section_unit_name (SpCaseSection *self,
                           const char    *id)
{
  SpReference *reference = sp_case_section_get_reference (self);
  const char *name = reference ? sp_reference_get_unit_name (reference, id) : NULL;

  return name != NULL ? name : id;
}

const char *
sp_case_section_provider_name (SpCaseSection *self,
                               const char    *id)
{
  SpReference *reference = sp_case_section_get_reference (self);
  const char *name = reference ? sp_reference_get_provider_name (reference, id) : NULL;

  return name != NULL ? name : id;
}

const char *
sp_case_section_category_name (SpCaseSection *self,
                               const char    *code)
{
  SpReference *reference = sp_case_section_get_reference (self);
  const char *name = reference ? sp_reference_get_category_name (reference, code) : NULL;

  return name != NULL ? name : code;
}

/* The ids of @model's items, in its order, leaving out those @id_of
 * gives no id for. */
static GPtrArray *
collect_ids (GListModel *model,
             const char *(*id_of) (gpointer item))
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      const char *id = id_of (item);

      if (id != NULL)
        g_ptr_array_add (ids, g_strdup (id));
    }

  return ids;
}

static const char *
case_unit_id (gpointer item)
{
  /* A case is about a department or unit, not the whole administration. */
  return SP_UNIT (item)->kind != SP_UNIT_KIND_ADMINISTRATION ? SP_ENTITY (item)->id : NULL;
}

static const char *
entity_id (gpointer item)
{
  return SP_ENTITY (item)->id;
}

static const char *
category_code (gpointer item)
{
  return SP_CATEGORY (item)->code;
}

GPtrArray *
sp_case_section_get_unit_ids (SpCaseSection *self)
{
  SpCaseSectionPrivate *priv = sp_case_section_get_instance_private (self);

  if (priv->unit_ids == NULL)
    priv->unit_ids = collect_ids (priv->reference ? sp_reference_get_units (priv->reference)
                                                  : NULL, case_unit_id);
  return priv->unit_ids;
}

GPtrArray *
sp_case_section_get_provider_ids (SpCaseSection *self)
{
  SpCaseSectionPrivate *priv = sp_case_section_get_instance_private (self);

  if (priv->provider_ids == NULL)
    priv->provider_ids = collect_ids (priv->reference
                                        ? sp_reference_get_providers (priv->reference)
                                        : NULL, entity_id);
  return priv->provider_ids;
}

GPtrArray *
sp_case_section_get_category_codes (SpCaseSection *self)
{
  SpCaseSectionPrivate *priv = sp_case_section_get_instance_private (self);

  if (priv->category_codes == NULL)
    priv->category_codes = collect_ids (priv->reference
                                          ? sp_reference_get_categories (priv->reference)
                                          : NULL, category_code);
  return priv->category_codes;
}

void
sp_case_section_build_id_model (SpCaseSection *self,
                                AdwComboRow   *row,
                                const char    *none_label,
                                GPtrArray     *ids,
                                const char *(*name_of) (SpCaseSection *, const char *),
                                const char    *current)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  gboolean known = current == NULL;

  gtk_string_list_append (list, none_label);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);

      gtk_string_list_append (list, name_of (self, id));
      known |= g_strcmp0 (id, current) == 0;
    }
  if (!known)
    gtk_string_list_append (list, name_of (self, current));

  adw_combo_row_set_model (row, G_LIST_MODEL (list));
}

guint
sp_case_section_id_position (GPtrArray  *ids,
                             const char *current)
{
  if (current == NULL)
    return 0;

  for (guint i = 0; i < ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (ids, i), current) == 0)
      return i + 1;

  return ids->len + 1;
}

void
sp_case_section_set_plain_rows (gpointer first_row,
                                ...)
{
  va_list args;

  va_start (args, first_row);
  for (gpointer row = first_row; row != NULL; row = va_arg (args, gpointer))
    adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  va_end (args);
}

gboolean
sp_case_section_chosen_id (AdwComboRow  *row,
                           GPtrArray    *ids,
                           const char  **id)
{
  guint selected = adw_combo_row_get_selected (row);

  *id = NULL;
  if (selected == GTK_INVALID_LIST_POSITION || selected > ids->len)
    return FALSE;   /* nothing, or the unknown id the case already has */
  if (selected > 0)
    *id = g_ptr_array_index (ids, selected - 1);

  return TRUE;
}

static void
sp_case_section_dispose (GObject *object)
{
  SpCaseSection *self = SP_CASE_SECTION (object);
  SpCaseSectionPrivate *priv = sp_case_section_get_instance_private (self);

  if (priv->reference != NULL)
    g_signal_handlers_disconnect_by_data (priv->reference, self);
  g_clear_object (&priv->reference);
  g_clear_object (&priv->kase);

  G_OBJECT_CLASS (sp_case_section_parent_class)->dispose (object);
}

static void
sp_case_section_finalize (GObject *object)
{
  SpCaseSection *self = SP_CASE_SECTION (object);
  SpCaseSectionPrivate *priv = sp_case_section_get_instance_private (self);

  g_clear_pointer (&priv->actor, sp_actor_free);
  g_clear_pointer (&priv->unit_ids, g_ptr_array_unref);
  g_clear_pointer (&priv->provider_ids, g_ptr_array_unref);
  g_clear_pointer (&priv->category_codes, g_ptr_array_unref);

  G_OBJECT_CLASS (sp_case_section_parent_class)->finalize (object);
}

static void
sp_case_section_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SpCaseSection *self = SP_CASE_SECTION (object);

  switch (prop_id)
    {
    case PROP_CASE:
      g_value_set_object (value, sp_case_section_get_case (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_case_section_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SpCaseSection *self = SP_CASE_SECTION (object);

  switch (prop_id)
    {
    case PROP_CASE:
      sp_case_section_set_case (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_case_section_class_init (SpCaseSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sp_case_section_dispose;
  object_class->finalize = sp_case_section_finalize;
  object_class->get_property = sp_case_section_get_property;
  object_class->set_property = sp_case_section_set_property;

  klass->reference_changed = refill;

  /**
   * SpCaseSection:case:
   *
   * The case shown, as last read from the store.
   */
  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, SP_TYPE_CASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SpCaseSection::save:
   * @edited: the case with the section's change
   * @toast_title: what the toast says once it is saved
   * @fields: the names of the fields changed
   * @task: to return a boolean (taken) or the refusal on
   *
   * Emitted to have @edited saved; the page handles it and returns TRUE.
   */
  signals[SAVE] =
    g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  g_signal_accumulator_true_handled, NULL, NULL,
                  G_TYPE_BOOLEAN, 4, SP_TYPE_CASE, G_TYPE_STRING, G_TYPE_STRV, G_TYPE_TASK);
}

static void
sp_case_section_init (SpCaseSection *self)
{
}
