/* sp-server-config.h: the server's configuration file and flags
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   [organisation]
 *   name=Hässelby-Vällingby stadsdelsförvaltning
 *   diary_prefix=HVSDN
 *   [server]
 *   listen=127.0.0.1:8080
 *   db=/var/lib/synpunkt/synpunkt.db
 *   session_lifetime=28800        (seconds)
 *   max_body=1048576              (bytes)
 *   max_connections=512           (open at once, then 503)
 *   max_connections_per_address=64
 *   read_timeout=15               (seconds to send a whole request)
 *   idle_timeout=60               (seconds a kept-alive connection may idle)
 *   [directory]                  (optional: see sp-directory.h)
 *   [deadlines]
 *   investigation=working-days:14
 *   city_environment=calendar-days:3
 *   city_environment_complex=calendar-days:10
 *   [eservice], [open311], [open311-service CODE]: see sp-intake-config.h
 *   [registrar]
 *   secrecy_provisions=OSL 26 kap. 1 § — socialtjänst;OSL 39 kap. 3 § — personalärenden
 *   retention_contact_years=3     (the sender's contact details erased N years
 *                                  after closing; 0 or absent: never)
 *   retention_free_text_years=3   (free text that may name people cleared)
 */

#pragma once

#include "synpunkt-core.h"

#include "sp-directory.h"
#include "sp-intake-config.h"

G_BEGIN_DECLS

typedef struct
{
  char        *org_name;
  char        *diary_prefix;
  char        *listen_host;
  guint        listen_port;
  char        *db_path;
  char        *tls_cert;
  char        *tls_key;
  char       **deadline_keys;   /* parallel to deadline_rules */
  char       **deadline_rules;
  gint64       session_lifetime_sec;
  gsize        max_body;
  /* Failed logins allowed per user and per address in the window. */
  guint        max_failures_user;
  guint        max_failures_address;
  gint64       failure_window_sec;
  guint        failure_delay_ms;
  /* The audit chain's key and head files (sp-audit-key.h); NULL: the
   * defaults, beside the configuration file or the database. */
  char        *config_path;
  char        *audit_key;
  char        *audit_head;
  guint        audit_head_interval_sec;
  /* Connections: caps, and how long a request may take to arrive and an
   * idle kept-alive connection may stay open (see sp-listener.h). */
  guint        max_connections;
  guint        max_connections_per_address;
  guint        read_timeout_sec;
  guint        idle_timeout_sec;
  /* The organisation's directory, or NULL: local accounts only. */
  SpDirectoryConfig *directory;
  /* The e-service form and Open311 (sp-intake-config.h). */
  SpIntakeConfig *intake;
  /* [registrar]: the OSL provisions (one a line) and the retention rules
   * (years after closing, as text; NULL when not configured). */
  char        *secrecy_provisions;
  char        *retention_contact_years;
  char        *retention_free_text_years;
} SpServerConfig;

SpServerConfig *sp_server_config_new        (void);
/* The audit key's and head's paths, defaults filled in. */
char           *sp_server_config_dup_audit_key  (SpServerConfig *self);
char           *sp_server_config_dup_audit_head (SpServerConfig *self);
void            sp_server_config_free       (SpServerConfig  *self);
gboolean        sp_server_config_load_file  (SpServerConfig  *self,
                                             const char      *path,
                                             GError         **error);
/* "HOST:PORT", "[v6]:PORT" or ":PORT". */
gboolean        sp_server_config_set_listen (SpServerConfig  *self,
                                             const char      *text,
                                             GError         **error);
/* Writes what the store must know (diary prefix, organisation name,
 * deadline rules) into its settings, after checking each rule parses. */
gboolean        sp_server_config_apply      (SpServerConfig  *self,
                                             SpStore         *store,
                                             GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpServerConfig, sp_server_config_free)

G_END_DECLS
