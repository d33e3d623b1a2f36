/* sp-directory.c: signing in against the organisation's directory (LDAP)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "synpunkt-server"

#define LDAP_DEPRECATED 0
#include <ldap.h>
#include <string.h>

#include "sp-directory.h"

#define MAX_USERNAME_LENGTH 256

void
sp_directory_config_free (SpDirectoryConfig *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->uri);
  g_free (self->ca_file);
  g_free (self->bind_dn);
  if (self->bind_password)
    {
      memset (self->bind_password, 0, strlen (self->bind_password));
      g_free (self->bind_password);
    }
  g_free (self->user_base);
  g_free (self->user_filter);
  g_free (self->disabled_filter);
  g_free (self->group_base);
  g_free (self->group_filter);
  g_free (self->display_name_attribute);
  g_free (self->email_attribute);
  g_clear_pointer (&self->role_groups, g_ptr_array_unref);
  g_clear_pointer (&self->role_bits, g_array_unref);
  g_clear_pointer (&self->unit_groups, g_ptr_array_unref);
  g_clear_pointer (&self->unit_ids, g_ptr_array_unref);
  g_free (self);
}

void
sp_directory_result_free (SpDirectoryResult *self)
{
  if (self == NULL)
    return;
  g_free (self->dn);
  g_free (self->display_name);
  g_free (self->email);
  g_free (self->unit_id);
  g_free (self->detail);
  g_free (self);
}

/* ---- configuration ---- */

static char *
get_string (GKeyFile   *file,
            const char *key)
{
  char *value = g_key_file_get_string (file, "directory", key, NULL);

  if (value != NULL && *g_strstrip (value) == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

static gboolean
invalid (GError    **error,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError    **error,
         const char *format,
         ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, SP_ERROR, SP_ERROR_INVALID, "[directory] %s", message);
  return FALSE;
}

static gboolean
read_password (SpDirectoryConfig  *self,
               GKeyFile           *file,
               const char         *config_path,
               GError            **error)
{
  g_autofree char *path = get_string (file, "bind_password_file");
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;

  self->bind_password = g_key_file_get_string (file, "directory", "bind_password", NULL);
  if (path == NULL)
    return TRUE;

  if (!g_path_is_absolute (path) && config_path != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (config_path);
      g_autofree char *full = g_build_filename (dir, path, NULL);

      g_free (path);
      path = g_steal_pointer (&full);
    }
  if (!g_file_get_contents (path, &contents, NULL, &local_error))
    return invalid (error, "bind_password_file: %s", local_error->message);

  g_free (self->bind_password);
  self->bind_password = g_strdup (g_strchomp (contents));
  memset (contents, 0, strlen (contents));
  return TRUE;
}

static gboolean
read_mapping (SpDirectoryConfig  *self,
              GKeyFile           *file,
              GError            **error)
{
  g_auto(GStrv) keys = g_key_file_get_keys (file, "directory", NULL, NULL);

  for (guint i = 0; keys && keys[i]; i++)
    {
      gboolean is_role = g_str_has_prefix (keys[i], "role.");
      gboolean is_unit = g_str_has_prefix (keys[i], "unit.");
      const char *target = keys[i] + 5;
      g_auto(GStrv) groups = NULL;
      int role = 0;

      if (!is_role && !is_unit)
        continue;
      if (is_role && !sp_enum_from_name (&sp_role_info, target, &role))
        return invalid (error, "%s: “%s” is not a role", keys[i], target);
      if (is_unit && !sp_is_uuid (target))
        return invalid (error, "%s: “%s” is not a unit id", keys[i], target);

      groups = g_key_file_get_string_list (file, "directory", keys[i], NULL, NULL);
      for (guint j = 0; groups && groups[j]; j++)
        {
          char *dn = g_strstrip (g_strdup (groups[j]));

          if (*dn == '\0')
            {
              g_free (dn);
              continue;
            }
          if (is_role)
            {
              guint bit = SP_ROLE_BIT (role);

              g_ptr_array_add (self->role_groups, dn);
              g_array_append_val (self->role_bits, bit);
            }
          else
            {
              g_ptr_array_add (self->unit_groups, dn);
              g_ptr_array_add (self->unit_ids, g_strdup (target));
            }
        }
    }

  if (self->role_groups->len == 0)
    return invalid (error, "map at least one group to a role (role.registrar=GROUP-DN, …)");
  return TRUE;
}

static gboolean
read_number (GKeyFile    *file,
             const char  *key,
             guint        min,
             guint        max,
             guint       *dest,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 value;

  if (!g_key_file_has_key (file, "directory", key, NULL))
    return TRUE;
  value = g_key_file_get_int64 (file, "directory", key, &local_error);
  if (local_error != NULL || value < min || value > max)
    return invalid (error, "%s must be a number from %u to %u", key, min, max);
  *dest = (guint) value;
  return TRUE;
}

gboolean
sp_directory_config_load (GKeyFile           *file,
                          const char         *config_path,
                          SpDirectoryConfig **out,
                          GError            **error)
{
  g_autoptr(SpDirectoryConfig) self = NULL;

  *out = NULL;
  if (!g_key_file_has_group (file, "directory"))
    return TRUE;

  self = g_new0 (SpDirectoryConfig, 1);
  self->role_groups = g_ptr_array_new_with_free_func (g_free);
  self->role_bits = g_array_new (FALSE, FALSE, sizeof (guint));
  self->unit_groups = g_ptr_array_new_with_free_func (g_free);
  self->unit_ids = g_ptr_array_new_with_free_func (g_free);
  self->timeout_sec = 10;
  self->recheck_interval_sec = 300;

  self->uri = get_string (file, "uri");
  self->name = get_string (file, "name");
  self->ca_file = get_string (file, "ca_file");
  self->bind_dn = get_string (file, "bind_dn");
  self->user_base = get_string (file, "user_base");
  self->user_filter = get_string (file, "user_filter");
  self->disabled_filter = get_string (file, "disabled_filter");
  self->group_base = get_string (file, "group_base");
  self->group_filter = get_string (file, "group_filter");
  self->display_name_attribute = get_string (file, "display_name_attribute");
  self->email_attribute = get_string (file, "email_attribute");
  self->starttls = g_key_file_get_boolean (file, "directory", "starttls", NULL);

  if (self->uri == NULL)
    return invalid (error, "uri is missing (ldaps://HOST or ldap://HOST with starttls=true)");
  if (g_str_has_prefix (self->uri, "ldap://") && !self->starttls)
    return invalid (error, "uri %s sends passwords in the clear: use ldaps:// or starttls=true",
                    self->uri);
  if (!g_str_has_prefix (self->uri, "ldap://") && !g_str_has_prefix (self->uri, "ldaps://"))
    return invalid (error, "uri must start with ldaps:// or ldap://");
  if (g_str_has_prefix (self->uri, "ldaps://") && self->starttls)
    return invalid (error, "starttls is for ldap:// URIs; ldaps:// is encrypted already");
  if (self->ca_file != NULL && !g_file_test (self->ca_file, G_FILE_TEST_IS_REGULAR))
    return invalid (error, "ca_file %s does not exist", self->ca_file);
  if (!read_password (self, file, config_path, error))
    return FALSE;
  /* A search with no credentials would be an anonymous bind. */
  if (self->bind_dn == NULL || self->bind_password == NULL || *self->bind_password == '\0')
    return invalid (error, "the service account needs bind_dn and bind_password (or bind_password_file)");
  if (self->user_base == NULL)
    return invalid (error, "user_base is missing");
  if (self->user_filter == NULL || strstr (self->user_filter, "%s") == NULL)
    return invalid (error, "user_filter must hold %%s for the user name, e.g. (uid=%%s)");
  if (self->group_base != NULL && self->group_filter == NULL)
    self->group_filter = g_strdup ("(member=%s)");
  if (self->group_filter != NULL && strstr (self->group_filter, "%s") == NULL)
    return invalid (error, "group_filter must hold %%s for the user's DN, e.g. (member=%%s)");
  if (self->name == NULL)
    self->name = g_strdup (self->uri);

  if (!read_number (file, "timeout", 1, 300, &self->timeout_sec, error) ||
      !read_number (file, "recheck_interval", 1, 7 * 24 * 3600, &self->recheck_interval_sec, error) ||
      !read_mapping (self, file, error))
    return FALSE;

  *out = g_steal_pointer (&self);
  return TRUE;
}

/* ---- filters ---- */

char *
sp_directory_escape_filter (const char *value,
                            gssize      length)
{
  GString *out;

  if (length < 0)
    length = strlen (value);
  out = g_string_sized_new (length + 8);
  for (gssize i = 0; i < length; i++)
    {
      guchar c = value[i];

      if (c == '*' || c == '(' || c == ')' || c == '\\' || c < 0x20 || c >= 0x7f)
        g_string_append_printf (out, "\\%02x", c);
      else
        g_string_append_c (out, c);
    }
  return g_string_free (out, FALSE);
}

/* @template with each %s replaced by @value, escaped. */
static char *
make_filter (const char *template,
             const char *value)
{
  g_autofree char *escaped = sp_directory_escape_filter (value, -1);
  g_auto(GStrv) parts = g_strsplit (template, "%s", -1);

  return g_strjoinv (escaped, parts);
}

/* ---- connections ---- */

static void
set_detail (SpDirectoryResult *result,
            LDAP              *ld,
            const char        *what,
            int                rc)
{
  char *diagnostic = NULL;

  if (ld != NULL)
    ldap_get_option (ld, LDAP_OPT_DIAGNOSTIC_MESSAGE, &diagnostic);
  g_free (result->detail);
  result->detail = g_strdup_printf ("%s: %s%s%s", what, ldap_err2string (rc),
                                    diagnostic && *diagnostic ? " — " : "",
                                    diagnostic ? diagnostic : "");
  if (diagnostic)
    ldap_memfree (diagnostic);
}

/* A bind that can never be anonymous or unauthenticated: both a name and
 * a password, or no bind at all. */
static int
simple_bind (LDAP       *ld,
             const char *dn,
             const char *password)
{
  struct berval cred;

  if (dn == NULL || *dn == '\0' || password == NULL || *password == '\0')
    return LDAP_INAPPROPRIATE_AUTH;

  cred.bv_val = (char *) password;
  cred.bv_len = strlen (password);
  return ldap_sasl_bind_s (ld, dn, LDAP_SASL_SIMPLE, &cred, NULL, NULL, NULL);
}

/* Connected, encrypted and bound as the service account, or NULL. */
static LDAP *
open_service (const SpDirectoryConfig *config,
              SpDirectoryResult       *result)
{
  LDAP *ld = NULL;
  int version = LDAP_VERSION3;
  int demand = LDAP_OPT_X_TLS_DEMAND;
  int new_context = 0;
  struct timeval timeout = { config->timeout_sec, 0 };
  int rc;

  rc = ldap_initialize (&ld, config->uri);
  if (rc != LDAP_SUCCESS)
    {
      set_detail (result, NULL, "the directory's URI", rc);
      return NULL;
    }

  ldap_set_option (ld, LDAP_OPT_PROTOCOL_VERSION, &version);
  ldap_set_option (ld, LDAP_OPT_REFERRALS, LDAP_OPT_OFF);
  ldap_set_option (ld, LDAP_OPT_NETWORK_TIMEOUT, &timeout);
  ldap_set_option (ld, LDAP_OPT_TIMEOUT, &timeout);
  ldap_set_option (ld, LDAP_OPT_X_TLS_REQUIRE_CERT, &demand);
  if (config->ca_file)
    ldap_set_option (ld, LDAP_OPT_X_TLS_CACERTFILE, config->ca_file);
  /* The TLS options above take effect in a context of this handle's own. */
  ldap_set_option (ld, LDAP_OPT_X_TLS_NEWCTX, &new_context);

  if (config->starttls && (rc = ldap_start_tls_s (ld, NULL, NULL)) != LDAP_SUCCESS)
    {
      set_detail (result, ld, "StartTLS", rc);
      goto fail;
    }

  if ((rc = simple_bind (ld, config->bind_dn, config->bind_password)) != LDAP_SUCCESS)
    {
      set_detail (result, ld, "the service account's bind", rc);
      goto fail;
    }
  return ld;

fail:
  ldap_unbind_ext_s (ld, NULL, NULL);
  return NULL;
}

static int
search (const SpDirectoryConfig  *config,
        LDAP                     *ld,
        const char               *base,
        int                       scope,
        const char               *filter,
        const char * const       *attributes,
        int                       size_limit,
        LDAPMessage             **out)
{
  struct timeval timeout = { config->timeout_sec, 0 };

  *out = NULL;
  return ldap_search_ext_s (ld, base, scope, filter, (char **) attributes, 0,
                            NULL, NULL, &timeout, size_limit, out);
}

static char *
dup_first_value (LDAP        *ld,
                 LDAPMessage *entry,
                 const char  *attribute)
{
  struct berval **values;
  char *value = NULL;

  if (attribute == NULL)
    return NULL;
  values = ldap_get_values_len (ld, entry, attribute);
  if (values != NULL && values[0] != NULL &&
      g_utf8_validate_len (values[0]->bv_val, values[0]->bv_len, NULL))
    value = g_strndup (values[0]->bv_val, values[0]->bv_len);
  ldap_value_free_len (values);
  return value;
}

/* DNs compare equal whatever their spacing and case. */
static char *
dn_key (const char *dn)
{
  char *normal = NULL;
  char *key;

  if (ldap_dn_normalize (dn, LDAP_DN_FORMAT_LDAP, &normal, LDAP_DN_FORMAT_LDAPV3) != LDAP_SUCCESS)
    return g_utf8_casefold (dn, -1);
  key = g_utf8_casefold (normal, -1);
  ldap_memfree (normal);
  return key;
}

static void
map_group (const SpDirectoryConfig *config,
           const char              *group_dn,
           SpDirectoryResult       *result)
{
  g_autofree char *key = dn_key (group_dn);

  for (guint i = 0; i < config->role_groups->len; i++)
    {
      g_autofree char *mapped = dn_key (g_ptr_array_index (config->role_groups, i));

      if (g_strcmp0 (key, mapped) == 0)
        result->roles |= g_array_index (config->role_bits, guint, i);
    }
  for (guint i = 0; result->unit_id == NULL && i < config->unit_groups->len; i++)
    {
      g_autofree char *mapped = dn_key (g_ptr_array_index (config->unit_groups, i));

      if (g_strcmp0 (key, mapped) == 0)
        result->unit_id = g_strdup (g_ptr_array_index (config->unit_ids, i));
    }
}

static int
read_groups (const SpDirectoryConfig *config,
             LDAP                    *ld,
             LDAPMessage             *entry,
             SpDirectoryResult       *result)
{
  static const char * const no_attributes[] = { LDAP_NO_ATTRS, NULL };
  g_autofree char *filter = NULL;
  LDAPMessage *groups = NULL;
  int rc;

  if (config->group_base == NULL)
    {
      struct berval **values = ldap_get_values_len (ld, entry, "memberOf");

      for (guint i = 0; values && values[i]; i++)
        {
          g_autofree char *dn = g_strndup (values[i]->bv_val, values[i]->bv_len);

          map_group (config, dn, result);
        }
      ldap_value_free_len (values);
      return LDAP_SUCCESS;
    }

  filter = make_filter (config->group_filter, result->dn);
  rc = search (config, ld, config->group_base, LDAP_SCOPE_SUBTREE, filter, no_attributes, 0, &groups);
  if (rc == LDAP_SUCCESS || rc == LDAP_SIZELIMIT_EXCEEDED)
    {
      for (LDAPMessage *group = ldap_first_entry (ld, groups); group; group = ldap_next_entry (ld, group))
        {
          char *dn = ldap_get_dn (ld, group);

          if (dn)
            map_group (config, dn, result);
          ldap_memfree (dn);
        }
      rc = LDAP_SUCCESS;
    }
  ldap_msgfree (groups);
  return rc;
}

/* Whether the entry at @dn matches the disabled filter. */
static int
is_disabled (const SpDirectoryConfig *config,
             LDAP                    *ld,
             const char              *dn,
             gboolean                *disabled)
{
  static const char * const no_attributes[] = { LDAP_NO_ATTRS, NULL };
  LDAPMessage *found = NULL;
  int rc;

  *disabled = FALSE;
  if (config->disabled_filter == NULL)
    return LDAP_SUCCESS;
  rc = search (config, ld, dn, LDAP_SCOPE_BASE, config->disabled_filter, no_attributes, 1, &found);
  if (rc == LDAP_SUCCESS)
    *disabled = ldap_count_entries (ld, found) > 0;
  else if (rc == LDAP_NO_SUCH_OBJECT)
    {
      *disabled = TRUE;
      rc = LDAP_SUCCESS;
    }
  ldap_msgfree (found);
  return rc;
}

static gboolean
username_is_acceptable (const char *username)
{
  return username != NULL && *username != '\0' && strlen (username) <= MAX_USERNAME_LENGTH &&
         g_utf8_validate (username, -1, NULL);
}

/* Finds the one entry for @username: its DN, names and groups. */
static int
find_user (const SpDirectoryConfig *config,
           LDAP                    *ld,
           const char              *username,
           SpDirectoryResult       *result,
           gboolean                *disabled)
{
  const char *attributes[5] = { "memberOf", NULL, NULL, NULL, NULL };
  g_autofree char *filter = make_filter (config->user_filter, username);
  LDAPMessage *found = NULL;
  LDAPMessage *entry;
  char *dn;
  int rc;
  guint n = 1;

  if (config->display_name_attribute)
    attributes[n++] = config->display_name_attribute;
  if (config->email_attribute)
    attributes[n++] = config->email_attribute;

  /* Two matches are as good as none: the name must say who it is. */
  rc = search (config, ld, config->user_base, LDAP_SCOPE_SUBTREE, filter, attributes, 2, &found);
  if (rc == LDAP_SIZELIMIT_EXCEEDED || rc == LDAP_NO_SUCH_OBJECT ||
      (rc == LDAP_SUCCESS && ldap_count_entries (ld, found) != 1))
    {
      ldap_msgfree (found);
      return LDAP_NO_SUCH_OBJECT;
    }
  if (rc != LDAP_SUCCESS)
    {
      ldap_msgfree (found);
      return rc;
    }

  entry = ldap_first_entry (ld, found);
  dn = ldap_get_dn (ld, entry);
  result->dn = g_strdup (dn);
  ldap_memfree (dn);
  result->display_name = dup_first_value (ld, entry, config->display_name_attribute);
  result->email = dup_first_value (ld, entry, config->email_attribute);

  rc = read_groups (config, ld, entry, result);
  if (rc == LDAP_SUCCESS)
    rc = is_disabled (config, ld, result->dn, disabled);
  ldap_msgfree (found);
  return rc;
}

SpDirectoryResult *
sp_directory_authenticate (const SpDirectoryConfig *config,
                           const char              *username,
                           const char              *password)
{
  g_autoptr(SpDirectoryResult) result = g_new0 (SpDirectoryResult, 1);
  gboolean disabled = FALSE;
  LDAP *ld;
  int rc;

  /* On many servers an empty password is an unauthenticated bind that
   * "succeeds": refuse it before any connection. */
  result->status = SP_DIRECTORY_WRONG_PASSWORD;
  if (password == NULL || *password == '\0' || !username_is_acceptable (username))
    {
      result->detail = g_strdup ("empty password or unusable user name: no bind tried");
      return g_steal_pointer (&result);
    }

  ld = open_service (config, result);
  if (ld == NULL)
    {
      result->status = SP_DIRECTORY_UNREACHABLE;
      return g_steal_pointer (&result);
    }

  /* Everything the service account may read is read first: once bound as
   * the user, the connection has only the user's rights. */
  rc = find_user (config, ld, username, result, &disabled);
  if (rc == LDAP_NO_SUCH_OBJECT)
    {
      result->detail = g_strdup ("no single entry has this user name");
      goto out;
    }
  if (rc != LDAP_SUCCESS)
    {
      set_detail (result, ld, "the search", rc);
      result->status = SP_DIRECTORY_UNREACHABLE;
      goto out;
    }

  rc = simple_bind (ld, result->dn, password);
  if (rc == LDAP_INVALID_CREDENTIALS || rc == LDAP_INAPPROPRIATE_AUTH ||
      rc == LDAP_UNWILLING_TO_PERFORM || rc == LDAP_CONSTRAINT_VIOLATION)
    {
      set_detail (result, ld, "the user's bind", rc);
      goto out;
    }
  if (rc != LDAP_SUCCESS)
    {
      set_detail (result, ld, "the user's bind", rc);
      result->status = SP_DIRECTORY_UNREACHABLE;
      goto out;
    }

  if (disabled)
    result->status = SP_DIRECTORY_DISABLED;
  else if (result->roles == 0)
    result->status = SP_DIRECTORY_NO_GROUP;
  else
    result->status = SP_DIRECTORY_OK;

out:
  ldap_unbind_ext_s (ld, NULL, NULL);
  return g_steal_pointer (&result);
}

SpDirectoryStatus
sp_directory_check_account (const SpDirectoryConfig *config,
                            const char              *dn)
{
  static const char * const no_attributes[] = { LDAP_NO_ATTRS, NULL };
  g_autoptr(SpDirectoryResult) scratch = g_new0 (SpDirectoryResult, 1);
  LDAPMessage *found = NULL;
  SpDirectoryStatus status = SP_DIRECTORY_UNREACHABLE;
  gboolean disabled = FALSE;
  LDAP *ld;
  int rc;

  ld = open_service (config, scratch);
  if (ld == NULL)
    {
      g_message ("Could not re-check directory accounts: %s", scratch->detail);
      return SP_DIRECTORY_UNREACHABLE;
    }

  rc = search (config, ld, dn, LDAP_SCOPE_BASE, "(objectClass=*)", no_attributes, 1, &found);
  if (rc == LDAP_NO_SUCH_OBJECT || (rc == LDAP_SUCCESS && ldap_count_entries (ld, found) == 0))
    status = SP_DIRECTORY_DISABLED;
  else if (rc == LDAP_SUCCESS && (rc = is_disabled (config, ld, dn, &disabled)) == LDAP_SUCCESS)
    status = disabled ? SP_DIRECTORY_DISABLED : SP_DIRECTORY_OK;

  ldap_msgfree (found);
  ldap_unbind_ext_s (ld, NULL, NULL);
  return status;
}
