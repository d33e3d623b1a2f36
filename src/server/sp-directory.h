/* sp-directory.h: signing in against the organisation's directory (LDAP)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   [directory]
 *   name=Stockholms stad (AD)
 *   uri=ldaps://dc1.example.org            (or ldap://… with starttls=true)
 *   starttls=false
 *   ca_file=/etc/synpunkt/directory-ca.pem
 *   bind_dn=CN=svc-synpunkt,OU=Service,DC=example,DC=org
 *   bind_password_file=/etc/synpunkt/directory-password
 *   user_base=OU=Staff,DC=example,DC=org
 *   user_filter=(&(objectClass=user)(sAMAccountName=%s))
 *   disabled_filter=(userAccountControl:1.2.840.113556.1.4.803:=2)
 *   group_base=                             (empty: read memberOf)
 *   group_filter=(member=%s)
 *   display_name_attribute=displayName
 *   email_attribute=mail
 *   timeout=10                              (seconds, connect and each operation)
 *   recheck_interval=300                    (seconds between account re-checks)
 *   role.registrar=CN=Registrators,OU=Groups,DC=example,DC=org;CN=…
 *   unit.<unit id>=CN=Enhet Kundtjänst,OU=Groups,DC=example,DC=org
 *
 * Every call below blocks on the network and touches no store: run them
 * in a worker thread. None ever binds anonymously, and none logs a
 * password.
 */

#pragma once

#include "synpunkt-core.h"

G_BEGIN_DECLS

typedef struct
{
  char   *name;
  char   *uri;
  gboolean starttls;
  char   *ca_file;
  char   *bind_dn;
  char   *bind_password;
  char   *user_base;
  char   *user_filter;
  char   *disabled_filter;
  char   *group_base;
  char   *group_filter;
  char   *display_name_attribute;
  char   *email_attribute;
  guint   timeout_sec;
  guint   recheck_interval_sec;
  /* Parallel: a group's DN and the role bit or the unit id it gives. */
  GPtrArray *role_groups;   /* char * */
  GArray    *role_bits;     /* guint */
  GPtrArray *unit_groups;   /* char * */
  GPtrArray *unit_ids;      /* char * */
} SpDirectoryConfig;

typedef enum
{
  SP_DIRECTORY_OK,
  SP_DIRECTORY_WRONG_PASSWORD,   /* unknown user, several matches or a failed bind */
  SP_DIRECTORY_DISABLED,
  SP_DIRECTORY_NO_GROUP,
  SP_DIRECTORY_UNREACHABLE,
} SpDirectoryStatus;

typedef struct
{
  SpDirectoryStatus status;
  char   *dn;
  char   *display_name;
  char   *email;
  guint   roles;
  char   *unit_id;
  /* For the log: what went wrong, never a password. */
  char   *detail;
} SpDirectoryResult;

/* Reads the [directory] group; *@out stays NULL when there is none. */
gboolean           sp_directory_config_load   (GKeyFile           *file,
                                               const char         *config_path,
                                               SpDirectoryConfig **out,
                                               GError            **error);
void               sp_directory_config_free   (SpDirectoryConfig  *self);

/* RFC 4515: `*`, `(`, `)`, `\` and NUL (and every byte outside ASCII
 * printables) as \XX. @length may be -1 for a NUL-terminated string. */
char              *sp_directory_escape_filter (const char         *value,
                                               gssize              length);

/* Searches for @username with the service account, then binds as the
 * user with @password. An empty password is refused before any bind. */
SpDirectoryResult *sp_directory_authenticate  (const SpDirectoryConfig *config,
                                               const char         *username,
                                               const char         *password);
/* Whether the account at @dn still exists and is not disabled:
 * SP_DIRECTORY_OK, _DISABLED (also when removed) or _UNREACHABLE. */
SpDirectoryStatus  sp_directory_check_account (const SpDirectoryConfig *config,
                                               const char         *dn);
void               sp_directory_result_free   (SpDirectoryResult  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpDirectoryConfig, sp_directory_config_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpDirectoryResult, sp_directory_result_free)

G_END_DECLS
