/* sp-case-filter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sp-case-filter.h"

G_DEFINE_FINAL_TYPE (SpCaseFilter, sp_case_filter, G_TYPE_OBJECT)

/* g_set_str() is GLib 2.76; we build against 2.74. */
static void
set_str (char       **field,
         const char  *value)
{
  char *copy;

  if (*field == value)
    return;

  copy = g_strdup (value);
  g_free (*field);
  *field = copy;
}

static void
sp_case_filter_finalize (GObject *object)
{
  SpCaseFilter *self = SP_CASE_FILTER (object);

  g_free (self->unit_id);
  g_free (self->category);
  g_free (self->provider_id);
  g_free (self->text);
  g_free (self->mine_user_id);
  g_free (self->mine_unit_id);

  G_OBJECT_CLASS (sp_case_filter_parent_class)->finalize (object);
}

static void
sp_case_filter_class_init (SpCaseFilterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sp_case_filter_finalize;
}

static void
sp_case_filter_init (SpCaseFilter *self)
{
  self->sort = SP_CASE_SORT_RECEIVED_ON;
  self->descending = TRUE;
}

SpCaseFilter *
sp_case_filter_new (void)
{
  return g_object_new (SP_TYPE_CASE_FILTER, NULL);
}

void
sp_case_filter_set_criteria (SpCaseFilter *self,
                             SpCaseFilter *other)
{
  g_return_if_fail (SP_IS_CASE_FILTER (self));
  g_return_if_fail (SP_IS_CASE_FILTER (other));

  self->kinds = other->kinds;
  self->statuses = other->statuses;
  self->channels = other->channels;
  self->areas = other->areas;
  self->valences = other->valences;
  self->escalations = other->escalations;
  set_str (&self->unit_id, other->unit_id);
  set_str (&self->category, other->category);
  set_str (&self->provider_id, other->provider_id);
  self->from = other->from;
  self->to = other->to;
  self->overdue_only = other->overdue_only;
  set_str (&self->text, other->text);
}

SpCaseFilter *
sp_case_filter_copy (SpCaseFilter *self)
{
  SpCaseFilter *copy;

  g_return_val_if_fail (SP_IS_CASE_FILTER (self), NULL);

  copy = sp_case_filter_new ();
  sp_case_filter_set_criteria (copy, self);
  copy->view_statuses = self->view_statuses;
  copy->registered_only = self->registered_only;
  copy->registration_queue = self->registration_queue;
  copy->mine_user_id = g_strdup (self->mine_user_id);
  copy->mine_unit_id = g_strdup (self->mine_unit_id);
  copy->sort = self->sort;
  copy->descending = self->descending;

  return copy;
}

void
sp_case_filter_to_query (SpCaseFilter *self,
                         SpCaseQuery  *query)
{
  g_return_if_fail (SP_IS_CASE_FILTER (self));
  g_return_if_fail (query != NULL);

  sp_case_query_init (query);
  query->kinds = self->kinds;
  query->channels = self->channels;
  query->areas = self->areas;
  query->valences = self->valences;
  query->escalations = self->escalations;
  /* A status chosen in the filter bar wins over the view's own (My cases
   * shows open cases unless the user asks for, say, closed ones). */
  query->statuses = self->statuses != 0 ? self->statuses : self->view_statuses;
  query->unit_id = self->unit_id;
  query->category = self->category;
  query->provider_id = self->provider_id;
  query->from = self->from;
  query->to = self->to;
  query->overdue_only = self->overdue_only;
  query->text = (self->text != NULL && *self->text != '\0') ? self->text : NULL;
  query->registered_only = self->registered_only;
  query->unregistered_with_contact = self->registration_queue;
  query->mine_user_id = self->mine_user_id;
  query->mine_unit_id = self->mine_unit_id;
  query->sort = self->sort;
  query->descending = self->descending;
}

static void
add_string (GVariantBuilder *builder,
            const char      *key,
            const char      *value)
{
  if (value != NULL && *value != '\0')
    g_variant_builder_add (builder, "{sv}", key, g_variant_new_string (value));
}

static void
add_date (GVariantBuilder *builder,
          const char      *key,
          SpDate           date)
{
  if (date != SP_DATE_NONE)
    {
      g_autofree char *text = sp_date_to_string (date);
      g_variant_builder_add (builder, "{sv}", key, g_variant_new_string (text));
    }
}

GVariant *
sp_case_filter_to_variant (SpCaseFilter *self)
{
  GVariantBuilder builder;

  g_return_val_if_fail (SP_IS_CASE_FILTER (self), NULL);

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  if (self->kinds != 0)
    g_variant_builder_add (&builder, "{sv}", "kinds", g_variant_new_uint32 (self->kinds));
  if (self->statuses != 0)
    g_variant_builder_add (&builder, "{sv}", "statuses", g_variant_new_uint32 (self->statuses));
  if (self->channels != 0)
    g_variant_builder_add (&builder, "{sv}", "channels", g_variant_new_uint32 (self->channels));
  if (self->areas != 0)
    g_variant_builder_add (&builder, "{sv}", "areas", g_variant_new_uint32 (self->areas));
  if (self->valences != 0)
    g_variant_builder_add (&builder, "{sv}", "valences", g_variant_new_uint32 (self->valences));
  if (self->escalations != 0)
    g_variant_builder_add (&builder, "{sv}", "escalations", g_variant_new_uint32 (self->escalations));
  add_string (&builder, "unit", self->unit_id);
  add_string (&builder, "category", self->category);
  add_string (&builder, "provider", self->provider_id);
  add_date (&builder, "from", self->from);
  add_date (&builder, "to", self->to);
  if (self->overdue_only)
    g_variant_builder_add (&builder, "{sv}", "overdue", g_variant_new_boolean (TRUE));
  add_string (&builder, "text", self->text);

  return g_variant_builder_end (&builder);
}

static void
load_string (GVariantDict  *dict,
             const char    *key,
             char         **field)
{
  const char *value = NULL;

  if (g_variant_dict_lookup (dict, key, "&s", &value) && *value != '\0')
    set_str (field, value);
  else
    g_clear_pointer (field, g_free);
}

static SpDate
load_date (GVariantDict *dict,
           const char   *key)
{
  const char *value = NULL;
  SpDate date = SP_DATE_NONE;

  if (g_variant_dict_lookup (dict, key, "&s", &value) && sp_date_parse (value, &date))
    return date;

  return SP_DATE_NONE;
}

void
sp_case_filter_load_variant (SpCaseFilter *self,
                             GVariant     *variant)
{
  g_autoptr(GVariantDict) dict = NULL;
  guint32 bits;
  gboolean flag;

  g_return_if_fail (SP_IS_CASE_FILTER (self));

  if (variant == NULL || !g_variant_is_of_type (variant, G_VARIANT_TYPE_VARDICT))
    return;

  dict = g_variant_dict_new (variant);

  self->kinds = g_variant_dict_lookup (dict, "kinds", "u", &bits) ? bits : 0;
  self->statuses = g_variant_dict_lookup (dict, "statuses", "u", &bits) ? bits : 0;
  self->channels = g_variant_dict_lookup (dict, "channels", "u", &bits) ? bits : 0;
  self->areas = g_variant_dict_lookup (dict, "areas", "u", &bits) ? bits : 0;
  self->valences = g_variant_dict_lookup (dict, "valences", "u", &bits) ? bits : 0;
  self->escalations = g_variant_dict_lookup (dict, "escalations", "u", &bits) ? bits : 0;
  load_string (dict, "unit", &self->unit_id);
  load_string (dict, "category", &self->category);
  load_string (dict, "provider", &self->provider_id);
  self->from = load_date (dict, "from");
  self->to = load_date (dict, "to");
  self->overdue_only = g_variant_dict_lookup (dict, "overdue", "b", &flag) && flag;
  load_string (dict, "text", &self->text);
}

gboolean
sp_case_filter_has_criteria (SpCaseFilter *self)
{
  g_return_val_if_fail (SP_IS_CASE_FILTER (self), FALSE);

  return self->kinds != 0 || self->statuses != 0 || self->channels != 0 ||
         self->areas != 0 || self->valences != 0 || self->escalations != 0 ||
         self->unit_id != NULL ||
         self->category != NULL || self->provider_id != NULL ||
         self->from != SP_DATE_NONE || self->to != SP_DATE_NONE ||
         self->overdue_only || (self->text != NULL && *self->text != '\0');
}

gboolean
sp_case_filter_equal (SpCaseFilter *a,
                      SpCaseFilter *b)
{
  g_return_val_if_fail (SP_IS_CASE_FILTER (a), FALSE);
  g_return_val_if_fail (SP_IS_CASE_FILTER (b), FALSE);

  return a->kinds == b->kinds && a->statuses == b->statuses &&
         a->channels == b->channels && a->areas == b->areas && a->valences == b->valences &&
         a->escalations == b->escalations &&
         g_strcmp0 (a->unit_id, b->unit_id) == 0 &&
         g_strcmp0 (a->category, b->category) == 0 &&
         g_strcmp0 (a->provider_id, b->provider_id) == 0 &&
         a->from == b->from && a->to == b->to &&
         a->overdue_only == b->overdue_only &&
         g_strcmp0 (a->text, b->text) == 0 &&
         a->view_statuses == b->view_statuses &&
         a->registered_only == b->registered_only &&
         a->registration_queue == b->registration_queue &&
         g_strcmp0 (a->mine_user_id, b->mine_user_id) == 0 &&
         g_strcmp0 (a->mine_unit_id, b->mine_unit_id) == 0 &&
         a->sort == b->sort && a->descending == b->descending;
}
