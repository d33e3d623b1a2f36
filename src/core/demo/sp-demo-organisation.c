/* sp-demo-organisation.c: the demo district: its units, staff, providers and categories
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sp-demo-private.h"
#include "sp-demo-text.h"

/* The organisation number's last digit is a Luhn check digit. */
static char *
org_number_with_check (const char *nine)
{
  int sum = 0;

  g_assert (strlen (nine) == 9);

  for (int i = 0; i < 9; i++)
    {
      int v = nine[i] - '0';

      if (i % 2 == 0 && (v *= 2) > 9)
        v -= 9;
      sum += v;
    }

  return g_strdup_printf ("%.6s-%.3s%d", nine, nine + 6, (10 - sum % 10) % 10);
}

static SpUser *
make_user (Demo        *d,
           GHashTable  *usernames,
           guint        roles,
           const char  *unit_id)
{
  SpUser *user = sp_user_new ();
  const char *first = PICK (d, first_names);
  const char *last = PICK (d, last_names);
  g_autofree char *base = ascii_fold (first, last);
  char *username = g_strdup (base);

  for (guint i = 2; g_hash_table_contains (usernames, username); i++)
    {
      g_free (username);
      username = g_strdup_printf ("%s%u", base, i);
    }
  g_hash_table_add (usernames, username);

  SP_ENTITY (user)->id = demo_uuid (d);
  user->username = g_strdup (username);
  user->display_name = g_strdup_printf ("%s %s", first, last);
  user->email = g_strdup_printf ("%s@hasselby-vallingby.example.se", username);
  user->roles = roles;
  user->unit_id = g_strdup (unit_id);

  return user;
}

gboolean
_sp_demo_create_organisation (Demo    *d,
                              GError **error)
{
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) users = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) usernames = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(SpUnit) root = sp_unit_new ();
  SpUser *admin;
  static const struct {
    SpRole      role;
    guint       extra_roles;
    const char *unit;
  } specialists[] = {
    { SP_ROLE_REGISTRAR, 0, "Kansliet" },
    { SP_ROLE_REGISTRAR, SP_ROLE_BIT (SP_ROLE_QUALITY), "Kansliet" },
    { SP_ROLE_QUALITY, 0, "Kansliet" },
    { SP_ROLE_CASE_OFFICER, 0, "Biståndsenheten äldre" },
    { SP_ROLE_CASE_OFFICER, 0, "Funktionsnedsättning LSS" },
    { SP_ROLE_PROCUREMENT, 0, "Ekonomi och upphandling" },
    { SP_ROLE_STAFF, 0, "Hemtjänst Vällingby" },
    { SP_ROLE_STAFF, 0, "Råcksta vård- och omsorgsboende" },
    { SP_ROLE_STAFF, 0, "Förskolan Solrosen" },
    { SP_ROLE_STAFF, 0, "Kontaktcenter" },
    { SP_ROLE_STAFF, 0, "Fritidsgården Vällingby" },
    { SP_ROLE_STAFF, 0, "Park och natur" },
  };

  SP_ENTITY (root)->id = demo_uuid (d);
  root->name = g_strdup ("Hässelby-Vällingby stadsdelsförvaltning");
  root->kind = SP_UNIT_KIND_ADMINISTRATION;
  root->area = SP_AREA_ADMINISTRATION;

  /* The administrator exists first: the reference data is saved in her name. */
  admin = make_user (d, usernames, SP_ROLE_BIT (SP_ROLE_ADMIN), NULL);
  g_ptr_array_add (users, admin);
  d->admin_id = SP_ENTITY (admin)->id;

  for (guint i = 0; i < G_N_ELEMENTS (departments); i++)
    {
      SpUnit *department = sp_unit_new ();
      g_auto(GStrv) names = g_strsplit (departments[i].units, "|", -1);
      SpUser *head;

      SP_ENTITY (department)->id = demo_uuid (d);
      department->name = g_strdup (departments[i].name);
      department->parent_id = g_strdup (SP_ENTITY (root)->id);
      department->kind = SP_UNIT_KIND_DEPARTMENT;
      department->area = departments[i].area;
      head = make_user (d, usernames, SP_ROLE_BIT (SP_ROLE_DEPARTMENT_HEAD), SP_ENTITY (department)->id);
      department->manager_id = g_strdup (SP_ENTITY (head)->id);
      g_ptr_array_add (units, department);
      g_ptr_array_add (users, head);

      for (guint j = 0; names[j] != NULL; j++)
        {
          SpUnit *unit = sp_unit_new ();
          char *at = strchr (names[j], '@');
          SpUser *manager;

          SP_ENTITY (unit)->id = demo_uuid (d);
          unit->area = departments[i].area;
          if (at != NULL)
            {
              *at = '\0';
              unit->area = (SpArea)g_ascii_strtoull (at + 1, NULL, 10);
            }
          unit->name = g_strdup (names[j]);
          unit->parent_id = g_strdup (SP_ENTITY (department)->id);
          unit->kind = SP_UNIT_KIND_UNIT;
          manager = make_user (d, usernames, SP_ROLE_BIT (SP_ROLE_UNIT_MANAGER), SP_ENTITY (unit)->id);
          unit->manager_id = g_strdup (SP_ENTITY (manager)->id);
          g_hash_table_insert (by_name, unit->name, SP_ENTITY (unit)->id);
          g_ptr_array_add (units, unit);
          g_ptr_array_add (users, manager);
        }
    }

  admin->unit_id = g_strdup (g_hash_table_lookup (by_name, "Kansliet"));

  for (guint i = 0; i < G_N_ELEMENTS (specialists); i++)
    g_ptr_array_add (users, make_user (d, usernames,
                                       SP_ROLE_BIT (specialists[i].role) | specialists[i].extra_roles,
                                       g_hash_table_lookup (by_name, specialists[i].unit)));

  if (!save_now (d, root, error))
    return FALSE;
  for (guint i = 0; i < units->len; i++)
    if (!save_now (d, g_ptr_array_index (units, i), error))
      return FALSE;
  for (guint i = 0; i < users->len; i++)
    if (!save_now (d, g_ptr_array_index (users, i), error))
      return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (demo_providers); i++)
    {
      g_autoptr(SpProvider) provider = sp_provider_new ();

      provider->name = g_strdup (demo_providers[i].name);
      provider->org_number = org_number_with_check (demo_providers[i].org_prefix);
      provider->contract_form = demo_providers[i].form;
      provider->contract_reference = g_strdup_printf ("Avtal %d-%04d", demo_range (d, 2019, 2023),
                                                      demo_range (d, 100, 2999));
      provider->responsible_administration = g_strdup (demo_providers[i].administration);
      provider->area = demo_providers[i].area;
      {
        static const char * const contacts[] = { "Karin Lund", "Ahmed Nasser", "Eva Holm", "Jonas Berg", "Sofia Ek" };
        int start_year = demo_range (d, 2020, 2024);

        provider->contract_starts_on = sp_date_new (start_year, 1, 1);
        /* One contract has run out: "active contract" filters it away. */
        provider->contract_ends_on = i == 2 ? sp_date_new (sp_date_get_year (d->today) - 1, 12, 31)
                                            : sp_date_new (start_year + 6, 12, 31);
        provider->contact_person = g_strdup (contacts[i % G_N_ELEMENTS (contacts)]);
      }
      if (!save_now (d, provider, error))
        return FALSE;
    }

  /* d->admin_id points into @users, which dies here: _sp_demo_load_reference ()
   * finds the administrator again in the store. */
  d->admin_id = NULL;
  return TRUE;
}

gboolean
_sp_demo_ensure_categories (Demo    *d,
                            GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (category_codes); i++)
    {
      g_autoptr(GPtrArray) found = NULL;
      g_autoptr(SpCategory) category = NULL;

      if (!(found = sp_store_load_where (d->store, SP_TYPE_CATEGORY, "code", category_codes[i], error)))
        return FALSE;
      if (found->len > 0)
        continue;

      category = sp_category_new ();
      category->code = g_strdup (category_codes[i]);
      category->name = g_strdup (category_names[i]);
      category->position = (int)i;
      if (!save_now (d, category, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
_sp_demo_load_reference (Demo    *d,
                         GError **error)
{
  if (!(d->all_units = sp_store_load_where (d->store, SP_TYPE_UNIT, NULL, NULL, error)) ||
      !(d->providers = sp_store_load_where (d->store, SP_TYPE_PROVIDER, NULL, NULL, error)) ||
      !(d->users = sp_store_load_where (d->store, SP_TYPE_USER, NULL, NULL, error)))
    return FALSE;

  d->units = g_ptr_array_new ();
  d->registrars = g_ptr_array_new ();
  d->staff = g_ptr_array_new ();
  d->units_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  d->users_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint a = 0; a <= SP_AREA_OTHER; a++)
    {
      d->units_by_area[a] = g_ptr_array_new ();
      d->providers_by_area[a] = g_ptr_array_new ();
    }

  for (guint i = 0; i < d->all_units->len; i++)
    {
      SpUnit *unit = g_ptr_array_index (d->all_units, i);

      g_hash_table_insert (d->units_by_id, SP_ENTITY (unit)->id, unit);
      if (unit->kind != SP_UNIT_KIND_UNIT)
        continue;
      g_ptr_array_add (d->units, unit);
      if ((guint)unit->area <= SP_AREA_OTHER)
        g_ptr_array_add (d->units_by_area[unit->area], unit);
    }

  for (guint i = 0; i < d->providers->len; i++)
    {
      SpProvider *provider = g_ptr_array_index (d->providers, i);

      if ((guint)provider->area <= SP_AREA_OTHER)
        g_ptr_array_add (d->providers_by_area[provider->area], provider);
    }

  for (guint i = 0; i < d->users->len; i++)
    {
      SpUser *user = g_ptr_array_index (d->users, i);

      g_hash_table_insert (d->users_by_id, SP_ENTITY (user)->id, user);
      if (user->roles & SP_ROLE_BIT (SP_ROLE_REGISTRAR))
        g_ptr_array_add (d->registrars, user);
      if (user->roles & SP_ROLE_BIT (SP_ROLE_STAFF))
        g_ptr_array_add (d->staff, user);
      if ((user->roles & SP_ROLE_BIT (SP_ROLE_ADMIN)) && d->admin_id == NULL)
        d->admin_id = SP_ENTITY (user)->id;
    }

  return TRUE;
}
